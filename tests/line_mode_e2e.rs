//! End to end on a real (pseudo-)terminal with `TERM=dumb`: the line mode instead of the full
//! screen, each answer echoed once by the terminal, Ctrl-D keeps a draft that the full wizard offers back.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

#[path = "support/pty.rs"]
mod pty;

use pty::*;

#[test]
fn on_a_dumb_terminal_answers_read_plainly_and_ctrl_d_leaves_a_draft_the_wizard_offers_back() {
    let folders = folders();
    let mut line_mode =
        Session::start_with(&["mycrm.json"], folders.work.path(), folders.data.path(), (100, 30), &[("TERM", "dumb")]);
    line_mode.wait_for("New value for Name (Enter keeps it):");
    line_mode.send("mycrm\r");
    line_mode.wait_for("Display name: empty");
    // The terminal echoes the answer with its line break; the line mode adds no blank line of its own.
    assert!(line_mode.screen().contains("New value for Name (Enter keeps it): mycrm\nDisplay name: empty"));
    line_mode.send("\x04");
    assert_eq!(line_mode.wait_exit(), 2);
    line_mode.with_screen(|screen| assert!(screen.contents().contains("nothing was saved")));
    assert!(!folders.work.path().join("mycrm.json").exists());
    folders.wait_for_draft_with("\\\"name\\\": \\\"mycrm\\\"");

    let mut wizard = folders.start(&["mycrm.json"]);
    wizard.wait_for("Recover unsaved work?");
    wizard.wait_for("\"name\": \"mycrm\"");
}
