//! Keeps this wizard's draft in step with the work: written soon after a change, removed when the
//! work matches the file again (saved, or an edit cancelled), and a failure said to the author.
//!
//! A draft is made and written on a thread of its own: for a manifest of 50 MB that takes seconds,
//! and the loop must go on reading keys meanwhile. Nothing the loop does for a draft grows with
//! the manifest: the writer keeps a copy of the manifest of its own (as a JSON tree, on its thread),
//! and the loop hands it only what changed since the last draft (the undo history's changes, which
//! are shared, and the edit under way as patches of its part; see [`Document::for_draft`]).
//! One write is under way at a time; a change made meanwhile is written when it ends, and a
//! removal waits for it, so drafts land in order. When an edit ends, a draft known to be quick to
//! write is waited for (see [`AT_ONCE`]).
//!
//! [`Document::for_draft`]: super::super::document::Document::for_draft

use super::super::action::Action;
use super::super::app::App;
use super::super::document::ForDraft;
use super::super::history::Place;
use super::super::history::follow::{CatchUp, Mark};
use crate::manifest::write::tree_to_json;
use crate::manifest::{Json, to_tree};
use crate::storage::drafts::{Draft, DraftKey, Drafts, OtherDrafts, write_draft_file};
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Unsaved work reaches a draft at most this long after it was typed.
pub(crate) const DRAFT_DELAY: Duration = Duration::from_millis(500);
/// How often the loop wakes up without events, to notice signals.
pub(crate) const TICK: Duration = Duration::from_millis(200);
/// A draft smaller than this last time (an ordinary manifest is kilobytes) is written at once when
/// an edit ends, the loop waiting for it: a cancelled edit must leave no trace even if the process
/// is killed the next instant. Larger ones (a manifest of megabytes) are written in the background.
/// Told by size, not by time: what a write takes varies with the machine's load, a size does not.
const AT_ONCE: usize = 1 << 20;

/// Writes this wizard's drafts: soon after a change, not on every keystroke.
#[derive(Debug)]
pub(crate) struct DraftWriter {
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
    /// The writer's own copy of the history's baseline, while no write has it; None before the
    /// first draft (or after a write that failed to make one).
    mirror: Option<Mirror>,
    /// The draft is to be removed once the write under way ends (the work went back to its file
    /// by undo or redo while a draft was being written: the loop does not wait for it).
    remove_after_write: bool,
}

/// The writer's copy of the manifest as the history's baseline, as a tree, and where it stands.
#[derive(Debug)]
struct Mirror {
    mark: Mark,
    tree: Json,
}

/// A draft being written on a thread of its own.
#[derive(Debug)]
struct InFlight {
    key: DraftKey,
    /// The write's outcome, how long it took and how large the manifest was.
    handle: JoinHandle<Written>,
}

impl DraftWriter {
    pub(crate) fn new(store: Drafts) -> Self {
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
            mirror: None,
            remove_after_write: false,
        }
    }

    /// Where the draft of the work in progress is written.
    pub(crate) fn key(&self, app: &App) -> DraftKey {
        match &app.doc.path {
            Some(path) => DraftKey::for_path(path),
            None => self.session.clone(),
        }
    }

    /// Every draft that holds this work (its file's, this wizard's new one, and those recovered into it).
    pub(crate) fn work_keys(&self, app: &App, recovered: Vec<DraftKey>) -> Vec<DraftKey> {
        let mut keys = vec![self.key(app), self.session.clone()];
        keys.extend(recovered);
        keys.dedup();
        keys
    }

    /// Why drafts cannot be written, while they cannot.
    pub(crate) fn failure(&self) -> Option<&str> {
        self.failure.as_deref()
    }

    /// Notes a change; returns how long the loop may wait before writing.
    pub(crate) fn note(&mut self, app: &mut App) -> Duration {
        self.collect(app, false);
        if !app.doc.modified {
            // Nothing unsaved (saved, undone back to the file): no draft may offer anything back. A
            // write under way would put it back: it is removed when that write ends, as a write of
            // that size ends in the background anyway, and the keys do not wait for it.
            if self.in_flight.is_some() {
                self.remove_after_write = true;
                self.pending_since = None;
            } else {
                self.remove_own(app);
            }
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
    pub(crate) fn write_if_due(&mut self, app: &mut App) {
        self.note(app);
        if self.in_flight.is_none() && self.pending_since.is_some_and(|since| since.elapsed() >= self.delay) {
            self.write(app);
        }
    }

    /// Brings the draft up to date: after an edit ends (kept or cancelled). A removal is done at
    /// once; so is a write that is quick ([`AT_ONCE`]); a slow one starts now in the background, or
    /// as soon as the one under way ends.
    pub(crate) fn sync(&mut self, app: &mut App) {
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
    pub(crate) fn sync_now(&mut self, app: &mut App) {
        self.settle(app);
        self.sync(app);
        self.settle(app);
    }

    /// Waits for the write under way, if any: before drafts are removed behind this writer's back.
    pub(crate) fn settle(&mut self, app: &mut App) {
        self.collect(app, true);
    }

    /// The drafts of this work were removed (saved or discarded): nothing of this wizard's is on disk.
    pub(crate) fn discarded(&mut self, app: &App) {
        self.done = Some(app.doc.generation);
        self.on_disk = None;
        self.pending_since = None;
    }

    /// Other wizards' drafts of the file at `path`, for the message after a save.
    pub(crate) fn others_of(&self, path: &Path) -> OtherDrafts {
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

    /// Starts writing the draft on a thread of its own, handing it what changed since the last one.
    fn write(&mut self, app: &mut App) {
        // A long text being edited reaches the manifest here at the latest.
        app.flush_editor();
        // An absolute path: the draft must find its file again from whatever folder the next start is in.
        let path = app.doc.path.as_ref().map(|path| std::path::absolute(path).unwrap_or_else(|_| path.clone()));
        let key = self.key(app);
        self.done = Some(app.doc.generation);
        self.pending_since = None;
        let file = match self.store.file_to_write(&key) {
            Ok(file) => file,
            Err(error) => return self.written(app, key, Err(error)),
        };
        // The undo history goes with the work, so recovered work can be undone change by change; the
        // edit under way is its newest change.
        let pending = app.pending_change();
        let work = app.doc.for_draft(self.mirror.as_ref().map(|mirror| mirror.mark));
        let mirror = self.mirror.take();
        let handle = std::thread::spawn(move || write_on_its_own(file, path, mirror, work, pending));
        self.in_flight = Some(InFlight { key, handle });
    }

    /// Takes the outcome of the write under way once it has ended (waiting for it when `wait`).
    fn collect(&mut self, app: &mut App, wait: bool) {
        let Some(job) = self.in_flight.take_if(|job| wait || job.handle.is_finished()) else { return };
        let written = job.handle.join().unwrap_or_else(|_| Written {
            result: Err("the draft could not be written".into()),
            took: Duration::ZERO,
            size: 0,
            mirror: None,
        });
        self.delay = DRAFT_DELAY.max(written.took * 10);
        self.last_size = Some(written.size);
        self.mirror = written.mirror;
        self.written(app, job.key, written.result);
        if std::mem::take(&mut self.remove_after_write)
            && !app.doc.modified
            && let Some(key) = self.on_disk.take()
        {
            self.store.remove(&key);
        }
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
    /// The writer's copy of the baseline, given back; None when it could not follow.
    mirror: Option<Mirror>,
}

/// Makes the draft and writes it to `file`, away from the loop: the writer's `mirror` of the
/// baseline catches up with `work`, the edit under way is applied for the text and taken back out.
fn write_on_its_own(
    file: PathBuf,
    path: Option<PathBuf>,
    mirror: Option<Mirror>,
    work: ForDraft,
    (label, place): (String, Place),
) -> Written {
    yield_to_the_loop();
    let started = Instant::now();
    let failed =
        |message: &str| Written { result: Err(message.into()), took: started.elapsed(), size: 0, mirror: None };
    let (mut tree, moves) = match (work.catch_up, mirror) {
        (CatchUp::Restart(origin, moves), _) => (to_tree(&origin), moves),
        // An origin forgotten now is freed here, on this thread.
        (CatchUp::Moves(moves, _forgotten), Some(mirror)) => (mirror.tree, moves),
        (CatchUp::Moves(..), None) => return failed("the draft's copy of the work was lost"),
    };
    if !moves.iter().all(|step| step.apply(&mut tree)) {
        return failed("the draft's copy of the work no longer fits its changes");
    }
    if !work.pending.iter().all(|patch| patch.apply(&mut tree, true)) {
        return failed("the edit under way does not fit the draft's copy of the work");
    }
    let manifest = tree_to_json(&tree);
    // Taken back out: the mirror stays the baseline, which the next edits are compared with.
    let undone = work.pending.iter().rev().all(|patch| patch.apply(&mut tree, false));
    let history = serde_json::to_string(&work.kept.with_pending(label, place, work.pending)).ok();
    let draft = Draft { path, written_at: crate::storage::drafts::now(), manifest, history };
    let result = write_draft_file(&file, &draft);
    let mirror = undone.then_some(Mirror { mark: work.mark, tree });
    Written { result, took: started.elapsed(), size: draft.manifest.len(), mirror }
}

/// Lowers the priority of the calling thread (a draft's), so that on a busy machine the draft
/// waits rather than the keys: the loop and the writer share what the system gives the process.
fn yield_to_the_loop() {
    // On Linux, "the calling process" of setpriority is the calling thread only.
    #[cfg(target_os = "linux")]
    let _ = rustix::process::setpriority_process(None, WRITER_NICENESS);
}

/// The writer thread's niceness (0 is the loop's, 19 the lowest priority).
#[cfg(target_os = "linux")]
const WRITER_NICENESS: i32 = 10;

/// What the author is told after a save when other drafts of the same file remain.
pub(crate) fn others_note(others: OtherDrafts) -> Option<String> {
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
    fn work_undone_back_to_its_file_removes_the_draft_once_the_write_under_way_ends() {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut app = changed_app(1 << 20);
        let mut writer = writer_in(folder.path());
        writer.sync(&mut app);
        // Undone back to the file while the draft may still be being written: the loop goes on.
        app.doc.modified = false;
        writer.note(&mut app);
        assert!(writer.in_flight.is_some() || writer.on_disk.is_none(), "removed, or left to the write's end");
        writer.settle(&mut app);
        assert_eq!(draft_files(folder.path()), Vec::<String>::new(), "no draft is left");
        // Changed again while the write was under way: the draft stays, and follows the work.
        app.doc.modified = true;
        app.doc.generation += 1;
        writer.sync(&mut app);
        app.doc.modified = false;
        writer.note(&mut app);
        app.doc.modified = true;
        app.doc.generation += 1;
        writer.settle(&mut app);
        writer.sync_now(&mut app);
        assert!(writer.store.load(&writer.key(&app)).is_some(), "the draft of the work changed again is on disk");
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

    use crate::manifest::edit::{ListRef, Owner};
    use crate::manifest::{ActionKey, IntegrationKey, Manifest, to_json};
    use crate::wizard::history::Kept;
    use crate::wizard::steps::{Page, Step};

    /// The app on a manifest of `actions` actions of 5 inputs, opened from a file.
    fn actions_app(actions: usize) -> App {
        let mut manifest = Manifest::new();
        manifest.set_text(Owner::Integration, IntegrationKey::Name, "bigcrm");
        manifest.set_text(Owner::Integration, IntegrationKey::DisplayName, "Big CRM");
        for action in 0..actions {
            let index = manifest.add_action().expect("actions list");
            manifest.set_text(Owner::Action(index), ActionKey::Name, &format!("action_{action}"));
            manifest.set_text(Owner::Action(index), ActionKey::Description, &"the action does a thing ".repeat(20));
            for _ in 0..5 {
                manifest.add_input(index).expect("inputs list");
            }
        }
        let parsed = crate::manifest::read(to_json(&manifest).as_bytes()).expect("the manifest reads");
        App::editing(Document::opened(parsed, None))
    }

    /// Edits the description of action `index` as typing does: the change is not recorded yet.
    fn type_into_action(app: &mut App, index: usize, text: &str) {
        app.doc.manifest.set_text(Owner::Action(index), ActionKey::Description, text);
        app.doc.edited(format!("/actions/{index}/description"));
    }

    fn place() -> Place {
        Place { page: Page::Step(Step::Integration), back: Vec::new(), focus: 0 }
    }

    /// Writes the draft now and reads it back: its manifest must be the work's, as a save writes
    /// it, and its history must fit it.
    fn assert_draft_is_the_work(writer: &mut DraftWriter, app: &mut App, when: &str) -> Kept {
        writer.sync(app);
        writer.settle(app);
        assert_eq!(writer.failure(), None, "{when}");
        let draft = writer.store.load(&writer.key(app)).expect("the draft is on disk");
        assert!(draft.manifest == to_json(&app.doc.manifest), "{when}: the draft's manifest is not the work's");
        let text = draft.history.expect("the draft keeps the history");
        let kept: Kept = crate::manifest::number_text::parse(text.as_bytes()).expect("the history reads");
        let manifest = crate::manifest::read(draft.manifest.as_bytes()).expect("the draft reads").manifest;
        assert_eq!(kept.check(&manifest), Ok(()), "{when}");
        kept
    }

    #[test]
    fn the_loop_neither_copies_nor_frees_the_manifest_to_write_a_draft() {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut app = actions_app(2_000);
        let size = to_json(&app.doc.manifest).len();
        let mut writer = writer_in(folder.path());
        // The first draft (the writer's copy starts from the manifest as opened, shared), then one
        // after a recorded change and an edit under way (the copy follows what changed).
        for round in 0..3 {
            type_into_action(&mut app, 7 + round, "typed");
            if round == 2 {
                app.doc.record("edit description".into(), place());
                type_into_action(&mut app, 1_500, "typed again");
            }
            let counted = allocation_counter::measure(|| writer.sync(&mut app));
            assert!(
                counted.bytes_total < (size / 50) as u64,
                "round {round}: the loop allocated {} bytes for the draft of a manifest of {size} bytes",
                counted.bytes_total
            );
            // Nor does it free a copy: a large one takes as long to free as to make.
            assert!(
                counted.bytes_current > -((size / 50) as i64),
                "round {round}: the loop freed {} bytes for the draft of a manifest of {size} bytes",
                -counted.bytes_current
            );
            assert_draft_is_the_work(&mut writer, &mut app, &format!("round {round}"));
        }
    }

    #[test]
    fn typing_beside_a_description_of_megabytes_does_not_turn_it_into_json_for_a_draft() {
        let folder = tempfile::tempdir().expect("temp dir");
        let size = 4 << 20;
        let mut app = changed_app(size);
        app.doc.edited("/integration/display_name".into());
        let mut writer = writer_in(folder.path());
        for round in 0..3 {
            app.doc.manifest.set_text(Owner::Integration, IntegrationKey::DisplayName, &format!("Big {round}"));
            app.doc.edited("/integration/display_name".into());
            let counted = allocation_counter::measure(|| writer.sync(&mut app));
            assert!(
                counted.bytes_total < (size / 50) as u64,
                "round {round}: the loop allocated {} bytes for the draft of an edit beside a description of {size} bytes",
                counted.bytes_total
            );
            assert_draft_is_the_work(&mut writer, &mut app, &format!("round {round}"));
            // Nor does recording the change (Enter) copy the description.
            let counted = allocation_counter::measure(|| assert!(app.doc.record("edit".into(), place())));
            assert!(
                counted.bytes_total < (size / 50) as u64,
                "round {round}: the loop allocated {} bytes to record an edit beside a description of {size} bytes",
                counted.bytes_total
            );
        }
        // The history still undoes it all.
        for _ in 0..3 {
            app.doc.step(false).expect("undone").expect("a change to undo");
        }
        assert_eq!(app.doc.manifest.integration().and_then(|i| i.display_name.as_str()), Some("Big"), "as opened");
    }

    #[test]
    fn renaming_the_integration_turns_no_action_into_json_for_a_draft_or_for_undo() {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut app = actions_app(2_000);
        let size = to_json(&app.doc.manifest).len();
        let mut writer = writer_in(folder.path());
        // Renamed, cleared (every provider removed), and named again (every provider added back).
        for (round, name) in ["renamed", "", "named again"].into_iter().enumerate() {
            // As typing in the name does: every action's provider follows it.
            app.doc.manifest.set_text(Owner::Integration, IntegrationKey::Name, name);
            assert_eq!(app.doc.manifest.sync_providers(), 2_000);
            app.doc.edited("/integration/name".into());
            let draft = allocation_counter::measure(|| writer.sync(&mut app));
            assert_draft_is_the_work(&mut writer, &mut app, &format!("round {round}"));
            let record = allocation_counter::measure(|| assert!(app.doc.record("rename".into(), place())));
            // A patch of each provider (its place and two names): a third of the manifest's size
            // here. Turning every action into JSON to compare them took 9 times its size.
            for (what, counted) in [("the draft", draft), ("the change", record)] {
                assert!(
                    counted.bytes_total < (size / 2) as u64,
                    "round {round}: the loop allocated {} bytes for {what} of a rename in a manifest of {size} bytes",
                    counted.bytes_total
                );
            }
        }
        // Undone to the name as opened, without rebuilding the manifest from JSON either: putting
        // back every provider and its findings costs about 4 times the manifest's size here (its
        // actions have many findings each); rebuilding the whole and checking it took 24 times.
        for round in 0..3 {
            let undo = allocation_counter::measure(|| drop(app.doc.step(false).expect("fits").expect("a change")));
            assert!(
                undo.bytes_total < (size * 6) as u64,
                "undo {round}: the loop allocated {} bytes in a manifest of {size} bytes",
                undo.bytes_total
            );
        }
        assert_eq!(app.doc.manifest.action(1_999).and_then(|action| action.provider.as_str()), Some("bigcrm"));
        assert!(!app.doc.modified, "back to the file as opened");
    }

    #[test]
    fn drafts_follow_the_work_through_edits_undo_redo_list_changes_and_recovery() {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut app = actions_app(6);
        let mut writer = writer_in(folder.path());
        type_into_action(&mut app, 3, "first");
        assert_draft_is_the_work(&mut writer, &mut app, "an edit under way");
        app.doc.record("edit description".into(), place());
        app.doc.manifest.set_text(Owner::Integration, IntegrationKey::DisplayName, "Bigger CRM");
        app.doc.edited("/integration/display_name".into());
        let kept = assert_draft_is_the_work(&mut writer, &mut app, "an edit of the top under way");
        assert_eq!(kept.undo.len(), 2, "the edit under way is the newest change");
        app.doc.record("edit display name".into(), place());
        app.doc.step(false).expect("undone");
        let kept = assert_draft_is_the_work(&mut writer, &mut app, "after undo");
        assert_eq!((kept.undo.len(), kept.redo.len()), (1, 1));
        app.doc.step(true).expect("redone");
        assert_draft_is_the_work(&mut writer, &mut app, "after redo");
        if let Some(actions) = app.doc.manifest.list_mut(ListRef::Actions) {
            actions.remove_at(1);
        }
        app.doc.edited("/actions/1".into());
        assert_draft_is_the_work(&mut writer, &mut app, "an action removed, not recorded yet");
        app.doc.record("delete action".into(), place());
        type_into_action(&mut app, 0, "after the removal");
        assert_draft_is_the_work(&mut writer, &mut app, "an edit after a list change");
        // The writer's copy is lost (its thread failed) after it had followed the history.
        writer.mirror = None;
        type_into_action(&mut app, 2, "after a loss");
        assert_draft_is_the_work(&mut writer, &mut app, "a copy lost");
        let recovered = actions_app(2).doc.manifest;
        app.doc.recover(recovered, None, place());
        assert_draft_is_the_work(&mut writer, &mut app, "recovered work");
        type_into_action(&mut app, 1, "after recovering");
        assert_draft_is_the_work(&mut writer, &mut app, "an edit of recovered work");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_draft_s_thread_yields_to_the_loop_and_the_loop_keeps_its_priority() {
        let loop_priority = rustix::process::getpriority_process(None).expect("the loop's priority");
        let writer = std::thread::spawn(|| {
            yield_to_the_loop();
            rustix::process::getpriority_process(None).expect("the writer's priority")
        });
        let writer_priority = writer.join().expect("the writer thread");
        assert!(writer_priority >= WRITER_NICENESS.max(loop_priority), "the writer runs at niceness {writer_priority}");
        let after = rustix::process::getpriority_process(None).expect("the loop's priority");
        assert_eq!(after, loop_priority, "the loop's own priority did not change");
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
