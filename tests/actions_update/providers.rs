//! Providers kept equal to the integration's name; display and description lower-cased.

use super::*;

#[test]
fn an_added_action_takes_the_integration_name_as_provider() {
    let mut app = mycrm();
    press(&mut app, alt(KeyCode::Char('5')));
    press(&mut app, key(KeyCode::Char('a')));
    assert_eq!(app.page, Page::Action(1));
    assert_eq!(providers(&app), [Some("mycrm".to_owned()), Some("mycrm".to_owned())]);
    assert!(app.rows().contains(&Row::Provider(1)), "the provider is shown read-only: {:?}", app.rows());

    // Without a name yet, the provider follows once the name is typed.
    let mut app = blank();
    press(&mut app, alt(KeyCode::Char('5')));
    // The empty list's add row takes typing: the add command takes Alt there.
    press(&mut app, alt(KeyCode::Char('a')));
    assert_eq!(providers(&app), [None]);
    press(&mut app, alt(KeyCode::Char('1')));
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "acme");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(providers(&app), [Some("acme".to_owned())]);
    assert_eq!(written(&app)["actions"][0]["provider"], "acme");
}

#[test]
fn renaming_the_integration_renames_every_provider_and_says_so() {
    let mut app = mycrm();
    press(&mut app, alt(KeyCode::Char('5')));
    focus_row(&mut app, |row| *row == Row::Item(ListRef::Actions, 0));
    press(&mut app, key(KeyCode::Char('c')));
    press(&mut app, key(KeyCode::Char('c')));
    assert_eq!(app.doc.manifest.action_count(), 3);
    press(&mut app, alt(KeyCode::Char('1')));
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ctrl('u'));
    type_text(&mut app, "helpdesk");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(providers(&app), vec![Some("helpdesk".to_owned()); 3]);
    assert!(
        status(&app).contains("renamed the provider of 3 action(s) to match the integration name"),
        "{}",
        status(&app)
    );
    assert!(!app.doc.diagnostics().iter().any(|d| d.code == "provider-mismatch"), "{:?}", app.doc.diagnostics());
    let saved = written(&app);
    for action in saved["actions"].as_array().expect("actions") {
        assert_eq!(action["provider"], "helpdesk");
    }
}

#[test]
fn a_provider_that_differs_is_shown_on_the_provider_row_and_f_sets_it_to_the_name() {
    let mut value = mycrm_value();
    value["actions"][0]["provider"] = json!("othercrm");
    let mut app = opened(&value.to_string());
    open_action(&mut app, 0);
    focus_row(&mut app, |row| *row == Row::Provider(0));
    assert_eq!(focused_codes(&app), ["provider-mismatch"]);
    let screen = screen_text(&mut app, 140, 40);
    let lines: Vec<&str> = screen.lines().collect();
    let row = lines.iter().position(|line| line.contains("▶ Provider")).unwrap_or_else(|| panic!("{screen}"));
    assert!(lines[row].contains("othercrm"), "{}", lines[row]);
    assert!(
        lines[row + 1].contains("✗ provider \"othercrm\" must be the integration's name"),
        "the error is drawn under the Provider row:\n{screen}"
    );

    press(&mut app, key(KeyCode::Char('f')));
    assert_eq!(providers(&app), [Some("mycrm".to_owned())]);
    assert_eq!(status(&app), "set the provider of 1 action(s) to \"mycrm\", the integration's name");
    assert!(focused_codes(&app).is_empty());
    assert!(app.doc.modified);
    press(&mut app, key(KeyCode::Char('f')));
    assert!(status(&app).contains("already \"mycrm\""), "{}", status(&app));
}

#[test]
fn enter_on_the_provider_row_also_sets_it_to_the_name() {
    let mut value = mycrm_value();
    value["actions"][0]["provider"] = json!("MyCRM");
    let mut app = opened(&value.to_string());
    open_action(&mut app, 0);
    focus_row(&mut app, |row| *row == Row::Provider(0));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(providers(&app), [Some("mycrm".to_owned())]);
    assert!(app.editor().is_none(), "the provider is not typed in");
}

#[test]
fn f_lowercases_the_display_and_the_description_as_talkdesk_shows_them() {
    let mut value = mycrm_value();
    value["actions"][0]["display"] = json!("Create a ticket");
    value["actions"][0]["description"] = json!("Create a new ticket in My CRM");
    let mut app = opened(&value.to_string());
    open_action(&mut app, 0);

    focus_key(&mut app, "display");
    assert_eq!(focused_codes(&app), ["display-uppercase"]);
    press(&mut app, alt(KeyCode::Char('f')));
    assert_eq!(text(&app, Owner::Action(0), ActionKey::Display).as_deref(), Some("create a ticket"));
    assert!(status(&app).contains("Then create a ticket"), "{}", status(&app));
    assert!(focused_codes(&app).is_empty());
    let screen = screen_text(&mut app, 140, 40);
    assert!(screen.contains("Talkdesk shows: \"Then create a ticket\""), "{screen}");

    focus_key(&mut app, "description");
    assert_eq!(focused_codes(&app), ["description-uppercase"]);
    press(&mut app, alt(KeyCode::Char('f')));
    assert_eq!(text(&app, Owner::Action(0), ActionKey::Description).as_deref(), Some("create a new ticket in My CRM"));
    assert!(status(&app).contains("Then create a new ticket in My CRM"), "{}", status(&app));

    // Elsewhere f changes nothing and says what it is for.
    focus_key(&mut app, "name");
    let before = written(&app);
    press(&mut app, alt(KeyCode::Char('f')));
    assert_eq!(written(&app), before);
    assert!(status(&app).contains("quick fix lowercases"), "{}", status(&app));
}
