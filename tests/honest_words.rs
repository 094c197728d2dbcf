//! Small words that must be true: the preview shows no `"requires_cti": null` the file will not hold,
//! step 6 counts the changes of an opened file not saved yet, and the try-it prompt keeps its label
//! while a value is typed.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

mod support;

use integration_wizard::manifest::read;
use integration_wizard::wizard::testing::action::Action;
use integration_wizard::wizard::testing::app::App;
use integration_wizard::wizard::testing::document::Document;
use integration_wizard::wizard::testing::examples::EXAMPLES;
use integration_wizard::wizard::testing::view::theme::Theme;
use ratatui::crossterm::event::KeyCode;
use std::path::PathBuf;
use support::*;

#[test]
fn the_preview_shows_no_null_for_a_cti_never_set() {
    let mut app = blank();
    press(&mut app, alt('2'));
    focus_key(&mut app, "requires_cti");
    let screen = screen_text(&mut app, 120, 40);
    assert!(!screen.contains("\"requires_cti\": null"), "{screen}");
    assert!(screen.contains("\"requires_cti\" not set"), "{screen}");
}

/// mycrm opened from a file on disk.
fn opened_file() -> App {
    let parsed = read(EXAMPLES[0].json.as_bytes()).expect("the example reads");
    let mut app = App::editing(Document::opened(parsed, Some(PathBuf::from("mycrm.json"))));
    app.theme = Theme { color: false, ..Theme::default() };
    app
}

#[test]
fn step_6_counts_the_changes_of_an_opened_file_not_saved() {
    let mut app = opened_file();
    for (key, value) in [("display_name", "One"), ("description", "Two"), ("logo_url", "https://example.org/3.png")] {
        focus_key(&mut app, key);
        app.update(Action::Activate);
        press(&mut app, ctrl('u'));
        type_text(&mut app, value);
        app.update(Action::Activate);
    }
    let screen = screen_text(&mut app, 120, 40);
    assert!(screen.contains("3 unsaved changes"), "{screen}");
    assert!(!screen.contains("not saved yet"), "{screen}");
}

#[test]
fn the_try_it_prompt_keeps_its_label_while_typing() {
    let mut value = mycrm_value();
    value["integration"]["auth_validation_endpoint"] = "http://127.0.0.1:9/auth".into();
    let mut app = opened(&value.to_string());
    app.jump_to("/integration/auth_validation_endpoint");
    press(&mut app, alt('t'));
    let screen = screen_text(&mut app, 120, 40);
    assert!(screen.contains("Account:"), "{screen}");
    press(&mut app, key(KeyCode::Char('a')));
    let screen = screen_text(&mut app, 120, 40);
    let line = screen.lines().find(|line| line.contains("Account:")).unwrap_or_else(|| panic!("{screen}"));
    assert!(line.contains("Account:") && line.contains(" a"), "{line}");
}

#[test]
fn a_field_is_judged_when_it_is_finished_not_while_half_typed() {
    let mut app = mycrm();
    app.jump_to("/integration/authentication_configuration/0/format");
    app.update(Action::Activate);
    press(&mut app, ctrl('u'));
    type_text(&mut app, "https://{{");
    // The form and the help under it: where the field's problem would show.
    let beside_the_field = |app: &mut App| {
        let screen = screen_text(app, 120, 40);
        let areas = integration_wizard::wizard::testing::layout::areas(app);
        let lines: Vec<&str> = screen.lines().collect();
        let (top, bottom) = (usize::from(areas.form.y), usize::from(areas.hints.y));
        let form_and_help: Vec<String> = lines[top..bottom]
            .iter()
            .map(|line| line.chars().skip(usize::from(areas.form.x)).take(usize::from(areas.form.width)).collect())
            .collect();
        form_and_help.join("\n")
    };
    let shown = beside_the_field(&mut app);
    assert!(!shown.contains('✗'), "an error flashed while typing:\n{shown}");
    // A name no field has: no completion takes the Enter, which finishes the field.
    type_text(&mut app, "nobody");
    app.update(Action::Activate);
    let shown = beside_the_field(&mut app);
    assert!(shown.contains('✗'), "finished, the field is judged:\n{shown}");
}

#[test]
fn the_step_list_counts_a_field_when_it_is_finished_not_while_half_typed() {
    let mut app = mycrm();
    // The step list: where each step's errors are counted.
    let step_list = |app: &mut App| {
        let screen = screen_text(app, 120, 40);
        let areas = integration_wizard::wizard::testing::layout::areas(app);
        let lines: Vec<&str> = screen.lines().collect();
        let (top, bottom) = (usize::from(areas.steps.y), usize::from(areas.steps.bottom()));
        let steps: Vec<String> = lines[top..bottom]
            .iter()
            .map(|line| line.chars().skip(usize::from(areas.steps.x)).take(usize::from(areas.steps.width)).collect())
            .collect();
        steps.join("\n")
    };
    let before = step_list(&mut app);
    assert!(!before.contains('✗'), "mycrm has no error to start with:\n{before}");
    app.jump_to("/integration/authentication_configuration/0/format");
    app.update(Action::Activate);
    press(&mut app, ctrl('u'));
    for text in ["https://{{", "nobody"] {
        type_text(&mut app, text);
        let shown = step_list(&mut app);
        assert!(!shown.contains('✗'), "the step list counted an error while typing {text:?}:\n{shown}");
    }
    app.update(Action::Activate);
    let shown = step_list(&mut app);
    assert!(shown.contains('✗'), "finished, the field is counted:\n{shown}");
}
