//! End to end, in a pseudo-terminal: the review lists what changed since the file was opened
//! (breaking changes first), Enter jumps to one, a breaking save asks first, and the ticket key
//! writes the update document.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

#[path = "support/pty.rs"]
mod pty;

use pty::*;

const DELETE: &str = "\x1b[3~";

#[test]
fn a_changed_file_lists_its_breaking_changes_asks_before_saving_and_writes_the_update_document() {
    let folders = folders();
    let example = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/mycrm.json"))
        .expect("the bundled example");
    std::fs::write(folders.work.path().join("mycrm.json"), &example).expect("write the manifest");
    let mut session = folders.start(&["mycrm.json"]);
    session.wait_for("opened mycrm.json");
    // Remove the auth field "token" (the second).
    session.send(&alt('4'));
    session.wait_for("▶ account");
    session.send(DOWN);
    session.wait_for("▶ token");
    session.send(DELETE);
    session.wait_for("Delete");
    session.send("y");
    session.wait_for_gone("▶ token");
    // Rename the action.
    session.send(&alt('5'));
    session.wait_for("▶ create_ticket");
    session.send(ENTER);
    session.wait_for("▶ Name");
    session.send(ENTER);
    session.send("_v2");
    session.send(ENTER);
    session.wait_for("\"name\": \"create_ticket_v2\"");
    session.escape("▶ create_ticket_v2 — create a ticket");
    session.send(&alt('6'));
    session.wait_for("Review & save: 2 change(s)");
    session.wait_for("▶ - [breaking] auth field \"token\" removed");
    session.wait_for("~ [breaking] action \"create_ticket\" renamed");
    // Enter on the rename jumps to the action's name; Esc climbs back through the actions list to the review.
    session.send(DOWN);
    session.wait_for("▶ ~ [breaking] action");
    session.send(ENTER);
    session.wait_for("▶ Name");
    session.escape("▶ create_ticket_v2 — create a ticket");
    session.escape("Review & save: 2 change(s)");
    // The save asks once, naming what breaks.
    session.send(CTRL_S);
    session.wait_for("Save a change that breaks the live integration?");
    session.wait_for("auth field \"token\" removed: the value every account stored");
    session.send("y");
    session.wait_for("saved mycrm.json");
    // The ticket key offers the update document.
    session.send(&alt('w'));
    session.wait_for("\"Update Custom Integration\"");
    session.send(ENTER);
    session.wait_for("mycrm-update-ticket.md");
    session.send(ENTER);
    session.wait_for("Subject: Update Custom Integration");
    session.send(ESC);
    session.wait_for_gone("Subject: Update Custom Integration");
    session.send(CTRL_Q);
    assert_eq!(session.wait_exit(), 0);
    let written = std::fs::read_to_string(folders.work.path().join("mycrm-update-ticket.md")).expect("the document");
    assert!(written.starts_with("# Update Custom Integration"), "{written}");
    let saved = std::fs::read_to_string(folders.work.path().join("mycrm.json")).expect("saved");
    assert!(saved.contains("create_ticket_v2") && !saved.contains("\"token\""), "{saved}");
}
