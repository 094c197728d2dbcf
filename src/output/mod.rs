//! The one door out: every message, line and document the tool prints reaches standard output or
//! standard error through this module, and nowhere else.
//!
//! clippy.toml refuses `print!`, `println!`, `eprint!`, `eprintln!` and the `stdout`/`stderr`
//! handles everywhere else, so a new message cannot skip the escaping by accident. Each function
//! says what it writes and how:
//! - [`message`] and [`prompt`] (standard error), [`line`] (standard output): text for a person,
//!   with every control, escape and bidirectional character written visibly (`\u{1b}`), whoever
//!   built it; line breaks and tabs stay, since the tool's own messages span lines.
//! - [`coloured`]: the same, keeping the colour codes (SGR) the tool itself put in; `anstream`
//!   drops them where colour is off.
//! - [`document_as_is`]: a document written to standard output on purpose (formatted JSON, the
//!   schema, a ticket, a JSON or SARIF report, a manual page), byte for byte. Its producer escapes
//!   what it holds in the document's own syntax.
//! - [`screen`]: the terminal itself, for what draws or speaks a protocol rather than prints text.
//!
//! A write that fails because the reader went away (`… | head`) ends the process quietly, as the
//! signal for a closed pipe ends `cat`.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::Write as _;

/// Writes `text` and a line break to standard error, made safe to show.
pub(crate) fn message(text: impl AsRef<str>) {
    let mut text = safe(text.as_ref(), Colour::Off).into_owned();
    text.push('\n');
    // The one handle on standard error for messages: this is the door.
    #[allow(clippy::disallowed_methods)]
    let written = std::io::stderr().lock().write_all(text.as_bytes());
    ended_if_closed(written);
}

/// Writes `text` to standard error without a line break, made safe to show, for an answer that
/// follows on the same line.
pub(crate) fn prompt(text: impl AsRef<str>) {
    // The one handle on standard error for prompts: this is the door.
    #[allow(clippy::disallowed_methods)]
    let mut stderr = std::io::stderr().lock();
    let written = stderr.write_all(safe(text.as_ref(), Colour::Off).as_bytes()).and_then(|()| stderr.flush());
    ended_if_closed(written);
}

/// Writes `text` and a line break to standard output, made safe to show.
pub(crate) fn line(text: impl AsRef<str>) {
    let mut text = safe(text.as_ref(), Colour::Off).into_owned();
    text.push('\n');
    write_out(&text);
}

/// Writes `text`, with the line breaks it has, to standard output, made safe to show.
pub(crate) fn text(text: impl AsRef<str>) {
    write_out(&safe(text.as_ref(), Colour::Off));
}

/// Writes text already made safe to standard output.
fn write_out(text: &str) {
    // The one handle on standard output for text: this is the door.
    #[allow(clippy::disallowed_methods)]
    let written = std::io::stdout().lock().write_all(text.as_bytes());
    ended_if_closed(written);
}

/// Writes `text` (its own line breaks included) to standard output, made safe to show but for the
/// tool's own colour codes, which `anstream` keeps on a terminal that wants them and drops elsewhere.
pub(crate) fn coloured(text: impl AsRef<str>) {
    let text = safe(text.as_ref(), Colour::Kept);
    // anstream decides about colour (NO_COLOR, CLICOLOR_FORCE, a terminal or not): this is the door.
    #[allow(clippy::disallowed_methods)]
    let written = anstream::stdout().lock().write_all(text.as_bytes());
    ended_if_closed(written);
}

/// Writes a document to standard output as it is, byte for byte: JSON, the schema, a ticket, a
/// SARIF log, a manual page. Whatever made it escaped what it holds in the document's own syntax.
/// Gives the failure to write, if any, but for a closed pipe, which ends the process quietly.
pub(crate) fn document_as_is(document: impl AsRef<[u8]>) -> std::io::Result<()> {
    // Documents are written unchanged on purpose: this is the door.
    #[allow(clippy::disallowed_methods)]
    let mut stdout = std::io::stdout().lock();
    let written = stdout.write_all(document.as_ref()).and_then(|()| stdout.flush());
    if let Err(error) = &written
        && error.kind() == std::io::ErrorKind::BrokenPipe
    {
        crate::cli::closed_output::end_as_by_closed_pipe();
    }
    written
}

/// Writes a JSON document to standard output: as it is into a pipe or a file (an editor replaces
/// its buffer with it), and on a terminal with the raw control and bidirectional characters that
/// JSON allows inside strings written as `\u` escapes, which mean the same value.
pub(crate) fn json_document(json: String) {
    // A failure other than a closed pipe cannot be told anywhere useful: standard output is the answer.
    let _ = if is_terminal() { document_as_is(crate::text::json_escaped(json)) } else { document_as_is(json) };
}

/// Standard output as the terminal itself: for the wizard's screen (drawn from escaped text), the
/// language server's protocol, and the line mode's prompt, which makes each line safe with [`safe_lines`].
pub(crate) fn screen() -> std::io::Stdout {
    // Handed only to code that draws or speaks a protocol, never to print a message: this is the door.
    #[allow(clippy::disallowed_methods)]
    std::io::stdout()
}

/// Standard error as the terminal itself, for the hidden prompt that echoes `•` per character.
pub(crate) fn screen_errors() -> std::io::Stderr {
    // Handed only to the hidden prompt, which writes its own `•` and erasing: this is the door.
    #[allow(clippy::disallowed_methods)]
    std::io::stderr()
}

/// True when standard output is a terminal (the wizard needs one).
pub(crate) fn is_terminal() -> bool {
    std::io::IsTerminal::is_terminal(&screen())
}

/// True when standard error is a terminal (a hidden prompt needs one).
pub(crate) fn errors_on_terminal() -> bool {
    std::io::IsTerminal::is_terminal(&screen_errors())
}

/// `text` as every line of it may be shown: line breaks and tabs kept, every other control,
/// escape or bidirectional character written visibly. For writers that are not standard output
/// or error themselves (the line mode writes to whatever it is given).
pub(crate) fn safe_lines(text: &str) -> Cow<'_, str> {
    safe(text, Colour::Off)
}

/// Whether the colour codes the tool writes (`ESC [ … m`) pass through.
#[derive(Clone, Copy, PartialEq)]
enum Colour {
    Kept,
    Off,
}

/// `text` with every unsafe character written visibly but line breaks, tabs and, when `colour`
/// is kept, complete colour codes. Text already escaped is returned as it is.
fn safe(text: &str, colour: Colour) -> Cow<'_, str> {
    let shown_as_is = |c: char| c == '\n' || c == '\t' || !crate::text::is_unsafe(c);
    if text.chars().all(shown_as_is) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if colour == Colour::Kept
            && let Some(code) = colour_code(rest)
        {
            out.push_str(code);
            rest = &rest[code.len()..];
            continue;
        }
        if shown_as_is(c) {
            out.push(c);
        } else {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

/// The colour code `text` starts with (`ESC [` digits and `;` `m`), which only sets colours and
/// weight: it cannot move the cursor, clear the screen, set a title or make a link.
fn colour_code(text: &str) -> Option<&str> {
    let parameters = text.strip_prefix("\u{1b}[")?;
    let length = parameters.find(|c: char| !(c.is_ascii_digit() || c == ';'))?;
    parameters[length..].starts_with('m').then(|| &text[..2 + length + 1])
}

/// Ends the process as a closed pipe would when `written` failed because nobody reads any more;
/// any other failure (a full disk behind a redirection) cannot be told anywhere, so it is let go.
fn ended_if_closed(written: std::io::Result<()>) {
    if let Err(error) = written
        && error.kind() == std::io::ErrorKind::BrokenPipe
    {
        crate::cli::closed_output::end_as_by_closed_pipe();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_characters_are_written_visibly_and_line_breaks_stay() {
        let hostile = "a\u{1b}]0;PWNED\u{7}b\u{1b}[2J\u{9b}31m\u{202e}c\r\nnext\tcell";
        assert_eq!(
            safe(hostile, Colour::Off),
            "a\\u{1b}]0;PWNED\\u{7}b\\u{1b}[2J\\u{9b}31m\\u{202e}c\\u{d}\nnext\tcell"
        );
    }

    #[test]
    fn only_colour_codes_pass_when_colour_is_kept() {
        let text = "\u{1b}[1m\u{1b}[31mred\u{1b}[0m \u{1b}[2J \u{1b}]8;;http://x\u{7} \u{1b}[";
        assert_eq!(
            safe(text, Colour::Kept),
            "\u{1b}[1m\u{1b}[31mred\u{1b}[0m \\u{1b}[2J \\u{1b}]8;;http://x\\u{7} \\u{1b}["
        );
        assert_eq!(safe("\u{1b}[31m", Colour::Off), "\\u{1b}[31m");
    }

    #[test]
    fn escaping_twice_changes_nothing_more() {
        let once = crate::text::escaped("x\u{1b}[31m\u{202e}\n").into_owned();
        assert_eq!(safe(&once, Colour::Off), once);
        assert!(matches!(safe("plain text\n\tand more", Colour::Off), Cow::Borrowed(_)));
    }
}
