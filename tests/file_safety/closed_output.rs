//! Output closed under the tool (`… | head`): each command ends quietly, as `cat` does, never with a panic.

use super::*;
use std::io::Write;
use std::os::unix::process::ExitStatusExt;
use std::process::Stdio;

/// Runs the binary with `input` on standard input and both outputs closed before it writes.
fn run_with_outputs_closed(args: &[&str], input: &[u8]) -> std::process::ExitStatus {
    let mut child = Command::new(BINARY)
        .args(args)
        .env("TERM", "dumb")
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    // Closing the reading ends makes every write fail as a pipe whose reader (`head`) has gone.
    drop(child.stdout.take());
    drop(child.stderr.take());
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(input);
    }
    child.wait().expect("the binary ends")
}

fn assert_quiet_end(what: &str, status: std::process::ExitStatus) {
    assert_ne!(status.code(), Some(101), "{what} panicked on a closed output");
    let by_closed_pipe = status.signal() == Some(13) || status.code() == Some(141);
    assert!(by_closed_pipe || status.success() || status.code() == Some(1), "{what} ended with {status:?}");
}

#[test]
fn no_command_panics_when_its_output_is_closed() {
    let folder = tempfile::tempdir().expect("temp dir");
    let manifest = write_manifest(folder.path(), "mycrm.json", &mycrm());
    let one_line = folder.path().join("one-line.json");
    fs::write(&one_line, unformatted()).expect("write");
    let manifest = path_str(&manifest);
    let cases: [(&str, Vec<&str>, &[u8]); 6] = [
        ("the line-mode wizard", vec![manifest], b"q\n"),
        ("schema", vec!["schema"], b""),
        ("validate", vec!["validate", manifest, path_str(&one_line)], b""),
        ("fmt", vec!["fmt", path_str(&one_line)], b""),
        ("fmt --check", vec!["fmt", "--check", path_str(&one_line)], b""),
        ("validate --explain", vec!["validate", "--explain"], b""),
    ];
    for (what, args, input) in cases {
        assert_quiet_end(what, run_with_outputs_closed(&args, input));
    }
}
