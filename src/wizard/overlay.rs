//! Questions and panels drawn over the screen: help, confirmations, and path prompts.

use crate::manifest::edit::ListRef;
use std::path::PathBuf;
use tui_input::Input;

/// What is drawn over the screen and takes the keys until it closes.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// Every key, in a panel.
    Help,
    /// Quit with unsaved changes? (s: save and quit, q: quit without saving, Esc: stay)
    ConfirmQuit,
    /// A path typed by the author.
    Prompt { purpose: PromptPurpose, input: Input },
    /// Save despite these reasons? (y / n)
    ConfirmSave { path: PathBuf, reasons: Vec<String> },
    /// The file changed on disk since it was read: overwrite, save elsewhere, or reload?
    DiskChanged { path: PathBuf },
    /// Unsaved work of an earlier session was found for this manifest: recover it?
    Recover {
        key: crate::storage::drafts::DraftKey,
        draft: Box<crate::storage::drafts::Draft>,
        differences: Vec<String>,
    },
    /// Delete this element? (y / n)
    ConfirmDelete { list: ListRef, index: usize, label: String },
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
