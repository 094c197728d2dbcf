//! How a copy of the manifest kept away from the loop (the draft writer's) follows the history's
//! baseline without the loop copying the manifest: the history notes each change it does or undoes
//! (the changes are shared, not copied), and the copy applies those notes to itself, on its own thread.
//!
//! The notes start from the baseline the history began with (`origin`, shared). Once a copy has
//! followed some notes they are forgotten, and so is the origin: memory stays in proportion to
//! what changed since the last draft. A copy that was lost (its thread failed) starts again from
//! a copy of the baseline: the only time the loop copies the manifest, and only after a failure.

use super::Change;
use crate::manifest::{Json, Manifest};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Tells histories apart: another document, or recovered work, starts a history of its own.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// One move of the baseline: a change done (`forwards`) or undone.
#[derive(Debug, Clone)]
pub(crate) struct Move {
    change: Arc<Change>,
    forwards: bool,
}

impl Move {
    /// Applies the move to `value`, the baseline as a tree before it; false when it does not fit.
    pub(crate) fn apply(&self, value: &mut Json) -> bool {
        let patches = &self.change.patches;
        if self.forwards {
            patches.iter().all(|patch| patch.apply(value, true))
        } else {
            patches.iter().rev().all(|patch| patch.apply(value, false))
        }
    }
}

/// Where a copy that follows a history's baseline stands: which history, after how many moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mark {
    history: u64,
    moves: usize,
}

/// What a copy needs to be the baseline again.
#[derive(Debug)]
pub(crate) enum CatchUp {
    /// The moves made since its mark, oldest first.
    Moves(Vec<Move>),
    /// Starting again (a new history, or a copy lost): this manifest, then these moves.
    Restart(Arc<Manifest>, Vec<Move>),
}

/// The moves of a history's baseline since it began (or since a copy last followed them).
#[derive(Debug, Clone)]
pub(super) struct Journal {
    id: u64,
    /// The baseline when the history began; None once a copy followed past it.
    origin: Option<Arc<Manifest>>,
    /// How many moves were forgotten before the first one kept.
    forgotten: usize,
    moves: Vec<Move>,
}

impl Journal {
    /// A journal of a history whose baseline is `origin` now.
    pub(super) fn new(origin: Arc<Manifest>) -> Self {
        Journal { id: NEXT_ID.fetch_add(1, Ordering::Relaxed), origin: Some(origin), forgotten: 0, moves: Vec::new() }
    }

    /// Notes that the baseline moved by `change`, done (`forwards`) or undone.
    pub(super) fn moved(&mut self, change: &Arc<Change>, forwards: bool) {
        self.moves.push(Move { change: Arc::clone(change), forwards });
    }

    /// What a copy at `mark` (None for one not started yet) needs to be `baseline` again, and its
    /// mark after that. What it follows from here on is forgotten; copying `baseline` happens only
    /// when the copy was lost after the origin was forgotten.
    pub(super) fn catch_up(&mut self, mark: Option<Mark>, baseline: &Manifest) -> (CatchUp, Mark) {
        let end = self.forgotten + self.moves.len();
        let after = Mark { history: self.id, moves: end };
        if let Some(mark) = mark.filter(|mark| mark.history == self.id && (self.forgotten..=end).contains(&mark.moves))
        {
            self.moves.drain(..mark.moves - self.forgotten);
            self.forgotten = mark.moves;
            self.origin = None;
            return (CatchUp::Moves(self.moves.clone()), after);
        }
        let origin = match &self.origin {
            Some(origin) => Arc::clone(origin),
            None => {
                let origin = Arc::new(baseline.clone());
                self.origin = Some(Arc::clone(&origin));
                self.moves.clear();
                self.forgotten = end;
                origin
            }
        };
        (CatchUp::Restart(origin, self.moves.clone()), after)
    }
}
