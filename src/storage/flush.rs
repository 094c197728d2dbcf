//! Flushing many files to disk together: a small pool of threads waits on the disk for several
//! files at once (the file system commits them together), and each folder is flushed once.

use rayon::prelude::*;
use std::fs::File;
use std::io;
use std::path::Path;

/// How many files are flushed at the same time. Flushing waits on the disk, not the processor,
/// so the pool has more threads than the machine has cores.
const FLUSHERS: usize = 8;

/// Flushes every file in `files` to disk (`fsync`), several at a time; returns each file's result,
/// in the order given.
pub fn flush_files(files: &[&File]) -> Vec<io::Result<()>> {
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

    #[test]
    fn every_file_gets_its_own_result_in_order() {
        let folder = tempfile::tempdir().expect("temp dir");
        let files: Vec<File> = (0..20)
            .map(|n| {
                let path = folder.path().join(format!("{n}.json"));
                std::fs::write(&path, n.to_string()).expect("write");
                File::open(&path).expect("open")
            })
            .collect();
        let results = flush_files(&files.iter().collect::<Vec<_>>());
        assert_eq!(results.len(), 20);
        assert!(results.iter().all(Result::is_ok), "{results:?}");
        assert!(flush_files(&[]).is_empty());
        sync_folder(folder.path()).expect("a folder flushes");
        assert!(sync_folder(&folder.path().join("missing")).is_err());
    }
}
