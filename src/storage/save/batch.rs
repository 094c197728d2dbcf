//! Saving many files as one batch (`fmt` of a folder): the promises of a single save, the disk
//! waited on once per batch instead of twice per file.

use super::{Flush, Prepared, Rename, SaveError, keep, prepare};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Saves of files (without a backup, new files with the umask's mode) that are completed together
/// by [`SaveBatch::commit`]: their temporary files written, flushed to disk together, renamed over
/// the files, then each folder flushed once.
#[derive(Default)]
pub struct SaveBatch {
    /// Each save added, in order: the file and its new content.
    pending: Vec<(PathBuf, Vec<u8>)>,
    bytes: usize,
}

impl SaveBatch {
    /// An empty batch.
    pub fn new() -> SaveBatch {
        SaveBatch::default()
    }

    /// Adds the save of `contents` to `path`; nothing is written before [`SaveBatch::commit`],
    /// which gives the outcome, in the order the files were added.
    pub fn add(&mut self, path: &Path, contents: Vec<u8>) {
        self.bytes += contents.len();
        self.pending.push((path.to_path_buf(), contents));
    }

    /// How many saves were added since the last commit.
    pub fn len(&self) -> usize {
        self.pending.len()
    }

    /// True when no save waits for a commit.
    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// How many bytes the saves added since the last commit hold.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Completes every save added: writes the temporary files, flushes them (together), renames
    /// each over its file, then flushes each folder once. Returns each
    /// save's outcome, in the order added; a file whose flush failed is left as it was. The batch
    /// is empty again afterwards.
    pub fn commit(&mut self) -> Vec<Result<(), SaveError>> {
        let pending = std::mem::take(&mut self.pending);
        self.bytes = 0;
        // Each file's checks and temporary file, one after another: creating files in one folder
        // takes the folder's lock, so threads would only wait for each other (and spin on a core).
        let prepared = pending
            .into_iter()
            .map(|(path, contents)| prepare(&path, &contents, false, keep::NewFile::Umask, Flush::Later));
        let (saves, early): (Vec<Option<Rename>>, Vec<Option<SaveError>>) = prepared
            .into_iter()
            .map(|prepared| match prepared {
                Ok(Prepared::Rename(rename)) => (Some(rename), None),
                Ok(Prepared::Done) => (None, None),
                Err(error) => (None, Some(error)),
            })
            .unzip();
        let files: Vec<&std::fs::File> = saves.iter().flatten().map(|rename| rename.temporary.as_file()).collect();
        let mut flushed = crate::storage::flush_files(&files).into_iter();
        // Each save as far as the rename: its error, nothing to do, or its temporary file on disk.
        let ready: Vec<Result<Option<Rename>, SaveError>> = saves
            .into_iter()
            .zip(early)
            .map(|(rename, early)| match (rename, early) {
                (_, Some(error)) => Err(error),
                (None, None) => Ok(None),
                (Some(rename), None) => {
                    let flush = flushed.next().unwrap_or_else(|| Err(std::io::Error::other("not flushed")));
                    // Dropping the temporary file removes it: the file keeps its old content.
                    flush.map_err(|source| SaveError::Write { path: rename.shown.clone(), source })?;
                    Ok(Some(rename))
                }
            })
            .collect();
        // One after another for the same reason: a rename takes its folder's lock.
        let renamed: Vec<Result<Option<PathBuf>, SaveError>> = ready
            .into_iter()
            .map(|ready| ready.and_then(|rename| rename.map(Rename::rename).transpose()))
            .collect();
        let folders: BTreeSet<&PathBuf> =
            renamed.iter().filter_map(|outcome| outcome.as_ref().ok().and_then(Option::as_ref)).collect();
        for folder in folders {
            let _ = crate::storage::sync_folder(folder);
        }
        renamed.into_iter().map(|outcome| outcome.map(|_| ())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn a_batch_replaces_every_file_and_reports_each_in_order() {
        let folder = tempfile::tempdir().expect("temp dir");
        let first = folder.path().join("a.json");
        let second = folder.path().join("sub/b.json");
        fs::create_dir(folder.path().join("sub")).expect("mkdir");
        fs::write(&first, "old a").expect("write");
        let mut batch = SaveBatch::new();
        batch.add(&first, b"new a".to_vec());
        batch.add(&folder.path().join("missing/c.json"), b"c".to_vec());
        batch.add(&second, b"new b".to_vec());
        assert_eq!((batch.len(), batch.bytes()), (3, 11));
        assert_eq!(fs::read(&first).expect("read"), b"old a", "nothing is renamed before the commit");
        let outcomes = batch.commit();
        assert!(batch.is_empty() && batch.bytes() == 0);
        assert!(outcomes[0].is_ok() && outcomes[2].is_ok(), "{outcomes:?}");
        let error = outcomes[1].as_ref().expect_err("a missing folder");
        assert!(error.to_string().contains("cannot write in"), "{error}");
        assert_eq!(fs::read(&first).expect("read"), b"new a");
        assert_eq!(fs::read(&second).expect("read"), b"new b");
        let left: Vec<_> =
            fs::read_dir(folder.path()).expect("list").flatten().map(|entry| entry.file_name()).collect();
        assert_eq!(left.len(), 2, "no temporary file is left behind: {left:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_file_with_other_hard_links_is_rewritten_in_place_in_a_batch_too() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("m.json");
        let other = folder.path().join("other-name.json");
        fs::write(&path, "old").expect("write");
        fs::hard_link(&path, &other).expect("link");
        let mut batch = SaveBatch::new();
        batch.add(&path, b"new".to_vec());
        assert!(batch.commit().iter().all(Result::is_ok));
        assert_eq!(fs::read(&other).expect("read"), b"new", "both names see the new content");
    }
}
