//! The path prompts' completion and file list: Tab completes the typed path (a second Tab lists the
//! matches), the arrows pick from the list of the folder's JSON files. The loop reads the folder being
//! typed (`Effect::ReadFolder`) and answers with `Action::FolderRead`.

use super::*;
use crate::wizard::panels::path_prompt::{PathPrompt, PromptPurpose};
use crate::wizard::panels::ticket::TicketPanel;
use crate::wizard::path_list::{self, Completion, FolderEntry, PathField, PathList, split};

impl App {
    /// Opens the prompt for a manifest to open, and asks the loop for the starting folder's files.
    pub(super) fn ask_open(&mut self, effects: &mut Vec<Effect>) {
        self.open(PathPrompt { purpose: PromptPurpose::Open, input: PathField::listing() });
        self.path_typed(effects);
    }

    /// Asks where to save, suggesting `suggestion`: typing replaces it, a cursor key keeps it to edit.
    pub(crate) fn ask_save_as(&mut self, suggestion: String) {
        self.open(PathPrompt { purpose: PromptPurpose::SaveAs, input: PathField::suggesting(suggestion) });
    }

    /// The path prompt showing, if one shows.
    pub fn path_field(&self) -> Option<&PathField> {
        self.panel().and_then(|panel| panel.path_field())
    }

    fn path_field_mut(&mut self) -> Option<&mut PathField> {
        match &mut self.mode {
            Mode::Panel(panel, _) => panel.path_field_mut(),
            _ => None,
        }
    }

    /// The text of the path prompt showing, if one shows.
    pub fn prompt_text(&self) -> Option<&str> {
        self.path_field().map(PathField::value)
    }

    /// The list under the path prompt showing, once it has one.
    pub fn path_list(&self) -> Option<&PathList> {
        self.path_field().and_then(|field| field.list.as_deref())
    }

    fn set_prompt_text(&mut self, text: String) {
        if let Some(field) = self.path_field_mut() {
            field.input = Input::new(text);
            field.suggested = false;
        }
    }

    /// After the typed path changed: the list follows it (the new folder is read, names are filtered).
    /// Prompts without a list yet (save as, the ticket's path) read nothing until the first Tab.
    pub(crate) fn path_typed(&mut self, effects: &mut Vec<Effect>) {
        let Some(field) = self.path_field_mut() else { return };
        let text = field.value().to_owned();
        let Some(list) = field.list.as_mut() else { return };
        list.selected = None;
        list.matches_shown = false;
        list.stuck_at = None;
        list.note = None;
        let (folder, name) = split(&text);
        if list.folder.as_deref() == Some(folder) {
            list.shown = path_list::json_files(&list.entries, name);
        } else {
            list.shown.clear();
            if list.requested.as_deref() != Some(folder) {
                list.requested = Some(folder.to_owned());
                effects.push(Effect::ReadFolder(folder.to_owned()));
            }
        }
    }

    /// The loop read `folder` (the folder part of a typed path): the list shows its JSON files.
    pub(super) fn folder_read(
        &mut self,
        folder: String,
        result: Result<Vec<FolderEntry>, String>,
        effects: &mut Vec<Effect>,
    ) {
        let Some(list) = self
            .path_field_mut()
            .and_then(|field| field.list.as_deref_mut())
            .filter(|list| list.requested.as_deref() == Some(folder.as_str()))
        else {
            // The prompt closed, or the author typed on into another folder meanwhile.
            return;
        };
        list.requested = None;
        list.folder = Some(folder);
        (list.entries, list.error) = match result {
            Ok(entries) => (entries, None),
            Err(message) => (Vec::new(), Some(message)),
        };
        let complete = std::mem::take(&mut list.complete_when_read);
        self.path_typed(effects);
        if complete {
            self.complete_path(effects);
        }
    }

    /// Tab: completes the typed path as far as it is unambiguous; on a text it cannot complete
    /// further, a second Tab lists the matches.
    pub(crate) fn complete_path(&mut self, effects: &mut Vec<Effect>) {
        let Some(field) = self.path_field_mut() else { return };
        let text = field.value().to_owned();
        let (folder, name) = split(&text);
        let list = field.list.get_or_insert_default();
        if list.folder.as_deref() != Some(folder) {
            // Not read yet: completes once the loop has read it.
            list.complete_when_read = true;
            self.path_typed(effects);
            return;
        }
        let shown_folder = if folder.is_empty() { "this folder".to_owned() } else { folder.to_owned() };
        match path_list::complete(&text, &list.entries) {
            Completion::Completed(completed) if completed != text => {
                self.set_prompt_text(completed.clone());
                self.path_typed(effects);
                if let Some(list) = self.path_field_mut().and_then(|field| field.list.as_deref_mut()) {
                    list.stuck_at = Some(completed);
                }
            }
            Completion::Completed(_) => list.note = Some("complete: Enter confirms".into()),
            Completion::Several(matches) if list.stuck_at.as_deref() == Some(text.as_str()) => {
                list.note = Some(format!("{} names start with \"{name}\": ↑↓ pick one, or type more", matches.len()));
                list.shown = matches;
                list.matches_shown = true;
                list.selected = None;
            }
            Completion::Several(matches) => {
                list.note = Some(format!("{} names start with \"{name}\": Tab again lists them", matches.len()));
                list.stuck_at = Some(text);
            }
            Completion::Nothing => list.note = Some(format!("nothing in {shown_folder} starts with \"{name}\"")),
        }
        if self.panel_as::<TicketPanel>().is_some()
            && let Some(note) = self.path_list().and_then(|list| list.note.clone())
        {
            // The ticket panel has no room for a list: its notes go to the status line.
            let names: Vec<String> = self
                .path_list()
                .into_iter()
                .filter(|list| list.matches_shown)
                .flat_map(|list| list.shown.iter().map(FolderEntry::written))
                .collect();
            self.status = Some(if names.is_empty() { note } else { format!("{note}: {}", names.join(", ")) });
        }
    }

    /// Up / Down in a path prompt: picks the previous / next name of the list into the typed path.
    pub(crate) fn pick_path(&mut self, down: bool) {
        let Some(field) = self.path_field_mut() else { return };
        let text = field.value().to_owned();
        let Some(list) = field.list.as_mut().filter(|list| !list.shown.is_empty()) else { return };
        let last = list.shown.len() - 1;
        let selected = match (list.selected, down) {
            (None, true) => 0,
            (None, false) => last,
            (Some(at), true) => (at + 1).min(last),
            (Some(at), false) => at.saturating_sub(1),
        };
        list.selected = Some(selected);
        list.note = None;
        let (folder, _) = split(&text);
        let picked = format!("{folder}{}", list.shown[selected].written());
        self.set_prompt_text(picked);
    }
}
