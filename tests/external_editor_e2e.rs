//! End to end: Ctrl-E hands the focused text to the author's editor (`EDITOR` set to small shell
//! scripts here) and takes back what it wrote; a failing or missing editor changes nothing.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

#[path = "support/pty.rs"]
mod pty;

use pty::*;
use std::fs;
use std::path::Path;

/// The bundled example, already in the tool's layout (SPEC §2.2).
const MYCRM: &str = include_str!("../assets/examples/mycrm.json");
const CTRL_E: &str = "\x05";

/// Writes an executable shell script `name` in `folder` and returns its path.
fn script(folder: &Path, name: &str, body: &str) -> String {
    let path = folder.join(name);
    fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("the editor script");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).expect("make it executable");
    }
    path.display().to_string()
}

/// The wizard on a copy of mycrm.json with `EDITOR` set to `editor`.
fn start(folders: &Folders, editor: &str) -> Session {
    fs::write(folders.work.path().join("mycrm.json"), MYCRM).expect("the manifest");
    let env = [("EDITOR", editor), ("VISUAL", "")];
    let mut wizard = Session::start_with(&["mycrm.json"], folders.work.path(), folders.data.path(), (120, 40), &env);
    wizard.wait_for("opened mycrm.json");
    wizard
}

/// The integration object of the manifest as saved.
fn saved(folders: &Folders) -> serde_json::Value {
    let text = fs::read_to_string(folders.work.path().join("mycrm.json")).expect("the saved manifest");
    let manifest: serde_json::Value = serde_json::from_str(&text).expect("the saved manifest is JSON");
    manifest["integration"].clone()
}

fn save(wizard: &mut Session) {
    wizard.send(CTRL_S);
    // "saved " and the path: the step list says "not saved yet" before.
    wizard.wait_for("saved mycrm");
}

#[test]
fn the_editors_text_replaces_the_focused_description_and_is_saved() {
    let folders = folders();
    let editor = script(folders.work.path(), "replace.sh", "printf 'Written in my editor.\\nSecond line.\\n' > \"$1\"");
    let mut wizard = start(&folders, &editor);
    wizard.send(DOWN);
    wizard.send(DOWN);
    wizard.wait_for("▶ Description");
    wizard.send(CTRL_E);
    wizard.wait_for("the text from your editor is in the field");
    wizard.wait_for("● modified");
    // The wizard's screen is back whole: steps, form and preview.
    wizard.wait_for("Written in my");
    assert!(wizard.screen().contains("1 Integration"), "{}", wizard.screen());
    save(&mut wizard);
    assert_eq!(
        saved(&folders)["description"],
        "Written in my editor.\nSecond line.",
        "the one line break the editor added at the end is not kept"
    );
}

#[test]
fn text_typed_before_ctrl_e_goes_to_the_editor_and_its_arguments_are_split_as_a_shell_would() {
    let folders = folders();
    let append = script(folders.work.path(), "append.sh", "printf '%s' \"$1\" >> \"$2\"");
    let mut wizard = start(&folders, &format!("'{append}' ' Pro'"));
    wizard.send(DOWN);
    wizard.wait_for("▶ Display name");
    wizard.send(ENTER);
    wizard.send(" Big");
    wizard.wait_for("My CRM Big");
    wizard.send(CTRL_E);
    wizard.wait_for("the text from your editor is in the field");
    save(&mut wizard);
    assert_eq!(saved(&folders)["display_name"], "My CRM Big Pro");
}

#[test]
fn a_failing_editor_changes_nothing_and_keeps_what_was_typed() {
    let folders = folders();
    let failing = script(folders.work.path(), "fail.sh", "printf 'garbage' > \"$1\"; exit 3");
    let mut wizard = start(&folders, &failing);
    wizard.send(DOWN);
    wizard.wait_for("▶ Display name");
    wizard.send(ENTER);
    wizard.send(" Big");
    wizard.wait_for("My CRM Big");
    wizard.send(CTRL_E);
    wizard.wait_for("exited with 3");
    assert!(wizard.screen().contains("keeps its value"), "{}", wizard.screen());
    // Still editing, with what was typed: Enter keeps it.
    wizard.send(" Deal");
    wizard.send(ENTER);
    save(&mut wizard);
    assert_eq!(saved(&folders)["display_name"], "My CRM Big Deal");
}

#[test]
fn a_missing_editor_is_said_and_the_field_keeps_its_value() {
    let folders = folders();
    let mut wizard = start(&folders, "integration-wizard-no-such-editor --wait");
    wizard.send(DOWN);
    wizard.wait_for("▶ Display name");
    wizard.send(CTRL_E);
    wizard.wait_for("was not found");
    assert!(wizard.screen().contains("set VISUAL or EDITOR"), "{}", wizard.screen());
    assert!(!wizard.screen().contains("● modified"), "nothing changed:\n{}", wizard.screen());
    // The field was not left open: typing a letter is not taken as text, and quitting needs no question.
    wizard.send(CTRL_Q);
    assert_eq!(wizard.wait_exit(), 0);
    assert_eq!(saved(&folders)["display_name"], "My CRM");
}

#[test]
fn the_editors_folder_is_private_and_removed_when_the_wizard_is_ended_by_a_signal() {
    let folders = folders();
    let told = folders.work.path().join("editing.txt");
    // The editor says which file it edits, then runs until it is ended.
    let body = format!("printf '%s' \"$1\" > '{}.part' && mv '{0}.part' '{0}'; exec sleep 30", told.display());
    let editor = script(folders.work.path(), "slow.sh", &body);
    let mut wizard = start(&folders, &editor);
    wizard.send(DOWN);
    wizard.send(DOWN);
    wizard.wait_for("▶ Description");
    wizard.send(CTRL_E);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !told.exists() {
        assert!(std::time::Instant::now() < deadline, "the editor never started");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let file = std::path::PathBuf::from(fs::read_to_string(&told).expect("the edited file's path"));
    let folder = file.parent().expect("its folder").to_path_buf();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&folder).expect("the folder").permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "only the author may enter {}", folder.display());
    }
    wizard.signal("TERM");
    wizard.wait_exit();
    assert!(!folder.exists(), "{} stayed behind with the text", folder.display());
}
