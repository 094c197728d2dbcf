//! The wizard's update logic without a terminal: actions (and a few key events) in, state and manifest out.

mod support;

use integration_wizard::manifest::edit::{ListRef, Owner};
use integration_wizard::manifest::{AuthenticationType, Slot, read, to_json};
use integration_wizard::wizard::action::{Action, Opened, SaveFailure};
use integration_wizard::wizard::app::{App, Effect, Screen};
use integration_wizard::wizard::document::Document;
use integration_wizard::wizard::editor::TextBox;
use integration_wizard::wizard::form::Row;
use integration_wizard::wizard::keys::action_for;
use integration_wizard::wizard::overlay::{Overlay, PromptPurpose};
use integration_wizard::wizard::step::{Page, Step};
use ratatui::crossterm::event::{Event, KeyCode, KeyModifiers};
use serde_json::json;
use std::path::PathBuf;
use support::*;
use tui_input::InputRequest;

fn text(app: &App, owner: Owner, key: &str) -> Option<String> {
    let key = owner.key_named(key).unwrap_or_else(|| panic!("{key} is no key of {owner:?}"));
    let manifest = &app.doc.manifest;
    let slot = manifest.text(owner, key).cloned().or_else(|| manifest.term(owner, key));
    slot.as_ref().and_then(Slot::as_str).map(str::to_owned)
}

fn field_names(app: &App) -> Vec<String> {
    (0..app.doc.manifest.auth_field_count())
        .map(|index| app.doc.manifest.auth_field(index).and_then(|f| f.field_name.as_str()).unwrap_or("?").to_owned())
        .collect()
}

fn interaction_types(app: &App) -> Vec<String> {
    app.doc
        .manifest
        .integration()
        .and_then(|i| i.interaction_types.get())
        .map(|types| types.iter().map(|t| t.as_str().unwrap_or("?").to_owned()).collect())
        .unwrap_or_default()
}

fn status(app: &App) -> &str {
    app.status.as_deref().unwrap_or("")
}

// ----- moving between steps -----

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
    assert!(app.editor.is_some());
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

// ----- editing a text field -----

#[test]
fn each_keystroke_updates_the_manifest() {
    let mut app = blank();
    assert!(!app.doc.modified);
    press(&mut app, key(KeyCode::Enter));
    assert!(app.editor.is_some(), "Enter edits the Name field");
    press(&mut app, key(KeyCode::Char('m')));
    assert_eq!(text(&app, Owner::Integration, "name").as_deref(), Some("m"));
    assert!(app.doc.modified);
    press_all(&mut app, "ycrm".chars().map(|c| key(KeyCode::Char(c))));
    assert_eq!(text(&app, Owner::Integration, "name").as_deref(), Some("mycrm"));
    assert!(to_json(&app.doc.manifest).contains("\"name\": \"mycrm\""), "the preview follows each keystroke");
    press(&mut app, key(KeyCode::Backspace));
    assert_eq!(text(&app, Owner::Integration, "name").as_deref(), Some("mycr"));
}

#[test]
fn esc_restores_the_old_value_and_the_modified_flag() {
    let mut app = mycrm();
    assert!(!app.doc.modified);
    focus_key(&mut app, "display_name");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ctrl('u'));
    type_text(&mut app, "Other");
    assert_eq!(text(&app, Owner::Integration, "display_name").as_deref(), Some("Other"));
    assert!(app.doc.modified);
    press(&mut app, key(KeyCode::Esc));
    assert!(app.editor.is_none());
    assert_eq!(text(&app, Owner::Integration, "display_name").as_deref(), Some("My CRM"));
    assert!(!app.doc.modified, "cancelling the only edit leaves nothing unsaved");
    assert_eq!(to_json(&app.doc.manifest), to_json(&mycrm().doc.manifest));
}

#[test]
fn esc_keeps_the_modified_flag_of_earlier_edits() {
    let mut app = mycrm();
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "x");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.doc.modified);
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "y");
    press(&mut app, key(KeyCode::Esc));
    assert!(app.doc.modified, "the first edit is still unsaved");
    assert_eq!(text(&app, Owner::Integration, "name").as_deref(), Some("mycrmx"));
}

#[test]
fn esc_on_a_cleared_name_restores_the_providers_too() {
    let mut app = mycrm();
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ctrl('u'));
    type_text(&mut app, "other");
    assert_eq!(text(&app, Owner::Action(0), "provider").as_deref(), Some("other"), "providers follow the name");
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(text(&app, Owner::Action(0), "provider").as_deref(), Some("mycrm"));
}

#[test]
fn enter_keeps_the_value_and_moves_focus_down() {
    let mut app = blank();
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "mycrm");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.editor.is_none());
    assert_eq!(focused_key(&app), Some("display_name"));
    assert_eq!(text(&app, Owner::Integration, "name").as_deref(), Some("mycrm"));
    assert!(app.doc.modified);
}

#[test]
fn tab_in_a_one_line_editor_keeps_the_value_and_moves_on() {
    let mut app = blank();
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "mycrm");
    press(&mut app, key(KeyCode::Tab));
    assert!(app.editor.is_none());
    assert_eq!(focused_key(&app), Some("display_name"));
    assert_eq!(text(&app, Owner::Integration, "name").as_deref(), Some("mycrm"));
}

#[test]
fn clearing_an_optional_field_removes_its_key() {
    let mut app = mycrm();
    press(&mut app, alt('4'));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.page, Page::AuthField(0));
    focus_key(&mut app, "format");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ctrl('u'));
    press(&mut app, key(KeyCode::Enter));
    let field = &written(&app)["integration"]["authentication_configuration"][0];
    assert!(field.get("format").is_none(), "format is gone: {field}");
    assert_eq!(field["help"], "under Settings > Account", "the other keys stay");
}

#[test]
fn the_multi_line_description_takes_alt_enter_as_a_line_break_and_tab_to_finish() {
    let mut app = blank();
    focus_key(&mut app, "description");
    press(&mut app, key(KeyCode::Enter));
    assert!(matches!(app.editor.as_ref().map(|e| &e.text), Some(TextBox::Area(_))), "a multi-line editor");
    type_text(&mut app, "first line");
    press(&mut app, key_with(KeyCode::Enter, KeyModifiers::ALT));
    assert!(app.editor.is_some(), "Alt-Enter does not finish");
    type_text(&mut app, "second");
    assert_eq!(text(&app, Owner::Integration, "description").as_deref(), Some("first line\nsecond"));
    press(&mut app, key(KeyCode::Up));
    type_text(&mut app, "!");
    assert_eq!(
        text(&app, Owner::Integration, "description").as_deref(),
        Some("first !line\nsecond"),
        "Up keeps the column"
    );
    press(&mut app, key(KeyCode::Tab));
    assert!(app.editor.is_none(), "Tab finishes");
    assert_eq!(focused_key(&app), Some("logo_url"), "and moves on, as Tab does elsewhere");
    assert_eq!(written(&app)["integration"]["description"], "first !line\nsecond");
}

#[test]
fn enter_also_finishes_a_multi_line_text() {
    let mut app = blank();
    focus_key(&mut app, "description");
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "one");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.editor.is_none());
    assert_eq!(text(&app, Owner::Integration, "description").as_deref(), Some("one"));
}

#[test]
fn a_paste_into_a_one_line_field_keeps_one_line() {
    let mut app = blank();
    press(&mut app, Event::Paste("my\ncrm\r\nname".into()));
    assert!(app.editor.is_some(), "a paste on a text row opens its editor");
    assert_eq!(text(&app, Owner::Integration, "name").as_deref(), Some("my crm name"));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(focused_key(&app), Some("display_name"));
}

#[test]
fn a_paste_into_the_description_keeps_its_lines() {
    let mut app = blank();
    focus_key(&mut app, "description");
    press(&mut app, Event::Paste("one\r\ntwo".into()));
    assert_eq!(text(&app, Owner::Integration, "description").as_deref(), Some("one\ntwo"));
}

// ----- authentication -----

fn choose(app: &mut App, kind: AuthenticationType) {
    press(app, alt('3'));
    focus_row(app, |row| *row == Row::AuthType(kind));
    press(app, key(KeyCode::Char(' ')));
}

#[test]
fn choosing_oauth2_adds_the_five_required_fields_and_names_them() {
    let mut app = blank();
    choose(&mut app, AuthenticationType::OAuth2);
    assert_eq!(app.doc.manifest.authentication_type(), Some(AuthenticationType::OAuth2));
    let required = ["site", "client_id", "client_secret", "authorization_url", "access_token_url"];
    assert_eq!(field_names(&app), required);
    for name in required {
        assert!(status(&app).contains(name), "the status names {name}: {}", status(&app));
    }
    assert!(app.doc.modified);
    let secret = &written(&app)["integration"]["authentication_configuration"][2];
    assert_eq!(secret["type"], "password");
    assert_eq!((&secret["mandatory"], &secret["store"]), (&json!(true), &json!(true)));
}

#[test]
fn switching_authentication_type_keeps_the_authors_fields() {
    let mut app = mycrm();
    choose(&mut app, AuthenticationType::OAuth2ClientCredentials);
    assert_eq!(field_names(&app), ["account", "token", "site", "client_id", "client_secret", "access_token_url"]);
    choose(&mut app, AuthenticationType::None);
    assert_eq!(app.doc.manifest.auth_field_count(), 6, "nothing deleted");
    // The switch says which fields are no longer required; removing them waits for the author's key.
    assert!(
        status(&app).starts_with(
            "authentication type: none; no longer required: site, client_id, client_secret, access_token_url"
        ),
        "{}",
        status(&app)
    );
}

#[test]
fn enter_also_chooses_an_authentication_type() {
    let mut app = blank();
    press(&mut app, alt('3'));
    focus_row(&mut app, |row| *row == Row::AuthType(AuthenticationType::Custom));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.doc.manifest.authentication_type(), Some(AuthenticationType::Custom));
}

#[test]
fn required_fields_cannot_be_deleted_or_renamed_while_oauth2_is_chosen() {
    let mut app = blank();
    choose(&mut app, AuthenticationType::OAuth2);
    press(&mut app, alt('4'));
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::AuthFields, 0)));
    press(&mut app, key(KeyCode::Delete));
    assert!(app.overlay.is_none(), "no question: it cannot be deleted");
    assert!(status(&app).contains("oauth2 requires this field"), "{}", status(&app));
    assert_eq!(app.doc.manifest.auth_field_count(), 5);

    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.page, Page::AuthField(0));
    assert_eq!(focused_key(&app), Some("field_name"));
    press(&mut app, key(KeyCode::Enter));
    assert!(app.editor.is_none(), "the name cannot be edited");
    assert!(status(&app).contains("cannot be renamed"), "{}", status(&app));
    press(&mut app, Event::Paste("renamed".into()));
    assert_eq!(field_names(&app)[0], "site", "not by a paste either");

    focus_key(&mut app, "display");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.editor.is_some(), "its display can be changed");
    press(&mut app, key(KeyCode::Esc));

    // Once another type is chosen, the field is the author's to remove.
    choose(&mut app, AuthenticationType::Custom);
    press(&mut app, alt('4'));
    press(&mut app, key(KeyCode::Delete));
    assert!(matches!(app.overlay, Some(Overlay::ConfirmDelete { .. })));
}

#[test]
fn auth_fields_are_hidden_behind_an_explanation_when_the_type_is_none() {
    let mut app = blank();
    choose(&mut app, AuthenticationType::None);
    press(&mut app, alt('4'));
    assert!(status(&app).contains("authentication type is none"), "{}", status(&app));
}

// ----- authentication field list -----

#[test]
fn an_added_auth_field_opens_its_form_with_sensible_defaults() {
    let mut app = blank();
    press(&mut app, alt('4'));
    assert_eq!(app.rows(), [Row::Add(ListRef::AuthFields)]);
    // On the add row a character is typed (into the new field's name): the command takes Alt there.
    press(&mut app, alt('a'));
    assert_eq!(app.page, Page::AuthField(0));
    assert_eq!(focused_key(&app), Some("field_name"));
    let field = &written(&app)["integration"]["authentication_configuration"][0];
    assert_eq!(field, &json!({"mandatory": true, "type": "input", "store": true}));
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "account");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "Account");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(focused_key(&app), Some("help"), "Enter passes over the toggles and the type, which hold defaults");
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.page, Page::Step(Step::AuthFields), "Esc goes back to the list");
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::AuthFields, 0)));
    assert_eq!(field_names(&app), ["account"]);
}

#[test]
fn enter_on_the_add_row_adds_a_field() {
    let mut app = mycrm();
    press(&mut app, alt('4'));
    focus_row(&mut app, |row| *row == Row::Add(ListRef::AuthFields));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.page, Page::AuthField(2));
    assert_eq!(app.doc.manifest.auth_field_count(), 3);
}

#[test]
fn the_type_of_an_auth_field_is_picked_with_the_arrows() {
    let mut app = mycrm();
    press(&mut app, alt('4'));
    press(&mut app, key(KeyCode::Enter));
    focus_key(&mut app, "type");
    press(&mut app, key(KeyCode::Right));
    assert_eq!(text(&app, Owner::AuthField(0), "type").as_deref(), Some("password"));
    press(&mut app, key(KeyCode::Right));
    press(&mut app, key(KeyCode::Right));
    assert_eq!(text(&app, Owner::AuthField(0), "type").as_deref(), Some("input"), "it wraps around");
    press(&mut app, key(KeyCode::Left));
    assert_eq!(text(&app, Owner::AuthField(0), "type").as_deref(), Some("oauth"));
    focus_key(&mut app, "mandatory");
    press(&mut app, key(KeyCode::Char(' ')));
    assert_eq!(written(&app)["integration"]["authentication_configuration"][0]["mandatory"], false);
}

#[test]
fn duplicating_an_auth_field_inserts_a_renamed_copy_after_it() {
    let mut app = mycrm();
    press(&mut app, alt('4'));
    press(&mut app, key(KeyCode::Char('c')));
    assert_eq!(field_names(&app), ["account", "account_copy", "token"]);
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::AuthFields, 1)), "the copy is focused");
    let fields = &written(&app)["integration"]["authentication_configuration"];
    assert_eq!(fields[1]["format"], fields[0]["format"]);
    assert!(app.doc.modified);
}

#[test]
fn deleting_an_auth_field_asks_first() {
    let mut app = mycrm();
    press(&mut app, alt('4'));
    press(&mut app, key(KeyCode::Delete));
    match &app.overlay {
        Some(Overlay::ConfirmDelete { list, index, label }) => {
            assert_eq!((*list, *index), (ListRef::AuthFields, 0));
            assert!(label.contains("account"), "{label}");
        }
        other => panic!("expected a delete question, got {other:?}"),
    }
    assert_eq!(app.doc.manifest.auth_field_count(), 2, "nothing deleted before the answer");
    press(&mut app, key(KeyCode::Esc));
    assert!(app.overlay.is_none());
    assert_eq!(field_names(&app), ["account", "token"], "Esc keeps it");
    assert!(!app.doc.modified);

    press(&mut app, key(KeyCode::Char('x')));
    press(&mut app, key(KeyCode::Char('n')));
    assert_eq!(field_names(&app), ["account", "token"], "n keeps it");

    press(&mut app, key(KeyCode::Delete));
    press(&mut app, key(KeyCode::Char('y')));
    assert!(app.overlay.is_none());
    assert_eq!(field_names(&app), ["token"], "y deletes it");
    assert!(app.doc.modified);
}

#[test]
fn auth_fields_are_reordered_with_shift_and_alt_arrows() {
    let mut app = mycrm();
    press(&mut app, alt('4'));
    press(&mut app, key_with(KeyCode::Down, KeyModifiers::SHIFT));
    assert_eq!(field_names(&app), ["token", "account"]);
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::AuthFields, 1)), "the focus follows the moved field");
    press(&mut app, key_with(KeyCode::Down, KeyModifiers::SHIFT));
    assert_eq!(field_names(&app), ["token", "account"], "the last one stays last");
    press(&mut app, key_with(KeyCode::Up, KeyModifiers::ALT));
    assert_eq!(field_names(&app), ["account", "token"]);
    assert_eq!(app.focus, 0);
    press(&mut app, key_with(KeyCode::Up, KeyModifiers::ALT));
    assert_eq!(field_names(&app), ["account", "token"], "the first one stays first");
}

// ----- interaction types and CTI -----

#[test]
fn interaction_types_are_added_edited_reordered_and_deleted_in_place() {
    let mut app = blank();
    press(&mut app, alt('2'));
    focus_row(&mut app, |row| *row == Row::Add(ListRef::InteractionTypes));
    press(&mut app, key(KeyCode::Enter));
    assert!(app.editor.is_some(), "a new type is edited at once");
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
    assert!(matches!(app.overlay, Some(Overlay::ConfirmDelete { list: ListRef::InteractionTypes, index: 0, .. })));
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

// ----- visible problems -----

#[test]
fn a_new_manifest_shows_no_problems_until_a_field_is_edited() {
    let mut app = blank();
    assert!(app.doc.has_errors(), "a blank manifest is not valid");
    assert_eq!(app.doc.visible().count(), 0, "but says nothing yet");
    for step in Step::ALL {
        assert_eq!(app.doc.step_counts(step), Default::default(), "{step:?}");
    }
    focus_key(&mut app, "logo_url");
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "not a url");
    let visible: Vec<&str> = app.doc.visible().map(|d| d.pointer.as_str()).collect();
    assert!(!visible.is_empty());
    assert!(visible.iter().all(|pointer| *pointer == "/integration/logo_url"), "{visible:?}");
    assert_eq!(app.doc.step_counts(Step::Integration).errors, 1);
}

#[test]
fn trying_to_save_shows_every_problem() {
    let mut app = blank();
    press(&mut app, ctrl('s'));
    assert!(app.doc.reveal_all);
    assert!(app.doc.visible().count() > 3);
    assert!(app.doc.step_counts(Step::Integration).errors >= 5, "name, display name, description, logo and icon");
}

#[test]
fn opening_a_file_with_errors_shows_them_at_once() {
    let mut broken = mycrm_value();
    broken["integration"]["logo_url"] = json!("not a url");
    let parsed = read(broken.to_string().as_bytes()).expect("object");
    let mut app = App::start(Vec::new());
    app.update(Action::Loaded {
        path: PathBuf::from("broken.json"),
        result: Ok(Box::new(Opened { parsed, disk_hash: 0 })),
    });
    assert_eq!(app.screen, Screen::Editor);
    assert!(app.doc.reveal_all);
    assert!(app.doc.visible().any(|d| d.pointer == "/integration/logo_url" && d.is_error()));
    assert_eq!(app.doc.step_counts(Step::Integration).errors, 1);
    assert!(status(&app).contains("1 error(s)"), "{}", status(&app));
    assert!(!app.doc.modified);
}

#[test]
fn a_file_that_cannot_be_read_leaves_the_start_screen_with_the_reason() {
    let mut app = App::start(Vec::new());
    app.update(Action::Loaded { path: PathBuf::from("x.json"), result: Err("line 1, column 2: bad".into()) });
    assert_eq!(app.screen, Screen::Start);
    assert!(status(&app).contains("x.json") && status(&app).contains("line 1, column 2"), "{}", status(&app));
}

// ----- saving and quitting -----

#[test]
fn ctrl_s_on_a_new_manifest_asks_for_a_path_named_after_the_integration() {
    let mut app = blank();
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "mycrm");
    let effects = press(&mut app, ctrl('s'));
    assert!(effects.is_empty());
    assert!(app.editor.is_none(), "Ctrl-S finishes the edit first");
    match &app.overlay {
        Some(Overlay::Prompt { purpose: PromptPurpose::SaveAs, input }) => assert_eq!(input.value(), "mycrm.json"),
        other => panic!("expected the save-as prompt, got {other:?}"),
    }
}

#[test]
fn a_nameless_manifest_is_offered_manifest_json() {
    let mut app = blank();
    press(&mut app, ctrl('s'));
    match &app.overlay {
        Some(Overlay::Prompt { input, .. }) => assert_eq!(input.value(), "manifest.json"),
        other => panic!("expected the save-as prompt, got {other:?}"),
    }
}

#[test]
fn the_save_as_prompt_takes_a_typed_path() {
    let mut app = mycrm();
    press(&mut app, ctrl('s'));
    assert!(matches!(app.overlay, Some(Overlay::Prompt { .. })), "the example has no path yet");
    press(&mut app, ctrl('u'));
    press_all(&mut app, "out/crm.json".chars().map(|c| key(KeyCode::Char(c))));
    let effects = press(&mut app, key(KeyCode::Enter));
    let (path, contents) = saved_contents(&effects);
    assert_eq!(path, PathBuf::from("out/crm.json"));
    assert_eq!(contents, to_json(&app.doc.manifest));
    assert!(app.overlay.is_none());
    app.update(Action::Saved { path: path.clone(), result: Ok(0) });
    assert_eq!(app.doc.path, Some(path));
    assert!(!app.doc.modified);
}

#[test]
fn esc_cancels_the_save_as_prompt() {
    let mut app = mycrm();
    press(&mut app, ctrl('s'));
    let effects = press(&mut app, key(KeyCode::Esc));
    assert!(effects.is_empty());
    assert!(app.overlay.is_none());
}

#[test]
fn a_manifest_with_errors_asks_before_saving() {
    let mut broken = mycrm_value();
    broken["integration"]["icon_url"] = json!("nope");
    let parsed = read(broken.to_string().as_bytes()).expect("object");
    let mut app = App::editing(Document::opened(parsed, Some(PathBuf::from("broken.json"))));

    let effects = press(&mut app, ctrl('s'));
    assert!(effects.is_empty(), "nothing written before the answer");
    match &app.overlay {
        Some(Overlay::ConfirmSave { path, reasons }) => {
            assert_eq!(path, &PathBuf::from("broken.json"));
            assert!(reasons.iter().any(|r| r.contains("1 error(s)")), "{reasons:?}");
        }
        other => panic!("expected a save question, got {other:?}"),
    }
    let effects = press(&mut app, key(KeyCode::Char('n')));
    assert!(effects.is_empty(), "n does not save");
    assert!(app.overlay.is_none());
    assert_eq!(status(&app), "not saved");

    press(&mut app, ctrl('s'));
    let effects = press(&mut app, key(KeyCode::Char('y')));
    let (path, contents) = saved_contents(&effects);
    assert_eq!(path, PathBuf::from("broken.json"));
    assert_eq!(contents, to_json(&app.doc.manifest));
    assert!(contents.contains("\"icon_url\": \"nope\""));
    assert!(contents.ends_with("}\n"));
}

#[test]
fn a_valid_manifest_with_a_path_is_saved_without_questions() {
    let parsed = read(support::mycrm_value().to_string().as_bytes()).expect("object");
    let mut app = App::editing(Document::opened(parsed, Some(PathBuf::from("mycrm.json"))));
    let effects = press(&mut app, ctrl('s'));
    let (_, contents) = saved_contents(&effects);
    assert_eq!(
        contents,
        integration_wizard::wizard::examples::EXAMPLES[0].json,
        "the example is already in the written layout"
    );
}

#[test]
fn a_failed_save_says_why_and_keeps_the_changes_unsaved() {
    let parsed = read(support::mycrm_value().to_string().as_bytes()).expect("object");
    let mut app = App::editing(Document::opened(parsed, Some(PathBuf::from("mycrm.json"))));
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "x");
    press(&mut app, key(KeyCode::Enter));
    let effects = press(&mut app, ctrl('s'));
    let (path, _) = saved_contents(&effects);
    let effects = app.update(Action::Saved { path, result: Err(SaveFailure::Failed("disk full".into())) });
    assert!(effects.is_empty());
    assert!(app.doc.modified);
    assert!(status(&app).contains("disk full"), "{}", status(&app));
}

#[test]
fn ctrl_q_without_changes_quits_at_once() {
    let mut app = mycrm();
    assert_eq!(press(&mut app, ctrl('q')), [Effect::Quit]);
    let mut app = mycrm();
    assert_eq!(press(&mut app, ctrl('c')), [Effect::Quit], "Ctrl-C too");
}

fn modified_mycrm_with_path() -> App {
    let parsed = read(support::mycrm_value().to_string().as_bytes()).expect("object");
    let mut app = App::editing(Document::opened(parsed, Some(PathBuf::from("mycrm.json"))));
    focus_key(&mut app, "display_name");
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "!");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.doc.modified);
    app
}

#[test]
fn ctrl_q_with_unsaved_changes_asks_and_q_quits_without_saving() {
    let mut app = modified_mycrm_with_path();
    let effects = press(&mut app, ctrl('q'));
    assert!(effects.is_empty());
    assert!(matches!(app.overlay, Some(Overlay::ConfirmQuit)));
    let effects = press(&mut app, key(KeyCode::Char('q')));
    assert_eq!(effects.last(), Some(&Effect::Quit), "{effects:?}");
    assert!(!effects.iter().any(|e| matches!(e, Effect::Save { .. })), "{effects:?}");
}

#[test]
fn ctrl_q_then_esc_keeps_editing() {
    let mut app = modified_mycrm_with_path();
    press(&mut app, ctrl('q'));
    let effects = press(&mut app, key(KeyCode::Esc));
    assert!(effects.is_empty());
    assert!(app.overlay.is_none());
    assert!(app.doc.modified);
}

#[test]
fn ctrl_q_then_s_saves_and_quits_once_the_save_succeeded() {
    let mut app = modified_mycrm_with_path();
    press(&mut app, ctrl('q'));
    let effects = press(&mut app, key(KeyCode::Char('s')));
    assert!(!effects.contains(&Effect::Quit), "not before the file is written: {effects:?}");
    let (path, contents) = saved_contents(&effects);
    assert!(contents.contains("\"display_name\": \"My CRM!\""));
    let effects = app.update(Action::Saved { path, result: Ok(0) });
    assert_eq!(effects.last(), Some(&Effect::Quit), "{effects:?}");
}

#[test]
fn ctrl_q_then_s_does_not_quit_when_the_save_fails() {
    let mut app = modified_mycrm_with_path();
    press(&mut app, ctrl('q'));
    let effects = press(&mut app, key(KeyCode::Char('s')));
    let (path, _) = saved_contents(&effects);
    let effects = app.update(Action::Saved { path, result: Err(SaveFailure::Failed("read-only".into())) });
    assert!(effects.is_empty(), "the changes are not lost");
}

#[test]
fn ctrl_q_then_s_on_a_new_manifest_asks_for_the_path_then_quits_after_saving() {
    let mut app = blank();
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "mycrm");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ctrl('q'));
    press(&mut app, key(KeyCode::Char('s')));
    assert!(matches!(app.overlay, Some(Overlay::Prompt { purpose: PromptPurpose::SaveAs, .. })));
    let effects = press(&mut app, key(KeyCode::Enter));
    assert!(effects.is_empty(), "the blank manifest has errors");
    assert!(matches!(app.overlay, Some(Overlay::ConfirmSave { .. })));
    let effects = press(&mut app, key(KeyCode::Char('y')));
    let (path, _) = saved_contents(&effects);
    assert_eq!(path, PathBuf::from("mycrm.json"));
    assert_eq!(app.update(Action::Saved { path, result: Ok(0) }).last(), Some(&Effect::Quit));
}

#[test]
fn a_quit_refused_at_the_save_question_does_not_quit_after_a_later_save() {
    let mut app = blank();
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "mycrm");
    press(&mut app, ctrl('q'));
    press(&mut app, key(KeyCode::Char('s')));
    press(&mut app, key(KeyCode::Esc)); // no path after all
    let effects = press(&mut app, ctrl('s'));
    assert!(effects.is_empty());
    press(&mut app, key(KeyCode::Enter));
    let effects = press(&mut app, key(KeyCode::Char('y')));
    let (path, _) = saved_contents(&effects);
    assert!(!app.update(Action::Saved { path, result: Ok(0) }).contains(&Effect::Quit), "a plain save does not quit");
}

// ----- review -----

fn mycrm_without_token_display() -> App {
    let mut broken = mycrm_value();
    broken["integration"]["authentication_configuration"][1].as_object_mut().expect("field").remove("display");
    opened(&broken.to_string())
}

#[test]
fn enter_on_a_finding_jumps_to_the_page_and_row_of_its_pointer() {
    let mut app = mycrm_without_token_display();
    let pointer = "/integration/authentication_configuration/1/display";
    focus_finding(&mut app, pointer);
    assert_eq!(app.rows().len(), app.doc.diagnostics().len(), "one row per finding");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.page, Page::AuthField(1));
    assert_eq!(focused_key(&app), Some("display"));
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "API Token");
    press(&mut app, key(KeyCode::Enter));
    assert!(!app.doc.has_errors(), "{:?}", app.doc.diagnostics());
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.page, Page::Step(Step::AuthFields), "Esc returns to the list the field is in");
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::AuthFields, 1)));
}

#[test]
fn a_finding_inside_an_action_input_opens_the_input_and_esc_climbs_back() {
    let mut broken = mycrm_value();
    broken["actions"][0]["inputs"][2]["key"] = json!("");
    let mut app = opened(&broken.to_string());
    let pointer = "/actions/0/inputs/2/key";
    focus_finding(&mut app, pointer);
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.page, Page::Input { action: 0, input: 2 });
    assert_eq!(focused_key(&app), Some("key"));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.page, Page::Action(0));
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::Inputs(0), 2)));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.page, Page::Step(Step::Actions));
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::Actions, 0)));
}

#[test]
fn a_finding_about_a_missing_list_focuses_the_closest_row() {
    let mut broken = mycrm_value();
    broken["integration"].as_object_mut().expect("integration").remove("authentication_configuration");
    let mut app = opened(&broken.to_string());
    app.jump_to("/integration/authentication_configuration");
    assert_eq!(app.page, Page::Step(Step::AuthFields));
    assert_eq!(app.focused_row(), Some(Row::Add(ListRef::AuthFields)));
}

// ----- keeping what the author wrote -----

#[test]
fn unknown_keys_of_an_opened_file_survive_edits_and_saving() {
    let mut original = mycrm_value();
    original["x-top"] = json!({"kept": [1, 2]});
    original["integration"]["x-team"] = json!("crm-squad");
    original["integration"]["authentication_configuration"][0]["x-hint"] = json!(true);
    original["actions"][0]["inputs"][0]["placeholder"] = json!("Subject");
    let parsed = read(original.to_string().as_bytes()).expect("object");
    let mut app = App::editing(Document::opened(parsed, Some(PathBuf::from("mycrm.json"))));

    focus_key(&mut app, "display_name");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ctrl('u'));
    type_text(&mut app, "My Great CRM");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, alt('4'));
    press(&mut app, key(KeyCode::Char('c')));
    press(&mut app, alt('5'));
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, alt('a'));

    let mut expected = original.clone();
    expected["integration"]["display_name"] = json!("My Great CRM");
    let fields = expected["integration"]["authentication_configuration"].as_array_mut().expect("fields");
    let mut copy = fields[0].clone();
    copy["field_name"] = json!("account_copy");
    fields.insert(1, copy);
    let inputs = expected["actions"][0]["inputs"].as_array_mut().expect("inputs");
    inputs.push(json!({"mandatory": false, "type": "text"}));
    assert_eq!(written(&app), expected);

    let effects = press(&mut app, ctrl('s'));
    let effects = if effects.is_empty() { press(&mut app, key(KeyCode::Char('y'))) } else { effects };
    let (_, contents) = saved_contents(&effects);
    let saved: serde_json::Value = serde_json::from_str(&contents).expect("json");
    assert_eq!(saved, expected);
    let top: Vec<&String> = saved.as_object().expect("object").keys().collect();
    assert_eq!(top, ["requires_cti", "integration", "actions", "x-top"], "unknown keys after the known ones");
}

#[test]
fn renaming_the_integration_keeps_the_action_providers_in_sync() {
    let mut app = mycrm();
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "2");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(written(&app)["actions"][0]["provider"], "mycrm2");
    assert!(status(&app).contains("renamed the provider"), "{}", status(&app));
}

// ----- actions and inputs -----

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

// ----- the key table -----

#[test]
fn the_key_table_maps_keys_by_what_has_them() {
    let mut app = mycrm();
    assert_eq!(action_for(&app, &ctrl('s')), Some(Action::Save));
    assert_eq!(action_for(&app, &ctrl('q')), Some(Action::Quit));
    assert_eq!(action_for(&app, &alt('3')), Some(Action::GoTo(Step::Authentication)));
    assert_eq!(action_for(&app, &key(KeyCode::BackTab)), Some(Action::Previous));
    assert_eq!(action_for(&app, &key(KeyCode::F(1))), Some(Action::Help));
    assert_eq!(action_for(&app, &key_with(KeyCode::Up, KeyModifiers::SHIFT)), Some(Action::MoveItem { up: true }));
    // A character on a text field starts editing it; where it does nothing the app says what would work.
    assert_eq!(action_for(&app, &key(KeyCode::Char('z'))), Some(Action::Type('z')), "typed on the name field");
    let mut typed = app.clone();
    typed.update(Action::Unbound('z'));
    assert!(status(&typed).contains("press Enter to edit"), "{}", status(&typed));

    focus_key(&mut app, "description");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(action_for(&app, &key(KeyCode::Enter)), Some(Action::Activate), "Enter finishes");
    assert_eq!(action_for(&app, &key_with(KeyCode::Enter, KeyModifiers::ALT)), Some(Action::Newline));
    assert_eq!(action_for(&app, &ctrl('j')), Some(Action::Newline));
    assert_eq!(action_for(&app, &key(KeyCode::Tab)), Some(Action::Next));
    assert_eq!(action_for(&app, &key(KeyCode::Up)), Some(Action::EditorLine { up: true }));
    assert_eq!(action_for(&app, &key(KeyCode::Char('3'))), Some(Action::Edit(InputRequest::InsertChar('3'))));
    assert_eq!(action_for(&app, &ctrl('s')), Some(Action::Save), "Ctrl-S works inside an editor");
    press(&mut app, key(KeyCode::Esc));

    press(&mut app, key(KeyCode::F(1)));
    assert!(matches!(app.overlay, Some(Overlay::Help { .. })));
    assert_eq!(action_for(&app, &key(KeyCode::Char('Y'))), Some(Action::Answer('y')), "answers ignore case");
    press(&mut app, key(KeyCode::Esc));
    assert!(app.overlay.is_none());
}

#[test]
fn key_releases_are_ignored() {
    use ratatui::crossterm::event::{KeyEvent, KeyEventKind, KeyEventState};
    let app = mycrm();
    let release = Event::Key(KeyEvent {
        code: KeyCode::Enter,
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Release,
        state: KeyEventState::NONE,
    });
    assert_eq!(action_for(&app, &release), None);
}

#[test]
fn the_start_screen_opens_a_blank_manifest_or_an_example() {
    let mut app = App::start(Vec::new());
    assert_eq!(action_for(&app, &key(KeyCode::Char('3'))), Some(Action::Unbound('3')), "no steps on the start screen");
    let before = app.start.focus;
    app.update(Action::Unbound('3'));
    assert_eq!((app.screen, app.start.focus), (Screen::Start, before), "a digit does nothing on the start screen");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.screen, Screen::Editor);
    assert_eq!(app.doc.path, None);
    assert!(!app.doc.reveal_all);

    let mut app = App::start(Vec::new());
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.screen, Screen::Editor);
    assert_eq!(text(&app, Owner::Integration, "name").as_deref(), Some("mycrm"));
    assert!(!app.doc.modified);
    assert!(status(&app).contains("Ctrl-S asks where"), "{}", status(&app));

    let mut app = App::start(vec![PathBuf::from("/tmp/recent.json")]);
    press(&mut app, key(KeyCode::End));
    assert_eq!(press(&mut app, key(KeyCode::Enter)), [Effect::Open(PathBuf::from("/tmp/recent.json"))]);

    let mut app = App::start(Vec::new());
    assert_eq!(press(&mut app, key(KeyCode::Esc)), [Effect::Quit]);
}

#[test]
fn the_open_prompt_asks_the_loop_to_read_the_file() {
    let mut app = App::start(Vec::new());
    focus_start(&mut app, 3);
    press(&mut app, key(KeyCode::Enter));
    assert!(matches!(app.overlay, Some(Overlay::Prompt { purpose: PromptPurpose::Open, .. })));
    press(&mut app, key(KeyCode::Enter));
    assert!(app.overlay.is_some(), "an empty path is not accepted");
    press_all(&mut app, "a.json".chars().map(|c| key(KeyCode::Char(c))));
    assert_eq!(press(&mut app, key(KeyCode::Enter)), [Effect::Open(PathBuf::from("a.json"))]);
}

fn focus_start(app: &mut App, index: usize) {
    for _ in 0..index {
        app.update(Action::Down);
    }
    assert_eq!(app.start.focus, index);
}

// ----- filtering a list -----

/// mycrm with a third field, so that a filter on "account" hides the middle one.
fn three_fields_with_path() -> App {
    let mut value = mycrm_value();
    let fields = value["integration"]["authentication_configuration"].as_array_mut().expect("fields");
    fields.push(
        json!({"field_name": "account_id", "display": "Account id", "mandatory": true, "type": "input", "store": true}),
    );
    let parsed = read(value.to_string().as_bytes()).expect("object");
    let mut app = App::editing(Document::opened(parsed, Some(PathBuf::from("mycrm.json"))));
    press(&mut app, alt('4'));
    app
}

fn filter(app: &mut App, text: &str) {
    press(app, key(KeyCode::Char('/')));
    press_all(app, text.chars().map(|c| key(KeyCode::Char(c))));
}

#[test]
fn a_filter_shows_only_the_matching_items() {
    let mut app = three_fields_with_path();
    filter(&mut app, "account");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(
        app.rows(),
        [Row::Item(ListRef::AuthFields, 0), Row::Item(ListRef::AuthFields, 2), Row::Add(ListRef::AuthFields)]
    );
    press(&mut app, key(KeyCode::Esc));
    assert!(app.filter.is_none(), "Esc clears the filter");
    assert_eq!(app.rows().len(), 4);
}

#[test]
fn ctrl_s_while_typing_a_filter_saves() {
    let mut app = three_fields_with_path();
    filter(&mut app, "acc");
    let effects = press(&mut app, ctrl('s'));
    assert!(effects.iter().any(|e| matches!(e, Effect::Save { .. })), "Ctrl-S saves anywhere: {effects:?}");
}

#[test]
fn ctrl_q_while_typing_a_filter_quits() {
    let mut app = three_fields_with_path();
    filter(&mut app, "acc");
    assert!(!app.doc.modified);
    let effects = press(&mut app, ctrl('q'));
    assert_eq!(effects, [Effect::Quit], "Ctrl-Q quits anywhere");
}

#[test]
fn reordering_in_a_filtered_list_keeps_the_focus_on_the_moved_item() {
    let mut app = three_fields_with_path();
    filter(&mut app, "account");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::AuthFields, 0)));
    press(&mut app, key_with(KeyCode::Down, KeyModifiers::SHIFT));
    let focused = match app.focused_row() {
        Some(Row::Item(ListRef::AuthFields, index)) => field_names(&app)[index].clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(focused, "account", "the focus stays on the field that was moved; order now {:?}", field_names(&app));
}

#[test]
fn esc_from_an_item_opened_in_a_filtered_list_returns_to_that_item() {
    let mut app = three_fields_with_path();
    filter(&mut app, "account_id");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::AuthFields, 2)));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.page, Page::AuthField(2));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.page, Page::Step(Step::AuthFields));
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::AuthFields, 2)), "back on account_id");
}

#[test]
fn a_repeated_required_field_name_can_still_be_fixed() {
    let mut app = blank();
    choose(&mut app, AuthenticationType::OAuth2);
    press(&mut app, alt('4'));
    press(&mut app, key(KeyCode::Char('a')));
    assert_eq!(app.page, Page::AuthField(5));
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "site");
    press(&mut app, key(KeyCode::Enter));
    assert!(
        app.doc.diagnostics().iter().any(|d| d.is_error() && d.pointer.ends_with("/5/field_name")),
        "a repeated name"
    );
    // The author notices the mistake and wants to rename the repeat…
    focus_key(&mut app, "field_name");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.editor.is_some(), "the repeat can be renamed: {}", status(&app));
    press(&mut app, key(KeyCode::Esc));
    // …or delete it.
    press(&mut app, key(KeyCode::Esc));
    focus_row(&mut app, |row| *row == Row::Item(ListRef::AuthFields, 5));
    press(&mut app, key(KeyCode::Delete));
    assert!(
        matches!(app.overlay, Some(Overlay::ConfirmDelete { index: 5, .. })),
        "the repeat can be deleted: {}",
        status(&app)
    );
    press(&mut app, key(KeyCode::Char('y')));
    assert_eq!(field_names(&app), ["site", "client_id", "client_secret", "authorization_url", "access_token_url"]);
}
