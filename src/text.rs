//! Text taken from a file or a file name, made safe to print: no control character, escape
//! sequence or bidirectional override ever reaches a terminal, a log or a CI annotation as it is.

use std::borrow::Cow;
use std::fmt::Write as _;

/// True for characters that must never be printed as they are: C0 and C1 controls (line breaks
/// included), DEL, and the bidirectional marks, overrides and isolates that reorder what is shown.
pub(crate) fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
        // Line and paragraph separators break the line in some terminals and editors, like `\n`.
        || matches!(c, '\u{2028}' | '\u{2029}')
}

/// `text` on one line, every unsafe character written visibly: a tab as `\t`, a line break as
/// `line_break`, anything else as `\u{1b}`. Text without such characters is not copied.
pub(crate) fn visible<'a>(text: &'a str, line_break: &str) -> Cow<'a, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => safe.push_str(line_break),
            '\t' => safe.push_str("\\t"),
            c if is_unsafe(c) => {
                let _ = write!(safe, "\\u{{{:x}}}", c as u32);
            }
            c => safe.push(c),
        }
    }
    Cow::Owned(safe)
}

/// `text` made safe for a line of command-line output: a line break is shown as `\n`.
pub(crate) fn escaped(text: &str) -> Cow<'_, str> {
    visible(text, "\\n")
}

/// Serialised JSON with every unsafe character that the serialiser left raw (DEL, C1 controls,
/// bidirectional overrides and isolates) written as a `\u009b` escape. JSON's structure is
/// ASCII, so such characters can only be inside strings, where the escape means the same value.
pub(crate) fn json_escaped(json: String) -> String {
    if !json.chars().any(is_unsafe) {
        return json;
    }
    let mut safe = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        // Line breaks between values are the pretty printer's own; inside strings serde escapes them.
        if is_unsafe(c) && !matches!(c, '\n' | '\t' | '\r') {
            let _ = write!(safe, "\\u{:04x}", c as u32);
        } else {
            safe.push(c);
        }
    }
    safe
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_overrides_are_shown_not_sent() {
        assert_eq!(escaped("a\u{1b}]0;PWNED\u{7}b"), "a\\u{1b}]0;PWNED\\u{7}b");
        assert_eq!(escaped("x\u{9b}y\u{7f}"), "x\\u{9b}y\\u{7f}");
        assert_eq!(escaped("right\u{202E}left\u{2066}"), "right\\u{202e}left\\u{2066}");
        assert_eq!(escaped("two\nlines\r\tand tab"), "two\\nlines\\u{d}\\tand tab");
        assert_eq!(visible("two\nlines", "⏎"), "two⏎lines");
    }

    #[test]
    fn ordinary_text_is_not_copied() {
        assert!(matches!(escaped("Ünïcødé 日本 👍"), Cow::Borrowed(_)));
    }

    #[test]
    fn json_keeps_its_values_and_loses_its_raw_controls() {
        let value = serde_json::json!({ "k\u{9b}": "a\u{202e}b\u{7f}\u{1b}\n" });
        let text = json_escaped(serde_json::to_string_pretty(&value).expect("serialises"));
        assert!(!text.chars().any(|c| is_unsafe(c) && c != '\n'), "{text}");
        assert!(text.contains("\"k\\u009b\": \"a\\u202eb\\u007f\\u001b\\n\""), "{text}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).expect("still JSON"), value);
    }
}
