//! The ticket document as one self-contained, printable HTML page; every value is escaped text.

use super::document::{
    ADDITIONS_HEADING, ActionSection, CHANGE_COLUMNS, CHANGES_HEADING, Cell, ChangeRow, DETAILS_HEADING, Document,
    FIELD_VALUE, INPUT_COLUMNS, Row,
};
use crate::escape::html_text;
use std::fmt::Write;

/// Loads nothing from anywhere and runs nothing, even if a value were to slip through unescaped.
const HEAD: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
"#;

const STYLE: &str = "<style>
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #111; line-height: 1.4; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #999; padding: 0.3em 0.6em; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eee; }
td.field { white-space: nowrap; width: 1%; }
ul { margin: 0; padding-left: 1.2em; }
.block + .block { margin-top: 0.8em; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
</style>
";

/// The whole page, ending with a newline.
pub(crate) fn render(document: &Document) -> String {
    let heading = document.title;
    let title =
        document.about.first().map_or(heading.to_owned(), |(_, name)| format!("{heading}: {}", html_text(name)));
    let purpose = document.purpose;
    let mut out =
        format!("{HEAD}<title>{title}</title>\n{STYLE}</head>\n<body>\n<h1>{heading}</h1>\n<p>{purpose}</p>\n<ul>\n");
    for (label, value) in &document.about {
        let _ = writeln!(out, "<li>{label}: {}</li>", html_text(value));
    }
    out.push_str("</ul>\n");
    if let Some(changes) = &document.changes {
        changes_table(&mut out, changes);
    }
    let _ = writeln!(out, "<h2>{DETAILS_HEADING}</h2>");
    field_table(&mut out, &document.details);
    for action in document.actions() {
        action_section(&mut out, &action);
    }
    let _ = writeln!(out, "<h2>{ADDITIONS_HEADING}</h2>");
    field_table(&mut out, &document.additions);
    out.push_str("</body>\n</html>\n");
    out
}

fn changes_table(out: &mut String, changes: &[ChangeRow]) {
    let _ = writeln!(out, "<h2>{CHANGES_HEADING}</h2>");
    if changes.is_empty() {
        out.push_str("<p>No changes in meaning since the previous version.</p>\n");
        return;
    }
    out.push_str("<table>\n<thead><tr>");
    for column in CHANGE_COLUMNS {
        let _ = write!(out, "<th>{column}</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for change in changes {
        out.push_str("<tr>");
        for value in [&change.change, &change.before, &change.after, &change.breaks] {
            let _ = write!(out, "<td>{}</td>", html_text(value));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn action_section(out: &mut String, action: &ActionSection) {
    let _ = writeln!(out, "<h2>{}</h2>", html_text(&action.heading));
    field_table(out, &action.rows);
    if action.inputs.is_empty() {
        out.push_str("<p>No inputs.</p>\n");
        return;
    }
    out.push_str("<p>Inputs:</p>\n<table>\n<thead><tr>");
    for column in INPUT_COLUMNS {
        let _ = write!(out, "<th>{column}</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for input in &action.inputs {
        out.push_str("<tr>");
        for value in input {
            let _ = write!(out, "<td>{}</td>", html_text(value));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn field_table(out: &mut String, rows: &[Row]) {
    let _ = write!(
        out,
        "<table>\n<thead><tr><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        FIELD_VALUE[0], FIELD_VALUE[1]
    );
    for row in rows {
        let _ = writeln!(out, "<tr><td class=\"field\">{}</td><td>{}</td></tr>", row.field, cell(&row.value));
    }
    out.push_str("</tbody>\n</table>\n");
}

fn cell(value: &Cell) -> String {
    match value {
        Cell::Text(value) => html_text(value),
        Cell::Bullets(items) => {
            let items: String = items.iter().map(|item| format!("<li>{}</li>", html_text(item))).collect();
            format!("<ul>{items}</ul>")
        }
        // Talkdesk's layout: `field_name: …` (in bold here), then one bullet per other value.
        Cell::Blocks(blocks) => blocks
            .iter()
            .map(|block| {
                let lines = block.text_lines();
                let (first, rest) = lines.split_first().map_or(("", &[][..]), |(first, rest)| (first.as_str(), rest));
                let items: String = rest
                    .iter()
                    .map(|line| format!("<li>{}</li>", html_text(line.trim_start_matches(super::document::BULLET))))
                    .collect();
                format!("<div class=\"block\"><strong>{}</strong><ul>{items}</ul></div>", html_text(first))
            })
            .collect(),
    }
}
