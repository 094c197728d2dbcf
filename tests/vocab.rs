//! `Vocab<T>`: the seed page's enumerations as `Known(T)` or `Other(text)`. Known values and unknown
//! ones round-trip exactly; odd spellings of a known value are read as before (rewritten, with a
//! warning); the rules report what is not known as before.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

use integration_wizard::manifest::edit::Owner;
use integration_wizard::manifest::{
    AuthFieldKey, AuthFieldType, AuthenticationType, InputKey, InputType, IntegrationKey, Manifest, Slot, Vocab,
    Vocabulary, read, to_json, validate,
};

fn round_trips<T: Vocabulary + std::fmt::Debug>() {
    for value in T::VALUES {
        let read: Vocab<T> = Vocab::from_text(value.as_str().to_owned());
        assert_eq!(read, Vocab::Known(*value), "{value:?} is known by its own spelling");
        assert_eq!(read.as_str(), value.as_str());
        assert_eq!(serde_json::to_string(&read).expect("a string"), format!("\"{}\"", value.as_str()));
        assert_eq!(Vocab::from(*value), read);
    }
}

#[test]
fn every_known_value_is_read_and_written_as_talkdesk_spells_it() {
    round_trips::<AuthenticationType>();
    round_trips::<AuthFieldType>();
    round_trips::<InputType>();
}

#[test]
fn other_spellings_are_kept_as_written_and_recognised_only_leniently() {
    for odd in ["OAuth2", "OAUTH2", "oauth2 ", " oauth2", "oauth 2", "ｏａｕｔｈ２", "oauth2\u{200b}", ""] {
        let vocab: Vocab<AuthenticationType> = Vocab::from_text(odd.to_owned());
        assert_eq!(vocab, Vocab::Other(odd.to_owned()), "{odd:?} is not Talkdesk's spelling");
        assert_eq!(vocab.as_str(), odd, "kept exactly");
        assert_eq!(vocab.known(), None);
    }
    let mixed: Vocab<AuthenticationType> = Vocab::from_text("OAuth2".to_owned());
    assert_eq!(mixed.lenient(), Some(AuthenticationType::OAuth2), "read in any letter case");
    let legacy: Vocab<AuthFieldType> = Vocab::from_text("text".to_owned());
    assert_eq!(legacy.lenient(), Some(AuthFieldType::Input), "the seed page's `text` means input");
    let unknown: Vocab<InputType> = Vocab::from_text("checkbox".to_owned());
    assert_eq!(unknown.lenient(), None);
}

#[test]
fn an_unknown_value_round_trips_unchanged_and_is_reported_as_before() {
    let text = r#"{
  "integration": {
    "name": "x",
    "authentication_type": "kerberos",
    "authentication_configuration": [
      {
        "field_name": "a",
        "type": "biometric"
      }
    ]
  },
  "actions": [
    {
      "inputs": [
        {
          "type": "checkbox"
        }
      ]
    }
  ]
}
"#;
    let parsed = read(text.as_bytes()).expect("an object");
    assert!(parsed.notes.is_empty(), "nothing to rewrite: {:?}", parsed.notes);
    let integration = parsed.manifest.integration().expect("an integration");
    assert_eq!(integration.authentication_type, Slot::Value(Vocab::Other("kerberos".to_owned())));
    assert_eq!(parsed.manifest.authentication_type(), None);
    assert_eq!(to_json(&parsed.manifest), text, "written back byte for byte");
    let codes: Vec<(&str, String)> = validate(&parsed.manifest)
        .into_iter()
        .map(|d| (d.code, d.pointer))
        .filter(|(c, _)| c.starts_with("unknown-"))
        .collect();
    assert_eq!(
        codes,
        [
            ("unknown-authentication-type", "/integration/authentication_type".to_owned()),
            ("unknown-field-type", "/integration/authentication_configuration/0/type".to_owned()),
            ("unknown-input-type", "/actions/0/inputs/0/type".to_owned()),
        ]
    );
}

#[test]
fn odd_spellings_of_known_values_are_rewritten_with_a_warning_as_before() {
    let parsed = read(
        br#"{"integration": {"authentication_type": "OAuth2_Password", "authentication_configuration": [{"type": "TEXT"}]}, "actions": [{"inputs": [{"type": "Select"}]}]}"#,
    )
    .expect("an object");
    let codes: Vec<&str> = parsed.notes.iter().map(|note| note.code).collect();
    assert_eq!(codes, ["enum-not-lowercase", "text-for-input", "enum-not-lowercase"]);
    let manifest = &parsed.manifest;
    assert_eq!(manifest.authentication_type(), Some(AuthenticationType::OAuth2Password));
    assert_eq!(manifest.auth_field(0).map(|f| f.field_type.known()), Some(Some(AuthFieldType::Input)));
    assert_eq!(manifest.input(0, 0).map(|i| i.input_type.known()), Some(Some(InputType::Select)));
}

#[test]
fn a_value_of_another_json_type_is_kept_as_written() {
    let text = "{\n  \"integration\": {\n    \"authentication_type\": 7\n  }\n}\n";
    let parsed = read(text.as_bytes()).expect("an object");
    let slot = &parsed.manifest.integration().expect("an integration").authentication_type;
    assert!(matches!(slot, Slot::Wrong(_)), "{slot:?}");
    assert_eq!(to_json(&parsed.manifest), text);
}

#[test]
fn a_form_reads_and_sets_a_type_by_its_text() {
    let mut manifest = Manifest::new();
    let action = manifest.add_action().expect("actions list");
    let input = manifest.add_input(action).expect("inputs list");
    let owner = Owner::Input { action, input };
    assert_eq!(manifest.term(owner, InputKey::Type), Some(Slot::Value("text".to_owned())), "a new input is text");
    manifest.set_term(owner, InputKey::Type, "select");
    assert_eq!(manifest.input(action, input).map(|i| i.input_type.known()), Some(Some(InputType::Select)));
    manifest.set_term(owner, InputKey::Type, "Checkbox");
    assert_eq!(
        manifest.input(action, input).map(|i| i.input_type.clone()),
        Some(Slot::Value(Vocab::Other("Checkbox".to_owned())))
    );
    let field = manifest.add_auth_field().expect("fields list");
    manifest.set_term(Owner::AuthField(field), AuthFieldKey::Type, "password");
    assert_eq!(manifest.auth_field(field).map(|f| f.field_type.known()), Some(Some(AuthFieldType::Password)));
    manifest.set_term(Owner::Integration, IntegrationKey::AuthenticationType, "custom");
    assert_eq!(manifest.authentication_type(), Some(AuthenticationType::Custom));
    assert_eq!(manifest.text(Owner::Integration, IntegrationKey::AuthenticationType), None, "a type is no free text");
}
