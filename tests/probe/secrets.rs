//! Credentials never reach the output, in any form a bridge can echo them: as sent, JSON-escaped,
//! URL-encoded, cut short by a message, a value the authorization validator replaced, or one of
//! only two characters. Each form is fed through the text report, the JSON report and the errors.

use super::*;

/// 71 characters with a quote and a backslash: long enough to be cut, escaped differently in JSON.
const LONG: &str = "tok\"en\\x-0123456789abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNO";
/// What the authorization validator returns in place of `LONG`.
const RETURNED: &str = "returned-session-9f8e7d";
/// A two-character account.
const SHORT: &str = "ab";

fn json_inner(value: &str) -> String {
    let quoted = Value::String(value.to_owned()).to_string();
    quoted[1..quoted.len() - 1].to_owned()
}

fn url_encoded(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// Every form of every secret that must not appear, and the first 12 characters of each (what a cut
/// would leave).
fn leaks(output: &str) -> Vec<String> {
    let mut found = Vec::new();
    for secret in [LONG, RETURNED] {
        for form in [secret.to_owned(), json_inner(secret), json_inner(&json_inner(secret)), url_encoded(secret)] {
            let start: String = form.chars().take(12).collect();
            if output.contains(&start) {
                found.push(start);
            }
        }
    }
    let words = output.split(|c: char| !c.is_alphanumeric() && c != '_');
    found.extend(words.filter(|word| *word == SHORT).map(str::to_owned));
    found
}

/// A bridge that echoes every credential it ever got, in every form, where the probe quotes values.
fn echoing_bridge() -> MockBridge {
    MockBridge::start(|request| {
        let token = request.body["auth"]["token"].as_str().unwrap_or_default();
        match request.path.as_str() {
            "/auth" if token == LONG => Reply::json(200, json!({"token": RETURNED})),
            "/auth" => Reply::json(401, json!({"message": format!("bad token {token}")})),
            // Later calls carry the returned value; the answer echoes the original, which must stay
            // masked, in each of its forms, in values the checks quote (cut at 60 characters).
            "/agents" => Reply::json(
                200,
                json!({"agents": [
                    {"id": "a1", "name": {"echo": LONG}, "email": [SHORT]},
                    {"id": "a2", "name": [url_encoded(LONG)], "email": {"was": token}},
                    {"id": "a3", "name": LONG.len(), "email": format!("{SHORT}@example.org"), "x": json_inner(LONG)}
                ]}),
            ),
            "/contacts" => Reply::json(
                200,
                json!({"synchronization_checkpoint": 1, "contacts": [
                    {"id": {"raw": LONG}, "name": "n"},
                    {"id": "2", "name": format!("{LONG}{LONG}"), "company": [json_inner(&json_inner(LONG))]}
                ]}),
            ),
            _ => Reply::json(404, json!({"message": format!("nothing at {} for {SHORT}", request.path)})),
        }
    })
}

fn manifest(bridge: &MockBridge) -> Value {
    let mut manifest = bridge.manifest();
    manifest["integration"]["interaction_retrieval_endpoint"] = json!(bridge.url("/nowhere"));
    manifest
}

fn credentials() -> Vec<String> {
    vec![format!("account={SHORT}"), format!("token={LONG}")]
}

#[test]
fn no_form_of_any_credential_reaches_the_text_or_json_report() {
    let bridge = echoing_bridge();
    for format in ["text", "json"] {
        let run = probe_with(&manifest(&bridge), &["--format", format], &credentials());
        let all = format!("{}{}", run.stdout(), run.stderr());
        assert_eq!(leaks(&all), Vec::<String>::new(), "{format}: {all}");
        assert!(all.contains("••••"), "{format}: the echoed values are shown masked: {all}");
        if format == "json" {
            run.json();
        }
    }
    assert_eq!(bridge.received("/agents")[0].body["auth"]["token"], RETURNED, "the returned value was sent");
}

#[test]
fn error_messages_mask_the_credentials_given() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let missing = folder.path().join(SHORT).join(format!("{RETURNED}.json"));
    let output = Command::new(BINARY)
        .arg("probe")
        .arg(&missing)
        .args(["--auth", &format!("account={SHORT}"), "--auth", &format!("token={RETURNED}")])
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("/••••/••••.json"), "{stderr}");
    assert_eq!(leaks(&stderr), Vec::<String>::new(), "{stderr}");
}
