//! The actions step (SPEC §5, step 5) without a terminal: actions and their inputs added, copied, deleted and
//! reordered; providers kept equal to the integration's name; select options; live checks of literal
//! defaults; `{{` completion; the `/` filter on a long list; and jumps from the review into an input.

mod support;

use integration_wizard::manifest::edit::{ListRef, Owner};
use integration_wizard::manifest::{ActionKey, InputKey, Key, Manifest, ObjectKey, Slot, read};
use integration_wizard::wizard::action::Action;
use integration_wizard::wizard::app::App;
use integration_wizard::wizard::document::Document;
use integration_wizard::wizard::form::Row;
use integration_wizard::wizard::layout::inline_diagnostics;
use integration_wizard::wizard::overlay::Overlay;
use integration_wizard::wizard::step::{Page, Step};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use serde_json::json;
use support::*;

fn text(app: &App, owner: Owner, key: impl ObjectKey) -> Option<String> {
    let manifest = &app.doc.manifest;
    let slot = manifest.text(owner, key).cloned().or_else(|| manifest.term(owner, key));
    slot.as_ref().and_then(Slot::as_str).map(str::to_owned)
}

fn status(app: &App) -> &str {
    app.status.as_deref().unwrap_or("")
}

fn providers(app: &App) -> Vec<Option<String>> {
    (0..app.doc.manifest.action_count()).map(|index| text(app, Owner::Action(index), ActionKey::Provider)).collect()
}

fn action_names(app: &App) -> Vec<String> {
    (0..app.doc.manifest.action_count())
        .map(|index| text(app, Owner::Action(index), ActionKey::Name).unwrap_or_default())
        .collect()
}

fn input_keys(app: &App, action: usize) -> Vec<String> {
    (0..app.doc.manifest.input_count(action))
        .map(|input| text(app, Owner::Input { action, input }, InputKey::Key).unwrap_or_default())
        .collect()
}

fn format_of(app: &App, action: usize, input: usize) -> Option<String> {
    text(app, Owner::Input { action, input }, InputKey::Format)
}

/// The codes of the problems shown under the focused row.
fn focused_codes(app: &App) -> Vec<&'static str> {
    let row = app.focused_row().expect("a focused row");
    inline_diagnostics(app, row).0.into_iter().map(|diagnostic| diagnostic.code).collect()
}

fn shift(code: KeyCode) -> ratatui::crossterm::event::Event {
    key_with(code, KeyModifiers::SHIFT)
}

fn alt(code: KeyCode) -> ratatui::crossterm::event::Event {
    key_with(code, KeyModifiers::ALT)
}

/// Opens action `index` from the list of step 5.
fn open_action(app: &mut App, index: usize) {
    press(app, alt(KeyCode::Char('5')));
    focus_row(app, |row| *row == Row::Item(ListRef::Actions, index));
    press(app, key(KeyCode::Enter));
    assert_eq!(app.page, Page::Action(index));
}

/// Opens input `input` of action `action`.
fn open_input(app: &mut App, action: usize, input: usize) {
    open_action(app, action);
    focus_row(app, |row| *row == Row::Item(ListRef::Inputs(action), input));
    press(app, key(KeyCode::Enter));
    assert_eq!(app.page, Page::Input { action, input });
}

/// Sets the type of the open input with → until it is `kind`.
fn choose_type(app: &mut App, kind: &str) {
    let Page::Input { action, input } = app.page else { panic!("not on an input: {:?}", app.page) };
    focus_key(app, "type");
    for _ in 0..7 {
        if text(app, Owner::Input { action, input }, InputKey::Type).as_deref() == Some(kind) {
            return;
        }
        press(app, key(KeyCode::Right));
    }
    panic!("no input type {kind}");
}

/// mycrm's `subject` input (a text) retyped as `kind`, with `typed` in its open Format editor.
fn format_typed(kind: &str, typed: &str) -> App {
    let mut app = mycrm();
    open_input(&mut app, 0, 0);
    choose_type(&mut app, kind);
    focus_key(&mut app, "format");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.editor.is_some(), "Enter edits the format");
    type_text(&mut app, typed);
    app
}

// ----- providers -----

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
    assert!(app.editor.is_none(), "the provider is not typed in");
}

// ----- display and description -----

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

// ----- actions: copy, delete, reorder -----

#[test]
fn actions_are_duplicated_reordered_and_deleted_after_confirmation() {
    let mut app = mycrm();
    press(&mut app, alt(KeyCode::Char('5')));
    focus_row(&mut app, |row| *row == Row::Item(ListRef::Actions, 0));
    press(&mut app, key(KeyCode::Char('c')));
    assert_eq!(action_names(&app), ["create_ticket", "create_ticket_copy"]);
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::Actions, 1)), "the focus is on the copy");
    assert!(status(&app).contains("_copy"), "{}", status(&app));
    assert_eq!(written(&app)["actions"][1]["inputs"], written(&app)["actions"][0]["inputs"], "inputs are copied");
    assert!(!app.doc.has_errors(), "the copy's name is not a repeat: {:?}", app.doc.diagnostics());

    press(&mut app, shift(KeyCode::Up));
    assert_eq!(action_names(&app), ["create_ticket_copy", "create_ticket"]);
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::Actions, 0)), "the focus follows the moved action");
    press(&mut app, shift(KeyCode::Up));
    assert_eq!(action_names(&app), ["create_ticket_copy", "create_ticket"], "the first stays first");
    press(&mut app, alt(KeyCode::Down));
    assert_eq!(action_names(&app), ["create_ticket", "create_ticket_copy"]);
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::Actions, 1)));

    press(&mut app, key(KeyCode::Char('x')));
    match &app.overlay {
        Some(Overlay::ConfirmDelete { list: ListRef::Actions, index: 1, label }) => {
            assert_eq!(label, "create_ticket_copy — create a ticket (3 inputs)")
        }
        other => panic!("x asks first: {other:?}"),
    }
    press(&mut app, key(KeyCode::Char('n')));
    assert!(app.overlay.is_none());
    press(&mut app, key(KeyCode::Delete));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(action_names(&app), ["create_ticket", "create_ticket_copy"], "n and Esc keep it");
    press(&mut app, key(KeyCode::Delete));
    press(&mut app, key(KeyCode::Char('y')));
    assert_eq!(action_names(&app), ["create_ticket"]);
    assert_eq!(written(&app), mycrm_value());
    assert_eq!(app.focused_row(), Some(Row::Add(ListRef::Actions)), "the focus stays in the list");
}

#[test]
fn inputs_are_duplicated_reordered_and_deleted_after_confirmation() {
    let mut app = mycrm();
    open_action(&mut app, 0);
    focus_row(&mut app, |row| *row == Row::Item(ListRef::Inputs(0), 1));
    press(&mut app, key(KeyCode::Char('c')));
    assert_eq!(input_keys(&app, 0), ["subject", "email", "email_copy", "priority"]);
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::Inputs(0), 2)));
    assert_eq!(format_of(&app, 0, 2).as_deref(), Some("{{contact.email}}"));

    press(&mut app, shift(KeyCode::Up));
    assert_eq!(input_keys(&app, 0), ["subject", "email_copy", "email", "priority"]);
    press(&mut app, alt(KeyCode::Up));
    assert_eq!(input_keys(&app, 0), ["email_copy", "subject", "email", "priority"]);
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::Inputs(0), 0)));
    press(&mut app, alt(KeyCode::Up));
    assert_eq!(input_keys(&app, 0), ["email_copy", "subject", "email", "priority"], "the first stays first");
    // The action's own fields above the list do not move.
    press(&mut app, key(KeyCode::Up));
    assert_eq!(app.focused_row(), Some(Row::Provider(0)));
    press(&mut app, shift(KeyCode::Up));
    assert_eq!(input_keys(&app, 0), ["email_copy", "subject", "email", "priority"]);
    press(&mut app, key(KeyCode::Down));

    press(&mut app, key(KeyCode::Delete));
    assert!(matches!(app.overlay, Some(Overlay::ConfirmDelete { list: ListRef::Inputs(0), index: 0, .. })));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(input_keys(&app, 0), ["subject", "email", "priority"]);
    assert_eq!(written(&app), mycrm_value(), "back to the example");
}

#[test]
fn an_added_input_is_an_optional_text_until_changed() {
    let mut app = mycrm();
    open_action(&mut app, 0);
    press(&mut app, alt(KeyCode::Char('a')));
    assert_eq!(app.page, Page::Input { action: 0, input: 3 });
    assert_eq!(focused_key(&app), Some("key"));
    assert_eq!(written(&app)["actions"][0]["inputs"][3], json!({"mandatory": false, "type": "text"}));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.page, Page::Action(0));
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::Inputs(0), 3)), "Esc returns to the new input's row");
}

// ----- select options -----

#[test]
fn select_options_are_added_edited_deleted_and_reordered_and_stored_comma_separated() {
    let mut app = mycrm();
    open_input(&mut app, 0, 2);
    let option = |index| Row::SelectOption { action: 0, input: 2, index };
    assert_eq!(app.rows()[4..], [option(0), option(1), option(2), option(3), Row::AddOption { action: 0, input: 2 }]);

    // Add.
    press(&mut app, alt(KeyCode::Char('a')));
    assert!(app.editor.is_some());
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
    assert!(app.overlay.is_none());
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

// ----- literal defaults checked as they are typed -----

#[test]
fn literal_defaults_are_checked_on_the_format_row_as_they_are_typed() {
    let cases = [
        ("datetime", "2026-02-30", Some("default-not-datetime")),
        ("datetime", "2026-01-31T25:00:00", Some("default-not-datetime")),
        ("datetime", "31/01/2026", Some("default-not-datetime")),
        ("datetime", "2026-01-31", None),
        ("datetime", "2026-01-31T09:00:00", None),
        ("datetime", "2026-01-31T09:00:00Z", None),
        ("datetime", "{{contact.updated_at}}", None),
        ("number", "3.5", Some("default-not-number")),
        ("number", "three", Some("default-not-number")),
        ("number", "-12", None),
        ("number", "{{contact.phone}}", None),
        ("url", "mycrm.example.org", Some("default-not-url")),
        ("url", "https://mycrm.example.org/tickets", None),
        ("text", "anything at all", None),
        ("tel", "+1 555 0100", None),
        ("text", "{{contact.email", Some("unclosed-template")),
    ];
    for (kind, typed, code) in cases {
        let app = format_typed(kind, typed);
        assert!(app.editor.is_some(), "still typing");
        let expected: Vec<&str> = code.into_iter().collect();
        assert_eq!(focused_codes(&app), expected, "{kind} {typed:?}");
    }
}

#[test]
fn a_datetime_error_appears_under_the_format_row_while_typing_and_goes_once_fixed() {
    let mut app = format_typed("datetime", "2026-02-30");
    let screen = screen_text(&mut app, 140, 40);
    let lines: Vec<&str> = screen.lines().collect();
    let row = lines.iter().position(|line| line.contains("Format")).unwrap_or_else(|| panic!("{screen}"));
    assert!(lines[row].contains("2026-02-30"), "{}", lines[row]);
    let below = lines[row + 1..row + 4].join("\n");
    assert!(below.contains("✗ format \"2026-02-30\" is not a datetime default"), "{screen}");
    press(&mut app, ctrl('u'));
    type_text(&mut app, "2026-02-28");
    let screen = screen_text(&mut app, 140, 40);
    assert!(!screen.contains("is not a datetime default"), "{screen}");
    assert!(screen.contains("YYYY-MM-DD"), "the format's help for datetime: {screen}");
}

// ----- {{ completion -----

#[test]
fn typing_a_template_offers_value_providers_that_arrows_move_through_and_tab_accepts() {
    let mut app = format_typed("text", "{{");
    assert_eq!(app.completions().len(), 16, "the Contact collection's fields");
    let screen = screen_text(&mut app, 140, 40);
    assert!(screen.contains("▸ {{contact.first_name}}"), "{screen}");
    assert!(screen.contains("(+10 more: keep typing)"), "{screen}");

    press(&mut app, key(KeyCode::Down));
    assert_eq!(app.editor.as_ref().map(|editor| editor.completion), Some(1));
    let screen = screen_text(&mut app, 140, 40);
    assert!(screen.contains("▸ {{contact.last_name}}"), "↓ moves the highlight: {screen}");
    for _ in 0..10 {
        press(&mut app, key(KeyCode::Down));
    }
    assert_eq!(app.editor.as_ref().map(|editor| editor.completion), Some(5), "the highlight stays on the list shown");
    for _ in 0..10 {
        press(&mut app, key(KeyCode::Up));
    }
    assert_eq!(app.editor.as_ref().map(|editor| editor.completion), Some(0));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Tab));
    assert!(app.editor.is_some(), "Tab accepted the completion; the edit goes on");
    assert_eq!(format_of(&app, 0, 0).as_deref(), Some("{{contact.last_name}}"));
    assert!(app.completions().is_empty(), "a closed template offers nothing more");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.editor.is_none());
    assert!(focused_codes(&app).is_empty());
}

#[test]
fn accepting_a_completion_adds_the_closing_braces_only_when_missing() {
    // Typed at the end: the template is closed.
    let mut app = format_typed("text", "Dear {{contact.fi");
    assert_eq!(app.completions(), ["contact.first_name"]);
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(format_of(&app, 0, 0).as_deref(), Some("Dear {{contact.first_name}}"));

    // Typed before a `}}` already there: no second pair.
    let mut app = format_typed("text", "Dear {{contact.fi}}!");
    for _ in 0..3 {
        press(&mut app, key(KeyCode::Left));
    }
    assert_eq!(app.completions(), ["contact.first_name"]);
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(format_of(&app, 0, 0).as_deref(), Some("Dear {{contact.first_name}}!"));

    // A field name alone finds its collection.
    let mut app = format_typed("text", "{{email");
    assert_eq!(app.completions(), ["contact.email"]);
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(format_of(&app, 0, 0).as_deref(), Some("{{contact.email}}"));
}

#[test]
fn without_completions_tab_finishes_the_format_as_usual() {
    let mut app = format_typed("text", "plain");
    assert!(app.completions().is_empty());
    press(&mut app, key(KeyCode::Tab));
    assert!(app.editor.is_none());
    assert_eq!(format_of(&app, 0, 0).as_deref(), Some("plain"));
}

#[test]
fn a_textarea_default_completes_value_providers_too() {
    let mut app = format_typed("textarea", "Hello {{contact.em");
    let screen = screen_text(&mut app, 140, 40);
    assert!(screen.contains("▸ {{contact.email}}"), "the list is offered: {screen}");
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(format_of(&app, 0, 0).as_deref(), Some("Hello {{contact.email}}"), "Tab accepts what the list offers");
}

// ----- the filter on a long list -----

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
    app.theme = integration_wizard::wizard::view::theme::Theme {
        color: false,
        ..integration_wizard::wizard::view::theme::Theme::default()
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
    assert!(app.filter.as_ref().is_some_and(|filter| !filter.typing), "Enter keeps the filter");
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

// ----- from the review into an input -----

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
    assert!(app.editor.is_some(), "Enter edits it at once");
    press(&mut app, key(KeyCode::Esc));
    assert!(app.editor.is_none());

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
