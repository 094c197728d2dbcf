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

/// The codes of errors a schema can express: the file's structure, the enumerations, required
/// keys and lists, URLs and blank or multi-line texts. The others (unique names, templates,
/// defaults, control characters) need more than a schema and are the validator's alone.
const STRUCTURAL: &[&str] = &[
    "not-an-object",
    "integration-missing",
    "missing-key",
    "wrong-type",
    "blank-value",
    "unknown-authentication-type",
    "authentication-fields-missing",
    "oauth-field-missing",
    "auth-field-not-object",
    "action-not-object",
    "input-not-object",
    "unknown-field-type",
    "invalid-url",
    "cti-endpoint-missing",
    "invalid-interaction-type",
    "unknown-input-type",
    "select-without-options",
    "newline-in-one-line-field",
];

/// The manifests of the repository: the examples, every JSON manifest under `tests/`, and each
/// example in the other shapes the tool reads (bare, legacy authentication fields, needing CTI).
fn bases() -> Vec<(String, Value)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut bases = Vec::new();
    for folder in ["assets", "tests"] {
        for entry in ignore::Walk::new(root.join(folder)).flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|extension| extension == "json")
                && let Ok(text) = std::fs::read_to_string(path)
                && let Ok(document @ Value::Object(_)) = serde_json::from_str::<Value>(&text)
                && (document.get("integration").is_some() || document.get("authentication_type").is_some())
            {
                bases.push((path.strip_prefix(root).unwrap_or(path).display().to_string(), document));
            }
        }
    }
    for name in ["mycrm", "oauth2-helpdesk"] {
        let wrapper = example(name);
        bases.push((format!("{name} bare"), wrapper["integration"].clone()));
        let mut legacy = wrapper.clone();
        let fields = legacy["integration"]["authentication_configuration"].as_array_mut().expect("fields");
        for field in fields.iter_mut() {
            let mut inner = field.as_object().expect("a field").clone();
            let name = inner.remove("field_name").expect("a field name");
            *field = json!({ name.as_str().expect("a string"): inner });
        }
        bases.push((format!("{name} legacy"), legacy));
        let mut cti = wrapper.clone();
        cti["requires_cti"] = json!(true);
        bases.push((format!("{name} requires_cti"), cti));
    }
    bases
}

/// Every document one change away from `base`: each key removed, each value replaced by
/// another JSON type, a blank or multi-line text, another string, or written in capitals.
fn mutations(base: &Value) -> Vec<(String, Value)> {
    let mut found = Vec::new();
    let mut pointers = Vec::new();
    collect_pointers(base, String::new(), &mut pointers);
    let replacements = [
        json!(null),
        json!(true),
        json!(7),
        json!(""),
        json!("   "),
        json!("x"),
        json!("https://example.org/x"),
        json!([]),
        json!({}),
    ];
    for pointer in pointers.iter().filter(|pointer| !pointer.is_empty()) {
        let (parent, last) = pointer.rsplit_once('/').expect("a parent");
        let mut removed = base.clone();
        match removed.pointer_mut(parent) {
            Some(Value::Object(object)) => {
                object.shift_remove(&last.replace("~1", "/").replace("~0", "~"));
            }
            Some(Value::Array(array)) => {
                array.remove(last.parse().expect("an index"));
            }
            _ => {}
        }
        found.push((format!("{pointer} removed"), removed));
        let original = base.pointer(pointer).expect("the pointer exists");
        let mut values: Vec<Value> = replacements.to_vec();
        if let Some(text) = original.as_str() {
            values.push(json!(text.to_uppercase()));
            values.push(json!(format!("{text}\nmore")));
        }
        for value in values {
            let mut changed = base.clone();
            *changed.pointer_mut(pointer).expect("the pointer exists") = value.clone();
            found.push((format!("{pointer} = {value}"), changed));
        }
    }
    found
}

fn collect_pointers(value: &Value, at: String, pointers: &mut Vec<String>) {
    match value {
        Value::Object(object) => {
            for (key, child) in object {
                collect_pointers(child, format!("{at}/{}", key.replace('~', "~0").replace('/', "~1")), pointers);
            }
        }
        Value::Array(array) => {
            for (index, child) in array.iter().enumerate() {
                collect_pointers(child, format!("{at}/{index}"), pointers);
            }
        }
        _ => {}
    }
    pointers.push(at);
}

/// The schema's verdicts agree with `validate`'s over the corpus: every manifest `validate`
/// accepts is valid under the schema, and every one it rejects on structure or blankness is not.
#[test]
fn the_schema_agrees_with_validate_over_the_whole_corpus() {
    let schema: Value = serde_json::from_str(&asset("manifest.schema.json")).expect("the schema is JSON");
    let mut compiler = boon::Compiler::new();
    compiler.add_resource("manifest.schema.json", schema).expect("the schema is a resource");
    let mut schemas = boon::Schemas::new();
    let index = compiler.compile("manifest.schema.json", &mut schemas).expect("the schema compiles");
    let mut disagreements = Vec::new();
    let mut compared = 0;
    for (name, base) in bases() {
        let mut documents = vec![(String::from("as written"), base.clone())];
        documents.extend(mutations(&base));
        for (change, document) in documents {
            let checked = integration_wizard::manifest::check(document.to_string().as_bytes());
            let errors: Vec<&str> = checked
                .diagnostics
                .iter()
                .filter(|diagnostic| diagnostic.severity == integration_wizard::manifest::Severity::Error)
                .map(|diagnostic| diagnostic.code)
                .collect();
            let schema_accepts = schemas.validate(&document, index).is_ok();
            let disagree = if errors.is_empty() {
                !schema_accepts
            } else if errors.iter().any(|code| STRUCTURAL.contains(code)) {
                schema_accepts
            } else {
                continue;
            };
            compared += 1;
            if disagree {
                let verdict = if schema_accepts { "accepts" } else { "rejects" };
                disagreements.push(format!("{name}, {change}: validate errors {errors:?}, the schema {verdict}"));
            }
        }
    }
    assert!(compared > 1000, "only {compared} manifests compared");
    assert!(
        disagreements.is_empty(),
        "{} of {compared} manifests judged differently, e.g.:\n{}",
        disagreements.len(),
        disagreements.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
}
