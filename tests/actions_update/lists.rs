//! Actions and inputs copied, deleted and reordered.

use super::*;

#[test]
fn actions_are_duplicated_reordered_and_deleted_after_confirmation() {
    let mut app = mycrm();
    press(&mut app, alt(KeyCode::Char('5')));
    focus_row(&mut app, |row| *row == Row::Item(ListRef::Actions, 0));
    press(&mut app, key(KeyCode::Char('c')));
    assert_eq!(action_names(&app), ["create_ticket", "create_ticket_copy"]);
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::Actions, 1)), "the focus is on the copy");
    assert!(status(&app).contains("_copy"), "{}", status(&app));
    assert_eq!(written(&app)["actions"][1]["inputs"], written(&app)["actions"][0]["inputs"], "inputs are copied");
    assert!(!app.doc.has_errors(), "the copy's name is not a repeat: {:?}", app.doc.diagnostics());

    press(&mut app, shift(KeyCode::Up));
    assert_eq!(action_names(&app), ["create_ticket_copy", "create_ticket"]);
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::Actions, 0)), "the focus follows the moved action");
    press(&mut app, shift(KeyCode::Up));
    assert_eq!(action_names(&app), ["create_ticket_copy", "create_ticket"], "the first stays first");
    press(&mut app, alt(KeyCode::Down));
    assert_eq!(action_names(&app), ["create_ticket", "create_ticket_copy"]);
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::Actions, 1)));

    press(&mut app, key(KeyCode::Char('x')));
    match app.panel_as::<ConfirmDelete>() {
        Some(ConfirmDelete { list: ListRef::Actions, index: 1, label }) => {
            assert_eq!(label, "create_ticket_copy — create a ticket (3 inputs)")
        }
        other => panic!("x asks first: {other:?}"),
    }
    press(&mut app, key(KeyCode::Char('n')));
    assert!(app.panel().is_none());
    press(&mut app, key(KeyCode::Delete));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(action_names(&app), ["create_ticket", "create_ticket_copy"], "n and Esc keep it");
    press(&mut app, key(KeyCode::Delete));
    press(&mut app, key(KeyCode::Char('y')));
    assert_eq!(action_names(&app), ["create_ticket"]);
    assert_eq!(written(&app), mycrm_value());
    assert_eq!(app.focused_row(), Some(Row::Add(ListRef::Actions)), "the focus stays in the list");
}

#[test]
fn inputs_are_duplicated_reordered_and_deleted_after_confirmation() {
    let mut app = mycrm();
    open_action(&mut app, 0);
    focus_row(&mut app, |row| *row == Row::Item(ListRef::Inputs(0), 1));
    press(&mut app, key(KeyCode::Char('c')));
    assert_eq!(input_keys(&app, 0), ["subject", "email", "email_copy", "priority"]);
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::Inputs(0), 2)));
    assert_eq!(format_of(&app, 0, 2).as_deref(), Some("{{contact.email}}"));

    press(&mut app, shift(KeyCode::Up));
    assert_eq!(input_keys(&app, 0), ["subject", "email_copy", "email", "priority"]);
    press(&mut app, alt(KeyCode::Up));
    assert_eq!(input_keys(&app, 0), ["email_copy", "subject", "email", "priority"]);
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::Inputs(0), 0)));
    press(&mut app, alt(KeyCode::Up));
    assert_eq!(input_keys(&app, 0), ["email_copy", "subject", "email", "priority"], "the first stays first");
    // The action's own fields above the list do not move.
    press(&mut app, key(KeyCode::Up));
    assert_eq!(app.focused_row(), Some(Row::Provider(0)));
    press(&mut app, shift(KeyCode::Up));
    assert_eq!(input_keys(&app, 0), ["email_copy", "subject", "email", "priority"]);
    press(&mut app, key(KeyCode::Down));

    press(&mut app, key(KeyCode::Delete));
    assert!(matches!(app.panel_as::<ConfirmDelete>(), Some(ConfirmDelete { list: ListRef::Inputs(0), index: 0, .. })));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(input_keys(&app, 0), ["subject", "email", "priority"]);
    assert_eq!(written(&app), mycrm_value(), "back to the example");
}

#[test]
fn an_added_input_is_an_optional_text_until_changed() {
    let mut app = mycrm();
    open_action(&mut app, 0);
    press(&mut app, alt(KeyCode::Char('a')));
    assert_eq!(app.page, Page::Input { action: 0, input: 3 });
    assert_eq!(focused_key(&app), Some("key"));
    assert_eq!(written(&app)["actions"][0]["inputs"][3], json!({"mandatory": false, "type": "text"}));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.page, Page::Action(0));
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::Inputs(0), 3)), "Esc returns to the new input's row");
}
