//! Interaction types and CTI.

use super::*;

#[test]
fn interaction_types_are_added_edited_reordered_and_deleted_in_place() {
    let mut app = blank();
    press(&mut app, alt('2'));
    focus_row(&mut app, |row| *row == Row::Add(ListRef::InteractionTypes));
    press(&mut app, key(KeyCode::Enter));
    assert!(app.editor().is_some(), "a new type is edited at once");
    type_text(&mut app, "Ticket");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.focused_row(), Some(Row::Add(ListRef::InteractionTypes)));
    press(&mut app, alt('a'));
    type_text(&mut app, "Case");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(interaction_types(&app), ["Ticket", "Case"]);
    assert_eq!(written(&app)["integration"]["interaction_types"], json!(["Ticket", "Case"]));

    // Edit in place.
    focus_row(&mut app, |row| *row == Row::Item(ListRef::InteractionTypes, 1));
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "s");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(interaction_types(&app), ["Ticket", "Cases"]);

    // Reorder.
    focus_row(&mut app, |row| *row == Row::Item(ListRef::InteractionTypes, 1));
    press(&mut app, key_with(KeyCode::Up, KeyModifiers::SHIFT));
    assert_eq!(interaction_types(&app), ["Cases", "Ticket"]);
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::InteractionTypes, 0)));

    // Delete, with a question.
    press(&mut app, key(KeyCode::Delete));
    assert!(matches!(
        app.panel_as::<ConfirmDelete>(),
        Some(ConfirmDelete { list: ListRef::InteractionTypes, index: 0, .. })
    ));
    press(&mut app, key(KeyCode::Char('y')));
    assert_eq!(interaction_types(&app), ["Ticket"]);
}

#[test]
fn an_interaction_type_left_empty_is_removed() {
    let mut app = mycrm();
    press(&mut app, alt('2'));
    press(&mut app, alt('a'));
    assert_eq!(interaction_types(&app), ["Ticket", "Case", ""]);
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(interaction_types(&app), ["Ticket", "Case"], "finished empty: removed");
    assert!(status(&app).contains("empty interaction type was removed"), "{}", status(&app));

    press(&mut app, key(KeyCode::Char('a')));
    type_text(&mut app, "x");
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(interaction_types(&app), ["Ticket", "Case"], "a cancelled new one is removed too");

    focus_row(&mut app, |row| *row == Row::Item(ListRef::InteractionTypes, 0));
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ctrl('u'));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(interaction_types(&app), ["Case"], "an existing one emptied is removed");
}

#[test]
fn requires_cti_is_a_toggle() {
    let mut app = blank();
    press(&mut app, alt('2'));
    focus_key(&mut app, "requires_cti");
    assert!(written(&app).get("requires_cti").is_none(), "absent in a new manifest");
    press(&mut app, key(KeyCode::Char(' ')));
    assert_eq!(written(&app)["requires_cti"], true);
    press(&mut app, key(KeyCode::Char(' ')));
    assert_eq!(written(&app)["requires_cti"], false);
    let keys: Vec<String> = written(&app).as_object().expect("object").keys().cloned().collect();
    assert_eq!(keys, ["requires_cti", "integration"], "written before the integration");
}

#[test]
fn requires_cti_without_an_agent_endpoint_shows_its_error_once_toggled() {
    let mut app = blank();
    press(&mut app, alt('2'));
    focus_key(&mut app, "requires_cti");
    press(&mut app, key(KeyCode::Char(' ')));
    assert!(
        app.doc.visible().any(|d| d.pointer == "/integration/agent_synchronization_endpoint"),
        "{:?}",
        app.doc.visible().collect::<Vec<_>>()
    );
}
