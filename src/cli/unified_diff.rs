//! The unified diff `fmt --check` and `fmt --diff` print: a file against its formatted layout,
//! line by line, written as it is made.
//!
//! Each line is hashed once and replaced by a number shared by equal lines, so the diff compares
//! numbers rather than text: a large file whose every line differs spends its time proving that
//! nothing is in common, and comparing lines there cost more than anything else. The edit script
//! is `similar`'s Myers over those numbers, which finds what its diff of the text finds.

use crate::escape;
use anstyle::{AnsiColor, Style};
use foldhash::{HashMap, HashMapExt};
use similar::{Algorithm, DiffOp, DiffableStr};
use std::borrow::Cow;
use std::fmt::Write as _;

const REMOVED: Style = AnsiColor::Red.on_default();
const ADDED: Style = AnsiColor::Green.on_default();
const HUNK: Style = AnsiColor::Cyan.on_default();
/// Unchanged lines shown around each change.
const CONTEXT: usize = 3;

/// The unified diff from `before` to `after`, handed to `line` a line at a time in pieces (never
/// the whole diff in memory), with colour codes when `colour` (anstream drops them where colour is off).
/// Lines from the file are escaped like every other output; tabs stay tabs.
pub(super) fn diff_lines(path: &str, before: &str, after: &str, colour: bool, line: impl FnMut(&[&str])) {
    let path = escape::line(path);
    let (old, new) = numbered(before, after);
    let ops = similar::capture_diff_slices(Algorithm::Myers, &old.numbers, &new.numbers);
    // The numbers are not needed any more: a big file has millions.
    let (old, new) = (old.into_lines(), new.into_lines());
    let mut out = Printer { buffer: String::new(), colour, line };
    for (index, hunk) in similar::group_diff_ops(ops, CONTEXT).iter().enumerate() {
        if index == 0 {
            out.styled(REMOVED, "--- ", &path);
            out.styled(ADDED, "+++ ", &format!("{path} (formatted)"));
        }
        out.styled(HUNK, "", &similar::udiff::UnifiedHunkHeader::new(hunk).to_string());
        for op in hunk {
            match *op {
                DiffOp::Equal { old_index, len, .. } => {
                    for value in &old[old_index..old_index + len] {
                        out.change(Style::new(), " ", value);
                    }
                }
                _ => {
                    for value in &old[op.old_range()] {
                        out.change(REMOVED, "-", value);
                    }
                    for value in &new[op.new_range()] {
                        out.change(ADDED, "+", value);
                    }
                }
            }
        }
    }
}

/// Hands each line of the diff on in pieces, a sign and the file's line, so that the file's lines
/// are not copied on the way out (a diff of a big file has millions).
struct Printer<F> {
    /// The one buffer coloured lines are made in.
    buffer: String,
    colour: bool,
    line: F,
}

impl<F: FnMut(&[&str])> Printer<F> {
    /// A line of the file, `value` with its line end, marked by `sign`.
    fn change(&mut self, style: Style, sign: &str, value: &str) {
        // The line without its line end (`\n` or `\r\n`), as `str::lines` gives it.
        let text = value.strip_suffix('\n').map_or(value, |text| text.strip_suffix('\r').unwrap_or(text));
        self.styled(style, sign, text);
        if !value.ends_with_newline() {
            self.styled(Style::new(), "", "\\ No newline at end of file");
        }
    }

    fn styled(&mut self, style: Style, sign: &str, text: &str) {
        let text = shown(text);
        if !self.colour {
            (self.line)(&[sign, &text]);
            return;
        }
        self.buffer.clear();
        let _ = write!(self.buffer, "{style}{sign}{text}{style:#}");
        (self.line)(&[&self.buffer]);
    }
}

/// A text's lines and a number for each.
struct Numbered<'a> {
    /// The lines with their line ends (`\n`, `\r\n` or `\r`): a changed line end is a change.
    lines: Vec<&'a str>,
    /// Each line's number: equal lines, equal numbers.
    numbers: Vec<usize>,
    /// Each different line by its number.
    distinct: Vec<&'a str>,
    /// Each different line's number.
    table: HashMap<&'a str, usize>,
}

impl<'a> Numbered<'a> {
    /// Splits `text` into lines as `similar` does (a line ends after `\n`, `\r\n` or a lone `\r`)
    /// and numbers each as it is found, in one pass.
    fn of(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut lines = Vec::with_capacity(bytes.len() / 32);
        let mut numbers = Vec::with_capacity(bytes.len() / 32);
        let mut distinct = Vec::new();
        let mut table: HashMap<&'a str, usize> = HashMap::with_capacity(1024);
        let mut ends = memchr::memchr2_iter(b'\n', b'\r', bytes);
        let mut start = 0;
        while start < bytes.len() {
            let end = match ends.next() {
                // The `\n` of a `\r\n` already taken.
                Some(at) if at < start => continue,
                Some(at) if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') => at + 2,
                Some(at) => at + 1,
                None => bytes.len(),
            };
            let line = &text[start..end];
            lines.push(line);
            numbers.push(*table.entry(line).or_insert_with(|| {
                distinct.push(line);
                distinct.len() - 1
            }));
            start = end;
        }
        Numbered { lines, numbers, distinct, table }
    }

    fn into_lines(self) -> Vec<&'a str> {
        self.lines
    }
}

/// The lines of both texts, numbered so that equal lines have equal numbers on either side and
/// different lines never share one: any comparison of two lines reads as it would on the text.
fn numbered<'a, 'b>(before: &'a str, after: &'b str) -> (Numbered<'a>, Numbered<'b>) {
    // Each text on its own core, then the few different lines of the new one (a file's lines
    // repeat: thousands of different ones in a million) take the old one's numbers.
    let (old, mut new) = rayon::join(|| Numbered::of(before), || Numbered::of(after));
    let mut next = old.distinct.len();
    let renumbered: Vec<usize> = new
        .distinct
        .iter()
        .map(|line| {
            old.table.get(line).copied().unwrap_or_else(|| {
                next += 1;
                next - 1
            })
        })
        .collect();
    for number in &mut new.numbers {
        *number = renumbered[*number];
    }
    (old, new)
}

/// `text` made safe to show on one line, tabs kept as they are.
fn shown(text: &str) -> Cow<'_, str> {
    if escape::printable_ascii_or_tab(text) {
        return Cow::Borrowed(text);
    }
    let parts: Vec<_> = text.split('\t').map(escape::line).collect();
    Cow::Owned(parts.join("\t"))
}

#[cfg(test)]
mod tests {
    use super::{diff_lines, numbered};
    use proptest::prelude::*;

    /// The diff's lines joined, colour codes removed; made with colour codes and without, the same.
    fn diff(path: &str, before: &str, after: &str) -> String {
        let joined = |colour: bool| {
            let mut out = String::new();
            diff_lines(path, before, after, colour, |pieces| {
                out.push_str(&pieces.concat());
                out.push('\n');
            });
            out
        };
        let (coloured, plain) = (joined(true), joined(false));
        assert!(!plain.contains('\u{1b}'), "{plain:?}");
        let stripped = anstream::adapter::strip_str(&coloured).to_string();
        assert_eq!(stripped, plain);
        plain
    }

    /// The diff as `similar`'s own text diff and unified diff print it, escaped the same way: what
    /// `fmt --check` printed before its lines were numbered.
    fn through_similars_text_diff(path: &str, before: &str, after: &str) -> String {
        let mut out = String::new();
        let diff = similar::TextDiff::from_lines(before, after);
        let mut unified = diff.unified_diff();
        unified.context_radius(3);
        let mut push = |sign: &str, text: &str| {
            out.push_str(sign);
            out.push_str(&super::shown(text));
            out.push('\n');
        };
        for (index, hunk) in unified.iter_hunks().enumerate() {
            if index == 0 {
                push("--- ", path);
                push("+++ ", &format!("{path} (formatted)"));
            }
            push("", &hunk.header().to_string());
            for change in hunk.iter_changes() {
                let sign = match change.tag() {
                    similar::ChangeTag::Delete => "-",
                    similar::ChangeTag::Insert => "+",
                    similar::ChangeTag::Equal => " ",
                };
                let value = change.value();
                let text = value.strip_suffix('\n').map_or(value, |text| text.strip_suffix('\r').unwrap_or(text));
                push(sign, text);
                if change.missing_newline() {
                    push("", "\\ No newline at end of file");
                }
            }
        }
        out
    }

    #[test]
    fn the_diff_is_unified_and_escapes_what_the_file_holds() {
        let before = "{\n\"integration\": {\"name\": \"x\u{1b}]0;t\u{7}\"}\n}\n";
        let after = "{\n  \"integration\": {\n    \"name\": \"x\\u001b]0;t\\u0007\"\n  }\n}\n";
        let out = diff("m.json", before, after);
        assert!(out.starts_with("--- m.json\n+++ m.json (formatted)\n@@ "), "{out}");
        assert!(out.contains("\n-\"integration\": {\"name\": \"x\\u{1b}]0;t\\u{7}\"}\n"), "{out}");
        assert!(out.contains("\n+  \"integration\": {\n"), "{out}");
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    }

    #[test]
    fn windows_line_ends_a_missing_last_line_end_and_tabs_read_as_before() {
        let before = "{\r\n\"a\":\t1}";
        let after = "{\n  \"a\": 1\n}\n";
        let out = diff("m.json", before, after);
        let expected = "--- m.json\n+++ m.json (formatted)\n@@ -1,2 +1,3 @@\n-{\n-\"a\":\t1}\n\\ No newline at end of file\n+{\n+  \"a\": 1\n+}\n";
        assert_eq!(out, expected);
    }

    #[test]
    fn only_the_changed_lines_and_three_around_them_are_shown() {
        let before: String = (0..20).map(|n| format!("{n}\n")).collect();
        let after = before.replace("10\n", "ten\n");
        let out = diff("m.json", &before, &after);
        assert!(out.contains("@@ -8,7 +8,7 @@\n 7\n 8\n 9\n-10\n+ten\n 11\n 12\n 13\n"), "{out}");
        assert_eq!(out.lines().count(), 3 + 8, "{out}");
        assert!(diff("m.json", &before, &before).is_empty());
    }

    #[test]
    fn equal_lines_share_a_number_on_either_side_and_different_lines_never_do() {
        let (old, new) = numbered("a\nb\na\na", "c\na\nc\nd\na\r\na");
        assert_eq!(old.lines, ["a\n", "b\n", "a\n", "a"]);
        assert_eq!(new.lines, ["c\n", "a\n", "c\n", "d\n", "a\r\n", "a"]);
        let lines: Vec<&str> = old.lines.iter().chain(&new.lines).copied().collect();
        let numbers: Vec<usize> = old.numbers.iter().chain(&new.numbers).copied().collect();
        for (one, one_number) in lines.iter().zip(&numbers) {
            for (other, other_number) in lines.iter().zip(&numbers) {
                assert_eq!(one == other, one_number == other_number, "{one:?} {other:?}");
            }
        }
    }

    #[test]
    fn lines_are_split_where_similar_splits_them() {
        for text in ["", "a", "a\n", "a\r\nb\rc\n\n\r\r\n", "\r", "\n\r", "x\r\r\n\ny", "é\r\n日本\r"] {
            let (numbered, _) = numbered(text, "");
            assert_eq!(numbered.lines, similar::DiffableStr::tokenize_lines(text), "{text:?}");
        }
    }

    #[test]
    fn a_file_whose_every_line_differs_prints_what_similars_text_diff_prints() {
        // A manifest indented by 4 against its layout of 2: the case `fmt --check` is timed on.
        let four: String =
            (0..3000).map(|n| format!("{}\"key{}\": {},\n", " ".repeat(4 * (n % 5)), n % 40, n % 7)).collect();
        let two = four.replace("    ", "  ");
        let before = format!("{{\n{four}}}\n");
        let after = format!("{{\n{two}}}\n");
        assert_eq!(diff("m.json", &before, &after), through_similars_text_diff("m.json", &before, &after));
    }

    /// A line from a few, so that two texts share many lines; line ends of every kind, a tab, an
    /// escape and a last line without a line end.
    fn text() -> impl Strategy<Value = String> {
        let line = prop::sample::select(vec!["{", "}", "  },", "a", "b", "\"x\": 1,", "\tt", "\u{1b}[2J", ""]);
        let end = prop::sample::select(vec!["\n", "\n", "\n", "\r\n", "\r"]);
        (prop::collection::vec((line, end), 0..700), any::<bool>()).prop_map(|(lines, last_end)| {
            let mut text: String = lines.iter().map(|(line, end)| format!("{line}{end}")).collect();
            if !last_end && text.ends_with('\n') {
                text.pop();
            }
            text
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn numbered_lines_give_the_diff_similars_text_diff_gives(before in text(), after in text()) {
            prop_assert_eq!(diff("m.json", &before, &after), through_similars_text_diff("m.json", &before, &after));
        }

        #[test]
        fn a_text_and_its_edit_give_the_diff_similars_text_diff_gives(
            before in text(),
            edits in prop::collection::vec((any::<prop::sample::Index>(), 0..3usize, "[ab{}\t]{0,3}\n"), 0..20),
        ) {
            // An edited copy shares long runs with the original, unlike two random texts.
            let mut lines: Vec<String> = before.split_inclusive('\n').map(str::to_owned).collect();
            for (at, kind, line) in edits {
                let at = at.index(lines.len() + 1);
                match kind {
                    0 => lines.insert(at, line),
                    1 if at < lines.len() => { lines.remove(at); }
                    _ if at < lines.len() => lines[at] = line,
                    _ => lines.push(line),
                }
            }
            let after = lines.concat();
            prop_assert_eq!(diff("m.json", &before, &after), through_similars_text_diff("m.json", &before, &after));
        }
    }
}
