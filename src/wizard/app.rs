//! The wizard's state and `App::update`: every change of state happens here, without I/O.

use super::action::{Action, Opened, SaveFailure};
use super::document::{Document, page_of};
use super::editor::{EditTarget, Editor, TextBox};
use super::examples::EXAMPLES;
use super::form::{Options, Row, rows};
use super::overlay::{Overlay, PromptPurpose};
use super::step::{Page, Step};
use super::view::layout;
use crate::manifest::edit::{ListRef, Owner};
use crate::manifest::{AuthenticationType, Counts, Shape, Slot, read, to_json};
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
    Blank,
    Example(usize),
    Open,
    Recent(PathBuf),
    /// Unsaved work found from an earlier session.
    Draft(DraftKey, Box<Draft>),
}

/// I/O the loop performs for `update`, which reports back with an [`Action`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write `contents` to `path` (atomically, keeping a backup) if the file on disk is as
    /// `expect` says; answered by `Action::Saved`.
    Save { path: PathBuf, contents: String, expect: OnDisk },
    /// Delete these drafts: the work was saved or discarded.
    DiscardDrafts(Vec<DraftKey>),
    /// Load the draft's file (if it has one), then restore the draft over it.
    Recover(DraftKey, Box<Draft>),
    /// Read the manifest at `path`; answered by `Action::Loaded`.
    Open(PathBuf),
    /// Leave the wizard.
    Quit,
}

/// A select's options as a `format` slot holds them (nothing when absent).
fn split_options(format: &Slot<String>) -> Vec<String> {
    match format.as_str() {
        Some(text) if !text.is_empty() => text.split(',').map(str::to_owned).collect(),
        _ => Vec::new(),
    }
}

/// True when two paths name the same file however they were written (`mycrm.json`, `./mycrm.json`,
/// `/home/me/proj/mycrm.json`), or when neither is set.
fn same_file(a: Option<&std::path::Path>, b: Option<&std::path::Path>) -> bool {
    let absolute = |path: &std::path::Path| std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (a, b) {
        (Some(a), Some(b)) => absolute(a) == absolute(b),
        (a, b) => a.is_none() && b.is_none(),
    }
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
    pub screen: Screen,
    pub start_items: Vec<StartItem>,
    pub start_focus: usize,
    pub doc: Document,
    pub page: Page,
    /// The focused row of the page.
    pub focus: usize,
    /// Pages to return to with Esc, with their focus.
    back: Vec<(Page, usize)>,
    pub editor: Option<Editor>,
    pub overlay: Option<Overlay>,
    /// A one-line message for the author (what just happened, or why not).
    pub status: Option<String>,
    /// The JSON preview on terminals narrower than 120 columns (always shown on wider ones).
    pub preview_on_narrow: bool,
    /// The terminal's size, for layout and mouse clicks.
    pub size: (u16, u16),
    /// Quit once the save under way succeeds.
    quit_after_save: bool,
    /// The whole manifest as JSON for the review page, rebuilt only when the manifest changed.
    pub review_json: ReviewJson,
    /// The first row shown in the form, kept so that the focused row stays visible.
    pub scroll: usize,
    /// A filter on the page's list (typed after `/`).
    pub filter: Option<ListFilter>,
    /// The preview's JSON, rebuilt only when the document or the focus changed.
    pub preview: PreviewCache,
    /// Colours, or none (NO_COLOR).
    pub theme: super::view::theme::Theme,
    /// Where drafts of a new manifest (not saved yet) of this session go.
    session_draft: DraftKey,
    /// Drafts of earlier sessions that were recovered into this work.
    recovered: Vec<DraftKey>,
    /// The author quit without saving: the work is not kept as a draft.
    pub work_discarded: bool,
    /// Why drafts cannot be written (set by the loop): the quit question says the work is not protected.
    pub drafts_failing: Option<String>,
}

/// A filter on a list: only the elements whose summary contains the text are shown.
#[derive(Debug, Clone)]
pub struct ListFilter {
    pub list: ListRef,
    pub input: Input,
    /// Keys go to the filter text while true (until Enter or Esc).
    pub typing: bool,
    /// The indices of the elements that match, in list order.
    pub matches: Vec<usize>,
    /// The document generation the matches were computed for.
    generation: u64,
}

/// The preview pane's content and what it was made from.
#[derive(Debug, Clone, Default)]
pub struct PreviewCache {
    /// The document generation, page and focused row it shows; None before the first update.
    pub source: Option<(u64, Page, Option<Row>)>,
    pub title: String,
    pub text: String,
    /// The key whose line is highlighted.
    pub key: Option<&'static str>,
}

/// The review page's JSON text, with the generation of the document it was made from.
#[derive(Debug, Clone, Default)]
pub struct ReviewJson {
    pub generation: Option<u64>,
    pub text: String,
    /// Byte offset of each line's start.
    pub line_starts: Vec<usize>,
    /// The first line shown.
    pub scroll: usize,
}

impl App {
    /// The start screen, listing `recent` files after the fixed entries.
    pub fn start(recent: Vec<PathBuf>) -> Self {
        let mut items = vec![StartItem::Blank];
        items.extend((0..EXAMPLES.len()).map(StartItem::Example));
        items.push(StartItem::Open);
        items.extend(recent.into_iter().map(StartItem::Recent));
        App {
            screen: Screen::Start,
            start_items: items,
            start_focus: 0,
            doc: Document::blank(None),
            page: Page::Step(Step::Integration),
            focus: 0,
            back: Vec::new(),
            editor: None,
            overlay: None,
            status: None,
            preview_on_narrow: false,
            size: (120, 40),
            quit_after_save: false,
            review_json: ReviewJson::default(),
            scroll: 0,
            filter: None,
            preview: PreviewCache::default(),
            theme: super::view::theme::Theme::default(),
            session_draft: DraftKey::for_new(),
            recovered: Vec::new(),
            work_discarded: false,
            drafts_failing: None,
        }
    }

    /// Lists unsaved work from earlier sessions first on the start screen.
    pub fn with_drafts(mut self, drafts: Vec<(DraftKey, Draft)>) -> Self {
        let items: Vec<StartItem> =
            drafts.into_iter().map(|(key, draft)| StartItem::Draft(key, Box::new(draft))).collect();
        self.start_items.splice(0..0, items);
        self
    }

    /// Offers to recover `draft` (stored under `key`) over the manifest just opened; `differences` shows what it changes.
    pub fn offer_draft(&mut self, key: DraftKey, draft: Draft, differences: Vec<String>) {
        self.overlay = Some(Overlay::Recover { key, draft: Box::new(draft), differences });
    }

    /// Where the draft of the work in progress is written.
    pub fn draft_key(&self) -> DraftKey {
        match &self.doc.path {
            Some(path) => DraftKey::for_path(path),
            None => self.session_draft.clone(),
        }
    }

    /// Every draft that holds this work: removed once it is saved or discarded.
    fn drafts_of_this_work(&self) -> Vec<DraftKey> {
        let mut keys = vec![self.draft_key(), self.session_draft.clone()];
        keys.extend(self.recovered.iter().cloned());
        keys.dedup();
        keys
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
        let only = self
            .filter
            .as_ref()
            .filter(|filter| Some(filter.list) == self.page_list())
            .map(|filter| filter.matches.as_slice());
        rows(self.page, &self.doc.manifest, &self.doc.review_order, only)
    }

    /// The focused row, if the page has any.
    pub fn focused_row(&self) -> Option<Row> {
        self.rows().get(self.focus).copied()
    }

    /// Applies one action and returns the I/O the loop must perform.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let mut effects = Vec::new();
        match action {
            Action::Resize { width, height } => self.size = (width, height),
            Action::Saved { path, result } => self.saved(path, result, &mut effects),
            Action::Loaded { path, result } => self.loaded(path, result),
            Action::RestoreDraft(draft) => self.restore_draft(*draft),
            Action::OfferDraft { key, draft, differences } => self.offer_draft(key, *draft, differences),
            action if self.overlay.is_some() => self.update_overlay(action, &mut effects),
            action if self.screen == Screen::Start => self.update_start(action, &mut effects),
            action if self.filter.as_ref().is_some_and(|filter| filter.typing) => {
                self.update_filter(action, &mut effects)
            }
            action if self.editor.is_some() => self.update_editor(action, &mut effects),
            action => self.update_page(action, &mut effects),
        }
        self.refresh_filter();
        self.clamp_focus();
        self.scroll = layout::scroll_for(self);
        self.refresh_review_json();
        self.refresh_preview();
        effects
    }

    // ----- start screen -----

    fn update_start(&mut self, action: Action, effects: &mut Vec<Effect>) {
        let last = self.start_items.len() - 1;
        match action {
            Action::Up | Action::Previous => self.start_focus = self.start_focus.saturating_sub(1),
            Action::Down | Action::Next => self.start_focus = (self.start_focus + 1).min(last),
            Action::First => self.start_focus = 0,
            Action::Last => self.start_focus = last,
            Action::Activate => self.choose_start_item(effects),
            Action::Click { row, .. } => {
                if let Some(index) = layout::start_item_at(self, row) {
                    self.start_focus = index;
                    self.choose_start_item(effects);
                }
            }
            Action::Quit | Action::Back => effects.push(Effect::Quit),
            Action::Help => self.overlay = Some(Overlay::Help),
            _ => {}
        }
    }

    fn choose_start_item(&mut self, effects: &mut Vec<Effect>) {
        match self.start_items[self.start_focus].clone() {
            StartItem::Blank => self.open_document(Document::blank(None)),
            StartItem::Example(index) => match read(EXAMPLES[index].json.as_bytes()) {
                Ok(parsed) => {
                    self.open_document(Document::opened(parsed, None));
                    self.status = Some("a copy of the example: Ctrl-S asks where to save it".into());
                }
                Err(diagnostic) => self.status = Some(diagnostic.message),
            },
            StartItem::Open => {
                self.overlay = Some(Overlay::Prompt { purpose: PromptPurpose::Open, input: Input::default() });
            }
            StartItem::Recent(path) => effects.push(Effect::Open(path)),
            StartItem::Draft(key, draft) => effects.push(Effect::Recover(key, draft)),
        }
    }

    fn loaded(&mut self, path: PathBuf, result: Result<Box<Opened>, String>) {
        match result {
            Ok(opened) => {
                let Opened { parsed, disk_hash } = *opened;
                let problems = parsed.notes.len();
                self.open_document(Document::opened(parsed, Some(path.clone())));
                self.doc.disk_hash = Some(disk_hash);
                let errors = self.doc.error_count();
                self.status = Some(match (errors, problems) {
                    (0, 0) => format!("opened {}", path.display()),
                    _ => format!("opened {}: {} (see Review & save)", path.display(), self.problem_summary()),
                });
            }
            Err(message) => {
                self.screen = Screen::Start;
                self.status = Some(format!("cannot open {}: {message}", path.display()));
            }
        }
    }

    fn open_document(&mut self, doc: Document) {
        self.doc = doc;
        self.screen = Screen::Editor;
        self.page = Page::Step(Step::Integration);
        self.focus = 0;
        self.back.clear();
        self.editor = None;
        self.review_json = ReviewJson::default();
    }

    /// Puts a draft's work in place of the open manifest (or opens it as a new one from the start screen).
    fn restore_draft(&mut self, draft: Draft) {
        let parsed = match read(draft.manifest.as_bytes()) {
            Ok(parsed) => parsed,
            Err(diagnostic) => {
                self.status = Some(format!("the draft cannot be read ({}); it is kept", diagnostic.message));
                return;
            }
        };
        if self.screen == Screen::Start || !same_file(self.doc.path.as_deref(), draft.path.as_deref()) {
            let mut doc = Document::opened(parsed.clone(), draft.path.clone());
            doc.disk_hash = None;
            self.open_document(doc);
        }
        self.doc.manifest = parsed.manifest;
        self.doc.modified = true;
        self.doc.generation += 1;
        self.doc.revalidate();
        self.status = Some("recovered your unsaved work; Ctrl-S saves it".into());
    }

    fn problem_summary(&self) -> String {
        let Counts { errors, warnings } = Counts::of(self.doc.diagnostics());
        format!("{errors} error(s), {warnings} warning(s)")
    }

    // ----- pages -----

    fn update_page(&mut self, action: Action, effects: &mut Vec<Effect>) {
        let count = self.rows().len();
        match action {
            Action::Up => self.focus = self.focus.saturating_sub(1),
            Action::Down => self.focus = (self.focus + 1).min(count.saturating_sub(1)),
            Action::Next => self.next_row(count),
            Action::Previous => self.previous_row(),
            Action::PageUp => self.focus = self.focus.saturating_sub(self.page_height()),
            Action::PageDown => self.focus = (self.focus + self.page_height()).min(count.saturating_sub(1)),
            Action::First => self.focus = 0,
            Action::Last => self.focus = count.saturating_sub(1),
            Action::GoTo(step) => self.go_to(step),
            Action::Activate => self.activate(),
            Action::Toggle => self.toggle(),
            Action::Cycle(forward) => self.cycle(forward),
            Action::Back if self.filter.is_some() => {
                self.filter = None;
                self.status = Some("filter cleared".into());
            }
            Action::Back => self.go_back(),
            Action::Filter => self.start_filter(),
            Action::Unbound(c) => {
                self.status = Some(match self.focused_row() {
                    Some(Row::Text { .. } | Row::SelectOption { .. }) => {
                        format!("'{c}' was not typed: press Enter to edit this field first")
                    }
                    _ => format!("'{c}' does nothing here; ? lists every key"),
                });
            }
            Action::Add => self.add_item(),
            Action::Duplicate => self.duplicate_item(),
            Action::Delete => self.ask_delete(),
            Action::MoveItem { up } => self.move_item(up),
            Action::QuickFix => self.quick_fix(),
            Action::Save => self.save(effects),
            Action::Quit => self.quit(effects),
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::TogglePreview => self.preview_on_narrow = !self.preview_on_narrow,
            Action::Paste(text) if self.open_editor() => self.update_editor(Action::Paste(text), effects),
            Action::Click { column, row } => self.click(column, row),
            Action::Scroll { down } => self.scroll(down, count),
            _ => {}
        }
    }

    fn page_height(&self) -> usize {
        usize::from(layout::areas(self).form.height.saturating_sub(2)).max(1)
    }

    fn next_row(&mut self, count: usize) {
        if self.focus + 1 < count {
            self.focus += 1;
        } else if let Some(step) = self.page.step().next() {
            self.go_to(step);
        }
    }

    fn previous_row(&mut self) {
        if self.focus > 0 {
            self.focus -= 1;
        } else if let Some(step) = self.page.step().previous() {
            self.go_to(step);
            self.focus = self.rows().len().saturating_sub(1);
        }
    }

    /// Shows a step's own page.
    pub fn go_to(&mut self, step: Step) {
        self.filter = None;
        self.page = Page::Step(step);
        self.focus = 0;
        self.back.clear();
        self.status = None;
        if step == Step::AuthFields && self.doc.manifest.authentication_type() == Some(AuthenticationType::None) {
            self.status = Some(
                "authentication type is none: Talkdesk needs no fields (choose another type in Authentication)".into(),
            );
        }
    }

    fn open_page(&mut self, page: Page, focus: usize) {
        // Esc returns to the same element, in the list as it is without the filter.
        let unfiltered_focus = match (&self.filter, self.focused_row()) {
            (Some(_), Some(row)) => {
                rows(self.page, &self.doc.manifest, &self.doc.review_order, None).iter().position(|r| *r == row)
            }
            _ => None,
        };
        self.back.push((self.page, unfiltered_focus.unwrap_or(self.focus)));
        self.filter = None;
        self.page = page;
        self.focus = focus;
    }

    fn go_back(&mut self) {
        match self.back.pop() {
            Some((page, focus)) => {
                self.page = page;
                self.focus = focus;
            }
            None => self.status = Some("Esc goes back from an opened item; Ctrl-Q quits".into()),
        }
    }

    fn clamp_focus(&mut self) {
        let count = self.rows().len();
        self.focus = self.focus.min(count.saturating_sub(1));
        self.start_focus = self.start_focus.min(self.start_items.len().saturating_sub(1));
    }

    fn activate(&mut self) {
        let Some(row) = self.focused_row() else {
            return;
        };
        match row {
            Row::Text { .. } => {
                self.open_editor();
            }
            Row::Toggle { .. } | Row::AuthType(_) => self.toggle(),
            Row::Choice { .. } => self.cycle(true),
            Row::Item(ListRef::InteractionTypes, _) => {
                self.open_editor();
            }
            Row::Item(ListRef::AuthFields, index) => self.open_page(Page::AuthField(index), 0),
            Row::Item(ListRef::Actions, index) => self.open_page(Page::Action(index), 0),
            Row::Item(ListRef::Inputs(action), input) => self.open_page(Page::Input { action, input }, 0),
            Row::Add(_) => self.add_item(),
            Row::Finding(index) => self.jump_to_finding(index),
            Row::Provider(_) => self.fix_providers(),
            Row::SelectOption { .. } => {
                self.open_editor();
            }
            Row::AddOption { action, input } => self.add_option(action, input),
        }
    }

    fn fix_providers(&mut self) {
        let changed = self.doc.manifest.sync_providers();
        let name = self.doc.manifest.integration().and_then(|i| i.name.non_blank()).unwrap_or("").to_owned();
        if changed > 0 {
            self.edited("/actions".into());
        }
        self.status = Some(match (changed, name.is_empty()) {
            (_, true) => "the provider is the integration's name: set the name in step 1 first".into(),
            (0, false) => format!("every action's provider is already \"{name}\" (the integration's name)"),
            (n, false) => format!("set the provider of {n} action(s) to \"{name}\", the integration's name"),
        });
    }

    fn add_option(&mut self, action: usize, input: usize) {
        let mut options = self.doc.manifest.select_options(action, input);
        options.push(String::new());
        let index = options.len() - 1;
        // The new option is stored once it has text (see close_editor), so no empty option is written.
        self.focus = self.rows().iter().position(|row| *row == Row::AddOption { action, input }).unwrap_or(self.focus);
        let original = self.doc.manifest.text(Owner::Input { action, input }, "format").cloned().unwrap_or_default();
        self.editor = Some(Editor {
            target: EditTarget::SelectOption { action, input, index },
            original,
            text: TextBox::new("", false),
            was_modified: self.doc.modified,
            completion: 0,
        });
    }

    fn filter_list(&self) -> Option<ListRef> {
        self.page_list().filter(|list| *list != ListRef::InteractionTypes)
    }

    fn start_filter(&mut self) {
        let Some(list) = self.filter_list() else {
            self.status = Some("/ filters the lists of Auth fields, Actions and an action's inputs".into());
            return;
        };
        let input = self.filter.take().map(|filter| filter.input).unwrap_or_default();
        self.filter = Some(ListFilter { list, input, typing: true, matches: Vec::new(), generation: u64::MAX });
        self.refresh_filter();
        self.focus = 0;
    }

    fn update_filter(&mut self, action: Action, effects: &mut Vec<Effect>) {
        let Some(filter) = self.filter.as_mut() else { return };
        match action {
            Action::Edit(request) => {
                filter.input.handle(request);
                filter.generation = u64::MAX;
                self.focus = 0;
            }
            Action::Paste(text) => {
                for c in text.chars().filter(|c| !c.is_control()) {
                    filter.input.handle(tui_input::InputRequest::InsertChar(c));
                }
                filter.generation = u64::MAX;
            }
            Action::Activate | Action::Down | Action::Next => filter.typing = false,
            Action::Back => self.filter = None,
            Action::Save | Action::Quit => {
                filter.typing = false;
                self.update_page(action, effects);
            }
            _ => {}
        }
    }

    /// Recomputes a filter's matches when its text or the manifest changed.
    fn refresh_filter(&mut self) {
        let Some(filter) = self.filter.as_mut() else { return };
        if filter.generation == self.doc.generation {
            return;
        }
        let needle = filter.input.value().to_lowercase();
        let count = match filter.list {
            ListRef::AuthFields => self.doc.manifest.auth_field_count(),
            ListRef::Actions => self.doc.manifest.action_count(),
            ListRef::Inputs(action) => self.doc.manifest.input_count(action),
            ListRef::InteractionTypes => 0,
        };
        let manifest = &self.doc.manifest;
        filter.matches = (0..count)
            .filter(|&index| {
                super::view::items::item_label(manifest, filter.list, index).to_lowercase().contains(&needle)
            })
            .collect();
        filter.generation = self.doc.generation;
    }

    fn toggle(&mut self) {
        match self.focused_row() {
            Some(Row::Toggle { owner, key, .. }) => {
                self.doc.manifest.toggle(owner, key);
                self.edited(owner.key_pointer(&self.doc.manifest, key));
                if key == "requires_cti" {
                    // CTI makes the agent endpoint mandatory: show at once what that asks for.
                    self.edited(Owner::Integration.key_pointer(&self.doc.manifest, "agent_synchronization_endpoint"));
                }
            }
            Some(Row::AuthType(kind)) => self.choose_authentication(kind),
            Some(Row::Choice { .. }) => self.cycle(true),
            _ => {}
        }
    }

    fn cycle(&mut self, forward: bool) {
        let Some(Row::Choice { owner, key, options, .. }) = self.focused_row() else {
            return;
        };
        let values = options.values();
        let current = self.doc.manifest.text(owner, key).and_then(Slot::as_str);
        let position = current.and_then(|value| values.iter().position(|v| *v == value));
        let next = match (position, forward) {
            (Some(at), true) => (at + 1) % values.len(),
            (Some(at), false) => (at + values.len() - 1) % values.len(),
            (None, _) => 0,
        };
        self.doc.manifest.set_text(owner, key, values[next]);
        self.edited(owner.key_pointer(&self.doc.manifest, key));
        if options == Options::InputTypes && values[next] == "select" {
            self.status = Some("select: list the options in Format, separated by commas, e.g. low,normal,high".into());
        }
    }

    fn choose_authentication(&mut self, kind: AuthenticationType) {
        let added = self.doc.manifest.set_authentication_type(kind);
        let list = Owner::Integration.key_pointer(&self.doc.manifest, "authentication_configuration");
        self.edited(Owner::Integration.key_pointer(&self.doc.manifest, "authentication_type"));
        self.edited(list);
        self.status = Some(if added.is_empty() {
            format!("authentication type: {}", kind.as_str())
        } else {
            format!("authentication type: {}; added the fields it requires: {}", kind.as_str(), added.join(", "))
        });
    }

    /// The list that the page's add/duplicate/delete keys work on.
    fn page_list(&self) -> Option<ListRef> {
        match self.page {
            Page::Step(Step::AuthFields) => Some(ListRef::AuthFields),
            Page::Step(Step::Actions) => Some(ListRef::Actions),
            Page::Step(Step::Features) => Some(ListRef::InteractionTypes),
            Page::Action(index) => Some(ListRef::Inputs(index)),
            _ => None,
        }
    }

    fn add_item(&mut self) {
        if let Page::Input { action, input } = self.page
            && self.doc.manifest.text(Owner::Input { action, input }, "type").and_then(Slot::as_str) == Some("select")
        {
            self.add_option(action, input);
            return;
        }
        let Some(list) = self.page_list() else {
            self.status = Some(match self.page {
                Page::Input { .. } => "inputs are added on their action's page: Esc goes back to it".into(),
                Page::AuthField(_) => "fields are added on the Auth fields list: Esc goes back to it".into(),
                _ => "nothing to add here: lists are in Features, Auth fields and Actions".into(),
            });
            return;
        };
        if list == ListRef::AuthFields && self.doc.manifest.authentication_type() == Some(AuthenticationType::None) {
            self.status = Some(
                "the authentication type is none, so Talkdesk asks for no fields; choose a type in step 3 first".into(),
            );
            return;
        }
        let manifest = &mut self.doc.manifest;
        let index = match list {
            ListRef::AuthFields => manifest.add_auth_field(),
            ListRef::Actions => manifest.add_action(),
            ListRef::Inputs(action) => manifest.add_input(action),
            ListRef::InteractionTypes => manifest.add_interaction_type(""),
        };
        let Some(index) = index else {
            self.status = Some("this list holds a value that is not a list; fix it in the file first".into());
            return;
        };
        let pointer = format!("{}/{index}", super::form::list_pointer(list, &self.doc.manifest));
        self.edited(pointer);
        if list == ListRef::Actions && self.doc.manifest.shape == Shape::Bare {
            self.status = Some("this file was a bare integration document; with actions it is saved as {\"integration\": ..., \"actions\": [...]}".into());
        }
        let item_row = self.rows().iter().position(|row| *row == Row::Item(list, index)).unwrap_or(0);
        match list {
            ListRef::InteractionTypes => {
                self.focus = item_row;
                self.open_editor();
            }
            ListRef::AuthFields => self.open_added(Page::AuthField(index), item_row),
            ListRef::Actions => self.open_added(Page::Action(index), item_row),
            ListRef::Inputs(action) => self.open_added(Page::Input { action, input: index }, item_row),
        }
    }

    fn open_added(&mut self, page: Page, item_row: usize) {
        self.focus = item_row;
        self.open_page(page, 0);
    }

    fn focused_item(&self) -> Option<(ListRef, usize)> {
        match self.focused_row() {
            Some(Row::Item(list, index)) => Some((list, index)),
            _ => {
                self.page_list()?;
                None
            }
        }
    }

    fn duplicate_item(&mut self) {
        let Some((list, index)) = self.focused_item() else {
            self.status = Some("focus an item of a list to duplicate it".into());
            return;
        };
        if let Some(copy) = self.doc.manifest.list_mut(list).and_then(|items| items.duplicate_at(index)) {
            self.edited(format!("{}/{copy}", super::form::list_pointer(list, &self.doc.manifest)));
            self.focus += 1;
            self.status = Some("duplicated; the copy is named with _copy".into());
        }
    }

    fn ask_delete(&mut self) {
        if let Some(Row::SelectOption { action, input, index }) = self.focused_row() {
            let mut options = self.doc.manifest.select_options(action, input);
            let removed = options.remove(index);
            self.doc.manifest.set_select_options(action, input, &options);
            self.edited(Owner::Input { action, input }.key_pointer(&self.doc.manifest, "format"));
            self.status = Some(format!("removed the option \"{}\"", super::display::one_line(&removed)));
            return;
        }
        let Some((list, index)) = self.focused_item() else {
            self.status = Some("focus an item of a list to delete it".into());
            return;
        };
        if list == ListRef::AuthFields && self.doc.manifest.is_required_auth_field(index) {
            let kind = self.doc.manifest.authentication_type().map_or("", AuthenticationType::as_str);
            self.status = Some(format!("{kind} requires this field; choose another authentication type to remove it"));
            return;
        }
        let label = super::view::items::item_label(&self.doc.manifest, list, index);
        self.overlay = Some(Overlay::ConfirmDelete { list, index, label });
    }

    fn delete_item(&mut self, list: ListRef, index: usize) {
        if let Some(items) = self.doc.manifest.list_mut(list) {
            items.remove_at(index);
        }
        self.edited(super::form::list_pointer(list, &self.doc.manifest));
        self.status = Some("deleted".into());
    }

    fn move_item(&mut self, up: bool) {
        if self.filter.is_some() {
            self.status = Some("clear the filter (Esc) to reorder: the list shows only some of its elements".into());
            return;
        }
        if let Some(Row::SelectOption { action, input, index }) = self.focused_row() {
            let mut options = self.doc.manifest.select_options(action, input);
            let target = if up { index.checked_sub(1) } else { Some(index + 1).filter(|&t| t < options.len()) };
            let Some(target) = target else { return };
            options.swap(index, target);
            self.doc.manifest.set_select_options(action, input, &options);
            self.edited(Owner::Input { action, input }.key_pointer(&self.doc.manifest, "format"));
            self.focus = if up { self.focus - 1 } else { self.focus + 1 };
            return;
        }
        let Some((list, index)) = self.focused_item() else {
            return;
        };
        let moved = self.doc.manifest.list_mut(list).and_then(|items| items.move_at(index, up));
        if let Some(target) = moved {
            self.edited(format!("{}/{target}", super::form::list_pointer(list, &self.doc.manifest)));
            self.focus = if up { self.focus - 1 } else { self.focus + 1 };
        }
    }

    fn quick_fix(&mut self) {
        if let Some(Row::Provider(_)) = self.focused_row() {
            self.fix_providers();
            return;
        }
        let Some(Row::Text { owner: owner @ Owner::Action(_), key: key @ ("display" | "description"), .. }) =
            self.focused_row()
        else {
            self.status = Some("f lowercases the first letter of an action's display or description".into());
            return;
        };
        let Some(text) = self.doc.manifest.text(owner, key).and_then(Slot::as_str) else {
            return;
        };
        let mut chars = text.chars();
        let Some(first) = chars.next().filter(|c| c.is_uppercase()) else {
            return;
        };
        let fixed: String = first.to_lowercase().chain(chars).collect();
        self.doc.manifest.set_text(owner, key, &fixed);
        self.edited(owner.key_pointer(&self.doc.manifest, key));
        self.status = Some(format!("Talkdesk will show it as \"Then {fixed}\""));
    }

    fn jump_to_finding(&mut self, index: usize) {
        let Some(diagnostic) = self.doc.diagnostics().get(index) else {
            return;
        };
        let pointer = diagnostic.pointer.clone();
        let review = (self.page, self.focus);
        self.jump_to(&pointer);
        // Esc goes back up to the list, then to the review.
        self.back.insert(0, review);
    }

    /// Shows the page and row where the value at `pointer` is edited.
    pub fn jump_to(&mut self, pointer: &str) {
        let page = page_of(pointer, &self.doc.manifest);
        self.back.clear();
        // Opened items return to their list on Esc.
        let parents: Vec<(Page, Row)> = match page {
            Page::AuthField(index) => vec![(Page::Step(Step::AuthFields), Row::Item(ListRef::AuthFields, index))],
            Page::Action(index) => vec![(Page::Step(Step::Actions), Row::Item(ListRef::Actions, index))],
            Page::Input { action, input } => vec![
                (Page::Step(Step::Actions), Row::Item(ListRef::Actions, action)),
                (Page::Action(action), Row::Item(ListRef::Inputs(action), input)),
            ],
            Page::Step(_) => Vec::new(),
        };
        for (parent, row) in parents {
            let focus = rows(parent, &self.doc.manifest, &[], None).iter().position(|r| *r == row).unwrap_or(0);
            self.back.push((parent, focus));
        }
        self.page = page;
        let rows = self.rows();
        let exact = rows.iter().position(|row| row.pointer(&self.doc.manifest) == pointer);
        let closest = || {
            rows.iter()
                .enumerate()
                .filter(|(_, row)| {
                    let row_pointer = row.pointer(&self.doc.manifest);
                    !row_pointer.is_empty() && pointer.starts_with(&format!("{row_pointer}/"))
                })
                .max_by_key(|(_, row)| row.pointer(&self.doc.manifest).len())
                .map(|(index, _)| index)
        };
        self.focus = exact.or_else(closest).unwrap_or(0);
    }

    fn click(&mut self, column: u16, row: u16) {
        let areas = layout::areas(self);
        if let Some(step) = layout::step_at(&areas, column, row) {
            self.go_to(step);
        } else if let Some(index) = layout::row_at(self, &areas, column, row) {
            if index == self.focus {
                self.activate();
            } else {
                self.focus = index;
            }
        }
    }

    fn scroll(&mut self, down: bool, count: usize) {
        if self.page == Page::Step(Step::Review) && self.review_json.generation.is_some() {
            let last = self.review_json.line_starts.len().saturating_sub(1);
            let scroll = &mut self.review_json.scroll;
            *scroll = if down { (*scroll + 3).min(last) } else { scroll.saturating_sub(3) };
            return;
        }
        self.focus = if down { (self.focus + 3).min(count.saturating_sub(1)) } else { self.focus.saturating_sub(3) };
    }

    fn edited(&mut self, pointer: String) {
        self.doc.edited(pointer);
    }

    // ----- text editing -----

    /// Opens an editor on the focused row; false when it cannot be edited as text.
    fn open_editor(&mut self) -> bool {
        let (target, multiline) = match self.focused_row() {
            Some(Row::Text { owner, key, multiline, .. }) => (EditTarget::Value { owner, key }, multiline),
            Some(Row::Item(ListRef::InteractionTypes, index)) => (EditTarget::InteractionType(index), false),
            Some(Row::SelectOption { action, input, index }) => {
                (EditTarget::SelectOption { action, input, index }, false)
            }
            _ => return false,
        };
        if let EditTarget::Value { owner: Owner::AuthField(index), key: "field_name" } = target
            && self.doc.manifest.is_required_auth_field(index)
        {
            let kind = self.doc.manifest.authentication_type().map_or("", AuthenticationType::as_str);
            self.status =
                Some(format!("{kind} requires this field name; it cannot be renamed while that type is chosen"));
            return false;
        }
        let original = self.target_slot(target).cloned().unwrap_or_default();
        let current = match (&original, target) {
            (Slot::Value(_), EditTarget::SelectOption { action, input, index }) => {
                self.doc.manifest.select_options(action, input).get(index).cloned().unwrap_or_default()
            }
            (Slot::Value(text), _) => text.clone(),
            _ => String::new(),
        };
        if matches!(original, Slot::Wrong(_)) {
            self.status = Some("this value has the wrong type; what you type replaces it (Esc keeps it)".into());
        }
        self.editor = Some(Editor {
            target,
            original,
            text: TextBox::new(&current, multiline),
            was_modified: self.doc.modified,
            completion: 0,
        });
        true
    }

    fn target_slot(&self, target: EditTarget) -> Option<&Slot<String>> {
        match target {
            EditTarget::Value { owner, key } => self.doc.manifest.text(owner, key),
            EditTarget::InteractionType(index) => self.doc.manifest.integration()?.interaction_types.get()?.get(index),
            EditTarget::SelectOption { action, input, .. } => {
                self.doc.manifest.text(Owner::Input { action, input }, "format")
            }
        }
    }

    /// The template completions offered for the open editor's text, best first.
    pub fn completions(&self) -> Vec<String> {
        let Some(editor) = &self.editor else { return Vec::new() };
        super::completion::candidates(&self.doc.manifest, editor.target, &editor.text.before_cursor())
    }

    /// Puts the highlighted completion in place of what was typed of the template.
    fn accept_completion(&mut self, choices: &[String]) {
        let Some(editor) = self.editor.as_mut() else { return };
        let Some(choice) = choices.get(editor.completion.min(choices.len().saturating_sub(1))) else { return };
        let before = editor.text.before_cursor();
        let after: String = editor.text.current_line().chars().skip(before.chars().count()).collect();
        let (text, cursor) = super::completion::accept(&before, &after, choice);
        editor.text.replace_line(text, cursor);
        editor.completion = 0;
        self.apply_editor();
    }

    fn update_editor(&mut self, action: Action, effects: &mut Vec<Effect>) {
        let choices = self.completions();
        let Some(editor) = self.editor.as_mut() else {
            return;
        };
        if !choices.is_empty() {
            // While completions show, Tab or Enter takes the highlighted one and ↑↓ choose.
            match action {
                Action::Next | Action::Finish | Action::Activate | Action::Newline => {
                    return self.accept_completion(&choices);
                }
                Action::EditorLine { up } => {
                    let last = choices.len().min(super::completion::MAX_SHOWN) - 1;
                    editor.completion =
                        if up { editor.completion.saturating_sub(1) } else { (editor.completion + 1).min(last) };
                    return;
                }
                _ => {}
            }
        }
        editor.completion = 0;
        let multiline = matches!(editor.text, TextBox::Area(_));
        let changed = match action {
            Action::Edit(request) => editor.text.handle(request),
            Action::Paste(text) => {
                editor.text.insert(&text);
                true
            }
            Action::Newline if multiline => {
                if let TextBox::Area(area) = &mut editor.text {
                    area.newline();
                }
                true
            }
            Action::EditorLine { up } => {
                if let TextBox::Area(area) = &mut editor.text {
                    area.move_line(up);
                }
                false
            }
            Action::Activate | Action::Newline | Action::Finish | Action::Next => {
                self.close_editor();
                if !multiline || matches!(action, Action::Next | Action::Finish) {
                    self.focus = (self.focus + 1).min(self.rows().len().saturating_sub(1));
                }
                return;
            }
            Action::Back => {
                self.cancel_editor();
                return;
            }
            Action::Save | Action::Quit => {
                self.close_editor();
                self.update_page(action, effects);
                return;
            }
            _ => false,
        };
        if changed {
            self.apply_editor();
        }
    }

    /// Writes the editor's text into the manifest, so the preview and problems follow each keystroke.
    fn apply_editor(&mut self) {
        let Some(editor) = &self.editor else { return };
        let value = editor.text.value();
        let target = editor.target;
        match target {
            EditTarget::Value { owner, key } => {
                let renamed = self.doc.manifest.set_text(owner, key, &value);
                if renamed > 0 {
                    self.status =
                        Some(format!("renamed the provider of {renamed} action(s) to match the integration name"));
                }
                self.edited(owner.key_pointer(&self.doc.manifest, key));
            }
            EditTarget::InteractionType(index) => {
                if let Some(slot) = self.doc.manifest.interaction_type_mut(index) {
                    *slot = Slot::Value(value);
                }
                let list = super::form::list_pointer(ListRef::InteractionTypes, &self.doc.manifest);
                self.edited(format!("{list}/{index}"));
            }
            EditTarget::SelectOption { action, input, index } => {
                // From the options as they were when the edit began: a comma typed now makes
                // several options, and the next keystroke must not count them twice.
                let mut options = split_options(&editor.original);
                match options.get_mut(index) {
                    Some(option) => *option = value,
                    None => options.push(value),
                }
                self.doc.manifest.set_select_options(action, input, &options);
                self.edited(Owner::Input { action, input }.key_pointer(&self.doc.manifest, "format"));
            }
        }
    }

    /// Ends editing, keeping the text; an interaction type left empty is removed.
    fn close_editor(&mut self) {
        let Some(editor) = self.editor.take() else {
            return;
        };
        if let EditTarget::SelectOption { action, input, index } = editor.target
            && editor.text.value().trim().is_empty()
        {
            let mut options = self.doc.manifest.select_options(action, input);
            if index < options.len() {
                options.remove(index);
                self.doc.manifest.set_select_options(action, input, &options);
                self.edited(Owner::Input { action, input }.key_pointer(&self.doc.manifest, "format"));
            }
            return;
        }
        if let EditTarget::InteractionType(index) = editor.target
            && editor.text.value().trim().is_empty()
        {
            self.delete_item(ListRef::InteractionTypes, index);
            self.status = Some("an empty interaction type was removed".into());
        }
    }

    /// Ends editing and puts back the value from before it started.
    fn cancel_editor(&mut self) {
        let Some(editor) = self.editor.take() else {
            return;
        };
        let restored = editor.original.clone();
        match editor.target {
            EditTarget::Value { owner, key } => {
                if let Some(slot) = self.doc.manifest.text_mut(owner, key) {
                    *slot = restored;
                }
                if key == "name" && owner == Owner::Integration {
                    self.doc.manifest.sync_providers();
                }
            }
            EditTarget::SelectOption { action, input, .. } => {
                if let Some(slot) = self.doc.manifest.text_mut(Owner::Input { action, input }, "format") {
                    *slot = restored;
                }
            }
            EditTarget::InteractionType(index) => {
                if matches!(restored, Slot::Value(ref text) if text.is_empty()) {
                    self.delete_item(ListRef::InteractionTypes, index);
                } else if let Some(slot) = self.doc.manifest.interaction_type_mut(index) {
                    *slot = restored;
                }
            }
        }
        self.doc.revalidate();
        self.doc.generation += 1;
        self.doc.modified = editor.was_modified;
        self.status = Some("edit cancelled".into());
    }

    // ----- saving and quitting -----

    fn save(&mut self, effects: &mut Vec<Effect>) {
        self.doc.reveal();
        match self.doc.path.clone() {
            Some(path) => self.confirm_and_save(path, effects),
            None => {
                let input = Input::new(self.doc.default_file_name());
                self.overlay = Some(Overlay::Prompt { purpose: PromptPurpose::SaveAs, input });
            }
        }
    }

    fn confirm_and_save(&mut self, path: PathBuf, effects: &mut Vec<Effect>) {
        let mut reasons = Vec::new();
        let errors = Counts::of(self.doc.diagnostics()).errors;
        if errors > 0 {
            reasons.push(format!(
                "it has {errors} error(s): Talkdesk will not accept it until they are fixed (see Review & save)"
            ));
        }
        if self.doc.disk_shape == Some(Shape::Bare) && self.doc.manifest.written_shape() == Shape::Wrapper {
            reasons.push("the file was a bare integration document; it will be saved as {\"integration\": ..., \"actions\": [...]}".into());
        }
        if reasons.is_empty() {
            effects.push(self.save_effect(path));
        } else {
            self.overlay = Some(Overlay::ConfirmSave { path, reasons });
        }
    }

    fn save_effect(&self, path: PathBuf) -> Effect {
        // The file must still be what was read or last written; a new path must not hold a file yet.
        let expect = match self.doc.disk_hash {
            Some(hash) if self.doc.path.as_ref() == Some(&path) => OnDisk::Content(hash),
            _ => OnDisk::Nothing,
        };
        Effect::Save { path, contents: to_json(&self.doc.manifest), expect }
    }

    fn saved(&mut self, path: PathBuf, result: Result<u64, SaveFailure>, effects: &mut Vec<Effect>) {
        match result {
            Ok(hash) => {
                effects.push(Effect::DiscardDrafts(self.drafts_of_this_work()));
                self.recovered.clear();
                self.doc.saved(path.clone());
                self.doc.disk_hash = Some(hash);
                self.status = Some(format!("saved {}", path.display()));
                if self.quit_after_save {
                    effects.push(Effect::Quit);
                }
            }
            Err(SaveFailure::ChangedOnDisk) => {
                self.overlay = Some(Overlay::DiskChanged { path });
            }
            Err(SaveFailure::Failed(message)) => {
                self.quit_after_save = false;
                self.status = Some(format!("not saved: {message}; your work is still here"));
            }
        }
    }

    fn quit(&mut self, effects: &mut Vec<Effect>) {
        if self.doc.modified {
            self.overlay = Some(Overlay::ConfirmQuit);
        } else {
            effects.push(Effect::Quit);
        }
    }

    // ----- overlays -----

    fn update_overlay(&mut self, action: Action, effects: &mut Vec<Effect>) {
        let Some(overlay) = self.overlay.take() else {
            return;
        };
        match (overlay, action) {
            (Overlay::Help, Action::Back | Action::Help | Action::Activate | Action::Answer(_)) => {}
            (Overlay::Help, Action::Quit) => self.quit(effects),
            (Overlay::ConfirmQuit, Action::Answer('s') | Action::Save) => {
                self.quit_after_save = true;
                self.save(effects);
            }
            (Overlay::ConfirmQuit, Action::Answer('q' | 'y') | Action::Quit) => {
                self.work_discarded = true;
                effects.push(Effect::DiscardDrafts(self.drafts_of_this_work()));
                effects.push(Effect::Quit);
            }
            (Overlay::DiskChanged { path }, Action::Answer('o')) => {
                effects.push(Effect::Save { path, contents: to_json(&self.doc.manifest), expect: OnDisk::Anything });
            }
            (Overlay::DiskChanged { .. }, Action::Answer('s')) => {
                let input = Input::new(self.doc.default_file_name());
                self.overlay = Some(Overlay::Prompt { purpose: PromptPurpose::SaveAs, input });
            }
            (Overlay::DiskChanged { path }, Action::Answer('r')) => {
                effects.push(Effect::DiscardDrafts(self.drafts_of_this_work()));
                effects.push(Effect::Open(path));
            }
            (Overlay::DiskChanged { .. }, Action::Back) => {
                self.quit_after_save = false;
                self.status = Some("not saved: the file changed on disk".into());
            }
            // Only `y` recovers, as the panel says: an Enter typed ahead must not replace the file's content.
            (Overlay::Recover { key, draft, .. }, Action::Answer('y')) => {
                self.recovered.push(key);
                self.restore_draft(*draft);
            }
            (Overlay::Recover { key, .. }, Action::Answer('n')) => {
                self.start_items.retain(|item| !matches!(item, StartItem::Draft(known, _) if *known == key));
                effects.push(Effect::DiscardDrafts(vec![key]));
                self.status = Some("the draft was deleted".into());
            }
            (Overlay::ConfirmQuit, Action::Back | Action::Answer('n')) => {}
            (Overlay::ConfirmSave { path, .. }, Action::Answer('y') | Action::Activate) => {
                effects.push(self.save_effect(path))
            }
            (Overlay::ConfirmSave { .. }, Action::Back | Action::Answer('n')) => {
                self.quit_after_save = false;
                self.status = Some("not saved".into());
            }
            (Overlay::ConfirmDelete { list, index, .. }, Action::Answer('y') | Action::Activate) => {
                self.delete_item(list, index)
            }
            (Overlay::ConfirmDelete { .. }, Action::Back | Action::Answer('n')) => {}
            (Overlay::Prompt { purpose, input }, Action::Activate) => self.answer_prompt(purpose, input, effects),
            (Overlay::Prompt { .. }, Action::Back) => self.quit_after_save = false,
            (Overlay::Prompt { purpose, mut input }, Action::Edit(request)) => {
                input.handle(request);
                self.overlay = Some(Overlay::Prompt { purpose, input });
            }
            (Overlay::Prompt { purpose, mut input }, Action::Paste(text)) => {
                for c in text.chars().filter(|c| !c.is_control()) {
                    input.handle(tui_input::InputRequest::InsertChar(c));
                }
                self.overlay = Some(Overlay::Prompt { purpose, input });
            }
            (overlay, _) => self.overlay = Some(overlay),
        }
    }

    fn answer_prompt(&mut self, purpose: PromptPurpose, input: Input, effects: &mut Vec<Effect>) {
        let text = input.value().trim();
        if text.is_empty() {
            self.status = Some("type a path, or Esc to cancel".into());
            self.overlay = Some(Overlay::Prompt { purpose, input });
            return;
        }
        let path = PathBuf::from(text);
        match purpose {
            PromptPurpose::SaveAs => self.confirm_and_save(path, effects),
            PromptPurpose::Open => effects.push(Effect::Open(path)),
        }
    }

    // ----- derived views -----

    /// What the preview shows now: the page, focused row and document it must reflect.
    pub fn preview_source(&self) -> (u64, Page, Option<Row>) {
        (self.doc.generation, self.page, self.focused_row())
    }

    fn refresh_preview(&mut self) {
        let source = self.preview_source();
        if self.preview.source == Some(source) || self.page == Page::Step(Step::Review) {
            return;
        }
        let (title, text, key) = super::view::preview::focused_json(self);
        self.preview = PreviewCache { source: Some(source), title, text, key };
    }

    fn refresh_review_json(&mut self) {
        if self.page != Page::Step(Step::Review) || self.review_json.generation == Some(self.doc.generation) {
            return;
        }
        let text = to_json(&self.doc.manifest);
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .filter(|&at| at < text.len())
            .collect();
        let scroll = self.review_json.scroll;
        self.review_json = ReviewJson { generation: Some(self.doc.generation), text, line_starts, scroll };
    }
}
