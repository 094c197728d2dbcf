//! The accessible line mode through pipes, on the built binary: manifests made from scripts of
//! answers, no escape sequence ever written, end of input, wrong answers and editing a file.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BINARY: &str = env!("CARGO_BIN_EXE_integration-wizard");

fn repository(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(repository(path)).expect("a file of the repository")
}

/// Runs the binary in `folder` with `answers` on standard input and `TERM` set, drafts kept in `folder/data`.
fn run(folder: &Path, args: &[&str], term: &str, answers: &[u8]) -> Output {
    let mut child = Command::new(BINARY)
        .args(args)
        .current_dir(folder)
        .env("TERM", term)
        .env("INTEGRATION_WIZARD_DATA_DIR", folder.join("data"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("a pipe to standard input");
    // The session may end before reading every answer (a save ends it): a closed pipe is fine.
    let _ = stdin.write_all(answers);
    drop(stdin);
    child.wait_with_output().expect("the binary ends")
}

fn no_escape(output: &Output) {
    assert!(!output.stdout.contains(&0x1b), "an escape byte on standard output");
    assert!(!output.stderr.contains(&0x1b), "an escape byte on standard error");
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn drafts(folder: &Path) -> Vec<serde_json::Value> {
    let Ok(entries) = std::fs::read_dir(folder.join("data/drafts")) else { return Vec::new() };
    entries
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".json"))
        .map(|entry| serde_json::from_slice(&std::fs::read(entry.path()).expect("a draft")).expect("draft JSON"))
        .collect()
}

#[test]
fn the_mycrm_manifest_made_from_answers_is_the_example_byte_for_byte() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let output =
        run(folder.path(), &["--accessible", "mycrm.json"], "xterm-256color", &read("tests/line_mode/mycrm.answers"));
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    no_escape(&output);
    let written = std::fs::read(folder.path().join("mycrm.json")).expect("mycrm.json was saved");
    assert_eq!(String::from_utf8_lossy(&written), String::from_utf8_lossy(&read("assets/examples/mycrm.json")));
    assert!(drafts(folder.path()).is_empty(), "the draft written while answering is gone after the save");
    let said = stdout(&output);
    assert!(said.contains("Authentication type: custom."), "{said}");
    assert!(said.contains("Saved mycrm.json."), "{said}");
}

#[test]
fn term_dumb_and_edit_accessible_give_the_line_mode_without_any_escape_byte() {
    for args in [&["mycrm.json"][..], &["edit", "mycrm.json"], &["edit", "--accessible", "mycrm.json"]] {
        let folder = tempfile::tempdir().expect("temporary folder");
        let term = if args.contains(&"--accessible") { "xterm-256color" } else { "dumb" };
        let output = run(folder.path(), args, term, &read("tests/line_mode/mycrm.answers"));
        assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
        no_escape(&output);
        let written = std::fs::read(folder.path().join("mycrm.json")).expect("saved");
        assert_eq!(written, read("assets/examples/mycrm.json"), "{args:?}");
    }
}

#[test]
fn the_documented_example_script_makes_its_manifest() {
    let page = String::from_utf8(read("docs/wizard.md")).expect("the wizard guide is UTF-8");
    let section = page.split("## Accessible line mode").nth(1).expect("the wizard guide has the section");
    let start = "integration-wizard --accessible hello.json <<'EOF'\n";
    let script = section.split(start).nth(1).expect("the section has the example");
    let answers = script.split("\nEOF\n").next().expect("the example ends with EOF");
    let folder = tempfile::tempdir().expect("temporary folder");
    let output = run(folder.path(), &["--accessible", "hello.json"], "dumb", format!("{answers}\n").as_bytes());
    assert!(output.status.success(), "{}\n{}", stdout(&output), String::from_utf8_lossy(&output.stderr));
    let written = std::fs::read(folder.path().join("hello.json")).expect("hello.json was saved");
    assert_eq!(String::from_utf8_lossy(&written), String::from_utf8_lossy(&read("tests/line_mode/hello.json")));
    assert!(stdout(&output).contains("No problems found."));
}

#[test]
fn a_value_from_a_file_is_said_with_its_control_characters_escaped() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let hostile = String::from_utf8(read("assets/examples/mycrm.json"))
        .expect("UTF-8")
        .replace("\"My CRM\"", "\"My \\u001b]0;PWNED\\u0007CRM\\u009b2J\"");
    std::fs::write(folder.path().join("hostile.json"), hostile).expect("write");
    let output = run(folder.path(), &["hostile.json"], "dumb", &b"\n".repeat(60));
    no_escape(&output);
    assert!(!output.stdout.contains(&0x07) && !stdout(&output).contains('\u{9b}'));
    assert!(stdout(&output).contains("Display name: My \\u{1b}]0;PWNED\\u{7}CRM\\u{9b}2J"), "{}", stdout(&output));
}

#[test]
fn end_of_input_saves_nothing_exits_2_and_keeps_a_draft_of_what_was_entered() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let output = run(folder.path(), &["--accessible", "mycrm.json"], "dumb", b"mycrm\nMy CRM\n");
    assert_eq!(output.status.code(), Some(2));
    assert!(!folder.path().join("mycrm.json").exists(), "nothing is saved");
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("nothing was saved") && message.contains("draft"), "{message}");
    let drafts = drafts(folder.path());
    assert_eq!(drafts.len(), 1, "one draft");
    let manifest = drafts[0]["manifest"].as_str().expect("the draft holds the manifest");
    assert!(manifest.contains("\"name\": \"mycrm\"") && manifest.contains("\"display_name\": \"My CRM\""));
    assert!(drafts[0]["path"].as_str().is_some_and(|path| path.ends_with("mycrm.json")));
}

#[test]
fn end_of_input_before_any_answer_keeps_no_draft() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let output = run(folder.path(), &["--accessible"], "dumb", b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("nothing was saved"));
    assert!(drafts(folder.path()).is_empty());
}

#[test]
fn wrong_answers_are_asked_again_with_the_problem_and_lose_nothing() {
    let answers = String::from_utf8(read("tests/line_mode/mycrm.answers")).expect("UTF-8");
    // A logo URL that is not absolute, then the right one; a picker number out of range, then a good one.
    let answers = answers
        .replacen(
            "https://talkdeskapp.s3.amazonaws.com/assets/integrations/mycrm.png\n",
            "mycrm.png\nhttps://talkdeskapp.s3.amazonaws.com/assets/integrations/mycrm.png\n",
            1,
        )
        .replacen("done\n2\nadd\n", "done\n9\ncustom-ish\n2\nadd\n", 1);
    let folder = tempfile::tempdir().expect("temporary folder");
    let output = run(folder.path(), &["--accessible", "mycrm.json"], "dumb", answers.as_bytes());
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let said = stdout(&output);
    assert!(said.contains("Error: logo_url must be an absolute http or https URL"), "{said}");
    assert!(said.contains("Logo URL has a problem; type it again"), "{said}");
    assert!(said.contains("\"9\" is not one of the choices"), "{said}");
    assert!(said.contains("\"custom-ish\" is not one of the choices"), "{said}");
    let written = std::fs::read(folder.path().join("mycrm.json")).expect("saved");
    assert_eq!(written, read("assets/examples/mycrm.json"));
}

#[test]
fn opening_a_file_and_changing_one_value_keeps_everything_else_byte_for_byte() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let original = String::from_utf8(read("assets/examples/oauth2-helpdesk.json")).expect("UTF-8");
    std::fs::write(folder.path().join("acme.json"), &original).expect("write");
    // Enter on the name, a new display name, then Enter through every other question and the review (save).
    let mut answers = b"\nAcme Help Desk\n".to_vec();
    answers.extend(b"\n".repeat(40));
    let output = run(folder.path(), &["--accessible", "acme.json"], "dumb", &answers);
    assert!(output.status.success(), "{}\n{}", stdout(&output), String::from_utf8_lossy(&output.stderr));
    let expected = original.replacen("\"display_name\": \"AcmeDesk\"", "\"display_name\": \"Acme Help Desk\"", 1);
    assert_ne!(expected, original);
    let written = std::fs::read_to_string(folder.path().join("acme.json")).expect("saved");
    assert_eq!(written, expected);
    assert_eq!(std::fs::read_to_string(folder.path().join("acme.json.bak")).expect("a backup"), original);
}

#[test]
fn a_new_manifest_with_errors_asks_before_saving_and_a_path_with_the_name_as_default() {
    let folder = tempfile::tempdir().expect("temporary folder");
    std::fs::write(folder.path().join("taken.json"), "{}\n").expect("write");
    // Only a name, Enter through the 13 other questions; save under the default name (taken.json)
    // but not with errors; then yes with errors, but not over the existing taken.json; then elsewhere.
    let mut answers = b"taken\n".to_vec();
    answers.extend(b"\n".repeat(13));
    answers.extend(b"s\n\nno\ns\n\ny\n\ns\nother.json\ny\n".as_slice());
    let output = run(folder.path(), &["--accessible"], "dumb", &answers);
    let said = stdout(&output);
    assert!(said.contains("error(s): Talkdesk will not accept it"), "{said}");
    assert!(said.contains("Save as (Enter for taken.json):"), "{said}");
    assert!(said.contains("taken.json already exists. Replace it?"), "{said}");
    assert_eq!(output.status.code(), Some(0), "{said}");
    assert_eq!(std::fs::read_to_string(folder.path().join("taken.json")).expect("kept"), "{}\n");
    assert!(std::fs::read_to_string(folder.path().join("other.json")).expect("saved").contains("\"name\": \"taken\""));
}

#[test]
fn each_answer_reaches_the_draft_before_the_next_question_so_a_killed_session_loses_nothing() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let mut child = Command::new(BINARY)
        .args(["--accessible", "mycrm.json"])
        .current_dir(folder.path())
        .env("INTEGRATION_WIZARD_DATA_DIR", folder.path().join("data"))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("a pipe to standard input");
    stdin.write_all(b"mycrm\nMy CRM\n").expect("answers written");
    stdin.flush().expect("flushed");
    let start = std::time::Instant::now();
    let holds = |folder: &Path| {
        drafts(folder).iter().any(|draft| draft["manifest"].as_str().is_some_and(|m| m.contains("My CRM")))
    };
    while !holds(folder.path()) && start.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().expect("killed");
    let _ = child.wait();
    assert!(holds(folder.path()), "no draft holds the answers: {:?}", drafts(folder.path()));
    assert_eq!(drafts(folder.path()).len(), 1);
}

#[test]
fn quitting_without_saving_asks_and_leaves_no_draft() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let mut answers = b"mycrm\n".to_vec();
    answers.extend(b"\n".repeat(13));
    answers.extend(b"q\nq\n".as_slice());
    let output = run(folder.path(), &["--accessible", "mycrm.json"], "dumb", &answers);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("You have unsaved changes"));
    assert!(!folder.path().join("mycrm.json").exists());
    assert!(drafts(folder.path()).is_empty());
}

#[test]
fn an_earlier_draft_of_the_file_is_never_overwritten() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let first = run(folder.path(), &["--accessible", "mycrm.json"], "dumb", b"mycrm\nMy first CRM\n");
    assert_eq!(first.status.code(), Some(2));
    let earlier = drafts(folder.path());
    assert_eq!(earlier.len(), 1);
    let second = run(folder.path(), &["--accessible", "mycrm.json"], "dumb", &read("tests/line_mode/mycrm.answers"));
    assert!(second.status.success());
    assert!(stdout(&second).starts_with("Unsaved work of this file from an earlier session is kept as a draft"));
    assert_eq!(std::fs::read(folder.path().join("mycrm.json")).expect("saved"), read("assets/examples/mycrm.json"));
    assert_eq!(drafts(folder.path()), earlier, "the earlier draft is still there, unchanged");
}

#[test]
fn the_review_lists_what_changed_since_the_file_was_opened_and_a_breaking_save_asks_first() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let original = String::from_utf8(read("assets/examples/mycrm.json")).expect("UTF-8");
    std::fs::write(folder.path().join("mycrm.json"), &original).expect("write");
    // Enter through step 1's five questions, the auth validation URL on another host, then Enter
    // through the rest: at the review, Enter saves, and the question's Enter is no. The last
    // answers save for good, whichever of the two is asked when they come.
    let mut answers = b"\n\n\n\n\nhttps://moved.example.net/auth_validation\n".to_vec();
    answers.extend(b"\n".repeat(40));
    answers.extend(b"s\nyes\n");
    let output = run(folder.path(), &["--accessible", "mycrm.json"], "dumb", &answers);
    let said = stdout(&output);
    assert!(output.status.success(), "{said}\n{}", String::from_utf8_lossy(&output.stderr));
    no_escape(&output);
    let listed = "1 change(s) since mycrm.json was opened, 1 breaking the live integration:\n\
        integration: auth_validation_endpoint moved to another host (breaks the live integration: ";
    assert!(said.contains(listed), "{said}");
    let asked = said.find("Saving breaks the live integration:").expect("asked before saving");
    assert!(said.find(listed).is_some_and(|at| at < asked), "listed at the review first: {said}");
    assert!(said.contains("Not saved."), "Enter is no: {said}");
    let written = std::fs::read_to_string(folder.path().join("mycrm.json")).expect("saved");
    assert!(written.contains("https://moved.example.net/auth_validation"), "{written}");
}
