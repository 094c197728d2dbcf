//! Answers to the questions and panels drawn over the screen.

use super::*;
use crate::wizard::path_list::PathField;

/// A draft of more changes than this is deleted from the recovery panel only once confirmed.
const FEW_CHANGES: usize = 3;

impl App {
    pub(crate) fn update_overlay(&mut self, overlay: Overlay, action: Action, effects: &mut Vec<Effect>) {
        match (overlay, action) {
            (Overlay::Help { .. }, Action::Back | Action::Help | Action::Activate | Action::Answer(_)) => {}
            (Overlay::Help { .. }, Action::Quit) => self.quit(effects),
            (Overlay::Help { scroll }, action @ (Action::Up | Action::Down | Action::PageUp | Action::PageDown)) => {
                let page =
                    layout::keys_panel(self, ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1)).1.max(1);
                let scroll = match action {
                    Action::Up => scroll.saturating_sub(1),
                    Action::Down => scroll + 1,
                    Action::PageUp => scroll.saturating_sub(page),
                    _ => scroll + page,
                };
                let scroll = scroll.min(layout::keys_panel_max_scroll(self));
                self.open(Overlay::Help { scroll });
            }
            (Overlay::ConfirmQuit, Action::Answer('s') | Action::Save) => {
                self.session.quit_after_save = true;
                self.save(effects);
            }
            (Overlay::ConfirmQuit, Action::Answer('q' | 'y') | Action::Quit) => {
                self.session.work_discarded = true;
                effects.push(self.discard_work_drafts());
                effects.push(Effect::Quit);
            }
            (Overlay::ReplaceExisting { path }, Action::Answer('y')) => {
                effects.push(Effect::Save { path, contents: to_json(&self.doc.manifest), expect: OnDisk::Anything });
            }
            (Overlay::ReplaceExisting { path }, Action::Answer('n')) => self.ask_save_as(path.display().to_string()),
            (Overlay::ReplaceExisting { .. }, Action::Back) => {
                self.status = Some("not saved: a file with that name exists".into());
            }
            (Overlay::DiskChanged { path }, Action::Answer('o')) => {
                effects.push(Effect::Save { path, contents: to_json(&self.doc.manifest), expect: OnDisk::Anything });
            }
            (Overlay::DiskChanged { .. }, Action::Answer('s')) => self.ask_save_as(self.doc.default_file_name()),
            (Overlay::DiskChanged { path }, Action::Answer('r')) => {
                effects.push(self.discard_work_drafts());
                effects.push(Effect::Open(path));
            }
            (Overlay::DiskChanged { .. }, Action::Back) => {
                self.status = Some("not saved: the file changed on disk".into());
            }
            // Only `y` recovers, as the panel says: an Enter typed ahead must not replace the file's content.
            (Overlay::Recover { key, draft, .. }, Action::Answer('y')) => {
                self.session.recovered.push(key);
                self.restore_draft(*draft);
            }
            // Work of many changes is not deleted on one key: the author confirms it first.
            (Overlay::Recover { key, draft, differences, .. }, Action::Answer('n'))
                if crate::wizard::recovery::change_count(&draft, &differences) > FEW_CHANGES =>
            {
                let place =
                    draft.path.as_ref().map_or_else(|| "a new manifest".to_owned(), |p| p.display().to_string());
                self.open(Overlay::DiscardDraft { key, place });
            }
            (Overlay::Recover { key, .. }, Action::Answer('n')) => {
                self.start.remove_draft(&key);
                effects.push(Effect::DiscardDrafts(vec![key]));
                self.status = Some("the draft was deleted".into());
            }
            // Only `y`: an Enter or a `Y` typed ahead must not delete unsaved work for good.
            (Overlay::DiscardDraft { key, place }, Action::Answer('y')) => {
                self.start.remove_draft(&key);
                effects.push(Effect::DiscardDrafts(vec![key]));
                self.status = Some(format!("deleted the draft of {place}"));
            }
            (Overlay::DiscardDraft { .. }, Action::Back | Action::Answer('n')) => {}
            (Overlay::ConfirmQuit, Action::Back | Action::Answer('n')) => {}
            (Overlay::ConfirmSave { path, .. }, Action::Answer('y') | Action::Activate) => {
                effects.push(self.save_effect(path))
            }
            (Overlay::ConfirmSave { .. }, Action::Back | Action::Answer('n')) => {
                self.status = Some("not saved".into());
            }
            (Overlay::ConfirmDelete { list, index, .. }, Action::Answer('y') | Action::Activate) => {
                self.delete_item(list, index)
            }
            (Overlay::ConfirmDelete { .. }, Action::Back | Action::Answer('n')) => {}
            (Overlay::Prompt { purpose, input }, Action::Activate) => self.answer_prompt(purpose, input, effects),
            (overlay @ Overlay::Prompt { .. }, Action::Next) => {
                self.open(overlay);
                self.complete_path(effects);
            }
            (overlay @ Overlay::Prompt { .. }, action @ (Action::Up | Action::Down)) => {
                self.open(overlay);
                self.pick_path(action == Action::Down);
            }
            (Overlay::Prompt { .. }, Action::Back) => {}
            (Overlay::Prompt { purpose, mut input }, Action::Edit(request)) => {
                // A suggested name is replaced by what is typed first, as typing replaces a field's value.
                if std::mem::take(&mut input.suggested)
                    && let tui_input::InputRequest::InsertChar(_) = request
                {
                    input.input = Input::default();
                }
                let changed = input.input.handle(request).is_some_and(|change| change.value);
                self.open(Overlay::Prompt { purpose, input });
                if changed {
                    self.path_typed(effects);
                }
            }
            (Overlay::Prompt { purpose, mut input }, Action::Paste(text)) => {
                if std::mem::take(&mut input.suggested) {
                    input.input = Input::default();
                }
                for c in text.chars().filter(|c| !c.is_control()) {
                    input.input.handle(tui_input::InputRequest::InsertChar(c));
                }
                self.open(Overlay::Prompt { purpose, input });
                self.path_typed(effects);
            }
            (overlay, _) => self.open(overlay),
        }
    }

    pub(super) fn answer_prompt(&mut self, purpose: PromptPurpose, input: PathField, effects: &mut Vec<Effect>) {
        let text = input.value().trim();
        if text.is_empty() {
            self.status = Some("type a path, or Esc to cancel".into());
            self.open(Overlay::Prompt { purpose, input });
            return;
        }
        let path = PathBuf::from(text);
        if purpose == PromptPurpose::Open && text.ends_with('/') {
            // A folder picked or completed is gone into (its files listed), not opened.
            self.open(Overlay::Prompt { purpose, input });
            self.path_typed(effects);
            return;
        }
        match purpose {
            PromptPurpose::SaveAs => self.confirm_and_save(path, effects),
            PromptPurpose::Open => effects.push(Effect::Open(path)),
        }
    }
}
