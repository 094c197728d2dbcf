//! Writing an export all or nothing: every file is written and flushed in a temporary folder beside
//! `--out` first, then moved into place by renames, which do not fail for want of space.
//!
//! The disk is waited on once, not per file: on Linux 5.8 and later every file is written and
//! closed, then their file system is flushed once (`storage::FileSystemFlush`); elsewhere the files
//! of a batch are flushed together (`storage::flush_files`) and each folder once. The folders are
//! flushed once more after the renames.

use super::record::{self, Record};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// How many written files wait for their flush at most: a bound on open files, large enough for
/// the file system to commit many flushes together.
const FLUSH_BATCH: usize = 256;

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
    let failed = |name: &str, error: std::io::Error| {
        format!("cannot write {} ({error}); nothing was changed in {}", out.join(name).display(), out.display())
    };
    let failed_flush = |error: std::io::Error| {
        format!("cannot write in {} ({error}); nothing was changed in {}", beside.display(), out.display())
    };
    // Where a flush of the whole file system reports errors, the files are closed as they are
    // written and flushed together once at the end; elsewhere each is kept open for its own flush.
    let whole = crate::storage::FileSystemFlush::start(folder.path()).transpose().map_err(failed_flush)?;
    let everything: Vec<(&str, &str)> = documents
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .chain([(record::FILE_NAME, record_text.as_str())])
        .collect();
    let mut folders = BTreeSet::from([folder.path().to_path_buf()]);
    for (name, _) in &everything {
        if let Some(parent) = folder.path().join(name).parent()
            && folders.insert(parent.to_path_buf())
        {
            fs::create_dir_all(parent).map_err(|error| failed(name, error))?;
        }
    }
    let write = |name: &str, text: &str| {
        crate::storage::write_new(&folder.path().join(name), text.as_bytes(), false)
            .map_err(|error| failed(name, error))
    };
    if whole.is_some() {
        // Closed as they are written, flushed together at the end: written on every core (each
        // file's content is copied while another's name is made).
        everything.par_iter().try_for_each(|(name, text)| write(name, text).map(drop))?;
    } else {
        let mut unflushed = Vec::with_capacity(FLUSH_BATCH);
        for (name, text) in &everything {
            unflushed.push((*name, write(name, text)?));
            if unflushed.len() == FLUSH_BATCH {
                flush(&mut unflushed).map_err(|(name, error)| failed(name, error))?;
            }
        }
        flush(&mut unflushed).map_err(|(name, error)| failed(name, error))?;
    }
    if let Some(whole) = whole {
        // The files and the folders' new names, all on disk at once.
        whole.finish().map_err(failed_flush)?;
    } else {
        // The new names inside the temporary folder, before the folder (or its files) moves into place.
        for staged in folders.iter().rev() {
            crate::storage::sync_folder(staged).map_err(|error| {
                format!("cannot write in {} ({error}); nothing was changed in {}", staged.display(), out.display())
            })?;
        }
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
                Ok(()) => {
                    // The rename itself lasts once the folder it happened in is flushed.
                    let _ = crate::storage::sync_folder(&beside(out));
                    Ok(done)
                }
                Err(error) => {
                    let _ = fs::remove_dir_all(&folder);
                    Err(format!("cannot create {}: {error}; nothing was changed", out.display()))
                }
            };
        }
        let mut moved = 0;
        let mut renamed_in = BTreeSet::new();
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
            renamed_in.insert(to.parent().map(Path::to_path_buf));
            moved += 1;
        }
        for name in stale {
            let path = out.join(name);
            fs::remove_file(&path).map_err(|error| stopped(moved, error))?;
            renamed_in.insert(path.parent().map(Path::to_path_buf));
            done.push(format!("removed {} (its action is no longer in the manifest)", path.display()));
        }
        // The renames and removals last before the record does: each folder flushed once.
        for folder in renamed_in.into_iter().flatten() {
            let _ = crate::storage::sync_folder(&folder);
        }
        // The record last: until it is in place, the previous record still vouches for the old files.
        fs::rename(self.folder.path().join(record::FILE_NAME), out.join(record::FILE_NAME))
            .map_err(|error| stopped(moved, error))?;
        let _ = crate::storage::sync_folder(out);
        Ok(done)
    }
}

/// True when the folder the export is staged in is there already, so that staging creates
/// nothing but its own temporary folder (removed again if the export is refused).
pub(super) fn can_stage(out: &Path) -> bool {
    beside(out).is_dir()
}

/// The folder the temporary export goes in: beside the real `out`, on the same file system.
fn beside(out: &Path) -> PathBuf {
    let real = fs::canonicalize(out).unwrap_or_else(|_| out.to_path_buf());
    match real.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Flushes the written files to disk together and empties the list; the first failure names its file.
fn flush<'a>(unflushed: &mut Vec<(&'a str, fs::File)>) -> Result<(), (&'a str, std::io::Error)> {
    let files: Vec<&fs::File> = unflushed.iter().map(|(_, file)| file).collect();
    let results = crate::storage::flush_files(&files);
    let failed = unflushed.iter().zip(results).find_map(|((name, _), result)| result.err().map(|error| (*name, error)));
    unflushed.clear();
    failed.map_or(Ok(()), Err)
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
