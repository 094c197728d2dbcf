//! File safety of saving (the wizard's save and `fmt`) and of `export`: links, owners, modes,
//! read-only files, write errors, and exports that never touch what they did not write.
//!
//! Some tests need a process of their own (a umask, a file-size limit standing in for a full disk):
//! they run one `#[ignore]`d test of this binary again in a child shell, which finds its folder in
//! `FILE_SAFETY_CHILD_FOLDER` and does nothing when started any other way.

#![cfg(unix)]

use integration_wizard::storage::{backup_path, drafts, save_atomic};
use serde_json::{Value, json};
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BINARY: &str = env!("CARGO_BIN_EXE_integration-wizard");
const CHILD_FOLDER: &str = "FILE_SAFETY_CHILD_FOLDER";
/// Bigger than any file-size limit the children run under (`ulimit -f 64`: 32 or 64 KiB).
const BIG: usize = 300_000;

fn run(args: &[&str]) -> Output {
    Command::new(BINARY).args(args).env("NO_COLOR", "1").output().expect("the binary runs")
}

/// Runs the binary in `sh` after `setup` (e.g. `umask 027`).
fn run_after(setup: &str, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("{setup}; exec \"$0\" \"$@\""))
        .arg(BINARY)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("sh runs")
}

/// Runs the ignored test `name` of this binary in a child shell after `setup`, working in `folder`.
fn run_child(name: &str, setup: &str, folder: &Path) -> Output {
    let this = std::env::current_exe().expect("the test binary's path");
    let output = Command::new("sh")
        .arg("-c")
        .arg(format!("{setup}; exec \"$0\" \"$@\""))
        .arg(this)
        .args([name, "--exact", "--ignored", "--nocapture", "--test-threads=1"])
        .env(CHILD_FOLDER, folder)
        .output()
        .expect("sh runs");
    assert!(output.status.success(), "child {name} failed:\n{}{}", text(&output.stdout), text(&output.stderr));
    assert!(text(&output.stdout).contains("1 passed"), "child {name} did not run:\n{}", text(&output.stdout));
    output
}

/// The folder a child test works in, or None when the test was not started by [`run_child`].
fn child_folder() -> Option<PathBuf> {
    std::env::var_os(CHILD_FOLDER).map(PathBuf::from)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

fn mode(path: &Path) -> u32 {
    fs::symlink_metadata(path).expect("metadata").permissions().mode() & 0o7777
}

fn names(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .expect("list")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn mycrm() -> Value {
    let text = fs::read_to_string(format!("{}/assets/examples/mycrm.json", env!("CARGO_MANIFEST_DIR")));
    serde_json::from_str(&text.expect("example")).expect("json")
}

/// The mycrm example on one line: valid, but not in the standard layout, so `fmt` rewrites it.
fn unformatted() -> String {
    mycrm().to_string()
}

/// The mycrm example with one action per name (copies of its first action).
fn with_actions(names: &[&str]) -> Value {
    let mut manifest = mycrm();
    let first = manifest["actions"][0].clone();
    let actions = names
        .iter()
        .map(|name| {
            let mut action = first.clone();
            action["name"] = json!(name);
            action["endpoint"] = json!(format!("https://mycrm.example.org/actions/{name}"));
            action
        })
        .collect();
    manifest["actions"] = Value::Array(actions);
    manifest
}

fn write_manifest(folder: &Path, name: &str, manifest: &Value) -> PathBuf {
    let path = folder.join(name);
    fs::write(&path, serde_json::to_string_pretty(manifest).expect("json")).expect("write manifest");
    path
}

fn export(manifest: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["export", path_str(manifest), "--out", path_str(out)];
    args.extend_from_slice(extra);
    run(&args)
}

/// True when this process may change owners (root); else prints why the test is skipped.
fn is_root(test: &str) -> bool {
    let probe = tempfile::NamedTempFile::new().expect("temp file");
    let root = probe.as_file().metadata().expect("metadata").uid() == 0;
    if !root {
        eprintln!("skipped {test}: it needs root to give a file to another user");
    }
    root
}

/// The user `nobody` and its group, when this process can run commands as them; else prints why not.
fn as_nobody(test: &str) -> Option<Command> {
    if !is_root(test) {
        return None;
    }
    let works = Command::new("setpriv")
        .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", BINARY, "--version"])
        .output()
        .is_ok_and(|output| output.status.success());
    if !works {
        eprintln!("skipped {test}: setpriv cannot run the binary as nobody");
        return None;
    }
    let mut command = Command::new("setpriv");
    command.args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", BINARY]).env("NO_COLOR", "1");
    Some(command)
}

/// A folder that the user `nobody` may write in.
fn shared_folder() -> tempfile::TempDir {
    let folder = tempfile::tempdir().expect("temp dir");
    fs::set_permissions(folder.path(), fs::Permissions::from_mode(0o777)).expect("chmod");
    folder
}

fn nobody_ids() -> (u32, u32) {
    let id = |flag: &str| -> u32 {
        let output = Command::new("id").args([flag, "nobody"]).output().expect("id runs");
        text(&output.stdout).trim().parse().expect("a number")
    };
    (id("-u"), id("-g"))
}

fn chown(path: &Path, (uid, gid): (u32, u32)) {
    std::os::unix::fs::chown(path, Some(uid), Some(gid)).expect("chown");
}

// ---- saving ----

#[test]
fn a_backup_that_is_a_symlink_is_replaced_not_written_through() {
    let folder = tempfile::tempdir().expect("temp dir");
    let victim = folder.path().join("victim.txt");
    fs::write(&victim, "precious").expect("write victim");
    let path = folder.path().join("m.json");
    fs::write(&path, "old").expect("write");
    symlink(&victim, backup_path(&path)).expect("plant a link");

    save_atomic(&path, b"new", true).expect("save");

    assert_eq!(fs::read_to_string(&victim).expect("victim"), "precious", "the link's target is untouched");
    let backup = fs::symlink_metadata(backup_path(&path)).expect("backup");
    assert!(backup.file_type().is_file(), "the link itself was replaced by a regular file");
    assert_eq!(fs::read_to_string(backup_path(&path)).expect("backup"), "old");
    assert_eq!(fs::read_to_string(&path).expect("file"), "new");
}

#[test]
fn fmt_through_a_symlink_keeps_the_link_and_writes_its_target() {
    let folder = tempfile::tempdir().expect("temp dir");
    fs::create_dir(folder.path().join("real")).expect("mkdir");
    let target = folder.path().join("real/mycrm.json");
    fs::write(&target, unformatted()).expect("write");
    let link = folder.path().join("mycrm.json");
    symlink("real/mycrm.json", &link).expect("link");

    let output = run(&["fmt", path_str(&link)]);

    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(fs::symlink_metadata(&link).expect("link").file_type().is_symlink(), "still a link");
    let written = fs::read_to_string(&target).expect("target");
    assert!(written.starts_with("{\n  \"requires_cti\""), "the target got the edit: {written}");
    assert_eq!(names(&folder.path().join("real")), ["mycrm.json"], "no temporary file is left");
}

#[test]
fn a_save_through_a_symlink_keeps_the_backup_beside_the_target() {
    let folder = tempfile::tempdir().expect("temp dir");
    let target = folder.path().join("target.json");
    fs::write(&target, "old").expect("write");
    let link = folder.path().join("link.json");
    symlink("target.json", &link).expect("link");

    save_atomic(&link, b"new", true).expect("save");

    assert!(fs::symlink_metadata(&link).expect("link").file_type().is_symlink());
    assert_eq!(fs::read_to_string(&target).expect("target"), "new");
    assert_eq!(fs::read_to_string(backup_path(&target)).expect("backup"), "old");
    assert!(!backup_path(&link).exists(), "no backup beside the link");
}

#[test]
fn a_dangling_symlink_is_kept_and_its_target_created() {
    let folder = tempfile::tempdir().expect("temp dir");
    let link = folder.path().join("link.json");
    symlink("new.json", &link).expect("link");

    save_atomic(&link, b"first", true).expect("save");

    assert!(fs::symlink_metadata(&link).expect("link").file_type().is_symlink());
    assert_eq!(fs::read_to_string(folder.path().join("new.json")).expect("target"), "first");
}

#[test]
fn a_hard_linked_file_is_written_in_place_and_stays_linked() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("m.json");
    fs::write(&path, "old").expect("write");
    let other = folder.path().join("other-name.json");
    fs::hard_link(&path, &other).expect("hard link");

    save_atomic(&path, b"new content", true).expect("save");

    assert_eq!(fs::read_to_string(&other).expect("other"), "new content", "both names see the edit");
    assert_eq!(fs::metadata(&path).expect("metadata").nlink(), 2);
    assert_eq!(fs::read_to_string(backup_path(&path)).expect("backup"), "old");
    assert_eq!(names(folder.path()), ["m.json", "m.json.bak", "other-name.json"], "no temporary file is left");
}

#[test]
fn fmt_keeps_the_mode_of_an_existing_file() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("m.json");
    fs::write(&path, unformatted()).expect("write");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).expect("chmod");

    let output = run_after("umask 077", &["fmt", path_str(&path)]);

    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(mode(&path), 0o640);
}

#[test]
fn new_files_follow_the_umask_and_drafts_stay_private() {
    for (umask, expected) in [("022", 0o644), ("027", 0o640), ("000", 0o666)] {
        let folder = tempfile::tempdir().expect("temp dir");
        let setup = format!("umask {umask}; export INTEGRATION_WIZARD_DATA_DIR=\"${CHILD_FOLDER}/data\"");
        run_child("child_saves_a_new_file_and_a_draft", &setup, folder.path());
        assert_eq!(mode(&folder.path().join("new.json")), expected, "umask {umask}");
        let drafts = folder.path().join("data/drafts");
        let draft = fs::read_dir(&drafts).expect("drafts").next().expect("a draft").expect("entry").path();
        assert_eq!(mode(&draft), 0o600, "a draft stays private under umask {umask}");
    }
}

#[test]
#[ignore = "run by new_files_follow_the_umask_and_drafts_stay_private in a child process"]
fn child_saves_a_new_file_and_a_draft() {
    let Some(folder) = child_folder() else { return };
    save_atomic(&folder.join("new.json"), b"{}\n", true).expect("save");
    let draft =
        drafts::Draft { path: Some(folder.join("new.json")), written_at: 1, manifest: "{}".into(), history: None };
    drafts::Drafts::open().write(&drafts::DraftKey::for_path(&folder.join("new.json")), &draft).expect("draft");
}

#[test]
fn root_keeps_the_owner_and_group_of_another_users_file() {
    if !is_root("root_keeps_the_owner_and_group_of_another_users_file") {
        return;
    }
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("m.json");
    fs::write(&path, unformatted()).expect("write");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).expect("chmod");
    let nobody = nobody_ids();
    chown(&path, nobody);

    let output = run(&["fmt", path_str(&path)]);

    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let metadata = fs::metadata(&path).expect("metadata");
    assert_eq!((metadata.uid(), metadata.gid()), nobody, "owner and group kept");
    assert_eq!(mode(&path), 0o640);
    assert!(fs::read_to_string(&path).expect("read").starts_with("{\n"), "formatted");
}

#[test]
fn a_read_only_file_is_refused_for_its_owner() {
    let Some(mut nobody) = as_nobody("a_read_only_file_is_refused_for_its_owner") else { return };
    let folder = shared_folder();
    let path = folder.path().join("m.json");
    fs::write(&path, unformatted()).expect("write");
    chown(&path, nobody_ids());
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).expect("chmod");

    let output = nobody.args(["fmt", path_str(&path)]).output().expect("runs");

    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stdout));
    let message = text(&output.stderr);
    assert!(message.contains("read-only") && message.contains("chmod u+w"), "{message}");
    assert_eq!(fs::read_to_string(&path).expect("read"), unformatted(), "not replaced");
}

#[test]
fn root_does_not_replace_a_read_only_file_either() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("m.json");
    fs::write(&path, "old").expect("write");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).expect("chmod");

    let error = save_atomic(&path, b"new", true).expect_err("read-only");

    assert!(error.to_string().contains("read-only"), "{error}");
    assert_eq!(fs::read_to_string(&path).expect("read"), "old");
    assert!(!backup_path(&path).exists());
}

#[test]
fn a_file_whose_owner_cannot_be_kept_is_written_in_place() {
    let Some(mut nobody) = as_nobody("a_file_whose_owner_cannot_be_kept_is_written_in_place") else { return };
    let folder = shared_folder();
    let path = folder.path().join("m.json");
    fs::write(&path, unformatted()).expect("write");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o666)).expect("chmod");

    let output = nobody.args(["fmt", path_str(&path)]).output().expect("runs");

    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let metadata = fs::metadata(&path).expect("metadata");
    assert_eq!((metadata.uid(), metadata.gid()), (0, 0), "still root's file");
    assert!(fs::read_to_string(&path).expect("read").starts_with("{\n"), "formatted");
    assert_eq!(names(folder.path()), ["m.json"], "no temporary file is left");
}

#[test]
fn a_write_error_while_backing_up_damages_neither_the_file_nor_the_old_backup() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("m.json");
    let old = "o".repeat(BIG);
    fs::write(&path, &old).expect("write");
    fs::write(backup_path(&path), "the backup before").expect("write backup");

    let output = run_child("child_saves_under_a_file_size_limit", "ulimit -f 64; trap '' XFSZ", folder.path());

    assert!(fs::read_to_string(&path).expect("file") == old, "the file is unchanged");
    assert_eq!(fs::read_to_string(backup_path(&path)).expect("backup"), "the backup before");
    assert_eq!(names(folder.path()), ["m.json", "m.json.bak"], "no temporary file is left");
    let message = text(&output.stdout);
    assert!(message.contains("cannot write the backup") && message.contains("not changed"), "{message}");
}

#[test]
fn a_write_error_while_saving_leaves_the_file_unchanged() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("m.json");
    fs::write(&path, "small").expect("write");

    let output =
        run_child("child_saves_big_content_under_a_file_size_limit", "ulimit -f 64; trap '' XFSZ", folder.path());

    assert_eq!(fs::read_to_string(&path).expect("file"), "small");
    assert_eq!(names(folder.path()), ["m.json"], "no backup and no temporary file are left");
    let message = text(&output.stdout);
    assert!(message.contains("nothing was changed"), "{message}");
}

#[test]
fn a_write_error_in_place_puts_the_previous_content_back() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("m.json");
    fs::write(&path, "small").expect("write");
    fs::hard_link(&path, folder.path().join("other-name.json")).expect("hard link");

    let output =
        run_child("child_saves_big_content_under_a_file_size_limit", "ulimit -f 64; trap '' XFSZ", folder.path());

    assert_eq!(fs::read_to_string(&path).expect("file"), "small", "the previous content was put back");
    assert_eq!(fs::metadata(&path).expect("metadata").nlink(), 2, "still linked");
    assert_eq!(fs::read_to_string(backup_path(&path)).expect("backup"), "small");
    assert_eq!(names(folder.path()), ["m.json", "m.json.bak", "other-name.json"], "no temporary file is left");
    let message = text(&output.stdout);
    assert!(message.contains("nothing was changed"), "{message}");
}

#[test]
#[ignore = "run by a_write_error_while_backing_up_damages_neither_the_file_nor_the_old_backup"]
fn child_saves_under_a_file_size_limit() {
    let Some(folder) = child_folder() else { return };
    let error = save_atomic(&folder.join("m.json"), b"new", true).expect_err("the backup cannot be written");
    println!("{error}");
}

#[test]
#[ignore = "run by a_write_error_while_saving_leaves_the_file_unchanged and a_write_error_in_place_puts_the_previous_content_back"]
fn child_saves_big_content_under_a_file_size_limit() {
    let Some(folder) = child_folder() else { return };
    let big = "n".repeat(BIG);
    let error = save_atomic(&folder.join("m.json"), big.as_bytes(), true).expect_err("too big to write");
    println!("{error}");
}

// ---- export ----

#[test]
fn export_refuses_to_overwrite_a_file_it_did_not_write_unless_forced() {
    let folder = tempfile::tempdir().expect("temp dir");
    let manifest = write_manifest(folder.path(), "mycrm.json", &mycrm());
    let out = folder.path().join("out");
    fs::create_dir(&out).expect("mkdir");
    fs::write(out.join("integration.json"), "hand-written").expect("write");

    let refused = export(&manifest, &out, &[]);

    assert_eq!(refused.status.code(), Some(1));
    let message = text(&refused.stderr);
    assert!(message.contains("integration.json") && message.contains("--force"), "{message}");
    assert_eq!(fs::read_to_string(out.join("integration.json")).expect("read"), "hand-written");
    assert!(!out.join("actions").exists(), "nothing else was written");

    let forced = export(&manifest, &out, &["--force"]);

    assert_eq!(forced.status.code(), Some(0), "{}", text(&forced.stderr));
    let written: Value =
        serde_json::from_str(&fs::read_to_string(out.join("integration.json")).expect("read")).expect("json");
    assert_eq!(written, mycrm()["integration"]);
}

#[test]
fn export_refuses_a_file_edited_since_it_wrote_it() {
    let folder = tempfile::tempdir().expect("temp dir");
    let manifest = write_manifest(folder.path(), "mycrm.json", &mycrm());
    let out = folder.path().join("out");
    assert_eq!(export(&manifest, &out, &[]).status.code(), Some(0));
    fs::write(out.join("actions/create_ticket.json"), "{\"edited\": true}\n").expect("edit");

    let refused = export(&manifest, &out, &[]);

    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stderr).contains("create_ticket.json"), "{}", text(&refused.stderr));
    assert_eq!(fs::read_to_string(out.join("actions/create_ticket.json")).expect("read"), "{\"edited\": true}\n");
}

#[test]
fn export_again_replaces_its_own_files_and_removes_stale_actions() {
    let folder = tempfile::tempdir().expect("temp dir");
    let manifest = write_manifest(folder.path(), "mycrm.json", &with_actions(&["create_ticket", "close_ticket"]));
    let out = folder.path().join("out");
    assert_eq!(export(&manifest, &out, &[]).status.code(), Some(0));
    fs::write(out.join("actions/notes.txt"), "mine").expect("a file of the author's");
    write_manifest(folder.path(), "mycrm.json", &with_actions(&["create_ticket", "update_ticket"]));

    let again = export(&manifest, &out, &[]);

    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stderr));
    assert_eq!(names(&out.join("actions")), ["create_ticket.json", "notes.txt", "update_ticket.json"]);
    assert!(text(&again.stdout).contains("removed"), "{}", text(&again.stdout));
    assert_eq!(names(folder.path()), ["mycrm.json", "out"], "no temporary folder is left");
}

#[test]
fn export_refuses_a_symlinked_actions_folder_or_file() {
    let folder = tempfile::tempdir().expect("temp dir");
    let manifest = write_manifest(folder.path(), "mycrm.json", &mycrm());
    let elsewhere = folder.path().join("elsewhere");
    fs::create_dir(&elsewhere).expect("mkdir");
    let out = folder.path().join("out");
    fs::create_dir(&out).expect("mkdir");
    symlink(&elsewhere, out.join("actions")).expect("link");

    let refused = export(&manifest, &out, &["--force"]);

    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stderr).contains("symbolic link"), "{}", text(&refused.stderr));
    assert!(names(&elsewhere).is_empty(), "nothing written outside --out");
    assert!(!out.join("integration.json").exists(), "nothing written at all");

    fs::remove_file(out.join("actions")).expect("unlink");
    let victim = elsewhere.join("victim.json");
    fs::write(&victim, "precious").expect("write");
    symlink(&victim, out.join("integration.json")).expect("link");

    let refused = export(&manifest, &out, &["--force"]);

    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stderr).contains("symbolic link"), "{}", text(&refused.stderr));
    assert_eq!(fs::read_to_string(&victim).expect("victim"), "precious");
}

#[test]
fn export_writes_all_or_nothing() {
    let folder = tempfile::tempdir().expect("temp dir");
    let manifest = write_manifest(folder.path(), "mycrm.json", &mycrm());
    let out = folder.path().join("out");
    assert_eq!(export(&manifest, &out, &[]).status.code(), Some(0));
    let before: Vec<(String, String)> = ["integration.json", "actions/create_ticket.json"]
        .iter()
        .map(|name| (name.to_string(), fs::read_to_string(out.join(name)).expect("read")))
        .collect();
    let mut changed = with_actions(&["create_ticket", "huge"]);
    changed["integration"]["display_name"] = json!("My CRM, changed");
    changed["actions"][1]["description"] = json!("d".repeat(BIG));
    write_manifest(folder.path(), "mycrm.json", &changed);

    let output = run_after("ulimit -f 64; trap '' XFSZ", &["export", path_str(&manifest), "--out", path_str(&out)]);

    assert_eq!(output.status.code(), Some(2), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("nothing was changed"), "{}", text(&output.stderr));
    for (name, text) in before {
        assert_eq!(fs::read_to_string(out.join(&name)).expect("read"), text, "{name} unchanged");
    }
    assert_eq!(names(&out.join("actions")), ["create_ticket.json"]);
    assert_eq!(names(folder.path()), ["mycrm.json", "out"], "no temporary folder is left");
}

#[test]
fn export_refuses_action_names_that_differ_only_in_case() {
    let folder = tempfile::tempdir().expect("temp dir");
    let manifest = write_manifest(folder.path(), "mycrm.json", &with_actions(&["Create", "create"]));
    let out = folder.path().join("out");

    let refused = export(&manifest, &out, &[]);

    assert_eq!(refused.status.code(), Some(1));
    let message = text(&refused.stderr);
    assert!(message.contains("\"Create\"") && message.contains("\"create\"") && message.contains("case"), "{message}");
    assert!(!out.exists());
}

#[test]
fn export_follows_the_umask() {
    let folder = tempfile::tempdir().expect("temp dir");
    let manifest = write_manifest(folder.path(), "mycrm.json", &mycrm());
    let out = folder.path().join("out");

    let output = run_after("umask 027", &["export", path_str(&manifest), "--out", path_str(&out)]);

    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(mode(&out), 0o750);
    assert_eq!(mode(&out.join("actions")), 0o750);
    assert_eq!(mode(&out.join("integration.json")), 0o640);
    assert_eq!(mode(&out.join("actions/create_ticket.json")), 0o640);
}
