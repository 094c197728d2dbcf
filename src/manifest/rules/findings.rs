//! The diagnostics found so far, in the order the walk met them.

use super::super::diagnostic::Diagnostic;

/// Collects diagnostics; every check appends to it as it walks the manifest.
#[derive(Debug, Default)]
pub(super) struct Findings {
    diagnostics: Vec<Diagnostic>,
}

impl Findings {
    /// Records an error.
    pub(super) fn error(&mut self, code: &'static str, pointer: String, message: String) {
        debug_assert!(!message.contains(['\n', '\r']), "one-line message: {message}");
        self.diagnostics.push(Diagnostic::error(code, pointer, message));
    }

    /// Records a warning.
    pub(super) fn warning(&mut self, code: &'static str, pointer: String, message: String) {
        debug_assert!(!message.contains(['\n', '\r']), "one-line message: {message}");
        self.diagnostics.push(Diagnostic::warning(code, pointer, message));
    }

    /// The diagnostics, in the order they were found.
    pub(super) fn into_vec(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}
