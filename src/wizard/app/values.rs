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
        let (pointers, status) = authentication::choose(&mut self.doc.manifest, kind);
        for pointer in pointers {
            self.edited(pointer);
        }
        self.status = Some(status);
    }

    pub(super) fn quick_fix(&mut self) {
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
        let Some(Row::Text { owner: owner @ Owner::Action(_), key: Key::Action(key), .. }) = self
            .focused_row()
            .filter(|row| matches!(row, Row::Text { key: Key::Action(key), .. } if action_form::LOWERCASED.contains(key)))
        else {
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
}
