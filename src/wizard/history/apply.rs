//! Undoing or redoing a change on the typed manifest itself, part by part: only the elements its
//! patches name (one action, the top without its actions, a few actions added or removed) are
//! turned into JSON, patched and read back, so undo costs what the change changed, not the manifest.
//!
//! A change this cannot place (a patch of the whole manifest or of the whole actions list, a
//! manifest not in the wrapper shape) is left to the caller, which rebuilds the whole manifest.

use super::patch::Patch;
use crate::manifest::model::{Action, Wrapper};
use crate::manifest::{ActionKey, Json, Manifest, Shape, Slot, part_tree};
use std::collections::BTreeMap;

/// What applying a change did to the manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Applied {
    /// These elements changed, and nothing else.
    Parts(Vec<Element>),
    /// The change is not made of parts: the whole manifest must be rebuilt (nothing was changed).
    Whole,
    /// The change does not fit the manifest (nothing was changed).
    Misfit,
}

/// An element of the manifest a change touched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Element {
    /// Everything but the actions: the wrapper's keys and the integration. `pointers`: where.
    Top(Vec<String>),
    /// The action at this index, in place. `pointers`: where in it (from the manifest's root).
    Action(usize, Vec<String>),
    /// Actions replaced by others from `index` on: `removed` of them, then `added` in their place.
    Spliced { index: usize, removed: usize, added: usize },
}

/// Applies `patches` forwards (redo) or backwards (undo) to `manifest`, element by element; all of
/// them or none.
pub(crate) fn apply(manifest: &mut Manifest, patches: &[Patch], forwards: bool) -> Applied {
    if manifest.shape != Shape::Wrapper || manifest.written_shape() != Shape::Wrapper {
        return Applied::Whole;
    }
    if !matches!(manifest.wrapper.actions, Slot::Value(_)) {
        // Patches inside actions need a list of them; the top alone can still be patched.
        return match patches.iter().all(|patch| matches!(place(patch), Place::Top)) {
            true => apply_top(manifest, patches, forwards),
            false => Applied::Whole,
        };
    }
    // Undoing applies the patches last first. Each element's patches keep that order.
    let ordered: Vec<&Patch> = if forwards { patches.iter().collect() } else { patches.iter().rev().collect() };
    let mut top = Vec::new();
    // By action (an undone rename has a patch for every action's provider).
    let mut in_actions: BTreeMap<usize, Vec<(&str, &Patch)>> = BTreeMap::new();
    let mut splice = None;
    for patch in ordered {
        match place(patch) {
            Place::Whole => return Applied::Whole,
            Place::Top => top.push(patch),
            Place::Action(index, rest) => in_actions.entry(index).or_default().push((rest, patch)),
            Place::Splice(index, old, new) if splice.is_none() => splice = Some((index, old, new)),
            // Two splices of the list in one change (not one the history makes): the whole manifest.
            Place::Splice(..) => return Applied::Whole,
        }
    }
    // Splicing moves the later actions: patches of actions beside a splice are applied whole.
    if splice.is_some() && !in_actions.is_empty() {
        return Applied::Whole;
    }
    // Everything is made first, then put in place: a patch that does not fit changes nothing.
    let new_top = match top.is_empty() {
        true => None,
        false => match patched_top(manifest, &top, forwards) {
            Ok(wrapper) => Some(wrapper),
            Err(applied) => return applied,
        },
    };
    let Slot::Value(actions) = &manifest.wrapper.actions else { return Applied::Whole };
    let mut texts: Vec<(usize, ActionKey, Slot<String>)> = Vec::new();
    let mut whole_actions: Vec<(usize, Slot<Action>)> = Vec::new();
    for (index, list) in &in_actions {
        let Some(slot) = actions.get(*index) else { return Applied::Misfit };
        match text_patches(slot, list, forwards) {
            Some(mut set) => texts.extend(set.drain(..).map(|(key, text)| (*index, key, text))),
            None => {
                let mut tree = part_tree(slot);
                if !list.iter().all(|(rest, patch)| patch.apply_at(&mut tree, rest, forwards)) {
                    return Applied::Misfit;
                }
                whole_actions.push((*index, Slot::<Action>::from_json(&tree)));
            }
        }
    }
    let spliced = match splice {
        None => None,
        Some((index, old, new)) => {
            let (removed, inserted) = if forwards { (old, new) } else { (new, old) };
            let fits = index.checked_add(removed.len()).is_some_and(|end| end <= actions.len());
            if !fits {
                return Applied::Misfit;
            }
            let added: Vec<Slot<Action>> = inserted.iter().map(Slot::<Action>::from_json).collect();
            Some((index, removed.len(), added))
        }
    };
    // Everything fits: put it in place.
    let mut elements = Vec::new();
    if let Some(wrapper) = new_top {
        let actions = std::mem::take(&mut manifest.wrapper.actions);
        manifest.wrapper = wrapper;
        manifest.wrapper.actions = actions;
        elements.push(Element::Top(top.iter().map(|patch| patch.pointer()).collect()));
    }
    let Slot::Value(actions) = &mut manifest.wrapper.actions else { return Applied::Whole };
    for (index, key, text) in texts {
        if let Some(slot) = actions[index].get_mut().and_then(|action| action.text_mut(key)) {
            *slot = text;
        }
    }
    for (index, slot) in whole_actions {
        actions[index] = slot;
    }
    for (index, list) in in_actions {
        elements.push(Element::Action(index, list.iter().map(|(_, patch)| patch.pointer()).collect()));
    }
    if let Some((index, removed, added)) = spliced {
        let count = added.len();
        actions.splice(index..index + removed, added);
        elements.push(Element::Spliced { index, removed, added: count });
    }
    Applied::Parts(elements)
}

/// Applies patches of the top alone (the manifest's actions are not a list).
fn apply_top(manifest: &mut Manifest, patches: &[Patch], forwards: bool) -> Applied {
    let ordered: Vec<&Patch> = if forwards { patches.iter().collect() } else { patches.iter().rev().collect() };
    match patched_top(manifest, &ordered, forwards) {
        Ok(wrapper) => {
            let actions = std::mem::take(&mut manifest.wrapper.actions);
            manifest.wrapper = wrapper;
            manifest.wrapper.actions = actions;
            Applied::Parts(vec![Element::Top(ordered.iter().map(|patch| patch.pointer()).collect())])
        }
        Err(applied) => applied,
    }
}

/// The top of the manifest (its actions left out) with `patches` applied in their order.
fn patched_top(manifest: &mut Manifest, patches: &[&Patch], forwards: bool) -> Result<Wrapper, Applied> {
    let actions = std::mem::take(&mut manifest.wrapper.actions);
    let mut tree = part_tree(&manifest.wrapper);
    manifest.wrapper.actions = actions;
    if !patches.iter().all(|patch| patch.apply(&mut tree, forwards)) {
        return Err(Applied::Misfit);
    }
    match Slot::<Wrapper>::from_json(&tree) {
        // Without an integration, reading could take the file for a bare integration document:
        // the whole manifest is read again then, as a file would be.
        Slot::Value(wrapper) if !wrapper.integration.is_absent() && wrapper.actions.is_absent() => Ok(wrapper),
        _ => Err(Applied::Whole),
    }
}

/// The texts the patches of one action set, when each replaces a text key's text with another
/// text, or adds or removes a text key: they are set without turning the action into JSON. None
/// when any patch is another kind.
fn text_patches(
    slot: &Slot<Action>,
    list: &[(&str, &Patch)],
    forwards: bool,
) -> Option<Vec<(ActionKey, Slot<String>)>> {
    let Slot::Value(action) = slot else { return None };
    let text = |value: &Json| match value {
        Json::String(text) => Some(text.clone()),
        _ => None,
    };
    list.iter()
        .map(|(rest, patch)| match patch {
            Patch::Replace { old, new, .. } => {
                let key = ActionKey::parse(rest.strip_prefix('/')?)?;
                let (before, after) = if forwards { (old, new) } else { (new, old) };
                text(before)?;
                // The key must be there as a text, as the JSON patch would need it there.
                action.text(key)?.as_str()?;
                Some((key, Slot::Value(text(after)?)))
            }
            Patch::Member { key, old, new, .. } if rest.is_empty() => {
                let key = ActionKey::parse(key)?;
                let (before, after) = if forwards { (old, new) } else { (new, old) };
                // Present as a text where the patch says it was, absent where it says it was not.
                match (before, action.text(key)?) {
                    (Some(before), Slot::Value(_)) => drop(text(before)?),
                    (None, Slot::Absent) => {}
                    _ => return None,
                }
                Some((key, after.as_ref().map_or(Some(Slot::Absent), |after| text(after).map(Slot::Value))?))
            }
            _ => None,
        })
        .collect()
}

/// Where a patch applies.
enum Place<'p> {
    /// The whole manifest, or the whole actions list: not a part.
    Whole,
    /// The wrapper's keys or the integration.
    Top,
    /// Inside the action at this index, at the rest of the pointer ("" for the action itself).
    Action(usize, &'p str),
    /// The actions list's items from this index: these old ones, these new ones.
    Splice(usize, &'p [Json], &'p [Json]),
}

fn place(patch: &Patch) -> Place<'_> {
    let at = match patch {
        Patch::Splice { at, index, old, new } if at == "/actions" => return Place::Splice(*index, old, new),
        Patch::Replace { at, .. } | Patch::Splice { at, .. } | Patch::Member { at, .. } => at.as_str(),
    };
    // The integration replaced whole (a key of it cleared) is still the top: `patched_top` reads it.
    if at.is_empty() || at == "/actions" {
        return Place::Whole;
    }
    let Some(rest) = at.strip_prefix("/actions/") else { return Place::Top };
    let (token, rest) = rest.find('/').map_or((rest, ""), |slash| rest.split_at(slash));
    // A list index is written in digits only ("01" or "+1" do not name an item).
    match token.parse::<usize>() {
        Ok(index) if token.bytes().all(|byte| byte.is_ascii_digit()) && token == index.to_string() => {
            Place::Action(index, rest)
        }
        _ => Place::Whole,
    }
}

/// Copies the `elements` a change made in `from` into `to`, which was the same before it.
pub(crate) fn copy(to: &mut Manifest, from: &mut Manifest, elements: &[Element]) {
    let (Slot::Value(target), Slot::Value(source)) = (&mut to.wrapper.actions, &from.wrapper.actions) else {
        // Only the top can have changed (see `apply`): it is all there is beside the actions.
        let actions = std::mem::take(&mut to.wrapper.actions);
        to.wrapper = from.wrapper.clone();
        to.wrapper.actions = actions;
        return;
    };
    for element in elements {
        match element {
            Element::Action(index, pointers) => {
                // Texts alone (a rename's providers): those slots are copied, not the whole action.
                let texts: Option<Vec<ActionKey>> =
                    pointers.iter().map(|pointer| text_key_at(pointer, *index)).collect();
                match (texts, target[*index].get_mut(), source[*index].get()) {
                    (Some(keys), Some(to), Some(from)) => {
                        for key in keys {
                            if let (Some(to), Some(from)) = (to.text_mut(key), from.text(key)) {
                                to.clone_from(from);
                            }
                        }
                    }
                    _ => target[*index].clone_from(&source[*index]),
                }
            }
            Element::Spliced { index, removed, added } => {
                target.splice(*index..*index + *removed, source[*index..*index + *added].iter().cloned());
            }
            Element::Top(_) => {}
        }
    }
    if elements.iter().any(|element| matches!(element, Element::Top(_))) {
        // Without its actions, the top is copied (the actions stay where they are on both sides).
        let (theirs, ours) = (std::mem::take(&mut from.wrapper.actions), std::mem::take(&mut to.wrapper.actions));
        to.wrapper = from.wrapper.clone();
        to.shape = from.shape;
        (from.wrapper.actions, to.wrapper.actions) = (theirs, ours);
    }
}

/// The text key of the action at `index` that `pointer` names itself, if it names one.
fn text_key_at(pointer: &str, index: usize) -> Option<ActionKey> {
    let rest = pointer.strip_prefix("/actions/")?.strip_prefix(index.to_string().as_str())?.strip_prefix('/')?;
    let key = ActionKey::parse(rest)?;
    matches!(
        key,
        ActionKey::Provider | ActionKey::Name | ActionKey::Display | ActionKey::Description | ActionKey::Endpoint
    )
    .then_some(key)
}
