//! Editing inside a very long value (5 MB on one line): every editor key does what it does on a short
//! value, and the whole value, edited in its middle, is saved exactly, undone and redone.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

mod support;

use integration_wizard::manifest::read;
use integration_wizard::wizard::testing::action::Action;
use integration_wizard::wizard::testing::app::App;
use integration_wizard::wizard::testing::document::Document;
use ratatui::crossterm::event::{Event, KeyCode, KeyModifiers};
use std::path::PathBuf;
use support::*;
use tui_input::{Input, InputRequest};

/// About 5 MB of words on one line.
fn five_megabytes() -> String {
    "Centralizing all the customer context in one place, so agents answer faster now. ".repeat(62_000)
}

/// The mycrm example saved as `mycrm.json` with `description`, its editor open (Enter: as it is).
fn editing_description(description: &str) -> App {
    let mut value = mycrm_value();
    value["integration"]["description"] = serde_json::Value::String(description.to_owned());
    let parsed = read(value.to_string().as_bytes()).expect("the manifest");
    let mut app = App::editing(Document::opened(parsed, Some(PathBuf::from("mycrm.json"))));
    focus_key(&mut app, "description");
    app.update(Action::Activate);
    assert!(app.editor().is_some(), "the description's editor is open");
    app
}

fn saved_description(app: &mut App) -> String {
    let effects = press(app, ctrl('s'));
    let (_, contents) = saved_contents(&effects);
    let saved: serde_json::Value = serde_json::from_str(&contents).expect("saved JSON");
    saved["integration"]["description"].as_str().expect("a description").to_owned()
}

/// The keys pressed in the middle of the value, each with the request it stands for in the key table.
fn keys() -> Vec<(Event, InputRequest)> {
    let ctrl_key = |code| key_with(code, KeyModifiers::CONTROL);
    let mut keys: Vec<(Event, InputRequest)> =
        "Hello, 世界 é".chars().map(|c| (key(KeyCode::Char(c)), InputRequest::InsertChar(c))).collect();
    keys.extend([
        (key(KeyCode::Backspace), InputRequest::DeletePrevChar),
        (key(KeyCode::Left), InputRequest::GoToPrevChar),
        (key(KeyCode::Delete), InputRequest::DeleteNextChar),
        (ctrl_key(KeyCode::Left), InputRequest::GoToPrevWord),
        (ctrl_key(KeyCode::Left), InputRequest::GoToPrevWord),
        (ctrl('w'), InputRequest::DeletePrevWord),
        (ctrl('w'), InputRequest::DeletePrevWord),
        (ctrl_key(KeyCode::Right), InputRequest::GoToNextWord),
        (ctrl_key(KeyCode::Delete), InputRequest::DeleteNextWord),
        (ctrl('y'), InputRequest::Yank),
        (key(KeyCode::Right), InputRequest::GoToNextChar),
        (key(KeyCode::Char('|')), InputRequest::InsertChar('|')),
        (key(KeyCode::Home), InputRequest::GoToStart),
        (key(KeyCode::Char('<')), InputRequest::InsertChar('<')),
        (key(KeyCode::End), InputRequest::GoToEnd),
        (key(KeyCode::Char('>')), InputRequest::InsertChar('>')),
        // Ctrl-K from the start takes everything, Ctrl-Y puts it back; Ctrl-U clears the whole text.
        (key(KeyCode::Home), InputRequest::GoToStart),
        (ctrl('k'), InputRequest::DeleteTillEnd),
        (ctrl('y'), InputRequest::Yank),
        (ctrl('u'), InputRequest::DeleteLine),
        (ctrl('y'), InputRequest::Yank),
    ]);
    keys
}

#[test]
fn a_five_megabyte_value_edited_in_its_middle_is_saved_exactly() {
    let original = five_megabytes();
    let mut app = editing_description(&original);
    // The same keys on tui-input's own editor holding the whole value: what the wizard did before.
    let mut plain = Input::new(original.clone());
    let middle = original.chars().count() / 2;
    app.update(Action::Edit(InputRequest::SetCursor(middle)));
    plain.handle(InputRequest::SetCursor(middle));
    for (event, request) in keys() {
        press(&mut app, event);
        plain.handle(request);
    }
    // Back to the middle, and a line break there (Alt-Enter) in the description.
    app.update(Action::Edit(InputRequest::SetCursor(middle)));
    plain.handle(InputRequest::SetCursor(middle));
    press(&mut app, key_with(KeyCode::Enter, KeyModifiers::ALT));
    let at = plain.value().char_indices().nth(plain.cursor()).map(|(at, _)| at).expect("the middle");
    let expected = format!("{}\n{}", &plain.value()[..at], &plain.value()[at..]);
    assert_ne!(expected, original);

    press(&mut app, key(KeyCode::Enter));
    assert!(app.editor().is_none(), "Enter finishes the description");
    assert!(saved_description(&mut app) == expected, "the saved description is the edited one, exactly");

    // Undo sees the whole value: one change back to the original, and forward again.
    press(&mut app, alt('z'));
    assert!(saved_description(&mut app) == original, "undo puts the 5 MB value back");
    press(&mut app, alt('y'));
    assert!(saved_description(&mut app) == expected, "redo brings the edit back");
}

#[test]
fn a_paste_in_the_middle_of_a_long_value_lands_there_whole() {
    let original = five_megabytes();
    let mut app = editing_description(&original);
    let middle = original.len() / 2;
    app.update(Action::Edit(InputRequest::SetCursor(middle)));
    let pasted = "pasted ".repeat(100_000);
    app.update(Action::Paste(pasted.clone()));
    press(&mut app, key(KeyCode::Enter));
    let expected = format!("{}{pasted}{}", &original[..middle], &original[middle..]);
    assert!(saved_description(&mut app) == expected, "the paste is where the cursor was, whole");
}

/// The quickest of five rounds of 40 keystrokes (type, Backspace, ←, →) in the middle of a one-line
/// description of about `bytes` bytes, each drawn on a 120x40 screen.
fn keystrokes_in_the_middle(bytes: usize) -> std::time::Duration {
    let sentence = "Centralizing all the customer context in one place, so agents answer faster now. ";
    let mut app = editing_description(&sentence.repeat(bytes / sentence.len()));
    app.update(Action::Resize { width: 120, height: 40 });
    app.update(Action::Edit(InputRequest::SetCursor(bytes / 2)));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).expect("a test terminal");
    let requests = [
        InputRequest::InsertChar('x'),
        InputRequest::DeletePrevChar,
        InputRequest::GoToPrevChar,
        InputRequest::GoToNextChar,
    ];
    (0..5)
        .map(|_| {
            let started = std::time::Instant::now();
            for request in requests.iter().cycle().take(40) {
                app.update(Action::Edit(*request));
                terminal.draw(|frame| integration_wizard::wizard::testing::view::render(&app, frame)).expect("drawing");
            }
            started.elapsed()
        })
        .min()
        .expect("five rounds")
}

#[test]
fn a_keystroke_inside_a_long_value_costs_no_more_than_inside_a_short_one() {
    let short = keystrokes_in_the_middle(40_000);
    let long = keystrokes_in_the_middle(40_000_000);
    // A thousand times longer: were the cost to follow the length, this would be hundreds of times slower.
    assert!(
        long < short * 4 + std::time::Duration::from_millis(20),
        "40 keystrokes: {long:?} in the middle of 40 MB, {short:?} in the middle of 40 KB"
    );
}
