//! The ticket document as data, the same for every format: a header, the "Integration Details" rows and one section per action.

use crate::manifest::{Action, ActionKey, AuthField, AuthFieldKey, Integration, IntegrationKey, Manifest, Slot};

/// The document's title, as Talkdesk names the request.
pub(crate) const TITLE: &str = "Activate Custom Integration";

/// What the document is, said once under the title.
pub(crate) const PURPOSE: &str = "The configuration of a custom integration, for Talkdesk to activate it.";

/// Says what to do with the document; the settings follow.
pub(crate) const TICKET_INTRO: &str =
    "Open a ticket in Talkdesk's support form with these settings, and attach this document:";

/// The three choices of Talkdesk's support form for this request (SPEC §7).
pub(crate) const TICKET_SETTINGS: [(&str, &str); 3] = [
    ("Option", "Technical and Product Support"),
    ("Product area", "Integrations"),
    ("Subject", "Activate Custom Integration"),
];

/// The heading of the integration's table, as on Talkdesk's page.
pub(crate) const DETAILS_HEADING: &str = "Integration Details";

/// The column headings of every `Field | Value` table.
pub(crate) const FIELD_VALUE: [&str; 2] = ["Field", "Value"];

/// The column headings of an action's inputs table.
pub(crate) const INPUT_COLUMNS: [&str; 5] = ["key", "name", "mandatory", "type", "format"];

/// Shown for an optional value the manifest leaves out, so a reader sees it was not forgotten.
pub(crate) const NONE: &str = "(none)";

/// How many hexadecimal digits of the SHA-256 the header shows: enough to tell versions apart.
const FINGERPRINT_DIGITS: usize = 16;

/// Everything a ticket document says, before it is written in a format.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// What the header says about the document: integration, manifest file, fingerprint.
    pub about: Vec<(&'static str, String)>,
    /// The rows of "Integration Details", in the seed page's order.
    pub details: Vec<Row>,
    /// One section per action, in the manifest's order.
    pub actions: Vec<ActionSection>,
}

/// One `Field | Value` row.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub field: &'static str,
    pub value: Cell,
}

/// What a value cell holds; each format lays it out its own way.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text as the manifest has it (it may hold line breaks).
    Text(String),
    /// One bullet per item (description paragraphs, interaction types).
    Bullets(Vec<String>),
    /// One block per authentication field.
    Blocks(Vec<Block>),
}

/// An authentication field: its name as a sub-heading, then `label: value` lines.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub heading: String,
    pub lines: Vec<(&'static str, String)>,
}

/// An action: its `Field | Value` rows and its inputs table.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionSection {
    /// The action's heading, e.g. "Action: create_ticket".
    pub heading: String,
    pub rows: Vec<Row>,
    /// One row per input, in the order of [`INPUT_COLUMNS`].
    pub inputs: Vec<[String; 5]>,
}

/// The bullet that starts an item in plain-text layouts (the seed page's).
pub(crate) const BULLET: &str = "• ";

impl Cell {
    /// The cell as lines of plain text: bullets start with "• ", blocks are separated by an empty line.
    pub fn lines(&self) -> Vec<String> {
        match self {
            Cell::Text(text) => text.split('\n').map(str::to_owned).collect(),
            Cell::Bullets(items) => items.iter().map(|item| format!("{BULLET}{item}")).collect(),
            Cell::Blocks(blocks) => {
                let mut lines = Vec::new();
                for (index, block) in blocks.iter().enumerate() {
                    if index > 0 {
                        lines.push(String::new());
                    }
                    lines.push(block.heading.clone());
                    lines.extend(block.lines.iter().map(|(label, value)| format!("{label}: {value}")));
                }
                lines
            }
        }
    }
}

impl Document {
    /// The document for `manifest`, read from the file `file_name` whose bytes are `content`.
    ///
    /// Meant for a manifest without errors; anything missing or of the wrong type is still shown
    /// (as "(none)" or as its JSON text) rather than failing.
    pub fn new(manifest: &Manifest, file_name: &str, content: &[u8]) -> Document {
        let empty = Integration::default();
        let integration = manifest.integration().unwrap_or(&empty);
        let title = text(&integration.display_name)
            .filter(|name| !name.trim().is_empty())
            .or_else(|| text(&integration.name))
            .unwrap_or_default();
        Document {
            about: vec![
                ("Integration", title),
                ("Manifest", file_name.to_owned()),
                ("Fingerprint", format!("SHA-256 {}", fingerprint(content))),
            ],
            details: details(manifest, integration),
            actions: manifest.actions().map(|(index, action)| action_section(index, action)).collect(),
        }
    }
}

/// The first hexadecimal digits of the SHA-256 of `content` (what `sha256sum` prints first).
pub(crate) fn fingerprint(content: &[u8]) -> String {
    crate::fingerprint::hex(content)[..FINGERPRINT_DIGITS].to_owned()
}

/// The "Integration Details" rows: one per key of the integration, in the model's order (the seed
/// page's example table), then whether CTI is needed. The `match` has no catch-all: a key added to
/// the model does not compile until the document shows it.
fn details(manifest: &Manifest, integration: &Integration) -> Vec<Row> {
    let plain = |slot: &Slot<String>| Cell::Text(or_none(text(slot)));
    let mut rows: Vec<Row> = IntegrationKey::ALL
        .iter()
        .map(|&key| {
            let value = match key {
                IntegrationKey::Name => plain(&integration.name),
                IntegrationKey::DisplayName => plain(&integration.display_name),
                IntegrationKey::Description => paragraphs(&integration.description),
                IntegrationKey::LogoUrl => plain(&integration.logo_url),
                IntegrationKey::IconUrl => plain(&integration.icon_url),
                IntegrationKey::AuthenticationType => plain(&integration.authentication_type.to_text()),
                IntegrationKey::AuthenticationConfiguration => authentication(integration),
                IntegrationKey::AuthValidationEndpoint => plain(&integration.auth_validation_endpoint),
                IntegrationKey::ContactSynchronizationEndpoint => plain(&integration.contact_synchronization_endpoint),
                IntegrationKey::InteractionRetrievalEndpoint => plain(&integration.interaction_retrieval_endpoint),
                IntegrationKey::AgentSynchronizationEndpoint => plain(&integration.agent_synchronization_endpoint),
                IntegrationKey::InteractionTypes => list(&integration.interaction_types),
            };
            Row { field: key.as_str(), value }
        })
        .collect();
    rows.push(Row { field: "requires CTI", value: Cell::Text(yes_no(manifest.wrapper.requires_cti.as_bool())) });
    rows
}

fn yes_no(flag: Option<bool>) -> String {
    if flag == Some(true) { "yes" } else { "no" }.to_owned()
}

/// One bullet per line of the description (blank lines only separate paragraphs).
fn paragraphs(slot: &Slot<String>) -> Cell {
    let Some(description) = text(slot) else { return Cell::Text(NONE.to_owned()) };
    let items: Vec<String> =
        description.split('\n').map(str::trim).filter(|line| !line.is_empty()).map(str::to_owned).collect();
    if items.is_empty() { Cell::Text(description) } else { Cell::Bullets(items) }
}

fn list(slot: &Slot<Vec<Slot<String>>>) -> Cell {
    match slot {
        Slot::Value(items) if !items.is_empty() => {
            Cell::Bullets(items.iter().map(|item| or_none(text(item))).collect())
        }
        Slot::Wrong(value) => Cell::Text(value.to_string()),
        _ => Cell::Text(NONE.to_owned()),
    }
}

fn authentication(integration: &Integration) -> Cell {
    let blocks: Vec<Block> = match &integration.authentication_configuration {
        Slot::Value(fields) => fields
            .iter()
            .enumerate()
            .map(|(index, slot)| match slot {
                Slot::Value(field) => block(index, field),
                other => Block { heading: format!("field {}", index + 1), lines: vec![("value", found(other))] },
            })
            .collect(),
        Slot::Wrong(value) => return Cell::Text(value.to_string()),
        _ => Vec::new(),
    };
    if blocks.is_empty() { Cell::Text(NONE.to_owned()) } else { Cell::Blocks(blocks) }
}

/// An authentication field's block, a line per key the model knows (exhaustive, as the details);
/// absent keys are left out, `Mandatory` capitalised as on the page.
fn block(index: usize, field: &AuthField) -> Block {
    let lines = AuthFieldKey::ALL
        .iter()
        .filter_map(|&key| {
            let (label, value) = match key {
                AuthFieldKey::FieldName => (key.as_str(), text(&field.field_name)),
                AuthFieldKey::Display => (key.as_str(), text(&field.display)),
                AuthFieldKey::Mandatory => ("Mandatory", flag(&field.mandatory)),
                AuthFieldKey::Type => (key.as_str(), text(&field.field_type.to_text())),
                AuthFieldKey::Store => (key.as_str(), flag(&field.store)),
                AuthFieldKey::Help => (key.as_str(), text(&field.help)),
                AuthFieldKey::Format => (key.as_str(), text(&field.format)),
            };
            Some((label, value?))
        })
        .collect();
    let heading = text(&field.field_name).unwrap_or_else(|| format!("field {}", index + 1));
    Block { heading, lines }
}

fn action_section(index: usize, action: &Action) -> ActionSection {
    let name = text(&action.name).unwrap_or_else(|| format!("{}", index + 1));
    let plain = |field: &'static str, slot: &Slot<String>| Row { field, value: Cell::Text(or_none(text(slot))) };
    let inputs = match &action.inputs {
        Slot::Value(inputs) => inputs
            .iter()
            .map(|slot| match slot {
                Slot::Value(input) => [
                    text(&input.key).unwrap_or_default(),
                    text(&input.name).unwrap_or_default(),
                    flag(&input.mandatory).unwrap_or_default(),
                    text(&input.input_type.to_text()).unwrap_or_default(),
                    text(&input.format).unwrap_or_default(),
                ],
                other => [found(other), String::new(), String::new(), String::new(), String::new()],
            })
            .collect(),
        _ => Vec::new(),
    };
    // A row per key of the action (exhaustive, as the details); its inputs are the table below.
    let rows = ActionKey::ALL
        .iter()
        .filter_map(|&key| match key {
            ActionKey::Provider => Some(plain(key.as_str(), &action.provider)),
            ActionKey::Name => Some(plain(key.as_str(), &action.name)),
            ActionKey::Display => Some(plain(key.as_str(), &action.display)),
            ActionKey::Description => Some(plain(key.as_str(), &action.description)),
            ActionKey::Endpoint => Some(plain(key.as_str(), &action.endpoint)),
            ActionKey::Inputs => None,
        })
        .collect();
    ActionSection { heading: format!("Action: {name}"), rows, inputs }
}

/// The text under a key, or the JSON text of a value of another type; `None` when absent or null.
fn text(slot: &Slot<String>) -> Option<String> {
    match slot {
        Slot::Value(text) => Some(text.clone()),
        Slot::Wrong(value) => Some(value.to_string()),
        Slot::Absent | Slot::Null => None,
    }
}

fn flag(slot: &Slot<bool>) -> Option<String> {
    match slot {
        Slot::Value(flag) => Some(flag.to_string()),
        Slot::Wrong(value) => Some(value.to_string()),
        Slot::Absent | Slot::Null => None,
    }
}

/// A list element that is not an object, as its JSON text.
fn found<T>(slot: &Slot<T>) -> String {
    match slot {
        Slot::Wrong(value) => value.to_string(),
        _ => "null".to_owned(),
    }
}

fn or_none(value: Option<String>) -> String {
    value.unwrap_or_else(|| NONE.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::read;

    fn document(json: &str) -> Document {
        let parsed = read(json.as_bytes()).expect("a manifest");
        Document::new(&parsed.manifest, "m.json", json.as_bytes())
    }

    #[test]
    fn the_fingerprint_is_the_start_of_the_sha256() {
        // `printf '' | sha256sum` starts with these digits.
        assert_eq!(fingerprint(b""), "e3b0c44298fc1c14");
    }

    #[test]
    fn absent_optional_values_are_said_not_hidden() {
        let doc = document(r#"{"integration": {"name": "x", "authentication_type": "none"}}"#);
        let row = |field: &str| doc.details.iter().find(|row| row.field == field).map(|row| row.value.clone());
        assert_eq!(row("auth_validation_endpoint"), Some(Cell::Text(NONE.into())));
        assert_eq!(row("authentication_configuration"), Some(Cell::Text(NONE.into())));
        assert_eq!(row("interaction_types"), Some(Cell::Text(NONE.into())));
        assert_eq!(row("requires CTI"), Some(Cell::Text("no".into())));
        assert_eq!(doc.about[0], ("Integration", "x".to_owned()), "the name stands in for a missing display name");
    }

    #[test]
    fn a_block_leaves_out_what_the_field_does_not_set() {
        let doc = document(
            r#"{"integration": {"authentication_configuration": [
                {"field_name": "token", "display": "Token", "mandatory": true, "type": "password", "store": false}]}}"#,
        );
        let Some(Row { value: Cell::Blocks(blocks), .. }) = doc.details.get(6) else { panic!("{:?}", doc.details) };
        assert_eq!(blocks[0].heading, "token");
        let labels: Vec<_> = blocks[0].lines.iter().map(|(label, _)| *label).collect();
        assert_eq!(labels, ["field_name", "display", "Mandatory", "type", "store"]);
    }

    #[test]
    fn description_paragraphs_become_bullets() {
        let doc = document(r#"{"integration": {"description": "First one.\n\n  Second one.  \n"}}"#);
        assert_eq!(doc.details[2].value, Cell::Bullets(vec!["First one.".into(), "Second one.".into()]));
    }
}
