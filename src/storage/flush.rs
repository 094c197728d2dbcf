//! Flushing many files to disk together. On Linux the whole file system each batch is on is
//! flushed once (`syncfs`, as `sync -f` does); elsewhere a small pool of threads flushes several
//! files at once (the file system commits them together). Each folder is flushed once.

use rayon::prelude::*;
use std::fs::File;
use std::io;
use std::path::Path;

/// How many files are flushed (or renamed) at the same time where each needs its own. That waits
/// on the disk, not the processor, so the pool has more threads than the machine has cores.
const FLUSHERS: usize = 8;

/// Flushes every file in `files` to disk, returns each file's result, in the order given.
///
/// On Linux 5.8 and later each file system the files are on is flushed once (`syncfs`, which
/// reports an error writing any file there since 5.8): one wait for the disk instead of one per
/// file. When it fails, every file on that file system gets the error. Elsewhere, and for a single
/// file, each file is flushed on its own (`fsync`), several at a time.
pub fn flush_files(files: &[&File]) -> Vec<io::Result<()>> {
    #[cfg(target_os = "linux")]
    if files.len() > 1 && syncfs_reports_errors() {
        return flush_file_systems(files);
    }
    flush_each(files)
}

/// Flushes each file with its own `fsync`, several at a time.
fn flush_each(files: &[&File]) -> Vec<io::Result<()>> {
    several_at_a_time(files.to_vec(), |file| file.sync_all())
}

/// `work` done on each of `items`, several at a time, for work that waits on the disk rather than
/// the processor (a flush; a rename over a file, which frees the old file's blocks and may wait
/// for the disk to discard them); the results in the order of `items`.
pub(crate) fn several_at_a_time<T: Send, R: Send>(items: Vec<T>, work: impl Fn(T) -> R + Sync + Send) -> Vec<R> {
    if items.len() < 2 {
        return items.into_iter().map(work).collect();
    }
    match waiters() {
        Some(pool) => pool.install(|| items.into_par_iter().map(&work).collect()),
        None => items.into_iter().map(work).collect(),
    }
}

/// The pool that waits on the disk, made once per run (a batch of `fmt` uses it three times): a
/// pool of its own, since the global one has a thread per core and is busy with checks.
fn waiters() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| rayon::ThreadPoolBuilder::new().num_threads(FLUSHERS).build().ok()).as_ref()
}

/// One `syncfs` per file system the files are on; a file whose file system cannot be learned is
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
        .map(|(file, device)| match device {
            Some(device) => match synced.get(device).copied().flatten() {
                Some(kind) => Err(io::Error::new(kind, "flushing the file system it is on failed")),
                None => Ok(()),
            },
            None => file.sync_all(),
        })
        .collect()
}

/// True on Linux 5.8 and later, where `syncfs` reports an error met writing any file of the file
/// system (before, it could succeed after such an error, and each file needs its own flush).
#[cfg(target_os = "linux")]
fn syncfs_reports_errors() -> bool {
    let name = rustix::system::uname();
    kernel_at_least(&name.release().to_string_lossy(), (5, 8))
}

/// True when the kernel `release` ("6.1.0-13-amd64") is at least `version` (major, minor).
#[cfg(target_os = "linux")]
fn kernel_at_least(release: &str, version: (u32, u32)) -> bool {
    let mut numbers = release.split(|c: char| !c.is_ascii_digit()).map(str::parse::<u32>);
    match (numbers.next(), numbers.next()) {
        (Some(Ok(major)), Some(Ok(minor))) => (major, minor) >= version,
        _ => false,
    }
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

    #[cfg(target_os = "linux")]
    #[test]
    fn syncfs_is_trusted_with_errors_from_linux_5_8_on() {
        assert!(kernel_at_least("5.8.0", (5, 8)));
        assert!(kernel_at_least("6.1.0-13-amd64", (5, 8)));
        assert!(kernel_at_least("5.15.153.1-microsoft-standard-WSL2", (5, 8)));
        assert!(!kernel_at_least("5.4.0-150-generic", (5, 8)));
        assert!(!kernel_at_least("4.19.0", (5, 8)));
        assert!(!kernel_at_least("unknown", (5, 8)));
    }
}
