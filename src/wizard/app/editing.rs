//! Editing a text: opening the editor on a row, each keystroke written through, finishing or cancelling.

use super::*;
use crate::manifest::AuthFieldKey;

/// A select's options as a `format` slot holds them (nothing when absent).
fn split_options(format: &Slot<String>) -> Vec<String> {
    match format.as_str() {
        Some(text) if !text.is_empty() => text.split(',').map(str::to_owned).collect(),
        _ => Vec::new(),
    }
}

/// The text a row edits, and whether it takes several lines; None for a row that is not a text.
pub(super) fn edit_target(row: Row) -> Option<(EditTarget, bool)> {
    match row {
        Row::Text { owner, key, multiline, .. } => Some((EditTarget::Value { owner, key }, multiline)),
        Row::Item(ListRef::InteractionTypes, index) => Some((EditTarget::InteractionType(index), false)),
        Row::SelectOption { action, input, index } => Some((EditTarget::SelectOption { action, input, index }, false)),
        _ => None,
    }
}

impl App {
    /// Opens an editor on the focused row; false when it cannot be edited as text.
    pub(super) fn open_editor(&mut self) -> bool {
        let Some((target, multiline)) = self.focused_row().and_then(edit_target) else {
            return false;
        };
        if let EditTarget::Value { owner: Owner::AuthField(index), key: Key::AuthField(auth_fields::NAME_KEY) } = target
            && let Some(refusal) = auth_fields::rename_refused(&self.doc.manifest, index)
        {
            self.status = Some(refusal);
            return false;
        }
        let original = self.target_slot(target).cloned().unwrap_or_default();
        let current = match (&original, target) {
            (Slot::Value(_), EditTarget::SelectOption { action, input, index }) => {
                self.doc.manifest.select_options(action, input).get(index).cloned().unwrap_or_default()
            }
            (Slot::Value(text), _) => text.clone(),
            _ => String::new(),
        };
        if matches!(original, Slot::Wrong(_)) {
            self.status = Some("this value has the wrong type; what you type replaces it (Esc keeps it)".into());
        }
        self.set_editor(Editor {
            target,
            original,
            text: TextBox::new(&current, multiline),
            was_modified: self.doc.modified,
            completion: 0,
            unwritten: false,
            steps_before: None,
        });
        true
    }

    /// Starts editing the focused text field with the character typed on it, which replaces the value
    /// (as a spreadsheet cell or a field entered with Tab in a browser does); Esc puts the value back.
    /// On a list's add row, the character adds an element and starts its first field (its name, key or
    /// value), so a list is filled by typing too.
    pub(super) fn type_to_edit(&mut self, c: char, effects: &mut Vec<Effect>) {
        match self.focused_row() {
            Some(Row::Add(_)) => self.add_item(),
            Some(Row::AddOption { action, input }) => self.add_option(action, input),
            _ => {}
        }
        if self.editor().is_none() && !self.open_editor() {
            return;
        }
        let Some(editor) = self.editor_mut() else { return };
        let had_value = !editor.text.value().is_empty();
        editor.text.clear();
        self.update_editor(Action::Edit(tui_input::InputRequest::InsertChar(c)), effects);
        if had_value {
            self.status =
                Some("typing replaces the value: Esc puts it back, Enter on the field edits it as it is".into());
        }
    }

    pub(super) fn target_slot(&self, target: EditTarget) -> Option<&Slot<String>> {
        match target {
            EditTarget::Value { owner, key } => self.doc.manifest.text(owner, key),
            EditTarget::InteractionType(index) => features::interaction_type(&self.doc.manifest, index),
            EditTarget::SelectOption { action, input, .. } => {
                self.doc.manifest.text(Owner::Input { action, input }, InputKey::Format)
            }
        }
    }

    /// The template completions offered for the open editor's text, best first.
    pub fn completions(&self) -> Vec<String> {
        let Some(editor) = self.editor() else { return Vec::new() };
        // Only formats complete: the text before the cursor is not copied for other values (a long one
        // would cost its length at every keystroke).
        if !matches!(
            editor.target,
            EditTarget::Value {
                key: Key::Input(InputKey::Format) | Key::AuthField(crate::manifest::AuthFieldKey::Format),
                ..
            }
        ) {
            return Vec::new();
        }
        crate::wizard::completion::candidates(&self.doc.manifest, editor.target, &editor.text.before_cursor())
    }

    /// Puts the highlighted completion in place of what was typed of the template.
    pub(super) fn accept_completion(&mut self, choices: &[String]) {
        let Some(editor) = self.editor_mut() else { return };
        let Some(choice) = choices.get(editor.completion.min(choices.len().saturating_sub(1))) else { return };
        let before = editor.text.before_cursor();
        let after = editor.text.after_cursor();
        let (text, cursor) = crate::wizard::completion::accept(&before, &after, choice);
        editor.text.replace_line(text, cursor);
        editor.completion = 0;
        self.apply_editor();
    }

    pub(super) fn update_editor(&mut self, action: Action, effects: &mut Vec<Effect>) {
        let choices = self.completions();
        // Where a text of several lines wraps, for ↑ and ↓ (measured only for them).
        let columns =
            if matches!(action, Action::EditorLine { .. }) { crate::wizard::layout::editor_columns(self) } else { 1 };
        let Some(editor) = self.editor_mut() else {
            return;
        };
        if !choices.is_empty() {
            // While completions show, Tab or Enter takes the highlighted one and ↑↓ choose.
            match action {
                Action::Next | Action::Finish | Action::Activate => {
                    return self.accept_completion(&choices);
                }
                Action::EditorLine { up } => {
                    let last = choices.len().min(crate::wizard::completion::MAX_SHOWN) - 1;
                    editor.completion =
                        if up { editor.completion.saturating_sub(1) } else { (editor.completion + 1).min(last) };
                    return;
                }
                _ => {}
            }
        }
        editor.completion = 0;
        let multiline = matches!(editor.text, TextBox::Area(_));
        let changed = match action {
            Action::Edit(request) => editor.text.handle(request),
            Action::Paste(text) => {
                editor.text.insert(&text);
                true
            }
            Action::Newline if multiline => {
                if let TextBox::Area(area) = &mut editor.text {
                    area.newline();
                }
                true
            }
            Action::EditorLine { up } => {
                if let TextBox::Area(area) = &mut editor.text {
                    // By the rows the text is shown in: a wrapped line is gone through row by row.
                    area.move_row(up, columns);
                }
                false
            }
            // Enter finishes every text, of several lines too, and goes on, so a form is filled by typing and Enter.
            // Enter goes on to the next field to fill (see `go_on`); Tab to the very next row.
            Action::Activate | Action::Newline | Action::Finish | Action::Next => {
                let rows = self.rows().len();
                self.close_editor();
                if self.rows().len() < rows {
                    // The row went with its empty value (an interaction type): the next row took its place.
                    self.focus = self.focus.min(self.rows().len().saturating_sub(1));
                } else if action == Action::Next {
                    self.focus = (self.focus + 1).min(self.rows().len().saturating_sub(1));
                } else {
                    self.go_on();
                }
                return;
            }
            Action::Back => {
                self.cancel_editor();
                return;
            }
            Action::Save | Action::Quit => {
                self.close_editor();
                self.update_page(action, effects);
                return;
            }
            _ => false,
        };
        if changed {
            self.apply_editor();
        }
    }

    /// Writes the editor's text into the manifest, so the preview and problems follow each keystroke.
    /// A very long text (a pasted 50 MB description) is written when the edit ends, or when the loop
    /// asks for it before writing a draft: copying and checking it would take longer than a keystroke.
    pub(super) fn apply_editor(&mut self) {
        let Some(editor) = self.editor_mut() else { return };
        if editor.text.is_long() {
            editor.unwritten = true;
            // Said at each keystroke: a message answering a keystroke goes at the next one.
            self.status =
                Some("a very long value: the preview and the checks follow when you finish editing it".into());
            self.doc.modified = true;
            self.doc.generation += 1;
            return;
        }
        self.write_editor();
    }

    /// Writes a long text the open editor holds into the manifest, if it has not been yet.
    pub fn flush_editor(&mut self) {
        if self.editor().is_some_and(|editor| editor.unwritten) {
            self.write_editor();
        }
    }

    pub(super) fn write_editor(&mut self) {
        let Some(editor) = self.editor_mut() else { return };
        editor.unwritten = false;
        let editor = &*editor;
        let value = editor.text.value();
        let target = editor.target;
        match target {
            EditTarget::Value { owner, key } => {
                let renamed = crate::wizard::steps::write_text(&mut self.doc.manifest, owner, key, &value);
                if renamed > 0 {
                    self.status =
                        Some(format!("renamed the provider of {renamed} action(s) to match the integration name"));
                }
                self.edited(owner.key_pointer(&self.doc.manifest, key));
            }
            EditTarget::InteractionType(index) => {
                if let Some(slot) = self.doc.manifest.interaction_type_mut(index) {
                    *slot = Slot::Value(value);
                }
                let list = crate::wizard::form::list_pointer(ListRef::InteractionTypes, &self.doc.manifest);
                self.edited(format!("{list}/{index}"));
            }
            EditTarget::SelectOption { action, input, index } => {
                // From the options as they were when the edit began: a comma typed now makes
                // several options, and the next keystroke must not count them twice.
                let mut options = split_options(&editor.original);
                match options.get_mut(index) {
                    Some(option) => *option = value,
                    None => options.push(value),
                }
                self.doc.manifest.set_select_options(action, input, &options);
                self.edited(Owner::Input { action, input }.key_pointer(&self.doc.manifest, InputKey::Format));
            }
        }
    }

    /// Ends editing, keeping the text; an interaction type left empty is removed.
    pub(super) fn close_editor(&mut self) {
        if self.editor().is_some_and(|editor| editor.unwritten) {
            // Said while typing it: "the checks follow when you finish".
            self.status = Some("the very long value is written: the preview and the checks show it".into());
        }
        self.flush_editor();
        let Some(editor) = self.take_editor() else {
            return;
        };
        self.mask_a_secret(&editor);
        if let EditTarget::SelectOption { action, input, index } = editor.target
            && editor.text.value().trim().is_empty()
        {
            let mut options = self.doc.manifest.select_options(action, input);
            if index < options.len() {
                options.remove(index);
                self.doc.manifest.set_select_options(action, input, &options);
                self.edited(Owner::Input { action, input }.key_pointer(&self.doc.manifest, InputKey::Format));
            }
            return;
        }
        if let EditTarget::InteractionType(index) = editor.target
            && editor.text.value().trim().is_empty()
        {
            self.delete_item(ListRef::InteractionTypes, index);
            self.status = Some("an empty interaction type was removed".into());
        }
    }

    /// A field just named like a secret (`token`, `api_key`…) while its type is `input`: the type is
    /// left as the author (and the page's example) has it, and the status says why a `password` is
    /// advised and which one key makes it one (the quick fix), so following the page costs no key.
    fn mask_a_secret(&mut self, editor: &Editor) {
        let EditTarget::Value { owner: Owner::AuthField(index), key: Key::AuthField(AuthFieldKey::FieldName) } =
            editor.target
        else {
            return;
        };
        let name = editor.text.value();
        let renamed = editor.original.as_str() != Some(name.as_str());
        let owner = Owner::AuthField(index);
        let input =
            self.doc.manifest.term(owner, AuthFieldKey::Type).is_some_and(|slot| slot.as_str() == Some("input"));
        if renamed && input && crate::manifest::rules::authentication::looks_secret(&name) {
            let key = self.keys.hint_key_in(
                crate::wizard::keys::Command::QuickFix,
                &[
                    crate::wizard::keys::Scope::Anywhere,
                    crate::wizard::keys::Scope::Field,
                    crate::wizard::keys::Scope::Browse,
                ],
            );
            self.pending.mask = Some(index);
            self.status = Some(format!(
                "{name} looks like a secret: the page's example keeps it input (shown in clear); {key} makes it a \
                 password, which Talkdesk masks"
            ));
        }
    }

    /// Makes the authentication field `index` a password (the quick fix offered when it was named).
    pub(super) fn mask_field(&mut self, index: usize) {
        let owner = Owner::AuthField(index);
        self.doc.manifest.set_term(owner, AuthFieldKey::Type, "password");
        self.edited(owner.key_pointer(&self.doc.manifest, AuthFieldKey::Type));
        self.status = Some("type password: Talkdesk masks what is typed in it (←→ on Type changes it)".into());
    }

    /// Ends editing and puts back the value from before it started.
    pub(super) fn cancel_editor(&mut self) {
        let Some(editor) = self.take_editor() else {
            return;
        };
        let restored = editor.original.clone();
        match editor.target {
            EditTarget::Value { owner, key } => {
                if let Some(slot) = self.doc.manifest.text_mut(owner, key) {
                    *slot = restored;
                }
                if crate::wizard::steps::integration::is_name(owner, key) {
                    // The providers follow the name back, as they followed it while typing.
                    self.doc.manifest.sync_providers();
                }
            }
            EditTarget::SelectOption { action, input, .. } => {
                if let Some(slot) = self.doc.manifest.text_mut(Owner::Input { action, input }, InputKey::Format) {
                    *slot = restored;
                }
            }
            EditTarget::InteractionType(index) => {
                if matches!(restored, Slot::Value(ref text) if text.is_empty()) {
                    self.delete_item(ListRef::InteractionTypes, index);
                } else if let Some(slot) = self.doc.manifest.interaction_type_mut(index) {
                    *slot = restored;
                }
            }
        }
        self.doc.revalidate();
        self.doc.generation += 1;
        self.doc.modified = editor.was_modified;
        self.status = Some("edit cancelled".into());
    }
}
