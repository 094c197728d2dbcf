//! Atomic saves: a temporary file in the target's folder, flushed to disk, then renamed over the target.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a save did not happen; the target is left as it was in every case.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{path} is a folder; choose a file name inside it, e.g. {path}/manifest.json", path = .0.display())]
    IsDirectory(PathBuf),
    #[error("cannot write in {folder}: {source}; check that the folder exists and that you may write there", folder = .folder.display())]
    Folder { folder: PathBuf, source: std::io::Error },
    #[error("cannot write {path}: {source}; nothing was changed", path = .path.display())]
    Write { path: PathBuf, source: std::io::Error },
}

/// Writes `contents` to `path` atomically. With `keep_backup`, the previous content (if any) is
/// first copied to `path` + `.bak`. A reader never sees a half-written file.
pub fn save_atomic(path: &Path, contents: &[u8], keep_backup: bool) -> Result<(), SaveError> {
    if path.is_dir() {
        return Err(SaveError::IsDirectory(path.to_path_buf()));
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let write_error = |source| SaveError::Write { path: path.to_path_buf(), source };
    let mut temporary = tempfile::Builder::new()
        .prefix(".integration-wizard-")
        .suffix(".tmp")
        .tempfile_in(&folder)
        .map_err(|source| SaveError::Folder { folder: folder.clone(), source })?;
    temporary.write_all(contents).map_err(write_error)?;
    temporary.as_file().sync_all().map_err(write_error)?;
    if let Ok(metadata) = fs::metadata(path) {
        // Keep the file's permissions: a temporary file is created private (0600).
        fs::set_permissions(temporary.path(), metadata.permissions()).map_err(write_error)?;
        if keep_backup {
            fs::copy(path, backup_path(path)).map_err(write_error)?;
        }
    }
    temporary.persist(path).map_err(|error| write_error(error.error))?;
    Ok(())
}

/// Where the previous content of `path` is kept: `path` + `.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(".bak");
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saves_replace_the_file_and_keep_a_backup() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("m.json");
        save_atomic(&path, b"one", true).expect("first save");
        assert!(!backup_path(&path).exists(), "nothing to back up on the first save");
        save_atomic(&path, b"two", true).expect("second save");
        assert_eq!(fs::read(&path).expect("read"), b"two");
        assert_eq!(fs::read(backup_path(&path)).expect("backup"), b"one");
        let leftovers = fs::read_dir(folder.path()).expect("list").count();
        assert_eq!(leftovers, 2, "no temporary file is left behind");
    }

    #[test]
    fn a_folder_is_not_a_target() {
        let folder = tempfile::tempdir().expect("temp dir");
        let error = save_atomic(folder.path(), b"x", true).expect_err("a folder");
        assert!(matches!(error, SaveError::IsDirectory(_)));
    }

    #[test]
    fn a_missing_folder_is_reported() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("no/such/m.json");
        let error = save_atomic(&path, b"x", false).expect_err("missing folder");
        assert!(error.to_string().contains("cannot write in"), "{error}");
    }
}
