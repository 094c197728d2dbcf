//! The protocol's life cycle and hard cases: shutdown and exit, a malformed message, a client that
//! vanishes, a file that is not a manifest, diagnostics as the author types, a 16 MB manifest.

use crate::client::Client;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

const URI: &str = "file:///project/mycrm.json";

fn mycrm() -> String {
    include_str!("../../assets/examples/mycrm.json").to_owned()
}

/// The bundled example with a description long enough to make it a 16 MB manifest.
pub(crate) fn big_manifest() -> String {
    let mut manifest: Value = serde_json::from_str(&mycrm()).expect("JSON");
    manifest["integration"]["description"] = Value::String("Centralizing the conversations. ".repeat(524_288));
    let big = serde_json::to_string_pretty(&manifest).expect("JSON");
    assert!(big.len() >= 16 << 20, "{} bytes", big.len());
    big
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics.iter().map(|d| d["code"].as_str().unwrap_or_default().to_owned()).collect()
}

#[test]
fn shutdown_then_exit_ends_with_success() {
    Client::start(None).shut_down();
}

#[test]
fn exit_without_shutdown_ends_with_failure() {
    let mut client = Client::start(None);
    client.notify("exit", Value::Null);
    assert_eq!(client.exit_status().code(), Some(1));
}

#[test]
fn a_request_after_shutdown_is_refused() {
    let mut client = Client::start(None);
    client.request("shutdown", Value::Null);
    let reply = client.request("textDocument/hover", json!({}));
    assert_eq!(reply["error"]["code"], -32600, "{reply}");
    client.notify("exit", Value::Null);
    assert!(client.exit_status().success());
}

#[test]
fn a_malformed_message_gets_an_error_and_the_server_goes_on() {
    let mut client = Client::start(None);
    client.send_raw("{\"jsonrpc\": \"2.0\", \"method\": ");
    let error = client.wait_for("a parse error", |message| message["error"]["code"] == -32700);
    assert_eq!(error["id"], Value::Null);
    client.send_raw("[1, 2, 3]");
    client.wait_for("a second parse error", |message| message["error"]["code"] == -32700);
    client.open(URI, &mycrm());
    assert!(client.diagnostics(URI, 1).is_empty(), "the example is valid");
    client.shut_down();
}

#[test]
fn an_unknown_request_gets_method_not_found() {
    let mut client = Client::start(None);
    let reply = client.request("workspace/nonsense", json!({}));
    assert_eq!(reply["error"]["code"], -32601, "{reply}");
    client.shut_down();
}

#[test]
fn a_client_that_vanishes_ends_the_server() {
    let mut client = Client::start(None);
    client.open(URI, &mycrm());
    client.diagnostics(URI, 1);
    client.hang_up();
    let status = client.exit_status();
    assert_eq!(status.code(), Some(1), "{status:?}");
}

#[test]
fn a_client_that_vanishes_before_initialize_ends_the_server() {
    let mut client = Client::spawn();
    client.hang_up();
    assert_eq!(client.exit_status().code(), Some(1));
}

#[test]
fn a_json_file_that_is_no_manifest_gets_nothing() {
    let mut client = Client::start(None);
    let uri = "file:///project/package.json";
    client.open(uri, "{\"name\": \"app\", \"version\": \"1.0.0\", \"unknown\": \"\u{7}\"}");
    assert_eq!(client.diagnostics(uri, 1), Vec::<Value>::new());
    client.shut_down();
}

#[test]
fn diagnostics_follow_incremental_changes() {
    let mut client = Client::start(None);
    let text = mycrm();
    client.open(URI, &text);
    assert!(client.diagnostics(URI, 1).is_empty());
    // Blank the display name: replace `My CRM` between its quotes.
    let (line, character) = position_of(&text, "My CRM");
    let range =
        json!({"start": {"line": line, "character": character}, "end": {"line": line, "character": character + 6}});
    let change = json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"range": range, "text": " "}]});
    client.notify("textDocument/didChange", change);
    let found = client.diagnostics(URI, 2);
    assert_eq!(codes(&found), ["blank-value"], "{found:?}");
    assert_eq!(found[0]["severity"], 1);
    assert_eq!(found[0]["range"]["start"]["line"], line);
    assert!(found[0]["codeDescription"]["href"].as_str().is_some_and(|href| href.ends_with("#blank-value")));
    // Break the JSON: a syntax error with its position.
    let end = json!({"line": line, "character": character});
    let change = json!({"textDocument": {"uri": URI, "version": 3}, "contentChanges": [{"range": {"start": end, "end": end}, "text": "\""}]});
    client.notify("textDocument/didChange", change);
    let found = client.diagnostics(URI, 3);
    assert_eq!(codes(&found), ["json-syntax"], "{found:?}");
    // Closing the file clears its findings.
    client.notify("textDocument/didClose", json!({"textDocument": {"uri": URI}}));
    let cleared = client.wait_for("cleared diagnostics", |message| {
        message["method"] == "textDocument/publishDiagnostics" && message["params"]["version"].is_null()
    });
    assert_eq!(cleared["params"]["diagnostics"], json!([]));
    client.shut_down();
}

#[test]
fn a_16_mb_manifest_is_checked_while_the_server_keeps_answering() {
    let mut client = Client::start(None);
    let big = big_manifest();
    let big_uri = "file:///project/big.json";
    client.open(big_uri, &big);
    // While the big file is checked, a small one is opened and a request is answered.
    let started = Instant::now();
    let reply = client.request("workspace/nonsense", json!({}));
    assert!(reply["error"].is_object());
    client.open(URI, &mycrm());
    client.diagnostics(URI, 1);
    let answered = started.elapsed();
    // An edit at the top of the big file: the newest text's findings are the ones published.
    let start = json!({"line": 0, "character": 0});
    for version in 2..=4 {
        let change = json!({"textDocument": {"uri": big_uri, "version": version}, "contentChanges": [{"range": {"start": start, "end": start}, "text": " "}]});
        client.notify("textDocument/didChange", change);
    }
    assert!(client.diagnostics(big_uri, 4).is_empty());
    assert!(answered < Duration::from_secs(10), "the server took {answered:?} to answer beside a 16 MB file");
    client.shut_down();
}

#[test]
fn a_hover_right_after_a_change_to_a_16_mb_manifest_answers_on_the_new_text() {
    let mut client = Client::start(None);
    let big = big_manifest();
    let big_uri = "file:///project/big.json";
    client.open(big_uri, &big);
    // The authentication type becomes oauth2, and the editor asks about it at once: the server is
    // still checking (and maybe mapping) the text it opened with.
    let (line, character) = position_of(&big, "\"custom\"");
    let (start, end) =
        (json!({"line": line, "character": character + 1}), json!({"line": line, "character": character + 7}));
    let change = json!({"textDocument": {"uri": big_uri, "version": 2}, "contentChanges": [{"range": {"start": start, "end": end}, "text": "oauth2"}]});
    client.notify("textDocument/didChange", change);
    let started = Instant::now();
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": big_uri}, "position": {"line": line, "character": character + 2}}),
    );
    let answered = started.elapsed();
    let shown = hover["result"]["contents"]["value"].as_str().unwrap_or_default();
    assert!(shown.contains("`client_secret`"), "the hover is about oauth2, the new text: {hover}");
    // Generous: a debug build on a shared machine; the release build answers in milliseconds.
    assert!(answered < Duration::from_secs(10), "the hover took {answered:?} on a 16 MB manifest");
    client.diagnostics(big_uri, 2);
    client.shut_down();
}

/// The editor position (line, UTF-16 character) of the first `needle` in `text`.
pub(crate) fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).expect("the needle is in the text");
    let line = text[..at].matches('\n').count();
    let start = text[..at].rfind('\n').map_or(0, |newline| newline + 1);
    (line, text[start..at].encode_utf16().count())
}
