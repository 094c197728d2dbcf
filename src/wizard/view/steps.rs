//! The step list on the left, each step with its state: untouched, done, or its problem counts.

use super::super::app::App;
use super::super::step::Step;
use super::super::steps::{self, auth_fields};
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

/// Draws the step list.
pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    frame.render_widget(Block::bordered().title(Span::styled(" Steps ", app.theme.title())), area);
    let inner = area.inner(Margin::new(1, 1));
    for (offset, step) in Step::ALL.into_iter().enumerate() {
        let y = inner.y + u16::try_from(offset).unwrap_or(0);
        if y >= inner.bottom() {
            break;
        }
        let current = app.page.step() == step;
        let marker = if current { "▶" } else { " " };
        let name_style = if current { app.theme.focus() } else { app.theme.label() };
        let mut spans = vec![Span::styled(format!("{marker}{} {:<15}", step.index() + 1, step.title()), name_style)];
        spans.push(state(app, step));
        frame.render_widget(Line::from(spans), Rect::new(inner.x, y, inner.width, 1));
    }
}

fn state(app: &App, step: Step) -> Span<'static> {
    let counts = app.doc.step_counts(step);
    if step == Step::AuthFields && auth_fields::not_needed(&app.doc.manifest) && counts.errors + counts.warnings == 0 {
        return Span::styled("–", app.theme.dim());
    }
    if counts.errors > 0 {
        Span::styled(format!("✗{}", counts.errors), app.theme.error())
    } else if counts.warnings > 0 {
        Span::styled(format!("!{}", counts.warnings), app.theme.warning())
    } else if steps::touched(step, &app.doc) {
        Span::styled("✓", app.theme.ok())
    } else {
        Span::styled("·", app.theme.dim())
    }
}
