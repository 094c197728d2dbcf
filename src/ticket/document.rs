//! The ticket document as data, the same for every format: a header, the changes (for an update),
//! the "Integration Details" rows, one section per action, and the tool's own additions.

use crate::manifest::changes::{Change, breaking_first, compare};
use crate::manifest::{
    Action, ActionInput, ActionKey, AuthField, AuthFieldKey, Counts, Diagnostic, InputKey, Integration, IntegrationKey,
    Manifest, Slot, check,
};

/// The title of the document that asks Talkdesk to activate an integration, as Talkdesk names the request.
pub(crate) const TITLE: &str = "Activate Custom Integration";

/// The title of the document that asks Talkdesk to change an active integration.
pub(crate) const UPDATE_TITLE: &str = "Update Custom Integration";

/// What the activation document is, said once under the title.
pub(crate) const PURPOSE: &str = "The configuration of a custom integration, for Talkdesk to activate it.";

/// What the update document is, said once under the title.
pub(crate) const UPDATE_PURPOSE: &str =
    "The changes to a custom integration Talkdesk has activated, then its whole configuration after them.";

/// The heading of the changes' table in an update document.
pub(crate) const CHANGES_HEADING: &str = "What changes";

/// The column headings of the changes' table.
pub(crate) const CHANGE_COLUMNS: [&str; 4] = ["Change", "Before", "After", "Breaks the live integration"];

/// The heading of what the tool adds that Talkdesk does not ask for.
pub(crate) const ADDITIONS_HEADING: &str = "Added by integration-wizard (not asked for by Talkdesk)";

/// Where a written document goes: said by `ticket` and by the wizard after writing it.
pub const OPEN_A_TICKET: &str = "open a ticket in Talkdesk's support form";

/// What to do once the document `attachment` (as shown) is written: open a ticket with the form's
/// settings for `title`, and attach it. The `ticket` command prints it after "next: ".
pub fn next_step(title: &str, attachment: &str) -> String {
    let settings = ticket_settings(title).map(|(label, value)| format!("{label} \"{value}\""));
    format!("{OPEN_A_TICKET} ({}) and attach {attachment}", settings.join(", "))
}

/// The three choices of Talkdesk's support form for a request (SPEC §7); the subject is the document's title.
pub fn ticket_settings(title: &str) -> [(&'static str, String); 3] {
    [
        ("Option", "Technical and Product Support".to_owned()),
        ("Product area", "Integrations".to_owned()),
        ("Subject", title.to_owned()),
    ]
}

/// The heading of the integration's table, as on Talkdesk's page.
pub(crate) const DETAILS_HEADING: &str = "Integration Details";

/// The column headings of every `Field | Value` table.
pub(crate) const FIELD_VALUE: [&str; 2] = ["Field", "Value"];

/// The column headings of an action's inputs table: every key of an input, in the model's order.
pub(crate) const INPUT_COLUMNS: &[&str] = ActionInput::KEYS;

/// Shown for an optional value the manifest leaves out, so a reader sees it was not forgotten.
pub(crate) const NONE: &str = "(none)";

/// How many hexadecimal digits of the SHA-256 the header shows: enough to tell versions apart.
const FINGERPRINT_DIGITS: usize = 16;

/// Everything a ticket document says, before it is written in a format. The actions' sections are
/// made from the manifest one at a time as a format writes them ([`Document::actions`]): a
/// document of thousands of actions never holds all their rows at once.
#[derive(Debug, Clone, PartialEq)]
pub struct Document<'a> {
    /// The title: Talkdesk's name of the request ("Activate Custom Integration").
    pub title: &'static str,
    /// What the document is, in one sentence.
    pub purpose: &'static str,
    /// What the header says about the document: integration, manifest file (and the previous one).
    pub about: Vec<(&'static str, String)>,
    /// For an update: the changes, those that break the live integration first.
    pub changes: Option<Vec<ChangeRow>>,
    /// The rows of "Integration Details", in the seed page's order.
    pub details: Vec<Row>,
    /// The manifest the actions' sections are made from.
    manifest: &'a Manifest,
    /// What Talkdesk does not ask for: requires CTI, fingerprints, the checks' result and open warnings.
    pub additions: Vec<Row>,
}

/// One row of the changes' table, in the order of [`CHANGE_COLUMNS`].
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeRow {
    /// The change in words.
    pub change: String,
    /// The value before ("" when there was none).
    pub before: String,
    /// The value after ("" when there is none).
    pub after: String,
    /// "yes: why" for a change that breaks the live integration, else "no".
    pub breaks: String,
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
    /// One row per input, a value per column of [`INPUT_COLUMNS`].
    pub inputs: Vec<Vec<String>>,
}

/// The bullet that starts an item in plain-text layouts (the seed page's).
pub(crate) const BULLET: &str = "• ";

impl Cell {
    /// The cell as lines of plain text in the layout of Talkdesk's page: bullets start with "• ";
    /// a block starts with its `field_name: …` line, its other lines are bullets, and an empty
    /// line separates blocks.
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
                    lines.extend(block.text_lines());
                }
                lines
            }
        }
    }
}

impl Block {
    /// The block's lines as Talkdesk's page lays them out: `field_name: …` first (the heading when
    /// the field has no name), then one bullet per other value.
    pub fn text_lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        let mut rest = self.lines.as_slice();
        match rest.split_first() {
            Some(((label, value), others)) if *label == "field_name" => {
                lines.push(format!("{label}: {value}"));
                rest = others;
            }
            _ => lines.push(self.heading.clone()),
        }
        lines.extend(rest.iter().map(|(label, value)| format!("{BULLET}{label}: {value}")));
        lines
    }
}

impl<'a> Document<'a> {
    /// The document for `manifest`, read from the file `file_name` whose bytes are `content`.
    ///
    /// Meant for a manifest without errors; anything missing or of the wrong type is still shown
    /// (as "(none)" or as its JSON text) rather than failing.
    pub fn new(manifest: &'a Manifest, file_name: &str, content: &[u8]) -> Document<'a> {
        Document::checked(manifest, file_name, &crate::fingerprint::hex(content), &check(content).diagnostics)
    }

    /// Like [`Document::new`], given what it needs of the content by a caller that read and
    /// checked it already: its SHA-256 in hex (`sha256`) and what checking it found
    /// (`check(content).diagnostics`). A big manifest's text need not be held, nor read again.
    pub fn checked(manifest: &'a Manifest, file_name: &str, sha256: &str, diagnostics: &[Diagnostic]) -> Document<'a> {
        let empty = Integration::default();
        let integration = manifest.integration().unwrap_or(&empty);
        let title = text(&integration.display_name)
            .filter(|name| !name.trim().is_empty())
            .or_else(|| text(&integration.name))
            .unwrap_or_default();
        Document {
            title: TITLE,
            purpose: PURPOSE,
            about: vec![("Integration", title), ("Manifest", file_name.to_owned())],
            changes: None,
            details: details(integration),
            manifest,
            additions: additions(manifest, sha256, diagnostics),
        }
    }

    /// This document as the one that asks Talkdesk to change the integration activated from
    /// `old`, read from the file `file_name` whose bytes have the SHA-256 `old_sha256` (in hex):
    /// the changes come first.
    pub fn since(mut self, old: &Manifest, new: &Manifest, file_name: &str, old_sha256: &str) -> Document<'a> {
        let mut changes = compare(old, new);
        breaking_first(&mut changes);
        self.title = UPDATE_TITLE;
        self.purpose = UPDATE_PURPOSE;
        self.about.push(("Previous version", file_name.to_owned()));
        self.changes = Some(changes.iter().map(change_row).collect());
        let at = self.additions.iter().position(|row| row.field == "fingerprint").map_or(0, |at| at + 1);
        let previous =
            Row { field: "previous fingerprint", value: Cell::Text(format!("SHA-256 {}", fingerprint(old_sha256))) };
        self.additions.insert(at, previous);
        self
    }
}

impl<'a> Document<'a> {
    /// One section per action, in the manifest's order, each made when it is asked for.
    pub fn actions(&self) -> impl Iterator<Item = ActionSection> + 'a {
        self.manifest.actions().map(|(index, action)| action_section(index, action))
    }

    /// True when the manifest has at least one action.
    pub fn has_actions(&self) -> bool {
        self.manifest.actions().next().is_some()
    }
}

/// A change as a row of the table: its words, its values as text, and whether it breaks the live integration.
fn change_row(change: &Change) -> ChangeRow {
    ChangeRow {
        change: change.words(),
        before: change.before.as_deref().map(value_text).unwrap_or_default(),
        after: change.after.as_deref().map(value_text).unwrap_or_default(),
        breaks: change.breaking().map_or_else(|| "no".to_owned(), |why| format!("yes: {why}")),
    }
}

/// A change's JSON value as a reader reads it: a string without its quotes, anything else as JSON.
fn value_text(json: &str) -> String {
    serde_json::from_str::<String>(json).unwrap_or_else(|_| json.to_owned())
}

/// What the tool adds: whether CTI is needed, the fingerprint, and the checks' result with every open warning.
fn additions(manifest: &Manifest, sha256: &str, diagnostics: &[Diagnostic]) -> Vec<Row> {
    let warnings: Vec<String> = diagnostics
        .iter()
        .filter(|diagnostic| !diagnostic.is_error())
        .map(|warning| format!("{} at {}: {}", warning.code, warning.pointer, warning.message))
        .collect();
    let plural = |count: usize, noun: &str| if count == 1 { format!("1 {noun}") } else { format!("{count} {noun}s") };
    let summary = format!(
        "integration-wizard {}: {}, {}",
        env!("CARGO_PKG_VERSION"),
        plural(Counts::of(diagnostics).errors, "error"),
        plural(warnings.len(), "warning")
    );
    let mut rows = vec![
        Row { field: "requires CTI", value: Cell::Text(yes_no(manifest.wrapper.requires_cti.as_bool())) },
        Row { field: "fingerprint", value: Cell::Text(format!("SHA-256 {}", fingerprint(sha256))) },
        Row { field: "checked with", value: Cell::Text(summary) },
    ];
    if !warnings.is_empty() {
        rows.push(Row { field: "open warnings", value: Cell::Bullets(warnings) });
    }
    rows
}

/// The first hexadecimal digits of a SHA-256 in hex (what `sha256sum` prints first).
fn fingerprint(sha256: &str) -> &str {
    sha256.get(..FINGERPRINT_DIGITS).unwrap_or(sha256)
}

/// The "Integration Details" rows: one per key of the integration, in the model's order (the seed
/// page's example table). The `match` has no catch-all: a key added to
/// the model does not compile until the document shows it.
fn details(integration: &Integration) -> Vec<Row> {
    let plain = |slot: &Slot<String>| Cell::Text(or_none(text(slot)));
    IntegrationKey::ALL
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
        .collect()
}

fn yes_no(flag: Option<bool>) -> String {
    if flag == Some(true) { "yes" } else { "no" }.to_owned()
}

/// One bullet per line of the description where the author broke lines (blank lines only
/// separate paragraphs); one paragraph stays plain text.
fn paragraphs(slot: &Slot<String>) -> Cell {
    let Some(description) = text(slot) else { return Cell::Text(NONE.to_owned()) };
    let items: Vec<String> =
        description.split('\n').map(str::trim).filter(|line| !line.is_empty()).map(str::to_owned).collect();
    if items.len() < 2 { Cell::Text(description) } else { Cell::Bullets(items) }
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
                Slot::Value(input) => input_row(input),
                other => {
                    let mut row = vec![String::new(); INPUT_COLUMNS.len()];
                    row[0] = found(other);
                    row
                }
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

/// An input's row of the inputs table: a cell per key of the model, in its order. The `match` has no
/// catch-all: a key added to the model does not compile until the table shows it.
fn input_row(input: &ActionInput) -> Vec<String> {
    InputKey::ALL
        .iter()
        .map(|&key| {
            let value = match key {
                InputKey::Key => text(&input.key),
                InputKey::Name => text(&input.name),
                InputKey::Mandatory => flag(&input.mandatory),
                InputKey::Type => text(&input.input_type.to_text()),
                InputKey::Format => text(&input.format),
            };
            value.unwrap_or_default()
        })
        .collect()
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

    /// The document of `json`; its manifest lives as long as the test (it is leaked).
    fn document(json: &str) -> Document<'static> {
        let parsed = read(json.as_bytes()).expect("a manifest");
        Document::new(Box::leak(Box::new(parsed.manifest)), "m.json", json.as_bytes())
    }

    #[test]
    fn a_document_from_findings_already_made_is_the_document_that_checks_itself() {
        let json = r#"{"integration": {"name": "x", "x-team": "a"}, "actions": [{"name": "a"}]}"#;
        let manifest = read(json.as_bytes()).expect("a manifest").manifest;
        let findings = check(json.as_bytes()).diagnostics;
        assert!(!findings.is_empty(), "the sample has findings to pass on");
        let sha256 = crate::fingerprint::hex(json.as_bytes());
        let checked = Document::checked(&manifest, "m.json", &sha256, &findings);
        assert_eq!(checked, Document::new(&manifest, "m.json", json.as_bytes()));
    }

    #[test]
    fn each_action_section_is_made_from_the_manifest_in_its_order() {
        let doc = document(
            r#"{"integration": {"name": "x"}, "actions": [
                {"name": "first", "inputs": [{"key": "id", "name": "Id", "mandatory": true, "type": "string"}]},
                {"name": "second"}]}"#,
        );
        assert!(doc.has_actions());
        let sections: Vec<ActionSection> = doc.actions().collect();
        let headings: Vec<&str> = sections.iter().map(|section| section.heading.as_str()).collect();
        assert_eq!(headings, ["Action: first", "Action: second"]);
        assert_eq!(sections[0].inputs, [["id", "Id", "true", "string", ""].map(str::to_owned)]);
        assert!(sections[1].inputs.is_empty());
        assert_eq!(doc.actions().collect::<Vec<_>>(), sections, "made again, the same");
        assert!(!document(r#"{"integration": {"name": "x"}}"#).has_actions());
    }

    #[test]
    fn the_fingerprint_is_the_start_of_the_sha256() {
        // `printf '{}' | sha256sum` starts with these digits.
        let doc = document("{}");
        let row = doc.additions.iter().find(|row| row.field == "fingerprint").expect("the fingerprint");
        assert_eq!(row.value, Cell::Text("SHA-256 44136fa355b3678a".into()));
    }

    #[test]
    fn absent_optional_values_are_said_not_hidden() {
        let doc = document(r#"{"integration": {"name": "x", "authentication_type": "none"}}"#);
        let row = |field: &str| doc.details.iter().find(|row| row.field == field).map(|row| row.value.clone());
        assert_eq!(row("auth_validation_endpoint"), Some(Cell::Text(NONE.into())));
        assert_eq!(row("authentication_configuration"), Some(Cell::Text(NONE.into())));
        assert_eq!(row("interaction_types"), Some(Cell::Text(NONE.into())));
        let addition = |field: &str| doc.additions.iter().find(|row| row.field == field).map(|row| row.value.clone());
        assert_eq!(addition("requires CTI"), Some(Cell::Text("no".into())));
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
    fn one_paragraph_stays_plain_text() {
        let doc = document(r#"{"integration": {"description": "One paragraph, no break."}}"#);
        assert_eq!(doc.details[2].value, Cell::Text("One paragraph, no break.".into()));
    }

    #[test]
    fn open_warnings_are_listed_with_the_checks_result() {
        let doc = document(r#"{"integration": {"name": "x", "x-team": "a"}}"#);
        let checked = doc.additions.iter().find(|row| row.field == "checked with").expect("the checks' result");
        let Cell::Text(summary) = &checked.value else { panic!("{checked:?}") };
        assert!(summary.starts_with("integration-wizard ") && summary.contains(" error"), "{summary}");
        let warnings = doc.additions.iter().find(|row| row.field == "open warnings").expect("the warnings");
        let Cell::Bullets(items) = &warnings.value else { panic!("{warnings:?}") };
        assert!(items.iter().any(|item| item.starts_with("unknown-key at /integration/x-team: ")), "{items:?}");
    }

    #[test]
    fn an_update_lists_its_changes_breaking_first_and_both_fingerprints() {
        let old_json = r#"{"integration": {"name": "x", "display_name": "X"}, "actions": [{"name": "a"}]}"#;
        let new_json = r#"{"integration": {"name": "x", "display_name": "Y"}, "actions": []}"#;
        let old = read(old_json.as_bytes()).expect("old").manifest;
        let new = read(new_json.as_bytes()).expect("new").manifest;
        let old_sha256 = crate::fingerprint::hex(old_json.as_bytes());
        let doc = Document::new(&new, "new.json", new_json.as_bytes()).since(&old, &new, "old.json", &old_sha256);
        assert_eq!(doc.title, UPDATE_TITLE);
        let changes = doc.changes.expect("the changes");
        assert_eq!(changes[0].change, "action \"a\" removed");
        assert!(changes[0].breaks.starts_with("yes: "));
        assert_eq!(
            (changes[1].before.as_str(), changes[1].after.as_str(), changes[1].breaks.as_str()),
            ("X", "Y", "no")
        );
        let fields: Vec<&str> = doc.additions.iter().map(|row| row.field).collect();
        assert_eq!(fields[..3], ["requires CTI", "fingerprint", "previous fingerprint"]);
    }

    #[test]
    fn description_paragraphs_become_bullets() {
        let doc = document(r#"{"integration": {"description": "First one.\n\n  Second one.  \n"}}"#);
        assert_eq!(doc.details[2].value, Cell::Bullets(vec!["First one.".into(), "Second one.".into()]));
    }
}
