//! The key table as data (after gitui's `key_list.rs`): each binding names a command, the mode it works
//! in and which key asks for which [`Action`] there. The dispatcher, the `?` panel and the hint bar all
//! read this one table, so they cannot disagree; a new command is one row here and one description.

use super::super::action::Action;
use super::super::step::Step;
use super::press::KeyPress;
use ratatui::crossterm::event::KeyCode;
use std::collections::HashSet;

/// A named command: one line of the `?` panel, one hint of the hint bar, one name a config file can rebind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    Move,
    NextField,
    GoToStep,
    Activate,
    Toggle,
    Cycle,
    Back,
    Add,
    Duplicate,
    Delete,
    Reorder,
    Filter,
    QuickFix,
    Complete,
    TogglePreview,
    Jump,
    Finish,
    Newline,
    Save,
    Quit,
    Help,
    WriteTicket,
    TryIt,
    RemoveUnrequired,
    CompletePath,
    // Answers to the questions drawn over the screen.
    Yes,
    No,
    SaveAndQuit,
    QuitWithoutSaving,
    Overwrite,
    SaveElsewhere,
    Reload,
}

/// Where a binding works: what has the keys at the moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Everywhere, before anything else.
    Anywhere,
    /// Moving on the start screen or a step's page.
    Browse,
    /// On a step's page only (not the start screen).
    Steps,
    /// Editing any text.
    Text,
    /// Editing a text of one line.
    Line,
    /// Editing a text of several lines.
    Lines,
    /// Typing a list filter.
    Filter,
    /// Any panel or question drawn over the screen.
    Overlay,
    /// The quit question (unsaved changes).
    ConfirmQuit,
    /// A yes / no question (save with problems, delete, recover a draft).
    Question,
    /// The file changed on disk: overwrite, save elsewhere or reload.
    DiskChanged,
    /// A panel with a list or lines to move in (the ticket's formats, credentials, a probe's result).
    Panel,
    /// Just after switching the authentication type, while fields it no longer requires can be removed.
    AuthSwitched,
    /// A prompt for a path (open, save as, the ticket document).
    PathPrompt,
}

impl Mode {
    /// True when the `?` panel lists this mode's commands; a question's answers are shown in its own panel.
    pub fn listed_in_help(self) -> bool {
        !matches!(
            self,
            Mode::Overlay | Mode::ConfirmQuit | Mode::Question | Mode::DiskChanged | Mode::Panel | Mode::PathPrompt
        )
    }
}

/// How a command is shown while its keys are the default ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Description {
    /// Its keys in the `?` panel.
    pub label: &'static str,
    /// What it does, in the `?` panel; empty when another command's line says it (`shown_with`).
    pub help: &'static str,
    /// Its key in the hint bar, short.
    pub hint_key: &'static str,
    /// The command whose `?` line also describes this one.
    pub shown_with: Option<Command>,
}

impl Command {
    /// How the command reads in the `?` panel and the hint bar.
    pub fn describe(self) -> Description {
        let line = |label, help, hint_key| Description { label, help, hint_key, shown_with: None };
        let answer = |key| Description { label: key, help: "", hint_key: key, shown_with: None };
        match self {
            Command::Move => line("↑ ↓", "move between fields", "↑↓"),
            Command::NextField => line("Tab / Shift-Tab", "next / previous field, on into the next step", "Tab"),
            Command::GoToStep => line("1 … 6", "go to a step (or click it)", "1-6"),
            Command::Activate => line("Enter", "edit a field, open an item, confirm", "Enter"),
            Command::Toggle => line("Space", "flip a toggle, choose a type", "Space"),
            Command::Cycle => line("← →", "previous / next choice of a picker", "←→"),
            Command::Back => line("Esc", "cancel an edit, close, go back to the list", "Esc"),
            Command::Add => line("a", "add to the list on this page", "a"),
            Command::Duplicate => line("c", "copy (duplicate) the focused item", "c"),
            Command::Delete => line("Delete or x", "delete the focused item (asks first)", "Del"),
            Command::Reorder => line("Shift-↑↓ Alt-↑↓", "move the focused item up or down", "Shift-↑↓"),
            Command::Filter => line("/", "filter the list (Enter keeps it, Esc clears it)", "/"),
            Command::QuickFix => line("f", "lowercase a display; set a provider to the name", "f"),
            Command::Complete => line("Tab in a format", "complete the highlighted {{value provider}}", "Tab"),
            Command::TogglePreview => line("p", "show or hide the JSON preview on narrow screens", "p"),
            Command::Jump => line("PgUp PgDn Home End", "move by a page, to the first or the last", "PgUp"),
            Command::Finish => line("Tab or Alt-Enter", "finish a text of several lines (Enter: new line)", "Tab"),
            Command::Newline => {
                Description { label: "Enter", help: "", hint_key: "Enter", shown_with: Some(Command::Finish) }
            }
            Command::Save => line("Ctrl-S", "save", "Ctrl-S"),
            Command::Quit => line("Ctrl-Q or Ctrl-C", "quit (asks if there are unsaved changes)", "Ctrl-Q"),
            Command::Help => line("?", "this list", "?"),
            Command::WriteTicket => line("w / t", "write the ticket document / try an endpoint", "w"),
            Command::TryIt => {
                Description { label: "w / t", help: "", hint_key: "t", shown_with: Some(Command::WriteTicket) }
            }
            Command::RemoveUnrequired => line("r", "after an auth type switch: remove unneeded fields", "r"),
            Command::CompletePath => line("Tab in a path", "complete the path (a second Tab lists the matches)", "Tab"),
            Command::Yes => answer("y"),
            Command::No => answer("n"),
            Command::SaveAndQuit | Command::SaveElsewhere => answer("s"),
            Command::QuitWithoutSaving => answer("q"),
            Command::Overwrite => answer("o"),
            Command::Reload => answer("r"),
        }
    }
}

/// One row of the table: in `mode`, each key asks for its action.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub command: Command,
    pub mode: Mode,
    pub keys: Vec<(KeyPress, Action)>,
}

/// Every binding, in the order the `?` panel lists their commands.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyTable {
    pub bindings: Vec<Binding>,
    /// Commands whose keys are not the defaults any more: their labels are made from the keys.
    rebound: HashSet<Command>,
}

/// A row of the default table.
fn bind(command: Command, mode: Mode, keys: impl IntoIterator<Item = (KeyPress, Action)>) -> Binding {
    Binding { command, mode, keys: keys.into_iter().collect() }
}

impl Default for KeyTable {
    fn default() -> Self {
        use Action as A;
        use Command as C;
        use KeyCode as K;
        let plain = KeyPress::plain;
        let char = KeyPress::char;
        let answer = |c: char| [(char(c), A::Answer(c))];
        let line_moves = || [(plain(K::Up), A::EditorLine { up: true }), (plain(K::Down), A::EditorLine { up: false })];
        let bindings = vec![
            bind(C::Move, Mode::Browse, [(plain(K::Up), A::Up), (plain(K::Down), A::Down)]),
            bind(C::NextField, Mode::Browse, [(plain(K::Tab), A::Next), (plain(K::BackTab), A::Previous)]),
            bind(C::GoToStep, Mode::Steps, Step::ALL.map(|step| (char(step_digit(step)), A::GoTo(step)))),
            bind(C::Activate, Mode::Browse, [(plain(K::Enter), A::Activate)]),
            bind(C::Toggle, Mode::Browse, [(char(' '), A::Toggle)]),
            bind(C::Cycle, Mode::Browse, [(plain(K::Left), A::Cycle(false)), (plain(K::Right), A::Cycle(true))]),
            bind(C::Back, Mode::Browse, [(plain(K::Esc), A::Back)]),
            bind(C::Add, Mode::Browse, [(char('a'), A::Add)]),
            bind(C::Duplicate, Mode::Browse, [(char('c'), A::Duplicate)]),
            bind(C::Delete, Mode::Browse, [(plain(K::Delete), A::Delete), (char('x'), A::Delete)]),
            bind(
                C::Reorder,
                Mode::Browse,
                [
                    (KeyPress::shift(K::Up), A::MoveItem { up: true }),
                    (KeyPress::shift(K::Down), A::MoveItem { up: false }),
                    (KeyPress::alt(K::Up), A::MoveItem { up: true }),
                    (KeyPress::alt(K::Down), A::MoveItem { up: false }),
                ],
            ),
            bind(C::Filter, Mode::Browse, [(char('/'), A::Filter)]),
            bind(C::QuickFix, Mode::Browse, [(char('f'), A::QuickFix)]),
            // Tab leaves a line, or takes the highlighted completion while completions show.
            bind(C::Complete, Mode::Line, [(plain(K::Tab), A::Next)]),
            bind(C::TogglePreview, Mode::Browse, [(char('p'), A::TogglePreview)]),
            bind(
                C::Jump,
                Mode::Browse,
                [
                    (plain(K::PageUp), A::PageUp),
                    (plain(K::PageDown), A::PageDown),
                    (plain(K::Home), A::First),
                    (plain(K::End), A::Last),
                ],
            ),
            bind(C::Finish, Mode::Lines, [(plain(K::Tab), A::Finish), (KeyPress::alt(K::Enter), A::Finish)]),
            bind(C::Newline, Mode::Lines, [(plain(K::Enter), A::Newline)]),
            bind(C::Save, Mode::Anywhere, [(KeyPress::ctrl('s'), A::Save)]),
            bind(C::Quit, Mode::Anywhere, [(KeyPress::ctrl('q'), A::Quit), (KeyPress::ctrl('c'), A::Quit)]),
            bind(C::Help, Mode::Browse, [(char('?'), A::Help), (plain(K::F(1)), A::Help)]),
            bind(C::WriteTicket, Mode::Steps, [(char('w'), A::WriteTicket)]),
            bind(C::TryIt, Mode::Steps, [(char('t'), A::TryIt)]),
            bind(C::RemoveUnrequired, Mode::AuthSwitched, [(char('r'), A::RemoveUnrequired)]),
            // Editing a text.
            bind(C::Back, Mode::Text, [(plain(K::Esc), A::Back)]),
            bind(C::Move, Mode::Text, line_moves()),
            bind(C::Activate, Mode::Line, [(plain(K::Enter), A::Activate)]),
            // Typing a filter.
            bind(C::Back, Mode::Filter, [(plain(K::Esc), A::Back)]),
            bind(C::Activate, Mode::Filter, [(plain(K::Enter), A::Activate)]),
            bind(C::Move, Mode::Filter, [(plain(K::Down), A::Down)]),
            // Panels and questions over the screen.
            bind(C::Back, Mode::Overlay, [(plain(K::Esc), A::Back)]),
            bind(C::Activate, Mode::Overlay, [(plain(K::Enter), A::Activate)]),
            bind(C::Move, Mode::Panel, [(plain(K::Up), A::Up), (plain(K::Down), A::Down)]),
            bind(C::Jump, Mode::Panel, [(plain(K::PageUp), A::PageUp), (plain(K::PageDown), A::PageDown)]),
            bind(C::CompletePath, Mode::PathPrompt, [(plain(K::Tab), A::Next)]),
            bind(C::Move, Mode::PathPrompt, [(plain(K::Up), A::Up), (plain(K::Down), A::Down)]),
            bind(C::SaveAndQuit, Mode::ConfirmQuit, answer('s')),
            bind(C::QuitWithoutSaving, Mode::ConfirmQuit, answer('q')),
            bind(C::Yes, Mode::Question, answer('y')),
            bind(C::No, Mode::Question, answer('n')),
            bind(C::Overwrite, Mode::DiskChanged, answer('o')),
            bind(C::SaveElsewhere, Mode::DiskChanged, answer('s')),
            bind(C::Reload, Mode::DiskChanged, answer('r')),
        ];
        KeyTable { bindings, rebound: HashSet::new() }
    }
}

/// The digit that goes to a step: its number in the step list.
fn step_digit(step: Step) -> char {
    char::from_digit(u32::try_from(step.index() + 1).unwrap_or(0), 10).unwrap_or('0')
}

impl KeyTable {
    /// The action `press` asks for in the first of `modes` that binds it: exact presses first, then
    /// plain bindings held with extra modifiers.
    pub fn action(&self, modes: &[Mode], press: KeyPress) -> Option<Action> {
        let exact = |bound: KeyPress| bound == press;
        let loose = |bound: KeyPress| bound.loosely_matches(press);
        [&exact as &dyn Fn(KeyPress) -> bool, &loose].into_iter().find_map(|matches| {
            modes.iter().find_map(|mode| {
                self.bindings.iter().filter(|binding| binding.mode == *mode).find_map(|binding| {
                    binding.keys.iter().find(|(bound, _)| matches(*bound)).map(|(_, action)| action.clone())
                })
            })
        })
    }

    /// True when `command` has a key in one of `modes`.
    pub fn binds(&self, modes: &[Mode], command: Command) -> bool {
        self.bindings.iter().any(|binding| binding.command == command && modes.contains(&binding.mode))
    }

    /// Gives `command` new keys in every mode it works in (a config file's `command = ["key", ...]`):
    /// the n-th key asks for the n-th action of its first binding (`move = ["k", "j"]`: up, down), and
    /// for the same place in its other modes. Returns false, changing nothing, when the count does not fit.
    pub fn rebind(&mut self, command: Command, presses: &[KeyPress]) -> bool {
        let Some(first) = self.bindings.iter().find(|binding| binding.command == command) else {
            return false;
        };
        let canonical = distinct_actions(first);
        if presses.is_empty() || (canonical.len() > 1 && presses.len() != canonical.len()) {
            return false;
        }
        for binding in self.bindings.iter_mut().filter(|binding| binding.command == command) {
            let actions = distinct_actions(binding);
            binding.keys = if canonical.len() == 1 {
                presses.iter().flat_map(|press| actions.iter().map(|action| (*press, action.clone()))).collect()
            } else {
                actions
                    .iter()
                    .enumerate()
                    .filter_map(|(at, action)| {
                        let place = canonical.iter().position(|known| known == action).unwrap_or(at);
                        presses.get(place).map(|press| (*press, action.clone()))
                    })
                    .collect()
            };
        }
        self.rebound.insert(command);
        true
    }

    /// The command's keys as the `?` panel shows them.
    pub fn label(&self, command: Command) -> String {
        if self.rebound.contains(&command) { self.keys_of(command) } else { command.describe().label.to_owned() }
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
            .filter(|binding| binding.mode.listed_in_help() && !binding.command.describe().help.is_empty())
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
mod tests {
    use super::*;

    #[test]
    fn every_bound_command_appears_in_the_help() {
        let table = KeyTable::default();
        let lines = table.help_lines();
        for binding in table.bindings.iter().filter(|binding| binding.mode.listed_in_help()) {
            let described = binding.command.describe();
            let (command, key) = match described.shown_with {
                Some(other) => (other, Some(described.hint_key)),
                None => (binding.command, None),
            };
            let line =
                lines.iter().find(|(label, help)| *label == table.label(command) && *help == command.describe().help);
            let Some((_, help)) = line else {
                panic!("{:?} ({:?}) has no line in the ? panel: {lines:?}", binding.command, binding.mode);
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
        assert_eq!(table.action(&[Mode::Browse], KeyPress::char('j')), Some(Action::Down));
        assert_eq!(table.action(&[Mode::Text], KeyPress::char('k')), Some(Action::EditorLine { up: true }));
        assert_eq!(table.action(&[Mode::Browse], KeyPress::plain(KeyCode::Up)), None);
        assert_eq!(table.label(Command::Move), "k j");
        assert!(table.help_lines().contains(&("k j".to_owned(), "move between fields")));
        assert_eq!(
            table.action(&[Mode::Filter], KeyPress::char('j')),
            Some(Action::Down),
            "the filter moves down only"
        );
        assert!(!table.rebind(Command::Move, &[KeyPress::char('k')]), "two actions need two keys");
    }
}
