//! The integration document: its names and URLs, its features (endpoints and interaction types), and its keys in order.

use super::authentication;
use super::codes::Rule;
use super::findings::Findings;
use super::keys;
use super::message::excerpt;
use super::names;
use super::place::Place;
use super::text::{self, Lines};
use super::urls::{self, Role};
use crate::escape::quoted;
use crate::manifest::model::{Integration, IntegrationKey};
use crate::manifest::slot::{Slot, json_type_name};
use std::collections::HashSet;

/// Checks the integration, key by key in writing order, and gives its name for the actions'
/// `provider` when it has one. `requires_cti` comes from the wrapper.
pub(super) fn check<'m>(
    findings: &mut Findings,
    prefix: &'static str,
    integration: &'m Integration,
    requires_cti: bool,
) -> Option<&'m str> {
    let place = Place::Integration(prefix);
    let name = keys::required_string(
        findings,
        place,
        IntegrationKey::Name,
        &integration.name,
        Lines::One,
        "add the integration's system name, e.g. \"mycrm\"",
    );
    if let Some(name) = name {
        names::check_identifier(findings, name, || place.key(IntegrationKey::Name.as_str()));
    }
    keys::required_string(
        findings,
        place,
        IntegrationKey::DisplayName,
        &integration.display_name,
        Lines::One,
        "add the name Talkdesk shows users, e.g. \"My CRM\"",
    );
    keys::required_string(
        findings,
        place,
        IntegrationKey::Description,
        &integration.description,
        Lines::Many,
        "add a sentence or two on the service the integration bridges to",
    );
    for (key, slot, example) in [
        (IntegrationKey::LogoUrl, &integration.logo_url, "https://example.org/logo.png"),
        (IntegrationKey::IconUrl, &integration.icon_url, "https://example.org/icon.png"),
    ] {
        let hint = format!("add the URL of the image, e.g. {example}");
        if let Some(url) = keys::required_string(findings, place, key, slot, Lines::One, &hint) {
            urls::check(findings, place, key.as_str(), url, Role::Image, example);
        }
    }
    let kind = authentication::check_type(findings, place, integration);
    authentication::check_fields(findings, prefix, integration, kind);
    let types_set = match &integration.interaction_types {
        Slot::Value(types) => !types.is_empty(),
        Slot::Wrong(_) => true,
        Slot::Absent | Slot::Null => false,
    };
    // The optional endpoints, in writing order, each with an example for messages.
    let endpoints = [
        (
            IntegrationKey::AuthValidationEndpoint,
            &integration.auth_validation_endpoint,
            "https://bridge.example.org/auth_validation",
        ),
        (
            IntegrationKey::ContactSynchronizationEndpoint,
            &integration.contact_synchronization_endpoint,
            "https://bridge.example.org/contact_sync",
        ),
        (
            IntegrationKey::InteractionRetrievalEndpoint,
            &integration.interaction_retrieval_endpoint,
            "https://bridge.example.org/interaction_update",
        ),
        (
            IntegrationKey::AgentSynchronizationEndpoint,
            &integration.agent_synchronization_endpoint,
            "https://bridge.example.org/agent_sync",
        ),
    ];
    for (key, slot, example) in endpoints {
        check_endpoint(
            findings,
            place,
            key,
            slot,
            example,
            requires_cti && key == IntegrationKey::AgentSynchronizationEndpoint,
        );
        let endpoint_set = slot.as_str().is_some_and(|url| !url.trim().is_empty());
        if key == IntegrationKey::InteractionRetrievalEndpoint && endpoint_set && !types_set {
            findings.add(
                Rule::EndpointWithoutInteractionTypes,
                place.key(key.as_str()),
                "interaction_retrieval_endpoint is set but interaction_types is not, so Talkdesk retrieves nothing; list the types, e.g. [\"Ticket\"], or remove the endpoint".to_owned(),
            );
        }
    }
    check_interaction_types(findings, place, integration);
    keys::unknown_keys(findings, place, &integration.extra, Integration::KEYS);
    name
}

/// An optional endpoint: absent or `null` is fine unless CTI needs it; present, it must be a URL.
///
/// When CTI needs the agent endpoint, a blank one counts as missing (one error, not two).
fn check_endpoint(
    findings: &mut Findings,
    place: Place,
    key: IntegrationKey,
    slot: &Slot<String>,
    example: &str,
    needed: bool,
) {
    let url = keys::optional_string(findings, place, key, slot, Lines::One);
    let blank = url.is_some_and(|url| url.trim().is_empty());
    if needed && (blank || matches!(slot, Slot::Absent | Slot::Null)) {
        findings.add(
            Rule::CtiEndpointMissing,
            place.key(key.as_str()),
            format!("requires_cti is true, and CTI relies on agent synchronization; add {key}, e.g. {example}, or set requires_cti to false"),
        );
        return;
    }
    match url {
        Some(_) if blank => urls::blank(findings, place, key.as_str(), example),
        Some(url) => urls::check(findings, place, key.as_str(), url, Role::Endpoint, example),
        None => {}
    }
}

/// `interaction_types`: a list of distinct non-blank strings, expected with its endpoint.
///
/// An empty list counts as not set, like a missing one, for pairing with the endpoint.
fn check_interaction_types(findings: &mut Findings, place: Place, integration: &Integration) {
    const KEY: &str = IntegrationKey::InteractionTypes.as_str();
    let Some(types) =
        keys::optional_list(findings, place, IntegrationKey::InteractionTypes, &integration.interaction_types)
    else {
        return;
    };
    let endpoint_set = match &integration.interaction_retrieval_endpoint {
        Slot::Value(url) => !url.trim().is_empty(),
        Slot::Wrong(_) => true,
        Slot::Absent | Slot::Null => false,
    };
    if !types.is_empty() && !endpoint_set {
        findings.add(
            Rule::InteractionTypesWithoutEndpoint,
            place.key(KEY),
            "interaction_types is set but interaction_retrieval_endpoint is not, so Talkdesk cannot retrieve them; add the endpoint or remove the types".to_owned(),
        );
    }
    let mut seen: HashSet<&str> = HashSet::with_capacity(types.len());
    for (index, slot) in types.iter().enumerate() {
        match slot {
            Slot::Value(kind) => {
                text::check(findings, kind, Lines::One, KEY, || place.element(KEY, index));
                if kind.trim().is_empty() {
                    findings.add(
                        Rule::InvalidInteractionType,
                        place.element(KEY, index),
                        "an interaction type is blank; write its name, e.g. \"Ticket\", or remove it".to_owned(),
                    );
                } else if !seen.insert(kind) {
                    findings.add(
                        Rule::DuplicateInteractionType,
                        place.element(KEY, index),
                        format!("the interaction type {} is listed more than once; remove this one", quoted(kind)),
                    );
                }
            }
            Slot::Null | Slot::Absent | Slot::Wrong(_) => {
                let (found, shown) = match slot {
                    Slot::Wrong(value) => (json_type_name(value), excerpt(value)),
                    _ => ("null", String::new()),
                };
                let mut pointer = place.element(KEY, index);
                findings.add(
                    Rule::InvalidInteractionType,
                    pointer.clone(),
                    format!("each interaction type must be a non-blank string such as \"Ticket\", not {found}{shown}; replace it or remove it"),
                );
                if let Slot::Wrong(value) = slot {
                    text::check_json(findings, value, KEY, &mut pointer);
                }
            }
        }
    }
}
