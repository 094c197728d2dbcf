//! Flushing many files to disk together. On Linux the whole file system each batch is on is
//! flushed once (`syncfs`, as `sync -f` does); elsewhere a small pool of threads flushes several
//! files at once (the file system commits them together). Each folder is flushed once.

use rayon::prelude::*;
use std::fs::File;
use std::io;
use std::path::Path;

/// How many files are flushed at the same time where each needs its own flush. Flushing waits on
/// the disk, not the processor, so the pool has more threads than the machine has cores.
const FLUSHERS: usize = 8;

/// Flushes every file in `files` to disk, returns each file's result, in the order given.
///
/// On Linux each file system the files are on is flushed once (`syncfs`), then each file is
/// flushed on its own (`fsync`) only to learn its own result: its data is on disk already, so
/// that flush waits for nothing, and a write-back error of this file (which an old kernel's
/// `syncfs` does not report) is still reported for it.
pub fn flush_files(files: &[&File]) -> Vec<io::Result<()>> {
    #[cfg(target_os = "linux")]
    if files.len() > 1 {
        return flush_file_systems(files);
    }
    flush_each(files)
}

/// Flushes each file with its own `fsync`, several at a time.
fn flush_each(files: &[&File]) -> Vec<io::Result<()>> {
    let flush = |file: &&File| file.sync_all();
    if files.len() < 2 {
        return files.iter().map(flush).collect();
    }
    // A pool of its own: the global one has a thread per core, and is busy with checks.
    match rayon::ThreadPoolBuilder::new().num_threads(FLUSHERS.min(files.len())).build() {
        Ok(pool) => pool.install(|| files.par_iter().map(flush).collect()),
        Err(_) => files.iter().map(flush).collect(),
    }
}

/// One `syncfs` per file system the files are on, then each file's own (now cheap) `fsync`. A file
/// system whose `syncfs` fails fails each of its files; a file whose device cannot be learned is
/// flushed on its own.
#[cfg(target_os = "linux")]
fn flush_file_systems(files: &[&File]) -> Vec<io::Result<()>> {
    use std::collections::BTreeMap;
    use std::os::unix::fs::MetadataExt;
    let devices: Vec<Option<u64>> =
        files.iter().map(|file| file.metadata().ok().map(|metadata| metadata.dev())).collect();
    let mut synced = BTreeMap::<u64, Option<io::ErrorKind>>::new();
    for (file, device) in files.iter().zip(&devices) {
        if let Some(device) = device {
            synced
                .entry(*device)
                .or_insert_with(|| rustix::fs::syncfs(file).err().map(|error| io::Error::from(error).kind()));
        }
    }
    files
        .iter()
        .zip(&devices)
        .map(|(file, device)| match device.and_then(|device| synced.get(&device).copied().flatten()) {
            Some(kind) => Err(io::Error::new(kind, "flushing the file system failed")),
            None => file.sync_all(),
        })
        .collect()
}

/// Flushes a folder's entries so a rename or a new file in it survives a crash.
#[cfg(unix)]
pub fn sync_folder(folder: &Path) -> io::Result<()> {
    // A folder is opened only to flush it; nothing is read from it.
    #[allow(clippy::disallowed_methods)]
    let opened = File::open(folder)?;
    opened.sync_all()
}

/// Folders cannot be flushed on this system; file flushes are all there is.
#[cfg(not(unix))]
pub fn sync_folder(_folder: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files_in(folder: &Path, count: usize) -> Vec<File> {
        (0..count)
            .map(|n| {
                let path = folder.join(format!("{n}.json"));
                std::fs::write(&path, n.to_string()).expect("write");
                File::open(&path).expect("open")
            })
            .collect()
    }

    #[test]
    fn every_file_gets_its_own_result_in_order() {
        let folder = tempfile::tempdir().expect("temp dir");
        let files = files_in(folder.path(), 20);
        let results = flush_files(&files.iter().collect::<Vec<_>>());
        assert_eq!(results.len(), 20);
        assert!(results.iter().all(Result::is_ok), "{results:?}");
        assert!(flush_files(&[]).is_empty());
        sync_folder(folder.path()).expect("a folder flushes");
        assert!(sync_folder(&folder.path().join("missing")).is_err());
    }

    #[test]
    fn files_flushed_one_by_one_get_their_results_too() {
        let folder = tempfile::tempdir().expect("temp dir");
        let files = files_in(folder.path(), 12);
        let results = flush_each(&files.iter().collect::<Vec<_>>());
        assert_eq!(results.len(), 12);
        assert!(results.iter().all(Result::is_ok), "{results:?}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn files_on_two_file_systems_are_each_flushed() {
        // /dev/shm is usually a file system of its own (tmpfs); where it is not, both are on one.
        let Ok(other) = tempfile::tempdir_in("/dev/shm") else {
            eprintln!("skipped: no /dev/shm");
            return;
        };
        let folder = tempfile::tempdir().expect("temp dir");
        let mut files = files_in(folder.path(), 3);
        files.extend(files_in(other.path(), 3));
        let results = flush_file_systems(&files.iter().collect::<Vec<_>>());
        assert_eq!(results.len(), 6);
        assert!(results.iter().all(Result::is_ok), "{results:?}");
    }
}
