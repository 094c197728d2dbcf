//! The README and the pages of `docs/` tell the truth: every command of their ```console blocks
//! runs, from a copy of `assets/examples/` as the pages say, and prints what the page shows (a line
//! `...` stands for any number of lines, and `...` inside a line for any text); every code fence is
//! closed and every relative link and anchor leads somewhere.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

#[path = "readme/markdown.rs"]
mod markdown;

use std::path::{Path, PathBuf};
use std::process::Command;

const BINARY: &str = env!("CARGO_BIN_EXE_integration-wizard");

/// The README and every page of `docs/`, with their text.
fn pages() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![root.join("README.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root.join("docs"))
        .expect("the docs folder")
        .map(|entry| entry.expect("an entry of docs/").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "md"))
        .collect();
    docs.sort();
    paths.extend(docs);
    paths.into_iter().map(|path| (path.clone(), std::fs::read_to_string(&path).expect("a page"))).collect()
}

/// The README and every page of `docs/` as one text.
fn all_pages() -> String {
    pages().into_iter().map(|(_, text)| text).collect::<Vec<_>>().join("\n")
}

/// The text of one page of `docs/`.
fn doc(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs").join(name)).expect("a page of docs/")
}

/// One `$ command` of a console block and the output shown under it.
struct Example {
    line: usize,
    command: String,
    output: Vec<String>,
}

fn examples(page: &str) -> Vec<Example> {
    let mut examples = Vec::new();
    let mut in_console = false;
    for (index, line) in page.lines().enumerate() {
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
fn every_console_example_prints_what_its_page_shows() {
    assert!(doc("command-line.md").contains("in `assets/examples/`"), "the page names where its examples run");
    let mut count = 0;
    for (path, text) in pages() {
        let examples = examples(&text);
        count += examples.len();
        run_examples(&path, examples);
    }
    assert!(count >= 8, "only {count} console examples found");
}

/// Runs each example of one page in a fresh copy of the examples and compares what it prints.
fn run_examples(path: &Path, examples: Vec<Example>) {
    let page = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let folder = tempfile::tempdir().expect("temp dir");
    copy_examples(folder.path());
    for example in examples {
        // A probe of a bridge needs one running: `tests/probe/running.rs` runs that example against
        // the mock bridge and compares it with its page. `probe --explain` needs none, and runs here.
        if example.command.contains(" probe ") && !example.command.contains(" --explain") {
            continue;
        }
        let mut words = example.command.split_whitespace();
        assert_eq!(words.next(), Some("integration-wizard"), "{page} line {}: {}", example.line, example.command);
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
            "{page} line {}: `{}` printed\n{printed}\nbut the page shows\n{}",
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
        // The hook installs the wheel (python), and only looks at manifests: never package.json.
        assert!(hook.contains(&format!("entry: {entry}\n")) && hook.contains("language: python"), "{hook}");
        assert!(hook.contains("files: ") && hook.contains("exclude: ") && hook.contains("package"), "{hook}");
        assert!(all_pages().contains(&format!("id: {id}")), "the docs show {id}");
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
    // The action downloads a release (action/install.sh, tested by .ci/action-download).
    assert!(action.contains("using: composite") && action.contains("action/install.sh"));
    assert!(action.contains("args=(validate --format \"$FORMAT\")"));
    for input in ["version:", "format:", "paths:", "deny-warnings:"] {
        assert!(action.contains(&format!("  {input}\n")), "action.yml has the input {input}");
    }
    let version = env!("CARGO_PKG_VERSION");
    let pages = all_pages();
    assert!(
        pages.contains(&format!("uses: integration-wizard/integration-wizard@v{version}")),
        "the docs show the action"
    );
    assert!(pages.contains(&format!("rev: v{version}")), "the docs pin the hooks' version");
    assert!(!pages.contains("@main") && !pages.contains("rev: main"), "the examples pin a version, not main");
}

#[test]
fn every_page_closes_its_code_blocks_and_links_to_what_exists() {
    let mut problems = Vec::new();
    for (path, text) in pages() {
        for problem in markdown::check(&path, &text) {
            problems.push(format!("{}:{}: {}", path.display(), problem.line, problem.message));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_markdown_check_finds_an_unclosed_fence_a_missing_file_and_a_missing_anchor() {
    let folder = tempfile::tempdir().expect("temp dir");
    let page = folder.path().join("page.md");
    // The README once left a ```yaml block open, and the section after it became code.
    let swallowed = "# Page\n\n```yaml\nrepos: []\n## Probing a bridge\n\n```console\n$ x\n```\n";
    let problems = markdown::check(&page, swallowed);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, 7);
    assert!(problems[0].message.contains("line 3"), "{problems:?}");

    let unclosed = "# Page\n\n```sh\necho\n";
    assert_eq!(markdown::check(&page, unclosed)[0].line, 3);

    std::fs::write(folder.path().join("other.md"), "# Other page\n\n## `validate` and --format\n").expect("write");
    let links = "# Page\n\n[a](other.md) [b](other.md#other-page) [c](other.md#validate-and---format) [d](#page)\n\
                 [e](missing.md) [f](other.md#nowhere) [g](#nowhere) [h](https://example.org/x#y) `[i](nowhere.md)`\n";
    let problems: Vec<String> = markdown::check(&page, links).into_iter().map(|problem| problem.message).collect();
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(
        problems[0].contains("missing.md")
            && problems[1].contains("other.md#nowhere")
            && problems[2].contains("#nowhere")
    );
}

#[test]
fn slugs_follow_github() {
    assert_eq!(markdown::slug(" Probing a bridge"), "probing-a-bridge");
    assert_eq!(markdown::slug(" File safety and drafts"), "file-safety-and-drafts");
    assert_eq!(markdown::slug(" Action: create_ticket"), "action-create_ticket");
    assert_eq!(markdown::slug(" `validate --explain`, what a code means"), "validate---explain-what-a-code-means");
    let repeated = markdown::anchors("# A\n## A\n```\n# Not a heading\n```\n");
    assert!(repeated.contains("a") && repeated.contains("a-1") && !repeated.contains("not-a-heading"));
}
