//! End-to-end tests of `integration-wizard lsp`: JSON-RPC to the built binary, as an editor speaks it.
// The corpus test lists and reads the repository's own JSON files (regular files it knows).
#![allow(clippy::disallowed_methods)]

mod client;
mod corpus;
mod features;
mod protocol;
