//! What a save keeps of the file it replaces: owner, group and mode; and what it refuses to replace.

use super::SaveError;
use std::fs::{File, Metadata, OpenOptions, Permissions};
use std::io::ErrorKind;
use std::path::Path;

/// The mode a file gets when the save creates it.
#[derive(Debug, Clone, Copy)]
pub(super) enum NewFile {
    /// What the umask leaves of 0666, as for any file a program creates (0644 under umask 022).
    Umask,
    /// 0600: the tool's own files, which may hold unsaved work.
    Private,
}

impl NewFile {
    /// The permissions to create a temporary file with (the umask still applies).
    #[cfg(unix)]
    pub(super) fn permissions(self) -> Option<Permissions> {
        use std::os::unix::fs::PermissionsExt;
        Some(Permissions::from_mode(match self {
            NewFile::Umask => 0o666,
            NewFile::Private => 0o600,
        }))
    }

    #[cfg(not(unix))]
    pub(super) fn permissions(self) -> Option<Permissions> {
        None
    }
}

/// Refuses a file marked read-only (even for root, who could write it) or that this user may not
/// write: replacing it through a rename would go around the protection without a word.
pub(super) fn check_writable(target: &Path, metadata: &Metadata, shown: &Path) -> Result<(), SaveError> {
    if metadata.permissions().readonly() {
        return Err(SaveError::ReadOnly(shown.to_path_buf()));
    }
    // Opening for writing (without truncating) asks the system, which knows ACLs and read-only mounts.
    // Nothing is read: the regular file (checked by the caller) is opened to write and closed.
    #[allow(clippy::disallowed_methods)]
    let opened = OpenOptions::new().write(true).open(target);
    match opened {
        Ok(_) => Ok(()),
        Err(error) if matches!(error.kind(), ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem) => {
            Err(SaveError::ReadOnly(shown.to_path_buf()))
        }
        Err(source) => Err(SaveError::Write { path: shown.to_path_buf(), source }),
    }
}

/// True when other names share the file (hard links): a rename would cut them off.
#[cfg(unix)]
pub(super) fn has_other_links(metadata: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    metadata.nlink() > 1
}

#[cfg(not(unix))]
pub(super) fn has_other_links(_metadata: &Metadata) -> bool {
    false
}

/// Gives `file` the owner, group and mode of `old`. Returns false, changing nothing, when this user
/// may not give the file that owner or group (only root may give a file away).
#[cfg(unix)]
pub(super) fn owner_and_mode(file: &File, old: &Metadata) -> std::io::Result<bool> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt, fchown};
    let new = file.metadata()?;
    if (new.uid(), new.gid()) != (old.uid(), old.gid()) {
        match fchown(file, Some(old.uid()), Some(old.gid())) {
            Ok(()) => {}
            Err(error) if error.kind() == ErrorKind::PermissionDenied => return Ok(false),
            Err(error) => return Err(error),
        }
    }
    // After the owner: changing the owner clears the set-user-ID and set-group-ID bits.
    file.set_permissions(Permissions::from_mode(old.mode() & 0o7777))?;
    Ok(true)
}

#[cfg(not(unix))]
pub(super) fn owner_and_mode(file: &File, old: &Metadata) -> std::io::Result<bool> {
    file.set_permissions(old.permissions())?;
    Ok(true)
}
