//! The diagnostics found so far, in the order the walk met them.

use super::super::diagnostic::Diagnostic;
use super::codes::Rule;
use std::sync::atomic::{AtomicBool, Ordering};

/// Collects diagnostics; every check appends to it as it walks the manifest.
#[derive(Debug, Default)]
pub(super) struct Findings<'s> {
    diagnostics: Vec<Diagnostic>,
    /// Set by the caller when the findings are no longer wanted (a newer text came).
    stop: Option<&'s AtomicBool>,
}

impl<'s> Findings<'s> {
    /// Findings that a walk may give up on between actions, once `stop` is set.
    pub(super) fn until(stop: &'s AtomicBool) -> Self {
        Findings { diagnostics: Vec::new(), stop: Some(stop) }
    }

    /// True when the walk should stop: its findings are no longer wanted.
    pub(super) fn stopped(&self) -> bool {
        self.stop.is_some_and(|stop| stop.load(Ordering::Relaxed))
    }

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
