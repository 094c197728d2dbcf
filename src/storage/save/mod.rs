//! Saves that never lose a file and keep what it is: a link stays a link, the owner, group and mode
//! stay, a read-only file is refused, and a failed write changes nothing.
//!
//! The new content goes to a temporary file beside the real file (after following symbolic
//! links), flushed to disk, then renamed over it; the previous content is kept as `FILE.bak`
//! the same way, so a full disk can damage neither. When the rename would change what the file
//! is (it has other hard links, or its owner cannot be given to the new file), the file is
//! rewritten in place instead, after its previous content was kept safe.
//!
//! Many files ([`SaveBatch`], for `fmt`) are saved the same way, but each step is taken for the
//! whole batch: every temporary file written, then all flushed together, renamed, and each folder
//! flushed once. A crash still never leaves a half-written file.

mod backup;
mod batch;
mod in_place;
mod keep;
mod links;
mod replaced;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

pub use batch::SaveBatch;

/// Why a save did not happen; the file and its backup are left as they were unless said otherwise.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{path} is a folder; choose a file name inside it, e.g. {path}/manifest.json", path = .0.display())]
    /// The path is a folder.
    IsDirectory(PathBuf),
    #[error("{path} is not a regular file (a FIFO, device or socket); save to a regular file instead", path = .0.display())]
    /// The path is a FIFO, device or socket.
    NotAFile(PathBuf),
    #[error(
        "{path} is read-only, so it was not replaced; to change it, make it writable (chmod u+w {path}) and save again, or save under another name",
        path = .0.display()
    )]
    /// The file is read-only.
    ReadOnly(PathBuf),
    #[error("cannot follow the symbolic link {path}: {source}; nothing was changed", path = .path.display())]
    /// A symbolic link at the path cannot be followed.
    Link {
        /// The link.
        path: PathBuf,
        /// Why not.
        source: std::io::Error,
    },
    #[error("cannot write in {folder}: {source}; check that the folder exists and that you may write there", folder = .folder.display())]
    /// The folder cannot be written in.
    Folder {
        /// The folder.
        folder: PathBuf,
        /// Why not.
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}; nothing was changed", path = .path.display())]
    /// Writing the file failed.
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    #[error(
        "{backup} is not a regular file, so the previous content cannot be kept there; move it away and save again; nothing was changed",
        backup = .0.display()
    )]
    /// The backup's path holds something that is not a regular file.
    BackupNotAFile(PathBuf),
    #[error(
        "cannot write the backup {backup}: {source}; {path} and its previous backup were not changed",
        backup = .backup.display(), path = .path.display()
    )]
    /// Writing the backup failed.
    Backup {
        /// The backup's path.
        backup: PathBuf,
        /// The file being saved.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    #[error(
        "writing {path} failed ({source}) and its previous content could not be put back; copy it back from {kept}",
        path = .path.display(), kept = .kept.display()
    )]
    /// Writing in place failed and the previous content could not be put back.
    Damaged {
        /// The file.
        path: PathBuf,
        /// Why the write failed.
        source: std::io::Error,
        /// Where the previous content is kept.
        kept: PathBuf,
    },
}

/// Writes `contents` to `path` atomically. With `keep_backup`, the previous content (if any) is
/// kept in `FILE.bak` beside the real file. A new file gets the mode the umask gives (0644 under
/// umask 022). A reader never sees a half-written file.
pub fn save_atomic(path: &Path, contents: &[u8], keep_backup: bool) -> Result<(), SaveError> {
    save(path, contents, keep_backup, keep::NewFile::Umask)
}

/// Like [`save_atomic`] without a backup, but a new file is readable by its owner only (0600):
/// for the tool's own files (drafts, recent files).
pub fn save_private(path: &Path, contents: &[u8]) -> Result<(), SaveError> {
    save(path, contents, false, keep::NewFile::Private)
}

/// Where the previous content of `path` is kept: `path` + `.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(".bak");
    PathBuf::from(name)
}

fn save(path: &Path, contents: &[u8], keep_backup: bool, new_file: keep::NewFile) -> Result<(), SaveError> {
    match prepare(path, contents, keep_backup, new_file, Flush::Now)? {
        Prepared::Done => Ok(()),
        Prepared::Rename(rename) => {
            let folder = rename.rename()?;
            let _ = super::flush::sync_folder(&folder);
            Ok(())
        }
    }
}

/// Whether a temporary file is flushed to disk as soon as it is written, or later with others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flush {
    Now,
    /// The caller flushes it (with the other files of a batch) before renaming it.
    Later,
}

/// How far [`prepare`] took a save.
enum Prepared {
    /// The file was written (in place) and flushed: nothing is left to do.
    Done,
    /// The new content waits in a temporary file, to be renamed over the file.
    Rename(Rename),
}

/// A temporary file holding the new content of `target`, and the name to report errors with.
struct Rename {
    shown: PathBuf,
    temporary: tempfile::NamedTempFile,
    target: PathBuf,
}

impl Rename {
    /// Renames the temporary file over the target; returns the folder to flush so that the rename
    /// survives a crash.
    fn rename(self) -> Result<PathBuf, SaveError> {
        let Rename { shown, temporary, target } = self;
        temporary.persist(&target).map_err(|error| SaveError::Write { path: shown, source: error.error })?;
        Ok(folder_of(&target))
    }

    /// Closes the temporary file, unflushed: its file system's flush covers it.
    fn close(self) -> ClosedRename {
        let Rename { shown, temporary, target } = self;
        ClosedRename { shown, temporary: temporary.into_temp_path(), target }
    }
}

/// A [`Rename`] whose temporary file is closed (removed again if dropped).
struct ClosedRename {
    shown: PathBuf,
    temporary: tempfile::TempPath,
    target: PathBuf,
}

impl ClosedRename {
    /// As [`Rename::rename`].
    fn rename(self) -> Result<PathBuf, SaveError> {
        let ClosedRename { shown, temporary, target } = self;
        temporary.persist(&target).map_err(|error| SaveError::Write { path: shown, source: error.error })?;
        Ok(folder_of(&target))
    }
}

/// Everything a save does up to the rename: checks, the backup, the temporary file (flushed unless
/// `flush` is [`Flush::Later`]); or the whole save when the file must be rewritten in place.
fn prepare(
    path: &Path,
    contents: &[u8],
    keep_backup: bool,
    new_file: keep::NewFile,
    flush: Flush,
) -> Result<Prepared, SaveError> {
    // The tool's own files (drafts, recent files) are replaced, never written through a link: a link
    // planted in their place must not aim the write at another file.
    let (target, looked) = match new_file {
        keep::NewFile::Private => (path.to_path_buf(), fs::symlink_metadata(path)),
        keep::NewFile::Umask => {
            links::resolve(path).map_err(|source| SaveError::Link { path: path.to_path_buf(), source })?
        }
    };
    let write_error = |source| SaveError::Write { path: path.to_path_buf(), source };
    let existing = match looked {
        Ok(metadata) => Some(metadata),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => return Err(write_error(error)),
    };
    let folder = folder_of(&target);
    let pending = |temporary| Prepared::Rename(Rename { shown: path.to_path_buf(), temporary, target: target.clone() });
    // A link in place of the tool's own file is replaced by the file (renamed over it).
    let existing = existing.filter(|metadata| !metadata.file_type().is_symlink());
    let Some(metadata) = existing else {
        return Ok(pending(temporary(&folder, contents, new_file.permissions(), flush, write_error)?));
    };
    if metadata.is_dir() {
        return Err(SaveError::IsDirectory(path.to_path_buf()));
    }
    if !metadata.is_file() {
        return Err(SaveError::NotAFile(path.to_path_buf()));
    }
    keep::check_writable(&target, &metadata, path)?;
    // The previous content, read only when a backup or a rewrite in place needs it (the rewrite,
    // to put the file back if it fails); bounded as any read: the file may have grown since.
    let kind = match new_file {
        keep::NewFile::Private => super::FileKind::Draft,
        keep::NewFile::Umask => super::FileKind::Manifest,
    };
    let previous = || super::read_kind(&target, kind).map_err(|error| write_error(std::io::Error::other(error)));
    let rewrite = |previous: &[u8]| {
        in_place::Rewrite { path, target: &target, metadata: &metadata, previous, keep_backup }.run(contents)
    };
    if keep::has_other_links(&metadata) {
        // A rename would leave the other names with the old content: write into the file itself.
        return rewrite(&previous()?).map(|()| Prepared::Done);
    }
    let temporary = temporary(&folder, contents, keep::NewFile::Private.permissions(), flush, write_error)?;
    if !keep::owner_and_mode(temporary.as_file(), &metadata).map_err(write_error)? {
        // The new file would belong to someone else than the old one: write into the old one.
        drop(temporary);
        return rewrite(&previous()?).map(|()| Prepared::Done);
    }
    if keep_backup {
        backup::write(path, &target, &previous()?, &metadata)?;
    }
    Ok(pending(temporary))
}

/// The folder a file is in ("." for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A temporary file in `folder` holding `contents`, flushed to disk unless `flush` is
/// [`Flush::Later`]; removed again if dropped.
fn temporary(
    folder: &Path,
    contents: &[u8],
    permissions: Option<fs::Permissions>,
    flush: Flush,
    write_error: impl Fn(std::io::Error) -> SaveError,
) -> Result<tempfile::NamedTempFile, SaveError> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".integration-wizard-").suffix(".tmp");
    if let Some(permissions) = permissions {
        builder.permissions(permissions);
    }
    let mut temporary =
        builder.tempfile_in(folder).map_err(|source| SaveError::Folder { folder: folder.to_path_buf(), source })?;
    temporary.write_all(contents).map_err(&write_error)?;
    if flush == Flush::Now {
        temporary.as_file().sync_all().map_err(&write_error)?;
    }
    Ok(temporary)
}

/// Renames the temporary file over `target`, then flushes the folder so the rename survives a crash.
fn persist(
    temporary: tempfile::NamedTempFile,
    target: &Path,
    write_error: impl Fn(std::io::Error) -> SaveError,
) -> Result<(), SaveError> {
    temporary.persist(target).map_err(|error| write_error(error.error))?;
    let _ = super::flush::sync_folder(&folder_of(target));
    Ok(())
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

    #[test]
    fn a_backup_that_is_a_folder_is_refused_before_anything_changes() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("m.json");
        fs::write(&path, "old").expect("write");
        fs::create_dir(backup_path(&path)).expect("mkdir");
        let error = save_atomic(&path, b"new", true).expect_err("a folder as backup");
        assert!(matches!(error, SaveError::BackupNotAFile(_)), "{error}");
        assert_eq!(fs::read(&path).expect("read"), b"old");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_not_replaced() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("fifo.json");
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        if !made.is_ok_and(|status| status.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        let error = save_atomic(&path, b"x", false).expect_err("a FIFO");
        assert!(matches!(error, SaveError::NotAFile(_)), "{error}");
    }
}
