//! Step 4, authentication fields: the list, and the form of one field.

use super::{Field, field_rows, list_rows};
use crate::manifest::edit::{ListRef, Owner};
use crate::manifest::seed_tables::AuthenticationType;
use crate::manifest::{AuthFieldKey, IntegrationKey, Manifest, Slot};
use crate::wizard::form::{Options, Row};
use crate::wizard::steps::{Page, Step};

/// The integration key holding the list.
pub(crate) const LIST_KEY: IntegrationKey = IntegrationKey::AuthenticationConfiguration;

/// The fields of one authentication field's form, in order.
pub(crate) const FIELDS: &[Field<AuthFieldKey>] = &[
    Field::line(AuthFieldKey::FieldName, "Field name"),
    Field::line(AuthFieldKey::Display, "Display"),
    Field::toggle(AuthFieldKey::Mandatory, "Mandatory"),
    Field::choice(AuthFieldKey::Type, "Type", Options::AuthFieldTypes),
    Field::toggle(AuthFieldKey::Store, "Store"),
    Field::lines(AuthFieldKey::Help, "Help"),
    Field::line(AuthFieldKey::Format, "Format"),
];

/// The key a required field may not be renamed from.
pub(crate) const NAME_KEY: AuthFieldKey = AuthFieldKey::FieldName;

/// The rows of step 4: the fields (or those a filter matched), then "add".
pub(crate) fn rows(manifest: &Manifest, only: Option<&[usize]>) -> Vec<Row> {
    list_rows(ListRef::AuthFields, manifest.auth_field_count(), only)
}

/// The rows of one field's form.
pub(crate) fn form_rows(index: usize) -> Vec<Row> {
    field_rows(FIELDS, Owner::AuthField(index)).collect()
}

/// True when an integration key belongs to step 4.
pub(crate) fn owns(key: &str) -> bool {
    key == LIST_KEY.as_str()
}

/// The page of the tokens below the list key: a field's form for its values, else the list.
pub(crate) fn page_of(tokens: &[&str]) -> Page {
    match tokens {
        [index, _, ..] => index.parse().map_or(Page::Step(Step::AuthFields), Page::AuthField),
        _ => Page::Step(Step::AuthFields),
    }
}

/// True when the list holds a field.
pub(crate) fn touched(manifest: &Manifest) -> bool {
    manifest.integration().is_some_and(
        |integration| matches!(&integration.authentication_configuration, Slot::Value(fields) if !fields.is_empty()),
    )
}

/// True when the chosen type asks for no fields: the step list shows `–` instead of a state.
pub(crate) fn not_needed(manifest: &Manifest) -> bool {
    manifest.authentication_type() == Some(AuthenticationType::None)
}

/// What the status says on entering the step when no fields are needed.
pub(crate) const NOT_NEEDED: &str =
    "authentication type is none: Talkdesk needs no fields (choose another type in Authentication)";

/// Why a field cannot be added while no fields are needed.
pub(crate) const ADD_REFUSED: &str =
    "the authentication type is none, so Talkdesk asks for no fields; choose a type in step 3 first";

/// Why a required field cannot be renamed, or None when it can.
pub(crate) fn rename_refused(manifest: &Manifest, index: usize) -> Option<String> {
    let kind = manifest.authentication_type().map_or("", AuthenticationType::as_str);
    manifest
        .is_required_auth_field(index)
        .then(|| format!("{kind} requires this field name; it cannot be renamed while that type is chosen"))
}

/// Why a required field cannot be deleted, or None when it can.
pub(crate) fn delete_refused(manifest: &Manifest, index: usize) -> Option<String> {
    let kind = manifest.authentication_type().map_or("", AuthenticationType::as_str);
    manifest
        .is_required_auth_field(index)
        .then(|| format!("{kind} requires this field; choose another authentication type to remove it"))
}

/// Under `format`: how it renders with example values.
pub(crate) fn note(manifest: &Manifest, owner: Owner, key: AuthFieldKey) -> Option<String> {
    if key != AuthFieldKey::Format {
        return None;
    }
    template_preview(manifest.text(owner, key)?.as_str()?).map(|text| format!("renders as: {text}"))
}

/// How an authentication field's `format` looks with example values (`{{account}}` → `example-account`).
fn template_preview(format: &str) -> Option<String> {
    if !format.contains("{{") {
        return None;
    }
    let mut rendered = String::new();
    let mut rest = format;
    while let Some(start) = rest.find("{{") {
        rendered.push_str(&rest[..start]);
        match rest[start + 2..].find("}}") {
            Some(end) => {
                let name = rest[start + 2..start + 2 + end].trim();
                rendered.push_str(&format!("example-{name}"));
                rest = &rest[start + 2 + end + 2..];
            }
            None => {
                rendered.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    rendered.push_str(rest);
    Some(rendered)
}
