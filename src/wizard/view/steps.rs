//! The step list on the left, each step with its state: untouched, done, or its problem counts.

use super::super::app::App;
use super::super::step::Step;
use crate::manifest::Slot;
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
    if step == Step::AuthFields
        && app.doc.manifest.authentication_type() == Some(crate::manifest::AuthenticationType::None)
        && counts.errors + counts.warnings == 0
    {
        return Span::styled("–", app.theme.dim());
    }
    if counts.errors > 0 {
        Span::styled(format!("✗{}", counts.errors), app.theme.error())
    } else if counts.warnings > 0 {
        Span::styled(format!("!{}", counts.warnings), app.theme.warning())
    } else if touched(app, step) {
        Span::styled("✓", app.theme.ok())
    } else {
        Span::styled("·", app.theme.dim())
    }
}

/// True when the step holds anything the author wrote.
fn touched(app: &App, step: Step) -> bool {
    let Some(integration) = app.doc.manifest.integration() else {
        return false;
    };
    let any = |keys: &[&str]| keys.iter().any(|key| integration.text(key).is_some_and(|slot| !slot.is_absent()));
    match step {
        Step::Integration => any(&["name", "display_name", "description", "logo_url", "icon_url"]),
        Step::Features => {
            any(&[
                "auth_validation_endpoint",
                "contact_synchronization_endpoint",
                "interaction_retrieval_endpoint",
                "agent_synchronization_endpoint",
            ]) || !integration.interaction_types.is_absent()
                || !app.doc.manifest.wrapper.requires_cti.is_absent()
        }
        Step::Authentication => !integration.authentication_type.is_absent(),
        Step::AuthFields => {
            matches!(&integration.authentication_configuration, Slot::Value(fields) if !fields.is_empty())
        }
        Step::Actions => app.doc.manifest.action_count() > 0,
        // Saved: the file on disk is what the wizard holds.
        Step::Review => app.doc.disk_hash.is_some() && !app.doc.modified,
    }
}
