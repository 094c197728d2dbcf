//! The focused row read whole at 120x40 and 80x24: a long value (a bridge URL's host and port) and its
//! problems wrapped under it, never cut mid-word; the review names a problem where the author edits it
//! (step › item › field label), not by a cut JSON pointer.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

mod support;

use integration_wizard::wizard::testing::app::App;
use integration_wizard::wizard::testing::layout;
use support::*;

const URL: &str = "http://127.0.0.1:8080/bridges/mycrm/v2/auth_validation";

/// mycrm with a plain-http bridge URL (warned about), that field focused.
fn plain_http_bridge() -> App {
    let mut value = mycrm_value();
    value["integration"]["auth_validation_endpoint"] = URL.into();
    let mut app = opened(&value.to_string());
    app.jump_to("/integration/auth_validation_endpoint");
    app
}

/// The form's text (inside its border) with every space taken out, so a text wrapped over lines reads
/// as one: what is cut cannot be found, what is wrapped can.
fn form_joined(app: &App, screen: &str) -> String {
    let form = layout::areas(app).form;
    let lines: Vec<&str> = screen.lines().collect();
    let inside = (form.y + 1..form.bottom() - 1).map(|y| {
        let line: Vec<char> = lines[usize::from(y)].chars().collect();
        line[usize::from(form.x) + 1..usize::from(form.right()) - 1].iter().collect::<String>()
    });
    inside.collect::<String>().chars().filter(|c| !c.is_whitespace()).collect()
}

fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_focused_url_is_shown_whole_at_both_sizes() {
    for (width, height) in [(120, 40), (80, 24)] {
        let mut app = plain_http_bridge();
        let screen = screen_text(&mut app, width, height);
        assert!(form_joined(&app, &screen).contains(URL), "at {width}x{height} the URL is cut:\n{screen}");
        assert!(!screen.contains("http://12…"), "{screen}");
    }
}

#[test]
fn the_focused_rows_warning_is_wrapped_whole_under_it_at_both_sizes() {
    for (width, height) in [(120, 40), (80, 24)] {
        let mut app = plain_http_bridge();
        let message = app
            .doc
            .diagnostics()
            .iter()
            .find(|d| d.pointer == "/integration/auth_validation_endpoint")
            .map(|d| d.message.clone())
            .expect("plain http is warned about");
        let screen = screen_text(&mut app, width, height);
        // The form only: the help area below repeats the focused problem.
        assert!(form_joined(&app, &screen).contains(&squeezed(&message)), "at {width}x{height}, cut:\n{screen}");
    }
}

#[test]
fn the_review_names_a_problem_by_step_item_and_field_label() {
    let mut value = mycrm_value();
    value["integration"]["authentication_configuration"][1]["type"] = "secret".into();
    let mut app = opened(&value.to_string());
    focus_finding(&mut app, "/integration/authentication_configuration/1/type");
    for (width, height) in [(120, 40), (80, 24)] {
        let screen = screen_text(&mut app, width, height);
        assert!(screen.contains("Auth fields › token › Type"), "at {width}x{height}:\n{screen}");
        assert!(!screen.contains("/integration/authentication_configuration/1/ty"), "{screen}");
    }
}

#[test]
fn at_80x24_the_hint_bar_keeps_the_preview_undo_and_quit() {
    let mut app = plain_http_bridge();
    app.update(integration_wizard::wizard::testing::action::Action::Activate);
    press(&mut app, ctrl('u'));
    type_text(&mut app, "https://mycrm.example.org/auth_validation");
    app.update(integration_wizard::wizard::testing::action::Action::Activate);
    let screen = screen_text(&mut app, 80, 24);
    let hints: String = screen.lines().rev().take(2).collect::<Vec<_>>().join("\n");
    for hint in ["JSON preview", "Alt-Z undo", "Ctrl-Q quit", "Ctrl-S save"] {
        assert!(hints.contains(hint), "{hint:?} is missing from the hint bar:\n{screen}");
    }
}

#[test]
fn the_focused_authentication_type_is_described_whole_at_80x24() {
    let mut app = mycrm();
    press(&mut app, alt('3'));
    focus_row(
        &mut app,
        |row| matches!(row, integration_wizard::wizard::testing::form::Row::AuthType(kind) if kind.as_str() == "oauth2_client_credentials"),
    );
    let screen = screen_text(&mut app, 80, 24);
    let form = form_joined(&app, &screen);
    assert!(form.contains(&squeezed("OAuth 2.0 without username or password (Client Credentials grant).")), "{screen}");
}

#[test]
fn a_picker_says_what_its_keys_do_in_words() {
    let mut app = mycrm();
    app.jump_to("/integration/authentication_configuration/0/type");
    let screen = screen_text(&mut app, 80, 24);
    let form = form_joined(&app, &screen);
    assert!(form.contains(&squeezed("‹input›  ← makes it oauth, → makes it password")), "{screen}");
}

#[test]
fn with_the_preview_on_at_80x24_labels_are_not_cut() {
    let mut app = mycrm();
    press(&mut app, alt('p'));
    let screen = screen_text(&mut app, 80, 24);
    assert!(layout::areas(&app).preview.is_some(), "{screen}");
    for label in ["Display name", "Description", "Logo URL"] {
        assert!(screen.contains(label), "{label:?} is cut:\n{screen}");
    }
}
