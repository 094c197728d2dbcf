//! `validate --format sarif`: SARIF 2.1.0, as GitHub code scanning reads it. Every code is a
//! rule with its help text; every finding a result with its file, line and column, and its JSON
//! pointer as a logical location.

use super::report::FileReport;
use crate::manifest::explain::{self, Explanation, Source};
use crate::manifest::{Diagnostic, Severity};
use crate::text::json_escaped;
use serde_sarif::sarif::{
    ArtifactLocation, Location, LogicalLocation, Message, MultiformatMessageString, PhysicalLocation, PropertyBag,
    Region, ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultLevel, Run, Sarif, Tool,
    ToolComponent,
};
use std::collections::BTreeMap;

/// The schema SARIF files name; GitHub and editors use it to check the file.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The whole SARIF log, pretty-printed, ending with a newline.
pub(super) fn render(reports: &[FileReport]) -> String {
    let rules: Vec<ReportingDescriptor> = explain::all().iter().map(|(code, e)| rule(code, e)).collect();
    let results: Vec<SarifResult> =
        reports.iter().flat_map(|report| report.diagnostics.iter().map(|d| result(&report.path, d))).collect();
    let driver =
        ToolComponent::builder().name(env!("CARGO_PKG_NAME")).version(env!("CARGO_PKG_VERSION")).rules(rules).build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(results)
        // Our columns count characters, not UTF-16 code units (SARIF's default).
        .column_kind(serde_json::json!("unicodeCodePoints"))
        .build();
    let log = Sarif::builder().schema(SCHEMA).version(serde_json::json!("2.1.0")).runs(vec![run]).build();
    // The types serialise infallibly (strings, numbers and maps with string keys).
    let text = serde_json::to_string_pretty(&log).unwrap_or_default();
    format!("{}\n", json_escaped(text))
}

fn level(severity: Severity) -> ResultLevel {
    match severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
    }
}

/// Extra properties: whose rule it is, as the JSON output says it.
fn properties(source: Source, more: &[(&str, &str)]) -> PropertyBag {
    let mut bag = BTreeMap::from([("source".to_owned(), serde_json::json!(source.as_str()))]);
    for (key, value) in more {
        bag.insert((*key).to_owned(), serde_json::json!(value));
    }
    PropertyBag::builder().tags(vec![source.as_str().to_owned()]).additional_properties(bag).build()
}

fn rule(code: &str, explanation: &Explanation) -> ReportingDescriptor {
    let why = match &explanation.quote {
        Some(quote) => format!("{}\nTalkdesk's page \"Configuring an Integration\" says: \"{quote}\"", explanation.why),
        None => explanation.why.clone(),
    };
    let help = format!(
        "{}\n\nWhy: {why}\n\nHow to fix it: {}\n\n(`integration-wizard validate --explain {code}` prints this.)",
        explanation.checks, explanation.fix
    );
    let level = match explanation.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    ReportingDescriptor::builder()
        .id(code)
        .short_description(MultiformatMessageString::builder().text(explanation.summary.clone()).build())
        .full_description(MultiformatMessageString::builder().text(explanation.checks.clone()).build())
        .help(MultiformatMessageString::builder().text(help).build())
        .default_configuration(ReportingConfiguration::builder().level(serde_json::json!(level)).build())
        .properties(properties(explanation.source, &[]))
        .build()
}

fn result(path: &str, diagnostic: &Diagnostic) -> SarifResult {
    let physical = PhysicalLocation::builder().artifact_location(ArtifactLocation::builder().uri(uri(path)).build());
    let physical = match diagnostic.position {
        Some(position) => physical
            .region(
                Region::builder()
                    .start_line(i64::try_from(position.line).unwrap_or(i64::MAX))
                    .start_column(i64::try_from(position.column).unwrap_or(i64::MAX))
                    .build(),
            )
            .build(),
        None => physical.build(),
    };
    let location = Location::builder().physical_location(physical);
    let location = if diagnostic.pointer.is_empty() {
        location.build()
    } else {
        let logical =
            LogicalLocation::builder().fully_qualified_name(diagnostic.pointer.clone()).kind("element").build();
        location.logical_locations(vec![logical]).build()
    };
    let mut message = diagnostic.message.clone();
    if !diagnostic.pointer.is_empty() {
        message = format!("{}: {message}", diagnostic.pointer);
    }
    SarifResult::builder()
        .rule_id(diagnostic.code)
        .level(level(diagnostic.severity))
        .message(Message::builder().text(message).build())
        .locations(vec![location])
        .properties(properties(explain::source(diagnostic.code), &[("pointer", &diagnostic.pointer)]))
        .build()
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
