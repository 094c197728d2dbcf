//! The live JSON preview: the part of the manifest the page edits, with the focused key highlighted.

use super::super::app::App;
use super::super::display::one_line;
use super::super::step::{Page, Step};
use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// Draws the preview of the focused part of the manifest.
pub(crate) fn render(app: &App, frame: &mut Frame, area: Rect) {
    if app.page == Page::Step(Step::Review) {
        super::review::render_json(app, frame, area);
        return;
    }
    // The cache is filled by `App::update`; a state built by hand is previewed directly.
    let fresh;
    let (title, json, key) = if app.caches.preview.source == Some(app.preview_source()) {
        (&app.caches.preview.title, &app.caches.preview.text, app.caches.preview.key)
    } else {
        fresh = super::super::app::focused_json(app);
        (&fresh.0, &fresh.1, fresh.2)
    };
    frame.render_widget(Block::bordered().title(Span::styled(format!(" {title} "), app.theme.title())), area);
    let inner = area.inner(Margin::new(1, 1));
    let lines: Vec<&str> = json.lines().collect();
    let highlight = key.and_then(|key| {
        let needle = format!("  \"{key}\":");
        lines.iter().position(|line| line.starts_with(&needle))
    });
    let height = usize::from(inner.height);
    let first = highlight.map_or(0, |at| at.saturating_sub(height / 3));
    let shown: Vec<Line> = lines
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(index, line)| {
            let line = json_line(app.theme, line);
            if Some(index) == highlight { line.patch_style(app.theme.focus()) } else { line }
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

/// One line of pretty JSON with keys, strings and literals coloured (and unsafe characters escaped).
pub(crate) fn json_line(theme: Theme, line: &str) -> Line<'static> {
    let line = super::super::display::clip(line, super::super::display::MAX_DRAWN);
    let indent_len = line.len() - line.trim_start().len();
    let (indent, rest) = line.split_at(indent_len);
    let mut spans = vec![Span::raw(indent.to_owned())];
    if let Some(after_key) = key_end(rest) {
        let (key, value) = rest.split_at(after_key);
        spans.push(Span::styled(one_line(key).into_owned(), theme.json_key()));
        spans.push(value_span(theme, value));
    } else {
        spans.push(value_span(theme, rest));
    }
    Line::from(spans)
}

/// The end of a leading `"key":` (with its colon), if the line starts with one.
fn key_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes.first() != Some(&b'"') {
        return None;
    }
    let mut escaped = false;
    for (index, &byte) in bytes.iter().enumerate().skip(1) {
        match byte {
            _ if escaped => escaped = false,
            b'\\' => escaped = true,
            b'"' => return text[index + 1..].starts_with(':').then_some(index + 2),
            _ => {}
        }
    }
    None
}

fn value_span(theme: Theme, value: &str) -> Span<'static> {
    let trimmed = value.trim_start();
    let style = if trimmed.starts_with('"') {
        theme.json_string()
    } else if trimmed.starts_with(['{', '[', '}', ']']) {
        ratatui::style::Style::new()
    } else {
        theme.json_literal()
    };
    Span::styled(one_line(value).into_owned(), style)
}
