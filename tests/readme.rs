//! The README tells the truth: every command of its ```console blocks runs, from a copy of
//! `assets/examples/` as the README says, and prints what the README shows. A line `...` stands
//! for any number of lines, and `...` inside a line for any text.

use std::path::Path;
use std::process::Command;

const BINARY: &str = env!("CARGO_BIN_EXE_integration-wizard");
const README: &str = include_str!("../README.md");

/// One `$ command` of a console block and the output shown under it.
struct Example {
    line: usize,
    command: String,
    output: Vec<String>,
}

fn examples() -> Vec<Example> {
    let mut examples = Vec::new();
    let mut in_console = false;
    for (index, line) in README.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            in_console = !in_console && line.trim() == "```console";
            continue;
        }
        if !in_console {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            examples.push(Example { line: index + 1, command: command.to_owned(), output: Vec::new() });
        } else if let Some(example) = examples.last_mut() {
            example.output.push(line.to_owned());
        }
    }
    examples
}

/// True when `text` fits `pattern`, where each `...` stands for any text.
fn line_matches(pattern: &str, text: &str) -> bool {
    let mut parts = pattern.split("...");
    let first = parts.next().unwrap_or_default();
    let Some(mut rest) = text.strip_prefix(first) else { return false };
    let parts: Vec<&str> = parts.collect();
    for (index, part) in parts.iter().enumerate() {
        if index + 1 == parts.len() {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.is_empty()
}

/// True when the lines of `text` fit the lines of `pattern`; a line `...` stands for any lines.
fn matches(pattern: &[String], text: &[&str]) -> bool {
    match pattern.split_first() {
        None => text.is_empty(),
        Some((first, rest)) if first == "..." => (0..=text.len()).any(|skip| matches(rest, &text[skip..])),
        Some((first, rest)) => {
            text.split_first().is_some_and(|(line, more)| line_matches(first, line) && matches(rest, more))
        }
    }
}

fn copy_examples(to: &Path) {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples");
    for entry in std::fs::read_dir(examples).expect("assets/examples") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy example");
    }
}

#[test]
fn every_console_example_prints_what_the_readme_shows() {
    assert!(README.contains("in `assets/examples/`"), "the README names where its examples run");
    let examples = examples();
    assert!(examples.len() >= 8, "only {} console examples found", examples.len());
    let folder = tempfile::tempdir().expect("temp dir");
    copy_examples(folder.path());
    for example in examples {
        // The probe example needs a running bridge: `tests/probe.rs` runs it against the mock bridge
        // and compares it with this README section.
        if example.command.contains(" probe ") {
            continue;
        }
        let mut words = example.command.split_whitespace();
        assert_eq!(words.next(), Some("integration-wizard"), "README line {}: {}", example.line, example.command);
        let output = Command::new(BINARY)
            .args(words)
            .current_dir(folder.path())
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .output()
            .expect("the binary runs");
        let printed = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        let lines: Vec<&str> = printed.lines().collect();
        assert!(
            matches(&example.output, &lines),
            "README line {}: `{}` printed\n{printed}\nbut the README shows\n{}",
            example.line,
            example.command,
            example.output.join("\n")
        );
    }
}

#[test]
fn the_matcher_only_skips_what_dots_stand_for() {
    let pattern = |lines: &[&str]| lines.iter().map(|line| (*line).to_owned()).collect::<Vec<_>>();
    assert!(matches(&pattern(&["a", "...", "d"]), &["a", "b", "c", "d"]));
    assert!(matches(&pattern(&["a", "..."]), &["a"]));
    assert!(!matches(&pattern(&["a", "d"]), &["a", "b", "d"]));
    assert!(line_matches("{\"a\":1,...]}", "{\"a\":1,\"b\":2]}"));
    assert!(!line_matches("{\"a\":1,...]}", "{\"a\":2,\"b\":2]}"));
    assert!(!line_matches("abc", "abcd"));
}

#[test]
fn the_ci_files_the_readme_shows_exist_and_run_real_commands() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let hooks = std::fs::read_to_string(root.join(".pre-commit-hooks.yaml")).expect(".pre-commit-hooks.yaml");
    for (id, entry) in [
        ("integration-wizard-validate", "integration-wizard validate"),
        ("integration-wizard-fmt", "integration-wizard fmt"),
    ] {
        let hook = hooks.split("- id: ").find(|hook| hook.starts_with(id)).unwrap_or_else(|| panic!("no hook {id}"));
        assert!(hook.contains(&format!("entry: {entry}\n")) && hook.contains("language: rust"), "{hook}");
        assert!(README.contains(&format!("id: {id}")), "the README shows {id}");
        // The hook's command works on a file, as pre-commit passes it.
        let mycrm = root.join("assets/examples/mycrm.json");
        let mut args: Vec<String> = entry.split_whitespace().skip(1).map(str::to_owned).collect();
        if entry.ends_with("fmt") {
            args.push("--check".to_owned());
        }
        let output = Command::new(BINARY).args(&args).arg(&mycrm).output().expect("runs");
        assert!(output.status.success(), "{entry} on the example: {}", String::from_utf8_lossy(&output.stdout));
    }
    let action = std::fs::read_to_string(root.join("action.yml")).expect("action.yml");
    assert!(action.contains("using: composite") && action.contains("cargo install --locked --path"));
    assert!(action.contains("args=(validate --format github)"));
    assert!(README.contains("uses: OWNER/integration-wizard@"), "the README shows the action");
}
