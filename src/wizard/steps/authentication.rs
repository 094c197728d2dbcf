//! Step 3, authentication: one of the five types, as radio buttons.

use crate::manifest::edit::Owner;
use crate::manifest::seed_tables::AuthenticationType;
use crate::manifest::{IntegrationKey, Manifest};
use crate::wizard::form::Row;

/// The integration key this step edits.
pub(crate) const KEY: IntegrationKey = IntegrationKey::AuthenticationType;

/// The rows of step 3: one per type.
pub(crate) fn rows() -> Vec<Row> {
    AuthenticationType::ALL.into_iter().map(Row::AuthType).collect()
}

/// The row the picker starts on: the chosen type (the first when none or an unknown one is chosen).
pub(crate) fn chosen_row(manifest: &Manifest) -> usize {
    manifest.authentication_type().and_then(|kind| AuthenticationType::ALL.iter().position(|k| *k == kind)).unwrap_or(0)
}

/// True on the picker's rows: the types are one field, which Tab and Shift-Tab leave as a whole.
pub(crate) fn in_picker(row: Option<Row>) -> bool {
    matches!(row, Some(Row::AuthType(_)))
}

/// True when an integration key belongs to step 3.
pub(crate) fn owns(key: &str) -> bool {
    key == KEY.as_str()
}

/// True when a type was chosen (or anything written there).
pub(crate) fn touched(manifest: &Manifest) -> bool {
    manifest.integration().is_some_and(|integration| !integration.authentication_type.is_absent())
}

/// What choosing a type did: the pointers edited, the status to show, and the fields the author may
/// remove with one key (the old type required them, the new one does not, and they are unchanged).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Chosen {
    pub pointers: Vec<String>,
    pub status: String,
    pub removable: Vec<&'static str>,
}

/// Chooses `kind`, adding the fields it requires; says what the switch changed for the fields.
/// `remove_key` is the key that removes the fields no longer required, as the key table names it.
pub(crate) fn choose(manifest: &mut Manifest, kind: AuthenticationType, remove_key: &str) -> Chosen {
    let before = manifest.authentication_type();
    let again = manifest.required_again(before, kind);
    let added = manifest.set_authentication_type(kind);
    let pointers = vec![
        Owner::Integration.key_pointer(manifest, KEY),
        Owner::Integration.key_pointer(manifest, super::auth_fields::LIST_KEY),
    ];
    let mut status = format!("authentication type: {}", kind.as_str());
    if !added.is_empty() {
        status.push_str(&format!("; added the fields it requires: {}", added.join(", ")));
    }
    if !again.is_empty() {
        status.push_str(&format!("; required again: {}", again.join(", ")));
    }
    let stale = before.filter(|before| *before != kind).map(|before| manifest.no_longer_required(before, kind));
    let stale = stale.unwrap_or_default();
    let removable: Vec<&'static str> = stale.iter().filter(|f| f.as_added).map(|f| f.field_name).collect();
    let edited: Vec<&'static str> = stale.iter().filter(|f| !f.as_added).map(|f| f.field_name).collect();
    if !stale.is_empty() {
        let names: Vec<&str> = stale.iter().map(|field| field.field_name).collect();
        status.push_str(&format!("; no longer required: {}", names.join(", ")));
    }
    match (removable.is_empty(), edited.is_empty()) {
        (true, true) => {}
        (false, true) => status.push_str(&format!(" ({remove_key} removes them: unchanged since they were added)")),
        (false, false) => status.push_str(&format!(
            " ({remove_key} removes {}, unchanged since added; {} you edited, so it stays)",
            removable.join(", "),
            edited.join(", ")
        )),
        (true, false) => status.push_str(" (you edited them, so they stay; delete them in step 4 if unused)"),
    }
    Chosen { pointers, status, removable }
}

/// Removes `names` where they are still as the wizard added them; returns the list's pointer (one edit)
/// and the status, or only a status when nothing was left to remove.
pub(crate) fn remove_unrequired(manifest: &mut Manifest, names: &[&'static str]) -> (Option<String>, String) {
    let removed = manifest.remove_fields_as_added(names);
    if removed.is_empty() {
        return (None, "nothing removed: those fields changed or are required again".into());
    }
    let pointer = Owner::Integration.key_pointer(manifest, super::auth_fields::LIST_KEY);
    (Some(pointer), format!("removed the fields no longer required: {}", removed.join(", ")))
}
