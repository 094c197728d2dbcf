//! Reading and writing manifests: every shape of SPEC §2.1 and the layout rules of §2.2.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

use integration_wizard::manifest::{Manifest, Shape, Slot, read, to_json};

fn parse(text: &str) -> integration_wizard::manifest::Parsed {
    read(text.as_bytes()).expect("the test document is a JSON object")
}

#[test]
fn bundled_examples_are_written_back_byte_identical() {
    for name in ["mycrm", "oauth2-helpdesk"] {
        let path = format!("{}/assets/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("example exists");
        let parsed = parse(&text);
        assert!(parsed.notes.is_empty(), "{name}: {:?}", parsed.notes);
        assert_eq!(to_json(&parsed.manifest), text, "{name} changed on a save with no edit");
    }
}

#[test]
fn known_keys_are_reordered_and_unknown_keys_follow_in_their_order() {
    let parsed = parse(
        r#"{"actions": [], "zeta": 1, "integration": {"icon_url": "i", "x-b": true, "name": "n", "x-a": null}, "alpha": [1]}"#,
    );
    let expected = "{\n  \"integration\": {\n    \"name\": \"n\",\n    \"icon_url\": \"i\",\n    \"x-b\": true,\n    \"x-a\": null\n  },\n  \"actions\": [],\n  \"zeta\": 1,\n  \"alpha\": [\n    1\n  ]\n}\n";
    assert_eq!(to_json(&parsed.manifest), expected);
}

#[test]
fn wrong_types_and_null_are_kept() {
    let text = r#"{"integration": {"name": 5, "description": null, "authentication_configuration": [{"field_name": "a", "mandatory": "yes"}, 7]}}"#;
    let parsed = parse(text);
    let integration = parsed.manifest.integration().expect("integration");
    assert!(matches!(integration.name, Slot::Wrong(_)));
    assert_eq!(integration.description, Slot::Null);
    assert!(integration.display_name.is_absent());
    let written = to_json(&parsed.manifest);
    assert!(written.contains("\"name\": 5"), "{written}");
    assert!(written.contains("\"description\": null"));
    assert!(written.contains("\"mandatory\": \"yes\""));
    assert!(written.contains("    7\n"));
    assert!(!written.contains("display_name"));
}

#[test]
fn a_bare_integration_stays_bare_until_it_gets_an_action() {
    let parsed = parse(r#"{"name": "mycrm", "authentication_type": "none", "x": 1}"#);
    assert_eq!(parsed.manifest.shape, Shape::Bare);
    assert_eq!(parsed.manifest.integration_pointer(), "");
    let written = to_json(&parsed.manifest);
    assert_eq!(written, "{\n  \"name\": \"mycrm\",\n  \"authentication_type\": \"none\",\n  \"x\": 1\n}\n");
    let mut manifest = parsed.manifest;
    manifest.wrapper.actions = Slot::Value(vec![Slot::Value(Default::default())]);
    assert_eq!(manifest.written_shape(), Shape::Wrapper);
    assert!(to_json(&manifest).starts_with("{\n  \"integration\": {\n    \"name\": \"mycrm\""));
}

#[test]
fn the_legacy_shape_is_upgraded_with_a_warning() {
    let parsed = parse(
        r#"{"integration": {"name": "m", "authentication_configuration": [{"account": {"source": "input", "display": "Account", "mandatory": true, "type": "input", "store": true}}]}}"#,
    );
    let integration = parsed.manifest.integration().expect("integration");
    let fields = integration.authentication_configuration.get().expect("list");
    let field = fields[0].get().expect("object");
    assert_eq!(field.field_name.as_str(), Some("account"));
    assert_eq!(field.display.as_str(), Some("Account"));
    assert_eq!(field.extra.len(), 1);
    assert_eq!(field.extra[0].0, "source");
    assert_eq!(parsed.notes.len(), 1);
    assert_eq!(parsed.notes[0].code, "legacy-shape");
    assert_eq!(parsed.notes[0].pointer, "/integration/authentication_configuration/0");
}

#[test]
fn enumerations_are_read_in_any_case_and_written_lowercase() {
    let parsed = parse(
        r#"{"integration": {"authentication_type": "OAuth2", "authentication_configuration": [{"field_name": "a", "type": "Text"}]}, "actions": [{"inputs": [{"type": "DateTime"}]}]}"#,
    );
    let codes: Vec<_> = parsed.notes.iter().map(|note| (note.code, note.pointer.as_str())).collect();
    assert_eq!(
        codes,
        vec![
            ("enum-not-lowercase", "/integration/authentication_type"),
            ("text-for-input", "/integration/authentication_configuration/0/type"),
            ("enum-not-lowercase", "/actions/0/inputs/0/type"),
        ]
    );
    let written = to_json(&parsed.manifest);
    assert!(written.contains("\"oauth2\"") && written.contains("\"input\"") && written.contains("\"datetime\""));
}

#[test]
fn what_is_not_a_json_object_is_refused_with_a_position() {
    for (text, code) in [
        ("", "json-syntax"),
        ("  \n", "json-syntax"),
        ("[1]", "not-an-object"),
        ("{\"a\": }", "json-syntax"),
        ("{\"a\": 1", "json-syntax"),
    ] {
        let error = read(text.as_bytes()).expect_err(text);
        assert_eq!(error.code, code, "{text}");
    }
    let error = read(b"{\n  \"a\" 1\n}").expect_err("missing colon");
    assert_eq!(error.position.map(|p| p.line), Some(2));
    let deep = "[".repeat(100_000);
    assert!(read(deep.as_bytes()).expect_err("too deep").message.contains("nested"));
    assert_eq!(read(b"\xff\xfe{}").expect_err("not utf-8").code, "json-syntax");
}

#[test]
fn a_new_manifest_is_a_wrapper_with_an_empty_integration() {
    assert_eq!(to_json(&Manifest::new()), "{\n  \"integration\": {}\n}\n");
}

#[test]
fn numbers_keep_their_spelling_in_unknown_keys_and_wrong_types() {
    let numbers = [
        "12345678901234567890123",
        "-0",
        "1E+2",
        "1e2",
        "2.50",
        "0.1000000000000000055511151231257827",
        "-1.5E-7",
        "7",
    ];
    let list = numbers.join(", ");
    let text = format!(
        r#"{{"integration": {{"name": {first}, "x-list": [{list}], "x-object": {{"n": {second}}}, "requires_cti_note": -0.0}}, "requires_cti": 1E+2}}"#,
        first = numbers[0],
        second = numbers[2],
    );
    let parsed = parse(&text);
    let written = to_json(&parsed.manifest);
    assert!(written.contains("\"name\": 12345678901234567890123,"), "{written}");
    assert!(written.contains("\"n\": 1E+2"), "{written}");
    assert!(written.contains("\"requires_cti_note\": -0.0"), "{written}");
    assert!(written.contains("\"requires_cti\": 1E+2"), "{written}");
    for number in numbers {
        assert!(written.contains(&format!("      {number}")), "{number} lost in {written}");
    }
    assert_eq!(to_json(&parse(&written).manifest), written, "a second save changes nothing");
}

#[test]
fn numbers_keep_their_spelling_in_a_bare_document_and_a_legacy_field() {
    let text = r#"{"name": "mycrm", "authentication_type": "custom", "x": -0, "authentication_configuration": [{"account": {"display": "A", "x-max": 1.0E+3}}]}"#;
    let parsed = parse(text);
    assert_eq!(parsed.manifest.shape, Shape::Bare);
    let written = to_json(&parsed.manifest);
    assert!(written.contains("\"x\": -0\n"), "{written}");
    assert!(written.contains("\"x-max\": 1.0E+3"), "{written}");
}

#[test]
fn a_number_beyond_every_float_is_refused_with_advice_not_rounded() {
    let error = read(br#"{"integration": {"name": "a", "x": 1e400}}"#).expect_err("refused");
    assert_eq!(error.code, "json-syntax");
    assert!(error.message.contains("write it smaller"), "{}", error.message);
    assert!(error.position.is_some());
}
