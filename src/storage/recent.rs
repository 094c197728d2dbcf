//! The recently used manifests, kept in the user's data folder (through the `directories` crate).

use std::path::{Path, PathBuf};

/// How many recent files are kept.
const KEEP: usize = 8;

/// The folder for the tool's own files: `INTEGRATION_WIZARD_DATA_DIR` if set (tests use it), else the platform's data folder.
pub(crate) fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("INTEGRATION_WIZARD_DATA_DIR") {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "integration-wizard").map(|dirs| dirs.data_dir().to_path_buf())
}

fn recent_file() -> Option<PathBuf> {
    data_dir().map(|dir| dir.join("recent.json"))
}

/// The recent files that still exist, most recent first.
pub(crate) fn load() -> Vec<PathBuf> {
    read().unwrap_or_default()
}

/// What to say when the list of recent files exists but cannot be read, with what to do; `None`
/// when it can be read or there is none. (A data folder others may write in is said by the drafts.)
pub(crate) fn unreadable() -> Option<String> {
    read().err()
}

/// The recent files that still exist, or why the list cannot be read.
fn read() -> Result<Vec<PathBuf>, String> {
    recent_file().map_or_else(|| Ok(Vec::new()), |file| read_at(&file))
}

/// The recent files listed in `file` that still exist, or why `file` cannot be read.
fn read_at(file: &Path) -> Result<Vec<PathBuf>, String> {
    // The list is the tool's own: read only from a folder nobody else may write in, not through a
    // link, only if this user owns it, and within its limit (a FIFO or a device is never waited on).
    if file.parent().is_some_and(|folder| super::check_private_folder(folder).is_err()) {
        return Ok(Vec::new());
    }
    let cannot = |why: String| {
        format!(
            "the list of recent files {} cannot be read ({why}); remove it, and the next file you open starts a new one",
            file.display()
        )
    };
    let text = match super::read_own_file(file, super::FileKind::Recent) {
        Ok(text) => text,
        Err(super::ReadError::NotFound) => return Ok(Vec::new()),
        Err(error) => return Err(cannot(error.to_string())),
    };
    let paths: Vec<PathBuf> =
        serde_json::from_slice(&text).map_err(|error| cannot(format!("not a list of paths: {error}")))?;
    Ok(paths.into_iter().filter(|path| path.is_file()).collect())
}

/// Puts `path` first in the recent files. Failing to remember is not worth bothering the author about.
pub(crate) fn remember(path: &Path) {
    let Some(file) = recent_file() else { return };
    if file.parent().is_some_and(|folder| super::check_private_folder(folder).is_err()) {
        return;
    }
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mut paths = load();
    paths.retain(|known| *known != path);
    paths.insert(0, path);
    paths.truncate(KEEP);
    if let Some(dir) = file.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    if let Ok(text) = serde_json::to_string_pretty(&paths) {
        let _ = super::save_private(&file, text.as_bytes());
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_list_that_cannot_be_read_says_why_and_what_to_do() {
        let folder = tempfile::tempdir().expect("a folder");
        std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o700)).expect("chmod");
        let file = folder.path().join("recent.json");
        assert_eq!(read_at(&file), Ok(Vec::new()), "no list yet is not a problem");
        std::fs::write(&file, "not JSON").expect("write");
        let said = read_at(&file).expect_err("garbage");
        assert!(said.contains("not a list of paths") && said.contains("remove it"), "{said}");
        std::fs::remove_file(&file).expect("remove");
        std::os::unix::fs::symlink("/dev/zero", &file).expect("link");
        let said = read_at(&file).expect_err("a link");
        assert!(said.contains("symbolic link") && said.contains("recent.json"), "{said}");
    }
}
