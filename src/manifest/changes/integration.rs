//! Changes to the file's top level and to the integration: its values, authentication type and endpoints.

use super::values::{Object, shown};
use super::{Change, ChangeCode, auth};
use crate::manifest::{Integration, IntegrationKey as K, Manifest, Slot, WrapperKey};

/// Records the changes of the top level, the integration and its authentication fields.
pub(super) fn compare(old: &Manifest, new: &Manifest, changes: &mut Vec<Change>) {
    let (old_wrapper, new_wrapper) = (&old.wrapper, &new.wrapper);
    // The top level's pointer is the file's root; a bare file has no top-level keys of its own.
    let top = Object { subject: "manifest", code: ChangeCode::IntegrationChanged, pointer: "" };
    top.value(changes, WrapperKey::Schema.as_str(), &old_wrapper.schema, &new_wrapper.schema);
    top.value(changes, WrapperKey::RequiresCti.as_str(), &old_wrapper.requires_cti, &new_wrapper.requires_cti);
    top.extra(changes, &old_wrapper.extra, &new_wrapper.extra);
    let pointer = new.integration_pointer();
    match (&old_wrapper.integration, &new_wrapper.integration) {
        (Slot::Value(before), Slot::Value(after)) => integration(old, before, after, pointer, changes),
        (before, after) => top.value(changes, WrapperKey::Integration.as_str(), before, after),
    }
}

fn integration(old: &Manifest, before: &Integration, after: &Integration, pointer: &str, changes: &mut Vec<Change>) {
    let object = Object { subject: "integration", code: ChangeCode::IntegrationChanged, pointer };
    object.value(changes, K::Name.as_str(), &before.name, &after.name);
    object.value(changes, K::DisplayName.as_str(), &before.display_name, &after.display_name);
    object.value(changes, K::Description.as_str(), &before.description, &after.description);
    object.value(changes, K::LogoUrl.as_str(), &before.logo_url, &after.logo_url);
    object.value(changes, K::IconUrl.as_str(), &before.icon_url, &after.icon_url);
    // A type set for the first time (or no longer set) is an ordinary change: no account had credentials of another type.
    let both_set = !before.authentication_type.is_absent() && !after.authentication_type.is_absent();
    if both_set && before.authentication_type != after.authentication_type {
        let key = K::AuthenticationType.as_str();
        let (was, is) = (shown(&before.authentication_type), shown(&after.authentication_type));
        changes.push(object.change(ChangeCode::AuthenticationTypeChanged, key, was, is));
    } else {
        object.value(changes, K::AuthenticationType.as_str(), &before.authentication_type, &after.authentication_type);
    }
    auth::compare(old, before, after, pointer, changes);
    for key in [
        K::AuthValidationEndpoint,
        K::ContactSynchronizationEndpoint,
        K::InteractionRetrievalEndpoint,
        K::AgentSynchronizationEndpoint,
    ] {
        if let (Some(was), Some(is)) = (before.text(key), after.text(key)) {
            object.endpoint(changes, key.as_str(), was, is);
        }
    }
    if !same_items(&before.interaction_types, &after.interaction_types) {
        let key = K::InteractionTypes.as_str();
        object.value(changes, key, &before.interaction_types, &after.interaction_types);
    }
    object.extra(changes, &before.extra, &after.extra);
}

/// Two lists of names hold the same names, whatever their order.
fn same_items(old: &Slot<Vec<Slot<String>>>, new: &Slot<Vec<Slot<String>>>) -> bool {
    match (old, new) {
        (Slot::Value(before), Slot::Value(after)) => {
            let sorted = |items: &[Slot<String>]| {
                let mut texts: Vec<String> = items.iter().filter_map(shown).collect();
                texts.sort_unstable();
                texts
            };
            before.len() == after.len() && sorted(before) == sorted(after)
        }
        (before, after) => before == after,
    }
}
