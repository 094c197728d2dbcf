//! The files a batch replaces, let go of on other threads while the renames go on.
//!
//! A rename over a file frees the old file's blocks while the folder is still locked, so a batch's
//! renames free them one after another. Where the disk is told of every freed block at once (ext4
//! without a journal, mounted with `discard`), each is a wait for the disk: 5,000 such waits took
//! about 0.5 s, where the renames themselves take 70 ms. Holding each replaced file across its
//! rename moves the freeing to the moment it is let go, outside the folder's lock, on the threads
//! that wait on the disk, where several waits overlap each other and the renames still to come.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A replaced file kept from being freed until it is let go; empty where it could not be held (the
/// file was gone, or the system cannot hold a file without opening it to read).
pub(super) struct Held {
    /// Kept for its drop, which lets the file go.
    #[cfg(target_os = "linux")]
    _file: Option<rustix::fd::OwnedFd>,
}

/// Holds the file at `target` (if there is one) before something is renamed over it.
#[cfg(target_os = "linux")]
pub(super) fn hold(target: &Path) -> Held {
    use rustix::fs::{Mode, OFlags};
    // `O_PATH` names the file without opening it to read or write: nothing is read, a FIFO does
    // not block, and no permission beyond reaching the folder is needed.
    Held { _file: rustix::fs::open(target, OFlags::PATH | OFlags::CLOEXEC | OFlags::NOFOLLOW, Mode::empty()).ok() }
}

/// Elsewhere nothing is held: the rename frees the file as it always does.
#[cfg(not(target_os = "linux"))]
pub(super) fn hold(_target: &Path) -> Held {
    Held {}
}

/// How many held files are let go of together on one thread.
const TOGETHER: usize = 32;
/// At most this many held files wait to be let go (each is an open file): past it, the thread that
/// renames lets go of its own.
const MOST_WAITING: usize = 256;

/// Runs `work`, which hands held files to the [`LettingGo`] it is given; they are let go of on the
/// threads that wait on the disk while `work` goes on. Returns once every file was let go of.
pub(super) fn letting_go<R>(work: impl FnOnce(&mut LettingGo<'_, '_>) -> R) -> R {
    let waiting = Arc::new(AtomicUsize::new(0));
    match crate::storage::flush::waiters() {
        Some(pool) => pool.in_place_scope(|scope| {
            let mut letting = LettingGo { scope: Some(scope), waiting, held: Vec::new() };
            let result = work(&mut letting);
            letting.send();
            result
        }),
        None => {
            let mut letting = LettingGo { scope: None, waiting, held: Vec::new() };
            work(&mut letting)
        }
    }
}

/// Where held files go to be let go of ([`letting_go`]).
pub(super) struct LettingGo<'a, 'scope> {
    /// The threads that let go; none where they could not be made (files are let go of here).
    scope: Option<&'a rayon::Scope<'scope>>,
    /// How many files were sent and are not let go of yet.
    waiting: Arc<AtomicUsize>,
    /// Files not sent yet.
    held: Vec<Held>,
}

impl LettingGo<'_, '_> {
    /// Lets go of `held` soon, on another thread.
    pub(super) fn add(&mut self, held: Held) {
        self.held.push(held);
        if self.held.len() >= TOGETHER {
            self.send();
        }
    }

    /// Sends the files held to a thread to let go of; lets go of them here when too many wait.
    fn send(&mut self) {
        let held = std::mem::take(&mut self.held);
        let count = held.len();
        match self.scope {
            Some(scope) if self.waiting.load(Ordering::Acquire) + count <= MOST_WAITING => {
                self.waiting.fetch_add(count, Ordering::AcqRel);
                let waiting = Arc::clone(&self.waiting);
                scope.spawn(move |_| {
                    drop(held);
                    waiting.fetch_sub(count, Ordering::AcqRel);
                });
            }
            _ => drop(held),
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use std::fs;

    impl Held {
        /// True when a file is held.
        fn holds(&self) -> bool {
            #[cfg(target_os = "linux")]
            return self._file.is_some();
            #[cfg(not(target_os = "linux"))]
            return false;
        }
    }

    /// How many files this process has open inside `folder` (other tests' files are elsewhere).
    #[cfg(target_os = "linux")]
    pub(in crate::storage::save) fn open_in(folder: &Path) -> usize {
        let folder = fs::canonicalize(folder).expect("the folder");
        let open = fs::read_dir("/proc/self/fd").expect("list open files").flatten();
        open.filter(|entry| fs::read_link(entry.path()).is_ok_and(|target| target.starts_with(&folder))).count()
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_replaced_file_is_held_until_let_go() {
        use std::os::unix::fs::MetadataExt;
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("m.json");
        let new = folder.path().join("new.json");
        fs::write(&path, "old").expect("write");
        fs::write(&new, "new").expect("write");
        let old_inode = fs::metadata(&path).expect("stat").ino();
        let held = hold(&path);
        assert!(held.holds());
        fs::rename(&new, &path).expect("rename");
        // The held file is the old one, no longer linked anywhere, but not freed yet.
        let stat = rustix::fs::fstat(held._file.as_ref().expect("held")).expect("fstat of the held file");
        assert_eq!((stat.st_ino, stat.st_nlink), (old_inode, 0));
        assert_eq!(open_in(folder.path()), 1, "the old file, removed from the folder, is held");
        letting_go(|letting| letting.add(held));
        assert_eq!(open_in(folder.path()), 0, "and let go");
        assert_eq!(fs::read(&path).expect("read"), b"new");
        assert!(!hold(&folder.path().join("missing.json")).holds(), "nothing to hold");
    }

    #[test]
    fn every_file_handed_over_is_let_go_of_before_it_returns() {
        let folder = tempfile::tempdir().expect("temp dir");
        let paths: Vec<_> = (0..(MOST_WAITING * 3 + 7)).map(|n| folder.path().join(format!("{n}.json"))).collect();
        for path in &paths {
            fs::write(path, "x").expect("write");
        }
        let most = letting_go(|letting| {
            let mut most = 0;
            for path in &paths {
                letting.add(hold(path));
                most = most.max(letting.waiting.load(Ordering::Acquire) + letting.held.len());
            }
            most
        });
        assert!(
            most <= MOST_WAITING + TOGETHER,
            "at most {MOST_WAITING} wait, and the {TOGETHER} not sent yet: {most}"
        );
        #[cfg(target_os = "linux")]
        assert_eq!(open_in(folder.path()), 0, "every file was let go of");
        assert_eq!(fs::read_dir(folder.path()).expect("list").count(), paths.len(), "letting go removes nothing");
        letting_go(|_| ());
    }
}
