//! Pairs of manifests for every kind of change, and pairs that mean the same.

use super::*;
use crate::manifest::read;

const BASE: &str = r#"{
  "integration": {
    "name": "mycrm", "display_name": "My CRM", "authentication_type": "custom",
    "authentication_configuration": [
      {"field_name": "account", "display": "Account", "mandatory": true, "type": "input", "store": true},
      {"field_name": "token", "display": "Token", "mandatory": false, "type": "password", "store": true}
    ],
    "auth_validation_endpoint": "https://mycrm.example.org/auth",
    "interaction_types": ["Ticket", "Case"]
  },
  "actions": [
    {"provider": "mycrm", "name": "create_ticket", "display": "Create", "endpoint": "https://mycrm.example.org/a/create",
     "inputs": [{"key": "subject", "name": "Subject", "mandatory": true, "type": "text"},
                {"key": "email", "name": "Email", "mandatory": false, "type": "text"}]},
    {"provider": "mycrm", "name": "close_ticket", "display": "Close", "endpoint": "https://mycrm.example.org/a/close"}
  ]
}"#;

fn changes(old: &str, new: &str) -> Vec<Change> {
    let old = read(old.as_bytes()).expect("old manifest").manifest;
    let new = read(new.as_bytes()).expect("new manifest").manifest;
    compare(&old, &new)
}

/// The changes of BASE edited by `edit` (text replaced), as (code, words).
fn edited(edits: &[(&str, &str)]) -> Vec<(ChangeCode, String)> {
    let mut new = BASE.to_owned();
    for (from, to) in edits {
        assert!(new.contains(from), "{from} is not in the base manifest");
        new = new.replacen(from, to, 1);
    }
    changes(BASE, &new).into_iter().map(|change| (change.code, change.words())).collect()
}

#[test]
fn the_same_manifest_has_no_changes() {
    assert_eq!(changes(BASE, BASE), []);
}

#[test]
fn order_and_layout_are_not_changes() {
    let old = read(BASE.as_bytes()).expect("base").manifest;
    let mut new = old.clone();
    new.wrapper.actions.get_mut().expect("actions").reverse();
    let integration = new.integration_mut();
    integration.authentication_configuration.get_mut().expect("fields").reverse();
    integration.interaction_types.get_mut().expect("types").reverse();
    if let Some(Slot::Value(action)) = new.wrapper.actions.get_mut().and_then(|actions| actions.get_mut(1)) {
        action.inputs.get_mut().expect("inputs").reverse();
    }
    let compact = crate::manifest::to_json(&new);
    assert_eq!(changes(BASE, &compact.replace('\n', "")), []);
    assert_eq!(compare(&old, &new), []);
}

use crate::manifest::Slot;

#[test]
fn a_legacy_auth_field_equals_its_upgrade() {
    let legacy = r#"{"integration": {"name": "x", "authentication_configuration": [
        {"account": {"display": "Account", "mandatory": true, "type": "Text", "store": true}}]}}"#;
    let upgraded = r#"{"integration": {"name": "x", "authentication_configuration": [
        {"field_name": "account", "display": "Account", "mandatory": true, "type": "input", "store": true}]}}"#;
    assert_eq!(changes(legacy, upgraded), []);
}

#[test]
fn a_bare_file_equals_its_wrapper() {
    let bare = r#"{"name": "x", "authentication_type": "none"}"#;
    let wrapped = r#"{"integration": {"name": "x", "authentication_type": "none"}}"#;
    assert_eq!(changes(bare, wrapped), []);
    assert_eq!(changes(r#"{"integration": {"name": "x"}, "actions": []}"#, r#"{"integration": {"name": "x"}}"#), []);
}

#[test]
fn integration_values_are_named_by_key() {
    let found = edited(&[(r#""display_name": "My CRM""#, r#""display_name": "My CRM Cloud""#)]);
    assert_eq!(found, [(ChangeCode::IntegrationChanged, "integration: display_name changed".into())]);
    let found = edited(&[(r#""display_name": "My CRM", "#, "")]);
    assert_eq!(found, [(ChangeCode::IntegrationChanged, "integration: display_name removed".into())]);
    let found = edited(&[(r#""interaction_types": ["Ticket", "Case"]"#, r#""interaction_types": ["Ticket"]"#)]);
    assert_eq!(found[0].0, ChangeCode::IntegrationChanged);
}

#[test]
fn an_endpoint_moved_to_another_host_breaks() {
    let all = changes(BASE, &BASE.replace("https://mycrm.example.org/auth", "https://api.mycrm.example.org/auth"));
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].code, ChangeCode::EndpointHostChanged);
    assert_eq!(all[0].pointer, "/integration/auth_validation_endpoint");
    assert!(all[0].breaking().is_some());
    let path_only = edited(&[("https://mycrm.example.org/a/create", "https://mycrm.example.org:443/b/create")]);
    assert_eq!(path_only, [(ChangeCode::ActionChanged, "action \"create_ticket\": endpoint changed".into())]);
    let port = edited(&[("https://mycrm.example.org/a/create", "https://mycrm.example.org:8443/a/create")]);
    assert_eq!(port[0].0, ChangeCode::EndpointHostChanged);
}

#[test]
fn authentication_type_and_fields_are_compared_by_field_name() {
    let found = edited(&[(r#""authentication_type": "custom""#, r#""authentication_type": "none""#)]);
    assert_eq!(found, [(ChangeCode::AuthenticationTypeChanged, "integration: authentication_type changed".into())]);
    let removed = edited(&[(
        r#",
      {"field_name": "token", "display": "Token", "mandatory": false, "type": "password", "store": true}"#,
        "",
    )]);
    assert_eq!(removed, [(ChangeCode::AuthFieldRemoved, "auth field \"token\" removed".into())]);
    let renamed = edited(&[(r#""field_name": "token""#, r#""field_name": "api_token""#)]);
    assert_eq!(renamed, [(ChangeCode::AuthFieldRenamed, "auth field \"token\" renamed to \"api_token\"".into())]);
    let mandatory = edited(&[(r#""Token", "mandatory": false"#, r#""Token", "mandatory": true"#)]);
    assert_eq!(mandatory, [(ChangeCode::AuthFieldMadeMandatory, "auth field \"token\" made mandatory".into())]);
    let optional = edited(&[(r#""Account", "mandatory": true"#, r#""Account", "mandatory": false"#)]);
    assert_eq!(optional, [(ChangeCode::AuthFieldChanged, "auth field \"account\": mandatory changed".into())]);
    let added = edited(&[(
        r#""store": true}
    ]"#,
        r#""store": true},
      {"field_name": "region", "display": "Region", "mandatory": true, "type": "input"}
    ]"#,
    )]);
    assert_eq!(added, [(ChangeCode::MandatoryAuthFieldAdded, "auth field \"region\" added".into())]);
}

#[test]
fn a_renamed_field_with_another_change_is_a_removal_and_an_addition() {
    let found = edited(&[(r#""field_name": "token", "display": "Token""#, r#""field_name": "key", "display": "Key""#)]);
    let codes: Vec<_> = found.iter().map(|(code, _)| *code).collect();
    assert_eq!(codes, [ChangeCode::AuthFieldAdded, ChangeCode::AuthFieldRemoved]);
}

#[test]
fn actions_are_compared_by_name() {
    let renamed = edited(&[(r#""name": "close_ticket""#, r#""name": "resolve_ticket""#)]);
    assert_eq!(renamed, [(ChangeCode::ActionRenamed, "action \"close_ticket\" renamed to \"resolve_ticket\"".into())]);
    let all = changes(BASE, &BASE.replace(r#""name": "close_ticket""#, r#""name": "resolve_ticket""#));
    assert_eq!((all[0].pointer.as_str(), all[0].side), ("/actions/1/name", Side::New));
    let removed = edited(&[(
        r#",
    {"provider": "mycrm", "name": "close_ticket", "display": "Close", "endpoint": "https://mycrm.example.org/a/close"}"#,
        "",
    )]);
    assert_eq!(removed, [(ChangeCode::ActionRemoved, "action \"close_ticket\" removed".into())]);
    let added = edited(&[(
        r#""https://mycrm.example.org/a/close"}"#,
        r#""https://mycrm.example.org/a/close"}, {"name": "merge", "endpoint": "https://mycrm.example.org/a/merge"}"#,
    )]);
    assert_eq!(added, [(ChangeCode::ActionAdded, "action \"merge\" added".into())]);
    let changed = edited(&[(r#""display": "Close""#, r#""display": "Close it""#)]);
    assert_eq!(changed, [(ChangeCode::ActionChanged, "action \"close_ticket\": display changed".into())]);
}

#[test]
fn inputs_are_compared_by_key() {
    let mandatory = edited(&[(r#""Email", "mandatory": false"#, r#""Email", "mandatory": true"#)]);
    assert_eq!(
        mandatory,
        [(ChangeCode::InputMadeMandatory, "input \"email\" of action \"create_ticket\" made mandatory".into())]
    );
    let removed = edited(&[(
        r#",
                {"key": "email", "name": "Email", "mandatory": false, "type": "text"}"#,
        "",
    )]);
    assert_eq!(removed, [(ChangeCode::InputRemoved, "input \"email\" of action \"create_ticket\" removed".into())]);
    let renamed = edited(&[(r#""key": "email""#, r#""key": "mail""#)]);
    let codes: Vec<_> = renamed.iter().map(|(code, _)| *code).collect();
    assert_eq!(codes, [ChangeCode::InputAdded, ChangeCode::InputRemoved], "a workflow fills an input by key");
    let added = edited(&[(
        r#""type": "text"}]"#,
        r#""type": "text"}, {"key": "due", "mandatory": true, "type": "datetime"}]"#,
    )]);
    assert_eq!(added, [(ChangeCode::MandatoryInputAdded, "input \"due\" of action \"create_ticket\" added".into())]);
}

#[test]
fn unknown_keys_are_compared_as_written() {
    let found = edited(&[(r#""name": "mycrm", "#, r#""name": "mycrm", "x-team": "sales", "#)]);
    assert_eq!(found, [(ChangeCode::IntegrationChanged, "integration: x-team added".into())]);
    let reordered = r#"{"integration": {"name": "x", "a/b": 1, "c": {"d": 1E2}}}"#;
    let same = r#"{"integration": {"c": {"d": 1E2}, "a/b": 1, "name": "x"}}"#;
    assert_eq!(changes(reordered, same), []);
    let respelt = changes(reordered, &reordered.replace("1E2", "100"));
    assert_eq!(
        (respelt[0].before.as_deref(), respelt[0].after.as_deref()),
        (Some(r#"{"d":1E2}"#), Some(r#"{"d":100}"#))
    );
    let escaped = changes(reordered, &reordered.replace(r#""a/b": 1"#, r#""a/b": 2"#));
    assert_eq!(escaped[0].pointer, "/integration/a~1b");
}

#[test]
fn breaking_changes_come_first_and_say_why() {
    let mut all = changes(
        BASE,
        &BASE
            .replace(r#""display_name": "My CRM""#, r#""display_name": "CRM""#)
            .replace("close_ticket", "resolve_ticket"),
    );
    breaking_first(&mut all);
    assert_eq!(all[0].code, ChangeCode::ActionRenamed);
    assert!(all[0].breaking().is_some_and(|why| why.contains("workflows")));
    assert_eq!(all[1].breaking(), None);
}

#[test]
fn every_code_is_distinct_and_kebab_case() {
    let mut codes: Vec<&str> = ChangeCode::ALL.iter().map(|code| code.as_str()).collect();
    assert!(codes.iter().all(|code| code.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), ChangeCode::ALL.len());
    let breaking: Vec<_> = ChangeCode::ALL.iter().filter(|code| code.breaking().is_some()).collect();
    assert_eq!(breaking.len(), 10);
}

#[test]
fn a_file_with_wrong_types_is_still_compared() {
    let broken =
        r#"{"integration": {"name": 5, "authentication_configuration": "none"}, "actions": [7, {"name": "a"}]}"#;
    let fixed = r#"{"integration": {"name": "x", "authentication_configuration": []}, "actions": [{"name": "a"}]}"#;
    let words: Vec<String> = changes(broken, fixed).iter().map(Change::words).collect();
    assert_eq!(
        words,
        ["integration: name changed", "integration: authentication_configuration changed", "action \"7\" removed"]
    );
}
