//! What the wizard's tests and benchmarks drive it through: the state (`App`), the actions that change it,
//! the effects it asks the loop to run, and the few readings of layout and drawing they check. The
//! modules behind it are crate-private; this is the whole public surface of the wizard besides
//! [`run`](super::run) and [`load`](super::load). Each namespace mirrors the module it comes from, so a
//! test names `testing::app::App` where the code says `app::App`.

/// What can be asked of the wizard.
pub mod action {
    pub use crate::wizard::action::{Action, Opened, SaveFailure, TicketFailure, fingerprint};
}

/// The wizard's state and the effects its update asks for.
pub mod app {
    pub use crate::wizard::app::{App, Effect, Mode, OnDisk, Screen, StartItem};
}

/// The config file: reading it and its commented default.
pub mod config {
    pub use crate::wizard::config::{Settings, parse_text, read};

    /// The commented default config file.
    pub mod default_file {
        pub use crate::wizard::config::default_file::default_file;
    }
}

/// The manifest being edited and its findings.
pub mod document {
    pub use crate::wizard::document::Document;
}

/// The text being edited in a field.
pub mod editor {
    pub use crate::wizard::editor::TextBox;
}

/// The bundled example manifests.
pub mod examples {
    pub use crate::wizard::examples::EXAMPLES;
}

/// The rows a page shows.
pub mod form {
    pub use crate::wizard::form::Row;
}

/// Undo and redo.
pub mod history {
    pub use crate::wizard::history::MAX_CHANGES;
}

/// The key table and the dispatcher that reads it.
pub mod keys {
    pub use crate::wizard::keys::{Command, KeyPress, KeyTable, Scope, action_for, scopes};
}

/// Geometry shared by drawing and clicks.
pub mod layout {
    pub use crate::wizard::layout::{
        KEYS_PANEL_WIDTH, areas, areas_in, help_lines, inline_diagnostics, keys_panel_lines, keys_panel_max_scroll,
        note_lines,
    };
}

/// The panels over the screen: the trait each implements, and the state of those tests read.
pub mod panels {
    pub use crate::wizard::panels::Panel;

    /// The question before a save that breaks the live integration.
    pub mod breaking_save {
        pub use crate::wizard::panels::breaking_save::BreakingSave;
    }

    /// The credentials asked before trying an endpoint.
    pub mod credentials {
        pub use crate::wizard::panels::credentials::{CredentialField, CredentialsPanel};
    }

    /// Deleting an element of a list.
    pub mod delete {
        pub use crate::wizard::panels::delete::ConfirmDelete;
    }

    /// The key list.
    pub mod keys {
        pub use crate::wizard::panels::keys::KeysPanel;
    }

    /// A path prompt.
    pub mod path_prompt {
        pub use crate::wizard::panels::path_prompt::{PathPrompt, PromptPurpose};
    }

    /// Quitting with unsaved changes.
    pub mod quit {
        pub use crate::wizard::panels::quit::ConfirmQuit;
    }

    /// Recovering or deleting a draft of unsaved work.
    pub mod recovery {
        pub use crate::wizard::panels::recovery::{DiscardDraft, RecoverDraft};
    }

    /// The questions on the way to a save.
    pub mod save {
        pub use crate::wizard::panels::save::{ConfirmSave, DiskChanged, ReplaceExisting};
    }

    /// The "try it" panel.
    pub mod probe {
        pub use crate::wizard::panels::probe::{ProbePanel, ProbeStage};
    }

    /// The ticket panel.
    pub mod ticket {
        pub use crate::wizard::panels::ticket::TicketPanel;
    }
}

/// The list of a folder's files in the open prompt.
pub mod path_list {
    pub use crate::wizard::path_list::FolderEntry;
}

/// The steps and pages of the wizard.
pub mod step {
    pub use crate::wizard::steps::{Page, Step};
}

/// Drawing.
pub mod view {
    pub use crate::wizard::view::render;

    /// The title, status, help and hint bars.
    pub mod bars {
        pub use crate::wizard::view::bars::{Hint, hints};
    }

    /// Colours and styles.
    pub mod theme {
        pub use crate::wizard::view::theme::{Role, Theme};
    }
}
