//! The review page: what changed since the file was opened and every problem of the manifest (Enter
//! jumps to its field), and the whole JSON beside it.

use super::super::app::App;
use super::super::form::Row;
use super::super::layout::{change_lines, finding_lines, placed_rows};
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Draws, in the form's place, what changed since the file was opened (breaking changes first) and
/// every problem; Enter on either jumps to its field.
pub(crate) fn render(app: &App, frame: &mut Frame, area: Rect) {
    let diagnostics = app.doc.diagnostics();
    let crate::manifest::Counts { errors, warnings } = crate::manifest::Counts::of(diagnostics);
    let json_hint =
        if app.size.0 < super::super::layout::WIDE && !app.preview_on_narrow { " (p: the JSON)" } else { "" };
    // Short, to fit the middle column at 120 columns: each change's row flags it as breaking.
    let changes = match app.doc.changes().len() {
        0 => String::new(),
        count => format!("{count} change(s), "),
    };
    let title = format!(" Review & save: {changes}{errors} error(s), {warnings} warning(s){json_hint} ");
    frame.render_widget(Block::bordered().title(Span::styled(title, app.theme.title())), area);
    let inner = area.inner(Margin::new(1, 1));
    let rows = app.rows();
    let mut bottom = inner.y;
    for (index, row_area) in placed_rows(app, inner) {
        let (lines, style) = match rows[index] {
            Row::Change(change) => {
                let breaking = app.doc.changes().get(change).is_some_and(|change| change.breaking().is_some());
                let style = if breaking { app.theme.error() } else { ratatui::style::Style::default() };
                (change_lines(app, index, change), style)
            }
            Row::Finding(finding) => {
                let style = match diagnostics[finding].severity {
                    crate::manifest::Severity::Error => app.theme.error(),
                    crate::manifest::Severity::Warning => app.theme.warning(),
                };
                (finding_lines(app, index, finding), style)
            }
            _ => continue,
        };
        let style = if index == app.focus { app.theme.focus() } else { style };
        let columns = usize::from(row_area.width);
        let lines: Vec<Line> =
            lines.iter().map(|line| Line::styled(super::form::ellipsis(line, columns), style)).collect();
        frame.render_widget(Paragraph::new(lines), row_area);
        bottom = row_area.bottom();
    }
    if diagnostics.is_empty() && bottom < inner.bottom() {
        let text = format!("No problems: the manifest is valid. {} saves it.", app.save_key());
        // A line between the changes and the verdict.
        let gap = u16::from(bottom > inner.y);
        let rest = Rect { y: bottom + gap, height: inner.bottom().saturating_sub(bottom + gap), ..inner };
        frame.render_widget(Paragraph::new(text).style(app.theme.ok()).wrap(Wrap { trim: true }), rest);
    }
}

/// Draws the whole manifest as JSON, scrolled to the focused problem when the file is small enough to search.
pub(crate) fn render_json(app: &App, frame: &mut Frame, area: Rect) {
    let json = &app.caches.review;
    frame.render_widget(
        Block::bordered().title(Span::styled(" manifest (as it will be saved) ", app.theme.title())),
        area,
    );
    let inner = area.inner(Margin::new(1, 1));
    let focus_line = focused_line(app);
    let line_at = |index: usize| {
        let start = *json.line_starts.get(index)?;
        let end = json.text[start..].find('\n').map_or(json.text.len(), |at| start + at);
        Some(&json.text[start..end])
    };
    let lines = super::preview::json_window(
        app.theme,
        line_at,
        (json.scroll, focus_line),
        usize::from(inner.width),
        usize::from(inner.height),
    );
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The line of the focused problem in the review JSON, as the writer noted it.
fn focused_line(app: &App) -> Option<usize> {
    let Some(Row::Finding(index)) = app.focused_row() else {
        return None;
    };
    let pointer = app.doc.diagnostics().get(index)?.pointer.as_str();
    app.caches.review.lines.line_of(pointer)
}
