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
    let Some(file) = recent_file() else {
        return Vec::new();
    };
    // The list is the tool's own: read only from a folder nobody else may write in, not through a
    // link, only if this user owns it, and within its limit (a FIFO or a device is never waited on).
    if file.parent().is_some_and(|folder| super::check_private_folder(folder).is_err()) {
        return Vec::new();
    }
    let Ok(text) = super::read_own_file(&file, super::FileKind::Recent) else {
        return Vec::new();
    };
    let paths: Vec<PathBuf> = serde_json::from_slice(&text).unwrap_or_default();
    paths.into_iter().filter(|path| path.is_file()).collect()
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
