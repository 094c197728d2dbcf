//! `validate --format sarif`: SARIF 2.1.0, as GitHub code scanning reads it. Every code is a
//! rule with its help text; every finding a result with its file, line and column, and its JSON
//! pointer as a logical location.

use super::report::FileReport;
use crate::escape;
use crate::manifest::explain::{self, Explanation, Source};
use crate::manifest::{Diagnostic, Severity};
use serde_json::{Map, Value, json};

/// The schema SARIF files name; GitHub and editors use it to check the file.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

// The log is built with `json!`: a few objects, written in the order code scanning has always
// been given them (keys sorted, the tags first among the properties). A SARIF crate would bring a
// generated type for every object of the standard into the build for these few.

/// The whole SARIF log, pretty-printed, ending with a newline.
pub(super) fn render(reports: &[FileReport]) -> String {
    let rules: Vec<Value> = explain::all().iter().map(|(code, e)| rule(code, e)).collect();
    let results: Vec<Value> =
        reports.iter().flat_map(|report| report.diagnostics.iter().map(|d| result(&report.path, d))).collect();
    let log = json!({
        "$schema": SCHEMA,
        "runs": [{
            // Our columns count characters, not UTF-16 code units (SARIF's default).
            "columnKind": "unicodeCodePoints",
            "results": results,
            "tool": {
                "driver": {
                    "name": env!("CARGO_PKG_NAME"),
                    "rules": rules,
                    "version": env!("CARGO_PKG_VERSION"),
                }
            }
        }],
        "version": "2.1.0",
    });
    // A Value with string keys always serialises.
    let text = serde_json::to_string_pretty(&log).unwrap_or_default();
    format!("{}\n", escape::json(text))
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// Extra properties: whose rule it is, as the JSON output says it.
fn properties(source: Source, more: &[(&str, &str)]) -> Value {
    let mut bag = Map::new();
    bag.insert("tags".to_owned(), json!([source.as_str()]));
    let mut extra = vec![("source", source.as_str())];
    extra.extend_from_slice(more);
    extra.sort_unstable();
    for (key, value) in extra {
        bag.insert(key.to_owned(), json!(value));
    }
    Value::Object(bag)
}

fn rule(code: &str, explanation: &Explanation) -> Value {
    let why = match &explanation.quote {
        Some(quote) => format!("{}\nTalkdesk's page \"Configuring an Integration\" says: \"{quote}\"", explanation.why),
        None => explanation.why.clone(),
    };
    let help = format!(
        "{}\n\nWhy: {why}\n\nHow to fix it: {}\n\n(`integration-wizard validate --explain {code}` prints this.)",
        explanation.checks, explanation.fix
    );
    json!({
        "defaultConfiguration": { "level": level(explanation.severity) },
        "fullDescription": { "text": explanation.checks },
        "help": { "text": help },
        "id": code,
        "properties": properties(explanation.source, &[]),
        "shortDescription": { "text": explanation.summary },
    })
}

fn result(path: &str, diagnostic: &Diagnostic) -> Value {
    let mut physical = json!({ "artifactLocation": { "uri": uri(path) } });
    if let Some(position) = diagnostic.position {
        physical["region"] = json!({ "startColumn": position.column, "startLine": position.line });
    }
    let location = if diagnostic.pointer.is_empty() {
        json!({ "physicalLocation": physical })
    } else {
        json!({
            "logicalLocations": [{ "fullyQualifiedName": diagnostic.pointer, "kind": "element" }],
            "physicalLocation": physical,
        })
    };
    let mut message = diagnostic.message.clone();
    if !diagnostic.pointer.is_empty() {
        message = format!("{}: {message}", diagnostic.pointer);
    }
    json!({
        "level": level(diagnostic.severity),
        "locations": [location],
        "message": { "text": message },
        "properties": properties(explain::source(diagnostic.code), &[("pointer", &diagnostic.pointer)]),
        "ruleId": diagnostic.code,
    })
}

/// A path as a URI reference: relative paths stay relative (GitHub resolves them against the
/// repository), with `\` as `/` and every byte outside the unreserved set percent-encoded.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::Position;
    use crate::manifest::rules::codes::Rule;
    use serde_json::Value;

    fn log() -> Value {
        let mut error = Diagnostic::of(Rule::BlankValue, "/integration/name", "name is blank; type it");
        error.position = Some(Position { line: 3, column: 5 });
        let unreadable = Diagnostic::of(Rule::Unreadable, "", "no such file; check the path");
        let reports = [
            FileReport { path: "dir/my crm.json".into(), diagnostics: vec![error] },
            FileReport { path: "/abs/gone.json".into(), diagnostics: vec![unreadable] },
        ];
        serde_json::from_str(&render(&reports)).expect("SARIF is JSON")
    }

    #[test]
    fn the_log_has_the_shape_code_scanning_reads() {
        let log = log();
        assert_eq!(log["version"], "2.1.0");
        assert_eq!(log["$schema"], SCHEMA);
        let run = &log["runs"][0];
        assert_eq!(run["tool"]["driver"]["name"], "integration-wizard");
        let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
        assert_eq!(rules.len(), explain::all().len(), "every code is a rule");
        let blank = rules.iter().find(|r| r["id"] == "blank-value").expect("blank-value rule");
        assert!(blank["help"]["text"].as_str().expect("help").contains("Talkdesk's page"));
        assert_eq!(blank["properties"]["source"], "talkdesk");
        assert_eq!(blank["defaultConfiguration"]["level"], "error");

        let first = &run["results"][0];
        assert_eq!(first["ruleId"], "blank-value");
        assert_eq!(first["level"], "error");
        assert_eq!(first["message"]["text"], "/integration/name: name is blank; type it");
        let location = &first["locations"][0];
        assert_eq!(location["physicalLocation"]["artifactLocation"]["uri"], "dir/my%20crm.json");
        assert_eq!(location["physicalLocation"]["region"]["startLine"], 3);
        assert_eq!(location["physicalLocation"]["region"]["startColumn"], 5);
        assert_eq!(location["logicalLocations"][0]["fullyQualifiedName"], "/integration/name");
        assert_eq!(first["properties"]["pointer"], "/integration/name");
        assert_eq!(first["properties"]["source"], "talkdesk");

        let second = &run["results"][1];
        assert_eq!(second["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "file:///abs/gone.json");
        assert!(second["locations"][0]["physicalLocation"].get("region").is_none());
        assert_eq!(second["properties"]["source"], "advice");
    }

    #[test]
    fn every_result_names_a_rule_of_the_driver() {
        let log = log();
        let run = &log["runs"][0];
        let ids: Vec<&Value> =
            run["tool"]["driver"]["rules"].as_array().expect("rules").iter().map(|r| &r["id"]).collect();
        for result in run["results"].as_array().expect("results") {
            assert!(ids.contains(&&result["ruleId"]), "{result}");
            assert!(result["message"]["text"].is_string());
            assert!(!result["locations"].as_array().expect("locations").is_empty());
        }
    }
}
