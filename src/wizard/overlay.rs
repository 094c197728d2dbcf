//! Questions and panels drawn over the screen that are not yet modules of `panels`: the key list,
//! confirmations, draft recovery and path prompts, one [`Panel`] answering for them all.

use super::action::Action;
use super::app::{App, Effect};
use super::keys::Scope;
use super::panels::{Panel, panel_basics};
use super::path_list::PathField;
use super::view::bars::Hint;
use crate::manifest::edit::ListRef;
use ratatui::Frame;
use std::path::PathBuf;

/// What is drawn over the screen and takes the keys until it closes.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// Every key, in a panel scrolled down by `scroll` lines.
    Help {
        /// Lines scrolled down.
        scroll: usize,
    },
    /// Quit with unsaved changes? (s: save and quit, q: quit without saving, Esc: stay)
    ConfirmQuit,
    /// A path typed by the author.
    Prompt {
        /// What the path is for.
        purpose: PromptPurpose,
        /// The path typed, with its list.
        input: PathField,
    },
    /// Save despite these reasons? (y / n)
    ConfirmSave {
        /// Where to save.
        path: PathBuf,
        /// The problems, one line each.
        reasons: Vec<String>,
    },
    /// A file is at the path a new manifest is saved to: replace it? (y / n: another path)
    ReplaceExisting {
        /// The existing file.
        path: PathBuf,
    },
    /// The file changed on disk since it was read: overwrite, save elsewhere, or reload?
    DiskChanged {
        /// The file.
        path: PathBuf,
    },
    /// Unsaved work of an earlier session was found for this manifest: recover it?
    Recover {
        /// The draft's key.
        key: crate::storage::drafts::DraftKey,
        /// The draft.
        draft: Box<crate::storage::drafts::Draft>,
        /// What recovering it would change, one line each.
        differences: Vec<String>,
        /// The file was saved after the draft was written: recovering would undo that save.
        file_is_newer: bool,
    },
    /// Delete this draft of unsaved work, from the start screen? (y / n)
    DiscardDraft {
        /// The draft's key.
        key: crate::storage::drafts::DraftKey,
        /// The file it is the work of, as shown.
        place: String,
    },
    /// Delete this element? (y / n)
    ConfirmDelete {
        /// The list.
        list: ListRef,
        /// The element's index.
        index: usize,
        /// The element, as the question names it.
        label: String,
    },
}

impl Panel for Overlay {
    fn update(self: Box<Self>, action: Action, app: &mut App, effects: &mut Vec<Effect>) {
        app.update_overlay(*self, action, effects);
    }

    fn scopes(&self) -> &'static [Scope] {
        match self {
            Overlay::ConfirmQuit => &[Scope::ConfirmQuit],
            Overlay::ConfirmSave { .. }
            | Overlay::ConfirmDelete { .. }
            | Overlay::DiscardDraft { .. }
            | Overlay::Recover { .. }
            | Overlay::ReplaceExisting { .. } => &[Scope::Question],
            Overlay::DiskChanged { .. } => &[Scope::DiskChanged],
            // The keys panel scrolls like the other panels.
            Overlay::Help { .. } => &[Scope::Panel],
            Overlay::Prompt { .. } => &[Scope::PathPrompt],
        }
    }

    fn hints(&self, app: &App) -> Vec<(Hint, &'static str)> {
        super::view::bars::panel_hints(app, self)
    }

    fn render(&self, app: &App, frame: &mut Frame) {
        super::view::overlay::render(app, self, frame);
    }

    fn takes_text(&self) -> bool {
        matches!(self, Overlay::Prompt { .. })
    }

    fn answers_exactly(&self) -> bool {
        matches!(self, Overlay::Recover { .. } | Overlay::DiscardDraft { .. })
    }

    fn path_field(&self) -> Option<&PathField> {
        match self {
            Overlay::Prompt { input, .. } => Some(input),
            _ => None,
        }
    }

    fn path_field_mut(&mut self) -> Option<&mut PathField> {
        match self {
            Overlay::Prompt { input, .. } => Some(input),
            _ => None,
        }
    }

    panel_basics!();
}

/// What a path prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptPurpose {
    /// Where to save a manifest that has no path yet.
    SaveAs,
    /// Which manifest to open from the start screen.
    Open,
}

impl PromptPurpose {
    /// The prompt's title.
    pub fn title(self) -> &'static str {
        match self {
            PromptPurpose::SaveAs => "Save as",
            PromptPurpose::Open => "Open a manifest",
        }
    }
}
