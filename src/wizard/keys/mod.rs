//! Keys: which terminal event means which [`Action`], read from the one key table (`key_list`) by what has
//! the keys at the moment; keys the table does not name are typed text, answers, or "unbound".

pub(crate) mod key_list;
pub(crate) mod press;
pub(crate) mod scope;
pub(crate) mod table;

use super::action::Action;
use super::app::{App, Mode};
use super::editor::TextBox;
pub use key_list::Command;
pub use press::KeyPress;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};
pub use scope::Scope;
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

/// The scopes of the bindings that work now (what has the keys, as [`App::mode`] says), most specific first.
pub fn scopes(app: &App) -> Vec<Scope> {
    match app.mode() {
        Mode::Panel(panel, _) => {
            let mut scopes = vec![Scope::Anywhere];
            scopes.extend_from_slice(panel.scopes());
            scopes.push(Scope::Overlay);
            scopes
        }
        Mode::Start => vec![Scope::Anywhere, Scope::Letters, Scope::Browse],
        Mode::Filtering => vec![Scope::Anywhere, Scope::Filter],
        Mode::Editing(editor) => {
            let lines = if matches!(editor.text, TextBox::Area(_)) { Scope::Lines } else { Scope::Line };
            vec![Scope::Anywhere, lines, Scope::Text]
        }
        Mode::Browse if !app.pending.removable.is_empty() => {
            vec![Scope::Anywhere, Scope::AuthSwitched, Scope::Steps, Scope::Letters, Scope::Field, Scope::Browse]
        }
        Mode::Browse if on_text_field(app) => vec![Scope::Anywhere, Scope::Field, Scope::Browse],
        Mode::Browse => vec![Scope::Anywhere, Scope::Steps, Scope::Letters, Scope::Field, Scope::Browse],
    }
}

/// True when the focused row is a text field, or a list's add row: typing a character there starts
/// editing it (on an add row, the new element's first field).
pub(crate) fn on_text_field(app: &App) -> bool {
    use super::form::Row;
    matches!(app.focused_row(), Some(Row::Text { .. } | Row::Add(_) | Row::AddOption { .. }))
}

fn key_action(app: &App, key: &KeyEvent, event: &Event) -> Option<Action> {
    if let Some(action) = app.keys.action(&scopes(app), KeyPress::of(key)) {
        return Some(action);
    }
    // Keys the table does not name: text for an editor or prompt, an answer, or a hint of what works.
    match (app.mode(), key.code) {
        (Mode::Panel(panel, _), _) if panel.takes_text() => to_input_request(event).map(Action::Edit),
        // A letter the default table gives to an answer here, but the config file moved to
        // another key, no longer answers: otherwise the old letter would keep working.
        (Mode::Panel(..), KeyCode::Char(_)) if DEFAULT_KEYS.action(&scopes(app), KeyPress::of(key)).is_some() => None,
        (Mode::Panel(panel, _), KeyCode::Char(c)) if panel.answers_exactly() => Some(Action::Answer(c)),
        (Mode::Panel(..), KeyCode::Char(c)) => Some(Action::Answer(c.to_ascii_lowercase())),
        (Mode::Panel(..), _) => None,
        (Mode::Editing(_) | Mode::Filtering, _) => to_input_request(event).map(Action::Edit),
        (Mode::Start | Mode::Browse, KeyCode::Char(c))
            if !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(if matches!(app.mode(), Mode::Browse) && on_text_field(app) {
                Action::Type(c)
            } else {
                Action::Unbound(c)
            })
        }
        (Mode::Start | Mode::Browse, _) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::read;
    use crate::wizard::document::Document;
    use crate::wizard::examples::EXAMPLES;
    use crate::wizard::steps::Step;
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
            let scopes = scopes(&app);
            for (hint, what) in hints(&app) {
                if let Hint::Key(command) = hint {
                    assert!(
                        app.keys.binds(&scopes, command),
                        "the hint {command:?} ({what}) has no key in {scopes:?} (page {:?}, panel {:?})",
                        app.page,
                        app.panel()
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
                    table.action(&[binding.scope], *press),
                    Some(action.clone()),
                    "{press} in {:?}",
                    binding.scope
                );
            }
        }
    }
}
