//! The title line, the status line, the focused field's help, and the key-hint bar.

use super::super::app::App;
use super::super::editor::TextBox;
use super::super::form::Row;
use super::super::help_text::help;
use super::super::step::{Page, Step};
use super::form::focused_problem;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

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
        frame
            .render_widget(Line::styled(format!(" {}", super::super::display::one_line(status)), app.theme.ok()), area);
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
    lines.push(Line::styled(format!(" {text}"), app.theme.dim()));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}

/// The keys that do something here.
pub fn render_hints(app: &App, frame: &mut Frame, area: Rect) {
    let hints: &[(&str, &str)] = match &app.editor {
        Some(editor) if matches!(editor.text, TextBox::Area(_)) => {
            &[("Enter", "new line"), ("Tab", "done"), ("Esc", "cancel"), ("Ctrl-S", "save")]
        }
        Some(_) if !app.completions().is_empty() => {
            &[("Tab", "complete"), ("↑↓", "choose"), ("Enter", "done"), ("Esc", "cancel")]
        }
        Some(_) => &[("Enter", "done"), ("Esc", "cancel"), ("Ctrl-S", "save")],
        None if app.filter.as_ref().is_some_and(|filter| filter.typing) => {
            &[("type", "to filter"), ("Enter", "keep the filter"), ("Esc", "clear it")]
        }
        None => match (app.page, app.focused_row()) {
            (Page::Step(Step::Review), _) => &[
                ("↑↓", "move"),
                ("Enter", "go to field"),
                ("Ctrl-S", "save"),
                ("1-6", "steps"),
                ("?", "keys"),
                ("Ctrl-Q", "quit"),
            ],
            (_, Some(Row::Item(..) | Row::Add(_))) => &[
                ("Enter", "open"),
                ("a", "add"),
                ("c", "copy"),
                ("Del", "delete"),
                ("Shift-↑↓", "reorder"),
                ("/", "filter"),
                ("Esc", "back"),
                ("?", "keys"),
            ],
            (_, Some(Row::SelectOption { .. } | Row::AddOption { .. })) => {
                &[("Enter", "edit"), ("a", "add option"), ("Del", "delete"), ("Shift-↑↓", "reorder"), ("Esc", "back")]
            }
            (_, Some(Row::Provider(_))) => {
                &[("f", "set it to the integration's name"), ("↑↓", "move"), ("Esc", "back")]
            }
            (_, Some(Row::Toggle { .. } | Row::AuthType(_))) => &[
                ("↑↓", "move"),
                ("Space", "choose"),
                ("Tab", "next"),
                ("1-6", "steps"),
                ("Ctrl-S", "save"),
                ("?", "keys"),
            ],
            (_, Some(Row::Choice { .. })) => {
                &[("←→", "choose"), ("↑↓", "move"), ("Tab", "next"), ("Ctrl-S", "save"), ("?", "keys")]
            }
            _ => &[
                ("↑↓", "move"),
                ("Enter", "edit"),
                ("Tab", "next"),
                ("1-6", "steps"),
                ("Ctrl-S", "save"),
                ("?", "keys"),
                ("Ctrl-Q", "quit"),
            ],
        },
    };
    let mut spans = Vec::new();
    for (key, what) in hints {
        spans.push(Span::styled(format!(" {key}"), app.theme.key()));
        spans.push(Span::raw(format!(" {what} ")));
    }
    frame.render_widget(Line::from(spans), area);
}
