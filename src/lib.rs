//! integration-wizard: create, check and export Talkdesk integration manifests.
//!
//! - [`manifest`]: the domain (types, reading, writing, validation); no terminal code.
//! - [`cli`]: the non-interactive commands (`validate`, `schema`, `fmt`, `export`).
#![forbid(unsafe_code)]

pub mod cli;
pub mod manifest;
pub mod storage;
pub mod text;
pub mod wizard;
