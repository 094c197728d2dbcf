//! `{{...}}` templates in formats: finding the placeholders, value providers of action inputs,
//! and references to other authentication fields.

use super::codes::Rule;
use super::findings::Findings;
use super::place::Place;
use super::suggest::did_you_mean;
use crate::escape::quoted;
use crate::manifest::model::{AuthFieldKey, InputKey};
use crate::manifest::seed_tables::{CONTACT_FIELDS, VALUE_PROVIDERS, collection_fields};

/// Whether `text` is a template rather than a literal value.
pub(super) fn is_template(text: &str) -> bool {
    find_pair(text, b'{').is_some()
}

/// Where the first `{{` (or `}}`, by `brace`) starts in `text`. A byte search: `str::find` with a
/// string pattern sets up a two-way searcher at every call, which cost more than the search itself
/// on the short formats of a large manifest.
fn find_pair(text: &str, brace: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = bytes.get(from..)?.iter().position(|&byte| byte == brace) {
        let at = from + found;
        if bytes.get(at + 1) == Some(&brace) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Where the last `{{` starts in `text`.
fn rfind_open_pair(text: &str) -> Option<usize> {
    text.as_bytes().windows(2).rposition(|pair| pair == b"{{")
}

/// Calls `each` with every placeholder of `text`, trimmed (`{{ contact.email }}` gives
/// "contact.email"), and returns false when a `{{` has no matching `}}`.
///
/// A `{{` followed by another `{{` before any `}}` is unclosed; the later one starts the
/// placeholder ("{{a {{contact.email}}" is unclosed and names contact.email).
fn placeholders<'a>(text: &'a str, mut each: impl FnMut(&'a str)) -> bool {
    let mut closed = true;
    let mut rest = text;
    while let Some(open) = find_pair(rest, b'{') {
        let after = &rest[open + 2..];
        let Some(close) = find_pair(after, b'}') else {
            return false;
        };
        let mut inside = &after[..close];
        if let Some(inner) = rfind_open_pair(inside) {
            closed = false;
            inside = &inside[inner + 2..];
        }
        each(inside.trim());
        rest = &after[close + 2..];
    }
    closed
}

/// Checks an action input's format: every placeholder must be a known value provider.
pub(super) fn check_value_providers(findings: &mut Findings, place: Place, text: &str) {
    let closed = placeholders(text, |name| {
        if let Some((code, advice)) = value_provider_problem(name) {
            findings.add(code, place.key(InputKey::Format.as_str()), format!("{} {advice}", shown(name)));
        }
    });
    if !closed {
        unclosed(findings, place, "{{contact.email}}");
    }
}

/// What is wrong with a value provider, as a code and the message after the placeholder.
fn value_provider_problem(name: &str) -> Option<(Rule, String)> {
    let Some((collection, field)) = name.split_once('.') else {
        let advice = if CONTACT_FIELDS.contains(&name) {
            format!("names no collection; write {{{{contact.{name}}}}} for the contact's {name}")
        } else {
            "is not a value provider; write {{collection.field}}, e.g. {{contact.email}}".to_owned()
        };
        return Some((Rule::UnknownCollection, advice));
    };
    match collection_fields(collection) {
        Some(fields) if fields.contains(&field) => None,
        Some(fields) => {
            let advice = did_you_mean(field, fields.iter().copied())
                .unwrap_or_else(|| format!("use one of {}", fields.join(", ")));
            Some((Rule::UnknownValueProvider, format!("is not a field of the {collection} collection; {advice}")))
        }
        None => {
            let advice = did_you_mean(collection, VALUE_PROVIDERS.iter().map(|(known, _)| *known))
                .unwrap_or_else(|| "use contact, e.g. {{contact.email}}".to_owned());
            Some((
                Rule::UnknownCollection,
                format!("uses the collection {}, which Talkdesk does not provide; {advice}", quoted(collection)),
            ))
        }
    }
}

/// A placeholder as a message quotes it.
fn shown(name: &str) -> String {
    quoted(&format!("{{{{{name}}}}}"))
}

/// Checks an authentication field's format: every placeholder must name an authentication field.
pub(super) fn check_field_references(findings: &mut Findings, place: Place, text: &str, field_names: &[&str]) {
    let closed = placeholders(text, |name| {
        if field_names.contains(&name) {
            return;
        }
        let advice = did_you_mean(name, field_names.iter().copied()).unwrap_or_else(|| {
            "write the field_name of one of the integration's authentication fields, e.g. {{account}}".to_owned()
        });
        findings.add(
            Rule::UnknownTemplateField,
            place.key(AuthFieldKey::Format.as_str()),
            format!("{} names no authentication field of this integration; {advice}", shown(name)),
        );
    });
    if !closed {
        unclosed(findings, place, "{{account}}");
    }
}

/// The key of a format: inputs and authentication fields both call it `format`.
const FORMAT: &str = InputKey::Format.as_str();

fn unclosed(findings: &mut Findings, place: Place, example: &str) {
    findings.add(
        Rule::UnclosedTemplate,
        place.key(FORMAT),
        format!("format has a \"{{{{\" without its \"}}}}\"; close it, e.g. {example}, or remove the braces"),
    );
}

#[cfg(test)]
mod tests {
    use super::{find_pair, placeholders, rfind_open_pair};

    #[test]
    fn the_byte_search_finds_what_the_string_search_finds() {
        for text in ["", "{", "{{", "}}", "a{b{{c", "{{{", "}}}}", "x}{}}{{", "é{{ü}}", "{ {", "{{a}}{{b}}"] {
            assert_eq!(find_pair(text, b'{'), text.find("{{"), "{{ in {text:?}");
            assert_eq!(find_pair(text, b'}'), text.find("}}"), "}} in {text:?}");
            assert_eq!(rfind_open_pair(text), text.rfind("{{"), "last {{ in {text:?}");
        }
    }

    fn names(text: &str) -> (Vec<&str>, bool) {
        let mut found = Vec::new();
        let closed = placeholders(text, |name| found.push(name));
        (found, closed)
    }

    #[test]
    fn finds_trimmed_placeholders_and_unclosed_braces() {
        assert_eq!(
            names("Call from {{ contact.first_name }} {{contact.last_name}}"),
            (vec!["contact.first_name", "contact.last_name"], true)
        );
        assert_eq!(names("no template }} here"), (vec![], true));
        assert_eq!(names("{{contact.email"), (vec![], false));
        assert_eq!(names("{{a {{contact.email}}"), (vec!["contact.email"], false));
        assert_eq!(names("{{}}"), (vec![""], true));
        assert_eq!(names("{ {contact.email} }{{x}}}"), (vec!["x"], true));
        assert_eq!(names("{{{contact.email}}"), (vec!["{contact.email"], true));
        assert_eq!(names("é{{ä}}ü"), (vec!["ä"], true));
    }
}
