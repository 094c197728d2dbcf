//! What a draft would change: its differences from the file on disk, and whether the file was saved after it.

use super::drafts::Draft;
use std::time::UNIX_EPOCH;

/// What a draft changes compared with `base` (the file on disk), as `-`/`+` lines, at most `limit`,
/// then a line that says how many more changed lines there are, so a cut list never looks whole.
pub fn differences(base: &str, draft: &str, limit: usize) -> Vec<String> {
    let diff = similar::TextDiff::from_lines(base, draft);
    let mut changes = diff.iter_all_changes().filter(|change| change.tag() != similar::ChangeTag::Equal);
    let mut lines: Vec<String> = changes
        .by_ref()
        .take(limit)
        .map(|change| {
            let sign = if change.tag() == similar::ChangeTag::Delete { '-' } else { '+' };
            format!("{sign} {}", change.value().trim_end_matches('\n'))
        })
        .collect();
    let more = changes.count();
    if more > 0 {
        lines.push(format!("… and {more} more changed lines"));
    }
    lines
}

/// True when the draft's file was written after the draft: recovering the draft would undo that
/// later save, which the author must be told before choosing.
pub fn saved_after(draft: &Draft) -> bool {
    let Some(path) = draft.path.as_ref() else { return false };
    let modified = std::fs::metadata(path).and_then(|metadata| metadata.modified());
    let seconds = modified.ok().and_then(|time| time.duration_since(UNIX_EPOCH).ok()).map(|time| time.as_secs());
    seconds.is_some_and(|seconds| seconds > draft.written_at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::drafts::now;

    #[test]
    fn differences_say_how_many_changed_lines_are_not_shown() {
        let lines = differences("a\nb\nc\n", "x\ny\nz\n", 2);
        assert_eq!(lines, ["- a", "- b", "… and 4 more changed lines"]);
    }

    #[test]
    fn a_file_saved_after_the_draft_was_written_is_newer() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("m.json");
        std::fs::write(&path, "{}\n").expect("write");
        let draft = |written_at| Draft { path: Some(path.clone()), written_at, manifest: String::new(), history: None };
        assert!(saved_after(&draft(now() - 120)), "the file was written after a draft of two minutes ago");
        assert!(!saved_after(&draft(now() + 120)), "a draft written after the file");
        assert!(!saved_after(&Draft { path: None, written_at: 0, manifest: String::new(), history: None }));
    }

    #[test]
    fn differences_show_removed_and_added_lines() {
        let lines = differences("{\n  \"name\": \"a\"\n}\n", "{\n  \"name\": \"b\"\n}\n", 10);
        assert_eq!(lines, ["-   \"name\": \"a\"", "+   \"name\": \"b\""]);
    }
}
