//! Recovering a draft from the start screen: the file it belongs to is opened first (when it is
//! there), then the draft is offered over it with what it changes.

use super::super::action::Action;
use super::super::history::Kept;
use super::super::opened_from;
use crate::manifest::read;
use crate::storage::drafts::{self, Draft, DraftKey};
use crate::storage::{ReadError, read_file};

/// The actions that recover `draft`: its file loaded (or why not), then the offer to restore it.
/// The file is read once, through the reader that refuses what is not a regular file: a draft whose
/// file has become a FIFO or a device since is offered as a new manifest, and the author is told why.
pub(crate) fn recover(key: DraftKey, mut draft: Box<Draft>) -> Vec<Action> {
    let mut actions = Vec::new();
    let mut on_disk = String::new();
    if let Some(path) = draft.path.clone() {
        match read_file(&path) {
            Ok(bytes) => {
                on_disk = String::from_utf8_lossy(&bytes).into_owned();
                actions.push(Action::Loaded { path, result: opened_from(&bytes).map(Box::new) });
            }
            // Deleted since: the draft brings the work back, to be saved there again.
            Err(ReadError::NotFound) => {}
            Err(error) => {
                let why = match error {
                    ReadError::NotRegular(kind) => format!("{kind}, not a regular file (not read)"),
                    error => error.to_string(),
                };
                let message = format!("{why}; the draft comes back as a new manifest");
                actions.push(Action::Loaded { path, result: Err(message) });
                // Saving the recovered work must not go back to a path that is not a file.
                draft.path = None;
            }
        }
    }
    let differences = drafts::differences(&on_disk, &draft.manifest, 12);
    let file_is_newer = drafts::saved_after(&draft);
    actions.push(Action::OfferDraft { key, draft, differences, file_is_newer });
    actions
}

/// Leaves out a draft's undo history when it cannot be read or does not fit the draft's manifest
/// (tampered with, or cut short): says why, or None when the history is fine (or there is none).
pub(crate) fn drop_misfit_history(draft: &mut Draft) -> Option<String> {
    let text = draft.history.as_deref()?;
    // A manifest that cannot be read is refused whole when it is recovered; its history is moot.
    let manifest = read(draft.manifest.as_bytes()).ok()?.manifest;
    let fits = match crate::manifest::number_text::parse::<Kept>(text.as_bytes()) {
        Ok(kept) => kept.check(&manifest),
        Err(error) => Err(format!("it cannot be read: {error}")),
    };
    let why = fits.err()?;
    draft.history = None;
    Some(why)
}

/// How many changes a draft holds: its history's, or, without one, its changed lines (a list cut
/// short counts its last line too, so it is always more than the lines shown).
pub(crate) fn change_count(draft: &Draft, differences: &[String]) -> usize {
    let kept =
        draft.history.as_deref().and_then(|text| crate::manifest::number_text::parse::<Kept>(text.as_bytes()).ok());
    kept.map_or(differences.len(), |kept| kept.undo.len())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::path::Path;
    use std::sync::mpsc;
    use std::time::Duration;

    fn draft_of(path: &Path) -> Box<Draft> {
        Box::new(Draft { path: Some(path.to_path_buf()), written_at: 0, manifest: "{}".into(), history: None })
    }

    #[test]
    fn a_draft_whose_file_became_a_fifo_is_recovered_without_reading_the_fifo() {
        let folder = tempfile::tempdir().expect("temp dir");
        let fifo = folder.path().join("mycrm.json");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|status| status.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        let (done, finished) = mpsc::channel();
        let draft = draft_of(&fifo);
        std::thread::spawn(move || {
            let _ = done.send(recover(DraftKey::for_path(Path::new("mycrm.json")), draft));
        });
        // A reader of the FIFO would wait for a writer forever; the recovery must not.
        let actions = finished.recv_timeout(Duration::from_secs(5)).expect("recovery returns without a writer");
        let Some(Action::Loaded { result: Err(message), .. }) = actions.first() else {
            panic!("the file is refused: {actions:?}");
        };
        assert!(message.contains("named pipe (FIFO)") && message.contains("not a regular file"), "{message}");
        let Some(Action::OfferDraft { draft, .. }) = actions.last() else {
            panic!("the draft is still offered: {actions:?}");
        };
        assert_eq!(draft.path, None, "recovered as a new manifest, never saved into the FIFO");
    }
}
