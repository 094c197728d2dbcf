//! End to end: the seed page's create_ticket action typed into the built binary in a pseudo-terminal (120x40),
//! with a text input defaulting to a value provider, a select and a datetime, then saved and compared byte for byte.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

#[path = "support/pty.rs"]
mod pty;

use integration_wizard::manifest::{read, to_json};
use pty::*;
use std::fs;

/// The bundled example, whose action the test types in again.
const MYCRM: &str = include_str!("../assets/examples/mycrm.json");

/// The input the test adds after the example's three: a datetime with a default.
const DUE_INPUT: &str = r#",
        {
          "key": "due",
          "name": "Due date",
          "mandatory": false,
          "type": "datetime",
          "format": "2026-01-31"
        }"#;

/// mycrm.json with the create_ticket action typed in the test: the SPEC §2.2 layout, the seed page's
/// three inputs (as the example has them) and the datetime input after them.
fn expected() -> String {
    let last_input = "\"format\": \"low,normal,high,urgent\"\n        }";
    assert_eq!(MYCRM.matches(last_input).count(), 1, "the example's last input ends once");
    MYCRM.replacen(last_input, &format!("{last_input}{DUE_INPUT}"), 1)
}

/// mycrm.json without its `actions`, written in the tool's layout.
fn mycrm_without_actions() -> String {
    let mut value: serde_json::Value = serde_json::from_str(MYCRM).expect("the example is JSON");
    value.as_object_mut().expect("an object").remove("actions").expect("the example has actions");
    let text = to_json(&read(value.to_string().as_bytes()).expect("a manifest").manifest);
    assert!(text.ends_with("  }\n}\n") && !text.contains("\"actions\""), "{text}");
    text
}

/// Edits the focused one-line (or, with `finish` = TAB, multi-line) text: Enter, the text, then `finish`.
fn fill(session: &mut Session, text: &str, finish: &str) {
    session.send(ENTER);
    session.send(text);
    session.send(finish);
}

/// Adds an input from the action's page (`a`) and types its key and name; Enter after the name stops at
/// Mandatory, a decision the page marks mandatory.
fn add_input(wizard: &mut Session, number: usize, key: &str, name: &str) {
    wizard.send(&alt('a'));
    wizard.wait_for(&format!("Actions › create_ticket › #{number}"));
    fill(wizard, key, ENTER);
    fill(wizard, name, ENTER);
    wizard.wait_for(&format!("Actions › create_ticket › {key}"));
    wizard.wait_for("▶ Mandatory");
}

#[test]
fn the_seed_pages_create_ticket_action_typed_in_is_saved_exactly() {
    let work = tempfile::tempdir().expect("a work folder");
    let data = tempfile::tempdir().expect("a data folder");
    let path = work.path().join("mycrm.json");
    let original = mycrm_without_actions();
    fs::write(&path, &original).expect("the manifest");
    let mut wizard = Session::start(&["mycrm.json"], work.path(), data.path());
    wizard.wait_for("opened mycrm.json");

    // The action.
    wizard.send(&alt('5'));
    wizard.wait_for("Actions (0)");
    wizard.wait_for("+ add an action");
    wizard.send(&alt('a'));
    wizard.wait_for("Actions › #1");
    fill(&mut wizard, "create_ticket", ENTER);
    fill(&mut wizard, "create a ticket", ENTER);
    fill(&mut wizard, "create a new ticket in My CRM", TAB); // a multi-line text: Tab finishes it
    fill(&mut wizard, "https://mycrm.example.org/actions/create_ticket", ENTER);
    wizard.wait_for("Talkdesk shows: \"Then create a ticket\"");
    // Enter went on past the provider (kept in step by the wizard) to the inputs' add row.
    wizard.wait_for("▶              + add an input");
    wizard.wait_for("Endpoint     https://mycrm.…actions/create_ticket"); // the middle elided to fit

    // 1. subject: a mandatory text.
    add_input(&mut wizard, 1, "subject", "Subject");
    wizard.send(SPACE);
    wizard.wait_for("\"mandatory\": true");
    wizard.escape("subject — Subject (text, mandatory)");

    // 2. email: a text defaulting to the contact's email, completed with Tab.
    add_input(&mut wizard, 2, "email", "Requester email");
    wizard.send(DOWN);
    wizard.wait_for("▶ Type");
    wizard.send(DOWN);
    wizard.wait_for("▶ Format");
    wizard.send(ENTER);
    wizard.send("{{contact.em");
    wizard.wait_for("▸ {{contact.email}}");
    wizard.send(TAB);
    wizard.wait_for_gone("▸ {{contact.email}}");
    wizard.wait_for("\"format\": \"{{contact.email}}\"");
    // Enter on the input's last field went back to the action, on the add row.
    wizard.send(ENTER);
    wizard.wait_for("email — Requester email (text)");
    wizard.wait_for("▶              + add an input");

    // 3. priority: a select, its options added one by one (Enter on "+ add an option", or a).
    add_input(&mut wizard, 3, "priority", "Priority");
    wizard.send(DOWN);
    wizard.wait_for("▶ Type");
    wizard.send(LEFT); // text ← select: the picker wraps around
    wizard.wait_for("‹select›");
    wizard.wait_for("+ add an option");
    wizard.send(DOWN);
    wizard.wait_for("▶ + add an option");
    fill(&mut wizard, "low", ENTER);
    wizard.wait_for("option 1: low");
    fill(&mut wizard, "normal", ENTER);
    wizard.wait_for("option 2: normal");
    wizard.send(&alt('a'));
    wizard.send("high");
    wizard.send(ENTER);
    wizard.wait_for("option 3: high");
    wizard.send(&alt('a'));
    wizard.send("urgent");
    wizard.send(ENTER);
    wizard.wait_for("option 4: urgent");
    wizard.wait_for("\"format\": \"low,normal,high,");
    wizard.escape("priority — Priority (select)");

    // 4. due: a datetime; an impossible date half typed is not judged until the field is finished.
    add_input(&mut wizard, 4, "due", "Due date");
    wizard.send(DOWN);
    wizard.wait_for("▶ Type");
    wizard.send(LEFT);
    wizard.wait_for("‹select›");
    wizard.send(LEFT);
    wizard.wait_for("‹datetime›");
    wizard.send(DOWN);
    wizard.wait_for("▶ Format");
    wizard.send(ENTER);
    wizard.send("2026-02-30");
    wizard.wait_for("\"format\": \"2026-02-30\"");
    assert!(!wizard.screen().contains("is not a datetime default"), "judged while typed:\n{}", wizard.screen());
    wizard.send(CTRL_U);
    wizard.send("2026-01-31");
    wizard.wait_for("\"format\": \"2026-01-31\"");
    wizard.send(ENTER);
    wizard.wait_for("due — Due date (datetime)");
    wizard.wait_for("▶              + add an input");

    wizard.send(CTRL_S);
    wizard.wait_for("saved mycrm.json");
    wizard.wait_for_gone("● modified");
    wizard.send(CTRL_Q);
    assert_eq!(wizard.wait_exit(), 0);

    assert_eq!(fs::read_to_string(&path).expect("saved"), expected());
    assert_eq!(fs::read_to_string(work.path().join("mycrm.json.bak")).expect("a backup"), original);
}

#[test]
fn enter_on_a_review_finding_about_an_input_format_opens_that_field() {
    let work = tempfile::tempdir().expect("a work folder");
    let data = tempfile::tempdir().expect("a data folder");
    let mut broken: serde_json::Value = serde_json::from_str(MYCRM).expect("JSON");
    broken["actions"][0]["inputs"]
        .as_array_mut()
        .expect("inputs")
        .push(serde_json::json!({"key": "due", "name": "Due date", "mandatory": false, "type": "datetime", "format": "2026-02-30"}));
    fs::write(work.path().join("mycrm.json"), to_json(&read(broken.to_string().as_bytes()).expect("parsed").manifest))
        .expect("the manifest");
    let mut wizard = Session::start(&["mycrm.json"], work.path(), data.path());
    wizard.wait_for("opened mycrm.json: 1 error(s)");
    wizard.send(&alt('6'));
    wizard.wait_for("Review & save: 1 error(s)");
    wizard.wait_for("▶ ✗ Actions › create_ticket › due › Format");
    wizard.send(ENTER);
    wizard.wait_for("Actions › create_ticket › due");
    wizard.wait_for("▶ Format");
    wizard.wait_for("✗ format \"2026-02-30\" is not a datetime default");
    wizard.send(ENTER);
    wizard.send(CTRL_U);
    wizard.send("2026-02-28");
    wizard.send(ENTER);
    wizard.wait_for_gone("is not a datetime default");
    // Enter on the input's last field goes back to the action's inputs.
    wizard.wait_for("due — Due date (datetime)");
    wizard.escape("create_ticket — create a ticket (4 inputs)");
    wizard.escape("No problems");
    wizard.send(CTRL_S);
    wizard.wait_for("saved mycrm.json");
    wizard.send(CTRL_Q);
    assert_eq!(wizard.wait_exit(), 0);
    let saved = fs::read_to_string(work.path().join("mycrm.json")).expect("saved");
    assert!(saved.contains("\"format\": \"2026-02-28\""), "{saved}");
}
