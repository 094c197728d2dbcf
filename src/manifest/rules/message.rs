//! How messages show what the file holds: short quoted excerpts ([`crate::escape::quoted`]) and lists of names.

use crate::escape::quoted;
use crate::manifest::json::Json;

/// " (\"yes\")" for a scalar value found where another type belongs; nothing for lists and objects.
pub(super) fn excerpt(value: &Json) -> String {
    match value {
        Json::String(text) => format!(" ({})", quoted(text)),
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
    let quoted = quoted(text);
    let inner = &quoted[1..quoted.len() - 1];
    inner.replace("\\\"", "\"").replace("\\\\", "\\")
}
