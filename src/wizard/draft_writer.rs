//! Keeps this wizard's draft in step with the work: written soon after a change, removed when the
//! work matches the file again (saved, or an edit cancelled), and a failure said to the author.

use super::app::App;
use crate::manifest::to_json;
use crate::storage::drafts::{Draft, DraftKey, Drafts, OtherDrafts};
use std::path::Path;
use std::time::{Duration, Instant};

/// Unsaved work reaches a draft at most this long after it was typed.
pub const DRAFT_DELAY: Duration = Duration::from_millis(500);
/// How often the loop wakes up without events, to notice signals.
pub const TICK: Duration = Duration::from_millis(200);

/// Writes this wizard's drafts: soon after a change, not on every keystroke.
#[derive(Debug)]
pub struct DraftWriter {
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
}

impl DraftWriter {
    pub fn new(store: Drafts) -> Self {
        DraftWriter {
            store,
            session: DraftKey::for_new(),
            done: None,
            on_disk: None,
            pending_since: None,
            failure: None,
            delay: DRAFT_DELAY,
        }
    }

    /// Where the draft of the work in progress is written.
    pub fn key(&self, app: &App) -> DraftKey {
        match &app.doc.path {
            Some(path) => DraftKey::for_path(path),
            None => self.session.clone(),
        }
    }

    /// Every draft that holds this work (its file's, this wizard's new one, and those recovered into it).
    pub fn work_keys(&self, app: &App, recovered: Vec<DraftKey>) -> Vec<DraftKey> {
        let mut keys = vec![self.key(app), self.session.clone()];
        keys.extend(recovered);
        keys.dedup();
        keys
    }

    /// Why drafts cannot be written, while they cannot.
    pub fn failure(&self) -> Option<&str> {
        self.failure.as_deref()
    }

    /// Notes a change; returns how long the loop may wait before writing.
    pub fn note(&mut self, app: &mut App) -> Duration {
        if !app.doc.modified {
            // Nothing unsaved (saved, or the only change was cancelled): no draft may offer anything back.
            self.remove_own();
            return TICK;
        }
        if self.done == Some(app.doc.generation) {
            self.pending_since = None;
            return TICK;
        }
        let since = *self.pending_since.get_or_insert_with(Instant::now);
        self.delay.saturating_sub(since.elapsed()).min(TICK)
    }

    /// Writes the draft if a change has waited long enough.
    pub fn write_if_due(&mut self, app: &mut App) {
        self.note(app);
        if self.pending_since.is_some_and(|since| since.elapsed() >= self.delay) {
            self.write(app);
        }
    }

    /// Brings the draft up to date now: after an edit ends (kept or cancelled), and on the way out.
    pub fn sync(&mut self, app: &mut App) {
        if !app.doc.modified || app.work_discarded() {
            self.remove_own();
        } else if self.done != Some(app.doc.generation) || self.on_disk.is_none() {
            self.write(app);
        }
    }

    /// The drafts of this work were removed (saved or discarded): nothing of this wizard's is on disk.
    pub fn discarded(&mut self, app: &App) {
        self.done = Some(app.doc.generation);
        self.on_disk = None;
        self.pending_since = None;
    }

    /// Other wizards' drafts of the file at `path`, for the message after a save.
    pub fn others_of(&self, path: &Path) -> OtherDrafts {
        self.store.others_of(&DraftKey::for_path(path))
    }

    fn remove_own(&mut self) {
        if let Some(key) = self.on_disk.take() {
            self.store.remove(&key);
        }
        self.pending_since = None;
    }

    fn write(&mut self, app: &mut App) {
        let started = Instant::now();
        // A long text being edited reaches the manifest here at the latest.
        app.flush_editor();
        // An absolute path: the draft must find its file again from whatever folder the next start is in.
        let path = app.doc.path.as_ref().map(|path| std::path::absolute(path).unwrap_or_else(|_| path.clone()));
        let draft = Draft { path, written_at: crate::storage::drafts::now(), manifest: to_json(&app.doc.manifest) };
        let key = self.key(app);
        self.done = Some(app.doc.generation);
        self.pending_since = None;
        let written = self.store.write(&key, &draft);
        self.delay = DRAFT_DELAY.max(started.elapsed() * 10);
        match written {
            Ok(()) => {
                if let Some(old) = self.on_disk.replace(key.clone()).filter(|old| *old != key) {
                    // The work moved to another file (saved under a new name): one draft of it is enough.
                    self.store.remove(&old);
                }
                if self.failure.take().is_some() {
                    app.drafts_failing = None;
                    app.status = Some("drafts are written again: your unsaved work is protected".into());
                }
            }
            Err(error) => {
                // Said once when it starts failing, and again in the quit question; the next change tries again.
                if self.failure.is_none() {
                    app.status = Some(format!(
                        "your work is not protected by a draft: {error}; save it ({}) to keep it",
                        app.save_key()
                    ));
                }
                app.drafts_failing = Some(error.clone());
                self.failure = Some(error);
            }
        }
    }
}

/// What the author is told after a save when other drafts of the same file remain.
pub fn others_note(others: OtherDrafts) -> Option<String> {
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
