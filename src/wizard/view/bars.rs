//! The title line, the status line, the focused field's help, and the key-hint bar.

use super::super::app::App;
use super::super::editor::TextBox;
use super::super::form::Row;
use super::super::help_text::help;
use super::super::overlay::Overlay;
use super::super::step::{Page, Step};
use super::form::focused_problem;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

/// `integration-wizard — path ● modified`.
pub fn render_title(app: &App, frame: &mut Frame, area: Rect) {
    let path = app
        .doc
        .path
        .as_ref()
        .map_or_else(|| "new manifest (not saved yet)".to_owned(), |path| path.display().to_string());
    let mut spans = vec![
        Span::styled(" integration-wizard ", app.theme.title()),
        Span::raw(format!("— {}", super::super::display::one_line(&path))),
    ];
    if app.doc.modified {
        spans.push(Span::styled("  ● modified", app.theme.warning()));
    }
    frame.render_widget(Line::from(spans), area);
}

/// The last message, if any.
pub fn render_status(app: &App, frame: &mut Frame, area: Rect) {
    if let Some(status) = &app.status {
        let text = super::super::display::one_line(status).into_owned();
        let inside = Rect { x: area.x + 1, width: area.width.saturating_sub(1), ..area };
        frame.render_widget(Paragraph::new(text).style(app.theme.ok()).wrap(Wrap { trim: true }), inside);
    }
}

/// The focused field's problem (in full) and its help text from the seed page.
pub fn render_help(app: &App, frame: &mut Frame, area: Rect) {
    let Some(row) = app.focused_row() else { return };
    let mut lines = Vec::new();
    if let Some(problem) = focused_problem(app) {
        lines.push(super::form::diagnostic_line(app, problem));
    }
    let key = row.help_key(&app.doc.manifest);
    let text = match row {
        Row::Finding(_) => "Enter jumps to the field with this problem.",
        _ => help(&key),
    };
    lines.push(Line::styled(text, app.theme.dim()));
    let inside = Rect { x: area.x + 1, width: area.width.saturating_sub(1), ..area };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inside);
}

/// The keys that do something here, as many as fit (`?` lists them all).
pub fn render_hints(app: &App, frame: &mut Frame, area: Rect) {
    let mut hints = hints(app);
    let width = |hints: &[(&str, &str)]| hints.iter().map(|(key, what)| key.width() + what.width() + 3).sum::<usize>();
    while hints.len() > 2 && width(&hints) > usize::from(area.width) {
        hints.remove(hints.len() - 2);
    }
    let mut spans = Vec::new();
    for (key, what) in hints {
        spans.push(Span::styled(format!(" {key}"), app.theme.key()));
        spans.push(Span::raw(format!(" {what} ")));
    }
    frame.render_widget(Line::from(spans), area);
}

fn hints(app: &App) -> Vec<(&'static str, &'static str)> {
    if let Some(overlay) = &app.overlay {
        return match overlay {
            Overlay::Help => vec![("Esc", "close")],
            Overlay::ConfirmQuit => vec![("s", "save and quit"), ("q", "quit without saving"), ("Esc", "stay")],
            Overlay::ConfirmSave { .. } | Overlay::ConfirmDelete { .. } => vec![("y", "yes"), ("n", "no")],
            Overlay::Prompt { .. } => vec![("Enter", "confirm"), ("Esc", "cancel")],
            Overlay::DiskChanged { .. } => {
                vec![("o", "overwrite"), ("s", "save elsewhere"), ("r", "reload"), ("Esc", "later")]
            }
            Overlay::Recover { .. } => vec![("y", "recover"), ("n", "delete the draft")],
        };
    }
    match &app.editor {
        Some(editor) if matches!(editor.text, TextBox::Area(_)) => {
            return vec![("Enter", "new line"), ("Tab", "done"), ("Esc", "cancel"), ("Ctrl-S", "save")];
        }
        Some(_) if !app.completions().is_empty() => {
            return vec![("Tab", "complete"), ("↑↓", "choose"), ("Enter", "done"), ("Esc", "cancel")];
        }
        Some(_) => return vec![("Enter", "done"), ("Esc", "cancel"), ("Ctrl-S", "save")],
        None => {}
    }
    if app.filter.as_ref().is_some_and(|filter| filter.typing) {
        return vec![("type", "to filter"), ("Enter", "keep the filter"), ("Esc", "clear it")];
    }
    let mut hints = match (app.page, app.focused_row()) {
        (Page::Step(Step::Review), Some(_)) => vec![("↑↓", "move"), ("Enter", "go to the field"), ("Ctrl-S", "save")],
        (Page::Step(Step::Review), None) => vec![("Ctrl-S", "save"), ("1-6", "steps")],
        (_, Some(Row::Item(..) | Row::Add(_))) => {
            vec![
                ("Enter", "open"),
                ("a", "add"),
                ("Del", "delete"),
                ("Shift-↑↓", "reorder"),
                ("c", "copy"),
                ("/", "filter"),
            ]
        }
        (_, Some(Row::SelectOption { .. } | Row::AddOption { .. })) => {
            vec![("Enter", "edit"), ("a", "add option"), ("Del", "delete"), ("Shift-↑↓", "reorder")]
        }
        (_, Some(Row::Provider(_))) => vec![("f", "set it to the integration's name"), ("↑↓", "move")],
        (_, Some(Row::Toggle { .. } | Row::AuthType(_))) => vec![("Space", "choose"), ("↑↓", "move"), ("Tab", "next")],
        (_, Some(Row::Choice { .. })) => vec![("←→", "choose"), ("↑↓", "move"), ("Tab", "next")],
        _ => vec![("Enter", "edit"), ("↑↓", "move"), ("Tab", "next"), ("1-6", "steps")],
    };
    if app.can_go_back() {
        hints.push(("Esc", "back"));
    }
    hints.extend([("Ctrl-S", "save"), ("Ctrl-Q", "quit"), ("?", "keys")]);
    hints.dedup();
    hints
}
