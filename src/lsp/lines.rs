//! Positions as an editor counts them (lines and UTF-16 code units, the protocol's default) and as
//! the text is stored (byte offsets), both ways.

use lsp_types::Position;
use std::borrow::Cow;

/// The start of each line of one text, to turn byte offsets into editor positions and back.
pub(crate) struct Lines<'a> {
    text: &'a str,
    starts: Cow<'a, [usize]>,
}

impl<'a> Lines<'a> {
    /// Indexes the lines of `text` (a line ends after `\n`); the server keeps an index per version
    /// instead (`indexed`).
    #[cfg(test)]
    pub(crate) fn new(text: &'a str) -> Self {
        Lines { text, starts: Cow::Owned(starts(text)) }
    }

    /// The lines of `text` from an index `starts` made of it before (kept with a document's version).
    pub(crate) fn indexed(text: &'a str, starts: &'a [usize]) -> Self {
        Lines { text, starts: Cow::Borrowed(starts) }
    }

    /// The byte offset of `position` in `text`, reading only as far as its line: one edit of a large
    /// text needs no index of all its lines.
    pub(crate) fn offset_in(text: &str, position: Position) -> usize {
        let line = position.line as usize;
        let start = match line {
            0 => 0,
            _ => match text.match_indices('\n').nth(line - 1) {
                Some((at, _)) => at + 1,
                None => return text.len(),
            },
        };
        Lines { text, starts: Cow::Owned(vec![start]) }.offset(Position::new(0, position.character))
    }

    /// Each line with its line break, as `str::split_inclusive('\n')` cuts them, from the index.
    pub(crate) fn each(&self) -> impl Iterator<Item = &'a str> + '_ {
        let text = self.text;
        let ends = self.starts.iter().skip(1).copied().chain([text.len()]);
        self.starts.iter().zip(ends).map(move |(&start, end)| &text[start..end]).filter(|line| !line.is_empty())
    }

    /// The byte offset of `position`; a character past the end of its line is the line's end, a
    /// line past the end is the end of the text (editors send both while text changes).
    pub(crate) fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else { return self.text.len() };
        let mut units = 0;
        self.walk(start, |character| {
            let reached = units >= position.character as usize;
            units += character.len_utf16();
            reached
        })
    }

    /// The editor position of byte `offset` (clamped to the text, and back to a character boundary).
    pub(crate) fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let start = self.starts[line];
        let character: usize = self.text[start..offset].chars().map(char::len_utf16).sum();
        Position::new(to_u32(line), to_u32(character))
    }

    /// The byte offset of a 1-based line and a 1-based column counted in characters (what
    /// `validate` reports), clamped to the line's end.
    pub(crate) fn offset_of_column(&self, line: usize, column: usize) -> usize {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else { return self.text.len() };
        let mut left = column.saturating_sub(1);
        self.walk(start, |_| {
            let reached = left == 0;
            left = left.saturating_sub(1);
            reached
        })
    }

    /// The offset of the first character from byte `start` on that `reached` accepts, or of the
    /// line's end (its `\n`, or a `\r` before it or at the end of the text) when none is. Reads
    /// only as far as that: a line of 16 MB is not searched for its end to find its first columns.
    fn walk(&self, start: usize, mut reached: impl FnMut(char) -> bool) -> usize {
        let rest = &self.text[start..];
        for (at, character) in rest.char_indices() {
            let line_end =
                character == '\n' || character == '\r' && matches!(rest.as_bytes().get(at + 1), None | Some(b'\n'));
            if line_end || reached(character) {
                return start + at;
            }
        }
        self.text.len()
    }
}

/// The byte offset where each line of `text` starts.
pub(crate) fn starts(text: &str) -> Vec<usize> {
    std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1)).collect()
}

/// A count as the protocol's `u32` (a text of 4 GiB is beyond what an editor sends).
fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_beyond_the_basic_plane_count_two_units() {
        let text = "{\n  \"a\": \"😀é\", \"b\": 1\n}";
        let lines = Lines::new(text);
        let b = text.find("\"b\"").expect("b is in the text");
        // 😀 is two UTF-16 units, é one: the quote of "b" is at unit 2+7+1+2 = 14.
        assert_eq!(lines.position(b), Position::new(1, 14));
        assert_eq!(lines.offset(Position::new(1, 14)), b);
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let lines = Lines::new("ab\ncd");
        assert_eq!(lines.offset(Position::new(0, 99)), 2);
        assert_eq!(lines.offset(Position::new(9, 0)), 5);
        assert_eq!(lines.position(99), Position::new(1, 2));
        assert_eq!(Lines::offset_in("ab\ncd", Position::new(0, 99)), 2);
        assert_eq!(Lines::offset_in("ab\ncd", Position::new(9, 0)), 5);
    }

    #[test]
    fn an_offset_without_an_index_is_the_same_as_with_one() {
        let text = "{\n  \"a\": \"😀é\", \"b\": 1\r\n}\n";
        let lines = Lines::new(text);
        for line in 0..5 {
            for character in 0..30 {
                let position = Position::new(line, character);
                assert_eq!(Lines::offset_in(text, position), lines.offset(position), "{position:?}");
            }
        }
    }

    #[test]
    fn a_carriage_return_ends_a_line_only_before_a_break_or_the_end() {
        let text = "ab\r\ncd\ref\r";
        let lines = Lines::new(text);
        assert_eq!(lines.offset(Position::new(0, 9)), 2);
        assert_eq!(lines.offset(Position::new(1, 3)), 7, "a lone carriage return is a character");
        assert_eq!(lines.offset(Position::new(1, 9)), 9, "the last one is not");
        assert_eq!(lines.offset_of_column(2, 99), 9);
        assert_eq!(lines.offset_of_column(2, 4), 7);
    }

    #[test]
    fn a_validate_column_counts_characters() {
        let text = "{\"é\": 1,\n \"ü\": x}";
        let lines = Lines::new(text);
        assert_eq!(&text[lines.offset_of_column(2, 2)..], "\"ü\": x}");
        assert_eq!(lines.offset_of_column(1, 99), text.find('\n').expect("two lines"));
    }
}
