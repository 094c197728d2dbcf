//! The title line, the status line, the focused field's help, and the key-hint bar.

use super::super::app::{App, Mode};
use super::super::editor::{Editor, TextBox};
use super::super::form::Row;
use super::super::keys::{Command, on_text_field, scopes};
use super::super::layout;
use super::super::steps::{Page, Step};
use crate::manifest::Severity;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// `integration-wizard — path ● modified`.
pub(crate) fn render_title(app: &App, frame: &mut Frame, area: Rect) {
    let path = app
        .doc
        .path
        .as_ref()
        .map_or_else(|| "new manifest (not saved yet)".to_owned(), |path| path.display().to_string());
    let mut spans = vec![
        Span::styled(" integration-wizard ", app.theme.title()),
        Span::raw(format!("— {}", crate::escape::one_line(&path))),
    ];
    if app.doc.modified {
        spans.push(Span::styled("  ● modified", app.theme.warning()));
    }
    frame.render_widget(Line::from(spans), area);
}

/// The last message, if any, wrapped to the width (the layout gave it the lines it needs).
pub(crate) fn render_status(app: &App, frame: &mut Frame, area: Rect) {
    if let Some(status) = &app.status {
        let inside = Rect { x: area.x + 1, width: area.width.saturating_sub(1), ..area };
        let lines: Vec<Line> = layout::status_lines(status, inside.width).into_iter().map(Line::raw).collect();
        frame.render_widget(Paragraph::new(lines).style(app.theme.ok()), inside);
    }
}

/// The focused field's problem (in full) and its help text from the seed page, wrapped to the width.
pub(crate) fn render_help(app: &App, frame: &mut Frame, area: Rect) {
    let inside = Rect { x: area.x + 1, width: area.width.saturating_sub(1), ..area };
    let lines: Vec<Line> = layout::help_lines(app, inside.width)
        .into_iter()
        .map(|line| {
            let style = match line.severity {
                Some(Severity::Error) => app.theme.error(),
                Some(Severity::Warning) => app.theme.warning(),
                None => app.theme.dim(),
            };
            Line::styled(line.text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inside);
}

/// The keys that do something here, on the lines the layout gave them (`?` lists them all).
pub(crate) fn render_hints(app: &App, frame: &mut Frame, area: Rect) {
    let lines: Vec<Line> = hint_lines(app, area.width)
        .into_iter()
        .map(|hints| {
            let mut spans = Vec::new();
            for (key, what) in hints {
                spans.push(Span::styled(format!(" {key}"), app.theme.key()));
                spans.push(Span::raw(format!(" {what} ")));
            }
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The most lines the hint bar takes: a second one on a narrow screen rather than dropping undo or quit.
const MAX_HINT_LINES: usize = 2;

/// The hints shown at `width`, as lines of `(key, what)`: on one line when they fit, else on up to
/// [`MAX_HINT_LINES`]; when even those are too few, the hint least worth keeping goes first (the later
/// one of equals); the last, the keys panel that lists them all, always stays.
pub(crate) fn hint_lines(app: &App, width: u16) -> Vec<Vec<(String, &'static str)>> {
    // What has the keys is asked once, not per hint: the layout measures this bar several times a keystroke.
    let scopes = scopes(app);
    let mut hints: Vec<(String, &str, u8)> = hints(app)
        .into_iter()
        .map(|(hint, what)| match hint {
            Hint::Key(command) => (app.keys.hint_key_in(command, &scopes), what, keep_rank(command)),
            Hint::Typing => ("type".to_owned(), what, KEEP_MOST),
        })
        .collect();
    hints.dedup();
    let width = usize::from(width);
    while hints.len() > 2 && fill(&hints, width).len() > MAX_HINT_LINES {
        let last = hints.len() - 1;
        let Some(drop) = (0..last).rev().min_by_key(|&index| hints[index].2) else { break };
        hints.remove(drop);
    }
    let lines = fill(&hints, width);
    let mut hints = hints.into_iter().map(|(key, what, _)| (key, what));
    lines.into_iter().map(|count| hints.by_ref().take(count).collect()).collect()
}

/// How many hints each line takes when laid out in order at `width` (each ` key what `).
fn fill(hints: &[(String, &str, u8)], width: usize) -> Vec<usize> {
    let mut lines: Vec<usize> = Vec::new();
    let mut used = width;
    for (key, what, _) in hints {
        let wide = key.width() + what.width() + 3;
        if used + wide > width || lines.is_empty() {
            lines.push(0);
            used = 0;
        }
        used += wide;
        if let Some(count) = lines.last_mut() {
            *count += 1;
        }
    }
    lines
}

/// How much a hint is worth keeping on a narrow screen: what the focused row does comes first, then
/// quitting, saving, undo, the preview and trying an endpoint (a newcomer looks for these); moving,
/// going to a step and a list's lesser commands go first (the keys panel names them all).
fn keep_rank(command: Command) -> u8 {
    match command {
        Command::Filter => 0,
        Command::Duplicate => 1,
        Command::Reorder => 2,
        Command::GoToStep => 3,
        Command::Move => 4,
        Command::NextField => 5,
        Command::Redo => 6,
        Command::Back => 7,
        Command::TryIt => 8,
        Command::TogglePreview => 9,
        Command::Undo => 10,
        Command::Save => 11,
        Command::Quit => 12,
        _ => KEEP_MOST,
    }
}

/// The rank of the hints about the focused row itself.
const KEEP_MOST: u8 = 13;

/// What a hint names: a command of the key table (its key is read from the table), or typing itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// A command, shown with its key.
    Key(Command),
    /// Typing on the focused field.
    Typing,
}

/// The hints for the state `app` is in, with the word each says here; their keys come from the key table.
pub fn hints(app: &App) -> Vec<(Hint, &'static str)> {
    match app.mode() {
        Mode::Panel(panel, _) => panel.hints(app),
        Mode::Start => start_hints(app),
        Mode::Filtering => {
            let mut hints = vec![(Hint::Typing, "to filter")];
            hints.extend(key(&[(Command::Activate, "keep the filter"), (Command::Back, "clear it")]));
            hints
        }
        Mode::Editing(editor) => editor_hints(app, editor),
        Mode::Browse => page_hints(app),
    }
}

/// The keys of an open editor: several lines take Enter as a new line; completions take the arrows.
fn editor_hints(app: &App, editor: &Editor) -> Vec<(Hint, &'static str)> {
    use Command as C;
    if matches!(editor.text, TextBox::Area(_)) {
        key(&[
            (C::Finish, "done"),
            (C::Newline, "new line"),
            (C::Back, "cancel"),
            (C::ExternalEditor, "your editor"),
            (C::Save, "save"),
        ])
    } else if !app.completions().is_empty() {
        key(&[(C::Complete, "complete"), (C::Move, "choose"), (C::Finish, "done"), (C::Back, "cancel")])
    } else {
        key(&[(C::Finish, "done"), (C::Back, "cancel"), (C::Save, "save")])
    }
}

/// The hints as `(command, what)` pairs, each command's key read from the table when drawn.
fn key(pairs: &[(Command, &'static str)]) -> Vec<(Hint, &'static str)> {
    pairs.iter().map(|(command, what)| (Hint::Key(*command), *what)).collect()
}

/// The start screen's keys: a draft entry can be deleted.
fn start_hints(app: &App) -> Vec<(Hint, &'static str)> {
    use Command as C;
    if matches!(app.start.items.get(app.start.focus), Some(crate::wizard::app::StartItem::Draft(..))) {
        return key(&[
            (C::Move, "move"),
            (C::Activate, "recover"),
            (C::Delete, "delete the draft"),
            (C::Help, "keys"),
            (C::Quit, "quit"),
        ]);
    }
    key(&[(C::Move, "move"), (C::Activate, "choose"), (C::Help, "keys"), (C::Quit, "quit")])
}

/// What the focused row of a step's page does, then the page's and the wizard's commands.
fn page_hints(app: &App) -> Vec<(Hint, &'static str)> {
    use Command as C;
    let mut hints: Vec<(Hint, &'static str)> = match (app.page, app.focused_row()) {
        // Ctrl-S save ends every page's hints (below), the review's too.
        (Page::Step(Step::Review), Some(_)) => {
            key(&[(C::Move, "move"), (C::Activate, "go to the field"), (C::WriteTicket, "ticket document")])
        }
        (Page::Step(Step::Review), None) => key(&[(C::WriteTicket, "ticket document"), (C::GoToStep, "steps")]),
        // Typing on an add row adds an element, starting its first field.
        (_, Some(Row::Add(_))) => {
            let mut hints = vec![(Hint::Typing, "to add")];
            hints.extend(key(&[
                (C::Activate, "add"),
                (C::Move, "move"),
                (C::NextField, "next"),
                (C::GoToStep, "steps"),
            ]));
            hints
        }
        (_, Some(Row::AddOption { .. })) => {
            let mut hints = vec![(Hint::Typing, "to add")];
            hints.extend(key(&[(C::Activate, "add"), (C::Move, "move")]));
            hints
        }
        (_, Some(Row::Item(..))) => key(&[
            (C::Activate, "open"),
            (C::Add, "add"),
            (C::Delete, "delete"),
            (C::Reorder, "reorder"),
            (C::Duplicate, "copy"),
            (C::Filter, "filter"),
        ]),
        (_, Some(Row::SelectOption { .. })) => {
            key(&[(C::Activate, "edit"), (C::Add, "add option"), (C::Delete, "delete"), (C::Reorder, "reorder")])
        }
        (_, Some(Row::Kept { .. })) => key(&[(C::Move, "move"), (C::NextField, "next")]),
        (_, Some(Row::Provider(_))) => key(&[(C::QuickFix, "set it to the integration's name"), (C::Move, "move")]),
        // Enter keeps what a yes/no or choice shows and goes on to the next field to fill.
        (_, Some(Row::Toggle { .. })) => {
            key(&[(C::Toggle, "choose"), (C::Activate, "keep"), (C::Move, "move"), (C::NextField, "next")])
        }
        (_, Some(Row::AuthType(_))) => {
            key(&[(C::Toggle, "choose"), (C::Activate, "choose and go on"), (C::Move, "move"), (C::NextField, "next")])
        }
        (_, Some(Row::Choice { .. })) => {
            key(&[(C::Cycle, "choose"), (C::Activate, "keep"), (C::Move, "move"), (C::NextField, "next")])
        }
        _ if on_text_field(app) => {
            let mut hints = vec![(Hint::Typing, "to replace")];
            hints.extend(key(&[(C::Activate, "edit"), (C::Move, "move"), (C::GoToStep, "steps")]));
            hints
        }
        _ => key(&[(C::Activate, "edit"), (C::Move, "move"), (C::NextField, "next"), (C::GoToStep, "steps")]),
    };
    if app.pending.mask.is_some() {
        hints.insert(0, (Hint::Key(C::QuickFix), "make it a password"));
    }
    if !app.pending.removable.is_empty() {
        hints.insert(0, (Hint::Key(C::RemoveUnrequired), "remove unneeded fields"));
    }
    if app.try_target().is_some() {
        hints.insert(0, (Hint::Key(C::TryIt), "try it"));
    }
    if app.can_go_back() {
        hints.push((Hint::Key(C::Back), "back"));
    }
    let (undo, redo) = app.doc.history.counts();
    if undo > 0 {
        hints.push((Hint::Key(C::Undo), "undo"));
    }
    if redo > 0 {
        hints.push((Hint::Key(C::Redo), "redo"));
    }
    if app.size.0 < crate::wizard::layout::WIDE {
        hints.push((Hint::Key(C::TogglePreview), if app.preview_on_narrow { "hide JSON" } else { "JSON preview" }));
    }
    hints.extend(key(&[(C::Save, "save"), (C::Quit, "quit"), (C::Help, "keys")]));
    hints
}
