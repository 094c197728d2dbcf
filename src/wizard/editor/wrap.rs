//! A text of several lines (a description) shown while it is edited: each line word-wrapped into
//! rows of the form's width, so the author reads it whole instead of one line scrolling sideways.
//!
//! Only the lines around the cursor are wrapped, each of them short: a keystroke costs the size of
//! the screen, not of the text. A line too long to be wrapped at every keystroke (a pasted
//! megabyte, kept in a rope by [`EditLine`]) is shown as before, one row scrolling with the cursor.
//!
//! Rows are cut by character, not as `textwrap` cuts them: the cursor is a character index, so
//! every character (spaces too) must keep its row and column.

use super::{EditLine, TextArea};
use crate::escape::one_line;
use tui_input::InputRequest;
use unicode_width::UnicodeWidthStr;

/// A line up to this many bytes is wrapped; a longer one scrolls on one row.
const WRAPPED: usize = 4_096;

/// The rows an editor shows, and where its cursor is among them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rows {
    /// Each row's text, escaped to be drawn (`\t`, `\u{1b}`).
    pub text: Vec<String>,
    /// The cursor's row (in `text`) and column.
    pub cursor: (usize, usize),
}

/// The rows of `area` shown in `width` columns, at most `max` of them: from the first line while
/// the cursor is near the start, else ending on the cursor's row.
pub(crate) fn rows(area: &TextArea, width: usize, max: usize) -> Rows {
    let max = max.max(1);
    let (lines, row) = area.lines();
    let first = row.saturating_sub(max - 1);
    let mut text = Vec::new();
    let mut cursor = (0, 0);
    for (index, line) in lines.iter().enumerate().take(row + 1).skip(first) {
        let (shown, at) = line_rows(line, width);
        if index == row {
            cursor = (text.len() + at.0, at.1);
        }
        text.extend(shown);
    }
    let start = (cursor.0 + 1).saturating_sub(max);
    text.drain(..start);
    cursor.0 -= start;
    // Room left under the cursor's line: the lines after it, as many as fit.
    for line in &lines[row + 1..] {
        if text.len() >= max {
            break;
        }
        text.extend(line_rows(line, width).0);
    }
    text.truncate(max);
    Rows { text, cursor }
}

/// One line's rows at `width`, and the cursor's row and column among them.
fn line_rows(line: &EditLine, width: usize) -> (Vec<String>, (usize, usize)) {
    let Some(text) = wrappable(line) else {
        let (shown, column) = scrolled(line, width);
        return (vec![shown], (0, column));
    };
    let starts = row_starts(text, width);
    let cursor = locate(text, &starts, line.cursor());
    let chars: Vec<char> = text.chars().collect();
    let ends = starts.iter().skip(1).copied().chain([chars.len()]);
    let rows = starts.iter().zip(ends).map(|(&start, end)| {
        let row: String = chars[start..end].iter().collect();
        one_line(&row).into_owned()
    });
    (rows.collect(), cursor)
}

/// The text of a line short enough to be wrapped at every keystroke.
fn wrappable(line: &EditLine) -> Option<&str> {
    line.whole().map(tui_input::Input::value).filter(|text| text.len() <= WRAPPED)
}

/// The columns a character takes on screen, as it is drawn (a tab as `\t`).
fn cells(c: char) -> usize {
    one_line(c.encode_utf8(&mut [0; 4])).width()
}

/// Where each row of `text` starts (character indices, the first 0) at `width` columns. A word goes
/// whole to the next row when it does not fit; a word longer than a row is cut. Spaces stay at the
/// end of their row. The last column is kept free, for the cursor after the row's last character.
pub(crate) fn row_starts(text: &str, width: usize) -> Vec<usize> {
    let limit = width.saturating_sub(1).max(1);
    let chars: Vec<(char, usize)> = text.chars().map(|c| (c, cells(c))).collect();
    let mut starts = vec![0];
    let mut column = 0;
    let mut at = 0;
    while at < chars.len() {
        if chars[at].0 == ' ' {
            column += chars[at].1;
            at += 1;
            continue;
        }
        let end = (at..chars.len()).find(|&index| chars[index].0 == ' ').unwrap_or(chars.len());
        let word: usize = chars[at..end].iter().map(|&(_, cells)| cells).sum();
        if column > 0 && column + word > limit {
            starts.push(at);
            column = 0;
        }
        for (index, &(_, cells)) in chars.iter().enumerate().take(end).skip(at) {
            if column > 0 && column + cells > limit {
                starts.push(index);
                column = 0;
            }
            column += cells;
        }
        at = end;
    }
    starts
}

/// The row and column of the character index `cursor` (a cursor at a row's start is on that row).
pub(crate) fn locate(text: &str, starts: &[usize], cursor: usize) -> (usize, usize) {
    let row = starts.iter().rposition(|&start| start <= cursor).unwrap_or(0);
    let column = text.chars().skip(starts[row]).take(cursor - starts[row]).map(cells).sum();
    (row, column)
}

/// The character index nearest to `column` on `row`, never past the row's last character (a
/// cursor there would be drawn on the next row).
pub(crate) fn at_column(text: &str, starts: &[usize], row: usize, column: usize) -> usize {
    let start = starts[row];
    let end = starts.get(row + 1).map_or_else(|| text.chars().count(), |next| next - 1);
    let mut used = 0;
    for (index, c) in text.chars().enumerate().skip(start).take(end - start) {
        let width = cells(c);
        if used + width > column {
            return index;
        }
        used += width;
    }
    end
}

/// A line too long to be wrapped: the part around the cursor that fits in `width` columns, and the
/// cursor's column in it. Only the characters near the cursor are taken, so drawing a keystroke costs
/// the width of the screen, not the length of the line.
pub(crate) fn scrolled(line: &EditLine, width: usize) -> (String, usize) {
    if let Some(input) = line.whole()
        && input.value().len() <= WRAPPED
    {
        let scroll = input.visual_scroll(width.saturating_sub(1));
        return (skip_columns(&one_line(input.value()), scroll), input.visual_cursor().saturating_sub(scroll));
    }
    // Enough characters before the cursor to fill the line (each takes at least one column once escaped).
    let cursor = line.cursor();
    let before = one_line(&line.slice(cursor.saturating_sub(width)..cursor)).into_owned();
    let after = line.slice(cursor..cursor + width);
    let before_width = before.width();
    let scroll = before_width.saturating_sub(width.saturating_sub(1));
    let shown = skip_columns(&format!("{before}{}", one_line(&after)), scroll);
    (shown, before_width - scroll)
}

fn skip_columns(text: &str, columns: usize) -> String {
    let mut skipped = 0;
    text.chars()
        .skip_while(|c| {
            let skip = skipped < columns;
            skipped += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
            skip
        })
        .collect()
}

impl TextArea {
    /// Moves the cursor one row up or down as the text is shown at `width` columns: within a wrapped
    /// line, else to the nearest row of the line above or below, keeping its column where it can.
    pub fn move_row(&mut self, up: bool, width: usize) {
        let line = &self.lines[self.row];
        let column = match wrappable(line) {
            Some(text) => {
                let starts = row_starts(text, width);
                let (row, column) = locate(text, &starts, line.cursor());
                let target = if up { row.checked_sub(1) } else { Some(row + 1).filter(|&next| next < starts.len()) };
                if let Some(target) = target {
                    let cursor = at_column(text, &starts, target, column);
                    self.lines[self.row].handle(InputRequest::SetCursor(cursor));
                    return;
                }
                column
            }
            None => line.cursor(),
        };
        let target =
            if up { self.row.checked_sub(1) } else { Some(self.row + 1).filter(|&row| row < self.lines.len()) };
        let Some(target) = target else { return };
        self.row = target;
        let line = &self.lines[target];
        let cursor = match wrappable(line) {
            Some(text) => {
                let starts = row_starts(text, width);
                at_column(text, &starts, if up { starts.len() - 1 } else { 0 }, column)
            }
            None => column,
        };
        self.lines[target].handle(InputRequest::SetCursor(cursor));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENTENCES: &str = "Mycrm keeps every customer in one place. Agents see the caller's record \
        before they answer. Tickets are created from the call in one key.";

    fn rows_of(text: &str, width: usize) -> Vec<String> {
        let starts = row_starts(text, width);
        let chars: Vec<char> = text.chars().collect();
        let ends = starts.iter().skip(1).copied().chain([chars.len()]);
        starts.iter().zip(ends).map(|(&start, end)| chars[start..end].iter().collect()).collect()
    }

    #[test]
    fn words_go_whole_to_the_next_row_and_every_character_keeps_its_place() {
        let rows = rows_of(SENTENCES, 30);
        assert_eq!(rows.concat(), SENTENCES, "no character lost or added");
        for row in &rows {
            assert!(row.trim_end().width() < 30, "{row:?} leaves the last column free");
            assert!(!row.starts_with(' '), "{row:?} starts with a word");
        }
        assert_eq!(rows[0], "Mycrm keeps every customer in ");
        assert_eq!(rows[1], "one place. Agents see the ");
    }

    #[test]
    fn a_word_longer_than_a_row_is_cut() {
        let rows = rows_of("see https://mycrm.example.org/a/very/long/path ok", 12);
        assert_eq!(rows.concat(), "see https://mycrm.example.org/a/very/long/path ok");
        assert!(rows.iter().all(|row| row.trim_end().width() <= 11), "{rows:?}");
        assert_eq!(rows[0], "see ");
    }

    #[test]
    fn the_cursor_is_found_on_its_row_and_column() {
        let starts = row_starts(SENTENCES, 30);
        assert_eq!(locate(SENTENCES, &starts, 0), (0, 0));
        // "one" starts the second row.
        let one = SENTENCES.find("one").expect("in the text");
        assert_eq!(locate(SENTENCES, &starts, one), (1, 0));
        assert_eq!(locate(SENTENCES, &starts, one + 4), (1, 4));
        let end = SENTENCES.chars().count();
        let (row, column) = locate(SENTENCES, &starts, end);
        assert_eq!(row, starts.len() - 1);
        assert!(column < 30, "the cursor at the end stays inside the width");
    }

    #[test]
    fn up_and_down_move_between_the_rows_of_a_wrapped_line_then_to_the_next_line() {
        let mut area = TextArea::new(&format!("{SENTENCES}\nlast"));
        // The cursor at the end of "last": up goes to the last row of the wrapped line, same column.
        area.move_row(true, 30);
        let starts = row_starts(SENTENCES, 30);
        assert_eq!(area.lines().1, 0);
        let cursor = area.lines().0[0].cursor();
        assert_eq!(locate(SENTENCES, &starts, cursor), (starts.len() - 1, 4));
        area.move_row(true, 30);
        assert_eq!(locate(SENTENCES, &starts, area.lines().0[0].cursor()), (starts.len() - 2, 4));
        area.move_row(false, 30);
        area.move_row(false, 30);
        assert_eq!(area.lines().1, 1, "down from the last row goes to the next line");
        assert_eq!(area.lines().0[1].cursor(), 4);
    }

    #[test]
    fn moving_to_a_shorter_row_stops_at_its_last_character_not_on_the_next_row() {
        let text = "aaaa bbbbbbbb";
        let starts = row_starts(text, 10);
        assert_eq!(starts, [0, 5]);
        // Column 9 of the first row, which holds "aaaa ": its last character, the space.
        assert_eq!(at_column(text, &starts, 0, 9), 4);
        assert_eq!(at_column(text, &starts, 1, 3), 8);
    }

    #[test]
    fn the_shown_rows_follow_the_cursor_and_fill_from_the_start() {
        let area = TextArea::new(&format!("{SENTENCES}\nsecond\nthird"));
        let shown = rows(&area, 30, 6);
        assert!(shown.text.len() <= 6);
        assert_eq!(shown.text.last().map(String::as_str), Some("third"));
        assert_eq!(shown.cursor, (shown.text.len() - 1, 5));
        let mut area = TextArea::new(SENTENCES);
        area.handle(InputRequest::GoToStart);
        let shown = rows(&area, 30, 3);
        assert_eq!(shown.cursor, (0, 0));
        assert_eq!(shown.text.len(), 3, "the rows after the cursor fill the room");
        assert_eq!(shown.text[0], "Mycrm keeps every customer in ");
    }

    #[test]
    fn a_line_too_long_to_wrap_scrolls_on_one_row() {
        let long = "word ".repeat(2_000);
        let area = TextArea::new(&long);
        let shown = rows(&area, 40, 6);
        assert_eq!(shown.text.len(), 1);
        assert!(shown.text[0].width() <= 40);
        assert_eq!(shown.cursor.0, 0);
    }
}
