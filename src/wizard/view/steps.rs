//! The step list on the left: each step's name, then what is left in it (`3 to fill`, `✗1`) or `✓ done`.

use super::super::app::App;
use super::super::layout::{self, Areas};
use super::super::steps::Progress;
use super::super::steps::Step;
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

/// Draws the step list.
pub(crate) fn render(app: &App, frame: &mut Frame, areas: &Areas) {
    let area = areas.steps;
    frame.render_widget(Block::bordered().title(Span::styled(" Steps ", app.theme.title())), area);
    let inner = area.inner(Margin::new(1, 1));
    let lines = layout::step_lines(areas);
    for (offset, step) in Step::ALL.into_iter().enumerate() {
        let y = inner.y + u16::try_from(offset).unwrap_or(0) * lines;
        if y >= inner.bottom() {
            break;
        }
        let current = app.page.step() == step;
        let marker = if current { "▶" } else { " " };
        let name_style = if current { app.theme.focus() } else { app.theme.label() };
        let progress = app.step_progress(step);
        let style = style(app, progress);
        let name = format!("{marker}{} {}", step.index() + 1, step.title());
        let line = if lines == 2 {
            Line::from(Span::styled(name, name_style))
        } else {
            Line::from(vec![Span::styled(format!("{name:<18}"), name_style), Span::styled(progress.symbol(), style)])
        };
        frame.render_widget(line, Rect::new(inner.x, y, inner.width, 1));
        if lines == 2 && y + 1 < inner.bottom() {
            let state = Line::from(Span::styled(format!("   {}", progress.words()), style));
            frame.render_widget(state, Rect::new(inner.x, y + 1, inner.width, 1));
        }
    }
}

fn style(app: &App, progress: Progress) -> Style {
    match progress {
        Progress::Open { errors, .. } if errors > 0 => app.theme.error(),
        Progress::Open { to_fill, .. } if to_fill > 0 => app.theme.label(),
        Progress::Open { .. } => app.theme.warning(),
        Progress::Done { .. } | Progress::Saved => app.theme.ok(),
        Progress::Optional | Progress::AfterType | Progress::NotNeeded | Progress::NotSaved => app.theme.dim(),
        Progress::Unsaved(_) => app.theme.warning(),
    }
}
