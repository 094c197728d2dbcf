//! The rows each page shows, derived from the manifest on demand (never stored, so they cannot go stale).

use super::step::{Page, Step};
use crate::manifest::edit::{ListRef, Owner};
use crate::manifest::vocabulary::{AuthFieldType, AuthenticationType, InputType};
use crate::manifest::{Manifest, Slot};

/// One focusable line of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A text value; `multiline` ones keep line breaks.
    Text { owner: Owner, key: &'static str, label: &'static str, multiline: bool },
    /// A yes/no value.
    Toggle { owner: Owner, key: &'static str, label: &'static str },
    /// One value out of a fixed set.
    Choice { owner: Owner, key: &'static str, label: &'static str, options: Options },
    /// One of the five authentication types, as a radio button.
    AuthType(AuthenticationType),
    /// An element of a list: opened (fields, actions, inputs) or edited in place (interaction types).
    Item(ListRef, usize),
    /// Adds an element to a list.
    Add(ListRef),
    /// A diagnostic of the review page, by its index in the document's list.
    Finding(usize),
    /// An action's provider: always the integration's name, shown read-only (f fixes a mismatch).
    Provider(usize),
    /// One option of a `select` input (its `format`, split at commas).
    SelectOption { action: usize, input: usize, index: usize },
    /// Adds an option to a `select` input.
    AddOption { action: usize, input: usize },
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

    /// The help key prefix of a value (`input_type/` + value).
    pub fn help_prefix(self) -> &'static str {
        match self {
            Options::AuthFieldTypes => "auth_field_type",
            Options::InputTypes => "input_type",
        }
    }
}

const fn text(owner: Owner, key: &'static str, label: &'static str) -> Row {
    Row::Text { owner, key, label, multiline: false }
}

const fn lines(owner: Owner, key: &'static str, label: &'static str) -> Row {
    Row::Text { owner, key, label, multiline: true }
}

/// The rows of `page`, top to bottom. `only` limits a list page to the elements a filter matched.
pub fn rows(page: Page, manifest: &Manifest, findings: &[usize], only: Option<&[usize]>) -> Vec<Row> {
    let list_rows = |list: ListRef, count: usize| -> Vec<Row> {
        match only {
            Some(matches) => matches.iter().map(|&index| Row::Item(list, index)).chain([Row::Add(list)]).collect(),
            None => list_rows(list, count),
        }
    };
    let integration = Owner::Integration;
    match page {
        Page::Step(Step::Integration) => vec![
            text(integration, "name", "Name"),
            text(integration, "display_name", "Display name"),
            lines(integration, "description", "Description"),
            text(integration, "logo_url", "Logo URL"),
            text(integration, "icon_url", "Icon URL"),
        ],
        Page::Step(Step::Features) => {
            let mut rows = vec![
                text(integration, "auth_validation_endpoint", "Auth validation URL"),
                text(integration, "contact_synchronization_endpoint", "Contact sync URL"),
                text(integration, "interaction_retrieval_endpoint", "Interaction retrieval URL"),
                text(integration, "agent_synchronization_endpoint", "Agent sync URL"),
                Row::Toggle { owner: Owner::Wrapper, key: "requires_cti", label: "Needs CTI?" },
            ];
            let count = manifest.integration().and_then(|i| i.interaction_types.get()).map_or(0, Vec::len);
            rows.extend((0..count).map(|index| Row::Item(ListRef::InteractionTypes, index)));
            rows.push(Row::Add(ListRef::InteractionTypes));
            rows
        }
        Page::Step(Step::Authentication) => AuthenticationType::ALL.into_iter().map(Row::AuthType).collect(),
        Page::Step(Step::AuthFields) => list_rows(ListRef::AuthFields, manifest.auth_field_count()),
        Page::Step(Step::Actions) => list_rows(ListRef::Actions, manifest.action_count()),
        Page::Step(Step::Review) => findings.iter().copied().map(Row::Finding).collect(),
        Page::AuthField(index) => {
            let owner = Owner::AuthField(index);
            vec![
                text(owner, "field_name", "Field name"),
                text(owner, "display", "Display"),
                Row::Toggle { owner, key: "mandatory", label: "Mandatory" },
                Row::Choice { owner, key: "type", label: "Type", options: Options::AuthFieldTypes },
                Row::Toggle { owner, key: "store", label: "Store" },
                lines(owner, "help", "Help"),
                text(owner, "format", "Format"),
            ]
        }
        Page::Action(index) => {
            let owner = Owner::Action(index);
            let mut rows = vec![
                text(owner, "name", "Name"),
                text(owner, "display", "Display"),
                lines(owner, "description", "Description"),
                text(owner, "endpoint", "Endpoint"),
                Row::Provider(index),
            ];
            rows.extend(list_rows(ListRef::Inputs(index), manifest.input_count(index)));
            rows
        }
        Page::Input { action, input } => {
            let owner = Owner::Input { action, input };
            let input_type = manifest.text(owner, "type").and_then(Slot::as_str);
            let mut rows = vec![
                text(owner, "key", "Key"),
                text(owner, "name", "Name"),
                Row::Toggle { owner, key: "mandatory", label: "Mandatory" },
                Row::Choice { owner, key: "type", label: "Type", options: Options::InputTypes },
            ];
            // A select's format is its options: edited as a list, stored comma separated.
            let format_is_text =
                manifest.text(owner, "format").is_none_or(|slot| matches!(slot, Slot::Value(_) | Slot::Absent));
            if input_type == Some("select") && format_is_text {
                let options = manifest.select_options(action, input).len();
                rows.extend((0..options).map(|index| Row::SelectOption { action, input, index }));
                rows.push(Row::AddOption { action, input });
            } else {
                let multiline = input_type == Some("textarea");
                rows.push(Row::Text { owner, key: "format", label: "Format", multiline });
            }
            rows
        }
    }
}

fn list_rows(list: ListRef, count: usize) -> Vec<Row> {
    let mut rows: Vec<Row> = (0..count).map(|index| Row::Item(list, index)).collect();
    rows.push(Row::Add(list));
    rows
}

impl Row {
    /// The JSON pointer of the value this row shows, for its diagnostics.
    pub fn pointer(self, manifest: &Manifest) -> String {
        match self {
            Row::Text { owner, key, .. } | Row::Toggle { owner, key, .. } | Row::Choice { owner, key, .. } => {
                owner.key_pointer(manifest, key)
            }
            Row::AuthType(_) => Owner::Integration.key_pointer(manifest, "authentication_type"),
            Row::Item(list, index) => format!("{}/{index}", list_pointer(list, manifest)),
            Row::Add(list) => list_pointer(list, manifest),
            Row::Finding(_) => String::new(),
            Row::Provider(action) => Owner::Action(action).key_pointer(manifest, "provider"),
            Row::SelectOption { action, input, .. } | Row::AddOption { action, input } => {
                Owner::Input { action, input }.key_pointer(manifest, "format")
            }
        }
    }

    /// The key of `assets/help.json` explaining this row.
    pub fn help_key(self, manifest: &Manifest) -> String {
        match self {
            Row::Text { owner, key, .. } | Row::Toggle { owner, key, .. } => {
                format!("{}/{key}", object_name(owner))
            }
            Row::Choice { owner, key, options, .. } => match manifest.text(owner, key).and_then(Slot::as_str) {
                Some(value) => format!("{}/{value}", options.help_prefix()),
                None => format!("{}/{key}", object_name(owner)),
            },
            Row::AuthType(kind) => format!("authentication_type/{}", kind.as_str()),
            Row::Item(list, _) | Row::Add(list) => match list {
                ListRef::AuthFields => "integration/authentication_configuration".into(),
                ListRef::InteractionTypes => "integration/interaction_types".into(),
                ListRef::Actions => "action/name".into(),
                ListRef::Inputs(_) => "action/inputs".into(),
            },
            Row::Finding(_) => String::new(),
            Row::Provider(_) => "action/provider".into(),
            Row::SelectOption { .. } | Row::AddOption { .. } => "input_type/select".into(),
        }
    }
}

/// The JSON pointer of a list.
pub fn list_pointer(list: ListRef, manifest: &Manifest) -> String {
    match list {
        ListRef::AuthFields => Owner::Integration.key_pointer(manifest, "authentication_configuration"),
        ListRef::InteractionTypes => Owner::Integration.key_pointer(manifest, "interaction_types"),
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
