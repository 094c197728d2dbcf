//! The live JSON preview: the part of the manifest the page edits, with the focused key highlighted.

use super::super::app::App;
use super::super::steps::{Page, Step};
use super::theme::Theme;
use crate::escape::one_line;
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
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
    let shown = json_window(
        app.theme,
        |index| lines.get(index).copied(),
        (0, highlight),
        usize::from(inner.width),
        usize::from(inner.height),
    );
    frame.render_widget(Paragraph::new(shown), inner);
}

/// The screen lines of a JSON text shown from line `scroll`, or with line `focus` a third of the way
/// down (highlighted): each JSON line wrapped to `width`, so a long value is read in full. Only the
/// drawing wraps: the lines keep their numbers, which the review's findings and scrolling use.
pub(crate) fn json_window<'a>(
    theme: Theme,
    line_at: impl Fn(usize) -> Option<&'a str>,
    (scroll, focus): (usize, Option<usize>),
    width: usize,
    height: usize,
) -> Vec<Line<'static>> {
    let wrapped = |index: usize| line_at(index).map_or_else(Vec::new, |text| wrapped_json_line(theme, text, width));
    let first = match focus {
        Some(focus) => {
            // Back from the focused line while the lines above fill at most a third of the height.
            let mut first = focus;
            let mut above = 0;
            while first > 0 {
                let lines = wrapped(first - 1).len();
                if above + lines > height / 3 {
                    break;
                }
                above += lines;
                first -= 1;
            }
            first
        }
        None => scroll,
    };
    let mut shown = Vec::new();
    let mut index = first;
    while shown.len() < height && line_at(index).is_some() {
        let lines = wrapped(index);
        if Some(index) == focus {
            shown.extend(lines.into_iter().map(|line| line.patch_style(theme.focus())));
        } else {
            shown.extend(lines);
        }
        index += 1;
    }
    shown.truncate(height);
    shown
}

/// A line of pretty JSON, coloured, in lines of at most `width` columns: a line too long goes on under
/// itself two columns deeper than its indentation (after a space where one is near the end), nothing cut.
pub(crate) fn wrapped_json_line(theme: Theme, text: &str, width: usize) -> Vec<Line<'static>> {
    use unicode_width::UnicodeWidthChar;
    let line = json_line(theme, text);
    let indent = text.len() - text.trim_start().len() + 2;
    if line.width() <= width || width < indent + 8 {
        return vec![line];
    }
    let cells: Vec<(char, Style)> =
        line.spans.iter().flat_map(|span| span.content.chars().map(move |c| (c, span.style))).collect();
    let mut rows: Vec<Vec<(char, Style)>> = Vec::new();
    let mut row: Vec<(char, Style)> = Vec::new();
    let mut used = 0;
    for cell in cells {
        let cell_width = cell.0.width().unwrap_or(0);
        let room = if rows.is_empty() { width } else { width - indent };
        if used + cell_width > room && !row.is_empty() {
            // Break after the last space of the row's second half, else after its last slash (in a URL),
            // else right here.
            let after = |wanted: char| row.iter().rposition(|(c, _)| *c == wanted).filter(|at| *at + 1 > row.len() / 2);
            let cut = after(' ').or_else(|| after('/'));
            let rest = cut.map_or_else(Vec::new, |at| row.split_off(at + 1));
            rows.push(std::mem::replace(&mut row, rest));
            used = row.iter().map(|(c, _)| c.width().unwrap_or(0)).sum();
        }
        row.push(cell);
        used += cell_width;
    }
    rows.push(row);
    rows.into_iter()
        .enumerate()
        .map(|(at, row)| {
            let mut spans = if at == 0 { Vec::new() } else { vec![Span::raw(" ".repeat(indent))] };
            let mut run = String::new();
            let mut style = row.first().map_or_else(Style::new, |(_, style)| *style);
            for (c, cell_style) in row {
                if cell_style != style && !run.is_empty() {
                    spans.push(Span::styled(std::mem::take(&mut run), style));
                }
                style = cell_style;
                run.push(c);
            }
            spans.push(Span::styled(run, style));
            Line::from(spans)
        })
        .collect()
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
