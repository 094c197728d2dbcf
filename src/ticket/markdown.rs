//! The ticket document as Markdown: GitHub-flavoured tables that keep their shape whatever the values hold.

use super::document::{
    ActionSection, BULLET, Cell, DETAILS_HEADING, Document, FIELD_VALUE, INPUT_COLUMNS, PURPOSE, Row, TICKET_INTRO,
    TICKET_SETTINGS, TITLE,
};
use super::visible;
use std::fmt::Write;

/// The whole document as Markdown, ending with a newline.
pub(crate) fn render(document: &Document) -> String {
    let mut out = format!("# {TITLE}\n\n{PURPOSE}\n\n");
    for (label, value) in &document.about {
        let _ = writeln!(out, "- {label}: {}", inline(value));
    }
    let _ = write!(out, "\n{TICKET_INTRO}\n\n");
    for (label, value) in TICKET_SETTINGS {
        let _ = writeln!(out, "- {label}: **{value}**");
    }
    let _ = write!(out, "\n## {DETAILS_HEADING}\n\n");
    field_table(&mut out, &document.details);
    for action in &document.actions {
        action_section(&mut out, action);
    }
    out
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
        table_row(out, [row.field.to_owned(), cell(&row.value)].into_iter());
    }
}

fn table_row(out: &mut String, cells: impl Iterator<Item = String>) {
    out.push('|');
    for cell in cells {
        let _ = write!(out, " {cell} |");
    }
    out.push('\n');
}

/// A value cell on one line: bullets and blocks separated by `<br>`, each block's name in bold.
fn cell(value: &Cell) -> String {
    match value {
        Cell::Text(text) => inline(text),
        Cell::Bullets(items) => {
            items.iter().map(|item| format!("{BULLET}{}", inline(item))).collect::<Vec<_>>().join("<br>")
        }
        Cell::Blocks(blocks) => blocks
            .iter()
            .map(|block| {
                let mut lines = vec![format!("**{}**", inline(&block.heading))];
                lines.extend(block.lines.iter().map(|(label, value)| format!("{label}: {}", inline(value))));
                lines.join("<br>")
            })
            .collect::<Vec<_>>()
            .join("<br><br>"),
    }
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
