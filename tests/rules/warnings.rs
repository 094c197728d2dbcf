//! Warnings: for each code, the case that trips it and the nearest case that must not.

use super::*;

#[test]
fn unknown_key() {
    let found = only(
        &mycrm(|doc| set(doc, "/integration/x-notes", json!("kept"))),
        Rule::UnknownKey,
        Warning,
        "/integration/x-notes",
    );
    assert_eq!(
        found.message,
        "unknown key \"x-notes\" is kept as it is; check its spelling if Talkdesk should read it"
    );
    let found = only(
        &mycrm(|doc| set(doc, "/integration/disply_name", json!("x"))),
        Rule::UnknownKey,
        Warning,
        "/integration/disply_name",
    );
    assert!(found.message.contains("did you mean display_name?"), "{}", found.message);
    only(&mycrm(|doc| set(doc, "/x~1y", json!(1))), Rule::UnknownKey, Warning, "/x~1y");
    only(
        &mycrm(|doc| set(doc, "/integration/authentication_configuration/0/source", json!("input"))),
        Rule::UnknownKey,
        Warning,
        "/integration/authentication_configuration/0/source",
    );
    only(&mycrm(|doc| set(doc, "/actions/0/x", json!(null))), Rule::UnknownKey, Warning, "/actions/0/x");
    only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/0/placeholder", json!(""))),
        Rule::UnknownKey,
        Warning,
        "/actions/0/inputs/0/placeholder",
    );
    clean(&mycrm(|doc| set(doc, "/$schema", json!("https://example.invalid/schema.json"))));
}

#[test]
fn plain_http() {
    only(
        &mycrm(|doc| set(doc, "/integration/auth_validation_endpoint", json!("http://mycrm.example.org/auth"))),
        Rule::PlainHttp,
        Warning,
        "/integration/auth_validation_endpoint",
    );
    only(
        &mycrm(|doc| set(doc, "/actions/0/endpoint", json!("http://mycrm.example.org/a"))),
        Rule::PlainHttp,
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
        Rule::UrlCredentials,
        Warning,
        "/integration/contact_synchronization_endpoint",
    );
    assert!(!found.message.contains("s3cret"), "the secret is not repeated: {}", found.message);
    only(
        &mycrm(|doc| set(doc, "/integration/logo_url", json!("https://user@example.org/logo.png"))),
        Rule::UrlCredentials,
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
    let found = only(&diagnostics, Rule::NameNotIdentifier, Warning, "/integration/name");
    assert!(found.message.contains("\"my_crm\""), "{}", found.message);
    only(
        &mycrm(|doc| set(doc, "/actions/0/name", json!("Create ticket"))),
        Rule::NameNotIdentifier,
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
        Rule::AuthenticationFieldsUnused,
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
        Rule::OauthFieldOptional,
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
        Rule::UnknownTemplateField,
        Warning,
        "/integration/authentication_configuration/0/format",
    );
    assert!(found.message.contains("did you mean account?"), "{}", found.message);
    only(
        &mycrm(|doc| set(doc, "/integration/authentication_configuration/0/format", json!("{{contact.email}}"))),
        Rule::UnknownTemplateField,
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
        Rule::UnknownValueProvider,
        Warning,
        "/actions/0/inputs/1/format",
    );
    assert!(found.message.contains("did you mean email?"), "{}", found.message);
    let found = only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/1/format", json!("{{contact.shoe_size}}"))),
        Rule::UnknownValueProvider,
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
        Rule::UnknownCollection,
        Warning,
        "/actions/0/inputs/1/format",
    );
    let found = only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/1/format", json!("{{email}}"))),
        Rule::UnknownCollection,
        Warning,
        "/actions/0/inputs/1/format",
    );
    assert!(found.message.contains("{{contact.email}}"), "{}", found.message);
    let found = only(
        &mycrm(|doc| set(doc, "/actions/0/inputs/1/format", json!("{{contacts.email}}"))),
        Rule::UnknownCollection,
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
        Rule::InteractionTypesWithoutEndpoint,
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
        Rule::EndpointWithoutInteractionTypes,
        Warning,
        "/integration/interaction_retrieval_endpoint",
    );
    // An empty list counts as not set.
    only(
        &mycrm(|doc| set(doc, "/integration/interaction_types", json!([]))),
        Rule::EndpointWithoutInteractionTypes,
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
        Rule::DisplayUppercase,
        Warning,
        "/actions/0/display",
    );
    clean(&mycrm(|doc| set(doc, "/actions/0/display", json!("create a Ticket"))));
}

#[test]
fn description_uppercase() {
    only(
        &mycrm(|doc| set(doc, "/actions/0/description", json!("Create a new ticket in My CRM"))),
        Rule::DescriptionUppercase,
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
        Rule::DisplayTooLong,
        Warning,
        "/actions/0/display",
    );
    assert!(found.message.contains("33"), "{}", found.message);
}

#[test]
fn secret_not_masked() {
    let found = only(
        &mycrm(|doc| set(doc, "/integration/authentication_configuration/1/type", json!("input"))),
        Rule::SecretNotMasked,
        Warning,
        "/integration/authentication_configuration/1/type",
    );
    assert!(found.message.contains("password"), "{}", found.message);
    for name in ["API_KEY", "admin_password", "client_secret"] {
        let diagnostics = mycrm(|doc| {
            set(doc, "/integration/authentication_configuration/1/field_name", json!(name));
            set(doc, "/integration/authentication_configuration/1/type", json!("input"));
        });
        only(&diagnostics, Rule::SecretNotMasked, Warning, "/integration/authentication_configuration/1/type");
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
    let found = only(&diagnostics, Rule::DuplicateSelectOption, Warning, "/actions/0/inputs/2/format");
    assert!(found.message.contains("\"low\""), "{}", found.message);
    clean(&mycrm(|doc| set(doc, "/actions/0/inputs/2/format", json!("low,,normal, ,Low"))));
}

#[test]
fn duplicate_key() {
    // A key written twice: in the wrapper, in the integration (known and unknown keys), in a
    // value kept as written, and in a bare document; reading warns at the key's pointer.
    let text = "{\n  \"integration\": {\"name\": \"a\",\n    \"name\": \"mycrm\", \"x\": {\"k\": 1, \"k\": 2}},\n  \"actions\": [], \"actions\": []\n}";
    let parsed = read(text.as_bytes()).expect("an object");
    let found = summary(&parsed.notes);
    assert_eq!(
        found,
        vec![
            (Rule::DuplicateKey, "/integration/name"),
            (Rule::DuplicateKey, "/integration/x/k"),
            (Rule::DuplicateKey, "/actions")
        ]
    );
    let name = &parsed.notes[0];
    assert_eq!(name.severity, Warning);
    assert!(name.message.contains("(first at 2:19, again at 3:5)"), "{}", name.message);
    assert!(name.message.contains("the value written last is kept"), "{}", name.message);
    assert_eq!(parsed.manifest.integration().and_then(|i| i.name.as_str()), Some("mycrm"));
    let bare = read(br#"{"name": "a", "authentication_type": "none", "name": "b"}"#).expect("an object");
    assert_eq!(summary(&bare.notes), vec![(Rule::DuplicateKey, "/name")]);
    // The nearest case: equal keys in different objects are not duplicates.
    let text = r#"{"integration": {"name": "a", "x": {"name": 1}}, "actions": [{"name": "a"}, {"name": "b"}]}"#;
    assert!(read(text.as_bytes()).expect("an object").notes.is_empty());
}
