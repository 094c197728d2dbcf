//! The box every panel is drawn in: the open panel over the screen, a question's lines wrapped in
//! a centred box, and the words questions share.

use super::super::app::App;
use super::super::layout;
use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// Draws the open panel, if any, over the screen (not on a screen too small for the wizard).
pub(crate) fn render_panel(app: &App, frame: &mut Frame) {
    let Some(panel) = app.panel() else { return };
    let screen = frame.area();
    if screen.width < layout::MIN_WIDTH || screen.height < layout::MIN_HEIGHT {
        return;
    }
    panel.render(app, frame);
}

/// Draws a question panel centred over the screen: `title` on its border, `lines` wrapped to its
/// width, as tall as they are (a `height` of 0) or `height` rows. Returns the panel's area.
pub(crate) fn panel(frame: &mut Frame, theme: Theme, title: &str, lines: Vec<Line>, height: u16) -> Rect {
    let screen = frame.area();
    let width = 72.min(screen.width);
    let inner_width = usize::from(width.saturating_sub(2)).max(1);
    // Wrapped here, at spaces, so the height counts exactly the lines drawn and the last one (the
    // keys) is never cut. A line that fits keeps its spans; a longer one takes its first span's style.
    let lines: Vec<Line> = lines
        .into_iter()
        .flat_map(|line| {
            if line.width() <= inner_width {
                return vec![line];
            }
            let style = line.spans.first().map_or(line.style, |span| line.style.patch(span.style));
            let text: String = line.spans.iter().map(|span| span.content.as_ref()).collect();
            let width = u16::try_from(inner_width).unwrap_or(u16::MAX);
            layout::wrap(&text, width).into_iter().map(|part| Line::styled(part, style)).collect()
        })
        .collect();
    let wrapped = lines.len();
    let height = if height == 0 { u16::try_from(wrapped + 2).unwrap_or(u16::MAX) } else { height };
    let area = centered(screen, width, height);
    frame.render_widget(Clear, area);
    let block = Block::bordered().title(Span::styled(format!(" {title} "), theme.title()));
    frame.render_widget(Paragraph::new(lines).block(block), area);
    area
}

pub(crate) fn centered(screen: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(screen.height))]).flex(Flex::Center).areas(screen);
    let [area] = Layout::horizontal([Constraint::Length(width.min(screen.width))]).flex(Flex::Center).areas(row);
    area
}

/// "3 minutes", "2 hours", "5 days".
pub(crate) fn human_age(seconds: u64) -> String {
    let (amount, unit) = match seconds {
        0..=59 => (seconds, "second"),
        60..=3599 => (seconds / 60, "minute"),
        3600..=86_399 => (seconds / 3600, "hour"),
        _ => (seconds / 86_400, "day"),
    };
    format!("{amount} {unit}{}", if amount == 1 { "" } else { "s" })
}

/// Draws a question as tall as its lines: `title` on its border, `lines` wrapped to its width.
pub(crate) fn question(frame: &mut Frame, theme: Theme, title: &str, lines: Vec<Line>) {
    panel(frame, theme, title, lines, 0);
}

/// A question whose answers are `y` (`yes` says what it does) and `n` / Esc (keep it).
pub(crate) fn delete_question(question: String, yes: &str, theme: Theme) -> Vec<Line<'static>> {
    vec![
        Line::raw(question),
        Line::raw(""),
        Line::from(vec![
            Span::styled(" y ", theme.key()),
            Span::raw(format!("{yes}   ")),
            Span::styled(" n / Esc ", theme.key()),
            Span::raw("keep it"),
        ]),
    ]
}
