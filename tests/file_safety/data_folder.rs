//! The data folder is trusted only when it is yours alone, as ssh trusts `~/.ssh`: a folder of
//! another user, or one others may write in, is refused with what to fix, and drafts are off.

use super::*;

#[test]
fn a_data_folder_of_another_user_is_refused_by_the_line_mode() {
    let Some(mut nobody) = as_nobody("a_data_folder_of_another_user_is_refused_by_the_line_mode") else { return };
    let work = shared_folder();
    let manifest = write_manifest(work.path(), "mycrm.json", &mycrm());
    fs::set_permissions(&manifest, fs::Permissions::from_mode(0o666)).expect("chmod");
    // Root's folder, which nobody may not write in anyway, and which nobody must not trust.
    let data = work.path().join("data");
    fs::create_dir(&data).expect("mkdir");
    let output = nobody
        .args(["--accessible", path_str(&manifest)])
        .env("INTEGRATION_WIZARD_DATA_DIR", &data)
        .env("HOME", work.path())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the binary runs");
    let stderr = text(&output.stderr);
    assert!(stderr.contains("drafts are off") && stderr.contains("belongs to another user"), "{stderr}");
    assert!(stderr.contains("INTEGRATION_WIZARD_DATA_DIR"), "says what to do: {stderr}");
}

#[test]
fn a_data_folder_others_may_write_in_is_refused_with_the_chmod_that_fixes_it() {
    let work = tempfile::tempdir().expect("temp dir");
    let manifest = write_manifest(work.path(), "mycrm.json", &mycrm());
    let data = work.path().join("data");
    fs::create_dir(&data).expect("mkdir");
    fs::set_permissions(&data, fs::Permissions::from_mode(0o777)).expect("chmod");
    let output = Command::new(BINARY)
        .args(["--accessible", path_str(&manifest)])
        .env("INTEGRATION_WIZARD_DATA_DIR", &data)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the binary runs");
    let stderr = text(&output.stderr);
    assert!(stderr.contains("drafts are off") && stderr.contains("chmod go-w"), "{stderr}");
    assert!(!data.join("drafts").exists(), "nothing is created in it");
}
