//! Text being edited: one [`EditLine`], or several of them for values that keep line breaks, shown
//! wrapped to the form's width ([`wrap`]).

#[cfg(test)]
mod area_tests;
mod line;
mod wrap;

use super::steps::{Progress, Step};
use crate::manifest::edit::Owner;
use crate::manifest::{Key, Slot};
pub(crate) use line::EditLine;
use tui_input::InputRequest;
pub(crate) use wrap::{rows, scrolled};

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
    /// The text is too long to be written into the manifest at each keystroke and has changed since it
    /// last was: it is written when the edit ends, or before a draft is.
    pub unwritten: bool,
    /// What the step list said of each step when the edit began (by step index), shown until the
    /// edit ends: a field is judged when it is finished, not counted while half typed. Boxed: an
    /// editor is kept in place of the page's mode, which stays small.
    pub(crate) steps_before: Option<Box<[Progress; Step::ALL.len()]>>,
}

/// The text of an editor.
#[derive(Debug, Clone)]
pub enum TextBox {
    /// A text of one line.
    Line(EditLine),
    /// A text of several lines.
    Area(TextArea),
}

impl TextBox {
    /// A box holding `value`, with the cursor at its end.
    pub fn new(value: &str, multiline: bool) -> Self {
        if multiline { TextBox::Area(TextArea::new(value)) } else { TextBox::Line(EditLine::new(value)) }
    }

    /// The whole text.
    pub fn value(&self) -> String {
        match self {
            TextBox::Line(line) => line.value(),
            TextBox::Area(area) => area.value(),
        }
    }

    /// Applies an editing request; returns true when the text changed.
    pub fn handle(&mut self, request: InputRequest) -> bool {
        match self {
            TextBox::Line(line) => line.handle(request),
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
            TextBox::Line(line) => line.len() > LONG,
            TextBox::Area(area) => {
                area.lines.len() > 4_096 || area.lines.iter().map(EditLine::len).sum::<usize>() > LONG
            }
        }
    }

    /// The line the cursor is on (the only one, in a one-line box).
    fn current(&self) -> &EditLine {
        match self {
            TextBox::Line(line) => line,
            TextBox::Area(area) => &area.lines[area.row],
        }
    }

    /// The text before the cursor (of the cursor's line, in a multi-line box).
    pub fn before_cursor(&self) -> String {
        let line = self.current();
        line.slice(0..line.cursor())
    }

    /// The text after the cursor (of the cursor's line, in a multi-line box).
    pub fn after_cursor(&self) -> String {
        let line = self.current();
        line.slice(line.cursor()..line.len_chars())
    }

    /// Replaces the cursor's line and puts the cursor at `cursor` (in characters).
    pub fn replace_line(&mut self, text: String, cursor: usize) {
        let line = match self {
            TextBox::Line(line) => line,
            TextBox::Area(area) => &mut area.lines[area.row],
        };
        *line = EditLine::new(&text).with_cursor(cursor);
    }

    /// Inserts text at the cursor; a one-line box turns line breaks into spaces so a paste cannot submit.
    pub fn insert(&mut self, text: &str) {
        match self {
            TextBox::Line(line) => {
                // A copied line usually ends with its line break: it is not part of the value.
                let text = text.trim_end_matches(['\r', '\n']);
                line.insert_str(&text.replace("\r\n", " ").replace(['\n', '\r'], " "));
            }
            TextBox::Area(area) => {
                // Inserted at once, not character by character: a pasted megabyte costs its length once.
                for (index, part) in text.replace("\r\n", "\n").split(['\n', '\r']).enumerate() {
                    if index > 0 {
                        area.newline();
                    }
                    area.lines[area.row].insert_str(part);
                }
            }
        }
    }
}

/// Several lines of text, each an [`EditLine`], with the cursor on one of them.
#[derive(Debug, Clone)]
pub struct TextArea {
    lines: Vec<EditLine>,
    row: usize,
}

impl TextArea {
    /// A text area holding `value`, the cursor at its end.
    pub fn new(value: &str) -> Self {
        let lines: Vec<EditLine> = value.split('\n').map(EditLine::new).collect();
        let row = lines.len() - 1;
        TextArea { lines, row }
    }

    /// The text, lines joined with `\n`.
    pub fn value(&self) -> String {
        let mut text = String::with_capacity(self.lines.iter().map(|line| line.len() + 1).sum());
        for (index, line) in self.lines.iter().enumerate() {
            if index > 0 {
                text.push('\n');
            }
            line.push_to(&mut text);
        }
        text
    }

    /// The lines, and the row and column (in characters) of the cursor.
    pub fn lines(&self) -> (&[EditLine], usize) {
        (&self.lines, self.row)
    }

    /// Splits the line at the cursor.
    pub fn newline(&mut self) {
        let (before, after) = std::mem::take(&mut self.lines[self.row]).split();
        self.lines[self.row] = before;
        self.row += 1;
        self.lines.insert(self.row, after);
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
        let at_end = || self.lines[self.row].cursor() == self.lines[self.row].len_chars();
        match request {
            InputRequest::DeletePrevChar if at_start && self.row > 0 => {
                let line = self.lines.remove(self.row);
                self.row -= 1;
                self.join_next(line);
                true
            }
            InputRequest::DeleteNextChar if self.row + 1 < self.lines.len() && at_end() => {
                let line = self.lines.remove(self.row + 1);
                self.join_next(line);
                true
            }
            request => self.lines[self.row].handle(request),
        }
    }

    fn join_next(&mut self, tail: EditLine) {
        let current = std::mem::take(&mut self.lines[self.row]);
        self.lines[self.row] = current.joined(tail);
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
