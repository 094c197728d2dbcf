//! Keeps this wizard's draft in step with the work: written soon after a change, removed when the
//! work matches the file again (saved, or an edit cancelled), and a failure said to the author.
//!
//! A draft is turned into JSON and written on a thread of its own: for a manifest of 50 MB that
//! takes seconds, and the loop must go on reading keys meanwhile. The loop only copies the manifest
//! (a copy of memory) and hands the copy over. One write is under way at a time; a change made
//! meanwhile is written when it ends, and a removal waits for it, so drafts land in order. When an
//! edit ends, a draft known to be quick to write is waited for (see [`AT_ONCE`]).

use super::action::Action;
use super::app::App;
use crate::manifest::{Manifest, to_json};
use crate::storage::drafts::{Draft, DraftKey, Drafts, OtherDrafts, write_draft_file};
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Unsaved work reaches a draft at most this long after it was typed.
pub(super) const DRAFT_DELAY: Duration = Duration::from_millis(500);
/// How often the loop wakes up without events, to notice signals.
pub(super) const TICK: Duration = Duration::from_millis(200);
/// A draft smaller than this last time (an ordinary manifest is kilobytes) is written at once when
/// an edit ends, the loop waiting for it: a cancelled edit must leave no trace even if the process
/// is killed the next instant. Larger ones (a manifest of megabytes) are written in the background.
/// Told by size, not by time: what a write takes varies with the machine's load, a size does not.
const AT_ONCE: usize = 1 << 20;

/// Writes this wizard's drafts: soon after a change, not on every keystroke.
#[derive(Debug)]
pub(super) struct DraftWriter {
    pub store: Drafts,
    /// Where the draft of a new manifest (not saved yet) of this wizard goes.
    session: DraftKey,
    /// The document generation last written (or tried: a failed write is tried again at the next change).
    done: Option<u64>,
    /// This wizard's draft on disk, if any.
    on_disk: Option<DraftKey>,
    /// When the oldest change not written yet was made.
    pending_since: Option<Instant>,
    /// Why the last write failed.
    failure: Option<String>,
    /// How long a change waits for its draft: [`DRAFT_DELAY`], longer for a manifest so large that
    /// writing it takes a noticeable time, so that drafts never take more than a tenth of the time.
    delay: Duration,
    /// The write under way on its own thread, if any.
    in_flight: Option<InFlight>,
    /// How large the last draft written was; None before the first.
    last_size: Option<usize>,
}

/// A draft being written on a thread of its own.
#[derive(Debug)]
struct InFlight {
    key: DraftKey,
    /// The write's outcome, how long it took and how large the manifest was.
    handle: JoinHandle<Written>,
}

impl DraftWriter {
    pub(super) fn new(store: Drafts) -> Self {
        DraftWriter {
            store,
            session: DraftKey::for_new(),
            done: None,
            on_disk: None,
            pending_since: None,
            failure: None,
            delay: DRAFT_DELAY,
            in_flight: None,
            last_size: None,
        }
    }

    /// Where the draft of the work in progress is written.
    pub(super) fn key(&self, app: &App) -> DraftKey {
        match &app.doc.path {
            Some(path) => DraftKey::for_path(path),
            None => self.session.clone(),
        }
    }

    /// Every draft that holds this work (its file's, this wizard's new one, and those recovered into it).
    pub(super) fn work_keys(&self, app: &App, recovered: Vec<DraftKey>) -> Vec<DraftKey> {
        let mut keys = vec![self.key(app), self.session.clone()];
        keys.extend(recovered);
        keys.dedup();
        keys
    }

    /// Why drafts cannot be written, while they cannot.
    pub(super) fn failure(&self) -> Option<&str> {
        self.failure.as_deref()
    }

    /// Notes a change; returns how long the loop may wait before writing.
    pub(super) fn note(&mut self, app: &mut App) -> Duration {
        self.collect(app, false);
        if !app.doc.modified {
            // Nothing unsaved (saved, or the only change was cancelled): no draft may offer anything back.
            self.remove_own(app);
            return TICK;
        }
        if self.done == Some(app.doc.generation) {
            self.pending_since = None;
            return TICK;
        }
        let since = *self.pending_since.get_or_insert_with(Instant::now);
        self.delay.saturating_sub(since.elapsed()).min(TICK)
    }

    /// Starts writing the draft if a change has waited long enough (and no write is under way).
    pub(super) fn write_if_due(&mut self, app: &mut App) {
        self.note(app);
        if self.in_flight.is_none() && self.pending_since.is_some_and(|since| since.elapsed() >= self.delay) {
            self.write(app);
        }
    }

    /// Brings the draft up to date: after an edit ends (kept or cancelled). A removal is done at
    /// once; so is a write that is quick ([`AT_ONCE`]); a slow one starts now in the background, or
    /// as soon as the one under way ends.
    pub(super) fn sync(&mut self, app: &mut App) {
        // Drafts known to be quick are waited for, the one under way included.
        let at_once = self.last_size.is_some_and(|size| size < AT_ONCE);
        self.collect(app, at_once);
        if !app.doc.modified || app.work_discarded() {
            self.remove_own(app);
        } else if self.done != Some(app.doc.generation) || (self.on_disk.is_none() && self.in_flight.is_none()) {
            if self.in_flight.is_none() {
                self.write(app);
                if at_once {
                    self.settle(app);
                }
            } else {
                // Due at once: written by the loop as soon as the write under way has ended.
                self.done = None;
                self.pending_since = Some(Instant::now().checked_sub(self.delay).unwrap_or_else(Instant::now));
            }
        }
    }

    /// Brings the draft up to date and waits until it is on disk: before the process stops or ends.
    pub(super) fn sync_now(&mut self, app: &mut App) {
        self.settle(app);
        self.sync(app);
        self.settle(app);
    }

    /// Waits for the write under way, if any: before drafts are removed behind this writer's back.
    pub(super) fn settle(&mut self, app: &mut App) {
        self.collect(app, true);
    }

    /// The drafts of this work were removed (saved or discarded): nothing of this wizard's is on disk.
    pub(super) fn discarded(&mut self, app: &App) {
        self.done = Some(app.doc.generation);
        self.on_disk = None;
        self.pending_since = None;
    }

    /// Other wizards' drafts of the file at `path`, for the message after a save.
    pub(super) fn others_of(&self, path: &Path) -> OtherDrafts {
        self.store.others_of(&DraftKey::for_path(path))
    }

    fn remove_own(&mut self, app: &mut App) {
        // A write still under way would put the draft back after it was removed.
        self.collect(app, true);
        if let Some(key) = self.on_disk.take() {
            self.store.remove(&key);
        }
        self.pending_since = None;
    }

    /// Starts writing the draft on a thread of its own; the loop keeps only a copy of the manifest to make.
    fn write(&mut self, app: &mut App) {
        // A long text being edited reaches the manifest here at the latest.
        app.flush_editor();
        // An absolute path: the draft must find its file again from whatever folder the next start is in.
        let path = app.doc.path.as_ref().map(|path| std::path::absolute(path).unwrap_or_else(|_| path.clone()));
        // The undo history goes with the work, so recovered work can be undone change by change (it is
        // capped in size, so making its text here does not hold the loop up).
        let history = serde_json::to_string(&app.history_for_draft()).ok();
        let key = self.key(app);
        self.done = Some(app.doc.generation);
        self.pending_since = None;
        let file = match self.store.file_to_write(&key) {
            Ok(file) => file,
            Err(error) => return self.written(app, key, Err(error)),
        };
        let manifest = app.doc.manifest.clone();
        let handle = std::thread::spawn(move || write_on_its_own(file, path, &manifest, history));
        self.in_flight = Some(InFlight { key, handle });
    }

    /// Takes the outcome of the write under way once it has ended (waiting for it when `wait`).
    fn collect(&mut self, app: &mut App, wait: bool) {
        let Some(job) = self.in_flight.take_if(|job| wait || job.handle.is_finished()) else { return };
        let written = job.handle.join().unwrap_or_else(|_| Written {
            result: Err("the draft could not be written".into()),
            took: Duration::ZERO,
            size: 0,
        });
        self.delay = DRAFT_DELAY.max(written.took * 10);
        self.last_size = Some(written.size);
        self.written(app, job.key, written.result);
    }

    /// Notes where the draft is now, or says why it could not be written.
    fn written(&mut self, app: &mut App, key: DraftKey, result: Result<(), String>) {
        match result {
            Ok(()) => {
                if let Some(old) = self.on_disk.replace(key.clone()).filter(|old| *old != key) {
                    // The work moved to another file (saved under a new name): one draft of it is enough.
                    self.store.remove(&old);
                }
                if self.failure.take().is_some() {
                    app.update(Action::DraftWritten(Ok(())));
                }
            }
            Err(error) => {
                self.failure = Some(error.clone());
                app.update(Action::DraftWritten(Err(error)));
            }
        }
    }
}

/// What a write on its own thread reports.
#[derive(Debug)]
struct Written {
    result: Result<(), String>,
    took: Duration,
    /// The manifest's length as written, in bytes.
    size: usize,
}

/// Makes the draft of `manifest` and writes it to `file`, away from the loop.
fn write_on_its_own(file: PathBuf, path: Option<PathBuf>, manifest: &Manifest, history: Option<String>) -> Written {
    let started = Instant::now();
    let draft = Draft { path, written_at: crate::storage::drafts::now(), manifest: to_json(manifest), history };
    let result = write_draft_file(&file, &draft);
    Written { result, took: started.elapsed(), size: draft.manifest.len() }
}

/// What the author is told after a save when other drafts of the same file remain.
pub(super) fn others_note(others: OtherDrafts) -> Option<String> {
    match others {
        OtherDrafts { running: 0, ended: 0 } => None,
        OtherDrafts { running: 0, ended } => {
            Some(format!("{ended} older draft(s) of this file remain: open it again to recover or delete them"))
        }
        OtherDrafts { running: 1, .. } => {
            Some("another wizard running on this file has unsaved changes of its own (its draft is kept)".into())
        }
        OtherDrafts { running, .. } => Some(format!(
            "another wizard ({running} in all) running on this file has unsaved changes of its own (kept)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::drafts::Instance;
    use crate::wizard::document::Document;

    /// The app on a manifest whose description is `size` bytes long, with a change not yet in a draft.
    fn changed_app(size: usize) -> App {
        let json = format!(
            r#"{{"integration": {{"name": "big", "display_name": "Big", "description": "{}", "authentication_type": "none"}}, "actions": []}}"#,
            "a".repeat(size)
        );
        let parsed = crate::manifest::read(json.as_bytes()).expect("the manifest reads");
        let mut app = App::editing(Document::opened(parsed, None));
        app.doc.manifest.set_text(
            crate::manifest::edit::Owner::Integration,
            crate::manifest::IntegrationKey::DisplayName,
            "Bigger",
        );
        app.doc.modified = true;
        app.doc.generation += 1;
        app
    }

    #[test]
    #[ignore = "a measurement: cargo test --lib draft_of_a_50_mb_manifest -- --ignored --nocapture"]
    fn draft_of_a_50_mb_manifest_blocks_the_loop_for() {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut app = changed_app(50 << 20);
        let mut writer = DraftWriter::new(Drafts::at(Some(folder.path().join("drafts")), Instance::this_process()));
        writer.note(&mut app);
        std::thread::sleep(DRAFT_DELAY);
        let started = Instant::now();
        writer.write_if_due(&mut app);
        let blocked = started.elapsed();
        writer.settle(&mut app);
        let written = started.elapsed();
        eprintln!("the loop was blocked {blocked:?} by the draft of a 50 MB manifest, written in {written:?}");
        assert!(writer.on_disk.is_some(), "the draft was written");
    }

    fn writer_in(folder: &Path) -> DraftWriter {
        DraftWriter::new(Drafts::at(Some(folder.join("drafts")), Instance::this_process()))
    }

    /// The draft files in the folder (not the temporary file of one being written).
    fn draft_files(folder: &Path) -> Vec<String> {
        let entries = std::fs::read_dir(folder.join("drafts")).expect("the drafts folder");
        let names = entries.filter_map(Result::ok).map(|entry| entry.file_name().to_string_lossy().into_owned());
        names.filter(|name| name.ends_with(".json") && !name.starts_with('.')).collect()
    }

    #[test]
    fn a_draft_written_away_from_the_loop_lands_on_disk() {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut app = changed_app(10);
        let mut writer = writer_in(folder.path());
        writer.sync(&mut app);
        assert!(writer.in_flight.is_some() || writer.on_disk.is_some(), "the write started");
        writer.settle(&mut app);
        let draft = writer.store.load(&writer.key(&app)).expect("the draft is on disk");
        assert!(draft.manifest.contains("Bigger"), "{}", draft.manifest);
    }

    #[test]
    fn a_removal_waits_for_the_write_under_way_so_no_draft_comes_back() {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut app = changed_app(1 << 20);
        let mut writer = writer_in(folder.path());
        writer.sync(&mut app);
        // The change is undone (an edit cancelled) while its draft is still being written.
        app.doc.modified = false;
        writer.sync(&mut app);
        assert!(writer.in_flight.is_none(), "the removal waited for the write");
        assert_eq!(draft_files(folder.path()), Vec::<String>::new(), "no draft is left");
    }

    #[test]
    fn a_change_made_while_a_draft_is_written_follows_it() {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut app = changed_app(1 << 20);
        let mut writer = writer_in(folder.path());
        writer.sync(&mut app);
        app.doc.manifest.set_text(
            crate::manifest::edit::Owner::Integration,
            crate::manifest::IntegrationKey::DisplayName,
            "Biggest",
        );
        app.doc.generation += 1;
        writer.sync(&mut app);
        writer.sync_now(&mut app);
        let draft = writer.store.load(&writer.key(&app)).expect("the draft is on disk");
        assert!(draft.manifest.contains("Biggest"), "the later change is in the draft");
    }
}
