//! integration-wizard: create, check and export Talkdesk integration manifests.
//!
//! - [`manifest`]: the domain (types, reading, writing, validation); no terminal code.
//! - [`probe`]: calling a bridge's endpoints as Talkdesk does and checking the answers.
//! - [`cli`]: the non-interactive commands (`validate`, `schema`, `fmt`, `export`, `ticket`).
//! - [`ticket`]: the ticket document Talkdesk asks for, as Markdown, a spreadsheet or HTML.
//! - [`line_mode`]: the accessible line mode, plain questions and answers on standard input and output.
#![forbid(unsafe_code)]

pub mod cli;
pub mod line_mode;
pub mod manifest;
pub mod probe;
pub mod storage;
pub mod text;
pub mod ticket;
pub mod wizard;
