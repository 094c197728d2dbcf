//! Characters a reader must see rather than have act: controls and bidirectional overrides shown as `\u{1b}`.

use std::borrow::Cow;

/// True for characters that must not reach a document as they are: C0 and C1 controls (but the
/// line break, which each format writes its own way), DEL, line and paragraph separators, and
/// the bidirectional overrides and isolates that can make text read differently from what it is.
fn is_hidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
        )
}

/// `text` with Windows line ends made `\n`, a tab shown as `\t` and every other hidden
/// character as `\u{hex}`; ordinary text is returned as it is.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return Cow::Borrowed(text);
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.replace("\r\n", "\n").chars() {
        match escape(c) {
            Some(escape) => shown.push_str(&escape),
            None => shown.push(c),
        }
    }
    Cow::Owned(shown)
}

/// How a hidden character is shown (`\t`, `\u{1b}`); `None` for a character shown as it is.
pub fn escape(c: char) -> Option<String> {
    match c {
        '\t' => Some("\\t".to_owned()),
        c if is_hidden(c) => Some(format!("\\u{{{:x}}}", c as u32)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::visible;

    #[test]
    fn hidden_characters_are_shown() {
        assert_eq!(visible("a\u{1b}]0;x\u{7}b"), "a\\u{1b}]0;x\\u{7}b");
        assert_eq!(visible("right\u{202E}left\u{9b}"), "right\\u{202e}left\\u{9b}");
        assert_eq!(visible("tab\there\r\nnext"), "tab\\there\nnext");
        assert_eq!(visible("lone\rreturn"), "lone\\u{d}return");
    }

    #[test]
    fn ordinary_text_is_kept() {
        assert_eq!(visible("Ünïcødé 日本 👍\nline two"), "Ünïcødé 日本 👍\nline two");
    }
}
