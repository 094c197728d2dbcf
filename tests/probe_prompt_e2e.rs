//! `probe` on a terminal asks for the missing mandatory credentials, a password field without echo.

mod mock_bridge;
#[path = "support/pty.rs"]
mod pty;

use mock_bridge::{MockBridge, TOKEN, keeps_every_contract};
use pty::{ENTER, Session};

#[test]
fn missing_credentials_are_asked_for_and_a_password_is_never_shown() {
    let bridge = MockBridge::start(keeps_every_contract);
    let folder = tempfile::tempdir().expect("a temporary folder");
    let manifest = folder.path().join("mycrm.json");
    std::fs::write(&manifest, bridge.manifest().to_string()).expect("write the manifest");
    let path = manifest.to_string_lossy().into_owned();
    let mut session =
        Session::start(&["probe", &path, "--only", "auth", "--format", "text"], folder.path(), folder.path());
    session.wait_for("account: ");
    session.send(&format!("acme{ENTER}"));
    session.wait_for("token (hidden): ");
    session.send(&format!("{TOKEN}{ENTER}"));
    session.wait_for("every one kept its contract");
    assert!(session.screen().contains("auth_validation PASS"), "{}", session.screen());
    assert!(!session.screen().contains(TOKEN), "the password was shown:\n{}", session.screen());
    assert_eq!(session.wait_exit(), 0);
    assert_eq!(bridge.received("/auth")[0].body["auth"]["token"], TOKEN);
}
