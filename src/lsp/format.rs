//! Formatting: the `fmt` layout (SPEC §2.2; unknown keys and numbers kept as written), sent as the
//! lines that change rather than the whole text, so the editor keeps its cursor and folds.

use super::lines::Lines;
use crate::manifest::{read, to_json};
use lsp_types::TextEdit;
use similar::{DiffOp, TextDiff};

/// The edits that give `text` the `fmt` layout; `Err` with what to do when it cannot be read.
pub(crate) fn format(text: &str) -> Result<Vec<TextEdit>, String> {
    let parsed = read(text.as_bytes()).map_err(|diagnostic| {
        let at = diagnostic.position.map(|p| format!(" (line {}, column {})", p.line, p.column)).unwrap_or_default();
        format!("cannot format this manifest yet{at}: {}", diagnostic.message)
    })?;
    let formatted = to_json(&parsed.manifest);
    if formatted == text {
        return Ok(Vec::new());
    }
    let lines = Lines::new(text);
    let old: Vec<&str> = text.split_inclusive('\n').collect();
    let new: Vec<&str> = formatted.split_inclusive('\n').collect();
    let starts: Vec<usize> = std::iter::once(0)
        .chain(old.iter().scan(0, |at, line| {
            *at += line.len();
            Some(*at)
        }))
        .collect();
    let diff = TextDiff::from_slices(&old, &new);
    let edits = diff
        .ops()
        .iter()
        .filter(|op| !matches!(op, DiffOp::Equal { .. }))
        .map(|op| {
            let (old_range, new_range) = (op.old_range(), op.new_range());
            let span = starts[old_range.start]..starts[old_range.end];
            let range = lsp_types::Range::new(lines.position(span.start), lines.position(span.end));
            TextEdit::new(range, new[new_range].concat())
        })
        .collect();
    Ok(edits)
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
        let edits = format(text).expect("it formats");
        let result = apply(text, &edits);
        assert_eq!(result, to_json(&read(text.as_bytes()).expect("a manifest").manifest));
        assert!(result.find("\"name\"") < result.find("\"display_name\"") && result.contains("1.50"), "{result}");
    }

    #[test]
    fn a_formatted_manifest_needs_no_edit_and_a_changed_line_is_the_only_edit() {
        let example = include_str!("../../assets/examples/mycrm.json");
        assert_eq!(format(example), Ok(Vec::new()));
        let text = example.replacen("\"name\": \"mycrm\",", "\"name\":   \"mycrm\",", 1);
        let edits = format(&text).expect("it formats");
        assert_eq!(edits.len(), 1, "{edits:?}");
        assert_eq!(apply(&text, &edits), example);
    }

    #[test]
    fn broken_json_says_where_to_fix_it() {
        let error = format("{\"integration\": {\"name\": }").expect_err("not JSON");
        assert!(error.starts_with("cannot format this manifest yet (line 1, column"), "{error}");
    }
}
