//! The key table as data (after gitui's `key_list.rs`): each binding names a command, the scope it works
//! in and which key asks for which [`Action`] there. The dispatcher, the `?` panel and the hint bar all
//! read this one table, so they cannot disagree; a new command is one row here and one description.
//! How the table is read (and rebound) is in `table`; the scopes a row names are in `scope`.

use super::super::action::Action;
use super::super::steps::Step;
use super::press::KeyPress;
use super::scope::Scope;
use super::table::{Binding, KeyTable};
use ratatui::crossterm::event::KeyCode;
use tui_input::InputRequest;

/// A named command: one line of the `?` panel, one hint of the hint bar, one name a config file can rebind.
/// A config file names it by its variant name in snake_case (`WriteTicket` is `write_ticket`), so a new
/// variant is configurable as it is added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumIter, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "snake_case")]
pub enum Command {
    /// Move between rows.
    Move,
    /// The next or previous field, on into the next step.
    NextField,
    /// Go to a step by its number.
    GoToStep,
    /// Edit, open, choose or confirm.
    Activate,
    /// Flip a toggle or choose.
    Toggle,
    /// The previous or next value of a choice.
    Cycle,
    /// Cancel, close, or go back up.
    Back,
    /// Add an element to the list.
    Add,
    /// Copy the focused element.
    Duplicate,
    /// Delete the focused element.
    Delete,
    /// Move the focused element up or down.
    Reorder,
    /// Filter the list.
    Filter,
    /// Fix the focused text as Talkdesk shows it.
    QuickFix,
    /// Accept a value provider's completion.
    Complete,
    /// Show or hide the JSON preview.
    TogglePreview,
    /// Move by a screenful or to the ends.
    Jump,
    /// Finish the edit.
    Finish,
    /// A line break in a text of several lines.
    Newline,
    // Keys of the line editor (tui-input), listed so that `?` shows them.
    /// Move the cursor in the text.
    MoveCursor,
    /// The start or end of the text.
    StartEnd,
    /// Delete a character.
    DeleteChar,
    /// Delete a word.
    DeleteWord,
    /// Clear the text.
    ClearText,
    /// Delete to the end of the text.
    DeleteToEnd,
    /// Put back what was deleted.
    PutBack,
    /// Typing on a focused text field starts editing it; no key of its own.
    Type,
    /// Save.
    Save,
    /// Quit.
    Quit,
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Show every key.
    Help,
    /// Write the ticket document.
    WriteTicket,
    /// Try the focused endpoint or action against the bridge.
    TryIt,
    /// Edit the text in the author's own editor.
    ExternalEditor,
    /// Suspend to the shell.
    Suspend,
    /// Remove the fields the new authentication type no longer requires.
    RemoveUnrequired,
    /// Complete a path.
    CompletePath,
    // Answers to the questions drawn over the screen.
    /// Answer yes.
    Yes,
    /// Answer no.
    No,
    /// Save, then quit.
    SaveAndQuit,
    /// Quit without saving.
    QuitWithoutSaving,
    /// Overwrite the file changed on disk.
    Overwrite,
    /// Save elsewhere.
    SaveElsewhere,
    /// Reload the file from disk.
    Reload,
    /// On a try-it result: type the credentials again.
    NewCredentials,
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
            Command::NewCredentials => line("c", "on a try-it result: type the credentials again", "c"),
        }
    }
}

/// A row of the default table.
fn bind(command: Command, scope: Scope, keys: impl IntoIterator<Item = (KeyPress, Action)>) -> Binding {
    Binding { command, scope, keys: keys.into_iter().collect() }
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
            bind(C::Move, Scope::Browse, [(plain(K::Up), A::Up), (plain(K::Down), A::Down)]),
            bind(C::NextField, Scope::Browse, [(plain(K::Tab), A::Next), (plain(K::BackTab), A::Previous)]),
            bind(C::Type, Scope::Field, []),
            bind(C::GoToStep, Scope::Steps, Step::ALL.map(|step| (char(step_digit(step)), A::GoTo(step)))),
            bind(C::Activate, Scope::Browse, [(plain(K::Enter), A::Activate)]),
            bind(C::Toggle, Scope::Browse, [(char(' '), A::Toggle)]),
            bind(C::Cycle, Scope::Browse, [(plain(K::Left), A::Cycle(false)), (plain(K::Right), A::Cycle(true))]),
            bind(C::Back, Scope::Browse, [(plain(K::Esc), A::Back)]),
            bind(C::Add, Scope::Letters, [(char('a'), A::Add)]),
            bind(C::Duplicate, Scope::Letters, [(char('c'), A::Duplicate)]),
            bind(C::Delete, Scope::Browse, [(plain(K::Delete), A::Delete)]),
            bind(C::Delete, Scope::Letters, [(char('x'), A::Delete)]),
            bind(
                C::Reorder,
                Scope::Browse,
                [
                    (KeyPress::shift(K::Up), A::MoveItem { up: true }),
                    (KeyPress::shift(K::Down), A::MoveItem { up: false }),
                    (KeyPress::alt(K::Up), A::MoveItem { up: true }),
                    (KeyPress::alt(K::Down), A::MoveItem { up: false }),
                ],
            ),
            bind(C::Filter, Scope::Letters, [(char('/'), A::Filter)]),
            bind(C::QuickFix, Scope::Letters, [(char('f'), A::QuickFix)]),
            // Tab leaves a text, or takes the highlighted completion while completions show.
            bind(C::Complete, Scope::Text, [(plain(K::Tab), A::Next)]),
            bind(C::TogglePreview, Scope::Letters, [(char('p'), A::TogglePreview)]),
            bind(
                C::Jump,
                Scope::Browse,
                [
                    (plain(K::PageUp), A::PageUp),
                    (plain(K::PageDown), A::PageDown),
                    (plain(K::Home), A::First),
                    (plain(K::End), A::Last),
                ],
            ),
            bind(C::Save, Scope::Anywhere, [(KeyPress::ctrl('s'), A::Save)]),
            bind(C::Quit, Scope::Anywhere, [(KeyPress::ctrl('q'), A::Quit), (KeyPress::ctrl('c'), A::Quit)]),
            // Alt, not Ctrl: Ctrl-Z suspends and Ctrl-U clears the line in every terminal program.
            bind(C::Undo, Scope::Anywhere, [(KeyPress::alt(K::Char('z')), A::Undo)]),
            bind(C::Redo, Scope::Anywhere, [(KeyPress::alt(K::Char('y')), A::Redo)]),
            bind(C::Help, Scope::Browse, [(plain(K::F(1)), A::Help)]),
            bind(C::Help, Scope::Letters, [(char('?'), A::Help)]),
            bind(C::WriteTicket, Scope::Steps, [(char('w'), A::WriteTicket)]),
            bind(C::TryIt, Scope::Steps, [(char('t'), A::TryIt)]),
            bind(C::ExternalEditor, Scope::Steps, [(KeyPress::ctrl('e'), A::ExternalEditor)]),
            bind(C::Suspend, Scope::Anywhere, [(KeyPress::ctrl('z'), A::Suspend)]),
            bind(C::RemoveUnrequired, Scope::AuthSwitched, [(char('r'), A::RemoveUnrequired)]),
            // Editing a text.
            bind(C::Back, Scope::Text, [(plain(K::Esc), A::Back)]),
            bind(C::Move, Scope::Text, line_moves()),
            bind(C::ExternalEditor, Scope::Text, [(KeyPress::ctrl('e'), A::ExternalEditor)]),
            // Enter finishes every text, as in charmbracelet/huh; a line break takes Alt-Enter or Ctrl-J.
            bind(C::Finish, Scope::Text, [(plain(K::Enter), A::Activate)]),
            bind(C::Newline, Scope::Lines, [(KeyPress::alt(K::Enter), A::Newline), (KeyPress::ctrl('j'), A::Newline)]),
            bind(
                C::MoveCursor,
                Scope::Text,
                [
                    edit(plain(K::Left), InputRequest::GoToPrevChar),
                    edit(plain(K::Right), InputRequest::GoToNextChar),
                    edit(KeyPress::ctrl_key(K::Left), InputRequest::GoToPrevWord),
                    edit(KeyPress::ctrl_key(K::Right), InputRequest::GoToNextWord),
                ],
            ),
            bind(
                C::StartEnd,
                Scope::Text,
                [edit(plain(K::Home), InputRequest::GoToStart), edit(plain(K::End), InputRequest::GoToEnd)],
            ),
            bind(
                C::DeleteChar,
                Scope::Text,
                [
                    edit(plain(K::Backspace), InputRequest::DeletePrevChar),
                    edit(plain(K::Delete), InputRequest::DeleteNextChar),
                ],
            ),
            bind(
                C::DeleteWord,
                Scope::Text,
                [
                    edit(KeyPress::ctrl('w'), InputRequest::DeletePrevWord),
                    edit(KeyPress::ctrl_key(K::Delete), InputRequest::DeleteNextWord),
                ],
            ),
            bind(C::ClearText, Scope::Text, [edit(KeyPress::ctrl('u'), InputRequest::DeleteLine)]),
            bind(C::DeleteToEnd, Scope::Text, [edit(KeyPress::ctrl('k'), InputRequest::DeleteTillEnd)]),
            bind(C::PutBack, Scope::Text, [edit(KeyPress::ctrl('y'), InputRequest::Yank)]),
            // Typing a filter.
            bind(C::Back, Scope::Filter, [(plain(K::Esc), A::Back)]),
            bind(C::Activate, Scope::Filter, [(plain(K::Enter), A::Activate)]),
            bind(C::Move, Scope::Filter, [(plain(K::Down), A::Down)]),
            // Panels and questions over the screen.
            bind(C::Back, Scope::Overlay, [(plain(K::Esc), A::Back)]),
            bind(C::Activate, Scope::Overlay, [(plain(K::Enter), A::Activate)]),
            bind(C::Move, Scope::Panel, [(plain(K::Up), A::Up), (plain(K::Down), A::Down)]),
            bind(C::Jump, Scope::Panel, [(plain(K::PageUp), A::PageUp), (plain(K::PageDown), A::PageDown)]),
            bind(C::CompletePath, Scope::PathPrompt, [(plain(K::Tab), A::Next)]),
            bind(C::Move, Scope::PathPrompt, [(plain(K::Up), A::Up), (plain(K::Down), A::Down)]),
            bind(C::SaveAndQuit, Scope::ConfirmQuit, answer('s')),
            bind(C::QuitWithoutSaving, Scope::ConfirmQuit, answer('q')),
            bind(C::Yes, Scope::Question, answer('y')),
            bind(C::No, Scope::Question, answer('n')),
            bind(C::Overwrite, Scope::DiskChanged, answer('o')),
            bind(C::SaveElsewhere, Scope::DiskChanged, answer('s')),
            bind(C::Reload, Scope::DiskChanged, answer('r')),
            bind(C::NewCredentials, Scope::ProbeResult, answer('c')),
        ];
        KeyTable::from_rows(bindings)
    }
}

/// The digit that goes to a step: its number in the step list.
fn step_digit(step: Step) -> char {
    char::from_digit(u32::try_from(step.index() + 1).unwrap_or(0), 10).unwrap_or('0')
}
