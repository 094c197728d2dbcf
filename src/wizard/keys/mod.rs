//! Keys: which terminal event means which [`Action`], read from the one key table (`key_list`) by what has
//! the keys at the moment; keys the table does not name are typed text, answers, or "unbound".

pub(crate) mod key_list;
pub(crate) mod mode;
pub(crate) mod press;
pub(crate) mod table;

use super::action::Action;
use super::app::{App, Screen};
use super::editor::TextBox;
use super::overlay::Overlay;
use super::panels::probe::ProbeStage;
use super::panels::ticket::TicketPanel;
pub use key_list::Command;
pub use mode::Mode;
pub use press::KeyPress;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};
use std::sync::LazyLock;
pub use table::KeyTable;
use tui_input::backend::crossterm::to_input_request;

/// The action an event asks for, if any.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_action(app, key, event),
        Event::Paste(text) => Some(Action::Paste(text.clone())),
        Event::Resize(width, height) => Some(Action::Resize { width: *width, height: *height }),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column: mouse.column, row: mouse.row }),
            MouseEventKind::ScrollDown => Some(Action::Scroll { down: true }),
            MouseEventKind::ScrollUp => Some(Action::Scroll { down: false }),
            _ => None,
        },
        _ => None,
    }
}

/// The keys as shipped, to tell a letter the config file took away from a letter never bound.
static DEFAULT_KEYS: LazyLock<KeyTable> = LazyLock::new(KeyTable::default);

/// What has the keys now, most specific first.
pub fn modes(app: &App) -> Vec<Mode> {
    if let Some(overlay) = &app.overlay {
        let question = match overlay {
            Overlay::ConfirmQuit => Some(Mode::ConfirmQuit),
            Overlay::ConfirmSave { .. }
            | Overlay::ConfirmDelete { .. }
            | Overlay::DiscardDraft { .. }
            | Overlay::Recover { .. }
            | Overlay::ReplaceExisting { .. } => Some(Mode::Question),
            Overlay::DiskChanged { .. } => Some(Mode::DiskChanged),
            Overlay::Ticket(TicketPanel::Format { .. }) | Overlay::Credentials(_) => Some(Mode::Panel),
            Overlay::Ticket(TicketPanel::Exists { .. }) => Some(Mode::Question),
            Overlay::Probe(panel) if panel.stage == ProbeStage::ConfirmAction => Some(Mode::Question),
            Overlay::Probe(_) => Some(Mode::Panel),
            // The keys panel scrolls like the other panels.
            Overlay::Help { .. } => Some(Mode::Panel),
            Overlay::Prompt { .. } | Overlay::Ticket(TicketPanel::Path { .. }) => Some(Mode::PathPrompt),
            Overlay::Ticket(_) => None,
        };
        return [Some(Mode::Anywhere), question, Some(Mode::Overlay)].into_iter().flatten().collect();
    }
    if app.filter.as_ref().is_some_and(|filter| filter.typing) {
        return vec![Mode::Anywhere, Mode::Filter];
    }
    if let Some(editor) = &app.editor {
        let lines = if matches!(editor.text, TextBox::Area(_)) { Mode::Lines } else { Mode::Line };
        return vec![Mode::Anywhere, lines, Mode::Text];
    }
    match app.screen {
        Screen::Start => vec![Mode::Anywhere, Mode::Letters, Mode::Browse],
        Screen::Editor if !app.pending.removable.is_empty() => {
            vec![Mode::Anywhere, Mode::AuthSwitched, Mode::Steps, Mode::Letters, Mode::Field, Mode::Browse]
        }
        Screen::Editor if on_text_field(app) => vec![Mode::Anywhere, Mode::Field, Mode::Browse],
        Screen::Editor => vec![Mode::Anywhere, Mode::Steps, Mode::Letters, Mode::Field, Mode::Browse],
    }
}

/// True when the focused row is a text field, or a list's add row: typing a character there starts
/// editing it (on an add row, the new element's first field).
pub(crate) fn on_text_field(app: &App) -> bool {
    use super::form::Row;
    matches!(app.focused_row(), Some(Row::Text { .. } | Row::Add(_) | Row::AddOption { .. }))
}

fn key_action(app: &App, key: &KeyEvent, event: &Event) -> Option<Action> {
    if let Some(action) = app.keys.action(&modes(app), KeyPress::of(key)) {
        return Some(action);
    }
    // Keys the table does not name: text for an editor or prompt, an answer, or a hint of what works.
    if let Some(overlay) = &app.overlay {
        return match (overlay, key.code) {
            (overlay, _) if overlay.takes_text() => to_input_request(event).map(Action::Edit),
            // A letter the default table gives to an answer here, but the config file moved to
            // another key, no longer answers: otherwise the old letter would keep working.
            (_, KeyCode::Char(_)) if DEFAULT_KEYS.action(&modes(app), KeyPress::of(key)).is_some() => None,
            (overlay, KeyCode::Char(c)) if overlay.answers_exactly() => Some(Action::Answer(c)),
            (_, KeyCode::Char(c)) => Some(Action::Answer(c.to_ascii_lowercase())),
            _ => None,
        };
    }
    if app.editor.is_some() || app.filter.as_ref().is_some_and(|filter| filter.typing) {
        return to_input_request(event).map(Action::Edit);
    }
    match key.code {
        KeyCode::Char(c) if !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
            Some(if app.screen == Screen::Editor && on_text_field(app) { Action::Type(c) } else { Action::Unbound(c) })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::read;
    use crate::wizard::document::Document;
    use crate::wizard::examples::EXAMPLES;
    use crate::wizard::step::Step;
    use crate::wizard::view::bars::{Hint, hints};

    /// The app in many states: every row of every step focused, editors open, a filter, questions.
    fn states() -> Vec<App> {
        let parsed = read(EXAMPLES[0].json.as_bytes()).expect("the example reads");
        let app = App::editing(Document::opened(parsed, None));
        let mut states = vec![App::start(Vec::new())];
        for step in Step::ALL {
            let mut on_step = app.clone();
            on_step.update(Action::GoTo(step));
            for focus in 0..on_step.rows().len() {
                let mut focused = on_step.clone();
                focused.focus = focus;
                states.push(focused.clone());
                focused.update(Action::Activate);
                states.push(focused);
            }
        }
        for action in [Action::Help, Action::Quit, Action::Save, Action::Filter, Action::Delete] {
            let mut asked = app.clone();
            asked.update(Action::GoTo(Step::Actions));
            asked.update(Action::Activate);
            asked.doc.modified = true;
            asked.update(action);
            states.push(asked);
        }
        states
    }

    #[test]
    fn every_hint_names_a_key_that_works_where_it_is_shown() {
        for app in states() {
            let modes = modes(&app);
            for (hint, what) in hints(&app) {
                if let Hint::Key(command) = hint {
                    assert!(
                        app.keys.binds(&modes, command),
                        "the hint {command:?} ({what}) has no key in {modes:?} (page {:?}, overlay {:?})",
                        app.page,
                        app.overlay
                    );
                }
            }
        }
    }

    #[test]
    fn the_dispatcher_answers_every_key_of_the_table_in_its_mode() {
        let table = KeyTable::default();
        for binding in &table.bindings {
            for (press, action) in &binding.keys {
                assert_eq!(
                    table.action(&[binding.mode], *press),
                    Some(action.clone()),
                    "{press} in {:?}",
                    binding.mode
                );
            }
        }
    }
}
