//! From the review into an input.

use super::*;

/// mycrm with four actions of three inputs; the third input of the fourth has a number default that is not one.
fn four_actions_one_bad_default() -> App {
    let mut value = mycrm_value();
    let first = value["actions"][0].clone();
    let actions = value["actions"].as_array_mut().expect("actions");
    for name in ["update_ticket", "close_ticket", "find_ticket"] {
        let mut action = first.clone();
        action["name"] = json!(name);
        actions.push(action);
    }
    value["actions"][3]["inputs"][2] =
        json!({"key": "count", "name": "Count", "mandatory": false, "type": "number", "format": "several"});
    opened(&value.to_string())
}

#[test]
fn enter_on_a_review_finding_about_an_input_format_opens_that_field_and_esc_climbs_back_to_the_review() {
    let mut app = four_actions_one_bad_default();
    let pointer = "/actions/3/inputs/2/format";
    let finding = focus_finding(&mut app, pointer);
    let review_focus = app.focus;
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.page, Page::Input { action: 3, input: 2 });
    assert_eq!(focused_key(&app), Some("format"), "exactly the field of the finding");
    assert_eq!(focused_codes(&app), ["default-not-number"]);
    press(&mut app, key(KeyCode::Enter));
    assert!(app.editor().is_some(), "Enter edits it at once");
    press(&mut app, key(KeyCode::Esc));
    assert!(app.editor().is_none());

    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.page, Page::Action(3));
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::Inputs(3), 2)));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.page, Page::Step(Step::Actions));
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::Actions, 3)));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.page, Page::Step(Step::Review));
    assert_eq!((app.focus, app.focused_row()), (review_focus, Some(Row::Finding(finding))), "on the same finding");
}

#[test]
fn jumping_to_any_input_field_focuses_it() {
    let mut app = four_actions_one_bad_default();
    for key in ["key", "name", "mandatory", "type"] {
        app.jump_to(&format!("/actions/1/inputs/1/{key}"));
        assert_eq!(app.page, Page::Input { action: 1, input: 1 });
        assert_eq!(focused_key(&app), Some(key));
    }
    for input in 0..2 {
        app.jump_to(&format!("/actions/2/inputs/{input}/format"));
        assert_eq!(app.page, Page::Input { action: 2, input });
        assert_eq!(focused_key(&app), Some("format"));
    }
    // A select's format is its options: the jump lands on the list of options.
    app.jump_to("/actions/2/inputs/2/format");
    assert_eq!(app.page, Page::Input { action: 2, input: 2 });
    assert!(
        matches!(app.focused_row(), Some(Row::SelectOption { index: 0, .. } | Row::AddOption { .. })),
        "{:?}",
        app.focused_row()
    );
}

#[test]
fn fixing_the_default_from_the_review_leaves_no_problem() {
    let mut app = four_actions_one_bad_default();
    app.update(Action::GoTo(Step::Review));
    focus_row(&mut app, |row| matches!(row, Row::Finding(_)));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(focused_key(&app), Some("format"));
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ctrl('u'));
    type_text(&mut app, "3");
    press(&mut app, key(KeyCode::Enter));
    assert!(!app.doc.has_errors(), "{:?}", app.doc.diagnostics());
    assert_eq!(written(&app)["actions"][3]["inputs"][2]["format"], "3");
}
