//! Questions and panels drawn over the screen: help, confirmations, path prompts, and the panels of
//! `panels` (ticket document, trying an endpoint).

use super::panels::probe::{CredentialsPanel, ProbePanel};
use super::panels::ticket::TicketPanel;
use super::path_list::PathField;
use crate::manifest::edit::ListRef;
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
    /// Save changes that break the live integration (named, with why)? Asked once per set of them;
    /// `reasons` are the other problems a save would otherwise ask about. (y / n)
    ConfirmBreaking {
        /// Where to save.
        path: PathBuf,
        /// The changes since the file was opened that break the live integration.
        breaking: Vec<crate::manifest::changes::Change>,
        /// The other problems, one line each.
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
    /// Writing the ticket document: format, path, replace?
    Ticket(TicketPanel),
    /// The credentials for trying endpoints, asked once per run.
    Credentials(CredentialsPanel),
    /// One endpoint's probe: confirmation, spinner, result.
    Probe(ProbePanel),
}

impl Overlay {
    /// True when keys the table does not name are typed into the overlay's text.
    pub fn takes_text(&self) -> bool {
        matches!(self, Overlay::Prompt { .. } | Overlay::Ticket(TicketPanel::Path { .. }) | Overlay::Credentials(_))
    }

    /// True when a letter answers only as typed, not in the other case: the questions whose answer
    /// deletes unsaved work, which a word typed ahead ("Now…", "Yes…") must not do.
    pub fn answers_exactly(&self) -> bool {
        matches!(self, Overlay::Recover { .. } | Overlay::DiscardDraft { .. })
    }
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
