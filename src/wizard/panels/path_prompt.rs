//! A path prompt (open a manifest, save as): the typed path, what Tab found, and the folder's JSON
//! files (manifests first) to pick from with the arrows. Completion and the list are `app/prompt.rs`'s,
//! shared with the ticket panel's path; the loop reads the folder (`Effect::ReadFolder`).

use super::{Panel, keys, panel_basics};
use crate::escape::one_line;
use crate::wizard::action::Action;
use crate::wizard::app::{App, Effect};
use crate::wizard::display::fit;
use crate::wizard::keys::{Command as C, Scope};
use crate::wizard::path_list::{PathField, split};
use crate::wizard::view::bars::Hint;
use crate::wizard::view::panel::centered;
use ratatui::Frame;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use std::path::PathBuf;
use tui_input::Input;

/// What a path prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptPurpose {
    /// Where to save a manifest that has no path yet.
    SaveAs,
    /// Which manifest to open from the start screen.
    Open,
}

impl PromptPurpose {
    /// The prompt's title.
    pub fn title(self) -> &'static str {
        match self {
            PromptPurpose::SaveAs => "Save as",
            PromptPurpose::Open => "Open a manifest",
        }
    }
}

/// A path typed by the author.
#[derive(Debug, Clone)]
pub struct PathPrompt {
    /// What the path is for.
    pub purpose: PromptPurpose,
    /// The path typed, with its list.
    pub input: PathField,
}

impl Panel for PathPrompt {
    fn update(mut self: Box<Self>, action: Action, app: &mut App, effects: &mut Vec<Effect>) {
        match action {
            Action::Activate => answer(*self, app, effects),
            Action::Next => {
                app.open_boxed(self);
                app.complete_path(effects);
            }
            Action::Up | Action::Down => {
                app.open_boxed(self);
                app.pick_path(action == Action::Down);
            }
            Action::Back => {}
            Action::Edit(request) => {
                let input = &mut self.input;
                // A suggested name is replaced by what is typed first, as typing replaces a field's value.
                if std::mem::take(&mut input.suggested)
                    && let tui_input::InputRequest::InsertChar(_) = request
                {
                    input.input = Input::default();
                }
                let changed = input.input.handle(request).is_some_and(|change| change.value);
                app.open_boxed(self);
                if changed {
                    app.path_typed(effects);
                }
            }
            Action::Paste(text) => {
                let input = &mut self.input;
                if std::mem::take(&mut input.suggested) {
                    input.input = Input::default();
                }
                for c in text.chars().filter(|c| !c.is_control()) {
                    input.input.handle(tui_input::InputRequest::InsertChar(c));
                }
                app.open_boxed(self);
                app.path_typed(effects);
            }
            _ => app.open_boxed(self),
        }
    }

    fn scopes(&self) -> &'static [Scope] {
        &[Scope::PathPrompt]
    }

    fn hints(&self, _app: &App) -> Vec<(Hint, &'static str)> {
        if self.input.list.as_ref().is_some_and(|list| !list.shown.is_empty()) {
            keys(&[
                (C::Activate, "confirm"),
                (C::CompletePath, "complete"),
                (C::Move, "pick a file"),
                (C::Back, "cancel"),
            ])
        } else {
            keys(&[(C::Activate, "confirm"), (C::CompletePath, "complete"), (C::Back, "cancel")])
        }
    }

    fn render(&self, app: &App, frame: &mut Frame) {
        render(app, self.purpose, &self.input, frame);
    }

    fn takes_text(&self) -> bool {
        true
    }

    fn path_field(&self) -> Option<&PathField> {
        Some(&self.input)
    }

    fn path_field_mut(&mut self) -> Option<&mut PathField> {
        Some(&mut self.input)
    }

    panel_basics!();
}

/// Enter: opens or saves at the path typed; a folder is gone into, and an empty path is refused.
fn answer(prompt: PathPrompt, app: &mut App, effects: &mut Vec<Effect>) {
    let text = prompt.input.value().trim();
    if text.is_empty() {
        app.status = Some("type a path, or Esc to cancel".into());
        app.open(prompt);
        return;
    }
    let path = PathBuf::from(text);
    if prompt.purpose == PromptPurpose::Open && text.ends_with('/') {
        // A folder picked or completed is gone into (its files listed), not opened.
        app.open(prompt);
        app.path_typed(effects);
        return;
    }
    match prompt.purpose {
        PromptPurpose::SaveAs => app.confirm_and_save(path, effects),
        PromptPurpose::Open => effects.push(Effect::Open(path)),
    }
}

/// Lines of the panel besides the list: borders, the path, the note, two of help, a blank, the title.
const FIXED_LINES: u16 = 8;

/// Draws the prompt for `purpose` with `field`, centred on the screen.
fn render(app: &App, purpose: PromptPurpose, field: &PathField, frame: &mut Frame) {
    let screen = frame.area();
    let theme = app.theme;
    let list = field.list.as_deref();
    let input = &field.input;
    let shown = list.map_or(&[][..], |list| list.shown.as_slice());
    let has_list = list.is_some_and(|list| list.folder.is_some());
    let room = screen.height.saturating_sub(FIXED_LINES + 2);
    let rows = u16::try_from(shown.len()).unwrap_or(u16::MAX).clamp(1, room.max(1));
    let height = if has_list { FIXED_LINES + rows } else { 6 };
    let area = centered(screen, 70, height);
    frame.render_widget(Clear, area);
    frame.render_widget(Block::bordered().title(Span::styled(format!(" {} ", purpose.title()), theme.title())), area);
    let inner = area.inner(Margin::new(1, 1));
    let line = |offset: u16, lines: u16| Rect { y: inner.y + offset, height: lines, ..inner };
    let width = usize::from(inner.width.saturating_sub(1));
    let scroll = input.visual_scroll(width);
    let typed: String = one_line(input.value()).chars().skip(scroll).collect();
    frame.render_widget(Paragraph::new(typed).style(theme.focus()), line(0, 1));
    if let Some(note) = list.and_then(|list| list.note.as_deref()) {
        frame.render_widget(Paragraph::new(fit(note, width)).style(theme.warning()), line(1, 1));
    }
    let help = match purpose {
        PromptPurpose::Open => {
            "Tab completes, ↑↓ pick a file, Enter opens, Esc cancels. Relative paths start in the folder you started in."
        }
        PromptPurpose::SaveAs => {
            "Typing replaces the name, ← → edit it; Tab completes, Enter saves, Esc cancels. Relative to where you started."
        }
    };
    frame.render_widget(Paragraph::new(help).style(theme.dim()).wrap(Wrap { trim: true }), line(2, 2));
    if let Some(list) = list.filter(|_| has_list) {
        let (folder, _) = split(input.value());
        let place = if folder.is_empty() { "this folder".to_owned() } else { folder.to_owned() };
        let title = match (&list.error, list.matches_shown, shown.is_empty()) {
            (Some(error), _, _) => error.clone(),
            (None, true, _) => format!("names in {place} that match:"),
            (None, false, true) => format!("no JSON file in {place} starts with what is typed"),
            (None, false, false) => format!("JSON files in {place} (manifests first):"),
        };
        frame.render_widget(Paragraph::new(fit(&title, width)).style(theme.dim()), line(5, 1));
        let first = list.selected.map_or(0, |selected| selected.saturating_sub(usize::from(rows) - 1));
        for (at, entry) in shown.iter().enumerate().skip(first).take(usize::from(rows)) {
            let picked = list.selected == Some(at);
            let mark = if picked { "› " } else { "  " };
            let kind = if entry.manifest {
                "manifest"
            } else if entry.is_dir {
                "folder"
            } else {
                ""
            };
            let name = fit(&one_line(&entry.written()), width.saturating_sub(12));
            let text = format!("{mark}{name:<width$}{kind}", width = width.saturating_sub(12));
            let style = if picked { theme.focus() } else { ratatui::style::Style::default() };
            let y = 6 + u16::try_from(at - first).unwrap_or(0);
            frame.render_widget(Line::styled(text, style), line(y, 1));
        }
    }
    let cursor = u16::try_from(input.visual_cursor().saturating_sub(scroll)).unwrap_or(0);
    frame.set_cursor_position(Position::new(inner.x + cursor.min(inner.width.saturating_sub(1)), inner.y));
}
