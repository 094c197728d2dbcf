//! Every request the server answers, through the built binary: hover, completion, code actions,
//! formatting, document symbols and go to definition; `null` for a file that is not a manifest.

use crate::client::Client;
use crate::protocol::position_of;
use serde_json::{Value, json};

const URI: &str = "file:///project/mycrm.json";

fn example() -> String {
    include_str!("../../assets/examples/mycrm.json").to_owned()
}

fn at(text: &str, needle: &str, shift: usize) -> Value {
    let (line, character) = position_of(text, needle);
    json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": character + shift}})
}

#[test]
fn hover_completion_symbols_and_definition_answer_from_the_text() {
    let mut client = Client::start(None);
    let text = example();
    client.open(URI, &text);
    client.diagnostics(URI, 1);

    let hover = client.request("textDocument/hover", at(&text, "\"display_name\"", 2));
    let shown = hover["result"]["contents"]["value"].as_str().unwrap_or_default();
    assert!(shown.contains("mandatory") && shown.contains("displayed in the Talkdesk interface"), "{hover}");

    let completion = client.request("textDocument/completion", at(&text, "\"authentication_type\": \"custom\"", 24));
    let labels: Vec<&str> =
        completion["result"].as_array().expect("items").iter().filter_map(|item| item["label"].as_str()).collect();
    assert!(labels.contains(&"oauth2_client_credentials"), "{completion}");

    let symbols = client.request("textDocument/documentSymbol", json!({"textDocument": {"uri": URI}}));
    assert_eq!(symbols["result"][0]["name"], "mycrm", "{symbols}");
    assert_eq!(symbols["result"][1]["children"][0]["name"], "subject", "{symbols}");

    let definition = client.request("textDocument/definition", at(&text, "{{account}}", 4));
    let (line, _) = position_of(&text, "\"field_name\": \"account\"");
    assert_eq!(definition["result"]["range"]["start"]["line"], line, "{definition}");
    client.shut_down();
}

#[test]
fn a_code_action_fixes_an_uppercase_display_and_formatting_gives_the_fmt_layout() {
    let mut client = Client::start(None);
    let text = example().replace("\"display\": \"create a ticket\"", "\"display\": \"Create a ticket\"");
    client.open(URI, &text);
    let found = client.diagnostics(URI, 1);
    assert_eq!(found.len(), 1, "{found:?}");
    let params = json!({"textDocument": {"uri": URI}, "range": found[0]["range"], "context": {"diagnostics": found}});
    let actions = client.request("textDocument/codeAction", params);
    let action = &actions["result"][0];
    assert_eq!(action["kind"], "quickfix", "{actions}");
    let edit = &action["edit"]["documentChanges"][0];
    assert_eq!(edit["textDocument"]["version"], 1);
    assert_eq!(edit["edits"][0]["newText"], "\"create a ticket\"");

    let messy = text.replacen("\"name\": \"mycrm\",", "\"name\":\"mycrm\",", 1);
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": messy}]}),
    );
    let edits = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": URI}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    let edits = edits["result"].as_array().expect("edits");
    assert_eq!(edits.len(), 1, "{edits:?}");
    assert!(edits[0]["newText"].as_str().is_some_and(|line| line.contains("\"name\": \"mycrm\",")), "{edits:?}");
    client.shut_down();
}

#[test]
fn a_file_that_is_no_manifest_gets_null_answers() {
    let mut client = Client::start(None);
    let uri = "file:///project/tsconfig.json";
    client.open(uri, "{\"compilerOptions\": {\"strict\": true}}");
    let position = json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 3}});
    for method in ["textDocument/hover", "textDocument/completion", "textDocument/definition"] {
        let reply = client.request(method, position.clone());
        assert_eq!(reply["result"], Value::Null, "{method}: {reply}");
    }
    let reply = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert_eq!(reply["result"], Value::Null, "{reply}");
    let reply = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "file:///closed.json"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(reply["error"]["code"], -32602, "{reply}");
    client.shut_down();
}
