//! The key table's reading and rebinding: the action a key asks for in a scope, the labels and lines of
//! the `?` panel and the hints, a config file's new keys. The rows themselves are in `key_list`.

use super::super::action::Action;
use super::key_list::Command;
use super::press::KeyPress;
use super::scope::Scope;
use ratatui::crossterm::event::KeyModifiers;
use std::collections::HashSet;

/// One row of the table: in `scope`, each key asks for its action.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub command: Command,
    pub scope: Scope,
    pub keys: Vec<(KeyPress, Action)>,
}

/// Every binding, in the order the `?` panel lists their commands.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyTable {
    /// The rows, in the order the `?` panel lists their commands.
    pub bindings: Vec<Binding>,
    /// Commands whose keys are not the defaults any more: their labels are made from the keys.
    rebound: HashSet<Command>,
}

impl KeyTable {
    /// The table made of `bindings` (the default rows), with the Alt rows of a field derived from them.
    pub(super) fn from_rows(bindings: Vec<Binding>) -> KeyTable {
        let mut table = KeyTable { bindings, rebound: HashSet::new() };
        table.derive_field_bindings();
        table
    }

    /// The action `press` asks for in the first of `scopes` that binds it: exact presses first, then
    /// plain bindings held with extra modifiers.
    pub fn action(&self, scopes: &[Scope], press: KeyPress) -> Option<Action> {
        let exact = |bound: KeyPress| bound == press;
        let loose = |bound: KeyPress| bound.loosely_matches(press);
        [&exact as &dyn Fn(KeyPress) -> bool, &loose].into_iter().find_map(|matches| {
            scopes.iter().find_map(|scope| {
                self.bindings.iter().filter(|binding| binding.scope == *scope).find_map(|binding| {
                    binding.keys.iter().find(|(bound, _)| matches(*bound)).map(|(_, action)| action.clone())
                })
            })
        })
    }

    /// True when `command` has a key in one of `scopes`.
    pub fn binds(&self, scopes: &[Scope], command: Command) -> bool {
        self.bindings.iter().any(|binding| binding.command == command && scopes.contains(&binding.scope))
    }

    /// How many keys `command` takes in a config file: one per action of its first binding (`move`: up,
    /// down), or any number when it has one action. A list may also give each action several keys by
    /// repeating the round (`reorder = ["shift-up", "shift-down", "alt-up", "alt-down"]`).
    pub fn actions_of(&self, command: Command) -> usize {
        self.bindings.iter().find(|binding| binding.command == command).map_or(0, |first| distinct_actions(first).len())
    }

    /// Gives `command` new keys in every scope it works in (a config file's `command = ["key", ...]`):
    /// the n-th key asks for the n-th action of its first binding (`move = ["k", "j"]`: up, down), and
    /// for the same place in its other scopes; with more keys than actions, the round starts again. Returns
    /// false, changing nothing, when the count does not fit.
    pub fn rebind(&mut self, command: Command, presses: &[KeyPress]) -> bool {
        let Some(first) = self.bindings.iter().find(|binding| binding.command == command) else {
            return false;
        };
        let canonical = distinct_actions(first);
        if presses.is_empty() || canonical.is_empty() || !presses.len().is_multiple_of(canonical.len()) {
            return false;
        }
        let mut changed = false;
        // The Alt rows of a field are derived from the others below, not rebound themselves.
        for binding in
            self.bindings.iter_mut().filter(|binding| binding.command == command && binding.scope != Scope::Field)
        {
            let actions = distinct_actions(binding);
            let keys: Vec<(KeyPress, Action)> = if canonical.len() == 1 {
                presses.iter().flat_map(|press| actions.iter().map(|action| (*press, action.clone()))).collect()
            } else {
                // The action at each place of the round: the canonical one, or the one at the same index
                // (the text editor's up and down stand where the list's up and down stand).
                let at_place = |place: usize| {
                    actions.iter().enumerate().find_map(|(at, action)| {
                        let known = canonical.iter().position(|known| known == action).unwrap_or(at);
                        (known == place).then(|| action.clone())
                    })
                };
                presses
                    .iter()
                    .enumerate()
                    .filter_map(|(at, press)| at_place(at % canonical.len()).map(|action| (*press, action)))
                    .collect()
            };
            changed |= keys != binding.keys;
            binding.keys = keys;
        }
        // The same keys as the defaults keep the defaults' labels ("Ctrl-Q or Ctrl-C").
        if changed {
            self.rebound.insert(command);
        }
        self.derive_field_bindings();
        true
    }

    /// Makes the `Field` rows from the one-character commands: each answers there with Alt held, since
    /// the plain character starts editing the focused field.
    fn derive_field_bindings(&mut self) {
        self.bindings.retain(|binding| binding.scope != Scope::Field || binding.keys.is_empty());
        let derived: Vec<Binding> = self
            .bindings
            .iter()
            .filter(|binding| matches!(binding.scope, Scope::Letters | Scope::Steps))
            .map(|binding| Binding {
                command: binding.command,
                scope: Scope::Field,
                // A key with Ctrl or Alt already is not typed text: it stays as it is on a field.
                keys: binding
                    .keys
                    .iter()
                    .map(|(press, action)| {
                        let chord = press.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
                        (if chord { *press } else { press.with_alt() }, action.clone())
                    })
                    .collect(),
            })
            .collect();
        self.bindings.extend(derived);
    }

    /// The command's key in the hint bar where `scopes` have the keys: on a text field a one-character
    /// command is named by its other key (F1 for `?`) or with Alt held.
    pub fn hint_key_in(&self, command: Command, scopes: &[Scope]) -> String {
        let one_character = self
            .bindings
            .iter()
            .any(|binding| binding.command == command && matches!(binding.scope, Scope::Letters | Scope::Steps));
        let on_text_field = scopes.contains(&Scope::Field) && !scopes.contains(&Scope::Letters);
        if !on_text_field || !one_character {
            return self.hint_key(command);
        }
        let other = self.bindings.iter().find(|binding| {
            binding.command == command
                && matches!(binding.scope, Scope::Browse | Scope::Anywhere)
                && !binding.keys.is_empty()
        });
        match other {
            Some(binding) if !self.rebound.contains(&command) => {
                binding.keys.first().map(|(press, _)| press.to_string()).unwrap_or_default()
            }
            _ => self.hint_key(command).split(' ').map(|key| format!("Alt-{key}")).collect::<Vec<_>>().join(" "),
        }
    }

    /// The command's keys as the `?` panel shows them.
    /// A command whose line also describes others (`w / t`) shows their keys after its own.
    pub fn label(&self, command: Command) -> String {
        let shown_here: Vec<Command> =
            Command::all().filter(|other| other.describe().shown_with == Some(command)).collect();
        if !self.rebound.contains(&command) && !shown_here.iter().any(|other| self.rebound.contains(other)) {
            return command.describe().label.to_owned();
        }
        let mut label = self.keys_of(command);
        for other in shown_here {
            label = format!("{label} / {}", self.keys_of(other));
        }
        label
    }

    /// The command's key as the hint bar shows it.
    pub fn hint_key(&self, command: Command) -> String {
        if self.rebound.contains(&command) { self.keys_of(command) } else { command.describe().hint_key.to_owned() }
    }

    /// The keys of the command's first binding, named.
    fn keys_of(&self, command: Command) -> String {
        let binding = self.bindings.iter().find(|binding| binding.command == command);
        let names: Vec<String> =
            binding.map(|b| b.keys.iter().map(|(press, _)| press.to_string()).collect()).unwrap_or_default();
        names.join(" ")
    }

    /// The lines of the `?` panel: each listed command once, in table order, with its keys and what it does.
    pub fn help_lines(&self) -> Vec<(String, &'static str)> {
        let mut seen = HashSet::new();
        self.bindings
            .iter()
            .filter(|binding| binding.scope.listed_in_help() && !binding.command.describe().help.is_empty())
            .filter(|binding| seen.insert(binding.command))
            .map(|binding| (self.label(binding.command), binding.command.describe().help))
            .collect()
    }
}

/// A binding's actions, each once, in order.
fn distinct_actions(binding: &Binding) -> Vec<Action> {
    let mut actions: Vec<Action> = Vec::new();
    for (_, action) in &binding.keys {
        if !actions.contains(action) {
            actions.push(action.clone());
        }
    }
    actions
}

#[cfg(test)]
mod tests;
