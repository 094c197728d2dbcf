//! Select options.

use super::*;

#[test]
fn select_options_are_added_edited_deleted_and_reordered_and_stored_comma_separated() {
    let mut app = mycrm();
    open_input(&mut app, 0, 2);
    let option = |index| Row::SelectOption { action: 0, input: 2, index };
    assert_eq!(app.rows()[4..], [option(0), option(1), option(2), option(3), Row::AddOption { action: 0, input: 2 }]);

    // Add.
    press(&mut app, alt(KeyCode::Char('a')));
    assert!(app.editor().is_some());
    type_text(&mut app, "critical");
    assert_eq!(format_of(&app, 0, 2).as_deref(), Some("low,normal,high,urgent,critical"), "stored as it is typed");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.focused_row(), Some(Row::AddOption { action: 0, input: 2 }), "ready for the next one");

    // Edit.
    focus_row(&mut app, |row| *row == option(1));
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ctrl('u'));
    type_text(&mut app, "medium");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(format_of(&app, 0, 2).as_deref(), Some("low,medium,high,urgent,critical"));
    assert_eq!(app.focused_row(), Some(option(2)));

    // Delete: the Delete key removes an option at once.
    focus_row(&mut app, |row| *row == option(4));
    press(&mut app, key(KeyCode::Delete));
    assert!(app.panel().is_none());
    assert_eq!(format_of(&app, 0, 2).as_deref(), Some("low,medium,high,urgent"));
    assert!(status(&app).contains("removed the option \"critical\""), "{}", status(&app));

    // Reorder with Shift-↑/↓; the focus follows the option.
    focus_row(&mut app, |row| *row == option(3));
    press(&mut app, shift(KeyCode::Up));
    assert_eq!(format_of(&app, 0, 2).as_deref(), Some("low,medium,urgent,high"));
    assert_eq!(app.focused_row(), Some(option(2)));
    press(&mut app, shift(KeyCode::Down));
    assert_eq!(format_of(&app, 0, 2).as_deref(), Some("low,medium,high,urgent"));
    assert_eq!(app.focused_row(), Some(option(3)));
    press(&mut app, shift(KeyCode::Down));
    assert_eq!(format_of(&app, 0, 2).as_deref(), Some("low,medium,high,urgent"), "the last stays last");
    focus_row(&mut app, |row| *row == option(0));
    press(&mut app, shift(KeyCode::Up));
    assert_eq!(format_of(&app, 0, 2).as_deref(), Some("low,medium,high,urgent"), "the first stays first");

    // An option emptied is removed when the edit finishes.
    focus_row(&mut app, |row| *row == option(1));
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ctrl('u'));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(format_of(&app, 0, 2).as_deref(), Some("low,high,urgent"));

    // Esc puts an edited option back.
    focus_row(&mut app, |row| *row == option(0));
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ctrl('u'));
    type_text(&mut app, "lowest");
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(format_of(&app, 0, 2).as_deref(), Some("low,high,urgent"));

    // A new option left empty is not stored.
    press(&mut app, key(KeyCode::Char('a')));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(format_of(&app, 0, 2).as_deref(), Some("low,high,urgent"));
    assert_eq!(written(&app)["actions"][0]["inputs"][2]["format"], "low,high,urgent");
    assert!(!app.doc.has_errors(), "{:?}", app.doc.diagnostics());
}

#[test]
fn deleting_every_option_of_a_select_shows_that_it_needs_one() {
    let mut app = mycrm();
    open_input(&mut app, 0, 2);
    for _ in 0..4 {
        focus_row(&mut app, |row| matches!(row, Row::SelectOption { index: 0, .. }));
        press(&mut app, key(KeyCode::Delete));
    }
    assert_eq!(format_of(&app, 0, 2), None, "no options: no format");
    assert_eq!(app.focused_row(), Some(Row::AddOption { action: 0, input: 2 }));
    assert_eq!(focused_codes(&app), ["select-without-options"]);
}

#[test]
fn choosing_select_turns_the_format_row_into_a_list_of_options() {
    let mut app = mycrm();
    open_input(&mut app, 0, 0);
    assert!(app.rows().iter().any(|row| matches!(row, Row::Text { key: Key::Input(InputKey::Format), .. })));
    choose_type(&mut app, "select");
    assert!(status(&app).contains("+ add an option"), "the status names the row that adds one: {}", status(&app));
    assert_eq!(app.rows().last(), Some(&Row::AddOption { action: 0, input: 0 }));
    assert!(!app.rows().iter().any(|row| matches!(row, Row::Text { key: Key::Input(InputKey::Format), .. })));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "yes");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "no");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(format_of(&app, 0, 0).as_deref(), Some("yes,no"));
}

#[test]
fn commas_typed_in_an_option_give_one_option_per_part() {
    // After choosing select the status says to add the options below; the file keeps them comma-separated.
    let mut app = mycrm();
    open_input(&mut app, 0, 0);
    choose_type(&mut app, "select");
    press(&mut app, key(KeyCode::Char('a')));
    type_text(&mut app, "low,normal,high");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(format_of(&app, 0, 0).as_deref(), Some("low,normal,high"));
}
