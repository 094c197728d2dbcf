//! Checks of a bridge's answers against Talkdesk's contracts: pure functions of the response, so each
//! contract is tested on JSON values without a network.

use super::Finding;
use serde_json::{Map, Value};
use std::collections::HashMap;

mod http;
pub(crate) use http::{json_body, redirect, slow, transport, unexpected_status};

/// The priorities Talkdesk shows for an interaction.
pub(crate) const PRIORITIES: [&str; 5] = ["none", "low", "normal", "high", "urgent"];
/// The statuses Talkdesk shows for an interaction.
pub(crate) const STATUSES: [&str; 5] = ["new", "open", "pending", "solved", "closed"];

/// A value quoted for a message, shortened so one hostile value cannot flood the output.
pub(crate) fn quoted(value: &Value) -> String {
    let text = match value {
        Value::String(text) => format!("\"{text}\""),
        other => other.to_string(),
    };
    if text.chars().count() > 60 { format!("{}…", text.chars().take(60).collect::<String>()) } else { text }
}

/// "a string", "a number", … for messages.
pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Reads a mandatory string field of `object`, reporting it missing or of another type.
fn required_string<'a>(
    object: &'a Map<String, Value>,
    key: &str,
    pointer: &str,
    what: &str,
    findings: &mut Vec<Finding>,
) -> Option<&'a str> {
    match object.get(key) {
        Some(Value::String(text)) => Some(text),
        None | Some(Value::Null) => {
            findings.push(Finding::new(
                "missing-field",
                Some(format!("{pointer}/{key}")),
                format!("{what} has no \"{key}\"; send \"{key}\" (a string) in every {what}"),
            ));
            None
        }
        Some(other) => {
            findings.push(wrong_type(&format!("{pointer}/{key}"), key, other, "a string"));
            None
        }
    }
}

fn wrong_type(pointer: &str, key: &str, found: &Value, expected: &str) -> Finding {
    Finding::new(
        "wrong-type",
        Some(pointer.to_owned()),
        format!("\"{key}\" is {} ({}); send {expected}", kind(found), quoted(found)),
    )
}

/// Optional fields must have their type when present (`null` is tolerated as absent).
fn optional(
    object: &Map<String, Value>,
    pointer: &str,
    strings: &[&str],
    string_lists: &[&str],
    findings: &mut Vec<Finding>,
) {
    for key in strings {
        match object.get(*key) {
            None | Some(Value::Null) | Some(Value::String(_)) => {}
            Some(other) => findings.push(wrong_type(&format!("{pointer}/{key}"), key, other, "a string")),
        }
    }
    for key in string_lists {
        match object.get(*key) {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) => {
                for (index, item) in items.iter().enumerate() {
                    if !item.is_string() {
                        findings.push(wrong_type(
                            &format!("{pointer}/{key}/{index}"),
                            key,
                            item,
                            "an array of strings",
                        ));
                    }
                }
            }
            Some(other) => findings.push(wrong_type(&format!("{pointer}/{key}"), key, other, "an array of strings")),
        }
    }
}

/// The top level must be an object; returns it.
fn object<'a>(value: &'a Value, what: &str, findings: &mut Vec<Finding>) -> Option<&'a Map<String, Value>> {
    let object = value.as_object();
    if object.is_none() {
        findings.push(Finding::new(
            "wrong-type",
            Some(String::new()),
            format!("the answer is {}; a {what} answers a JSON object", kind(value)),
        ));
    }
    object
}

/// A list field that must be an array; returns it.
fn array<'a>(object: &'a Map<String, Value>, key: &str, findings: &mut Vec<Finding>) -> Option<&'a Vec<Value>> {
    match object.get(key) {
        Some(Value::Array(items)) => Some(items),
        None | Some(Value::Null) => {
            findings.push(Finding::new(
                "missing-field",
                Some(format!("/{key}")),
                format!("the answer has no \"{key}\"; send \"{key}\": [...] (an empty array when there are none)"),
            ));
            None
        }
        Some(other) => {
            findings.push(wrong_type(&format!("/{key}"), key, other, "an array"));
            None
        }
    }
}

/// Ids seen so far in one sync, with where each was first seen, to find repeats across pages.
#[derive(Debug, Default)]
pub(crate) struct SeenIds(HashMap<String, String>);

impl SeenIds {
    /// True while no id was seen.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Records `id` seen at `place`; the earlier place when it was already seen.
    fn first_seen(&mut self, id: String, place: String) -> Option<String> {
        match self.0.get(&id) {
            Some(earlier) => Some(earlier.clone()),
            None => {
                self.0.insert(id, place);
                None
            }
        }
    }
}

/// What a contact synchronization page said about the next request.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct ContactsPage {
    pub next_offset: Option<Value>,
    pub context: Option<Value>,
    pub checkpoint: Option<String>,
    /// The first contact with an id and a name, for the contact activity request.
    pub first_contact: Option<Value>,
}

/// Checks one contact synchronization page; `page` names it in messages about repeated ids.
pub(crate) fn contacts_page(
    value: &Value,
    page: &str,
    seen: &mut SeenIds,
    findings: &mut Vec<Finding>,
) -> ContactsPage {
    let mut result = ContactsPage::default();
    let Some(top) = object(value, "contact synchronization", findings) else { return result };
    match top.get("synchronization_checkpoint") {
        Some(Value::String(checkpoint)) => result.checkpoint = Some(checkpoint.clone()),
        None | Some(Value::Null) => findings.push(Finding::new(
            "missing-checkpoint",
            Some("/synchronization_checkpoint".to_owned()),
            "the answer has no \"synchronization_checkpoint\"; send one (e.g. the newest updated_at) or every sync re-reads all contacts",
        )),
        Some(other) => findings.push(wrong_type("/synchronization_checkpoint", "synchronization_checkpoint", other, "a string")),
    }
    match top.get("next_offset") {
        None => {}
        Some(Value::Null) => findings.push(null_offset()),
        Some(Value::String(offset)) => result.next_offset = Some(Value::String(offset.clone())),
        Some(other) => {
            findings.push(wrong_type("/next_offset", "next_offset", other, "a string (contact offsets are strings)"));
            // Still follow it, as Talkdesk would echo whatever it got.
            result.next_offset = Some(other.clone());
        }
    }
    result.context = top.get("context").cloned();
    let Some(contacts) = array(top, "contacts", findings) else { return result };
    for (index, contact) in contacts.iter().enumerate() {
        let pointer = format!("/contacts/{index}");
        let Some(fields) = contact.as_object() else {
            findings.push(Finding::new(
                "wrong-type",
                Some(pointer),
                format!("contact {index} is {}; each contact must be an object", kind(contact)),
            ));
            continue;
        };
        let id = required_string(fields, "id", &pointer, "contact", findings);
        let name = required_string(fields, "name", &pointer, "contact", findings);
        optional(
            fields,
            &pointer,
            &["company", "title", "photo_url", "address", "twitter", "url"],
            &["emails", "phones", "websites"],
            findings,
        );
        if let Some(id) = id {
            if let Some(earlier) = seen.first_seen(id.to_owned(), format!("{page} {pointer}")) {
                findings.push(Finding::new(
                    "duplicate-id",
                    Some(format!("{pointer}/id")),
                    format!("contact id \"{id}\" was already sent ({earlier}); ids must be unique across all pages"),
                ));
            } else if name.is_some() && result.first_contact.is_none() {
                result.first_contact = Some(contact.clone());
            }
        }
    }
    result
}

/// Checks a contact activity answer: an array of interactions of the requested types.
pub(crate) fn interactions(value: &Value, requested: &[String], findings: &mut Vec<Finding>) {
    let Some(items) = value.as_array() else {
        let hint = if value.get("interactions").is_some() || value.get("data").is_some() {
            " (not wrapped in an object)"
        } else {
            ""
        };
        findings.push(Finding::new(
            "wrong-type",
            Some(String::new()),
            format!("the answer is {}; contact activity answers a JSON array of interactions{hint}", kind(value)),
        ));
        return;
    };
    let mut seen = SeenIds::default();
    for (index, item) in items.iter().enumerate() {
        let pointer = format!("/{index}");
        let Some(fields) = item.as_object() else {
            findings.push(Finding::new(
                "wrong-type",
                Some(pointer),
                format!("interaction {index} is {}; each interaction must be an object", kind(item)),
            ));
            continue;
        };
        if let Some(id) = required_string(fields, "id", &pointer, "interaction", findings)
            && let Some(earlier) = seen.first_seen(id.to_owned(), pointer.clone())
        {
            findings.push(Finding::new(
                "duplicate-id",
                Some(format!("{pointer}/id")),
                format!("interaction id \"{id}\" was already sent at {earlier}; ids must be unique"),
            ));
        }
        required_string(fields, "subject", &pointer, "interaction", findings);
        required_string(fields, "date", &pointer, "interaction", findings);
        let kind = required_string(fields, "type", &pointer, "interaction", findings);
        if let Some(kind) = kind
            && !requested.iter().any(|requested| requested == kind)
            && let Some(requested) = requested.iter().find(|requested| requested.eq_ignore_ascii_case(kind))
        {
            findings.push(Finding::new(
                "type-case",
                Some(format!("{pointer}/type")),
                format!("type \"{kind}\" differs in case from the requested \"{requested}\"; return it as written in interaction_types"),
            ));
        } else if let Some(kind) = kind
            && !requested.iter().any(|requested| requested.eq_ignore_ascii_case(kind))
        {
            findings.push(Finding::new(
                "type-not-requested",
                Some(format!("{pointer}/type")),
                format!(
                    "type \"{kind}\" was not requested (meta.interaction_types: {}); the page says a type should be one of the requested types",
                    requested.join(", ")
                ),
            ));
        }
        optional(fields, &pointer, &["description", "url"], &[], findings);
        enumeration(fields, "priority", &PRIORITIES, &pointer, findings);
        enumeration(fields, "status", &STATUSES, &pointer, findings);
    }
}

fn enumeration(fields: &Map<String, Value>, key: &str, allowed: &[&str], pointer: &str, findings: &mut Vec<Finding>) {
    match fields.get(key) {
        None | Some(Value::Null) => {}
        Some(Value::String(value)) if allowed.contains(&value.as_str()) => {}
        Some(value) => findings.push(Finding::new(
            "not-in-enumeration",
            Some(format!("{pointer}/{key}")),
            format!("{key} {} is not one of {}; send one of those (lowercase)", quoted(value), allowed.join(", ")),
        )),
    }
}

/// A `next_offset` of null: Talkdesk asks again while an answer has `next_offset`, so the last page
/// leaves it out rather than setting it to null.
fn null_offset() -> Finding {
    Finding::new(
        "next-offset-null",
        Some("/next_offset".to_owned()),
        "next_offset is null; on the last page leave it out (Talkdesk asks for the next page while the answer has next_offset)",
    )
}

/// Checks one agent synchronization page and returns its integer `next_offset`.
pub(crate) fn agents_page(value: &Value, page: &str, seen: &mut SeenIds, findings: &mut Vec<Finding>) -> Option<i64> {
    let top = object(value, "agent synchronization", findings)?;
    let next_offset = match top.get("next_offset") {
        None => None,
        Some(Value::Null) => {
            findings.push(null_offset());
            None
        }
        Some(Value::Number(number)) if number.is_i64() => number.as_i64(),
        Some(other) => {
            findings.push(wrong_type(
                "/next_offset",
                "next_offset",
                other,
                "an integer (agent offsets are integers), or leave it out at the end",
            ));
            None
        }
    };
    let agents = array(top, "agents", findings)?;
    for (index, agent) in agents.iter().enumerate() {
        let pointer = format!("/agents/{index}");
        let Some(fields) = agent.as_object() else {
            findings.push(Finding::new(
                "wrong-type",
                Some(pointer),
                format!("agent {index} is {}; each agent must be an object", kind(agent)),
            ));
            continue;
        };
        let id = match fields.get("id") {
            Some(Value::String(id)) => Some(id.clone()),
            // Talkdesk's own samples show a number, so it is accepted, with advice.
            Some(Value::Number(number)) => {
                findings.push(Finding::new(
                    "id-not-string",
                    Some(format!("{pointer}/id")),
                    format!("agent id {number} is a number; the contract says string: send \"{number}\""),
                ));
                Some(number.to_string())
            }
            None | Some(Value::Null) => {
                findings.push(Finding::new(
                    "missing-field",
                    Some(format!("{pointer}/id")),
                    "agent has no \"id\"; send \"id\" (a string) in every agent",
                ));
                None
            }
            Some(other) => {
                findings.push(wrong_type(&format!("{pointer}/id"), "id", other, "a string"));
                None
            }
        };
        required_string(fields, "name", &pointer, "agent", findings);
        required_string(fields, "email", &pointer, "agent", findings);
        if let Some(id) = id
            && let Some(earlier) = seen.first_seen(id.clone(), format!("{page} {pointer}"))
        {
            findings.push(Finding::new(
                "duplicate-agent-id",
                Some(format!("{pointer}/id")),
                format!("agent id \"{id}\" was already sent ({earlier}); the agent page does not say ids are unique, but a repeated id links two agents to one: send each agent once"),
            ));
        }
    }
    next_offset
}

/// What an authorization validator returned on success: optional key/value pairs that Talkdesk
/// sends back as auth fields, so each key should be a configured field.
pub(crate) fn auth_returned(value: &Value, configured: &[String], findings: &mut Vec<Finding>) {
    let Some(top) = object(value, "authorization validator", findings) else { return };
    for (key, returned) in top {
        let pointer = format!("/{}", key.replace('~', "~0").replace('/', "~1"));
        if !matches!(returned, Value::String(_) | Value::Number(_) | Value::Bool(_)) {
            findings.push(wrong_type(&pointer, key, returned, "a string, number or boolean"));
        } else if !configured.iter().any(|name| name == key) {
            findings.push(Finding::new(
                "unknown-auth-field",
                Some(pointer),
                format!(
                    "returned \"{key}\", which is no authentication field of the manifest; Talkdesk's current page sends every returned key back with later calls, its older one kept only configured fields: add \"{key}\" as a field if later calls need it"
                ),
            ));
        }
    }
}

/// Checks an action's answer body: every field is an optional string, and a created contact
/// (`contact_external_id`) comes with its `contact_external_url`, which contact pop needs.
pub(crate) fn action_answer(value: &Value, findings: &mut Vec<Finding>) {
    let Some(top) = object(value, "action", findings) else { return };
    optional(
        top,
        "",
        &["message", "external_id", "contact_external_id", "contact_external_type", "contact_external_url"],
        &[],
        findings,
    );
    let given = |key: &str| top.get(key).is_some_and(|value| !value.is_null());
    if given("contact_external_id") && !given("contact_external_url") {
        findings.push(Finding::new(
            "contact-pop-url",
            Some("/contact_external_id".to_owned()),
            "the answer names a created contact (contact_external_id) without its contact_external_url, which the action page says is required for contact pop: send the contact's URL",
        ));
    }
}

#[cfg(test)]
mod tests;
