//! Helpers shared by the wizard's tests: apps in known states, and keys and text sent as a person would.
#![allow(dead_code)]

use integration_wizard::manifest::read;
use integration_wizard::wizard::testing::action::Action;
use integration_wizard::wizard::testing::app::{App, Effect};
use integration_wizard::wizard::testing::document::Document;
use integration_wizard::wizard::testing::examples::EXAMPLES;
use integration_wizard::wizard::testing::form::Row;
use integration_wizard::wizard::testing::keys;
use integration_wizard::wizard::testing::view::theme::Theme;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_input::InputRequest;

/// The app editing a new, blank manifest (no path yet), without colours.
pub(crate) fn blank() -> App {
    let mut app = App::editing(Document::blank(None));
    app.theme = Theme { color: false, ..Theme::default() };
    app
}

/// The app editing the bundled mycrm example (as a copy with no path), without colours.
pub(crate) fn mycrm() -> App {
    opened(EXAMPLES[0].json)
}

/// The app editing `json` as if opened from a bundled example (no path), without colours.
pub(crate) fn opened(json: &str) -> App {
    let parsed = read(json.as_bytes()).expect("the test manifest is a JSON object");
    let mut app = App::editing(Document::opened(parsed, None));
    app.theme = Theme { color: false, ..Theme::default() };
    app
}

/// The text of the bundled mycrm example, as a JSON value to change before opening.
pub(crate) fn mycrm_value() -> serde_json::Value {
    serde_json::from_str(EXAMPLES[0].json).expect("the example is JSON")
}

/// A key press without modifiers.
pub(crate) fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// A key press with modifiers.
pub(crate) fn key_with(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// Ctrl + a letter.
pub(crate) fn ctrl(letter: char) -> Event {
    key_with(KeyCode::Char(letter), KeyModifiers::CONTROL)
}

/// Alt + a character: a one-character command, on a text field too (where the character alone is typed).
pub(crate) fn alt(c: char) -> Event {
    key_with(KeyCode::Char(c), KeyModifiers::ALT)
}

/// Sends a terminal event through the key table and `update`, as the loop does.
/// Returns the effects, or nothing when the key means nothing here.
pub(crate) fn press(app: &mut App, event: Event) -> Vec<Effect> {
    match keys::action_for(app, &event) {
        Some(action) => app.update(action),
        None => Vec::new(),
    }
}

/// Sends several events; returns every effect they produced.
pub(crate) fn press_all(app: &mut App, events: impl IntoIterator<Item = Event>) -> Vec<Effect> {
    events.into_iter().flat_map(|event| press(app, event)).collect()
}

/// Types `text` into the open editor or prompt, one keystroke per character.
pub(crate) fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let effects = app.update(Action::Edit(InputRequest::InsertChar(c)));
        assert!(effects.is_empty(), "typing {c:?} asked for {effects:?}");
    }
}

/// Moves the focus (with Down/Up actions) to the first row that `wanted` accepts.
pub(crate) fn focus_row(app: &mut App, wanted: impl Fn(&Row) -> bool) {
    let index =
        app.rows().iter().position(wanted).unwrap_or_else(|| panic!("no such row on {:?}: {:?}", app.page, app.rows()));
    app.update(Action::First);
    for _ in 0..index {
        app.update(Action::Down);
    }
    assert_eq!(app.focus, index, "moving down reaches row {index}");
}

/// Moves the focus to the text, toggle or choice row of `key`.
pub(crate) fn focus_key(app: &mut App, wanted: &str) {
    focus_row(app, |row| match row {
        Row::Text { key, .. } | Row::Toggle { key, .. } | Row::Choice { key, .. } => key.as_str() == wanted,
        _ => false,
    });
}

/// The key of the focused row, when it is a text, toggle or choice.
pub(crate) fn focused_key(app: &App) -> Option<&'static str> {
    match app.focused_row()? {
        Row::Text { key, .. } | Row::Toggle { key, .. } | Row::Choice { key, .. } => Some(key.as_str()),
        _ => None,
    }
}

/// The save effect's path and contents; panics when the effects hold no save.
pub(crate) fn saved_contents(effects: &[Effect]) -> (std::path::PathBuf, String) {
    effects
        .iter()
        .find_map(|effect| match effect {
            Effect::Save { path, contents, .. } => Some((path.clone(), contents.clone())),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no save among {effects:?}"))
}

/// The manifest as it would be saved, parsed back.
pub(crate) fn written(app: &App) -> serde_json::Value {
    let text = integration_wizard::manifest::to_json(&app.doc.manifest);
    serde_json::from_str(&text).expect("the wizard writes JSON")
}

/// Draws `app` on a `width` x `height` test terminal (after telling it the size, as the loop does) and
/// gives the screen's text, rows joined by newlines.
pub(crate) fn screen_text(app: &mut App, width: u16, height: u16) -> String {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    app.update(Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| integration_wizard::wizard::testing::view::render(app, frame))
        .expect("drawing on a test backend");
    let buffer = terminal.backend().buffer();
    let lines: Vec<String> =
        (0..buffer.area.height).map(|y| (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect()).collect();
    lines.join("\n")
}

/// Goes to Review & save (key `6`) and focuses the finding at `pointer`; gives its index among the findings.
pub(crate) fn focus_finding(app: &mut App, pointer: &str) -> usize {
    let finding = app
        .doc
        .diagnostics()
        .iter()
        .position(|d| d.pointer == pointer)
        .unwrap_or_else(|| panic!("no finding at {pointer}: {:?}", app.doc.diagnostics()));
    press(app, alt('6'));
    focus_row(app, |row| *row == Row::Finding(finding));
    finding
}
