//! The run of a probe: calls one endpoint after another as Talkdesk does, keeping what one answer
//! teaches the next (fields an authorization validator returns, the first synchronized contact).

use super::contracts::{self, Bridge, Contact, ContactMeta, Credentials};
use super::transport::{self, Response, Transport};
use super::{EndpointReport, Exchange, Finding, Options, Target, checks, refuse_url};
use serde_json::Value;
use std::time::Duration;

/// The label of the request with altered credentials, the one request a 401 is asked of.
const ALTERED: &str = "altered credentials";

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
        if self.credentials_refused {
            return EndpointReport::skipped(target, &self.bridge, "not called: the bridge refused the credentials");
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

    /// Sends one request and records it; None (with a finding or a note) when there is no usable
    /// answer. A 401 or 403 to the author's credentials means they were refused: every later
    /// endpoint is skipped, since it would be refused too.
    fn send(&mut self, report: &mut EndpointReport, label: &str, url: &str, body: &Value) -> Option<Response> {
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
        if matches!(response.status, 401 | 403) && label != ALTERED {
            self.credentials_refused = true;
            report.refused = true;
            let names: Vec<&str> = self.credentials.names().collect();
            let during = if label.is_empty() { String::new() } else { format!("{label}: ") };
            report.notes.push(format!(
                "{during}the bridge refused these credentials ({}); check the values given for {}, or how the bridge checks them with the external system",
                response.status,
                if names.is_empty() { "the authentication fields".to_owned() } else { names.join(", ") }
            ));
            return None;
        }
        if let Some(redirect) = checks::redirect(&response) {
            report.add(label, vec![redirect]);
            return None;
        }
        report.add(label, checks::slow(response.elapsed).into_iter().collect());
        Some(response)
    }

    fn auth_validation(&mut self, url: &str, report: &mut EndpointReport) {
        let Some(response) = self.send(report, "", url, &contracts::auth_validation(&self.credentials)) else { return };
        let mut findings = Vec::new();
        let mut returned = None;
        match response.status {
            200 | 204 => {
                if response.status == 204 {
                    findings.push(Finding::new(
                        "auth-status-204",
                        None,
                        "answered 204; Talkdesk's current page asks for 200 OK when the credentials are valid (its old page said 204): answer 200",
                    ));
                }
                let configured: Vec<String> = self.bridge.auth_fields.iter().map(|field| field.name.clone()).collect();
                if let Some(value) = checks::json_body(&response, true, &mut findings) {
                    checks::auth_returned(&value, &configured, &mut findings);
                    returned = value.as_object().cloned();
                }
            }
            status => findings
                .push(checks::unexpected_status(status, "answer 200 when the credentials are valid, 401 when not")),
        }
        report.add("", findings);
        self.wrong_credentials(url, report);
        if let Some(returned) = returned {
            self.credentials.merge_returned(&returned, &self.bridge);
        }
    }

    /// The same request with every mandatory value altered must be refused with 401.
    fn wrong_credentials(&mut self, url: &str, report: &mut EndpointReport) {
        let altered = self.credentials.altered(&self.bridge);
        if altered.auth_hash() == self.credentials.auth_hash() {
            report
                .notes
                .push("no mandatory authentication field has a value to alter; wrong credentials not tried".to_owned());
            return;
        }
        let Some(response) = self.send(report, ALTERED, url, &contracts::auth_validation(&altered)) else { return };
        let finding = match response.status {
            401 => {
                report.notes.push("altered credentials were refused with 401, as they must be".to_owned());
                return;
            }
            200..=299 => Finding::new(
                "accepts-wrong-credentials",
                None,
                format!(
                    "answered {} with every mandatory value altered; check the credentials with the external system and answer 401 when they are wrong",
                    response.status
                ),
            ),
            status => checks::unexpected_status(status, "answer 401 when the credentials are wrong"),
        };
        report.add(ALTERED, vec![finding]);
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
                None => {
                    if seen.is_empty() {
                        report.notes.push(
                            "the bridge sent no agents, so no agent's fields were checked; probe with an account that has some"
                                .to_owned(),
                        );
                    }
                    return;
                }
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
                if response.status == 200 {
                    findings.push(Finding::new(
                        "action-status-200",
                        None,
                        "answered 200; Talkdesk's older documentation asks for 201 when an action succeeded (the current page does not say): answer 201".to_owned(),
                    ));
                }
                if let Some(value) = checks::json_body(&response, true, &mut findings) {
                    checks::action_answer(&value, &mut findings);
                }
            }
            400 => {
                let said = serde_json::from_slice::<Value>(&response.body)
                    .ok()
                    .and_then(|value| value.get("message").and_then(Value::as_str).map(str::to_owned))
                    .map_or_else(|| "no message".to_owned(), |message| format!("\"{message}\""));
                findings.push(Finding::new(
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
/// `options.contact` or the sample, since no synchronization ran before it). Returns the report and
/// the credentials the probe ended with, whose every value the caller masks.
pub fn probe_one(
    bridge: Bridge,
    credentials: Credentials,
    options: Options,
    timeout: Duration,
    target: &Target,
) -> (EndpointReport, Credentials) {
    let mut prober = Prober::new(bridge, credentials, options, transport::Http::new(timeout));
    let report = prober.probe(target);
    (report, prober.credentials)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe::contracts::AuthFieldSpec;
    use crate::probe::transport::TransportError;
    use serde_json::json;
    use std::sync::Mutex;

    /// A transport that answers from a function and keeps every body sent.
    struct Scripted {
        answer: fn(&str, &Value) -> Response,
        sent: Mutex<Vec<(String, Value)>>,
    }

    impl Transport for Scripted {
        fn post(&self, url: &str, body: &[u8]) -> Result<Response, TransportError> {
            let body: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
            let response = (self.answer)(url, &body);
            self.sent
                .lock()
                .map_err(|_| TransportError::Connection("poisoned".to_owned()))?
                .push((url.to_owned(), body));
            Ok(response)
        }
    }

    fn prober(answer: fn(&str, &Value) -> Response) -> Prober<Scripted> {
        let bridge = Bridge {
            auth_fields: vec![AuthFieldSpec { name: "token".to_owned(), display: None, mandatory: true, secret: true }],
            auth_validation: Some("https://bridge.example.org/auth".to_owned()),
            agent_synchronization: Some("https://bridge.example.org/agents".to_owned()),
            ..Bridge::default()
        };
        let mut credentials = Credentials::default();
        credentials.set("token", "first-token".to_owned());
        Prober::new(bridge, credentials, Options::default(), Scripted { answer, sent: Mutex::new(Vec::new()) })
    }

    fn sent(prober: &Prober<Scripted>) -> Vec<(String, Value)> {
        prober.transport.sent.lock().map(|sent| sent.clone()).unwrap_or_default()
    }

    #[test]
    fn later_requests_carry_what_the_authorization_validator_returned() {
        let mut prober = prober(|url, body| match (url.ends_with("/auth"), body["auth"]["token"].as_str()) {
            (true, Some("first-token")) => Response::json(200, &json!({"token": "validated-token"})),
            (true, _) => Response::json(401, &json!({})),
            (false, _) => Response::json(200, &json!({"agents": []})),
        });
        assert!(prober.probe(&Target::AuthValidation).ok());
        assert!(prober.probe(&Target::AgentSynchronization).ok());
        let sent = sent(&prober);
        assert_eq!(sent.len(), 3, "valid, altered, agents");
        assert_eq!(sent[2].1["auth"], json!({"token": "validated-token"}));
    }

    #[test]
    fn refused_credentials_are_their_own_outcome_and_skip_every_later_endpoint() {
        for status in [401, 403] {
            let mut prober = prober(if status == 401 {
                |_: &str, _: &Value| Response::json(401, &json!({}))
            } else {
                |_: &str, _: &Value| Response::json(403, &json!({}))
            });
            let auth = prober.probe(&Target::AuthValidation);
            assert_eq!(auth.outcome(), crate::probe::Outcome::Refused);
            assert!(auth.findings.is_empty(), "a refusal is no broken contract: {:?}", auth.findings);
            assert!(
                auth.notes[0].starts_with(&format!(
                    "the bridge refused these credentials ({status}); check the values given for token"
                )),
                "{:?}",
                auth.notes
            );
            let agents = prober.probe(&Target::AgentSynchronization);
            assert_eq!(agents.outcome(), crate::probe::Outcome::Skipped);
            assert_eq!(sent(&prober).len(), 1, "neither the altered credentials nor the agents were sent");
        }
    }

    #[test]
    fn a_refusal_by_a_later_endpoint_is_a_refusal_too() {
        let mut prober = prober(|url, _| match url.ends_with("/auth") {
            true => Response::json(200, &json!({})),
            false => Response::json(401, &json!({"message": "expired"})),
        });
        let _ = prober.probe(&Target::AuthValidation);
        let agents = prober.probe(&Target::AgentSynchronization);
        assert_eq!(agents.outcome(), crate::probe::Outcome::Refused);
        assert!(
            agents.notes[0].starts_with("page 1: the bridge refused these credentials (401)"),
            "{:?}",
            agents.notes
        );
    }
}
