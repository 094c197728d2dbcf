//! The manifest being edited, with its path, its diagnostics and which of them the author should see yet.

use super::action::Opened;
use super::findings::{Findings, Touched};
use super::history::apply::Element;
use super::history::follow::{CatchUp, Mark};
use super::history::patch::Patch;
use super::history::{History, Kept, Place, Scope as Compared};
use super::since_opened::SinceOpened;
use super::steps::Step;
use super::tally::Tally;
use crate::manifest::{Counts, Diagnostic, Manifest, Parsed, Shape};
use std::collections::HashSet;
use std::path::PathBuf;

/// A manifest open in the wizard.
#[derive(Debug, Clone)]
pub struct Document {
    /// The manifest.
    pub manifest: Manifest,
    /// Where it is saved; None for a new manifest not saved yet.
    pub path: Option<PathBuf>,
    /// What reading noted (legacy shape, letter case): shown until the next save writes it anew.
    pub notes: Vec<Diagnostic>,
    /// Every finding, by part and sorted by pointer, so an edit re-checks only the part it touched.
    findings: Findings,
    /// Unsaved changes.
    pub modified: bool,
    /// Pointers the author has edited: their problems are shown even before a save.
    touched: HashSet<String>,
    /// Show every problem: the file was opened from disk, or a save was tried.
    pub reveal_all: bool,
    /// Counted problems per step (visible ones, and errors still to fill), kept up to date.
    tally: Tally,
    /// Bumped on every change, so views derived from the manifest know when to rebuild.
    pub generation: u64,
    /// The shape the file had on disk, to warn before a save changes it.
    pub disk_shape: Option<Shape>,
    /// A fingerprint of the file as last read or written, to notice changes made by others.
    pub disk_hash: Option<u64>,
    /// The changes that can be undone and redone.
    pub history: History,
    /// The generation the history last saw: a newer one means a change not recorded yet.
    recorded: u64,
    /// Where the edits since the history last recorded were made: nothing yet, all in one action
    /// (only it is compared then), or anywhere.
    edits: Edits,
    /// The file as opened in this run and what changed since; None for a manifest made in this run.
    pub since_opened: Option<SinceOpened>,
}

/// Where the edits not recorded yet were made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edits {
    None,
    InAction(usize),
    /// In the integration, not its name (which the actions' providers follow).
    InTop,
    Anywhere,
}

impl Edits {
    /// What a change's comparison looks at for these edits: `wrapper` when the manifest is written
    /// in the wrapper shape (pointers name these places in it only).
    fn compared(self, wrapper: bool) -> Compared {
        match self {
            Edits::InAction(index) if wrapper => Compared::Action(index),
            Edits::InTop if wrapper => Compared::Top,
            // A change made without `edited` (an edit cancelled, a long text) is found by comparing everything.
            _ => Compared::Everything,
        }
    }

    /// The places so far with one more edit at `pointer`.
    fn and(self, pointer: &str) -> Self {
        // Only a place inside an action: "/actions/3" itself is a list operation (added, moved,
        // removed), which changes other actions' places too.
        let action = pointer
            .strip_prefix("/actions/")
            .and_then(|rest| rest.split_once('/'))
            .and_then(|(index, _)| index.parse::<usize>().ok());
        let top = action.is_none()
            && (pointer.starts_with("/integration/") || pointer == "/requires_cti")
            && pointer != "/integration/name";
        match (self, action) {
            (Edits::None, Some(index)) => Edits::InAction(index),
            (Edits::InAction(known), Some(index)) if known == index => self,
            (Edits::None | Edits::InTop, None) if top => Edits::InTop,
            _ => Edits::Anywhere,
        }
    }
}

impl Document {
    /// A blank manifest, to be saved at `path` if given.
    pub fn blank(path: Option<PathBuf>) -> Self {
        Self::build(Manifest::new(), Vec::new(), path, false)
    }

    /// A manifest read from disk (or from a bundled example, with no path): its problems show at once.
    pub fn opened(parsed: Parsed, path: Option<PathBuf>) -> Self {
        let on_disk = path.is_some();
        let mut document = Self::build(parsed.manifest, parsed.notes, path, true);
        if on_disk {
            document.disk_shape = Some(document.manifest.shape);
        }
        document
    }

    /// A manifest read from the file at `path`: what changes from now on is compared with it.
    pub fn from_file(opened: Opened, path: PathBuf) -> Self {
        let Opened { parsed, disk_hash, source } = opened;
        let file_name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into());
        let baseline = parsed.manifest.clone();
        let mut document = Self::opened(parsed, Some(path));
        document.disk_hash = Some(disk_hash);
        document.since_opened = Some(SinceOpened::new(baseline, source, file_name));
        document
    }

    /// Compares the manifest with the file as opened, if it was opened and changed since the last time.
    pub fn refresh_changes(&mut self) {
        if let Some(since) = &mut self.since_opened {
            since.refresh(&self.manifest, self.generation);
        }
    }

    /// The changes since the file was opened, as last compared (none for a manifest made in this run).
    pub fn changes(&self) -> &[crate::manifest::changes::Change] {
        self.since_opened.as_ref().map_or(&[], SinceOpened::changes)
    }

    fn build(manifest: Manifest, notes: Vec<Diagnostic>, path: Option<PathBuf>, reveal_all: bool) -> Self {
        let mut document = Document {
            manifest,
            path,
            notes,
            findings: Findings::default(),
            modified: false,
            touched: HashSet::new(),
            reveal_all,
            tally: Tally::default(),
            generation: 0,
            disk_shape: None,
            disk_hash: None,
            history: History::new(Manifest::default()),
            recorded: 0,
            edits: Edits::None,
            since_opened: None,
        };
        document.history = History::new(document.manifest.clone());
        document.revalidate();
        document
    }

    /// Records an edit at `pointer`: the document is modified, the part of the manifest holding
    /// the pointer is checked again, and the pointer's problems become visible.
    pub fn edited(&mut self, pointer: String) {
        self.modified = true;
        self.generation += 1;
        self.edits = self.edits.and(&pointer);
        self.revalidate_at(&pointer);
        self.touch(pointer);
    }

    /// Checks again what an edit touched, and counts what changed.
    fn recheck(&mut self, touched: Touched) {
        let Document { findings, manifest, notes, touched: seen, reveal_all, tally, .. } = self;
        let visible = |diagnostic: &Diagnostic| is_visible(seen, *reveal_all, diagnostic);
        let in_place = findings.recheck(manifest, notes, touched, &mut |old, new| {
            tally.count(old, visible, manifest, false);
            tally.count(new, visible, manifest, true);
        });
        if !in_place {
            self.refresh_counts();
        }
    }

    /// The author edited `pointer`: its problems, and those about what holds it, show from now on.
    fn touch(&mut self, pointer: String) {
        if self.reveal_all || self.touched.contains(&pointer) {
            self.touched.insert(pointer);
            return;
        }
        // Only the findings at the pointer or at a place holding it change visibility.
        let places: Vec<&str> =
            pointer.match_indices('/').map(|(at, _)| &pointer[..at]).chain([pointer.as_str()]).collect();
        let visible = |touched: &HashSet<String>, diagnostic: &Diagnostic| is_visible(touched, false, diagnostic);
        for place in &places {
            let seen = &self.touched;
            self.tally.count(self.findings.at(place), |d| visible(seen, d), &self.manifest, false);
        }
        let owned = pointer.clone();
        self.touched.insert(owned);
        for place in &places {
            let seen = &self.touched;
            self.tally.count(self.findings.at(place), |d| visible(seen, d), &self.manifest, true);
        }
    }

    /// Shows every problem from now on (a save was tried).
    pub fn reveal(&mut self) {
        self.reveal_all = true;
        self.refresh_counts();
    }

    /// Runs every rule again and refreshes the counts.
    pub fn revalidate(&mut self) {
        self.findings = Findings::of(&self.manifest, &self.notes);
        self.refresh_counts();
    }

    /// Runs again the rules of the part an edit at `pointer` touched: one action, or everything
    /// but the actions; the checks across actions (providers, repeated names) only for the actions
    /// the edit can change them for. A change to the actions list itself (added, moved, removed)
    /// checks everything.
    fn revalidate_at(&mut self, pointer: &str) {
        let touched = self.touched_at(pointer);
        self.recheck(touched);
    }

    /// What an edit at `pointer` touched, for the findings.
    fn touched_at(&self, pointer: &str) -> Touched {
        if self.manifest.written_shape() != Shape::Wrapper {
            return Touched::Everything;
        }
        let action = pointer
            .strip_prefix("/actions/")
            .and_then(|rest| rest.split_once('/'))
            .and_then(|(index, _)| index.parse::<usize>().ok());
        match action {
            Some(index) => Touched::Action { index, own: true, across: across_may_change(pointer) },
            None if !pointer.starts_with("/actions") => Touched::Top { providers: across_may_change(pointer) },
            None => Touched::Everything,
        }
    }

    /// Counts every finding again.
    fn refresh_counts(&mut self) {
        let Document { findings, manifest, touched, reveal_all, .. } = self;
        let mut tally = Tally::default();
        tally.count(findings.merged(), |diagnostic| is_visible(touched, *reveal_all, diagnostic), manifest, true);
        self.tally = tally;
    }

    /// After a save: the file on disk now matches, and reading's notes no longer apply.
    pub fn saved(&mut self, path: PathBuf) {
        self.path = Some(path);
        self.modified = false;
        self.notes.clear();
        self.disk_shape = Some(self.manifest.written_shape());
        self.history.mark_saved();
        self.revalidate();
    }

    /// True when the manifest changed since the history last recorded.
    pub fn unrecorded(&self) -> bool {
        self.generation != self.recorded
    }

    /// Records what changed since the last change as one change called `label`, made at `place`;
    /// false when nothing did (an edit cancelled, a value typed back as it was).
    pub fn record(&mut self, label: String, place: Place) -> bool {
        self.recorded = self.generation;
        let wrapper = self.manifest.written_shape() == Shape::Wrapper;
        let scope = std::mem::replace(&mut self.edits, Edits::None).compared(wrapper);
        self.history.record(&mut self.manifest, scope, label, place)
    }

    /// Undoes (or with `forwards`, redoes) the last change: only the parts of the manifest it
    /// changed are put back and checked again, and the places it changed show their problems.
    /// Returns what the change was and where it was made; None when there is nothing to undo (redo).
    pub fn step(&mut self, forwards: bool) -> Result<Option<(String, Place)>, String> {
        if self.unrecorded() {
            // An edit not recorded is not part of the history: the manifest goes back to where the
            // history stands before stepping (the wizard records every edit before an undo).
            self.manifest = self.history.baseline().clone();
        }
        let (label, place, pointers, elements) = match self.history.step(forwards, &mut self.manifest) {
            None => return Ok(None),
            Some(Err(message)) => return Err(message),
            Some(Ok((change, elements))) => (
                change.label.clone(),
                change.place.clone(),
                change.patches.iter().map(|patch| patch.pointer()).collect::<Vec<_>>(),
                elements,
            ),
        };
        self.edits = Edits::None;
        self.generation += 1;
        self.recorded = self.generation;
        self.modified = !self.history.at_saved();
        match elements {
            Some(elements) => {
                for element in &elements {
                    let touched = match element {
                        Element::Top(pointers) => {
                            Touched::Top { providers: pointers.iter().any(|pointer| across_may_change(pointer)) }
                        }
                        Element::Action(index, pointers) => Touched::Action {
                            index: *index,
                            // An undone rename changed only the providers, which the checks across read.
                            own: !pointers.iter().all(|pointer| pointer.ends_with("/provider")),
                            across: pointers.iter().any(|pointer| across_may_change(pointer)),
                        },
                        Element::Spliced { .. } => Touched::Everything,
                    };
                    self.recheck(touched);
                }
                pointers.into_iter().for_each(|pointer| self.touch(pointer));
            }
            None => {
                self.touched.extend(pointers);
                self.revalidate();
            }
        }
        Ok(Some((label, place)))
    }

    /// The history as a draft keeps it: a change not recorded yet (a field being edited) is kept
    /// as the newest change, called `pending`'s label, so the draft's manifest is where it ends.
    pub fn kept_history(&mut self, pending: (String, Place)) -> Kept {
        let patches = self.pending_patches();
        self.history.kept().with_pending(pending.0, pending.1, patches)
    }

    /// What a draft of the work needs, taken without copying the manifest or the history (the
    /// loop must not pause for a draft, whatever the manifest's size): the history's changes
    /// (shared), the edit not recorded yet as patches (only its part is compared), and what a copy
    /// of the history's baseline at `mark` (the draft writer's own) must apply to be it again.
    pub(crate) fn for_draft(&mut self, mark: Option<Mark>) -> ForDraft {
        let pending = self.pending_patches();
        let (catch_up, mark) = self.history.catch_up(mark);
        ForDraft { kept: self.history.kept(), pending, catch_up, mark }
    }

    /// The patches from the history's baseline to the manifest: the edits not recorded yet.
    fn pending_patches(&mut self) -> Vec<Patch> {
        if !self.unrecorded() {
            return Vec::new();
        }
        let scope = self.edits.compared(self.manifest.written_shape() == Shape::Wrapper);
        self.history.pending(&mut self.manifest, scope)
    }

    /// Puts recovered work in place of the manifest: `kept` is the draft's history (None for a
    /// draft without one). Recovering is a change of its own, undone last.
    pub fn recover(&mut self, manifest: Manifest, kept: Option<Kept>, place: Place) {
        let before = std::mem::replace(&mut self.manifest, manifest);
        self.history = History::recovered(&before, self.manifest.clone(), kept, place);
        self.edits = Edits::None;
        self.modified = true;
        self.generation += 1;
        self.recorded = self.generation;
        self.revalidate();
    }

    /// Every finding, sorted by pointer.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        self.findings.merged()
    }

    /// Indices into [`Document::diagnostics`] in the order the review lists them: by step, then by place.
    pub fn review_order(&self) -> &[usize] {
        self.findings.review_order(&self.manifest)
    }

    /// The findings the author should see now.
    pub fn visible(&self) -> impl Iterator<Item = &Diagnostic> {
        self.findings.merged().iter().filter(|diagnostic| self.is_visible(diagnostic))
    }

    /// True when a finding is shown: everything after opening a file or trying to save, otherwise
    /// only what is at or around a value the author edited.
    pub fn is_visible(&self, diagnostic: &Diagnostic) -> bool {
        is_visible(&self.touched, self.reveal_all, diagnostic)
    }

    /// The visible findings exactly at `pointer`.
    pub fn at<'a>(&'a self, pointer: &str) -> impl Iterator<Item = &'a Diagnostic> + use<'a> {
        let start = self.findings.merged().partition_point(|d| d.pointer.as_str() < pointer);
        let end = start + self.findings.merged()[start..].iter().take_while(|d| d.pointer == pointer).count();
        self.findings.merged()[start..end].iter().filter(move |d| self.is_visible(d))
    }

    /// True when a value at `pointer` is still to fill: an error there the author has not reached yet.
    pub fn to_fill_at(&self, pointer: &str) -> bool {
        let start = self.findings.merged().partition_point(|d| d.pointer.as_str() < pointer);
        self.findings.merged()[start..]
            .iter()
            .take_while(|d| d.pointer == pointer)
            .any(|d| d.is_error() && !self.is_visible(d))
    }

    /// Visible problems at `pointer` and everything below it.
    pub fn counts_under(&self, pointer: &str) -> Counts {
        let mut counts = Counts::default();
        let start = self.findings.merged().partition_point(|d| d.pointer.as_str() < pointer);
        for diagnostic in &self.findings.merged()[start..] {
            let rest = match diagnostic.pointer.strip_prefix(pointer) {
                Some(rest) => rest,
                None => break,
            };
            // "/actions/1" must not count "/actions/10".
            if (rest.is_empty() || rest.starts_with('/')) && self.is_visible(diagnostic) {
                counts.add(diagnostic.severity);
            }
        }
        counts
    }

    /// Visible problems of a step.
    pub fn step_counts(&self, step: Step) -> Counts {
        self.tally.shown[step.index()]
    }

    /// Errors of a step at values the author has not reached yet: what is still to fill (a hidden
    /// error is a mandatory value left empty, or a value another edit made wrong).
    pub fn to_fill(&self, step: Step) -> usize {
        self.tally.to_fill[step.index()]
    }

    /// Visible errors in the whole manifest.
    pub fn error_count(&self) -> usize {
        self.tally.shown.iter().map(|counts| counts.errors).sum()
    }

    /// Errors whatever their visibility: what a save would write.
    pub fn has_errors(&self) -> bool {
        self.findings.merged().iter().any(Diagnostic::is_error)
    }

    /// The file name a new manifest is offered to be saved as: `<name>.json`.
    pub fn default_file_name(&self) -> String {
        let name = self.manifest.integration().and_then(|i| i.name.non_blank()).unwrap_or("manifest");
        let safe: String =
            name.chars().map(|c| if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' }).collect();
        format!("{safe}.json")
    }
}

/// True when a finding is shown: every finding once `reveal_all`, otherwise only those at or
/// around (about a list or object holding) a value the author edited, the `touched` pointers.
fn is_visible(touched: &HashSet<String>, reveal_all: bool, diagnostic: &Diagnostic) -> bool {
    if reveal_all || touched.contains(&diagnostic.pointer) {
        return true;
    }
    // A problem about a whole list or object shows once something inside it was edited.
    // (No string is built here: this runs for every finding counted.)
    let pointer = diagnostic.pointer.as_str();
    touched.iter().any(|touched| {
        touched.len() > pointer.len() && touched.starts_with(pointer) && touched.as_bytes()[pointer.len()] == b'/'
    })
}

/// Whether an edit at `pointer` (in the wrapper shape) may change what the checks across actions
/// find: they read the integration's name, and each action's name and provider. Typing in any other
/// field then costs the same whatever the number of actions.
fn across_may_change(pointer: &str) -> bool {
    if let Some(rest) = pointer.strip_prefix("/actions/") {
        // "/actions/3/description/..." reaches neither; "/actions/3" itself (the action) may.
        return rest.split('/').nth(1).is_none_or(|key| key == "name" || key == "provider");
    }
    match pointer.strip_prefix("/integration/") {
        Some(key) => key.split('/').next() == Some("name"),
        None => true,
    }
}

/// What a draft of the work is made of (see [`Document::for_draft`]): its manifest is the baseline
/// after `catch_up`, with the `pending` patches applied.
#[derive(Debug)]
pub(crate) struct ForDraft {
    /// The history, without the edit under way.
    pub kept: Kept,
    /// The edit under way, as patches over the baseline.
    pub pending: Vec<Patch>,
    /// What the draft writer's copy of the baseline applies to be the baseline again.
    pub catch_up: CatchUp,
    /// Where that copy stands then.
    pub mark: Mark,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::edit::Owner;
    use crate::manifest::{ActionKey, InputKey, IntegrationKey, read, to_json, validate};
    use crate::wizard::steps::Step;
    use crate::wizard::tally::Tally;

    /// A valid manifest of `actions` actions of 3 inputs, opened: without findings, whose number
    /// is another matter.
    fn actions_document(actions: usize) -> Document {
        let mut manifest = Manifest::new();
        manifest.set_text(Owner::Integration, IntegrationKey::Name, "bigcrm");
        manifest.set_text(Owner::Integration, IntegrationKey::DisplayName, "Big CRM");
        manifest.set_authentication_type(crate::manifest::AuthenticationType::None);
        for action in 0..actions {
            let index = manifest.add_action().expect("actions list");
            manifest.set_text(Owner::Action(index), ActionKey::Name, &format!("action_{action}"));
            manifest.set_text(Owner::Action(index), ActionKey::Display, &format!("do thing {action}"));
            manifest.set_text(Owner::Action(index), ActionKey::Description, &format!("does thing {action}"));
            manifest.set_text(Owner::Action(index), ActionKey::Endpoint, &format!("https://crm.example.org/{action}"));
            for input in 0..3 {
                let at = manifest.add_input(index).expect("inputs list");
                let owner = Owner::Input { action: index, input: at };
                manifest.set_text(owner, InputKey::Key, &format!("field_{input}"));
                manifest.set_text(owner, InputKey::Name, &format!("Field {input}"));
            }
        }
        Document::opened(read(to_json(&manifest).as_bytes()).expect("the manifest reads"), None)
    }

    fn sorted(mut findings: Vec<Diagnostic>) -> Vec<String> {
        let mut shown: Vec<String> =
            findings.drain(..).map(|d| format!("{} {} {}", d.pointer, d.code, d.message)).collect();
        shown.sort();
        shown
    }

    #[test]
    fn an_edit_finds_what_a_check_of_the_whole_manifest_finds() {
        let mut document = actions_document(4);
        type Edit = fn(&mut Manifest);
        let edits: [(&str, Edit); 8] = [
            ("/integration/display_name", |m| m.set_text(Owner::Integration, IntegrationKey::DisplayName, "")),
            ("/integration/name", |m| m.set_text(Owner::Integration, IntegrationKey::Name, "othercrm")),
            ("/integration/name", |m| m.set_text(Owner::Integration, IntegrationKey::Name, "bigcrm")),
            ("/actions/1/name", |m| m.set_text(Owner::Action(1), ActionKey::Name, "action_2")),
            ("/actions/1/description", |m| m.set_text(Owner::Action(1), ActionKey::Description, "Does a thing")),
            ("/actions/2/provider", |m| m.set_text(Owner::Action(2), ActionKey::Provider, "elsewhere")),
            ("/actions/2/display", |m| m.set_text(Owner::Action(2), ActionKey::Display, "Thing")),
            ("/actions/1/name", |m| m.set_text(Owner::Action(1), ActionKey::Name, "action_1")),
        ];
        for (pointer, edit) in edits {
            edit(&mut document.manifest);
            document.edited(pointer.into());
            assert_eq!(
                sorted(document.diagnostics().to_vec()),
                sorted(validate(&document.manifest)),
                "after {pointer}"
            );
        }
    }

    #[test]
    fn a_keystroke_outside_names_and_providers_costs_the_same_whatever_the_number_of_actions() {
        // What an edit allocates re-checking a manifest: the checks across actions allocate for
        // every action, so this fails if they run again for an edit that cannot change them.
        let counted = |actions: usize, owner: Owner, pointer: &str| {
            let mut document = actions_document(actions);
            let mut round = 0;
            allocation_counter::measure(|| {
                for _ in 0..10 {
                    round += 1;
                    match owner {
                        Owner::Integration => {
                            document.manifest.set_text(owner, IntegrationKey::DisplayName, &format!("Big {round}"))
                        }
                        _ => document.manifest.set_text(owner, ActionKey::Description, &format!("Does {round}")),
                    }
                    document.edited(pointer.into());
                }
            })
        };
        for (owner, pointer) in
            [(Owner::Integration, "/integration/display_name"), (Owner::Action(7), "/actions/7/description")]
        {
            let few = counted(100, owner, pointer);
            let many = counted(3_000, owner, pointer);
            assert!(
                many.bytes_total < few.bytes_total + 4_096 && many.count_total < few.count_total + 20,
                "{pointer}: 10 edits with 100 actions allocated {} bytes ({} times), with 3,000 actions {} bytes ({} times)",
                few.bytes_total,
                few.count_total,
                many.bytes_total,
                many.count_total
            );
        }
    }

    /// The findings as a check of the whole document lists them, in the same order.
    fn checked_whole(document: &Document) -> Vec<Diagnostic> {
        let mut whole = document.clone();
        whole.revalidate();
        whole.diagnostics().to_vec()
    }

    /// The counts as counting every finding gives them.
    fn counted_whole(document: &Document) -> Tally {
        let mut whole = document.clone();
        whole.refresh_counts();
        whole.tally
    }

    /// What `edits` allocate on a document of `actions` actions (broken: every action with a
    /// warning, when `broken`), after `prepare`.
    fn allocated(
        actions: usize,
        broken: bool,
        prepare: impl Fn(&mut Document),
        edits: impl Fn(&mut Document, usize),
    ) -> allocation_counter::AllocationInfo {
        let mut document = actions_document(actions);
        if broken {
            for index in 0..actions {
                document.manifest.set_text(Owner::Action(index), ActionKey::Display, "Do a thing");
            }
            let parsed = read(to_json(&document.manifest).as_bytes()).expect("the manifest reads");
            document = Document::opened(parsed, None);
            assert!(document.diagnostics().len() >= actions, "every action has a finding");
        }
        prepare(&mut document);
        allocation_counter::measure(|| (0..10).for_each(|round| edits(&mut document, round)))
    }

    /// Fails when the edits allocate more with 3,000 actions than with 100.
    fn assert_same_cost(
        what: &str,
        broken: bool,
        prepare: impl Fn(&mut Document),
        edits: impl Fn(&mut Document, usize),
    ) {
        let few = allocated(100, broken, &prepare, &edits);
        let many = allocated(3_000, broken, &prepare, &edits);
        assert!(
            many.bytes_total < few.bytes_total + 4_096 && many.count_total < few.count_total + 20,
            "{what}: with 100 actions {} bytes ({} times), with 3,000 actions {} bytes ({} times)",
            few.bytes_total,
            few.count_total,
            many.bytes_total,
            many.count_total
        );
    }

    /// Six recorded edits: action 7's description and name and the integration's display name,
    /// each set, then each cleared (its key removed).
    fn six_changes(document: &mut Document) {
        for round in 0..6 {
            let (pointer, owner, key): (&str, Owner, crate::manifest::Key) = match round % 3 {
                0 => ("/actions/7/description", Owner::Action(7), ActionKey::Description.into()),
                1 => ("/actions/7/name", Owner::Action(7), ActionKey::Name.into()),
                _ => ("/integration/display_name", Owner::Integration, IntegrationKey::DisplayName.into()),
            };
            document.manifest.set_text(owner, key, &if round < 3 { format!("thing{round}") } else { String::new() });
            document.edited(pointer.into());
            assert!(document.record(format!("edit {round}"), place()));
        }
    }

    fn place() -> Place {
        Place { page: super::super::steps::Page::Step(Step::Integration), back: Vec::new(), focus: 0 }
    }

    #[test]
    fn undo_and_redo_cost_the_same_whatever_the_number_of_actions() {
        for broken in [false, true] {
            assert_same_cost("undo and redo", broken, six_changes, |document, round| {
                let forwards = round >= 5;
                document.step(forwards).expect("fits").expect("a change");
            });
        }
    }

    #[test]
    fn undo_and_redo_find_what_a_check_of_the_whole_manifest_finds() {
        let mut document = actions_document(12);
        let mut states = vec![to_json(&document.manifest)];
        let edits: [(&str, Owner, crate::manifest::Key, &str); 7] = [
            ("/actions/3/name", Owner::Action(3), ActionKey::Name.into(), "action_5"),
            ("/actions/5/name", Owner::Action(5), ActionKey::Name.into(), ""),
            ("/actions/1/description", Owner::Action(1), ActionKey::Description.into(), "Does"),
            ("/integration/name", Owner::Integration, IntegrationKey::Name.into(), "other"),
            ("/actions/2/provider", Owner::Action(2), ActionKey::Provider.into(), "elsewhere"),
            ("/integration/display_name", Owner::Integration, IntegrationKey::DisplayName.into(), ""),
            ("/actions/0/name", Owner::Action(0), ActionKey::Name.into(), "action_3"),
        ];
        for (pointer, owner, key, text) in edits {
            document.manifest.set_text(owner, key, text);
            document.edited(pointer.into());
            document.record(format!("edit {pointer}"), place());
            states.push(to_json(&document.manifest));
        }
        // The integration's name cleared (every provider removed) and given again (every one added back).
        for name in ["", "renamed"] {
            document.manifest.rename_integration(name);
            document.edited("/integration/name".into());
            document.record(format!("rename to {name:?}"), place());
            states.push(to_json(&document.manifest));
        }
        // An action added, then removed: the list itself changes.
        document.manifest.add_action();
        document.edited("/actions/12".into());
        document.record("add action".into(), place());
        states.push(to_json(&document.manifest));
        let check = |document: &Document, state: &str, when: &str| {
            assert_eq!(to_json(&document.manifest), state, "{when}: the manifest");
            assert_eq!(document.diagnostics(), checked_whole(document), "{when}: the findings");
            assert_eq!(document.tally, counted_whole(document), "{when}: the counts");
            assert_eq!(sorted(document.diagnostics().to_vec()), sorted(validate(&document.manifest)), "{when}");
        };
        for back in (0..states.len() - 1).rev() {
            document.step(false).expect("fits").expect("a change");
            check(&document, &states[back], &format!("undone to state {back}"));
        }
        for (forth, state) in states.iter().enumerate().skip(1) {
            document.step(true).expect("fits").expect("a change");
            check(&document, state, &format!("redone to state {forth}"));
        }
    }

    #[test]
    fn a_name_cleared_or_typed_costs_the_same_whatever_the_number_of_actions() {
        // A name typed, cleared, and typed again as another action's: the repeated names are
        // found through an index of names, not by going through every action.
        assert_same_cost(
            "an action's name",
            false,
            |_| {},
            |document, round| {
                let name = match round % 3 {
                    0 => String::new(),
                    1 => "action_9".to_owned(),
                    _ => format!("renamed_{round}"),
                };
                document.manifest.set_text(Owner::Action(7), ActionKey::Name, &name);
                document.edited("/actions/7/name".into());
            },
        );
    }

    #[test]
    fn a_keystroke_in_a_broken_manifest_costs_the_same_whatever_the_number_of_findings() {
        // Every action has a warning: merging the findings list must not copy it at each keystroke.
        assert_same_cost(
            "a description in a broken manifest",
            true,
            |_| {},
            |document, round| {
                document.manifest.set_text(Owner::Action(7), ActionKey::Description, &format!("does {round}"));
                document.edited("/actions/7/description".into());
            },
        );
        assert_same_cost(
            "the display name in a broken manifest",
            true,
            |_| {},
            |document, round| {
                document.manifest.set_text(Owner::Integration, IntegrationKey::DisplayName, &format!("Big {round}"));
                document.edited("/integration/display_name".into());
            },
        );
    }

    #[test]
    fn names_typed_find_what_a_check_of_the_whole_manifest_finds_in_the_same_order() {
        let mut document = actions_document(6);
        for (index, name) in [(2, "action_1"), (4, "action_1"), (1, ""), (2, ""), (1, "action_4"), (4, "x"), (0, "x")] {
            document.manifest.set_text(Owner::Action(index), ActionKey::Name, name);
            document.edited(format!("/actions/{index}/name"));
            assert_eq!(document.diagnostics(), checked_whole(&document), "action {index} named {name:?}");
            assert_eq!(document.tally, counted_whole(&document), "action {index} named {name:?}: the counts");
        }
        document.manifest.rename_integration("");
        document.edited("/integration/name".into());
        assert_eq!(document.diagnostics(), checked_whole(&document), "the integration's name cleared");
    }

    #[test]
    fn the_counts_follow_what_the_author_edited_as_counting_every_finding_does() {
        let mut document = Document::blank(None);
        document.manifest.add_action();
        document.manifest.add_action();
        document.edited("/actions/1".into());
        assert_eq!(document.tally, counted_whole(&document), "an action added");
        let edits: [(&str, Owner, crate::manifest::Key, &str); 6] = [
            ("/actions/1/name", Owner::Action(1), ActionKey::Name.into(), "Bad Name"),
            ("/actions/0/name", Owner::Action(0), ActionKey::Name.into(), "Bad Name"),
            ("/actions/1/description", Owner::Action(1), ActionKey::Description.into(), "Does"),
            ("/integration/name", Owner::Integration, IntegrationKey::Name.into(), "crm"),
            ("/actions/1/name", Owner::Action(1), ActionKey::Name.into(), ""),
            ("/integration/display_name", Owner::Integration, IntegrationKey::DisplayName.into(), "CRM"),
        ];
        for (pointer, owner, key, text) in edits {
            document.manifest.set_text(owner, key, text);
            document.edited(pointer.into());
            assert_eq!(document.tally, counted_whole(&document), "after {pointer}");
            assert_eq!(document.diagnostics(), checked_whole(&document), "after {pointer}");
        }
        assert!(document.visible().count() > 0 && document.to_fill(Step::Actions) > 0);
    }

    #[test]
    fn problems_of_a_new_manifest_show_only_where_the_author_edited() {
        let mut document = Document::blank(None);
        assert!(document.has_errors());
        assert_eq!(document.visible().count(), 0);
        document.edited("/integration/name".into());
        assert!(document.visible().all(|d| d.pointer == "/integration/name"));
        document.reveal();
        assert!(document.visible().count() > 1);
    }
}
