//! End to end: the built binary reading a config file from `XDG_CONFIG_HOME` (a temporary folder): a
//! rebound save key saves, a broken file is named with its line on the start screen and in the line mode,
//! and `config --print-default` is what the wizard reads back.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

#[path = "support/pty.rs"]
mod pty;

use pty::*;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

const F2: &str = "\x1bOQ";

/// A config folder holding `config.toml` with `text`, as `XDG_CONFIG_HOME` names it.
fn config_home(text: &str) -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("a config folder");
    let folder = home.path().join("integration-wizard");
    fs::create_dir_all(&folder).expect("the wizard's config folder");
    fs::write(folder.join("config.toml"), text).expect("the config file");
    home
}

fn binary(args: &[&str], config: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_integration-wizard"));
    command.args(args).env("XDG_CONFIG_HOME", config).env("HOME", config);
    command
}

#[test]
fn a_config_that_rebinds_save_saves_with_the_new_key_only() {
    let config = config_home("[keys]\nsave = \"f2\"\n");
    let folders = folders();
    let path = folders.work.path().join("mycrm.json");
    let original = include_str!("../assets/examples/mycrm.json");
    fs::write(&path, original).expect("the manifest");
    let home = config.path().to_str().expect("a UTF-8 path");
    let mut wizard = Session::start_with(
        &["mycrm.json"],
        folders.work.path(),
        folders.data.path(),
        (120, 40),
        &[("XDG_CONFIG_HOME", home)],
    );
    wizard.wait_for("opened mycrm.json");
    wizard.wait_for("F2 save");

    wizard.retype_display_name(GREAT_CRM);
    // Ctrl-S is no longer save: the ? panel opened after it shows the new key, and nothing was written.
    wizard.send(CTRL_S);
    wizard.send("\x1bOP"); // F1: on a text field ? is typed
    wizard.wait_for("this list");
    assert!(wizard.screen().lines().any(|line| line.contains("F2") && line.contains("save")), "{}", wizard.screen());
    assert_eq!(fs::read_to_string(&path).expect("the manifest"), original, "Ctrl-S saved");
    wizard.send(ESC);
    wizard.wait_for_gone("this list");

    wizard.send(F2);
    wizard.wait_for("saved mycrm.json");
    wizard.send(CTRL_Q);
    assert_eq!(wizard.wait_exit(), 0);
    assert!(fs::read_to_string(&path).expect("saved").contains(&format!("\"display_name\": \"{GREAT_CRM}\"")));
}

#[test]
fn a_broken_config_is_named_with_its_line_on_the_start_screen_and_the_defaults_work() {
    let config = config_home("preview = true\n\n[keys]\nsave = \"ctlr-s\"\n");
    let folders = folders();
    let home = config.path().to_str().expect("a UTF-8 path");
    let mut wizard =
        Session::start_with(&[], folders.work.path(), folders.data.path(), (120, 40), &[("XDG_CONFIG_HOME", home)]);
    wizard.wait_for("line 4");
    let screen = wizard.screen();
    assert!(screen.contains("config.toml"), "{screen}");
    assert!(screen.contains("What would you like to do?"), "the start screen: {screen}");
    // The defaults are in force: Ctrl-Q quits at once (nothing is modified).
    wizard.send(CTRL_Q);
    assert_eq!(wizard.wait_exit(), 0);
}

#[test]
fn the_line_mode_says_what_is_wrong_with_the_config_on_stderr() {
    let config = config_home("[colors]\nerror = \"not a colour\"\n");
    let output = binary(&["--accessible"], config.path())
        .env("INTEGRATION_WIZARD_DATA_DIR", config.path())
        .stdin(Stdio::null())
        .output()
        .expect("the line mode runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("config.toml, line 2, column 9"), "{stderr}");
    assert!(stderr.contains("\"not a colour\" is not a colour"), "{stderr}");
}

#[test]
fn config_prints_its_path_checks_the_file_and_prints_a_default_that_checks_clean() {
    let config = config_home("");
    let expected = config.path().join("integration-wizard").join("config.toml");

    let path = binary(&["config", "--path"], config.path()).output().expect("config --path");
    assert!(path.status.success());
    assert_eq!(String::from_utf8_lossy(&path.stdout).trim(), expected.display().to_string());

    let default = binary(&["config", "--print-default"], config.path()).output().expect("config --print-default");
    assert!(default.status.success());
    let text = String::from_utf8(default.stdout).expect("UTF-8");
    assert!(text.contains(&expected.display().to_string()), "the header names the file:\n{text}");
    fs::write(&expected, &text).expect("the default saved as the config");
    let check = binary(&["config"], config.path()).output().expect("config");
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    assert!(String::from_utf8_lossy(&check.stdout).contains("valid"));

    fs::write(&expected, "[keys]\nsave = \"ctrl-w\"\nwrite_ticket = \"ctrl-w\"\n").expect("a clash");
    let check = binary(&["config"], config.path()).output().expect("config");
    assert_eq!(check.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(stderr.contains("line 3") && stderr.contains("save") && stderr.contains("write_ticket"), "{stderr}");
}

#[test]
fn completions_and_the_manual_know_the_config_command() {
    let config = config_home("");
    // A shell's script asks the binary, as at a Tab after `config --pr`.
    let completions = binary(&["--", "integration-wizard", "config", "--pr"], config.path())
        .env("INTEGRATION_WIZARD_COMPLETE", "fish")
        .output()
        .expect("completions");
    assert!(String::from_utf8_lossy(&completions.stdout).contains("--print-default"));
    let page = binary(&["man", "config"], config.path()).output().expect("man config");
    assert!(page.status.success());
    assert!(String::from_utf8_lossy(&page.stdout).contains("print\\-default"));
}

#[test]
fn escape_and_bidi_characters_of_the_config_file_never_reach_the_terminal_raw() {
    // A key and a value holding an escape sequence and a right-to-left override, as TOML escapes write them.
    let config = config_home("[keys]\n\"\\u001b]0;owned\\u0007\" = \"f2\"\nsave = \"\\u001b[31m\\u202e\"\n");
    let work = tempfile::tempdir().expect("a work folder");
    let manifest = work.path().join("mycrm.json");
    fs::write(&manifest, include_str!("../assets/examples/mycrm.json")).expect("the manifest");
    let manifest = manifest.to_str().expect("a UTF-8 path");
    for args in [&["config"][..], &["--accessible", manifest]] {
        let output = binary(args, config.path())
            .env("INTEGRATION_WIZARD_DATA_DIR", work.path().join("data"))
            .stdin(Stdio::null())
            .output()
            .expect("the binary runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("config.toml"), "{args:?} names the file: {stderr}");
        assert!(stderr.contains("\\u{1b}"), "{args:?} shows the escape, escaped: {stderr}");
        assert!(!stderr.contains(['\u{1b}', '\u{7}', '\u{202e}']), "{args:?} printed raw: {stderr:?}");
    }
}

#[test]
fn a_config_folder_others_may_write_in_is_not_read_and_the_message_says_how_to_fix_it() {
    let config = config_home("[keys]\nsave = \"f2\"\n");
    let folder = config.path().join("integration-wizard");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o777)).expect("chmod");
    }
    let output = binary(&["config"], config.path()).stdin(Stdio::null()).output().expect("the binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("may be written by other users") && stderr.contains("chmod go-w"), "{stderr}");
}
