//! Saving many files as one batch (`fmt` of a folder): the promises of a single save, the disk
//! waited on once per batch instead of twice per file.

use super::{ClosedRename, Flush, Prepared, Rename, SaveError, keep, prepare, replaced};
use crate::storage::flush::{FileSystemFlush, device_of};
use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Saves of files (without a backup, new files with the umask's mode) that are completed together
/// by [`SaveBatch::commit`]: each temporary file written as its save is added, then all flushed to
/// disk together, renamed over the files, and each folder flushed once.
#[derive(Default)]
pub struct SaveBatch {
    /// Each save added, in order: how far it got (its error, nothing left to do, or its temporary
    /// file waiting for the flush and the rename).
    waiting: Vec<Result<Option<Waiting>, SaveError>>,
    /// The flush of each file system (device) a closed temporary file is on, watched from the
    /// first one written there.
    file_systems: BTreeMap<u64, FileSystemFlush>,
    bytes: usize,
}

impl SaveBatch {
    /// An empty batch.
    pub fn new() -> SaveBatch {
        SaveBatch::default()
    }

    /// Adds the save of `contents` to `path`: checks the file and writes the new content to a
    /// temporary file beside it, unflushed; nothing is renamed before [`SaveBatch::commit`],
    /// which gives the outcome, in the order the files were added.
    ///
    /// Where a flush of a whole file system reports errors (Linux 5.8 and later), the temporary
    /// file is closed once written and the file system is flushed once at the commit, watched
    /// from the first temporary file written there. Elsewhere each stays open for its own flush.
    pub fn add(&mut self, path: &Path, contents: &[u8]) {
        self.bytes += contents.len();
        let whole = FileSystemFlush::available();
        let prepared = prepare(path, contents, false, keep::NewFile::Umask, Flush::Later);
        self.waiting.push(prepared.map(|prepared| match prepared {
            Prepared::Done => None,
            Prepared::Rename(rename) if whole => Some(Waiting::with_file_system(rename, &mut self.file_systems)),
            Prepared::Rename(rename) => Some(Waiting::Open(rename)),
        }));
    }

    /// How many saves were added since the last commit.
    pub fn len(&self) -> usize {
        self.waiting.len()
    }

    /// True when no save waits for a commit.
    pub fn is_empty(&self) -> bool {
        self.waiting.is_empty()
    }

    /// How many bytes were written by the saves added since the last commit.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// True when the batch should be committed before more is added: at most this many bytes wait
    /// to be flushed, and, where each temporary file stays open until its flush, this many files.
    pub fn full(&self) -> bool {
        let most_files = if FileSystemFlush::available() { MOST_CLOSED_FILES } else { MOST_OPEN_FILES };
        self.waiting.len() >= most_files || self.bytes >= MOST_BYTES
    }

    /// Completes every save added: flushes the temporary files (together), renames each over its
    /// file, then flushes each folder once. Returns each save's outcome, in the order added; a
    /// file whose flush failed is left as it was. The batch is empty again afterwards.
    pub fn commit(&mut self) -> Vec<Result<(), SaveError>> {
        let waiting = std::mem::take(&mut self.waiting);
        let file_systems = std::mem::take(&mut self.file_systems);
        self.bytes = 0;
        let flushed: BTreeMap<u64, Option<std::io::ErrorKind>> = file_systems
            .into_iter()
            .map(|(device, flush)| (device, flush.finish().err().map(|error| error.kind())))
            .collect();
        let open: Vec<&std::fs::File> = waiting
            .iter()
            .filter_map(|waiting| match waiting {
                Ok(Some(Waiting::Open(rename))) => Some(rename.temporary.as_file()),
                _ => None,
            })
            .collect();
        let mut open_flushed = crate::storage::flush_files(&open).into_iter();
        // Each save as far as the rename: its error, nothing to do, or its temporary file on disk.
        // Dropping a temporary file removes it: the file keeps its old content.
        let ready: Vec<Result<Option<Waiting>, SaveError>> = waiting
            .into_iter()
            .map(|waiting| match waiting? {
                None => Ok(None),
                Some(Waiting::Open(rename)) => {
                    let flush = open_flushed.next().unwrap_or_else(|| Err(std::io::Error::other("not flushed")));
                    flush.map_err(|source| SaveError::Write { path: rename.shown.clone(), source })?;
                    Ok(Some(Waiting::Open(rename)))
                }
                Some(Waiting::Closed(rename, device)) => match flushed.get(&device).copied().flatten() {
                    Some(kind) => Err(SaveError::Write {
                        path: rename.shown.clone(),
                        source: std::io::Error::new(kind, "flushing the file system it is on failed"),
                    }),
                    None => Ok(Some(Waiting::Closed(rename, device))),
                },
            })
            .collect();
        // One after another for the same reason: a rename takes its folder's lock. Each replaced
        // file is held across its rename and let go of on other threads, so that freeing it does
        // not wait for the disk under that lock ([`replaced`]).
        let renamed: Vec<Result<Option<PathBuf>, SaveError>> = replaced::letting_go(|letting| {
            ready
                .into_iter()
                .map(|ready| {
                    ready.and_then(|waiting| {
                        waiting
                            .map(|waiting| {
                                let held = replaced::hold(waiting.target());
                                let renamed = waiting.rename();
                                letting.add(held);
                                renamed
                            })
                            .transpose()
                    })
                })
                .collect()
        });
        let folders: BTreeSet<&PathBuf> =
            renamed.iter().filter_map(|outcome| outcome.as_ref().ok().and_then(Option::as_ref)).collect();
        for folder in folders {
            let _ = crate::storage::sync_folder(folder);
        }
        renamed.into_iter().map(|outcome| outcome.map(|_| ())).collect()
    }
}

/// At most this many bytes of new content wait for a commit.
const MOST_BYTES: usize = 64 << 20;
/// At most this many files wait where each keeps its temporary file open until its flush: a bound
/// on open files, large enough for the disk to commit many flushes together.
const MOST_OPEN_FILES: usize = 256;
/// At most this many files wait where temporary files are closed once written: every temporary
/// file of a folder is then created before any file there is replaced. On a file system that
/// does not reuse a freed inode for a while (ext4 without a journal), each new file created after
/// files were replaced in its folder first steps over every inode they freed.
const MOST_CLOSED_FILES: usize = 16_384;

/// A save waiting for its flush and rename.
enum Waiting {
    /// Its temporary file stays open for a flush of its own.
    Open(Rename),
    /// Its temporary file is closed; the flush of the file system (the device) it is on covers it.
    Closed(ClosedRename, u64),
}

impl Waiting {
    /// The file the temporary file replaces.
    fn target(&self) -> &Path {
        match self {
            Waiting::Open(rename) => &rename.target,
            Waiting::Closed(rename, _) => &rename.target,
        }
    }

    /// Renames the temporary file over its target; returns the folder to flush.
    fn rename(self) -> Result<PathBuf, SaveError> {
        match self {
            Waiting::Open(rename) => rename.rename(),
            Waiting::Closed(rename, _) => rename.rename(),
        }
    }

    /// Closes the temporary file of `rename` and leaves its flush to its file system's, watched
    /// from the first temporary file written there; keeps it open when its file system is unknown.
    fn with_file_system(rename: Rename, file_systems: &mut BTreeMap<u64, FileSystemFlush>) -> Waiting {
        let file = rename.temporary.as_file();
        let Ok(device) = device_of(file) else { return Waiting::Open(rename) };
        if let Entry::Vacant(vacant) = file_systems.entry(device) {
            match FileSystemFlush::of(file) {
                Ok(flush) => {
                    vacant.insert(flush);
                }
                Err(_) => return Waiting::Open(rename),
            }
        }
        Waiting::Closed(rename.close(), device)
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
        let temporary = fs::read_dir(folder.path())
            .expect("list")
            .flatten()
            .filter(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
            .count();
        assert_eq!(temporary, 1, "the new content of a.json waits in a temporary file beside it");
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

    #[test]
    fn a_batch_is_full_at_its_bytes_and_at_its_files_and_replaces_them_all() {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut batch = SaveBatch::new();
        batch.add(&folder.path().join("big.json"), &vec![b' '; MOST_BYTES]);
        assert!(batch.full(), "the bytes bound");
        drop(batch);
        assert_eq!(fs::read_dir(folder.path()).expect("list").count(), 0, "a batch dropped uncommitted leaves nothing");
        let mut batch = SaveBatch::new();
        let most = if FileSystemFlush::available() { MOST_CLOSED_FILES } else { MOST_OPEN_FILES };
        let paths: Vec<PathBuf> = (0..300).map(|n| folder.path().join(format!("{n}.json"))).collect();
        for path in &paths {
            fs::write(path, "old").expect("write");
            assert!(!batch.full() || batch.len() >= most);
            batch.add(path, b"new");
        }
        assert_eq!(batch.full(), most <= 300);
        assert!(batch.commit().iter().all(Result::is_ok));
        for path in &paths {
            assert_eq!(fs::read(path).expect("read"), b"new");
        }
        assert_eq!(fs::read_dir(folder.path()).expect("list").count(), 300, "no temporary file is left behind");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_batch_lets_go_of_every_file_it_replaced() {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut batch = SaveBatch::new();
        for n in 0..(MOST_OPEN_FILES * 2 + 3) {
            let path = folder.path().join(format!("{n}.json"));
            fs::write(&path, "old").expect("write");
            batch.add(&path, b"new");
        }
        assert!(batch.commit().iter().all(Result::is_ok));
        let open = super::super::replaced::tests::open_in(folder.path());
        assert_eq!(open, 0, "no replaced or temporary file is left open");
        let old: Vec<_> = fs::read_dir(folder.path())
            .expect("list")
            .flatten()
            .filter(|entry| fs::read(entry.path()).expect("read") != b"new")
            .collect();
        assert!(old.is_empty(), "every file was replaced: {old:?}");
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
