//! A diagnostic: one problem found in a manifest, with where it is and what to do about it.

use super::position::Position;
use serde::{Deserialize, Serialize};

/// How serious a finding is: a manifest is valid when it has no errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The manifest is invalid: Talkdesk would reject it.
    Error,
    /// Valid, but probably not what the author meant, or against this tool's advice.
    Warning,
}

impl Severity {
    /// "error" or "warning".
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}
use super::rules::codes::Rule;

/// One finding: severity, a stable kebab-case code, a JSON pointer into the file as written,
/// a one-line message that says what to do, and the position in the source when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable kebab-case code (`missing-key`), explained by `validate --explain`.
    pub code: &'static str,
    /// A JSON pointer into the file as written.
    pub pointer: String,
    /// One line that says what to do.
    pub message: String,
    /// The line and column in the source, when known.
    pub position: Option<Position>,
}

impl Diagnostic {
    /// A finding of `rule` at `pointer`, as serious as the rule says.
    pub fn of(rule: Rule, pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: rule.severity(),
            code: rule.code(),
            pointer: pointer.into(),
            message: message.into(),
            position: None,
        }
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// How many errors and warnings a list of diagnostics has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// How many errors.
    pub errors: usize,
    /// How many warnings.
    pub warnings: usize,
}

impl Counts {
    /// Counts `diagnostics`.
    pub fn of<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> Self {
        let mut counts = Counts::default();
        for diagnostic in diagnostics {
            counts.add(diagnostic.severity);
        }
        counts
    }

    /// Counts one more finding of `severity`.
    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
        }
    }
}

/// Escapes one reference token of a JSON pointer (RFC 6901: `~` as `~0`, `/` as `~1`).
pub(crate) fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}
