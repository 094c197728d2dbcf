//! `probe`: calls the endpoints a manifest configures exactly as Talkdesk does and checks every answer
//! against Talkdesk's contracts.
//!
//! - [`contracts`]: the bridge a manifest describes, the credentials and the request bodies;
//! - [`checks`]: pure checks of the answers (tested on JSON values);
//! - [`transport`]: the one POST over HTTP(S), behind a trait so tests and the wizard can swap it;
//! - [`report`]: text and JSON output, with every byte from a bridge escaped.
//!
//! [`Prober::probe`] runs one endpoint and returns its [`EndpointReport`] (requests sent, with
//! credentials masked, answers and findings): the CLI calls it for each endpoint in turn, and a
//! caller such as the wizard can run it on a thread, since a `Prober` is `Send`.

pub mod checks;
pub mod contracts;
pub mod report;
pub mod transport;

use crate::manifest::Severity;
use contracts::{Bridge, Contact, ContactMeta, Credentials};
use serde_json::Value;
use std::net::IpAddr;
use std::time::Duration;
use transport::{Response, Transport, TransportError};

/// One finding about an answer: what the bridge must change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// A stable kebab-case code.
    pub code: &'static str,
    /// A JSON pointer into the answer's body, when the finding is about a part of it.
    pub pointer: Option<String>,
    /// One line that says what the bridge must change.
    pub message: String,
}

impl Finding {
    /// An error: the bridge breaks a contract.
    pub fn error(code: &'static str, pointer: Option<String>, message: impl Into<String>) -> Finding {
        Finding { severity: Severity::Error, code, pointer, message: message.into() }
    }

    /// A warning: the bridge works, but differs from the contract in a way Talkdesk tolerates.
    pub fn warning(code: &'static str, pointer: Option<String>, message: impl Into<String>) -> Finding {
        Finding { severity: Severity::Warning, code, pointer, message: message.into() }
    }

    /// The finding, its message naming the request it is about ("page 2: …").
    fn during(mut self, request: &str) -> Finding {
        if !request.is_empty() {
            self.message = format!("{request}: {}", self.message);
        }
        self
    }
}

/// The kinds of endpoint, as the JSON output names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    AuthValidation,
    ContactSynchronization,
    InteractionRetrieval,
    AgentSynchronization,
    Action,
}

impl Kind {
    /// The name used in the output: the manifest key without `_endpoint`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::AuthValidation => "auth_validation",
            Kind::ContactSynchronization => "contact_synchronization",
            Kind::InteractionRetrieval => "interaction_retrieval",
            Kind::AgentSynchronization => "agent_synchronization",
            Kind::Action => "action",
        }
    }
}

/// One endpoint to probe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    AuthValidation,
    ContactSynchronization,
    InteractionRetrieval,
    AgentSynchronization,
    /// An action, by name.
    Action(String),
}

impl Target {
    /// The kind of endpoint.
    pub fn kind(&self) -> Kind {
        match self {
            Target::AuthValidation => Kind::AuthValidation,
            Target::ContactSynchronization => Kind::ContactSynchronization,
            Target::InteractionRetrieval => Kind::InteractionRetrieval,
            Target::AgentSynchronization => Kind::AgentSynchronization,
            Target::Action(_) => Kind::Action,
        }
    }

    /// The configured URL of this endpoint, if any.
    pub fn url<'a>(&self, bridge: &'a Bridge) -> Option<&'a str> {
        match self {
            Target::AuthValidation => bridge.auth_validation.as_deref(),
            Target::ContactSynchronization => bridge.contact_synchronization.as_deref(),
            Target::InteractionRetrieval => bridge.interaction_retrieval.as_deref(),
            Target::AgentSynchronization => bridge.agent_synchronization.as_deref(),
            Target::Action(name) => bridge.action(name).and_then(|action| action.endpoint.as_deref()),
        }
    }

    /// Every endpoint the bridge configures, in Talkdesk's order (actions last).
    pub fn all(bridge: &Bridge) -> Vec<Target> {
        let mut targets: Vec<Target> = [
            Target::AuthValidation,
            Target::ContactSynchronization,
            Target::InteractionRetrieval,
            Target::AgentSynchronization,
        ]
        .into_iter()
        .filter(|target| target.url(bridge).is_some())
        .collect();
        targets.extend(bridge.actions.iter().map(|action| Target::Action(action.name.clone())));
        targets
    }
}

/// One request sent and what came back.
#[derive(Debug, Clone, PartialEq)]
pub struct Exchange {
    /// Which request of the endpoint this was ("page 2", "altered credentials"); empty for the only one.
    pub label: String,
    pub url: String,
    /// The body sent, with every credential masked.
    pub request: Value,
    pub outcome: Result<Response, TransportError>,
}

/// What probing one endpoint found.
#[derive(Debug, Clone, PartialEq)]
pub struct EndpointReport {
    pub kind: Kind,
    /// The action's name, for an action.
    pub action: Option<String>,
    pub url: Option<String>,
    /// Not called (an action without `--actions`, an endpoint after refused credentials).
    pub skipped: bool,
    /// The status of the first answer.
    pub status: Option<u16>,
    /// The time the first answer took.
    pub elapsed: Option<Duration>,
    pub findings: Vec<Finding>,
    /// Lines that explain what was done ("stopped after 3 pages"), shown in the text output.
    pub notes: Vec<String>,
    pub exchanges: Vec<Exchange>,
}

impl EndpointReport {
    fn new(target: &Target, bridge: &Bridge) -> EndpointReport {
        EndpointReport {
            kind: target.kind(),
            action: match target {
                Target::Action(name) => Some(name.clone()),
                _ => None,
            },
            url: target.url(bridge).map(str::to_owned),
            skipped: false,
            status: None,
            elapsed: None,
            findings: Vec::new(),
            notes: Vec::new(),
            exchanges: Vec::new(),
        }
    }

    /// A report for an endpoint that was not called, saying why.
    pub fn skipped(target: &Target, bridge: &Bridge, reason: impl Into<String>) -> EndpointReport {
        let mut report = EndpointReport::new(target, bridge);
        report.skipped = true;
        report.notes.push(reason.into());
        report
    }

    /// True when the endpoint kept its contract (no error); a skipped endpoint broke nothing.
    pub fn ok(&self) -> bool {
        !self.findings.iter().any(|finding| finding.severity == Severity::Error)
    }

    /// Keeps the findings of one request, naming it in their messages.
    fn add(&mut self, label: &str, findings: Vec<Finding>) {
        self.findings.extend(findings.into_iter().map(|finding| finding.during(label)));
    }
}

/// How to probe.
#[derive(Debug, Clone)]
pub struct Options {
    /// How many pages of a synchronization to follow.
    pub pages: usize,
    /// Send requests over plain `http://` to hosts other than loopback.
    pub allow_http: bool,
    /// The contact to ask about in contact activity and actions, given by the author.
    pub contact: Option<Contact>,
}

impl Default for Options {
    fn default() -> Self {
        Options { pages: 3, allow_http: false, contact: None }
    }
}

/// Probes a bridge's endpoints one at a time, keeping what one endpoint teaches the next (the
/// fields an authorization validator returns, the first synchronized contact).
pub struct Prober<T: Transport> {
    bridge: Bridge,
    credentials: Credentials,
    options: Options,
    transport: T,
    synced_contact: Option<Contact>,
    credentials_refused: bool,
}

impl<T: Transport> Prober<T> {
    /// A prober of `bridge` with `credentials`, sending through `transport`.
    pub fn new(bridge: Bridge, credentials: Credentials, options: Options, transport: T) -> Self {
        Prober { bridge, credentials, options, transport, synced_contact: None, credentials_refused: false }
    }

    /// The bridge being probed.
    pub fn bridge(&self) -> &Bridge {
        &self.bridge
    }

    /// The credentials in use (with what the authorization validator returned), e.g. to redact output.
    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    /// Calls one endpoint as Talkdesk does and checks every answer.
    pub fn probe(&mut self, target: &Target) -> EndpointReport {
        let Some(url) = target.url(&self.bridge).map(str::to_owned) else {
            return EndpointReport::skipped(target, &self.bridge, "not configured in the manifest");
        };
        if self.credentials_refused && *target != Target::AuthValidation {
            return EndpointReport::skipped(target, &self.bridge, "not called: the credentials were refused");
        }
        let mut report = EndpointReport::new(target, &self.bridge);
        match target {
            Target::AuthValidation => self.auth_validation(&url, &mut report),
            Target::ContactSynchronization => self.contact_synchronization(&url, &mut report),
            Target::InteractionRetrieval => self.interaction_retrieval(&url, &mut report),
            Target::AgentSynchronization => self.agent_synchronization(&url, &mut report),
            Target::Action(name) => self.action(name, &url, &mut report),
        }
        report
    }

    /// Sends one request and records it; None (with a finding) when there is no usable answer.
    fn send(&self, report: &mut EndpointReport, label: &str, url: &str, body: &Value) -> Option<Response> {
        if let Some(refusal) = refuse_url(url, self.options.allow_http) {
            report.add(label, vec![refusal]);
            return None;
        }
        let outcome = self.transport.post(url, body.to_string().as_bytes());
        report.exchanges.push(Exchange {
            label: label.to_owned(),
            url: url.to_owned(),
            request: contracts::masked(body),
            outcome: outcome.clone(),
        });
        let response = match outcome {
            Ok(response) => response,
            Err(error) => {
                report.add(label, vec![checks::transport(&error)]);
                return None;
            }
        };
        if report.status.is_none() {
            report.status = Some(response.status);
            report.elapsed = Some(response.elapsed);
        }
        if let Some(redirect) = checks::redirect(&response) {
            report.add(label, vec![redirect]);
            return None;
        }
        Some(response)
    }

    fn auth_validation(&mut self, url: &str, report: &mut EndpointReport) {
        let Some(response) = self.send(report, "", url, &contracts::auth_validation(&self.credentials)) else { return };
        let mut findings = Vec::new();
        let mut returned = None;
        match response.status {
            200 | 204 => {
                let configured: Vec<String> = self.bridge.auth_fields.iter().map(|field| field.name.clone()).collect();
                if let Some(value) = checks::json_body(&response, true, &mut findings) {
                    checks::auth_returned(&value, &configured, &mut findings);
                    returned = value.as_object().cloned();
                }
            }
            401 => {
                self.credentials_refused = true;
                report.add("", vec![Finding::error(
                    "credentials-refused",
                    None,
                    "the bridge refused these credentials (401); check the values given (--auth, --auth-file, INTEGRATION_WIZARD_AUTH_*) or how the bridge checks them",
                )]);
                return;
            }
            status => findings.push(checks::unexpected_status(
                status,
                "answer 200 (or 204) when the credentials are valid, 401 when not",
            )),
        }
        report.add("", findings);
        self.wrong_credentials(url, report);
        if let Some(returned) = returned {
            self.credentials.merge_returned(&returned, &self.bridge);
        }
    }

    /// The same request with every mandatory value altered must be refused with 401.
    fn wrong_credentials(&self, url: &str, report: &mut EndpointReport) {
        let altered = self.credentials.altered(&self.bridge);
        if altered == self.credentials {
            report
                .notes
                .push("no mandatory authentication field has a value to alter; wrong credentials not tried".to_owned());
            return;
        }
        let label = "altered credentials";
        let Some(response) = self.send(report, label, url, &contracts::auth_validation(&altered)) else { return };
        let finding = match response.status {
            401 => {
                report.notes.push("altered credentials were refused with 401, as they must be".to_owned());
                return;
            }
            200..=299 => Finding::error(
                "accepts-wrong-credentials",
                None,
                format!(
                    "answered {} with every mandatory value altered; check the credentials with the external system and answer 401 when they are wrong",
                    response.status
                ),
            ),
            status => checks::unexpected_status(status, "answer 401 when the credentials are wrong"),
        };
        report.add(label, vec![finding]);
    }

    fn contact_synchronization(&mut self, url: &str, report: &mut EndpointReport) {
        let mut seen = checks::SeenIds::default();
        let mut meta = ContactMeta::default();
        let mut checkpoint = None;
        for page in 1..=self.options.pages.max(1) {
            let label = format!("page {page}");
            let body = contracts::contact_synchronization(&self.credentials, &meta);
            let Some(response) = self.send(report, &label, url, &body) else { return };
            let mut findings = Vec::new();
            let Some(value) = self.success_body(&response, "answer 200 with the contacts", &mut findings) else {
                report.add(&label, findings);
                return;
            };
            let result = checks::contacts_page(&value, &label, &mut seen, &mut findings);
            report.add(&label, findings);
            if self.synced_contact.is_none() {
                self.synced_contact = result.first_contact.as_ref().and_then(Contact::from_json);
            }
            checkpoint = result.checkpoint.or(checkpoint);
            match result.next_offset {
                Some(offset) if page < self.options.pages => {
                    let context = value.get("context").cloned();
                    meta = ContactMeta { checkpoint: None, offset: Some(offset), context };
                }
                Some(_) => {
                    report.notes.push(format!("stopped after {page} page(s) (--pages); the bridge has more"));
                    break;
                }
                None => break,
            }
        }
        let Some(checkpoint) = checkpoint else { return };
        let label = "incremental";
        let meta = ContactMeta { checkpoint: Some(checkpoint), ..ContactMeta::default() };
        let Some(response) =
            self.send(report, label, url, &contracts::contact_synchronization(&self.credentials, &meta))
        else {
            return;
        };
        let mut findings = Vec::new();
        if let Some(value) =
            self.success_body(&response, "answer 200 with the contacts updated since the checkpoint", &mut findings)
        {
            checks::contacts_page(&value, label, &mut checks::SeenIds::default(), &mut findings);
        }
        report.add(label, findings);
    }

    /// The JSON body of a 2xx answer; a finding for any other status.
    fn success_body(&self, response: &Response, expected: &str, findings: &mut Vec<Finding>) -> Option<Value> {
        if !(200..300).contains(&response.status) {
            findings.push(checks::unexpected_status(response.status, expected));
            return None;
        }
        checks::json_body(response, false, findings)
    }

    /// The contact to ask about: the first synchronized one (a contact the bridge knows), else the
    /// author's (`--contact`), else a sample.
    fn contact(&self, report: &mut EndpointReport) -> Contact {
        let (contact, source) = match (&self.synced_contact, &self.options.contact) {
            (Some(contact), _) => (contact.clone(), "from the contact synchronization"),
            (None, Some(contact)) => (contact.clone(), "given with --contact"),
            (None, None) => (Contact::sample(), "a built-in sample"),
        };
        report.notes.push(format!("contact: {} ({source})", contact.name));
        contact
    }

    fn interaction_retrieval(&mut self, url: &str, report: &mut EndpointReport) {
        let contact = self.contact(report);
        let types = self.bridge.interaction_types.clone();
        let body = contracts::interaction_retrieval(&self.credentials, &types, &contact);
        let Some(response) = self.send(report, "", url, &body) else { return };
        let mut findings = Vec::new();
        if let Some(value) = self.success_body(&response, "answer 200 with an array of interactions", &mut findings) {
            checks::interactions(&value, &types, &mut findings);
        }
        report.add("", findings);
    }

    fn agent_synchronization(&mut self, url: &str, report: &mut EndpointReport) {
        let mut seen = checks::SeenIds::default();
        let mut offset = None;
        for page in 1..=self.options.pages.max(1) {
            let label = format!("page {page}");
            let body = contracts::agent_synchronization(&self.credentials, offset);
            let Some(response) = self.send(report, &label, url, &body) else { return };
            let mut findings = Vec::new();
            let next = self
                .success_body(&response, "answer 200 with the agents", &mut findings)
                .and_then(|value| checks::agents_page(&value, &label, &mut seen, &mut findings));
            report.add(&label, findings);
            match next {
                Some(next) if page < self.options.pages => offset = Some(next),
                Some(_) => {
                    report.notes.push(format!("stopped after {page} page(s) (--pages); the bridge has more"));
                    return;
                }
                None => return,
            }
        }
    }

    fn action(&mut self, name: &str, url: &str, report: &mut EndpointReport) {
        let Some(action) = self.bridge.action(name).cloned() else { return };
        let contact = self.contact(report);
        let body = contracts::action(&self.credentials, &action, &contact);
        let Some(response) = self.send(report, "", url, &body) else { return };
        let mut findings = Vec::new();
        match response.status {
            200 | 201 => {
                if let Some(value) = checks::json_body(&response, true, &mut findings) {
                    checks::action_answer(&value, &mut findings);
                }
            }
            400 => {
                let said = serde_json::from_slice::<Value>(&response.body)
                    .ok()
                    .and_then(|value| value.get("message").and_then(Value::as_str).map(str::to_owned))
                    .map_or_else(|| "no message".to_owned(), |message| format!("\"{message}\""));
                findings.push(Finding::error(
                    "action-refused",
                    Some("/message".to_owned()).filter(|_| said != "no message"),
                    format!("the bridge refused the data (400, {said}); accept the data built from the inputs' defaults, or give the inputs defaults it accepts"),
                ));
            }
            status => findings.push(checks::unexpected_status(
                status,
                "answer 201 when the action succeeded, 400 with a message when not",
            )),
        }
        report.add("", findings);
    }
}

/// Probes one endpoint with a fresh prober over HTTP: for a caller that tries one endpoint at a
/// time, such as a "try it" key, on a thread of its own (contact activity then asks about
/// `options.contact` or the sample, since no synchronization ran before it).
pub fn probe_one(
    bridge: Bridge,
    credentials: Credentials,
    options: Options,
    timeout: Duration,
    target: &Target,
) -> EndpointReport {
    Prober::new(bridge, credentials, options, transport::Http::new(timeout)).probe(target)
}

/// Refuses plain `http://` except to loopback (or with `--allow-http`), and anything but http(s).
pub fn refuse_url(url: &str, allow_http: bool) -> Option<Finding> {
    let parsed = match url::Url::parse(url) {
        Ok(parsed) => parsed,
        Err(error) => {
            return Some(Finding::error(
                "invalid-url",
                None,
                format!("the URL is not valid ({error}); fix it in the manifest"),
            ));
        }
    };
    match parsed.scheme() {
        "https" => None,
        "http" if allow_http || is_loopback(&parsed) => None,
        "http" => Some(Finding::error(
            "plain-http",
            None,
            "not sent: credentials would travel unencrypted over plain http; serve the bridge over https (Talkdesk requires it), or pass --allow-http for a test server",
        )),
        scheme => Some(Finding::error("invalid-url", None, format!("the URL's scheme is \"{scheme}\"; use https"))),
    }
}

/// True for a URL whose host is this machine (127.0.0.0/8, ::1, localhost).
pub(crate) fn is_loopback_url(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|url| is_loopback(&url))
}

fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prober_can_run_on_another_thread() {
        fn send<T: Send + 'static>() {}
        send::<Prober<transport::Http>>();
        send::<EndpointReport>();
    }

    #[test]
    fn plain_http_is_sent_only_to_loopback_or_when_allowed() {
        assert_eq!(refuse_url("https://bridge.example.org/x", false), None);
        assert_eq!(refuse_url("http://127.0.0.1:8080/x", false), None);
        assert_eq!(refuse_url("http://[::1]:8080/x", false), None);
        assert_eq!(refuse_url("http://localhost/x", false), None);
        assert_eq!(refuse_url("http://bridge.example.org/x", false).map(|finding| finding.code), Some("plain-http"));
        assert_eq!(refuse_url("http://bridge.example.org/x", true), None);
        assert_eq!(refuse_url("ftp://bridge.example.org/x", true).map(|finding| finding.code), Some("invalid-url"));
    }
}
