//! Checking a file's bytes end to end: read, validate, and place every diagnostic at its line and column.

use super::position::locate_all;
use super::rules::validate_until;
use super::{Counts, Diagnostic, Manifest, read};
use std::sync::atomic::{AtomicBool, Ordering};

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
    // Never stopped: there is always a result.
    check_until(source, &AtomicBool::new(false)).unwrap_or(Checked { manifest: None, diagnostics: Vec::new() })
}

/// As [`check`], giving up once `stop` is set (after reading, between actions, before placing the
/// findings): `None` then. An editor stops the check of a text the author has changed since.
pub fn check_until(source: &[u8], stop: &AtomicBool) -> Option<Checked> {
    let stopped = || stop.load(Ordering::Relaxed);
    let (manifest, mut diagnostics) = match read(source) {
        Ok(parsed) => {
            if stopped() {
                return None;
            }
            let mut diagnostics = parsed.notes;
            diagnostics.extend(validate_until(&parsed.manifest, stop)?);
            (Some(parsed.manifest), diagnostics)
        }
        Err(diagnostic) => (None, vec![diagnostic]),
    };
    if stopped() {
        return None;
    }
    locate(source, &mut diagnostics);
    Some(Checked { manifest, diagnostics })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stopped_check_gives_nothing_and_a_running_one_everything() {
        let text = include_str!("../../assets/examples/mycrm.json").replacen("\"My CRM\"", "\" \"", 1);
        assert!(check_until(text.as_bytes(), &AtomicBool::new(true)).is_none());
        let checked = check_until(text.as_bytes(), &AtomicBool::new(false)).expect("not stopped");
        assert_eq!(checked.diagnostics, check(text.as_bytes()).diagnostics);
        assert!(checked.errors() > 0);
    }

    #[test]
    fn the_rules_stop_between_actions_once_told() {
        let text = include_str!("../../assets/examples/mycrm.json").replacen("\"My CRM\"", "\" \"", 1);
        let manifest = read(text.as_bytes()).expect("a manifest").manifest;
        assert!(validate_until(&manifest, &AtomicBool::new(true)).is_none());
        let all = validate_until(&manifest, &AtomicBool::new(false)).expect("not stopped");
        assert_eq!(all, super::super::validate(&manifest));
    }
}
