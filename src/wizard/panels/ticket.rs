//! The ticket panel (SPEC §7 in the wizard): refused while the manifest has errors (Enter jumps to
//! the first), else a format, then a path, then (only if the file exists) whether to replace it, and
//! once written, the settings of Talkdesk's support form to open the ticket with. The document is
//! rendered here (pure); the loop writes its bytes (`Effect::WriteTicket`).
//!
//! A file opened in this run offers the update document ("Update Custom Integration": the changes
//! since it was opened, then the whole configuration), first when something changed; `a` and `u`
//! switch between it and the activation document.

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
        /// The update document rather than the activation one.
        update: bool,
    },
    /// Where to write the document of `format`.
    Path {
        /// The format chosen.
        format: Format,
        /// The path typed, with its list.
        input: PathField,
        /// The update document rather than the activation one.
        update: bool,
    },
    /// Being written to `path` by the loop.
    Writing {
        /// The format chosen.
        format: Format,
        /// Where.
        path: PathBuf,
        /// The update document rather than the activation one.
        update: bool,
    },
    /// `path` exists: replace it?
    Exists {
        /// The format chosen.
        format: Format,
        /// The existing file.
        path: PathBuf,
        /// The update document rather than the activation one.
        update: bool,
    },
    /// Written to `path`: the settings of Talkdesk's support form to open the ticket with, to read and copy.
    Written {
        /// The format written.
        format: Format,
        /// Where.
        path: PathBuf,
        /// The ticket's subject: the document's title.
        title: &'static str,
    },
}

impl TicketPanel {
    /// The format step, Markdown highlighted, for the update document or the activation one.
    pub fn choose_format(update: bool) -> TicketPanel {
        TicketPanel::Format { choice: 0, update }
    }

    /// The path step with its default filled in.
    pub fn path(format: Format, manifest: Option<&Path>, file_name: &str, update: bool) -> TicketPanel {
        let path = default_path(format, manifest, file_name, update);
        TicketPanel::Path { format, input: PathField::new(path.display().to_string()), update }
    }
}

/// The ticket's subject, as Talkdesk names the request: the title of the document.
fn title(update: bool) -> &'static str {
    if update { ticket::document::UPDATE_TITLE } else { ticket::document::TITLE }
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
/// saved (`file_name` is then the name it would be saved as); `<name>-update-ticket.<extension>`
/// for the update document, so that it does not take the activation document's name.
pub(crate) fn default_path(format: Format, manifest: Option<&Path>, file_name: &str, update: bool) -> PathBuf {
    let activation = format.default_path(manifest.unwrap_or(Path::new(file_name)));
    if !update {
        return activation;
    }
    let stem = activation.file_stem().map_or_else(|| "integration-ticket".into(), |stem| stem.to_string_lossy());
    let stem = stem.strip_suffix("-ticket").unwrap_or(&stem);
    activation.with_file_name(format!("{stem}-update-ticket.{}", format.extension()))
}

/// Opens the ticket panel: the format question, or the refusal while errors remain. A file opened
/// in this run and changed since is offered the update document first.
pub(crate) fn open(app: &mut App) {
    let errors = Counts::of(app.doc.diagnostics()).errors;
    app.doc.refresh_changes();
    let update = !app.doc.changes().is_empty();
    app.open(if errors > 0 { TicketPanel::Refused { errors } } else { TicketPanel::choose_format(update) });
}

impl Panel for TicketPanel {
    fn update(self: Box<Self>, action: Action, app: &mut App, effects: &mut Vec<Effect>) {
        match (*self, action) {
            (TicketPanel::Refused { .. }, Action::Activate) => app.jump_to_first_error(),
            (_, Action::Back) => app.status = Some("the ticket document was not written".into()),
            (TicketPanel::Written { .. }, Action::Activate | Action::Answer(_)) => {}
            (TicketPanel::Format { choice, update }, action @ (Action::Up | Action::Down)) => {
                let count = Format::ALL.len();
                let choice = if action == Action::Up { (choice + count - 1) % count } else { (choice + 1) % count };
                app.open(TicketPanel::Format { choice, update });
            }
            (TicketPanel::Format { choice, update }, Action::Activate) => {
                choose_format(app, Format::ALL.get(choice).copied().unwrap_or(Format::Markdown), update)
            }
            // Only a file opened in this run has a version to update from.
            (TicketPanel::Format { choice, .. }, Action::Answer(c @ ('a' | 'u'))) if app.doc.since_opened.is_some() => {
                app.open(TicketPanel::Format { choice, update: c == 'u' })
            }
            (TicketPanel::Format { choice, update }, Action::Answer(c)) => {
                match Format::ALL.into_iter().find(|format| format_key(*format) == c) {
                    Some(format) => choose_format(app, format, update),
                    None => app.open(TicketPanel::Format { choice, update }),
                }
            }
            (TicketPanel::Path { format, input, update }, Action::Activate) => {
                let text = input.value().trim().to_owned();
                if text.is_empty() {
                    app.status = Some("type the path of the document, or Esc to cancel".into());
                    app.open(TicketPanel::Path { format, input, update });
                } else {
                    write(app, (format, update), PathBuf::from(text), false, input.list, effects);
                }
            }
            (TicketPanel::Path { format, mut input, update }, Action::Edit(request)) => {
                let changed = input.input.handle(request).is_some_and(|change| change.value);
                app.open(TicketPanel::Path { format, input, update });
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
            (TicketPanel::Path { format, mut input, update }, Action::Paste(text)) => {
                for c in text.chars().filter(|c| !c.is_control()) {
                    input.input.handle(tui_input::InputRequest::InsertChar(c));
                }
                app.open(TicketPanel::Path { format, input, update });
            }
            (TicketPanel::Exists { format, path, update }, Action::Answer('y')) => {
                write(app, (format, update), path, true, None, effects)
            }
            (TicketPanel::Exists { format, path, update }, Action::Answer('n')) => {
                let input = PathField::new(path.display().to_string());
                app.status = Some(format!("{} was kept; choose another path", path.display()));
                app.open(TicketPanel::Path { format, input, update });
            }
            (panel, _) => app.open(panel),
        }
    }

    fn scopes(&self) -> &'static [Scope] {
        match self {
            TicketPanel::Format { .. } | TicketPanel::Written { .. } => &[Scope::Panel],
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
            TicketPanel::Written { .. } => keys(&[(C::Back, "close")]),
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

fn choose_format(app: &mut App, format: Format, update: bool) {
    let file_name = manifest_file_name(app);
    app.open(TicketPanel::path(format, app.doc.path.as_deref(), &file_name, update));
}

/// The manifest's file name, as the document's header names it: the file's, or the one it would be saved as.
fn manifest_file_name(app: &App) -> String {
    app.doc
        .path
        .as_ref()
        .and_then(|path| path.file_name())
        .map_or_else(|| app.doc.default_file_name(), |name| name.to_string_lossy().into_owned())
}

/// Renders the document (pure) in `format`, the update document when asked, and asks the loop to
/// write it; a path refused goes back to the prompt with `list`, the list it was typed with.
fn write(
    app: &mut App,
    (format, update): (Format, bool),
    path: PathBuf,
    overwrite: bool,
    list: Option<Box<PathList>>,
    effects: &mut Vec<Effect>,
) {
    // The name must say what the file holds: Talkdesk's support opens an attachment by its extension.
    if let Some(problem) = extension_problem(&path, format) {
        app.status = Some(problem);
        let input = PathField { list, ..PathField::new(path.display().to_string()) };
        app.open(TicketPanel::Path { format, input, update });
        return;
    }
    let contents = to_json(&app.doc.manifest);
    let manifest = &app.doc.manifest;
    let mut document = ticket::Document::new(manifest, &manifest_file_name(app), contents.as_bytes());
    if update && let Some(since) = &app.doc.since_opened {
        document = since.update_document(document, manifest);
    }
    match ticket::render_document(&document, format) {
        Ok(bytes) => {
            // Kept open until the loop answers: an existing file turns it into the question.
            app.open(TicketPanel::Writing { format, path: path.clone(), update });
            effects.push(Effect::WriteTicket { path, bytes, overwrite });
        }
        Err(error) => {
            app.status = Some(format!("the ticket document was not written: {error}"));
            let input = PathField { list, ..PathField::new(path.display().to_string()) };
            app.open(TicketPanel::Path { format, input, update });
        }
    }
}

/// The loop wrote the document (or could not): the panel shows the ticket's settings, asks whether
/// to replace an existing file, or goes back to the path.
pub(crate) fn written(app: &mut App, path: PathBuf, result: Result<(), TicketFailure>) {
    let (format, update) = match app.panel_as::<TicketPanel>() {
        Some(TicketPanel::Writing { format, update, .. }) => (*format, *update),
        _ => (Format::from_path(&path).unwrap_or(Format::Markdown), false),
    };
    match result {
        Ok(()) => {
            let unsaved = if app.doc.modified { " (from your unsaved changes: save the manifest too)" } else { "" };
            app.status = Some(format!("wrote the ticket document {} ({}){unsaved}", path.display(), format.label()));
            app.open(TicketPanel::Written { format, path, title: title(update) });
        }
        Err(TicketFailure::Exists) => app.open(TicketPanel::Exists { format, path, update }),
        Err(TicketFailure::Failed(message)) => {
            app.status = Some(format!("the ticket document was not written: {message}"));
            let input = PathField::new(path.display().to_string());
            app.open(TicketPanel::Path { format, input, update });
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
        TicketPanel::Format { choice, update } => {
            let title = title(*update);
            lines.push(Line::raw(format!("The document to attach to Talkdesk's \"{title}\" ticket, as:")));
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
            if let Some(since) = &app.doc.since_opened {
                let file = one_line(since.file_name()).into_owned();
                lines.push(if *update {
                    let count = app.doc.changes().len();
                    Line::from(vec![
                        Span::raw(format!(
                            "The update: {count} change(s) since {file} was opened, then the whole configuration. "
                        )),
                        key("a"),
                        Span::raw("the activation document instead"),
                    ])
                } else {
                    Line::from(vec![
                        Span::raw(format!("The activation document. {file} was opened: ")),
                        key("u"),
                        Span::raw("the update document (what changed since) instead"),
                    ])
                });
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
        TicketPanel::Written { format, path, title } => {
            let shown = one_line(&path.display().to_string()).into_owned();
            lines.push(Line::styled(format!("Wrote {shown} ({}).", format.label()), theme.ok()));
            lines.push(Line::raw(""));
            let open = ticket::OPEN_A_TICKET;
            lines.push(Line::raw(format!("Next: {open} with these settings, and attach it:")));
            for (label, value) in ticket::ticket_settings(title) {
                lines.push(Line::from(vec![Span::styled(format!("  {label}: "), theme.label()), Span::raw(value)]));
            }
            lines.push(Line::from(vec![Span::styled("  Attach: ", theme.label()), Span::raw(shown)]));
            lines.push(Line::raw(""));
            lines.push(Line::from(vec![key("Esc"), Span::raw("close")]));
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
        let beside = default_path(Format::Spreadsheet, Some(Path::new("work/mycrm.json")), "ignored.json", false);
        assert_eq!(beside, Path::new("work/mycrm-ticket.xlsx"));
        assert_eq!(default_path(Format::Html, None, "mycrm.json", false), Path::new("mycrm-ticket.html"));
        let update = default_path(Format::Markdown, Some(Path::new("work/mycrm.json")), "ignored.json", true);
        assert_eq!(update, Path::new("work/mycrm-update-ticket.md"));
    }
}
