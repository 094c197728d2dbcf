//! Saving and quitting: what a save must check first, and what its result means.

use super::*;
use crate::wizard::panels::breaking_save::BreakingSave;
use crate::wizard::panels::path_prompt::{PathPrompt, PromptPurpose};
use crate::wizard::panels::quit::ConfirmQuit;
use crate::wizard::panels::save::{ConfirmSave, DiskChanged, ReplaceExisting};

impl App {
    pub(crate) fn save(&mut self, effects: &mut Vec<Effect>) {
        self.doc.reveal();
        match self.doc.path.clone() {
            Some(path) => self.confirm_and_save(path, effects),
            None => self.ask_save_as(self.doc.default_file_name()),
        }
    }

    pub(crate) fn confirm_and_save(&mut self, path: PathBuf, effects: &mut Vec<Effect>) {
        let mut reasons = Vec::new();
        let errors = Counts::of(self.doc.diagnostics()).errors;
        if errors > 0 {
            reasons.push(format!(
                "it has {errors} error(s): Talkdesk will not accept it until they are fixed (see Review & save)"
            ));
        }
        if self.doc.disk_shape == Some(Shape::Bare) && self.doc.manifest.written_shape() == Shape::Wrapper {
            reasons.push("the file was a bare integration document; it will be saved as {\"integration\": ..., \"actions\": [...]}".into());
        }
        self.doc.refresh_changes();
        let breaking = self.doc.since_opened.as_ref().map(|since| since.to_confirm()).unwrap_or_default();
        if !breaking.is_empty() {
            self.open(BreakingSave { path, breaking, reasons });
        } else if reasons.is_empty() {
            effects.push(self.save_effect(path));
        } else {
            self.open(ConfirmSave { path, reasons });
        }
    }

    pub(crate) fn save_effect(&self, path: PathBuf) -> Effect {
        // The file must still be what was read or last written; a new path must not hold a file yet.
        let expect = self.expected_on_disk(&path);
        Effect::Save { path, contents: to_json(&self.doc.manifest), expect }
    }

    /// What a save to `path` expects there: what was read or last written, or nothing for a new path.
    fn expected_on_disk(&self, path: &std::path::Path) -> OnDisk {
        match self.doc.disk_hash {
            Some(hash) if self.doc.path.as_deref() == Some(path) => OnDisk::Content(hash),
            _ => OnDisk::Nothing,
        }
    }

    pub(super) fn saved(&mut self, path: PathBuf, result: Result<u64, SaveFailure>, effects: &mut Vec<Effect>) {
        match result {
            Ok(hash) => {
                // Saving over the file that was opened keeps its previous content beside it.
                let replaced = self.expected_on_disk(&path) != OnDisk::Nothing;
                effects.push(self.discard_work_drafts());
                self.session.recovered.clear();
                self.doc.saved(path.clone());
                self.doc.disk_hash = Some(hash);
                let backup = crate::storage::backup_path(&path);
                self.status = Some(if replaced {
                    format!("saved {}; the previous version is in {}", path.display(), backup.display())
                } else {
                    format!("saved {}", path.display())
                });
                if self.session.quit_after_save {
                    effects.push(Effect::Quit);
                }
            }
            // A file at a path this manifest never had was not changed: it was there before.
            Err(SaveFailure::ChangedOnDisk) if self.expected_on_disk(&path) == OnDisk::Nothing => {
                self.open(ReplaceExisting { path });
            }
            Err(SaveFailure::ChangedOnDisk) => {
                self.open(DiskChanged { path });
            }
            Err(SaveFailure::Failed(message)) => {
                self.status = Some(format!("not saved: {message}; your work is still here"));
            }
        }
    }

    /// A quit waits for a save only while that save goes on: a save was just asked of the loop, or a
    /// question on the way to it shows (a path, problems, a file in the way). Anything else (a
    /// question cancelled, a save failed or done) ends the wait, here rather than at each of them.
    pub(super) fn settle_quit_after_save(&mut self, effects: &[Effect]) {
        let saving = effects.iter().any(|effect| matches!(effect, Effect::Save { .. }));
        let asking = self.panel_as::<BreakingSave>().is_some()
            || matches!(self.panel_as::<PathPrompt>(), Some(PathPrompt { purpose: PromptPurpose::SaveAs, .. }))
            || self.panel_as::<ConfirmSave>().is_some()
            || self.panel_as::<ReplaceExisting>().is_some()
            || self.panel_as::<DiskChanged>().is_some();
        if !saving && !asking {
            self.session.quit_after_save = false;
        }
    }

    pub(crate) fn quit(&mut self, effects: &mut Vec<Effect>) {
        if self.doc.modified {
            self.open(ConfirmQuit);
        } else {
            effects.push(Effect::Quit);
        }
    }

    /// Saves, then quits once the save succeeds (a question on the way to it may come first).
    pub(crate) fn save_then_quit(&mut self, effects: &mut Vec<Effect>) {
        self.session.quit_after_save = true;
        self.save(effects);
    }

    /// Quits, the unsaved work discarded: its drafts too.
    pub(crate) fn quit_without_saving(&mut self, effects: &mut Vec<Effect>) {
        self.session.work_discarded = true;
        effects.push(self.discard_work_drafts());
        effects.push(Effect::Quit);
    }

    /// Reads the file at `path` again, the unsaved work (and its drafts) discarded.
    pub(crate) fn reload(&mut self, path: PathBuf, effects: &mut Vec<Effect>) {
        effects.push(self.discard_work_drafts());
        effects.push(Effect::Open(path));
    }
}
