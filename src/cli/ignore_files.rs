//! The ignore files a folder walk reads (`.gitignore`, `.ignore`, `.git/info/exclude`), checked
//! before the walker reads them: the `ignore` crate opens and reads them whole, so a FIFO there
//! would hang the walk and a link to `/dev/zero` would read until memory runs out. A folder whose
//! ignore file is not a regular file within the limit is not walked, and says why.

use crate::storage::{FileKind, check_kind};
use std::path::{Path, PathBuf};

/// The ignore files the walker reads in a folder.
const IGNORE_FILES: [&str; 3] = [".gitignore", ".ignore", ".git/info/exclude"];

/// The first ignore file of `folder` that must not be read, with why and what to do.
pub(super) fn unsafe_ignore_file(folder: &Path) -> Option<(PathBuf, String)> {
    IGNORE_FILES.iter().find_map(|name| {
        let path = folder.join(name);
        let error = check_kind(&path, FileKind::IgnoreFile).err()?;
        let reason = format!(
            "{error}; the folder {} was not walked, since its ignore file cannot be read safely: \
             remove the file, or run with --no-ignore",
            folder.display()
        );
        Some((path, reason))
    })
}

/// The first unsafe ignore file of `root` or of a folder above it (the walker reads theirs too).
pub(super) fn unsafe_ignore_file_at_or_above(root: &Path) -> Option<(PathBuf, String)> {
    let absolute = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    absolute.ancestors().find_map(unsafe_ignore_file)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn an_ignore_file_that_is_a_device_or_too_large_is_refused_without_reading_it() {
        let folder = tempfile::tempdir().expect("temp dir");
        assert_eq!(unsafe_ignore_file(folder.path()), None, "no ignore file at all");
        std::fs::write(folder.path().join(".gitignore"), "*.tmp\n").expect("write");
        assert_eq!(unsafe_ignore_file(folder.path()), None, "a small regular file");
        std::os::unix::fs::symlink("/dev/zero", folder.path().join(".ignore")).expect("link");
        let (path, reason) = unsafe_ignore_file(folder.path()).expect("a device");
        assert!(path.ends_with(".ignore") && reason.contains("character device"), "{reason}");
        assert!(reason.contains("--no-ignore"), "{reason}");
        std::fs::remove_file(folder.path().join(".ignore")).expect("remove");
        let big = std::fs::File::create(folder.path().join(".gitignore")).expect("create");
        big.set_len(FileKind::IgnoreFile.limit() + 1).expect("a sparse file");
        let (_, reason) = unsafe_ignore_file(folder.path()).expect("too large");
        assert!(reason.contains("larger than"), "{reason}");
    }
}
