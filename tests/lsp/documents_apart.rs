//! Documents do not wait for each other: a small manifest's hover and diagnostics are answered while
//! a 16 MB one is read and checked, and a version replaced before its check ends is never published
//! after the version that replaced it.

use crate::client::{Client, with_actions};
use crate::protocol::{big_manifest, position_of};
use serde_json::{Value, json};

const SMALL: &str = "file:///project/twenty.json";
const BIG: &str = "file:///project/big.json";

/// Replaces the whole text of `uri` (no range: the server reads it from its first byte).
fn replace(client: &mut Client, uri: &str, version: i64, text: &str) {
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
    );
}

fn is_publication(message: &Value, uri: &str) -> bool {
    message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri
}

#[test]
fn a_small_manifest_is_answered_while_a_16_mb_one_is_read_and_checked() {
    let mut client = Client::start(None);
    let small = with_actions(20);
    client.open(SMALL, &small);
    client.diagnostics(SMALL, 1);
    let big = big_manifest();
    client.open(BIG, &big);
    client.diagnostics(BIG, 1);
    // A new text for the big manifest (read from its first byte, then checked), and its outline.
    replace(&mut client, BIG, 2, &big.replacen("\"mycrm\"", "\"bigcrm\"", 1));
    let outline = client.send_request("textDocument/documentSymbol", json!({"textDocument": {"uri": BIG}}));
    // Then the small manifest changes (a blank display name) and the author hovers a key of it.
    replace(&mut client, SMALL, 2, &small.replacen("\"My CRM\"", "\" \"", 1));
    let (line, character) = position_of(&small, "\"display_name\"");
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": SMALL}, "position": {"line": line, "character": character + 2}}),
    );
    let shown = hover["result"]["contents"]["value"].as_str().unwrap_or_default();
    assert!(shown.contains("display_name"), "{hover}");
    assert!(
        !client.pending().iter().any(|message| is_publication(message, BIG)),
        "the hover waited for the 16 MB check"
    );
    let found = client.diagnostics(SMALL, 2);
    assert!(found.iter().any(|finding| finding["code"] == "blank-value"), "{found:?}");
    // Neither waited for the big manifest's check: its findings come after them.
    assert!(
        !client.pending().iter().any(|message| is_publication(message, BIG)),
        "the small manifest's findings waited for the 16 MB one"
    );
    let symbols = client.response(outline);
    assert_eq!(symbols["result"][0]["name"], "bigcrm", "{symbols}");
    client.diagnostics(BIG, 2);
    client.shut_down();
}

#[test]
fn a_replaced_version_is_never_published_after_the_newer_one() {
    let mut client = Client::start(None);
    let big = big_manifest();
    client.open(BIG, &big);
    client.diagnostics(BIG, 1);
    // Three new texts in a row, the last with a blank display name: the checks of the first two
    // are stopped part-way or dropped.
    replace(&mut client, BIG, 2, &big.replacen("\"mycrm\"", "\"second\"", 1));
    replace(&mut client, BIG, 3, &big.replacen("\"mycrm\"", "\"third\"", 1));
    replace(&mut client, BIG, 4, &big.replacen("\"My CRM\"", "\" \"", 1));
    let newest = client.diagnostics(BIG, 4);
    assert!(newest.iter().any(|finding| finding["code"] == "blank-value"), "{newest:?}");
    // Everything the server sends after it until it exits: no older version of the big manifest.
    let earlier = client.pending().len();
    let after = client.finish();
    let stale: Vec<&Value> = after[earlier..].iter().filter(|message| is_publication(message, BIG)).collect();
    assert!(stale.is_empty(), "published after version 4: {stale:?}");
}
