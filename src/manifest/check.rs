//! Checking a file's bytes end to end: read, validate, and place every diagnostic at its line and column.

use super::position::locate_all;
use super::read::read_stream;
use super::rules::validate_until;
use super::{Counts, Diagnostic, Manifest, read, validate};
use std::io::BufRead;
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

/// As [`check`], with `beside` run on the manifest while its rules run, each on a core of its own:
/// a command that needs a valid manifest starts its own work before the check ends, and drops it
/// when the check finds errors. `beside` runs only when the text is a JSON object (`None` else).
pub fn check_beside<T: Send>(source: &[u8], beside: impl FnOnce(&Manifest) -> T + Send) -> (Checked, Option<T>) {
    match read(source) {
        Ok(parsed) => {
            let (findings, done) = rayon::join(|| validate(&parsed.manifest), || beside(&parsed.manifest));
            let mut diagnostics = parsed.notes;
            diagnostics.extend(findings);
            locate(source, &mut diagnostics);
            (Checked { manifest: Some(parsed.manifest), diagnostics }, Some(done))
        }
        Err(diagnostic) => {
            let mut diagnostics = vec![diagnostic];
            locate(source, &mut diagnostics);
            (Checked { manifest: None, diagnostics }, None)
        }
    }
}

/// What [`check_stream`] found: every finding (as [`check`] gives them) and what the caller kept
/// of the manifest; `kept` is `None` when the text is not a JSON object.
#[derive(Debug, Clone)]
pub struct CheckedStream<K> {
    /// Every finding, in source order; those without a position last.
    pub diagnostics: Vec<Diagnostic>,
    /// What `keep` took of the manifest.
    pub kept: Option<K>,
}

/// Checks a manifest read from `reader` as it is parsed, for a file too large to hold twice: its
/// text is not held while the manifest is built, and the manifest (but what `keep` takes of it,
/// given the findings without their positions) is let go before the text is read whole for the
/// positions of the findings, by `whole`; a clean manifest's text is never read whole. A file that
/// does not read cleanly in one go (see [`read_stream`]) is checked from its whole text, and `keep`
/// is given the findings with their positions. The findings are those of [`check`] on the same
/// text. Fails only when `whole` fails.
///
/// [`read_stream`]: super::read::read_stream
pub fn check_stream<K, E>(
    reader: impl BufRead,
    whole: impl FnOnce() -> Result<Vec<u8>, E>,
    keep: impl FnOnce(Manifest, &[Diagnostic]) -> K,
) -> Result<CheckedStream<K>, E> {
    check_stream_beside(reader, whole, |_| (), |manifest, (), diagnostics| keep(manifest, diagnostics))
}

/// As [`check_stream`], with `beside` run on the manifest while its rules run, as in
/// [`check_beside`]; `keep` is given what `beside` made too (and may drop it, before the text is
/// read again for the findings' positions). `beside` runs only when the text is a JSON object.
pub fn check_stream_beside<K, T: Send, E>(
    reader: impl BufRead,
    whole: impl FnOnce() -> Result<Vec<u8>, E>,
    beside: impl FnOnce(&Manifest) -> T + Send,
    keep: impl FnOnce(Manifest, T, &[Diagnostic]) -> K,
) -> Result<CheckedStream<K>, E> {
    let Some(parsed) = read_stream(reader) else {
        let source = whole()?;
        let (checked, done) = check_beside(&source, beside);
        drop(source);
        let kept = checked.manifest.zip(done).map(|(manifest, done)| keep(manifest, done, &checked.diagnostics));
        return Ok(CheckedStream { kept, diagnostics: checked.diagnostics });
    };
    let (findings, done) = rayon::join(|| validate(&parsed.manifest), || beside(&parsed.manifest));
    let mut diagnostics = parsed.notes;
    diagnostics.extend(findings);
    let kept = keep(parsed.manifest, done, &diagnostics);
    if diagnostics.iter().any(|diagnostic| diagnostic.position.is_none()) {
        locate(&whole()?, &mut diagnostics);
    }
    Ok(CheckedStream { diagnostics, kept: Some(kept) })
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
    use std::path::Path;

    /// Checks `source` as a stream: the findings and the integration's name.
    fn streamed(source: &[u8]) -> CheckedStream<Option<String>> {
        let name = |manifest: Manifest, _: &[Diagnostic]| {
            manifest.integration().and_then(|i| i.name.as_str().map(str::to_owned))
        };
        let reader = std::io::BufReader::new(source);
        check_stream(reader, || Ok::<_, ()>(source.to_vec()), name).expect("the text is at hand")
    }

    #[test]
    fn a_check_beside_other_work_finds_what_a_check_finds_and_hands_the_work_the_manifest() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files: Vec<_> = ["fuzz/seeds", "assets/examples"]
            .iter()
            .flat_map(|folder| std::fs::read_dir(root.join(folder)).expect("the corpus folder"))
            .map(|entry| entry.expect("a corpus file").path())
            .filter(|path| path.extension().is_some_and(|extension| extension == "json"))
            .collect();
        files.sort();
        let mut with_errors = 0;
        for file in files {
            let source = std::fs::read(&file).expect("a corpus file");
            let whole = check(&source);
            let (beside, actions) = check_beside(&source, |manifest| manifest.actions().count());
            assert_eq!(beside.diagnostics, whole.diagnostics, "{}", file.display());
            assert_eq!(actions, whole.manifest.as_ref().map(|m| m.actions().count()), "{}", file.display());
            with_errors += usize::from(whole.errors() > 0);
        }
        assert!(with_errors > 0, "the corpus has manifests with errors too");
        let (broken, work) = check_beside(b"{\"integration\": ", |_| ());
        assert!(broken.manifest.is_none() && broken.errors() == 1 && work.is_none(), "{broken:?}");
    }

    #[test]
    fn a_streamed_check_finds_what_a_check_of_the_whole_text_finds_at_the_same_places() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files: Vec<_> = ["fuzz/seeds", "assets/examples"]
            .iter()
            .flat_map(|folder| std::fs::read_dir(root.join(folder)).expect("the corpus folder"))
            .map(|entry| entry.expect("a corpus file").path())
            .filter(|path| path.extension().is_some_and(|extension| extension == "json"))
            .collect();
        files.sort();
        assert!(files.len() > 20, "the corpus is there: {files:?}");
        for file in files {
            let source = std::fs::read(&file).expect("a corpus file");
            let whole = check(&source);
            let streamed = streamed(&source);
            assert_eq!(streamed.diagnostics, whole.diagnostics, "{}", file.display());
            let name =
                whole.manifest.as_ref().map(|m| m.integration().and_then(|i| i.name.as_str().map(str::to_owned)));
            assert_eq!(streamed.kept, name, "{}", file.display());
        }
    }

    /// A manifest of `actions` actions of 10 inputs, each action with a finding (an endpoint that
    /// is not a URL), so that the findings need positions.
    fn manifest_with_findings(actions: usize) -> String {
        let inputs: Vec<String> = (0..10)
            .map(|input| {
                format!(r#"{{"key": "field_{input}", "name": "Field {input}", "mandatory": true, "type": "string"}}"#)
            })
            .collect();
        let actions: Vec<String> = (0..actions)
            .map(|action| {
                format!(
                    r#"{{"provider": "bigcrm", "name": "action_{action}", "display": "Action {action}", "description": "Does thing {action}", "endpoint": "not a url {action}", "inputs": [{}]}}"#,
                    inputs.join(", ")
                )
            })
            .collect();
        format!(
            r#"{{"integration": {{"name": "bigcrm", "display_name": "Big CRM", "authentication_type": "none"}}, "actions": [{}]}}"#,
            actions.join(",\n")
        )
    }

    #[test]
    fn a_streamed_check_never_holds_the_text_and_the_manifest_at_once() {
        let source = manifest_with_findings(2_000);
        let whole = allocation_counter::measure(|| {
            let source = source.clone().into_bytes();
            assert!(!check(&source).diagnostics.is_empty(), "the manifest has findings");
        });
        let mut found = 0;
        let streamed = allocation_counter::measure(|| {
            let checked = streamed(source.as_bytes());
            found = checked.diagnostics.iter().filter(|d| d.position.is_some()).count();
        });
        assert!(found >= 2_000, "every finding has its position: {found}");
        // The whole check holds a copy of the text (as a file read whole) beside the manifest.
        assert!(
            streamed.bytes_max + (source.len() as u64) / 2 < whole.bytes_max,
            "peak of a streamed check {} bytes, of a check of the whole text {} bytes, text {} bytes",
            streamed.bytes_max,
            whole.bytes_max,
            source.len()
        );
    }

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
