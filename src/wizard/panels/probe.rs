//! The "try it" panels (SPEC §8 in the wizard): the credentials prompt, asked once per run, and the
//! panel that shows one endpoint's probe: the confirmation an action needs, the spinner while the
//! probe runs on its thread, then the request sent (credentials masked) and the answer, escaped.
//! Every line shown comes out of the probe's [`Sink`], as the command's output does.

use crate::manifest::Severity;
use crate::probe::contracts::{Bridge, Credentials};
use crate::probe::report::exchange_lines;
use crate::probe::shown::Sink;
use crate::probe::{EndpointReport, Finding, Outcome, Target};
use tui_input::Input;

/// How many lines of each answer's body the panel shows.
const BODY_LINES: usize = 40;

/// One mandatory authentication field to type a value for.
#[derive(Debug, Clone)]
pub struct CredentialField {
    pub name: String,
    /// A `password` field: shown as `•`.
    pub secret: bool,
    pub input: Input,
}

/// The prompt for the credentials, then probing `target`.
#[derive(Debug, Clone)]
pub struct CredentialsPanel {
    pub target: Target,
    pub fields: Vec<CredentialField>,
    pub focus: usize,
}

impl CredentialsPanel {
    /// One field per mandatory authentication field of `bridge` that `known` has no value for (a
    /// field added to the manifest after the credentials were typed is asked for then).
    pub fn new(target: Target, bridge: &Bridge, known: &Credentials) -> CredentialsPanel {
        let fields = bridge
            .auth_fields
            .iter()
            .filter(|field| field.mandatory && known.get(&field.name).is_none())
            .map(|field| CredentialField { name: field.name.clone(), secret: field.secret, input: Input::default() })
            .collect();
        CredentialsPanel { target, fields, focus: 0 }
    }

    /// `known` with the values typed, or the name of the first field left empty.
    pub fn credentials(&self, known: Credentials) -> Result<Credentials, String> {
        let mut credentials = known;
        for field in &self.fields {
            if field.input.value().is_empty() {
                return Err(field.name.clone());
            }
            credentials.set(&field.name, field.input.value().to_owned());
        }
        Ok(credentials)
    }
}

/// What the probe panel shows.
#[derive(Debug, Clone, PartialEq)]
pub enum ProbeStage {
    /// An action creates a real record: run it? (y / Enter)
    ConfirmAction,
    /// The probe runs on its thread; `frame` turns the spinner.
    Running {
        /// The spinner's frame.
        frame: usize,
    },
    /// Not sent: the URL is refused (plain http to another machine, not a URL).
    Refused(Finding),
    /// The probe's result, as lines already masked and escaped.
    Done {
        /// No finding is an error.
        ok: bool,
        /// The lines to show.
        lines: Vec<String>,
    },
}

/// The panel of one endpoint's probe.
#[derive(Debug, Clone)]
pub struct ProbePanel {
    pub target: Target,
    /// The endpoint's URL, as configured.
    pub url: String,
    pub stage: ProbeStage,
    /// The first line shown of a long result.
    pub scroll: usize,
    /// What every line of the panel goes through: it masks the credentials in use.
    pub sink: Sink,
}

impl ProbePanel {
    pub fn new(target: Target, url: String, stage: ProbeStage, credentials: &Credentials) -> ProbePanel {
        ProbePanel { target, url, stage, scroll: 0, sink: Sink::new(credentials) }
    }

    /// The panel's title: which endpoint.
    pub fn title(&self) -> String {
        title(&self.target)
    }
}

/// "auth validation", "action create_ticket" (escaped: a name comes from the manifest).
pub(crate) fn title(target: &Target) -> String {
    match target {
        Target::Action(name) => format!("action {}", crate::escape::line(name)),
        other => other.kind().as_str().replace('_', " "),
    }
}

/// The lines of a finished probe, out of `sink`: the verdict, the findings, then each request and
/// its answer.
pub(crate) fn result_lines(report: &EndpointReport, sink: &Sink) -> Vec<String> {
    let verdict = match report.outcome() {
        Outcome::Skipped => "SKIPPED",
        Outcome::Pass => "PASS: the endpoint kept its contract",
        Outcome::Unreachable => "FAIL: the endpoint could not be reached",
        Outcome::Fail => "FAIL: the endpoint broke its contract",
        Outcome::Refused => "REFUSED",
    };
    let status = report.status.map_or_else(|| "no answer".to_owned(), |status| format!("status {status}"));
    let mut lines = vec![format!("{verdict} ({status})")];
    lines.extend(report.notes.iter().cloned());
    lines.extend(report.findings.iter().map(finding_line));
    for exchange in &report.exchanges {
        lines.push(String::new());
        lines.extend(exchange_lines(exchange, BODY_LINES));
    }
    sink.lines(lines)
}

/// `error[code] /pointer: message`, as the command prints it.
pub(crate) fn finding_line(finding: &Finding) -> String {
    let severity = if finding.severity == Severity::Error { "error" } else { "warning" };
    match &finding.pointer {
        Some(pointer) => format!("{severity}[{}] {pointer}: {}", finding.code, finding.message),
        None => format!("{severity}[{}]: {}", finding.code, finding.message),
    }
}
