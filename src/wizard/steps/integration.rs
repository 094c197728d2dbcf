//! Step 1, the integration: its names, description and images.

use super::{Field, field_rows};
use crate::manifest::edit::Owner;
use crate::manifest::{IntegrationKey, Key, Manifest};
use crate::wizard::form::Row;

/// The fields of step 1, in the form's order.
pub(crate) const FIELDS: &[Field<IntegrationKey>] = &[
    Field::line(IntegrationKey::Name, "Name"),
    Field::line(IntegrationKey::DisplayName, "Display name"),
    Field::lines(IntegrationKey::Description, "Description"),
    Field::line(IntegrationKey::LogoUrl, "Logo URL"),
    Field::line(IntegrationKey::IconUrl, "Icon URL"),
];

/// The rows of step 1.
pub(crate) fn rows() -> Vec<Row> {
    field_rows(FIELDS, Owner::Integration).collect()
}

/// True when an integration key belongs to step 1.
pub(crate) fn owns(key: &str) -> bool {
    FIELDS.iter().any(|field| field.key.as_str() == key)
}

/// True for the integration's name: editing it renames the integration, and every provider with it.
pub(crate) fn is_name(owner: Owner, key: Key) -> bool {
    owner == Owner::Integration && key == Key::Integration(IntegrationKey::Name)
}

/// True when any field of step 1 holds something.
pub(crate) fn touched(manifest: &Manifest) -> bool {
    FIELDS.iter().any(|field| field.is_present(manifest, Owner::Integration))
}
