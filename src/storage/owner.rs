//! Whose the tool's own folders are: a data or config folder that another user owns, or that others
//! may write in, is refused, as ssh refuses such a `~/.ssh`, since whoever can write there can plant
//! drafts, links and settings.

use std::path::Path;

/// The user this process runs as (its effective user id).
#[cfg(unix)]
pub(crate) fn current_user() -> u32 {
    rustix::process::geteuid().as_raw()
}

/// Refuses `folder` (the data folder, its `drafts/`, the config folder) when another user owns it or
/// others may write in it, with a message that says how to fix it. A missing folder is fine: the
/// tool creates it, readable by you only.
pub fn check_private_folder(folder: &Path) -> Result<(), String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let Ok(metadata) = std::fs::metadata(folder) else { return Ok(()) };
        let shown = crate::escape::line(&folder.display().to_string()).into_owned();
        if metadata.uid() != current_user() {
            return Err(format!(
                "{shown} belongs to another user (uid {}), so anyone with that account could plant files the tool reads; \
                 use a folder of your own (set INTEGRATION_WIZARD_DATA_DIR), or as its owner run `chown {} {shown}`",
                metadata.uid(),
                current_user()
            ));
        }
        if metadata.mode() & 0o022 != 0 {
            return Err(format!(
                "{shown} may be written by other users (mode {:o}), so they could plant files the tool reads; \
                 run `chmod go-w {shown}` (or `chmod 700 {shown}`)",
                metadata.mode() & 0o7777
            ));
        }
    }
    #[cfg(not(unix))]
    let _ = folder;
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_folder_others_may_write_in_is_refused_with_the_command_that_fixes_it() {
        let folder = tempfile::tempdir().expect("temp dir");
        std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o700)).expect("chmod");
        assert_eq!(check_private_folder(folder.path()), Ok(()));
        std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o777)).expect("chmod");
        let error = check_private_folder(folder.path()).expect_err("world-writable");
        assert!(error.contains("chmod go-w") && error.contains("mode 777"), "{error}");
        assert_eq!(check_private_folder(&folder.path().join("missing")), Ok(()), "created later, private");
    }

    #[test]
    fn a_folder_of_another_user_is_refused() {
        // The root folder is root's: refused for anyone else, and for root only when writable by others.
        let root_owned = current_user() != 0;
        let error = check_private_folder(Path::new("/")).err();
        assert_eq!(error.is_some(), root_owned, "{error:?}");
    }
}
