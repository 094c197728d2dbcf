//! Typing a form: Enter finishes every field (Alt-Enter / Ctrl-J break a line), a character typed on a
//! focused text field starts editing it, one-character commands there take Alt, `?` lists the editor
//! keys, and a message answering a keystroke goes once the author moves on.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

mod support;

use integration_wizard::manifest::edit::Owner;
use integration_wizard::manifest::rules::codes::Rule;
use integration_wizard::manifest::{Slot, validate};
use integration_wizard::wizard::testing::action::Action;
use integration_wizard::wizard::testing::app::App;
use integration_wizard::wizard::testing::editor::TextBox;
use integration_wizard::wizard::testing::form::Row;
use integration_wizard::wizard::testing::keys::action_for;
use integration_wizard::wizard::testing::panels::keys::KeysPanel;
use integration_wizard::wizard::testing::step::{Page, Step};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use support::*;

fn text(app: &App, owner: Owner, key: impl integration_wizard::manifest::ObjectKey) -> Option<String> {
    app.doc.manifest.text(owner, key).and_then(Slot::as_str).map(str::to_owned)
}

fn status(app: &App) -> &str {
    app.status.as_deref().unwrap_or("")
}

fn hint_bar(app: &mut App) -> String {
    screen_text(app, 120, 40).lines().last().unwrap_or_default().to_owned()
}

// ----- Enter finishes every field -----

#[test]
fn enter_finishes_a_description_and_goes_on_with_no_line_break_left() {
    let mut app = blank();
    focus_key(&mut app, "description");
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "Helps agents.");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.editor().is_none(), "Enter finished the description");
    assert_eq!(focused_key(&app), Some("logo_url"), "and went on to the next field");
    assert_eq!(
        text(&app, Owner::Integration, integration_wizard::manifest::IntegrationKey::Description).as_deref(),
        Some("Helps agents.")
    );
}

#[test]
fn alt_enter_and_ctrl_j_break_the_line_and_the_hint_bar_says_so() {
    let mut app = blank();
    focus_key(&mut app, "description");
    press(&mut app, key(KeyCode::Enter));
    let hints = hint_bar(&mut app);
    assert!(hints.contains("Enter done") && hints.contains("Alt-Enter new line"), "{hints}");
    type_text(&mut app, "one");
    press(&mut app, key_with(KeyCode::Enter, KeyModifiers::ALT));
    type_text(&mut app, "two");
    press(&mut app, ctrl('j'));
    type_text(&mut app, "three");
    assert!(app.editor().is_some(), "a line break does not finish");
    assert_eq!(
        text(&app, Owner::Integration, integration_wizard::manifest::IntegrationKey::Description).as_deref(),
        Some("one\ntwo\nthree")
    );
}

#[test]
fn alt_enter_in_a_one_line_field_finishes_it_without_a_line_break() {
    let mut app = blank();
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "mycrm");
    press(&mut app, key_with(KeyCode::Enter, KeyModifiers::ALT));
    assert!(app.editor().is_none());
    assert_eq!(
        text(&app, Owner::Integration, integration_wizard::manifest::IntegrationKey::Name).as_deref(),
        Some("mycrm")
    );
}

// ----- typing on a focused field -----

#[test]
fn a_character_typed_on_an_empty_field_starts_editing_it() {
    let mut app = blank();
    for c in "mycrm".chars() {
        press(&mut app, key(KeyCode::Char(c)));
    }
    assert!(app.editor().is_some());
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(
        text(&app, Owner::Integration, integration_wizard::manifest::IntegrationKey::Name).as_deref(),
        Some("mycrm")
    );
    assert_eq!(focused_key(&app), Some("display_name"));
}

#[test]
fn typing_replaces_a_value_esc_puts_it_back_and_enter_edits_it_as_it_is() {
    let mut app = mycrm();
    focus_key(&mut app, "display_name");
    press(&mut app, key(KeyCode::Char('X')));
    assert_eq!(
        text(&app, Owner::Integration, integration_wizard::manifest::IntegrationKey::DisplayName).as_deref(),
        Some("X"),
        "replaced"
    );
    assert!(status(&app).contains("Esc puts it back"), "{}", status(&app));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(
        text(&app, Owner::Integration, integration_wizard::manifest::IntegrationKey::DisplayName).as_deref(),
        Some("My CRM"),
        "put back"
    );

    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, " Cloud");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(
        text(&app, Owner::Integration, integration_wizard::manifest::IntegrationKey::DisplayName).as_deref(),
        Some("My CRM Cloud"),
        "Enter appends"
    );
}

#[test]
fn typing_on_a_description_replaces_it_in_a_multi_line_editor() {
    let mut app = mycrm();
    focus_key(&mut app, "description");
    press(&mut app, key(KeyCode::Char('N')));
    assert!(matches!(app.editor().map(|editor| &editor.text), Some(TextBox::Area(_))));
    assert_eq!(
        text(&app, Owner::Integration, integration_wizard::manifest::IntegrationKey::Description).as_deref(),
        Some("N")
    );
}

#[test]
fn digits_type_on_a_text_field_and_go_to_steps_elsewhere_alt_digits_everywhere() {
    let mut app = mycrm();
    press(&mut app, key(KeyCode::Char('2')));
    assert_eq!(app.page, Page::Step(Step::Integration));
    assert_eq!(
        text(&app, Owner::Integration, integration_wizard::manifest::IntegrationKey::Name).as_deref(),
        Some("2"),
        "typed into the name"
    );
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, alt('3'));
    assert_eq!(app.page, Page::Step(Step::Authentication), "Alt-3 from a text field");
    assert!(!matches!(app.focused_row(), Some(Row::Text { .. })), "the picker is not a text field");
    press(&mut app, key(KeyCode::Char('5')));
    assert_eq!(app.page, Page::Step(Step::Actions), "a plain digit where it is not typed");
    press(&mut app, alt('1'));
    assert_eq!(app.page, Page::Step(Step::Integration), "Alt-digits work there too");
}

#[test]
fn every_one_character_command_takes_alt_on_a_text_field() {
    let app = mycrm();
    assert!(matches!(app.focused_row(), Some(Row::Text { .. })));
    for c in ['a', 'c', 'x', '/', 'f', 'p', 'w', 't', '?', '1', '6'] {
        let plain = action_for(&app, &key(KeyCode::Char(c)));
        assert_eq!(plain, Some(Action::Type(c)), "{c} is typed on a text field");
        let with_alt = action_for(&app, &alt(c));
        assert!(with_alt.is_some() && with_alt != Some(Action::Type(c)), "Alt-{c} is a command: {with_alt:?}");
    }
    assert_eq!(action_for(&app, &key(KeyCode::F(1))), Some(Action::Help), "F1 opens the key list");
    let hints = hint_bar(&mut app.clone());
    assert!(hints.contains("type to replace") && hints.contains("F1 keys"), "{hints}");
    assert!(hints.contains("Alt-1-6 steps") && !hints.contains("? keys"), "{hints}");
}

#[test]
fn list_rows_keep_their_one_letter_commands() {
    let mut app = mycrm();
    press(&mut app, alt('5'));
    assert!(matches!(app.focused_row(), Some(Row::Item(..))));
    assert_eq!(action_for(&app, &key(KeyCode::Char('a'))), Some(Action::Add));
    assert_eq!(action_for(&app, &key(KeyCode::Char('?'))), Some(Action::Help));
    assert_eq!(action_for(&app, &key(KeyCode::Char('x'))), Some(Action::Delete));
}

// ----- the ? panel -----

#[test]
fn the_key_list_names_the_editor_keys_and_ctrl_e_opens_the_editor_not_the_line_end() {
    let app = mycrm();
    let lines = app.keys.help_lines();
    let labels: Vec<&str> = lines.iter().map(|(label, _)| label.as_str()).collect();
    for wanted in ["Ctrl-U", "Ctrl-W", "Home End", "Alt-Enter or Ctrl-J", "Ctrl-K", "Ctrl-Y", "F1"] {
        assert!(labels.iter().any(|label| label.contains(wanted)), "{wanted} missing from {labels:?}");
    }
    let ctrl_e: Vec<&(String, &str)> = lines.iter().filter(|(label, _)| label.contains("Ctrl-E")).collect();
    assert!(
        !ctrl_e.is_empty() && ctrl_e.iter().all(|(_, what)| what.contains("$EDITOR") && !what.contains("end of")),
        "Ctrl-E opens the editor, it is not the line end here: {ctrl_e:?}"
    );
    let mut app = app;
    press(&mut app, key(KeyCode::F(1)));
    assert!(matches!(app.panel_as::<KeysPanel>(), Some(KeysPanel { .. })));
    let screen = screen_text(&mut app, 140, 40);
    assert!(screen.contains("clear the text"), "{screen}");
}

#[test]
fn the_editor_keys_of_the_table_edit_the_text() {
    let mut app = mycrm();
    focus_key(&mut app, "display_name");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ctrl('w'));
    assert_eq!(
        text(&app, Owner::Integration, integration_wizard::manifest::IntegrationKey::DisplayName).as_deref(),
        Some("My ")
    );
    press(&mut app, key(KeyCode::Home));
    type_text(&mut app, ">");
    assert_eq!(
        text(&app, Owner::Integration, integration_wizard::manifest::IntegrationKey::DisplayName).as_deref(),
        Some(">My ")
    );
    press(&mut app, ctrl('u'));
    assert_eq!(app.editor().map(|editor| editor.text.value()).as_deref(), Some(""), "Ctrl-U cleared it");
}

// ----- messages -----

#[test]
fn a_message_answering_a_keystroke_goes_when_the_next_keystroke_changes_something() {
    let mut app = mycrm();
    press(&mut app, alt('5'));
    press(&mut app, key(KeyCode::Char('M')));
    assert!(status(&app).contains("'M' does nothing"), "{}", status(&app));
    press(&mut app, key(KeyCode::Left));
    assert!(status(&app).contains("'M'"), "a key that changes nothing leaves it: {}", status(&app));
    press(&mut app, key(KeyCode::Down));
    assert_eq!(app.status, None, "moving on clears it");
}

#[test]
fn a_message_about_an_edit_stays_when_enter_finishes_it() {
    let mut app = mycrm();
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "2");
    press(&mut app, key(KeyCode::Enter));
    assert!(status(&app).contains("renamed the provider"), "{}", status(&app));
    press(&mut app, key(KeyCode::Down));
    assert_eq!(app.status, None);
}

// ----- the trailing line break -----

#[test]
fn a_line_break_ending_a_one_paragraph_help_is_a_warning_the_quick_fix_removes() {
    let mut value = mycrm_value();
    value["integration"]["description"] = serde_json::json!("Helps agents.\n");
    let mut app = opened(&value.to_string());
    let found: Vec<_> = validate(&app.doc.manifest)
        .into_iter()
        .filter(|finding| finding.code == Rule::TrailingLineBreak.code())
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].pointer, "/integration/description");
    focus_key(&mut app, "description");
    press(&mut app, alt('f'));
    assert_eq!(
        text(&app, Owner::Integration, integration_wizard::manifest::IntegrationKey::Description).as_deref(),
        Some("Helps agents.")
    );
    assert!(validate(&app.doc.manifest).iter().all(|finding| finding.code != Rule::TrailingLineBreak.code()));
}

#[test]
fn validate_explains_the_trailing_line_break() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_integration-wizard"))
        .args(["validate", "--explain", Rule::TrailingLineBreak.code()])
        .output()
        .expect("the binary runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{text} {}", String::from_utf8_lossy(&output.stderr));
    assert!(text.contains("line break"), "{text}");
}
