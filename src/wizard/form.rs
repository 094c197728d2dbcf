//! The rows each page shows, derived from the manifest on demand (never stored, so they cannot go stale).

use crate::manifest::edit::{ListRef, Owner};
use crate::manifest::seed_tables::{AuthFieldType, AuthenticationType, InputType};
use crate::manifest::{ActionKey, InputKey, Key, Manifest, Slot};

/// One focusable line of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A text value; `multiline` ones keep line breaks.
    Text {
        /// The object it belongs to.
        owner: Owner,
        /// Its key.
        key: Key,
        /// The row's label.
        label: &'static str,
        /// Line breaks are kept.
        multiline: bool,
    },
    /// A yes/no value.
    Toggle {
        /// The object it belongs to.
        owner: Owner,
        /// Its key.
        key: Key,
        /// The row's label.
        label: &'static str,
    },
    /// One value out of a fixed set.
    Choice {
        /// The object it belongs to.
        owner: Owner,
        /// Its key.
        key: Key,
        /// The row's label.
        label: &'static str,
        /// The values offered.
        options: Options,
    },
    /// One of the five authentication types, as a radio button.
    AuthType(AuthenticationType),
    /// An element of a list: opened (fields, actions, inputs) or edited in place (interaction types).
    Item(ListRef, usize),
    /// Adds an element to a list.
    Add(ListRef),
    /// A diagnostic of the review page, by its index in the document's list.
    Finding(usize),
    /// A change since the file was opened, on the review page, by its index in the document's list.
    Change(usize),
    /// An action's provider: always the integration's name, shown read-only (f fixes a mismatch).
    Provider(usize),
    /// One option of a `select` input (its `format`, split at commas).
    SelectOption {
        /// The action's index.
        action: usize,
        /// The input's index.
        input: usize,
        /// The option's index.
        index: usize,
    },
    /// Adds an option to a `select` input.
    AddOption {
        /// The action's index.
        action: usize,
        /// The input's index.
        input: usize,
    },
    /// A key the wizard does not know, by its place among `owner`'s unknown keys: shown, kept as written, not edited.
    Kept {
        /// The object it belongs to.
        owner: Owner,
        /// Its place among the object's unknown keys.
        index: usize,
    },
}

/// The sets a choice row offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Options {
    AuthFieldTypes,
    InputTypes,
}

impl Options {
    /// The values, as written in the manifest.
    pub fn values(self) -> Vec<&'static str> {
        match self {
            Options::AuthFieldTypes => AuthFieldType::ALL.iter().map(|kind| kind.as_str()).collect(),
            Options::InputTypes => InputType::ALL.iter().map(|kind| kind.as_str()).collect(),
        }
    }

    /// What ← and → do from `chosen`, in words (the choice wraps around), then the other values:
    /// `  ← makes it oauth, → makes it password; also …`. So the keys' result is read before pressing them.
    pub(crate) fn keys_in_words(self, chosen: Option<&str>) -> String {
        let values = self.values();
        let at = chosen.and_then(|chosen| values.iter().position(|value| *value == chosen));
        match at {
            Some(at) if values.len() > 2 => {
                let previous = values[(at + values.len() - 1) % values.len()];
                let next = values[(at + 1) % values.len()];
                let rest: Vec<&str> = values
                    .iter()
                    .copied()
                    .filter(|value| ![chosen, Some(previous), Some(next)].contains(&Some(*value)))
                    .collect();
                let rest = if rest.is_empty() { String::new() } else { format!("; also {}", rest.join(", ")) };
                format!("  ← makes it {previous}, → makes it {next}{rest}")
            }
            _ => {
                let others: Vec<&str> = values.iter().copied().filter(|value| Some(*value) != chosen).collect();
                format!("  ←→ makes it {}", others.join(" or "))
            }
        }
    }

    /// The help key prefix of a value (`input_type/` + value).
    pub fn help_prefix(self) -> &'static str {
        match self {
            Options::AuthFieldTypes => "auth_field_type",
            Options::InputTypes => "input_type",
        }
    }
}

pub(crate) use super::steps::{row, rows};

impl Row {
    /// The JSON pointer of the value this row shows, for its diagnostics.
    pub fn pointer(self, manifest: &Manifest) -> String {
        match self {
            Row::Text { owner, key, .. } | Row::Toggle { owner, key, .. } | Row::Choice { owner, key, .. } => {
                owner.key_pointer(manifest, key)
            }
            Row::AuthType(_) => Owner::Integration.key_pointer(manifest, super::steps::authentication::KEY),
            Row::Item(list, index) => format!("{}/{index}", list_pointer(list, manifest)),
            Row::Add(list) => list_pointer(list, manifest),
            Row::Finding(_) | Row::Change(_) => String::new(),
            Row::Provider(action) => Owner::Action(action).key_pointer(manifest, ActionKey::Provider),
            Row::SelectOption { action, input, .. } | Row::AddOption { action, input } => {
                Owner::Input { action, input }.key_pointer(manifest, InputKey::Format)
            }
            Row::Kept { owner, index } => {
                super::steps::kept::key(manifest, owner, index).map_or_else(String::new, |key| {
                    // A key the tool does not know has no typed key: its pointer is made from its text.
                    format!("{}/{}", owner.pointer(manifest), crate::manifest::diagnostic::escape_token(key))
                })
            }
        }
    }

    /// The key of `assets/help.json` explaining this row.
    pub fn help_key(self, manifest: &Manifest) -> String {
        match self {
            Row::Text { owner, key, .. } | Row::Toggle { owner, key, .. } => {
                format!("{}/{key}", object_name(owner))
            }
            Row::Choice { owner, key, options, .. } => {
                match manifest.term(owner, key).as_ref().and_then(Slot::as_str) {
                    Some(value) => format!("{}/{value}", options.help_prefix()),
                    None => format!("{}/{key}", object_name(owner)),
                }
            }
            Row::AuthType(kind) => format!("authentication_type/{}", kind.as_str()),
            Row::Item(list, _) | Row::Add(list) => match list {
                ListRef::AuthFields => "integration/authentication_configuration".into(),
                ListRef::InteractionTypes => "integration/interaction_types".into(),
                ListRef::Actions => "wrapper/actions".into(),
                ListRef::Inputs(_) => "action/inputs".into(),
            },
            Row::Finding(_) | Row::Change(_) | Row::Kept { .. } => String::new(),
            Row::Provider(_) => "action/provider".into(),
            Row::SelectOption { .. } | Row::AddOption { .. } => "input_type/select".into(),
        }
    }
}

/// The JSON pointer of a list.
pub(crate) fn list_pointer(list: ListRef, manifest: &Manifest) -> String {
    match list {
        ListRef::AuthFields => Owner::Integration.key_pointer(manifest, super::steps::auth_fields::LIST_KEY),
        ListRef::InteractionTypes => {
            Owner::Integration.key_pointer(manifest, super::steps::features::INTERACTION_TYPES)
        }
        ListRef::Actions => "/actions".into(),
        ListRef::Inputs(action) => format!("/actions/{action}/inputs"),
    }
}

fn object_name(owner: Owner) -> &'static str {
    match owner {
        Owner::Wrapper => "wrapper",
        Owner::Integration => "integration",
        Owner::AuthField(_) => "auth_field",
        Owner::Action(_) => "action",
        Owner::Input { .. } => "input",
    }
}
