//! The key table's promises: every bound command is in the `?` panel, once, and a rebound command shows its new keys.

use super::*;
use crate::wizard::keys::key_list::Command;
use ratatui::crossterm::event::KeyCode;

#[test]
fn every_bound_command_appears_in_the_help() {
    let table = KeyTable::default();
    let lines = table.help_lines();
    for binding in table.bindings.iter().filter(|binding| binding.scope.listed_in_help()) {
        let described = binding.command.describe();
        let (command, key) = match described.shown_with {
            Some(other) => (other, Some(described.hint_key)),
            None => (binding.command, None),
        };
        let line =
            lines.iter().find(|(label, help)| *label == table.label(command) && *help == command.describe().help);
        let Some((_, help)) = line else {
            panic!("{:?} ({:?}) has no line in the ? panel: {lines:?}", binding.command, binding.scope);
        };
        if let Some(key) = key {
            assert!(help.contains(key), "{:?}: {key} is not said in {help:?}", binding.command);
        }
    }
}

#[test]
fn every_action_of_the_table_is_listed_once() {
    let table = KeyTable::default();
    let lines = table.help_lines();
    let mut labels: Vec<&String> = lines.iter().map(|(label, _)| label).collect();
    labels.dedup();
    assert_eq!(labels.len(), lines.len(), "{lines:?}");
}

#[test]
fn a_rebound_command_answers_its_new_keys_and_shows_them() {
    let mut table = KeyTable::default();
    assert!(table.rebind(Command::Move, &[KeyPress::char('k'), KeyPress::char('j')]));
    assert_eq!(table.action(&[Scope::Browse], KeyPress::char('j')), Some(Action::Down));
    assert_eq!(table.action(&[Scope::Text], KeyPress::char('k')), Some(Action::EditorLine { up: true }));
    assert_eq!(table.action(&[Scope::Browse], KeyPress::plain(KeyCode::Up)), None);
    assert_eq!(table.label(Command::Move), "k j");
    assert!(table.help_lines().contains(&("k j".to_owned(), "move between fields")));
    assert_eq!(table.action(&[Scope::Filter], KeyPress::char('j')), Some(Action::Down), "the filter moves down only");
    assert!(!table.rebind(Command::Move, &[KeyPress::char('k')]), "two actions need two keys");
}
