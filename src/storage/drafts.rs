//! Drafts of unsaved work, written while the author edits (mode 0600) and offered back at the next start.
//!
//! A draft is a small JSON file in the data folder's `drafts/` named after the manifest's path
//! (or after the session, for a manifest not saved yet) and after the wizard that wrote it. It holds
//! the manifest exactly as a save would write it, so recovering it and saving gives the file the
//! author would have had.
//!
//! Each running wizard holds an advisory lock on its own lock file (`PID-STARTED.lock`) for as long
//! as it runs. A draft whose writer still holds its lock belongs to that wizard: another wizard on
//! the same file never offers it as unsaved work, and never removes it. Once the writer has ended
//! (normally, by a signal or killed), the lock is gone and the draft is offered to whoever comes next.

use super::recent::data_dir;
use fs4::fs_std::FileExt;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::File;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

pub use super::draft_changes::{differences, saved_after};

/// Unsaved work: the manifest's text and where it belongs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The file the work belongs to; None for a new manifest never saved.
    pub path: Option<PathBuf>,
    /// When it was written, in seconds since 1970.
    pub written_at: u64,
    /// The manifest as a save would write it.
    pub manifest: String,
    /// The wizard's undo history as JSON text, so recovered work can be undone change by change
    /// (None in drafts written without one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<String>,
}

/// One run of the wizard: its process id and when it started (process ids are reused, the pair is not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Instance {
    /// The process id of the run.
    pub pid: u32,
    /// Milliseconds since 1970 when the run started.
    pub started: u64,
}

impl Instance {
    /// This process, started now.
    pub fn this_process() -> Self {
        let started = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |time| time.as_millis());
        Instance { pid: std::process::id(), started: u64::try_from(started).unwrap_or(u64::MAX) }
    }

    fn parse(text: &str) -> Option<Self> {
        let (pid, started) = text.split_once('-')?;
        Some(Instance { pid: pid.parse().ok()?, started: started.parse().ok()? })
    }
}

impl std::fmt::Display for Instance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.pid, self.started)
    }
}

/// Which work a draft holds (a manifest's path, or a new manifest of one session), and for a draft
/// found on disk, which file it is. A key made by [`DraftKey::for_path`] or [`DraftKey::for_new`]
/// names the draft of the wizard that uses it; it never reaches another wizard's draft.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DraftKey {
    work: String,
    /// The stored file's name without `.json`, for a draft found on disk; None for this wizard's own.
    stored: Option<String>,
}

impl DraftKey {
    /// The key of the draft of the manifest at `path`.
    pub fn for_path(path: &Path) -> Self {
        let absolute = std::fs::canonicalize(path)
            .unwrap_or_else(|_| std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()));
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        absolute.hash(&mut hasher);
        let stem = absolute.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_default();
        let stem: String =
            stem.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_')).take(40).collect();
        DraftKey { work: format!("{stem}-{:016x}", hasher.finish()), stored: None }
    }

    /// A key for a new manifest of this session.
    pub fn for_new() -> Self {
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |time| time.as_nanos());
        DraftKey { work: format!("new-{}-{nanos}", std::process::id()), stored: None }
    }

    /// True when both keys are about the same work (the same manifest file), whoever wrote them.
    pub fn same_work(&self, other: &DraftKey) -> bool {
        self.work == other.work
    }

    /// The key of a stored file named `stem.json`, and the wizard that wrote it (None for a draft of an
    /// older version, which named drafts after the work only).
    fn from_stored(stem: &str) -> (Self, Option<Instance>) {
        let (work, owner) = match stem.rsplit_once('.').and_then(|(work, owner)| Some((work, Instance::parse(owner)?)))
        {
            Some((work, owner)) => (work, Some(owner)),
            None => (stem, None),
        };
        (DraftKey { work: work.to_owned(), stored: Some(stem.to_owned()) }, owner)
    }
}

/// Other drafts of one manifest than this wizard's own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OtherDrafts {
    /// Drafts of wizards still running.
    pub running: usize,
    /// Drafts left by wizards that ended without saving.
    pub ended: usize,
}

/// The drafts folder as one wizard sees it: its own drafts, and the drafts other wizards left.
#[derive(Debug)]
pub struct Drafts {
    /// The `drafts/` folder; None when there is no data folder (no HOME).
    dir: Option<PathBuf>,
    me: Instance,
    /// This wizard's lock file, locked for as long as the store lives.
    lock: Option<(PathBuf, File)>,
    /// Why the folder is not used (another user's, or writable by others): nothing is read from
    /// it or written to it.
    refused: Option<String>,
    /// The draft files that could not be read, by name, with why: said once, not offered.
    passed_over: Mutex<BTreeMap<String, String>>,
}

impl Drafts {
    /// The drafts of the data folder, as this process sees them; this process's lock is taken.
    pub fn open() -> Self {
        let data = data_dir();
        let dir = data.as_ref().map(|dir| dir.join("drafts"));
        // The data folder too: whoever may write in it could put a drafts folder of their own there.
        if let Some(Err(refused)) = data.as_deref().map(super::check_private_folder) {
            return Drafts {
                dir,
                me: Instance::this_process(),
                lock: None,
                refused: Some(refused),
                passed_over: Mutex::default(),
            };
        }
        Self::at(dir, Instance::this_process())
    }

    /// The drafts in `dir` as the wizard `me` sees them; `me`'s lock is taken (and released when the
    /// store is dropped). Tests run several stores with made-up instances in one process.
    pub fn at(dir: Option<PathBuf>, me: Instance) -> Self {
        // The drafts folder must be this user's alone: whoever else may write there could plant
        // drafts, or links in place of lock files.
        let refused = dir.as_deref().and_then(|dir| super::check_private_folder(dir).err());
        let mut drafts = Drafts { dir, me, lock: None, refused, passed_over: Mutex::default() };
        drafts.take_lock();
        drafts
    }

    /// Why drafts are neither read nor written here, if they are not.
    pub fn refused(&self) -> Option<&str> {
        self.refused.as_deref()
    }

    /// The wizard these drafts are written for.
    pub fn me(&self) -> Instance {
        self.me
    }

    /// Creates the folder and locks this wizard's lock file, unless done already. A folder that
    /// cannot be written is reported by [`Drafts::write`].
    fn take_lock(&mut self) {
        let Some(dir) = self.dir.as_deref().filter(|_| self.lock.is_none() && self.refused.is_none()) else { return };
        if create_private_dir(dir).is_err() {
            return;
        }
        let path = lock_path(dir, self.me);
        let file = open_lock(&path, true);
        if let Ok(file) = file
            && FileExt::try_lock_exclusive(&file).unwrap_or(false)
        {
            let _ = restrict(&path);
            self.lock = Some((path, file));
        }
    }

    fn file(&self, key: &DraftKey) -> Option<PathBuf> {
        let name = key.stored.clone().unwrap_or_else(|| format!("{}.{}", key.work, self.me));
        Some(self.dir.as_ref()?.join(format!("{name}.json")))
    }

    /// Writes this wizard's draft of `key`'s work atomically, readable by its owner only.
    pub fn write(&mut self, key: &DraftKey, draft: &Draft) -> Result<(), String> {
        write_draft_file(&self.file_to_write(key)?, draft)
    }

    /// Where this wizard's draft of `key`'s work is written, the folder made and the lock taken: the
    /// quick part of [`Drafts::write`], so that [`write_draft_file`] can run on a thread of its own.
    pub fn file_to_write(&mut self, key: &DraftKey) -> Result<PathBuf, String> {
        let dir = self.dir.clone().ok_or("there is no data folder for drafts (is HOME set?)")?;
        if let Some(refused) = &self.refused {
            return Err(refused.clone());
        }
        create_private_dir(&dir).map_err(|error| format!("cannot create {}: {error}", dir.display()))?;
        self.take_lock();
        self.file(key).ok_or_else(|| "there is no data folder for drafts (is HOME set?)".into())
    }

    /// The draft stored under `key`, if any (an unreadable one counts as none, and is noted for
    /// [`Drafts::passed_over`]). Only a regular file this user owns, not reached through a link, and
    /// within the limit of a draft is read: a FIFO or a device planted in the folder is never waited
    /// on, another user's draft never offered.
    pub fn load(&self, key: &DraftKey) -> Option<Draft> {
        if self.refused.is_some() {
            return None;
        }
        let file = self.file(key)?;
        let why = match super::read_own_file(&file, super::FileKind::Draft) {
            Ok(bytes) => match serde_json::from_slice(&bytes) {
                Ok(draft) => return Some(draft),
                Err(error) => format!("it is not a draft this version can read ({error})"),
            },
            // Removed since the folder was listed (recovered or discarded by another wizard).
            Err(super::ReadError::NotFound) => return None,
            Err(error) => error.to_string(),
        };
        let name = file.file_name().map_or_else(String::new, |name| name.to_string_lossy().into_owned());
        self.passed_over.lock().unwrap_or_else(PoisonError::into_inner).insert(name, why);
        None
    }

    /// What to say, once, about the drafts that could not be read and were passed over: which, why,
    /// and what to do. `None` when every draft could be read.
    pub fn passed_over(&self) -> Option<String> {
        let passed_over = self.passed_over.lock().unwrap_or_else(PoisonError::into_inner);
        let dir = self.dir.as_ref()?;
        if passed_over.is_empty() {
            return None;
        }
        let files: Vec<String> = passed_over.iter().map(|(name, why)| format!("{name}: {why}")).collect();
        let count = match passed_over.len() {
            1 => "1 draft".to_owned(),
            count => format!("{count} drafts"),
        };
        Some(format!(
            "{count} in {} could not be read and {} passed over ({}); move {} away or remove {} to stop this note",
            dir.display(),
            if passed_over.len() == 1 { "was" } else { "were" },
            files.join("; "),
            if passed_over.len() == 1 { "it" } else { "them" },
            if passed_over.len() == 1 { "it" } else { "them" },
        ))
    }

    /// Removes the draft under `key`: this wizard's own, or one of an ended wizard that was recovered.
    /// A running wizard's draft is never removed; a missing draft is fine.
    pub fn remove(&self, key: &DraftKey) {
        if let Some(stem) = &key.stored
            && self.running(DraftKey::from_stored(stem).1)
        {
            return;
        }
        if let Some(file) = self.file(key) {
            let _ = std::fs::remove_file(file);
        }
    }

    /// Drafts left by wizards that have ended, to be offered back, newest first.
    pub fn orphans(&self) -> Vec<(DraftKey, Draft)> {
        if let Some(dir) = self.dir.as_ref().filter(|_| self.refused.is_none()) {
            remove_stale_temporary_files(dir);
        }
        let orphans: Vec<(DraftKey, Draft)> = self
            .stored()
            .into_iter()
            .filter(|(_, owner, _)| !self.running(*owner))
            .map(|(key, _, draft)| (key, draft))
            .collect();
        self.remove_stale_locks();
        orphans
    }

    /// Drafts of the same work as `key` left by wizards that have ended, newest first.
    pub fn orphans_of(&self, key: &DraftKey) -> Vec<(DraftKey, Draft)> {
        self.orphans().into_iter().filter(|(stored, _)| stored.same_work(key)).collect()
    }

    /// The drafts of the same work as `key` that are not this wizard's.
    pub fn others_of(&self, key: &DraftKey) -> OtherDrafts {
        let mut others = OtherDrafts::default();
        for (stored, owner, _) in self.stored() {
            if !stored.same_work(key) || owner == Some(self.me) {
                continue;
            }
            if self.running(owner) {
                others.running += 1;
            } else {
                others.ended += 1;
            }
        }
        others
    }

    /// Every stored draft with its key and writer, newest first.
    fn stored(&self) -> Vec<(DraftKey, Option<Instance>, Draft)> {
        let Some(dir) = self.dir.as_ref().filter(|_| self.refused.is_none()) else { return Vec::new() };
        // Listing a folder cannot block; each draft is then read by `load`, which checks it.
        #[allow(clippy::disallowed_methods)]
        let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
        let mut drafts: Vec<(DraftKey, Option<Instance>, Draft)> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                let stem = name.strip_suffix(".json").filter(|stem| !stem.starts_with('.'))?;
                let (key, owner) = DraftKey::from_stored(stem);
                self.load(&key).map(|draft| (key, owner, draft))
            })
            .collect();
        drafts.sort_by_key(|(_, _, draft)| std::cmp::Reverse(draft.written_at));
        drafts
    }

    /// True when `owner` is this wizard or another one still running (it holds its lock).
    fn running(&self, owner: Option<Instance>) -> bool {
        match (owner, &self.dir) {
            (Some(owner), _) if owner == self.me => true,
            (Some(owner), Some(dir)) => lock_held(&lock_path(dir, owner)),
            _ => false,
        }
    }

    /// Removes the lock files wizards killed outright left behind, once they hold no draft. Only old
    /// ones: a wizard that is starting creates its lock file an instant before it locks it.
    fn remove_stale_locks(&self) {
        let Some(dir) = self.dir.as_ref().filter(|_| self.refused.is_none()) else { return };
        // Listing a folder cannot block; only names and ages are looked at.
        #[allow(clippy::disallowed_methods)]
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        let writers: Vec<Option<Instance>> = self.stored().into_iter().map(|(_, owner, _)| owner).collect();
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(owner) = name.strip_suffix(".lock").and_then(Instance::parse) else { continue };
            let old = entry.metadata().and_then(|m| m.modified()).ok().and_then(|time| time.elapsed().ok());
            if owner != self.me
                && old.is_some_and(|age| age.as_secs() > 60)
                && !writers.contains(&Some(owner))
                && !lock_held(&entry.path())
            {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

impl Drafts {
    /// This wizard ends: its drafts now belong to whoever opens them next.
    pub fn release(&mut self) {
        if let Some((path, file)) = self.lock.take() {
            // Removed before it is unlocked: a wizard that finds no lock file knows its owner has ended.
            let _ = std::fs::remove_file(path);
            drop(file);
        }
    }
}

impl Drop for Drafts {
    fn drop(&mut self) {
        self.release();
    }
}

fn lock_path(dir: &Path, owner: Instance) -> PathBuf {
    dir.join(format!("{owner}.lock"))
}

/// True when a running wizard holds the lock file at `path`. A missing file, or one whose lock can
/// be taken, means that wizard has ended.
fn lock_held(path: &Path) -> bool {
    let Ok(file) = open_lock(path, false) else { return false };
    // Called through the trait: Rust 1.89 gave `File` methods of the same name with other types.
    matches!(FileExt::try_lock_shared(&file), Ok(false))
}

/// Opens a lock file, creating it (mode 0600) when `create`: never through a symbolic link (a link
/// planted in its place would have its target created or locked), and never waiting on a FIFO.
fn open_lock(path: &Path, create: bool) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    if create {
        options.create(true).truncate(false).write(true);
    } else {
        options.read(true);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    // Nothing is read from a lock file: it is only locked. The flags above keep the open from
    // following a link or blocking.
    #[allow(clippy::disallowed_methods)]
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    Ok(file)
}

/// Writes `draft` to `file` (given by [`Drafts::file_to_write`]) atomically, readable by its owner only.
pub(crate) fn write_draft_file(file: &Path, draft: &Draft) -> Result<(), String> {
    let text = serde_json::to_string(draft).map_err(|error| error.to_string())?;
    super::save_private(file, text.as_bytes()).map_err(|error| error.to_string())?;
    restrict(file).map_err(|error| format!("cannot make {} private: {error}", file.display()))
}

/// Seconds since 1970, now.
pub(crate) fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |time| time.as_secs())
}
/// Removes what a write cut short by a kill left behind: temporary files older than a minute.
fn remove_stale_temporary_files(dir: &Path) {
    // Listing a folder cannot block; only names and ages are looked at.
    #[allow(clippy::disallowed_methods)]
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let old = entry.metadata().and_then(|m| m.modified()).ok().and_then(|time| time.elapsed().ok());
        if name.starts_with(".integration-wizard-") && old.is_some_and(|age| age.as_secs() > 60) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

#[cfg(unix)]
fn restrict(file: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600))
}

#[cfg(not(unix))]
fn restrict(_file: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_follow_the_path_and_name_the_file() {
        let a = DraftKey::for_path(Path::new("/tmp/one/mycrm.json"));
        let b = DraftKey::for_path(Path::new("/tmp/two/mycrm.json"));
        assert_ne!(a, b);
        assert!(a.work.starts_with("mycrm-"));
        assert_eq!(a, DraftKey::for_path(Path::new("/tmp/one/mycrm.json")));
    }

    fn draft(text: &str, written_at: u64) -> Draft {
        Draft { path: Some(PathBuf::from("/home/mycrm.json")), written_at, manifest: text.to_owned(), history: None }
    }

    #[test]
    fn drafts_that_cannot_be_read_are_passed_over_and_said_once() {
        let folder = tempfile::tempdir().expect("a folder");
        let (mut first, second) = two_wizards(folder.path());
        let key = DraftKey::for_path(Path::new("/srv/mycrm.json"));
        first.write(&key, &draft("kept", 1)).expect("a draft");
        first.release();
        std::fs::write(folder.path().join("garbled-1.9-9.json"), "not a draft").expect("write");
        #[cfg(unix)]
        std::os::unix::fs::symlink("/dev/zero", folder.path().join("linked-2.9-9.json")).expect("link");
        assert_eq!(second.orphans().len(), 1, "only the readable draft is offered");
        let said = second.passed_over().expect("the others are said");
        assert!(said.contains("garbled-1.9-9.json: it is not a draft this version can read"), "{said}");
        #[cfg(unix)]
        assert!(said.contains("linked-2.9-9.json: it is a symbolic link") && said.starts_with("2 drafts"), "{said}");
        assert!(said.contains("remove them"), "{said}");
    }

    /// Two wizards (made-up process ids) sharing one drafts folder.
    fn two_wizards(dir: &Path) -> (Drafts, Drafts) {
        let first = Drafts::at(Some(dir.to_path_buf()), Instance { pid: 4001, started: 1_000 });
        let second = Drafts::at(Some(dir.to_path_buf()), Instance { pid: 4002, started: 2_000 });
        (first, second)
    }

    #[test]
    fn two_wizards_on_one_file_each_write_their_own_draft() {
        let folder = tempfile::tempdir().expect("a folder");
        let (mut first, mut second) = two_wizards(folder.path());
        let key = DraftKey::for_path(Path::new("/home/mycrm.json"));
        first.write(&key, &draft("first", 1)).expect("the first draft");
        second.write(&key, &draft("second", 2)).expect("the second draft");

        assert_eq!(first.load(&key).map(|d| d.manifest).as_deref(), Some("first"));
        assert_eq!(second.load(&key).map(|d| d.manifest).as_deref(), Some("second"));
        // A running wizard's draft is never offered as unsaved work of an ended session.
        assert_eq!(first.orphans_of(&key), Vec::new());
        assert_eq!(second.orphans(), Vec::new());
        assert_eq!(second.others_of(&key), OtherDrafts { running: 1, ended: 0 });

        // Saving in the second removes its own draft only.
        second.remove(&key);
        assert_eq!(second.load(&key), None);
        assert_eq!(first.load(&key).map(|d| d.manifest).as_deref(), Some("first"));
        assert_eq!(second.others_of(&key), OtherDrafts { running: 1, ended: 0 });
    }

    #[test]
    fn a_draft_is_offered_once_the_wizard_that_wrote_it_has_ended() {
        let folder = tempfile::tempdir().expect("a folder");
        let (mut first, second) = two_wizards(folder.path());
        let key = DraftKey::for_path(Path::new("/srv/mycrm.json"));
        first.write(&key, &draft("first", 1)).expect("the first draft");
        drop(first);

        let orphans = second.orphans_of(&key);
        assert_eq!(orphans.len(), 1, "{orphans:?}");
        assert_eq!(orphans[0].1.manifest, "first");
        assert_eq!(second.others_of(&key), OtherDrafts { running: 0, ended: 1 });
        // Recovered and saved: the ended wizard's draft can be removed now.
        second.remove(&orphans[0].0);
        assert_eq!(second.orphans(), Vec::new());
    }

    #[test]
    fn a_wizard_killed_outright_leaves_a_lock_nobody_holds() {
        let folder = tempfile::tempdir().expect("a folder");
        let (mut first, second) = two_wizards(folder.path());
        let key = DraftKey::for_path(Path::new("/srv/mycrm.json"));
        first.write(&key, &draft("first", 1)).expect("the first draft");
        // As after SIGKILL: the lock file stays, but the lock went with the process.
        let (_, file) = first.lock.take().expect("the first wizard's lock");
        drop(file);
        assert_eq!(second.orphans_of(&key).len(), 1);
    }

    #[test]
    fn a_running_wizards_draft_is_not_removed_by_another() {
        let folder = tempfile::tempdir().expect("a folder");
        let (mut first, second) = two_wizards(folder.path());
        let key = DraftKey::for_path(Path::new("/srv/mycrm.json"));
        first.write(&key, &draft("first", 1)).expect("the first draft");
        let stored = second.stored();
        assert_eq!(stored.len(), 1);
        second.remove(&stored[0].0);
        assert_eq!(first.load(&key).map(|d| d.manifest).as_deref(), Some("first"));
    }

    #[test]
    fn drafts_of_an_older_version_are_offered() {
        let folder = tempfile::tempdir().expect("a folder");
        let key = DraftKey::for_path(Path::new("/home/mycrm.json"));
        let text = serde_json::to_string(&draft("old", 1)).expect("json");
        std::fs::write(folder.path().join(format!("{}.json", key.work)), text).expect("an old draft");
        let store = Drafts::at(Some(folder.path().to_path_buf()), Instance { pid: 4003, started: 3_000 });
        let orphans = store.orphans_of(&key);
        assert_eq!(orphans.len(), 1);
        assert_eq!(orphans[0].1.manifest, "old");
    }

    #[cfg(unix)]
    fn private_folder() -> tempfile::TempDir {
        use std::os::unix::fs::PermissionsExt;
        let folder = tempfile::tempdir().expect("a folder");
        std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o700)).expect("chmod");
        folder
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_planted_as_a_link_is_not_followed() {
        use std::os::unix::fs::PermissionsExt;
        let folder = private_folder();
        let elsewhere = tempfile::tempdir().expect("another folder");
        let target = elsewhere.path().join("victim");
        std::fs::write(&target, "mine").expect("a file");
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let me = Instance { pid: 4101, started: 1 };
        std::os::unix::fs::symlink(&target, lock_path(folder.path(), me)).expect("a planted link");
        let missing = elsewhere.path().join("created?");
        let other = Instance { pid: 4102, started: 1 };
        std::os::unix::fs::symlink(&missing, lock_path(folder.path(), other)).expect("a dangling link");

        let store = Drafts::at(Some(folder.path().to_path_buf()), me);
        let _second = Drafts::at(Some(folder.path().to_path_buf()), other);
        assert!(store.lock.is_none(), "no lock is taken through a link");
        let mode = std::fs::metadata(&target).expect("the target").permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "the link's target is not chmodded");
        assert!(!missing.exists(), "the dangling link's target is not created");
    }

    #[cfg(unix)]
    #[test]
    fn a_drafts_folder_others_may_write_in_is_neither_read_nor_written() {
        use std::os::unix::fs::PermissionsExt;
        let folder = private_folder();
        let key = DraftKey::for_path(Path::new("/home/mycrm.json"));
        let text = serde_json::to_string(&draft("planted", 1)).expect("json");
        std::fs::write(folder.path().join(format!("{}.json", key.work)), text).expect("a draft");
        std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o777)).expect("chmod");
        let mut store = Drafts::at(Some(folder.path().to_path_buf()), Instance { pid: 4103, started: 1 });
        assert_eq!(store.orphans(), Vec::new(), "nothing is offered from it");
        let error = store.write(&key, &draft("mine", 2)).expect_err("nothing is written to it");
        assert!(error.contains("chmod go-w"), "{error}");
        assert_eq!(store.refused(), Some(error.as_str()));
    }

    #[cfg(unix)]
    #[test]
    fn a_draft_another_user_owns_is_never_offered() {
        use std::os::unix::fs::MetadataExt;
        let folder = private_folder();
        if std::fs::metadata(folder.path()).expect("the folder").uid() != 0 {
            eprintln!("skipped: giving a file to another user needs root");
            return;
        }
        let key = DraftKey::for_path(Path::new("/home/mycrm.json"));
        let text = serde_json::to_string(&draft("someone else's", 1)).expect("json");
        let file = folder.path().join(format!("{}.json", key.work));
        std::fs::write(&file, text).expect("a draft");
        let store = Drafts::at(Some(folder.path().to_path_buf()), Instance { pid: 4104, started: 1 });
        assert_eq!(store.orphans_of(&key).len(), 1, "offered while it is this user's");
        std::os::unix::fs::chown(&file, Some(65534), Some(65534)).expect("chown to nobody");
        assert_eq!(store.orphans_of(&key), Vec::new(), "never offered once another user's");
    }

    #[test]
    fn a_draft_that_cannot_be_written_says_why() {
        let folder = tempfile::tempdir().expect("a folder");
        let not_a_folder = folder.path().join("file");
        std::fs::write(&not_a_folder, "").expect("a file");
        let mut store = Drafts::at(Some(not_a_folder.join("drafts")), Instance { pid: 4004, started: 4_000 });
        let error = store.write(&DraftKey::for_new(), &draft("lost?", 1)).expect_err("no folder to write in");
        assert!(error.starts_with("cannot create "), "{error}");
        let mut store = Drafts::at(None, Instance { pid: 4005, started: 5_000 });
        let error = store.write(&DraftKey::for_new(), &draft("lost?", 1)).expect_err("no data folder");
        assert!(error.contains("HOME"), "{error}");
    }
}
