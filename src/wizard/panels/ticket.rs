//! The ticket panel (SPEC §7 in the wizard): refused while the manifest has errors (Enter jumps to
//! the first), else a format, then a path, then (only if the file exists) whether to replace it. The
//! document is rendered here (pure); the loop writes its bytes (`Effect::WriteTicket`).

use super::{Panel, keys, panel_basics};
use crate::escape::one_line;
use crate::manifest::{Counts, to_json};
use crate::ticket::{self, Format};
use crate::wizard::action::{Action, TicketFailure};
use crate::wizard::app::{App, Effect};
use crate::wizard::keys::{Command as C, Scope};
use crate::wizard::path_list::{PathField, PathList};
use crate::wizard::view::bars::Hint;
use crate::wizard::view::panel;
use ratatui::Frame;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::path::{Path, PathBuf};

/// Where the ticket panel is.
#[derive(Debug, Clone)]
pub enum TicketPanel {
    /// The manifest has `errors` errors: Talkdesk would reject the document; Enter jumps to the first.
    Refused {
        /// How many errors.
        errors: usize,
    },
    /// Which format: the highlighted one of [`Format::ALL`].
    Format {
        /// The highlighted format's index.
        choice: usize,
    },
    /// Where to write the document of `format`.
    Path {
        /// The format chosen.
        format: Format,
        /// The path typed, with its list.
        input: PathField,
    },
    /// Being written to `path` by the loop.
    Writing {
        /// The format chosen.
        format: Format,
        /// Where.
        path: PathBuf,
    },
    /// `path` exists: replace it?
    Exists {
        /// The format chosen.
        format: Format,
        /// The existing file.
        path: PathBuf,
    },
}

impl TicketPanel {
    /// The format step, Markdown highlighted.
    pub fn choose_format() -> TicketPanel {
        TicketPanel::Format { choice: 0 }
    }

    /// The path step with its default filled in.
    pub fn path(format: Format, manifest: Option<&Path>, file_name: &str) -> TicketPanel {
        TicketPanel::Path {
            format,
            input: PathField::new(default_path(format, manifest, file_name).display().to_string()),
        }
    }
}

/// The answer key of each format in the format step.
pub(crate) fn format_key(format: Format) -> char {
    match format {
        Format::Markdown => 'm',
        Format::Spreadsheet => 's',
        Format::Html => 'h',
    }
}

/// `<name>-ticket.<extension>` beside the manifest, or in the current folder for a manifest never
/// saved (`file_name` is then the name it would be saved as).
pub(crate) fn default_path(format: Format, manifest: Option<&Path>, file_name: &str) -> PathBuf {
    match manifest {
        Some(path) => format.default_path(path),
        None => format.default_path(Path::new(file_name)),
    }
}

/// Opens the ticket panel: the format question, or the refusal while errors remain.
pub(crate) fn open(app: &mut App) {
    let errors = Counts::of(app.doc.diagnostics()).errors;
    app.open(if errors > 0 { TicketPanel::Refused { errors } } else { TicketPanel::choose_format() });
}

impl Panel for TicketPanel {
    fn update(self: Box<Self>, action: Action, app: &mut App, effects: &mut Vec<Effect>) {
        match (*self, action) {
            (TicketPanel::Refused { .. }, Action::Activate) => app.jump_to_first_error(),
            (_, Action::Back) => app.status = Some("the ticket document was not written".into()),
            (TicketPanel::Format { choice }, action @ (Action::Up | Action::Down)) => {
                let count = Format::ALL.len();
                let choice = if action == Action::Up { (choice + count - 1) % count } else { (choice + 1) % count };
                app.open(TicketPanel::Format { choice });
            }
            (TicketPanel::Format { choice }, Action::Activate) => {
                choose_format(app, Format::ALL.get(choice).copied().unwrap_or(Format::Markdown))
            }
            (TicketPanel::Format { choice }, Action::Answer(c)) => {
                match Format::ALL.into_iter().find(|format| format_key(*format) == c) {
                    Some(format) => choose_format(app, format),
                    None => app.open(TicketPanel::Format { choice }),
                }
            }
            (TicketPanel::Path { format, input }, Action::Activate) => {
                let text = input.value().trim().to_owned();
                if text.is_empty() {
                    app.status = Some("type the path of the document, or Esc to cancel".into());
                    app.open(TicketPanel::Path { format, input });
                } else {
                    write(app, format, PathBuf::from(text), false, input.list, effects);
                }
            }
            (TicketPanel::Path { format, mut input }, Action::Edit(request)) => {
                let changed = input.input.handle(request).is_some_and(|change| change.value);
                app.open(TicketPanel::Path { format, input });
                if changed {
                    app.path_typed(effects);
                }
            }
            (panel @ TicketPanel::Path { .. }, Action::Next) => {
                app.open(panel);
                app.complete_path(effects);
            }
            (panel @ TicketPanel::Path { .. }, action @ (Action::Up | Action::Down)) => {
                app.open(panel);
                app.pick_path(action == Action::Down);
            }
            (TicketPanel::Path { format, mut input }, Action::Paste(text)) => {
                for c in text.chars().filter(|c| !c.is_control()) {
                    input.input.handle(tui_input::InputRequest::InsertChar(c));
                }
                app.open(TicketPanel::Path { format, input });
            }
            (TicketPanel::Exists { format, path }, Action::Answer('y')) => {
                write(app, format, path, true, None, effects)
            }
            (TicketPanel::Exists { format, path }, Action::Answer('n')) => {
                let input = PathField::new(path.display().to_string());
                app.status = Some(format!("{} was kept; choose another path", path.display()));
                app.open(TicketPanel::Path { format, input });
            }
            (panel, _) => app.open(panel),
        }
    }

    fn scopes(&self) -> &'static [Scope] {
        match self {
            TicketPanel::Format { .. } => &[Scope::Panel],
            TicketPanel::Exists { .. } => &[Scope::Question],
            TicketPanel::Path { .. } => &[Scope::PathPrompt],
            TicketPanel::Refused { .. } | TicketPanel::Writing { .. } => &[],
        }
    }

    fn hints(&self, _app: &App) -> Vec<(Hint, &'static str)> {
        match self {
            TicketPanel::Refused { .. } => keys(&[(C::Activate, "go to the first error"), (C::Back, "close")]),
            TicketPanel::Format { .. } => keys(&[(C::Move, "choose"), (C::Activate, "next"), (C::Back, "cancel")]),
            TicketPanel::Exists { .. } => keys(&[(C::Yes, "replace it"), (C::No, "another path")]),
            TicketPanel::Path { .. } => {
                keys(&[(C::Activate, "write"), (C::CompletePath, "complete"), (C::Back, "cancel")])
            }
            TicketPanel::Writing { .. } => keys(&[(C::Activate, "write"), (C::Back, "cancel")]),
        }
    }

    fn render(&self, app: &App, frame: &mut Frame) {
        render(app, self, frame);
    }

    fn takes_text(&self) -> bool {
        matches!(self, TicketPanel::Path { .. })
    }

    fn path_field(&self) -> Option<&PathField> {
        match self {
            TicketPanel::Path { input, .. } => Some(input),
            _ => None,
        }
    }

    fn path_field_mut(&mut self) -> Option<&mut PathField> {
        match self {
            TicketPanel::Path { input, .. } => Some(input),
            _ => None,
        }
    }

    panel_basics!();
}

fn choose_format(app: &mut App, format: Format) {
    let file_name = manifest_file_name(app);
    app.open(TicketPanel::path(format, app.doc.path.as_deref(), &file_name));
}

/// The manifest's file name, as the document's header names it: the file's, or the one it would be saved as.
fn manifest_file_name(app: &App) -> String {
    app.doc
        .path
        .as_ref()
        .and_then(|path| path.file_name())
        .map_or_else(|| app.doc.default_file_name(), |name| name.to_string_lossy().into_owned())
}

/// Renders the document (pure) and asks the loop to write it; a path refused goes back to the
/// prompt with `list`, the list it was typed with.
fn write(
    app: &mut App,
    format: Format,
    path: PathBuf,
    overwrite: bool,
    list: Option<Box<PathList>>,
    effects: &mut Vec<Effect>,
) {
    // The name must say what the file holds: Talkdesk's support opens an attachment by its extension.
    if let Some(problem) = extension_problem(&path, format) {
        app.status = Some(problem);
        let input = PathField { list, ..PathField::new(path.display().to_string()) };
        app.open(TicketPanel::Path { format, input });
        return;
    }
    let contents = to_json(&app.doc.manifest);
    match ticket::render(&app.doc.manifest, &manifest_file_name(app), contents.as_bytes(), format) {
        Ok(bytes) => {
            // Kept open until the loop answers: an existing file turns it into the question.
            app.open(TicketPanel::Writing { format, path: path.clone() });
            effects.push(Effect::WriteTicket { path, bytes, overwrite });
        }
        Err(error) => {
            app.status = Some(format!("the ticket document was not written: {error}"));
            let input = PathField { list, ..PathField::new(path.display().to_string()) };
            app.open(TicketPanel::Path { format, input });
        }
    }
}

/// The loop wrote the document (or could not): the panel closes with a message, asks whether to
/// replace an existing file, or goes back to the path.
pub(crate) fn written(app: &mut App, path: PathBuf, result: Result<(), TicketFailure>) {
    let format = match app.panel_as::<TicketPanel>() {
        Some(TicketPanel::Writing { format, .. }) => *format,
        _ => Format::from_path(&path).unwrap_or(Format::Markdown),
    };
    match result {
        Ok(()) => {
            app.close_panel();
            let unsaved = if app.doc.modified { " (from your unsaved changes: save the manifest too)" } else { "" };
            app.status = Some(format!("wrote the ticket document {} ({}){unsaved}", path.display(), format.label()));
        }
        Err(TicketFailure::Exists) => app.open(TicketPanel::Exists { format, path }),
        Err(TicketFailure::Failed(message)) => {
            app.status = Some(format!("the ticket document was not written: {message}"));
            let input = PathField::new(path.display().to_string());
            app.open(TicketPanel::Path { format, input });
        }
    }
}

/// What is wrong with writing the `format` document at `path`: a name ending in another format's
/// extension, or in none of them (a `.docx` holding Markdown would not open where it is attached).
fn extension_problem(path: &std::path::Path, format: Format) -> Option<String> {
    let wanted = format!(".{}", format.extension());
    let shown = one_line(&path.display().to_string()).into_owned();
    match Format::from_path(path) {
        Some(named) if named == format => None,
        Some(named) => Some(format!(
            "{shown} ends in .{}, the {} document, but you chose the {}: end the name with {wanted}, or Esc and choose {}",
            named.extension(),
            named.label(),
            format.label(),
            named.label()
        )),
        None => Some(format!(
            "{shown} does not end with {wanted}: a {} document is opened by its extension, so end the name with {wanted}",
            format.label()
        )),
    }
}

/// Draws the ticket panel centred over the screen.
fn render(app: &App, panel: &TicketPanel, frame: &mut Frame) {
    let theme = app.theme;
    let key = |key: &str| Span::styled(format!(" {key} "), theme.key());
    let mut lines = Vec::new();
    let mut input_at = None;
    match panel {
        TicketPanel::Refused { errors } => {
            lines.push(Line::styled(format!("The manifest has {errors} error(s)."), theme.error()));
            lines.push(Line::raw(
                "They must be fixed first: the document is what Talkdesk will configure, and Talkdesk would reject it.",
            ));
            lines.push(Line::raw(""));
            lines.push(Line::from(vec![
                key("Enter"),
                Span::raw("go to the first error   "),
                key("Esc"),
                Span::raw("close"),
            ]));
        }
        TicketPanel::Format { choice } => {
            lines.push(Line::raw("The document to attach to Talkdesk's \"Activate Custom Integration\" ticket, as:"));
            lines.push(Line::raw(""));
            for (index, format) in Format::ALL.into_iter().enumerate() {
                let marker = if index == *choice { "›" } else { " " };
                let text = format!("{marker} {} (.{})", format.label(), format.extension());
                let style = if index == *choice { theme.focus() } else { ratatui::style::Style::default() };
                lines.push(Line::from(vec![key(&format_key(format).to_string()), Span::styled(text, style)]));
            }
            lines.push(Line::raw(""));
            let warnings = crate::manifest::Counts::of(app.doc.diagnostics()).warnings;
            if warnings > 0 {
                // They do not stop the document, but what goes to Talkdesk should not carry them unseen.
                lines.push(Line::styled(
                    format!("The manifest has {warnings} warning(s): Review & save lists them."),
                    theme.warning(),
                ));
            }
            lines.push(Line::styled("↑↓ choose, Enter next, Esc cancel", theme.dim()));
        }
        TicketPanel::Path { format, .. } => {
            lines.push(Line::raw(format!("Write the {} document to:", format.label())));
            input_at = Some(lines.len());
            lines.push(Line::raw(""));
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                "Enter writes (an existing file is never replaced without asking), Esc cancels. A relative path is relative to the folder you started in.",
                theme.dim(),
            ));
        }
        TicketPanel::Writing { path, .. } => {
            lines.push(Line::raw(format!("writing {}…", one_line(&path.display().to_string()))))
        }
        TicketPanel::Exists { path, .. } => {
            lines.push(Line::raw(format!("{} already exists.", one_line(&path.display().to_string()))));
            lines.push(Line::raw(""));
            lines.push(Line::from(vec![
                key("y"),
                Span::raw("replace it   "),
                key("n"),
                Span::raw("choose another path"),
            ]));
        }
    }
    // The lines before the path are short, so `input_at` is also its row once the panel wraps them.
    let area = panel::panel(frame, theme, "Ticket document", lines, 0);
    if let (Some(row), TicketPanel::Path { input: PathField { input, .. }, .. }) = (input_at, panel) {
        let inner = area.inner(Margin::new(1, 1));
        let line = Rect { y: inner.y + u16::try_from(row).unwrap_or(0), height: 1, ..inner };
        let width = usize::from(line.width.saturating_sub(1));
        let scroll = input.visual_scroll(width);
        let shown: String = one_line(input.value()).chars().skip(scroll).collect();
        frame.render_widget(Paragraph::new(shown).style(theme.focus()), line);
        let cursor = u16::try_from(input.visual_cursor().saturating_sub(scroll)).unwrap_or(0);
        frame.set_cursor_position(Position::new(line.x + cursor.min(line.width.saturating_sub(1)), line.y));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_path_follows_the_format_and_the_manifest() {
        let beside = default_path(Format::Spreadsheet, Some(Path::new("work/mycrm.json")), "ignored.json");
        assert_eq!(beside, Path::new("work/mycrm-ticket.xlsx"));
        assert_eq!(default_path(Format::Html, None, "mycrm.json"), Path::new("mycrm-ticket.html"));
    }
}
