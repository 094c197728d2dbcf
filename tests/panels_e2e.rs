//! End to end, in a pseudo-terminal: the review writes the ticket document, and "try it" probes an
//! endpoint of a mock bridge on 127.0.0.1 and shows the result in its panel.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

mod mock_bridge;
#[path = "support/pty.rs"]
mod pty;

use mock_bridge::{ACCOUNT, MockBridge, TOKEN, keeps_every_contract};
use pty::*;

#[test]
fn the_review_writes_the_ticket_document_and_asks_before_replacing_it() {
    let folders = folders();
    let example = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/mycrm.json"))
        .expect("the bundled example");
    std::fs::write(folders.work.path().join("mycrm.json"), &example).expect("write the manifest");
    let mut session = folders.start(&["mycrm.json"]);
    session.wait_for("Integration");
    session.send(&alt('6'));
    session.wait_for("ticket document");
    session.send(&alt('w'));
    session.wait_for("Markdown (.md)");
    session.send(ENTER);
    session.wait_for("mycrm-ticket.md");
    session.send(ENTER);
    session.wait_for("wrote the ticket document mycrm-ticket.md (Markdown)");
    session.wait_for("Subject: Activate Custom Integration");
    session.wait_for("Attach: mycrm-ticket.md");
    session.send(ESC);
    session.wait_for_gone("Attach: mycrm-ticket.md");
    let written = std::fs::read_to_string(folders.work.path().join("mycrm-ticket.md")).expect("the document");
    assert!(written.starts_with("# Activate Custom Integration"), "{written}");
    assert!(written.contains("- Manifest: mycrm.json") && written.contains("| display_name | My CRM |"), "{written}");

    // A second time, the file is there: nothing is replaced without a yes.
    std::fs::write(folders.work.path().join("mycrm-ticket.md"), "kept").expect("write");
    session.send(&alt('w'));
    session.wait_for("Markdown (.md)");
    session.send(ENTER);
    session.wait_for("Write the Markdown document to");
    session.send(ENTER);
    session.wait_for("already exists");
    session.send("n");
    session.wait_for("was kept; choose another path");
    session.escape("the ticket document was not written");
    assert_eq!(std::fs::read_to_string(folders.work.path().join("mycrm-ticket.md")).expect("read"), "kept");
    session.send(CTRL_Q);
    assert_eq!(session.wait_exit(), 0);
}

#[test]
fn try_it_probes_an_endpoint_of_the_bridge_and_shows_the_status_in_a_panel() {
    let (bridge, folders, mut session) = try_the_auth_validation();
    session.send(&format!("{ACCOUNT}{ENTER}"));
    session.send(TOKEN);
    session.wait_for(&"•".repeat(TOKEN.len()));
    session.send(ENTER);
    session.wait_for("PASS: the endpoint kept its contract (status 200)");
    // The verdict and the status line are drawn in one frame, but the terminal may be read between them.
    session.wait_for("→ 200 in");
    let screen = session.screen();
    assert!(!screen.contains(TOKEN), "a credential reached the screen:\n{screen}");
    assert_eq!(bridge.received("/auth")[0].body["auth"]["token"], TOKEN);
    session.escape("");
    session.wait_for_gone("Try the auth validation");
    session.send(CTRL_Q);
    assert_eq!(session.wait_exit(), 0);
    let manifest = std::fs::read_to_string(folders.work.path().join("mycrm.json")).expect("read");
    assert!(!manifest.contains(TOKEN), "the manifest holds no credential");
}

#[test]
fn wrong_credentials_are_refused_not_broken_and_c_asks_them_again() {
    let (bridge, _folders, mut session) = try_the_auth_validation();
    session.send(&format!("{ACCOUNT}{ENTER}"));
    session.send("wrong");
    session.wait_for("•••••");
    session.send(ENTER);
    session.wait_for("REFUSED");
    session.wait_for("c new credentials");
    assert!(!session.screen().contains("broke its contract"), "a refusal is no broken bridge:\n{}", session.screen());

    // `c` asks every credential again and tries the same endpoint with the new values.
    session.send("c");
    session.wait_for("Credentials to try the auth validation");
    session.send(&format!("{ACCOUNT}{ENTER}"));
    session.send(TOKEN);
    session.wait_for(&"•".repeat(TOKEN.len()));
    session.send(ENTER);
    session.wait_for("PASS: the endpoint kept its contract (status 200)");
    let tokens: Vec<_> = bridge.received("/auth").iter().map(|request| request.body["auth"]["token"].clone()).collect();
    assert!(tokens.contains(&serde_json::json!("wrong")) && tokens.contains(&serde_json::json!(TOKEN)), "{tokens:?}");
    assert!(!session.screen().contains(TOKEN), "a credential reached the screen:\n{}", session.screen());
    session.escape("");
    session.wait_for_gone("Try the auth validation");
    session.send(CTRL_Q);
    assert_eq!(session.wait_exit(), 0);
}

/// Opens the mock bridge's manifest, goes to its auth validation URL and asks to try it: the
/// credentials prompt is on the screen. The folders are returned to keep them alive.
fn try_the_auth_validation() -> (MockBridge, Folders, Session) {
    let bridge = MockBridge::start(keeps_every_contract);
    let folders = folders();
    std::fs::write(folders.work.path().join("mycrm.json"), bridge.manifest().to_string()).expect("write");
    let mut session = folders.start(&["mycrm.json"]);
    session.wait_for("Integration");
    session.send(&alt('2'));
    session.wait_for("Auth validation URL");
    session.send(&alt('t'));
    session.wait_for("Credentials to try the auth validation");
    (bridge, folders, session)
}
