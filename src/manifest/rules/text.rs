//! Control characters and line breaks: what no string may hold, and what one-line strings may not.

use super::codes::{CONTROL_CHARACTER, NEWLINE_IN_ONE_LINE_FIELD};
use super::findings::Findings;
use super::message::quote;
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
    // Fast path: every character the rules care about starts with one of these bytes in UTF-8
    // (C1 controls are 0xC2 0x80..=0x9F), and nearly every string has none.
    if !text.bytes().any(|byte| byte < 0x20 || byte == 0x7f || byte == 0xc2) {
        return;
    }
    if let Some(character) = first_control(text) {
        findings.error(CONTROL_CHARACTER, pointer(), control_message(label, character));
    }
    if lines == Lines::One && text.contains('\n') {
        findings.error(
            NEWLINE_IN_ONE_LINE_FIELD,
            pointer(),
            format!(
                "{label} must be one line but has a line break; remove it (only descriptions, help and textarea defaults may have several lines)"
            ),
        );
    }
}

/// Reports control characters anywhere in a JSON value kept as written (an unknown key's value,
/// a value of the wrong type): in its strings and in its objects' keys, at the pointer of the value.
pub(super) fn check_json(findings: &mut Findings, value: &Json, label: &str, pointer: &mut String) {
    match value {
        Json::String(text) => {
            if let Some(character) = first_control(text) {
                findings.error(CONTROL_CHARACTER, pointer.clone(), control_message(label, character));
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
                    let what = format!("the key {} in {label}", quote(key));
                    findings.error(CONTROL_CHARACTER, pointer.clone(), control_message(&what, character));
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
