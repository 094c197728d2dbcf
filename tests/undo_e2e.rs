//! End to end: undo and redo in the built binary in a pseudo-terminal. Alt-Z and Alt-Y reach the wizard
//! as terminals send them (Esc then the letter), changes are undone before saving, and work recovered
//! after `kill -9` is undone change by change.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

#[path = "support/pty.rs"]
mod pty;

use pty::*;
use std::fs;

/// The bundled example, already in the tool's layout (SPEC §2.2).
const MYCRM: &str = include_str!("../assets/examples/mycrm.json");
/// Alt-Z and Alt-Y as a terminal sends them.
const ALT_Z: &str = "\x1bz";
const ALT_Y: &str = "\x1by";

/// Sets the display name of the manifest open (focused on the Display name row) to `name`.
fn set_display_name(wizard: &mut Session, name: &str) {
    wizard.send(ENTER);
    wizard.send(CTRL_U);
    wizard.send(name);
    wizard.send(ENTER);
    wizard.wait_for(&format!("\"display_name\": \"{name}\""));
    wizard.send(UP);
    wizard.wait_for("▶ Display name");
}

/// Opens mycrm.json and sets its display name twice: `GREAT_CRM`, then "Second Name".
fn two_changes(folders: &Folders) -> Session {
    let mut wizard = folders.start(&["mycrm.json"]);
    wizard.wait_for("opened mycrm.json");
    wizard.send(DOWN);
    wizard.wait_for("▶ Display name");
    set_display_name(&mut wizard, GREAT_CRM);
    set_display_name(&mut wizard, "Second Name");
    wizard
}

#[test]
fn an_undone_change_is_not_saved() {
    let folders = folders();
    let path = folders.work.path().join("mycrm.json");
    fs::write(&path, MYCRM).expect("the manifest");
    let mut wizard = two_changes(&folders);

    wizard.send(ALT_Z);
    wizard.wait_for("undid: edit display_name");
    wizard.wait_for(&format!("\"display_name\": \"{GREAT_CRM}\""));
    wizard.send(ALT_Z);
    wizard.wait_for("\"display_name\": \"My CRM\"");
    wizard.send(ALT_Y);
    wizard.wait_for("redid: edit display_name");
    wizard.wait_for(&format!("\"display_name\": \"{GREAT_CRM}\""));

    wizard.send(CTRL_S);
    wizard.wait_for("saved mycrm.json");
    wizard.send(CTRL_Q);
    assert_eq!(wizard.wait_exit(), 0);
    let expected = with_display_name(MYCRM, GREAT_CRM);
    assert_eq!(fs::read_to_string(&path).expect("saved"), expected);
}

#[test]
fn work_recovered_after_kill_9_is_undone_change_by_change() {
    let folders = folders();
    let path = folders.work.path().join("mycrm.json");
    fs::write(&path, MYCRM).expect("the manifest");
    let mut wizard = two_changes(&folders);
    folders.wait_for_draft_with("Second Name");
    wizard.signal("KILL");
    wizard.wait_exit_status();
    drop(wizard);

    let mut wizard = folders.start(&["mycrm.json"]);
    wizard.wait_for("Recover unsaved work?");
    wizard.send("y");
    wizard.wait_for("recovered your unsaved work");
    wizard.wait_for("\"display_name\": \"Second Name\"");
    wizard.send(ALT_Z);
    wizard.wait_for("undid: edit display_name");
    wizard.wait_for(&format!("\"display_name\": \"{GREAT_CRM}\""));
    wizard.send(ALT_Z);
    wizard.wait_for("\"display_name\": \"My CRM\"");
    wizard.wait_for_gone("● modified");
    wizard.send(ALT_Z);
    wizard.wait_for("nothing to undo");
    wizard.send(CTRL_Q);
    assert_eq!(wizard.wait_exit(), 0, "nothing unsaved: quits without asking");
    assert_eq!(fs::read_to_string(&path).expect("file"), MYCRM);
}
