//! The flow that leads a newcomer through a form with Enter: on to the next field to fill, past values
//! the wizard set, into the next step, back to a list's add row; typing on an add row; Enter on a yes/no,
//! a choice and an authentication type; a secret-looking field made a password. Each undoable and hinted.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

mod support;

use integration_wizard::manifest::AuthenticationType;
use integration_wizard::manifest::edit::ListRef;
use integration_wizard::wizard::testing::form::Row;
use integration_wizard::wizard::testing::step::{Page, Step};
use integration_wizard::wizard::testing::view::bars::{Hint, hints};
use ratatui::crossterm::event::KeyCode;
use support::*;

fn enter() -> ratatui::crossterm::event::Event {
    key(KeyCode::Enter)
}

/// Types `text` on the focused row (which starts editing it) and finishes it with Enter.
fn fill(app: &mut integration_wizard::wizard::testing::app::App, text: &str) {
    for c in text.chars() {
        press(app, key(KeyCode::Char(c)));
    }
    press(app, enter());
}

/// The hint bar's words, as "key what" pairs joined.
fn hint_bar(app: &integration_wizard::wizard::testing::app::App) -> String {
    hints(app)
        .into_iter()
        .map(|(hint, what)| match hint {
            Hint::Key(command) => {
                format!(
                    "{} {what}",
                    app.keys.hint_key_in(command, &integration_wizard::wizard::testing::keys::scopes(app))
                )
            }
            Hint::Typing => format!("type {what}"),
        })
        .collect::<Vec<_>>()
        .join("  ")
}

#[test]
fn enter_on_the_last_field_of_a_step_goes_on_to_the_next_steps_first_field() {
    let mut app = blank();
    focus_key(&mut app, "icon_url");
    fill(&mut app, "https://example.org/icon.png");
    assert_eq!(app.page, Page::Step(Step::Features));
    assert_eq!(focused_key(&app), Some("auth_validation_endpoint"));
}

#[test]
fn enter_passes_over_toggles_and_choices_that_hold_a_value_and_stops_at_one_that_has_none() {
    let mut app = blank();
    choose_custom(&mut app);
    press(&mut app, alt('4'));
    fill(&mut app, "account");
    fill(&mut app, "Account");
    // Mandatory, type and store hold the defaults an added field gets: Enter goes on to the help.
    assert_eq!(focused_key(&app), Some("help"));

    // "Needs CTI?" is not on Talkdesk's page (not set, it reads no): Enter passes over it.
    press(&mut app, alt('2'));
    focus_key(&mut app, "agent_synchronization_endpoint");
    fill(&mut app, "https://example.org/agents");
    assert_eq!(app.focused_row(), Some(Row::Add(ListRef::InteractionTypes)));
    assert!(written(&app).get("requires_cti").is_none());
}

#[test]
fn enter_on_a_toggle_keeps_what_it_shows_and_goes_on_while_space_flips_it() {
    let mut app = blank();
    press(&mut app, alt('2'));
    focus_key(&mut app, "requires_cti");
    assert!(hint_bar(&app).contains("Enter keep"), "{}", hint_bar(&app));
    press(&mut app, enter());
    assert_eq!(written(&app)["requires_cti"], false, "the shown \"no\" is written");
    assert_eq!(app.focused_row(), Some(Row::Add(ListRef::InteractionTypes)), "and Enter went on");
    press(&mut app, alt('z'));
    assert!(written(&app).get("requires_cti").is_none(), "undone as one change");

    focus_key(&mut app, "requires_cti");
    press(&mut app, key(KeyCode::Char(' ')));
    assert_eq!(written(&app)["requires_cti"], true);
    press(&mut app, enter());
    assert_eq!(written(&app)["requires_cti"], true, "Enter keeps a value that is there");
}

#[test]
fn enter_on_an_elements_last_field_goes_back_to_its_list_on_the_add_row() {
    let mut app = blank();
    choose_custom(&mut app);
    press(&mut app, alt('4'));
    fill(&mut app, "account");
    focus_key(&mut app, "format");
    fill(&mut app, "https://{{account}}.example.org");
    assert_eq!(app.page, Page::Step(Step::AuthFields));
    assert_eq!(app.focused_row(), Some(Row::Add(ListRef::AuthFields)), "another field is offered");
}

#[test]
fn typing_on_an_add_row_adds_an_element_starting_its_first_field_and_undo_takes_it_back() {
    let mut app = blank();
    press(&mut app, alt('5'));
    assert_eq!(app.focused_row(), Some(Row::Add(ListRef::Actions)));
    assert!(hint_bar(&app).contains("type to add"), "{}", hint_bar(&app));
    fill(&mut app, "create_ticket");
    assert_eq!(app.page, Page::Action(0));
    assert_eq!(written(&app)["actions"][0]["name"], "create_ticket", "every character typed, `a` and `c` too");
    press(&mut app, alt('z'));
    assert!(app.status.as_deref().unwrap_or_default().contains("add action"), "{:?}", app.status);
    assert_eq!(app.doc.manifest.action_count(), 0, "one undo takes back the element and its name");

    // Interaction types: typed on their add row, one after the other.
    press(&mut app, alt('2'));
    focus_row(&mut app, |row| *row == Row::Add(ListRef::InteractionTypes));
    fill(&mut app, "Ticket");
    fill(&mut app, "Case");
    assert_eq!(written(&app)["integration"]["interaction_types"], serde_json::json!(["Ticket", "Case"]));
    assert_eq!(app.focused_row(), Some(Row::Add(ListRef::InteractionTypes)));
}

#[test]
fn the_add_command_takes_alt_on_an_add_row_where_a_is_typed() {
    let mut app = blank();
    press(&mut app, alt('5'));
    press(&mut app, alt('a'));
    assert_eq!(app.page, Page::Action(0));
    assert!(app.editor().is_none(), "Alt-a adds without typing anything");
    assert_eq!(written(&app)["actions"][0].get("name"), None);
}

#[test]
fn enter_on_an_authentication_type_chooses_it_and_goes_on_to_its_fields() {
    let mut app = blank();
    press(&mut app, alt('3'));
    focus_row(&mut app, |row| *row == Row::AuthType(AuthenticationType::Custom));
    assert!(hint_bar(&app).contains("Enter choose and go on"), "{}", hint_bar(&app));
    press(&mut app, enter());
    assert_eq!(app.doc.manifest.authentication_type(), Some(AuthenticationType::Custom));
    assert_eq!(app.page, Page::Step(Step::AuthFields));

    // A switch that offers to remove fields stays on the step, where the offer is.
    let mut app = blank();
    press(&mut app, alt('3'));
    focus_row(&mut app, |row| *row == Row::AuthType(AuthenticationType::OAuth2Password));
    press(&mut app, enter());
    assert_eq!(app.page, Page::Step(Step::AuthFields), "nothing to remove yet: on to the fields");
    press(&mut app, alt('3'));
    focus_row(&mut app, |row| *row == Row::AuthType(AuthenticationType::OAuth2ClientCredentials));
    press(&mut app, enter());
    assert_eq!(app.page, Page::Step(Step::Authentication), "the offer to remove username and password shows");
}

#[test]
fn a_field_named_like_a_secret_stays_input_and_one_key_makes_it_a_password() {
    let mut app = blank();
    choose_custom(&mut app);
    press(&mut app, alt('4'));
    fill(&mut app, "token");
    let field = &written(&app)["integration"]["authentication_configuration"][0];
    assert_eq!(field["type"], "input", "the page's example has it input: the tool does not change it");
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("looks like a secret") && status.contains("Alt-f makes it a password"), "{status}");
    press(&mut app, alt('f'));
    assert_eq!(written(&app)["integration"]["authentication_configuration"][0]["type"], "password");
    // The quick fix is a change of its own; the field typed on the add row and its name are one more.
    press(&mut app, alt('z'));
    assert_eq!(written(&app)["integration"]["authentication_configuration"][0]["type"], "input");
    press(&mut app, alt('z'));
    assert_eq!(app.doc.manifest.auth_field_count(), 0);

    // Renaming a field the wizard added as input offers the same, and leaves it input.
    focus_row(&mut app, |row| *row == Row::Add(ListRef::AuthFields));
    press(&mut app, alt('a'));
    fill(&mut app, "account");
    focus_key(&mut app, "field_name");
    fill(&mut app, "api_token");
    assert_eq!(written(&app)["integration"]["authentication_configuration"][0]["type"], "input");
    assert!(app.status.as_deref().unwrap_or_default().contains("makes it a password"), "{:?}", app.status);

    // A name that is no secret keeps the type input, with no offer.
    let mut app = blank();
    choose_custom(&mut app);
    press(&mut app, alt('4'));
    fill(&mut app, "account");
    assert_eq!(written(&app)["integration"]["authentication_configuration"][0]["type"], "input");
    assert!(!app.status.as_deref().unwrap_or_default().contains("password"), "{:?}", app.status);
}

fn choose_custom(app: &mut integration_wizard::wizard::testing::app::App) {
    press(app, alt('3'));
    focus_row(app, |row| *row == Row::AuthType(AuthenticationType::Custom));
    press(app, key(KeyCode::Char(' ')));
}
