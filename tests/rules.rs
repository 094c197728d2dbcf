//! The validation rules of SPEC §3: for every code, the case that trips it and the nearest case that must not.

use integration_wizard::manifest::rules::codes::*;
use integration_wizard::manifest::{Diagnostic, Severity, read, validate};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------------
// Building documents: a bundled example with a small edit, validated as a file would be.

fn example(name: &str) -> Value {
    let path = format!("{}/assets/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("the bundled example exists");
    serde_json::from_str(&text).expect("the bundled example is JSON")
}

/// Validates a JSON text, checking what every message must be: one line, non-empty, printable.
fn check_text(text: &str) -> Vec<Diagnostic> {
    let parsed = read(text.as_bytes()).expect("the test document is a JSON object");
    let diagnostics = validate(&parsed.manifest);
    for diagnostic in &diagnostics {
        let message = &diagnostic.message;
        assert!(!message.trim().is_empty(), "empty message: {diagnostic:?}");
        assert!(!message.chars().any(char::is_control), "message with a control character: {message:?}");
        assert!(message.starts_with(|c: char| !c.is_uppercase()), "message starts in uppercase: {message}");
        assert!(diagnostic.position.is_none(), "positions are the CLI's: {diagnostic:?}");
    }
    diagnostics
}

fn check(document: &Value) -> Vec<Diagnostic> {
    check_text(&serde_json::to_string(document).expect("serialisable"))
}

/// The diagnostics of `example` after `edit`.
fn edited(name: &str, edit: impl FnOnce(&mut Value)) -> Vec<Diagnostic> {
    let mut document = example(name);
    edit(&mut document);
    check(&document)
}

/// The diagnostics of mycrm.json after `edit`.
fn mycrm(edit: impl FnOnce(&mut Value)) -> Vec<Diagnostic> {
    edited("mycrm", edit)
}

/// The diagnostics of oauth2-helpdesk.json after `edit`.
fn helpdesk(edit: impl FnOnce(&mut Value)) -> Vec<Diagnostic> {
    edited("oauth2-helpdesk", edit)
}

fn split(pointer: &str) -> (&str, String) {
    let (parent, token) = pointer.rsplit_once('/').expect("a pointer below the root");
    (parent, token.replace("~1", "/").replace("~0", "~"))
}

/// Sets the value at `pointer`: replaces it, adds an object key, or appends at index len.
fn set(document: &mut Value, pointer: &str, value: Value) {
    let (parent, token) = split(pointer);
    match document.pointer_mut(parent).unwrap_or_else(|| panic!("{parent} exists")) {
        Value::Object(object) => {
            object.insert(token, value);
        }
        Value::Array(items) => {
            let index: usize = token.parse().expect("an index");
            if index == items.len() {
                items.push(value);
            } else {
                items[index] = value;
            }
        }
        other => panic!("{parent} holds {other}"),
    }
}

/// Removes the value at `pointer`.
fn remove(document: &mut Value, pointer: &str) {
    let (parent, token) = split(pointer);
    match document.pointer_mut(parent).unwrap_or_else(|| panic!("{parent} exists")) {
        Value::Object(object) => {
            object.shift_remove(&token).unwrap_or_else(|| panic!("{pointer} exists"));
        }
        Value::Array(items) => {
            items.remove(token.parse().expect("an index"));
        }
        other => panic!("{parent} holds {other}"),
    }
}

fn summary(diagnostics: &[Diagnostic]) -> Vec<(&'static str, &str)> {
    diagnostics.iter().map(|d| (d.code, d.pointer.as_str())).collect()
}

/// The diagnostics are exactly one, with this code, severity and pointer; gives it back.
#[track_caller]
fn only(diagnostics: &[Diagnostic], code: &str, severity: Severity, pointer: &str) -> Diagnostic {
    assert_eq!(summary(diagnostics), vec![(code, pointer)], "{diagnostics:#?}");
    assert_eq!(diagnostics[0].severity, severity, "{diagnostics:#?}");
    diagnostics[0].clone()
}

/// Among the diagnostics, `code` appears exactly once, with this severity and pointer.
#[track_caller]
fn has(diagnostics: &[Diagnostic], code: &str, severity: Severity, pointer: &str) -> Diagnostic {
    let found: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.code == code).collect();
    assert_eq!(found.len(), 1, "one {code} expected: {diagnostics:#?}");
    assert_eq!((found[0].severity, found[0].pointer.as_str()), (severity, pointer), "{diagnostics:#?}");
    found[0].clone()
}

#[track_caller]
fn clean(diagnostics: &[Diagnostic]) {
    assert!(diagnostics.is_empty(), "expected no diagnostics: {diagnostics:#?}");
}

#[track_caller]
fn lacks(diagnostics: &[Diagnostic], code: &str) {
    assert!(diagnostics.iter().all(|d| d.code != code), "unexpected {code}: {diagnostics:#?}");
}

use Severity::{Error, Warning};

// ---------------------------------------------------------------------------------------------
// The bundled examples and the codes themselves.

#[test]
fn bundled_examples_have_no_diagnostics() {
    clean(&mycrm(|_| {}));
    clean(&helpdesk(|_| {}));
}

#[test]
fn codes_are_distinct_kebab_case() {
    let all: Vec<&str> = ERRORS.iter().chain(WARNINGS).copied().collect();
    assert_eq!(all.len(), 44);
    for (index, code) in all.iter().enumerate() {
        assert!(!all[..index].contains(code), "{code} listed twice");
        assert!(code.split('-').all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase())), "{code}");
    }
}

// ---------------------------------------------------------------------------------------------
// Errors.

#[test]
fn integration_missing() {
    let diagnostics = mycrm(|doc| remove(doc, "/integration"));
    // The actions' provider cannot be compared with a missing name; nothing else is reported.
    only(&diagnostics, INTEGRATION_MISSING, Error, "/integration");
    let diagnostics = mycrm(|doc| set(doc, "/integration", json!(["mycrm"])));
    let found = only(&diagnostics, INTEGRATION_MISSING, Error, "/integration");
    assert!(found.message.contains("not a list"), "{}", found.message);
    only(&mycrm(|doc| set(doc, "/integration", Value::Null)), INTEGRATION_MISSING, Error, "/integration");
    // Nearest valid case: a bare integration document needs no "integration" key.
    clean(&check(&example("mycrm")["integration"]));
}

#[test]
fn missing_key() {
    let found =
        only(&mycrm(|doc| remove(doc, "/integration/display_name")), MISSING_KEY, Error, "/integration/display_name");
    assert_eq!(found.message, "display_name is missing; add the name Talkdesk shows users, e.g. \"My CRM\"");
    let found = only(
        &mycrm(|doc| set(doc, "/integration/display_name", Value::Null)),
        MISSING_KEY,
        Error,
        "/integration/display_name",
    );
    assert!(found.message.contains("is null"), "{}", found.message);
    only(
        &mycrm(|doc| remove(doc, "/integration/authentication_configuration/0/store")),
        MISSING_KEY,
        Error,
        "/integration/authentication_configuration/0/store",
    );
    only(&mycrm(|doc| remove(doc, "/actions/0/inputs/2/key")), MISSING_KEY, Error, "/actions/0/inputs/2/key");
    only(&mycrm(|doc| remove(doc, "/actions/0/inputs")), MISSING_KEY, Error, "/actions/0/inputs");
    only(&mycrm(|doc| remove(doc, "/actions/0/provider")), MISSING_KEY, Error, "/actions/0/provider");
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
        WRONG_TYPE,
        Error,
        "/actions/0/inputs/0/mandatory",
    );
    assert_eq!(found.message, "mandatory must be true or false, not a string (\"yes\")");
    only(&mycrm(|doc| set(doc, "/integration/name", json!(5))), WRONG_TYPE, Error, "/integration/name");
    only(&mycrm(|doc| set(doc, "/requires_cti", json!("no"))), WRONG_TYPE, Error, "/requires_cti");
    only(&mycrm(|doc| set(doc, "/$schema", json!({"url": "x"}))), WRONG_TYPE, Error, "/$schema");
    only(&mycrm(|doc| set(doc, "/actions", json!({}))), WRONG_TYPE, Error, "/actions");
    only(
        &mycrm(|doc| set(doc, "/integration/interaction_types", json!("Ticket"))),
        WRONG_TYPE,
        Error,
        "/integration/interaction_types",
    );
    only(
        &mycrm(|doc| set(doc, "/integration/authentication_configuration", json!({}))),
        WRONG_TYPE,
        Error,
        "/integration/authentication_configuration",
    );
    only(
        &mycrm(|doc| set(doc, "/integration/authentication_configuration/0/help", json!(["a"]))),
        WRONG_TYPE,
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
        BLANK_VALUE,
        Error,
        "/integration/display_name",
    );
    only(&mycrm(|doc| set(doc, "/actions/0/inputs/1/name", json!(""))), BLANK_VALUE, Error, "/actions/0/inputs/1/name");
    clean(&mycrm(|doc| set(doc, "/integration/display_name", json!("M"))));
}

#[test]
fn unknown_authentication_type() {
    let found = only(
        &mycrm(|doc| set(doc, "/integration/authentication_type", json!("oauth3"))),
        UNKNOWN_AUTHENTICATION_TYPE,
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
        AUTHENTICATION_FIELDS_MISSING,
        Error,
        "/integration/authentication_configuration",
    );
    only(
        &mycrm(|doc| set(doc, "/integration/authentication_configuration", json!([]))),
        AUTHENTICATION_FIELDS_MISSING,
        Error,
        "/integration/authentication_configuration",
    );
    let found = only(
        &helpdesk(|doc| set(doc, "/integration/authentication_configuration", Value::Null)),
        AUTHENTICATION_FIELDS_MISSING,
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
        OAUTH_FIELD_MISSING,
        Error,
        "/integration/authentication_configuration",
    );
    assert_eq!(
        found.message,
        "oauth2 requires the authentication field \"access_token_url\"; add it (the wizard adds it when you pick the type)"
    );
    // Switching to the password grant asks for two more fields; the client credentials grant for none.
    let diagnostics = helpdesk(|doc| set(doc, "/integration/authentication_type", json!("oauth2_password")));
    assert_eq!(diagnostics.iter().filter(|d| d.code == OAUTH_FIELD_MISSING).count(), 2, "{diagnostics:#?}");
    clean(&helpdesk(|doc| set(doc, "/integration/authentication_type", json!("oauth2_client_credentials"))));
}

#[test]
fn list_elements_that_are_not_objects() {
    only(
        &mycrm(|doc| set(doc, "/integration/authentication_configuration/2", json!(7))),
        AUTH_FIELD_NOT_OBJECT,
        Error,
        "/integration/authentication_configuration/2",
    );
    let found =
        only(&mycrm(|doc| set(doc, "/actions/1", json!("create_case"))), ACTION_NOT_OBJECT, Error, "/actions/1");
    assert!(found.message.contains("not a string (\"create_case\")"), "{}", found.message);
    only(&mycrm(|doc| set(doc, "/actions/0/inputs/3", Value::Null)), INPUT_NOT_OBJECT, Error, "/actions/0/inputs/3");
    // Nearest valid case: an empty object is an action, with its own missing keys.
    let diagnostics = mycrm(|doc| set(doc, "/actions/1", json!({})));
    lacks(&diagnostics, ACTION_NOT_OBJECT);
    assert!(summary(&diagnostics).contains(&(MISSING_KEY, "/actions/1/name")), "{diagnostics:#?}");
}

#[test]
fn duplicate_field_name() {
    let found = only(
        &mycrm(|doc| set(doc, "/integration/authentication_configuration/1/field_name", json!("account"))),
        DUPLICATE_FIELD_NAME,
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
        UNKNOWN_FIELD_TYPE,
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
        INVALID_URL,
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
        only(&mycrm(|doc| set(doc, "/integration/logo_url", json!(bad))), INVALID_URL, Error, "/integration/logo_url");
    }
    only(
        &mycrm(|doc| set(doc, "/integration/auth_validation_endpoint", json!(" "))),
        INVALID_URL,
        Error,
        "/integration/auth_validation_endpoint",
    );
    only(
        &mycrm(|doc| set(doc, "/actions/0/endpoint", json!("/actions/create_ticket"))),
        INVALID_URL,
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
        CTI_ENDPOINT_MISSING,
        Error,
        "/integration/agent_synchronization_endpoint",
    );
    assert!(found.message.contains("requires_cti"), "{}", found.message);
    only(
        &helpdesk(|doc| set(doc, "/integration/agent_synchronization_endpoint", json!(""))),
        CTI_ENDPOINT_MISSING,
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
        INVALID_INTERACTION_TYPE,
        Error,
        "/integration/interaction_types/1",
    );
    only(
        &mycrm(|doc| set(doc, "/integration/interaction_types/0", json!(" "))),
        INVALID_INTERACTION_TYPE,
        Error,
        "/integration/interaction_types/0",
    );
    clean(&mycrm(|doc| set(doc, "/integration/interaction_types/1", json!("5"))));
}

#[test]
fn duplicate_interaction_type() {
    only(
        &mycrm(|doc| set(doc, "/integration/interaction_types/2", json!("Ticket"))),
        DUPLICATE_INTERACTION_TYPE,
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
        PROVIDER_MISMATCH,
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
    only(&mycrm(|doc| set(doc, "/actions/1", action.clone())), DUPLICATE_ACTION_NAME, Error, "/actions/1/name");
    let mut renamed = action;
    renamed["name"] = json!("create_case");
    clean(&mycrm(|doc| set(doc, "/actions/1", renamed)));
}

#[test]
fn duplicate_input_key() {
    only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/2/key", json!("subject"))),
        DUPLICATE_INPUT_KEY,
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
        UNKNOWN_INPUT_TYPE,
        Error,
        "/actions/0/inputs/0/type",
    );
    assert!(found.message.contains("select"), "{}", found.message);
    only(&mycrm(|doc| remove(doc, "/actions/0/inputs/0/type")), MISSING_KEY, Error, "/actions/0/inputs/0/type");
    clean(&mycrm(|doc| set(doc, "/actions/0/inputs/0/type", json!("tel"))));
}

#[test]
fn select_without_options() {
    only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/2/format", json!(" , ,"))),
        SELECT_WITHOUT_OPTIONS,
        Error,
        "/actions/0/inputs/2/format",
    );
    only(
        &mycrm(|doc| remove(doc, "/actions/0/inputs/2/format")),
        SELECT_WITHOUT_OPTIONS,
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
    only(&default_of("number", "3.5"), DEFAULT_NOT_NUMBER, Error, "/actions/0/inputs/0/format");
    only(&default_of("number", "three"), DEFAULT_NOT_NUMBER, Error, "/actions/0/inputs/0/format");
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
        only(&default_of("datetime", bad), DEFAULT_NOT_DATETIME, Error, "/actions/0/inputs/0/format");
    }
    for good in ["2024-02-29", "2024-02-29T10:00:00", "2024-02-29T10:00:00Z"] {
        clean(&default_of("datetime", good));
    }
}

#[test]
fn default_not_url() {
    only(&default_of("url", "example.org"), DEFAULT_NOT_URL, Error, "/actions/0/inputs/0/format");
    only(&default_of("url", "ftp://example.org/file"), DEFAULT_NOT_URL, Error, "/actions/0/inputs/0/format");
    clean(&default_of("url", "https://example.org"));
    clean(&default_of("url", "{{contact.website}}"));
    // Other types take any literal.
    clean(&default_of("tel", "example.org"));
}

#[test]
fn unclosed_template() {
    only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/1/format", json!("{{contact.email"))),
        UNCLOSED_TEMPLATE,
        Error,
        "/actions/0/inputs/1/format",
    );
    only(
        &mycrm(|doc| {
            set(doc, "/integration/authentication_configuration/0/format", json!("https://{{account.example.org"))
        }),
        UNCLOSED_TEMPLATE,
        Error,
        "/integration/authentication_configuration/0/format",
    );
    clean(&mycrm(|doc| set(doc, "/actions/0/inputs/1/format", json!("{{contact.email}} }}"))));
}

#[test]
fn control_character() {
    let found = only(
        &mycrm(|doc| set(doc, "/integration/display_name", json!("My\u{7}CRM"))),
        CONTROL_CHARACTER,
        Error,
        "/integration/display_name",
    );
    assert!(found.message.contains("U+0007"), "{}", found.message);
    // C1 controls, DEL and carriage return, in a multi-line field too.
    for text in ["a\u{85}b", "a\u{9f}b", "a\u{7f}b", "a\r\nb"] {
        only(
            &mycrm(|doc| set(doc, "/integration/description", json!(text))),
            CONTROL_CHARACTER,
            Error,
            "/integration/description",
        );
    }
    // Inside an unknown key's value, in a nested string and in a nested key.
    let diagnostics = mycrm(|doc| set(doc, "/actions/0/x-notes", json!({"list": ["ok", "bad\u{1}"], "k\u{2}": 1})));
    assert_eq!(
        summary(&diagnostics),
        vec![
            (UNKNOWN_KEY, "/actions/0/x-notes"),
            (CONTROL_CHARACTER, "/actions/0/x-notes/list/1"),
            (CONTROL_CHARACTER, "/actions/0/x-notes/k\u{2}"),
        ]
    );
    // Inside a value of the wrong type.
    let diagnostics = mycrm(|doc| set(doc, "/integration/display_name", json!(["\u{1b}[31m"])));
    assert_eq!(
        summary(&diagnostics),
        vec![(WRONG_TYPE, "/integration/display_name"), (CONTROL_CHARACTER, "/integration/display_name/0")]
    );
    // Nearest valid cases: tab, and non-ASCII text whose UTF-8 starts like a C1 control (0xC2).
    clean(&mycrm(|doc| set(doc, "/integration/display_name", json!("My\tCRM © café ¡olé!"))));
}

#[test]
fn newline_in_one_line_field() {
    only(
        &mycrm(|doc| set(doc, "/integration/display_name", json!("My\nCRM"))),
        NEWLINE_IN_ONE_LINE_FIELD,
        Error,
        "/integration/display_name",
    );
    only(
        &mycrm(|doc| set(doc, "/integration/interaction_types/1", json!("Ca\nse"))),
        NEWLINE_IN_ONE_LINE_FIELD,
        Error,
        "/integration/interaction_types/1",
    );
    only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/0/format", json!("a\nb"))),
        NEWLINE_IN_ONE_LINE_FIELD,
        Error,
        "/actions/0/inputs/0/format",
    );
    only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/0/name", json!("Sub\nject"))),
        NEWLINE_IN_ONE_LINE_FIELD,
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
    only(&diagnostics, UNKNOWN_KEY, Warning, "/integration/x-notes");
}

// ---------------------------------------------------------------------------------------------
// Warnings.

#[test]
fn unknown_key() {
    let found = only(
        &mycrm(|doc| set(doc, "/integration/x-notes", json!("kept"))),
        UNKNOWN_KEY,
        Warning,
        "/integration/x-notes",
    );
    assert_eq!(
        found.message,
        "unknown key \"x-notes\" is kept as it is; check its spelling if Talkdesk should read it"
    );
    let found = only(
        &mycrm(|doc| set(doc, "/integration/disply_name", json!("x"))),
        UNKNOWN_KEY,
        Warning,
        "/integration/disply_name",
    );
    assert!(found.message.contains("did you mean display_name?"), "{}", found.message);
    only(&mycrm(|doc| set(doc, "/x~1y", json!(1))), UNKNOWN_KEY, Warning, "/x~1y");
    only(
        &mycrm(|doc| set(doc, "/integration/authentication_configuration/0/source", json!("input"))),
        UNKNOWN_KEY,
        Warning,
        "/integration/authentication_configuration/0/source",
    );
    only(&mycrm(|doc| set(doc, "/actions/0/x", json!(null))), UNKNOWN_KEY, Warning, "/actions/0/x");
    only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/0/placeholder", json!(""))),
        UNKNOWN_KEY,
        Warning,
        "/actions/0/inputs/0/placeholder",
    );
    clean(&mycrm(|doc| set(doc, "/$schema", json!("https://example.invalid/schema.json"))));
}

#[test]
fn plain_http() {
    only(
        &mycrm(|doc| set(doc, "/integration/auth_validation_endpoint", json!("http://mycrm.example.org/auth"))),
        PLAIN_HTTP,
        Warning,
        "/integration/auth_validation_endpoint",
    );
    only(
        &mycrm(|doc| set(doc, "/actions/0/endpoint", json!("http://mycrm.example.org/a"))),
        PLAIN_HTTP,
        Warning,
        "/actions/0/endpoint",
    );
    clean(&mycrm(|doc| set(doc, "/integration/auth_validation_endpoint", json!("https://mycrm.example.org/auth"))));
}

#[test]
fn url_credentials() {
    let found = only(
        &mycrm(|doc| {
            set(
                doc,
                "/integration/contact_synchronization_endpoint",
                json!("https://bridge:s3cret@mycrm.example.org/sync"),
            )
        }),
        URL_CREDENTIALS,
        Warning,
        "/integration/contact_synchronization_endpoint",
    );
    assert!(!found.message.contains("s3cret"), "the secret is not repeated: {}", found.message);
    only(
        &mycrm(|doc| set(doc, "/integration/logo_url", json!("https://user@example.org/logo.png"))),
        URL_CREDENTIALS,
        Warning,
        "/integration/logo_url",
    );
    clean(&mycrm(|doc| set(doc, "/integration/logo_url", json!("https://example.org/@user/logo.png"))));
}

#[test]
fn name_not_identifier() {
    let diagnostics = mycrm(|doc| {
        set(doc, "/integration/name", json!("My CRM"));
        set(doc, "/actions/0/provider", json!("My CRM"));
    });
    let found = only(&diagnostics, NAME_NOT_IDENTIFIER, Warning, "/integration/name");
    assert!(found.message.contains("\"my_crm\""), "{}", found.message);
    only(
        &mycrm(|doc| set(doc, "/actions/0/name", json!("Create ticket"))),
        NAME_NOT_IDENTIFIER,
        Warning,
        "/actions/0/name",
    );
    clean(&mycrm(|doc| {
        set(doc, "/integration/name", json!("my-crm_2"));
        set(doc, "/actions/0/provider", json!("my-crm_2"));
    }));
}

#[test]
fn authentication_fields_unused() {
    only(
        &mycrm(|doc| set(doc, "/integration/authentication_type", json!("none"))),
        AUTHENTICATION_FIELDS_UNUSED,
        Warning,
        "/integration/authentication_configuration",
    );
    clean(&mycrm(|doc| {
        set(doc, "/integration/authentication_type", json!("none"));
        remove(doc, "/integration/authentication_configuration");
    }));
}

#[test]
fn oauth_field_optional() {
    only(
        &helpdesk(|doc| set(doc, "/integration/authentication_configuration/1/mandatory", json!(false))),
        OAUTH_FIELD_OPTIONAL,
        Warning,
        "/integration/authentication_configuration/1/mandatory",
    );
    // The example's "code" field is optional and not required by oauth2; custom requires nothing.
    clean(&helpdesk(|_| {}));
    clean(&mycrm(|doc| {
        set(doc, "/integration/authentication_configuration/1/field_name", json!("client_id"));
        set(doc, "/integration/authentication_configuration/1/mandatory", json!(false));
    }));
}

#[test]
fn unknown_template_field() {
    let found = only(
        &mycrm(|doc| {
            set(doc, "/integration/authentication_configuration/0/format", json!("https://{{acount}}.example.org"))
        }),
        UNKNOWN_TEMPLATE_FIELD,
        Warning,
        "/integration/authentication_configuration/0/format",
    );
    assert!(found.message.contains("did you mean account?"), "{}", found.message);
    only(
        &mycrm(|doc| set(doc, "/integration/authentication_configuration/0/format", json!("{{contact.email}}"))),
        UNKNOWN_TEMPLATE_FIELD,
        Warning,
        "/integration/authentication_configuration/0/format",
    );
    clean(&mycrm(|doc| {
        set(
            doc,
            "/integration/authentication_configuration/0/format",
            json!("https://{{ account }}.example.org/{{token}}"),
        )
    }));
}

#[test]
fn unknown_value_provider() {
    let found = only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/1/format", json!("{{contact.emial}}"))),
        UNKNOWN_VALUE_PROVIDER,
        Warning,
        "/actions/0/inputs/1/format",
    );
    assert!(found.message.contains("did you mean email?"), "{}", found.message);
    let found = only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/1/format", json!("{{contact.shoe_size}}"))),
        UNKNOWN_VALUE_PROVIDER,
        Warning,
        "/actions/0/inputs/1/format",
    );
    assert!(found.message.contains("updated_at"), "{}", found.message);
    clean(&mycrm(|doc| set(doc, "/actions/0/inputs/1/format", json!("{{ contact.updated_at }}"))));
}

#[test]
fn unknown_collection() {
    only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/1/format", json!("{{ticket.id}}"))),
        UNKNOWN_COLLECTION,
        Warning,
        "/actions/0/inputs/1/format",
    );
    let found = only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/1/format", json!("{{email}}"))),
        UNKNOWN_COLLECTION,
        Warning,
        "/actions/0/inputs/1/format",
    );
    assert!(found.message.contains("{{contact.email}}"), "{}", found.message);
    let found = only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/1/format", json!("{{contacts.email}}"))),
        UNKNOWN_COLLECTION,
        Warning,
        "/actions/0/inputs/1/format",
    );
    assert!(found.message.contains("did you mean contact?"), "{}", found.message);
    clean(&mycrm(|doc| set(doc, "/actions/0/inputs/1/format", json!("{{contact.email}}"))));
}

#[test]
fn interaction_types_without_endpoint() {
    only(
        &mycrm(|doc| remove(doc, "/integration/interaction_retrieval_endpoint")),
        INTERACTION_TYPES_WITHOUT_ENDPOINT,
        Warning,
        "/integration/interaction_types",
    );
    clean(&mycrm(|doc| {
        remove(doc, "/integration/interaction_retrieval_endpoint");
        set(doc, "/integration/interaction_types", json!([]));
    }));
}

#[test]
fn endpoint_without_interaction_types() {
    only(
        &mycrm(|doc| remove(doc, "/integration/interaction_types")),
        ENDPOINT_WITHOUT_INTERACTION_TYPES,
        Warning,
        "/integration/interaction_retrieval_endpoint",
    );
    // An empty list counts as not set.
    only(
        &mycrm(|doc| set(doc, "/integration/interaction_types", json!([]))),
        ENDPOINT_WITHOUT_INTERACTION_TYPES,
        Warning,
        "/integration/interaction_retrieval_endpoint",
    );
    clean(&mycrm(|doc| {
        remove(doc, "/integration/interaction_types");
        remove(doc, "/integration/interaction_retrieval_endpoint");
    }));
}

#[test]
fn display_uppercase() {
    only(
        &mycrm(|doc| set(doc, "/actions/0/display", json!("Create a ticket"))),
        DISPLAY_UPPERCASE,
        Warning,
        "/actions/0/display",
    );
    clean(&mycrm(|doc| set(doc, "/actions/0/display", json!("create a Ticket"))));
}

#[test]
fn description_uppercase() {
    only(
        &mycrm(|doc| set(doc, "/actions/0/description", json!("Create a new ticket in My CRM"))),
        DESCRIPTION_UPPERCASE,
        Warning,
        "/actions/0/description",
    );
    clean(&mycrm(|doc| set(doc, "/actions/0/description", json!("create a new ticket in My CRM"))));
}

#[test]
fn display_too_long() {
    // Characters are counted, not bytes: "é" is two bytes.
    let at_limit = format!("create {}", "é".repeat(25));
    assert_eq!(at_limit.chars().count(), 32);
    clean(&mycrm(|doc| set(doc, "/actions/0/display", json!(at_limit))));
    let over = format!("{at_limit}s");
    let found = only(
        &mycrm(|doc| set(doc, "/actions/0/display", json!(over))),
        DISPLAY_TOO_LONG,
        Warning,
        "/actions/0/display",
    );
    assert!(found.message.contains("33"), "{}", found.message);
}

#[test]
fn secret_not_masked() {
    let found = only(
        &mycrm(|doc| set(doc, "/integration/authentication_configuration/1/type", json!("input"))),
        SECRET_NOT_MASKED,
        Warning,
        "/integration/authentication_configuration/1/type",
    );
    assert!(found.message.contains("password"), "{}", found.message);
    for name in ["API_KEY", "admin_password", "client_secret"] {
        let diagnostics = mycrm(|doc| {
            set(doc, "/integration/authentication_configuration/1/field_name", json!(name));
            set(doc, "/integration/authentication_configuration/1/type", json!("input"));
        });
        only(&diagnostics, SECRET_NOT_MASKED, Warning, "/integration/authentication_configuration/1/type");
    }
    // Masked, obtained through OAuth, or a name that only contains the word.
    clean(&mycrm(|_| {}));
    clean(&mycrm(|doc| set(doc, "/integration/authentication_configuration/1/type", json!("oauth"))));
    clean(&mycrm(|doc| {
        set(doc, "/integration/authentication_configuration/1/field_name", json!("token_url"));
        set(doc, "/integration/authentication_configuration/1/type", json!("input"));
    }));
}

#[test]
fn duplicate_select_option() {
    let diagnostics = mycrm(|doc| set(doc, "/actions/0/inputs/2/format", json!("low, normal,low,high,low")));
    let found = only(&diagnostics, DUPLICATE_SELECT_OPTION, Warning, "/actions/0/inputs/2/format");
    assert!(found.message.contains("\"low\""), "{}", found.message);
    clean(&mycrm(|doc| set(doc, "/actions/0/inputs/2/format", json!("low,,normal, ,Low"))));
}

#[test]
fn duplicate_key() {
    // A key written twice: in the wrapper, in the integration (known and unknown keys), in a
    // value kept as written, and in a bare document; reading warns at the key's pointer.
    let text = "{\n  \"integration\": {\"name\": \"a\",\n    \"name\": \"mycrm\", \"x\": {\"k\": 1, \"k\": 2}},\n  \"actions\": [], \"actions\": []\n}";
    let parsed = read(text.as_bytes()).expect("an object");
    let found: Vec<(&str, &str)> = parsed.notes.iter().map(|d| (d.code, d.pointer.as_str())).collect();
    assert_eq!(
        found,
        vec![(DUPLICATE_KEY, "/integration/name"), (DUPLICATE_KEY, "/integration/x/k"), (DUPLICATE_KEY, "/actions")]
    );
    let name = &parsed.notes[0];
    assert_eq!(name.severity, Warning);
    assert!(name.message.contains("(first at 2:19, again at 3:5)"), "{}", name.message);
    assert!(name.message.contains("the value written last is kept"), "{}", name.message);
    assert_eq!(parsed.manifest.integration().and_then(|i| i.name.as_str()), Some("mycrm"));
    let bare = read(br#"{"name": "a", "authentication_type": "none", "name": "b"}"#).expect("an object");
    assert_eq!(
        bare.notes.iter().map(|d| (d.code, d.pointer.as_str())).collect::<Vec<_>>(),
        vec![(DUPLICATE_KEY, "/name")]
    );
    // The nearest case: equal keys in different objects are not duplicates.
    let text = r#"{"integration": {"name": "a", "x": {"name": 1}}, "actions": [{"name": "a"}, {"name": "b"}]}"#;
    assert!(read(text.as_bytes()).expect("an object").notes.is_empty());
}

// ---------------------------------------------------------------------------------------------
// Pointers, order and messages.

#[test]
fn a_bare_document_has_pointers_from_the_root() {
    let mut bare = example("mycrm")["integration"].clone();
    set(&mut bare, "/display_name", json!(""));
    set(&mut bare, "/x-notes", json!(1));
    let diagnostics = check(&bare);
    assert_eq!(summary(&diagnostics), vec![(BLANK_VALUE, "/display_name"), (UNKNOWN_KEY, "/x-notes")]);
    // Wrapper keys in a bare document are kept by the integration; the warning says where they belong.
    set(&mut bare, "/requires_cti", json!(true));
    let diagnostics = check(&bare);
    let found = diagnostics.iter().find(|d| d.pointer == "/requires_cti").expect("a warning about requires_cti");
    assert_eq!((found.code, found.severity), (UNKNOWN_KEY, Warning));
    assert!(found.message.contains("wrapper"), "{}", found.message);
}

#[test]
fn diagnostics_come_in_file_order() {
    let text = r#"{
      "x-top": 1,
      "actions": [{"provider": "other", "name": "a", "display": "A", "description": "d", "endpoint": "http://x.example", "inputs": [{"key": "k"}]}],
      "integration": {"x-int": 1, "name": "mycrm", "authentication_type": "none", "logo_url": "nope"},
      "requires_cti": "yes"
    }"#;
    let diagnostics = check_text(text);
    assert_eq!(
        summary(&diagnostics),
        vec![
            (WRONG_TYPE, "/requires_cti"),
            (MISSING_KEY, "/integration/display_name"),
            (MISSING_KEY, "/integration/description"),
            (INVALID_URL, "/integration/logo_url"),
            (MISSING_KEY, "/integration/icon_url"),
            (UNKNOWN_KEY, "/integration/x-int"),
            (PROVIDER_MISMATCH, "/actions/0/provider"),
            (DISPLAY_UPPERCASE, "/actions/0/display"),
            (PLAIN_HTTP, "/actions/0/endpoint"),
            (MISSING_KEY, "/actions/0/inputs/0/name"),
            (MISSING_KEY, "/actions/0/inputs/0/type"),
            (UNKNOWN_KEY, "/x-top"),
        ]
    );
}

#[test]
fn messages_quote_values_short_and_escaped() {
    let long = format!("{}\u{1b}[2J", "x".repeat(50));
    let diagnostics = mycrm(|doc| set(doc, "/integration/authentication_type", json!(long)));
    let found = has(&diagnostics, UNKNOWN_AUTHENTICATION_TYPE, Error, "/integration/authentication_type");
    assert!(found.message.contains(&format!("\"{}…\"", "x".repeat(40))), "{}", found.message);
    let diagnostics = mycrm(|doc| set(doc, "/integration/authentication_type", json!("cus\u{1b}tom\n")));
    let found = has(&diagnostics, UNKNOWN_AUTHENTICATION_TYPE, Error, "/integration/authentication_type");
    assert!(found.message.contains("\"cus\\u{1b}tom\\n\""), "{}", found.message);
}

#[test]
fn a_new_empty_manifest_lists_what_to_fill_in() {
    let diagnostics = validate(&integration_wizard::manifest::Manifest::new());
    let pointers: Vec<&str> = diagnostics.iter().map(|d| d.pointer.as_str()).collect();
    assert_eq!(
        pointers,
        [
            "/integration/name",
            "/integration/display_name",
            "/integration/description",
            "/integration/logo_url",
            "/integration/icon_url",
            "/integration/authentication_type"
        ]
    );
    assert!(diagnostics.iter().all(|d| d.code == MISSING_KEY && d.is_error()));
}

/// A valid manifest with `actions` actions of `inputs` inputs each, of every type.
fn many_inputs(actions: usize, inputs: usize) -> integration_wizard::manifest::Manifest {
    let mut document = example("mycrm");
    let formats = [
        ("text", "{{contact.email}}"),
        ("textarea", "line one\nline two"),
        ("number", "42"),
        ("tel", "{{ contact.phone }}"),
        ("url", "{{contact.website}}"),
        ("datetime", "2024-02-29T10:00:00Z"),
        ("select", "low,normal,high"),
    ];
    let list: Vec<Value> = (0..actions)
        .map(|action| {
            let fields: Vec<Value> = (0..inputs)
                .map(|input| {
                    let (kind, format) = formats[input % formats.len()];
                    json!({"key": format!("field_{input}"), "name": "Field", "mandatory": false, "type": kind, "format": format})
                })
                .collect();
            json!({"provider": "mycrm", "name": format!("action_{action}"), "display": "do it", "description": "do it",
                   "endpoint": "https://mycrm.example.org/a", "inputs": fields})
        })
        .collect();
    set(&mut document, "/actions", Value::Array(list));
    read(document.to_string().as_bytes()).expect("a JSON object").manifest
}

/// The allocations `validate` makes on this thread (tests run on several threads, so the count is per
/// thread), to check that a valid manifest costs no allocation per action input.
fn allocations_of_validate(manifest: &integration_wizard::manifest::Manifest) -> u64 {
    let mut diagnostics = Vec::new();
    let counted = allocation_counter::measure(|| diagnostics = validate(manifest));
    clean(&diagnostics);
    counted.count_total
}

#[test]
fn a_valid_manifest_costs_no_allocation_per_input() {
    let few = allocations_of_validate(&many_inputs(10, 7));
    let many = allocations_of_validate(&many_inputs(10, 700));
    assert!(few > 0, "allocations are counted (validating a manifest allocates its findings' list at least)");
    // The set of input keys grows with the largest action, a few times; nothing else may.
    assert!(many - few < 16, "{few} allocations for 70 inputs, {many} for 7,000");
}

/// Times `read` and `validate` on a large manifest: `cargo test --release --test rules -- --ignored --nocapture`.
#[test]
#[ignore = "needs /tmp/perf/big.json; run in release mode"]
fn time_a_big_manifest() {
    let bytes = std::fs::read("/tmp/perf/big.json").expect("/tmp/perf/big.json exists");
    let start = std::time::Instant::now();
    let parsed = read(&bytes).expect("a JSON object");
    let read_time = start.elapsed();
    let start = std::time::Instant::now();
    let diagnostics = validate(&parsed.manifest);
    let validate_time = start.elapsed();
    println!(
        "{} bytes: read {read_time:?}, validate {validate_time:?}, {} diagnostics",
        bytes.len(),
        diagnostics.len()
    );
}
