//! The manifest's JSON Schema (draft 2020-12), built from the same tables the rules use.

use super::model::{ActionKey, AuthFieldKey, InputKey, IntegrationKey, WrapperKey};
use super::vocabulary::{AuthFieldType, AuthenticationType, InputType};
use serde_json::{Map, Value, json};

/// The schema's identifier, also usable as a manifest's `$schema`.
pub(crate) const SCHEMA_ID: &str = "https://integration-wizard.invalid/manifest.schema.json";

/// The JSON Schema of a manifest, as `integration-wizard schema` prints it: either shape the tool
/// reads and writes (SPEC §2.1), the wrapper or a bare integration document, which is kept bare.
///
/// It says what a schema can: types, required keys, enumerations, URL patterns, the OAuth fields
/// each authentication type requires, and CTI needing the agent synchronisation endpoint. Rules
/// that need more than a schema (unique names, templates, dates) are the validator's.
pub(crate) fn json_schema() -> Value {
    let url = json!({ "$ref": "#/$defs/url" });
    let one_line = json!({ "$ref": "#/$defs/one_line" });
    let text = json!({ "$ref": "#/$defs/text" });
    let integration_properties = properties(IntegrationKey::ALL, |key| match key {
        IntegrationKey::Description => text.clone(),
        IntegrationKey::LogoUrl
        | IntegrationKey::IconUrl
        | IntegrationKey::AuthValidationEndpoint
        | IntegrationKey::ContactSynchronizationEndpoint
        | IntegrationKey::InteractionRetrievalEndpoint
        | IntegrationKey::AgentSynchronizationEndpoint => url.clone(),
        IntegrationKey::AuthenticationType => enumeration(AuthenticationType::ALL.map(AuthenticationType::as_str)),
        IntegrationKey::AuthenticationConfiguration => {
            json!({ "type": "array", "items": { "$ref": "#/$defs/authentication_field" } })
        }
        IntegrationKey::InteractionTypes => json!({ "type": "array", "items": one_line, "uniqueItems": true }),
        IntegrationKey::Name | IntegrationKey::DisplayName => one_line.clone(),
    });
    let auth_field_properties = properties(AuthFieldKey::ALL, |key| match key {
        AuthFieldKey::Mandatory | AuthFieldKey::Store => json!({ "type": "boolean" }),
        AuthFieldKey::Type => enumeration(AuthFieldType::ALL.map(AuthFieldType::as_str)),
        AuthFieldKey::Help => text.clone(),
        AuthFieldKey::Format => json!({ "type": "string" }),
        AuthFieldKey::FieldName | AuthFieldKey::Display => one_line.clone(),
    });
    let action_properties = properties(ActionKey::ALL, |key| match key {
        ActionKey::Description => text.clone(),
        ActionKey::Endpoint => url.clone(),
        ActionKey::Inputs => json!({ "type": "array", "items": { "$ref": "#/$defs/action_input" } }),
        ActionKey::Provider | ActionKey::Name | ActionKey::Display => one_line.clone(),
    });
    let input_properties = properties(InputKey::ALL, |key| match key {
        InputKey::Mandatory => json!({ "type": "boolean" }),
        InputKey::Type => enumeration(InputType::ALL.map(InputType::as_str)),
        InputKey::Format => json!({ "type": "string" }),
        InputKey::Key | InputKey::Name => one_line.clone(),
    });
    let oauth_rules: Vec<Value> = AuthenticationType::ALL
        .into_iter()
        .filter(|kind| !kind.required_fields().is_empty())
        .map(|kind| {
            let contains: Vec<Value> = kind
                .required_fields()
                .iter()
                .map(|field| json!({ "contains": { "properties": { "field_name": { "const": field.field_name } }, "required": ["field_name"] } }))
                .collect();
            json!({
                "if": { "properties": { "authentication_type": { "const": kind.as_str() } }, "required": ["authentication_type"] },
                "then": { "properties": { "authentication_configuration": { "allOf": contains } } }
            })
        })
        .collect();
    let mut integration_rules = vec![json!({
        "if": { "properties": { "authentication_type": { "not": { "const": "none" } } }, "required": ["authentication_type"] },
        "then": { "required": ["authentication_configuration"], "properties": { "authentication_configuration": { "minItems": 1 } } }
    })];
    integration_rules.extend(oauth_rules);
    let wrapper_properties = properties(WrapperKey::ALL, |key| match key {
        WrapperKey::Schema => json!({ "type": "string" }),
        WrapperKey::RequiresCti => json!({ "type": "boolean", "default": false }),
        WrapperKey::Integration => json!({ "$ref": "#/$defs/integration" }),
        WrapperKey::Actions => json!({ "type": "array", "items": { "$ref": "#/$defs/action" }, "default": [] }),
    });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Talkdesk integration manifest",
        "description": "An integration configuration and its action configurations, as integration-wizard reads and writes them.",
        "anyOf": [{ "$ref": "#/$defs/wrapper" }, { "$ref": "#/$defs/bare_integration" }],
        "$defs": {
            "wrapper": {
                "description": "The integration under `integration` and its actions under `actions`: what the tool writes for new manifests.",
                "type": "object",
                "required": ["integration"],
                "properties": wrapper_properties,
                "if": { "properties": { "requires_cti": { "const": true } }, "required": ["requires_cti"] },
                "then": { "properties": { "integration": { "required": ["agent_synchronization_endpoint"] } } }
            },
            "bare_integration": {
                "description": "The integration configuration alone, its keys at the top (and maybe `$schema`): the tool keeps such a file bare until it gets an action.",
                "allOf": [{ "$ref": "#/$defs/integration" }],
                "properties": { "$schema": { "type": "string" } },
                "not": { "required": ["integration"] }
            },
            "one_line": { "type": "string", "pattern": "^[^\\n\\r]*$" },
            "text": { "type": "string" },
            "url": { "type": "string", "format": "uri", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+" },
            "integration": {
                "type": "object",
                "required": ["name", "display_name", "description", "logo_url", "icon_url", "authentication_type"],
                "properties": integration_properties,
                "allOf": integration_rules
            },
            "authentication_field": {
                "type": "object",
                "required": ["field_name", "display", "mandatory", "type", "store"],
                "properties": auth_field_properties
            },
            "action": {
                "type": "object",
                "required": ["provider", "name", "display", "description", "endpoint", "inputs"],
                "properties": action_properties
            },
            "action_input": {
                "type": "object",
                "required": ["key", "name", "mandatory", "type"],
                "properties": input_properties,
                "if": { "properties": { "type": { "const": "select" } }, "required": ["type"] },
                "then": { "required": ["format"], "properties": { "format": { "pattern": "[^,\\s]" } } }
            }
        }
    })
}

/// A `properties` object with one entry per known key, in writing order.
fn properties<K: Copy + std::fmt::Display>(keys: &[K], schema_of: impl Fn(K) -> Value) -> Value {
    Value::Object(keys.iter().map(|&key| (key.to_string(), schema_of(key))).collect::<Map<_, _>>())
}

fn enumeration<const N: usize>(values: [&str; N]) -> Value {
    json!({ "type": "string", "enum": values.as_slice() })
}
