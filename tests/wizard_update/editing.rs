//! Editing a text field: keystrokes, Esc, Enter, Tab, clearing, line breaks and pastes.

use super::*;

#[test]
fn each_keystroke_updates_the_manifest() {
    let mut app = blank();
    assert!(!app.doc.modified);
    press(&mut app, key(KeyCode::Enter));
    assert!(app.editor().is_some(), "Enter edits the Name field");
    press(&mut app, key(KeyCode::Char('m')));
    assert_eq!(text(&app, Owner::Integration, "name").as_deref(), Some("m"));
    assert!(app.doc.modified);
    press_all(&mut app, "ycrm".chars().map(|c| key(KeyCode::Char(c))));
    assert_eq!(text(&app, Owner::Integration, "name").as_deref(), Some("mycrm"));
    assert!(to_json(&app.doc.manifest).contains("\"name\": \"mycrm\""), "the preview follows each keystroke");
    press(&mut app, key(KeyCode::Backspace));
    assert_eq!(text(&app, Owner::Integration, "name").as_deref(), Some("mycr"));
}

#[test]
fn esc_restores_the_old_value_and_the_modified_flag() {
    let mut app = mycrm();
    assert!(!app.doc.modified);
    focus_key(&mut app, "display_name");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ctrl('u'));
    type_text(&mut app, "Other");
    assert_eq!(text(&app, Owner::Integration, "display_name").as_deref(), Some("Other"));
    assert!(app.doc.modified);
    press(&mut app, key(KeyCode::Esc));
    assert!(app.editor().is_none());
    assert_eq!(text(&app, Owner::Integration, "display_name").as_deref(), Some("My CRM"));
    assert!(!app.doc.modified, "cancelling the only edit leaves nothing unsaved");
    assert_eq!(to_json(&app.doc.manifest), to_json(&mycrm().doc.manifest));
}

#[test]
fn esc_keeps_the_modified_flag_of_earlier_edits() {
    let mut app = mycrm();
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "x");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.doc.modified);
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "y");
    press(&mut app, key(KeyCode::Esc));
    assert!(app.doc.modified, "the first edit is still unsaved");
    assert_eq!(text(&app, Owner::Integration, "name").as_deref(), Some("mycrmx"));
}

#[test]
fn esc_on_a_cleared_name_restores_the_providers_too() {
    let mut app = mycrm();
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ctrl('u'));
    type_text(&mut app, "other");
    assert_eq!(text(&app, Owner::Action(0), "provider").as_deref(), Some("other"), "providers follow the name");
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(text(&app, Owner::Action(0), "provider").as_deref(), Some("mycrm"));
}

#[test]
fn enter_keeps_the_value_and_moves_focus_down() {
    let mut app = blank();
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "mycrm");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.editor().is_none());
    assert_eq!(focused_key(&app), Some("display_name"));
    assert_eq!(text(&app, Owner::Integration, "name").as_deref(), Some("mycrm"));
    assert!(app.doc.modified);
}

#[test]
fn tab_in_a_one_line_editor_keeps_the_value_and_moves_on() {
    let mut app = blank();
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "mycrm");
    press(&mut app, key(KeyCode::Tab));
    assert!(app.editor().is_none());
    assert_eq!(focused_key(&app), Some("display_name"));
    assert_eq!(text(&app, Owner::Integration, "name").as_deref(), Some("mycrm"));
}

#[test]
fn clearing_an_optional_field_removes_its_key() {
    let mut app = mycrm();
    press(&mut app, alt('4'));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.page, Page::AuthField(0));
    focus_key(&mut app, "format");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ctrl('u'));
    press(&mut app, key(KeyCode::Enter));
    let field = &written(&app)["integration"]["authentication_configuration"][0];
    assert!(field.get("format").is_none(), "format is gone: {field}");
    assert_eq!(field["help"], "under Settings > Account", "the other keys stay");
}

#[test]
fn the_multi_line_description_takes_alt_enter_as_a_line_break_and_tab_to_finish() {
    let mut app = blank();
    focus_key(&mut app, "description");
    press(&mut app, key(KeyCode::Enter));
    assert!(matches!(app.editor().map(|e| &e.text), Some(TextBox::Area(_))), "a multi-line editor");
    type_text(&mut app, "first line");
    press(&mut app, key_with(KeyCode::Enter, KeyModifiers::ALT));
    assert!(app.editor().is_some(), "Alt-Enter does not finish");
    type_text(&mut app, "second");
    assert_eq!(text(&app, Owner::Integration, "description").as_deref(), Some("first line\nsecond"));
    press(&mut app, key(KeyCode::Up));
    type_text(&mut app, "!");
    assert_eq!(
        text(&app, Owner::Integration, "description").as_deref(),
        Some("first !line\nsecond"),
        "Up keeps the column"
    );
    press(&mut app, key(KeyCode::Tab));
    assert!(app.editor().is_none(), "Tab finishes");
    assert_eq!(focused_key(&app), Some("logo_url"), "and moves on, as Tab does elsewhere");
    assert_eq!(written(&app)["integration"]["description"], "first !line\nsecond");
}

#[test]
fn enter_also_finishes_a_multi_line_text() {
    let mut app = blank();
    focus_key(&mut app, "description");
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "one");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.editor().is_none());
    assert_eq!(text(&app, Owner::Integration, "description").as_deref(), Some("one"));
}

#[test]
fn a_paste_into_a_one_line_field_keeps_one_line() {
    let mut app = blank();
    press(&mut app, Event::Paste("my\ncrm\r\nname".into()));
    assert!(app.editor().is_some(), "a paste on a text row opens its editor");
    assert_eq!(text(&app, Owner::Integration, "name").as_deref(), Some("my crm name"));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(focused_key(&app), Some("display_name"));
}

#[test]
fn a_paste_into_the_description_keeps_its_lines() {
    let mut app = blank();
    focus_key(&mut app, "description");
    press(&mut app, Event::Paste("one\r\ntwo".into()));
    assert_eq!(text(&app, Owner::Integration, "description").as_deref(), Some("one\ntwo"));
}
