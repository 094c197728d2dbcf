//! End-to-end tests of `integration-wizard lsp`: JSON-RPC to the built binary, as an editor speaks it.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

mod client;
mod corpus;
mod features;
mod neovim;
mod protocol;
mod workspace;
