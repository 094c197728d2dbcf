//! Escaping, one function per place text is shown: whatever a file, a file name, a user or a
//! bridge supplied, no control character, escape sequence or bidirectional override is ever
//! written as it is; each is shown visibly (`\u{1b}`) instead, the same way everywhere.
//!
//! - a line of command-line output: [`line`]; text spanning lines for a terminal: [`terminal_text`]
//!   (and [`terminal_text_coloured`], which keeps the tool's own colour codes);
//! - a line of the wizard's screen or the line mode: [`one_line`], [`lines`];
//! - a JSON document: [`json`];
//! - the text of a document, line breaks kept (a spreadsheet cell): [`document_text`], [`shown_char`];
//! - a Markdown cell or line: [`markdown_inline`]; HTML text: [`html_text`];
//! - a value quoted in a message: [`quoted`].
//!
//! Nothing here writes anywhere: `output` is the one door out.

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
    if printable_ascii(text) || !text.chars().any(is_unsafe) {
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

/// A line of command-line output (a message, a report line): a line break is shown as `\n`.
pub(crate) fn line(text: &str) -> Cow<'_, str> {
    visible(text, "\\n")
}

/// Text for a terminal that may span lines: line breaks and tabs kept, every other unsafe
/// character written visibly. Text already escaped comes out as it went in.
pub(crate) fn terminal_text(text: &str) -> Cow<'_, str> {
    terminal(text, false)
}

/// Like [`terminal_text`], keeping complete colour codes (`ESC [` digits and `;` `m`), which only
/// set colours and weight: they cannot move the cursor, clear the screen, set a title or make a link.
pub(crate) fn terminal_text_coloured(text: &str) -> Cow<'_, str> {
    terminal(text, true)
}

fn terminal(text: &str, keep_colours: bool) -> Cow<'_, str> {
    let shown_as_is = |c: char| c == '\n' || c == '\t' || !is_unsafe(c);
    if printable_ascii(text) || text.chars().all(shown_as_is) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    // Each run of characters shown as they are is copied whole: a coloured line of a long diff
    // has a colour code or two and a run of text between them.
    while let Some(at) = rest.find(|c: char| !shown_as_is(c)) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if keep_colours && let Some(code) = colour_code(rest) {
            out.push_str(code);
            rest = &rest[code.len()..];
            continue;
        }
        let Some(c) = rest.chars().next() else { break };
        let _ = write!(out, "\\u{{{:x}}}", c as u32);
        rest = &rest[c.len_utf8()..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// True when every byte of `text` is printable ASCII (space to `~`): no character to escape, found
/// faster than by decoding each character.
pub(crate) fn printable_ascii(text: &str) -> bool {
    every_byte(text, |byte| byte.wrapping_sub(b' ') <= b'~' - b' ')
}

/// Like [`printable_ascii`], tabs allowed too: a line a diff shows as it is.
pub(crate) fn printable_ascii_or_tab(text: &str) -> bool {
    every_byte(text, |byte| byte.wrapping_sub(b' ') <= b'~' - b' ' || byte == b'\t')
}

/// True when `test` holds for every byte of `text`. The bytes are tested 16 at a time without
/// stopping at the first failure, which the compiler turns into a few vector instructions: a long
/// diff asks this of millions of lines.
fn every_byte(text: &str, test: impl Fn(u8) -> bool) -> bool {
    let mut blocks = text.as_bytes().chunks_exact(16);
    blocks.by_ref().all(|block| block.iter().fold(true, |all, &byte| all & test(byte)))
        && blocks.remainder().iter().all(|&byte| test(byte))
}

/// The colour code `text` starts with, if any.
fn colour_code(text: &str) -> Option<&str> {
    let parameters = text.strip_prefix("\u{1b}[")?;
    let length = parameters.find(|c: char| !(c.is_ascii_digit() || c == ';'))?;
    parameters[length..].starts_with('m').then(|| &text[..2 + length + 1])
}

/// One line of the wizard's screen or of the line mode: unsafe characters as `\u{1b}`, a line
/// break as `⏎`, a tab as `\t`.
pub(crate) fn one_line(text: &str) -> Cow<'_, str> {
    visible(text, "⏎")
}

/// Text that may span lines, safe to show line by line.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = Cow<'_, str>> {
    text.split('\n').map(one_line)
}

/// Serialised JSON with every unsafe character that the serialiser left raw (DEL, C1 controls,
/// bidirectional overrides and isolates) written as a `\u009b` escape. JSON's structure is
/// ASCII, so such characters can only be inside strings, where the escape means the same value.
pub(crate) fn json(json: String) -> String {
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

/// The text of a document (a spreadsheet cell, before Markdown or HTML syntax): Windows line
/// ends made `\n`, line breaks kept for the format to write its own way, a tab shown as `\t` and
/// every other unsafe character as `\u{1b}`. Ordinary text is returned as it is.
pub(crate) fn document_text(value: &str) -> Cow<'_, str> {
    if value.contains("\r\n") {
        Cow::Owned(visible(&value.replace("\r\n", "\n"), "\n").into_owned())
    } else {
        visible(value, "\n")
    }
}

/// How one unsafe character is shown in a document (`\t`, `\u{1b}`); `None` for a character
/// shown as it is, the line break included.
pub(crate) fn shown_char(c: char) -> Option<String> {
    if c == '\n' || !is_unsafe(c) {
        return None;
    }
    let mut buffer = [0; 4];
    Some(visible(c.encode_utf8(&mut buffer), "\n").into_owned())
}

/// Text made safe inside a Markdown table cell or line: hidden characters shown, a line break as
/// `<br>`, and the characters that would end a cell (`|`), open code (`` ` ``), HTML (`<`), a
/// link (`[`, `]`) or an entity (`&name;`) escaped with a backslash, which Markdown removes when it
/// renders and a reader of the raw text easily skips.
pub(crate) fn markdown_inline(text: &str) -> String {
    // Hidden characters are shown with a backslash of their own (`\u{1b}`): Markdown keeps a
    // backslash before a letter, so it is not escaped again.
    let text = text.replace("\r\n", "\n");
    let mut escaped = String::with_capacity(text.len() + 8);
    let mut rest = text.as_str();
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        if let Some(shown) = shown_char(c) {
            escaped.push_str(&shown);
            continue;
        }
        match c {
            '\n' => escaped.push_str("<br>"),
            '\\' | '|' | '`' | '<' | '[' | ']' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '&' if starts_entity(rest) => escaped.push_str("\\&"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// True when the text after a `&` reads as an HTML entity (`amp;`, `#60;`, `#x3c;`).
fn starts_entity(rest: &str) -> bool {
    let name_len = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '#').count();
    name_len > 0 && rest[name_len..].starts_with(';')
}

/// Text as HTML text: hidden characters shown, `&`, `<` and `>` as entities by the `html-escape`
/// crate, and each line break as `<br>`.
pub(crate) fn html_text(value: &str) -> String {
    let shown = document_text(value);
    let lines: Vec<_> = shown.split('\n').map(|line| html_escape::encode_text(line).into_owned()).collect();
    lines.join("<br>")
}

/// How many characters of a value a message quotes before cutting it with "…".
const EXCERPT_CHARS: usize = 40;

/// A value quoted in a message: in double quotes, cut after 40 characters, with quotes,
/// backslashes and control characters escaped so that the message stays on one line and prints
/// safely in a terminal.
pub(crate) fn quoted(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_ascii_is_told_for_every_byte_at_every_place_of_a_block() {
        // Blocks of 16 are tested together: a byte to escape is found at any place of one, or after.
        for length in [0, 1, 15, 16, 17, 33, 40] {
            let plain = "a".repeat(length);
            assert!(printable_ascii(&plain) && printable_ascii_or_tab(&plain));
            for at in 0..length {
                for byte in 0..=0x7f_u8 {
                    let mut bytes = plain.clone().into_bytes();
                    bytes[at] = byte;
                    let text = String::from_utf8(bytes).unwrap();
                    let printable = (b' '..=b'~').contains(&byte);
                    assert_eq!(printable_ascii(&text), printable, "{text:?}");
                    assert_eq!(printable_ascii_or_tab(&text), printable || byte == b'\t', "{text:?}");
                }
                let text = format!("{}é{}", &plain[..at], &plain[at + 1..]);
                assert!(!printable_ascii(&text) && !printable_ascii_or_tab(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn escape_sequences_and_overrides_are_shown_not_sent() {
        assert_eq!(line("a\u{1b}]0;PWNED\u{7}b"), "a\\u{1b}]0;PWNED\\u{7}b");
        assert_eq!(line("x\u{9b}y\u{7f}"), "x\\u{9b}y\\u{7f}");
        assert_eq!(line("right\u{202E}left\u{2066}"), "right\\u{202e}left\\u{2066}");
        assert_eq!(line("two\nlines\r\tand tab"), "two\\nlines\\u{d}\\tand tab");
        assert_eq!(visible("two\nlines", "⏎"), "two⏎lines");
    }

    #[test]
    fn ordinary_text_is_not_copied() {
        assert!(matches!(line("Ünïcødé 日本 👍"), Cow::Borrowed(_)));
        assert!(matches!(one_line("Ünïcødé 日本 👍"), Cow::Borrowed(_)));
        assert!(matches!(terminal_text("plain text\n\tand more"), Cow::Borrowed(_)));
    }

    #[test]
    fn terminal_text_keeps_line_breaks_and_only_colour_codes() {
        let hostile = "a\u{1b}]0;PWNED\u{7}b\u{1b}[2J\u{9b}31m\u{202e}c\r\nnext\tcell";
        let expected = "a\\u{1b}]0;PWNED\\u{7}b\\u{1b}[2J\\u{9b}31m\\u{202e}c\\u{d}\nnext\tcell";
        assert_eq!(terminal_text(hostile), expected);
        let text = "\u{1b}[1m\u{1b}[31mred\u{1b}[0m \u{1b}[2J \u{1b}]8;;http://x\u{7} \u{1b}[";
        assert_eq!(
            terminal_text_coloured(text),
            "\u{1b}[1m\u{1b}[31mred\u{1b}[0m \\u{1b}[2J \\u{1b}]8;;http://x\\u{7} \\u{1b}["
        );
        assert_eq!(terminal_text("\u{1b}[31m"), "\\u{1b}[31m");
        // Runs of text between codes are copied whole, characters of several bytes included.
        assert_eq!(
            terminal_text_coloured("\u{1b}[32m+ é日本\u{202e}👍\u{1b}[0m\u{1b}"),
            "\u{1b}[32m+ é日本\\u{202e}👍\u{1b}[0m\\u{1b}"
        );
        let once = line("x\u{1b}[31m\u{202e}\n").into_owned();
        assert_eq!(terminal_text(&once), once, "escaping twice changes nothing more");
    }

    #[test]
    fn the_screen_shows_a_line_break_as_a_mark() {
        assert_eq!(one_line("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(one_line("two\nlines\tand tab"), "two⏎lines\\tand tab");
        assert_eq!(lines("a\nb\u{7}").collect::<Vec<_>>(), ["a", "b\\u{7}"]);
    }

    #[test]
    fn json_keeps_its_values_and_loses_its_raw_controls() {
        let value = serde_json::json!({ "k\u{9b}": "a\u{202e}b\u{7f}\u{1b}\n" });
        let text = json(serde_json::to_string_pretty(&value).expect("serialises"));
        assert!(!text.chars().any(|c| is_unsafe(c) && c != '\n'), "{text}");
        assert!(text.contains("\"k\\u009b\": \"a\\u202eb\\u007f\\u001b\\n\""), "{text}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).expect("still JSON"), value);
    }

    #[test]
    fn documents_keep_their_line_breaks() {
        assert_eq!(document_text("a\u{1b}]0;x\u{7}b"), "a\\u{1b}]0;x\\u{7}b");
        assert_eq!(document_text("tab\there\r\nnext"), "tab\\there\nnext");
        assert_eq!(document_text("lone\rreturn"), "lone\\u{d}return");
        assert_eq!(document_text("Ünïcødé 日本 👍\nline two"), "Ünïcødé 日本 👍\nline two");
        assert_eq!(shown_char('\u{2028}').as_deref(), Some("\\u{2028}"));
        assert_eq!(shown_char('\n'), None);
    }

    #[test]
    fn markdown_cells_cannot_be_broken_out_of() {
        assert_eq!(markdown_inline("a | b"), "a \\| b");
        assert_eq!(markdown_inline("`code`"), "\\`code\\`");
        assert_eq!(markdown_inline("<script>alert(1)</script>"), "\\<script>alert(1)\\</script>");
        assert_eq!(markdown_inline("one\ntwo"), "one<br>two");
        assert_eq!(markdown_inline("back\\|slash"), "back\\\\\\|slash");
        assert_eq!(markdown_inline("[x](javascript:1)"), "\\[x\\](javascript:1)");
        assert_eq!(markdown_inline("&lt; & &#60; R&D"), "\\&lt; & \\&#60; R&D");
        assert_eq!(markdown_inline("esc\u{1b}[2J\u{202e}\tx"), "esc\\u{1b}\\[2J\\u{202e}\\tx");
        let url = "https://{{account}}.example.org/a_b?x=1";
        assert_eq!(markdown_inline(url), url);
    }

    #[test]
    fn markup_in_html_is_text() {
        assert_eq!(html_text("<script>alert('x')</script>"), "&lt;script&gt;alert('x')&lt;/script&gt;");
        assert_eq!(html_text("a & b\nc"), "a &amp; b<br>c");
        assert_eq!(html_text("\u{1b}[31m\u{202e}"), "\\u{1b}[31m\\u{202e}");
    }

    #[test]
    fn a_quoted_value_stays_on_one_line() {
        assert_eq!(quoted("say \"hi\"\\\n\u{1b}"), "\"say \\\"hi\\\"\\\\\\n\\u{1b}\"");
        assert_eq!(quoted(&"x".repeat(50)), format!("\"{}…\"", "x".repeat(40)));
        assert_eq!(quoted("a\u{2028}b"), "\"a\\u{2028}b\"");
    }
}
