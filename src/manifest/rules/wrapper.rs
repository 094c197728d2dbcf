//! The top of the file: `$schema`, `requires_cti`, the integration, the actions and unknown wrapper keys.

use super::codes::Rule;
use super::findings::Findings;
use super::keys;
use super::place::Place;
use super::text::Lines;
use super::{actions, integration};
use crate::manifest::model::{Manifest, Wrapper, WrapperKey};
use crate::manifest::slot::{Slot, json_type_name};

/// A part of the manifest to check on its own; together the parts give what [`Scope::All`] gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The whole manifest, in file order.
    All,
    /// The wrapper's own keys and the integration: everything but the actions.
    Head,
    /// One action and its inputs, by index, without comparing it with the others.
    Action(usize),
    /// The actions list itself, each action's provider against the integration's name, and
    /// action names repeated in the list.
    AcrossActions,
}

/// Walks the manifest in writing order (SPEC §2.2): `$schema`, `requires_cti`, the integration,
/// the actions, then unknown wrapper keys, so findings come in the order of the written file.
pub(super) fn check(findings: &mut Findings, manifest: &Manifest, scope: Scope) {
    let wrapper = &manifest.wrapper;
    let place = Place::Wrapper;
    match scope {
        Scope::All | Scope::Head => {}
        Scope::Action(index) => {
            if let Some(list) = wrapper.actions.get() {
                actions::check(findings, list, None, actions::Checks { own: true, across: false }, Some(index));
            }
            return;
        }
        Scope::AcrossActions => {
            let name = manifest.integration().and_then(|integration| integration.name.non_blank());
            if let Some(list) = keys::optional_list(findings, place, WrapperKey::Actions, &wrapper.actions) {
                actions::check(findings, list, name, actions::Checks { own: false, across: true }, None);
            }
            return;
        }
    }
    // `$schema` is kept as written; only its type and characters matter here.
    keys::optional_string(findings, place, WrapperKey::Schema, &wrapper.schema, Lines::One);
    // A `requires_cti` of another type is reported and taken as false.
    let requires_cti =
        keys::optional_bool(findings, place, WrapperKey::RequiresCti, &wrapper.requires_cti).unwrap_or(false);
    let name = match &wrapper.integration {
        Slot::Value(document) => integration::check(findings, manifest.integration_pointer(), document, requires_cti),
        other => {
            integration_missing(findings, other);
            None
        }
    };
    if scope == Scope::All
        && let Some(list) = keys::optional_list(findings, place, WrapperKey::Actions, &wrapper.actions)
    {
        actions::check(findings, list, name, actions::Checks::ALL, None);
    }
    keys::unknown_keys(findings, place, &wrapper.extra, Wrapper::KEYS);
}

fn integration_missing(findings: &mut Findings, slot: &Slot<crate::manifest::Integration>) {
    let problem = match slot {
        Slot::Wrong(value) => format!("integration must be an object, not {}", json_type_name(value)),
        Slot::Null => "integration is null".to_owned(),
        _ => "integration is missing".to_owned(),
    };
    findings.add(
        Rule::IntegrationMissing,
        "/integration".to_owned(),
        format!("{problem}; add an \"integration\" object with name, display_name, description, logo_url, icon_url and authentication_type"),
    );
    if let Slot::Wrong(value) = slot {
        super::text::check_json(findings, value, "integration", &mut "/integration".to_owned());
    }
}
