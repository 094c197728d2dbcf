//! Writing the ticket document from the wizard: refused with errors (Enter jumps to the first), else
//! a format, a path and, for an existing file, a question; the loop writes the bytes rendered here.

use super::*;
use crate::ticket::{self, Format};
use crate::wizard::panels::ticket::{TicketPanel, format_key};
use crate::wizard::path_list::{PathField, PathList};

impl App {
    /// Opens the ticket panel: the format question, or the refusal while errors remain.
    pub(super) fn ask_ticket(&mut self) {
        let errors = Counts::of(self.doc.diagnostics()).errors;
        self.overlay = Some(Overlay::Ticket(if errors > 0 {
            TicketPanel::Refused { errors }
        } else {
            TicketPanel::choose_format()
        }));
    }

    pub(super) fn update_ticket(&mut self, panel: TicketPanel, action: Action, effects: &mut Vec<Effect>) {
        match (panel, action) {
            (TicketPanel::Refused { .. }, Action::Activate) => self.jump_to_first_error(),
            (_, Action::Back) => self.status = Some("the ticket document was not written".into()),
            (TicketPanel::Format { choice }, action @ (Action::Up | Action::Down)) => {
                let count = Format::ALL.len();
                let choice = if action == Action::Up { (choice + count - 1) % count } else { (choice + 1) % count };
                self.overlay = Some(Overlay::Ticket(TicketPanel::Format { choice }));
            }
            (TicketPanel::Format { choice }, Action::Activate) => {
                self.choose_ticket_format(Format::ALL.get(choice).copied().unwrap_or(Format::Markdown))
            }
            (TicketPanel::Format { choice }, Action::Answer(c)) => {
                match Format::ALL.into_iter().find(|format| format_key(*format) == c) {
                    Some(format) => self.choose_ticket_format(format),
                    None => self.overlay = Some(Overlay::Ticket(TicketPanel::Format { choice })),
                }
            }
            (TicketPanel::Path { format, input }, Action::Activate) => {
                let text = input.value().trim().to_owned();
                if text.is_empty() {
                    self.status = Some("type the path of the document, or Esc to cancel".into());
                    self.overlay = Some(Overlay::Ticket(TicketPanel::Path { format, input }));
                } else {
                    self.write_ticket(format, PathBuf::from(text), false, input.list, effects);
                }
            }
            (TicketPanel::Path { format, mut input }, Action::Edit(request)) => {
                let changed = input.input.handle(request).is_some_and(|change| change.value);
                self.overlay = Some(Overlay::Ticket(TicketPanel::Path { format, input }));
                if changed {
                    self.path_typed(effects);
                }
            }
            (panel @ TicketPanel::Path { .. }, Action::Next) => {
                self.overlay = Some(Overlay::Ticket(panel));
                self.complete_path(effects);
            }
            (panel @ TicketPanel::Path { .. }, action @ (Action::Up | Action::Down)) => {
                self.overlay = Some(Overlay::Ticket(panel));
                self.pick_path(action == Action::Down);
            }
            (TicketPanel::Path { format, mut input }, Action::Paste(text)) => {
                for c in text.chars().filter(|c| !c.is_control()) {
                    input.input.handle(tui_input::InputRequest::InsertChar(c));
                }
                self.overlay = Some(Overlay::Ticket(TicketPanel::Path { format, input }));
            }
            (TicketPanel::Exists { format, path }, Action::Answer('y')) => {
                self.write_ticket(format, path, true, None, effects)
            }
            (TicketPanel::Exists { format, path }, Action::Answer('n')) => {
                let input = PathField::new(path.display().to_string());
                self.status = Some(format!("{} was kept; choose another path", path.display()));
                self.overlay = Some(Overlay::Ticket(TicketPanel::Path { format, input }));
            }
            (panel, _) => self.overlay = Some(Overlay::Ticket(panel)),
        }
    }

    fn choose_ticket_format(&mut self, format: Format) {
        let file_name = self.manifest_file_name();
        self.overlay = Some(Overlay::Ticket(TicketPanel::path(format, self.doc.path.as_deref(), &file_name)));
    }

    /// The manifest's file name, as the document's header names it: the file's, or the one it would be saved as.
    fn manifest_file_name(&self) -> String {
        self.doc
            .path
            .as_ref()
            .and_then(|path| path.file_name())
            .map_or_else(|| self.doc.default_file_name(), |name| name.to_string_lossy().into_owned())
    }

    /// Renders the document (pure) and asks the loop to write it; a path refused goes back to the
    /// prompt with `list`, the list it was typed with.
    fn write_ticket(
        &mut self,
        format: Format,
        path: PathBuf,
        overwrite: bool,
        list: Option<Box<PathList>>,
        effects: &mut Vec<Effect>,
    ) {
        // The name must say what the file holds: Talkdesk's support opens an attachment by its extension.
        if let Some(problem) = extension_problem(&path, format) {
            self.status = Some(problem);
            let input = PathField { list, ..PathField::new(path.display().to_string()) };
            self.overlay = Some(Overlay::Ticket(TicketPanel::Path { format, input }));
            return;
        }
        let contents = to_json(&self.doc.manifest);
        match ticket::render(&self.doc.manifest, &self.manifest_file_name(), contents.as_bytes(), format) {
            Ok(bytes) => {
                // Kept open until the loop answers: an existing file turns it into the question.
                self.overlay = Some(Overlay::Ticket(TicketPanel::Writing { format, path: path.clone() }));
                effects.push(Effect::WriteTicket { path, bytes, overwrite });
            }
            Err(error) => {
                self.status = Some(format!("the ticket document was not written: {error}"));
                let input = PathField { list, ..PathField::new(path.display().to_string()) };
                self.overlay = Some(Overlay::Ticket(TicketPanel::Path { format, input }));
            }
        }
    }

    pub(super) fn ticket_written(&mut self, path: PathBuf, result: Result<(), TicketFailure>) {
        let format = match &self.overlay {
            Some(Overlay::Ticket(TicketPanel::Writing { format, .. })) => *format,
            _ => Format::from_path(&path).unwrap_or(Format::Markdown),
        };
        match result {
            Ok(()) => {
                self.overlay = None;
                let unsaved =
                    if self.doc.modified { " (from your unsaved changes: save the manifest too)" } else { "" };
                self.status =
                    Some(format!("wrote the ticket document {} ({}){unsaved}", path.display(), format.label()));
            }
            Err(TicketFailure::Exists) => {
                self.overlay = Some(Overlay::Ticket(TicketPanel::Exists { format, path }));
            }
            Err(TicketFailure::Failed(message)) => {
                self.status = Some(format!("the ticket document was not written: {message}"));
                let input = PathField::new(path.display().to_string());
                self.overlay = Some(Overlay::Ticket(TicketPanel::Path { format, input }));
            }
        }
    }

    /// Shows every finding and goes to the first error, in the review's order.
    fn jump_to_first_error(&mut self) {
        self.doc.reveal();
        let diagnostics = self.doc.diagnostics();
        let first = self
            .doc
            .review_order
            .iter()
            .copied()
            .find(|index| diagnostics.get(*index).is_some_and(crate::manifest::Diagnostic::is_error))
            .or_else(|| diagnostics.iter().position(crate::manifest::Diagnostic::is_error));
        if let Some(index) = first {
            self.jump_to_finding(index);
        }
    }
}

/// What is wrong with writing the `format` document at `path`: a name ending in another format's
/// extension, or in none of them (a `.docx` holding Markdown would not open where it is attached).
fn extension_problem(path: &std::path::Path, format: Format) -> Option<String> {
    let wanted = format!(".{}", format.extension());
    let shown = crate::escape::one_line(&path.display().to_string()).into_owned();
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
