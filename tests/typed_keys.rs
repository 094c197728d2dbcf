//! Typed keys: each object's key list is complete, in writing order, agrees with the JSON Schema in
//! `assets/`, and the edit API reaches every text and boolean through it.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

use integration_wizard::manifest::edit::Owner;
use integration_wizard::manifest::{
    ActionKey, AuthFieldKey, InputKey, IntegrationKey, Key, Manifest, ObjectKey, Slot, WrapperKey, to_json,
};
use serde_json::Value;
use std::collections::HashSet;

fn schema() -> Value {
    let text = std::fs::read_to_string(format!("{}/assets/manifest.schema.json", env!("CARGO_MANIFEST_DIR")))
        .expect("the schema asset exists");
    serde_json::from_str(&text).expect("the schema asset is JSON")
}

/// The keys of `$defs/<definition>/properties` in the asset, in its order.
fn schema_keys(definition: &str) -> Vec<String> {
    match &schema()["$defs"][definition]["properties"] {
        Value::Object(properties) => properties.keys().cloned().collect(),
        other => panic!("$defs/{definition}/properties is not an object: {other}"),
    }
}

/// Checks one object's key list against the schema and the struct's own string list.
fn check_keys<K: ObjectKey + std::fmt::Debug>(all: &[K], strings: &[&str], definition: &str) {
    let written: Vec<&str> = all.iter().map(|key| key.key().as_str()).collect();
    assert_eq!(written, strings, "{definition}: the typed keys and the string keys are the same list");
    assert_eq!(written, schema_keys(definition), "{definition}: the keys are the schema's, in writing order");
    let distinct: HashSet<&str> = written.iter().copied().collect();
    assert_eq!(distinct.len(), written.len(), "{definition}: every key once");
}

#[test]
fn every_object_lists_each_of_its_keys_once_in_writing_order() {
    use integration_wizard::manifest::{Action, ActionInput, AuthField, Integration, Wrapper};
    check_keys(WrapperKey::ALL, Wrapper::KEYS, "wrapper");
    check_keys(IntegrationKey::ALL, Integration::KEYS, "integration");
    check_keys(AuthFieldKey::ALL, AuthField::KEYS, "authentication_field");
    check_keys(ActionKey::ALL, Action::KEYS, "action");
    check_keys(InputKey::ALL, ActionInput::KEYS, "action_input");
}

#[test]
fn a_key_reads_back_from_its_json_spelling_and_nothing_else() {
    for key in IntegrationKey::ALL {
        assert_eq!(IntegrationKey::parse(key.as_str()), Some(*key));
        assert_eq!(key.to_string(), key.as_str());
    }
    for key in InputKey::ALL {
        assert_eq!(InputKey::parse(key.as_str()), Some(*key));
    }
    assert_eq!(IntegrationKey::parse("dispaly_name"), None, "a misspelling is no key");
    assert_eq!(IntegrationKey::parse("Display_Name"), None, "keys are case-sensitive, as in JSON");
    assert_eq!(WrapperKey::Schema.as_str(), "$schema");
    assert_eq!(AuthFieldKey::Type.as_str(), "type");
}

#[test]
fn any_key_knows_its_object_and_its_spelling() {
    let key: Key = ActionKey::Endpoint.into();
    assert_eq!(key, Key::Action(ActionKey::Endpoint));
    assert_eq!(key.as_str(), "endpoint");
    assert!(Owner::Action(0).holds(key));
    assert!(!Owner::Input { action: 0, input: 0 }.holds(key));
    assert!(Owner::Wrapper.holds(WrapperKey::RequiresCti));
}

#[test]
fn every_text_and_boolean_key_is_reached_by_the_edit_api() {
    let mut manifest = Manifest::new();
    let action = manifest.add_action().expect("actions list");
    let input = manifest.add_input(action).expect("inputs list");
    let field = manifest.add_auth_field().expect("fields list");
    let owners: [(Owner, Vec<Key>); 5] = [
        (Owner::Wrapper, WrapperKey::ALL.iter().map(|key| key.key()).collect()),
        (Owner::Integration, IntegrationKey::ALL.iter().map(|key| key.key()).collect()),
        (Owner::AuthField(field), AuthFieldKey::ALL.iter().map(|key| key.key()).collect()),
        (Owner::Action(action), ActionKey::ALL.iter().map(|key| key.key()).collect()),
        (Owner::Input { action, input }, InputKey::ALL.iter().map(|key| key.key()).collect()),
    ];
    let mut reached = 0;
    for (owner, keys) in owners {
        for key in keys {
            if manifest.text(owner, key).is_some() {
                manifest.set_text(owner, key, "x");
                assert_eq!(manifest.text(owner, key), Some(&Slot::Value("x".to_owned())), "{owner:?} {key}");
                assert!(manifest.has(owner, key));
                let pointer = owner.key_pointer(&manifest, key);
                assert!(to_json(&manifest).contains(&format!("\"{key}\": \"x\"")), "{pointer} is written");
                reached += 1;
            } else if manifest.term(owner, key).is_some() {
                manifest.set_term(owner, key, "x-unknown");
                assert_eq!(manifest.term(owner, key), Some(Slot::Value("x-unknown".to_owned())), "{owner:?} {key}");
                assert!(to_json(&manifest).contains(&format!("\"{key}\": \"x-unknown\"")));
                reached += 1;
            } else if manifest.flag(owner, key).is_some() {
                let before = manifest.flag(owner, key).and_then(Slot::as_bool).unwrap_or(false);
                manifest.toggle(owner, key);
                assert_eq!(manifest.flag(owner, key), Some(&Slot::Value(!before)), "{owner:?} {key}");
                reached += 1;
            }
        }
    }
    // Every key but the lists and objects (integration, actions, inputs, the fields list, the interaction types);
    // the types (authentication, field, input) are reached as vocabulary values.
    let all = WrapperKey::ALL.len() + IntegrationKey::ALL.len() + AuthFieldKey::ALL.len() + ActionKey::ALL.len();
    assert_eq!(reached, all + InputKey::ALL.len() - 5);
}
