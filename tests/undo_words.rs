//! What undo and redo say: every change named by its field or item (issue "undid: change"), the keys in
//! the hint bar, and undo after a recovered draft stopping at the file as opened.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

mod support;

use integration_wizard::manifest::edit::ListRef;
use integration_wizard::wizard::testing::action::Action;
use integration_wizard::wizard::testing::app::App;
use integration_wizard::wizard::testing::form::Row;
use integration_wizard::wizard::testing::step::Step;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use support::*;

fn undo(app: &mut App) -> String {
    press(app, key_with(KeyCode::Char('z'), KeyModifiers::ALT));
    app.status.clone().unwrap_or_default()
}

fn redo(app: &mut App) -> String {
    press(app, key_with(KeyCode::Char('y'), KeyModifiers::ALT));
    app.status.clone().unwrap_or_default()
}

#[test]
fn typing_over_a_field_is_undone_as_an_edit_of_that_field() {
    let mut app = blank();
    focus_key(&mut app, "description");
    type_text_keys(&mut app, "A CRM.");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(undo(&mut app), "undid: edit description");
    assert_eq!(redo(&mut app), "redid: edit description");
}

#[test]
fn adding_by_typing_on_the_add_row_is_named_by_the_list() {
    let mut app = blank();
    app.update(Action::GoTo(Step::Actions));
    focus_row(&mut app, |row| matches!(row, Row::Add(ListRef::Actions)));
    type_text_keys(&mut app, "create_ticket");
    press(&mut app, key(KeyCode::Enter));
    type_text_keys(&mut app, "create a ticket");
    press(&mut app, key(KeyCode::Enter));
    let undone = undo(&mut app);
    assert!(!undone.ends_with(": change"), "{undone}");
    assert_eq!(undone, "undid: edit display of action create_ticket");
    let undone = undo(&mut app);
    assert!(undone.starts_with("undid: add action"), "{undone}");
}

#[test]
fn deleting_says_what_was_deleted() {
    let mut app = mycrm();
    app.update(Action::GoTo(Step::Actions));
    focus_row(&mut app, |row| *row == Row::Item(ListRef::Actions, 0));
    app.update(Action::Delete);
    app.update(Action::Answer('y'));
    assert_eq!(app.status.as_deref(), Some("deleted action create_ticket"));
}

/// Types characters as keys (through the key table), as on a row that is not being edited yet.
fn type_text_keys(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, key(KeyCode::Char(c)));
    }
}

#[test]
fn the_hint_bar_offers_redo_once_something_was_undone() {
    let mut app = blank();
    app.update(Action::Resize { width: 80, height: 24 });
    focus_key(&mut app, "description");
    type_text_keys(&mut app, "A CRM.");
    press(&mut app, key(KeyCode::Enter));
    let screen = screen_text(&mut app, 80, 24);
    assert!(screen.contains("Alt-Z undo"), "{screen}");
    assert!(!screen.contains("Alt-Y redo"), "nothing to redo yet:\n{screen}");
    undo(&mut app);
    let screen = screen_text(&mut app, 80, 24);
    assert!(screen.contains("Alt-Y redo"), "{screen}");
}

#[test]
fn undo_after_recovering_a_draft_stops_at_the_file_as_opened_and_redo_names_each_change() {
    use integration_wizard::manifest::to_json;
    use integration_wizard::storage::drafts::Draft;
    // The crashed run: the display name changed and saved (the file on disk is now that), then two changes.
    let mut first = mycrm();
    focus_key(&mut first, "display_name");
    first.update(Action::Activate);
    press(&mut first, ctrl('u'));
    type_text(&mut first, "One");
    first.update(Action::Activate);
    let on_disk = to_json(&first.doc.manifest);
    first.update(Action::GoTo(Step::Actions));
    focus_row(&mut first, |row| *row == Row::Item(ListRef::Actions, 0));
    first.update(Action::Delete);
    first.update(Action::Answer('y'));
    first.update(Action::GoTo(Step::Integration));
    focus_key(&mut first, "description");
    type_text_keys(&mut first, "Two");
    press(&mut first, key(KeyCode::Enter));
    let history = serde_json::to_string(&first.history_for_draft()).expect("the history is JSON");
    let draft = Draft { path: None, written_at: 1, manifest: to_json(&first.doc.manifest), history: Some(history) };

    // The next run opens the file as saved and recovers the draft.
    let mut second = opened(&on_disk);
    second.update(Action::RestoreDraft(Box::new(draft)));
    assert_eq!(undo(&mut second), "undid: edit description");
    assert_eq!(undo(&mut second), "undid: delete action create_ticket");
    assert_eq!(to_json(&second.doc.manifest), on_disk, "back to the file as opened");
    assert!(!second.doc.modified);
    assert_eq!(undo(&mut second), "nothing to undo", "undo stops at the file: the run's older changes are not on it");
    assert_eq!(to_json(&second.doc.manifest), on_disk);
    assert_eq!(redo(&mut second), "redid: delete action create_ticket");
    assert_eq!(redo(&mut second), "redid: edit description");
    assert_eq!(to_json(&second.doc.manifest), to_json(&first.doc.manifest));
    assert_eq!(redo(&mut second), "nothing to redo");
}
