//! The bridge that keeps every contract, then one scenario per way of breaking one.

use super::*;

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
            (json!("auth_validation"), json!(true), json!(200), json!(false)),
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
fn refused_credentials_are_no_broken_contract_exit_3_and_skip_the_other_endpoints() {
    let bridge = MockBridge::start(keeps_every_contract);
    let wrong = [format!("account={ACCOUNT}"), "token=wrong-token".to_owned()];
    let run = probe_with(&bridge.manifest(), &[], &wrong);
    assert_eq!(run.code(), 3, "{}", run.stdout());
    let auth = run.endpoint("auth_validation");
    assert_eq!(
        (auth["outcome"].clone(), auth["ok"].clone(), auth["status"].clone()),
        (json!("refused"), json!(false), json!(401))
    );
    assert_eq!(run.findings("auth_validation"), vec![], "a refusal is not a finding about the bridge");
    let note = auth["notes"][0].as_str().unwrap_or_default();
    assert!(
        note.starts_with("the bridge refused these credentials (401); check the values given for account, token"),
        "{note}"
    );
    assert_eq!(run.endpoint("contact_synchronization")["outcome"], json!("skipped"));
    assert!(bridge.received("/contacts").is_empty());

    let text = probe_with(&bridge.manifest(), &["--format", "text"], &wrong);
    assert_eq!(text.code(), 3);
    let stdout = text.stdout();
    assert!(stdout.starts_with("auth_validation REFUSED  POST "), "{stdout}");
    assert!(!stdout.contains("broke"), "{stdout}");
    assert!(
        stdout.contains(
            "probed 1 endpoint: 1 endpoint refused the credentials (check them) (0 errors, 0 warnings); 4 skipped"
        ),
        "{stdout}"
    );
}

#[test]
fn a_refusal_next_to_a_broken_contract_exits_1() {
    let bridge = breaking("/agents", |_| Reply::json(403, json!({"message": "no agents for you"})));
    let run = probe(&bridge.manifest(), &["--only", "agents"]);
    assert_eq!(run.code(), 3, "403 to the author's credentials is a refusal too");
    assert_eq!(run.endpoint("agent_synchronization")["outcome"], json!("refused"));
    let bridge = breaking("/contacts", |_| Reply::json(200, json!({})));
    let run = probe(&bridge.manifest(), &[]);
    assert_eq!(run.endpoint("contact_synchronization")["outcome"], json!("fail"));
    assert_eq!(run.code(), 1);
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
fn fields_an_auth_validator_returns_must_be_configured_ones() {
    let bridge = breaking("/auth", |request| match keeps_every_contract(request).status {
        200 => Reply::json(200, json!({"token": TOKEN, "region": "eu"})),
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

#[test]
fn an_action_answering_200_passes_with_a_warning_to_answer_201() {
    let bridge = breaking("/actions/create_ticket", |_| Reply::json(200, json!({"message": "created"})));
    let run = probe(&bridge.manifest(), &["--only", "action:create_ticket"]);
    assert_eq!(run.code(), 0, "a warning does not fail the run");
    assert_eq!(run.findings("action"), vec![finding("action-status-200", Value::Null)]);
}

#[test]
fn an_empty_list_of_agents_passes_with_a_note_that_nothing_of_an_agent_was_checked() {
    let bridge = breaking("/agents", |_| Reply::json(200, json!({"agents": []})));
    let run = probe(&bridge.manifest(), &["--only", "agents", "--format", "text"]);
    assert_eq!(run.code(), 0);
    assert!(run.stdout().contains("the bridge sent no agents, so no agent's fields were checked"), "{}", run.stdout());
}

#[test]
fn an_auth_validator_answering_204_passes_with_a_warning_naming_both_pages() {
    let bridge = breaking("/auth", |request| match keeps_every_contract(request).status {
        200 => Reply::empty(204),
        status => Reply::json(status, json!({})),
    });
    let run = probe(&bridge.manifest(), &["--only", "auth"]);
    assert_eq!(run.code(), 0, "{}", run.stdout());
    assert_eq!(run.findings("auth_validation"), vec![finding("auth-status-204", Value::Null)]);
    let found = &run.endpoint("auth_validation")["findings"][0];
    assert_eq!(found["severity"], json!("warning"));
    let message = found["message"].as_str().unwrap_or_default();
    assert!(message.contains("current page asks for 200") && message.contains("old page said 204"), "{message}");
}

#[test]
fn an_action_that_creates_a_contact_without_its_url_is_reported() {
    let bridge = breaking("/actions/create_ticket", |_| Reply::json(201, json!({"contact_external_id": "c9"})));
    let run = probe(&bridge.manifest(), &["--only", "action:create_ticket"]);
    assert_eq!(run.code(), 1);
    assert_eq!(run.findings("action"), vec![finding("contact-pop-url", json!("/contact_external_id"))]);
}

#[test]
fn an_interaction_of_a_type_not_requested_is_a_warning() {
    let bridge = breaking("/activity", |_| {
        Reply::json(200, json!([{"id": "23", "subject": "Order", "date": "2024-01-02", "type": "Call"}]))
    });
    let run = probe(&bridge.manifest(), &["--only", "activity"]);
    assert_eq!(run.code(), 0, "a should is a warning: {}", run.stdout());
    assert_eq!(run.findings("interaction_retrieval"), vec![finding("type-not-requested", json!("/0/type"))]);
}
