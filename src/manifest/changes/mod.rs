//! What changed in meaning between two manifests: an ordered list of changes, each with its code,
//! the path to its field, its words, and why it breaks the live integration when it does.
//!
//! Authentication fields are matched by `field_name`, actions by `name`, inputs by `key`; an element
//! that disappears while another appears with everything else equal is a rename. Order and layout
//! are not changes; unknown keys are compared as written. Pure: no files, no terminal.

mod actions;
mod auth;
mod code;
mod integration;
mod pairing;
mod values;

#[cfg(test)]
mod tests;

pub use code::ChangeCode;

use super::Manifest;
use serde::Serialize;

/// Which of the two manifests a change's pointer points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The older manifest: for what was removed.
    Old,
    /// The newer manifest: for everything else.
    New,
}

/// One change in meaning.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// What kind of change it is.
    pub code: ChangeCode,
    /// What changed, e.g. `integration`, `auth field "token"`, `input "email" of action "create_ticket"`
    /// (names quoted and escaped, cut when very long).
    pub subject: String,
    /// The key whose value changed (e.g. `endpoint`), for a change of a value.
    pub key: Option<String>,
    /// A JSON pointer to the field, in the manifest named by `side`.
    pub pointer: String,
    /// The manifest `pointer` points into.
    pub side: Side,
    /// The value before, as compact JSON; `None` when there was none.
    pub before: Option<String>,
    /// The value after, as compact JSON; `None` when there is none.
    pub after: Option<String>,
}

impl Change {
    /// Why this change breaks the live integration, or `None` when it does not.
    pub fn breaking(&self) -> Option<&'static str> {
        self.code.breaking()
    }

    /// The change in words, without its values: "action \"x\" removed", "integration: display_name changed".
    pub fn words(&self) -> String {
        use ChangeCode as C;
        let subject = &self.subject;
        match self.code {
            C::AuthFieldAdded
            | C::MandatoryAuthFieldAdded
            | C::ActionAdded
            | C::InputAdded
            | C::MandatoryInputAdded => {
                format!("{subject} added")
            }
            C::AuthFieldRemoved | C::ActionRemoved | C::InputRemoved => format!("{subject} removed"),
            C::AuthFieldRenamed | C::ActionRenamed => {
                format!("{subject} renamed to {}", self.after.as_deref().unwrap_or("?"))
            }
            C::AuthFieldMadeMandatory | C::InputMadeMandatory => format!("{subject} made mandatory"),
            C::EndpointHostChanged => format!("{subject}: {} moved to another host", self.key_name()),
            C::IntegrationChanged
            | C::AuthenticationTypeChanged
            | C::AuthFieldChanged
            | C::ActionChanged
            | C::InputChanged => {
                let verb = match (&self.before, &self.after) {
                    (None, Some(_)) => "added",
                    (Some(_), None) => "removed",
                    _ => "changed",
                };
                format!("{subject}: {} {verb}", self.key_name())
            }
        }
    }

    fn key_name(&self) -> &str {
        self.key.as_deref().unwrap_or("value")
    }
}

/// The changes from `old` to `new`, in the order of the new file (the top level and the
/// integration, its authentication fields, then the actions and their inputs); what was removed
/// from a list comes after what the list still has. Empty when both mean the same.
pub fn compare(old: &Manifest, new: &Manifest) -> Vec<Change> {
    let mut changes = Vec::new();
    integration::compare(old, new, &mut changes);
    actions::compare(old, new, &mut changes);
    changes
}

/// Puts the changes that break the live integration first, keeping the order within each group.
pub fn breaking_first(changes: &mut [Change]) {
    changes.sort_by_key(|change| change.breaking().is_none());
}
