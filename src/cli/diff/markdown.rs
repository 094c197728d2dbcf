//! `diff` as Markdown, for a pull-request comment: a summary, the errors, and one table of changes.

use super::Report;
use crate::cli::report::text_line;
use crate::escape::markdown_inline;
use std::fmt::Write;

/// The whole comment, ending with a newline.
pub(super) fn render(report: &Report<'_>) -> String {
    let mut out = format!("### Changes from {} to {}\n\n", code(&report.old.shown), code(&report.new.shown));
    let summary = match (report.changes.len(), report.breaking()) {
        (0, _) => "No changes: both mean the same (order and layout are not changes).".to_owned(),
        (1, 0) => "1 change, none breaking the live integration.".to_owned(),
        (count, 0) => format!("{count} changes, none breaking the live integration."),
        (count, breaking) => {
            let changes = if count == 1 { "1 change".to_owned() } else { format!("{count} changes") };
            format!("{changes}, **{breaking} breaking the live integration**.")
        }
    };
    let _ = writeln!(out, "{summary}");
    for side in [report.old, report.new] {
        if side.errors.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\nErrors in {} (the changes are from what could be read):\n", code(&side.shown));
        for error in &side.errors {
            let _ = writeln!(out, "- {}", markdown_inline(&text_line(&side.shown, error)));
        }
    }
    if report.changes.is_empty() {
        return out;
    }
    out.push_str("\n| Change | Before | After | Breaks the live integration |\n|---|---|---|---|\n");
    for change in report.changes {
        let value = |value: &Option<String>| value.as_deref().map_or_else(String::new, markdown_inline);
        let breaks = change.breaking().map_or_else(String::new, |why| format!("**yes**: {why}"));
        let _ = writeln!(
            out,
            "| {} | {} | {} | {breaks} |",
            markdown_inline(&change.words()),
            value(&change.before),
            value(&change.after)
        );
    }
    out
}

/// A file name as inline code, escaped so that it cannot close the span.
fn code(name: &str) -> String {
    let safe = crate::escape::line(name).replace('`', "'");
    format!("`{safe}`")
}
