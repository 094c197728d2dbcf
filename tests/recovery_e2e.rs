//! End to end: unsaved work survives a killed wizard. The built binary runs in a pseudo-terminal; it is
//! killed mid-edit (SIGKILL, or SIGTERM / SIGHUP which it handles) and started again, which offers the draft back.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

#[path = "support/pty.rs"]
mod pty;

use pty::*;
use std::fs;
use std::path::{Path, PathBuf};

/// The bundled example, already in the tool's layout (SPEC §2.2).
const MYCRM: &str = include_str!("../assets/examples/mycrm.json");

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

/// True when `modes` (as [`Session::local_modes`] lists them) include `flag` itself (ECHO, not only ECHOE).
fn has_mode(modes: &str, flag: &str) -> bool {
    modes.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).any(|token| token == flag)
}

/// Opens the copy of mycrm.json and changes its display name to `GREAT_CRM` (not saved).
fn change_display_name(folders: &Folders) -> Session {
    let mut wizard = folders.start(&["mycrm.json"]);
    change_display_name_in(&mut wizard);
    wizard
}

/// Changes the display name of the manifest just opened to `GREAT_CRM` (not saved).
fn change_display_name_in(wizard: &mut Session) {
    wizard.wait_for("opened mycrm.json");
    wizard.retype_display_name(GREAT_CRM);
    wizard.wait_for(&format!("\"display_name\": \"{GREAT_CRM}\""));
}

#[test]
fn a_wizard_killed_mid_edit_offers_its_draft_back_and_saving_it_keeps_the_change() {
    let folders = folders();
    let path = folders.work.path().join("mycrm.json");
    fs::write(&path, MYCRM).expect("the manifest");

    let mut wizard = change_display_name(&folders);
    let draft = folders.wait_for_draft_with(GREAT_CRM);
    #[cfg(unix)]
    {
        assert_eq!(mode(&draft), 0o600, "a draft is readable by its owner only: {}", draft.display());
        assert_eq!(mode(&folders.drafts_dir()), 0o700, "and so is the drafts folder");
    }
    wizard.signal("KILL");
    let status = wizard.wait_exit_status();
    assert_eq!(status.signal().map(str::to_lowercase).as_deref(), Some("killed"), "{status:?}");
    drop(wizard);
    assert_eq!(fs::read_to_string(&path).expect("file"), MYCRM, "nothing was saved");

    let mut wizard = folders.start(&["mycrm.json"]);
    wizard.wait_for("Recover unsaved work?");
    wizard.wait_for("-     \"display_name\": \"My CRM\",");
    wizard.wait_for(&format!("+     \"display_name\": \"{GREAT_CRM}\","));
    wizard.send("y");
    wizard.wait_for_gone("Recover unsaved work?");
    wizard.wait_for("recovered your unsaved work");
    wizard.wait_for("● modified");
    let screen = wizard.screen();
    let row = screen.lines().find(|line| line.contains("Display name")).expect("the Display name row");
    assert!(row.contains(GREAT_CRM), "the form shows the recovered value: {row}");

    wizard.send(CTRL_S);
    wizard.wait_for("saved mycrm.json");
    wizard.wait_for_gone("● modified");
    wizard.send(CTRL_Q);
    assert_eq!(wizard.wait_exit(), 0);

    let expected = with_display_name(MYCRM, GREAT_CRM);
    assert_ne!(expected, MYCRM);
    assert_eq!(fs::read_to_string(&path).expect("saved"), expected);
    assert_eq!(fs::read_to_string(folders.work.path().join("mycrm.json.bak")).expect("a backup"), MYCRM);
    assert_eq!(folders.drafts(), Vec::<PathBuf>::new(), "the recovered draft is removed once saved");
}

#[test]
fn n_on_the_recover_panel_deletes_the_draft_and_opens_the_file_as_it_is() {
    let folders = folders();
    let path = folders.work.path().join("mycrm.json");
    fs::write(&path, MYCRM).expect("the manifest");
    let mut wizard = change_display_name(&folders);
    folders.wait_for_draft_with(GREAT_CRM);
    wizard.signal("KILL");
    wizard.wait_exit_status();
    drop(wizard);

    let mut wizard = folders.start(&["mycrm.json"]);
    wizard.wait_for("Recover unsaved work?");
    wizard.send("n");
    wizard.wait_for("the draft was deleted");
    assert_eq!(folders.drafts(), Vec::<PathBuf>::new());
    let screen = wizard.screen();
    assert!(!screen.contains(GREAT_CRM), "{screen}");
    assert!(!screen.contains("● modified"), "{screen}");
    wizard.send(CTRL_Q);
    assert_eq!(wizard.wait_exit(), 0, "nothing to save: Ctrl-Q quits at once");
    assert_eq!(fs::read_to_string(&path).expect("file"), MYCRM);
}

/// Changes a value, then sends `signal` well within the half second before the draft would be written:
/// the wizard writes it on the way out, leaves the terminal as it found it and exits by itself.
fn a_signal_writes_the_draft_on_the_way_out(signal: &str) {
    let folders = folders();
    let path = folders.work.path().join("mycrm.json");
    fs::write(&path, MYCRM).expect("the manifest");
    let mut wizard = change_display_name(&folders);
    // A first draft is written; the last keystroke then comes just before the signal.
    folders.wait_for_draft_with(GREAT_CRM);
    wizard.send(UP);
    wizard.wait_for("▶ Display name");
    wizard.send(ENTER);
    wizard.send(CTRL_U);
    wizard.send("My Last CRM"); // the editor stays open: killed mid-edit
    wizard.wait_for("\"display_name\": \"My Last CRM\"");
    let before: Vec<String> = folders.drafts().iter().map(|d| fs::read_to_string(d).expect("draft")).collect();
    assert!(
        before.iter().all(|draft| !draft.contains("My Last CRM")),
        "the signal must come before the draft of the last change is due; drafts: {before:?}"
    );
    let modes = wizard.local_modes();
    assert!(!has_mode(&modes, "ICANON") && !has_mode(&modes, "ECHO"), "the wizard runs in raw mode: {modes}");
    wizard.signal(signal);

    let status = wizard.wait_exit_status();
    assert_eq!(status.signal(), None, "SIG{signal} is handled: the wizard ends by itself ({status:?})");
    let draft = folders.wait_for_draft_with("My Last CRM");
    #[cfg(unix)]
    assert_eq!(mode(&draft), 0o600);
    assert_eq!(fs::read_to_string(&path).expect("file"), MYCRM, "a signal does not save");

    // The terminal as the wizard found it: main screen, cursor shown, no mouse or paste modes, cooked input.
    wizard.with_screen(|screen| {
        assert!(!screen.alternate_screen(), "left the alternate screen");
        assert!(!screen.hide_cursor(), "the cursor is shown again");
        assert!(!screen.bracketed_paste(), "bracketed paste is off");
        assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "mouse capture is off");
    });
    let modes = wizard.local_modes();
    assert!(has_mode(&modes, "ICANON") && has_mode(&modes, "ECHO"), "raw mode was left: {modes}");
    drop(wizard);

    // And the draft is offered back.
    let mut wizard = folders.start(&["mycrm.json"]);
    wizard.wait_for("Recover unsaved work?");
    wizard.wait_for("+     \"display_name\": \"My Last CRM\",");
    wizard.send("y");
    wizard.wait_for("recovered your unsaved work");
    wizard.send(CTRL_Q);
    wizard.wait_for("Unsaved changes");
    wizard.send("q");
    assert_eq!(wizard.wait_exit(), 0);
    assert_eq!(folders.drafts(), Vec::<PathBuf>::new(), "quitting without saving throws the work away");
}

#[test]
fn sigterm_writes_the_draft_on_the_way_out_and_restores_the_terminal() {
    a_signal_writes_the_draft_on_the_way_out("TERM");
}

#[test]
fn sighup_writes_the_draft_on_the_way_out_and_restores_the_terminal() {
    a_signal_writes_the_draft_on_the_way_out("HUP");
}

#[test]
fn the_start_screen_offers_the_draft_of_a_new_manifest_and_restores_it() {
    let folders = folders();
    let mut wizard = folders.start(&[]);
    wizard.wait_for("▶ New blank manifest");
    wizard.send(ENTER);
    wizard.wait_for("▶ Name");
    wizard.send(ENTER);
    wizard.send("zendesk-lite");
    wizard.send(ENTER);
    wizard.wait_for("\"name\": \"zendesk-lite\"");
    let draft = folders.wait_for_draft_with("zendesk-lite");
    #[cfg(unix)]
    assert_eq!(mode(&draft), 0o600);
    wizard.signal("KILL");
    wizard.wait_exit_status();
    drop(wizard);

    let mut wizard = folders.start(&[]);
    wizard.wait_for("Recover unsaved work: new manifest (from");
    let screen = wizard.screen();
    let first = screen.lines().find(|line| line.contains("▶")).unwrap_or_default();
    assert!(first.contains("Recover unsaved work"), "unsaved work comes first: {screen}");
    wizard.send(ENTER);
    // The panel says what the draft holds before anything is restored.
    wizard.wait_for("Recover unsaved work?");
    wizard.wait_for("What it changes:");
    wizard.send("y");
    wizard.wait_for("recovered your unsaved work");
    let screen = wizard.screen();
    let row = screen.lines().find(|line| line.contains("Name")).expect("the Name row");
    assert!(row.contains("zendesk-lite"), "the typed name is back: {screen}");

    // Saving it asks for a path named after it, then removes the draft.
    wizard.send(CTRL_S);
    wizard.wait_for("Save as");
    wizard.wait_for("zendesk-lite.json");
    wizard.send(ENTER);
    wizard.wait_for("Save with problems?");
    wizard.send("y");
    wizard.wait_for("saved zendesk-lite.json");
    wizard.send(CTRL_Q);
    assert_eq!(wizard.wait_exit(), 0);
    let saved = fs::read_to_string(folders.work.path().join("zendesk-lite.json")).expect("saved");
    assert!(saved.contains("\"name\": \"zendesk-lite\""), "{saved}");
    assert_eq!(folders.drafts(), Vec::<PathBuf>::new(), "the recovered draft is removed once saved");
}

/// Waits until a save ended: saved (no longer modified), or stopped by a question; gives the screen then.
/// A question is answered with Esc (not saved).
fn wait_for_save_outcome(wizard: &mut Session) -> String {
    wizard.wait_until("the save to end", |screen| {
        !screen.contains("● modified")
            || screen.contains("The file changed on disk")
            || screen.contains("Save with problems?")
    });
    let screen = wizard.screen();
    if screen.contains("● modified") {
        wizard.escape("not saved");
    }
    screen
}

/// Quits, throwing away what is not saved.
fn quit(wizard: &mut Session) {
    let modified = wizard.screen().contains("● modified");
    wizard.send(CTRL_Q);
    if modified {
        wizard.wait_for("Unsaved changes");
        wizard.send("q");
    }
    wizard.wait_exit();
}

/// Leaves a draft of `proj/mycrm.json` (opened as `mycrm.json` from `proj`) by killing the wizard.
fn killed_in_proj(folders: &Folders) -> PathBuf {
    let proj = folders.work.path().join("proj");
    fs::create_dir(&proj).expect("a project folder");
    fs::write(proj.join("mycrm.json"), MYCRM).expect("the manifest");
    let mut wizard = Session::start(&["mycrm.json"], &proj, folders.data.path());
    change_display_name_in(&mut wizard);
    folders.wait_for_draft_with(GREAT_CRM);
    wizard.signal("KILL");
    wizard.wait_exit_status();
    proj
}

#[test]
fn a_draft_is_recovered_into_its_own_file_whatever_path_names_that_file() {
    let folders = folders();
    let proj = killed_in_proj(&folders);

    // The same file, named from its parent folder.
    let mut wizard = folders.start(&["proj/mycrm.json"]);
    wizard.wait_for("Recover unsaved work?");
    wizard.wait_for(&format!("+     \"display_name\": \"{GREAT_CRM}\","));
    wizard.send("y");
    wizard.wait_for("recovered your unsaved work");
    wizard.send(CTRL_S);
    let screen = wait_for_save_outcome(&mut wizard);
    quit(&mut wizard);
    assert!(
        !folders.work.path().join("mycrm.json").exists(),
        "no copy is written in the folder the wizard started in:\n{screen}"
    );
    assert!(screen.contains("saved proj/mycrm.json"), "saved where it was opened, without questions:\n{screen}");
    let expected = with_display_name(MYCRM, GREAT_CRM);
    assert_eq!(fs::read_to_string(proj.join("mycrm.json")).expect("the file"), expected);
    assert_eq!(folders.drafts(), Vec::<PathBuf>::new(), "the recovered draft is removed once saved");
}

#[test]
fn the_start_screen_recovers_a_files_draft_into_that_file_from_any_folder() {
    let folders = folders();
    let proj = killed_in_proj(&folders);
    // Another folder with a manifest of the same name, unrelated to the draft.
    let other = folders.work.path().join("other");
    fs::create_dir(&other).expect("another folder");
    let unrelated = MYCRM.replace("\"display_name\": \"My CRM\"", "\"display_name\": \"Other CRM\"");
    fs::write(other.join("mycrm.json"), &unrelated).expect("an unrelated manifest");

    let mut wizard = Session::start(&[], &other, folders.data.path());
    wizard.wait_for("▶ Recover unsaved work: ");
    wizard.send(ENTER);
    // The panel says what the draft holds before anything is restored.
    wizard.wait_for("Recover unsaved work?");
    wizard.wait_for("What it changes:");
    wizard.send("y");
    wizard.wait_for("recovered your unsaved work");
    wizard.send(CTRL_S);
    wait_for_save_outcome(&mut wizard);
    quit(&mut wizard);
    assert_eq!(
        fs::read_to_string(other.join("mycrm.json")).expect("file"),
        unrelated,
        "the unrelated file is untouched"
    );
    let expected = with_display_name(MYCRM, GREAT_CRM);
    assert_eq!(fs::read_to_string(proj.join("mycrm.json")).expect("file"), expected, "the work reached its file");
    assert_eq!(folders.drafts(), Vec::<PathBuf>::new(), "the recovered draft is removed once saved");
}

#[test]
fn sigint_writes_the_draft_on_the_way_out_and_restores_the_terminal() {
    a_signal_writes_the_draft_on_the_way_out("INT");
}

#[test]
fn sigquit_writes_the_draft_on_the_way_out_and_restores_the_terminal() {
    a_signal_writes_the_draft_on_the_way_out("QUIT");
}

#[test]
fn sigusr1_writes_the_draft_on_the_way_out_and_restores_the_terminal() {
    a_signal_writes_the_draft_on_the_way_out("USR1");
}

#[test]
fn sigusr2_writes_the_draft_on_the_way_out_and_restores_the_terminal() {
    a_signal_writes_the_draft_on_the_way_out("USR2");
}

/// Opens the display name of the manifest on screen, replaces it with `text` and leaves the editor open.
fn type_display_name(wizard: &mut Session, text: &str) {
    wizard.send(DOWN);
    wizard.wait_for("▶ Display name");
    wizard.send(ENTER);
    wizard.send(CTRL_U);
    wizard.send(text);
    wizard.wait_for(&format!("\"display_name\": \"{text}\""));
}

#[test]
fn two_wizards_on_one_file_keep_their_own_drafts_until_each_ends() {
    let folders = folders();
    let path = folders.work.path().join("mycrm.json");
    fs::write(&path, MYCRM).expect("the manifest");
    let mut first = change_display_name(&folders);
    folders.wait_for_draft_with(GREAT_CRM);

    // A second wizard on the same file: the first one's draft is not unsaved work of an ended session.
    let mut second = folders.start(&["mycrm.json"]);
    second.wait_for("opened mycrm.json");
    let screen = second.screen();
    assert!(!screen.contains("Recover unsaved work?"), "a running wizard's draft is not offered:\n{screen}");
    type_display_name(&mut second, "Second CRM");
    second.send(ENTER);
    second.wait_for("● modified");
    second.send(CTRL_S);
    second.wait_for("saved mycrm.json");
    second.wait_for("another wizard");
    second.send(CTRL_Q);
    assert_eq!(second.wait_exit(), 0);

    // Saving removed only the second wizard's draft.
    let drafts = folders.drafts();
    assert_eq!(drafts.len(), 1, "the first wizard's draft is kept: {drafts:?}");
    let name = drafts[0].file_name().expect("a name").to_string_lossy().into_owned();
    assert!(name.contains(&format!(".{}-", first.pid())), "the draft names the wizard that wrote it: {name}");
    assert!(fs::read_to_string(&drafts[0]).expect("draft").contains(GREAT_CRM));

    // Once the first wizard has ended, its draft is offered.
    first.signal("KILL");
    first.wait_exit_status();
    drop(first);
    let mut third = folders.start(&["mycrm.json"]);
    third.wait_for("Recover unsaved work?");
    third.wait_for("-     \"display_name\": \"Second CRM\",");
    third.wait_for(&format!("+     \"display_name\": \"{GREAT_CRM}\","));
}

#[test]
fn an_edit_cancelled_with_esc_leaves_no_trace_in_the_draft() {
    let folders = folders();
    let path = folders.work.path().join("mycrm.json");
    fs::write(&path, MYCRM).expect("the manifest");

    // Nothing else changed: the draft written while typing goes away with the cancel.
    let mut wizard = folders.start(&["mycrm.json"]);
    wizard.wait_for("opened mycrm.json");
    type_display_name(&mut wizard, "Half typed");
    folders.wait_for_draft_with("Half typed");
    wizard.escape("edit cancelled");
    wizard.wait_for_gone("● modified");
    wizard.signal("KILL");
    wizard.wait_exit_status();
    drop(wizard);
    assert_eq!(folders.drafts(), Vec::<PathBuf>::new(), "a cancelled edit leaves no draft");

    // With an earlier change kept: the draft holds that change and not the cancelled one, at once.
    let mut wizard = change_display_name(&folders);
    folders.wait_for_draft_with(GREAT_CRM);
    wizard.send(UP); // Enter moved on to the description
    wizard.wait_for("▶ Display name");
    wizard.send(UP);
    wizard.wait_for("▶ Name");
    wizard.send(ENTER);
    wizard.send(CTRL_U);
    wizard.send("halftyped");
    wizard.wait_for("\"name\": \"halftyped\"");
    folders.wait_for_draft_with("halftyped");
    wizard.escape("edit cancelled");
    wizard.signal("KILL");
    wizard.wait_exit_status();
    drop(wizard);
    let draft = folders.wait_for_draft_with(GREAT_CRM);
    let text = fs::read_to_string(draft).expect("the draft");
    assert!(!text.contains("halftyped"), "the cancelled edit is not in the draft: {text}");
}

#[test]
fn a_draft_that_cannot_be_written_is_said_at_once_and_again_before_quitting() {
    let folders = folders();
    fs::write(folders.work.path().join("mycrm.json"), MYCRM).expect("the manifest");
    // A file where the data folder should be: no draft can be written there, not even by root.
    let data = folders.data.path().join("not-a-folder");
    fs::write(&data, "").expect("a file");
    let mut wizard = Session::start(&["mycrm.json"], folders.work.path(), &data);
    change_display_name_in(&mut wizard);
    wizard.wait_for("not protected by a draft");
    wizard.send(CTRL_Q);
    wizard.wait_for("Unsaved changes");
    wizard.wait_for("No draft can be written");
    wizard.send("q");
    assert_eq!(wizard.wait_exit(), 0);
}

#[test]
fn enter_on_the_recover_panel_does_nothing_only_y_or_n_answer() {
    let folders = folders();
    fs::write(folders.work.path().join("mycrm.json"), MYCRM).expect("the manifest");
    let mut wizard = change_display_name(&folders);
    folders.wait_for_draft_with(GREAT_CRM);
    wizard.signal("KILL");
    wizard.wait_exit_status();
    drop(wizard);

    let mut wizard = folders.start(&["mycrm.json"]);
    wizard.wait_for("Recover unsaved work?");
    wizard.send(ENTER);
    // Keys are answered in order: once `n` deleted the draft, Enter before it was answered too, and
    // the panel was still there to take `n`. The file's own value shows, not the draft's.
    wizard.send("n");
    wizard.wait_for("the draft was deleted");
    let screen = wizard.screen();
    assert!(screen.contains("\"display_name\": \"My CRM\""), "Enter is not an answer:\n{screen}");
    assert!(!screen.contains(GREAT_CRM) && !screen.contains("recovered your unsaved work"), "{screen}");
}
