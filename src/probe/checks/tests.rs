//! Each contract checked on JSON values: the answer that keeps it and the ways of breaking it.

use super::*;
use crate::probe::transport::Response;
use serde_json::json;

fn codes(findings: &[Finding]) -> Vec<(&str, Option<&str>)> {
    findings.iter().map(|finding| (finding.code, finding.pointer.as_deref())).collect()
}

#[test]
fn a_null_next_offset_is_a_warning_to_leave_it_out_on_contact_and_agent_pages() {
    let mut findings = Vec::new();
    let page = json!({"synchronization_checkpoint": "c", "next_offset": null, "contacts": []});
    assert_eq!(contacts_page(&page, "page 1", &mut SeenIds::default(), &mut findings).next_offset, None);
    assert_eq!(
        agents_page(&json!({"next_offset": null, "agents": []}), "page 1", &mut SeenIds::default(), &mut findings),
        None
    );
    assert_eq!(
        codes(&findings),
        vec![("next-offset-null", Some("/next_offset")), ("next-offset-null", Some("/next_offset"))]
    );
}

#[test]
fn an_answer_of_three_seconds_or_more_is_slow() {
    assert_eq!(slow(std::time::Duration::from_millis(2999)), None);
    let finding = slow(std::time::Duration::from_millis(4001)).expect("a warning");
    assert_eq!((finding.code, finding.severity), ("slow-answer", crate::manifest::Severity::Warning));
    assert!(finding.message.starts_with("answered in 4.0 s;"), "{}", finding.message);
}

#[test]
fn a_contact_page_that_keeps_the_contract_has_no_findings() {
    let mut findings = Vec::new();
    let page = json!({"next_offset": "2", "context": {"cursor": 1}, "synchronization_checkpoint": "c1",
        "contacts": [{"id": "1", "name": "Jane Doe", "emails": ["j@example.org"], "company": "Acme"}]});
    let result = contacts_page(&page, "page 1", &mut SeenIds::default(), &mut findings);
    assert_eq!(codes(&findings), vec![]);
    assert_eq!(result.next_offset, Some(json!("2")));
    assert_eq!(result.context, Some(json!({"cursor": 1})));
    assert_eq!(result.checkpoint.as_deref(), Some("c1"));
    assert_eq!(result.first_contact, Some(page["contacts"][0].clone()));
}

#[test]
fn contact_pages_report_missing_wrong_and_repeated_fields_at_their_pointer() {
    let mut seen = SeenIds::default();
    let mut findings = Vec::new();
    contacts_page(
        &json!({"synchronization_checkpoint": "c", "contacts": [{"id": "1", "name": "A"}]}),
        "page 1",
        &mut seen,
        &mut findings,
    );
    let second = json!({"contacts": [{"id": "1", "name": "A"}, {"id": 2, "emails": "x@example.org"}]});
    contacts_page(&second, "page 2", &mut seen, &mut findings);
    assert_eq!(
        codes(&findings),
        vec![
            ("missing-checkpoint", Some("/synchronization_checkpoint")),
            ("duplicate-id", Some("/contacts/0/id")),
            ("wrong-type", Some("/contacts/1/id")),
            ("missing-field", Some("/contacts/1/name")),
            ("wrong-type", Some("/contacts/1/emails")),
        ]
    );
    assert!(findings[1].message.contains("page 1 /contacts/0"), "{}", findings[1].message);
}

#[test]
fn interactions_must_be_an_array_of_requested_types_within_the_enumerations() {
    let mut findings = Vec::new();
    let answer = json!([
        {"id": "1", "subject": "s", "date": "2024-01-01", "type": "ticket", "priority": "high", "status": "open"},
        {"id": "2", "subject": "s", "date": "2024-01-01", "type": "Call", "priority": "hgh", "status": "done"},
        {"id": "2", "date": "2024-01-01", "type": "Ticket"}
    ]);
    interactions(&answer, &["Ticket".to_owned()], &mut findings);
    assert_eq!(
        codes(&findings),
        vec![
            ("type-case", Some("/0/type")),
            ("type-not-requested", Some("/1/type")),
            ("not-in-enumeration", Some("/1/priority")),
            ("not-in-enumeration", Some("/1/status")),
            ("duplicate-id", Some("/2/id")),
            ("missing-field", Some("/2/subject")),
        ]
    );
    let mut findings = Vec::new();
    interactions(&json!({"interactions": []}), &[], &mut findings);
    assert_eq!(codes(&findings), vec![("wrong-type", Some(""))]);
}

#[test]
fn agent_pages_need_integer_offsets_and_complete_agents() {
    let mut findings = Vec::new();
    let mut seen = SeenIds::default();
    let next = agents_page(
        &json!({"agents": [{"id": "7", "name": "A", "email": "a@x"}], "next_offset": 5}),
        "page 1",
        &mut seen,
        &mut findings,
    );
    assert_eq!((next, codes(&findings)), (Some(5), vec![]));
    let next = agents_page(
        &json!({"agents": [{"id": 7, "name": "A"}], "next_offset": "10"}),
        "page 2",
        &mut seen,
        &mut findings,
    );
    assert_eq!(next, None);
    assert_eq!(
        codes(&findings),
        vec![
            ("wrong-type", Some("/next_offset")),
            ("id-not-string", Some("/agents/0/id")),
            ("missing-field", Some("/agents/0/email")),
            ("duplicate-agent-id", Some("/agents/0/id")),
        ]
    );
    let repeat = findings.last().expect("the repeat");
    assert_eq!(repeat.severity, crate::manifest::Severity::Warning, "no page says agent ids are unique");
    assert!(!repeat.message.contains("must be unique"), "{}", repeat.message);
}

#[test]
fn a_type_not_requested_is_a_warning_as_the_page_says_should() {
    let mut findings = Vec::new();
    let answer = json!([{"id": "1", "subject": "s", "date": "d", "type": "Call"}]);
    interactions(&answer, &["Ticket".to_owned()], &mut findings);
    assert_eq!(codes(&findings), vec![("type-not-requested", Some("/0/type"))]);
    assert_eq!(findings[0].severity, crate::manifest::Severity::Warning);
    assert!(findings[0].message.contains("should be one of the requested types"), "{}", findings[0].message);
}

#[test]
fn a_created_contact_without_its_url_breaks_contact_pop() {
    let mut findings = Vec::new();
    action_answer(&json!({"contact_external_id": "c9", "message": "created"}), &mut findings);
    assert_eq!(codes(&findings), vec![("contact-pop-url", Some("/contact_external_id"))]);
    assert_eq!(findings[0].severity, crate::manifest::Severity::Error, "the page says required");
    assert!(findings[0].message.contains("required for contact pop"), "{}", findings[0].message);
    let mut findings = Vec::new();
    action_answer(
        &json!({"contact_external_id": "c9", "contact_external_url": "https://crm.example.org/c9"}),
        &mut findings,
    );
    action_answer(&json!({"external_id": "T-1"}), &mut findings);
    assert_eq!(codes(&findings), vec![]);
}

#[test]
fn a_redirect_makes_no_claim_about_what_talkdesk_does() {
    let response =
        Response { status: 302, location: Some("https://b.example.org/x".into()), ..Response::json(302, &json!({})) };
    let finding = redirect(&response).expect("a finding");
    assert!(finding.message.contains("to https://b.example.org/x"), "{}", finding.message);
    assert!(!finding.message.contains("does not follow"), "{}", finding.message);
}

#[test]
fn every_answer_needs_the_json_content_type_and_a_json_body() {
    let mut response = Response::json(200, &json!({}));
    let mut findings = Vec::new();
    response.content_type = Some("application/json; charset=utf-8".to_owned());
    assert_eq!(json_body(&response, false, &mut findings), Some(json!({})));
    response.content_type = None;
    response.body = b"<html>".to_vec();
    assert_eq!(json_body(&response, false, &mut findings), None);
    assert_eq!(codes(&findings), vec![("missing-content-type", None), ("not-json", None)]);
    response.body.clear();
    assert_eq!(json_body(&response, true, &mut Vec::new()), None);
}

#[test]
fn redirects_are_reported_with_their_target() {
    let mut response = Response::json(302, &json!({}));
    response.location = Some("https://elsewhere.example/".to_owned());
    let finding = redirect(&response).expect("a redirect finding");
    assert!(finding.message.contains("302 redirecting to https://elsewhere.example/"), "{}", finding.message);
    assert_eq!(redirect(&Response::json(200, &json!({}))), None);
}

#[test]
fn an_auth_validator_may_return_only_configured_fields() {
    let mut findings = Vec::new();
    auth_returned(&json!({"token": "t", "site/x": "s", "nested": {}}), &["token".to_owned()], &mut findings);
    assert_eq!(codes(&findings), vec![("unknown-auth-field", Some("/site~1x")), ("wrong-type", Some("/nested"))]);
}
