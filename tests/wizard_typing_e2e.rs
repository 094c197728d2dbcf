//! End to end, in a pseudo-terminal: a form filled by typing and Enter alone (no Enter to start editing,
//! no line break left by an Enter in a description), and Alt-Enter / Ctrl-J delivered as line breaks.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

#[path = "support/pty.rs"]
mod pty;

use pty::*;
use std::fs;

const DESCRIPTION: &str =
    "Centralizing all the customer conversations so nothing gets ignored and everything is searchable from one place.";

/// Saves a manifest that still has errors (no authentication type): Ctrl-S, then `y` to the question.
fn save_anyway(wizard: &mut Session) {
    wizard.send(CTRL_S);
    wizard.wait_for("Save with problems?");
    wizard.send("y");
    wizard.wait_for("saved mycrm.json");
}

#[test]
fn the_integration_step_is_filled_by_typing_and_enter_alone() {
    let folders = folders();
    let mut wizard = folders.start(&["mycrm.json"]);
    wizard.wait_for("mycrm.json does not exist yet");
    wizard.wait_for("type to replace");

    // Each value is typed on its focused row, and Enter finishes it and goes to the next row.
    for value in [
        "mycrm",
        "My CRM",
        DESCRIPTION,
        "https://talkdeskapp.s3.amazonaws.com/assets/integrations/mycrm.png",
        "https://talkdeskapp.s3.amazonaws.com/assets/integrations/mycrm_icon.png",
    ] {
        wizard.send(value);
        wizard.send(ENTER);
    }
    wizard.wait_for("\"icon_url\": \"https://");
    save_anyway(&mut wizard);
    wizard.send(CTRL_Q);
    assert_eq!(wizard.wait_exit(), 0);

    let saved = fs::read_to_string(folders.work.path().join("mycrm.json")).expect("the manifest was saved");
    let json: serde_json::Value = serde_json::from_str(&saved).expect("JSON");
    let integration = &json["integration"];
    assert_eq!(integration["name"], "mycrm");
    assert_eq!(integration["display_name"], "My CRM");
    assert_eq!(integration["description"], DESCRIPTION, "Enter finished the description: no line break in it");
    assert_eq!(integration["logo_url"], "https://talkdeskapp.s3.amazonaws.com/assets/integrations/mycrm.png");
    assert_eq!(integration["icon_url"], "https://talkdeskapp.s3.amazonaws.com/assets/integrations/mycrm_icon.png");
    assert!(!saved.contains("\\n"), "no stray line break anywhere:\n{saved}");
}

#[test]
fn alt_enter_and_ctrl_j_type_line_breaks_in_a_description_and_enter_finishes_it() {
    let folders = folders();
    let mut wizard = folders.start(&["mycrm.json"]);
    wizard.wait_for("type to replace");
    wizard.send("mycrm");
    wizard.send(ENTER);
    wizard.send(DOWN);
    wizard.wait_for("▶ Description");
    wizard.send("First line.");
    wizard.wait_for("Alt-Enter new line");
    wizard.send(ALT_ENTER);
    wizard.send("Second line.");
    wizard.send(CTRL_J);
    wizard.send("Third line.");
    wizard.send(ENTER);
    wizard.wait_for("▶ Logo URL");
    save_anyway(&mut wizard);
    wizard.send(CTRL_Q);
    assert_eq!(wizard.wait_exit(), 0);

    let saved = fs::read_to_string(folders.work.path().join("mycrm.json")).expect("the manifest was saved");
    let json: serde_json::Value = serde_json::from_str(&saved).expect("JSON");
    assert_eq!(json["integration"]["description"], "First line.\nSecond line.\nThird line.");
}

#[test]
fn alt_digits_go_to_a_step_from_a_text_field_where_a_digit_is_typed() {
    let folders = folders();
    let mut wizard = folders.start(&["mycrm.json"]);
    wizard.wait_for("type to replace");
    wizard.send(&alt('2'));
    wizard.wait_for("Auth validation URL");
    wizard.send("2");
    wizard.wait_for("Enter done");
    wizard.escape("edit cancelled");
    wizard.send(CTRL_Q);
    assert_eq!(wizard.wait_exit(), 0);
}
