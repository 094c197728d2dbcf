//! Names unique across the workspace's manifests, as `validate DIR` checks them: the first file in
//! its order keeps a name, a later one is told; an edit that frees or takes a name tells the others.

use crate::client::Client;
use serde_json::{Value, json};
use std::process::Command;

fn manifest(name: &str) -> String {
    include_str!("../../assets/examples/mycrm.json").replace("mycrm", name)
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics.iter().filter_map(|d| d["code"].as_str()).collect()
}

#[test]
fn a_name_used_by_an_earlier_manifest_of_the_workspace_is_an_error_as_in_validate() {
    let folder = tempfile::tempdir().expect("a folder");
    let root = folder.path();
    std::fs::create_dir(root.join("crm")).expect("a subfolder");
    std::fs::write(root.join("crm/a.json"), manifest("crm")).expect("written");
    std::fs::write(root.join("crm/b.json"), manifest("crm")).expect("written");
    std::fs::write(root.join("other.json"), manifest("other")).expect("written");
    std::fs::write(root.join("package.json"), "{\"name\": \"crm\", \"version\": \"1.0.0\"}").expect("written");

    let validated = Command::new(env!("CARGO_BIN_EXE_integration-wizard"))
        .args(["validate", "--format", "json"])
        .arg(root)
        .output()
        .expect("validate runs");
    let report: Value = serde_json::from_slice(&validated.stdout).expect("JSON");
    let told: Vec<(&str, &str)> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .flat_map(|file| {
            file["diagnostics"].as_array().into_iter().flatten().map(move |d| (file["path"].as_str().unwrap_or(""), d))
        })
        .filter(|(_, d)| d["code"] == "duplicate-integration-name")
        .map(|(path, d)| (path, d["pointer"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(told.len(), 1, "{report}");
    assert!(told[0].0.ends_with("crm/b.json") && told[0].1 == "/integration/name", "{told:?}");

    let mut client = Client::start(Some(root));
    let uri = |file: &str| format!("file://{}", root.join(file).display());
    let b = manifest("crm");
    client.open(&uri("crm/b.json"), &b);
    let found = client.diagnostics(&uri("crm/b.json"), 1);
    assert_eq!(codes(&found), ["duplicate-integration-name"], "{found:?}");
    let message = found[0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("already used by crm/a.json"), "{message}");
    client.open(&uri("crm/a.json"), &manifest("crm"));
    assert!(client.diagnostics(&uri("crm/a.json"), 1).is_empty(), "the first file keeps its name");

    // Renaming a (unsaved) frees the name for b, whose findings are published again.
    let a_name = crate::protocol::position_of(&manifest("crm"), "\"crm\"");
    let range = json!({"start": {"line": a_name.0, "character": a_name.1}, "end": {"line": a_name.0, "character": a_name.1 + 5}});
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri("crm/a.json"), "version": 2}, "contentChanges": [{"range": range, "text": "\"renamed\""}]}),
    );
    client.diagnostics(&uri("crm/a.json"), 2);
    let again = client.wait_for("b checked again", |message| {
        message["method"] == "textDocument/publishDiagnostics"
            && message["params"]["uri"] == uri("crm/b.json")
            && message["params"]["diagnostics"] == json!([])
    });
    assert_eq!(again["params"]["version"], 1);
    client.shut_down();
}
