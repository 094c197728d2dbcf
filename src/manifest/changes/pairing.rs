//! Pairing the elements of two lists by identity (a name or key), then finding renames among the rest.

use crate::manifest::Slot;
use foldhash::{HashMap, HashMapExt};
use serde::Serialize;

/// What identifies a list element: its name, or for an element without one, its JSON text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Identity<'a> {
    Name(&'a str),
    Text(String),
}

impl Identity<'_> {
    /// How the element is named in a change: its name quoted, or its JSON text.
    pub(super) fn shown(&self) -> String {
        match self {
            Identity::Name(name) => crate::escape::quoted(name),
            Identity::Text(text) => crate::escape::quoted(text),
        }
    }
}

/// How the elements of the old list relate to those of the new one (indices into each).
#[derive(Debug, Default)]
pub(super) struct Pairing {
    /// Same identity on both sides: (old, new), in the new list's order.
    pub kept: Vec<(usize, usize)>,
    /// A new identity for an element otherwise unchanged: (old, new).
    pub renamed: Vec<(usize, usize)>,
    /// Only in the old list.
    pub removed: Vec<usize>,
    /// Only in the new list.
    pub added: Vec<usize>,
}

/// Pairs `old` and `new` by `identity` (the n-th element with a name pairs with the n-th of the
/// same name, so a duplicate is not lost); then each old element left is a rename of the first
/// new one left that `same_but_identity` finds equal to it.
pub(super) fn pair<'a, T: Serialize>(
    old: &'a [Slot<T>],
    new: &'a [Slot<T>],
    name: impl Fn(&'a T) -> Option<&'a str>,
    same_but_identity: impl Fn(&T, &T) -> bool,
) -> Pairing {
    let identity = |slot: &'a Slot<T>| match slot.get().and_then(&name) {
        Some(name) => Identity::Name(name),
        None => Identity::Text(serde_json::to_string(slot).unwrap_or_default()),
    };
    let mut old_by_identity: HashMap<(Identity<'a>, usize), usize> = HashMap::with_capacity(old.len());
    let mut seen: HashMap<Identity<'a>, usize> = HashMap::new();
    let mut occurrence = |id: &Identity<'a>| {
        let count = seen.entry(id.clone()).or_insert(0);
        *count += 1;
        *count
    };
    for (index, slot) in old.iter().enumerate() {
        let id = identity(slot);
        let nth = occurrence(&id);
        old_by_identity.insert((id, nth), index);
    }
    seen.clear();
    let mut pairing = Pairing::default();
    let mut matched = vec![false; old.len()];
    let mut occurrence = |id: &Identity<'a>| {
        let count = seen.entry(id.clone()).or_insert(0);
        *count += 1;
        *count
    };
    for (index, slot) in new.iter().enumerate() {
        let id = identity(slot);
        let nth = occurrence(&id);
        match old_by_identity.get(&(id, nth)) {
            Some(&old_index) => {
                matched[old_index] = true;
                pairing.kept.push((old_index, index));
            }
            None => pairing.added.push(index),
        }
    }
    for (old_index, slot) in old.iter().enumerate().filter(|(index, _)| !matched[*index]) {
        let rename = slot.get().filter(|before| name(before).is_some()).and_then(|before| {
            pairing.added.iter().position(|&new_index| {
                new[new_index].get().is_some_and(|after| name(after).is_some() && same_but_identity(before, after))
            })
        });
        match rename {
            Some(position) => {
                let new_index = pairing.added.remove(position);
                pairing.renamed.push((old_index, new_index));
            }
            None => pairing.removed.push(old_index),
        }
    }
    pairing
}
