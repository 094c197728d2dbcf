//! What changed since the file was opened: listed on the review (breaking changes first), each
//! jumping to its field, and asked about once before a save that breaks the live integration.

use super::*;
use integration_wizard::wizard::testing::panels::breaking_save::BreakingSave;
use std::sync::Arc;

/// The app with mycrm.json opened from disk (as the loop reports a file read).
fn mycrm_from_file() -> App {
    let mut app = App::start(Vec::new());
    let bytes = integration_wizard::wizard::testing::examples::EXAMPLES[0].json.as_bytes();
    let parsed = read(bytes).expect("the example is JSON");
    let opened = Opened { parsed, disk_hash: 7, source: Arc::from(bytes) };
    app.update(Action::Loaded { path: PathBuf::from("mycrm.json"), result: Ok(Box::new(opened)) });
    app
}

/// Removes the auth field "token" and renames the action "create_ticket" to "create_ticket_v2".
fn remove_token_and_rename_action(app: &mut App) {
    press(app, alt('4'));
    focus_row(app, |row| *row == Row::Item(ListRef::AuthFields, 1));
    press(app, key(KeyCode::Delete));
    press(app, key(KeyCode::Char('y')));
    assert_eq!(field_names(app), ["account"]);
    press(app, alt('5'));
    focus_row(app, |row| *row == Row::Item(ListRef::Actions, 0));
    press(app, key(KeyCode::Enter));
    focus_key(app, "name");
    press(app, key(KeyCode::Enter));
    type_text(app, "_v2");
    press(app, key(KeyCode::Enter));
}

fn listed_changes(app: &App) -> Vec<String> {
    app.rows()
        .iter()
        .filter_map(|row| match row {
            Row::Change(index) => app.doc.changes().get(*index).map(|change| change.words()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_review_lists_the_changes_since_the_file_was_opened_breaking_ones_first() {
    let mut app = mycrm_from_file();
    press(&mut app, alt('6'));
    assert!(listed_changes(&app).is_empty(), "nothing changed yet");
    press(&mut app, alt('1'));
    focus_key(&mut app, "display_name");
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, " 2");
    press(&mut app, key(KeyCode::Enter));
    remove_token_and_rename_action(&mut app);
    press(&mut app, alt('6'));
    assert_eq!(
        listed_changes(&app),
        [
            "auth field \"token\" removed",
            "action \"create_ticket\" renamed to \"create_ticket_v2\"",
            "integration: display_name changed"
        ]
    );
    assert!(matches!(app.rows().first(), Some(Row::Change(0))), "the changes come before the findings");
}

#[test]
fn a_manifest_made_in_this_run_lists_no_changes() {
    let mut app = mycrm();
    press(&mut app, alt('1'));
    focus_key(&mut app, "display_name");
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, " 2");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, alt('6'));
    assert!(app.doc.since_opened.is_none());
    assert!(listed_changes(&app).is_empty());
}

#[test]
fn enter_on_a_change_jumps_to_its_field_and_esc_comes_back_to_the_review() {
    let mut app = mycrm_from_file();
    remove_token_and_rename_action(&mut app);
    press(&mut app, alt('6'));
    focus_row(&mut app, |row| *row == Row::Change(1));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.page, Page::Action(0));
    assert_eq!(focused_key(&app), Some("name"));
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.page, Page::Step(Step::Review));
    assert_eq!(app.focused_row(), Some(Row::Change(1)));

    // What was removed has no field: the jump shows the list that held it, and says so.
    focus_row(&mut app, |row| *row == Row::Change(0));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.page, Page::Step(Step::AuthFields));
    assert!(status(&app).contains("auth field \"token\" removed: this is the list that held it"), "{}", status(&app));
}

#[test]
fn saving_a_breaking_change_asks_once_naming_what_breaks() {
    let mut app = mycrm_from_file();
    remove_token_and_rename_action(&mut app);
    let effects = press(&mut app, ctrl('s'));
    assert!(effects.is_empty(), "nothing written before the answer: {effects:?}");
    let Some(BreakingSave { breaking, .. }) = app.panel_as::<BreakingSave>() else {
        panic!("expected the breaking question, got {:?}", app.panel())
    };
    let words: Vec<String> = breaking.iter().map(|change| change.words()).collect();
    assert_eq!(words, ["auth field \"token\" removed", "action \"create_ticket\" renamed to \"create_ticket_v2\""]);
    // Enter does not answer it: only y saves.
    assert!(press(&mut app, key(KeyCode::Enter)).is_empty());
    assert!(app.panel_as::<BreakingSave>().is_some());
    let effects = press(&mut app, key(KeyCode::Char('y')));
    assert!(matches!(effects.as_slice(), [Effect::Save { .. }]), "{effects:?}");
    app.update(Action::Saved { path: PathBuf::from("mycrm.json"), result: Ok(8) });

    // Saved: the review still lists what this run changed, and a second save does not ask again.
    press(&mut app, alt('6'));
    assert_eq!(listed_changes(&app).len(), 2);
    press(&mut app, alt('1'));
    focus_key(&mut app, "display_name");
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, " 2");
    press(&mut app, key(KeyCode::Enter));
    let effects = press(&mut app, ctrl('s'));
    assert!(matches!(effects.as_slice(), [Effect::Save { .. }]), "not asked again: {:?}", app.panel());
    app.update(Action::Saved { path: PathBuf::from("mycrm.json"), result: Ok(9) });

    // A new breaking change is asked about.
    press(&mut app, alt('4'));
    focus_row(&mut app, |row| *row == Row::Item(ListRef::AuthFields, 0));
    press(&mut app, key(KeyCode::Delete));
    press(&mut app, key(KeyCode::Char('y')));
    press(&mut app, ctrl('s'));
    let Some(BreakingSave { breaking, .. }) = app.panel_as::<BreakingSave>() else {
        panic!("expected the breaking question, got {:?}", app.panel())
    };
    assert!(breaking.iter().any(|change| change.words() == "auth field \"account\" removed"));
    press(&mut app, key(KeyCode::Char('n')));
    assert!(app.panel().is_none());
    assert!(status(&app).starts_with("not saved"), "{}", status(&app));
}

#[test]
fn the_ticket_key_offers_the_update_document_of_a_changed_file_and_then_shows_the_ticket_settings() {
    use integration_wizard::wizard::testing::panels::ticket::TicketPanel;
    let mut app = mycrm_from_file();
    remove_token_and_rename_action(&mut app);
    press(&mut app, alt('6'));
    press(&mut app, key(KeyCode::Char('w')));
    assert!(matches!(app.panel_as::<TicketPanel>(), Some(TicketPanel::Format { update: true, .. })));
    // a and u switch between the activation document and the update.
    press(&mut app, key(KeyCode::Char('a')));
    assert!(matches!(app.panel_as::<TicketPanel>(), Some(TicketPanel::Format { update: false, .. })));
    press(&mut app, key(KeyCode::Char('u')));
    press(&mut app, key(KeyCode::Enter));
    match app.panel_as::<TicketPanel>() {
        Some(TicketPanel::Path { input, update: true, .. }) => assert_eq!(input.value(), "mycrm-update-ticket.md"),
        other => panic!("{other:?}"),
    }
    let effects = press(&mut app, key(KeyCode::Enter));
    let Some(Effect::WriteTicket { path, bytes, .. }) = effects.first() else { panic!("{effects:?}") };
    let text = String::from_utf8_lossy(bytes);
    assert!(text.contains("Update Custom Integration"), "{text}");
    let removed = text.find("auth field \"token\" removed").expect("the removal is listed");
    let renamed = text.find("renamed to").expect("the rename is listed");
    assert!(removed < renamed, "{text}");
    app.update(Action::TicketWritten { path: path.clone(), result: Ok(()) });
    let Some(TicketPanel::Written { title, .. }) = app.panel_as::<TicketPanel>() else {
        panic!("expected the ticket settings, got {:?}", app.panel())
    };
    assert_eq!(*title, "Update Custom Integration");
    press(&mut app, key(KeyCode::Esc));
    assert!(app.panel().is_none());
}

#[test]
fn a_manifest_made_in_this_run_is_offered_the_activation_document_only() {
    use integration_wizard::wizard::testing::panels::ticket::TicketPanel;
    let mut app = mycrm();
    press(&mut app, alt('6'));
    press(&mut app, key(KeyCode::Char('w')));
    press(&mut app, key(KeyCode::Char('u')));
    assert!(matches!(app.panel_as::<TicketPanel>(), Some(TicketPanel::Format { update: false, .. })));
}
