//! Very long values (a pasted 50 MB description): typing in them stays fast because the text reaches
//! the manifest when the edit ends (or before a draft is written), and nothing typed is lost that way.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

mod support;

use integration_wizard::manifest::edit::Owner;
use integration_wizard::manifest::{IntegrationKey, Slot};
use integration_wizard::wizard::testing::action::Action;
use integration_wizard::wizard::testing::app::App;
use support::*;
use tui_input::InputRequest;

/// The mycrm example with a description of about 2 MB, its editor open with the cursor at the end.
fn editing_a_long_description() -> (App, String) {
    let mut value = mycrm_value();
    let long = "A line of a very long description.\n".repeat(60_000);
    value["integration"]["description"] = serde_json::Value::String(long.clone());
    let mut app = opened(&value.to_string());
    focus_key(&mut app, "description");
    app.update(Action::Activate);
    assert!(app.editor().is_some(), "the description's editor is open");
    (app, long)
}

fn description(app: &App) -> String {
    match app.doc.manifest.text(Owner::Integration, IntegrationKey::Description) {
        Some(Slot::Value(text)) => text.clone(),
        other => panic!("no description: {other:?}"),
    }
}

#[test]
fn typing_in_a_long_value_reaches_the_manifest_when_the_edit_ends() {
    let (mut app, long) = editing_a_long_description();
    type_text(&mut app, "more");
    assert!(app.doc.modified, "typing marks the work modified at once");
    app.update(Action::Finish);
    assert!(app.editor().is_none());
    assert_eq!(description(&app), format!("{long}more"));
}

#[test]
fn a_long_value_being_edited_reaches_the_manifest_before_a_draft_is_written() {
    let (mut app, long) = editing_a_long_description();
    type_text(&mut app, "more");
    app.flush_editor();
    assert_eq!(description(&app), format!("{long}more"));
    assert!(app.editor().is_some(), "the edit goes on");
    app.update(Action::Edit(InputRequest::DeletePrevChar));
    app.update(Action::Finish);
    assert_eq!(description(&app), format!("{long}mor"));
}

#[test]
fn a_cancelled_edit_of_a_long_value_changes_nothing() {
    let (mut app, long) = editing_a_long_description();
    type_text(&mut app, "more");
    app.update(Action::Back);
    assert!(app.editor().is_none());
    assert_eq!(description(&app), long);
    assert!(!app.doc.modified, "a cancelled edit with nothing else changed leaves the work unmodified");
}

#[test]
fn a_cancelled_edit_leaves_the_work_unmodified() {
    let mut app = mycrm();
    focus_key(&mut app, "display_name");
    app.update(Action::Activate);
    type_text(&mut app, " Plus");
    assert!(app.doc.modified);
    app.update(Action::Back);
    assert!(!app.doc.modified, "nothing else changed");
    assert_eq!(app.status.as_deref(), Some("edit cancelled"));
}
