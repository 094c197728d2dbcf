//! `probe` on a terminal asks for the missing mandatory credentials, a password field without echo.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

mod mock_bridge;
#[path = "support/pty.rs"]
mod pty;

use mock_bridge::{MockBridge, TOKEN, keeps_every_contract};
use pty::{ENTER, Session};

fn start(bridge: &MockBridge, folder: &tempfile::TempDir) -> Session {
    let manifest = folder.path().join("mycrm.json");
    std::fs::write(&manifest, bridge.manifest().to_string()).expect("write the manifest");
    let path = manifest.to_string_lossy().into_owned();
    Session::start(&["probe", &path, "--only", "auth", "--format", "text"], folder.path(), folder.path())
}

#[test]
fn missing_credentials_are_asked_for_and_a_password_is_never_shown() {
    let bridge = MockBridge::start(keeps_every_contract);
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut session = start(&bridge, &folder);
    session.wait_for("account: ");
    session.send(&format!("acme{ENTER}"));
    session.wait_for("token (hidden): ");
    session.send(TOKEN);
    session.wait_for(&format!("token (hidden): {}", "•".repeat(TOKEN.len())));
    session.send(ENTER);
    session.wait_for("every one kept its contract");
    session.wait_for("auth_validation PASS");
    assert!(!session.screen().contains(TOKEN), "the password was shown:\n{}", session.screen());
    assert_eq!(session.wait_exit(), 0);
    assert_eq!(bridge.received("/auth")[0].body["auth"]["token"], TOKEN);
}

#[test]
fn ctrl_c_at_the_hidden_prompt_sends_nothing_and_gives_the_terminal_back() {
    let bridge = MockBridge::start(keeps_every_contract);
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut session = start(&bridge, &folder);
    session.wait_for("account: ");
    session.send(&format!("acme{ENTER}"));
    session.wait_for("token (hidden): ");
    session.send("abc\u{3}");
    session.wait_for("cancelled: nothing was sent");
    assert_eq!(session.wait_exit(), 2);
    let modes = session.local_modes();
    assert!(modes.contains("ECHO") && modes.contains("ICANON"), "the terminal stayed raw: {modes}");
    assert!(bridge.received("/auth").is_empty());
}
