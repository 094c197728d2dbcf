//! The `/` filter on a long list.

use super::*;

/// mycrm with 2,000 more actions named bulk_0 … bulk_1999, built with the model API.
fn two_thousand_actions() -> App {
    let parsed = read(mycrm_json().as_bytes()).expect("the example");
    let mut manifest: Manifest = parsed.manifest;
    for number in 0..2000 {
        let index = manifest.add_action().expect("a list of actions");
        manifest.set_text(Owner::Action(index), ActionKey::Name, &format!("bulk_{number}"));
        manifest.set_text(Owner::Action(index), ActionKey::Display, &format!("bulk action {number}"));
    }
    let parsed = integration_wizard::manifest::Parsed { manifest, notes: parsed.notes };
    let mut app = App::editing(Document::opened(parsed, None));
    app.theme = integration_wizard::wizard::testing::view::theme::Theme {
        color: false,
        ..integration_wizard::wizard::testing::view::theme::Theme::default()
    };
    app
}

fn mycrm_json() -> String {
    mycrm_value().to_string()
}

#[test]
fn the_filter_narrows_two_thousand_actions_enter_keeps_it_and_esc_clears_it() {
    let mut app = two_thousand_actions();
    press(&mut app, alt(KeyCode::Char('5')));
    assert_eq!(app.rows().len(), 2002);
    press(&mut app, key(KeyCode::Char('/')));
    press_all(&mut app, "bulk_19".chars().map(|c| key(KeyCode::Char(c))));
    // bulk_19, bulk_190 … bulk_199, bulk_1900 … bulk_1999.
    assert_eq!(app.rows().len(), 111 + 1, "the matches and the add row");
    assert_eq!(app.rows()[0], Row::Item(ListRef::Actions, 20));
    assert_eq!(app.rows()[110], Row::Item(ListRef::Actions, 2000));
    assert!(!app.doc.modified, "typing a filter changes nothing");
    let screen = screen_text(&mut app, 140, 40);
    assert!(screen.contains("filter: bulk_19▏ (111 matches)"), "{screen}");

    press(&mut app, key(KeyCode::Char('9')));
    press(&mut app, key(KeyCode::Char('9')));
    assert_eq!(app.rows(), [Row::Item(ListRef::Actions, 2000), Row::Add(ListRef::Actions)], "bulk_1999 only");
    press(&mut app, key(KeyCode::Backspace));
    press(&mut app, key(KeyCode::Backspace));
    assert_eq!(app.rows().len(), 112, "Backspace widens it again");

    press(&mut app, key(KeyCode::Enter));
    assert!(app.filter.is_some() && matches!(app.mode(), Mode::Browse), "Enter keeps the filter");
    assert_eq!(app.rows().len(), 112);
    press(&mut app, key(KeyCode::Down));
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::Actions, 191)), "keys move in the filtered list");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.page, Page::Action(191));
    assert_eq!(text(&app, Owner::Action(191), ActionKey::Name).as_deref(), Some("bulk_190"));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.page, Page::Step(Step::Actions));
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::Actions, 191)), "back on the action opened");

    press(&mut app, key(KeyCode::Char('/')));
    press_all(&mut app, "bulk_42".chars().map(|c| key(KeyCode::Char(c))));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.rows().len(), 12, "bulk_42, bulk_420 … bulk_429 and the add row");
    press(&mut app, key(KeyCode::Esc));
    assert!(app.filter.is_none(), "Esc clears it");
    assert_eq!(app.rows().len(), 2002);
    assert!(status(&app).contains("filter cleared"), "{}", status(&app));

    // Esc while typing clears it too.
    press(&mut app, key(KeyCode::Char('/')));
    press_all(&mut app, "nothing matches this".chars().map(|c| key(KeyCode::Char(c))));
    assert_eq!(app.rows(), [Row::Add(ListRef::Actions)]);
    press(&mut app, key(KeyCode::Esc));
    assert!(app.filter.is_none());
    assert_eq!(app.rows().len(), 2002);
}

#[test]
fn the_filter_also_narrows_an_actions_inputs() {
    let mut app = mycrm();
    open_action(&mut app, 0);
    press(&mut app, alt(KeyCode::Char('/')));
    press_all(&mut app, "select".chars().map(|c| key(KeyCode::Char(c))));
    press(&mut app, key(KeyCode::Enter));
    let items: Vec<Row> = app.rows().into_iter().filter(|row| matches!(row, Row::Item(..))).collect();
    assert_eq!(items, [Row::Item(ListRef::Inputs(0), 2)], "priority is the select");
}
