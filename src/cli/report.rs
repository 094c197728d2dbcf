//! Printing diagnostics: plain text, one JSON object, GitHub Actions workflow commands, or SARIF.
//!
//! Everything taken from a file or a file name (paths, pointers, messages) is escaped here, so no
//! control character, escape sequence or bidirectional override reaches the reader's terminal.

use super::{Format, sarif};
use crate::escape;
use crate::manifest::explain::source;
use crate::manifest::{Counts, Diagnostic, Severity};
use anstyle::{AnsiColor, Style};
use serde_json::json;

/// What validation found in one file.
#[derive(Debug)]
pub(super) struct FileReport {
    /// The path as given or found (escaped when printed).
    pub path: String,
    /// The file's findings, in line order.
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    /// How many errors the file has.
    pub(super) fn errors(&self) -> usize {
        Counts::of(&self.diagnostics).errors
    }

    /// How many warnings the file has.
    pub(super) fn warnings(&self) -> usize {
        Counts::of(&self.diagnostics).warnings
    }
}

/// How the report is printed.
#[derive(Debug, Clone, Copy)]
pub(super) struct Settings {
    /// How to print.
    pub format: Format,
    /// Warnings fail the file too.
    pub deny_warnings: bool,
    /// Text and github formats print only what fails (errors, and warnings when denied) and the summary.
    pub quiet: bool,
}

const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const PATH: Style = Style::new().bold();
const CODE: Style = AnsiColor::Cyan.on_default();
const POINTER: Style = Style::new().dimmed();

/// The whole report, ending with a newline. The text format carries colour codes: print it
/// through `anstream`, which drops them where colour is off.
pub(super) fn render(reports: &[FileReport], settings: Settings) -> String {
    match settings.format {
        Format::Text => text(reports, settings),
        Format::Json => {
            let files: Vec<_> = reports.iter().map(|report| file_json(report, settings.deny_warnings)).collect();
            format!("{}\n", escape::json(json!({ "files": files }).to_string()))
        }
        Format::Github => reports
            .iter()
            .flat_map(|report| {
                report.diagnostics.iter().filter(|d| shown(d, settings)).map(|d| github(&report.path, d))
            })
            .collect(),
        Format::Sarif => sarif::render(reports),
    }
}

/// True when `diagnostic` is printed: quiet leaves out what does not fail the file.
fn shown(diagnostic: &Diagnostic, settings: Settings) -> bool {
    !settings.quiet || diagnostic.is_error() || settings.deny_warnings
}

/// One diagnostic as `path:line:column: severity[code] /pointer: message`, without colour.
pub(in crate::cli) fn text_line(path: &str, diagnostic: &Diagnostic) -> String {
    styled_line(path, diagnostic, false)
}

/// One diagnostic as a line of text, escaped, with colour codes when `colour` is true.
pub(in crate::cli) fn styled_line(path: &str, diagnostic: &Diagnostic, colour: bool) -> String {
    let paint = |style: Style, text: &str| {
        if colour { format!("{style}{text}{style:#}") } else { text.to_owned() }
    };
    let path = escape::line(path);
    let place = match diagnostic.position {
        Some(position) => format!("{path}:{}:{}", position.line, position.column),
        None => path.into_owned(),
    };
    let severity = match diagnostic.severity {
        Severity::Error => paint(ERROR, "error"),
        Severity::Warning => paint(WARNING, "warning"),
    };
    let pointer = if diagnostic.pointer.is_empty() {
        String::new()
    } else {
        format!(" {}", paint(POINTER, &escape::line(&diagnostic.pointer)))
    };
    format!(
        "{}: {severity}[{}]{pointer}: {}",
        paint(PATH, &place),
        paint(CODE, diagnostic.code),
        escape::line(&diagnostic.message)
    )
}

fn text(reports: &[FileReport], settings: Settings) -> String {
    let mut out = String::new();
    for report in reports {
        for diagnostic in report.diagnostics.iter().filter(|d| shown(d, settings)) {
            out.push_str(&styled_line(&report.path, diagnostic, true));
            out.push('\n');
        }
    }
    let failed = reports.iter().filter(|report| !passes(report, settings.deny_warnings)).count();
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
pub(super) fn passes(report: &FileReport, deny_warnings: bool) -> bool {
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
                "source": source(d.code).as_str(),
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
    let mut properties = format!("file={}", escape_property(&escape::line(path)));
    if let Some(position) = diagnostic.position {
        properties.push_str(&format!(",line={},col={}", position.line, position.column));
    }
    let title = format!("{} ({})", diagnostic.code, source(diagnostic.code).label());
    properties.push_str(&format!(",title={}", escape_property(&title)));
    let pointer = if diagnostic.pointer.is_empty() { String::new() } else { format!("{}: ", diagnostic.pointer) };
    format!("::{command} {properties}::{}\n", escape_data(&escape::line(&format!("{pointer}{}", diagnostic.message))))
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
    use crate::manifest::rules::codes::Rule;

    fn report() -> FileReport {
        let mut error = Diagnostic::of(Rule::BlankValue, "/integration/name", "name is blank; type it");
        error.position = Some(Position { line: 3, column: 5 });
        let warning = Diagnostic::of(Rule::UnknownKey, "/x", "unknown key \"x\"");
        FileReport { path: "a,b.json".into(), diagnostics: vec![error, warning] }
    }

    fn settings(format: Format) -> Settings {
        Settings { format, deny_warnings: false, quiet: false }
    }

    fn plain(text: &str) -> String {
        anstream::adapter::strip_str(text).to_string()
    }

    /// A report whose path, pointer and message carry every kind of hostile character.
    fn hostile() -> FileReport {
        let nasty =
            "\u{1b}]0;PWNED\u{7}\u{1b}]52;c;ZWNobw==\u{7}\u{9b}31m\u{202e}\u{2066}\u{7f}\nforged.json:1:1: error[x] y";
        let mut diagnostic = Diagnostic::of(Rule::UnknownKey, format!("/{nasty}"), format!("unknown key {nasty}"));
        // Printed as an error, the more colourful case.
        diagnostic.severity = crate::manifest::Severity::Error;
        diagnostic.position = Some(Position { line: 2, column: 3 });
        FileReport { path: format!("dir/{nasty}.json"), diagnostics: vec![diagnostic] }
    }

    fn assert_clean(format: Format, out: &str) {
        let unsafe_chars: Vec<char> =
            out.chars().filter(|&c| crate::escape::is_unsafe(c) && c != '\n' && c != '\u{1b}').collect();
        assert!(unsafe_chars.is_empty(), "{format:?} printed {unsafe_chars:?}: {out}");
        // The only escape sequences are the tool's own colours (SGR: ESC [ ... m).
        for (at, _) in out.match_indices('\u{1b}') {
            let rest = &out[at + 1..];
            let sgr = rest.starts_with('[')
                && rest[1..]
                    .find('m')
                    .is_some_and(|end| rest[1..1 + end].chars().all(|c| c.is_ascii_digit() || c == ';'));
            assert!(sgr, "{format:?} printed an escape sequence that is not a colour: {out:?}");
        }
    }

    #[test]
    fn no_format_prints_a_hostile_character_or_a_forged_line() {
        for format in [Format::Text, Format::Json, Format::Github, Format::Sarif] {
            let out = render(&[hostile()], settings(format));
            assert_clean(format, &out);
            let expected_lines = match format {
                Format::Text => 2, // the diagnostic and the summary
                Format::Github => 1,
                Format::Json => 1,
                Format::Sarif => out.lines().count(), // pretty-printed: checked as JSON below
            };
            assert_eq!(out.lines().count(), expected_lines, "{format:?}: {out}");
        }
        let text = plain(&render(&[hostile()], settings(Format::Text)));
        assert!(
            text.contains("\\u{1b}]0;PWNED\\u{7}") && text.contains("\\u{9b}31m\\u{202e}\\u{2066}\\u{7f}\\nforged")
        );
        let json = render(&[hostile()], settings(Format::Json));
        assert!(
            json.contains("\\u001b]0;PWNED\\u0007") && json.contains("\\u009b31m\\u202e\\u2066\\u007f\\n"),
            "{json}"
        );
        let parsed: serde_json::Value = serde_json::from_str(&json).expect("still JSON");
        assert_eq!(parsed["files"][0]["path"], hostile().path.as_str(), "JSON keeps the exact value, escaped");
    }

    #[test]
    fn text_lines_name_the_place_code_and_pointer() {
        let out = render(&[report()], settings(Format::Text));
        assert_eq!(
            plain(&out),
            "a,b.json:3:5: error[blank-value] /integration/name: name is blank; type it\n\
             a,b.json: warning[unknown-key] /x: unknown key \"x\"\n\
             checked 1 file: 1 file not valid (1 error, 1 warning)\n"
        );
        assert!(out.contains(&format!("{ERROR}error{ERROR:#}")), "severity in colour: {out:?}");
        assert!(out.contains(&format!("{CODE}blank-value{CODE:#}")), "code in colour: {out:?}");
    }

    #[test]
    fn quiet_prints_only_errors_and_the_summary() {
        let quiet = Settings { quiet: true, ..settings(Format::Text) };
        assert_eq!(
            plain(&render(&[report()], quiet)),
            "a,b.json:3:5: error[blank-value] /integration/name: name is blank; type it\n\
             checked 1 file: 1 file not valid (1 error, 1 warning)\n"
        );
        let github = render(&[report()], Settings { format: Format::Github, ..quiet });
        assert_eq!(github.lines().count(), 1, "{github}");
        let denied = Settings { deny_warnings: true, ..quiet };
        assert_eq!(plain(&render(&[report()], denied)).lines().count(), 3, "denied warnings fail, so they show");
    }

    #[test]
    fn github_commands_escape_their_properties_and_say_whose_rule_it_is() {
        let out = render(&[report()], settings(Format::Github));
        assert!(
            out.starts_with(
                "::error file=a%2Cb.json,line=3,col=5,title=blank-value (Talkdesk's requirement)::/integration/name: name is blank; type it\n"
            ),
            "{out}"
        );
        assert!(
            out.contains("::warning file=a%2Cb.json,title=unknown-key (this tool's advice)::/x: unknown key \"x\"\n")
        );
    }

    #[test]
    fn json_counts_and_validity_follow_deny_warnings() {
        let warning_only =
            || FileReport { path: "w.json".into(), diagnostics: vec![Diagnostic::of(Rule::PlainHttp, "/p", "m")] };
        let relaxed: serde_json::Value =
            serde_json::from_str(&render(&[warning_only()], settings(Format::Json))).expect("json");
        assert_eq!(relaxed["files"][0]["valid"], true);
        assert_eq!(relaxed["files"][0]["warnings"], 1);
        assert_eq!(relaxed["files"][0]["diagnostics"][0]["line"], serde_json::Value::Null);
        assert_eq!(relaxed["files"][0]["diagnostics"][0]["source"], "advice");
        let strict = Settings { deny_warnings: true, ..settings(Format::Json) };
        let strict: serde_json::Value = serde_json::from_str(&render(&[warning_only()], strict)).expect("json");
        assert_eq!(strict["files"][0]["valid"], false);
    }
}
