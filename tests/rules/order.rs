//! Pointers, the order of diagnostics, their messages, and what validating costs.

use super::*;

#[test]
fn a_bare_document_has_pointers_from_the_root() {
    let mut bare = example("mycrm")["integration"].clone();
    set(&mut bare, "/display_name", json!(""));
    set(&mut bare, "/x-notes", json!(1));
    let diagnostics = check(&bare);
    assert_eq!(summary(&diagnostics), vec![(Rule::BlankValue, "/display_name"), (Rule::UnknownKey, "/x-notes")]);
    // Wrapper keys in a bare document are kept by the integration; the warning says where they belong.
    set(&mut bare, "/requires_cti", json!(true));
    let diagnostics = check(&bare);
    let found = diagnostics.iter().find(|d| d.pointer == "/requires_cti").expect("a warning about requires_cti");
    assert_eq!((rule(found), found.severity), (Rule::UnknownKey, Warning));
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
            (Rule::WrongType, "/requires_cti"),
            (Rule::MissingKey, "/integration/display_name"),
            (Rule::MissingKey, "/integration/description"),
            (Rule::InvalidUrl, "/integration/logo_url"),
            (Rule::MissingKey, "/integration/icon_url"),
            (Rule::UnknownKey, "/integration/x-int"),
            (Rule::ProviderMismatch, "/actions/0/provider"),
            (Rule::DisplayUppercase, "/actions/0/display"),
            (Rule::PlainHttp, "/actions/0/endpoint"),
            (Rule::MissingKey, "/actions/0/inputs/0/name"),
            (Rule::MissingKey, "/actions/0/inputs/0/type"),
            (Rule::UnknownKey, "/x-top"),
        ]
    );
}

#[test]
fn messages_quote_values_short_and_escaped() {
    let long = format!("{}\u{1b}[2J", "x".repeat(50));
    let diagnostics = mycrm(|doc| set(doc, "/integration/authentication_type", json!(long)));
    let found = has(&diagnostics, Rule::UnknownAuthenticationType, Error, "/integration/authentication_type");
    assert!(found.message.contains(&format!("\"{}…\"", "x".repeat(40))), "{}", found.message);
    let diagnostics = mycrm(|doc| set(doc, "/integration/authentication_type", json!("cus\u{1b}tom\n")));
    let found = has(&diagnostics, Rule::UnknownAuthenticationType, Error, "/integration/authentication_type");
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
    assert!(diagnostics.iter().all(|d| d.code == Rule::MissingKey.code() && d.is_error()));
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
