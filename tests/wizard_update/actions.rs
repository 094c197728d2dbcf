//! Actions and inputs from the update's side.

use super::*;

#[test]
fn an_added_action_gets_the_integration_name_as_provider_and_an_input_list() {
    let mut app = mycrm();
    press(&mut app, alt('5'));
    press(&mut app, key(KeyCode::Char('a')));
    assert_eq!(app.page, Page::Action(1));
    assert_eq!(written(&app)["actions"][1], json!({"provider": "mycrm", "inputs": []}));
    press(&mut app, alt('a'));
    assert_eq!(app.page, Page::Input { action: 1, input: 0 });
    focus_key(&mut app, "type");
    for _ in 0..6 {
        press(&mut app, key(KeyCode::Right));
    }
    assert_eq!(text(&app, Owner::Input { action: 1, input: 0 }, "type").as_deref(), Some("select"));
    assert!(status(&app).contains("select"), "select explains its options: {}", status(&app));
    assert_eq!(app.rows().last(), Some(&Row::AddOption { action: 1, input: 0 }), "a select's options are a list");
    press(&mut app, key(KeyCode::Char('a')));
    type_text(&mut app, "low");
    press(&mut app, key(KeyCode::Enter));
    // Enter went on to the add row, where a character is typed: the command takes Alt.
    assert_eq!(app.focused_row(), Some(Row::AddOption { action: 1, input: 0 }));
    press(&mut app, alt('a'));
    type_text(&mut app, "high");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, alt('a'));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(written(&app)["actions"][1]["inputs"][0]["format"], "low,high", "an option left empty is dropped");
}

#[test]
fn f_lowercases_an_action_display() {
    let mut changed = mycrm_value();
    changed["actions"][0]["display"] = json!("Create a ticket");
    let mut app = opened(&changed.to_string());
    press(&mut app, alt('5'));
    press(&mut app, key(KeyCode::Enter));
    focus_key(&mut app, "display");
    press(&mut app, alt('f'));
    assert_eq!(text(&app, Owner::Action(0), "display").as_deref(), Some("create a ticket"));
    assert!(status(&app).contains("Then create a ticket"), "{}", status(&app));
}
