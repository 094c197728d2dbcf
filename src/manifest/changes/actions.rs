//! Changes to the actions, matched by `name`, and to their inputs, matched by `key`.

use super::pairing::{Identity, pair};
use super::values::{Object, made_mandatory, same_extra, shown};
use super::{Change, ChangeCode, Side};
use crate::manifest::{Action, ActionInput, ActionKey as A, InputKey as I, Manifest, Slot, WrapperKey};

/// Records the actions added, removed, renamed and changed, and the changes of their inputs.
pub(super) fn compare(old: &Manifest, new: &Manifest, changes: &mut Vec<Change>) {
    let key = WrapperKey::Actions.as_str();
    let (old_actions, new_actions) = (&old.wrapper.actions, &new.wrapper.actions);
    let (Some(old_list), Some(new_list)) = (listed(old_actions), listed(new_actions)) else {
        let top = Object { subject: "manifest", code: ChangeCode::IntegrationChanged, pointer: "" };
        top.value(changes, key, old_actions, new_actions);
        return;
    };
    let pairing = pair(old_list, new_list, name, same_but_name);
    let subject = |slot: &Slot<Action>| format!("action {}", identity(slot, slot.get().and_then(name)).shown());
    for &(old_index, new_index) in &pairing.kept {
        let (Slot::Value(was), Slot::Value(is)) = (&old_list[old_index], &new_list[new_index]) else { continue };
        // Most actions of a long list are unchanged: one comparison settles them.
        if was == is {
            continue;
        }
        let subject = subject(&new_list[new_index]);
        let pointers = [format!("/{key}/{old_index}"), format!("/{key}/{new_index}")];
        action(&subject, &pointers, was, is, changes);
    }
    for &(old_index, new_index) in &pairing.renamed {
        let (Some(was), Some(is)) = (old_list[old_index].get(), new_list[new_index].get()) else { continue };
        changes.push(Change {
            code: ChangeCode::ActionRenamed,
            subject: subject(&old_list[old_index]),
            key: Some(A::Name.as_str().to_owned()),
            pointer: format!("/{key}/{new_index}/{}", A::Name.as_str()),
            side: Side::New,
            before: shown(&was.name),
            after: shown(&is.name),
        });
    }
    for &new_index in &pairing.added {
        let slot = &new_list[new_index];
        changes.push(Change {
            code: ChangeCode::ActionAdded,
            subject: subject(slot),
            key: None,
            pointer: format!("/{key}/{new_index}"),
            side: Side::New,
            before: None,
            after: slot.get().map_or_else(|| shown(slot), |action| shown(&action.name)),
        });
    }
    for &old_index in &pairing.removed {
        let slot = &old_list[old_index];
        changes.push(Change {
            code: ChangeCode::ActionRemoved,
            subject: subject(slot),
            key: None,
            pointer: format!("/{key}/{old_index}"),
            side: Side::Old,
            before: slot.get().map_or_else(|| shown(slot), |action| shown(&action.name)),
            after: None,
        });
    }
}

/// What names a list element in a change: its name, or its JSON text.
fn identity<'a, T: serde::Serialize>(slot: &Slot<T>, name: Option<&'a str>) -> Identity<'a> {
    name.map_or_else(|| Identity::Text(serde_json::to_string(slot).unwrap_or_default()), Identity::Name)
}

/// Records the changed values of one action, and the changes of its inputs.
/// `pointers` are the action's in the old file and in the new one.
fn action(subject: &str, pointers: &[String; 2], was: &Action, is: &Action, changes: &mut Vec<Change>) {
    let pointer = &pointers[1];
    // Every field is named, none left to `..`: a field added to `Action` does not compile until it is compared.
    let Action { provider, name: _, display, description, endpoint, inputs: new_inputs, extra } = is;
    // (`name` pairs the actions: a new name is a rename, recorded by `compare`.)
    let object = Object { subject, code: ChangeCode::ActionChanged, pointer };
    object.value(changes, A::Provider.as_str(), &was.provider, provider);
    object.value(changes, A::Display.as_str(), &was.display, display);
    object.value(changes, A::Description.as_str(), &was.description, description);
    object.endpoint(changes, A::Endpoint.as_str(), &was.endpoint, endpoint);
    match (&was.inputs, new_inputs) {
        (Slot::Value(before), Slot::Value(after)) => inputs(subject, pointers, before, after, changes),
        (before, after) => object.value(changes, A::Inputs.as_str(), before, after),
    }
    object.extra(changes, &was.extra, extra);
}

/// Records the inputs added, removed and changed (an input's `key` is what a workflow fills, so a
/// new key is a new input, never a rename).
fn inputs(
    action: &str,
    pointers: &[String; 2],
    before: &[Slot<ActionInput>],
    after: &[Slot<ActionInput>],
    changes: &mut Vec<Change>,
) {
    let [old_list, list] = pointers.clone().map(|pointer| format!("{pointer}/{}", A::Inputs.as_str()));
    let pairing = pair(before, after, key, |_, _| false);
    let subject =
        |slot: &Slot<ActionInput>| format!("input {} of {action}", identity(slot, slot.get().and_then(key)).shown());
    for &(old_index, new_index) in &pairing.kept {
        let (Slot::Value(was), Slot::Value(is)) = (&before[old_index], &after[new_index]) else { continue };
        if was == is {
            continue;
        }
        let subject = subject(&after[new_index]);
        let pointer = format!("{list}/{new_index}");
        input(&Object { subject: &subject, code: ChangeCode::InputChanged, pointer: &pointer }, was, is, changes);
    }
    for &new_index in &pairing.added {
        let slot = &after[new_index];
        let mandatory = slot.get().is_some_and(|input| input.mandatory.as_bool() == Some(true));
        changes.push(Change {
            code: if mandatory { ChangeCode::MandatoryInputAdded } else { ChangeCode::InputAdded },
            subject: subject(slot),
            key: None,
            pointer: format!("{list}/{new_index}"),
            side: Side::New,
            before: None,
            after: shown(slot),
        });
    }
    for &old_index in &pairing.removed {
        let slot = &before[old_index];
        changes.push(Change {
            code: ChangeCode::InputRemoved,
            subject: subject(slot),
            key: None,
            pointer: format!("{old_list}/{old_index}"),
            side: Side::Old,
            before: shown(slot),
            after: None,
        });
    }
}

/// Records the changed values of one input.
fn input(object: &Object<'_>, was: &ActionInput, is: &ActionInput, changes: &mut Vec<Change>) {
    // Every field is named, none left to `..`: a field added to `ActionInput` does not compile until it is compared.
    // (`key` pairs the inputs: a new key is a new input.)
    let ActionInput { key: _, name, mandatory, input_type, format, extra } = is;
    object.value(changes, I::Name.as_str(), &was.name, name);
    if made_mandatory(&was.mandatory, mandatory) {
        let key = I::Mandatory.as_str();
        changes.push(object.change(ChangeCode::InputMadeMandatory, key, shown(&was.mandatory), shown(mandatory)));
    } else {
        object.value(changes, I::Mandatory.as_str(), &was.mandatory, mandatory);
    }
    object.value(changes, I::Type.as_str(), &was.input_type, input_type);
    object.value(changes, I::Format.as_str(), &was.format, format);
    object.extra(changes, &was.extra, extra);
}

/// Two actions are the same but for their `name`: inputs compared by key, whatever their order.
fn same_but_name(was: &Action, is: &Action) -> bool {
    // Every field is named, none left to `..`: a new field of `Action` must say whether a rename keeps it.
    let Action { provider, name: _, display, description, endpoint, inputs, extra } = is;
    was.provider == *provider
        && was.display == *display
        && was.description == *description
        && was.endpoint == *endpoint
        && same_extra(&was.extra, extra)
        && match (&was.inputs, inputs) {
            (Slot::Value(before), Slot::Value(after)) => {
                before.len() == after.len() && before.iter().all(|input| after.contains(input))
            }
            (before, after) => before == after,
        }
}

/// An action's identity: its `name`.
fn name(action: &Action) -> Option<&str> {
    action.name.as_str()
}

/// An input's identity: its `key`.
fn key(input: &ActionInput) -> Option<&str> {
    input.key.as_str()
}

/// The actions of a list; an absent list and an empty one mean the same (no actions).
fn listed(slot: &Slot<Vec<Slot<Action>>>) -> Option<&[Slot<Action>]> {
    match slot {
        Slot::Absent => Some(&[]),
        Slot::Value(list) => Some(list),
        _ => None,
    }
}
