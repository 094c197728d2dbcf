//! File safety of saving (the wizard's save and `fmt`) and of `export`: links, owners, modes,
//! read-only files, write errors, and exports that never touch what they did not write.
//!
//! Some tests need a process of their own (a umask, a file-size limit standing in for a full disk):
//! they run one `#[ignore]`d test of this binary again in a child shell, which finds its folder in
//! `FILE_SAFETY_CHILD_FOLDER` and does nothing when started any other way.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]
// A test prints through `println!`: what it measured, or why it skipped.
#![allow(clippy::disallowed_macros)]
#![cfg(unix)]

use integration_wizard::storage::{backup_path, drafts, save_atomic};
use serde_json::{Value, json};
use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod closed_output;
mod data_folder;
mod export;
mod hostile_reads;
mod saving;

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
