//! Changing a value without typing: toggles, pickers, the authentication type, quick fixes.

use super::*;

impl App {
    pub(super) fn fix_providers(&mut self) {
        let (changed, status) = action_form::sync_providers(&mut self.doc.manifest);
        if changed > 0 {
            self.edited("/actions".into());
        }
        self.status = Some(status);
    }

    pub(super) fn toggle(&mut self) {
        match self.focused_row() {
            Some(Row::Toggle { owner, key, .. }) => {
                if let Some(explained) = self.explain_wrong_flag(owner, key) {
                    // Nothing the file holds is replaced without a word: the next Space does it.
                    self.status = Some(explained);
                    self.pending.replace_flag = Some((owner, key));
                    return;
                }
                self.doc.manifest.toggle(owner, key);
                for pointer in features::toggled(&self.doc.manifest, owner, key) {
                    self.edited(pointer);
                }
            }
            Some(Row::AuthType(kind)) => self.choose_authentication(kind),
            Some(Row::Choice { .. }) => self.cycle(true),
            _ => {}
        }
    }

    pub(super) fn cycle(&mut self, forward: bool) {
        let Some(Row::Choice { owner, key, options, .. }) = self.focused_row() else {
            return;
        };
        let values = options.values();
        let current = self.doc.manifest.term(owner, key);
        let position =
            current.as_ref().and_then(Slot::as_str).and_then(|value| values.iter().position(|v| *v == value));
        let next = match (position, forward) {
            (Some(at), true) => (at + 1) % values.len(),
            (Some(at), false) => (at + values.len() - 1) % values.len(),
            (None, _) => 0,
        };
        self.doc.manifest.set_term(owner, key, values[next]);
        self.edited(owner.key_pointer(&self.doc.manifest, key));
        if options == Options::InputTypes {
            if values[next] == InputType::Select.as_str() {
                self.status = Some(input_form::SELECT_NOTE.into());
            } else if self.status.as_deref() == Some(input_form::SELECT_NOTE) {
                // The note was about a select; this input is not one (any more).
                self.status = None;
            }
        }
    }

    pub(super) fn choose_authentication(&mut self, kind: AuthenticationType) {
        let remove_key = self.keys.hint_key(crate::wizard::keys::Command::RemoveUnrequired);
        let chosen = authentication::choose(&mut self.doc.manifest, kind, &remove_key);
        for pointer in chosen.pointers {
            self.edited(pointer);
        }
        self.status = Some(chosen.status);
        self.pending.removable = chosen.removable;
    }

    /// Removes the fields the chosen type no longer requires that are still as the wizard added them
    /// (offered after a switch): one edit of the list.
    pub(super) fn remove_unrequired(&mut self) {
        let names = std::mem::take(&mut self.pending.removable);
        let (pointer, status) = authentication::remove_unrequired(&mut self.doc.manifest, &names);
        if let Some(pointer) = pointer {
            self.edited(pointer);
        }
        self.status = Some(status);
    }

    pub(super) fn quick_fix(&mut self) {
        if let Some(index) = self.pending.mask.take() {
            self.mask_field(index);
            return;
        }
        if let Some(Row::Provider(_)) = self.focused_row() {
            self.fix_providers();
            return;
        }
        if let Some(Row::Text { owner, key, multiline: true, .. }) = self.focused_row()
            && let Some(Slot::Value(text)) = self.doc.manifest.text(owner, key)
            && let Some(fixed) = crate::manifest::rules::trailing_break::without_trailing_break(text)
        {
            let fixed = fixed.to_owned();
            self.doc.manifest.set_text(owner, key, &fixed);
            self.edited(owner.key_pointer(&self.doc.manifest, key));
            self.status = Some("removed the line break at the end".into());
            return;
        }
        let Some(Row::Text { owner: owner @ Owner::Action(_), key: Key::Action(key), .. }) = self.focused_row().filter(
            |row| matches!(row, Row::Text { key: Key::Action(key), .. } if action_form::LOWERCASED.contains(key)),
        ) else {
            self.status = Some(
                "the quick fix lowercases an action's display or description, removes a line break ending a \
                 description, and sets a provider to the integration's name"
                    .into(),
            );
            return;
        };
        let Some(fixed) = action_form::lowercase_first(&mut self.doc.manifest, owner, key) else {
            return;
        };
        self.edited(owner.key_pointer(&self.doc.manifest, key));
        self.status = Some(format!("Talkdesk will show it as \"Then {fixed}\""));
    }

    /// The yes/no row focused, as `(owner, key)`.
    pub(super) fn focused_flag(&self) -> Option<(Owner, Key)> {
        match self.focused_row() {
            Some(Row::Toggle { owner, key, .. }) => Some((owner, key)),
            _ => None,
        }
    }

    /// When the yes/no value at `key` is there but not true or false: what it is and what Space again
    /// writes instead.
    fn explain_wrong_flag(&self, owner: Owner, key: Key) -> Option<String> {
        let slot = self.doc.manifest.flag(owner, key)?;
        let written = wrong_flag_text(slot)?;
        let replacement = flag_reading(slot).unwrap_or(true);
        let again = self.keys.hint_key(crate::wizard::keys::Command::Toggle);
        Some(format!(
            "{key} holds {written} ({}), not true or false: {again} again replaces it with {replacement}; any other key keeps it",
            slot.found()
        ))
    }

    /// Replaces the wrong-typed yes/no value the author was told about (second Space).
    pub(super) fn replace_flag(&mut self, target: Option<(Owner, Key)>) {
        let Some((owner, key)) = target else { return };
        let Some(slot) = self.doc.manifest.flag_mut(owner, key) else { return };
        let Some(written) = wrong_flag_text(slot) else { return };
        let replacement = flag_reading(slot).unwrap_or(true);
        *slot = Slot::Value(replacement);
        self.edited(owner.key_pointer(&self.doc.manifest, key));
        self.status = Some(format!("{key}: replaced {written} with {replacement}"));
    }
}

/// The value of a yes/no key that is neither true nor false, as written in the file (shortened).
fn wrong_flag_text(slot: &Slot<bool>) -> Option<String> {
    let text = match slot {
        Slot::Null => "null".to_owned(),
        Slot::Wrong(value) => serde_json::to_string(value).unwrap_or_default(),
        Slot::Absent | Slot::Value(_) => return None,
    };
    let text = crate::escape::one_line(&text).into_owned();
    Some(if text.chars().count() > 40 { format!("{}…", text.chars().take(39).collect::<String>()) } else { text })
}

/// What a wrong-typed yes/no value plainly means (`"no"`, `"false"`, `0` …), when it says it.
fn flag_reading(slot: &Slot<bool>) -> Option<bool> {
    let Slot::Wrong(value) = slot else { return None };
    let text = match value.as_ref() {
        crate::manifest::Json::String(text) => text.trim().to_ascii_lowercase(),
        crate::manifest::Json::Number(number) => number.as_str().to_owned(),
        _ => return None,
    };
    match text.as_str() {
        "yes" | "y" | "true" | "1" | "on" => Some(true),
        "no" | "n" | "false" | "0" | "off" => Some(false),
        _ => None,
    }
}
