//! The prompt loop: plain lines out, one answer per line in, over any `BufRead`/`Write` pair.
//!
//! Nothing here writes an escape sequence: every text that may come from a file goes through
//! [`crate::wizard::display`], which shows control characters escaped (`\u{1b}`).

use std::io::{BufRead, Read, Write};

/// The longest answer read: more is refused, so a runaway input cannot fill the memory.
pub(crate) const MAX_ANSWER: usize = 16 << 20;

/// The input ended (or could not be read or written any more): the session stops without saving.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ended;

/// What an answer may be: the session goes on, or the input ended.
pub(crate) type Answer<T> = Result<T, Ended>;

/// Questions and answers, one line each.
pub(crate) struct Prompt<R, W> {
    input: R,
    output: W,
    /// Echo each answer and end the question's line: a pipe does not echo the answer (a terminal does),
    /// and a transcript of questions without their answers cannot be followed.
    end_lines: bool,
}

impl<R: BufRead, W: Write> Prompt<R, W> {
    /// Asks on `output`, reads answers from `input` (a pipe or file: nothing echoes the answers).
    pub(crate) fn new(input: R, output: W) -> Self {
        Prompt { input, output, end_lines: true }
    }

    /// Reading from a terminal, which echoes each answer with its line break.
    pub(crate) fn for_terminal(mut self) -> Self {
        self.end_lines = false;
        self
    }

    /// Says one line, made safe to show (the output is the terminal itself).
    pub(crate) fn say(&mut self, line: &str) -> Answer<()> {
        writeln!(self.output, "{}", crate::escape::terminal_text(line)).map_err(|_| Ended)
    }

    /// Asks `question` (ending the line with a space, where the answer is typed) and returns the
    /// answer without its line ending and without control characters (they could not be typed on purpose).
    pub(crate) fn ask(&mut self, question: &str) -> Answer<String> {
        loop {
            write!(self.output, "{} ", crate::escape::terminal_text(question))
                .and_then(|()| self.output.flush())
                .map_err(|_| Ended)?;
            let mut line = Vec::new();
            match self.input.by_ref().take(MAX_ANSWER as u64 + 1).read_until(b'\n', &mut line) {
                Ok(0) | Err(_) => return Err(Ended),
                Ok(_) => {}
            }
            if line.len() > MAX_ANSWER && line.last() != Some(&b'\n') {
                // Memory stays bounded whatever comes in (`< /dev/zero`): the rest of the line is skipped.
                self.skip_line()?;
                if self.end_lines {
                    writeln!(self.output).map_err(|_| Ended)?;
                }
                self.say(&format!("That answer is longer than {} MiB; type a shorter one.", MAX_ANSWER >> 20))?;
                continue;
            }
            let text = String::from_utf8(line).map(|text| text.chars().filter(|c| !c.is_control()).collect::<String>());
            if self.end_lines {
                let echo = text.as_deref().map_or_else(|_| String::new(), echoed);
                writeln!(self.output, "{}", crate::escape::terminal_text(&echo)).map_err(|_| Ended)?;
            }
            match text {
                Ok(text) => return Ok(text),
                Err(_) => self.say("That answer is not UTF-8 text; type it again.")?,
            }
        }
    }

    /// Reads and drops input up to the next line break.
    fn skip_line(&mut self) -> Answer<()> {
        loop {
            let buffer = self.input.fill_buf().map_err(|_| Ended)?;
            if buffer.is_empty() {
                return Err(Ended);
            }
            match buffer.iter().position(|&byte| byte == b'\n') {
                Some(at) => {
                    self.input.consume(at + 1);
                    return Ok(());
                }
                None => {
                    let length = buffer.len();
                    self.input.consume(length);
                }
            }
        }
    }

    /// Asks a text that may span lines: a line ending with a backslash goes on on the next line.
    pub(crate) fn ask_lines(&mut self, question: &str) -> Answer<String> {
        let mut text = String::new();
        let mut line = self.ask(question)?;
        while let Some(start) = line.strip_suffix('\\') {
            text.push_str(start);
            text.push('\n');
            line = self.ask("next line:")?;
        }
        text.push_str(&line);
        Ok(text)
    }

    /// Asks a yes / no question; an empty answer is `default`. Anything else asks again.
    pub(crate) fn ask_yes_no(&mut self, question: &str, default: bool) -> Answer<bool> {
        let hint = if default { "yes or no, Enter for yes" } else { "yes or no, Enter for no" };
        loop {
            let answer = self.ask(&format!("{question} ({hint}):"))?;
            match yes_no(&answer) {
                Some(value) => return Ok(value),
                None if answer.trim().is_empty() => return Ok(default),
                None => self.say(&format!(
                    "\"{}\" is not yes or no; answer yes (or y) or no (or n).",
                    crate::escape::one_line(answer.trim())
                ))?,
            }
        }
    }
}

/// The longest echo of an answer read from a pipe, in characters: the transcript stays readable.
const MAX_ECHO: usize = 200;

/// An answer as the transcript shows it: escaped like every text from outside, clipped when very long.
fn echoed(answer: &str) -> String {
    let shown = crate::escape::one_line(answer);
    match shown.char_indices().nth(MAX_ECHO) {
        Some((end, _)) => format!("{}… ({} characters)", &shown[..end], answer.chars().count()),
        None => shown.into_owned(),
    }
}

/// `yes`/`y`/`no`/`n` in any letter case, or None.
pub(crate) fn yes_no(answer: &str) -> Option<bool> {
    match answer.trim().to_lowercase().as_str() {
        "y" | "yes" => Some(true),
        "n" | "no" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn prompt(answers: &str) -> Prompt<Cursor<Vec<u8>>, Vec<u8>> {
        Prompt::new(Cursor::new(answers.as_bytes().to_vec()), Vec::new())
    }

    #[test]
    fn answers_come_back_without_line_endings_and_end_of_input_is_said() {
        let mut prompt = prompt("first\r\nsecond\n");
        assert_eq!(prompt.ask("One?"), Ok("first".to_owned()));
        assert_eq!(prompt.ask("Two?"), Ok("second".to_owned()));
        assert_eq!(prompt.ask("Three?"), Err(Ended));
        assert_eq!(String::from_utf8_lossy(&prompt.output), "One? first\nTwo? second\nThree? ");
    }

    #[test]
    fn answers_read_from_a_terminal_are_not_echoed_again() {
        let mut prompt = prompt("first\n").for_terminal();
        assert_eq!(prompt.ask("One?"), Ok("first".to_owned()));
        assert_eq!(String::from_utf8_lossy(&prompt.output), "One? ");
    }

    #[test]
    fn a_very_long_answer_is_echoed_clipped_and_its_length_said() {
        let mut prompt = prompt(&format!("{}\n", "y".repeat(1000)));
        assert_eq!(prompt.ask("Q?").map(|answer| answer.len()), Ok(1000));
        let said = String::from_utf8_lossy(&prompt.output).into_owned();
        assert!(said.ends_with("… (1000 characters)\n") && said.len() < 300, "{said}");
    }

    #[test]
    fn a_last_line_without_line_break_is_still_an_answer() {
        assert_eq!(prompt("last").ask("Q?"), Ok("last".to_owned()));
    }

    #[test]
    fn control_characters_typed_or_piped_are_dropped() {
        assert_eq!(prompt("a\u{1b}[31mb\n").ask("Q?"), Ok("a[31mb".to_owned()));
    }

    #[test]
    fn yes_no_asks_again_until_it_understands_and_enter_takes_the_default() {
        let mut prompt = prompt("maybe\nYES\n\n");
        assert_eq!(prompt.ask_yes_no("Save?", false), Ok(true));
        assert_eq!(prompt.ask_yes_no("Save?", false), Ok(false));
        assert!(String::from_utf8_lossy(&prompt.output).contains("\"maybe\" is not yes or no"));
    }

    #[test]
    fn a_backslash_at_the_end_of_a_line_goes_on_on_the_next() {
        let mut prompt = prompt("first \\\nsecond\n");
        assert_eq!(prompt.ask_lines("Description:"), Ok("first \nsecond".to_owned()));
    }

    #[test]
    fn an_answer_too_long_is_refused_without_reading_it_all_into_memory() {
        let mut answers = vec![b'x'; MAX_ANSWER + 10];
        answers.extend(b"\nshort\n");
        let mut prompt = Prompt::new(Cursor::new(answers), Vec::new());
        assert_eq!(prompt.ask("Q?"), Ok("short".to_owned()));
        assert!(String::from_utf8_lossy(&prompt.output).contains("longer than 16 MiB"));
    }

    #[test]
    fn bytes_that_are_not_utf8_are_asked_again() {
        let mut prompt = Prompt::new(Cursor::new(b"\xff\xfe\nok\n".to_vec()), Vec::new());
        assert_eq!(prompt.ask("Q?"), Ok("ok".to_owned()));
    }
}
