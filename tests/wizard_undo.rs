//! Undo and redo in the wizard (Alt-Z / Alt-Y): each kind of change, where the cursor goes back to,
//! what the status says, redo ended by a new change, the cap, and history recovered from a draft.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

mod support;

use integration_wizard::manifest::edit::{ListRef, Owner};
use integration_wizard::manifest::{AuthenticationType, Slot, to_json};
use integration_wizard::storage::drafts::Draft;
use integration_wizard::wizard::testing::action::Action;
use integration_wizard::wizard::testing::app::App;
use integration_wizard::wizard::testing::form::Row;
use integration_wizard::wizard::testing::history::MAX_CHANGES;
use integration_wizard::wizard::testing::step::{Page, Step};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use support::*;

fn undo(app: &mut App) {
    press(app, key_with(KeyCode::Char('z'), KeyModifiers::ALT));
}

fn redo(app: &mut App) {
    press(app, key_with(KeyCode::Char('y'), KeyModifiers::ALT));
}

fn status(app: &App) -> &str {
    app.status.as_deref().unwrap_or("")
}

fn text(app: &App, owner: Owner, key: impl integration_wizard::manifest::ObjectKey) -> Option<String> {
    app.doc.manifest.text(owner, key).and_then(Slot::as_str).map(str::to_owned)
}

fn action_names(app: &App) -> Vec<String> {
    (0..app.doc.manifest.action_count())
        .map(|index| app.doc.manifest.action(index).and_then(|a| a.name.as_str()).unwrap_or("?").to_owned())
        .collect()
}

/// Replaces the focused field's text with `value` in one visit (open, clear, type, finish).
fn edit_focused(app: &mut App, value: &str) {
    app.update(Action::Activate);
    press(app, ctrl('u'));
    type_text(app, value);
    app.update(Action::Activate);
}

#[test]
fn a_field_visit_is_one_change_undone_and_redone_with_the_cursor_back_on_the_field() {
    let mut app = mycrm();
    focus_key(&mut app, "display_name");
    let row = app.focus;
    edit_focused(&mut app, "My Great CRM");
    app.update(Action::GoTo(Step::Actions));

    undo(&mut app);
    assert_eq!(
        text(&app, Owner::Integration, integration_wizard::manifest::IntegrationKey::DisplayName).as_deref(),
        Some("My CRM"),
        "every letter at once"
    );
    assert_eq!(status(&app), "undid: edit display_name");
    assert_eq!((app.page, app.focus), (Page::Step(Step::Integration), row), "back on the field's step and row");
    assert!(!app.doc.modified, "back to the file as opened");

    app.update(Action::GoTo(Step::Review));
    redo(&mut app);
    assert_eq!(
        text(&app, Owner::Integration, integration_wizard::manifest::IntegrationKey::DisplayName).as_deref(),
        Some("My Great CRM")
    );
    assert_eq!(status(&app), "redid: edit display_name");
    assert_eq!((app.page, app.focus), (Page::Step(Step::Integration), row));
    assert!(app.doc.modified);
}

#[test]
fn a_cancelled_edit_is_no_change() {
    let mut app = mycrm();
    focus_key(&mut app, "description");
    app.update(Action::Activate);
    type_text(&mut app, " more");
    app.update(Action::Back);
    undo(&mut app);
    assert_eq!(status(&app), "nothing to undo");
    assert_eq!(app.doc.history.counts(), (0, 0));
}

#[test]
fn undo_while_editing_keeps_the_typed_text_for_redo() {
    let mut app = mycrm();
    focus_key(&mut app, "description");
    app.update(Action::Activate);
    press(&mut app, ctrl('u'));
    type_text(&mut app, "Short.");
    undo(&mut app);
    assert!(app.editor().is_none(), "the edit is finished");
    assert!(
        text(&app, Owner::Integration, integration_wizard::manifest::IntegrationKey::Description)
            .is_some_and(|d| d.starts_with("Centralizing"))
    );
    assert_eq!(status(&app), "undid: edit description");
    redo(&mut app);
    assert_eq!(
        text(&app, Owner::Integration, integration_wizard::manifest::IntegrationKey::Description).as_deref(),
        Some("Short."),
        "nothing typed is lost"
    );
}

#[test]
fn adding_an_action_is_undone_back_on_the_list() {
    let mut app = mycrm();
    app.update(Action::GoTo(Step::Actions));
    focus_row(&mut app, |row| matches!(row, Row::Add(ListRef::Actions)));
    let row = app.focus;
    let count = app.doc.manifest.action_count();
    app.update(Action::Add);
    assert_eq!(app.doc.manifest.action_count(), count + 1);
    assert_eq!(app.page, Page::Action(count));
    undo(&mut app);
    assert_eq!(app.doc.manifest.action_count(), count);
    assert_eq!(status(&app), "undid: add action");
    assert_eq!((app.page, app.focus), (Page::Step(Step::Actions), row));
    redo(&mut app);
    assert_eq!(app.doc.manifest.action_count(), count + 1);
    assert_eq!(status(&app), "redid: add action");
}

#[test]
fn deleting_an_action_is_undone_in_its_place() {
    let mut app = mycrm();
    let before = action_names(&app);
    app.update(Action::GoTo(Step::Actions));
    focus_row(&mut app, |row| *row == Row::Item(ListRef::Actions, 0));
    let row = app.focus;
    app.update(Action::Delete);
    app.update(Action::Answer('y'));
    assert_eq!(app.doc.manifest.action_count(), before.len() - 1);
    app.update(Action::Down);
    undo(&mut app);
    assert_eq!(action_names(&app), before);
    assert_eq!(status(&app), "undid: delete action create_ticket");
    assert_eq!(app.focus, row, "the cursor is on the action again");
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::Actions, 0)));
    redo(&mut app);
    assert_eq!(status(&app), "redid: delete action create_ticket");
    assert_eq!(app.doc.manifest.action_count(), before.len() - 1);
}

#[test]
fn duplicating_and_moving_are_undone_one_by_one() {
    let mut app = mycrm();
    let before = action_names(&app);
    app.update(Action::GoTo(Step::Actions));
    focus_row(&mut app, |row| *row == Row::Item(ListRef::Actions, 0));
    app.update(Action::Duplicate);
    app.update(Action::MoveItem { up: true });
    assert_ne!(action_names(&app), before);
    undo(&mut app);
    assert_eq!(status(&app), "undid: move action create_ticket_copy");
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::Actions, 1)), "where the move began");
    undo(&mut app);
    assert_eq!(status(&app), "undid: duplicate action create_ticket");
    assert_eq!(action_names(&app), before);
}

#[test]
fn a_new_change_ends_what_could_be_redone() {
    let mut app = mycrm();
    focus_key(&mut app, "display_name");
    edit_focused(&mut app, "One");
    undo(&mut app);
    focus_key(&mut app, "display_name");
    edit_focused(&mut app, "Two");
    redo(&mut app);
    assert_eq!(status(&app), "nothing to redo");
    assert_eq!(
        text(&app, Owner::Integration, integration_wizard::manifest::IntegrationKey::DisplayName).as_deref(),
        Some("Two")
    );
}

#[test]
fn toggles_and_choices_are_undone() {
    let mut app = mycrm();
    app.update(Action::GoTo(Step::Features));
    focus_row(&mut app, |row| matches!(row, Row::Toggle { .. }));
    let Some(Row::Toggle { owner, key, .. }) = app.focused_row() else { panic!("a toggle") };
    let was = app.doc.manifest.text(owner, key).cloned();
    let was_written = written(&app);
    app.update(Action::Toggle);
    assert_ne!(written(&app), was_written);
    undo(&mut app);
    assert_eq!(written(&app), was_written);
    assert_eq!(app.doc.manifest.text(owner, key).cloned(), was);
    assert_eq!(status(&app), format!("undid: toggle {key}"));
}

#[test]
fn choosing_an_authentication_type_is_undone_with_the_fields_it_added() {
    let mut app = mycrm();
    let before = written(&app);
    app.update(Action::GoTo(Step::Authentication));
    focus_row(&mut app, |row| *row == Row::AuthType(AuthenticationType::OAuth2));
    app.update(Action::Toggle);
    assert_ne!(written(&app), before);
    undo(&mut app);
    assert_eq!(written(&app), before);
    assert_eq!(status(&app), "undid: choose authentication oauth2");
    assert_eq!(app.focused_row(), Some(Row::AuthType(AuthenticationType::OAuth2)));
}

#[test]
fn a_quick_fix_is_undone() {
    let mut value = mycrm_value();
    value["actions"][0]["display"] = "Create a ticket".into();
    let mut app = opened(&value.to_string());
    app.update(Action::GoTo(Step::Actions));
    focus_row(&mut app, |row| *row == Row::Item(ListRef::Actions, 0));
    app.update(Action::Activate);
    focus_key(&mut app, "display");
    app.update(Action::QuickFix);
    assert_eq!(
        text(&app, Owner::Action(0), integration_wizard::manifest::ActionKey::Display).as_deref(),
        Some("create a ticket")
    );
    app.update(Action::Back);
    undo(&mut app);
    assert_eq!(
        text(&app, Owner::Action(0), integration_wizard::manifest::ActionKey::Display).as_deref(),
        Some("Create a ticket")
    );
    assert_eq!(status(&app), "undid: lowercase display of action create_ticket");
    assert_eq!(app.page, Page::Action(0), "back on the action's page");
    assert_eq!(focused_key(&app), Some("display"));
}

#[test]
fn the_history_keeps_the_newest_changes_up_to_its_cap() {
    let mut app = mycrm();
    app.update(Action::GoTo(Step::Features));
    focus_row(&mut app, |row| matches!(row, Row::Toggle { .. }));
    for _ in 0..MAX_CHANGES + 3 {
        app.update(Action::Toggle);
    }
    assert_eq!(app.doc.history.counts(), (MAX_CHANGES, 0));
    for _ in 0..MAX_CHANGES {
        undo(&mut app);
    }
    undo(&mut app);
    assert_eq!(status(&app), "nothing to undo");
}

/// A draft written by `app` as the draft writer writes it.
fn draft_of(app: &mut App) -> Draft {
    let history = serde_json::to_string(&app.history_for_draft()).expect("the history is JSON");
    Draft { path: None, written_at: 1, manifest: to_json(&app.doc.manifest), history: Some(history) }
}

#[test]
fn work_recovered_from_a_draft_is_undone_step_by_step() {
    let mut first = mycrm();
    let opened_as = written(&first);
    focus_key(&mut first, "display_name");
    edit_focused(&mut first, "My Great CRM");
    let after_one = written(&first);
    first.update(Action::GoTo(Step::Actions));
    focus_row(&mut first, |row| *row == Row::Item(ListRef::Actions, 0));
    first.update(Action::Delete);
    first.update(Action::Answer('y'));
    // A third change still being typed when the wizard was killed.
    first.update(Action::GoTo(Step::Integration));
    focus_key(&mut first, "description");
    first.update(Action::Activate);
    type_text(&mut first, " More.");
    let draft = draft_of(&mut first);

    // A new wizard, on the file as it is on disk.
    let mut second = mycrm();
    second.update(Action::RestoreDraft(Box::new(draft)));
    assert_eq!(written(&second), written(&first));
    undo(&mut second);
    assert_eq!(status(&second), "undid: edit description");
    assert_eq!(focused_key(&second), Some("description"));
    undo(&mut second);
    assert_eq!(status(&second), "undid: delete action create_ticket");
    assert_eq!(written(&second), after_one);
    undo(&mut second);
    assert_eq!(status(&second), "undid: edit display_name");
    assert_eq!(written(&second), opened_as);
    assert!(!second.doc.modified, "back to the file");
    undo(&mut second);
    assert_eq!(status(&second), "nothing to undo", "the file was what the draft began from");
    redo(&mut second);
    assert_eq!(written(&second), after_one);
}

#[test]
fn recovering_an_old_draft_without_history_is_one_change() {
    let mut value = mycrm_value();
    value["integration"]["display_name"] = "Recovered CRM".into();
    let draft = Draft { path: None, written_at: 1, manifest: value.to_string(), history: None };
    let mut app = mycrm();
    let before = written(&app);
    app.update(Action::RestoreDraft(Box::new(draft)));
    assert_eq!(
        text(&app, Owner::Integration, integration_wizard::manifest::IntegrationKey::DisplayName).as_deref(),
        Some("Recovered CRM")
    );
    undo(&mut app);
    assert_eq!(status(&app), "undid: recover draft");
    assert_eq!(written(&app), before);
    redo(&mut app);
    assert_eq!(
        text(&app, Owner::Integration, integration_wizard::manifest::IntegrationKey::DisplayName).as_deref(),
        Some("Recovered CRM")
    );
}

#[test]
fn a_draft_whose_history_cannot_be_read_still_recovers_its_work() {
    let mut value = mycrm_value();
    value["integration"]["display_name"] = "Recovered CRM".into();
    let draft = Draft { path: None, written_at: 1, manifest: value.to_string(), history: Some("[not json".into()) };
    let mut app = mycrm();
    app.update(Action::RestoreDraft(Box::new(draft)));
    assert_eq!(
        text(&app, Owner::Integration, integration_wizard::manifest::IntegrationKey::DisplayName).as_deref(),
        Some("Recovered CRM")
    );
    assert!(status(&app).contains("undo history could not be read"), "{}", status(&app));
}

#[test]
fn renaming_the_integration_is_undone_with_the_providers_it_renamed() {
    let mut app = mycrm();
    let before = written(&app);
    focus_key(&mut app, "name");
    edit_focused(&mut app, "newcrm");
    assert_eq!(
        text(&app, Owner::Action(0), integration_wizard::manifest::ActionKey::Provider).as_deref(),
        Some("newcrm")
    );
    undo(&mut app);
    assert_eq!(written(&app), before, "the providers are back too");
    redo(&mut app);
    assert_eq!(
        text(&app, Owner::Action(0), integration_wizard::manifest::ActionKey::Provider).as_deref(),
        Some("newcrm")
    );
}

#[test]
fn an_edit_inside_one_action_of_many_is_undone_exactly() {
    let mut value = mycrm_value();
    let first = value["actions"][0].clone();
    for name in ["second", "third"] {
        let mut copy = first.clone();
        copy["name"] = name.into();
        value["actions"].as_array_mut().expect("actions").push(copy);
    }
    let mut app = opened(&value.to_string());
    let before = written(&app);
    app.update(Action::GoTo(Step::Actions));
    focus_row(&mut app, |row| *row == Row::Item(ListRef::Actions, 1));
    app.update(Action::Activate);
    focus_key(&mut app, "display");
    edit_focused(&mut app, "changed");
    app.update(Action::Back);
    app.update(Action::MoveItem { up: true });
    let after = written(&app);
    undo(&mut app);
    undo(&mut app);
    assert_eq!(written(&app), before);
    redo(&mut app);
    redo(&mut app);
    assert_eq!(written(&app), after);
}
