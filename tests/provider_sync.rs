//! Provider sync as an explicit edit: setting the integration's name changes only the name;
//! renaming the integration (what the wizard and the line mode do for step 1's name) renames every
//! action's provider with it, and cancelling the edit puts both back.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

mod support;

use integration_wizard::manifest::edit::Owner;
use integration_wizard::manifest::{ActionKey, IntegrationKey, Manifest, Slot};
use integration_wizard::wizard::testing::app::App;
use ratatui::crossterm::event::KeyCode;
use support::*;

fn providers(manifest: &Manifest) -> Vec<Option<&str>> {
    (0..manifest.action_count())
        .map(|index| manifest.text(Owner::Action(index), ActionKey::Provider).and_then(Slot::as_str))
        .collect()
}

fn with_two_actions(name: &str) -> Manifest {
    let mut manifest = Manifest::new();
    manifest.set_text(Owner::Integration, IntegrationKey::Name, name);
    manifest.add_action().expect("actions list");
    manifest.add_action().expect("actions list");
    manifest
}

#[test]
fn setting_the_name_as_a_text_leaves_the_providers_alone() {
    let mut manifest = with_two_actions("old");
    manifest.set_text(Owner::Integration, IntegrationKey::Name, "new");
    assert_eq!(manifest.integration().and_then(|i| i.name.as_str()), Some("new"));
    assert_eq!(providers(&manifest), [Some("old"), Some("old")], "no hidden side effect");
}

#[test]
fn renaming_the_integration_renames_every_provider_and_counts_them() {
    let mut manifest = with_two_actions("old");
    manifest.set_text(Owner::Action(1), ActionKey::Provider, "new");
    assert_eq!(manifest.rename_integration("new"), 1, "only the provider that differed changed");
    assert_eq!(providers(&manifest), [Some("new"), Some("new")]);
    assert_eq!(manifest.rename_integration("new"), 0, "nothing left to change");
}

#[test]
fn renaming_the_integration_to_nothing_removes_the_name_and_the_providers() {
    let mut manifest = with_two_actions("old");
    assert_eq!(manifest.rename_integration(""), 2);
    assert_eq!(manifest.integration().map(|i| &i.name), Some(&Slot::Absent));
    assert_eq!(providers(&manifest), [None, None]);
}

#[test]
fn an_action_that_is_not_an_object_is_left_as_written() {
    let mut manifest = integration_wizard::manifest::read(br#"{"integration": {"name": "old"}, "actions": [3, {}]}"#)
        .expect("an object")
        .manifest;
    assert_eq!(manifest.rename_integration("new"), 1);
    assert_eq!(integration_wizard::manifest::to_json(&manifest).matches("\"provider\": \"new\"").count(), 1);
    assert!(integration_wizard::manifest::to_json(&manifest).contains("    3,"), "the number stays");
}

fn step_one_name(app: &mut App) {
    press(app, alt('1')); // Alt: on a text field the digit is typed
    press(app, key(KeyCode::Enter));
    press(app, ctrl('u'));
}

#[test]
fn cancelling_a_rename_in_the_wizard_puts_the_providers_back() {
    let mut app = mycrm();
    step_one_name(&mut app);
    type_text(&mut app, "helpdesk");
    assert!(app.doc.manifest.action_count() > 0);
    assert!(providers(&app.doc.manifest).iter().all(|p| *p == Some("helpdesk")), "the providers follow while typing");
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.doc.manifest.integration().and_then(|i| i.name.as_str()), Some("mycrm"));
    assert!(providers(&app.doc.manifest).iter().all(|p| *p == Some("mycrm")), "and go back with the name");
}
