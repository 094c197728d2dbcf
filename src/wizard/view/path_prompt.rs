//! A path prompt: the typed path, what Tab found, and the folder's JSON files (manifests first) to pick
//! from with the arrows.

use super::super::app::App;
use super::super::overlay::PromptPurpose;
use super::super::path_list::{PathField, split};
use super::overlay::centered;
use ratatui::Frame;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

/// Lines of the panel besides the list: borders, the path, the note, two of help, a blank, the title.
const FIXED_LINES: u16 = 8;

/// Draws the prompt for `purpose` with `input`, centred on `screen`.
pub(crate) fn render(app: &App, purpose: PromptPurpose, field: &PathField, frame: &mut Frame, screen: Rect) {
    let theme = app.theme;
    let list = field.list.as_deref();
    let input = &field.input;
    let shown = list.map_or(&[][..], |list| list.shown.as_slice());
    let has_list = list.is_some_and(|list| list.folder.is_some());
    let room = screen.height.saturating_sub(FIXED_LINES + 2);
    let rows = u16::try_from(shown.len()).unwrap_or(u16::MAX).clamp(1, room.max(1));
    let height = if has_list { FIXED_LINES + rows } else { 6 };
    let area = centered(screen, 70, height);
    frame.render_widget(Clear, area);
    frame.render_widget(Block::bordered().title(Span::styled(format!(" {} ", purpose.title()), theme.title())), area);
    let inner = area.inner(Margin::new(1, 1));
    let line = |offset: u16, lines: u16| Rect { y: inner.y + offset, height: lines, ..inner };
    let width = usize::from(inner.width.saturating_sub(1));
    let scroll = input.visual_scroll(width);
    let typed: String = crate::escape::one_line(input.value()).chars().skip(scroll).collect();
    frame.render_widget(Paragraph::new(typed).style(theme.focus()), line(0, 1));
    if let Some(note) = list.and_then(|list| list.note.as_deref()) {
        frame.render_widget(Paragraph::new(super::super::display::fit(note, width)).style(theme.warning()), line(1, 1));
    }
    let help = match purpose {
        PromptPurpose::Open => {
            "Tab completes, ↑↓ pick a file, Enter opens, Esc cancels. Relative paths start in the folder you started in."
        }
        PromptPurpose::SaveAs => {
            "Typing replaces the name, ← → edit it; Tab completes, Enter saves, Esc cancels. Relative to where you started."
        }
    };
    frame.render_widget(Paragraph::new(help).style(theme.dim()).wrap(Wrap { trim: true }), line(2, 2));
    if let Some(list) = list.filter(|_| has_list) {
        let (folder, _) = split(input.value());
        let place = if folder.is_empty() { "this folder".to_owned() } else { folder.to_owned() };
        let title = match (&list.error, list.matches_shown, shown.is_empty()) {
            (Some(error), _, _) => error.clone(),
            (None, true, _) => format!("names in {place} that match:"),
            (None, false, true) => format!("no JSON file in {place} starts with what is typed"),
            (None, false, false) => format!("JSON files in {place} (manifests first):"),
        };
        frame.render_widget(Paragraph::new(super::super::display::fit(&title, width)).style(theme.dim()), line(5, 1));
        let first = list.selected.map_or(0, |selected| selected.saturating_sub(usize::from(rows) - 1));
        for (at, entry) in shown.iter().enumerate().skip(first).take(usize::from(rows)) {
            let picked = list.selected == Some(at);
            let mark = if picked { "› " } else { "  " };
            let kind = if entry.manifest {
                "manifest"
            } else if entry.is_dir {
                "folder"
            } else {
                ""
            };
            let name = super::super::display::fit(&crate::escape::one_line(&entry.written()), width.saturating_sub(12));
            let text = format!("{mark}{name:<width$}{kind}", width = width.saturating_sub(12));
            let style = if picked { theme.focus() } else { ratatui::style::Style::default() };
            let y = 6 + u16::try_from(at - first).unwrap_or(0);
            frame.render_widget(Line::styled(text, style), line(y, 1));
        }
    }
    let cursor = u16::try_from(input.visual_cursor().saturating_sub(scroll)).unwrap_or(0);
    frame.set_cursor_position(Position::new(inner.x + cursor.min(inner.width.saturating_sub(1)), inner.y));
}
