//! Step 3, authentication: one of the five types, as radio buttons.

use crate::manifest::edit::Owner;
use crate::manifest::vocabulary::AuthenticationType;
use crate::manifest::{IntegrationKey, Manifest};
use crate::wizard::form::Row;

/// The integration key this step edits.
pub const KEY: IntegrationKey = IntegrationKey::AuthenticationType;

/// The rows of step 3: one per type.
pub fn rows() -> Vec<Row> {
    AuthenticationType::ALL.into_iter().map(Row::AuthType).collect()
}

/// The row the picker starts on: the chosen type (the first when none or an unknown one is chosen).
pub fn chosen_row(manifest: &Manifest) -> usize {
    manifest.authentication_type().and_then(|kind| AuthenticationType::ALL.iter().position(|k| *k == kind)).unwrap_or(0)
}

/// True on the picker's rows: the types are one field, which Tab and Shift-Tab leave as a whole.
pub fn in_picker(row: Option<Row>) -> bool {
    matches!(row, Some(Row::AuthType(_)))
}

/// True when an integration key belongs to step 3.
pub fn owns(key: &str) -> bool {
    key == KEY.as_str()
}

/// True when a type was chosen (or anything written there).
pub fn touched(manifest: &Manifest) -> bool {
    manifest.integration().is_some_and(|integration| !integration.authentication_type.is_absent())
}

/// Chooses `kind`, adding the fields it requires; returns the pointers edited and the status to show.
pub fn choose(manifest: &mut Manifest, kind: AuthenticationType) -> (Vec<String>, String) {
    let added = manifest.set_authentication_type(kind);
    let pointers = vec![
        Owner::Integration.key_pointer(manifest, KEY),
        Owner::Integration.key_pointer(manifest, super::auth_fields::LIST_KEY),
    ];
    let status = if added.is_empty() {
        format!("authentication type: {}", kind.as_str())
    } else {
        format!("authentication type: {}; added the fields it requires: {}", kind.as_str(), added.join(", "))
    };
    (pointers, status)
}
