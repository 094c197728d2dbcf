//! Drawing the ticket panel: the refusal, the formats, the path, or whether to replace a file.

use super::super::app::App;
use super::super::panels::ticket::{TicketPanel, format_key};
use super::super::path_list::PathField;
use super::overlay;
use crate::escape::one_line;
use crate::ticket::Format;
use ratatui::Frame;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the ticket panel centred over the screen.
pub(crate) fn render(app: &App, panel: &TicketPanel, frame: &mut Frame) {
    let theme = app.theme;
    let key = |key: &str| Span::styled(format!(" {key} "), theme.key());
    let mut lines = Vec::new();
    let mut input_at = None;
    match panel {
        TicketPanel::Refused { errors } => {
            lines.push(Line::styled(format!("The manifest has {errors} error(s)."), theme.error()));
            lines.push(Line::raw(
                "They must be fixed first: the document is what Talkdesk will configure, and Talkdesk would reject it.",
            ));
            lines.push(Line::raw(""));
            lines.push(Line::from(vec![
                key("Enter"),
                Span::raw("go to the first error   "),
                key("Esc"),
                Span::raw("close"),
            ]));
        }
        TicketPanel::Format { choice } => {
            lines.push(Line::raw("The document to attach to Talkdesk's \"Activate Custom Integration\" ticket, as:"));
            lines.push(Line::raw(""));
            for (index, format) in Format::ALL.into_iter().enumerate() {
                let marker = if index == *choice { "›" } else { " " };
                let text = format!("{marker} {} (.{})", format.label(), format.extension());
                let style = if index == *choice { theme.focus() } else { ratatui::style::Style::default() };
                lines.push(Line::from(vec![key(&format_key(format).to_string()), Span::styled(text, style)]));
            }
            lines.push(Line::raw(""));
            let warnings = crate::manifest::Counts::of(app.doc.diagnostics()).warnings;
            if warnings > 0 {
                // They do not stop the document, but what goes to Talkdesk should not carry them unseen.
                lines.push(Line::styled(
                    format!("The manifest has {warnings} warning(s): Review & save lists them."),
                    theme.warning(),
                ));
            }
            lines.push(Line::styled("↑↓ choose, Enter next, Esc cancel", theme.dim()));
        }
        TicketPanel::Path { format, .. } => {
            lines.push(Line::raw(format!("Write the {} document to:", format.label())));
            input_at = Some(lines.len());
            lines.push(Line::raw(""));
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                "Enter writes (an existing file is never replaced without asking), Esc cancels. A relative path is relative to the folder you started in.",
                theme.dim(),
            ));
        }
        TicketPanel::Writing { path, .. } => {
            lines.push(Line::raw(format!("writing {}…", one_line(&path.display().to_string()))))
        }
        TicketPanel::Exists { path, .. } => {
            lines.push(Line::raw(format!("{} already exists.", one_line(&path.display().to_string()))));
            lines.push(Line::raw(""));
            lines.push(Line::from(vec![
                key("y"),
                Span::raw("replace it   "),
                key("n"),
                Span::raw("choose another path"),
            ]));
        }
    }
    // The lines before the path are short, so `input_at` is also its row once the panel wraps them.
    let area = overlay::panel(frame, theme, "Ticket document", lines, 0);
    if let (Some(row), TicketPanel::Path { input: PathField { input, .. }, .. }) = (input_at, panel) {
        let inner = area.inner(Margin::new(1, 1));
        let line = Rect { y: inner.y + u16::try_from(row).unwrap_or(0), height: 1, ..inner };
        let width = usize::from(line.width.saturating_sub(1));
        let scroll = input.visual_scroll(width);
        let shown: String = one_line(input.value()).chars().skip(scroll).collect();
        frame.render_widget(Paragraph::new(shown).style(theme.focus()), line);
        let cursor = u16::try_from(input.visual_cursor().saturating_sub(scroll)).unwrap_or(0);
        frame.set_cursor_position(Position::new(line.x + cursor.min(line.width.saturating_sub(1)), line.y));
    }
}
