//! The key table: which terminal event means which [`Action`], depending on what has the keys.

use super::action::Action;
use super::app::{App, Screen};
use super::editor::TextBox;
use super::overlay::Overlay;
use super::step::Step;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};
use tui_input::backend::crossterm::to_input_request;

/// Every key, as the `?` panel lists them.
pub const KEY_HELP: &[(&str, &str)] = &[
    ("↑ ↓", "move between fields"),
    ("Tab / Shift-Tab", "next / previous field, on into the next step"),
    ("1 … 6", "go to a step (or click it)"),
    ("Enter", "edit a field, open an item, confirm"),
    ("Space", "flip a toggle, choose a type"),
    ("← →", "previous / next choice of a picker"),
    ("Esc", "cancel an edit, close, go back to the list"),
    ("a", "add to the list on this page"),
    ("c", "copy (duplicate) the focused item"),
    ("Delete or x", "delete the focused item (asks first)"),
    ("Shift-↑↓ Alt-↑↓", "move the focused item up or down"),
    ("/", "filter the list (Enter keeps it, Esc clears it)"),
    ("f", "lowercase a display; set a provider to the name"),
    ("Tab in a format", "complete the highlighted {{value provider}}"),
    ("p", "show or hide the JSON preview on narrow screens"),
    ("PgUp PgDn Home End", "move by a page, to the first or the last"),
    ("Tab or Alt-Enter", "finish a text of several lines"),
    ("Ctrl-S", "save"),
    ("Ctrl-Q or Ctrl-C", "quit (asks if there are unsaved changes)"),
    ("?", "this list"),
];

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

fn key_action(app: &App, key: &KeyEvent, event: &Event) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    match key.code {
        KeyCode::Char('s') if ctrl => return Some(Action::Save),
        KeyCode::Char('q' | 'c') if ctrl => return Some(Action::Quit),
        _ => {}
    }
    if let Some(overlay) = &app.overlay {
        return match (overlay, key.code) {
            (_, KeyCode::Esc) => Some(Action::Back),
            (_, KeyCode::Enter) => Some(Action::Activate),
            (Overlay::Prompt { .. }, _) => to_input_request(event).map(Action::Edit),
            (_, KeyCode::Char(c)) => Some(Action::Answer(c.to_ascii_lowercase())),
            _ => None,
        };
    }
    if app.filter.as_ref().is_some_and(|filter| filter.typing) {
        return match key.code {
            KeyCode::Esc => Some(Action::Back),
            KeyCode::Enter => Some(Action::Activate),
            KeyCode::Down => Some(Action::Down),
            _ => to_input_request(event).map(Action::Edit),
        };
    }
    if let Some(editor) = &app.editor {
        let multiline = matches!(editor.text, TextBox::Area(_));
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        return match key.code {
            KeyCode::Esc => Some(Action::Back),
            KeyCode::Enter if multiline && alt => Some(Action::Finish),
            KeyCode::Enter if multiline => Some(Action::Newline),
            KeyCode::Enter => Some(Action::Activate),
            KeyCode::Tab if multiline => Some(Action::Finish),
            KeyCode::Tab => Some(Action::Next),
            KeyCode::Up => Some(Action::EditorLine { up: true }),
            KeyCode::Down => Some(Action::EditorLine { up: false }),
            _ => to_input_request(event).map(Action::Edit),
        };
    }
    let reorder = key.modifiers.intersects(KeyModifiers::SHIFT | KeyModifiers::ALT);
    let action = match key.code {
        KeyCode::Up if reorder => Action::MoveItem { up: true },
        KeyCode::Down if reorder => Action::MoveItem { up: false },
        KeyCode::Up => Action::Up,
        KeyCode::Down => Action::Down,
        KeyCode::Tab => Action::Next,
        KeyCode::BackTab => Action::Previous,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::Home => Action::First,
        KeyCode::End => Action::Last,
        KeyCode::Enter => Action::Activate,
        KeyCode::Esc => Action::Back,
        KeyCode::Char(' ') => Action::Toggle,
        KeyCode::Left => Action::Cycle(false),
        KeyCode::Right => Action::Cycle(true),
        KeyCode::Delete => Action::Delete,
        KeyCode::F(1) | KeyCode::Char('?') => Action::Help,
        KeyCode::Char(digit @ '1'..='6') if app.screen == Screen::Editor => {
            Action::GoTo(Step::ALL[usize::from(digit as u8 - b'1')])
        }
        KeyCode::Char('a') => Action::Add,
        KeyCode::Char('c') => Action::Duplicate,
        KeyCode::Char('x') => Action::Delete,
        KeyCode::Char('f') => Action::QuickFix,
        KeyCode::Char('/') => Action::Filter,
        KeyCode::Char('p') => Action::TogglePreview,
        KeyCode::Char(c) if !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => Action::Unbound(c),
        _ => return None,
    };
    Some(action)
}
