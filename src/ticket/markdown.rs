//! The ticket document as Markdown: GitHub-flavoured tables that keep their shape whatever the values hold.
//!
//! A value of several lines (the authentication fields, bullets) takes one table row per line,
//! its first cell left empty after the first: rendered, it reads as Talkdesk's table; pasted as
//! text, each line stands on its own, without `<br>`.

use super::document::{
    ADDITIONS_HEADING, ActionSection, CHANGE_COLUMNS, CHANGES_HEADING, Cell, ChangeRow, DETAILS_HEADING, Document,
    FIELD_VALUE, INPUT_COLUMNS, Row,
};
use super::visible;
use std::fmt::Write;

/// The whole document as Markdown, ending with a newline.
pub(crate) fn render(document: &Document) -> String {
    let mut out = format!("# {}\n\n{}\n\n", document.title, document.purpose);
    for (label, value) in &document.about {
        let _ = writeln!(out, "- {label}: {}", inline(value));
    }
    if let Some(changes) = &document.changes {
        changes_table(&mut out, changes);
    }
    let _ = write!(out, "\n## {DETAILS_HEADING}\n\n");
    field_table(&mut out, &document.details);
    for action in &document.actions {
        action_section(&mut out, action);
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
        table_row(out, cells.into_iter().map(|value| inline(value)));
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
        table_row(out, input.iter().map(|value| inline(value)));
    }
}

fn field_table(out: &mut String, rows: &[Row]) {
    table_row(out, FIELD_VALUE.iter().map(|column| column.to_string()));
    table_row(out, FIELD_VALUE.iter().map(|_| "---".to_owned()));
    for row in rows {
        match &row.value {
            // The author's own line breaks stay inside one cell.
            Cell::Text(text) => table_row(out, [row.field.to_owned(), inline(text)].into_iter()),
            value => {
                for (index, line) in value.lines().iter().enumerate() {
                    let field = if index == 0 { row.field } else { "" };
                    table_row(out, [field.to_owned(), inline(line)].into_iter());
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

/// A heading's text: like [`inline`], and a `#` cannot close the heading early.
fn heading(text: &str) -> String {
    inline(text).replace('#', "\\#")
}

/// Text from the manifest made safe inside a table cell or a line: hidden characters shown,
/// a line break as `<br>`, and the characters that would end a cell (`|`), open code (`` ` ``),
/// HTML (`<`), a link (`[`, `]`) or an entity (`&name;`) escaped with a backslash, which
/// Markdown removes when it renders and a reader of the raw text easily skips.
pub(crate) fn inline(text: &str) -> String {
    // Hidden characters are shown with a backslash of their own (`\u{1b}`): Markdown keeps a
    // backslash before a letter, so it is not escaped again.
    let text = text.replace("\r\n", "\n");
    let mut escaped = String::with_capacity(text.len() + 8);
    let mut rest = text.as_str();
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        if let Some(shown) = visible::escape(c) {
            escaped.push_str(&shown);
            continue;
        }
        match c {
            '\n' => escaped.push_str("<br>"),
            '\\' | '|' | '`' | '<' | '[' | ']' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '&' if starts_entity(rest) => escaped.push_str("\\&"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// True when the text after a `&` reads as an HTML entity (`amp;`, `#60;`, `#x3c;`).
fn starts_entity(rest: &str) -> bool {
    let name_len = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '#').count();
    name_len > 0 && rest[name_len..].starts_with(';')
}

#[cfg(test)]
mod tests {
    use super::inline;

    #[test]
    fn cell_breaking_characters_are_escaped() {
        assert_eq!(inline("a | b"), "a \\| b");
        assert_eq!(inline("`code`"), "\\`code\\`");
        assert_eq!(inline("<script>alert(1)</script>"), "\\<script>alert(1)\\</script>");
        assert_eq!(inline("one\ntwo"), "one<br>two");
        assert_eq!(inline("back\\|slash"), "back\\\\\\|slash");
        assert_eq!(inline("[x](javascript:1)"), "\\[x\\](javascript:1)");
        assert_eq!(inline("&lt; & &#60; R&D"), "\\&lt; & \\&#60; R&D");
        assert_eq!(inline("esc\u{1b}[2J\u{202e}\tx"), "esc\\u{1b}\\[2J\\u{202e}\\tx");
    }

    #[test]
    fn ordinary_values_read_as_they_are() {
        let url = "https://{{account}}.example.org/a_b?x=1";
        assert_eq!(inline(url), url);
        assert_eq!(inline("under Settings > Account"), "under Settings > Account");
    }
}
