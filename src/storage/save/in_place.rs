//! Rewriting a file in place, for when a rename would change what it is (hard links, an owner this
//! user cannot give a new file). Not atomic, so the previous content is kept safe first and put
//! back if the write fails.

use super::{Flush, SaveError, backup, backup_path, folder_of, keep, temporary};
use std::fs::{File, Metadata, OpenOptions};
use std::io::{Seek, SeekFrom, Write};
use std::path::Path;

/// A rewrite of `target` (shown to the user as `path`) whose content is now `previous`.
#[derive(Clone, Copy)]
pub(super) struct Rewrite<'a> {
    pub path: &'a Path,
    pub target: &'a Path,
    pub metadata: &'a Metadata,
    pub previous: &'a [u8],
    pub keep_backup: bool,
}

impl Rewrite<'_> {
    /// Keeps the previous content (as `FILE.bak` when asked, else in a temporary copy removed once
    /// the write succeeded), then overwrites the file; if that fails, writes the previous content back.
    pub(super) fn run(self, contents: &[u8]) -> Result<(), SaveError> {
        let write_error = |source| SaveError::Write { path: self.path.to_path_buf(), source };
        let copy = if self.keep_backup {
            backup::write(self.path, self.target, self.previous, self.metadata)?;
            None
        } else {
            let permissions = keep::NewFile::Private.permissions();
            Some(temporary(&folder_of(self.target), self.previous, permissions, Flush::Now, write_error)?)
        };
        // Opened to write only, a file `save` found to be a regular file it may write.
        #[allow(clippy::disallowed_methods)]
        let mut file = OpenOptions::new().write(true).open(self.target).map_err(write_error)?;
        let Err(source) = overwrite(&mut file, contents) else { return Ok(()) };
        // The previous content fits in the blocks the file already had, so putting it back rarely fails.
        if overwrite(&mut file, self.previous).is_ok() {
            return Err(write_error(source));
        }
        let kept = match copy {
            None => backup_path(self.target),
            Some(mut copy) => {
                copy.disable_cleanup(true);
                copy.path().to_path_buf()
            }
        };
        Err(SaveError::Damaged { path: self.path.to_path_buf(), source, kept })
    }
}

/// Replaces the whole content of `file` with `bytes` and flushes it to disk.
fn overwrite(file: &mut File, bytes: &[u8]) -> std::io::Result<()> {
    file.seek(SeekFrom::Start(0))?;
    file.write_all(bytes)?;
    file.set_len(bytes.len() as u64)?;
    file.sync_all()
}
