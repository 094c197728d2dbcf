//! The diagnostics found so far, in the order the walk met them.

use super::super::diagnostic::Diagnostic;
use super::codes::Rule;

/// Collects diagnostics; every check appends to it as it walks the manifest.
#[derive(Debug, Default)]
pub(super) struct Findings {
    diagnostics: Vec<Diagnostic>,
}

impl Findings {
    /// Records a finding of `rule`.
    pub(super) fn add(&mut self, rule: Rule, pointer: String, message: String) {
        debug_assert!(!message.contains(['\n', '\r']), "one-line message: {message}");
        self.diagnostics.push(Diagnostic::of(rule, pointer, message));
    }

    /// The diagnostics, in the order they were found.
    pub(super) fn into_vec(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}
