//! The key table as data (after gitui's `key_list.rs`): each binding names a command, the mode it works
//! in and which key asks for which [`Action`] there. The dispatcher, the `?` panel and the hint bar all
//! read this one table, so they cannot disagree; a new command is one row here and one description.

use super::super::action::Action;
use super::super::step::Step;
use super::press::KeyPress;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use std::collections::HashSet;
use tui_input::InputRequest;

/// A named command: one line of the `?` panel, one hint of the hint bar, one name a config file can rebind.
/// A config file names it by its variant name in snake_case (`WriteTicket` is `write_ticket`), so a new
/// variant is configurable as it is added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumIter, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
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
    // Keys of the line editor (tui-input), listed so that `?` shows them.
    MoveCursor,
    StartEnd,
    DeleteChar,
    DeleteWord,
    ClearText,
    DeleteToEnd,
    PutBack,
    /// Typing on a focused text field starts editing it; no key of its own.
    Type,
    Save,
    Quit,
    Undo,
    Redo,
    Help,
    WriteTicket,
    TryIt,
    ExternalEditor,
    Suspend,
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
    /// Moving, on a row that is not a text field (and on the start screen): one-character commands.
    /// On a text field the character is typed instead (see `Field`).
    Letters,
    /// On a step's page only (not the start screen), on a row that is not a text field.
    Steps,
    /// The one-character commands of `Letters` and `Steps` with Alt held (made from those rows): they
    /// work on every step page, and are their only form on a focused text field, where a typed
    /// character starts editing it.
    Field,
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
    /// The modes that have the keys at the same time (as `keys::modes` gives them, most specific first):
    /// two commands must not share a key within one of these.
    pub const TOGETHER: &'static [&'static [Mode]] = &[
        &[Mode::Anywhere, Mode::Letters, Mode::Browse],
        &[Mode::Anywhere, Mode::AuthSwitched, Mode::Steps, Mode::Letters, Mode::Field, Mode::Browse],
        &[Mode::Anywhere, Mode::Field, Mode::Browse],
        &[Mode::Anywhere, Mode::Steps, Mode::Letters, Mode::Field, Mode::Browse],
        &[Mode::Anywhere, Mode::Filter],
        &[Mode::Anywhere, Mode::Line, Mode::Text],
        &[Mode::Anywhere, Mode::Lines, Mode::Text],
        &[Mode::Anywhere, Mode::Overlay],
        &[Mode::Anywhere, Mode::ConfirmQuit, Mode::Overlay],
        &[Mode::Anywhere, Mode::Question, Mode::Overlay],
        &[Mode::Anywhere, Mode::DiskChanged, Mode::Overlay],
        &[Mode::Anywhere, Mode::Panel, Mode::Overlay],
        &[Mode::Anywhere, Mode::PathPrompt, Mode::Overlay],
    ];

    /// True while text is being typed: a plain character bound here could not be typed any more.
    pub fn types_text(self) -> bool {
        matches!(self, Mode::Anywhere | Mode::Text | Mode::Line | Mode::Lines | Mode::Filter)
    }

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
    /// The command's name in a config file: its variant name in snake_case.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The command a config file names, if there is one.
    pub fn named(name: &str) -> Option<Command> {
        name.parse().ok()
    }

    /// Every command, in declaration order.
    pub fn all() -> impl Iterator<Item = Command> {
        <Command as strum::IntoEnumIterator>::iter()
    }

    /// How the command reads in the `?` panel and the hint bar.
    pub fn describe(self) -> Description {
        let line = |label, help, hint_key| Description { label, help, hint_key, shown_with: None };
        let answer = |key| Description { label: key, help: "", hint_key: key, shown_with: None };
        match self {
            Command::Move => line("↑ ↓", "move between fields", "↑↓"),
            Command::NextField => line("Tab / Shift-Tab", "next / previous field, on into the next step", "Tab"),
            Command::GoToStep => line("1 … 6", "go to a step (or click it; Alt-1 … 6 on a field)", "1-6"),
            Command::Activate => line("Enter", "edit a field, open an item, confirm", "Enter"),
            Command::Type => line(
                "type on a field",
                "start anew (Esc restores), on a + add row a new element; commands take Alt there",
                "type",
            ),
            Command::Toggle => line("Space", "flip a toggle, choose a type", "Space"),
            Command::Cycle => line("← →", "previous / next choice of a picker", "←→"),
            Command::Back => line("Esc", "cancel an edit, close, go back to the list", "Esc"),
            Command::Add => line("a", "add to the list on this page", "a"),
            Command::Duplicate => line("c", "copy (duplicate) the focused item", "c"),
            Command::Delete => line("Delete or x", "delete the focused item (asks first)", "Del"),
            Command::Reorder => line("Shift-↑↓ Alt-↑↓", "move the focused item up or down", "Shift-↑↓"),
            Command::Filter => line("/", "filter the list (Enter keeps it, Esc clears it)", "/"),
            Command::QuickFix => line("f", "quick fix of the focused field's warning", "f"),
            Command::Complete => line("Tab in a format", "complete the highlighted {{value provider}}", "Tab"),
            Command::TogglePreview => line("p", "show or hide the JSON preview on narrow screens", "p"),
            Command::Jump => line("PgUp PgDn Home End", "move by a page, to the first or the last", "PgUp"),
            Command::Finish => line("Enter", "finish any text (several lines too) and go on", "Enter"),
            Command::Newline => line("Alt-Enter or Ctrl-J", "a line break in a text of several lines", "Alt-Enter"),
            Command::MoveCursor => line("← → Ctrl-← Ctrl-→", "move by a character / a word", "←→"),
            Command::StartEnd => line("Home End", "go to the start / end of the line", "Home"),
            Command::DeleteChar => line("Backspace Delete", "delete the character before / after the cursor", "Del"),
            Command::DeleteWord => line("Ctrl-W Ctrl-Delete", "delete a word before / after", "Ctrl-W"),
            Command::ClearText => line("Ctrl-U", "clear the text (of several lines: this line)", "Ctrl-U"),
            Command::DeleteToEnd => line("Ctrl-K", "delete to the end of the line", "Ctrl-K"),
            Command::PutBack => line("Ctrl-Y", "put back what Ctrl-U, Ctrl-W or Ctrl-K deleted", "Ctrl-Y"),
            Command::Save => line("Ctrl-S", "save", "Ctrl-S"),
            Command::Quit => line("Ctrl-Q or Ctrl-C", "quit (asks if there are unsaved changes)", "Ctrl-Q"),
            Command::Undo => line("Alt-Z / Alt-Y", "undo a change (Alt-Y: redo), even while editing", "Alt-Z"),
            Command::Redo => {
                Description { label: "Alt-Z / Alt-Y", help: "", hint_key: "Alt-Y", shown_with: Some(Command::Undo) }
            }
            Command::Help => line("? or F1", "this list (F1 on a text field, where ? is typed)", "?"),
            Command::WriteTicket => line("w / t", "write the ticket document / try an endpoint", "w"),
            Command::TryIt => {
                Description { label: "w / t", help: "", hint_key: "t", shown_with: Some(Command::WriteTicket) }
            }
            Command::ExternalEditor => {
                line("Ctrl-E / Ctrl-Z", "edit text in $EDITOR; Ctrl-Z suspends (fg resumes)", "Ctrl-E")
            }
            Command::Suspend => Description {
                label: "Ctrl-E / Ctrl-Z",
                help: "",
                hint_key: "Ctrl-Z",
                shown_with: Some(Command::ExternalEditor),
            },
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
        let edit = |press: KeyPress, request: InputRequest| (press, A::Edit(request));
        let line_moves = || [(plain(K::Up), A::EditorLine { up: true }), (plain(K::Down), A::EditorLine { up: false })];
        let bindings = vec![
            bind(C::Move, Mode::Browse, [(plain(K::Up), A::Up), (plain(K::Down), A::Down)]),
            bind(C::NextField, Mode::Browse, [(plain(K::Tab), A::Next), (plain(K::BackTab), A::Previous)]),
            bind(C::Type, Mode::Field, []),
            bind(C::GoToStep, Mode::Steps, Step::ALL.map(|step| (char(step_digit(step)), A::GoTo(step)))),
            bind(C::Activate, Mode::Browse, [(plain(K::Enter), A::Activate)]),
            bind(C::Toggle, Mode::Browse, [(char(' '), A::Toggle)]),
            bind(C::Cycle, Mode::Browse, [(plain(K::Left), A::Cycle(false)), (plain(K::Right), A::Cycle(true))]),
            bind(C::Back, Mode::Browse, [(plain(K::Esc), A::Back)]),
            bind(C::Add, Mode::Letters, [(char('a'), A::Add)]),
            bind(C::Duplicate, Mode::Letters, [(char('c'), A::Duplicate)]),
            bind(C::Delete, Mode::Browse, [(plain(K::Delete), A::Delete)]),
            bind(C::Delete, Mode::Letters, [(char('x'), A::Delete)]),
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
            bind(C::Filter, Mode::Letters, [(char('/'), A::Filter)]),
            bind(C::QuickFix, Mode::Letters, [(char('f'), A::QuickFix)]),
            // Tab leaves a text, or takes the highlighted completion while completions show.
            bind(C::Complete, Mode::Text, [(plain(K::Tab), A::Next)]),
            bind(C::TogglePreview, Mode::Letters, [(char('p'), A::TogglePreview)]),
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
            bind(C::Save, Mode::Anywhere, [(KeyPress::ctrl('s'), A::Save)]),
            bind(C::Quit, Mode::Anywhere, [(KeyPress::ctrl('q'), A::Quit), (KeyPress::ctrl('c'), A::Quit)]),
            // Alt, not Ctrl: Ctrl-Z suspends and Ctrl-U clears the line in every terminal program.
            bind(C::Undo, Mode::Anywhere, [(KeyPress::alt(K::Char('z')), A::Undo)]),
            bind(C::Redo, Mode::Anywhere, [(KeyPress::alt(K::Char('y')), A::Redo)]),
            bind(C::Help, Mode::Browse, [(plain(K::F(1)), A::Help)]),
            bind(C::Help, Mode::Letters, [(char('?'), A::Help)]),
            bind(C::WriteTicket, Mode::Steps, [(char('w'), A::WriteTicket)]),
            bind(C::TryIt, Mode::Steps, [(char('t'), A::TryIt)]),
            bind(C::ExternalEditor, Mode::Steps, [(KeyPress::ctrl('e'), A::ExternalEditor)]),
            bind(C::Suspend, Mode::Anywhere, [(KeyPress::ctrl('z'), A::Suspend)]),
            bind(C::RemoveUnrequired, Mode::AuthSwitched, [(char('r'), A::RemoveUnrequired)]),
            // Editing a text.
            bind(C::Back, Mode::Text, [(plain(K::Esc), A::Back)]),
            bind(C::Move, Mode::Text, line_moves()),
            bind(C::ExternalEditor, Mode::Text, [(KeyPress::ctrl('e'), A::ExternalEditor)]),
            // Enter finishes every text, as in charmbracelet/huh; a line break takes Alt-Enter or Ctrl-J.
            bind(C::Finish, Mode::Text, [(plain(K::Enter), A::Activate)]),
            bind(C::Newline, Mode::Lines, [(KeyPress::alt(K::Enter), A::Newline), (KeyPress::ctrl('j'), A::Newline)]),
            bind(
                C::MoveCursor,
                Mode::Text,
                [
                    edit(plain(K::Left), InputRequest::GoToPrevChar),
                    edit(plain(K::Right), InputRequest::GoToNextChar),
                    edit(KeyPress::ctrl_key(K::Left), InputRequest::GoToPrevWord),
                    edit(KeyPress::ctrl_key(K::Right), InputRequest::GoToNextWord),
                ],
            ),
            bind(
                C::StartEnd,
                Mode::Text,
                [edit(plain(K::Home), InputRequest::GoToStart), edit(plain(K::End), InputRequest::GoToEnd)],
            ),
            bind(
                C::DeleteChar,
                Mode::Text,
                [
                    edit(plain(K::Backspace), InputRequest::DeletePrevChar),
                    edit(plain(K::Delete), InputRequest::DeleteNextChar),
                ],
            ),
            bind(
                C::DeleteWord,
                Mode::Text,
                [
                    edit(KeyPress::ctrl('w'), InputRequest::DeletePrevWord),
                    edit(KeyPress::ctrl_key(K::Delete), InputRequest::DeleteNextWord),
                ],
            ),
            bind(C::ClearText, Mode::Text, [edit(KeyPress::ctrl('u'), InputRequest::DeleteLine)]),
            bind(C::DeleteToEnd, Mode::Text, [edit(KeyPress::ctrl('k'), InputRequest::DeleteTillEnd)]),
            bind(C::PutBack, Mode::Text, [edit(KeyPress::ctrl('y'), InputRequest::Yank)]),
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
        let mut table = KeyTable { bindings, rebound: HashSet::new() };
        table.derive_field_bindings();
        table
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

    /// How many keys `command` takes in a config file: one per action of its first binding (`move`: up,
    /// down), or any number when it has one action. A list may also give each action several keys by
    /// repeating the round (`reorder = ["shift-up", "shift-down", "alt-up", "alt-down"]`).
    pub fn actions_of(&self, command: Command) -> usize {
        self.bindings.iter().find(|binding| binding.command == command).map_or(0, |first| distinct_actions(first).len())
    }

    /// Gives `command` new keys in every mode it works in (a config file's `command = ["key", ...]`):
    /// the n-th key asks for the n-th action of its first binding (`move = ["k", "j"]`: up, down), and
    /// for the same place in its other modes; with more keys than actions, the round starts again. Returns
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
            self.bindings.iter_mut().filter(|binding| binding.command == command && binding.mode != Mode::Field)
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
        self.bindings.retain(|binding| binding.mode != Mode::Field || binding.keys.is_empty());
        let derived: Vec<Binding> = self
            .bindings
            .iter()
            .filter(|binding| matches!(binding.mode, Mode::Letters | Mode::Steps))
            .map(|binding| Binding {
                command: binding.command,
                mode: Mode::Field,
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

    /// The command's key in the hint bar where `modes` have the keys: on a text field a one-character
    /// command is named by its other key (F1 for `?`) or with Alt held.
    pub fn hint_key_in(&self, command: Command, modes: &[Mode]) -> String {
        let one_character = self
            .bindings
            .iter()
            .any(|binding| binding.command == command && matches!(binding.mode, Mode::Letters | Mode::Steps));
        let on_text_field = modes.contains(&Mode::Field) && !modes.contains(&Mode::Letters);
        if !on_text_field || !one_character {
            return self.hint_key(command);
        }
        let other = self.bindings.iter().find(|binding| {
            binding.command == command
                && matches!(binding.mode, Mode::Browse | Mode::Anywhere)
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
