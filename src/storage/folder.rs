//! Listing a folder and creating a new file: the folder reads and file opens outside `read` and
//! `save`, kept here so that no other module opens files its own way.

use std::fs::DirEntry;
use std::io::Write;
use std::path::Path;

/// The first `most` entries of `folder`, in the order the system gives them (unreadable entries
/// left out). A huge folder costs no more than `most` entries.
pub fn list_folder(folder: &Path, most: usize) -> std::io::Result<Vec<DirEntry>> {
    // Listing opens the folder with O_DIRECTORY: a FIFO or a device in its place fails at once.
    #[allow(clippy::disallowed_methods)]
    let entries = std::fs::read_dir(folder)?;
    Ok(entries.flatten().take(most).collect())
}

/// Creates `path`, which must not exist yet (never through a link left in its place), writes
/// `bytes` and flushes them to disk. `private`: readable by its owner only (0600); otherwise the
/// mode the umask gives.
pub fn create_new(path: &Path, bytes: &[u8], private: bool) -> std::io::Result<()> {
    write_new(path, bytes, private)?.sync_all()
}

/// Like [`create_new`], without flushing: returns the file for the caller to flush (with others,
/// [`crate::storage::flush_files`]) before anything relies on it.
pub fn write_new(path: &Path, bytes: &[u8], private: bool) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = private;
    // Opened to write only; `create_new` (O_EXCL) fails on anything already there, a link included.
    #[allow(clippy::disallowed_methods)]
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    Ok(file)
}
