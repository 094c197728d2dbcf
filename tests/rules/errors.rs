//! Errors: for each code, the case that trips it and the nearest case that must not.

use super::*;

#[test]
fn integration_missing() {
    let diagnostics = mycrm(|doc| remove(doc, "/integration"));
    // The actions' provider cannot be compared with a missing name; nothing else is reported.
    only(&diagnostics, Rule::IntegrationMissing, Error, "/integration");
    let diagnostics = mycrm(|doc| set(doc, "/integration", json!(["mycrm"])));
    let found = only(&diagnostics, Rule::IntegrationMissing, Error, "/integration");
    assert!(found.message.contains("not a list"), "{}", found.message);
    only(&mycrm(|doc| set(doc, "/integration", Value::Null)), Rule::IntegrationMissing, Error, "/integration");
    // Nearest valid case: a bare integration document needs no "integration" key.
    clean(&check(&example("mycrm")["integration"]));
}

#[test]
fn missing_key() {
    let found = only(
        &mycrm(|doc| remove(doc, "/integration/display_name")),
        Rule::MissingKey,
        Error,
        "/integration/display_name",
    );
    assert_eq!(found.message, "display_name is missing; add the name Talkdesk shows users, e.g. \"My CRM\"");
    let found = only(
        &mycrm(|doc| set(doc, "/integration/display_name", Value::Null)),
        Rule::MissingKey,
        Error,
        "/integration/display_name",
    );
    assert!(found.message.contains("is null"), "{}", found.message);
    only(
        &mycrm(|doc| remove(doc, "/integration/authentication_configuration/0/store")),
        Rule::MissingKey,
        Error,
        "/integration/authentication_configuration/0/store",
    );
    only(&mycrm(|doc| remove(doc, "/actions/0/inputs/2/key")), Rule::MissingKey, Error, "/actions/0/inputs/2/key");
    only(&mycrm(|doc| remove(doc, "/actions/0/inputs")), Rule::MissingKey, Error, "/actions/0/inputs");
    only(&mycrm(|doc| remove(doc, "/actions/0/provider")), Rule::MissingKey, Error, "/actions/0/provider");
    // Nearest valid cases: optional keys may be absent or null; an input's mandatory is optional.
    clean(&mycrm(|doc| remove(doc, "/integration/authentication_configuration/0/help")));
    clean(&mycrm(|doc| set(doc, "/integration/authentication_configuration/0/format", Value::Null)));
    clean(&mycrm(|doc| remove(doc, "/actions/0/inputs/0/mandatory")));
    clean(&mycrm(|doc| set(doc, "/actions/0/inputs", json!([]))));
    clean(&mycrm(|doc| remove(doc, "/actions")));
}

#[test]
fn wrong_type() {
    let found = only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/0/mandatory", json!("yes"))),
        Rule::WrongType,
        Error,
        "/actions/0/inputs/0/mandatory",
    );
    assert_eq!(found.message, "mandatory must be true or false, not a string (\"yes\")");
    only(&mycrm(|doc| set(doc, "/integration/name", json!(5))), Rule::WrongType, Error, "/integration/name");
    only(&mycrm(|doc| set(doc, "/requires_cti", json!("no"))), Rule::WrongType, Error, "/requires_cti");
    only(&mycrm(|doc| set(doc, "/$schema", json!({"url": "x"}))), Rule::WrongType, Error, "/$schema");
    only(&mycrm(|doc| set(doc, "/actions", json!({}))), Rule::WrongType, Error, "/actions");
    only(
        &mycrm(|doc| set(doc, "/integration/interaction_types", json!("Ticket"))),
        Rule::WrongType,
        Error,
        "/integration/interaction_types",
    );
    only(
        &mycrm(|doc| set(doc, "/integration/authentication_configuration", json!({}))),
        Rule::WrongType,
        Error,
        "/integration/authentication_configuration",
    );
    only(
        &mycrm(|doc| set(doc, "/integration/authentication_configuration/0/help", json!(["a"]))),
        Rule::WrongType,
        Error,
        "/integration/authentication_configuration/0/help",
    );
    // Nearest valid cases: the right types, and an optional key set to null.
    clean(&mycrm(|doc| set(doc, "/actions/0/inputs/0/mandatory", json!(false))));
    clean(&mycrm(|doc| set(doc, "/$schema", json!("https://example.org/schema.json"))));
    clean(&mycrm(|doc| set(doc, "/requires_cti", Value::Null)));
}

#[test]
fn blank_value() {
    only(
        &mycrm(|doc| set(doc, "/integration/display_name", json!("  "))),
        Rule::BlankValue,
        Error,
        "/integration/display_name",
    );
    only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/1/name", json!(""))),
        Rule::BlankValue,
        Error,
        "/actions/0/inputs/1/name",
    );
    clean(&mycrm(|doc| set(doc, "/integration/display_name", json!("M"))));
}

#[test]
fn unknown_authentication_type() {
    let found = only(
        &mycrm(|doc| set(doc, "/integration/authentication_type", json!("oauth3"))),
        Rule::UnknownAuthenticationType,
        Error,
        "/integration/authentication_type",
    );
    assert!(found.message.contains("did you mean oauth2?"), "{}", found.message);
    clean(&mycrm(|doc| {
        set(doc, "/integration/authentication_type", json!("none"));
        remove(doc, "/integration/authentication_configuration");
    }));
}

#[test]
fn authentication_fields_missing() {
    only(
        &mycrm(|doc| remove(doc, "/integration/authentication_configuration")),
        Rule::AuthenticationFieldsMissing,
        Error,
        "/integration/authentication_configuration",
    );
    only(
        &mycrm(|doc| set(doc, "/integration/authentication_configuration", json!([]))),
        Rule::AuthenticationFieldsMissing,
        Error,
        "/integration/authentication_configuration",
    );
    let found = only(
        &helpdesk(|doc| set(doc, "/integration/authentication_configuration", Value::Null)),
        Rule::AuthenticationFieldsMissing,
        Error,
        "/integration/authentication_configuration",
    );
    assert!(
        found.message.contains("site, client_id, client_secret, authorization_url, access_token_url"),
        "{}",
        found.message
    );
    clean(&mycrm(|doc| {
        set(doc, "/integration/authentication_type", json!("none"));
        set(doc, "/integration/authentication_configuration", json!([]));
    }));
}

#[test]
fn oauth_field_missing() {
    let found = only(
        &helpdesk(|doc| remove(doc, "/integration/authentication_configuration/4")),
        Rule::OauthFieldMissing,
        Error,
        "/integration/authentication_configuration",
    );
    assert_eq!(
        found.message,
        "oauth2 requires the authentication field \"access_token_url\"; add it (the wizard adds it when you pick the type)"
    );
    // Switching to the password grant asks for two more fields; the client credentials grant for none.
    let diagnostics = helpdesk(|doc| set(doc, "/integration/authentication_type", json!("oauth2_password")));
    assert_eq!(diagnostics.iter().filter(|d| d.code == Rule::OauthFieldMissing.code()).count(), 2, "{diagnostics:#?}");
    clean(&helpdesk(|doc| set(doc, "/integration/authentication_type", json!("oauth2_client_credentials"))));
}

#[test]
fn list_elements_that_are_not_objects() {
    only(
        &mycrm(|doc| set(doc, "/integration/authentication_configuration/2", json!(7))),
        Rule::AuthFieldNotObject,
        Error,
        "/integration/authentication_configuration/2",
    );
    let found =
        only(&mycrm(|doc| set(doc, "/actions/1", json!("create_case"))), Rule::ActionNotObject, Error, "/actions/1");
    assert!(found.message.contains("not a string (\"create_case\")"), "{}", found.message);
    only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/3", Value::Null)),
        Rule::InputNotObject,
        Error,
        "/actions/0/inputs/3",
    );
    // Nearest valid case: an empty object is an action, with its own missing keys.
    let diagnostics = mycrm(|doc| set(doc, "/actions/1", json!({})));
    lacks(&diagnostics, Rule::ActionNotObject);
    assert!(summary(&diagnostics).contains(&(Rule::MissingKey, "/actions/1/name")), "{diagnostics:#?}");
}

#[test]
fn duplicate_field_name() {
    let found = only(
        &mycrm(|doc| set(doc, "/integration/authentication_configuration/1/field_name", json!("account"))),
        Rule::DuplicateFieldName,
        Error,
        "/integration/authentication_configuration/1/field_name",
    );
    assert!(found.message.contains("field 0"), "{}", found.message);
    clean(&mycrm(|doc| set(doc, "/integration/authentication_configuration/1/field_name", json!("account_token"))));
}

#[test]
fn unknown_field_type() {
    only(
        &mycrm(|doc| set(doc, "/integration/authentication_configuration/1/type", json!("secret"))),
        Rule::UnknownFieldType,
        Error,
        "/integration/authentication_configuration/1/type",
    );
    // `text` is read as `input` (a warning of reading, not of the rules).
    clean(&mycrm(|doc| set(doc, "/integration/authentication_configuration/0/type", json!("text"))));
    clean(&mycrm(|doc| set(doc, "/integration/authentication_configuration/1/type", json!("oauth"))));
}

#[test]
fn invalid_url() {
    let found = only(
        &mycrm(|doc| set(doc, "/integration/logo_url", json!("logo.png"))),
        Rule::InvalidUrl,
        Error,
        "/integration/logo_url",
    );
    assert!(found.message.starts_with("logo_url must be an absolute http or https URL"), "{}", found.message);
    for bad in [
        "ftp://example.org/logo.png",
        "https:example.org/logo.png",
        "https://",
        "https://exa mple.org/logo.png",
        "//example.org/logo.png",
        "mailto:a@example.org",
    ] {
        only(
            &mycrm(|doc| set(doc, "/integration/logo_url", json!(bad))),
            Rule::InvalidUrl,
            Error,
            "/integration/logo_url",
        );
    }
    only(
        &mycrm(|doc| set(doc, "/integration/auth_validation_endpoint", json!(" "))),
        Rule::InvalidUrl,
        Error,
        "/integration/auth_validation_endpoint",
    );
    only(
        &mycrm(|doc| set(doc, "/actions/0/endpoint", json!("/actions/create_ticket"))),
        Rule::InvalidUrl,
        Error,
        "/actions/0/endpoint",
    );
    // Nearest valid cases: an image over plain http, an optional endpoint absent or null.
    clean(&mycrm(|doc| set(doc, "/integration/logo_url", json!("http://example.org/logo.png"))));
    clean(&mycrm(|doc| set(doc, "/integration/icon_url", json!("HTTPS://Example.org:8443/icon.png?size=2"))));
    clean(&mycrm(|doc| remove(doc, "/integration/auth_validation_endpoint")));
    clean(&mycrm(|doc| set(doc, "/integration/contact_synchronization_endpoint", Value::Null)));
}

#[test]
fn cti_endpoint_missing() {
    let found = only(
        &helpdesk(|doc| remove(doc, "/integration/agent_synchronization_endpoint")),
        Rule::CtiEndpointMissing,
        Error,
        "/integration/agent_synchronization_endpoint",
    );
    assert!(found.message.contains("requires_cti"), "{}", found.message);
    only(
        &helpdesk(|doc| set(doc, "/integration/agent_synchronization_endpoint", json!(""))),
        Rule::CtiEndpointMissing,
        Error,
        "/integration/agent_synchronization_endpoint",
    );
    clean(&helpdesk(|doc| {
        set(doc, "/requires_cti", json!(false));
        remove(doc, "/integration/agent_synchronization_endpoint");
    }));
}

#[test]
fn invalid_interaction_type() {
    only(
        &mycrm(|doc| set(doc, "/integration/interaction_types/1", json!(5))),
        Rule::InvalidInteractionType,
        Error,
        "/integration/interaction_types/1",
    );
    only(
        &mycrm(|doc| set(doc, "/integration/interaction_types/0", json!(" "))),
        Rule::InvalidInteractionType,
        Error,
        "/integration/interaction_types/0",
    );
    clean(&mycrm(|doc| set(doc, "/integration/interaction_types/1", json!("5"))));
}

#[test]
fn duplicate_interaction_type() {
    only(
        &mycrm(|doc| set(doc, "/integration/interaction_types/2", json!("Ticket"))),
        Rule::DuplicateInteractionType,
        Error,
        "/integration/interaction_types/2",
    );
    // Entries are compared as written.
    clean(&mycrm(|doc| set(doc, "/integration/interaction_types/2", json!("ticket"))));
}

#[test]
fn provider_mismatch() {
    let found = only(
        &mycrm(|doc| set(doc, "/actions/0/provider", json!("othercrm"))),
        Rule::ProviderMismatch,
        Error,
        "/actions/0/provider",
    );
    assert!(found.message.contains("\"mycrm\""), "{}", found.message);
    clean(&mycrm(|doc| {
        set(doc, "/integration/name", json!("othercrm"));
        set(doc, "/actions/0/provider", json!("othercrm"));
    }));
}

#[test]
fn duplicate_action_name() {
    let action = example("mycrm")["actions"][0].clone();
    only(&mycrm(|doc| set(doc, "/actions/1", action.clone())), Rule::DuplicateActionName, Error, "/actions/1/name");
    let mut renamed = action;
    renamed["name"] = json!("create_case");
    clean(&mycrm(|doc| set(doc, "/actions/1", renamed)));
}

#[test]
fn duplicate_input_key() {
    only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/2/key", json!("subject"))),
        Rule::DuplicateInputKey,
        Error,
        "/actions/0/inputs/2/key",
    );
    // The same key in another action is fine.
    let mut other = example("mycrm")["actions"][0].clone();
    other["name"] = json!("create_case");
    clean(&mycrm(|doc| set(doc, "/actions/1", other)));
}

#[test]
fn unknown_input_type() {
    let found = only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/0/type", json!("checkbox"))),
        Rule::UnknownInputType,
        Error,
        "/actions/0/inputs/0/type",
    );
    assert!(found.message.contains("select"), "{}", found.message);
    only(&mycrm(|doc| remove(doc, "/actions/0/inputs/0/type")), Rule::MissingKey, Error, "/actions/0/inputs/0/type");
    clean(&mycrm(|doc| set(doc, "/actions/0/inputs/0/type", json!("tel"))));
}

#[test]
fn select_without_options() {
    only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/2/format", json!(" , ,"))),
        Rule::SelectWithoutOptions,
        Error,
        "/actions/0/inputs/2/format",
    );
    only(
        &mycrm(|doc| remove(doc, "/actions/0/inputs/2/format")),
        Rule::SelectWithoutOptions,
        Error,
        "/actions/0/inputs/2/format",
    );
    clean(&mycrm(|doc| set(doc, "/actions/0/inputs/2/format", json!(" ,low,"))));
}

/// mycrm with its subject input turned into `input_type` with `format`.
fn default_of(input_type: &str, format: &str) -> Vec<Diagnostic> {
    mycrm(|doc| {
        set(doc, "/actions/0/inputs/0/type", json!(input_type));
        set(doc, "/actions/0/inputs/0/format", json!(format));
    })
}

#[test]
fn default_not_number() {
    only(&default_of("number", "3.5"), Rule::DefaultNotNumber, Error, "/actions/0/inputs/0/format");
    only(&default_of("number", "three"), Rule::DefaultNotNumber, Error, "/actions/0/inputs/0/format");
    clean(&default_of("number", "-3"));
    // A template is not a literal default; a blank format is no default.
    clean(&default_of("number", "{{contact.phone}}"));
    clean(&default_of("number", ""));
}

#[test]
fn default_not_datetime() {
    for bad in
        ["2023-02-29", "2024-2-29", "2024-02-29 10:00:00", "2024-02-29T10:00", "2024-02-29T25:00:00Z", "29/02/2024"]
    {
        only(&default_of("datetime", bad), Rule::DefaultNotDatetime, Error, "/actions/0/inputs/0/format");
    }
    for good in ["2024-02-29", "2024-02-29T10:00:00", "2024-02-29T10:00:00Z"] {
        clean(&default_of("datetime", good));
    }
}

#[test]
fn default_not_url() {
    only(&default_of("url", "example.org"), Rule::DefaultNotUrl, Error, "/actions/0/inputs/0/format");
    only(&default_of("url", "ftp://example.org/file"), Rule::DefaultNotUrl, Error, "/actions/0/inputs/0/format");
    clean(&default_of("url", "https://example.org"));
    clean(&default_of("url", "{{contact.website}}"));
    // Other types take any literal.
    clean(&default_of("tel", "example.org"));
}

#[test]
fn unclosed_template() {
    only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/1/format", json!("{{contact.email"))),
        Rule::UnclosedTemplate,
        Error,
        "/actions/0/inputs/1/format",
    );
    only(
        &mycrm(|doc| {
            set(doc, "/integration/authentication_configuration/0/format", json!("https://{{account.example.org"))
        }),
        Rule::UnclosedTemplate,
        Error,
        "/integration/authentication_configuration/0/format",
    );
    clean(&mycrm(|doc| set(doc, "/actions/0/inputs/1/format", json!("{{contact.email}} }}"))));
}

#[test]
fn control_character() {
    let found = only(
        &mycrm(|doc| set(doc, "/integration/display_name", json!("My\u{7}CRM"))),
        Rule::ControlCharacter,
        Error,
        "/integration/display_name",
    );
    assert!(found.message.contains("U+0007"), "{}", found.message);
    // C1 controls, DEL and carriage return, in a multi-line field too.
    for text in ["a\u{85}b", "a\u{9f}b", "a\u{7f}b", "a\r\nb"] {
        only(
            &mycrm(|doc| set(doc, "/integration/description", json!(text))),
            Rule::ControlCharacter,
            Error,
            "/integration/description",
        );
    }
    // Inside an unknown key's value, in a nested string and in a nested key.
    let diagnostics = mycrm(|doc| set(doc, "/actions/0/x-notes", json!({"list": ["ok", "bad\u{1}"], "k\u{2}": 1})));
    assert_eq!(
        summary(&diagnostics),
        vec![
            (Rule::UnknownKey, "/actions/0/x-notes"),
            (Rule::ControlCharacter, "/actions/0/x-notes/list/1"),
            (Rule::ControlCharacter, "/actions/0/x-notes/k\u{2}"),
        ]
    );
    // Inside a value of the wrong type.
    let diagnostics = mycrm(|doc| set(doc, "/integration/display_name", json!(["\u{1b}[31m"])));
    assert_eq!(
        summary(&diagnostics),
        vec![(Rule::WrongType, "/integration/display_name"), (Rule::ControlCharacter, "/integration/display_name/0")]
    );
    // Nearest valid cases: tab, and non-ASCII text whose UTF-8 starts like a C1 control (0xC2).
    clean(&mycrm(|doc| set(doc, "/integration/display_name", json!("My\tCRM © café ¡olé!"))));
}

#[test]
fn newline_in_one_line_field() {
    only(
        &mycrm(|doc| set(doc, "/integration/display_name", json!("My\nCRM"))),
        Rule::NewlineInOneLineField,
        Error,
        "/integration/display_name",
    );
    only(
        &mycrm(|doc| set(doc, "/integration/interaction_types/1", json!("Ca\nse"))),
        Rule::NewlineInOneLineField,
        Error,
        "/integration/interaction_types/1",
    );
    only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/0/format", json!("a\nb"))),
        Rule::NewlineInOneLineField,
        Error,
        "/actions/0/inputs/0/format",
    );
    only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/0/name", json!("Sub\nject"))),
        Rule::NewlineInOneLineField,
        Error,
        "/actions/0/inputs/0/name",
    );
    // Descriptions, help, textarea defaults and unknown keys' values may span lines.
    clean(&mycrm(|doc| {
        set(doc, "/integration/description", json!("line one\nline two"));
        set(doc, "/integration/authentication_configuration/0/help", json!("under\nSettings"));
        set(doc, "/actions/0/description", json!("create\na ticket"));
        set(doc, "/actions/0/inputs/0/type", json!("textarea"));
        set(doc, "/actions/0/inputs/0/format", json!("a\nb"));
    }));
    let diagnostics = mycrm(|doc| set(doc, "/integration/x-notes", json!("a\nb")));
    only(&diagnostics, Rule::UnknownKey, Warning, "/integration/x-notes");
}
