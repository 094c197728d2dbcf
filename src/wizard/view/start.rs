//! The start screen: new blank manifest, new from a bundled example, open a path, recent files.

use super::super::app::{App, StartItem, StartScreen};
use super::super::examples::EXAMPLES;
use super::super::layout::{self, start_list_top};
use crate::escape::one_line;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// The words of the start screen's entry `index` (the first recent file says "Recent:").
pub(crate) fn label(start: &StartScreen, index: usize) -> String {
    let items = &start.items;
    match &items[index] {
        StartItem::Blank => "New blank manifest".to_owned(),
        StartItem::Example(example) => format!("New from example: {}", EXAMPLES[*example].title),
        StartItem::Open => "Open a manifest file…".to_owned(),
        StartItem::Draft(_, draft) => {
            let place =
                draft.path.as_ref().map_or_else(|| "new manifest".to_owned(), |path| path.display().to_string());
            let age = super::panel::human_age(crate::storage::drafts::now().saturating_sub(draft.written_at));
            let older = match start.older_than(draft) {
                0 => String::new(),
                1 => "; 1 older draft of it behind".to_owned(),
                n => format!("; {n} older drafts of it behind"),
            };
            format!("Recover unsaved work: {} (from {age} ago{older})", one_line(&place))
        }
        StartItem::Recent(path) => {
            let first = !items[..index].iter().any(|item| matches!(item, StartItem::Recent(_)));
            let prefix = if first { "Recent: " } else { "" };
            format!("{prefix:<8}{}", one_line(&path.display().to_string()))
        }
    }
}

/// Draws the start screen.
pub(crate) fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let theme = app.theme;
    let mut heading = vec![Line::styled(" integration-wizard", theme.title())];
    heading.extend(layout::start_intro(app).into_iter().map(|line| Line::raw(format!(" {line}"))));
    heading.push(Line::raw(""));
    heading.push(Line::styled(" What would you like to do?", theme.label()));
    for (offset, line) in heading.into_iter().enumerate() {
        frame.render_widget(line, Rect::new(area.x, area.y + u16::try_from(offset).unwrap_or(0), area.width, 1));
    }
    let top = start_list_top(app);
    // The message (an open-file error) wraps above the hints; the list stops above it.
    let status_lines = app.status.as_deref().map(|status| layout::status_lines(status, area.width.saturating_sub(1)));
    let status_height = u16::try_from(status_lines.as_ref().map_or(1, Vec::len)).unwrap_or(1);
    let mut y = top;
    'entries: for (index, lines) in layout::start_entries(app).into_iter().enumerate() {
        let focused = index == app.start.focus;
        let style = if focused { theme.focus() } else { ratatui::style::Style::new() };
        for (at, line) in lines.into_iter().enumerate() {
            if y + 2 + status_height >= area.bottom() {
                break 'entries;
            }
            // A long entry wraps under its first line, nothing cut; a click on any of its lines picks it.
            let marker = match (at, focused) {
                (0, true) => "▶ ",
                _ => "  ",
            };
            frame.render_widget(
                Line::from(vec![Span::raw(" "), Span::styled(format!("{marker}{line}"), style)]),
                Rect::new(area.x, y, area.width, 1),
            );
            y += 1;
        }
    }
    if let Some(lines) = status_lines {
        let y = area.bottom().saturating_sub(1 + status_height);
        let lines: Vec<Line> =
            lines.into_iter().map(|line| Line::styled(format!(" {line}"), theme.warning())).collect();
        frame.render_widget(ratatui::widgets::Paragraph::new(lines), Rect::new(area.x, y, area.width, status_height));
    }
    let hints = super::bars::hints(app);
    let last = hints.len().saturating_sub(1);
    let spans: Vec<Span> = hints
        .into_iter()
        .enumerate()
        .flat_map(|(at, (hint, what))| {
            let key = match hint {
                super::bars::Hint::Key(command) => app.keys.hint_key(command),
                super::bars::Hint::Typing => "type".to_owned(),
            };
            let key = if at == 0 { format!(" {key}") } else { key };
            let gap = if at == last { "" } else { "  " };
            [Span::styled(key, theme.key()), Span::raw(format!(" {what}{gap}"))]
        })
        .collect();
    let hints = Line::from(spans);
    frame.render_widget(hints, Rect::new(area.x, area.bottom() - 1, area.width, 1));
}
