//! Drawing the "try it" panels: the masked credentials prompt, and one endpoint's probe (the
//! confirmation an action needs, the spinner, the result). Every line of a result was masked and
//! escaped when it arrived; names from the manifest are escaped here.

use super::super::app::App;
use super::super::panels::probe::{CredentialsPanel, ProbePanel, ProbeStage, title};
use super::overlay::centered;
use crate::escape::one_line;
use ratatui::Frame;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

/// What a `password` field shows for each character typed.
const MASK: char = '•';
const SPINNER: [char; 4] = ['|', '/', '-', '\\'];

/// Draws the credentials prompt: one line per mandatory field, `password` values masked.
pub(crate) fn render_credentials(app: &App, panel: &CredentialsPanel, frame: &mut Frame) {
    let theme = app.theme;
    let width = 72.min(frame.area().width);
    let height = u16::try_from(panel.fields.len() + 6).unwrap_or(u16::MAX);
    let area = centered(frame.area(), width, height);
    frame.render_widget(Clear, area);
    let title = format!(" Credentials to try the {} ", title(&panel.target));
    frame.render_widget(Block::bordered().title(Span::styled(title, theme.title())), area);
    let inner = area.inner(Margin::new(1, 1));
    let intro = "Asked once while the wizard runs, kept in memory only (never saved).";
    frame.render_widget(Paragraph::new(intro).style(theme.dim()), Rect { height: 1, ..inner });
    let label_width = 22u16.min(inner.width / 2);
    for (index, field) in panel.fields.iter().enumerate() {
        let y = inner.y + 2 + u16::try_from(index).unwrap_or(0);
        if y >= inner.bottom() {
            break;
        }
        let label = format!("{:<width$}", crate::escape::line(&field.name), width = usize::from(label_width));
        frame.render_widget(
            Paragraph::new(one_line(&label).into_owned()),
            Rect { y, height: 1, width: label_width, ..inner },
        );
        let value_area =
            Rect { x: inner.x + label_width, y, height: 1, width: inner.width.saturating_sub(label_width) };
        let visible = usize::from(value_area.width.saturating_sub(1));
        let scroll = field.input.visual_scroll(visible);
        let shown: String = if field.secret {
            std::iter::repeat_n(MASK, field.input.value().chars().count().saturating_sub(scroll)).collect()
        } else {
            one_line(field.input.value()).chars().skip(scroll).collect()
        };
        let style = if index == panel.focus { theme.focus() } else { ratatui::style::Style::default() };
        frame.render_widget(Paragraph::new(shown).style(style), value_area);
        if index == panel.focus {
            let cursor = u16::try_from(field.input.visual_cursor().saturating_sub(scroll)).unwrap_or(0);
            frame.set_cursor_position(Position::new(value_area.x + cursor.min(value_area.width.saturating_sub(1)), y));
        }
    }
    let hint = "Enter: next, then try; ↑↓ fields; Esc: cancel, nothing sent";
    let y = inner.bottom().saturating_sub(1);
    frame.render_widget(Paragraph::new(hint).style(theme.dim()), Rect { y, height: 1, ..inner });
}

/// Draws one endpoint's probe panel, as large as the screen allows for a result.
pub(crate) fn render(app: &App, panel: &ProbePanel, frame: &mut Frame) {
    let theme = app.theme;
    let key = |key: &str| Span::styled(format!(" {key} "), theme.key());
    let url = panel.sink.line(&panel.url);
    let mut lines = vec![Line::raw(format!("POST {url}")), Line::raw("")];
    match &panel.stage {
        ProbeStage::ConfirmAction => {
            lines.push(Line::styled(
                "Actions create real records: this sends the action to the bridge, which creates one in the external system.",
                theme.warning(),
            ));
            lines.push(Line::raw(""));
            lines.push(Line::from(vec![key("y"), Span::raw("run it   "), key("n / Esc"), Span::raw("do not run it")]));
        }
        ProbeStage::Running { frame: turn } => {
            let spinner = SPINNER[turn % SPINNER.len()];
            lines.push(Line::raw(format!("{spinner} probing… (the wizard goes on; Esc closes this panel)")));
        }
        ProbeStage::Refused(finding) => {
            lines.push(Line::styled("not sent", theme.error()));
            lines.push(Line::raw(panel.sink.line(&finding.message)));
        }
        ProbeStage::Done { ok, lines: result } => {
            for (index, line) in result.iter().enumerate().skip(panel.scroll) {
                let style = match (index, ok) {
                    (0, true) => theme.ok(),
                    (0, false) => theme.error(),
                    _ if line.starts_with("error[") => theme.error(),
                    _ if line.starts_with("warning[") => theme.warning(),
                    _ => ratatui::style::Style::default(),
                };
                lines.push(Line::styled(line.clone(), style));
            }
        }
    }
    let screen = frame.area();
    let width = screen.width.saturating_sub(4).clamp(20, 110);
    let tall = matches!(panel.stage, ProbeStage::Done { .. });
    let height =
        if tall { screen.height.saturating_sub(2) } else { u16::try_from(lines.len() + 3).unwrap_or(u16::MAX) };
    let area = centered(screen, width, height);
    frame.render_widget(Clear, area);
    let keys = if tall { "c new credentials, Esc closes" } else { "Esc closes" };
    let title = format!(" Try the {} ({keys}) ", title(&panel.target));
    let block = Block::bordered().title(Span::styled(one_line(&title).into_owned(), theme.title()));
    // Long lines wrap (a finding's message is read whole); ↑↓ scroll through a long result.
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), area);
}
