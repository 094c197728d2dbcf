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

use crate::escape;
use std::io::Write as _;

/// Writes `text` and a line break to standard error, made safe to show.
pub(crate) fn message(text: impl AsRef<str>) {
    let mut text = escape::terminal_text(text.as_ref()).into_owned();
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
    let written = stderr.write_all(escape::terminal_text(text.as_ref()).as_bytes()).and_then(|()| stderr.flush());
    ended_if_closed(written);
}

/// Writes `text` and a line break to standard output, made safe to show.
pub(crate) fn line(text: impl AsRef<str>) {
    let mut text = escape::terminal_text(text.as_ref()).into_owned();
    text.push('\n');
    write_out(&text);
}

/// Writes `text`, with the line breaks it has, to standard output, made safe to show.
pub(crate) fn text(text: impl AsRef<str>) {
    write_out(&escape::terminal_text(text.as_ref()));
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
    let text = escape::terminal_text_coloured(text.as_ref());
    // anstream decides about colour (NO_COLOR, CLICOLOR_FORCE, a terminal or not): this is the door.
    #[allow(clippy::disallowed_methods)]
    let written = anstream::stdout().lock().write_all(text.as_bytes());
    ended_if_closed(written);
}

/// Standard output for many coloured lines one after another (a long diff): each line made safe as
/// [`coloured`] makes it, all through one buffer rather than a write per line, so that a diff of
/// millions of lines is written as it is made, never held whole.
pub(crate) struct ColouredLines {
    out: std::io::BufWriter<Box<dyn std::io::Write>>,
    /// Colour is off (not a terminal, `NO_COLOR`): the codes are taken out of each line here, in
    /// memory, instead of by anstream, which would write every piece between them on its own.
    strip: bool,
}

/// Opens standard output for [`ColouredLines::line`]; what is buffered is written when it is dropped.
pub(crate) fn coloured_lines() -> ColouredLines {
    // anstream decides about colour, as for `coloured`: this is the door.
    #[allow(clippy::disallowed_methods)]
    let stream = anstream::stdout().lock();
    let strip = stream.current_choice() == anstream::ColorChoice::Never;
    let out: Box<dyn std::io::Write> = if strip {
        drop(stream);
        // The same standard output, written to as it is: every line is stripped before it.
        #[allow(clippy::disallowed_methods)]
        Box::new(std::io::stdout().lock())
    } else {
        Box::new(stream)
    };
    ColouredLines { out: std::io::BufWriter::with_capacity(1 << 16, out), strip }
}

impl ColouredLines {
    /// Whether the colour codes of a line reach the terminal: where they do not, a caller that
    /// writes millions of lines can leave them out rather than have them taken out again.
    pub(crate) fn colour(&self) -> bool {
        !self.strip
    }

    /// Writes `pieces` one after another and a line break, made safe to show but for the tool's own
    /// colour codes. In pieces, so that a line of a file need not be copied to be written after its sign.
    pub(crate) fn line(&mut self, pieces: &[&str]) {
        // Most lines of a diff: nothing to escape and no colour code to take out.
        if pieces.iter().all(|piece| escape::printable_ascii(piece)) {
            let mut written = Ok(());
            for piece in pieces {
                written = written.and_then(|()| self.out.write_all(piece.as_bytes()));
            }
            ended_if_closed(written.and_then(|()| self.out.write_all(b"\n")));
            return;
        }
        let text = pieces.concat();
        let text = escape::terminal_text_coloured(&text);
        // Once escaped, an escape character can only start one of the tool's colour codes.
        let written = if self.strip && memchr::memchr(0x1b, text.as_bytes()).is_some() {
            let mut written = Ok(());
            for piece in anstream::adapter::strip_str(&text) {
                written = written.and_then(|()| self.out.write_all(piece.as_bytes()));
            }
            written.and_then(|()| self.out.write_all(b"\n"))
        } else {
            self.out.write_all(text.as_bytes()).and_then(|()| self.out.write_all(b"\n"))
        };
        ended_if_closed(written);
    }
}

impl Drop for ColouredLines {
    fn drop(&mut self) {
        ended_if_closed(self.out.flush());
    }
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
    let _ = if is_terminal() { document_as_is(escape::json(json)) } else { document_as_is(json) };
}

/// Standard output as the terminal itself: for the wizard's screen (drawn from escaped text), the
/// language server's protocol, and the line mode's prompt, which makes each line safe with [`escape::terminal_text`].
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

/// Ends the process as a closed pipe would when `written` failed because nobody reads any more;
/// any other failure (a full disk behind a redirection) cannot be told anywhere, so it is let go.
fn ended_if_closed(written: std::io::Result<()>) {
    if let Err(error) = written
        && error.kind() == std::io::ErrorKind::BrokenPipe
    {
        crate::cli::closed_output::end_as_by_closed_pipe();
    }
}
