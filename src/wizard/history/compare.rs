//! Finds what a change changed without writing the whole manifest as JSON: the manifest after the
//! previous change is compared with the current one as typed values (cheap), and only the parts
//! that differ (the top without its actions, and the actions that changed) are turned into JSON
//! and compared as such. A manifest of 2,000 actions records an edit of one action in about the time
//! that action takes to write.

use super::patch::{Patch, diff, diff_at};
use crate::manifest::model::{Action, Integration, List, Wrapper};
use crate::manifest::{ActionKey, Json, Manifest, Shape, Slot, part_tree, to_tree};

/// Where the edits since the last change were made, as far as they say: only that part is compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Inside this one action.
    Action(usize),
    /// In the top of the manifest (the integration), not in its actions.
    Top,
    /// Anywhere, or not known.
    Everything,
}

/// The patches that turn `old` into `new`; `old` is brought up to date with `new` on the way (only
/// the parts that differ are copied). Both are as they were on return, apart from that.
pub(super) fn catch_up(old: &mut Manifest, new: &mut Manifest, scope: Scope) -> Vec<Patch> {
    let patches = catch_up_in(old, new, scope, true);
    // An edit that changed more than its pointer says would be missed here: tests catch it.
    debug_assert!(old == new, "the {scope:?} comparison missed a change");
    patches
}

/// The patches that turn `old` into `new`, as [`catch_up`] finds them, leaving `old` as it was:
/// what a draft needs of an edit not recorded yet. It costs what the edits' part costs to compare.
pub(super) fn differences(old: &mut Manifest, new: &mut Manifest, scope: Scope) -> Vec<Patch> {
    catch_up_in(old, new, scope, false)
}

/// The patches from `old` to `new`; `old` is brought up to date on the way when `update`.
fn catch_up_in(old: &mut Manifest, new: &mut Manifest, scope: Scope, update: bool) -> Vec<Patch> {
    let scoped = old.written_shape() == Shape::Wrapper && new.written_shape() == Shape::Wrapper;
    if scoped
        && let Scope::Action(index) = scope
        && let (Slot::Value(before), Slot::Value(after)) = (&mut old.wrapper.actions, &new.wrapper.actions)
        && before.len() == after.len()
        && let (Some(before), Some(after)) = (before.get_mut(index), after.get(index))
    {
        if before == after {
            return Vec::new();
        }
        let patches = diff_at(format!("/actions/{index}"), &part_tree(before), &part_tree(after));
        if update {
            *before = after.clone();
        }
        return patches;
    }
    if scoped && let Some(patches) = catch_up_parts(old, new, scope == Scope::Top, update) {
        return patches;
    }
    if old == new {
        return Vec::new();
    }
    let patches = diff(&to_tree(old), &to_tree(new));
    if update {
        *old = new.clone();
    }
    patches
}

/// The top without its actions, then the actions (unless `top_only`); None when the top gained or
/// lost keys (a patch of the whole top would have to hold the actions too).
fn catch_up_parts(old: &mut Manifest, new: &mut Manifest, top_only: bool, update: bool) -> Option<Vec<Patch>> {
    let old_actions = std::mem::take(&mut old.wrapper.actions);
    let new_actions = std::mem::take(&mut new.wrapper.actions);
    let mut patches = if old.wrapper == new.wrapper {
        Vec::new()
    } else {
        integration_patches(&old.wrapper, &new.wrapper)
            .unwrap_or_else(|| diff(&part_tree(&old.wrapper), &part_tree(&new.wrapper)))
    };
    let whole_top = patches.iter().any(|patch| patch.pointer().is_empty());
    let actions = if top_only { Some(Vec::new()) } else { actions_patches(&old_actions, &new_actions) };
    let actions_changed = actions.as_ref().is_some_and(|patches| !patches.is_empty());
    let fits = !whole_top && actions.is_some();
    if update && fits && old.wrapper != new.wrapper {
        // Without its actions, the top is small to copy, but for a huge value in the integration:
        // only the integration's keys that changed are copied, when nothing else did.
        if let (Slot::Value(before), Slot::Value(after)) = (&mut old.wrapper.integration, &new.wrapper.integration)
            && old.wrapper.schema == new.wrapper.schema
            && old.wrapper.requires_cti == new.wrapper.requires_cti
            && old.wrapper.extra == new.wrapper.extra
        {
            follow_integration(before, after);
        } else {
            old.wrapper = new.wrapper.clone();
        }
        old.shape = new.shape;
    }
    old.wrapper.actions = old_actions;
    new.wrapper.actions = new_actions;
    let actions = actions.filter(|_| fits)?;
    if update && actions_changed {
        catch_up_actions(&mut old.wrapper.actions, &new.wrapper.actions);
    }
    patches.extend(actions);
    Some(patches)
}

/// Calls the macro `$then` with every key of the integration but `extra`, each key's JSON name
/// being its field's name: the one list the patches and the copy below go through.
macro_rules! integration_keys {
    ($then:ident) => {
        $then! {
            name,
            display_name,
            description,
            logo_url,
            icon_url,
            authentication_type,
            authentication_configuration,
            auth_validation_endpoint,
            contact_synchronization_endpoint,
            interaction_retrieval_endpoint,
            agent_synchronization_endpoint,
            interaction_types
        }
    };
}

/// Makes `every_field_is_listed` from the list above: its pattern names each listed field and
/// `extra`, with no `..`, so a field added to `Integration` does not compile until it is listed.
macro_rules! every_field_is_listed {
    ($($field:ident),*) => {
        /// Never called: it only has to compile.
        #[allow(dead_code)]
        fn every_field_is_listed(integration: &Integration) {
            let Integration { $($field: _,)* extra: _ } = integration;
        }
    };
}
integration_keys!(every_field_is_listed);

/// The patches of the top (its actions left out) when only values of the integration's keys
/// changed, each compared alone: typing in one field does not turn the others into JSON (a
/// description of megabytes, say). None when anything else changed (a key added or removed, the
/// integration replaced, a key of the wrapper): the whole top is compared then.
fn integration_patches(old: &Wrapper, new: &Wrapper) -> Option<Vec<Patch>> {
    let (Slot::Value(before), Slot::Value(after)) = (&old.integration, &new.integration) else { return None };
    if old.schema != new.schema || old.requires_cti != new.requires_cti || old.extra != new.extra {
        return None;
    }
    if before.extra != after.extra {
        return None;
    }
    let mut patches = Vec::new();
    macro_rules! compare {
        ($($field:ident),*) => {$(
            if before.$field != after.$field {
                // A key added or removed changes the object's keys: the whole top is compared.
                if before.$field.is_absent() || after.$field.is_absent() {
                    return None;
                }
                let at = concat!("/integration/", stringify!($field)).to_owned();
                patches.extend(diff_at(at, &part_tree(&before.$field), &part_tree(&after.$field)));
            }
        )*};
    }
    integration_keys!(compare);
    Some(patches)
}

/// Copies into `old` the keys of `new` that differ (every key of the integration, spelled out).
fn follow_integration(old: &mut Integration, new: &Integration) {
    macro_rules! follow {
        ($($field:ident),*) => {$(
            if old.$field != new.$field {
                old.$field.clone_from(&new.$field);
            }
        )*};
    }
    integration_keys!(follow);
    follow!(extra);
}

/// The middle of two lists that differs: the common start and end are left out.
fn middle<'a, T: PartialEq>(old: &'a [T], new: &'a [T]) -> (usize, &'a [T], &'a [T]) {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let room = old.len().min(new.len()) - prefix;
    let suffix = old.iter().rev().zip(new.iter().rev()).take(room).take_while(|(a, b)| a == b).count();
    (prefix, &old[prefix..old.len() - suffix], &new[prefix..new.len() - suffix])
}

/// The patches of the actions list; None when it is not a list on both sides and differs.
fn actions_patches(old: &Slot<List<Action>>, new: &Slot<List<Action>>) -> Option<Vec<Patch>> {
    let (Slot::Value(old), Slot::Value(new)) = (old, new) else {
        return (old == new).then(Vec::new);
    };
    let (index, removed, added) = middle(old, new);
    if removed.len() != added.len() {
        let old = removed.iter().map(part_tree).collect();
        let new = added.iter().map(part_tree).collect();
        return Some(vec![Patch::Splice { at: "/actions".into(), index, old, new }]);
    }
    let mut patches = Vec::new();
    for (offset, (a, b)) in removed.iter().zip(added).enumerate().filter(|(_, (a, b))| a != b) {
        let at = index + offset;
        match provider_patch(at, a, b) {
            Some(patch) => patches.push(patch),
            None => patches.extend(diff_at(format!("/actions/{at}"), &part_tree(a), &part_tree(b))),
        }
    }
    Some(patches)
}

/// The patch of action `at` when only its provider changed, from one text to another or between a
/// text and nothing: what renaming the integration does to every action (their providers follow
/// its name; an empty name removes them). Made without turning the actions into JSON, so a rename
/// costs little per action, however large they are.
fn provider_patch(at: usize, old: &Slot<Action>, new: &Slot<Action>) -> Option<Patch> {
    let (Slot::Value(old), Slot::Value(new)) = (old, new) else { return None };
    if !only_provider_differs(old, new) {
        return None;
    }
    let text = |slot: &Slot<String>| match slot {
        Slot::Value(text) => Some(Some(Json::String(text.clone()))),
        Slot::Absent => Some(None),
        _ => None,
    };
    Some(match (text(&old.provider)?, text(&new.provider)?) {
        (Some(old), Some(new)) => Patch::Replace { at: format!("/actions/{at}/provider"), old, new },
        // The provider is an action's first key as written, where it is.
        (old, new) => {
            Patch::Member { at: format!("/actions/{at}"), key: ActionKey::Provider.as_str().into(), index: 0, old, new }
        }
    })
}

/// True when the two actions are the same but (perhaps) for their provider.
fn only_provider_differs(old: &Action, new: &Action) -> bool {
    // Spelled out field by field, so that a key added to actions must be added here too.
    let Action { provider: _, name, display, description, endpoint, inputs, extra } = old;
    *name == new.name
        && *display == new.display
        && *description == new.description
        && *endpoint == new.endpoint
        && *inputs == new.inputs
        && *extra == new.extra
}

/// Copies into `old` the actions of `new` that differ.
fn catch_up_actions(old: &mut Slot<List<Action>>, new: &Slot<List<Action>>) {
    match (old, new) {
        (Slot::Value(old), Slot::Value(new)) if old.len() == new.len() => {
            for (old, new) in old.iter_mut().zip(new).filter(|(old, new)| old != new) {
                match (&mut *old, new) {
                    // A renamed integration's actions: only the provider is copied, not each action.
                    (Slot::Value(before), Slot::Value(after)) if only_provider_differs(before, after) => {
                        before.provider.clone_from(&after.provider);
                    }
                    (old, new) => *old = new.clone(),
                }
            }
        }
        (Slot::Value(old), Slot::Value(new)) => {
            let (index, removed, added) = middle(old, new);
            let (removed, added) = (removed.len(), added.to_vec());
            old.splice(index..index + removed, added);
        }
        (old, new) => *old = new.clone(),
    }
}
