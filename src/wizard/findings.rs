//! The findings of the manifest being edited, kept by part (the top, each action, each action
//! against the others) and merged into one list sorted by pointer. An edit or an undo re-checks
//! the parts it touched and replaces only their stretch of the list: its cost follows the change,
//! not the manifest, broken or not. The review's order is worked out when the review asks for it.

use super::steps::step_of;
use crate::manifest::rules::{Scope, validate_across_action, validate_part};
use crate::manifest::{Diagnostic, Manifest};
use std::cell::OnceCell;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

/// What an edit touched, for the findings to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Touched {
    /// The wrapper's keys or the integration; `providers` when the integration's name may have
    /// changed, which every action's provider is checked against.
    Top { providers: bool },
    /// Inside one action (it stays where it is); `own` unless only its provider changed (which
    /// only the checks across actions read); `across` when its name or provider may have changed.
    Action { index: usize, own: bool, across: bool },
    /// Anything else (the actions list itself): everything is checked again.
    Everything,
}

/// Every finding, by part and merged.
#[derive(Debug, Clone, Default)]
pub(crate) struct Findings {
    /// Everything but the actions.
    head: Vec<Diagnostic>,
    /// Each action by itself.
    actions: Vec<Vec<Diagnostic>>,
    across: Across,
    /// What reading noted, sorted by pointer as the merged list is.
    notes: Vec<Diagnostic>,
    /// All of the above, sorted by pointer (for look-ups by prefix), in a stable order.
    merged: Vec<Diagnostic>,
    /// Indices into `merged` in the order the review lists them; made when first asked for.
    review: OnceCell<Vec<usize>>,
}

/// The checks across actions, with the actions' names in an index so that a renamed action
/// re-checks only the actions of its old and new names.
#[derive(Debug, Clone, Default)]
struct Across {
    /// The actions list's own findings (not a list).
    list: Vec<Diagnostic>,
    /// Each action against the integration's name and the others.
    each: Vec<Vec<Diagnostic>>,
    /// Each action's name as indexed (None: no name, or not an object).
    named: Vec<Option<String>>,
    /// The actions of each name.
    names: HashMap<String, BTreeSet<usize>>,
}

impl Across {
    fn of(manifest: &Manifest) -> Self {
        let Some(actions) = manifest.wrapper.actions.get() else {
            return Across { list: validate_part(manifest, Scope::AcrossActions), ..Across::default() };
        };
        let mut across = Across::default();
        for index in 0..actions.len() {
            let name = name_of(manifest, index);
            if let Some(name) = &name {
                across.names.entry(name.clone()).or_default().insert(index);
            }
            across.named.push(name);
        }
        across.each = (0..actions.len()).map(|index| across.check(manifest, index)).collect();
        across
    }

    /// The first action named as the action at `index` is.
    fn first(&self, index: usize) -> Option<usize> {
        let name = self.named.get(index)?.as_ref()?;
        self.names.get(name)?.first().copied()
    }

    fn check(&self, manifest: &Manifest, index: usize) -> Vec<Diagnostic> {
        validate_across_action(manifest, index, self.first(index))
    }

    /// Re-checks the action at `index` (its name or provider changed) and the actions whose first
    /// of a name it stops or starts being; returns those whose findings changed.
    fn action_changed(&mut self, manifest: &Manifest, index: usize) -> Vec<usize> {
        let name = name_of(manifest, index);
        let mut affected = vec![index];
        if self.named[index] != name {
            if let Some(old) = self.named[index].take()
                && let Some(set) = self.names.get_mut(&old)
            {
                // The others' findings name the first action of their name.
                if set.first() == Some(&index) {
                    affected.extend(set.iter().copied().filter(|&other| other != index));
                }
                set.remove(&index);
                if set.is_empty() {
                    self.names.remove(&old);
                }
            }
            if let Some(new) = &name {
                let set = self.names.entry(new.clone()).or_default();
                if set.first().is_none_or(|&first| index < first) {
                    affected.extend(set.iter().copied());
                }
                set.insert(index);
            }
            self.named[index] = name;
        }
        self.recheck(manifest, affected)
    }

    /// Checks these actions again; returns those whose findings changed.
    fn recheck(&mut self, manifest: &Manifest, indices: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut changed = Vec::new();
        for index in indices {
            let fresh = self.check(manifest, index);
            if fresh != self.each[index] {
                self.each[index] = fresh;
                changed.push(index);
            }
        }
        changed
    }
}

/// The name of the action at `index`, as the check of repeated names reads it.
fn name_of(manifest: &Manifest, index: usize) -> Option<String> {
    manifest.action(index).and_then(|action| action.name.non_blank()).map(str::to_owned)
}

impl Findings {
    /// Checks the whole manifest; `notes` are what reading noted.
    pub(crate) fn of(manifest: &Manifest, notes: &[Diagnostic]) -> Self {
        let mut notes = notes.to_vec();
        notes.sort_by(|a, b| a.pointer.cmp(&b.pointer));
        let mut findings = Findings {
            head: validate_part(manifest, Scope::Head),
            actions: (0..manifest.action_count()).map(|index| validate_part(manifest, Scope::Action(index))).collect(),
            across: Across::of(manifest),
            notes,
            merged: Vec::new(),
            review: OnceCell::new(),
        };
        findings.merge_all();
        findings
    }

    /// Every finding, sorted by pointer.
    pub(crate) fn merged(&self) -> &[Diagnostic] {
        &self.merged
    }

    /// Indices into [`Findings::merged`] in the review's order: by step, then by place with list
    /// indices compared as numbers.
    pub(crate) fn review_order(&self, manifest: &Manifest) -> &[usize] {
        self.review.get_or_init(|| {
            let mut order: Vec<usize> = (0..self.merged.len()).collect();
            order.sort_by_cached_key(|&index| review_key(&self.merged[index].pointer, manifest));
            order
        })
    }

    /// True when the parts still match the manifest's actions (none added, moved or removed since).
    pub(crate) fn fits(&self, manifest: &Manifest) -> bool {
        self.actions.len() == manifest.action_count() && self.across.each.len() == self.actions.len()
    }

    /// The findings exactly at `pointer`.
    pub(crate) fn at(&self, pointer: &str) -> &[Diagnostic] {
        let start = self.merged.partition_point(|d| d.pointer.as_str() < pointer);
        let end = start + self.merged[start..].partition_point(|d| d.pointer == pointer);
        &self.merged[start..end]
    }

    /// Checks again what `touched` says changed, and merges it in; `notes` as for [`Findings::of`].
    /// `replaced` is told each stretch of the list replaced, before and after; false when the
    /// whole list was made again instead.
    pub(crate) fn recheck(
        &mut self,
        manifest: &Manifest,
        notes: &[Diagnostic],
        touched: Touched,
        replaced: &mut dyn FnMut(&[Diagnostic], &[Diagnostic]),
    ) -> bool {
        self.review = OnceCell::new();
        match touched {
            Touched::Action { index, own, across } if self.fits(manifest) && index < self.actions.len() => {
                if own {
                    self.actions[index] = validate_part(manifest, Scope::Action(index));
                }
                let changed = if across { self.across.action_changed(manifest, index) } else { Vec::new() };
                if own {
                    self.merge_action(index, replaced);
                }
                // The others (and this one, when its own findings stayed) changed where the checks
                // across actions report only.
                for other in changed.into_iter().filter(|&other| other != index || !own) {
                    self.merge_across(other, replaced);
                }
            }
            Touched::Top { providers } if self.fits(manifest) => {
                self.head = validate_part(manifest, Scope::Head);
                self.merge_top(replaced);
                if providers {
                    // Every provider is checked against the integration's name: a rename is
                    // written into every action anyway (see `Manifest::rename_integration`).
                    let changed = self.across.recheck(manifest, 0..self.actions.len());
                    if changed.len() > MANY {
                        // Each stretch replaced moves the rest of the list: many go in one pass.
                        self.merge_across_many(&changed, replaced);
                    } else {
                        changed.into_iter().for_each(|index| self.merge_across(index, replaced));
                    }
                }
            }
            _ => {
                *self = Findings::of(manifest, notes);
                return false;
            }
        }
        true
    }

    /// Merges every part into the list (after a check of the whole manifest).
    fn merge_all(&mut self) {
        let mut merged = Vec::with_capacity(self.notes.len() + self.head.len() + self.across.list.len());
        merged.extend(self.notes.iter().cloned());
        merged.extend(self.head.iter().cloned());
        merged.extend(self.actions.iter().flatten().cloned());
        merged.extend(self.across.list.iter().cloned());
        merged.extend(self.across.each.iter().flatten().cloned());
        // Stable: findings at one pointer keep the order above, as the stretches merged below do.
        merged.sort_by(|a, b| a.pointer.cmp(&b.pointer));
        self.merged = merged;
    }

    /// Replaces the stretch of the list that holds the action at `index`'s findings.
    fn merge_action(&mut self, index: usize, replaced: &mut dyn FnMut(&[Diagnostic], &[Diagnostic])) {
        let (start, end) = (format!("/actions/{index}"), format!("/actions/{index}0"));
        let mut fresh: Vec<Diagnostic> = self.notes[between(&self.notes, &start, &end)].to_vec();
        fresh.extend(self.actions[index].iter().cloned());
        fresh.extend(self.across.each[index].iter().cloned());
        fresh.sort_by(|a, b| a.pointer.cmp(&b.pointer));
        let range = between(&self.merged, &start, &end);
        replaced(&self.merged[range.clone()], &fresh);
        self.merged.splice(range, fresh);
    }

    /// Replaces the findings at the action at `index`'s name and provider, where the checks across
    /// actions report (its other findings did not change: they are not copied).
    fn merge_across(&mut self, index: usize, replaced: &mut dyn FnMut(&[Diagnostic], &[Diagnostic])) {
        debug_assert!(
            self.across.each[index].iter().all(|d| d.pointer.ends_with("/name") || d.pointer.ends_with("/provider")),
            "the checks across actions report at names and providers"
        );
        for key in ["name", "provider"] {
            let pointer = format!("/actions/{index}/{key}");
            let at = |list: &[Diagnostic]| {
                let start = list.partition_point(|d| d.pointer < pointer);
                start..start + list[start..].partition_point(|d| d.pointer == pointer)
            };
            let mut fresh: Vec<Diagnostic> = self.notes[at(&self.notes)].to_vec();
            let parts = self.actions[index].iter().chain(&self.across.each[index]);
            fresh.extend(parts.filter(|d| d.pointer == pointer).cloned());
            let range = at(&self.merged);
            if self.merged[range.clone()] != fresh[..] {
                replaced(&self.merged[range.clone()], &fresh);
                self.merged.splice(range, fresh);
            }
        }
    }

    /// As [`Findings::merge_across`] for many actions (`indices`, in order) at once: the list is
    /// made again in one pass, the findings that stay moved into it, not copied.
    fn merge_across_many(&mut self, indices: &[usize], replaced: &mut dyn FnMut(&[Diagnostic], &[Diagnostic])) {
        let mut places: Vec<(String, usize)> = indices
            .iter()
            .flat_map(|&index| ["name", "provider"].map(|key| (format!("/actions/{index}/{key}"), index)))
            .collect();
        places.sort();
        let old = std::mem::take(&mut self.merged);
        // Room for the findings that stay and those of these places (a few each, as a rule).
        let mut merged = Vec::with_capacity(old.len() + places.len());
        let (mut removed, mut added) = (Vec::new(), Vec::new());
        let mut next = places.iter().peekable();
        let fresh = |(pointer, index): &(String, usize), added: &mut Vec<Diagnostic>| {
            let start = self.notes.partition_point(|d| d.pointer < *pointer);
            added.extend(self.notes[start..].iter().take_while(|d| d.pointer == *pointer).cloned());
            let parts = self.actions[*index].iter().chain(&self.across.each[*index]);
            added.extend(parts.filter(|d| d.pointer == *pointer).cloned());
        };
        for diagnostic in old {
            while let Some(place) = next.next_if(|(pointer, _)| *pointer < diagnostic.pointer) {
                let from = added.len();
                fresh(place, &mut added);
                merged.extend(added[from..].iter().cloned());
            }
            match next.peek() {
                Some((pointer, _)) if *pointer == diagnostic.pointer => removed.push(diagnostic),
                _ => merged.push(diagnostic),
            }
        }
        for place in next {
            let from = added.len();
            fresh(place, &mut added);
            merged.extend(added[from..].iter().cloned());
        }
        replaced(&removed, &added);
        self.merged = merged;
    }

    /// Replaces everything outside the actions' stretches: what is about the top.
    fn merge_top(&mut self, replaced: &mut dyn FnMut(&[Diagnostic], &[Diagnostic])) {
        let (start, end) = (ACTIONS_START, ACTIONS_END);
        let actions = between(&self.notes, start, end);
        let mut fresh: Vec<Diagnostic> = self.notes[..actions.start].to_vec();
        fresh.extend(self.notes[actions.end..].iter().cloned());
        fresh.extend(self.head.iter().cloned());
        fresh.extend(self.across.list.iter().cloned());
        fresh.sort_by(|a, b| a.pointer.cmp(&b.pointer));
        let split = fresh.partition_point(|d| d.pointer.as_str() < start);
        let after = fresh.split_off(split);
        let range = between(&self.merged, start, end);
        replaced(&self.merged[..range.start], &fresh);
        replaced(&self.merged[range.end..], &after);
        // The end first: the start's length moves what follows it.
        self.merged.splice(range.end.., after);
        self.merged.splice(..range.start, fresh);
    }
}

/// More actions than this whose findings changed at once (a rename's providers) are merged by
/// making the list again, in one pass, rather than one stretch at a time.
const MANY: usize = 64;

/// Where the findings inside the actions' items begin and end, in pointer order ('0' follows '/').
const ACTIONS_START: &str = "/actions/";
const ACTIONS_END: &str = "/actions0";

/// The stretch of a list sorted by pointer whose pointers are at or after `start` and before `end`.
fn between(sorted: &[Diagnostic], start: &str, end: &str) -> Range<usize> {
    let from = sorted.partition_point(|d| d.pointer.as_str() < start);
    from..from + sorted[from..].partition_point(|d| d.pointer.as_str() < end)
}

/// Where a finding comes in the review: its step, then its place with list indices compared as numbers.
fn review_key(pointer: &str, manifest: &Manifest) -> (usize, Vec<(u64, String)>) {
    let tokens = pointer.split('/').map(|token| match token.parse::<u64>() {
        Ok(number) => (number, String::new()),
        Err(_) => (u64::MAX, token.to_owned()),
    });
    (step_of(pointer, manifest).index(), tokens.collect())
}
