//! One action input's form: its fields; a `select` edits its format as a list of options, a
//! `textarea` keeps line breaks in it.

use super::{Field, Kind, field_rows};
use crate::manifest::edit::Owner;
use crate::manifest::{InputKey, InputType, Manifest, Slot};
use crate::wizard::form::{Options, Row};

/// The fields of an input's form, before its format.
pub(crate) const FIELDS: &[Field<InputKey>] = &[
    Field::line(InputKey::Key, "Key"),
    Field::line(InputKey::Name, "Name"),
    Field::toggle(InputKey::Mandatory, "Mandatory"),
    Field::choice(InputKey::Type, "Type", Options::InputTypes),
    FORMAT,
];

/// The format: a text, or a select's options.
pub(crate) const FORMAT: Field<InputKey> = Field::line(InputKey::Format, "Format");

/// What the status says when an input becomes a select.
pub(crate) const SELECT_NOTE: &str = "select: add its options below (+ add an option), e.g. low, normal, high; the file keeps them in format, separated by commas";

/// True for the field Enter stops at even when it holds a value: whether the input is mandatory is a
/// decision Talkdesk's page marks mandatory, and the default "no" a new input starts with is not one.
pub(crate) fn enter_stops_at(owner: Owner, key: crate::manifest::Key) -> bool {
    matches!(owner, Owner::Input { .. }) && key == crate::manifest::ObjectKey::key(InputKey::Mandatory)
}

/// The input's type, when it is one Talkdesk knows, spelt as Talkdesk spells it.
pub(crate) fn input_type(manifest: &Manifest, action: usize, input: usize) -> Option<InputType> {
    manifest.input(action, input)?.input_type.known()
}

/// True when the format is edited as a list of options: a select whose format is text (or missing).
pub(crate) fn edits_options(manifest: &Manifest, action: usize, input: usize) -> bool {
    let owner = Owner::Input { action, input };
    let format_is_text =
        manifest.text(owner, FORMAT.key).is_none_or(|slot| matches!(slot, Slot::Value(_) | Slot::Absent));
    input_type(manifest, action, input) == Some(InputType::Select) && format_is_text
}

/// The rows of an input's form.
pub(crate) fn rows(manifest: &Manifest, action: usize, input: usize) -> Vec<Row> {
    let owner = Owner::Input { action, input };
    let before_format = FIELDS.iter().take_while(|field| field.key != FORMAT.key);
    let mut rows: Vec<Row> = field_rows(&FIELDS[..before_format.count()], owner).collect();
    if edits_options(manifest, action, input) {
        let options = manifest.select_options(action, input).len();
        rows.extend((0..options).map(|index| Row::SelectOption { action, input, index }));
        rows.push(Row::AddOption { action, input });
    } else {
        let lines = input_type(manifest, action, input) == Some(InputType::Textarea);
        let format = if lines { super::Field { kind: Kind::Lines, ..FORMAT } } else { FORMAT };
        rows.push(format.row(owner));
    }
    rows
}

/// Under the format: what a default means for the input's type.
pub(crate) fn note(manifest: &Manifest, owner: Owner, key: InputKey) -> Option<String> {
    if key != FORMAT.key {
        return None;
    }
    let Owner::Input { action, input } = owner else { return None };
    // Any string type gets a note; an unknown one the general note.
    let written = manifest.input(action, input)?.input_type.get()?;
    let note = match written.known() {
        Some(InputType::Datetime) => {
            "a default in one of YYYY-MM-DD, YYYY-MM-DDTHH:mm:ss, YYYY-MM-DDTHH:mm:ssZ, or {{contact.updated_at}}"
        }
        Some(InputType::Number) => "a default whole number (e.g. 3), or a value provider: type {{ for the list",
        Some(InputType::Url) => "a default absolute URL (https://...), or a value provider such as {{contact.website}}",
        Some(InputType::Tel) => "a default phone number, or a value provider such as {{contact.phone}}",
        Some(InputType::Textarea) => "a default text (Alt-Enter adds a line), or value providers: type {{ for the list",
        Some(InputType::Text | InputType::Select) | None => {
            "a default value, or a value provider such as {{contact.email}}: type {{ for the list"
        }
    };
    Some(note.to_owned())
}
