//! The actions: each action's keys, its provider against the integration's name, and names unique among actions.

use super::codes::Rule;
use super::findings::Findings;
use super::inputs;
use super::keys;
use super::names;
use super::place::Place;
use super::text::Lines;
use super::urls::{self, Role};
use crate::escape::quoted;
use crate::manifest::model::{Action, ActionKey};
use crate::manifest::slot::Slot;
// foldhash: hashing every action name and input key of a large manifest with SipHash cost more than checking them.
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

/// The longest `display` that fits Talkdesk's combo-box, in characters.
const DISPLAY_MAX_CHARS: usize = 32;

const ENDPOINT_EXAMPLE: &str = "https://bridge.example.org/actions/create_ticket";
const ENDPOINT_HINT: &str =
    "add the bridge URL that runs the action, e.g. https://bridge.example.org/actions/create_ticket";

/// What checking one action needs to know about the others, kept across the list.
struct Seen<'m> {
    /// The integration's non-blank name, which every `provider` must repeat.
    integration_name: Option<&'m str>,
    /// Each action name, with the index of the action that used it first.
    action_names: HashMap<&'m str, usize>,
    /// The input keys of the action being checked: one set cleared between actions, so a valid
    /// manifest allocates nothing per action.
    input_keys: HashSet<&'m str>,
}

/// Which checks of an action to run: those about the action alone, those that compare it with
/// the integration and the other actions, or both. The wizard re-runs only the part an edit touched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Checks {
    /// Everything about the action and its inputs by themselves.
    pub own: bool,
    /// `provider` against the integration's name, and names repeated among actions.
    pub across: bool,
}

impl Checks {
    pub(super) const ALL: Checks = Checks { own: true, across: true };
}

/// Checks the actions of the list (all, or only the one at `only`), in order.
pub(super) fn check<'m>(
    findings: &mut Findings,
    actions: &'m [Slot<Action>],
    integration_name: Option<&'m str>,
    checks: Checks,
    only: Option<usize>,
) {
    let mut seen = Seen {
        integration_name,
        action_names: HashMap::with_capacity(if checks.across { actions.len() } else { 0 }),
        input_keys: HashSet::new(),
    };
    // One action is found by its index: an editor checks one per edit, of thousands.
    let (skip, take) = only.map_or((0, actions.len()), |only| (only, 1));
    for (index, slot) in actions.iter().enumerate().skip(skip).take(take) {
        // A caller that no longer wants the findings (an editor's newer text) stops here.
        if findings.stopped() {
            return;
        }
        match slot {
            Slot::Value(action) => check_action(findings, index, action, &mut seen, checks),
            _ if checks.own => {
                keys::not_object(findings, Rule::ActionNotObject, Place::Action(index).object(), "action", slot)
            }
            _ => {}
        }
    }
}

fn check_action<'m>(findings: &mut Findings, index: usize, action: &'m Action, seen: &mut Seen<'m>, checks: Checks) {
    let place = Place::Action(index);
    // The provider belongs with the checks across actions: renaming the integration rewrites them all.
    if checks.across {
        let first = action.name.non_blank().map(|name| *seen.action_names.entry(name).or_insert(index));
        check_across(findings, index, action, seen.integration_name, first);
    }
    if !checks.own {
        return;
    }
    let hint = "add the action's identifier, e.g. \"create_ticket\"";
    if let Some(name) = keys::required_string(findings, place, ActionKey::Name, &action.name, Lines::One, hint) {
        names::check_identifier(findings, name, || place.key(ActionKey::Name.as_str()));
    }
    check_own(findings, index, action, seen);
}

/// `provider` must repeat the integration's name.
fn check_provider(findings: &mut Findings, place: Place, provider: Option<&str>, integration_name: Option<&str>) {
    if let (Some(provider), Some(name)) = (provider, integration_name)
        && provider != name
    {
        findings.add(
            Rule::ProviderMismatch,
            place.key(ActionKey::Provider.as_str()),
            format!("provider {} must be the integration's name; write {}", quoted(provider), quoted(name)),
        );
    }
}

/// The checks of the action at `index` against the others: its provider must be the
/// integration's name, and its name may be used once in the list (`first`: the first action of its
/// name, None for an action without one); the later action is the one reported.
pub(super) fn check_across(
    findings: &mut Findings,
    index: usize,
    action: &Action,
    integration_name: Option<&str>,
    first: Option<usize>,
) {
    let place = Place::Action(index);
    let provider = keys::required_string(
        findings,
        place,
        ActionKey::Provider,
        &action.provider,
        Lines::One,
        "add the integration's name, which provides the action",
    );
    check_provider(findings, place, provider, integration_name);
    if let (Some(first), Some(name)) = (first.filter(|&first| first != index), action.name.non_blank()) {
        findings.add(
            Rule::DuplicateActionName,
            place.key(ActionKey::Name.as_str()),
            format!("name {} is already used by action {first}; rename this action or remove it", quoted(name)),
        );
    }
}

/// The checks of an action that need nothing but the action itself (after its provider and name).
fn check_own<'m>(findings: &mut Findings, index: usize, action: &'m Action, seen: &mut Seen<'m>) {
    let place = Place::Action(index);
    let hint = "add a short lowercase label, e.g. \"create a ticket\"";
    if let Some(display) = keys::required_string(findings, place, ActionKey::Display, &action.display, Lines::One, hint)
    {
        check_display(findings, place, display);
    }
    let hint = "add a lowercase sentence on what the action does, e.g. \"create a new ticket in My CRM\"";
    if let Some(description) =
        keys::required_string(findings, place, ActionKey::Description, &action.description, Lines::Many, hint)
        && starts_uppercase(description)
    {
        findings.add(
            Rule::DescriptionUppercase,
            place.key(ActionKey::Description.as_str()),
            after_then("description", description),
        );
    }
    if let Some(endpoint) =
        keys::required_string(findings, place, ActionKey::Endpoint, &action.endpoint, Lines::One, ENDPOINT_HINT)
    {
        urls::check(findings, place, "endpoint", endpoint, Role::Endpoint, ENDPOINT_EXAMPLE);
    }
    match &action.inputs {
        Slot::Absent | Slot::Null => {
            let hint = "add the list of fields the action receives, [] if none";
            keys::missing(findings, place, ActionKey::Inputs, &action.inputs, hint);
        }
        Slot::Wrong(value) => keys::wrong_type(findings, place, ActionKey::Inputs, value, "a list"),
        Slot::Value(list) => {
            seen.input_keys.clear();
            inputs::check(findings, index, list, &mut seen.input_keys);
        }
    }
    keys::unknown_keys(findings, place, &action.extra, Action::KEYS);
}

/// `display` follows "Then" in Talkdesk's automations and fits a combo-box.
fn check_display(findings: &mut Findings, place: Place, display: &str) {
    if starts_uppercase(display) {
        findings.add(Rule::DisplayUppercase, place.key(ActionKey::Display.as_str()), after_then("display", display));
    }
    let length = display.chars().count();
    if length > DISPLAY_MAX_CHARS {
        findings.add(
            Rule::DisplayTooLong,
            place.key(ActionKey::Display.as_str()),
            format!("display has {length} characters, more than the {DISPLAY_MAX_CHARS} that fit Talkdesk's list; shorten it"),
        );
    }
}

fn after_then(key: &str, text: &str) -> String {
    format!(
        "{key} {} starts with an uppercase letter, but Talkdesk shows it after \"Then\"; start it in lowercase",
        quoted(text)
    )
}

/// The first character that is not white space is an uppercase letter.
fn starts_uppercase(text: &str) -> bool {
    text.trim_start().chars().next().is_some_and(char::is_uppercase)
}
