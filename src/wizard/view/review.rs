//! The review page: every problem of the manifest (Enter jumps to its field), and the whole JSON beside it.

use super::super::app::App;
use super::super::display::one_line;
use super::super::form::Row;
use super::super::layout::placed_rows;
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Draws the list of problems in the form's place.
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let diagnostics = app.doc.diagnostics();
    let crate::manifest::Counts { errors, warnings } = crate::manifest::Counts::of(diagnostics);
    let json_hint =
        if app.size.0 < super::super::layout::WIDE && !app.preview_on_narrow { " (p: the JSON)" } else { "" };
    let title = format!(" Review & save: {errors} error(s), {warnings} warning(s){json_hint} ");
    frame.render_widget(Block::bordered().title(Span::styled(title, app.theme.title())), area);
    let inner = area.inner(Margin::new(1, 1));
    if diagnostics.is_empty() {
        let text = format!("No problems: the manifest is valid. {} saves it.", app.save_key());
        frame.render_widget(Paragraph::new(text).style(app.theme.ok()).wrap(Wrap { trim: true }), inner);
        return;
    }
    let rows = app.rows();
    for (index, row_area) in placed_rows(app, inner) {
        let Row::Finding(finding) = rows[index] else {
            continue;
        };
        let diagnostic = &diagnostics[finding];
        let focused = index == app.focus;
        let marker = if focused { "▶ " } else { "  " };
        let pointer = if diagnostic.pointer.is_empty() { "(file)" } else { diagnostic.pointer.as_str() };
        let (symbol, style) = match diagnostic.severity {
            crate::manifest::Severity::Error => ("✗", app.theme.error()),
            crate::manifest::Severity::Warning => ("!", app.theme.warning()),
        };
        let place =
            Span::styled(format!("{marker}{symbol} {pointer}"), if focused { app.theme.focus() } else { style });
        if focused {
            // The focused finding shows its whole message, wrapped under its place.
            frame.render_widget(
                Line::from(vec![place, Span::styled(format!("  [{}]", diagnostic.code), app.theme.dim())]),
                row_area,
            );
            let message_area = Rect {
                x: row_area.x + 4,
                y: row_area.y + 1,
                width: row_area.width.saturating_sub(4),
                height: row_area.height.saturating_sub(1),
            };
            frame.render_widget(
                Paragraph::new(one_line(&diagnostic.message).into_owned()).style(style).wrap(Wrap { trim: true }),
                message_area,
            );
        } else {
            let message = Span::styled(format!("  {}", one_line(&diagnostic.message)), style);
            frame.render_widget(Line::from(vec![place, message]), row_area);
        }
    }
}

/// Draws the whole manifest as JSON, scrolled to the focused problem when the file is small enough to search.
pub fn render_json(app: &App, frame: &mut Frame, area: Rect) {
    let json = &app.caches.review;
    frame.render_widget(
        Block::bordered().title(Span::styled(" manifest (as it will be saved) ", app.theme.title())),
        area,
    );
    let inner = area.inner(Margin::new(1, 1));
    let focus_line = focused_line(app);
    let first = focus_line.map_or(json.scroll, |line| line.saturating_sub(usize::from(inner.height) / 3));
    let lines: Vec<Line> = json
        .line_starts
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(inner.height))
        .map(|(index, &start)| {
            let end = json.text[start..].find('\n').map_or(json.text.len(), |at| start + at);
            let line = super::preview::json_line(app.theme, &json.text[start..end]);
            if Some(index) == focus_line { line.patch_style(app.theme.focus()) } else { line }
        })
        .collect();
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
