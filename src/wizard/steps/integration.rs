//! Step 1, the integration: its names, description and images.

use super::{Field, field_rows};
use crate::manifest::Manifest;
use crate::manifest::edit::Owner;
use crate::wizard::form::Row;

/// The fields of step 1, in the form's order.
pub const FIELDS: &[Field] = &[
    Field::line("name", "Name"),
    Field::line("display_name", "Display name"),
    Field::lines("description", "Description"),
    Field::line("logo_url", "Logo URL"),
    Field::line("icon_url", "Icon URL"),
];

/// The rows of step 1.
pub fn rows() -> Vec<Row> {
    field_rows(FIELDS, Owner::Integration).collect()
}

/// True when an integration key belongs to step 1.
pub fn owns(key: &str) -> bool {
    FIELDS.iter().any(|field| field.key == key)
}

/// True when any field of step 1 holds something.
pub fn touched(manifest: &Manifest) -> bool {
    FIELDS.iter().any(|field| field.is_present(manifest, Owner::Integration))
}
