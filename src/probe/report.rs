//! The probe's output: one block per endpoint in text, or SPEC §8's JSON object. These functions
//! only lay the report out, as raw lines or a raw JSON value: what reaches a screen or a file goes
//! through [`super::shown::Sink`], which escapes everything a bridge sent and masks every credential.

use super::{EndpointReport, Exchange, Outcome};
use crate::manifest::Severity;
use serde_json::{Value, json};
use std::fmt::Write as _;

fn milliseconds(duration: std::time::Duration) -> String {
    format!("{} ms", duration.as_millis())
}

/// The text report, as raw lines for the sink: one block per endpoint, then a summary line.
pub(crate) fn text(reports: &[EndpointReport]) -> Vec<String> {
    let mut out = Vec::new();
    for report in reports {
        let name = match &report.action {
            Some(action) => format!("action {action}"),
            None => report.kind.as_str().to_owned(),
        };
        let verdict = report.outcome().as_str().to_uppercase();
        let mut header = format!("{name} {verdict}");
        if let Some(url) = &report.url {
            let _ = write!(header, "  POST {url}");
        }
        if let Some(status) = report.status {
            let _ = write!(header, "  {status}");
        }
        if let Some(elapsed) = report.elapsed {
            let _ = write!(header, "  {}", milliseconds(elapsed));
        }
        out.push(header);
        if report.exchanges.len() > 1 {
            let requests: Vec<String> = report.exchanges.iter().map(exchange_summary).collect();
            out.push(format!("  requests: {}", requests.join(", ")));
        }
        out.extend(report.notes.iter().map(|note| format!("  {note}")));
        for finding in &report.findings {
            let pointer = match finding.pointer.as_deref() {
                Some("") => " (whole body)".to_owned(),
                Some(pointer) => format!(" {pointer}"),
                None => String::new(),
            };
            out.push(format!("  {}[{}]{pointer}: {}", finding.severity.as_str(), finding.code, finding.message));
        }
        out.push(String::new());
    }
    out.push(summary(reports));
    out
}

fn exchange_summary(exchange: &Exchange) -> String {
    let label = if exchange.label.is_empty() { "request" } else { &exchange.label };
    match &exchange.outcome {
        Ok(response) => format!("{label} {} ({})", response.status, milliseconds(response.elapsed)),
        Err(_) => format!("{label} no answer"),
    }
}

/// "probed 4 endpoints: every one kept its contract", or how many broke a contract, could not be
/// reached or refused the credentials, with the counts of findings.
fn summary(reports: &[EndpointReport]) -> String {
    let probed = reports.iter().filter(|report| !report.skipped).count();
    let skipped = reports.len() - probed;
    let outcomes = |outcome| reports.iter().filter(|report| report.outcome() == outcome).count();
    let count =
        |severity| reports.iter().flat_map(|report| &report.findings).filter(|f| f.severity == severity).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let mut parts = Vec::new();
    let mut counted = |n: usize, what: &str| {
        if n > 0 {
            let noun = if parts.is_empty() { plural(n, "endpoint") } else { n.to_string() };
            parts.push(format!("{noun} {what}"));
        }
    };
    counted(outcomes(Outcome::Fail), "broke a contract");
    counted(outcomes(Outcome::Unreachable), "could not be reached");
    counted(outcomes(Outcome::Refused), "refused the credentials (check them)");
    let mut line = format!("probed {}: ", plural(probed, "endpoint"));
    if parts.is_empty() {
        line.push_str("every one kept its contract");
    } else {
        line.push_str(&parts.join(", "));
    }
    let _ = write!(line, " ({}, {})", plural(errors, "error"), plural(warnings, "warning"));
    if skipped > 0 {
        let _ = write!(line, "; {skipped} skipped");
    }
    line
}

/// One request and its answer as raw lines for a panel: the request (credentials masked), then the
/// status, time, content type and the body (pretty-printed when it is JSON), at most `body_lines`
/// lines of it.
pub(crate) fn exchange_lines(exchange: &Exchange, body_lines: usize) -> Vec<String> {
    let mut lines = vec![match exchange.label.as_str() {
        "" => format!("POST {}", exchange.url),
        label => format!("POST {} ({label})", exchange.url),
    }];
    lines.extend(pretty(&exchange.request).lines().map(str::to_owned));
    match &exchange.outcome {
        Err(error) => lines.push(format!("→ no answer: {error}")),
        Ok(response) => {
            let content_type = response.content_type.as_deref().unwrap_or("no Content-Type");
            lines.push(format!("→ {} in {} ({content_type})", response.status, milliseconds(response.elapsed)));
            let body = match serde_json::from_slice::<Value>(&response.body) {
                Ok(value) => pretty(&value),
                Err(_) => String::from_utf8_lossy(&response.body).into_owned(),
            };
            let total = body.lines().count();
            lines.extend(body.lines().take(body_lines).map(str::to_owned));
            if total > body_lines {
                lines.push(format!("… {} more lines", total - body_lines));
            }
        }
    }
    lines
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// The JSON report of SPEC §8, raw for the sink.
pub(crate) fn json(reports: &[EndpointReport]) -> Value {
    let endpoints: Vec<Value> = reports
        .iter()
        .map(|report| {
            json!({
                "endpoint": report.kind.as_str(),
                "action": report.action,
                "url": report.url,
                "ok": matches!(report.outcome(), Outcome::Pass | Outcome::Skipped),
                "outcome": report.outcome().as_str(),
                "status": report.status,
                "skipped": report.skipped,
                "notes": report.notes,
                "findings": report.findings.iter().map(|finding| json!({
                    "severity": finding.severity.as_str(),
                    "code": finding.code,
                    "pointer": finding.pointer,
                    "message": finding.message,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({ "endpoints": endpoints })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exchange_shows_the_masked_request_and_the_escaped_answer() {
        use crate::probe::contracts::{self, Credentials, MASK};
        use crate::probe::transport::Response;
        let mut credentials = Credentials::default();
        credentials.set("token", "s3cr3t-token".to_owned());
        let body = contracts::auth_validation(&credentials);
        let answer = json!({"message": "token s3cr3t-token expired\u{1b}[2J", "a": 1, "b": 2});
        let exchange = Exchange {
            label: String::new(),
            url: "https://bridge.example.org/auth".to_owned(),
            request: contracts::masked(&body),
            outcome: Ok(Response::json(401, &answer)),
        };
        let lines = crate::probe::shown::Sink::new(&credentials).lines(exchange_lines(&exchange, 3));
        let text = lines.join("\n");
        assert_eq!(lines[0], "POST https://bridge.example.org/auth");
        assert!(text.contains(&format!("\"token\": \"{MASK}\"")), "{text}");
        assert!(text.contains("→ 401 in 0 ms (application/json)"), "{text}");
        assert!(text.contains(&format!("token {MASK} expired\\u001b[2J")), "{text}");
        assert!(text.ends_with("… 2 more lines"), "{text}");
        assert!(!text.contains("s3cr3t") && !text.contains('\u{1b}'), "{text}");
    }

    #[test]
    fn hostile_characters_are_escaped_visibly_in_text_and_as_json_escapes() {
        let hostile = "a\u{1b}]0;PWNED\u{7}b\u{9b}c\u{202e}d\ne";
        assert_eq!(crate::escape::line(hostile), "a\\u{1b}]0;PWNED\\u{7}b\\u{9b}c\\u{202e}d\\ne");
        let json = crate::escape::json(serde_json::to_string(hostile).unwrap_or_default());
        assert_eq!(json, "\"a\\u001b]0;PWNED\\u0007b\\u009bc\\u202ed\\ne\"");
        assert_eq!(serde_json::from_str::<String>(&json).ok().as_deref(), Some(hostile));
    }
}
