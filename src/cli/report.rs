//! Printing diagnostics: plain text, one JSON object, or GitHub Actions workflow commands.

use super::Format;
use crate::manifest::{Counts, Diagnostic, Severity};
use serde_json::json;

/// What validation found in one file.
#[derive(Debug)]
pub struct FileReport {
    pub path: String,
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    /// How many errors the file has.
    pub fn errors(&self) -> usize {
        Counts::of(&self.diagnostics).errors
    }

    /// How many warnings the file has.
    pub fn warnings(&self) -> usize {
        Counts::of(&self.diagnostics).warnings
    }
}

/// The whole report in `format`, ending with a newline.
pub fn render(reports: &[FileReport], format: Format, deny_warnings: bool) -> String {
    match format {
        Format::Text => text(reports, deny_warnings),
        Format::Json => {
            let files: Vec<_> = reports.iter().map(|report| file_json(report, deny_warnings)).collect();
            format!("{}\n", json!({ "files": files }))
        }
        Format::Github => {
            reports.iter().flat_map(|report| report.diagnostics.iter().map(|d| github(&report.path, d))).collect()
        }
    }
}

/// One diagnostic as `path:line:column: severity[code] /pointer: message`.
pub fn text_line(path: &str, diagnostic: &Diagnostic) -> String {
    let place = match diagnostic.position {
        Some(position) => format!("{path}:{}:{}", position.line, position.column),
        None => path.to_owned(),
    };
    let pointer = if diagnostic.pointer.is_empty() { String::new() } else { format!(" {}", diagnostic.pointer) };
    format!("{place}: {}[{}]{pointer}: {}", diagnostic.severity.as_str(), diagnostic.code, diagnostic.message)
}

fn text(reports: &[FileReport], deny_warnings: bool) -> String {
    let mut out = String::new();
    for report in reports {
        for diagnostic in &report.diagnostics {
            out.push_str(&text_line(&report.path, diagnostic));
            out.push('\n');
        }
    }
    let failed = reports.iter().filter(|report| !passes(report, deny_warnings)).count();
    let errors: usize = reports.iter().map(FileReport::errors).sum();
    let warnings: usize = reports.iter().map(FileReport::warnings).sum();
    let files = plural(reports.len(), "file");
    let verdict = if failed == 0 { "all valid".to_owned() } else { format!("{} not valid", plural(failed, "file")) };
    out.push_str(&format!(
        "checked {files}: {verdict} ({}, {})\n",
        plural(errors, "error"),
        plural(warnings, "warning")
    ));
    out
}

/// True when the file is acceptable: no errors, and no warnings either when they are denied.
pub fn passes(report: &FileReport, deny_warnings: bool) -> bool {
    report.errors() == 0 && (!deny_warnings || report.warnings() == 0)
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 { format!("1 {noun}") } else { format!("{count} {noun}s") }
}

fn file_json(report: &FileReport, deny_warnings: bool) -> serde_json::Value {
    let diagnostics: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| {
            json!({
                "severity": d.severity,
                "code": d.code,
                "pointer": d.pointer,
                "message": d.message,
                "line": d.position.map(|p| p.line),
                "column": d.position.map(|p| p.column),
            })
        })
        .collect();
    json!({
        "path": report.path,
        "valid": passes(report, deny_warnings),
        "errors": report.errors(),
        "warnings": report.warnings(),
        "diagnostics": diagnostics,
    })
}

fn github(path: &str, diagnostic: &Diagnostic) -> String {
    let command = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut properties = format!("file={}", escape_property(path));
    if let Some(position) = diagnostic.position {
        properties.push_str(&format!(",line={},col={}", position.line, position.column));
    }
    properties.push_str(&format!(",title={}", escape_property(diagnostic.code)));
    let pointer = if diagnostic.pointer.is_empty() { String::new() } else { format!("{}: ", diagnostic.pointer) };
    format!("::{command} {properties}::{}\n", escape_data(&format!("{pointer}{}", diagnostic.message)))
}

/// Escapes a workflow command's message (GitHub's toolkit: `%`, CR and LF).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a workflow command's property value (the message escapes plus `:` and `,`).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::Position;

    fn report() -> FileReport {
        let mut error = Diagnostic::error("blank-value", "/integration/name", "name is blank; type it");
        error.position = Some(Position { line: 3, column: 5 });
        let warning = Diagnostic::warning("unknown-key", "/x", "unknown key \"x\"");
        FileReport { path: "a,b.json".into(), diagnostics: vec![error, warning] }
    }

    #[test]
    fn text_lines_name_the_place_code_and_pointer() {
        let out = render(&[report()], Format::Text, false);
        assert_eq!(
            out,
            "a,b.json:3:5: error[blank-value] /integration/name: name is blank; type it\n\
             a,b.json: warning[unknown-key] /x: unknown key \"x\"\n\
             checked 1 file: 1 file not valid (1 error, 1 warning)\n"
        );
    }

    #[test]
    fn github_commands_escape_their_properties() {
        let out = render(&[report()], Format::Github, false);
        assert!(
            out.starts_with(
                "::error file=a%2Cb.json,line=3,col=5,title=blank-value::/integration/name: name is blank; type it\n"
            ),
            "{out}"
        );
        assert!(out.contains("::warning file=a%2Cb.json,title=unknown-key::/x: unknown key \"x\"\n"));
    }

    #[test]
    fn json_counts_and_validity_follow_deny_warnings() {
        let warning_only =
            FileReport { path: "w.json".into(), diagnostics: vec![Diagnostic::warning("plain-http", "/p", "m")] };
        let relaxed: serde_json::Value =
            serde_json::from_str(&render(&[warning_only], Format::Json, false)).expect("json");
        assert_eq!(relaxed["files"][0]["valid"], true);
        assert_eq!(relaxed["files"][0]["warnings"], 1);
        assert_eq!(relaxed["files"][0]["diagnostics"][0]["line"], serde_json::Value::Null);
        let warning_only =
            FileReport { path: "w.json".into(), diagnostics: vec![Diagnostic::warning("plain-http", "/p", "m")] };
        let strict: serde_json::Value =
            serde_json::from_str(&render(&[warning_only], Format::Json, true)).expect("json");
        assert_eq!(strict["files"][0]["valid"], false);
    }
}
