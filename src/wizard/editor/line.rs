//! One line of text being edited, as fast in a 50 MB value as in a name: tui-input edits a window of a
//! few thousand characters around the cursor, and the text before and after it waits in a rope.
//!
//! tui-input keeps its value as a `String` and its cursor as a character index, so each keystroke
//! counts characters from the start: its cost grows with the value. Here it only ever holds the
//! window, cut again around the cursor when the cursor comes near one of its cut edges, and the keys
//! that reach beyond the window (Home, End, Ctrl-U, Ctrl-K, Ctrl-Y) work on the whole text.
//!
//! The window is cut only where the text before and after the cut is segmented the same way whole
//! and cut: after an ASCII space or a punctuation mark that never joins two words (not `_ . ' : , ;`)
//! and before an ASCII letter or digit. Such a cut is a boundary of characters and of words whatever
//! surrounds it, and the word after it starts there; so moving or deleting by a character or a word
//! inside the window lands where it would in the whole text, even at the window's edge.

use ropey::Rope;
use std::ops::Range;
use tui_input::{Input, InputRequest};

#[cfg(not(test))]
use sizes::*;
#[cfg(test)]
use test_sizes::*;

#[cfg(not(test))]
mod sizes {
    /// Characters kept on each side of the cursor when the window is cut (at least: the cut goes on
    /// to the next place where the text may be cut).
    pub(super) const HALF: usize = 2_048;
    /// Nearer than this to a cut edge of the window, the cursor gets a new window around it.
    pub(super) const MARGIN: usize = 256;
    /// A line up to this many bytes is not cut at all; a window that grew past it is cut again.
    pub(super) const WHOLE: usize = 32 * 1024;
}

/// Small windows in unit tests, so that a text of a few KB crosses many of them.
#[cfg(test)]
mod test_sizes {
    pub(super) const HALF: usize = 64;
    pub(super) const MARGIN: usize = 16;
    pub(super) const WHOLE: usize = 256;
}

/// One line of text with a cursor, edited as a `tui_input::Input` would edit it.
#[derive(Debug, Clone, Default)]
pub struct EditLine {
    /// The text outside the window, when the line is cut; the window's place in it is `at`.
    rest: Option<Rope>,
    /// Characters before the window.
    at: usize,
    window: Input,
    /// The window's length in bytes when it was cut: a window that doubles is cut again.
    cut_len: usize,
    /// What the last cuts took (Ctrl-W, Ctrl-K, Ctrl-U...), for Ctrl-Y; kept here rather than in the
    /// window, which is replaced at each cut. Cuts in a row add up, as in tui-input.
    yank: String,
    last_was_cut: bool,
}

/// Which side of the cursor a cut took its text from.
enum Side {
    Left,
    Right,
}

impl EditLine {
    /// A line holding `text`, the cursor at its end.
    pub fn new(text: &str) -> Self {
        if text.len() <= WHOLE {
            return EditLine { window: Input::new(text.to_owned()), ..EditLine::default() };
        }
        EditLine::from_rope(Rope::from_str(text))
    }

    fn from_rope(rope: Rope) -> Self {
        if rope.len_bytes() <= WHOLE {
            return EditLine::new(&rope.to_string());
        }
        let end = rope.len_chars();
        let mut line = EditLine { rest: Some(rope), ..EditLine::default() };
        line.cut_around(end);
        line
    }

    /// The same line with the cursor at `cursor` (in characters, at most the end).
    pub fn with_cursor(mut self, cursor: usize) -> Self {
        self.move_to(cursor.min(self.len_chars()));
        self
    }

    /// The cursor, in characters from the start of the line.
    pub fn cursor(&self) -> usize {
        self.at + self.window.cursor()
    }

    /// The number of characters of the line.
    pub fn len_chars(&self) -> usize {
        self.rest.as_ref().map_or(0, Rope::len_chars) + self.window_chars()
    }

    /// The line's length in bytes.
    pub fn len(&self) -> usize {
        self.rest.as_ref().map_or(0, Rope::len_bytes) + self.window.value().len()
    }

    /// True when the line holds no character.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The whole text.
    pub fn value(&self) -> String {
        let mut text = String::with_capacity(self.len());
        self.push_to(&mut text);
        text
    }

    /// Appends the whole text to `text`: a text area joins its lines without a copy of each.
    pub fn push_to(&self, text: &mut String) {
        let Some(rest) = &self.rest else {
            text.push_str(self.window.value());
            return;
        };
        text.extend(rest.slice(..self.at).chunks());
        text.push_str(self.window.value());
        text.extend(rest.slice(self.at..).chunks());
    }

    /// The editor holding the whole line, when the line is not cut (a short line): drawing it is
    /// then tui-input's to do.
    pub fn whole(&self) -> Option<&Input> {
        self.rest.is_none().then_some(&self.window)
    }

    /// The characters in `range` (character indices of the whole line, clipped to it).
    pub fn slice(&self, range: Range<usize>) -> String {
        let Some(rest) = &self.rest else {
            return char_slice(self.window.value(), range).to_owned();
        };
        let (start, end) = (range.start.min(self.len_chars()), range.end.min(self.len_chars()));
        let window_end = self.at + self.window_chars();
        let mut text = String::new();
        if start < self.at {
            text.extend(rest.slice(start..end.min(self.at)).chunks());
        }
        let (from, to) = (start.clamp(self.at, window_end), end.clamp(self.at, window_end));
        text.push_str(char_slice(self.window.value(), from - self.at..to - self.at));
        if end > window_end {
            let shift = window_end - self.at;
            text.extend(rest.slice(start.max(window_end) - shift..end - shift).chunks());
        }
        text
    }

    /// Applies an editing request as `tui_input::Input::handle` would to the whole line; true when the
    /// text changed.
    pub fn handle(&mut self, request: InputRequest) -> bool {
        use InputRequest::*;
        let (cursor, len) = (self.cursor(), self.len_chars());
        let changed = match request {
            // As in tui-input, moving to where the cursor is changes nothing.
            SetCursor(to) => {
                self.move_to(to.min(len));
                Some(false)
            }
            GoToStart => {
                self.move_to(0);
                Some(false)
            }
            GoToEnd => {
                self.move_to(len);
                Some(false)
            }
            DeleteLine if len == 0 => None,
            DeleteLine => {
                let side = if cursor == len { Side::Left } else { Side::Right };
                self.add_to_yank(self.value(), side);
                self.delete(0..len);
                Some(true)
            }
            DeleteTillEnd => {
                self.add_to_yank(self.slice(cursor..len), Side::Right);
                self.delete(cursor..len);
                Some(true)
            }
            DeleteFromStart if cursor == 0 => None,
            DeleteFromStart => {
                self.add_to_yank(self.slice(0..cursor), Side::Left);
                self.delete(0..cursor);
                Some(true)
            }
            Yank if self.yank.is_empty() => None,
            Yank => {
                self.splice(&self.yank.clone());
                Some(true)
            }
            DeletePrevWord | DeleteNextWord => self.cut_word(request),
            request => {
                self.keep_margin();
                let changed = self.window.handle(request);
                // tui-input returns early, before noting what the key was, when there is no character
                // to move over or delete: a cut before such a key still adds up with the next cut.
                if changed.is_none() && matches!(request, DeletePrevChar | DeleteNextChar | GoToPrevChar | GoToNextChar)
                {
                    return false;
                }
                changed.map(|changed| changed.value)
            }
        };
        self.last_was_cut = matches!(request, DeleteLine | DeletePrevWord | DeleteNextWord | DeleteTillEnd);
        changed.unwrap_or(false)
    }

    /// Inserts `text` at the cursor, as typing it character by character would.
    pub fn insert_str(&mut self, text: &str) {
        if !text.is_empty() {
            self.splice(text);
            self.last_was_cut = false;
        }
    }

    /// Splits the line at the cursor: the text before it, and the text after it with the cursor at
    /// its start (both new lines, as new `Input`s would be).
    pub fn split(self) -> (EditLine, EditLine) {
        let cursor = self.cursor();
        let mut before = self.into_rope();
        let after = before.split_off(cursor);
        (EditLine::from_rope(before), EditLine::from_rope(after).with_cursor(0))
    }

    /// This line followed by `tail`, the cursor where they meet.
    pub fn joined(self, tail: EditLine) -> EditLine {
        let mut rope = self.into_rope();
        let cursor = rope.len_chars();
        rope.append(tail.into_rope());
        EditLine::from_rope(rope).with_cursor(cursor)
    }

    fn into_rope(self) -> Rope {
        let mut rope = self.rest.unwrap_or_default();
        rope.insert(self.at, self.window.value());
        rope
    }

    fn window_chars(&self) -> usize {
        self.window.value().chars().count()
    }

    /// Ctrl-W and Ctrl-Delete, in the window: with the window cut where words are cut, the word
    /// found there is the word of the whole line. What they take is kept for Ctrl-Y.
    fn cut_word(&mut self, request: InputRequest) -> Option<bool> {
        self.keep_margin();
        let before = self.window.value().to_owned();
        let cursor = self.window.cursor();
        let changed = self.window.handle(request)?;
        let at = |chars: usize| before.char_indices().nth(chars).map_or(before.len(), |(at, _)| at);
        if matches!(request, InputRequest::DeletePrevWord) {
            self.add_to_yank(before[at(self.window.cursor())..at(cursor)].to_owned(), Side::Left);
        } else {
            let start = at(cursor);
            let taken = before.len() - self.window.value().len();
            self.add_to_yank(before[start..start + taken].to_owned(), Side::Right);
        }
        Some(changed.value)
    }

    /// As tui-input: cuts in a row add up, on the side they were taken from.
    fn add_to_yank(&mut self, taken: String, side: Side) {
        if !self.last_was_cut {
            self.yank = taken;
        } else {
            match side {
                Side::Left => self.yank.insert_str(0, &taken),
                Side::Right => self.yank.push_str(&taken),
            }
        }
    }

    /// Removes the characters in `range`, the cursor at its start; what Ctrl-Y puts back stays.
    fn delete(&mut self, range: Range<usize>) {
        let (yank, last_was_cut) = (std::mem::take(&mut self.yank), self.last_was_cut);
        let mut rope = std::mem::take(self).into_rope();
        rope.remove(range.clone());
        *self = EditLine { yank, last_was_cut, ..EditLine::from_rope(rope).with_cursor(range.start) };
    }

    /// Inserts `text` at the cursor, the cursor after it.
    fn splice(&mut self, text: &str) {
        let cursor = self.window.cursor();
        let value = self.window.value();
        let at = value.char_indices().nth(cursor).map_or(value.len(), |(at, _)| at);
        let spliced = format!("{}{text}{}", &value[..at], &value[at..]);
        self.window = Input::new(spliced).with_cursor(cursor + text.chars().count());
        // A long paste is put aside at once, so that drawing it does not go through all of it.
        self.keep_margin();
    }

    /// Moves the cursor to `cursor` of the whole line: in the window when it is there, else in a new window.
    fn move_to(&mut self, cursor: usize) {
        let in_window = cursor.checked_sub(self.at).filter(|&column| column <= self.window_chars());
        match in_window {
            Some(column) => {
                self.window.handle(InputRequest::SetCursor(column));
            }
            None => self.cut_around(cursor),
        }
    }

    /// Cuts a new window around the cursor when it is near a cut edge, or when the window has grown.
    fn keep_margin(&mut self) {
        let grown = self.window.value().len() > WHOLE.max(2 * self.cut_len);
        let near_edge = self.rest.as_ref().is_some_and(|rest| {
            let (column, chars) = (self.window.cursor(), self.window_chars());
            (self.at > 0 && column < MARGIN) || (self.at < rest.len_chars() && chars - column < MARGIN)
        });
        if grown || near_edge {
            self.cut_around(self.cursor());
        }
    }

    /// Puts the window back into the rope and cuts a new one around `cursor` (characters of the line).
    fn cut_around(&mut self, cursor: usize) {
        let window = std::mem::take(&mut self.window);
        let mut rope = self.rest.take().unwrap_or_default();
        rope.insert(self.at, window.value());
        let start = cut_before(&rope, cursor.saturating_sub(HALF));
        let end = cut_after(&rope, (cursor + HALF).min(rope.len_chars()));
        let text = rope.slice(start..end).to_string();
        rope.remove(start..end);
        self.at = start;
        self.cut_len = text.len();
        self.window = Input::new(text).with_cursor(cursor - start);
        // A window holding everything (no place to cut in a line of one word) leaves nothing aside.
        self.rest = (rope.len_chars() > 0).then_some(rope);
        if self.rest.is_none() {
            self.at = 0;
        }
    }
}

/// True when a window may start or end between `left` and `right` (see the module's comment).
fn may_cut(left: Option<char>, right: Option<char>) -> bool {
    match (left, right) {
        (Some(left), Some(right)) => {
            let joins_words = matches!(left, '_' | '.' | '\'' | ':' | ',' | ';');
            (left.is_ascii_whitespace() || (left.is_ascii_punctuation() && !joins_words))
                && right.is_ascii_alphanumeric()
        }
        // The start and the end of the line.
        _ => true,
    }
}

/// The nearest place at or before `from` where a window may start.
fn cut_before(rope: &Rope, from: usize) -> usize {
    let mut right = rope.get_char(from);
    let mut chars = rope.chars_at(from);
    let mut at = from;
    while at > 0 {
        let left = chars.prev();
        if may_cut(left, right) {
            return at;
        }
        right = left;
        at -= 1;
    }
    0
}

/// The nearest place at or after `from` where a window may end.
fn cut_after(rope: &Rope, from: usize) -> usize {
    let mut left = from.checked_sub(1).and_then(|before| rope.get_char(before));
    let mut chars = rope.chars_at(from);
    let mut at = from;
    while at < rope.len_chars() {
        let right = chars.next();
        if may_cut(left, right) {
            return at;
        }
        left = right;
        at += 1;
    }
    at
}

/// The characters of `text` in `range` (character indices, clipped to the text).
fn char_slice(text: &str, range: Range<usize>) -> &str {
    let byte = |chars: usize| text.char_indices().nth(chars).map_or(text.len(), |(at, _)| at);
    let start = byte(range.start);
    let end = byte(range.end.max(range.start));
    &text[start..end]
}

#[cfg(test)]
mod tests;
