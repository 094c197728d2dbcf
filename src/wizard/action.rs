//! What the author asked for, independent of which key or click said it; `App::update` consumes these.

use super::steps::Step;
use std::path::PathBuf;
use tui_input::InputRequest;

/// One thing to do, produced from a terminal event by the key table (or by the loop, for results).
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Focus the row above / below.
    Up,
    /// Focus the row below.
    Down,
    /// Focus the next / previous row, going on into the next / previous step at the ends.
    Next,
    /// Focus the previous row.
    Previous,
    /// Move by a screenful / to the first or last row.
    PageUp,
    /// Move down by a screenful.
    PageDown,
    /// Focus the first row.
    First,
    /// Focus the last row.
    Last,
    /// Show this step.
    GoTo(Step),
    /// Enter: edit, open, choose or confirm.
    Activate,
    /// Space: flip a toggle or choose.
    Toggle,
    /// Left / right: the previous / next value of a choice.
    Cycle(bool),
    /// Esc: cancel, close, or go back up.
    Back,
    /// List operations on the focused row's list.
    Add,
    /// Copy the focused element after itself.
    Duplicate,
    /// Delete the focused element (after asking).
    Delete,
    /// Move the focused element up or down its list.
    MoveItem {
        /// Up the list, or down.
        up: bool,
    },
    /// A key that means nothing where it was pressed: the status says what would work.
    Unbound(char),
    /// A character typed on a focused text field: starts editing it, the character replacing the value.
    Type(char),
    /// Start filtering the page's list (`/`).
    Filter,
    /// Lowercase the first letter of the focused display or description.
    QuickFix,
    /// Remove the fields the new authentication type no longer requires (offered after a switch).
    RemoveUnrequired,
    /// Save the manifest.
    Save,
    /// Quit (asking first when there are unsaved changes).
    Quit,
    /// Show every key.
    Help,
    /// Undo the last change / redo the last undone one (anywhere, even while editing a field).
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Show or hide the JSON preview.
    TogglePreview,
    /// A keystroke for the open text editor or prompt.
    Edit(InputRequest),
    /// Alt-Enter or Ctrl-J inside a multi-line editor: a line break.
    Newline,
    /// Up / down inside a multi-line editor.
    EditorLine {
        /// Up, or down.
        up: bool,
    },
    /// Finish an edit and go on to the next row (as Enter and Tab do).
    Finish,
    /// Text pasted into the terminal.
    Paste(String),
    /// An answer to a question (y / n / s ...).
    Answer(char),
    /// A mouse click at a cell, and the wheel.
    Click {
        /// The column clicked.
        column: u16,
        /// The row clicked.
        row: u16,
    },
    /// The mouse wheel turned.
    Scroll {
        /// Down, or up.
        down: bool,
    },
    /// The terminal's new size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// Results of the loop's effects.
    Saved {
        /// Where it was saved.
        path: PathBuf,
        /// The new content's fingerprint, or why the save failed.
        result: Result<u64, SaveFailure>,
    },
    /// A manifest was read (answer to `Effect::Open`).
    Loaded {
        /// The file read.
        path: PathBuf,
        /// The manifest, or why it could not be read.
        result: Result<Box<Opened>, String>,
    },
    /// Ask whether to recover a draft, showing what it changes (after its file was loaded, if any).
    OfferDraft {
        /// The draft's key.
        key: crate::storage::drafts::DraftKey,
        /// The draft.
        draft: Box<crate::storage::drafts::Draft>,
        /// What recovering it would change, one line each.
        differences: Vec<String>,
        /// The file was saved after the draft was written.
        file_is_newer: bool,
    },
    /// Put a draft's work in place of the manifest (after the file it belongs to was loaded, if any).
    RestoreDraft(Box<crate::storage::drafts::Draft>),
    /// Write the ticket document (from the review): asks for the format and the path.
    WriteTicket,
    /// The ticket document was written to `path`, or why not.
    TicketWritten {
        /// Where it was to be written.
        path: PathBuf,
        /// Written, or why not.
        result: Result<(), TicketFailure>,
    },
    /// Try the focused endpoint or action against the bridge.
    TryIt,
    /// A probe started by the loop finished, with the credentials it ended with (any value the
    /// authorization validator returned among them, so the panel masks it too).
    Probed(Box<crate::probe::EndpointReport>, crate::probe::contracts::Credentials),
    /// Time passed while a probe runs: the spinner turns.
    Tick,
    /// Edit the focused text (or the one being edited) in the author's own editor (`$VISUAL`, `$EDITOR`).
    ExternalEditor,
    /// The author's editor ended: the text it left, or why nothing is taken from it. `opened_for_it`:
    /// the field was opened only to hand it to the editor, so a failure closes it again.
    ExternalEdited {
        /// The edited text, or why nothing is taken.
        result: Result<String, String>,
        /// The field was opened only for the editor.
        opened_for_it: bool,
    },
    /// Suspend the wizard to the shell (Ctrl-Z); `fg` brings it back.
    Suspend,
    /// The loop wrote the draft of the work, or says why it could not: sent when drafts start or stop
    /// failing (and while they fail), not for every draft written.
    DraftWritten(Result<(), String>),
    /// Something the loop has to say on the status line, after what is said already.
    Notice(String),
    /// The config file's settings, read by the loop as the wizard starts, and why the file was not used.
    Configured {
        /// The keys, the colours and whether the preview starts open.
        settings: Box<super::config::Settings>,
        /// Why the config file was not used, said on the status line.
        error: Option<String>,
    },
    /// The folder a path prompt asked for was read (its name as typed), or why not.
    FolderRead {
        /// The folder's name as typed.
        folder: String,
        /// Its entries, or why it could not be read.
        result: Result<Vec<super::path_list::FolderEntry>, String>,
    },
}

/// Why the ticket document was not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TicketFailure {
    /// A file is there and the author was not asked yet whether to replace it.
    Exists,
    /// Writing failed; the message says why.
    Failed(String),
}

/// A manifest read from disk, with a fingerprint of the bytes to notice later changes on disk.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    /// The manifest read.
    pub parsed: crate::manifest::Parsed,
    /// A fingerprint of the bytes read.
    pub disk_hash: u64,
    /// The bytes read: what changed since is compared with them, and the update document's
    /// "previous fingerprint" is theirs.
    pub source: std::sync::Arc<[u8]>,
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveFailure {
    /// The file on disk is not what the wizard last read or wrote: someone else changed it.
    ChangedOnDisk,
    /// Writing failed; the message says why and what to do.
    Failed(String),
}

/// A fingerprint of file contents, to notice that a file changed on disk.
pub use crate::fingerprint::short as fingerprint;
