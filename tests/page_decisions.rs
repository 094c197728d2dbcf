//! Where the tool and Talkdesk's page disagree, the tool says so where it happens and never undoes the
//! page behind the author's back: a field named `token` keeps the page's `input` (one key makes it a
//! password), and Enter stops at an action input's Mandatory, a decision the page marks mandatory.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

mod support;

use integration_wizard::manifest::edit::{ListRef, Owner};
use integration_wizard::manifest::{AuthFieldKey, AuthenticationType};
use integration_wizard::wizard::testing::action::Action;
use integration_wizard::wizard::testing::app::App;
use integration_wizard::wizard::testing::form::Row;
use integration_wizard::wizard::testing::step::Step;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use support::*;

fn field_type(app: &App, index: usize) -> Option<String> {
    app.doc.manifest.term(Owner::AuthField(index), AuthFieldKey::Type).and_then(|slot| slot.as_str().map(str::to_owned))
}

/// A blank manifest with custom authentication, a field named `token` typed on the add row.
fn named_token() -> App {
    let mut app = blank();
    app.update(Action::GoTo(Step::Authentication));
    focus_row(&mut app, |row| *row == Row::AuthType(AuthenticationType::Custom));
    app.update(Action::Activate);
    app.update(Action::GoTo(Step::AuthFields));
    focus_row(&mut app, |row| matches!(row, Row::Add(ListRef::AuthFields)));
    for c in "token".chars() {
        press(&mut app, key(KeyCode::Char(c)));
    }
    press(&mut app, key(KeyCode::Enter));
    app
}

#[test]
fn a_field_named_token_keeps_the_pages_input_and_the_status_says_so() {
    let app = named_token();
    assert_eq!(field_type(&app, 0).as_deref(), Some("input"), "the tool does not undo the page");
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("looks like a secret"), "the advice is kept: {status}");
    assert!(status.contains("the page's example keeps it input"), "{status}");
    assert!(status.contains("Alt-f makes it a password"), "{status}");
}

#[test]
fn one_key_makes_it_a_password_and_undo_names_it() {
    let mut app = named_token();
    let screen = screen_text(&mut app, 80, 24);
    assert!(screen.contains("make it a password"), "the hint bar offers it:\n{screen}");
    press(&mut app, key_with(KeyCode::Char('f'), KeyModifiers::ALT));
    assert_eq!(field_type(&app, 0).as_deref(), Some("password"));
    press(&mut app, key_with(KeyCode::Char('z'), KeyModifiers::ALT));
    assert_eq!(app.status.as_deref(), Some("undid: make authentication field token a password"));
    assert_eq!(field_type(&app, 0).as_deref(), Some("input"));
}

#[test]
fn enter_stops_at_an_action_inputs_mandatory() {
    let mut app = mycrm();
    app.update(Action::GoTo(Step::Actions));
    focus_row(&mut app, |row| *row == Row::Item(ListRef::Actions, 0));
    app.update(Action::Activate);
    focus_row(&mut app, |row| matches!(row, Row::Add(ListRef::Inputs(_))));
    for c in "due".chars() {
        press(&mut app, key(KeyCode::Char(c)));
    }
    press(&mut app, key(KeyCode::Enter));
    for c in "Due date".chars() {
        press(&mut app, key(KeyCode::Char(c)));
    }
    press(&mut app, key(KeyCode::Enter));
    assert!(
        matches!(app.focused_row(), Some(Row::Toggle { label: "Mandatory", .. })),
        "Enter stops at Mandatory: {:?}",
        app.focused_row()
    );
    // Enter keeps "no" and goes on; Space would have made it yes.
    press(&mut app, key(KeyCode::Enter));
    assert!(matches!(app.focused_row(), Some(Row::Text { label: "Format", .. })), "{:?}", app.focused_row());
}
