//! The edits the wizard makes: authentication types add their required fields, lists keep what the author wrote.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

use integration_wizard::manifest::edit::{ListRef, Owner};
use integration_wizard::manifest::{
    ActionKey, AuthFieldKey, AuthenticationType, IntegrationKey, Manifest, Slot, WrapperKey, read, to_json,
};

fn field_names(manifest: &Manifest) -> Vec<String> {
    (0..manifest.auth_field_count())
        .map(|index| manifest.auth_field(index).and_then(|field| field.field_name.as_str()).unwrap_or("?").to_owned())
        .collect()
}

#[test]
fn choosing_an_oauth_type_adds_its_required_fields_once() {
    let mut manifest = Manifest::new();
    let added = manifest.set_authentication_type(AuthenticationType::OAuth2);
    assert_eq!(added, ["site", "client_id", "client_secret", "authorization_url", "access_token_url"]);
    let secret = manifest.auth_field(2).expect("client_secret");
    assert_eq!(secret.field_type.written(), Some("password"));
    assert_eq!((secret.mandatory.as_bool(), secret.store.as_bool()), (Some(true), Some(true)));
    assert_eq!(manifest.auth_field(0).and_then(|f| f.field_type.written()), Some("input"));
    assert!(manifest.set_authentication_type(AuthenticationType::OAuth2).is_empty(), "nothing twice");
}

#[test]
fn switching_type_keeps_every_field_and_adds_only_the_missing_ones() {
    let mut manifest = Manifest::new();
    let custom = manifest.add_auth_field().expect("list");
    manifest.set_text(Owner::AuthField(custom), AuthFieldKey::FieldName, "account");
    manifest.set_authentication_type(AuthenticationType::OAuth2);
    let added = manifest.set_authentication_type(AuthenticationType::OAuth2Password);
    assert_eq!(added, ["username", "password"]);
    assert_eq!(
        field_names(&manifest),
        [
            "account",
            "site",
            "client_id",
            "client_secret",
            "authorization_url",
            "access_token_url",
            "username",
            "password"
        ]
    );
    manifest.set_authentication_type(AuthenticationType::None);
    assert_eq!(manifest.auth_field_count(), 8, "choosing none deletes nothing");
}

#[test]
fn required_fields_are_protected_only_while_their_type_is_chosen() {
    let mut manifest = Manifest::new();
    manifest.set_authentication_type(AuthenticationType::OAuth2ClientCredentials);
    assert!(manifest.is_required_auth_field(0));
    manifest.set_authentication_type(AuthenticationType::Custom);
    assert!(!manifest.is_required_auth_field(0));
}

#[test]
fn a_wrong_typed_list_is_not_replaced() {
    let mut manifest = read(br#"{"integration": {"authentication_configuration": "oops"}}"#).expect("object").manifest;
    assert!(manifest.set_authentication_type(AuthenticationType::OAuth2).is_empty());
    assert!(to_json(&manifest).contains("\"authentication_configuration\": \"oops\""));
}

#[test]
fn renaming_the_integration_renames_every_provider() {
    let mut manifest = Manifest::new();
    manifest.set_text(Owner::Integration, IntegrationKey::Name, "old");
    let first = manifest.add_action().expect("actions");
    assert_eq!(manifest.action(first).and_then(|a| a.provider.as_str()), Some("old"));
    manifest.add_action();
    assert_eq!(manifest.rename_integration("new"), 2);
    assert!(manifest.actions().all(|(_, action)| action.provider.as_str() == Some("new")));
}

#[test]
fn clearing_a_text_removes_the_key() {
    let mut manifest = Manifest::new();
    manifest.set_text(Owner::Integration, IntegrationKey::AuthValidationEndpoint, "https://x.example.org");
    manifest.set_text(Owner::Integration, IntegrationKey::AuthValidationEndpoint, "");
    assert_eq!(manifest.text(Owner::Integration, IntegrationKey::AuthValidationEndpoint), Some(&Slot::Absent));
    assert_eq!(to_json(&manifest), "{\n  \"integration\": {}\n}\n");
}

#[test]
fn toggles_turn_anything_that_is_not_a_boolean_into_true() {
    let mut manifest = read(br#"{"requires_cti": "yes", "integration": {}}"#).expect("object").manifest;
    manifest.toggle(Owner::Wrapper, WrapperKey::RequiresCti);
    assert_eq!(manifest.wrapper.requires_cti, Slot::Value(true));
    manifest.toggle(Owner::Wrapper, WrapperKey::RequiresCti);
    assert_eq!(manifest.wrapper.requires_cti, Slot::Value(false));
}

#[test]
fn list_operations_duplicate_move_and_remove() {
    let mut manifest = Manifest::new();
    let action = manifest.add_action().expect("actions");
    manifest.set_text(Owner::Action(action), ActionKey::Name, "create_ticket");
    let list = manifest.list_mut(ListRef::Actions).expect("list");
    assert_eq!(list.duplicate_at(0), Some(1));
    assert_eq!(list.move_at(1, true), Some(0));
    assert_eq!(list.move_at(0, true), None, "the first cannot move up");
    assert_eq!(list.move_at(1, false), None, "the last cannot move down");
    assert_eq!(manifest.action(0).and_then(|a| a.name.as_str()), Some("create_ticket_copy"));
    manifest.list_mut(ListRef::Actions).expect("list").remove_at(0);
    assert_eq!(manifest.action_count(), 1);
    assert_eq!(manifest.action(0).and_then(|a| a.name.as_str()), Some("create_ticket"));
}

#[test]
fn new_inputs_and_interaction_types_land_at_the_end() {
    let mut manifest = Manifest::new();
    let action = manifest.add_action().expect("actions");
    assert_eq!(manifest.add_input(action), Some(0));
    assert_eq!(manifest.input(action, 0).and_then(|i| i.input_type.written()), Some("text"));
    assert_eq!(manifest.add_interaction_type("Ticket"), Some(0));
    assert_eq!(manifest.add_interaction_type("Case"), Some(1));
    let names: Vec<_> = manifest.integration().expect("integration").interaction_type_names().collect();
    assert_eq!(names, ["Ticket", "Case"]);
}

#[test]
fn select_options_are_edited_as_a_list_and_stored_comma_separated() {
    let mut manifest = Manifest::new();
    let action = manifest.add_action().expect("actions");
    let input = manifest.add_input(action).expect("inputs");
    assert!(manifest.select_options(action, input).is_empty());
    manifest.set_select_options(action, input, &["low".into(), "normal".into(), "high".into()]);
    assert_eq!(manifest.input(action, input).and_then(|i| i.format.as_str()), Some("low,normal,high"));
    assert_eq!(manifest.select_options(action, input), ["low", "normal", "high"]);
    manifest.set_select_options(action, input, &[]);
    assert!(manifest.input(action, input).expect("input").format.is_absent());
}
