//! Drawing the wizard from its state; nothing here changes the state.

pub(crate) mod bars;
pub(crate) mod form;
pub(crate) mod panel;
pub(crate) mod preview;
pub(crate) mod review;
pub(crate) mod start;
pub(crate) mod steps;
pub(crate) mod theme;

use super::app::{App, Screen};
use super::layout;
use super::steps::{Page, Step};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < layout::MIN_WIDTH || area.height < layout::MIN_HEIGHT {
        render_too_small(frame, area);
        return;
    }
    match app.screen() {
        Screen::Start => start::render(app, frame),
        Screen::Editor => {
            let areas = layout::areas_in(app, area);
            bars::render_title(app, frame, areas.title);
            steps::render(app, frame, &areas);
            if app.page == Page::Step(Step::Review) {
                review::render(app, frame, areas.form);
            } else {
                form::render(app, frame, areas.form);
            }
            if let Some(preview_area) = areas.preview {
                preview::render(app, frame, preview_area);
            }
            bars::render_status(app, frame, areas.status);
            bars::render_help(app, frame, areas.help);
            bars::render_hints(app, frame, areas.hints);
        }
    }
    panel::render_panel(app, frame);
}

fn render_too_small(frame: &mut Frame, area: Rect) {
    let message = format!(
        "terminal too small: {}x{}, the wizard needs {}x{}. Enlarge the window, or Ctrl-Q to quit.",
        area.width,
        area.height,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    frame.render_widget(Paragraph::new(message).wrap(Wrap { trim: true }), area);
}
