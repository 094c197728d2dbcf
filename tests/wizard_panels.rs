//! The wizard's ticket document and "try it" panels without a terminal: the key asks for the effect,
//! the loop's result changes the panel, and errors offer a jump to the first one.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

mod support;

use integration_wizard::probe::transport::Response;
use integration_wizard::probe::{EndpointReport, Exchange, Finding, Kind, Target};
use integration_wizard::wizard::testing::action::{Action, TicketFailure};
use integration_wizard::wizard::testing::app::{App, Effect};
use integration_wizard::wizard::testing::form::Row;
use integration_wizard::wizard::testing::panels::credentials::CredentialsPanel;
use integration_wizard::wizard::testing::panels::probe::{ProbePanel, ProbeStage};
use integration_wizard::wizard::testing::panels::ticket::TicketPanel;
use integration_wizard::wizard::testing::step::{Page, Step};
use ratatui::crossterm::event::KeyCode;
use serde_json::json;
use std::path::{Path, PathBuf};
use support::*;

const TOKEN: &str = "s3cret-token-42";

fn chars(app: &mut App, text: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in text.chars() {
        effects.extend(press(app, key(KeyCode::Char(c))));
    }
    effects
}

fn ticket_panel(app: &App) -> &TicketPanel {
    match app.panel_as::<TicketPanel>() {
        Some(panel) => panel,
        other => panic!("no ticket panel: {other:?}"),
    }
}

fn probe_stage(app: &App) -> &ProbeStage {
    match app.panel_as::<ProbePanel>() {
        Some(panel) => &panel.stage,
        other => panic!("no probe panel: {other:?}"),
    }
}

fn written_ticket(effects: &[Effect]) -> (PathBuf, Vec<u8>, bool) {
    effects
        .iter()
        .find_map(|effect| match effect {
            Effect::WriteTicket { path, bytes, overwrite } => Some((path.clone(), bytes.clone(), *overwrite)),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no ticket written among {effects:?}"))
}

// ----- the ticket document -----

#[test]
fn w_on_the_review_asks_for_the_format_then_the_path_and_asks_the_loop_to_write_markdown() {
    let mut app = mycrm();
    app.doc.path = Some(PathBuf::from("work/mycrm.json"));
    press(&mut app, alt('6'));
    assert!(press(&mut app, key(KeyCode::Char('w'))).is_empty());
    assert!(matches!(ticket_panel(&app), TicketPanel::Format { choice: 0, update: false }));
    press(&mut app, key(KeyCode::Enter));
    match ticket_panel(&app) {
        TicketPanel::Path { input, .. } => assert_eq!(input.value(), "work/mycrm-ticket.md"),
        other => panic!("{other:?}"),
    }
    let effects = press(&mut app, key(KeyCode::Enter));
    let (path, bytes, overwrite) = written_ticket(&effects);
    assert_eq!(path, Path::new("work/mycrm-ticket.md"));
    assert!(!overwrite, "an existing file is never replaced without asking");
    let text = String::from_utf8(bytes).expect("Markdown is text");
    assert!(text.starts_with("# Activate Custom Integration"), "{text}");
    assert!(text.contains("- Manifest: mycrm.json"), "{text}");
}

#[test]
fn the_extension_of_the_default_path_follows_the_format_and_a_new_manifest_writes_in_the_current_folder() {
    let mut app = mycrm();
    press_all(&mut app, [alt('6'), key(KeyCode::Char('w')), key(KeyCode::Down)]);
    assert!(matches!(ticket_panel(&app), TicketPanel::Format { choice: 1, update: false }));
    press(&mut app, key(KeyCode::Char('h')));
    match ticket_panel(&app) {
        TicketPanel::Path { input, .. } => assert_eq!(input.value(), "mycrm-ticket.html"),
        other => panic!("{other:?}"),
    }
    press(&mut app, key(KeyCode::Esc));
    press(&mut app, key(KeyCode::Char('w')));
    press(&mut app, key(KeyCode::Char('s')));
    let (path, bytes, _) = written_ticket(&press(&mut app, key(KeyCode::Enter)));
    assert_eq!(path, Path::new("mycrm-ticket.xlsx"));
    assert!(bytes.starts_with(b"PK"), "a spreadsheet is a zip file");
}

#[test]
fn a_written_document_says_where_it_is_and_shows_the_ticket_settings_until_esc() {
    let mut app = mycrm();
    press_all(&mut app, [alt('6'), key(KeyCode::Char('w')), key(KeyCode::Enter), key(KeyCode::Enter)]);
    assert!(matches!(ticket_panel(&app), TicketPanel::Writing { .. }));
    app.update(Action::TicketWritten { path: PathBuf::from("mycrm-ticket.md"), result: Ok(()) });
    assert_eq!(app.status.as_deref(), Some("wrote the ticket document mycrm-ticket.md (Markdown)"));
    assert!(matches!(ticket_panel(&app), TicketPanel::Written { title: "Activate Custom Integration", .. }));
    let screen = screen_text(&mut app, 120, 40);
    for line in [
        "Option: Technical and Product Support",
        "Product area: Integrations",
        "Subject: Activate Custom Integration",
        "Attach: mycrm-ticket.md",
    ] {
        assert!(screen.contains(line), "{line}:\n{screen}");
    }
    press(&mut app, key(KeyCode::Esc));
    assert!(app.panel().is_none());
}

#[test]
fn an_existing_file_is_replaced_only_after_yes_and_no_keeps_the_path_to_change() {
    let mut app = mycrm();
    press_all(&mut app, [alt('6'), key(KeyCode::Char('w')), key(KeyCode::Enter), key(KeyCode::Enter)]);
    let path = PathBuf::from("mycrm-ticket.md");
    app.update(Action::TicketWritten { path: path.clone(), result: Err(TicketFailure::Exists) });
    assert!(matches!(ticket_panel(&app), TicketPanel::Exists { .. }));
    let (again, _, overwrite) = written_ticket(&press(&mut app, key(KeyCode::Char('y'))));
    assert_eq!((again, overwrite), (path.clone(), true));

    app.update(Action::TicketWritten { path: path.clone(), result: Err(TicketFailure::Exists) });
    assert!(press(&mut app, key(KeyCode::Char('n'))).is_empty());
    match ticket_panel(&app) {
        TicketPanel::Path { input, .. } => assert_eq!(input.value(), "mycrm-ticket.md"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_failed_write_says_why_and_keeps_the_path_typed() {
    let mut app = mycrm();
    press_all(&mut app, [alt('6'), key(KeyCode::Char('w')), key(KeyCode::Enter)]);
    type_text(&mut app, "x");
    press(&mut app, key(KeyCode::Enter));
    let result = Err(TicketFailure::Failed("permission denied".into()));
    app.update(Action::TicketWritten { path: PathBuf::from("mycrm-ticket.mdx"), result });
    assert!(app.status.as_deref().is_some_and(|status| status.contains("permission denied")), "{:?}", app.status);
    match ticket_panel(&app) {
        TicketPanel::Path { input, .. } => assert_eq!(input.value(), "mycrm-ticket.mdx"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn with_errors_the_document_is_refused_and_enter_jumps_to_the_first_error() {
    let mut value = mycrm_value();
    value["actions"][0]["endpoint"] = json!("not a url");
    value["integration"]["logo_url"] = json!("");
    let mut app = opened(&value.to_string());
    press(&mut app, alt('6'));
    assert!(press(&mut app, key(KeyCode::Char('w'))).is_empty(), "nothing is written");
    let TicketPanel::Refused { errors } = ticket_panel(&app) else { panic!("{:?}", app.panel()) };
    assert!(*errors >= 2, "{errors}");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.panel().is_none());
    // The first in the review's order, which goes by step: the logo of step 1 before the action of step 5.
    assert_eq!(app.page, Page::Step(Step::Integration));
    assert_eq!(focused_key(&app), Some("logo_url"));
}

// ----- trying an endpoint -----

/// mycrm with its endpoints on this machine (any port: nothing is sent by update).
fn local_mycrm() -> App {
    let mut value = mycrm_value();
    value["integration"]["auth_validation_endpoint"] = json!("http://127.0.0.1:9/auth");
    value["actions"][0]["endpoint"] = json!("http://127.0.0.1:9/actions/create_ticket");
    opened(&value.to_string())
}

fn type_credentials(app: &mut App) -> Vec<Effect> {
    let Some(panel) = app.panel_as::<CredentialsPanel>() else { panic!("no credentials prompt: {:?}", app.panel()) };
    let names: Vec<(String, bool)> = panel.fields.iter().map(|field| (field.name.clone(), field.secret)).collect();
    assert_eq!(names, [("account".to_owned(), false), ("token".to_owned(), true)]);
    chars(app, "acme");
    press(app, key(KeyCode::Enter));
    chars(app, TOKEN);
    press(app, key(KeyCode::Enter))
}

fn probe_effect(effects: &[Effect]) -> Target {
    effects
        .iter()
        .find_map(|effect| match effect {
            Effect::Probe { target, credentials, .. } => {
                assert_eq!(credentials.get("token"), Some(TOKEN));
                Some(target.clone())
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("no probe among {effects:?}"))
}

fn report(status: u16, body: serde_json::Value, findings: Vec<Finding>) -> EndpointReport {
    let response = Response::json(status, &body);
    EndpointReport {
        kind: Kind::AuthValidation,
        action: None,
        url: Some("http://127.0.0.1:9/auth".into()),
        skipped: false,
        refused: false,
        status: Some(status),
        elapsed: response.elapsed.into(),
        findings,
        notes: Vec::new(),
        exchanges: vec![Exchange {
            label: String::new(),
            url: "http://127.0.0.1:9/auth".into(),
            request: json!({"auth": {"account": "••••", "token": "••••"}}),
            outcome: Ok(response),
        }],
    }
}

#[test]
fn t_on_an_endpoint_asks_for_the_credentials_once_then_asks_the_loop_to_probe() {
    let mut app = local_mycrm();
    press(&mut app, alt('2'));
    focus_key(&mut app, "auth_validation_endpoint");
    assert!(press(&mut app, alt('t')).is_empty(), "nothing is sent before the credentials");
    let effects = type_credentials(&mut app);
    assert_eq!(probe_effect(&effects), Target::AuthValidation);
    assert!(matches!(probe_stage(&app), ProbeStage::Running { .. }));
    assert!(app.probing());
    app.update(Action::Tick);
    assert_eq!(probe_stage(&app), &ProbeStage::Running { frame: 1 });

    // The credentials stay in memory only: never in the manifest (nor, so, in a draft or a save).
    assert!(!integration_wizard::manifest::to_json(&app.doc.manifest).contains(TOKEN));
    press(&mut app, key(KeyCode::Esc));
    let again = press(&mut app, alt('t'));
    assert_eq!(probe_effect(&again), Target::AuthValidation, "the credentials are asked once per run");
}

#[test]
fn the_result_shows_the_status_and_findings_escaped_and_masked() {
    let mut app = local_mycrm();
    press(&mut app, alt('2'));
    focus_key(&mut app, "auth_validation_endpoint");
    press(&mut app, alt('t'));
    type_credentials(&mut app);
    let body = json!({"message": format!("bad \u{1b}[31m token {TOKEN}")});
    let finding = Finding::new("unexpected-status", None, "answered 500; answer 200 or 204 when valid");
    app.update(Action::Probed(Box::new(report(500, body, vec![finding])), Default::default()));
    let ProbeStage::Done { ok, lines } = probe_stage(&app) else { panic!("{:?}", app.panel()) };
    assert!(!ok);
    let text = lines.join("\n");
    assert!(text.starts_with("FAIL"), "{text}");
    assert!(text.contains("error[unexpected-status]: answered 500"), "{text}");
    assert!(text.contains("→ 500 in"), "{text}");
    assert!(text.contains("\\u001b[31m"), "the escape sequence is shown escaped: {text}");
    assert!(!text.contains('\u{1b}') && !text.contains(TOKEN), "{text}");
    press(&mut app, key(KeyCode::Esc));
    assert!(app.panel().is_none(), "Esc closes the panel");
}

#[test]
fn an_action_asks_for_confirmation_before_it_creates_a_record() {
    let mut app = local_mycrm();
    press(&mut app, alt('5'));
    focus_row(&mut app, |row| *row == Row::Item(integration_wizard::manifest::edit::ListRef::Actions, 0));
    press(&mut app, alt('t'));
    let effects = type_credentials(&mut app);
    assert!(effects.is_empty(), "not sent before the author confirms: {effects:?}");
    assert_eq!(probe_stage(&app), &ProbeStage::ConfirmAction);
    assert!(press(&mut app, key(KeyCode::Char('n'))).is_empty());
    assert!(app.panel().is_none());

    // In the action's form too.
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.page, Page::Action(0));
    press(&mut app, alt('t'));
    assert_eq!(probe_stage(&app), &ProbeStage::ConfirmAction, "the credentials were not asked again");
    let effects = press(&mut app, key(KeyCode::Char('y')));
    assert_eq!(probe_effect(&effects), Target::Action("create_ticket".into()));
}

#[test]
fn plain_http_to_another_machine_is_refused_without_asking_anything() {
    let mut app = mycrm();
    app.doc.manifest = {
        let mut value = mycrm_value();
        value["integration"]["auth_validation_endpoint"] = json!("http://crm.example.org/auth");
        integration_wizard::manifest::read(value.to_string().as_bytes()).expect("reads").manifest
    };
    press(&mut app, alt('2'));
    focus_key(&mut app, "auth_validation_endpoint");
    assert!(press(&mut app, alt('t')).is_empty());
    let ProbeStage::Refused(finding) = probe_stage(&app) else { panic!("{:?}", app.panel()) };
    assert_eq!(finding.code, "plain-http");
}

#[test]
fn t_elsewhere_says_where_it_works() {
    let mut app = local_mycrm();
    press(&mut app, alt('1'));
    assert!(press(&mut app, alt('t')).is_empty());
    assert!(app.panel().is_none());
    assert!(app.status.as_deref().is_some_and(|status| status.contains("step 2")), "{:?}", app.status);
}

#[test]
fn a_result_of_an_earlier_probe_does_not_land_in_the_panel_of_another() {
    let mut app = local_mycrm();
    press(&mut app, alt('5'));
    focus_row(&mut app, |row| *row == Row::Item(integration_wizard::manifest::edit::ListRef::Actions, 0));
    press(&mut app, alt('t'));
    type_credentials(&mut app);
    press(&mut app, key(KeyCode::Char('y')));
    // The auth validation's result arrives while the action's probe runs.
    app.update(Action::Probed(Box::new(report(204, json!({}), Vec::new())), Default::default()));
    assert!(matches!(probe_stage(&app), ProbeStage::Running { .. }));
    assert!(app.status.as_deref().is_some_and(|status| status.contains("auth validation kept its contract")));
}

#[test]
fn a_mandatory_field_added_after_the_credentials_were_typed_is_asked_for_alone() {
    let mut app = local_mycrm();
    press(&mut app, alt('2'));
    focus_key(&mut app, "auth_validation_endpoint");
    press(&mut app, alt('t'));
    type_credentials(&mut app);
    press(&mut app, key(KeyCode::Esc));
    let mut value = written(&app);
    let region =
        json!({"field_name": "region", "display": "Region", "mandatory": true, "type": "input", "store": true});
    value["integration"]["authentication_configuration"].as_array_mut().expect("the fields").push(region);
    app.doc.manifest = integration_wizard::manifest::read(value.to_string().as_bytes()).expect("reads").manifest;
    press(&mut app, alt('t'));
    let Some(panel) = app.panel_as::<CredentialsPanel>() else { panic!("{:?}", app.panel()) };
    let names: Vec<&str> = panel.fields.iter().map(|field| field.name.as_str()).collect();
    assert_eq!(names, ["region"]);
    chars(&mut app, "eu");
    let effects = press(&mut app, key(KeyCode::Enter));
    assert_eq!(probe_effect(&effects), Target::AuthValidation, "the token typed before is still sent");
}

#[test]
fn a_path_whose_extension_is_not_the_chosen_format_is_refused_with_what_to_write() {
    let mut app = mycrm();
    press_all(&mut app, [alt('6'), key(KeyCode::Char('w')), key(KeyCode::Enter), ctrl('u')]);
    type_text(&mut app, "notes.docx");
    let effects = press(&mut app, key(KeyCode::Enter));
    assert!(!effects.iter().any(|effect| matches!(effect, Effect::WriteTicket { .. })), "nothing is written");
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("notes.docx") && status.contains("end the name with .md"), "{status}");
    match ticket_panel(&app) {
        TicketPanel::Path { input, .. } => assert_eq!(input.value(), "notes.docx", "what was typed is kept"),
        other => panic!("{other:?}"),
    }

    press_all(&mut app, [key(KeyCode::Esc), key(KeyCode::Char('w')), key(KeyCode::Char('s')), ctrl('u')]);
    type_text(&mut app, "wiz.html");
    let effects = press(&mut app, key(KeyCode::Enter));
    assert!(!effects.iter().any(|effect| matches!(effect, Effect::WriteTicket { .. })), "nothing is written");
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("HTML") && status.contains("spreadsheet") && status.contains(".xlsx"), "{status}");
}

#[test]
fn the_format_question_says_how_many_warnings_the_manifest_has() {
    let mut value = mycrm_value();
    value["integration"]["auth_validation_endpoint"] = serde_json::json!("http://mycrm.example.org/auth_validation");
    let mut app = opened(&value.to_string());
    press_all(&mut app, [alt('6'), key(KeyCode::Char('w'))]);
    let screen = screen_text(&mut app, 120, 40);
    assert!(screen.contains("The manifest has 1 warning(s): Review & save lists them."), "{screen}");
    let mut app = mycrm();
    press_all(&mut app, [alt('6'), key(KeyCode::Char('w'))]);
    assert!(!screen_text(&mut app, 120, 40).contains("The manifest has"), "no line without warnings");
}

#[test]
fn the_panel_and_the_status_line_mask_every_form_of_every_value_ever_used() {
    // Typed "acme" and TOKEN; the validator returned "fresh-session-77"; the short pin "ab".
    const RETURNED: &str = "fresh-session-77";
    let mut app = local_mycrm();
    press(&mut app, alt('2'));
    focus_key(&mut app, "auth_validation_endpoint");
    press(&mut app, alt('t'));
    type_credentials(&mut app);
    let quoted = "pa\"ss\\word9";
    let mut ended_with = integration_wizard::probe::Credentials::default();
    ended_with.set("token", RETURNED.to_owned());
    ended_with.set("pin", "ab".to_owned());
    ended_with.set("note", quoted.to_owned());
    let long_cut: String = format!("\"{TOKEN}{TOKEN}").chars().take(20).collect();
    let body = json!({
        "raw": TOKEN, "session": RETURNED, "pin": "ab", "quoted": quoted,
        "url": format!("https://x.example/?t={}", url::form_urlencoded::byte_serialize(quoted.as_bytes()).collect::<String>()),
        "cut": format!("{long_cut}…"),
    });
    let finding = Finding::new("wrong-type", Some("/raw".into()), format!("\"raw\" is {long_cut}…; pin ab"));
    app.update(Action::Probed(Box::new(report(200, body, vec![finding])), ended_with.clone()));
    let ProbeStage::Done { lines, .. } = probe_stage(&app) else { panic!("{:?}", app.panel()) };
    let text = lines.join("\n");
    let screen = screen_text(&mut app, 120, 40);
    for shown in [&text, &screen] {
        for leak in [TOKEN, "s3cret-tok", RETURNED, "acme", "pa\\\"ss", "pa\"ss", "pa%22ss"] {
            assert!(!shown.contains(leak), "{leak} in {shown}");
        }
        assert!(!shown.split(|c: char| !c.is_alphanumeric()).any(|word| word == "ab"), "{shown}");
    }
    assert!(text.contains("\"raw\": \"••••\""), "{text}");

    // The status line, when the result comes after its panel was closed.
    press(&mut app, key(KeyCode::Esc));
    let mut named = report(200, json!({}), Vec::new());
    named.kind = Kind::Action;
    named.action = Some("ab".into());
    app.update(Action::Probed(Box::new(named), ended_with));
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("the action •••• kept its contract"), "{status}");
}

#[test]
fn c_on_a_result_asks_every_credential_again_and_tries_the_endpoint_with_them() {
    let mut app = local_mycrm();
    press(&mut app, alt('2'));
    focus_key(&mut app, "auth_validation_endpoint");
    press(&mut app, alt('t'));
    type_credentials(&mut app);
    let mut refused = report(401, json!({"message": "invalid credentials"}), Vec::new());
    refused.refused = true;
    app.update(Action::Probed(Box::new(refused), Default::default()));
    let ProbeStage::Done { lines, .. } = probe_stage(&app) else { panic!("{:?}", app.panel()) };
    assert!(lines[0].starts_with("REFUSED"), "{lines:?}");
    let screen = screen_text(&mut app, 120, 40);
    assert!(screen.contains("c new credentials"), "the key is named on the panel: {screen}");
    let bar = screen.lines().rev().find(|line| !line.trim().is_empty()).unwrap_or_default();
    assert!(bar.contains("c new credentials"), "and in the hint bar: {bar}");

    press(&mut app, key(KeyCode::Char('c')));
    let Some(panel) = app.panel_as::<CredentialsPanel>() else { panic!("not asked again: {:?}", app.panel()) };
    assert_eq!(panel.fields.len(), 2, "every mandatory field is asked again");
    chars(&mut app, "acme2");
    press(&mut app, key(KeyCode::Enter));
    chars(&mut app, "right-token");
    let effects = press(&mut app, key(KeyCode::Enter));
    let sent = effects.iter().find_map(|effect| match effect {
        Effect::Probe { credentials, target, .. } => {
            Some((credentials.get("token").map(str::to_owned), target.clone()))
        }
        _ => None,
    });
    assert_eq!(sent, Some((Some("right-token".to_owned()), Target::AuthValidation)));
    assert!(matches!(probe_stage(&app), ProbeStage::Running { .. }));
}
