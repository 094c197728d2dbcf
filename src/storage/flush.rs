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

/// One flush of a whole file system for files written and closed unflushed (a fresh folder of
/// new files), on Linux 5.8 and later, where that flush reports an error met writing any of them.
/// It is started before the first file is written: the flush reports only errors met after that.
pub struct FileSystemFlush(File);

impl FileSystemFlush {
    /// Starts watching the file system `folder` is on; `None` where each file needs a flush of its
    /// own ([`flush_files`]) and must stay open for it.
    pub fn start(folder: &Path) -> Option<io::Result<FileSystemFlush>> {
        // A folder is opened only to name its file system; nothing is read from it.
        #[allow(clippy::disallowed_methods)]
        let open = || File::open(folder).map(FileSystemFlush);
        FileSystemFlush::available().then(open)
    }

    /// Flushes the file system: every file written on it since [`FileSystemFlush::start`] is on
    /// disk, or an error met writing any of them is given.
    pub fn finish(self) -> io::Result<()> {
        flush_file_system(&self.0)
    }
}

impl FileSystemFlush {
    /// True where a flush of a whole file system reports errors (Linux 5.8 and later): files may
    /// then be closed unflushed and flushed with their file system.
    pub fn available() -> bool {
        syncfs_reports_errors()
    }

    /// The flush of the file system `file` (open, written but not flushed) is on, reporting the
    /// errors met writing any file there since `file` was opened: the first of several files
    /// written one after another on it watches for all of them.
    pub fn of(file: &File) -> io::Result<FileSystemFlush> {
        file.try_clone().map(FileSystemFlush)
    }
}

/// Which file system (device) `file` is on.
#[cfg(unix)]
pub(crate) fn device_of(file: &File) -> io::Result<u64> {
    use std::os::unix::fs::MetadataExt;
    file.metadata().map(|metadata| metadata.dev())
}

#[cfg(not(unix))]
pub(crate) fn device_of(_file: &File) -> io::Result<u64> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// Flushes the whole file system `file` is on.
#[cfg(target_os = "linux")]
fn flush_file_system(file: &File) -> io::Result<()> {
    rustix::fs::syncfs(file).map_err(io::Error::from)
}

/// Only made where a whole file system cannot be flushed: never called.
#[cfg(not(target_os = "linux"))]
fn flush_file_system(file: &File) -> io::Result<()> {
    file.sync_all()
}

/// Flushes each file with its own `fsync`, several at a time.
fn flush_each(files: &[&File]) -> Vec<io::Result<()>> {
    several_at_a_time(files.to_vec(), |file| file.sync_all())
}

/// `work` done on each of `items`, several at a time, for work that waits on the disk rather than
/// the processor (a flush of each file); the results in the order of `items`.
fn several_at_a_time<T: Send, R: Send>(items: Vec<T>, work: impl Fn(T) -> R + Sync + Send) -> Vec<R> {
    if items.len() < 2 {
        return items.into_iter().map(work).collect();
    }
    match waiters() {
        Some(pool) => pool.install(|| items.into_par_iter().map(&work).collect()),
        None => items.into_iter().map(work).collect(),
    }
}

/// The pool that waits on the disk, made once per run (a run may flush many batches): a
/// pool of its own, since the global one has a thread per core and is busy with checks.
pub(crate) fn waiters() -> Option<&'static rayon::ThreadPool> {
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
    // Asked for each file of a batch: the kernel is asked once.
    static REPORTS: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *REPORTS.get_or_init(|| kernel_at_least(&rustix::system::uname().release().to_string_lossy(), (5, 8)))
}

/// Elsewhere a whole file system is never flushed for the files on it.
#[cfg(not(target_os = "linux"))]
fn syncfs_reports_errors() -> bool {
    false
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

    #[test]
    fn files_closed_unflushed_are_flushed_with_their_file_system() {
        let folder = tempfile::tempdir().expect("temp dir");
        // Where each file needs a flush of its own, files are never closed unflushed: nothing to test.
        if let Some(flush) = FileSystemFlush::start(folder.path()) {
            let flush = flush.expect("a folder there");
            drop(files_in(folder.path(), 5));
            flush.finish().expect("flushed");
            let missing = FileSystemFlush::start(&folder.path().join("missing"));
            assert!(missing.is_some_and(|started| started.is_err()), "a missing folder is an error");
        }
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
