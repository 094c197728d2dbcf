//! How a run goes: hosts refused, credentials, timeouts of connections, and what the report shows.

use super::*;

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

/// Port numbers and timings differ between runs; everything else of the documented example must match.
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
fn the_documented_example_is_a_real_run_against_the_mock_bridge() {
    // The documented bridge (docs/probing.md): its second contact page has a contact without a name, and its contact
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
    let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/probing.md")).expect("the page");
    let section = page.split("# Probing a bridge").nth(1).unwrap_or_default();
    let example = section
        .split("```console\n")
        .filter_map(|block| block.split("```").next())
        .find(|block| block.contains("integration-wizard probe mycrm.json"))
        .unwrap_or_default();
    assert_eq!(normalized(example), normalized(&actual), "the example of docs/probing.md; a run printed:\n{actual}");
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
    // Nothing answered: the summary says the endpoint could not be reached, not that it broke a contract.
    let stdout = probe(&manifest, &["--only", "auth", "--format", "text"]).stdout();
    assert!(stdout.ends_with("probed 1 endpoint: 1 endpoint could not be reached (1 error, 0 warnings)\n"), "{stdout}");
    let _ = server.join();
}

#[test]
fn explain_quotes_the_page_and_word_of_a_check() {
    let run = |args: &[&str]| Command::new(BINARY).args(args).output().expect("the binary runs");
    let output = run(&["probe", "--explain", "type-not-requested"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("warning · the page's word: should"), "{stdout}");
    assert!(stdout.contains("\"type: should be one of the requested types\""), "{stdout}");
    let output = run(&["validate", "--explain", "contact-pop-url"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("Required for contact pop."), "validate --explain knows the probe's codes: {stdout}");
    let output = run(&["probe", "--explain"]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.lines().any(|line| line.starts_with("auth-status-204") && line.contains("pages differ")),
        "{stdout}"
    );
    let output = run(&["probe", "--explain", "no-such-check"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("`integration-wizard probe --explain` lists every code"));
}

#[test]
fn plain_http_to_localhost_is_sent_to_this_machine() {
    // The name is resolved for the check and again to connect: both only ever reach loopback.
    let bridge = MockBridge::start(keeps_every_contract);
    let manifest: Value =
        serde_json::from_str(&bridge.manifest().to_string().replace("127.0.0.1", "localhost")).expect("the manifest");
    let run = probe(&manifest, &["--only", "auth"]);
    assert_eq!(run.code(), 0, "{}{}", run.stdout(), run.stderr());
    assert_eq!(run.endpoint("auth_validation")["status"], json!(200), "{}", run.stdout());
}
