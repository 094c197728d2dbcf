//! Undo and redo: every change to the manifest, kept as the JSON patches of what it changed, with
//! words for the status line and the place (page and row) the author made it at.
//!
//! The history keeps the manifest as of the last change (the baseline). When a change ends (a field
//! visit finished, an item added or deleted, ...) the manifest is compared with the baseline and
//! only the smallest changed parts are stored, as JSON (see [`compare`] and [`patch`]). It holds at
//! most [`MAX_CHANGES`] changes and [`MAX_BYTES`] of patches: the oldest are forgotten first.
//!
//! Changes are shared (`Arc`): a draft takes the history as it is without copying it, and a copy of
//! the manifest away from the loop follows the baseline's moves (see [`follow`]).

pub(crate) mod apply;
mod compare;
pub(crate) mod follow;
pub(crate) mod patch;

pub(crate) use compare::Scope;

use super::steps::Page;
use crate::manifest::{Json, Manifest, read, to_tree};
use apply::{Applied, Element};
use follow::{CatchUp, Journal, Mark};
use patch::{Patch, diff};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The most changes kept: older ones are forgotten.
pub const MAX_CHANGES: usize = 500;
/// The most bytes of patches (as JSON) kept: older changes are forgotten first, so a few huge pastes
/// cannot make the history (and the draft that carries it) grow without end.
pub(crate) const MAX_BYTES: usize = 8 * 1024 * 1024;

/// Where the author was when a change began: undoing or redoing it goes back there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub page: Page,
    /// The pages Esc goes back to, with their focused rows.
    pub back: Vec<(Page, usize)>,
    pub focus: usize,
}

/// One change: what it was in words, where it was made and what it changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    /// "delete action create_ticket", "edit description".
    pub label: String,
    pub place: Place,
    pub patches: Vec<Patch>,
    /// Bytes of its patches as JSON: what the cap counts (measured once; 0 until then).
    #[serde(skip)]
    size: usize,
}

impl Change {
    fn new(label: String, place: Place, patches: Vec<Patch>) -> Self {
        let mut change = Change { label, place, patches, size: 0 };
        change.measure();
        change
    }

    fn measure(&mut self) {
        let mut counter = Counter(0);
        let _ = serde_json::to_writer(&mut counter, &self.patches);
        self.size = counter.0;
    }
}

/// Counts written bytes without keeping them.
struct Counter(usize);

impl std::io::Write for Counter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0 += bytes.len();
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What a draft keeps of the history: the changes, the newest last (the baseline is the draft's manifest).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Kept {
    #[serde(with = "shared")]
    pub undo: Vec<Arc<Change>>,
    #[serde(with = "shared")]
    pub redo: Vec<Arc<Change>>,
}

/// Shared changes written and read as the changes themselves (serde's `rc` feature, for one type).
mod shared {
    use super::Change;
    use serde::{Deserialize, Deserializer, Serializer};
    use std::sync::Arc;

    pub(super) fn serialize<S: Serializer>(changes: &[Arc<Change>], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(changes.iter().map(|change| &**change))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Arc<Change>>, D::Error> {
        Ok(Vec::<Change>::deserialize(deserializer)?.into_iter().map(Arc::new).collect())
    }
}

impl Kept {
    /// The history with an edit not recorded yet added as its newest change (`patches`, called
    /// `label`, made at `place`), as recording it would leave it: nothing to redo, and the oldest
    /// changes beyond the caps forgotten. Unchanged when there are no patches.
    pub fn with_pending(mut self, label: String, place: Place, patches: Vec<Patch>) -> Kept {
        if patches.is_empty() {
            return self;
        }
        self.redo.clear();
        self.undo.push(Arc::new(Change::new(label, place, patches)));
        let bytes = self.undo.iter().map(|change| change.size).sum();
        let forget = beyond_caps(&self.undo, bytes);
        self.undo.drain(..forget);
        self
    }

    /// Checks that this history belongs to `manifest` (the draft's): every change can be undone back
    /// to the first state, done again, and every change to redo can be redone. A draft's history is
    /// read from disk: one that does not fit says which change, and is never applied half-way.
    pub fn check(&self, manifest: &Manifest) -> Result<(), String> {
        let misfit = |change: &Change| format!("its change \"{}\" does not fit its manifest", change.label);
        let mut value = to_tree(manifest);
        for change in self.undo.iter().rev() {
            if !change.patches.iter().rev().all(|patch| patch.apply(&mut value, false)) {
                return Err(misfit(change));
            }
        }
        for change in &self.undo {
            if !change.patches.iter().all(|patch| patch.apply(&mut value, true)) {
                return Err(misfit(change));
            }
        }
        // The next change to redo is the last one.
        for change in self.redo.iter().rev() {
            if !change.patches.iter().all(|patch| patch.apply(&mut value, true)) {
                return Err(misfit(change));
            }
        }
        Ok(())
    }
}

/// The elements of the manifest a change undone or redone changed; None when it was rebuilt whole.
pub(crate) type Stepped = Option<Vec<Element>>;

/// The changes that can be undone and redone.
#[derive(Debug, Clone)]
pub struct History {
    undo: Vec<Arc<Change>>,
    redo: Vec<Arc<Change>>,
    /// The manifest after the newest change: what the next change is compared with.
    baseline: Manifest,
    /// Bytes of the patches kept, undo and redo together.
    bytes: usize,
    /// How many changes were undoable when the manifest matched its file; None when no point does.
    saved_at: Option<usize>,
    /// The baseline's moves, for a copy of it that follows them (the draft writer's).
    journal: Journal,
}

impl History {
    /// An empty history of `baseline`, a manifest matching its file.
    pub fn new(baseline: Manifest) -> Self {
        let journal = Journal::new(Arc::new(baseline.clone()));
        History { undo: Vec::new(), redo: Vec::new(), baseline, bytes: 0, saved_at: Some(0), journal }
    }

    /// Records what changed since the last change as one change; false when nothing did.
    /// `scope`: where the edits since the last change were made, as far as they say.
    pub fn record(&mut self, current: &mut Manifest, scope: Scope, label: String, place: Place) -> bool {
        let patches = compare::catch_up(&mut self.baseline, current, scope);
        if patches.is_empty() {
            return false;
        }
        // A new change ends what could be redone.
        self.bytes -= self.redo.drain(..).map(|change| change.size).sum::<usize>();
        if self.saved_at.is_some_and(|saved| saved > self.undo.len()) {
            self.saved_at = None;
        }
        let change = Arc::new(Change::new(label, place, patches));
        self.bytes += change.size;
        self.journal.moved(&change, true);
        self.undo.push(change);
        self.trim();
        true
    }

    /// The patches that would make the change recorded now (see [`History::record`]), without
    /// recording it: the edit under way, for a draft.
    pub fn pending(&mut self, current: &mut Manifest, scope: Scope) -> Vec<Patch> {
        compare::differences(&mut self.baseline, current, scope)
    }

    /// What a copy of the baseline at `mark` (None: not started) needs to be the baseline again, and
    /// its mark then. The loop copies nothing here (see [`follow`]).
    pub(crate) fn catch_up(&mut self, mark: Option<Mark>) -> (CatchUp, Mark) {
        self.journal.catch_up(mark, &self.baseline)
    }

    /// Forgets the oldest changes beyond the caps.
    fn trim(&mut self) {
        let forget = beyond_caps(&self.undo, self.bytes);
        if forget > 0 {
            self.bytes -= self.undo.drain(..forget).map(|change| change.size).sum::<usize>();
            self.saved_at = self.saved_at.and_then(|saved| saved.checked_sub(forget));
        }
    }

    /// Measures every change again (after reading them from a draft) and adds up their sizes.
    fn recount(&mut self) {
        self.undo.iter_mut().chain(&mut self.redo).for_each(|change| Arc::make_mut(change).measure());
        self.bytes = self.undo.iter().chain(&self.redo).map(|change| change.size).sum();
    }

    /// The manifest after the newest change.
    pub fn baseline(&self) -> &Manifest {
        &self.baseline
    }

    /// Undoes (`forwards` false) or redoes the last change in `current`, which must be the
    /// baseline (every edit recorded): returns the change, with the elements of the manifest it
    /// changed (None when it was rebuilt whole). None when there is nothing to undo or redo; an
    /// error when the change does not fit the manifest (then it is dropped, with everything
    /// beyond it, and nothing changes).
    pub(crate) fn step(
        &mut self,
        forwards: bool,
        current: &mut Manifest,
    ) -> Option<Result<(&Change, Stepped), String>> {
        let change = if forwards { self.redo.pop()? } else { self.undo.pop()? };
        let elements = match apply::apply(&mut self.baseline, &change.patches, forwards) {
            Applied::Parts(elements) => {
                apply::copy(current, &mut self.baseline, &elements);
                Ok(Some(elements))
            }
            Applied::Whole => rebuilt(&self.baseline, &change, forwards).map(|manifest| {
                self.baseline = manifest;
                *current = self.baseline.clone();
                None
            }),
            Applied::Misfit => Err(misfit(&change)),
        };
        let elements = match elements {
            Ok(elements) => elements,
            Err(message) => {
                let stack = if forwards { &mut self.redo } else { &mut self.undo };
                self.bytes -= change.size + stack.drain(..).map(|change| change.size).sum::<usize>();
                return Some(Err(message));
            }
        };
        self.journal.moved(&change, forwards);
        let stack = if forwards { &mut self.undo } else { &mut self.redo };
        stack.push(change);
        stack.last().map(|change| Ok((&**change, elements)))
    }

    /// The manifest now matches its file.
    pub fn mark_saved(&mut self) {
        self.saved_at = Some(self.undo.len());
    }

    /// True when the manifest is as it was last saved (or opened).
    pub fn at_saved(&self) -> bool {
        self.saved_at == Some(self.undo.len())
    }

    /// How many changes the manifest is away from the file as last saved (or opened), when it is a
    /// number of changes undo can count (None after undoing past the save and changing anew).
    pub fn unsaved(&self) -> Option<usize> {
        self.saved_at.map(|saved| self.undo.len().abs_diff(saved))
    }

    /// How many changes can be undone / redone.
    pub fn counts(&self) -> (usize, usize) {
        (self.undo.len(), self.redo.len())
    }

    /// Bytes of patches kept.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// What a draft keeps.
    pub fn kept(&self) -> Kept {
        Kept { undo: self.undo.clone(), redo: self.redo.clone() }
    }

    /// The history of recovered work: the draft's changes (`kept`, None for a draft without history)
    /// over its manifest `current`, from the newest state of that history that is `before` (the manifest
    /// as opened): undo goes back through the draft's changes to the file and stops there. A draft
    /// whose history does not pass through `before` (none, unreadable, or the file changed) is one
    /// change "recover draft" on top of it. Either way, undoing every change ends at `before`.
    pub fn recovered(before: &Manifest, current: Manifest, kept: Option<Kept>, place: Place) -> Self {
        let kept = kept.unwrap_or_default();
        let before_tree = to_tree(before);
        // Walking back from the draft's manifest through its changes: the newest state that is the
        // manifest as opened is where undo stops (changes older than it, before a save of the crashed
        // run, lead away from the file and are dropped).
        let mut state = to_tree(&current);
        let mut on_file = (state == before_tree).then_some(kept.undo.len());
        if on_file.is_none() {
            for (index, change) in kept.undo.iter().enumerate().rev() {
                if !change.patches.iter().rev().all(|patch| patch.apply(&mut state, false)) {
                    break;
                }
                if state == before_tree {
                    on_file = Some(index);
                    break;
                }
            }
        }
        let (undo, redo) = match on_file {
            Some(index) => (kept.undo[index..].to_vec(), kept.redo),
            // The draft's changes do not lead back to this file: its work is one change on top of it.
            None => {
                let patches = diff(&before_tree, &to_tree(&current));
                let change =
                    (!patches.is_empty()).then(|| Arc::new(Change::new("recover draft".into(), place, patches)));
                (change.into_iter().collect(), Vec::new())
            }
        };
        let journal = Journal::new(Arc::new(current.clone()));
        let mut history = History { undo, redo, baseline: current, bytes: 0, saved_at: Some(0), journal };
        history.recount();
        history.trim();
        history
    }
}

/// How many of the oldest changes of `undo` (holding `bytes` of patches with those to redo) are
/// beyond the caps: all but [`MAX_CHANGES`], then more while over [`MAX_BYTES`] (never the newest).
fn beyond_caps(undo: &[Arc<Change>], mut bytes: usize) -> usize {
    let mut forget = 0;
    while undo.len() - forget > MAX_CHANGES || (bytes > MAX_BYTES && forget + 1 < undo.len()) {
        bytes -= undo[forget].size;
        forget += 1;
    }
    forget
}

/// Why a change cannot be undone or redone.
fn misfit(change: &Change) -> String {
    format!("the change \"{}\" no longer fits the manifest", change.label)
}

/// `baseline` with `change` applied, rebuilt whole from its JSON: a change not made of parts.
fn rebuilt(baseline: &Manifest, change: &Change, forwards: bool) -> Result<Manifest, String> {
    let mut value = to_tree(baseline);
    let applied = if forwards {
        change.patches.iter().all(|patch| patch.apply(&mut value, true))
    } else {
        change.patches.iter().rev().all(|patch| patch.apply(&mut value, false))
    };
    match applied {
        true => rebuild(&value),
        false => Err(misfit(change)),
    }
}

/// The manifest written as `value`.
fn rebuild(value: &Json) -> Result<Manifest, String> {
    let text = serde_json::to_vec(value).map_err(|error| error.to_string())?;
    read(&text).map(|parsed| parsed.manifest).map_err(|diagnostic| diagnostic.message)
}

#[cfg(test)]
mod tests {
    use super::*;

    impl History {
        fn record_all(&mut self, current: &mut Manifest, label: String, place: Place) -> bool {
            self.record(current, Scope::Everything, label, place)
        }
    }
    use crate::manifest::edit::{ListRef, Owner};
    use crate::wizard::steps::Step;

    /// Undoes or redoes in a copy of the baseline, as the document's manifest is: the change and
    /// the manifest after it.
    fn stepped(history: &mut History, forwards: bool) -> Option<Result<(Change, Manifest), String>> {
        let mut current = history.baseline().clone();
        let stepped = history.step(forwards, &mut current)?;
        Some(stepped.map(|(change, _)| (change.clone(), current)))
    }

    fn place() -> Place {
        Place { page: Page::Step(Step::Integration), back: Vec::new(), focus: 0 }
    }

    fn named(name: &str) -> Manifest {
        let mut manifest = Manifest::new();
        manifest.set_text(Owner::Integration, crate::manifest::IntegrationKey::DisplayName, name);
        manifest
    }

    fn name(manifest: &Manifest) -> &str {
        manifest.integration().and_then(|i| i.display_name.as_str()).unwrap_or("?")
    }

    #[test]
    fn undo_and_redo_walk_the_changes_and_a_new_change_ends_redo() {
        let mut history = History::new(named("a"));
        assert!(history.record_all(&mut named("b"), "edit b".into(), place()));
        assert!(!history.record_all(&mut named("b"), "nothing".into(), place()));
        assert!(history.record_all(&mut named("c"), "edit c".into(), place()));
        let (undone, manifest) = stepped(&mut history, false).expect("a change").expect("fits");
        assert_eq!(undone.label, "edit c");
        assert_eq!(name(&manifest), "b");
        let (_, manifest) = stepped(&mut history, true).expect("a change").expect("fits");
        assert_eq!(name(&manifest), "c");
        stepped(&mut history, false).expect("a change").expect("fits");
        history.record_all(&mut named("z"), "edit z".into(), place());
        assert_eq!(history.counts(), (2, 0));
    }

    #[test]
    fn actions_added_edited_and_removed_are_undone() {
        let mut manifest = named("a");
        let mut history = History::new(manifest.clone());
        for _ in 0..3 {
            manifest.add_action();
        }
        history.record_all(&mut manifest, "add".into(), place());
        manifest.set_text(Owner::Action(1), crate::manifest::ActionKey::Name, "middle");
        history.record_all(&mut manifest, "edit".into(), place());
        if let Some(actions) = manifest.list_mut(ListRef::Actions) {
            actions.remove_at(0);
        }
        assert!(history.record_all(&mut manifest, "delete".into(), place()));
        let (_, undone) = stepped(&mut history, false).expect("a change").expect("fits");
        assert_eq!(undone.action_count(), 3);
        assert_eq!(undone.action(1).and_then(|a| a.name.as_str()), Some("middle"));
        let (_, undone) = stepped(&mut history, false).expect("a change").expect("fits");
        assert_ne!(undone.action(1).and_then(|a| a.name.as_str()), Some("middle"));
        let (_, undone) = stepped(&mut history, false).expect("a change").expect("fits");
        assert_eq!(undone.action_count(), 0);
        assert_eq!(name(&undone), "a");
    }

    #[test]
    fn the_oldest_changes_are_forgotten_beyond_the_cap() {
        let mut history = History::new(named("0"));
        for value in 1..=MAX_CHANGES + 5 {
            history.record_all(&mut named(&value.to_string()), format!("set {value}"), place());
        }
        assert_eq!(history.counts(), (MAX_CHANGES, 0));
        assert!(!history.at_saved(), "the saved state was forgotten");
        let big = "x".repeat(MAX_BYTES / 3);
        for round in 0..5 {
            history.record_all(&mut named(&format!("{round}{big}")), "paste".into(), place());
        }
        assert!(history.bytes() <= MAX_BYTES, "{} bytes kept", history.bytes());
    }

    #[test]
    fn a_splice_with_an_index_that_overflows_does_not_fit() {
        let patch = Patch::Splice { at: String::new(), index: usize::MAX, old: vec![Json::Null], new: Vec::new() };
        assert!(!patch.apply(&mut Json::Array(vec![Json::Null, Json::Null]), true));
        assert!(!patch.apply(&mut Json::Array(vec![Json::Null, Json::Null]), false));
    }

    #[test]
    fn a_history_is_checked_against_its_manifest_undo_and_redo() {
        let mut history = History::new(named("a"));
        history.record_all(&mut named("b"), "edit b".into(), place());
        history.record_all(&mut named("c"), "edit c".into(), place());
        stepped(&mut history, false).expect("a change").expect("fits");
        assert_eq!(history.kept().check(&named("b")), Ok(()));
        assert!(history.kept().check(&Manifest::new()).is_err(), "another manifest's history");
        let mut kept = history.kept();
        Arc::make_mut(&mut kept.redo[0]).patches =
            vec![Patch::Splice { at: "/actions".into(), index: usize::MAX, old: vec![Json::Null], new: Vec::new() }];
        let error = kept.check(&named("b")).expect_err("a splice beyond any list");
        assert!(error.contains("\"edit c\" does not fit"), "{error}");
    }

    #[test]
    fn recovered_history_ends_at_the_manifest_before_recovering() {
        let mut history = History::new(named("a"));
        history.record_all(&mut named("b"), "edit".into(), place());
        let mut recovered = History::recovered(&named("before"), named("b"), Some(history.kept()), place());
        assert_eq!(recovered.counts(), (1, 0), "a history that never was the file is one change on top of it");
        let (change, manifest) = stepped(&mut recovered, false).expect("a change").expect("fits");
        assert_eq!(change.label, "recover draft");
        assert_eq!(name(&manifest), "before");
        assert!(recovered.at_saved());
    }

    #[test]
    fn recovered_history_stops_at_the_file_its_changes_pass_through() {
        // The crashed run: a → b (saved: the file is now b) → c.
        let mut history = History::new(named("a"));
        history.record_all(&mut named("b"), "edit to b".into(), place());
        history.record_all(&mut named("c"), "edit to c".into(), place());
        let mut recovered = History::recovered(&named("b"), named("c"), Some(history.kept()), place());
        assert_eq!(recovered.counts(), (1, 0), "only the change on top of the file");
        let (change, manifest) = stepped(&mut recovered, false).expect("a change").expect("fits");
        assert_eq!((change.label.as_str(), name(&manifest)), ("edit to c", "b"));
        assert!(recovered.at_saved());
        assert!(stepped(&mut recovered, false).is_none(), "undo stops at the file");
    }
}
