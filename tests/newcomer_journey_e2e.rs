//! End to end, in a pseudo-terminal: a newcomer types the seed page's mycrm manifest and its `create_ticket`
//! action from "New blank manifest", reading only the screens, and saves it. Every keystroke that is not a
//! character of a value is counted; the journey must take at most 45 of them, at 120x40 and at 80x24.
//! Two newcomers: one makes the bundled example (taking the advice to make the token a password); one
//! follows Talkdesk's page to the letter (the token stays input) with no corrective key, then writes the
//! ticket document and tries the auth validation against a bridge, in at most 12 more keys.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]
// A test prints through `println!`: what it measured, or why it skipped.
#![allow(clippy::disallowed_macros)]

mod mock_bridge;
#[path = "support/pty.rs"]
mod pty;

use mock_bridge::{ACCOUNT, MockBridge, TOKEN, keeps_every_contract};
use pty::*;
use std::fs;

/// The most keystrokes beyond the values the journey may take.
const BUDGET: usize = 45;
/// The most keystrokes beyond the values for the ticket document and a try-it, after the manifest.
const AFTER_BUDGET: usize = 12;
/// Keys that change back what the tool did or take back what was typed: a newcomer following the page
/// never needs one (Space on Mandatory and ← on Type are the page's values, not corrections).
const CORRECTIVE: &[&str] = &["Alt-f", "Alt-z", "Backspace", "Ctrl-U", "Esc"];

const DESCRIPTION: &str = "Centralizing all the customer conversations so nothing gets ignored and everything is \
searchable from one place. Easily organize, prioritize and engage with others on support requests.";

/// The wizard, with every keystroke sent through [`Journey::value`] (characters of a value) or
/// [`Journey::key`] (everything else, counted by name).
struct Journey {
    wizard: Session,
    keys: Vec<&'static str>,
}

impl Journey {
    /// Types the characters of a value: they are not counted.
    fn value(&mut self, text: &str) {
        self.wizard.send(text);
    }

    /// Presses a key that is not part of a value: counted, and named in the list the test prints.
    fn key(&mut self, name: &'static str, bytes: &str) {
        self.keys.push(name);
        self.wizard.send(bytes);
    }

    /// Waits until the screen shows `text`: what the newcomer reads before the next key.
    fn sees(&mut self, text: &str) {
        self.wizard.wait_for(text);
    }

    /// Waits until the focused row of the form (marked `▶ `) shows `text`.
    fn on(&mut self, text: &str) {
        self.wizard.wait_until(&format!("the focused row to show {text:?}"), |screen| {
            screen.lines().any(|line| line.find("▶ ").is_some_and(|at| line[at..].contains(text)))
        });
    }

    /// Types a value and finishes it with Enter.
    fn fill(&mut self, text: &str) {
        self.value(text);
        self.key("Enter", ENTER);
    }
}

/// How the newcomer goes: the auth validation URL they type, and whether they take the advice to make
/// the token a password (the bundled example has it so; the page's example has it input).
struct Plan<'a> {
    auth_validation: &'a str,
    mask_token: bool,
}

/// Types the manifest from the start screen to its save as `mycrm.json` on a terminal of `cols` x `rows`;
/// gives the journey (still running) with the non-value keys pressed.
fn make_manifest(folders: &Folders, cols: u16, rows: u16, plan: &Plan) -> Journey {
    let wizard = Session::start_sized(&[], folders.work.path(), folders.data.path(), cols, rows);
    let mut j = Journey { wizard, keys: Vec::new() };

    // The start screen: the first entry is the blank manifest.
    j.on("New blank manifest");
    j.key("Enter", ENTER);

    // 1 Integration: every field is typed on its row and Enter goes on; the last goes on to step 2.
    j.sees("type to replace");
    j.on("Name");
    for value in [
        "mycrm",
        "My CRM",
        DESCRIPTION,
        "https://talkdeskapp.s3.amazonaws.com/assets/integrations/mycrm.png",
        "https://talkdeskapp.s3.amazonaws.com/assets/integrations/mycrm_icon.png",
    ] {
        j.fill(value);
    }

    // 2 Features: the four URLs (Enter passes over "Needs CTI?", which the page never asks), then the
    // interaction types, typed on the add row.
    j.on("Auth validation URL");
    j.fill(plan.auth_validation);
    for endpoint in ["contact_sync", "interaction_update", "agent_sync"] {
        j.fill(&format!("https://mycrm.example.org/{endpoint}"));
    }
    j.on("+ add an interaction type");
    j.sees("type to add");
    j.fill("Ticket");
    j.on("+ add an interaction type");
    j.fill("Case");
    j.on("+ add an interaction type");
    j.sees("Tab next");
    j.key("Tab", TAB);

    // 3 Authentication: custom is the second choice; Enter chooses it and goes on.
    j.on("( ) none");
    j.key("Down", DOWN);
    j.on("( ) custom");
    j.sees("Enter choose and go on");
    j.key("Enter", ENTER);

    // 4 Auth fields: the field's name typed on the add row opens the new field; Enter passes over the
    // toggles and the type, which already hold the usual values.
    j.on("+ add an authentication field");
    j.sees("type to add");
    j.fill("account");
    j.fill("Account");
    j.on("Help");
    j.fill("under Settings > Account");
    j.on("Format");
    j.fill("https://{{account}}.example.org");
    // The last field done, the cursor offers another field.
    j.on("+ add an authentication field");
    j.fill("token");
    // The page's example has the token as input; the tool advises a password and offers one key, which
    // the newcomer making the bundled example (where it is a password) takes.
    j.sees("makes it a password");
    if plan.mask_token {
        j.key("Alt-f", &alt('f'));
        j.sees("type password");
    }
    j.fill("API Token");
    j.on("Help");
    j.fill("under Settings > Channels");
    j.on("Format");
    j.sees("Alt-1-6 steps");
    j.key("Alt-5", &alt('5'));

    // 5 Actions: the action's name typed on the add row; its inputs the same way.
    j.on("+ add an action");
    j.fill("create_ticket");
    j.fill("create a ticket");
    j.fill("create a new ticket in My CRM");
    j.fill("https://mycrm.example.org/actions/create_ticket");
    j.on("+ add an input");
    j.fill("subject");
    j.fill("Subject");
    // Enter stops at Mandatory, a decision: Subject is mandatory (Space), Enter goes on to its format,
    // left empty (Enter edits it, Enter finishes it), and back to the list's add row.
    j.on("Mandatory");
    j.sees("Space choose");
    j.key("Space", SPACE);
    j.sees("[x] yes");
    j.key("Enter", ENTER);
    j.on("Format");
    j.key("Enter", ENTER);
    j.key("Enter", ENTER);
    j.on("+ add an input");
    j.fill("email");
    j.fill("Requester email");
    j.on("Mandatory");
    j.key("Enter", ENTER);
    j.on("Format");
    j.value("{{contact.email}}");
    j.sees("Enter done");
    j.key("Enter", ENTER);
    j.on("+ add an input");
    j.fill("priority");
    j.fill("Priority");
    j.on("Mandatory");
    j.key("Enter", ENTER);
    j.on("Format");
    j.key("Up", UP);
    j.on("Type");
    j.sees("←→ choose");
    // The row shows what ← gives: select (the types wrap around).
    j.on("‹text›  ← makes it select");
    j.key("Left", LEFT);
    j.sees("‹select›");
    j.sees("+ add an option");
    j.key("Down", DOWN);
    j.on("+ add an option");
    j.sees("type to add");
    j.value("low,normal,high,urgent");
    j.sees("Ctrl-S save");
    j.key("Ctrl-S", CTRL_S);
    j.sees("mycrm.json");
    j.key("Enter", ENTER);
    j.sees("saved mycrm");
    j
}

/// The saved `mycrm.json`, parsed.
fn saved(folders: &Folders) -> serde_json::Value {
    let saved = fs::read_to_string(folders.work.path().join("mycrm.json")).expect("the manifest was saved");
    serde_json::from_str(&saved).expect("the saved file is JSON")
}

/// The bundled example, as the first newcomer makes it: "requires_cti" never asked is not written
/// (Talkdesk reads false), and the auth validation URL is `auth_validation`.
fn example(auth_validation: &str) -> serde_json::Value {
    let mut example: serde_json::Value =
        serde_json::from_str(include_str!("../assets/examples/mycrm.json")).expect("the example is JSON");
    example.as_object_mut().expect("an object").remove("requires_cti");
    example["integration"]["auth_validation_endpoint"] = auth_validation.into();
    example
}

/// Plays the first journey (the bundled example) on a terminal of `cols` x `rows`; gives the non-value keys.
fn journey(cols: u16, rows: u16) -> Vec<&'static str> {
    let folders = folders();
    let auth_validation = "https://mycrm.example.org/auth_validation";
    let mut j = make_manifest(&folders, cols, rows, &Plan { auth_validation, mask_token: true });
    j.wizard.send(CTRL_Q);
    assert_eq!(j.wizard.wait_exit(), 0);
    // serde_json's Value compares objects by their keys and values, whatever their order.
    assert_eq!(saved(&folders), example(auth_validation), "at {cols}x{rows}, the saved manifest is the example");
    j.keys
}

fn played(cols: u16, rows: u16) {
    let keys = journey(cols, rows);
    println!("{cols}x{rows}: {} keystrokes beyond the values: {}", keys.len(), keys.join(" "));
    // Taking the advice to make the token a password is one key of the author's own (Alt-f): the tool
    // no longer changes the page's input by itself.
    let budget = BUDGET + 1;
    assert!(keys.len() <= budget, "{} keystrokes beyond the values at {cols}x{rows}, at most {budget}", keys.len());
}

/// Plays the page-following journey on a terminal of `cols` x `rows` against a bridge on 127.0.0.1: the
/// manifest as the page shows it, its ticket document, and a try-it of the auth validation. Gives the
/// non-value keys of the manifest and of what came after.
fn page_journey(cols: u16, rows: u16) -> (Vec<&'static str>, Vec<&'static str>) {
    let bridge = MockBridge::start(keeps_every_contract);
    let folders = folders();
    let auth_validation = bridge.url("/auth");
    let mut j = make_manifest(&folders, cols, rows, &Plan { auth_validation: &auth_validation, mask_token: false });
    let mut page = example(&auth_validation);
    page["integration"]["authentication_configuration"][1]["type"] = "input".into();
    assert_eq!(saved(&folders), page, "at {cols}x{rows}, the saved manifest is the page's, token input");
    let manifest_keys = std::mem::take(&mut j.keys);

    // The ticket document, from the review.
    j.key("Alt-6", &alt('6'));
    j.sees("ticket document");
    j.key("Alt-w", &alt('w'));
    j.sees("Markdown (.md)");
    j.key("Enter", ENTER);
    j.sees("mycrm-ticket.md");
    j.key("Enter", ENTER);
    j.sees("wrote the ticket document mycrm-ticket.md");
    // The support form's settings show until Esc, to copy into the ticket.
    j.sees("Subject: Activate Custom Integration");
    j.key("Esc", ESC);
    j.wizard.wait_for_gone("Subject: Activate Custom Integration");

    // Try the auth validation: on its row, `t`, the two credentials.
    j.key("Alt-2", &alt('2'));
    j.on("Auth validation URL");
    j.sees("try it");
    j.key("Alt-t", &alt('t'));
    j.sees("Credentials to try the auth validation");
    j.fill(ACCOUNT);
    j.fill(TOKEN);
    j.sees("PASS: the endpoint kept its contract (status 200)");
    j.key("Esc", ESC);
    j.wizard.wait_for_gone("Try the auth validation");
    j.wizard.send(CTRL_Q);
    assert_eq!(j.wizard.wait_exit(), 0);
    assert!(folders.work.path().join("mycrm-ticket.md").is_file(), "the ticket document was written");
    let tried = bridge.received("/auth");
    assert!(tried.iter().any(|request| request.body["auth"]["token"] == TOKEN), "the typed credentials were sent");
    (manifest_keys, j.keys)
}

fn page_played(cols: u16, rows: u16) {
    let (manifest, after) = page_journey(cols, rows);
    println!(
        "{cols}x{rows}, following the page: {} keystrokes beyond the values: {}",
        manifest.len(),
        manifest.join(" ")
    );
    println!("{cols}x{rows}, ticket and try-it: {} more: {}", after.len(), after.join(" "));
    let corrective: Vec<&str> = manifest.iter().copied().filter(|key| CORRECTIVE.contains(key)).collect();
    assert!(corrective.is_empty(), "at {cols}x{rows} the page-following newcomer corrected the tool: {corrective:?}");
    assert!(manifest.len() <= BUDGET, "{} keystrokes at {cols}x{rows}, at most {BUDGET}", manifest.len());
    assert!(after.len() <= AFTER_BUDGET, "{} more keystrokes at {cols}x{rows}, at most {AFTER_BUDGET}", after.len());
}

#[test]
fn following_the_page_takes_at_most_45_keys_with_no_correction_then_the_ticket_and_a_try_it_12_more_at_120x40() {
    page_played(120, 40);
}

#[test]
fn following_the_page_takes_the_same_keys_at_80x24() {
    page_played(80, 24);
}

#[test]
fn a_newcomer_types_the_mycrm_manifest_in_at_most_45_keystrokes_beyond_the_values_at_120x40() {
    played(120, 40);
}

#[test]
fn the_same_journey_takes_the_same_keys_at_80x24() {
    // The journey has no key that depends on the size: the same keys, read from the same screens.
    played(80, 24);
}
