//! `FILE.bak`: the previous content, written like the file itself (a temporary file, then a rename).

use super::{Flush, SaveError, backup_path, folder_of, keep, persist, temporary};
use std::fs::{self, Metadata};
use std::path::Path;

/// Keeps `previous` (the content of `target`) in `target.bak`. A link at that name is replaced, never
/// written through (the rename replaces the name itself); a write error leaves the old backup whole.
pub(super) fn write(shown: &Path, target: &Path, previous: &[u8], metadata: &Metadata) -> Result<(), SaveError> {
    let backup = backup_path(target);
    if let Ok(existing) = fs::symlink_metadata(&backup)
        && !existing.is_file()
        && !existing.file_type().is_symlink()
    {
        return Err(SaveError::BackupNotAFile(backup));
    }
    let error = |source| SaveError::Backup { backup: backup.clone(), path: shown.to_path_buf(), source };
    let temporary = temporary(&folder_of(target), previous, keep::NewFile::Private.permissions(), Flush::Now, error)?;
    // The backup is readable by whoever could read the file; when the owner cannot be kept it stays
    // this user's, which is fine for a copy.
    let _ = keep::owner_and_mode(temporary.as_file(), metadata);
    persist(temporary, &backup, error)
}
