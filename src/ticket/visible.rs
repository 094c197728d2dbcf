//! Characters a reader must see rather than have act, shown as every output of the tool shows them ([`crate::text`]), with line breaks kept for each format to write its own way.

use crate::text;
use std::borrow::Cow;

/// `value` with Windows line ends made `\n`, a tab shown as `\t` and every other control,
/// bidirectional or separator character as `\u{1b}`; ordinary text is returned as it is.
pub(super) fn visible(value: &str) -> Cow<'_, str> {
    if value.contains("\r\n") {
        Cow::Owned(text::visible(&value.replace("\r\n", "\n"), "\n").into_owned())
    } else {
        text::visible(value, "\n")
    }
}

/// How one such character is shown (`\t`, `\u{1b}`); `None` for a character shown as it is,
/// the line break included.
pub(super) fn escape(c: char) -> Option<String> {
    if c == '\n' || !text::is_unsafe(c) {
        return None;
    }
    let mut buffer = [0; 4];
    Some(text::visible(c.encode_utf8(&mut buffer), "\n").into_owned())
}

#[cfg(test)]
mod tests {
    use super::{escape, visible};

    #[test]
    fn hidden_characters_are_shown() {
        assert_eq!(visible("a\u{1b}]0;x\u{7}b"), "a\\u{1b}]0;x\\u{7}b");
        assert_eq!(visible("right\u{202E}left\u{9b}"), "right\\u{202e}left\\u{9b}");
        assert_eq!(visible("tab\there\r\nnext"), "tab\\there\nnext");
        assert_eq!(visible("lone\rreturn"), "lone\\u{d}return");
        assert_eq!(escape('\u{2028}').as_deref(), Some("\\u{2028}"));
        assert_eq!(escape('\n'), None);
    }

    #[test]
    fn ordinary_text_is_kept() {
        assert_eq!(visible("Ünïcødé 日本 👍\nline two"), "Ünïcødé 日本 👍\nline two");
    }
}
