//! End to end, in a pseudo-terminal: a newcomer types the seed page's mycrm manifest and its `create_ticket`
//! action from "New blank manifest", reading only the screens, and saves it. Every keystroke that is not a
//! character of a value is counted; the journey must take at most 45 of them, at 120x40 and at 80x24.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]
// A test prints through `println!`: what it measured, or why it skipped.
#![allow(clippy::disallowed_macros)]

#[path = "support/pty.rs"]
mod pty;

use pty::*;
use std::fs;

/// The most keystrokes beyond the values the journey may take.
const BUDGET: usize = 45;

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

/// Plays the journey on a terminal of `cols` x `rows`; gives the non-value keys pressed.
fn journey(cols: u16, rows: u16) -> Vec<&'static str> {
    let folders = folders();
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

    // 2 Features: the four URLs, then "Needs CTI?" (Enter keeps "no"), then the interaction types, typed on
    // the add row.
    j.on("Auth validation URL");
    for endpoint in ["auth_validation", "contact_sync", "interaction_update", "agent_sync"] {
        j.fill(&format!("https://mycrm.example.org/{endpoint}"));
    }
    j.on("Needs CTI?");
    j.sees("Enter keep");
    j.key("Enter", ENTER);
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
    j.sees("type password");
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
    j.on("Format");
    // Subject is mandatory: up to the toggle, Space, back to the list and down to the add row.
    j.sees("↑↓ move");
    j.key("Up", UP);
    j.key("Up", UP);
    j.on("Mandatory");
    j.sees("Space choose");
    j.key("Space", SPACE);
    j.sees("[x] yes");
    j.sees("Esc back");
    j.key("Esc", ESC);
    j.on("Input");
    j.key("Down", DOWN);
    j.on("+ add an input");
    j.fill("email");
    j.fill("Requester email");
    j.on("Format");
    j.value("{{contact.email}}");
    j.sees("Enter done");
    j.key("Enter", ENTER);
    j.on("+ add an input");
    j.fill("priority");
    j.fill("Priority");
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
    j.wizard.send(CTRL_Q);
    assert_eq!(j.wizard.wait_exit(), 0);

    let saved = fs::read_to_string(folders.work.path().join("mycrm.json")).expect("the manifest was saved");
    let saved: serde_json::Value = serde_json::from_str(&saved).expect("the saved file is JSON");
    let example: serde_json::Value =
        serde_json::from_str(include_str!("../assets/examples/mycrm.json")).expect("the example is JSON");
    // serde_json's Value compares objects by their keys and values, whatever their order.
    assert_eq!(saved, example, "at {cols}x{rows}, the saved manifest is the example");
    j.keys
}

fn played(cols: u16, rows: u16) {
    let keys = journey(cols, rows);
    println!("{cols}x{rows}: {} keystrokes beyond the values: {}", keys.len(), keys.join(" "));
    assert!(keys.len() <= BUDGET, "{} keystrokes beyond the values at {cols}x{rows}, at most {BUDGET}", keys.len());
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
