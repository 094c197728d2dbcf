//! The ticket document as Markdown: GitHub-flavoured tables that keep their shape whatever the values hold.
//!
//! A value of several lines (the authentication fields, bullets) takes one table row per line,
//! its first cell left empty after the first: rendered, it reads as Talkdesk's table; pasted as
//! text, each line stands on its own, without `<br>`.

use super::document::{
    ADDITIONS_HEADING, ActionSection, CHANGE_COLUMNS, CHANGES_HEADING, Cell, ChangeRow, DETAILS_HEADING, Document,
    FIELD_VALUE, INPUT_COLUMNS, Row,
};
use crate::escape::markdown_inline;
use std::fmt::Write;

/// The whole document as Markdown, ending with a newline.
pub(crate) fn render(document: &Document) -> String {
    let mut out = format!("# {}\n\n{}\n\n", document.title, document.purpose);
    for (label, value) in &document.about {
        let _ = writeln!(out, "- {label}: {}", markdown_inline(value));
    }
    if let Some(changes) = &document.changes {
        changes_table(&mut out, changes);
    }
    let _ = write!(out, "\n## {DETAILS_HEADING}\n\n");
    field_table(&mut out, &document.details);
    for action in document.actions() {
        action_section(&mut out, &action);
    }
    let _ = write!(out, "\n## {ADDITIONS_HEADING}\n\n");
    field_table(&mut out, &document.additions);
    out
}

fn changes_table(out: &mut String, changes: &[ChangeRow]) {
    let _ = write!(out, "\n## {CHANGES_HEADING}\n\n");
    if changes.is_empty() {
        out.push_str("No changes in meaning since the previous version.\n");
        return;
    }
    table_row(out, CHANGE_COLUMNS.iter().map(|column| column.to_string()));
    table_row(out, CHANGE_COLUMNS.iter().map(|_| "---".to_owned()));
    for change in changes {
        let cells = [&change.change, &change.before, &change.after, &change.breaks];
        table_row(out, cells.into_iter().map(|value| markdown_inline(value)));
    }
}

fn action_section(out: &mut String, action: &ActionSection) {
    let _ = write!(out, "\n## {}\n\n", heading(&action.heading));
    field_table(out, &action.rows);
    if action.inputs.is_empty() {
        out.push_str("\nNo inputs.\n");
        return;
    }
    out.push_str("\nInputs:\n\n");
    table_row(out, INPUT_COLUMNS.iter().map(|column| column.to_string()));
    table_row(out, INPUT_COLUMNS.iter().map(|_| "---".to_owned()));
    for input in &action.inputs {
        table_row(out, input.iter().map(|value| markdown_inline(value)));
    }
}

fn field_table(out: &mut String, rows: &[Row]) {
    table_row(out, FIELD_VALUE.iter().map(|column| column.to_string()));
    table_row(out, FIELD_VALUE.iter().map(|_| "---".to_owned()));
    for row in rows {
        match &row.value {
            // The author's own line breaks stay inside one cell.
            Cell::Text(text) => table_row(out, [row.field.to_owned(), markdown_inline(text)].into_iter()),
            value => {
                for (index, line) in value.lines().iter().enumerate() {
                    let field = if index == 0 { row.field } else { "" };
                    table_row(out, [field.to_owned(), markdown_inline(line)].into_iter());
                }
            }
        }
    }
}

fn table_row(out: &mut String, cells: impl Iterator<Item = String>) {
    out.push('|');
    for cell in cells {
        let _ = write!(out, " {cell} |");
    }
    out.push('\n');
}

/// A heading's text: like [`markdown_inline`], and a `#` cannot close the heading early.
fn heading(text: &str) -> String {
    markdown_inline(text).replace('#', "\\#")
}
