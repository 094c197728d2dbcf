//! The manifest's JSON Schema (draft 2020-12), built from the same tables the rules use.

use super::model::{ActionKey, AuthFieldKey, InputKey, IntegrationKey, WrapperKey};
use super::seed_tables::{AuthFieldType, AuthenticationType, InputType};
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
    let optional_url = json!({ "anyOf": [{ "type": "null" }, { "$ref": "#/$defs/url" }] });
    let required_line = json!({ "$ref": "#/$defs/required_line" });
    let optional_line = json!({ "anyOf": [{ "type": "null" }, { "$ref": "#/$defs/one_line" }] });
    let required_text = json!({ "$ref": "#/$defs/required_text" });
    let optional_text = json!({ "type": ["string", "null"] });
    let boolean = json!({ "type": "boolean" });
    let integration_properties = properties(IntegrationKey::ALL, |key| match key {
        IntegrationKey::Description => required_text.clone(),
        IntegrationKey::LogoUrl | IntegrationKey::IconUrl => url.clone(),
        IntegrationKey::AuthValidationEndpoint
        | IntegrationKey::ContactSynchronizationEndpoint
        | IntegrationKey::InteractionRetrievalEndpoint
        | IntegrationKey::AgentSynchronizationEndpoint => optional_url.clone(),
        IntegrationKey::AuthenticationType => {
            enumeration(&AuthenticationType::ALL.map(AuthenticationType::as_str), &[])
        }
        IntegrationKey::AuthenticationConfiguration => {
            json!({ "type": "array", "items": { "$ref": "#/$defs/authentication_field" } })
        }
        IntegrationKey::InteractionTypes => {
            json!({ "anyOf": [{ "type": "null" }, { "type": "array", "items": required_line, "uniqueItems": true }] })
        }
        IntegrationKey::Name | IntegrationKey::DisplayName => required_line.clone(),
    });
    let auth_field_properties = properties(AuthFieldKey::ALL, |key| match key {
        AuthFieldKey::Mandatory | AuthFieldKey::Store => boolean.clone(),
        // `text` is read as `input`, with a warning.
        AuthFieldKey::Type => enumeration(&AuthFieldType::ALL.map(AuthFieldType::as_str), &["text"]),
        AuthFieldKey::Help => optional_text.clone(),
        AuthFieldKey::Format => optional_line.clone(),
        AuthFieldKey::FieldName | AuthFieldKey::Display => required_line.clone(),
    });
    let action_properties = properties(ActionKey::ALL, |key| match key {
        ActionKey::Description => required_text.clone(),
        ActionKey::Endpoint => url.clone(),
        ActionKey::Inputs => json!({ "type": "array", "items": { "$ref": "#/$defs/action_input" } }),
        ActionKey::Provider | ActionKey::Name | ActionKey::Display => required_line.clone(),
    });
    let input_properties = properties(InputKey::ALL, |key| match key {
        InputKey::Mandatory => json!({ "type": ["boolean", "null"] }),
        InputKey::Type => enumeration(&InputType::ALL.map(InputType::as_str), &[]),
        InputKey::Format => optional_text.clone(),
        InputKey::Key | InputKey::Name => required_line.clone(),
    });
    let oauth_rules: Vec<Value> = AuthenticationType::ALL
        .into_iter()
        .filter(|kind| !kind.required_fields().is_empty())
        .map(|kind| {
            let contains: Vec<Value> = kind
                .required_fields()
                .iter()
                .map(|field| {
                    let name = field.field_name;
                    // Either shape names the field: `field_name`, or the legacy one-key object.
                    json!({ "contains": { "anyOf": [
                        { "properties": { "field_name": { "const": name } }, "required": ["field_name"] },
                        { "not": { "required": ["field_name"] }, "required": [name], "maxProperties": 1 }
                    ] } })
                })
                .collect();
            json!({
                "if": { "properties": { "authentication_type": is(kind.as_str()) }, "required": ["authentication_type"] },
                "then": { "properties": { "authentication_configuration": { "allOf": contains } } }
            })
        })
        .collect();
    let mut integration_rules = vec![json!({
        "if": { "properties": { "authentication_type": { "not": is("none") } }, "required": ["authentication_type"] },
        "then": { "required": ["authentication_configuration"], "properties": { "authentication_configuration": { "minItems": 1 } } }
    })];
    integration_rules.extend(oauth_rules);
    let wrapper_properties = properties(WrapperKey::ALL, |key| match key {
        WrapperKey::Schema => json!({ "type": "string" }),
        WrapperKey::RequiresCti => json!({ "type": ["boolean", "null"], "default": false }),
        WrapperKey::Integration => json!({ "$ref": "#/$defs/integration" }),
        WrapperKey::Actions => {
            json!({ "type": ["array", "null"], "items": { "$ref": "#/$defs/action" }, "default": [] })
        }
    });
    let known_field_keys: Vec<String> = AuthFieldKey::ALL.iter().map(ToString::to_string).collect();
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
                "then": { "properties": { "integration": {
                    "required": ["agent_synchronization_endpoint"],
                    "properties": { "agent_synchronization_endpoint": url }
                } } }
            },
            "bare_integration": {
                "description": "The integration configuration alone, its keys at the top (and maybe `$schema`): the tool keeps such a file bare until it gets an action.",
                "allOf": [{ "$ref": "#/$defs/integration" }],
                "properties": { "$schema": { "type": "string" } },
                "not": { "required": ["integration"] }
            },
            "one_line": { "type": "string", "pattern": "^[^\\n\\r]*$" },
            "required_line": {
                "description": "A mandatory one-line text: not blank.",
                "type": "string",
                "pattern": "^[^\\n\\r]*[^\\s][^\\n\\r]*$"
            },
            "required_text": { "description": "A mandatory text: not blank.", "type": "string", "pattern": "[^\\s]" },
            "url": { "type": "string", "format": "uri", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+[^\\n\\r]*$" },
            "integration": {
                "type": "object",
                "required": ["name", "display_name", "description", "logo_url", "icon_url", "authentication_type"],
                "properties": integration_properties,
                "allOf": integration_rules
            },
            "authentication_field": {
                "description": "A field the user fills in when installing the integration; Talkdesk's older one-key shape (`{\"account\": {...}}`) is read too.",
                "type": "object",
                "properties": auth_field_properties,
                "anyOf": [
                    { "required": ["field_name", "display", "mandatory", "type", "store"] },
                    {
                        "minProperties": 1,
                        "maxProperties": 1,
                        "propertyNames": { "not": { "enum": known_field_keys } },
                        "additionalProperties": {
                            "type": "object",
                            "required": ["display", "mandatory", "type", "store"],
                            "properties": auth_field_properties
                        }
                    }
                ]
            },
            "action": {
                "type": "object",
                "required": ["provider", "name", "display", "description", "endpoint", "inputs"],
                "properties": action_properties
            },
            "action_input": {
                "type": "object",
                "required": ["key", "name", "type"],
                "properties": input_properties,
                "allOf": [
                    {
                        "if": { "properties": { "type": is("select") }, "required": ["type"] },
                        "then": { "required": ["format"], "properties": { "format": { "type": "string", "pattern": "[^,\\s]" } } }
                    },
                    {
                        // Only a textarea's default may span lines.
                        "if": { "properties": { "type": is("textarea") }, "required": ["type"] },
                        "else": { "properties": { "format": optional_line } }
                    }
                ]
            }
        }
    })
}

/// One of `values` (offered by editors), or one written in other capitals or one of `also`,
/// which the tool reads with a warning.
fn enumeration(values: &[&str], also: &[&str]) -> Value {
    let any_case: Vec<String> = values.iter().chain(also).map(|value| caseless(value)).collect();
    json!({
        "type": "string",
        "anyOf": [{ "enum": values }, { "pattern": format!("^(?:{})$", any_case.join("|")) }]
    })
}

/// Matches `value` in any capitals, as the tool reads enumerations.
fn is(value: &str) -> Value {
    json!({ "type": "string", "pattern": format!("^{}$", caseless(value)) })
}

/// A pattern for `value` in any capitals: `[Nn][Oo]...` (editors' regular expressions have no
/// portable case-insensitive flag).
fn caseless(value: &str) -> String {
    value
        .chars()
        .map(|c| {
            if c.is_ascii_alphabetic() {
                format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase())
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A `properties` object with one entry per known key, in writing order.
fn properties<K: Copy + std::fmt::Display>(keys: &[K], schema_of: impl Fn(K) -> Value) -> Value {
    Value::Object(keys.iter().map(|&key| (key.to_string(), schema_of(key))).collect::<Map<_, _>>())
}
