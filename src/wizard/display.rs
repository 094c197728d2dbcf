//! Making text from a manifest safe to draw: control and bidirectional characters are shown escaped, never sent to the terminal.

use std::borrow::Cow;

/// True for characters that must never reach the terminal as they are: C0 and C1 controls,
/// DEL, and the bidirectional overrides and isolates that can reorder what is drawn.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// One line of text, safe to draw: unsafe characters as `\u{1b}`, a newline as `⏎`, a tab as `\t`.
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => safe.push('⏎'),
            '\t' => safe.push_str("\\t"),
            c if is_unsafe(c) => safe.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => safe.push(c),
        }
    }
    Cow::Owned(safe)
}

/// Text that may span lines, safe to draw line by line.
pub fn lines(text: &str) -> impl Iterator<Item = Cow<'_, str>> {
    text.split('\n').map(one_line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_shown_not_sent() {
        assert_eq!(one_line("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(one_line("x\u{9b}y\u{7f}"), "x\\u{9b}y\\u{7f}");
        assert_eq!(one_line("right\u{202E}left"), "right\\u{202e}left");
        assert_eq!(one_line("two\nlines\tand tab"), "two⏎lines\\tand tab");
    }

    #[test]
    fn ordinary_text_is_not_copied() {
        assert!(matches!(one_line("Ünïcødé 日本 👍"), Cow::Borrowed(_)));
    }
}
