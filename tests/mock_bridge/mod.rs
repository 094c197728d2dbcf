//! A mock Talkdesk bridge on 127.0.0.1 for the probe's tests. [`keeps_every_contract`] answers every
//! endpoint exactly as Talkdesk's contracts ask, and checks that each request is the documented one;
//! each test breaks one contract by answering one request differently, so the scenarios read as the
//! list of what a bridge must do.
#![allow(dead_code)]

use serde_json::{Value, json};
use std::io::Read;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// The credentials the mock bridge accepts.
pub(crate) const ACCOUNT: &str = "acme";
pub(crate) const TOKEN: &str = "s3cret-token-42";

/// A request the bridge received.
#[derive(Debug, Clone)]
pub(crate) struct Received {
    pub path: String,
    pub method: String,
    pub content_type: Option<String>,
    pub body: Value,
}

impl Received {
    /// The request's `meta`.
    pub(crate) fn meta(&self) -> &Value {
        &self.body["meta"]
    }
}

/// What the bridge answers.
pub(crate) struct Reply {
    pub status: u16,
    pub content_type: Option<&'static str>,
    pub location: Option<String>,
    pub body: Vec<u8>,
    /// Waits this long before answering.
    pub delay: Duration,
}

impl Reply {
    /// A JSON answer with `Content-Type: application/json`.
    pub(crate) fn json(status: u16, body: Value) -> Reply {
        Reply {
            status,
            content_type: Some("application/json"),
            location: None,
            body: body.to_string().into_bytes(),
            delay: Duration::ZERO,
        }
    }

    /// An answer without a body.
    pub(crate) fn empty(status: u16) -> Reply {
        Reply { status, content_type: None, location: None, body: Vec::new(), delay: Duration::ZERO }
    }

    /// A redirect to `location`.
    pub(crate) fn redirect(location: String) -> Reply {
        Reply { location: Some(location), ..Reply::empty(302) }
    }

    /// The same answer without its `Content-Type`.
    pub(crate) fn without_content_type(self) -> Reply {
        Reply { content_type: None, ..self }
    }

    /// The same answer, sent after `delay`.
    pub(crate) fn after(self, delay: Duration) -> Reply {
        Reply { delay, ..self }
    }
}

type Answer = dyn Fn(&Received) -> Reply + Send + Sync;

/// A bridge listening on 127.0.0.1 until dropped.
pub(crate) struct MockBridge {
    base: String,
    received: Arc<Mutex<Vec<Received>>>,
    server: Arc<tiny_http::Server>,
    thread: Option<JoinHandle<()>>,
}

impl MockBridge {
    /// Starts a bridge that answers every request with `answer`.
    pub(crate) fn start(answer: impl Fn(&Received) -> Reply + Send + Sync + 'static) -> MockBridge {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("the mock bridge listens on 127.0.0.1"));
        let base = format!("http://{}", server.server_addr().to_ip().expect("an IP address"));
        let received = Arc::new(Mutex::new(Vec::new()));
        let answer: Arc<Answer> = Arc::new(answer);
        let thread = {
            let (server, received) = (Arc::clone(&server), Arc::clone(&received));
            std::thread::spawn(move || {
                for mut request in server.incoming_requests() {
                    let mut body = String::new();
                    let _ = request.as_reader().take(1 << 20).read_to_string(&mut body);
                    let content_type = request
                        .headers()
                        .iter()
                        .find(|header| header.field.equiv("Content-Type"))
                        .map(|header| header.value.to_string());
                    let received_request = Received {
                        path: request.url().to_owned(),
                        method: request.method().to_string(),
                        content_type,
                        body: serde_json::from_str(&body).unwrap_or(Value::Null),
                    };
                    let reply = answer(&received_request);
                    received.lock().expect("the request log").push(received_request);
                    std::thread::sleep(reply.delay);
                    let mut response = tiny_http::Response::from_data(reply.body).with_status_code(reply.status);
                    if let Some(content_type) = reply.content_type {
                        response.add_header(header("Content-Type", content_type));
                    }
                    if let Some(location) = &reply.location {
                        response.add_header(header("Location", location));
                    }
                    // The client may have given up (timeout, size limit): nothing to do then.
                    let _ = request.respond(response);
                }
            })
        };
        MockBridge { base, received, server, thread: Some(thread) }
    }

    /// The URL of `path` on this bridge.
    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Every request received at `path`, in order.
    pub(crate) fn received(&self, path: &str) -> Vec<Received> {
        self.received.lock().expect("the request log").iter().filter(|request| request.path == path).cloned().collect()
    }

    /// A manifest whose endpoints are this bridge's (mycrm with an account and a token).
    pub(crate) fn manifest(&self) -> Value {
        json!({
            "integration": {
                "name": "mycrm",
                "display_name": "My CRM",
                "description": "A CRM.",
                "logo_url": "https://example.org/logo.png",
                "icon_url": "https://example.org/icon.png",
                "authentication_type": "custom",
                "authentication_configuration": [
                    { "field_name": "account", "display": "Account", "mandatory": true, "type": "input", "store": true },
                    { "field_name": "token", "display": "API Token", "mandatory": true, "type": "password", "store": true }
                ],
                "auth_validation_endpoint": self.url("/auth"),
                "contact_synchronization_endpoint": self.url("/contacts"),
                "interaction_retrieval_endpoint": self.url("/activity"),
                "agent_synchronization_endpoint": self.url("/agents"),
                "interaction_types": ["Ticket", "Case"]
            },
            "actions": [{
                "provider": "mycrm",
                "name": "create_ticket",
                "display": "create a ticket",
                "description": "create a new ticket in My CRM",
                "endpoint": self.url("/actions/create_ticket"),
                "inputs": [
                    { "key": "subject", "name": "Subject", "mandatory": true, "type": "text" },
                    { "key": "email", "name": "Requester email", "mandatory": false, "type": "text", "format": "{{contact.email}}" },
                    { "key": "priority", "name": "Priority", "mandatory": false, "type": "select", "format": "low,normal,high,urgent" }
                ]
            }]
        })
    }
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

impl Drop for MockBridge {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The bridge that keeps every contract. It also insists on the documented requests: a request that
/// is not what Talkdesk sends gets a 400 naming what was wrong, so the probe's own requests are checked.
pub(crate) fn keeps_every_contract(request: &Received) -> Reply {
    if request.method != "POST" || request.content_type.as_deref() != Some("application/json") {
        return Reply::json(400, json!({"message": "Talkdesk POSTs JSON"}));
    }
    // Every request carries the `auth` hash, keyed by the manifest's field names.
    if request.body["auth"] != json!({"account": ACCOUNT, "token": TOKEN}) {
        return Reply::json(401, json!({"message": "invalid credentials"}));
    }
    let meta = request.meta();
    match request.path.as_str() {
        // Authorization validator: 200 when the credentials are valid, 401 otherwise.
        "/auth" => Reply::empty(200),
        // Contact synchronization: the initial sync has an empty `meta`; a page with `next_offset`
        // is followed by a request with `meta.offset` and `meta.context` echoed; an incremental sync
        // sends back the checkpoint. Ids are strings, unique across pages.
        "/contacts" => match (meta.get("synchronization_checkpoint"), meta.get("offset")) {
            (None, None) if meta == &json!({}) => Reply::json(
                200,
                json!({
                    "next_offset": "2",
                    "context": {"cursor": "after-2"},
                    "synchronization_checkpoint": "2024-01-02 10:00:00 UTC",
                    "contacts": [
                        {"id": "1", "name": "Jane Doe", "emails": ["jane.doe@example.com"], "phones": ["+15555555555"]},
                        {"id": "2", "name": "John Roe", "company": "Acme"}
                    ]
                }),
            ),
            (None, Some(offset)) if offset == "2" && meta["context"] == json!({"cursor": "after-2"}) => Reply::json(
                200,
                json!({
                    "synchronization_checkpoint": "2024-01-03 10:00:00 UTC",
                    "contacts": [{"id": "3", "name": "Ann Lee", "websites": ["https://ann.example.org"]}]
                }),
            ),
            (Some(checkpoint), None) if checkpoint == "2024-01-03 10:00:00 UTC" => Reply::json(
                200,
                json!({
                    "synchronization_checkpoint": "2024-01-03 10:00:00 UTC",
                    "contacts": []
                }),
            ),
            _ => Reply::json(400, json!({"message": "unexpected meta"})),
        },
        // Contact activity: a top-level array of interactions of the requested types.
        "/activity" if meta["interaction_types"] == json!(["Ticket", "Case"]) => Reply::json(
            200,
            json!([
                {"id": "23", "subject": "A very important matter", "description": "Your order is ready",
                 "date": "2024-01-02 17:53:51 UTC", "url": "https://crm.example.org/23",
                 "type": "Ticket", "priority": "high", "status": "pending"}
            ]),
        ),
        // Agent synchronization: `meta` empty first, then the integer `next_offset` as `meta.offset`.
        "/agents" => match meta.get("offset") {
            None => Reply::json(
                200,
                json!({"agents": [{"id": "a1", "name": "Alice", "email": "alice@example.org"}], "next_offset": 1}),
            ),
            Some(offset) if offset == 1 => {
                Reply::json(200, json!({"agents": [{"id": "a2", "name": "Bob", "email": "bob@example.org"}]}))
            }
            Some(_) => Reply::json(400, json!({"message": "unexpected offset"})),
        },
        // Action: 201 with optional string fields; 400 with a message when the data is refused.
        "/actions/create_ticket" => match request.body["data"]["subject"].as_str() {
            Some(subject) if !subject.is_empty() => {
                Reply::json(201, json!({"message": "Ticket created", "external_id": "T-1"}))
            }
            _ => Reply::json(400, json!({"message": "subject is required"})),
        },
        _ => Reply::json(404, json!({"message": "no such endpoint"})),
    }
}
