//! Formatting: the `fmt` layout (SPEC §2.2; unknown keys and numbers kept as written), sent as the
//! lines that change rather than the whole text, so the editor keeps its cursor and folds.

use super::lines::Lines;
use crate::manifest::{read, to_json};
use lsp_types::{Position, TextEdit};
use similar::{DiffOp, TextDiff};

/// The edits that give `text` (indexed by `lines`, the document's line index) the `fmt` layout;
/// `Err` with what to do when it cannot be read. The text is read once, by the JSON reader; its
/// lines are cut where the index says they start, and the edits start at line starts.
pub(crate) fn format(text: &str, lines: &Lines) -> Result<Vec<TextEdit>, String> {
    let parsed = read(text.as_bytes()).map_err(|diagnostic| {
        let at = diagnostic.position.map(|p| format!(" (line {}, column {})", p.line, p.column)).unwrap_or_default();
        format!("cannot format this manifest yet{at}: {}", diagnostic.message)
    })?;
    let formatted = to_json(&parsed.manifest);
    let old: Vec<&str> = lines.each().collect();
    let new: Vec<&str> = formatted.split_inclusive('\n').collect();
    // The start of old line `index`, or the end of the text past the last line.
    let at =
        |index: usize| if index < old.len() { Position::new(to_u32(index), 0) } else { lines.position(text.len()) };
    let diff = TextDiff::from_slices(&old, &new);
    let edits = diff
        .ops()
        .iter()
        .filter(|op| !matches!(op, DiffOp::Equal { .. }))
        .map(|op| {
            let (old_range, new_range) = (op.old_range(), op.new_range());
            let range = lsp_types::Range::new(at(old_range.start), at(old_range.end));
            TextEdit::new(range, new[new_range].concat())
        })
        .collect();
    Ok(edits)
}

/// A line number as the protocol's `u32` (a text of 4 GiB is beyond what an editor sends).
fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(text: &str, edits: &[TextEdit]) -> String {
        let mut result = text.to_owned();
        let mut edits = edits.to_vec();
        edits.sort_by_key(|edit| std::cmp::Reverse(edit.range.start));
        for edit in edits {
            let lines = Lines::new(&result);
            let range = lines.offset(edit.range.start)..lines.offset(edit.range.end);
            result.replace_range(range, &edit.new_text);
        }
        result
    }

    #[test]
    fn formatting_gives_the_fmt_layout_and_keeps_numbers_and_unknown_keys() {
        let text = "{\"integration\": {\"display_name\": \"My CRM\", \"name\": \"mycrm\", \"x-note\": 1.50}}";
        let edits = format(text, &Lines::new(text)).expect("it formats");
        let result = apply(text, &edits);
        assert_eq!(result, to_json(&read(text.as_bytes()).expect("a manifest").manifest));
        assert!(result.find("\"name\"") < result.find("\"display_name\"") && result.contains("1.50"), "{result}");
    }

    #[test]
    fn a_formatted_manifest_needs_no_edit_and_a_changed_line_is_the_only_edit() {
        let example = include_str!("../../assets/examples/mycrm.json");
        assert_eq!(format(example, &Lines::new(example)), Ok(Vec::new()));
        let text = example.replacen("\"name\": \"mycrm\",", "\"name\":   \"mycrm\",", 1);
        let edits = format(&text, &Lines::new(&text)).expect("it formats");
        assert_eq!(edits.len(), 1, "{edits:?}");
        assert_eq!(apply(&text, &edits), example);
    }

    #[test]
    fn broken_json_says_where_to_fix_it() {
        let broken = "{\"integration\": {\"name\": }";
        let error = format(broken, &Lines::new(broken)).expect_err("not JSON");
        assert!(error.starts_with("cannot format this manifest yet (line 1, column"), "{error}");
    }

    #[test]
    fn a_last_line_without_a_break_and_windows_breaks_are_formatted_too() {
        for text in ["{\"integration\": {\"name\": \"mycrm\"}}", "{\r\n\"integration\": {\"name\": \"mycrm\"}\r\n}"] {
            let edits = format(text, &Lines::new(text)).expect("it formats");
            assert_eq!(apply(text, &edits), to_json(&read(text.as_bytes()).expect("a manifest").manifest), "{text:?}");
        }
    }
}
