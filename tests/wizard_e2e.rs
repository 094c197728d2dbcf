//! End to end: the built binary in a pseudo-terminal (120x40), keys typed as a person would, the screen read through vt100.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

#[path = "support/pty.rs"]
mod pty;

use pty::*;
use std::fs;
use std::process::{Command, Stdio};

/// The mycrm integration of the seed page, as the wizard writes a new manifest (SPEC §2.2):
/// the wrapper with only `integration` (no `requires_cti` or `actions`, which were not set).
const EXPECTED: &str = r#"{
  "integration": {
    "name": "mycrm",
    "display_name": "My CRM",
    "description": "Centralizing all the customer conversations so nothing gets ignored and everything is searchable from one place.",
    "logo_url": "https://talkdeskapp.s3.amazonaws.com/assets/integrations/mycrm.png",
    "icon_url": "https://talkdeskapp.s3.amazonaws.com/assets/integrations/mycrm_icon.png",
    "authentication_type": "custom",
    "authentication_configuration": [
      {
        "field_name": "account",
        "display": "Account",
        "mandatory": true,
        "type": "input",
        "store": true,
        "help": "under Settings > Account",
        "format": "https://{{account}}.example.org"
      },
      {
        "field_name": "token",
        "display": "API Token",
        "mandatory": true,
        "type": "password",
        "store": true,
        "help": "under Settings > Channels"
      }
    ],
    "auth_validation_endpoint": "https://mycrm.example.org/auth_validation",
    "contact_synchronization_endpoint": "https://mycrm.example.org/contact_sync",
    "interaction_retrieval_endpoint": "https://mycrm.example.org/interaction_update",
    "agent_synchronization_endpoint": "https://mycrm.example.org/agent_sync",
    "interaction_types": [
      "Ticket",
      "Case"
    ]
  }
}
"#;

/// Edits the focused one-line (or, with `finish` = TAB, multi-line) text: Enter, the text, then `finish`.
fn fill(session: &mut Session, text: &str, finish: &str) {
    session.send(ENTER);
    session.send(text);
    session.send(finish);
}

#[test]
fn a_new_manifest_typed_in_from_the_seed_page_is_saved_exactly() {
    let folders = folders();
    let mut wizard = folders.start(&["mycrm.json"]);
    wizard.wait_for("mycrm.json does not exist yet");

    // 1. Integration: Enter on a one-line field edits it and Enter moves down; the description takes Tab to finish.
    fill(&mut wizard, "mycrm", ENTER);
    fill(&mut wizard, "My CRM", ENTER);
    fill(
        &mut wizard,
        "Centralizing all the customer conversations so nothing gets ignored and everything is searchable from one place.",
        TAB,
    ); // Tab finishes a multi-line text and moves on
    fill(&mut wizard, "https://talkdeskapp.s3.amazonaws.com/assets/integrations/mycrm.png", ENTER);
    fill(&mut wizard, "https://talkdeskapp.s3.amazonaws.com/assets/integrations/mycrm_icon.png", ENTER);
    wizard.wait_for("\"icon_url\": \"https://");

    // 2. Features: the four endpoints, then two interaction types.
    wizard.send(&alt('2'));
    wizard.wait_for("Auth validation URL");
    for endpoint in ["auth_validation", "contact_sync", "interaction_update", "agent_sync"] {
        fill(&mut wizard, &format!("https://mycrm.example.org/{endpoint}"), ENTER);
    }
    wizard.send(DOWN); // past "Needs CTI?" to "+ add an interaction type"
    fill(&mut wizard, "Ticket", ENTER);
    fill(&mut wizard, "Case", ENTER);
    wizard.wait_for("Case");

    // 3. Authentication: custom.
    wizard.send(&alt('3'));
    wizard.send(DOWN);
    wizard.send(SPACE);
    wizard.wait_for("(•) custom");

    // 4. Authentication fields: account, then token.
    wizard.send(&alt('4'));
    wizard.wait_for("+ add an authentication field");
    wizard.send(ENTER);
    wizard.wait_for("Auth fields › #1");
    fill(&mut wizard, "account", ENTER);
    fill(&mut wizard, "Account", ENTER); // Enter passes over mandatory, type and store, which hold defaults
    wizard.wait_for("▶ Help");
    fill(&mut wizard, "under Settings > Account", TAB); // → format
    wizard.send(ENTER);
    wizard.send("https://{{account}}.example.org");
    wizard.wait_for("renders as: https://example-account");
    wizard.send(ENTER); // the field's last value: back to the list, on its add row
    wizard.wait_for("Auth fields (1)");

    wizard.send(ENTER);
    wizard.wait_for("Auth fields › #2");
    fill(&mut wizard, "token", ENTER); // a secret-looking name: the status offers to make it a password
    wizard.wait_for("makes it a password");
    wizard.send(&alt('f'));
    fill(&mut wizard, "API Token", ENTER);
    wizard.wait_for("▶ Help");
    fill(&mut wizard, "under Settings > Channels", TAB);
    wizard.wait_for("‹password›");
    wizard.escape("Auth fields (2)");
    wizard.wait_for("token — API Token (password, mandatory)");

    // Save, then quit.
    wizard.send(CTRL_S);
    wizard.wait_for("saved mycrm.json");
    wizard.wait_for_gone("● modified");
    wizard.send(CTRL_Q);
    assert_eq!(wizard.wait_exit(), 0);

    let saved = fs::read_to_string(folders.work.path().join("mycrm.json")).expect("the manifest was saved");
    assert_eq!(saved, EXPECTED);
    assert!(!folders.work.path().join("mycrm.json.bak").exists(), "nothing to back up on the first save");
    let leftovers: Vec<_> =
        fs::read_dir(folders.work.path()).expect("list").map(|e| e.expect("entry").file_name()).collect();
    assert_eq!(leftovers, ["mycrm.json"], "no temporary file is left behind");
    assert_eq!(folders.drafts(), Vec::<std::path::PathBuf>::new(), "saved work leaves no draft");
}

#[test]
fn reopening_changing_one_value_and_saving_changes_only_that_value_and_keeps_a_backup() {
    let folders = folders();
    let path = folders.work.path().join("mycrm.json");
    fs::write(&path, EXPECTED).expect("the manifest");
    let mut wizard = folders.start(&["mycrm.json"]);
    wizard.wait_for("opened mycrm.json");
    wizard.wait_for("My CRM");

    wizard.retype_display_name(GREAT_CRM);
    wizard.send(CTRL_S);
    wizard.wait_for("saved mycrm.json");
    wizard.wait_for_gone("● modified");
    wizard.send(CTRL_Q);
    assert_eq!(wizard.wait_exit(), 0);

    assert_eq!(fs::read_to_string(&path).expect("saved"), with_display_name(EXPECTED, GREAT_CRM));
    assert_eq!(fs::read_to_string(folders.work.path().join("mycrm.json.bak")).expect("a backup"), EXPECTED);
    let recent =
        fs::read_to_string(folders.data.path().join("recent.json")).expect("recent files are kept in the data folder");
    assert!(recent.contains("mycrm.json"), "{recent}");
}

#[test]
fn quitting_with_unsaved_changes_asks_and_q_leaves_the_file_alone() {
    let folders = folders();
    let path = folders.work.path().join("mycrm.json");
    fs::write(&path, EXPECTED).expect("the manifest");
    let mut wizard = folders.start(&["mycrm.json"]);
    wizard.wait_for("opened mycrm.json");
    fill(&mut wizard, "-changed", ENTER);
    wizard.wait_for("mycrm-changed");
    wizard.send(CTRL_Q);
    wizard.wait_for("Unsaved changes");
    wizard.send("q");
    assert_eq!(wizard.wait_exit(), 0);
    assert_eq!(fs::read_to_string(&path).expect("file"), EXPECTED);
    assert!(!folders.work.path().join("mycrm.json.bak").exists());
    assert_eq!(folders.drafts(), Vec::<std::path::PathBuf>::new(), "work thrown away leaves no draft");
}

#[test]
fn without_a_terminal_the_wizard_exits_2_and_points_to_validate() {
    let folders = folders();
    for args in [&[][..], &["mycrm.json"][..]] {
        let output = Command::new(env!("CARGO_BIN_EXE_integration-wizard"))
            .args(args)
            .current_dir(folders.work.path())
            .env("INTEGRATION_WIZARD_DATA_DIR", folders.data.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .expect("the binary runs");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("validate"), "{args:?}: {stderr}");
        assert!(stderr.contains("--accessible"), "the line mode works without a terminal: {stderr}");
        assert!(output.stdout.is_empty(), "nothing drawn: {:?}", String::from_utf8_lossy(&output.stdout));
    }
    assert_eq!(fs::read_dir(folders.work.path()).expect("list").count(), 0, "no file created");
}

#[test]
fn a_file_that_is_not_json_opens_the_start_screen_with_its_line_and_column() {
    let folders = folders();
    fs::write(folders.work.path().join("broken.json"), "{\n  \"integration\": {\n    \"name\": mycrm\n  }\n}\n")
        .expect("file");
    let mut wizard = folders.start(&["broken.json"]);
    wizard.wait_for("cannot open broken.json");
    let screen = wizard.screen();
    assert!(screen.contains("line 3, column"), "{screen}");
    assert!(screen.contains("New blank manifest"), "the start screen: {screen}");
    wizard.send(CTRL_Q);
    assert_eq!(wizard.wait_exit(), 0);
    assert_eq!(
        fs::read_to_string(folders.work.path().join("broken.json")).expect("file"),
        "{\n  \"integration\": {\n    \"name\": mycrm\n  }\n}\n",
        "left as it was"
    );
}

#[test]
fn with_no_color_the_focus_is_still_visible_and_ctrl_c_quits() {
    let folders = folders();
    fs::write(folders.work.path().join("mycrm.json"), EXPECTED).expect("the manifest");
    let mut wizard =
        Session::start_with(&["mycrm.json"], folders.work.path(), folders.data.path(), (120, 40), &[("NO_COLOR", "1")]);
    wizard.wait_for("opened mycrm.json");
    wizard.send(DOWN);
    wizard.wait_for("▶ Display name");
    let (coloured, reversed_label) = wizard.with_screen(|screen| {
        let (rows, cols) = screen.size();
        let mut coloured = Vec::new();
        for row in 0..rows.get() {
            for col in 0..cols.get() {
                let cell = screen.cell(row, col).expect("a cell");
                if cell.fgcolor() != vt100::Color::Default || cell.bgcolor() != vt100::Color::Default {
                    coloured.push((row, col, cell.contents().to_owned()));
                }
            }
        }
        let text = screen.contents();
        let row = text.lines().position(|line| line.contains("▶ Display name")).expect("the focused row");
        let col = text.lines().nth(row).and_then(|line| line.chars().position(|c| c == '▶')).expect("the marker");
        let row = u16::try_from(row).expect("row");
        let col = u16::try_from(col).expect("col");
        let reversed = screen.cell(row, col + 2).is_some_and(|cell| cell.inverse());
        (coloured, reversed)
    });
    assert!(coloured.is_empty(), "NO_COLOR: no colours, found {:?}", &coloured[..coloured.len().min(10)]);
    assert!(reversed_label, "the focused label is in reverse video");
    wizard.send("\x03");
    assert_eq!(wizard.wait_exit(), 0);
}
