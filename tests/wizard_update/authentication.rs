//! The authentication step: choosing a type, and the list of auth fields.

use super::*;

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
    assert!(app.panel().is_none(), "no question: it cannot be deleted");
    assert!(status(&app).contains("oauth2 requires this field"), "{}", status(&app));
    assert_eq!(app.doc.manifest.auth_field_count(), 5);

    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.page, Page::AuthField(0));
    assert_eq!(focused_key(&app), Some("field_name"));
    press(&mut app, key(KeyCode::Enter));
    assert!(app.editor().is_none(), "the name cannot be edited");
    assert!(status(&app).contains("cannot be renamed"), "{}", status(&app));
    press(&mut app, Event::Paste("renamed".into()));
    assert_eq!(field_names(&app)[0], "site", "not by a paste either");

    focus_key(&mut app, "display");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.editor().is_some(), "its display can be changed");
    press(&mut app, key(KeyCode::Esc));

    // Once another type is chosen, the field is the author's to remove.
    choose(&mut app, AuthenticationType::Custom);
    press(&mut app, alt('4'));
    press(&mut app, key(KeyCode::Delete));
    assert!(matches!(app.panel_as::<ConfirmDelete>(), Some(ConfirmDelete { .. })));
}

#[test]
fn auth_fields_are_hidden_behind_an_explanation_when_the_type_is_none() {
    let mut app = blank();
    choose(&mut app, AuthenticationType::None);
    press(&mut app, alt('4'));
    assert!(status(&app).contains("authentication type is none"), "{}", status(&app));
}

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
    match app.panel_as::<ConfirmDelete>() {
        Some(ConfirmDelete { list, index, label }) => {
            assert_eq!((*list, *index), (ListRef::AuthFields, 0));
            assert!(label.contains("account"), "{label}");
        }
        other => panic!("expected a delete question, got {other:?}"),
    }
    assert_eq!(app.doc.manifest.auth_field_count(), 2, "nothing deleted before the answer");
    press(&mut app, key(KeyCode::Esc));
    assert!(app.panel().is_none());
    assert_eq!(field_names(&app), ["account", "token"], "Esc keeps it");
    assert!(!app.doc.modified);

    press(&mut app, key(KeyCode::Char('x')));
    press(&mut app, key(KeyCode::Char('n')));
    assert_eq!(field_names(&app), ["account", "token"], "n keeps it");

    press(&mut app, key(KeyCode::Delete));
    press(&mut app, key(KeyCode::Char('y')));
    assert!(app.panel().is_none());
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
