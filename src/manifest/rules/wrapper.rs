//! The top of the file: `$schema`, `requires_cti`, the integration, the actions and unknown wrapper keys.

use super::codes::INTEGRATION_MISSING;
use super::findings::Findings;
use super::keys;
use super::place::Place;
use super::text::Lines;
use super::{actions, integration};
use crate::manifest::model::{Manifest, Wrapper};
use crate::manifest::slot::{Slot, json_type_name};

/// Walks the manifest in writing order (SPEC §2.2): `$schema`, `requires_cti`, the integration,
/// the actions, then unknown wrapper keys, so findings come in the order of the written file.
pub(super) fn check(findings: &mut Findings, manifest: &Manifest) {
    let wrapper = &manifest.wrapper;
    let place = Place::Wrapper;
    // `$schema` is kept as written; only its type and characters matter here.
    keys::optional_string(findings, place, "$schema", &wrapper.schema, Lines::One);
    // A `requires_cti` of another type is reported and taken as false.
    let requires_cti = keys::optional_bool(findings, place, "requires_cti", &wrapper.requires_cti)
        .unwrap_or(false);
    let name = match &wrapper.integration {
        Slot::Value(document) => integration::check(
            findings,
            manifest.integration_pointer(),
            document,
            requires_cti,
        ),
        other => {
            integration_missing(findings, other);
            None
        }
    };
    if let Some(list) = keys::optional_list(findings, place, "actions", &wrapper.actions) {
        actions::check(findings, list, name);
    }
    keys::unknown_keys(findings, place, &wrapper.extra, Wrapper::KEYS);
}

fn integration_missing(findings: &mut Findings, slot: &Slot<crate::manifest::Integration>) {
    let problem = match slot {
        Slot::Wrong(value) => format!(
            "integration must be an object, not {}",
            json_type_name(value)
        ),
        Slot::Null => "integration is null".to_owned(),
        _ => "integration is missing".to_owned(),
    };
    findings.error(
        INTEGRATION_MISSING,
        "/integration".to_owned(),
        format!("{problem}; add an \"integration\" object with name, display_name, description, logo_url, icon_url and authentication_type"),
    );
    if let Slot::Wrong(value) = slot {
        super::text::check_json(
            findings,
            value,
            "integration",
            &mut "/integration".to_owned(),
        );
    }
}
