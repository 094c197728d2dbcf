//! Changes to the file's top level and to the integration: its values, authentication type and endpoints.

use super::values::{Object, shown};
use super::{Change, ChangeCode, auth};
use crate::manifest::{Integration, IntegrationKey as K, Manifest, Slot, Wrapper, WrapperKey};

/// Records the changes of the top level, the integration and its authentication fields.
pub(super) fn compare(old: &Manifest, new: &Manifest, changes: &mut Vec<Change>) {
    let was = &old.wrapper;
    // Every key is named, none left to `..`: a key added to the top level does not compile until it is compared.
    let Wrapper { schema, requires_cti, integration: new_integration, actions: _, extra } = &new.wrapper;
    // The top level's pointer is the file's root; a bare file has no top-level keys of its own.
    let top = Object { subject: "manifest", code: ChangeCode::IntegrationChanged, pointer: "" };
    top.value(changes, WrapperKey::Schema.as_str(), &was.schema, schema);
    top.value(changes, WrapperKey::RequiresCti.as_str(), &was.requires_cti, requires_cti);
    top.extra(changes, &was.extra, extra);
    let pointer = new.integration_pointer();
    match (&was.integration, new_integration) {
        (Slot::Value(before), Slot::Value(after)) => integration(old, before, after, pointer, changes),
        (before, after) => top.value(changes, WrapperKey::Integration.as_str(), before, after),
    }
    // The actions are compared by `actions::compare`, matched by name.
}

fn integration(old: &Manifest, before: &Integration, after: &Integration, pointer: &str, changes: &mut Vec<Change>) {
    // Every field is named, none left to `..`: a field added to `Integration` does not compile until
    // it is compared here, so `diff` and the update document never miss it silently.
    let Integration {
        name,
        display_name,
        description,
        logo_url,
        icon_url,
        authentication_type,
        authentication_configuration: _, // compared by `auth::compare`, field by field
        auth_validation_endpoint,
        contact_synchronization_endpoint,
        interaction_retrieval_endpoint,
        agent_synchronization_endpoint,
        interaction_types,
        extra,
    } = after;
    let object = Object { subject: "integration", code: ChangeCode::IntegrationChanged, pointer };
    object.value(changes, K::Name.as_str(), &before.name, name);
    object.value(changes, K::DisplayName.as_str(), &before.display_name, display_name);
    object.value(changes, K::Description.as_str(), &before.description, description);
    object.value(changes, K::LogoUrl.as_str(), &before.logo_url, logo_url);
    object.value(changes, K::IconUrl.as_str(), &before.icon_url, icon_url);
    // A type set for the first time (or no longer set) is an ordinary change: no account had credentials of another type.
    let both_set = !before.authentication_type.is_absent() && !authentication_type.is_absent();
    if both_set && before.authentication_type != *authentication_type {
        let key = K::AuthenticationType.as_str();
        let (was, is) = (shown(&before.authentication_type), shown(authentication_type));
        changes.push(object.change(ChangeCode::AuthenticationTypeChanged, key, was, is));
    } else {
        object.value(changes, K::AuthenticationType.as_str(), &before.authentication_type, authentication_type);
    }
    auth::compare(old, before, after, pointer, changes);
    for (key, was, is) in [
        (K::AuthValidationEndpoint, &before.auth_validation_endpoint, auth_validation_endpoint),
        (K::ContactSynchronizationEndpoint, &before.contact_synchronization_endpoint, contact_synchronization_endpoint),
        (K::InteractionRetrievalEndpoint, &before.interaction_retrieval_endpoint, interaction_retrieval_endpoint),
        (K::AgentSynchronizationEndpoint, &before.agent_synchronization_endpoint, agent_synchronization_endpoint),
    ] {
        object.endpoint(changes, key.as_str(), was, is);
    }
    if !same_items(&before.interaction_types, interaction_types) {
        let key = K::InteractionTypes.as_str();
        object.value(changes, key, &before.interaction_types, interaction_types);
    }
    object.extra(changes, &before.extra, extra);
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
