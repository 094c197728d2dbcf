//! Authentication: the type, the list of fields it needs (SPEC §2.4), and each field.

use super::codes::Rule;
use super::findings::Findings;
use super::keys;
use super::message::one_of;
use super::place::Place;
use crate::escape::quoted;

use super::templates;
use super::text::Lines;
use crate::manifest::model::{AuthField, AuthFieldKey, Integration, IntegrationKey};
use crate::manifest::seed_tables::{AuthFieldType, AuthenticationType};
use crate::manifest::slot::Slot;
use std::collections::HashMap;

const TYPE_KEY: IntegrationKey = IntegrationKey::AuthenticationType;
const LIST_KEY: IntegrationKey = IntegrationKey::AuthenticationConfiguration;

/// The names of the five types, for messages.
fn type_names() -> Vec<&'static str> {
    AuthenticationType::ALL.iter().map(|kind| kind.as_str()).collect()
}

/// Checks `authentication_type` and gives the type when it is one of the five.
///
/// Reading already wrote recognised types in lowercase, so the written form is compared exactly;
/// a manifest built in memory with another spelling is then reported rather than silently accepted.
pub(super) fn check_type(
    findings: &mut Findings,
    place: Place,
    integration: &Integration,
) -> Option<AuthenticationType> {
    let names = type_names();
    let hint = format!("add one of {}", one_of(&names));
    let choice = keys::Choice {
        key: TYPE_KEY.into(),
        values: &names,
        hint: &hint,
        code: Rule::UnknownAuthenticationType,
        what: "a type Talkdesk knows",
    };
    keys::required_choice(findings, place, &integration.authentication_type, choice)
}

/// Checks `authentication_configuration` against the type (`None` when the type is missing or
/// unknown: then only the fields themselves are checked), then each field.
pub(super) fn check_fields(
    findings: &mut Findings,
    prefix: &'static str,
    integration: &Integration,
    kind: Option<AuthenticationType>,
) {
    let place = Place::Integration(prefix);
    let needs_fields = kind.is_some_and(AuthenticationType::needs_fields);
    let Some(fields) = keys::optional_list(findings, place, LIST_KEY, &integration.authentication_configuration) else {
        if needs_fields && !matches!(integration.authentication_configuration, Slot::Wrong(_)) {
            let state =
                if matches!(integration.authentication_configuration, Slot::Null) { "is null" } else { "is missing" };
            fields_missing(findings, place, kind, state);
        }
        return;
    };
    if fields.is_empty() {
        if needs_fields {
            fields_missing(findings, place, kind, "is empty");
        }
        return;
    }
    if kind == Some(AuthenticationType::None) {
        findings.add(
            Rule::AuthenticationFieldsUnused,
            place.key(LIST_KEY.as_str()),
            "authentication_type is none, so Talkdesk ignores authentication_configuration; remove the fields or choose custom".to_owned(),
        );
    }
    let field_names: Vec<&str> =
        fields.iter().filter_map(Slot::get).filter_map(|field| field.field_name.as_str()).collect();
    let required = kind.map_or(&[][..], AuthenticationType::required_fields);
    for needed in required {
        if !field_names.contains(&needed.field_name) {
            findings.add(
                Rule::OauthFieldMissing,
                place.key(LIST_KEY.as_str()),
                format!(
                    "{} requires the authentication field {}; add it (the wizard adds it when you pick the type)",
                    kind.map_or("", AuthenticationType::as_str),
                    quoted(needed.field_name)
                ),
            );
        }
    }
    let context = FieldContext { kind, field_names: &field_names };
    let mut first_use: HashMap<&str, usize> = HashMap::with_capacity(fields.len());
    for (index, slot) in fields.iter().enumerate() {
        let field_place = Place::AuthField(prefix, index);
        let Slot::Value(field) = slot else {
            keys::not_object(findings, Rule::AuthFieldNotObject, field_place.object(), "authentication field", slot);
            continue;
        };
        check_field(findings, field_place, field, &context, &mut first_use, index);
    }
}

fn fields_missing(findings: &mut Findings, place: Place, kind: Option<AuthenticationType>, state: &str) {
    let Some(kind) = kind else { return };
    let required: Vec<&str> = kind.required_fields().iter().map(|field| field.field_name).collect();
    let what = if required.is_empty() {
        "add the fields Talkdesk asks each account for, e.g. an API token".to_owned()
    } else {
        format!("add the fields {} requires: {}", kind.as_str(), required.join(", "))
    };
    findings.add(
        Rule::AuthenticationFieldsMissing,
        place.key(LIST_KEY.as_str()),
        format!("authentication_configuration {state} but authentication_type {} needs fields; {what}", kind.as_str()),
    );
}

/// What checking one field needs to know about the others.
struct FieldContext<'m> {
    kind: Option<AuthenticationType>,
    field_names: &'m [&'m str],
}

fn check_field<'m>(
    findings: &mut Findings,
    place: Place,
    field: &'m AuthField,
    context: &FieldContext<'_>,
    first_use: &mut HashMap<&'m str, usize>,
    index: usize,
) {
    let name = keys::required_string(
        findings,
        place,
        AuthFieldKey::FieldName,
        &field.field_name,
        Lines::One,
        "add the name the bridge receives the value under, e.g. \"api_token\"",
    );
    if let Some(name) = name {
        if let Some(first) = first_use.get(name) {
            findings.add(
                Rule::DuplicateFieldName,
                place.key(AuthFieldKey::FieldName.as_str()),
                format!(
                    "field_name {} is already used by authentication field {first}; rename this one or remove it",
                    quoted(name)
                ),
            );
        } else {
            first_use.insert(name, index);
        }
    }
    keys::required_string(
        findings,
        place,
        AuthFieldKey::Display,
        &field.display,
        Lines::One,
        "add the label Talkdesk shows, e.g. \"API token\"",
    );
    let mandatory = keys::required_bool(
        findings,
        place,
        AuthFieldKey::Mandatory,
        &field.mandatory,
        "add true when Talkdesk must ask for a value, false otherwise",
    );
    let required_by_type = context
        .kind
        .zip(name)
        .filter(|(kind, name)| kind.required_fields().iter().any(|required| required.field_name == *name));
    if let (Some(false), Some((kind, name))) = (mandatory, required_by_type) {
        findings.add(
            Rule::OauthFieldOptional,
            place.key(AuthFieldKey::Mandatory.as_str()),
            format!(
                "{} is required by {}, so it should be mandatory; set mandatory to true",
                quoted(name),
                kind.as_str()
            ),
        );
    }
    let field_type = check_field_type(findings, place, field);
    if let (Some(AuthFieldType::Input), Some(name)) = (field_type, name)
        && looks_secret(name)
    {
        findings.add(
            Rule::SecretNotMasked,
            place.key(AuthFieldKey::Type.as_str()),
            format!(
                "field {} looks like a secret but has type input, so Talkdesk shows it in clear; set type to password",
                quoted(name)
            ),
        );
    }
    keys::required_bool(
        findings,
        place,
        AuthFieldKey::Store,
        &field.store,
        "add true to keep the value in the account's configuration, false otherwise",
    );
    keys::optional_string(findings, place, AuthFieldKey::Help, &field.help, Lines::Many);
    if let Some(format) = keys::optional_string(findings, place, AuthFieldKey::Format, &field.format, Lines::One)
        && templates::is_template(format)
    {
        templates::check_field_references(findings, place, format, context.field_names);
    }
    keys::unknown_keys(findings, place, &field.extra, AuthField::KEYS);
}

/// Checks an authentication field's `type` and gives it when it is one of the three.
fn check_field_type(findings: &mut Findings, place: Place, field: &AuthField) -> Option<AuthFieldType> {
    let names = AuthFieldType::ALL.map(AuthFieldType::as_str);
    let choice = keys::Choice {
        key: AuthFieldKey::Type.into(),
        values: &names,
        hint: "add input (typed by the user), password (typed and masked) or oauth (from the OAuth authority)",
        code: Rule::UnknownFieldType,
        what: "an authentication field type",
    };
    keys::required_choice(findings, place, &field.field_type, choice)
}

/// A field name ending in password, secret, token or api_key, in any letter case.
pub(crate) fn looks_secret(name: &str) -> bool {
    ["password", "secret", "token", "api_key"].iter().any(|suffix| {
        name.len() >= suffix.len()
            && name.as_bytes()[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    })
}
