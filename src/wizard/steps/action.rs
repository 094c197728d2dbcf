//! One action's form: its fields, its provider (always the integration's name) and its inputs.

use super::{Field, field_rows, list_rows};
use crate::manifest::edit::{ListRef, Owner};
use crate::manifest::{ActionKey, Manifest, Slot};
use crate::wizard::form::Row;

/// The fields of an action's form, before its provider and inputs.
pub(crate) const FIELDS: &[Field<ActionKey>] = &[
    Field::line(ActionKey::Name, "Name"),
    Field::line(ActionKey::Display, "Display"),
    Field::lines(ActionKey::Description, "Description"),
    Field::line(ActionKey::Endpoint, "Endpoint"),
];

/// The keys `f` lowercases: Talkdesk shows them after "Then".
pub(crate) const LOWERCASED: &[ActionKey] = &[ActionKey::Display, ActionKey::Description];

/// The rows of action `index`: fields, provider, then its inputs (or those a filter matched).
pub(crate) fn rows(manifest: &Manifest, index: usize, only: Option<&[usize]>) -> Vec<Row> {
    let mut rows: Vec<Row> = field_rows(FIELDS, Owner::Action(index)).collect();
    rows.push(Row::Provider(index));
    rows.extend(list_rows(ListRef::Inputs(index), manifest.input_count(index), only));
    rows
}

/// The row at `at` of an action's form (as `rows` lists them), and how many rows it has.
pub(crate) fn row(manifest: &Manifest, index: usize, only: Option<&[usize]>, at: usize) -> (usize, Option<Row>) {
    let head = FIELDS.len() + 1;
    match at.checked_sub(head) {
        None => (head, Some(FIELDS.get(at).map_or(Row::Provider(index), |field| field.row(Owner::Action(index))))),
        Some(input) => {
            let (count, found) = super::list_row(ListRef::Inputs(index), manifest.input_count(index), only, input);
            (head + count, found)
        }
    }
}

/// Makes every provider the integration's name; returns how many changed and the status to show.
pub(crate) fn sync_providers(manifest: &mut Manifest) -> (usize, String) {
    let changed = manifest.sync_providers();
    let name = manifest.integration().and_then(|i| i.name.non_blank()).unwrap_or("").to_owned();
    let status = match (changed, name.is_empty()) {
        (_, true) => "the provider is the integration's name: set the name in step 1 first".into(),
        (0, false) => format!("every action's provider is already \"{name}\" (the integration's name)"),
        (n, false) => format!("set the provider of {n} action(s) to \"{name}\", the integration's name"),
    };
    (changed, status)
}

/// Lowercases the first letter of an action's display or description (Talkdesk writes "Then ..." before
/// it); returns the new text, or None when there is nothing to change.
pub(crate) fn lowercase_first(manifest: &mut Manifest, owner: Owner, key: ActionKey) -> Option<String> {
    let text = manifest.text(owner, key).and_then(Slot::as_str)?;
    let mut chars = text.chars();
    let first = chars.next().filter(|c| c.is_uppercase())?;
    let fixed: String = first.to_lowercase().chain(chars).collect();
    manifest.set_text(owner, key, &fixed);
    Some(fixed)
}

/// Under the display and description: how Talkdesk shows them, and that the quick fix (its key is
/// what `fix_key` gives, asked only then) lowercases them.
pub(crate) fn note(manifest: &Manifest, owner: Owner, key: ActionKey, fix_key: &dyn Fn() -> String) -> Option<String> {
    if !LOWERCASED.contains(&key) {
        return None;
    }
    let text = manifest.text(owner, key)?.non_blank()?;
    let fix =
        if text.starts_with(char::is_uppercase) { format!("  ({} lowercases it)", fix_key()) } else { String::new() };
    Some(format!("Talkdesk shows: \"Then {text}\"{fix}"))
}
