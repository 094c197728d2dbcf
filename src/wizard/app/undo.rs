//! Undo and redo in the wizard: which change is under way (its words and where it began), recording
//! it once it ends, and going back to where a change was made when it is undone or redone.
//!
//! Every edit reaches the manifest through [`Document::edited`](super::Document::edited), which moves
//! the document's generation on. After each update the document is compared with its history
//! ([`Document::record`](super::Document::record)), so no edit needs to say anything to be undoable.
//! A field visit is one change: nothing is recorded while a text is being edited.

use super::*;
use crate::wizard::history::{Kept, Place};
use crate::wizard::panels::delete::ConfirmDelete;

/// The change under way: what it will be called and where it began.
#[derive(Debug, Clone, Default)]
pub(super) struct Pending {
    change: Option<(String, Place)>,
}

impl App {
    /// Where the author is now.
    fn place(&self) -> Place {
        Place { page: self.page, back: self.back.clone(), focus: self.focus }
    }

    /// What `action` would be called if it changes the manifest, and where the author is, taken before
    /// the action runs. Moving and typing need no words (typing is named by its editor): their
    /// keystrokes are not slowed by this.
    pub(super) fn before_change(&self, action: &Action) -> Option<(Option<String>, Place)> {
        if self.screen() != Screen::Editor {
            return None;
        }
        if let Some(editor) = self.editor() {
            return Some((Some(format!("edit {}", self.target_name(editor.target))), self.place()));
        }
        let label = match (self.panel(), action) {
            (Some(_), _) => self
                .panel_as::<ConfirmDelete>()
                .map(|ConfirmDelete { list, index, .. }| format!("delete {}", self.item_name(*list, *index))),
            (
                None,
                Action::Add
                | Action::Duplicate
                | Action::Delete
                | Action::MoveItem { .. }
                | Action::Toggle
                | Action::Activate
                | Action::Click { .. }
                | Action::Cycle(_)
                | Action::QuickFix
                | Action::Type(_),
            ) => self.row_change_label(action),
            _ => None,
        };
        Some((label, self.place()))
    }

    /// Words for what `action` does to the focused row.
    fn row_change_label(&self, action: &Action) -> Option<String> {
        if let (Action::QuickFix, Some(index)) = (action, self.pending.mask) {
            return Some(format!("make {} a password", self.item_name(ListRef::AuthFields, index)));
        }
        let row = self.focused_row();
        let label = match (action, row) {
            (Action::Type(_), Some(Row::Add(list))) => format!("add {}", list_noun(list)),
            (Action::Type(_), Some(Row::AddOption { .. })) => "add option".to_owned(),
            (Action::Type(_), Some(row)) => format!("edit {}", self.target_name(editing::edit_target(row)?.0)),
            (Action::Add, _) => match self.page {
                Page::Input { .. } => "add option".to_owned(),
                _ => format!("add {}", list_noun(self.page_list()?)),
            },
            (Action::Duplicate, Some(Row::Item(list, index))) => format!("duplicate {}", self.item_name(list, index)),
            (Action::MoveItem { .. }, Some(Row::Item(list, index))) => format!("move {}", self.item_name(list, index)),
            (Action::MoveItem { .. }, Some(Row::SelectOption { .. })) => "move option".to_owned(),
            (Action::Delete, Some(Row::SelectOption { .. })) => "delete option".to_owned(),
            (_, Some(Row::Toggle { key, .. })) => format!("toggle {key}"),
            (_, Some(Row::AuthType(kind))) => format!("choose authentication {}", kind.as_str()),
            (_, Some(Row::Choice { key, .. })) => format!("change {key}"),
            (Action::QuickFix, Some(Row::Provider(_))) => "set the providers to the integration name".to_owned(),
            (Action::QuickFix, Some(Row::Text { owner, key, .. })) => {
                format!("lowercase {}", self.target_name(EditTarget::Value { owner, key }))
            }
            _ => return None,
        };
        Some(label)
    }

    /// A field being edited, in words: "description", "name of action create_ticket".
    fn target_name(&self, target: EditTarget) -> String {
        match target {
            EditTarget::Value { owner: Owner::Wrapper | Owner::Integration, key } => key.as_str().to_owned(),
            EditTarget::Value { owner: Owner::AuthField(index), key } => {
                format!("{key} of {}", self.item_name(ListRef::AuthFields, index))
            }
            EditTarget::Value { owner: Owner::Action(index), key } => {
                format!("{key} of {}", self.item_name(ListRef::Actions, index))
            }
            EditTarget::Value { owner: Owner::Input { action, input }, key } => {
                format!("{key} of {}", self.item_name(ListRef::Inputs(action), input))
            }
            EditTarget::InteractionType(_) => "interaction type".to_owned(),
            EditTarget::SelectOption { .. } => "option".to_owned(),
        }
    }

    /// An item of a list in words: "action create_ticket", "input email".
    pub(super) fn item_name(&self, list: ListRef, index: usize) -> String {
        let manifest = &self.doc.manifest;
        let name = match list {
            ListRef::AuthFields => manifest.auth_field(index).and_then(|field| field.field_name.non_blank()),
            ListRef::Actions => manifest.action(index).and_then(|action| action.name.non_blank()),
            ListRef::Inputs(action) => manifest.input(action, index).and_then(|input| input.key.non_blank()),
            ListRef::InteractionTypes => features::interaction_type(manifest, index).and_then(Slot::non_blank),
        };
        let name = name.map(|name| crate::escape::one_line(name).into_owned());
        match name {
            Some(name) => format!("{} {name}", list_noun(list)),
            None => format!("{} {}", list_noun(list), index + 1),
        }
    }

    /// After an update: a change that began is remembered with its words and place; a change that
    /// ended (no text is being edited) is recorded in the history.
    pub(super) fn after_change(&mut self, before: Option<(Option<String>, Place)>) {
        if !self.doc.unrecorded() {
            return;
        }
        if self.undo.change.is_none()
            && let Some((label, place)) = before
        {
            self.undo.change = Some((label.unwrap_or_else(|| "change".to_owned()), place));
        }
        if self.editor().is_some() || self.screen() != Screen::Editor {
            return;
        }
        let (label, place) = self.undo.change.take().unwrap_or_else(|| ("change".to_owned(), self.place()));
        self.doc.record(label, place);
    }

    /// Undoes (or with `forwards`, redoes) the last change, and goes back to where it was made. An edit
    /// under way is finished first, keeping its text as a change of its own: undoing then takes that
    /// text back out, and redo puts it back, so nothing typed is lost. A question or panel is closed
    /// first as Esc would close it.
    pub(super) fn undo(&mut self, forwards: bool, effects: &mut Vec<Effect>) {
        if self.screen() != Screen::Editor {
            self.status = Some("open or start a manifest first: there is nothing to undo here".into());
            return;
        }
        if self.panel().is_some() {
            self.hand_to_panel(Action::Back, effects);
            if self.panel().is_some() {
                self.status = Some("answer or close the question first (Esc), then undo".into());
                return;
            }
        }
        if matches!(self.mode, Mode::Filtering) {
            self.mode = Mode::Browse;
        }
        if self.editor().is_some() {
            let before = self.before_change(&Action::Finish);
            self.close_editor();
            self.after_change(before);
        }
        let verb = if forwards { "redid" } else { "undid" };
        match self.doc.step(forwards) {
            Ok(Some((label, place))) => {
                self.go_back_to(place);
                self.status = Some(format!("{verb}: {label}"));
            }
            Ok(None) if forwards => self.status = Some("nothing to redo".into()),
            Ok(None) => self.status = Some("nothing to undo".into()),
            Err(message) => self.status = Some(format!("cannot undo: {message}")),
        }
    }

    /// Shows the page a change was made on with its row focused; a page that no longer exists
    /// (its item was removed) gives way to its step's list.
    fn go_back_to(&mut self, place: Place) {
        self.clear_filter();
        let exists = match place.page {
            Page::Step(_) => true,
            page => !rows(page, &self.doc.manifest, Listed::of(&self.doc, page), None).is_empty(),
        };
        if exists {
            self.page = place.page;
            self.back = place.back;
            self.focus = place.focus;
        } else {
            self.page = Page::Step(place.page.step());
            self.back.clear();
            self.focus = place.back.first().map_or(0, |(_, focus)| *focus);
        }
    }

    /// The history as a draft keeps it, the edit under way included (as its newest change).
    pub fn history_for_draft(&mut self) -> Kept {
        let pending = self.pending_change();
        self.doc.kept_history(pending)
    }

    /// The words and place of the edit under way, as a draft names it in its history.
    pub(crate) fn pending_change(&self) -> (String, Place) {
        self.undo.change.clone().unwrap_or_else(|| ("change".to_owned(), self.place()))
    }
}

/// A list's item in words.
fn list_noun(list: ListRef) -> &'static str {
    match list {
        ListRef::AuthFields => "authentication field",
        ListRef::Actions => "action",
        ListRef::Inputs(_) => "input",
        ListRef::InteractionTypes => "interaction type",
    }
}
