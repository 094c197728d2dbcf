//! Checking a file's bytes end to end: read, validate, and place every diagnostic at its line and column.

use super::position::locate_all;
use super::{Counts, Diagnostic, Manifest, read, validate};

/// The result of checking one manifest's source text.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The manifest, when the source is a JSON object.
    pub manifest: Option<Manifest>,
    /// Every finding, in source order; those without a position last.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// How many errors were found.
    pub fn errors(&self) -> usize {
        Counts::of(&self.diagnostics).errors
    }

    /// How many warnings were found.
    pub fn warnings(&self) -> usize {
        Counts::of(&self.diagnostics).warnings
    }
}

/// Reads and validates `source`, then fills in the line and column of each diagnostic.
pub fn check(source: &[u8]) -> Checked {
    let (manifest, mut diagnostics) = match read(source) {
        Ok(parsed) => {
            let mut diagnostics = parsed.notes;
            diagnostics.extend(validate(&parsed.manifest));
            (Some(parsed.manifest), diagnostics)
        }
        Err(diagnostic) => (None, vec![diagnostic]),
    };
    locate(source, &mut diagnostics);
    Checked { manifest, diagnostics }
}

/// Fills in positions that are not known yet, in one pass over the text.
pub(crate) fn locate(source: &[u8], diagnostics: &mut [Diagnostic]) {
    let unplaced: Vec<usize> = (0..diagnostics.len()).filter(|&index| diagnostics[index].position.is_none()).collect();
    if unplaced.is_empty() {
        return;
    }
    let text = String::from_utf8_lossy(source);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let pointers: Vec<&str> = unplaced.iter().map(|&index| diagnostics[index].pointer.as_str()).collect();
    let positions = locate_all(text, &pointers);
    for (index, position) in unplaced.into_iter().zip(positions) {
        diagnostics[index].position = position;
    }
    // Stable: diagnostics at one place keep the order the rules gave them.
    diagnostics.sort_by_key(|diagnostic| diagnostic.position.map_or((usize::MAX, usize::MAX), |p| (p.line, p.column)));
}
