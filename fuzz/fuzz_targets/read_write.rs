//! Fuzzes the whole manifest path on arbitrary bytes: check (read → validate → locate), then
//! write → read → write again.
//!
//! For any input:
//! - `check` does not panic, and every diagnostic's message is non-empty and on one line (no
//!   control characters, no U+2028/U+2029, which `rules::message::quote` also treats as line breaks);
//! - when the input was read as a manifest, every diagnostic has a position inside the source
//!   (`locate_all` finds at least the root for every pointer of a document that parsed).
//!
//! When the input was read as a manifest `m`, with `text = to_json(&m)`:
//! - every number of the source is in `text`, spelled exactly as in the source (unless a key was
//!   written twice, whose earlier value a save drops: reading warned `duplicate-key`);
//! - `read(text)` succeeds, gives a manifest equal to `m` and no notes (a save normalises everything);
//! - `to_json` of that manifest is `text` again (writing is idempotent);
//! - `validate` gives the same diagnostics for both manifests;
//! - `locate_all(text, pointers)` finds every pointer of those diagnostics in the written text.
#![no_main]

use integration_wizard::manifest::position::locate_all;
use integration_wizard::manifest::rules::codes::DUPLICATE_KEY;
use integration_wizard::manifest::number_text::number_tokens;
use integration_wizard::manifest::{Diagnostic, check, read, to_json, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let checked = check(bytes);
    for diagnostic in &checked.diagnostics {
        assert_one_line(diagnostic);
    }
    let Some(manifest) = checked.manifest else {
        assert_eq!(checked.diagnostics.len(), 1, "a failed read gives exactly one diagnostic");
        return;
    };

    // The source parsed as JSON, so it is UTF-8 and every pointer resolves at least to the root.
    let source = std::str::from_utf8(bytes).expect("a manifest that was read is UTF-8");
    let lines = source.split('\n').count();
    for diagnostic in &checked.diagnostics {
        let position = diagnostic.position.unwrap_or_else(|| panic!("no position for {diagnostic:?}"));
        assert!(position.line >= 1 && position.column >= 1, "{diagnostic:?}");
        assert!(position.line <= lines, "line past the end of the source: {diagnostic:?}");
    }

    let text = to_json(&manifest);
    if !checked.diagnostics.iter().any(|diagnostic| diagnostic.code == DUPLICATE_KEY) {
        let mut before = number_tokens(source.as_bytes());
        let mut after = number_tokens(text.as_bytes());
        before.sort_unstable();
        after.sort_unstable();
        assert_eq!(before, after, "a save changed a number's spelling:\n{source}\n{text}");
    }
    let again = match read(text.as_bytes()) {
        Ok(parsed) => parsed,
        Err(diagnostic) => panic!("the written manifest does not read back: {diagnostic:?}\n{text}"),
    };
    assert!(again.notes.is_empty(), "reading the written manifest gives notes: {:?}\n{text}", again.notes);
    assert_eq!(again.manifest, manifest, "the written manifest reads back differently:\n{text}");
    assert_eq!(to_json(&again.manifest), text, "writing is not idempotent");
    let first = validate(&manifest);
    let second = validate(&again.manifest);
    assert_eq!(first, second, "validate differs after a write and read");
    for diagnostic in &second {
        assert_one_line(diagnostic);
    }

    let pointers: Vec<&str> = second.iter().map(|diagnostic| diagnostic.pointer.as_str()).collect();
    let positions = locate_all(&text, &pointers);
    assert_eq!(positions.len(), pointers.len());
    for (pointer, position) in pointers.iter().zip(&positions) {
        assert!(position.is_some(), "pointer {pointer:?} not found at all in the written text:\n{text}");
    }
});

fn assert_one_line(diagnostic: &Diagnostic) {
    let message = &diagnostic.message;
    assert!(!message.trim().is_empty(), "empty message: {diagnostic:?}");
    assert!(
        !message.chars().any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')),
        "message not on one line (or with a control character): {diagnostic:?}"
    );
    assert!(!diagnostic.code.is_empty(), "empty code: {diagnostic:?}");
    assert!(diagnostic.pointer.is_empty() || diagnostic.pointer.starts_with('/'), "malformed pointer: {diagnostic:?}");
}
