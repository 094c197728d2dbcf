//! Moving between steps with digits, Tab and Shift-Tab.

use super::*;

#[test]
fn digit_keys_go_to_each_step() {
    let mut app = mycrm();
    // Alt-digits, since the first row of a step is often a text field, where a digit is typed.
    for (digit, step) in ('1'..='6').zip(Step::ALL) {
        press(&mut app, alt(digit));
        assert_eq!(app.page, Page::Step(step), "key {digit}");
        if step == Step::Authentication {
            assert_eq!(app.focused_row(), Some(Row::AuthType(AuthenticationType::Custom)), "on the chosen type");
        } else {
            assert_eq!(app.focus, 0);
        }
    }
    press(&mut app, alt('2'));
    assert_eq!(app.page, Page::Step(Step::Features), "back to an earlier step");
}

#[test]
fn digits_are_text_inside_an_editor_not_steps() {
    let mut app = blank();
    press(&mut app, key(KeyCode::Enter));
    assert!(app.editor().is_some());
    press(&mut app, key(KeyCode::Char('3')));
    assert_eq!(app.page, Page::Step(Step::Integration));
    assert_eq!(text(&app, Owner::Integration, "name").as_deref(), Some("3"));
}

#[test]
fn tab_at_the_end_of_a_page_goes_on_to_the_next_step_and_shift_tab_comes_back() {
    let mut app = mycrm();
    let rows = app.rows().len();
    for _ in 0..rows - 1 {
        press(&mut app, key(KeyCode::Tab));
    }
    assert_eq!((app.page, app.focus), (Page::Step(Step::Integration), rows - 1), "Tab moves row by row first");
    press(&mut app, key(KeyCode::Tab));
    assert_eq!((app.page, app.focus), (Page::Step(Step::Features), 0));
    press(&mut app, key(KeyCode::BackTab));
    assert_eq!(app.page, Page::Step(Step::Integration));
    assert_eq!(app.focus, rows - 1, "Shift-Tab comes back to the last row of the previous step");
    press(&mut app, key(KeyCode::BackTab));
    assert_eq!(app.focus, rows - 2);
}

#[test]
fn tab_through_every_step_ends_on_review_and_stays_there() {
    let mut app = mycrm();
    for _ in 0..200 {
        press(&mut app, key(KeyCode::Tab));
    }
    assert_eq!(app.page, Page::Step(Step::Review));
    for _ in 0..200 {
        press(&mut app, key(KeyCode::BackTab));
    }
    assert_eq!((app.page, app.focus), (Page::Step(Step::Integration), 0));
}
