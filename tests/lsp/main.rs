//! End-to-end tests of `integration-wizard lsp`: JSON-RPC to the built binary, as an editor speaks it.

mod client;
mod corpus;
mod protocol;
