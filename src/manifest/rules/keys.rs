//! The checks every object shares: mandatory and optional strings and booleans, lists, wrong JSON types, unknown keys.

use super::codes::Rule;
use super::findings::Findings;
use super::message::{excerpt, one_of};
use super::place::Place;
use super::suggest::did_you_mean;
use super::text::{self, Lines};
use crate::escape::quoted;
use crate::manifest::json::Json;
use crate::manifest::key::{Key, ObjectKey};
use crate::manifest::object::Extra;
use crate::manifest::slot::{JsonKind, Slot, json_type_name};
use crate::manifest::vocab::{Vocab, Vocabulary};

/// How messages name the expected type of a boolean key: what the author types.
const BOOLEAN: &str = "true or false";

/// A mandatory string: reports it missing, `null`, of another type or blank (`hint` says what
/// to write), checks its characters, and gives the text when it has something to check further.
pub(super) fn required_string<'m>(
    findings: &mut Findings,
    place: Place,
    key: impl ObjectKey,
    slot: &'m Slot<String>,
    lines: Lines,
    hint: &str,
) -> Option<&'m str> {
    let key = key.key().as_str();
    let text = present(findings, place, key, slot, String::NAME, hint)?;
    required_text(findings, place, key, text, lines, hint)
}

/// The value of a mandatory key, or `None` once it is reported missing, `null` or of another type
/// than `expected` (as messages name it).
fn present<'m, T: JsonKind>(
    findings: &mut Findings,
    place: Place,
    key: &'static str,
    slot: &'m Slot<T>,
    expected: &str,
    hint: &str,
) -> Option<&'m T> {
    match slot {
        Slot::Absent | Slot::Null => {
            report_missing(findings, place, key, slot, hint);
            None
        }
        Slot::Wrong(value) => {
            report_wrong_type(findings, place, key, value, expected);
            None
        }
        Slot::Value(value) => Some(value),
    }
}

/// The text of a mandatory string: checks its characters and reports it blank.
fn required_text<'m>(
    findings: &mut Findings,
    place: Place,
    key: &'static str,
    text: &'m str,
    lines: Lines,
    hint: &str,
) -> Option<&'m str> {
    text::check(findings, text, lines, key, || place.key(key));
    if text.trim().is_empty() {
        findings.add(Rule::BlankValue, place.key(key), format!("{key} is blank; {hint}"));
        None
    } else {
        Some(text)
    }
}

/// An optional string: absent and `null` are fine; another type is reported. The text, blank
/// or not, is given back after its characters are checked.
pub(super) fn optional_string<'m>(
    findings: &mut Findings,
    place: Place,
    key: impl ObjectKey,
    slot: &'m Slot<String>,
    lines: Lines,
) -> Option<&'m str> {
    let key = key.key().as_str();
    match slot {
        Slot::Absent | Slot::Null => None,
        Slot::Wrong(value) => {
            report_wrong_type(findings, place, key, value, String::NAME);
            None
        }
        Slot::Value(text) => {
            text::check(findings, text, lines, key, || place.key(key));
            Some(text)
        }
    }
}

/// A mandatory boolean: reports it missing, `null` or of another type.
pub(super) fn required_bool(
    findings: &mut Findings,
    place: Place,
    key: impl ObjectKey,
    slot: &Slot<bool>,
    hint: &str,
) -> Option<bool> {
    present(findings, place, key.key().as_str(), slot, BOOLEAN, hint).copied()
}

/// An optional boolean: absent and `null` mean "not set"; another type is reported.
pub(super) fn optional_bool(
    findings: &mut Findings,
    place: Place,
    key: impl ObjectKey,
    slot: &Slot<bool>,
) -> Option<bool> {
    let key = key.key().as_str();
    match slot {
        Slot::Absent | Slot::Null => None,
        Slot::Wrong(value) => {
            report_wrong_type(findings, place, key, value, BOOLEAN);
            None
        }
        Slot::Value(flag) => Some(*flag),
    }
}

/// An optional list: absent and `null` give None; another type is reported.
pub(super) fn optional_list<'m, T>(
    findings: &mut Findings,
    place: Place,
    key: impl ObjectKey,
    slot: &'m Slot<Vec<Slot<T>>>,
) -> Option<&'m [Slot<T>]> {
    let key = key.key().as_str();
    match slot {
        Slot::Absent | Slot::Null => None,
        Slot::Wrong(value) => {
            report_wrong_type(findings, place, key, value, "a list");
            None
        }
        Slot::Value(items) => Some(items),
    }
}

/// Reports a mandatory key that is absent or `null`.
pub(super) fn missing<T: JsonKind>(
    findings: &mut Findings,
    place: Place,
    key: impl ObjectKey,
    slot: &Slot<T>,
    hint: &str,
) {
    report_missing(findings, place, key.key().as_str(), slot, hint);
}

fn report_missing<T: JsonKind>(findings: &mut Findings, place: Place, key: &str, slot: &Slot<T>, hint: &str) {
    let state = if matches!(slot, Slot::Null) { "is null" } else { "is missing" };
    findings.add(Rule::MissingKey, place.key(key), format!("{key} {state}; {hint}"));
}

/// Reports a value of the wrong JSON type (`expected` as messages name it), and any control
/// character inside it, since it is kept and written back as it is.
pub(super) fn wrong_type(findings: &mut Findings, place: Place, key: impl ObjectKey, value: &Json, expected: &str) {
    report_wrong_type(findings, place, key.key().as_str(), value, expected);
}

fn report_wrong_type(findings: &mut Findings, place: Place, key: &str, value: &Json, expected: &str) {
    let mut pointer = place.key(key);
    findings.add(
        Rule::WrongType,
        pointer.clone(),
        format!("{key} must be {expected}, not {}{}", json_type_name(value), excerpt(value)),
    );
    text::check_json(findings, value, key, &mut pointer);
}

/// Reports a list element that is not an object (`what` names the element, e.g. "action").
pub(super) fn not_object(
    findings: &mut Findings,
    code: Rule,
    pointer: String,
    what: &str,
    value: &Slot<impl JsonKind>,
) {
    let found = value.found();
    let shown = match value {
        Slot::Wrong(value) => excerpt(value),
        _ => String::new(),
    };
    findings.add(
        code,
        pointer.clone(),
        format!("each {what} must be an object {{...}}, not {found}{shown}; replace it with an object or remove it"),
    );
    if let Slot::Wrong(value) = value {
        text::check_json(findings, value, what, &mut pointer.clone());
    }
}

/// Warns about each key the object does not know (they are kept), suggesting the known key it
/// may be a misspelling of, and checks the characters of the key and of its value.
pub(super) fn unknown_keys(findings: &mut Findings, place: Place, extra: &Extra, known: &[&'static str]) {
    for (key, value) in extra {
        let mut pointer = place.key(key);
        let shown = quoted(key);
        let message = match did_you_mean(key, known.iter().copied()) {
            Some(advice) => format!(
                "unknown key {shown} is kept as it is; check its spelling if Talkdesk should read it ({advice})"
            ),
            None if wrapper_key(place, key) => format!(
                "{shown} is a wrapper key, so a bare integration document keeps it as an unknown key; to use it, move the integration's keys under \"integration\""
            ),
            None => format!("unknown key {shown} is kept as it is; check its spelling if Talkdesk should read it"),
        };
        findings.add(Rule::UnknownKey, pointer.clone(), message);
        if let Some(character) = text::first_control(key) {
            findings.add(
                Rule::ControlCharacter,
                pointer.clone(),
                format!(
                    "the key {shown} contains the control character U+{:04X}; remove it, Talkdesk cannot show it",
                    u32::from(character)
                ),
            );
        }
        text::check_json(findings, value, &format!("the value of {shown}"), &mut pointer);
    }
}

/// A wrapper key found in a bare integration document, where reading keeps it as the integration's.
fn wrapper_key(place: Place, key: &str) -> bool {
    matches!(place, Place::Integration("")) && crate::manifest::model::Wrapper::KEYS.contains(&key)
}

/// A required key whose value must be one of a fixed set (a type).
pub(super) struct Choice<'a> {
    pub key: Key,
    /// The accepted values, as written.
    pub values: &'a [&'static str],
    /// What to add when the key is missing or blank.
    pub hint: &'a str,
    /// The code of a value outside the set.
    pub code: Rule,
    /// What the value should be, for the message ("an input type").
    pub what: &'a str,
}

/// Checks a required choice and gives the value when it is one of the set. Reading already wrote
/// recognised values as Talkdesk spells them (`Known`), so any `Other` text is reported: a manifest
/// built in memory with another spelling is reported rather than silently accepted.
pub(super) fn required_choice<T: Vocabulary>(
    findings: &mut Findings,
    place: Place,
    slot: &Slot<Vocab<T>>,
    choice: Choice,
) -> Option<T> {
    let key = choice.key.as_str();
    let written = match slot {
        // Talkdesk's own spelling: nothing in it to report.
        Slot::Value(Vocab::Known(value)) => return Some(*value),
        Slot::Value(Vocab::Other(text)) => required_text(findings, place, key, text, Lines::One, choice.hint)?,
        Slot::Absent | Slot::Null => {
            report_missing(findings, place, key, slot, choice.hint);
            return None;
        }
        Slot::Wrong(value) => {
            report_wrong_type(findings, place, key, value, String::NAME);
            return None;
        }
    };
    let advice = did_you_mean(written, choice.values.iter().copied())
        .unwrap_or_else(|| format!("use one of {}", one_of(choice.values)));
    findings.add(choice.code, place.key(key), format!("{key} {} is not {}; {advice}", quoted(written), choice.what));
    None
}
