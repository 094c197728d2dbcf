//! End-to-end tests of `integration-wizard lsp`: JSON-RPC to the built binary, as an editor speaks it.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]
// A test prints through `println!`: what it measured, or why it skipped.
#![allow(clippy::disallowed_macros)]

mod client;
mod corpus;
mod documents_apart;
mod features;
mod neovim;
mod protocol;
mod workspace;
