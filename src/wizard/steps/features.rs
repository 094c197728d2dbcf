//! Step 2, features: the bridge's endpoints, whether a CTI is needed, and the interaction types.

use super::{Field, field_rows, list_rows};
use crate::manifest::edit::{ListRef, Owner};
use crate::manifest::{IntegrationKey, Key, Manifest, Slot, WrapperKey};
use crate::wizard::form::Row;

/// The endpoints, keys of the integration.
pub(crate) const ENDPOINTS: &[Field<IntegrationKey>] = &[
    Field::line(IntegrationKey::AuthValidationEndpoint, "Auth validation URL"),
    Field::line(IntegrationKey::ContactSynchronizationEndpoint, "Contact sync URL"),
    Field::line(IntegrationKey::InteractionRetrievalEndpoint, "Interaction retrieval URL"),
    Field::line(IntegrationKey::AgentSynchronizationEndpoint, "Agent sync URL"),
];

/// `requires_cti`, a key of the top level (beside `integration`), not of the integration.
pub(crate) const CTI: Field<WrapperKey> = Field::toggle(WrapperKey::RequiresCti, "Needs CTI?");

/// The endpoint a CTI makes mandatory: toggling CTI shows its problems at once.
pub(crate) const CTI_ENDPOINT: IntegrationKey = IntegrationKey::AgentSynchronizationEndpoint;

/// The integration's list of interaction types, edited in place on this page.
pub(crate) const INTERACTION_TYPES: IntegrationKey = IntegrationKey::InteractionTypes;

/// The rows of step 2: endpoints, CTI, then the interaction types.
pub(crate) fn rows(manifest: &Manifest) -> Vec<Row> {
    let mut rows: Vec<Row> = field_rows(ENDPOINTS, Owner::Integration).collect();
    rows.push(CTI.row(Owner::Wrapper));
    let count = manifest.integration().and_then(|i| i.interaction_types.get()).map_or(0, Vec::len);
    rows.extend(list_rows(ListRef::InteractionTypes, count, None));
    rows
}

/// True when an integration key belongs to step 2.
pub(crate) fn owns(key: &str) -> bool {
    key == INTERACTION_TYPES.as_str() || ENDPOINTS.iter().any(|field| field.key.as_str() == key)
}

/// True when a pointer of the top level belongs to step 2.
pub(crate) fn owns_top_level(pointer: &str) -> bool {
    pointer.strip_prefix('/') == Some(CTI.key.as_str())
}

/// True when step 2 holds anything.
pub(crate) fn touched(manifest: &Manifest) -> bool {
    let types = manifest.integration().is_some_and(|integration| !integration.interaction_types.is_absent());
    ENDPOINTS.iter().any(|field| field.is_present(manifest, Owner::Integration))
        || types
        || CTI.is_present(manifest, Owner::Wrapper)
}

/// The pointers a toggle of `key` makes worth showing problems at: CTI also asks for the agent endpoint.
pub(crate) fn toggled(manifest: &Manifest, owner: Owner, key: Key) -> Vec<String> {
    let mut pointers = vec![owner.key_pointer(manifest, key)];
    if owner == Owner::Wrapper && key == Key::Wrapper(CTI.key) {
        pointers.push(Owner::Integration.key_pointer(manifest, CTI_ENDPOINT));
    }
    pointers
}

/// True when the page's preview is the top-level `requires_cti` line.
pub(crate) fn previews_cti(key: Option<Key>) -> bool {
    key == Some(Key::Wrapper(CTI.key))
}

/// The preview of the CTI line, as it is written at the top level; not set, nothing is written, and
/// the preview says so rather than showing a `null` the file will not hold.
pub(crate) fn cti_preview(manifest: &Manifest) -> String {
    if manifest.wrapper.requires_cti.is_absent() {
        return format!("  \"{}\" not set: Talkdesk reads false", CTI.key);
    }
    format!("  \"{}\": {}", CTI.key, crate::wizard::shown::clipped_json::clipped_pretty(&manifest.wrapper.requires_cti))
}

/// True for the yes/no Enter passes over even with no value: "Needs CTI?" is not on Talkdesk's page
/// (its absence means no), so an author following the page is not stopped by a question it never asks.
pub(crate) fn enter_passes_over(owner: Owner, key: Key) -> bool {
    owner == Owner::Wrapper && key == Key::Wrapper(CTI.key)
}

/// An interaction type's text slot.
pub(crate) fn interaction_type(manifest: &Manifest, index: usize) -> Option<&Slot<String>> {
    manifest.integration()?.interaction_types.get()?.get(index)
}
