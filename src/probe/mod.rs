//! `probe`: calls the endpoints a manifest configures exactly as Talkdesk does and checks every answer
//! against Talkdesk's contracts.
//!
//! - [`contracts`]: the bridge a manifest describes, the credentials and the request bodies;
//! - [`checks`]: pure checks of the answers (tested on JSON values);
//! - [`codes`]: every check's code, page and word, from which its severity comes;
//! - [`transport`]: the one POST over HTTP(S), behind a trait so tests and the wizard can swap it;
//! - [`report`]: the text and JSON reports, laid out raw;
//! - [`shown`]: the sink every string shown or written passes through: escaped, then masked.
//!
//! [`Prober::probe`] runs one endpoint and returns its [`EndpointReport`] (requests sent, with
//! credentials masked, answers and findings): the CLI calls it for each endpoint in turn; a caller
//! such as the wizard can run it (or [`probe_one`]) on a thread, since a `Prober` is `Send`, and show
//! each exchange with [`report::exchange_lines`] through a [`shown::Sink`].
// Nothing the probe shows may bypass the sink, which escapes and masks it.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub(crate) mod checks;
pub mod codes;
pub(crate) mod contracts;
mod prober;
pub(crate) mod report;
pub mod shown;
pub mod transport;

pub use contracts::Credentials;
pub use prober::{Prober, probe_one};

use crate::manifest::Severity;
use contracts::{Bridge, Contact};
use serde_json::Value;
use std::net::IpAddr;
use std::time::Duration;
use transport::{Response, TransportError};

/// One finding about an answer: what the bridge must change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// A stable kebab-case code.
    pub code: &'static str,
    /// A JSON pointer into the answer's body, when the finding is about a part of it.
    pub pointer: Option<String>,
    /// One line that says what the bridge must change.
    pub message: String,
}

impl Finding {
    /// A finding of the check `code`: its severity comes from the word of the check's page
    /// ([`codes::CHECKS`]).
    pub fn new(code: &'static str, pointer: Option<String>, message: impl Into<String>) -> Finding {
        Finding { severity: codes::severity(code), code, pointer, message: message.into() }
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
    /// The authorization validator.
    AuthValidation,
    /// Contact synchronization.
    ContactSynchronization,
    /// Interaction retrieval (contact activity).
    InteractionRetrieval,
    /// Agent synchronization.
    AgentSynchronization,
    /// An action.
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
    /// The authorization validator.
    AuthValidation,
    /// Contact synchronization.
    ContactSynchronization,
    /// Interaction retrieval (contact activity).
    InteractionRetrieval,
    /// Agent synchronization.
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
    /// The URL the request went to.
    pub url: String,
    /// The body sent, with every credential masked.
    pub request: Value,
    /// The answer, or why there was none.
    pub outcome: Result<Response, TransportError>,
}

/// What probing one endpoint found.
#[derive(Debug, Clone, PartialEq)]
pub struct EndpointReport {
    /// Which endpoint.
    pub kind: Kind,
    /// The action's name, for an action.
    pub action: Option<String>,
    /// The endpoint's URL, when the manifest has one.
    pub url: Option<String>,
    /// Not called (an action without `--actions`, an endpoint after refused credentials).
    pub skipped: bool,
    /// The bridge answered 401 or 403 to the author's credentials: they were refused, which says
    /// nothing of the contract.
    pub refused: bool,
    /// The status of the first answer.
    pub status: Option<u16>,
    /// The time the first answer took.
    pub elapsed: Option<Duration>,
    /// What the bridge must change.
    pub findings: Vec<Finding>,
    /// Lines that explain what was done ("stopped after 3 pages"), shown in the text output.
    pub notes: Vec<String>,
    /// Every request sent and what came back.
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
            refused: false,
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

    /// True when the endpoint was called and never answered (refused, timed out, unknown host):
    /// nothing is known of its contract, which the reports say apart from a broken one.
    pub fn unreachable(&self) -> bool {
        !self.skipped && !self.exchanges.is_empty() && self.exchanges.iter().all(|exchange| exchange.outcome.is_err())
    }

    /// What probing the endpoint came to.
    pub fn outcome(&self) -> Outcome {
        match (self.skipped, self.ok(), self.unreachable(), self.refused) {
            (true, _, _, _) => Outcome::Skipped,
            (false, false, true, _) => Outcome::Unreachable,
            (false, false, false, _) => Outcome::Fail,
            (false, true, _, true) => Outcome::Refused,
            (false, true, _, false) => Outcome::Pass,
        }
    }

    /// Keeps the findings of one request, naming it in their messages.
    fn add(&mut self, label: &str, findings: Vec<Finding>) {
        self.findings.extend(findings.into_iter().map(|finding| finding.during(label)));
    }
}

/// What probing one endpoint came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Every answer kept the contract (warnings allowed).
    Pass,
    /// An answer broke the contract.
    Fail,
    /// The bridge refused the author's credentials (401 or 403): check them; nothing is known of the
    /// contract.
    Refused,
    /// No answer came (refused connection, timeout, unknown host).
    Unreachable,
    /// Not called.
    Skipped,
}

impl Outcome {
    /// The word of the JSON output and the text report's verdict.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::Refused => "refused",
            Outcome::Unreachable => "unreachable",
            Outcome::Skipped => "skipped",
        }
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

/// Refuses plain `http://` except to this machine (or with `--allow-http`), and anything but
/// http(s). A host name counts as this machine only when every address it resolves to is loopback:
/// `localhost` mapped elsewhere (in a hosts file) must not get the credentials unencrypted.
pub fn refuse_url(url: &str, allow_http: bool) -> Option<Finding> {
    refuse_url_resolving(url, allow_http, &|host, port| {
        use std::net::ToSocketAddrs;
        (host, port).to_socket_addrs().map(|addresses| addresses.map(|address| address.ip()).collect())
    })
}

/// How a host name resolves: its addresses, or why not.
type Resolve<'a> = &'a dyn Fn(&str, u16) -> std::io::Result<Vec<IpAddr>>;

/// [`refuse_url`] with the resolver given, so tests can map `localhost` anywhere.
fn refuse_url_resolving(url: &str, allow_http: bool, resolve: Resolve<'_>) -> Option<Finding> {
    if let Some(refusal) = refuse_url_by_name(url, allow_http) {
        return Some(refusal);
    }
    let parsed = url::Url::parse(url).ok()?;
    let (Some(url::Host::Domain(name)), "http", false) = (parsed.host(), parsed.scheme(), allow_http) else {
        return None;
    };
    let port = parsed.port_or_known_default().unwrap_or(80);
    let addresses = match resolve(name, port) {
        Ok(addresses) if !addresses.is_empty() => addresses,
        _ => {
            return Some(Finding::new(
                "plain-http",
                None,
                format!(
                    "not sent: {name} does not resolve, so it cannot be told to be this machine, and credentials would travel unencrypted over plain http; use http://127.0.0.1 or https"
                ),
            ));
        }
    };
    let elsewhere: Vec<String> =
        addresses.iter().filter(|address| !address.is_loopback()).map(ToString::to_string).collect();
    (!elsewhere.is_empty()).then(|| {
        Finding::new(
            "plain-http",
            None,
            format!(
                "not sent: {name} resolves to {} (not this machine; check the hosts file), and credentials would travel unencrypted over plain http; use http://127.0.0.1, https, or pass --allow-http for a test server",
                elsewhere.join(", ")
            ),
        )
    })
}

/// The part of [`refuse_url`] that needs no name resolution (the wizard checks it before asking for
/// credentials; the probe's thread then resolves): not a URL, not http(s), or plain http to a host
/// that is not named as this machine.
pub fn refuse_url_by_name(url: &str, allow_http: bool) -> Option<Finding> {
    let parsed = match url::Url::parse(url) {
        Ok(parsed) => parsed,
        Err(error) => {
            return Some(Finding::new(
                "invalid-url",
                None,
                format!("the URL is not valid ({error}); fix it in the manifest"),
            ));
        }
    };
    match parsed.scheme() {
        "https" => None,
        "http" if allow_http || is_loopback(&parsed) => None,
        "http" => Some(Finding::new(
            "plain-http",
            None,
            "not sent: credentials would travel unencrypted over plain http; serve the bridge over https (Talkdesk requires it), or pass --allow-http for a test server",
        )),
        scheme => Some(Finding::new("invalid-url", None, format!("the URL's scheme is \"{scheme}\"; use https"))),
    }
}

/// True for a URL whose host is named as this machine (127.0.0.0/8, ::1, localhost).
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

    #[test]
    fn localhost_is_trusted_only_when_every_address_it_resolves_to_is_loopback() {
        let elsewhere =
            |_: &str, _: u16| Ok(vec!["127.0.0.1".parse().expect("an IP"), "10.1.2.3".parse().expect("an IP")]);
        let refusal = refuse_url_resolving("http://localhost:8080/auth", false, &elsewhere).expect("refused");
        assert_eq!(refusal.code, "plain-http");
        assert!(refusal.message.contains("localhost resolves to 10.1.2.3 (not this machine"), "{}", refusal.message);
        assert_eq!(refuse_url_resolving("http://localhost:8080/auth", true, &elsewhere), None, "--allow-http");
        assert_eq!(refuse_url_resolving("https://localhost/auth", false, &elsewhere), None, "https is fine");
        let nowhere = |_: &str, _: u16| Err(std::io::Error::other("no such host"));
        assert!(
            refuse_url_resolving("http://localhost/x", false, &nowhere)
                .is_some_and(|f| f.message.contains("does not resolve"))
        );
        let home = |_: &str, _: u16| Ok(vec!["127.0.0.1".parse().expect("an IP"), "::1".parse().expect("an IP")]);
        assert_eq!(refuse_url_resolving("http://localhost/x", false, &home), None);
        assert_eq!(
            refuse_url_resolving("http://127.0.0.1/x", false, &elsewhere),
            None,
            "an address needs no resolving"
        );
    }
}
