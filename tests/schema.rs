//! The committed JSON Schema, checked by a JSON Schema validator (boon, draft 2020-12): every
//! shape the tool reads without error and writes validates, so an editor using `$schema` does not
//! flag a file the tool saved; a broken manifest does not.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

use integration_wizard::manifest::{Shape, read, to_json};
use serde_json::{Value, json};

fn asset(path: &str) -> String {
    std::fs::read_to_string(format!("{}/assets/{path}", env!("CARGO_MANIFEST_DIR"))).expect("the asset exists")
}

/// Validates `document` against `assets/manifest.schema.json`: the problems, or none.
fn problems(document: &Value) -> Option<String> {
    let schema: Value = serde_json::from_str(&asset("manifest.schema.json")).expect("the schema is JSON");
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("manifest.schema.json", schema).expect("the schema is a resource");
    let mut schemas = boon::Schemas::new();
    let index = compiler.compile("manifest.schema.json", &mut schemas).expect("the schema compiles");
    schemas.validate(document, index).err().map(|error| format!("{error:#}"))
}

#[track_caller]
fn assert_valid(document: &Value) {
    if let Some(problems) = problems(document) {
        panic!("{problems}\n{document:#}");
    }
}

fn example(name: &str) -> Value {
    serde_json::from_str(&asset(&format!("examples/{name}.json"))).expect("the example is JSON")
}

#[test]
fn both_bundled_examples_validate() {
    assert_valid(&example("mycrm"));
    assert_valid(&example("oauth2-helpdesk"));
}

#[test]
fn a_bare_integration_the_tool_saved_validates() {
    let mut bare = example("mycrm")["integration"].clone();
    bare["$schema"] = json!("https://integration-wizard.invalid/manifest.schema.json");
    let parsed = read(bare.to_string().as_bytes()).expect("an object");
    assert!(parsed.notes.is_empty(), "{:?}", parsed.notes);
    assert_eq!(parsed.manifest.written_shape(), Shape::Bare, "the tool keeps it bare");
    let saved: Value = serde_json::from_str(&to_json(&parsed.manifest)).expect("JSON");
    assert_valid(&saved);
}

#[test]
fn broken_manifests_do_not_validate() {
    // In both shapes, a missing required key and a wrong enumeration value are flagged.
    let mut wrapper = example("mycrm");
    wrapper["integration"]["authentication_type"] = json!("kerberos");
    assert!(problems(&wrapper).is_some(), "a wrong authentication type in a wrapper");
    let mut bare = example("mycrm")["integration"].clone();
    bare.as_object_mut().expect("an object").remove("display_name");
    assert!(problems(&bare).is_some(), "a bare integration without display_name");
    // A document with `integration` is a wrapper: its top-level integration keys do not make it bare.
    let mut both = example("mycrm");
    both["integration"] = json!(42);
    for (key, value) in example("mycrm")["integration"].as_object().expect("an object") {
        both[key] = value.clone();
    }
    assert!(problems(&both).is_some(), "integration must be an object even when the keys are also at the top");
    assert!(problems(&json!([])).is_some(), "a list is no manifest");
}
