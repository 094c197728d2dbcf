//! The validation rules of SPEC §3: for every code, the case that trips it and the nearest case that must not.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]
// A test prints through `println!`: what it measured, or why it skipped.
#![allow(clippy::disallowed_macros)]

use integration_wizard::manifest::rules::codes::Rule;
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

/// The rule of a diagnostic: every code the checks give is a rule's.
#[track_caller]
fn rule(diagnostic: &Diagnostic) -> Rule {
    Rule::of_code(diagnostic.code).unwrap_or_else(|| panic!("{} is no rule's code", diagnostic.code))
}

fn summary(diagnostics: &[Diagnostic]) -> Vec<(Rule, &str)> {
    diagnostics.iter().map(|d| (rule(d), d.pointer.as_str())).collect()
}

/// The diagnostics are exactly one, with this code, severity and pointer; gives it back.
#[track_caller]
fn only(diagnostics: &[Diagnostic], rule: Rule, severity: Severity, pointer: &str) -> Diagnostic {
    assert_eq!(summary(diagnostics), vec![(rule, pointer)], "{diagnostics:#?}");
    assert_eq!(diagnostics[0].severity, severity, "{diagnostics:#?}");
    diagnostics[0].clone()
}

/// Among the diagnostics, `rule` appears exactly once, with this severity and pointer.
#[track_caller]
fn has(diagnostics: &[Diagnostic], rule: Rule, severity: Severity, pointer: &str) -> Diagnostic {
    let found: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.code == rule.code()).collect();
    assert_eq!(found.len(), 1, "one {rule} expected: {diagnostics:#?}");
    assert_eq!((found[0].severity, found[0].pointer.as_str()), (severity, pointer), "{diagnostics:#?}");
    found[0].clone()
}

#[track_caller]
fn clean(diagnostics: &[Diagnostic]) {
    assert!(diagnostics.is_empty(), "expected no diagnostics: {diagnostics:#?}");
}

#[track_caller]
fn lacks(diagnostics: &[Diagnostic], rule: Rule) {
    assert!(diagnostics.iter().all(|d| d.code != rule.code()), "unexpected {rule}: {diagnostics:#?}");
}

use Severity::{Error, Warning};

mod errors;
mod examples;
mod order;
mod warnings;
