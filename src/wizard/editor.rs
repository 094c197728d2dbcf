//! Text being edited: a one-line `tui_input::Input`, or several of them for values that keep line breaks.

use crate::manifest::edit::Owner;
use crate::manifest::{Key, Slot};
use tui_input::{Input, InputRequest};

/// What an editor writes to when it changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditTarget {
    /// A text value of the manifest.
    Value { owner: Owner, key: Key },
    /// An entry of `interaction_types`.
    InteractionType(usize),
    /// One option of a `select` input.
    SelectOption { action: usize, input: usize, index: usize },
}

/// An open editor: the text, where it goes, and the value to restore if the author cancels.
#[derive(Debug, Clone)]
pub struct Editor {
    pub target: EditTarget,
    pub original: Slot<String>,
    pub text: TextBox,
    /// Whether the document had unsaved changes before, restored on cancel.
    pub was_modified: bool,
    /// The highlighted template completion, when completions are offered.
    pub completion: usize,
}

/// The text of an editor.
#[derive(Debug, Clone)]
pub enum TextBox {
    /// A text of one line.
    Line(Input),
    /// A text of several lines.
    Area(TextArea),
}

impl TextBox {
    /// A box holding `value`, with the cursor at its end.
    pub fn new(value: &str, multiline: bool) -> Self {
        if multiline { TextBox::Area(TextArea::new(value)) } else { TextBox::Line(Input::new(value.to_owned())) }
    }

    /// The whole text.
    pub fn value(&self) -> String {
        match self {
            TextBox::Line(input) => input.value().to_owned(),
            TextBox::Area(area) => area.value(),
        }
    }

    /// Applies an editing request; returns true when the text changed.
    pub fn handle(&mut self, request: InputRequest) -> bool {
        match self {
            TextBox::Line(input) => input.handle(request).is_some_and(|changed| changed.value),
            TextBox::Area(area) => area.handle(request),
        }
    }

    /// Empties the text.
    pub fn clear(&mut self) {
        *self = TextBox::new("", matches!(self, TextBox::Area(_)));
    }

    /// True when the text is too long to be copied into the manifest at every keystroke (over a
    /// MiB, or more lines than a person types); measured without going through every line.
    pub fn is_long(&self) -> bool {
        const LONG: usize = 1 << 20;
        match self {
            TextBox::Line(input) => input.value().len() > LONG,
            TextBox::Area(area) => {
                area.lines.len() > 4_096 || area.lines.iter().map(|line| line.value().len()).sum::<usize>() > LONG
            }
        }
    }

    /// The text before the cursor (of the cursor's line, in a multi-line box).
    pub fn before_cursor(&self) -> String {
        let line = match self {
            TextBox::Line(input) => input,
            TextBox::Area(area) => &area.lines[area.row],
        };
        line.value().chars().take(line.cursor()).collect()
    }

    /// The text of the cursor's line (all of it, in a one-line box).
    pub fn current_line(&self) -> &str {
        match self {
            TextBox::Line(input) => input.value(),
            TextBox::Area(area) => area.lines[area.row].value(),
        }
    }

    /// Replaces the cursor's line and puts the cursor at `cursor` (in characters).
    pub fn replace_line(&mut self, text: String, cursor: usize) {
        let line = match self {
            TextBox::Line(input) => input,
            TextBox::Area(area) => &mut area.lines[area.row],
        };
        *line = Input::new(text).with_cursor(cursor);
    }

    /// Inserts text at the cursor; a one-line box turns line breaks into spaces so a paste cannot submit.
    pub fn insert(&mut self, text: &str) {
        match self {
            TextBox::Line(input) => {
                // A copied line usually ends with its line break: it is not part of the value.
                let text = text.trim_end_matches(['\r', '\n']);
                for c in text.replace("\r\n", " ").chars() {
                    let c = if c == '\n' || c == '\r' { ' ' } else { c };
                    input.handle(InputRequest::InsertChar(c));
                }
            }
            TextBox::Area(area) => {
                for c in text.replace("\r\n", "\n").chars() {
                    match c {
                        '\n' | '\r' => area.newline(),
                        c => {
                            area.handle(InputRequest::InsertChar(c));
                        }
                    }
                }
            }
        }
    }
}

/// Several lines of text, each a `tui_input::Input`, with the cursor on one of them.
#[derive(Debug, Clone)]
pub struct TextArea {
    lines: Vec<Input>,
    row: usize,
}

impl TextArea {
    /// A text area holding `value`, the cursor at its end.
    pub fn new(value: &str) -> Self {
        let lines: Vec<Input> = value.split('\n').map(|line| Input::new(line.to_owned())).collect();
        let row = lines.len() - 1;
        TextArea { lines, row }
    }

    /// The text, lines joined with `\n`.
    pub fn value(&self) -> String {
        self.lines.iter().map(Input::value).collect::<Vec<_>>().join("\n")
    }

    /// The lines, and the row and column (in characters) of the cursor.
    pub fn lines(&self) -> (&[Input], usize) {
        (&self.lines, self.row)
    }

    /// Splits the line at the cursor.
    pub fn newline(&mut self) {
        let line = &self.lines[self.row];
        let split = line.value().char_indices().nth(line.cursor()).map_or(line.value().len(), |(at, _)| at);
        let (before, after) = line.value().split_at(split);
        let (before, after) = (before.to_owned(), after.to_owned());
        self.lines[self.row] = Input::new(before);
        self.row += 1;
        self.lines.insert(self.row, Input::new(after).with_cursor(0));
    }

    /// Moves the cursor to the line above or below, keeping its column where it can.
    pub fn move_line(&mut self, up: bool) {
        let target =
            if up { self.row.checked_sub(1) } else { Some(self.row + 1).filter(|&row| row < self.lines.len()) };
        if let Some(target) = target {
            let column = self.lines[self.row].cursor();
            self.row = target;
            self.lines[target].handle(InputRequest::SetCursor(column));
        }
    }

    /// Applies an editing request; Backspace at a line's start joins it to the line above.
    pub fn handle(&mut self, request: InputRequest) -> bool {
        let at_start = self.lines[self.row].cursor() == 0;
        // Counted only for Delete: counting a long line's characters at every keystroke costs its length.
        let at_end = || self.lines[self.row].cursor() == self.lines[self.row].value().chars().count();
        match request {
            InputRequest::DeletePrevChar if at_start && self.row > 0 => {
                let line = self.lines.remove(self.row);
                self.row -= 1;
                self.join_next(line.value());
                true
            }
            InputRequest::DeleteNextChar if self.row + 1 < self.lines.len() && at_end() => {
                let line = self.lines.remove(self.row + 1);
                self.join_next(line.value());
                true
            }
            request => self.lines[self.row].handle(request).is_some_and(|changed| changed.value),
        }
    }

    fn join_next(&mut self, tail: &str) {
        let current = &self.lines[self.row];
        let cursor = current.value().chars().count();
        let joined = format!("{}{tail}", current.value());
        self.lines[self.row] = Input::new(joined).with_cursor(cursor);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_area_splits_and_joins_lines() {
        let mut area = TextArea::new("hello world");
        for _ in 0..6 {
            area.handle(InputRequest::GoToPrevChar);
        }
        area.newline();
        assert_eq!(area.value(), "hello\n world");
        area.handle(InputRequest::DeletePrevChar);
        assert_eq!(area.value(), "hello world");
        area.handle(InputRequest::InsertChar('!'));
        assert_eq!(area.value(), "hello! world");
    }

    #[test]
    fn moving_between_lines_keeps_the_column() {
        let mut area = TextArea::new("abcdef\nxy");
        area.move_line(true);
        area.handle(InputRequest::InsertChar('_'));
        assert_eq!(area.value(), "ab_cdef\nxy");
    }

    #[test]
    fn a_paste_into_one_line_keeps_it_one_line() {
        let mut text = TextBox::new("a", false);
        text.insert("b\r\nc\nd");
        assert_eq!(text.value(), "ab c d");
        let mut text = TextBox::new("a", true);
        text.insert("b\r\nc");
        assert_eq!(text.value(), "ab\nc");
    }
}
