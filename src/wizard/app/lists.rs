//! List operations on the focused row's list: add, duplicate, delete, reorder (and a select's options).

use super::*;

impl App {
    pub(super) fn add_option(&mut self, action: usize, input: usize) {
        let mut options = self.doc.manifest.select_options(action, input);
        options.push(String::new());
        let index = options.len() - 1;
        // The new option is stored once it has text (see close_editor), so no empty option is written.
        self.focus = self.rows().iter().position(|row| *row == Row::AddOption { action, input }).unwrap_or(self.focus);
        let original =
            self.doc.manifest.text(Owner::Input { action, input }, InputKey::Format).cloned().unwrap_or_default();
        self.set_editor(Editor {
            target: EditTarget::SelectOption { action, input, index },
            original,
            text: TextBox::new("", false),
            was_modified: self.doc.modified,
            completion: 0,
            unwritten: false,
            steps_before: None,
        });
    }

    /// The list that the page's add/duplicate/delete keys work on.
    pub(super) fn page_list(&self) -> Option<ListRef> {
        match self.page {
            Page::Step(Step::AuthFields) => Some(ListRef::AuthFields),
            Page::Step(Step::Actions) => Some(ListRef::Actions),
            Page::Step(Step::Features) => Some(ListRef::InteractionTypes),
            Page::Action(index) => Some(ListRef::Inputs(index)),
            _ => None,
        }
    }

    pub(super) fn add_item(&mut self) {
        if let Page::Input { action, input } = self.page
            && input_form::input_type(&self.doc.manifest, action, input) == Some(InputType::Select)
        {
            self.add_option(action, input);
            return;
        }
        let Some(list) = self.page_list() else {
            self.status = Some(match self.page {
                Page::Input { .. } => "inputs are added on their action's page: Esc goes back to it".into(),
                Page::AuthField(_) => "fields are added on the Auth fields list: Esc goes back to it".into(),
                _ => "nothing to add here: lists are in Features, Auth fields and Actions".into(),
            });
            return;
        };
        if list == ListRef::AuthFields && auth_fields::not_needed(&self.doc.manifest) {
            self.status = Some(auth_fields::ADD_REFUSED.into());
            return;
        }
        let manifest = &mut self.doc.manifest;
        let index = match list {
            ListRef::AuthFields => manifest.add_auth_field(),
            ListRef::Actions => manifest.add_action(),
            ListRef::Inputs(action) => manifest.add_input(action),
            ListRef::InteractionTypes => manifest.add_interaction_type(""),
        };
        let Some(index) = index else {
            self.status = Some("this list holds a value that is not a list; fix it in the file first".into());
            return;
        };
        let pointer = format!("{}/{index}", crate::wizard::form::list_pointer(list, &self.doc.manifest));
        self.edited(pointer);
        if list == ListRef::Actions && self.doc.manifest.shape == Shape::Bare {
            self.status = Some("this file was a bare integration document; with actions it is saved as {\"integration\": ..., \"actions\": [...]}".into());
        }
        let item_row = self.rows().iter().position(|row| *row == Row::Item(list, index)).unwrap_or(0);
        match list {
            ListRef::InteractionTypes => {
                self.focus = item_row;
                self.open_editor();
            }
            ListRef::AuthFields => self.open_added(Page::AuthField(index), item_row),
            ListRef::Actions => self.open_added(Page::Action(index), item_row),
            ListRef::Inputs(action) => self.open_added(Page::Input { action, input: index }, item_row),
        }
    }

    pub(super) fn open_added(&mut self, page: Page, item_row: usize) {
        self.focus = item_row;
        self.open_page(page, 0);
    }

    pub(super) fn focused_item(&self) -> Option<(ListRef, usize)> {
        match self.focused_row() {
            Some(Row::Item(list, index)) => Some((list, index)),
            _ => {
                self.page_list()?;
                None
            }
        }
    }

    pub(super) fn duplicate_item(&mut self) {
        let Some((list, index)) = self.focused_item() else {
            self.status = Some("focus an item of a list to duplicate it".into());
            return;
        };
        if let Some(copy) = self.doc.manifest.list_mut(list).and_then(|items| items.duplicate_at(index)) {
            self.edited(format!("{}/{copy}", crate::wizard::form::list_pointer(list, &self.doc.manifest)));
            self.focus += 1;
            self.status = Some("duplicated; the copy is named with _copy".into());
        }
    }

    pub(super) fn ask_delete(&mut self) {
        if let Some(Row::SelectOption { action, input, index }) = self.focused_row() {
            let mut options = self.doc.manifest.select_options(action, input);
            let removed = options.remove(index);
            self.doc.manifest.set_select_options(action, input, &options);
            self.edited(Owner::Input { action, input }.key_pointer(&self.doc.manifest, InputKey::Format));
            self.status = Some(format!("removed the option \"{}\"", crate::escape::one_line(&removed)));
            return;
        }
        let Some((list, index)) = self.focused_item() else {
            self.status = Some("focus an item of a list to delete it".into());
            return;
        };
        if list == ListRef::AuthFields
            && let Some(refusal) = auth_fields::delete_refused(&self.doc.manifest, index)
        {
            self.status = Some(refusal);
            return;
        }
        let label = crate::wizard::shown::summaries::item_label(&self.doc.manifest, list, index);
        self.open(crate::wizard::panels::delete::ConfirmDelete { list, index, label });
    }

    pub(crate) fn delete_item(&mut self, list: ListRef, index: usize) {
        let name = self.item_name(list, index);
        if let Some(items) = self.doc.manifest.list_mut(list) {
            items.remove_at(index);
        }
        self.edited(crate::wizard::form::list_pointer(list, &self.doc.manifest));
        self.status = Some(format!("deleted {name}"));
    }

    pub(super) fn move_item(&mut self, up: bool) {
        if self.filter.is_some() {
            self.status = Some("clear the filter (Esc) to reorder: the list shows only some of its elements".into());
            return;
        }
        if let Some(Row::SelectOption { action, input, index }) = self.focused_row() {
            let mut options = self.doc.manifest.select_options(action, input);
            let target = if up { index.checked_sub(1) } else { Some(index + 1).filter(|&t| t < options.len()) };
            let Some(target) = target else { return };
            options.swap(index, target);
            self.doc.manifest.set_select_options(action, input, &options);
            self.edited(Owner::Input { action, input }.key_pointer(&self.doc.manifest, InputKey::Format));
            self.focus = if up { self.focus - 1 } else { self.focus + 1 };
            return;
        }
        let Some((list, index)) = self.focused_item() else {
            return;
        };
        let moved = self.doc.manifest.list_mut(list).and_then(|items| items.move_at(index, up));
        if let Some(target) = moved {
            self.edited(format!("{}/{target}", crate::wizard::form::list_pointer(list, &self.doc.manifest)));
            self.focus = if up { self.focus - 1 } else { self.focus + 1 };
        }
    }
}
