//! Writing an export all or nothing: every file is written and flushed in a temporary folder beside
//! `--out` first, then moved into place by renames, which do not fail for want of space.

use super::record::{self, Record};
use std::fs;
use std::path::{Path, PathBuf};

/// An export written in full, waiting to be moved into place.
pub(super) struct Staged {
    folder: tempfile::TempDir,
    /// The documents' names relative to the export folder, in the order they were written.
    names: Vec<String>,
}

/// Writes `documents` (relative names and contents) and their record into a new folder beside
/// `out`; on any error the folder is removed again and `out` was not touched.
pub(super) fn stage(out: &Path, documents: &[(String, String)], record: &Record) -> Result<Staged, String> {
    let beside = beside(out);
    fs::create_dir_all(&beside)
        .map_err(|error| format!("cannot create {}: {error}; check the --out path", beside.display()))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".integration-wizard-export-");
    if let Some(permissions) = folder_permissions() {
        builder.permissions(permissions);
    }
    let folder = builder.tempdir_in(&beside).map_err(|error| {
        format!("cannot write in {}: {error}; check that you may write there; nothing was changed", beside.display())
    })?;
    let record_text = record.to_text();
    let everything = documents.iter().map(|(name, text)| (name.as_str(), text.as_str()));
    for (name, text) in everything.chain([(record::FILE_NAME, record_text.as_str())]) {
        write_new(&folder.path().join(name), text.as_bytes()).map_err(|error| {
            format!("cannot write {} ({error}); nothing was changed in {}", out.join(name).display(), out.display())
        })?;
    }
    Ok(Staged { folder, names: documents.iter().map(|(name, _)| name.clone()).collect() })
}

impl Staged {
    /// Moves the export into `out` and removes the `stale` files of the previous export; returns
    /// what was done, a line per file.
    pub(super) fn commit(self, out: &Path, stale: &[String]) -> Result<Vec<String>, String> {
        let mut done: Vec<String> =
            self.names.iter().map(|name| format!("wrote {}", out.join(name).display())).collect();
        if fs::symlink_metadata(out).is_err() {
            // A new folder: one rename puts the whole export in place.
            let folder = self.folder.keep();
            return match fs::rename(&folder, out) {
                Ok(()) => Ok(done),
                Err(error) => {
                    let _ = fs::remove_dir_all(&folder);
                    Err(format!("cannot create {}: {error}; nothing was changed", out.display()))
                }
            };
        }
        let mut moved = 0;
        let total = self.names.len();
        let stopped = |moved: usize, error: std::io::Error| {
            format!(
                "export stopped after {moved} of {total} files were moved into {}: {error}; run it again",
                out.display()
            )
        };
        for name in &self.names {
            let to = out.join(name);
            if let Some(folder) = to.parent() {
                fs::create_dir_all(folder).map_err(|error| stopped(moved, error))?;
            }
            fs::rename(self.folder.path().join(name), &to).map_err(|error| stopped(moved, error))?;
            moved += 1;
        }
        for name in stale {
            fs::remove_file(out.join(name)).map_err(|error| stopped(moved, error))?;
            done.push(format!("removed {} (its action is no longer in the manifest)", out.join(name).display()));
        }
        // The record last: until it is in place, the previous record still vouches for the old files.
        fs::rename(self.folder.path().join(record::FILE_NAME), out.join(record::FILE_NAME))
            .map_err(|error| stopped(moved, error))?;
        Ok(done)
    }
}

/// The folder the temporary export goes in: beside the real `out`, on the same file system.
fn beside(out: &Path) -> PathBuf {
    let real = fs::canonicalize(out).unwrap_or_else(|_| out.to_path_buf());
    match real.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Creates `path` (and its folder) with the umask's mode, writes `bytes` and flushes them to disk.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder)?;
    }
    crate::storage::create_new(path, bytes, false)
}

/// What the umask leaves of 0777, as for any folder a program creates (a temporary one is 0700).
#[cfg(unix)]
fn folder_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(fs::Permissions::from_mode(0o777))
}

#[cfg(not(unix))]
fn folder_permissions() -> Option<fs::Permissions> {
    None
}
