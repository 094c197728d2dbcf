//! What the command line prints, run on the built binary: nothing hostile from a file reaches the
//! output, colour follows `--color`, `NO_COLOR` and `CLICOLOR_FORCE`, fmt's diffs, SARIF,
//! `--explain`, completions, the manual page and "did you mean".
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BINARY: &str = env!("CARGO_BIN_EXE_integration-wizard");

/// Runs the binary with no colour variables set (the tests decide them).
fn command(args: &[&str]) -> Command {
    let mut command = Command::new(BINARY);
    command.args(args).env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE").env_remove("CLICOLOR");
    command
}

fn run(args: &[&str]) -> Output {
    command(args).output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn example(name: &str) -> String {
    format!("{}/assets/examples/{name}.json", env!("CARGO_MANIFEST_DIR"))
}

/// The payloads of a hostile file: a terminal title, the clipboard (OSC 52), a CSI, a forged
/// line, a right-to-left override and an isolate.
const HOSTILE: &str =
    "\u{1b}]0;PWNED\u{7}\u{1b}]52;c;ZWNobw==\u{7}\u{9b}2J\u{202e}\u{2066}\u{7f}\nforged.json:1:1: error[x] y";

/// A manifest with a hostile unknown key and a hostile value, in a file whose name is hostile too.
fn hostile_file(folder: &Path) -> PathBuf {
    let key = serde_json::to_string(HOSTILE).expect("json string");
    let source = format!("{{\"integration\": {{\"name\": {key}, {key}: 1}}, \"actions\": [{{\"name\": {key}}}]}}");
    let path = folder.join("m\u{1b}[31m\u{202e}\u{9b}\nforged.json:1:1: error[x] y.json");
    std::fs::write(&path, source).expect("write hostile file");
    path
}

/// Fails when `out` holds a character that must never be printed, or a line that a file forged.
fn assert_clean(what: &str, out: &str) {
    let found: Vec<char> = out
        .chars()
        .filter(|&c| c != '\n' && (c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')))
        .collect();
    assert!(found.is_empty(), "{what} printed {found:?}:\n{out}");
    assert!(!out.lines().any(|line| line.starts_with("forged.json")), "{what} let a file forge a line:\n{out}");
}

#[test]
fn no_command_prints_what_a_hostile_file_holds() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = hostile_file(folder.path());
    let path = path.to_str().expect("utf-8 path");
    let folder_text = folder.path().to_str().expect("utf-8 path");
    let out_dir = folder.path().join("out");
    let out_dir = out_dir.to_str().expect("utf-8 path");
    let runs: Vec<(String, Vec<&str>)> = vec![
        ("validate".into(), vec!["validate", path]),
        ("validate FOLDER".into(), vec!["validate", folder_text]),
        ("validate --format json".into(), vec!["validate", "--format", "json", path]),
        ("validate --format github".into(), vec!["validate", "--format", "github", path]),
        ("validate --format sarif".into(), vec!["validate", "--format", "sarif", path]),
        ("fmt --check".into(), vec!["fmt", "--check", path]),
        ("fmt --diff".into(), vec!["fmt", "--diff", path]),
        ("export".into(), vec!["export", path, "--out", out_dir]),
        ("validate --explain".into(), vec!["validate", "--explain", HOSTILE]),
    ];
    for (what, args) in runs {
        let output = run(&args);
        assert!(!output.stdout.is_empty() || !output.stderr.is_empty(), "{what} printed nothing");
        assert_clean(&format!("{what} (stdout)"), &text(&output.stdout));
        assert_clean(&format!("{what} (stderr)"), &text(&output.stderr));
    }
    let json: Value = serde_json::from_slice(&run(&["validate", "--format", "json", path]).stdout).expect("JSON");
    assert_eq!(json["files"][0]["path"], path, "JSON escapes but keeps the exact path");
    let fmt = run(&["fmt", path]);
    assert_clean("fmt", &text(&fmt.stdout));
    assert_clean("fmt (stderr)", &text(&fmt.stderr));
}

#[test]
fn colour_follows_the_flag_and_the_environment() {
    let broken = tempfile::tempdir().expect("temp dir");
    let path = broken.path().join("b.json");
    std::fs::write(&path, "{\"integration\": {\"name\": \"\"}}").expect("write");
    let path = path.to_str().expect("utf-8 path");
    let coloured = |output: Output| text(&output.stdout).contains("\u{1b}[");
    // Not a terminal: no colour unless asked.
    assert!(!coloured(run(&["validate", path])));
    assert!(coloured(run(&["validate", "--color", "always", path])));
    assert!(coloured(command(&["validate", path]).env("CLICOLOR_FORCE", "1").output().expect("runs")));
    assert!(!coloured(
        command(&["validate", "--color", "never", path]).env("CLICOLOR_FORCE", "1").output().expect("runs")
    ));
    assert!(!coloured(command(&["validate", path]).env("NO_COLOR", "1").output().expect("runs")));
    assert!(coloured(run(&["--color", "always", "validate", path])), "the flag may stand before the subcommand");
    // Machine formats never carry colour.
    for format in ["json", "github", "sarif"] {
        assert!(!coloured(run(&["validate", "--color", "always", "--format", format, path])), "{format}");
    }
}

#[test]
fn quiet_prints_errors_and_the_summary_and_run_problems_go_to_stderr_too() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("w.json");
    let mycrm = std::fs::read_to_string(example("mycrm")).expect("example");
    std::fs::write(&path, mycrm.replace("\"display\": \"create a ticket\"", "\"display\": \"Create a ticket\""))
        .expect("write");
    let path = path.to_str().expect("utf-8 path");
    let loud = run(&["validate", path]);
    assert!(text(&loud.stdout).contains("warning[display-uppercase]"), "{}", text(&loud.stdout));
    let quiet = run(&["validate", "--quiet", path]);
    assert_eq!(text(&quiet.stdout), "checked 1 file: all valid (0 errors, 1 warning)\n");

    let missing = run(&["validate", "-q", path, "/no/such/manifest.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stdout).contains("/no/such/manifest.json: error[unreadable]: no such file"));
    assert_eq!(text(&missing.stderr), "/no/such/manifest.json: no such file; check the path\n");
}

#[test]
fn fmt_check_and_diff_print_a_unified_diff_and_write_nothing() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("m.json");
    let before = r#"{"actions":[],"integration":{"display_name":"D","name":"n"}}"#;
    std::fs::write(&path, before).expect("write");
    let shown = path.to_str().expect("utf-8 path");
    let check = run(&["fmt", "--check", shown]);
    assert_eq!(check.status.code(), Some(1));
    let expected_diff = format!(
        "--- {shown}\n+++ {shown} (formatted)\n@@ -1 +1,7 @@\n-{before}\n\\ No newline at end of file\n+{{\n+  \"integration\": {{\n+    \"name\": \"n\",\n+    \"display_name\": \"D\"\n+  }},\n+  \"actions\": []\n+}}\n"
    );
    assert_eq!(
        text(&check.stdout),
        format!("{shown}: not formatted; run `integration-wizard fmt {shown}`\n{expected_diff}")
    );
    let diff = run(&["fmt", "--diff", shown]);
    assert_eq!(diff.status.code(), Some(0));
    assert_eq!(text(&diff.stdout), expected_diff);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), before, "neither wrote the file");
    assert_eq!(run(&["fmt", "--check", "--diff", shown]).status.code(), Some(2), "the two exclude each other");
}

#[test]
fn sarif_names_every_rule_and_locates_every_result() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("b.json");
    std::fs::write(&path, "{\n  \"integration\": {\n    \"name\": \"\"\n  }\n}\n").expect("write");
    let output = run(&["validate", "--format", "sarif", path.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    let log: Value = serde_json::from_slice(&output.stdout).expect("SARIF is JSON");
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let results = run["results"].as_array().expect("results");
    let name = results.iter().find(|r| r["properties"]["pointer"] == "/integration/name").expect("the blank name");
    assert_eq!(name["ruleId"], "blank-value");
    assert_eq!(name["properties"]["source"], "talkdesk");
    let region = &name["locations"][0]["physicalLocation"]["region"];
    assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(3), Some(5)));
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    for result in results {
        let rule = rules.iter().find(|rule| rule["id"] == result["ruleId"]).expect("the result's rule");
        assert!(!rule["help"]["text"].as_str().unwrap_or_default().is_empty());
    }
}

#[test]
fn explain_covers_every_code_of_the_list() {
    let list = run(&["validate", "--explain"]);
    assert_eq!(list.status.code(), Some(0));
    let list = text(&list.stdout);
    assert!(list.lines().count() > 40, "{list}");
    for line in list.lines() {
        let code = line.split_whitespace().next().expect("a code");
        let explained = run(&["validate", "--explain", code]);
        assert_eq!(explained.status.code(), Some(0), "{code}");
        let explained = text(&explained.stdout);
        assert!(explained.contains("What it checks") && explained.contains("How to fix it"), "{explained}");
    }
    let unknown = run(&["validate", "--explain", "blank-valeu"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("did you mean blank-value?"));
}

#[test]
fn completions_for_every_shell_and_a_manual_page() {
    // Each script asks the installed binary for the candidates (tests/completions.rs runs the shells).
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let output = run(&["completions", shell]);
        assert_eq!(output.status.code(), Some(0), "{shell}");
        let script = text(&output.stdout);
        assert!(
            script.contains("INTEGRATION_WIZARD_COMPLETE") && script.contains("integration-wizard"),
            "{shell}: {script}"
        );
    }
    let asked = Command::new(env!("CARGO_BIN_EXE_integration-wizard"))
        .args(["--", "integration-wizard", "validate", "--format", ""])
        .env("INTEGRATION_WIZARD_COMPLETE", "fish")
        .output()
        .expect("the binary runs");
    let answer = text(&asked.stdout);
    let offered: Vec<&str> = answer.lines().map(|line| line.split('\t').next().unwrap_or_default()).collect();
    assert_eq!(offered, ["text", "json", "github", "sarif"], "{answer}");
    let page = run(&["man"]);
    assert_eq!(page.status.code(), Some(0));
    assert!(text(&page.stdout).contains(".TH integration-wizard 1"));
    assert!(text(&page.stdout).contains("integration\\-wizard\\-validate(1)"), "the page lists the command pages");
    let validate = run(&["man", "validate"]);
    assert!(text(&validate.stdout).contains(".TH integration-wizard-validate 1"), "{}", text(&validate.stdout));
    assert!(text(&validate.stdout).contains("\\-\\-explain"), "the page of validate has its options");
    assert_eq!(run(&["man", "nope"]).status.code(), Some(2));
    // `man -l` shows it where man is installed.
    let folder = tempfile::tempdir().expect("temp dir");
    let file = folder.path().join("integration-wizard.1");
    std::fs::write(&file, &page.stdout).expect("write page");
    match Command::new("man").arg("-l").arg(&file).env("MANPAGER", "cat").env("PAGER", "cat").output() {
        Ok(shown) if shown.status.success() => {
            assert!(text(&shown.stdout).contains("validate"), "{}", text(&shown.stdout))
        }
        _ => {
            use std::io::Write;
            let _ = writeln!(std::io::stderr(), "skipped the `man -l` check: man is not installed");
        }
    }
}

#[test]
fn a_misspelt_subcommand_gets_did_you_mean() {
    let output = run(&["valdate", "x.json"]);
    assert_eq!(output.status.code(), Some(2));
    let error = text(&output.stderr);
    assert!(error.contains("unrecognized subcommand 'valdate'"), "{error}");
    assert!(error.contains("a similar subcommand exists: 'validate'"), "{error}");
}

/// SARIF byte for byte as code scanning has always been given it: findings with and without a
/// position, a path with a space and an accent, and a file that cannot be read.
/// `UPDATE_GOLDEN=1 cargo test --test cli_output` writes the file again (review the diff).
#[test]
fn sarif_is_written_exactly_as_the_golden_file() {
    let folder = tempfile::tempdir().expect("temp dir");
    let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/broken.json");
    std::fs::copy(&broken, folder.path().join("my crm é.json")).expect("copy");
    std::fs::write(folder.path().join("legacy.json"), "{\"integration\": {\"name\": \"x\"}, \"actions\": 3}\n")
        .expect("write");
    let output = command(&["validate", "--format", "sarif", "my crm é.json", "legacy.json", "gone.json"])
        .current_dir(folder.path())
        .output()
        .expect("the binary runs");
    // A file that cannot be read is a usage error (2); its finding is still in the log.
    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/sarif/findings.sarif");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden.parent().expect("folder")).expect("golden folder");
        std::fs::write(&golden, &output.stdout).expect("write golden");
    }
    let expected = std::fs::read_to_string(&golden).expect("the golden SARIF");
    assert_eq!(text(&output.stdout), expected);
}
