//! Action inputs: keys unique within their action, the input type, and the format as a default, options or value providers.

use super::codes::Rule;
use super::defaults;
use super::findings::Findings;
use super::keys;
use super::place::Place;
use crate::escape::quoted;

use super::templates;
use super::text::Lines;
use crate::manifest::model::{ActionInput, InputKey};
use crate::manifest::seed_tables::InputType;
use crate::manifest::slot::Slot;
use foldhash::HashSet;

/// Checks the inputs of action `action`; `seen` is empty and collects their keys.
pub(super) fn check<'m>(
    findings: &mut Findings,
    action: usize,
    inputs: &'m [Slot<ActionInput>],
    seen: &mut HashSet<&'m str>,
) {
    for (index, slot) in inputs.iter().enumerate() {
        let place = Place::Input(action, index);
        match slot {
            Slot::Value(input) => check_input(findings, place, input, seen),
            _ => keys::not_object(findings, Rule::InputNotObject, place.object(), "action input", slot),
        }
    }
}

fn check_input<'m>(findings: &mut Findings, place: Place, input: &'m ActionInput, seen: &mut HashSet<&'m str>) {
    let key = keys::required_string(
        findings,
        place,
        InputKey::Key,
        &input.key,
        Lines::One,
        "add the identifier the bridge receives, e.g. \"subject\"",
    );
    if let Some(key) = key
        && !seen.insert(key)
    {
        findings.add(
            Rule::DuplicateInputKey,
            place.key(InputKey::Key.as_str()),
            format!(
                "key {} is already used by another input of this action; rename this one or remove it",
                quoted(key)
            ),
        );
    }
    keys::required_string(
        findings,
        place,
        InputKey::Name,
        &input.name,
        Lines::One,
        "add the label Talkdesk shows, e.g. \"Subject\"",
    );
    // The SPEC asks only that `mandatory` be a boolean when present: an input without it is optional.
    keys::optional_bool(findings, place, InputKey::Mandatory, &input.mandatory);
    let input_type = check_type(findings, place, input);
    // A textarea's default may span lines; with an unknown type the format is taken as one line.
    let lines = if input_type == Some(InputType::Textarea) { Lines::Many } else { Lines::One };
    let format = keys::optional_string(findings, place, InputKey::Format, &input.format, lines);
    if let Some(format) = format {
        if templates::is_template(format) {
            templates::check_value_providers(findings, place, format);
        } else if let Some(input_type) = input_type {
            defaults::check_literal(findings, place, input_type, format);
        }
    }
    // A select's format is its list of options, template or not; a format of the wrong type was
    // reported already.
    if input_type == Some(InputType::Select) && !matches!(input.format, Slot::Wrong(_)) {
        defaults::check_select(findings, place, format);
    }
    keys::unknown_keys(findings, place, &input.extra, ActionInput::KEYS);
}

/// Checks an input's `type` and gives it when it is one of the seven.
///
/// Reading already wrote recognised types in lowercase, so the written form is compared exactly.
fn check_type(findings: &mut Findings, place: Place, input: &ActionInput) -> Option<InputType> {
    let names = InputType::ALL.map(InputType::as_str);
    let choice = keys::Choice {
        key: InputKey::Type.into(),
        values: &names,
        hint: "add one of text, textarea, number, tel, url, datetime or select",
        code: Rule::UnknownInputType,
        what: "an input type",
    };
    keys::required_choice(findings, place, &input.input_type, choice)
}
