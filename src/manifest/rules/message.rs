//! How messages show what the file holds: short quoted excerpts with control characters escaped.

use crate::manifest::json::Json;

/// How many characters of a value a message quotes before cutting it with "…".
const EXCERPT_CHARS: usize = 40;

/// `text` in double quotes, cut after 40 characters, with quotes, backslashes and control
/// characters escaped so that a message stays on one line and prints safely in a terminal.
pub(crate) fn quote(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len().min(EXCERPT_CHARS * 2) + 4);
    quoted.push('"');
    for (count, character) in text.chars().enumerate() {
        if count == EXCERPT_CHARS {
            quoted.push('…');
            break;
        }
        match character {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            // Line and paragraph separators would break the line in some terminals, like `\n`.
            _ if character.is_control() || matches!(character, '\u{2028}' | '\u{2029}') => {
                quoted.extend(character.escape_debug());
            }
            _ => quoted.push(character),
        }
    }
    quoted.push('"');
    quoted
}

/// " (\"yes\")" for a scalar value found where another type belongs; nothing for lists and objects.
pub(super) fn excerpt(value: &Json) -> String {
    match value {
        Json::String(text) => format!(" ({})", quote(text)),
        Json::Number(number) => format!(" ({number})"),
        Json::Bool(flag) => format!(" ({flag})"),
        Json::Null | Json::Array(_) | Json::Object(_) => String::new(),
    }
}

/// "a, b or c": a list of names for a message.
pub(super) fn one_of(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [first @ .., last] => format!("{} or {last}", first.join(", ")),
    }
}

/// `text` as it may stand in a message without quotes: control characters and line separators
/// escaped, at most the excerpt's length (for names taken from the file).
pub(super) fn plain(text: &str) -> String {
    let quoted = quote(text);
    let inner = &quoted[1..quoted.len() - 1];
    inner.replace("\\\"", "\"").replace("\\\\", "\\")
}
