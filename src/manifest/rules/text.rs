//! Control characters and line breaks: what no string may hold, and what one-line strings may not.

use super::codes::Rule;
use super::findings::Findings;
use crate::escape::quoted;
use crate::manifest::json::Json;

/// Whether a string may span several lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lines {
    /// Talkdesk shows it on one line (names, displays, URLs, most defaults).
    One,
    /// Descriptions, help and textarea defaults.
    Many,
}

/// Reports a control character in `text`, and a line break when it must be one line.
///
/// `label` names the key in the message; `pointer` is called only when something is reported.
/// Carriage return is a C0 control character like any other (SPEC §3 allows only newline and tab).
pub(super) fn check(findings: &mut Findings, text: &str, lines: Lines, label: &str, pointer: impl Fn() -> String) {
    if lines == Lines::Many {
        super::trailing_break::check(findings, text, label, &pointer);
    }
    if !may_report(text, lines) {
        return;
    }
    if let Some(character) = first_control(text) {
        findings.add(Rule::ControlCharacter, pointer(), control_message(label, character));
    }
    if lines == Lines::One && text.contains('\n') {
        findings.add(
            Rule::NewlineInOneLineField,
            pointer(),
            format!(
                "{label} must be one line but has a line break; remove it (only descriptions, help and textarea defaults may have several lines)"
            ),
        );
    }
}

/// False when `text` surely holds nothing to report: every character the rules care about starts
/// with one of these bytes in UTF-8 (C1 controls are 0xC2 0x80..=0x9F), and nearly every string has
/// none. Scanned in blocks without an early exit inside a block, so that it runs at memory speed even
/// over a 50 MB description (checked again at every keystroke in another field).
fn may_report(text: &str, lines: Lines) -> bool {
    // 0xFF never occurs in UTF-8: comparing with it lets a line break through nowhere.
    let allowed_break = if lines == Lines::Many { b'\n' } else { 0xff };
    // `&` and `|`, not `&&` and `||`: no branch, so the compiler checks many bytes at once.
    let suspicious = |byte: u8| {
        (((byte < 0x20) & (byte != b'\t') & (byte != allowed_break)) | (byte == 0x7f) | (byte == 0xc2)) as u8
    };
    // Most values are short (a manifest holds hundreds of thousands of them): eight bytes at a time
    // first, and byte by byte only when a word holds a candidate.
    if text.len() < 64 {
        return any_candidate(text.as_bytes()) && text.bytes().any(|byte| suspicious(byte) != 0);
    }
    let mut blocks = text.as_bytes().chunks_exact(64);
    for block in &mut blocks {
        if block.iter().fold(0, |found, &byte| found | suspicious(byte)) != 0 {
            return true;
        }
    }
    blocks.remainder().iter().any(|&byte| suspicious(byte) != 0)
}

/// Whether `bytes` holds a byte below 0x20 (tab and line break included), 0x7F or 0xC2: a word of
/// eight bytes is tested with a few integer operations, the last word overlapping the one before.
fn any_candidate(bytes: &[u8]) -> bool {
    if bytes.len() < 8 {
        return bytes.iter().any(|&byte| byte < 0x20 || byte == 0x7f || byte == 0xc2);
    }
    let word = |at: usize| {
        let mut eight = [0; 8];
        eight.copy_from_slice(&bytes[at..at + 8]);
        u64::from_le_bytes(eight)
    };
    (0..bytes.len() / 8).any(|index| word_has_candidate(word(index * 8))) || word_has_candidate(word(bytes.len() - 8))
}

/// Whether one of the eight bytes of `word` is below 0x20, 0x7F or 0xC2 ("has less than" and "has
/// zero byte" from Bit Twiddling Hacks: a borrow starts only at a byte that matches, so a word
/// without one is never flagged).
fn word_has_candidate(word: u64) -> bool {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH_BITS: u64 = u64::from_le_bytes([0x80; 8]);
    let below = |word: u64, limit: u8| word.wrapping_sub(ONES * u64::from(limit)) & !word & HIGH_BITS;
    let equal = |byte: u8| below(word ^ (ONES * u64::from(byte)), 1);
    below(word, 0x20) | equal(0x7f) | equal(0xc2) != 0
}

/// Reports control characters anywhere in a JSON value kept as written (an unknown key's value,
/// a value of the wrong type): in its strings and in its objects' keys, at the pointer of the value.
pub(super) fn check_json(findings: &mut Findings, value: &Json, label: &str, pointer: &mut String) {
    match value {
        Json::String(text) => {
            if let Some(character) = first_control(text) {
                findings.add(Rule::ControlCharacter, pointer.clone(), control_message(label, character));
            }
        }
        Json::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                let length = pointer.len();
                pointer.push('/');
                pointer.push_str(&index.to_string());
                check_json(findings, item, label, pointer);
                pointer.truncate(length);
            }
        }
        Json::Object(object) => {
            for (key, item) in object {
                let length = pointer.len();
                pointer.push('/');
                pointer.push_str(&super::super::diagnostic::escape_token(key));
                if let Some(character) = first_control(key) {
                    let what = format!("the key {} in {label}", quoted(key));
                    findings.add(Rule::ControlCharacter, pointer.clone(), control_message(&what, character));
                }
                check_json(findings, item, label, pointer);
                pointer.truncate(length);
            }
        }
        Json::Null | Json::Bool(_) | Json::Number(_) => {}
    }
}

/// The first character of `text` that no string of a manifest may hold.
pub(super) fn first_control(text: &str) -> Option<char> {
    text.chars().find(|&character| is_forbidden(character))
}

/// C0 controls other than newline and tab, DEL and the C1 controls.
fn is_forbidden(character: char) -> bool {
    character.is_control() && character != '\n' && character != '\t'
}

fn control_message(label: &str, character: char) -> String {
    format!("{label} contains the control character U+{:04X}; remove it, Talkdesk cannot show it", u32::from(character))
}

#[cfg(test)]
mod fast_path_tests {
    use super::*;

    #[test]
    fn the_fast_path_lets_through_nothing_the_rules_report() {
        let plain = "a".repeat(200);
        assert!(!may_report(&plain, Lines::One));
        for at in [0, 63, 64, 130, 199] {
            for (byte, many, reported) in
                [('\u{1}', true, true), ('\u{7f}', true, true), ('\u{85}', true, true), ('\t', false, false)]
                    .into_iter()
                    .chain([('\n', true, false), ('\n', false, true)])
            {
                let mut text = plain.clone();
                text.replace_range(at..=at, &byte.to_string());
                let lines = if many { Lines::Many } else { Lines::One };
                assert_eq!(may_report(&text, lines), reported, "{byte:?} at {at}, {lines:?}");
            }
        }
    }

    #[test]
    fn the_word_test_finds_every_candidate_byte_at_every_place_of_a_short_value() {
        let candidate = |byte: u8| byte < 0x20 || byte == 0x7f || byte == 0xc2;
        for length in 0..=64 {
            assert!(!any_candidate(&vec![b'a'; length]), "plain, {length} bytes");
            for at in 0..length {
                for byte in 0..=u8::MAX {
                    let mut bytes = vec![b'~'; length];
                    bytes[at] = byte;
                    assert_eq!(any_candidate(&bytes), candidate(byte), "{byte:#x} at {at} of {length}");
                }
            }
        }
    }
}
