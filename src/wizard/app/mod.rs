//! The wizard's state and `App::update`: every change of state happens here, without I/O.

mod caches;
mod editing;
mod external;
mod filter;
mod lists;
mod mode;
mod navigation;
mod pending;
mod probe;
mod prompt;
mod reports;
mod saving;
mod start;
mod undo;
mod values;

pub(crate) use caches::{PreviewCache, ReviewJson, focused_json};
pub(crate) use filter::ListFilter;
pub use mode::Mode;
pub(crate) use pending::Pending;

use super::action::{Action, Opened, SaveFailure};
use super::document::Document;
use super::editor::{EditTarget, Editor, TextBox};
use super::examples::EXAMPLES;
use super::form::{Options, Row, row, rows};
use super::layout;
use super::panels::recovery::RecoverDraft;
use super::steps::review::Listed;
use super::steps::{Page, Step};
use super::steps::{action as action_form, auth_fields, authentication, features, input as input_form, page_of};
use crate::manifest::edit::{ListRef, Owner};
use crate::manifest::{AuthenticationType, Counts, InputKey, InputType, Key, Shape, Slot, read, to_json};
use crate::probe::Target;
use crate::probe::contracts::{Bridge, Credentials};
use crate::storage::drafts::{Draft, DraftKey};
use std::path::PathBuf;
use tui_input::Input;

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// New blank, new from an example, open a path, recent files.
    Start,
    /// The steps of a manifest.
    Editor,
}

/// An entry of the start screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartItem {
    /// Start a blank manifest.
    Blank,
    /// Start from the bundled example with this index.
    Example(usize),
    /// Open a file (asks for its path).
    Open,
    /// Open a recently used file.
    Recent(PathBuf),
    /// Unsaved work found from an earlier session.
    Draft(DraftKey, Box<Draft>),
}

/// I/O the loop performs for `update`, which reports back with an [`Action`].
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write `contents` to `path` (atomically, keeping a backup) if the file on disk is as
    /// `expect` says; answered by `Action::Saved`.
    Save {
        /// Where to write.
        path: PathBuf,
        /// The file's new text.
        contents: String,
        /// What must be on disk for the save to go ahead.
        expect: OnDisk,
    },
    /// Delete these drafts (one the author declined).
    DiscardDrafts(Vec<DraftKey>),
    /// Delete every draft of the work in progress (the loop knows the session's and the file's keys),
    /// and these drafts recovered into it: the work was saved or discarded.
    DiscardWorkDrafts(Vec<DraftKey>),
    /// Load the draft's file (if it has one), then restore the draft over it.
    Recover(DraftKey, Box<Draft>),
    /// Read the manifest at `path`; answered by `Action::Loaded`.
    Open(PathBuf),
    /// Read the folder a path prompt's text names (as typed; empty: the starting folder), telling
    /// manifests among its JSON files; answered by `Action::FolderRead`.
    ReadFolder(String),
    /// Write the ticket document's `bytes` to `path` atomically, as the `ticket` command does; unless
    /// `overwrite`, an existing file is left alone. Answered by `Action::TicketWritten`.
    WriteTicket {
        /// Where to write.
        path: PathBuf,
        /// The document.
        bytes: Vec<u8>,
        /// Replace an existing file.
        overwrite: bool,
    },
    /// Probe `target` on a thread of its own; answered by `Action::Probed` while the wizard goes on.
    Probe {
        /// The bridge's endpoints, from the manifest.
        bridge: Box<Bridge>,
        /// The values of the auth fields.
        credentials: Credentials,
        /// The endpoint or action to call.
        target: Target,
    },
    /// Hand `text` to the author's editor (the terminal is lent to it); answered by `Action::ExternalEdited`.
    ExternalEdit {
        /// The text to edit.
        text: String,
        /// The field was opened only for the editor.
        opened_for_it: bool,
    },
    /// Write the draft, give the terminal back to the shell and stop the process until `fg`.
    Suspend,
    /// Leave the wizard.
    Quit,
}

/// What a save expects to find on disk before it writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnDisk {
    /// Whatever is there may be replaced (the author said so).
    Anything,
    /// No file: a new manifest must not silently replace an existing file.
    Nothing,
    /// The content with this fingerprint, as the wizard last read or wrote it.
    Content(u64),
}

/// The whole state of the wizard.
#[derive(Debug, Clone)]
pub struct App {
    /// What has the keys (the start screen, a step's page, an editor, a filter, a panel): one at a time.
    mode: Mode,
    /// The start screen's entries and focus.
    pub start: StartScreen,
    /// The manifest being edited and its findings.
    pub doc: Document,
    /// The page shown.
    pub page: Page,
    /// The focused row of the page.
    pub focus: usize,
    /// Pages to return to with Esc, with their focus.
    back: Vec<(Page, usize)>,
    /// A one-line message for the author (what just happened, or why not).
    pub status: Option<String>,
    /// The JSON preview on terminals narrower than 120 columns (always shown on wider ones).
    pub preview_on_narrow: bool,
    /// The terminal's size, for layout and mouse clicks.
    pub size: (u16, u16),
    /// The first row shown in the form, kept so that the focused row stays visible.
    pub scroll: usize,
    /// A filter on the page's list (typed after `/`).
    pub filter: Option<ListFilter>,
    /// Views derived from the state, rebuilt only when what they show changed.
    pub caches: Caches,
    /// Colours, or none (NO_COLOR).
    pub theme: super::view::theme::Theme,
    /// Which key does what: read by the dispatcher, the `?` panel and the hint bar.
    pub keys: std::sync::Arc<super::keys::KeyTable>,
    /// The folder relative paths are read from, given by the loop (empty: paths compare as written).
    pub working_dir: PathBuf,
    /// What this run remembers beyond the document: recovered drafts, a quit waiting for a save.
    session: Session,
    /// Why drafts cannot be written (set by the loop): the quit question says the work is not protected.
    pub drafts_failing: Option<String>,
    /// The change under way, recorded for undo once it ends.
    undo: undo::Pending,
    /// Offers the next key may confirm (remove fields no longer required, replace a wrong-typed value).
    pub pending: Pending,
}

/// The start screen: its entries and the focused one.
#[derive(Debug, Clone)]
pub struct StartScreen {
    /// The entries, in order.
    pub items: Vec<StartItem>,
    /// The focused entry.
    pub focus: usize,
    /// Drafts hidden behind a newer draft of the same file: one entry per file is enough to see
    /// there is work to recover, and each takes its file's entry when the newer one goes.
    pub older_drafts: Vec<(DraftKey, Draft)>,
}

impl StartScreen {
    /// How many older drafts of the same file the draft entry `draft` stands for.
    pub fn older_than(&self, draft: &Draft) -> usize {
        self.older_drafts.iter().filter(|(_, older)| older.path == draft.path).count()
    }

    /// Takes the draft `key` off the list; the newest older draft of its file, if any, takes its place.
    pub fn remove_draft(&mut self, key: &DraftKey) {
        let Some(index) = self.items.iter().position(|item| matches!(item, StartItem::Draft(known, _) if known == key))
        else {
            return;
        };
        let StartItem::Draft(_, removed) = self.items.remove(index) else { return };
        if let Some(next) = self.older_drafts.iter().position(|(_, older)| older.path == removed.path) {
            let (key, draft) = self.older_drafts.remove(next);
            self.items.insert(index, StartItem::Draft(key, Box::new(draft)));
        }
        self.focus = self.focus.min(self.items.len().saturating_sub(1));
    }
}

/// Views derived from the state and kept until what they show changes.
#[derive(Debug, Clone, Default)]
pub struct Caches {
    /// The preview's JSON, rebuilt only when the document or the focus changed.
    pub preview: PreviewCache,
    /// The whole manifest as JSON for the review page, rebuilt only when the manifest changed.
    pub review: ReviewJson,
}

/// What this run of the wizard remembers about the work beyond the document itself.
#[derive(Debug, Clone, Default)]
struct Session {
    /// Quit once the save under way succeeds.
    quit_after_save: bool,
    /// Drafts of earlier sessions that were recovered into this work.
    recovered: Vec<DraftKey>,
    /// The author quit without saving: the work is not kept as a draft.
    work_discarded: bool,
    /// The credentials typed for trying endpoints: asked once per run, kept in memory only.
    credentials: Option<Credentials>,
}

impl App {
    /// The start screen, listing `recent` files after the fixed entries.
    pub fn start(recent: Vec<PathBuf>) -> Self {
        let mut items = vec![StartItem::Blank];
        items.extend((0..EXAMPLES.len()).map(StartItem::Example));
        items.push(StartItem::Open);
        items.extend(recent.into_iter().map(StartItem::Recent));
        App {
            mode: Mode::Start,
            start: StartScreen { items, focus: 0, older_drafts: Vec::new() },
            doc: Document::blank(None),
            page: Page::Step(Step::Integration),
            focus: 0,
            back: Vec::new(),
            status: None,
            preview_on_narrow: false,
            size: (120, 40),
            scroll: 0,
            filter: None,
            caches: Caches::default(),
            theme: super::view::theme::Theme::default(),
            keys: std::sync::Arc::default(),
            working_dir: PathBuf::new(),
            session: Session::default(),
            drafts_failing: None,
            undo: undo::Pending::default(),
            pending: Pending::default(),
        }
    }

    /// Lists unsaved work from earlier sessions first on the start screen: the newest draft of each
    /// file, the older ones behind it.
    pub fn with_drafts(mut self, mut drafts: Vec<(DraftKey, Draft)>) -> Self {
        drafts.sort_by_key(|(_, draft)| std::cmp::Reverse(draft.written_at));
        let mut items: Vec<StartItem> = Vec::new();
        for (key, draft) in drafts {
            if items.iter().any(|item| matches!(item, StartItem::Draft(_, newer) if newer.path == draft.path)) {
                self.start.older_drafts.push((key, draft));
            } else {
                items.push(StartItem::Draft(key, Box::new(draft)));
            }
        }
        self.start.items.splice(0..0, items);
        self
    }

    /// Offers to recover `draft` (stored under `key`) over the manifest just opened; `differences` shows what it changes.
    /// `file_is_newer`: the file was saved after the draft was written, which the panel says.
    ///
    /// The draft was read from disk, where anything can be: a history that does not fit its manifest
    /// is left out here, before anything is applied, and the panel says so.
    pub fn offer_draft(&mut self, key: DraftKey, mut draft: Draft, mut differences: Vec<String>, file_is_newer: bool) {
        if let Some(why) = crate::wizard::run::recovery::drop_misfit_history(&mut draft) {
            differences.insert(0, format!("Its undo history is left out ({why}): y brings back its text alone."));
        }
        self.open(RecoverDraft { key, draft: Box::new(draft), differences, file_is_newer });
    }

    /// True when the author quit without saving: the work is not kept as a draft.
    pub fn work_discarded(&self) -> bool {
        self.session.work_discarded
    }

    /// Removes every draft of this work once it is saved or discarded (the loop adds its own keys).
    pub(crate) fn discard_work_drafts(&self) -> Effect {
        Effect::DiscardWorkDrafts(self.session.recovered.clone())
    }

    /// The editor on `doc`, skipping the start screen.
    pub fn editing(doc: Document) -> Self {
        let mut app = App::start(Vec::new());
        app.open_document(doc);
        app
    }

    /// True when Esc leaves something: an opened item, or a filter.
    pub fn can_go_back(&self) -> bool {
        !self.back.is_empty() || self.filter.is_some()
    }

    /// The rows of the current page (a filtered list shows only its matches).
    pub fn rows(&self) -> Vec<Row> {
        rows(self.page, &self.doc.manifest, Listed::of(&self.doc, self.page), self.filter_matches())
    }

    /// The elements a filter on this page's list matched; None when it is not filtered.
    fn filter_matches(&self) -> Option<&[usize]> {
        self.filter
            .as_ref()
            .filter(|filter| Some(filter.list) == self.page_list())
            .map(|filter| filter.matches.as_slice())
    }

    /// The focused row, if the page has any (found without listing a long list's every row).
    pub fn focused_row(&self) -> Option<Row> {
        row(self.page, &self.doc.manifest, Listed::of(&self.doc, self.page), self.filter_matches(), self.focus)
    }

    /// Applies one action and returns the I/O the loop must perform.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let mut effects = Vec::new();
        let before = self.before_change(&action);
        // A wrong-typed value is replaced only by the very next Space (or Enter) on its row; what the
        // loop reports on its own (drafts, messages) is not a keystroke and leaves the offer.
        let replace_flag = match action {
            Action::DraftWritten(_) | Action::Notice(_) | Action::Configured { .. } => None,
            _ => self.pending.replace_flag.take(),
        };
        match action {
            Action::Undo => self.undo(false, &mut effects),
            Action::Redo => self.undo(true, &mut effects),
            Action::Resize { width, height } => self.size = (width, height),
            Action::Saved { path, result } => {
                self.saved(path, result, &mut effects);
                self.settle_quit_after_save(&effects);
            }
            Action::Loaded { path, result } => self.loaded(path, result),
            Action::RestoreDraft(draft) => self.restore_draft(*draft),
            Action::OfferDraft { key, draft, differences, file_is_newer } => {
                self.offer_draft(key, *draft, differences, file_is_newer)
            }
            Action::TicketWritten { path, result } => crate::wizard::panels::ticket::written(self, path, result),
            Action::Probed(report, credentials) => self.probed(*report, &credentials),
            Action::Tick => self.tick(),
            Action::Suspend => effects.push(Effect::Suspend),
            Action::ExternalEdited { result, opened_for_it } => self.external_edited(result, opened_for_it),
            Action::ExternalEditor if !matches!(self.mode(), Mode::Panel(..) | Mode::Start) => {
                self.external_editor(&mut effects)
            }
            Action::FolderRead { folder, result } => self.folder_read(folder, result, &mut effects),
            Action::DraftWritten(result) => self.draft_written(result),
            Action::Notice(note) => self.notice(note),
            Action::Configured { settings, error } => self.configured(*settings, error),
            Action::Toggle | Action::Activate
                if replace_flag.is_some()
                    && replace_flag == self.focused_flag()
                    && matches!(self.mode(), Mode::Browse) =>
            {
                self.replace_flag(replace_flag)
            }
            action => self.answer(action, &mut effects),
        }
        self.after_change(before);
        // The review lists what changed since the file was opened: compared only there (and before
        // a save or a ticket), as comparing a large manifest takes as long as checking it.
        if self.screen() == Screen::Editor && self.page == Page::Step(Step::Review) {
            self.doc.refresh_changes();
        }
        // The offer to remove fields holds while the authentication step shows.
        if self.screen() != Screen::Editor || self.page != Page::Step(Step::Authentication) {
            self.pending.removable.clear();
        }
        // The offer to make a secret-looking field a password holds while its page shows.
        if self.screen() != Screen::Editor || self.pending.mask.is_some_and(|index| self.page != Page::AuthField(index))
        {
            self.pending.mask = None;
        }
        self.refresh_filter();
        self.clamp_focus();
        self.scroll = layout::scroll_for(self);
        self.refresh_review_json();
        self.refresh_preview();
        effects
    }

    /// Applies an action the author asked for. A message that answered an earlier keystroke goes
    /// once this one changes something (the author moved on); it stays while nothing changes, and
    /// when the keystroke finishes the edit the message was about ("renamed the provider ...").
    fn answer(&mut self, action: Action, effects: &mut Vec<Effect>) {
        let earlier = self.status.take();
        let before = self.what_the_author_sees();
        let editing = self.editor().is_some();
        match self.mode() {
            Mode::Panel(..) => self.hand_to_panel(action, effects),
            Mode::Start => self.update_start(action, effects),
            Mode::Filtering => self.update_filter(action, effects),
            Mode::Editing(_) => self.update_editor(action, effects),
            Mode::Browse => self.update_page(action, effects),
        }
        self.settle_quit_after_save(effects);
        let finished_an_edit = editing && self.editor().is_none();
        if self.status.is_none() && (finished_an_edit || self.what_the_author_sees() == before) {
            self.status = earlier;
        }
    }

    /// What a keystroke can change: the document, the screen and page, the focus, an editor or panel.
    fn what_the_author_sees(&self) -> (u64, Screen, Page, usize, usize, bool, bool, bool) {
        let start_focus = self.start.focus;
        let filtering = self.filter.is_some();
        (
            self.doc.generation,
            self.screen(),
            self.page,
            self.focus,
            start_focus,
            self.editor().is_some(),
            self.panel().is_some(),
            filtering,
        )
    }

    /// Hands `action` to the open panel, taken out of the mode while it answers.
    fn hand_to_panel(&mut self, action: Action, effects: &mut Vec<Effect>) {
        if let Some(panel) = self.take_panel() {
            panel.update(action, self, effects);
        }
    }

    fn edited(&mut self, pointer: String) {
        self.doc.edited(pointer);
    }
}
