//! integration-wizard: create, check and export Talkdesk integration manifests.
//!
//! Module map (each module's own doc says what it owns):
//! - [`manifest`]: the domain, knowing nothing of terminals: `model`/`object` (the `json_object!` types
//!   and their typed keys), `key` (any object's key), `vocab` (`Known`/`Other` enumeration values), `read`, `write` (the file text, and the line of each value it writes), `rules` (validation),
//!   `position/` (pointer → line and column: trie, scan, lines), `edit` (changes the wizard makes),
//!   `schema`, `explain`, `check`.
//! - [`probe`]: calling a bridge's endpoints as Talkdesk does and checking the answers.
//! - [`cli`]: the non-interactive commands (`validate`, `fmt`, `export`, `schema`, `ticket`, ...).
//! - [`ticket`]: the ticket document Talkdesk asks for, as Markdown, a spreadsheet or HTML.
//! - [`storage`]: atomic saves, drafts of unsaved work, recent files.
//! - [`escape`]: escaping what a file, a user or a bridge supplied, one function per place it is shown.
//! - [`output`]: the one door out: every message and document reaches standard output or error there.
//! - [`fingerprint`]: the one fingerprint of file content (SHA-256).
//! - [`wizard`]: the interactive wizard: `keys/` (the one key table, read by `keys/table`) → `action` → `app/` (state and
//!   `update`, split by concern, no I/O) → effects run by the loop (`wizard::run`) → `view/` (drawing);
//!   `steps/` (one module per step or form, declaring its fields), `layout` (geometry shared by drawing
//!   and clicks), `document` (the manifest being edited and its findings); `testing`, the public surface
//!   its tests and benchmarks use (the rest of the wizard is crate-private).
//! - [`line_mode`]: the accessible line mode, plain questions and answers on standard input and output.
//! - [`lsp`]: `integration-wizard lsp`, the language server: the rules, help, quick fixes and layout in an editor.
#![forbid(unsafe_code)]
// Files are read only through `storage` (clippy.toml); unit tests read back the files they wrote.
#![cfg_attr(test, allow(clippy::disallowed_methods))]
// Text is printed only through `output` (clippy.toml); a unit test may tell whoever runs it why it
// skipped or what it measured.
#![cfg_attr(test, allow(clippy::disallowed_macros))]

pub mod cli;
pub(crate) mod escape;
pub mod fingerprint;
pub mod line_mode;
pub mod lsp;
pub mod manifest;
pub(crate) mod output;
pub mod probe;
pub mod storage;
pub mod ticket;
pub mod wizard;
