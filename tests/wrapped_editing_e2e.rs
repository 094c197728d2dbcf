//! End to end, in a pseudo-terminal: a long description typed into the built wizard shows wrapped
//! over several rows of the form, the terminal's cursor after its last word, at 120x40 and 80x24.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

#[path = "support/pty.rs"]
mod pty;

use pty::*;
use std::fs;
use std::time::{Duration, Instant};

const DESCRIPTION: &str = "Mycrm keeps every customer conversation in one place. Agents see the caller's \
    record and history before they answer. Tickets and cases are created from the call in one key.";

/// The editor's rows on `screen`: the text after each `  │ ` margin, up to the form's border.
fn editor_rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .filter_map(|line| line.split_once("  │ ").map(|(_, rest)| rest.split('│').next().unwrap_or(rest).trim_end()))
        .map(str::to_owned)
        .collect()
}

/// Waits until the terminal's cursor follows `text` on its row (it is placed after the text is drawn).
fn wait_for_cursor_after(wizard: &mut Session, text: &str, size: (u16, u16)) {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let before = wizard.with_screen(|screen| {
            let (row, column) = screen.cursor_position();
            screen.contents_between(row, 0, row, column)
        });
        if before.ends_with(text) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the cursor did not follow {text:?} at {size:?}: {before:?}\n{}",
            wizard.screen()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_long_description_typed_shows_wrapped_with_the_cursor_after_its_last_word() {
    for (cols, rows) in [(120, 40), (80, 24)] {
        let folders = folders();
        let mut wizard = Session::start_sized(&["mycrm.json"], folders.work.path(), folders.data.path(), cols, rows);
        wizard.wait_for("type to replace");
        wizard.send("mycrm");
        wizard.send(ENTER);
        wizard.send(DOWN);
        wizard.wait_for("▶ Description");
        wizard.send(DESCRIPTION);
        // Every word on screen, over several rows: none scrolled out of sight.
        wizard.wait_until("the description wrapped over several rows", |screen| {
            let rows = editor_rows(screen);
            let words: Vec<&str> = rows.iter().flat_map(|row| row.split_whitespace()).collect();
            rows.len() >= 3 && words.join(" ") == DESCRIPTION
        });
        wait_for_cursor_after(&mut wizard, "in one key.", (cols, rows));

        wizard.send(ENTER);
        wizard.wait_for("▶ Logo URL");
        wizard.send(CTRL_S);
        wizard.wait_for("Save with problems?");
        wizard.send("y");
        wizard.wait_for("saved mycrm.json");
        wizard.send(CTRL_Q);
        assert_eq!(wizard.wait_exit(), 0);
        let saved = fs::read_to_string(folders.work.path().join("mycrm.json")).expect("the manifest was saved");
        let json: serde_json::Value = serde_json::from_str(&saved).expect("JSON");
        assert_eq!(json["integration"]["description"], DESCRIPTION, "the wrapping is shown only: no line break kept");
    }
}
