//! Reading a manifest a command needs free of errors: otherwise its errors are listed as `validate` lists them and the command is refused.
//!
//! The file is parsed as it is read and hashed on the way, so its text is never held beside the
//! manifest (for a large manifest the text is as big again as what the command needs); it is
//! read whole again only to place the findings of a manifest that has some. A command that holds
//! as much as the text anyway (`export`, whose documents are as big) reads it whole first: parsing
//! text in memory is faster than parsing a stream.

use super::exit;
use super::files;
use super::report::text_line;
use crate::escape;
use crate::fingerprint;
use crate::manifest::check::{check_beside, check_stream_beside};
use crate::manifest::{Counts, Diagnostic, Manifest};
use crate::output;
use crate::storage::{self, ReadError};
use std::path::Path;

/// A manifest without errors, the fingerprint of the bytes it was read from, and its warnings.
#[derive(Debug)]
pub(super) struct Valid {
    /// The SHA-256 of the file's bytes in hex, as `sha256sum` prints it.
    pub sha256: String,
    pub manifest: Manifest,
    /// What checking it found: warnings only.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads and checks `file` for `command` ("export"); `again` says how to run it again ("export
/// again"). When the file cannot be read, changed while it was read or has errors, says why on
/// standard error and returns the exit code.
pub(super) fn read_valid(file: &Path, command: &str, again: &str) -> Result<Valid, u8> {
    read_valid_beside(file, Reading::Streamed, command, again, |_| ()).map(|(valid, ())| valid)
}

/// How a manifest is read: as it is parsed, or whole first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reading {
    /// Parsed as it is read: its text is never held beside the manifest.
    Streamed,
    /// Read whole, then parsed (faster; the text is held until the manifest is made).
    Whole,
}

/// As [`read_valid`], with `beside` run on the manifest while it is checked (see
/// [`check_stream_beside`]); its result is dropped when the manifest is refused.
pub(super) fn read_valid_beside<T: Send>(
    file: &Path,
    reading: Reading,
    command: &str,
    again: &str,
    beside: impl FnOnce(&Manifest) -> T + Send,
) -> Result<(Valid, T), u8> {
    // The path is printed escaped; `text_line` escapes the one it is given itself.
    let raw = file.display().to_string();
    let shown = escape::line(&raw);
    let read = match reading {
        Reading::Streamed => storage::open_file(file)
            .map_err(|error| Unread::Unreadable(error.to_string()))
            .and_then(|(opened, _)| read_checked(opened, || files::read(file), beside)),
        Reading::Whole => files::read(file).map(|source| read_whole(&source, beside)).map_err(Unread::Unreadable),
    };
    let Parsed { sha256, valid, diagnostics } = match read {
        Ok(read) => read,
        Err(Unread::Unreadable(reason)) => {
            output::message(format!("{shown}: {reason}"));
            return Err(exit::USAGE);
        }
        Err(Unread::Changed) => {
            output::message(format!(
                "{command} refused: {shown} changed while it was read; {again} once nothing is writing to it"
            ));
            return Err(exit::USAGE);
        }
    };
    let errors = Counts::of(&diagnostics).errors;
    match valid {
        Some((manifest, done)) if errors == 0 => {
            // Warnings do not stop the command, but what goes to Talkdesk should not carry them unseen.
            let warnings = diagnostics.len();
            if warnings > 0 {
                output::message(format!(
                    "note: {shown} has {warnings} warning(s); `integration-wizard validate {shown}` lists them"
                ));
            }
            Ok((Valid { sha256, manifest, diagnostics }, done))
        }
        _ => {
            for diagnostic in diagnostics.iter().filter(|d| d.is_error()) {
                output::message(text_line(&raw, diagnostic));
            }
            output::message(format!(
                "{command} refused: {shown} has {errors} error(s); fix them (see `integration-wizard validate {shown}`) and {again}"
            ));
            Err(exit::INVALID)
        }
    }
}

/// A manifest read as it was parsed: the fingerprint of its bytes, the manifest and what was
/// made beside its check when it has no errors, and every finding at its place.
#[derive(Debug)]
struct Parsed<T> {
    sha256: String,
    valid: Option<(Manifest, T)>,
    diagnostics: Vec<Diagnostic>,
}

/// Why a manifest was not read.
#[derive(Debug, PartialEq)]
enum Unread {
    /// The file cannot be read: why, and what to do.
    Unreadable(String),
    /// Its two readings differ: what was checked is not what the fingerprint says.
    Changed,
}

/// Parses `opened` as it is read, hashing its bytes on a thread of its own, and runs `beside` on the manifest
/// while it is checked. `whole` reads the file again, only for a manifest with findings to place or
/// one that does not read cleanly in one go (see [`check_stream_beside`]); what it reads must hash
/// as the first reading did, or the file changed meanwhile.
fn read_checked<T: Send>(
    opened: impl std::io::Read + Send,
    whole: impl FnOnce() -> Result<Vec<u8>, String>,
    beside: impl FnOnce(&Manifest) -> T + Send,
) -> Result<Parsed<T>, Unread> {
    let mut whole_sha256 = None;
    let whole = || {
        let source = whole()?;
        whole_sha256 = Some(fingerprint::hex(&source));
        Ok(source)
    };
    // A manifest with errors, and what was made beside its check, are let go at once: its text
    // may be read again to place them.
    let keep =
        |manifest, done, diagnostics: &[Diagnostic]| (Counts::of(diagnostics).errors == 0).then_some((manifest, done));
    let read = fingerprint::read_hashed(opened, |reader| check_stream_beside(reader, whole, beside, keep));
    let (checked, sha256) = read.map_err(|error| Unread::Unreadable(ReadError::from(error).to_string()))?;
    let checked = checked.map_err(Unread::Unreadable)?;
    if whole_sha256.is_some_and(|whole| whole != sha256) {
        return Err(Unread::Changed);
    }
    Ok(Parsed { sha256, valid: checked.kept.flatten(), diagnostics: checked.diagnostics })
}

/// Checks the whole text `source`, hashing it on another core, and runs `beside` on the manifest
/// while it is checked.
fn read_whole<T: Send>(source: &[u8], beside: impl FnOnce(&Manifest) -> T + Send) -> Parsed<T> {
    let (sha256, (checked, done)) = rayon::join(|| fingerprint::hex(source), || check_beside(source, beside));
    let clean = Counts::of(&checked.diagnostics).errors == 0;
    let valid = checked.manifest.zip(done).filter(|_| clean);
    Parsed { sha256, valid, diagnostics: checked.diagnostics }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::check;

    const EXAMPLE: &str = include_str!("../../assets/examples/mycrm.json");

    /// `text` read as `read_valid` reads a file, whose second reading gives the same text,
    /// counting the actions beside the check.
    fn read(text: &[u8]) -> Result<Parsed<usize>, Unread> {
        read_checked(text, || Ok(text.to_vec()), |manifest| manifest.actions().count())
    }

    /// The example with `from` replaced by `to` once.
    fn example_with(from: &str, to: &str) -> String {
        assert!(EXAMPLE.contains(from), "{from}");
        EXAMPLE.replacen(from, to, 1)
    }

    #[test]
    fn the_streamed_and_the_whole_fingerprint_and_findings_are_those_of_the_whole_text() {
        let texts = [
            EXAMPLE.to_owned(),
            // A warning (plain http), an error (a blank name), a byte order mark, a key written
            // twice and a float are each read their own way; broken JSON has no manifest at all.
            example_with("https://mycrm.example.org/auth_validation", "http://mycrm.example.org/auth_validation"),
            example_with("\"My CRM\"", "\" \""),
            format!("\u{feff}{EXAMPLE}"),
            example_with("\"requires_cti\": false,", "\"requires_cti\": false, \"requires_cti\": false,"),
            example_with("\"requires_cti\": false,", "\"requires_cti\": false, \"x-weight\": 1.50,"),
            EXAMPLE[..EXAMPLE.len() / 2].to_owned(),
        ];
        for text in texts {
            let whole = check(text.as_bytes());
            let read = read(text.as_bytes()).expect("read");
            let read_whole = read_whole(text.as_bytes(), |manifest| manifest.actions().count());
            assert_eq!(read_whole.sha256, read.sha256, "{text}");
            assert_eq!(read_whole.diagnostics, read.diagnostics, "read whole, {text}");
            assert_eq!(read_whole.valid, read.valid, "read whole, {text}");
            assert_eq!(read.sha256, fingerprint::hex(text.as_bytes()), "{text}");
            assert_eq!(read.diagnostics, whole.diagnostics, "{text}");
            let kept = whole.manifest.filter(|_| whole.diagnostics.iter().all(|d| !d.is_error()));
            let counted = kept.as_ref().map(|manifest| (manifest.clone(), manifest.actions().count()));
            assert_eq!(read.valid, counted, "{text}");
        }
    }

    #[test]
    fn an_invalid_manifests_findings_are_placed_on_its_lines() {
        let text = example_with("\"My CRM\"", "\" \"");
        let read = read(text.as_bytes()).expect("read");
        let error = read.diagnostics.iter().find(|d| d.is_error()).expect("the blank display name");
        assert_eq!(error.pointer, "/integration/display_name");
        let position = error.position.expect("placed");
        assert_eq!((position.line, position.column), (5, 5), "at the key: {error:?}");
        assert!(read.valid.is_none(), "a manifest with errors is not kept, nor what was made beside");
    }

    #[test]
    fn a_clean_manifests_text_is_read_once() {
        let never = || panic!("a clean manifest is never read whole");
        let read = read_checked(EXAMPLE.as_bytes(), never, |_| ()).expect("read");
        assert!(read.diagnostics.is_empty() && read.valid.is_some());
        assert_eq!(read.sha256, fingerprint::hex(EXAMPLE.as_bytes()));
    }

    /// The example with `count` copies of its first action, each named apart: a clean manifest.
    fn many_actions(count: usize) -> String {
        let mut manifest: serde_json::Value = serde_json::from_str(EXAMPLE).expect("the example is JSON");
        let first = manifest["actions"][0].clone();
        let actions = (0..count)
            .map(|index| {
                let mut action = first.clone();
                action["name"] = format!("create_ticket_{index}").into();
                action["display"] = format!("create ticket {index}").into();
                action
            })
            .collect();
        manifest["actions"] = serde_json::Value::Array(actions);
        serde_json::to_string_pretty(&manifest).expect("JSON")
    }

    #[test]
    fn a_valid_manifest_is_never_held_beside_its_text() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let file = folder.path().join("big.json");
        let text = many_actions(8_000);
        std::fs::write(&file, &text).expect("written");
        let mut valid = None;
        let streamed = allocation_counter::measure(|| {
            valid = Some(read_valid(&file, "ticket", "write the ticket again").expect("a valid manifest"));
        });
        let valid = valid.expect("read");
        assert!(valid.diagnostics.is_empty(), "clean, so never read whole: {:?}", valid.diagnostics);
        assert_eq!(valid.sha256, fingerprint::hex(text.as_bytes()));
        let whole = allocation_counter::measure(|| {
            let source = files::read(&file).expect("readable");
            assert_eq!(check(&source).errors(), 0);
        });
        // Read whole, the text (as large as the file) is held beside the manifest. Streamed, it
        // passes in chunks made and filled again on the hashing thread (at most 18 of 64 KiB), so
        // what this thread counts is what it holds.
        assert!(
            streamed.bytes_max + (text.len() as u64) / 2 < whole.bytes_max,
            "peak of the command's read {} bytes, of a read of the whole text {} bytes, text {} bytes",
            streamed.bytes_max,
            whole.bytes_max,
            text.len()
        );
    }

    #[test]
    fn a_file_changed_between_its_two_readings_is_refused() {
        // The findings of the first reading are placed on the second one: the two must be one text.
        let first = example_with("\"My CRM\"", "\" \"");
        let second = example_with("\"My CRM\"", "\"\"");
        assert_eq!(
            read_checked(first.as_bytes(), || Ok(second.clone().into_bytes()), |_| ()).err(),
            Some(Unread::Changed)
        );
        // Nor is a file the parser gave up on (a byte order mark) checked from another text.
        let first = format!("\u{feff}{EXAMPLE}");
        assert_eq!(
            read_checked(first.as_bytes(), || Ok(EXAMPLE.as_bytes().to_vec()), |_| ()).err(),
            Some(Unread::Changed)
        );
        let unreadable = read_checked(first.as_bytes(), || Err("no such file; check the path".to_owned()), |_| ());
        assert_eq!(unreadable.err(), Some(Unread::Unreadable("no such file; check the path".to_owned())));
    }
}
