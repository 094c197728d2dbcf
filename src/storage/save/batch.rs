//! Saving many files as one batch (`fmt` of a folder): the promises of a single save, the disk
//! waited on once per batch instead of twice per file.

use super::{Flush, Prepared, Rename, SaveError, keep, prepare};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Saves of files (without a backup, new files with the umask's mode) that are written at once
/// and completed together by [`SaveBatch::commit`]: the temporary files flushed to disk by a few
/// threads at a time, renamed over the files, then each folder flushed once.
#[derive(Default)]
pub struct SaveBatch {
    /// Each save added, in order: its temporary file waiting to be renamed, or none when its
    /// outcome is known already (an error in `early`, or a rewrite in place that is done).
    saves: Vec<Option<Rename>>,
    /// Each save's error found before the commit, in the same order.
    early: Vec<Option<SaveError>>,
    bytes: usize,
}

impl SaveBatch {
    /// An empty batch.
    pub fn new() -> SaveBatch {
        SaveBatch::default()
    }

    /// Writes `contents` for `path` to a temporary file beside it (not flushed yet). The outcome
    /// comes with [`SaveBatch::commit`], in the order the files were added.
    pub fn add(&mut self, path: &Path, contents: &[u8]) {
        let (rename, early) = match prepare(path, contents, false, keep::NewFile::Umask, Flush::Later) {
            Ok(Prepared::Rename(rename)) => (Some(rename), None),
            Ok(Prepared::Done) => (None, None),
            Err(error) => (None, Some(error)),
        };
        self.bytes += contents.len();
        self.saves.push(rename);
        self.early.push(early);
    }

    /// How many saves were added since the last commit.
    pub fn len(&self) -> usize {
        self.saves.len()
    }

    /// True when no save waits for a commit.
    pub fn is_empty(&self) -> bool {
        self.saves.is_empty()
    }

    /// How many bytes the saves added since the last commit hold.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Completes every save added: flushes the temporary files (together), renames each over its
    /// file (several at a time: replacing a file frees the old one's blocks, which on a disk
    /// mounted with `discard` waits for the disk), then flushes each folder once. Returns each
    /// save's outcome, in the order added; a file whose flush failed is left as it was. The batch
    /// is empty again afterwards.
    pub fn commit(&mut self) -> Vec<Result<(), SaveError>> {
        let saves = std::mem::take(&mut self.saves);
        let early = std::mem::take(&mut self.early);
        self.bytes = 0;
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
        let renamed = super::super::flush::several_at_a_time(ready, |ready| {
            ready.and_then(|rename| rename.map(Rename::rename).transpose())
        });
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
        batch.add(&first, b"new a");
        batch.add(&folder.path().join("missing/c.json"), b"c");
        batch.add(&second, b"new b");
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
        batch.add(&path, b"new");
        assert!(batch.commit().iter().all(Result::is_ok));
        assert_eq!(fs::read(&other).expect("read"), b"new", "both names see the new content");
    }
}
