//! The command line as CI uses it: exit codes, output formats, fmt and export, run on the built binary.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BINARY: &str = env!("CARGO_BIN_EXE_integration-wizard");

fn run(args: &[&str]) -> Output {
    Command::new(BINARY).args(args).env("NO_COLOR", "1").output().expect("the binary runs")
}

fn example(name: &str) -> String {
    format!("{}/assets/examples/{name}.json", env!("CARGO_MANIFEST_DIR"))
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn write(folder: &Path, name: &str, text: &str) -> PathBuf {
    let path = folder.join(name);
    std::fs::write(&path, text).expect("write test file");
    path
}

const BROKEN: &str = "{\n  \"integration\": {\n    \"name\": \"\"\n  }\n}\n";

#[test]
fn validate_passes_the_bundled_examples() {
    let output = run(&["validate", &example("mycrm"), &example("oauth2-helpdesk")]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).ends_with("checked 2 files: all valid (0 errors, 0 warnings)\n"));
}

#[test]
fn validate_exits_1_on_errors_and_prints_path_line_column() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = write(folder.path(), "broken.json", BROKEN);
    let output = run(&["validate", path.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let expected = format!("{}:3:5: error[blank-value] /integration/name: ", path.display());
    assert!(text.contains(&expected), "{text}");
}

#[test]
fn validate_exits_2_on_a_path_that_cannot_be_read() {
    let output = run(&["validate", &example("mycrm"), "/no/such/manifest.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).contains("/no/such/manifest.json: error[unreadable]: no such file"));
}

#[test]
fn validate_without_paths_is_a_usage_error() {
    assert_eq!(run(&["validate"]).status.code(), Some(2));
    assert_eq!(run(&["validate", "--format", "yaml", &example("mycrm")]).status.code(), Some(2));
}

#[test]
fn validate_json_format_has_the_documented_fields() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = write(folder.path(), "broken.json", BROKEN);
    let output = run(&["validate", "--format", "json", path.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_str(&stdout(&output)).expect("one JSON object");
    let file = &report["files"][0];
    assert_eq!(file["path"], path.to_str().expect("utf-8 path"));
    assert_eq!(file["valid"], false);
    assert!(file["errors"].as_u64().expect("count") >= 1);
    let first = &file["diagnostics"][0];
    for key in ["severity", "code", "pointer", "message", "line", "column"] {
        assert!(first.get(key).is_some(), "missing {key} in {first}");
    }
    let name = file["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .find(|d| d["pointer"] == "/integration/name")
        .expect("name diagnostic");
    assert_eq!((name["line"].as_u64(), name["column"].as_u64()), (Some(3), Some(5)));
}

#[test]
fn validate_github_format_prints_workflow_commands() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = write(folder.path(), "broken.json", BROKEN);
    let output = run(&["validate", "--format", "github", path.to_str().expect("utf-8 path")]);
    assert!(stdout(&output).lines().all(|line| line.starts_with("::error ") || line.starts_with("::warning ")));
    assert!(stdout(&output).contains(",line=3,col=5,title=blank-value (Talkdesk's requirement)::/integration/name: "));
}

#[test]
fn validate_walks_folders_and_names_must_be_unique_across_files() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mycrm = std::fs::read_to_string(example("mycrm")).expect("example");
    write(folder.path(), "a.json", &mycrm);
    std::fs::create_dir(folder.path().join("nested")).expect("mkdir");
    write(&folder.path().join("nested"), "b.json", &mycrm);
    write(folder.path(), "notes.txt", "not a manifest");
    std::fs::create_dir(folder.path().join(".hidden")).expect("mkdir");
    write(&folder.path().join(".hidden"), "c.json", "not json");
    let output = run(&["validate", folder.path().to_str().expect("utf-8 path")]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains(
            "b.json:4:5: error[duplicate-integration-name] /integration/name: the name \"mycrm\" is already used by"
        ),
        "{text}"
    );
    assert!(text.contains("checked 2 files: 1 file not valid"), "{text}");
}

#[test]
fn deny_warnings_turns_warnings_into_failure() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(example("mycrm")).expect("example")).expect("json");
    manifest["integration"]["x-team"] = Value::from("support");
    let path = write(folder.path(), "warned.json", &serde_json::to_string_pretty(&manifest).expect("json"));
    let path = path.to_str().expect("utf-8 path");
    assert_eq!(run(&["validate", path]).status.code(), Some(0));
    assert_eq!(run(&["validate", "--deny-warnings", path]).status.code(), Some(1));
}

#[test]
fn schema_prints_the_committed_schema() {
    let output = run(&["schema"]);
    assert_eq!(output.status.code(), Some(0));
    let committed =
        std::fs::read_to_string(format!("{}/assets/manifest.schema.json", env!("CARGO_MANIFEST_DIR"))).expect("asset");
    assert_eq!(
        stdout(&output),
        committed,
        "assets/manifest.schema.json is stale: run `integration-wizard schema > assets/manifest.schema.json`"
    );
    let schema: Value = serde_json::from_str(&committed).expect("json");
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    // The five types are offered; other capitals are accepted by a pattern beside them.
    let auth = &schema["$defs"]["integration"]["properties"]["authentication_type"]["anyOf"][0]["enum"];
    assert_eq!(auth.as_array().map(Vec::len), Some(5));
}

#[test]
fn fmt_rewrites_in_the_standard_layout_and_check_reports() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = write(folder.path(), "m.json", r#"{"actions":[],"integration":{"display_name":"D","name":"n"}}"#);
    let path_text = path.to_str().expect("utf-8 path");
    let check = run(&["fmt", "--check", path_text]);
    assert_eq!(check.status.code(), Some(1));
    assert!(stdout(&check).contains("not formatted"));
    assert_eq!(run(&["fmt", path_text]).status.code(), Some(0));
    let formatted = std::fs::read_to_string(&path).expect("read");
    assert_eq!(
        formatted,
        "{\n  \"integration\": {\n    \"name\": \"n\",\n    \"display_name\": \"D\"\n  },\n  \"actions\": []\n}\n"
    );
    assert_eq!(run(&["fmt", "--check", path_text]).status.code(), Some(0));
}

#[test]
fn fmt_leaves_a_file_that_is_not_json_alone() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = write(folder.path(), "m.json", "{ nope");
    let output = run(&["fmt", path.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "{ nope");
}

#[test]
fn export_writes_talkdesks_documents() {
    let folder = tempfile::tempdir().expect("temp dir");
    let out = folder.path().join("out");
    let output = run(&["export", &example("mycrm"), "--out", out.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(example("mycrm")).expect("example")).expect("json");
    let integration: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("integration.json")).expect("integration.json"))
            .expect("json");
    assert_eq!(integration, manifest["integration"]);
    let action: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("actions/create_ticket.json")).expect("action"))
            .expect("json");
    assert_eq!(action, manifest["actions"][0]);
}

#[test]
fn export_refuses_a_manifest_with_errors() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = write(folder.path(), "broken.json", BROKEN);
    let out = folder.path().join("out");
    let output = run(&["export", path.to_str().expect("utf-8 path"), "--out", out.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("export refused"));
    assert!(!out.exists(), "nothing is written for a refused manifest");
}
