//! `integration-wizard probe` against a mock bridge on 127.0.0.1: the bridge that keeps every
//! contract, then one scenario per way of breaking one.

mod mock_bridge;

use mock_bridge::{ACCOUNT, MockBridge, Received, Reply, TOKEN, keeps_every_contract};
use serde_json::{Value, json};
use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_integration-wizard");

/// A probe run: the manifest is written to a temporary folder kept for the run.
struct Run {
    output: Output,
    _folder: tempfile::TempDir,
}

impl Run {
    fn code(&self) -> i32 {
        self.output.status.code().unwrap_or(-1)
    }
    fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }
    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }
    /// The JSON report.
    fn json(&self) -> Value {
        serde_json::from_slice(&self.output.stdout)
            .unwrap_or_else(|error| panic!("JSON output ({error}): {}", self.stdout()))
    }
    /// The report of one endpoint.
    fn endpoint(&self, name: &str) -> Value {
        let report = self.json();
        let endpoints = report["endpoints"].as_array().cloned().unwrap_or_default();
        endpoints
            .into_iter()
            .find(|endpoint| endpoint["endpoint"] == name)
            .unwrap_or_else(|| panic!("no {name} in {report}"))
    }
    /// The (code, pointer) of every finding of one endpoint.
    fn findings(&self, name: &str) -> Vec<(String, Value)> {
        let endpoint = self.endpoint(name);
        let findings = endpoint["findings"].as_array().cloned().unwrap_or_default();
        findings
            .iter()
            .map(|finding| (finding["code"].as_str().unwrap_or_default().to_owned(), finding["pointer"].clone()))
            .collect()
    }
}

/// Probes `manifest` with the right credentials and `args`, printing JSON unless `args` says otherwise.
fn probe(manifest: &Value, args: &[&str]) -> Run {
    probe_with(manifest, args, &[format!("account={ACCOUNT}"), format!("token={TOKEN}")])
}

fn probe_with(manifest: &Value, args: &[&str], auth: &[String]) -> Run {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path: PathBuf = folder.path().join("mycrm.json");
    std::fs::write(&path, manifest.to_string()).expect("write the manifest");
    let mut command = Command::new(BINARY);
    command.arg("probe").arg(&path).args(args);
    for pair in auth {
        command.arg("--auth").arg(pair);
    }
    if !args.contains(&"--format") {
        command.args(["--format", "json"]);
    }
    let output = command.env("NO_COLOR", "1").output().expect("the binary runs");
    Run { output, _folder: folder }
}

fn finding(code: &str, pointer: Value) -> (String, Value) {
    (code.to_owned(), pointer)
}

/// A bridge that keeps every contract except at `path`, where `answer` replies instead.
fn breaking(path: &'static str, answer: impl Fn(&Received) -> Reply + Send + Sync + 'static) -> MockBridge {
    MockBridge::start(move |request| if request.path == path { answer(request) } else { keeps_every_contract(request) })
}

#[test]
fn a_bridge_that_keeps_every_contract_passes_and_gets_exactly_the_documented_requests() {
    let bridge = MockBridge::start(keeps_every_contract);
    let run = probe(&bridge.manifest(), &[]);
    assert_eq!(run.code(), 0, "{}{}", run.stdout(), run.stderr());
    let report = run.json();
    let summary: Vec<(Value, Value, Value, Value)> = report["endpoints"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|endpoint| {
            (
                endpoint["endpoint"].clone(),
                endpoint["ok"].clone(),
                endpoint["status"].clone(),
                endpoint["skipped"].clone(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (json!("auth_validation"), json!(true), json!(204), json!(false)),
            (json!("contact_synchronization"), json!(true), json!(200), json!(false)),
            (json!("interaction_retrieval"), json!(true), json!(200), json!(false)),
            (json!("agent_synchronization"), json!(true), json!(200), json!(false)),
            (json!("action"), json!(true), Value::Null, json!(true)),
        ]
    );
    for endpoint in report["endpoints"].as_array().into_iter().flatten() {
        assert_eq!(endpoint["findings"], json!([]), "{endpoint}");
    }
    let auth = json!({"account": ACCOUNT, "token": TOKEN});
    // Authorization: the credentials, then the same with every mandatory value altered.
    let sent: Vec<Value> = bridge.received("/auth").into_iter().map(|request| request.body).collect();
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0], json!({"auth": auth}));
    assert_ne!(sent[1]["auth"]["account"], json!(ACCOUNT));
    assert_ne!(sent[1]["auth"]["token"], json!(TOKEN));
    // Contacts: initial page, the next page echoing offset and context, then incremental.
    let metas: Vec<Value> = bridge.received("/contacts").iter().map(|request| request.meta().clone()).collect();
    assert_eq!(
        metas,
        vec![
            json!({}),
            json!({"offset": "2", "context": {"cursor": "after-2"}}),
            json!({"synchronization_checkpoint": "2024-01-03 10:00:00 UTC"}),
        ]
    );
    // Contact activity asks about the first synchronized contact, with the manifest's types.
    let activity = bridge.received("/activity");
    assert_eq!(
        activity.iter().map(|request| request.body.clone()).collect::<Vec<_>>(),
        vec![json!({
            "auth": auth,
            "meta": {"interaction_types": ["Ticket", "Case"]},
            "data": {"contact_external_id": "1", "contact_name": "Jane Doe",
                     "contact_emails": ["jane.doe@example.com"], "contact_phones": ["+15555555555"]}
        })]
    );
    // Agents: an empty meta, then the integer offset.
    let metas: Vec<Value> = bridge.received("/agents").iter().map(|request| request.meta().clone()).collect();
    assert_eq!(metas, vec![json!({}), json!({"offset": 1})]);
    // Actions create real records: not run without --actions.
    assert!(bridge.received("/actions/create_ticket").is_empty());
}

#[test]
fn actions_run_only_when_asked_with_data_from_defaults_and_the_synchronized_contact() {
    let bridge = MockBridge::start(keeps_every_contract);
    let run = probe(&bridge.manifest(), &["--actions"]);
    assert_eq!(run.code(), 0, "{}{}", run.stdout(), run.stderr());
    assert_eq!(run.endpoint("action")["status"], json!(201));
    assert!(run.stderr().contains("create records"), "{}", run.stderr());
    let sent = bridge.received("/actions/create_ticket");
    assert_eq!(
        sent.iter().map(|request| request.body.clone()).collect::<Vec<_>>(),
        vec![json!({
            "auth": {"account": ACCOUNT, "token": TOKEN},
            "meta": {"contact_external_id": "1"},
            "data": {"subject": "integration-wizard probe", "email": "jane.doe@example.com", "priority": "low"}
        })]
    );
}

#[test]
fn only_one_action_runs_with_only_action_and_a_refusal_shows_the_bridges_message() {
    let bridge =
        breaking("/actions/create_ticket", |_| Reply::json(400, json!({"message": "priority low is not allowed"})));
    let run = probe(&bridge.manifest(), &["--only", "action:create_ticket"]);
    assert_eq!(run.code(), 1);
    assert_eq!(run.findings("action"), vec![finding("action-refused", json!("/message"))]);
    let message = run.endpoint("action")["findings"][0]["message"].clone();
    assert!(message.as_str().unwrap_or_default().contains("\"priority low is not allowed\""), "{message}");
    assert!(bridge.received("/auth").is_empty(), "--only runs nothing else");
}

#[test]
fn a_wrong_status_is_reported() {
    let bridge = breaking("/activity", |_| Reply::json(500, json!({"error": "boom"})));
    let run = probe(&bridge.manifest(), &[]);
    assert_eq!(run.code(), 1);
    assert_eq!(run.findings("interaction_retrieval"), vec![finding("unexpected-status", Value::Null)]);
    assert_eq!(run.endpoint("interaction_retrieval")["status"], json!(500));
    assert_eq!(run.endpoint("contact_synchronization")["ok"], json!(true));
}

#[test]
fn a_missing_content_type_is_reported() {
    let bridge = MockBridge::start(|request| match request.path.as_str() {
        "/agents" => keeps_every_contract(request).without_content_type(),
        _ => keeps_every_contract(request),
    });
    let run = probe(&bridge.manifest(), &["--only", "agents"]);
    assert_eq!(run.code(), 1);
    // Both pages lack it.
    assert_eq!(
        run.findings("agent_synchronization"),
        vec![finding("missing-content-type", Value::Null), finding("missing-content-type", Value::Null)]
    );
}

#[test]
fn a_missing_field_is_reported_at_its_pointer() {
    let bridge = breaking("/contacts", |request| match request.meta().get("offset") {
        None if request.meta() == &json!({}) => Reply::json(
            200,
            json!({
                "synchronization_checkpoint": "c1",
                "contacts": [{"id": "1", "name": "Jane Doe"}, {"id": "2", "emails": ["john@example.org"]}]
            }),
        ),
        _ => Reply::json(200, json!({"synchronization_checkpoint": "c1", "contacts": []})),
    });
    let run = probe(&bridge.manifest(), &["--only", "contacts"]);
    assert_eq!(run.code(), 1);
    assert_eq!(run.findings("contact_synchronization"), vec![finding("missing-field", json!("/contacts/1/name"))]);
}

#[test]
fn a_wrong_type_is_reported_at_its_pointer() {
    let bridge =
        breaking("/agents", |_| Reply::json(200, json!({"agents": [{"id": "a1", "name": "Alice", "email": 42}]})));
    let run = probe(&bridge.manifest(), &["--only", "agents"]);
    assert_eq!(run.code(), 1);
    assert_eq!(run.findings("agent_synchronization"), vec![finding("wrong-type", json!("/agents/0/email"))]);
}

#[test]
fn a_value_outside_its_enumeration_is_reported() {
    let bridge = breaking("/activity", |_| {
        Reply::json(
            200,
            json!([
                {"id": "23", "subject": "Order", "date": "2024-01-02", "type": "Ticket", "priority": "hgh", "status": "pending"}
            ]),
        )
    });
    let run = probe(&bridge.manifest(), &["--only", "activity"]);
    assert_eq!(run.code(), 1);
    assert_eq!(run.findings("interaction_retrieval"), vec![finding("not-in-enumeration", json!("/0/priority"))]);
}

#[test]
fn duplicate_ids_across_pages_are_reported() {
    let bridge = breaking("/contacts", |request| match request.meta().get("offset") {
        None => Reply::json(
            200,
            json!({"next_offset": "2", "synchronization_checkpoint": "c1", "contacts": [{"id": "1", "name": "Jane"}]}),
        ),
        Some(_) => {
            Reply::json(200, json!({"synchronization_checkpoint": "c2", "contacts": [{"id": "1", "name": "Jane"}]}))
        }
    });
    let run = probe(&bridge.manifest(), &["--only", "contacts"]);
    assert_eq!(run.code(), 1);
    assert_eq!(run.findings("contact_synchronization"), vec![finding("duplicate-id", json!("/contacts/0/id"))]);
    let message = run.endpoint("contact_synchronization")["findings"][0]["message"].clone();
    assert!(message.as_str().unwrap_or_default().starts_with("page 2: "), "{message}");
}

#[test]
fn the_context_is_echoed_and_a_next_page_that_fails_is_reported_with_its_page() {
    // This bridge needs its context back on the next page, as Talkdesk echoes it, and its third page fails.
    let bridge = breaking("/contacts", |request| {
        let meta = request.meta();
        match (meta.get("offset").and_then(Value::as_str), meta.get("context")) {
            (None, _) => Reply::json(
                200,
                json!({"next_offset": "p2", "context": ["opaque", 7], "synchronization_checkpoint": "c", "contacts": []}),
            ),
            (Some("p2"), Some(context)) if context == &json!(["opaque", 7]) => {
                Reply::json(200, json!({"next_offset": "p3", "synchronization_checkpoint": "c", "contacts": []}))
            }
            _ => Reply::json(400, json!({"message": "lost my context"})),
        }
    });
    let run = probe(&bridge.manifest(), &["--only", "contacts"]);
    assert_eq!(run.code(), 1);
    let endpoint = run.endpoint("contact_synchronization");
    assert_eq!(run.findings("contact_synchronization"), vec![finding("unexpected-status", Value::Null)]);
    assert!(
        endpoint["findings"][0]["message"].as_str().unwrap_or_default().starts_with("page 3: answered 400"),
        "{endpoint}"
    );
    let metas: Vec<Value> = bridge.received("/contacts").iter().map(|request| request.meta().clone()).collect();
    // Page 3 gets no context: the second answer had none.
    assert_eq!(metas, vec![json!({}), json!({"offset": "p2", "context": ["opaque", 7]}), json!({"offset": "p3"})]);
}

#[test]
fn paging_stops_at_the_pages_limit() {
    let bridge = breaking("/agents", |request| {
        let offset = request.meta()["offset"].as_i64().unwrap_or(0);
        Reply::json(
            200,
            json!({"agents": [{"id": format!("a{offset}"), "name": "A", "email": "a@example.org"}], "next_offset": offset + 1}),
        )
    });
    let run = probe(&bridge.manifest(), &["--only", "agents", "--pages", "2", "--format", "text"]);
    assert_eq!(run.code(), 0, "{}", run.stdout());
    assert_eq!(bridge.received("/agents").len(), 2);
    assert!(run.stdout().contains("stopped after 2 page(s)"), "{}", run.stdout());
}

#[test]
fn a_bridge_that_accepts_wrong_credentials_is_reported() {
    let bridge = breaking("/auth", |_| Reply::json(200, json!({})));
    let run = probe(&bridge.manifest(), &["--only", "auth"]);
    assert_eq!(run.code(), 1);
    assert_eq!(run.findings("auth_validation"), vec![finding("accepts-wrong-credentials", Value::Null)]);
}

#[test]
fn refused_credentials_fail_the_run_and_skip_the_other_endpoints() {
    let bridge = MockBridge::start(keeps_every_contract);
    let run = probe_with(&bridge.manifest(), &[], &[format!("account={ACCOUNT}"), "token=wrong-token".to_owned()]);
    assert_eq!(run.code(), 1);
    assert_eq!(run.findings("auth_validation"), vec![finding("credentials-refused", Value::Null)]);
    assert_eq!(run.endpoint("contact_synchronization")["skipped"], json!(true));
    assert!(bridge.received("/contacts").is_empty());
}

#[test]
fn a_bridge_slower_than_the_timeout_is_reported_within_the_timeout() {
    let bridge = breaking("/contacts", |request| keeps_every_contract(request).after(Duration::from_secs(3)));
    let started = Instant::now();
    let run = probe(&bridge.manifest(), &["--only", "contacts", "--timeout", "1"]);
    assert!(started.elapsed() < Duration::from_millis(2500), "took {:?}", started.elapsed());
    assert_eq!(run.code(), 1);
    assert_eq!(run.findings("contact_synchronization"), vec![finding("timeout", Value::Null)]);
}

#[test]
fn a_redirect_is_reported_and_not_followed() {
    let target = MockBridge::start(keeps_every_contract);
    let location = target.url("/contacts");
    let bridge = breaking("/contacts", move |_| Reply::redirect(location.clone()));
    let run = probe(&bridge.manifest(), &["--only", "contacts"]);
    assert_eq!(run.code(), 1);
    assert_eq!(run.findings("contact_synchronization"), vec![finding("redirect", Value::Null)]);
    assert_eq!(run.endpoint("contact_synchronization")["status"], json!(302));
    assert!(target.received("/contacts").is_empty(), "the redirect was followed");
}

#[test]
fn a_huge_body_is_cut_at_the_size_limit() {
    let bridge = breaking("/activity", |_| Reply { body: vec![b' '; 11 * 1024 * 1024], ..Reply::json(200, json!([])) });
    let run = probe(&bridge.manifest(), &["--only", "activity"]);
    assert_eq!(run.code(), 1);
    assert_eq!(run.findings("interaction_retrieval"), vec![finding("body-too-large", Value::Null)]);
}

#[test]
fn a_body_that_is_not_json_is_reported() {
    let bridge = breaking("/activity", |_| Reply {
        body: b"<html>Bad gateway</html>".to_vec(),
        ..Reply::json(200, json!(null))
    });
    let run = probe(&bridge.manifest(), &["--only", "activity"]);
    assert_eq!(run.code(), 1);
    assert_eq!(run.findings("interaction_retrieval"), vec![finding("not-json", Value::Null)]);
}

#[test]
fn plain_http_to_another_host_is_refused_without_sending_anything() {
    let bridge = MockBridge::start(keeps_every_contract);
    let mut manifest = bridge.manifest();
    manifest["integration"]["auth_validation_endpoint"] = json!("http://bridge.example.invalid/auth");
    let run = probe(&manifest, &["--only", "auth"]);
    assert_eq!(run.code(), 1);
    assert_eq!(run.findings("auth_validation"), vec![finding("plain-http", Value::Null)]);
    assert_eq!(run.endpoint("auth_validation")["status"], Value::Null);
}

#[test]
fn credentials_come_from_a_file_and_the_environment_and_never_reach_the_output() {
    // The bridge echoes the token in its refusal: the output must still not contain it.
    let bridge = breaking("/actions/create_ticket", |request| {
        let token = request.body["auth"]["token"].as_str().unwrap_or_default().to_owned();
        Reply::json(400, json!({"message": format!("token {token} may not create tickets")}))
    });
    let folder = tempfile::tempdir().expect("a temporary folder");
    let manifest = folder.path().join("mycrm.json");
    std::fs::write(&manifest, bridge.manifest().to_string()).expect("write the manifest");
    let auth_file = folder.path().join("auth.json");
    std::fs::write(&auth_file, json!({"account": ACCOUNT}).to_string()).expect("write the credentials");
    for format in ["text", "json"] {
        let output = Command::new(BINARY)
            .args(["probe", "--actions", "--format", format, "--auth-file"])
            .arg(&auth_file)
            .arg(&manifest)
            .env("INTEGRATION_WIZARD_AUTH_TOKEN", TOKEN)
            .output()
            .expect("the binary runs");
        let all = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        assert_eq!(output.status.code(), Some(1), "{all}");
        assert!(all.contains("token •••• may not create tickets"), "{all}");
        assert!(!all.contains(TOKEN), "{all}");
    }
    assert_eq!(bridge.received("/auth")[0].body["auth"], json!({"account": ACCOUNT, "token": TOKEN}));
}

#[test]
fn missing_credentials_without_a_terminal_are_a_usage_error_naming_how_to_give_them() {
    let bridge = MockBridge::start(keeps_every_contract);
    let run = probe_with(&bridge.manifest(), &[], &[format!("account={ACCOUNT}")]);
    assert_eq!(run.code(), 2);
    assert!(run.stderr().contains("--auth token=… or INTEGRATION_WIZARD_AUTH_TOKEN"), "{}", run.stderr());
    assert!(bridge.received("/auth").is_empty());
    let run = probe_with(&bridge.manifest(), &[], &["acount=acme".to_owned()]);
    assert_eq!(run.code(), 2);
    assert!(run.stderr().contains("its fields: account, token"), "{}", run.stderr());
    let run = probe(&bridge.manifest(), &["--only", "action:close_ticket"]);
    assert_eq!(run.code(), 2);
    assert!(run.stderr().contains("no action named \"close_ticket\"; its actions: create_ticket"), "{}", run.stderr());
}

#[test]
fn hostile_bytes_from_a_bridge_are_escaped_in_every_format() {
    let bridge = breaking("/activity", |_| {
        Reply::json(
            200,
            json!([
                {"id": "1", "subject": "s", "date": "d", "type": "Ticket", "priority": "\u{1b}]0;PWNED\u{7}\u{202e}", "status": "\u{9b}31m"}
            ]),
        )
    });
    let text = probe(&bridge.manifest(), &["--only", "activity", "--format", "text"]);
    let stdout = text.stdout();
    assert!(stdout.contains("\\u{1b}]0;PWNED\\u{7}\\u{202e}"), "{stdout}");
    assert!(stdout.contains("\\u{9b}31m"), "{stdout}");
    let json = probe(&bridge.manifest(), &["--only", "activity"]);
    for output in [&text.output.stdout, &json.output.stdout] {
        let raw = String::from_utf8_lossy(output);
        assert!(!raw.chars().any(|c| c.is_control() && c != '\n' || c == '\u{202e}'), "{raw:?}");
    }
    assert!(String::from_utf8_lossy(&json.output.stdout).contains("\\u009b31m"));
}

#[test]
fn the_text_report_has_one_block_per_endpoint_and_a_summary() {
    let bridge = breaking("/agents", |_| Reply::json(200, json!({"agents": [{"id": "a1", "name": "Alice"}]})));
    let run = probe(&bridge.manifest(), &["--format", "text"]);
    assert_eq!(run.code(), 1);
    let stdout = run.stdout();
    let url = bridge.url("/agents");
    assert!(stdout.contains(&format!("agent_synchronization FAIL  POST {url}  200  ")), "{stdout}");
    assert!(
        stdout.contains("  error[missing-field] /agents/0/email: page 1: agent has no \"email\"; send \"email\" (a string) in every agent"),
        "{stdout}"
    );
    assert!(stdout.contains("action create_ticket SKIPPED"), "{stdout}");
    assert!(
        stdout.ends_with("probed 4 endpoints: 1 endpoint broke a contract (1 error, 0 warnings); 1 skipped\n"),
        "{stdout}"
    );
}

/// Port numbers and timings differ between runs; everything else of the README's example must match.
fn normalized(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        out.push_str(&rest[..start]);
        let digits = rest[start..].find(|c: char| !c.is_ascii_digit()).map_or(rest.len(), |end| start + end);
        let after = &rest[digits..];
        if out.ends_with("127.0.0.1:") {
            out.push_str("PORT");
        } else if after.starts_with(" ms") {
            out.push('N');
        } else {
            out.push_str(&rest[start..digits]);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

#[test]
fn the_readme_example_is_a_real_run_against_the_mock_bridge() {
    // The README's bridge: its second contact page has a contact without a name, and its contact
    // activity writes a priority in uppercase.
    let bridge = MockBridge::start(|request| match (request.path.as_str(), request.meta().get("offset")) {
        ("/contacts", Some(_)) => Reply::json(
            200,
            json!({
                "synchronization_checkpoint": "2024-01-03 10:00:00 UTC",
                "contacts": [{"id": "3", "emails": ["ann.lee@example.org"]}]
            }),
        ),
        ("/activity", _) => Reply::json(
            200,
            json!([
                {"id": "23", "subject": "Order 1001", "date": "2024-01-02 17:53:51 UTC", "type": "Ticket", "priority": "Urgent", "status": "open"}
            ]),
        ),
        _ => keeps_every_contract(request),
    });
    let folder = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(folder.path().join("mycrm.json"), bridge.manifest().to_string()).expect("write the manifest");
    let output = Command::new(BINARY)
        .args(["probe", "mycrm.json", "--auth", "account=acme"])
        .current_dir(folder.path())
        .env("INTEGRATION_WIZARD_AUTH_TOKEN", TOKEN)
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(1));
    let actual = format!(
        "$ INTEGRATION_WIZARD_AUTH_TOKEN=… integration-wizard probe mycrm.json --auth account=acme\n{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("the README");
    let section = readme.split("## Probing a bridge").nth(1).unwrap_or_default();
    let example = section.split("```console\n").nth(1).and_then(|block| block.split("```").next()).unwrap_or_default();
    assert_eq!(normalized(example), normalized(&actual), "the README's example; a run printed:\n{actual}");
}

#[test]
fn connection_and_tls_failures_are_explained_in_one_line() {
    // A port nobody listens on.
    let closed =
        std::net::TcpListener::bind("127.0.0.1:0").and_then(|listener| listener.local_addr()).expect("a free port");
    // A server that answers in plain HTTP where the manifest says https.
    let plain = std::net::TcpListener::bind("127.0.0.1:0").expect("a listener");
    let plain_address = plain.local_addr().expect("its address");
    let server = std::thread::spawn(move || {
        use std::io::Write;
        for _ in 0..2 {
            if let Ok((mut stream, _)) = plain.accept() {
                let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
            }
        }
    });
    let bridge = MockBridge::start(keeps_every_contract);
    let mut manifest = bridge.manifest();
    manifest["integration"]["auth_validation_endpoint"] = json!(format!("http://{closed}/auth"));
    manifest["integration"]["contact_synchronization_endpoint"] = json!(format!("https://{plain_address}/contacts"));
    let run = probe(&manifest, &["--only", "auth"]);
    assert_eq!(run.findings("auth_validation"), vec![finding("connection-failed", Value::Null)]);
    let run = probe(&manifest, &["--only", "contacts", "--timeout", "2"]);
    assert_eq!(run.code(), 1);
    assert_eq!(run.findings("contact_synchronization"), vec![finding("tls-error", Value::Null)], "{}", run.stdout());
    for run in [
        probe(&manifest, &["--only", "auth", "--format", "text"]),
        probe(&manifest, &["--only", "contacts", "--timeout", "2", "--format", "text"]),
    ] {
        let stdout = run.stdout();
        let findings: Vec<&str> = stdout.lines().filter(|line| line.starts_with("  error[")).map(str::trim).collect();
        assert_eq!(findings.len(), 1, "{stdout}");
        println!("{}", findings[0]);
    }
    let _ = server.join();
}

#[test]
fn fields_an_auth_validator_returns_must_be_configured_ones() {
    let bridge = breaking("/auth", |request| match keeps_every_contract(request).status {
        204 => Reply::json(200, json!({"token": TOKEN, "region": "eu"})),
        status => Reply::json(status, json!({})),
    });
    let run = probe(&bridge.manifest(), &["--only", "auth"]);
    assert_eq!(run.code(), 0, "a warning does not fail the run: {}", run.stdout());
    assert_eq!(run.findings("auth_validation"), vec![finding("unknown-auth-field", json!("/region"))]);
    assert_eq!(run.endpoint("auth_validation")["findings"][0]["severity"], json!("warning"));
}

#[test]
fn only_activity_asks_about_the_contact_given_with_contact() {
    let bridge = breaking("/activity", |_| Reply::json(200, json!([])));
    let folder = tempfile::tempdir().expect("a temporary folder");
    let contact = folder.path().join("contact.json");
    std::fs::write(&contact, json!({"id": "77", "name": "Ann Lee", "phones": ["+351000"]}).to_string())
        .expect("write the contact");
    let contact = contact.to_string_lossy().into_owned();
    let run = probe(&bridge.manifest(), &["--only", "activity", "--contact", &contact]);
    assert_eq!(run.code(), 0, "{}{}", run.stdout(), run.stderr());
    let sent = bridge.received("/activity");
    assert_eq!(
        sent[0].body["data"],
        json!({"contact_external_id": "77", "contact_name": "Ann Lee", "contact_emails": [], "contact_phones": ["+351000"]})
    );
    std::fs::write(folder.path().join("contact.json"), "{\"id\": \"77\"}").expect("write the contact");
    let run = probe(&bridge.manifest(), &["--only", "activity", "--contact", &contact]);
    assert_eq!(run.code(), 2);
    assert!(run.stderr().contains("at least a \"name\" string"), "{}", run.stderr());
}

#[test]
fn only_actions_runs_every_action_and_nothing_else() {
    let bridge = MockBridge::start(keeps_every_contract);
    let mut manifest = bridge.manifest();
    let mut second = manifest["actions"][0].clone();
    second["name"] = json!("close_ticket");
    second["endpoint"] = json!(bridge.url("/actions/close_ticket"));
    manifest["actions"].as_array_mut().expect("actions").push(second);
    let run = probe(&manifest, &["--only", "actions"]);
    let names: Vec<Value> =
        run.json()["endpoints"].as_array().into_iter().flatten().map(|endpoint| endpoint["action"].clone()).collect();
    assert_eq!(names, vec![json!("create_ticket"), json!("close_ticket")]);
    assert_eq!(bridge.received("/actions/create_ticket").len(), 1);
    assert_eq!(bridge.received("/actions/close_ticket").len(), 1);
    assert!(bridge.received("/auth").is_empty());
    // The mock has no close_ticket endpoint: its 404 is reported.
    let report = run.json();
    assert_eq!(report["endpoints"][0]["ok"], json!(true));
    assert_eq!(report["endpoints"][1]["status"], json!(404));
    assert_eq!(report["endpoints"][1]["findings"][0]["code"], json!("unexpected-status"));
}
