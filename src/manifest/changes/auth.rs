//! Changes to the authentication fields, matched by `field_name`.

use super::pairing::pair;
use super::values::{Object, made_mandatory, same_extra, shown};
use super::{Change, ChangeCode, Side};
use crate::manifest::{AuthField, AuthFieldKey as K, Integration, IntegrationKey, Manifest, Slot};

/// Records the authentication fields added, removed, renamed and changed.
pub(super) fn compare(
    old: &Manifest,
    before: &Integration,
    after: &Integration,
    pointer: &str,
    changes: &mut Vec<Change>,
) {
    let key = IntegrationKey::AuthenticationConfiguration.as_str();
    let list = format!("{pointer}/{key}");
    let (Slot::Value(old_fields), Slot::Value(new_fields)) =
        (&before.authentication_configuration, &after.authentication_configuration)
    else {
        let object = Object { subject: "integration", code: ChangeCode::IntegrationChanged, pointer };
        object.value(changes, key, &before.authentication_configuration, &after.authentication_configuration);
        return;
    };
    let pairing = pair(old_fields, new_fields, field_name, same_but_name);
    let subject = |slot: &Slot<AuthField>| {
        let name = slot.get().and_then(field_name).map_or_else(
            || super::pairing::Identity::Text(serde_json::to_string(slot).unwrap_or_default()).shown(),
            crate::escape::quoted,
        );
        format!("auth field {name}")
    };
    for &(old_index, new_index) in &pairing.kept {
        let (Slot::Value(was), Slot::Value(is)) = (&old_fields[old_index], &new_fields[new_index]) else { continue };
        let subject = subject(&new_fields[new_index]);
        let pointer = format!("{list}/{new_index}");
        field(&Object { subject: &subject, code: ChangeCode::AuthFieldChanged, pointer: &pointer }, was, is, changes);
    }
    for &(old_index, new_index) in &pairing.renamed {
        let (Some(was), Some(is)) = (old_fields[old_index].get(), new_fields[new_index].get()) else { continue };
        changes.push(Change {
            code: ChangeCode::AuthFieldRenamed,
            subject: subject(&old_fields[old_index]),
            key: Some(K::FieldName.as_str().to_owned()),
            pointer: format!("{list}/{new_index}/{}", K::FieldName.as_str()),
            side: Side::New,
            before: shown(&was.field_name),
            after: shown(&is.field_name),
        });
    }
    for &new_index in &pairing.added {
        let slot = &new_fields[new_index];
        let mandatory = slot.get().is_some_and(|field| field.mandatory.as_bool() == Some(true));
        let code = if mandatory { ChangeCode::MandatoryAuthFieldAdded } else { ChangeCode::AuthFieldAdded };
        changes.push(Change {
            code,
            subject: subject(slot),
            key: None,
            pointer: format!("{list}/{new_index}"),
            side: Side::New,
            before: None,
            after: shown(slot),
        });
    }
    let old_list = format!("{}/{key}", old.integration_pointer());
    for &old_index in &pairing.removed {
        let slot = &old_fields[old_index];
        changes.push(Change {
            code: ChangeCode::AuthFieldRemoved,
            subject: subject(slot),
            key: None,
            pointer: format!("{old_list}/{old_index}"),
            side: Side::Old,
            before: shown(slot),
            after: None,
        });
    }
}

/// Records the changed values of one authentication field.
fn field(object: &Object<'_>, was: &AuthField, is: &AuthField, changes: &mut Vec<Change>) {
    if was == is {
        return;
    }
    // Every field is named, none left to `..`: a field added to `AuthField` does not compile until it is compared.
    // (`field_name` pairs the fields: a new name is a rename, recorded by `compare`.)
    let AuthField { field_name: _, display, mandatory, field_type, store, help, format, extra } = is;
    object.value(changes, K::Display.as_str(), &was.display, display);
    if made_mandatory(&was.mandatory, mandatory) {
        let (before, after) = (shown(&was.mandatory), shown(mandatory));
        changes.push(object.change(ChangeCode::AuthFieldMadeMandatory, K::Mandatory.as_str(), before, after));
    } else {
        object.value(changes, K::Mandatory.as_str(), &was.mandatory, mandatory);
    }
    object.value(changes, K::Type.as_str(), &was.field_type, field_type);
    object.value(changes, K::Store.as_str(), &was.store, store);
    object.value(changes, K::Help.as_str(), &was.help, help);
    object.value(changes, K::Format.as_str(), &was.format, format);
    object.extra(changes, &was.extra, extra);
}

/// Two fields are the same but for their `field_name`.
fn same_but_name(was: &AuthField, is: &AuthField) -> bool {
    // Every field is named, none left to `..`: a new field of `AuthField` must say whether a rename keeps it.
    let AuthField { field_name: _, display, mandatory, field_type, store, help, format, extra } = is;
    was.display == *display
        && was.mandatory == *mandatory
        && was.field_type == *field_type
        && was.store == *store
        && was.help == *help
        && was.format == *format
        && same_extra(&was.extra, extra)
}

/// An authentication field's identity: its `field_name`.
fn field_name(field: &AuthField) -> Option<&str> {
    field.field_name.as_str()
}
