//! `integration-wizard diff`: changes by meaning in three formats, exit codes, standard input,
//! `REV:PATH` from git, and git's external diff driver through a real `git diff`.
//!
//! Golden files live in `tests/golden/diff/`; after an intended change of the output,
//! `UPDATE_GOLDEN=1 cargo test --test diff` writes them again (review the diff before committing).

// The tests read the golden files and what the tool wrote, nothing a user gives.
#![allow(clippy::disallowed_methods)]

use std::io::Write;
#[path = "support/golden.rs"]
mod golden;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BINARY: &str = env!("CARGO_BIN_EXE_integration-wizard");

fn golden(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/diff").join(name)
}

fn fixture(name: &str) -> String {
    golden(name).to_str().expect("utf-8 path").to_owned()
}

/// Runs the binary in the golden folder (so that paths print as `old.json`), colour off.
fn run(args: &[&str]) -> Output {
    Command::new(BINARY).args(args).current_dir(golden("")).env("NO_COLOR", "1").output().expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Compares `actual` with the golden file `name`, or writes it when `UPDATE_GOLDEN` is set.
fn assert_golden(name: &str, actual: &str) {
    golden::assert_golden_file(&golden(name), actual);
}

/// Writes `files` (name, content) into a new folder.
fn folder_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let folder = tempfile::tempdir().expect("temp dir");
    for (name, content) in files {
        std::fs::write(folder.path().join(name), content).expect("write file");
    }
    folder
}

#[test]
fn text_lists_every_kind_of_change_breaking_first() {
    let output = run(&["diff", "old.json", "new.json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_golden("changes.txt", &stdout(&output));
}

#[test]
fn markdown_is_a_table_for_a_pull_request() {
    let output = run(&["diff", "--format", "markdown", "old.json", "new.json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let markdown = stdout(&output);
    assert!(markdown.contains("support \\| escalations"), "a pipe from the file cannot break the table");
    assert_golden("changes.md", &markdown);
}

#[test]
fn json_has_the_documented_shape() {
    let output = run(&["diff", "--format", "json", "old.json", "new.json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("one JSON object");
    assert_eq!(value["same"], false);
    assert_eq!(value["breaking"], 7);
    let first = &value["changes"][0];
    for key in ["code", "breaking", "why", "words", "subject", "key", "pointer", "side", "before", "after"] {
        assert!(first.get(key).is_some(), "every change has {key}: {first}");
    }
    let pretty = serde_json::to_string_pretty(&value).expect("pretty") + "\n";
    assert_golden("changes.json", &pretty);
}

#[test]
fn colour_marks_breaking_changes_when_asked() {
    let output = run(&["diff", "--color", "always", "old.json", "new.json"]);
    let text = stdout(&output);
    assert!(text.contains("\u{1b}[1m\u{1b}[31m[breaking]") || text.contains("\u{1b}[31m"), "{text:?}");
    assert!(!stdout(&run(&["diff", "old.json", "new.json"])).contains('\u{1b}'));
}

#[test]
fn the_same_meaning_exits_0_and_says_so() {
    // The legacy auth field shape against its upgrade, keys and lists in another order, another layout.
    let old = r#"{"integration": {"name": "x", "authentication_type": "CUSTOM", "authentication_configuration": [
        {"account": {"display": "Account", "mandatory": true, "type": "text", "store": true}},
        {"field_name": "key", "display": "Key", "mandatory": true, "type": "password", "store": true}],
        "interaction_types": ["Ticket", "Case"]},
      "actions": [{"name": "a", "inputs": [{"key": "one"}, {"key": "two"}]}, {"name": "b"}]}"#;
    let new = r#"{"actions":[{"name":"b"},{"inputs":[{"key":"two"},{"key":"one"}],"name":"a"}],"integration":{
        "interaction_types":["Case","Ticket"],"authentication_configuration":[
        {"type":"password","field_name":"key","display":"Key","mandatory":true,"store":true},
        {"field_name":"account","display":"Account","mandatory":true,"type":"input","store":true}],
        "name":"x","authentication_type":"custom"}}"#;
    let folder = folder_with(&[("old.json", old), ("new.json", new)]);
    let output =
        Command::new(BINARY).args(["diff", "old.json", "new.json"]).current_dir(folder.path()).output().expect("runs");
    assert_eq!(output.status.code(), Some(0), "{}{}", stdout(&output), stderr(&output));
    assert!(stdout(&output).contains("no changes: both mean the same"), "{}", stdout(&output));
}

#[test]
fn fail_on_breaking_ignores_other_changes() {
    let old = r#"{"integration": {"name": "x", "display_name": "X"}, "actions": [{"name": "a"}]}"#;
    let cosmetic = r#"{"integration": {"name": "x", "display_name": "Y"}, "actions": [{"name": "a"}]}"#;
    let breaking = r#"{"integration": {"name": "x", "display_name": "X"}, "actions": []}"#;
    let folder = folder_with(&[("old.json", old), ("cosmetic.json", cosmetic), ("breaking.json", breaking)]);
    let code = |new: &str, extra: &[&str]| {
        Command::new(BINARY)
            .args(["diff", "old.json", new])
            .args(extra)
            .current_dir(folder.path())
            .output()
            .expect("runs")
            .status
            .code()
    };
    assert_eq!(code("cosmetic.json", &[]), Some(1));
    assert_eq!(code("cosmetic.json", &["--fail-on", "breaking"]), Some(0));
    assert_eq!(code("breaking.json", &["--fail-on", "breaking"]), Some(1));
}

#[test]
fn usage_and_read_errors_exit_2_and_say_what_to_do() {
    let missing = run(&["diff", "old.json", "missing.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("missing.json: no such file; check the path"), "{}", stderr(&missing));
    let three = run(&["diff", "old.json", "new.json", "old.json"]);
    assert_eq!(three.status.code(), Some(2));
    assert!(stderr(&three).contains("diff takes two manifests"), "{}", stderr(&three));
    let both_stdin = run(&["diff", "-", "-"]);
    assert_eq!(both_stdin.status.code(), Some(2));
    assert!(stderr(&both_stdin).contains("only one side"), "{}", stderr(&both_stdin));
    let folder = folder_with(&[("broken.json", "{\"integration\": ")]);
    let not_json = Command::new(BINARY)
        .args(["diff", "broken.json", &fixture("new.json")])
        .current_dir(folder.path())
        .output()
        .expect("runs");
    assert_eq!(not_json.status.code(), Some(2));
    assert!(stderr(&not_json).contains("broken.json:1:16: error[json-syntax]"), "{}", stderr(&not_json));
    assert!(stderr(&not_json).contains("cannot be compared"), "{}", stderr(&not_json));
}

#[test]
fn a_file_with_errors_is_compared_with_its_errors_first() {
    let old = r#"{"integration": {"name": "x"}, "actions": [{"name": "a"}]}"#;
    let new = "{\"integration\": {\"name\": \"x\", \"authentication_type\": 7},\n \"actions\": [{\"name\": \"b\"}]}";
    let folder = folder_with(&[("old.json", old), ("new.json", new)]);
    let output = Command::new(BINARY)
        .args(["diff", "old.json", "new.json"])
        .current_dir(folder.path())
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let error = text.find("new.json:1:31: error[wrong-type]").expect("the error is listed");
    let change = text.find("authentication_type added").expect("the change is listed");
    assert!(error < change, "errors first:\n{text}");
    assert!(text.contains("errors listed above"), "{text}");
}

#[test]
fn either_side_can_be_standard_input() {
    let mut child = Command::new(BINARY)
        .args(["diff", "--stdin-filename", "before.json", "-", "new.json"])
        .current_dir(golden(""))
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("runs");
    let old = std::fs::read(golden("old.json")).expect("old");
    child.stdin.take().expect("stdin").write_all(&old).expect("write");
    let output = child.wait_with_output().expect("ends");
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).starts_with("--- before.json\n+++ new.json\n"), "{}", stdout(&output));
}

/// A git repository with old.json committed as mycrm.json, then new.json written over it.
fn repository() -> tempfile::TempDir {
    let folder = tempfile::tempdir().expect("temp dir");
    let git = |args: &[&str]| {
        let output = git_command(folder.path()).args(args).output().expect("git runs");
        assert!(output.status.success(), "git {args:?}: {}", stderr(&output));
    };
    git(&["init", "-q"]);
    std::fs::copy(golden("old.json"), folder.path().join("mycrm.json")).expect("copy");
    git(&["add", "mycrm.json"]);
    git(&["-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "first"]);
    std::fs::copy(golden("new.json"), folder.path().join("mycrm.json")).expect("copy");
    folder
}

/// git without the user's or the system's settings.
fn git_command(folder: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .current_dir(folder)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("NO_COLOR", "1")
        .env("GIT_PAGER", "cat");
    command
}

#[test]
fn a_side_can_be_read_from_a_git_revision() {
    let repository = repository();
    let output = Command::new(BINARY)
        .args(["diff", "HEAD:mycrm.json", "mycrm.json"])
        .current_dir(repository.path())
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let expected = std::fs::read_to_string(golden("changes.txt")).expect("golden");
    let expected = expected.replace("--- old.json\n+++ new.json", "--- HEAD:mycrm.json\n+++ mycrm.json");
    assert_eq!(stdout(&output), expected);
    let unknown = Command::new(BINARY)
        .args(["diff", "HEAD:nothing.json", "mycrm.json"])
        .current_dir(repository.path())
        .output()
        .expect("runs");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("git could not show it"), "{}", stderr(&unknown));
}

#[test]
fn git_diff_runs_it_as_the_external_diff_driver() {
    let repository = repository();
    std::fs::write(repository.path().join(".gitattributes"), "*.json diff=integration\n").expect("attributes");
    let configured = git_command(repository.path())
        .args(["config", "diff.integration.command", &format!("{BINARY} diff")])
        .status()
        .expect("git config");
    assert!(configured.success());
    let output = git_command(repository.path()).args(["diff", "mycrm.json"]).output().expect("git diff");
    assert!(output.status.success(), "git diff: {}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("integration-wizard diff mycrm.json\n--- a/mycrm.json\n+++ b/mycrm.json\n"), "{text}");
    assert!(text.contains("~ action \"close_ticket\" renamed to \"resolve_ticket\" [breaking]"), "{text}");
    assert!(text.contains("14 changes, 7 breaking the live integration"), "{text}");
    // A new file: git passes /dev/null as the old side, and the driver still exits 0.
    std::fs::copy(golden("old.json"), repository.path().join("other.json")).expect("copy");
    let added = git_command(repository.path()).args(["add", "-N", "other.json"]).status().expect("git add");
    assert!(added.success());
    let output = git_command(repository.path()).args(["diff", "other.json"]).output().expect("git diff");
    assert!(output.status.success(), "git diff: {}", stderr(&output));
    assert!(stdout(&output).contains("+ action \"old_report\" added"), "{}", stdout(&output));
}
