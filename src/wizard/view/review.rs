//! The review page: what changed since the file was opened and every problem of the manifest (Enter
//! jumps to its field), and the whole JSON beside it.

use super::super::app::App;
use super::super::form::Row;
use super::super::layout::placed_rows;
use crate::manifest::changes::Change;
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
        let focused = index == app.focus;
        let marker = if focused { "▶ " } else { "  " };
        let (line, style) = match rows[index] {
            Row::Change(change) => match app.doc.changes().get(change) {
                Some(change) => change_line(app, change),
                None => continue,
            },
            Row::Finding(finding) => {
                let diagnostic = &diagnostics[finding];
                let pointer = if diagnostic.pointer.is_empty() { "(file)" } else { diagnostic.pointer.as_str() };
                let (symbol, style) = match diagnostic.severity {
                    crate::manifest::Severity::Error => ("✗", app.theme.error()),
                    crate::manifest::Severity::Warning => ("!", app.theme.warning()),
                };
                (format!("{symbol} {pointer}  {}", super::super::display::shown(&diagnostic.message)), style)
            }
            _ => continue,
        };
        // One line each, its end shown as `…` when cut: the help area below shows the focused one in full.
        let line = super::form::ellipsis(&format!("{marker}{line}"), usize::from(row_area.width));
        frame.render_widget(Line::styled(line, if focused { app.theme.focus() } else { style }), row_area);
        bottom = row_area.bottom();
    }
    if diagnostics.is_empty() && bottom < inner.bottom() {
        let text = format!("No problems: the manifest is valid. {} saves it.", app.save_key());
        let gap = u16::from(bottom > inner.y);
        let rest = Rect { y: bottom + gap, height: inner.bottom().saturating_sub(bottom + gap), ..inner };
        frame.render_widget(Paragraph::new(text).style(app.theme.ok()).wrap(Wrap { trim: true }), rest);
    }
}

/// A change as the review lists it: `diff`'s mark (+ added, - removed, ~ changed) and words, and
/// `[breaking]` for one that breaks the live integration, as `diff` flags it (why is in the help area below).
fn change_line(app: &App, change: &Change) -> (String, ratatui::style::Style) {
    use crate::manifest::changes::ChangeCode as C;
    let mark = match change.code {
        C::AuthFieldAdded | C::MandatoryAuthFieldAdded | C::ActionAdded | C::InputAdded | C::MandatoryInputAdded => "+",
        C::AuthFieldRemoved | C::ActionRemoved | C::InputRemoved => "-",
        _ => "~",
    };
    let words = super::super::display::shown(&change.words()).into_owned();
    match change.breaking() {
        Some(_) => (format!("{mark} {words}  [breaking]"), app.theme.error()),
        None => (format!("{mark} {words}"), ratatui::style::Style::default()),
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
