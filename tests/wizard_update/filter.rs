//! Filtering a list.

use super::*;

/// mycrm with a third field, so that a filter on "account" hides the middle one.
fn three_fields_with_path() -> App {
    let mut value = mycrm_value();
    let fields = value["integration"]["authentication_configuration"].as_array_mut().expect("fields");
    fields.push(
        json!({"field_name": "account_id", "display": "Account id", "mandatory": true, "type": "input", "store": true}),
    );
    let parsed = read(value.to_string().as_bytes()).expect("object");
    let mut app = App::editing(Document::opened(parsed, Some(PathBuf::from("mycrm.json"))));
    press(&mut app, alt('4'));
    app
}

fn filter(app: &mut App, text: &str) {
    press(app, key(KeyCode::Char('/')));
    press_all(app, text.chars().map(|c| key(KeyCode::Char(c))));
}

#[test]
fn a_filter_shows_only_the_matching_items() {
    let mut app = three_fields_with_path();
    filter(&mut app, "account");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(
        app.rows(),
        [Row::Item(ListRef::AuthFields, 0), Row::Item(ListRef::AuthFields, 2), Row::Add(ListRef::AuthFields)]
    );
    press(&mut app, key(KeyCode::Esc));
    assert!(app.filter.is_none(), "Esc clears the filter");
    assert_eq!(app.rows().len(), 4);
}

#[test]
fn ctrl_s_while_typing_a_filter_saves() {
    let mut app = three_fields_with_path();
    filter(&mut app, "acc");
    let effects = press(&mut app, ctrl('s'));
    assert!(effects.iter().any(|e| matches!(e, Effect::Save { .. })), "Ctrl-S saves anywhere: {effects:?}");
}

#[test]
fn ctrl_q_while_typing_a_filter_quits() {
    let mut app = three_fields_with_path();
    filter(&mut app, "acc");
    assert!(!app.doc.modified);
    let effects = press(&mut app, ctrl('q'));
    assert_eq!(effects, [Effect::Quit], "Ctrl-Q quits anywhere");
}

#[test]
fn reordering_in_a_filtered_list_keeps_the_focus_on_the_moved_item() {
    let mut app = three_fields_with_path();
    filter(&mut app, "account");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::AuthFields, 0)));
    press(&mut app, key_with(KeyCode::Down, KeyModifiers::SHIFT));
    let focused = match app.focused_row() {
        Some(Row::Item(ListRef::AuthFields, index)) => field_names(&app)[index].clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(focused, "account", "the focus stays on the field that was moved; order now {:?}", field_names(&app));
}

#[test]
fn esc_from_an_item_opened_in_a_filtered_list_returns_to_that_item() {
    let mut app = three_fields_with_path();
    filter(&mut app, "account_id");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::AuthFields, 2)));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.page, Page::AuthField(2));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.page, Page::Step(Step::AuthFields));
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::AuthFields, 2)), "back on account_id");
}

#[test]
fn a_repeated_required_field_name_can_still_be_fixed() {
    let mut app = blank();
    choose(&mut app, AuthenticationType::OAuth2);
    press(&mut app, alt('4'));
    press(&mut app, key(KeyCode::Char('a')));
    assert_eq!(app.page, Page::AuthField(5));
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "site");
    press(&mut app, key(KeyCode::Enter));
    assert!(
        app.doc.diagnostics().iter().any(|d| d.is_error() && d.pointer.ends_with("/5/field_name")),
        "a repeated name"
    );
    // The author notices the mistake and wants to rename the repeat…
    focus_key(&mut app, "field_name");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.editor().is_some(), "the repeat can be renamed: {}", status(&app));
    press(&mut app, key(KeyCode::Esc));
    // …or delete it.
    press(&mut app, key(KeyCode::Esc));
    focus_row(&mut app, |row| *row == Row::Item(ListRef::AuthFields, 5));
    press(&mut app, key(KeyCode::Delete));
    assert!(
        matches!(app.panel_as::<ConfirmDelete>(), Some(ConfirmDelete { index: 5, .. })),
        "the repeat can be deleted: {}",
        status(&app)
    );
    press(&mut app, key(KeyCode::Char('y')));
    assert_eq!(field_names(&app), ["site", "client_id", "client_secret", "authorization_url", "access_token_url"]);
}
