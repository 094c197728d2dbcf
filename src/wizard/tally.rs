//! The problems counted per step (those the author sees, and errors still to fill), kept as
//! running totals: a stretch of findings replaced or a finding's visibility changed moves the
//! totals by what changed, so an edit costs the same however many findings the manifest has.

use super::steps::step_of;
use crate::manifest::{Counts, Diagnostic, Manifest, Severity};

/// Counted problems per step.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    /// Visible problems per step.
    pub shown: [Counts; 6],
    /// Errors per step the author has not reached yet (values still to fill).
    pub to_fill: [usize; 6],
}

impl Tally {
    /// Counts `findings` in (`add`) or out, each as `visible` says it shows.
    pub(crate) fn count<'a>(
        &mut self,
        findings: impl IntoIterator<Item = &'a Diagnostic>,
        visible: impl Fn(&Diagnostic) -> bool,
        manifest: &Manifest,
        add: bool,
    ) {
        for diagnostic in findings {
            let visible = visible(diagnostic);
            if !visible && !diagnostic.is_error() {
                continue;
            }
            let step = step_of(&diagnostic.pointer, manifest).index();
            let count = match (visible, diagnostic.severity) {
                (true, Severity::Error) => &mut self.shown[step].errors,
                (true, Severity::Warning) => &mut self.shown[step].warnings,
                (false, _) => &mut self.to_fill[step],
            };
            // Out only what was counted in: the totals never go below zero, even if that broke.
            *count = if add { *count + 1 } else { count.saturating_sub(1) };
        }
    }
}
