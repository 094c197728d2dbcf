//! `export` never touches what it did not write, and writes all or nothing.

use super::*;

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
fn export_refuses_names_in_two_unicode_forms_and_names_windows_reserves() {
    let folder = tempfile::tempdir().expect("temp dir");
    let out = folder.path().join("out");
    // `café` composed (é) and decomposed (e and a combining accent): one name on macOS.
    let manifest = write_manifest(folder.path(), "cafe.json", &with_actions(&["caf\u{e9}", "cafe\u{301}"]));
    let refused = export(&manifest, &out, &[]);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused.stderr));
    assert!(text(&refused.stderr).contains("Unicode form"), "{}", text(&refused.stderr));
    assert!(!out.exists());
    for reserved in ["con", "aux", "nul", "COM1", "lpt2"] {
        let manifest = write_manifest(folder.path(), "reserved.json", &with_actions(&[reserved]));
        let refused = export(&manifest, &out, &[]);
        assert_eq!(refused.status.code(), Some(1), "{reserved}: {}", text(&refused.stderr));
        let message = text(&refused.stderr);
        assert!(message.contains(&format!("\"{reserved}\"")) && message.contains("Windows reserves"), "{message}");
        assert!(!out.exists());
    }
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

#[test]
fn an_export_refused_for_errors_prints_the_refusal_and_leaves_no_staged_folder() {
    // Many actions, so that writing the export beside the check is under way when the check ends.
    let folder = tempfile::tempdir().expect("temp dir");
    let actions: Vec<String> = (0..300).map(|n| format!("action_{n}")).collect();
    let mut manifest = with_actions(&actions.iter().map(String::as_str).collect::<Vec<_>>());
    manifest["actions"][299]["endpoint"] = json!("not a url");
    let file = write_manifest(folder.path(), "mycrm.json", &manifest);
    let out = folder.path().join("out");
    let checked = run(&["validate", path_str(&file)]);
    assert_eq!(checked.status.code(), Some(1), "the manifest has an error: {}", text(&checked.stdout));

    let refused = export(&file, &out, &[]);

    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused.stderr));
    let message = text(&refused.stderr);
    let shown = path_str(&file);
    let refusal = format!(
        "export refused: {shown} has 1 error(s); fix them (see `integration-wizard validate {shown}`) and export again\n"
    );
    assert!(message.ends_with(&refusal), "{message}");
    assert_eq!(message.lines().count(), 2, "the error, then the refusal: {message}");
    assert!(message.contains("/actions/299/endpoint"), "{message}");
    assert!(text(&refused.stdout).is_empty(), "{}", text(&refused.stdout));
    assert_eq!(names(folder.path()), ["mycrm.json"], "no staged folder, no --out");
}

#[test]
fn an_export_refused_for_an_action_name_or_a_file_in_the_way_leaves_no_staged_folder() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = write_manifest(folder.path(), "mycrm.json", &with_actions(&["create", "Create"]));
    let refused = export(&file, &folder.path().join("out"), &[]);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused.stderr));
    assert!(
        text(&refused.stderr).contains("\nexport refused: actions 0 (\"create\") and 1"),
        "{}",
        text(&refused.stderr)
    );
    assert_eq!(names(folder.path()), ["mycrm.json"]);

    let file = write_manifest(folder.path(), "mycrm.json", &mycrm());
    let out = folder.path().join("out");
    fs::create_dir(&out).expect("mkdir");
    fs::write(out.join("integration.json"), "hand-written").expect("write");
    let refused = export(&file, &out, &[]);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused.stderr));
    assert!(text(&refused.stderr).contains("--force"), "{}", text(&refused.stderr));
    assert_eq!(names(folder.path()), ["mycrm.json", "out"], "no staged folder is left");
    assert_eq!(names(&out), ["integration.json"]);
}

#[test]
fn an_export_into_folders_not_there_yet_creates_them() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = write_manifest(folder.path(), "mycrm.json", &mycrm());
    let out = folder.path().join("new/deeper/out");

    let exported = export(&file, &out, &[]);

    assert_eq!(exported.status.code(), Some(0), "{}", text(&exported.stderr));
    assert!(out.join("integration.json").is_file() && out.join("actions/create_ticket.json").is_file());
    assert_eq!(names(&folder.path().join("new/deeper")), ["out"], "no staged folder is left");
}
