//! What changed since the file was opened in this run: the file as it was read (the baseline), the
//! changes from it to the manifest now (the same list `diff` prints, breaking ones first), and the
//! breaking changes the author already agreed to save.
//!
//! The baseline stays the file as opened for the whole run, saves included: the review keeps
//! listing what this run changed, and the update document describes all of it. No I/O here.

use crate::manifest::Manifest;
use crate::manifest::changes::{Change, Side, breaking_first, compare};
use std::sync::Arc;

/// A file opened in this run, and what changed since.
#[derive(Debug, Clone)]
pub struct SinceOpened {
    /// The manifest as read when the file was opened (shared: the state is cloned in tests).
    baseline: Arc<Manifest>,
    /// The file's bytes as read: the update document's "previous fingerprint".
    source: Arc<[u8]>,
    /// The file's name as opened: the update document's "Previous version".
    file_name: String,
    /// The changes from the baseline, breaking ones first.
    changes: Vec<Change>,
    /// The document generation `changes` was computed for; None before the first time.
    computed_for: Option<u64>,
    /// The words of the breaking changes the author agreed to save: only others are asked about.
    confirmed: Vec<String>,
}

impl SinceOpened {
    /// The file `file_name`, read as `source` and understood as `baseline`.
    pub fn new(baseline: Manifest, source: Arc<[u8]>, file_name: String) -> Self {
        SinceOpened {
            baseline: Arc::new(baseline),
            source,
            file_name,
            changes: Vec::new(),
            computed_for: None,
            confirmed: Vec::new(),
        }
    }

    /// Compares `manifest` (at `generation`) with the baseline again, unless it was already
    /// compared at that generation: comparing a large manifest takes as long as checking it.
    pub fn refresh(&mut self, manifest: &Manifest, generation: u64) {
        if self.computed_for == Some(generation) {
            return;
        }
        let mut changes = compare(&self.baseline, manifest);
        breaking_first(&mut changes);
        self.changes = changes;
        self.computed_for = Some(generation);
    }

    /// The changes as last compared, those that break the live integration first.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// How many of the changes break the live integration.
    pub fn breaking_count(&self) -> usize {
        self.changes.iter().filter(|change| change.breaking().is_some()).count()
    }

    /// The breaking changes, when at least one of them was not agreed to yet: the save asks about
    /// all of them, once. Empty when there is nothing new to ask.
    pub fn to_confirm(&self) -> Vec<Change> {
        let breaking = self.changes.iter().filter(|change| change.breaking().is_some());
        if breaking.clone().all(|change| self.confirmed.contains(&change.words())) {
            return Vec::new();
        }
        breaking.cloned().collect()
    }

    /// The author agreed to save `changes`: they are not asked about again in this run.
    pub fn confirm(&mut self, changes: &[Change]) {
        for change in changes {
            let words = change.words();
            if !self.confirmed.contains(&words) {
                self.confirmed.push(words);
            }
        }
    }

    /// The ticket document that asks Talkdesk to change the integration activated from the file as
    /// opened: `document` (the manifest now) with the changes first and both fingerprints.
    pub fn update_document<'a>(
        &self,
        document: crate::ticket::Document<'a>,
        manifest: &Manifest,
    ) -> crate::ticket::Document<'a> {
        document.since(&self.baseline, manifest, &self.file_name, &crate::fingerprint::hex(&self.source))
    }

    /// The file's name as opened.
    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    /// Where in `manifest` (the manifest now) the field of `change` is edited: its own pointer, or
    /// for what was removed, the list that held it (an action's inputs found by the action's name).
    pub fn place(&self, change: &Change, manifest: &Manifest) -> String {
        if change.side == Side::New {
            return change.pointer.clone();
        }
        let tokens: Vec<&str> = change.pointer.split('/').collect();
        match tokens.as_slice() {
            ["", "actions", _] => "/actions".into(),
            ["", "actions", action, "inputs", _] => {
                let was = action.parse::<usize>().ok().and_then(|index| self.baseline.action(index));
                let name = was.and_then(|action| action.name.get());
                let now = name.and_then(|name| manifest.actions().find(|(_, action)| action.name.get() == Some(name)));
                now.map_or_else(|| "/actions".into(), |(index, _)| format!("/actions/{index}/inputs"))
            }
            // An authentication field: the list, wherever the integration is now (wrapper or bare file).
            _ => format!("{}/authentication_configuration", manifest.integration_pointer()),
        }
    }
}

/// A change as one line of the save question: its words, then why it breaks the live integration.
pub(crate) fn breaking_line(change: &Change) -> String {
    match change.breaking() {
        Some(why) => format!("{}: {why}", change.words()),
        None => change.words(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::read;
    use serde_json::json;

    fn manifest(value: serde_json::Value) -> Manifest {
        read(value.to_string().as_bytes()).expect("JSON").manifest
    }

    fn opened() -> (SinceOpened, Manifest) {
        let value = json!({
            "integration": {"name": "crm", "authentication_configuration": [
                {"field_name": "token", "name": "Token", "type": "text", "mandatory": true}
            ]},
            "actions": [{"name": "create_ticket", "provider": "crm"}]
        });
        let baseline = manifest(value.clone());
        (SinceOpened::new(baseline.clone(), Arc::from(value.to_string().into_bytes()), "crm.json".into()), baseline)
    }

    fn edited() -> Manifest {
        manifest(json!({
            "integration": {"name": "crm", "display_name": "CRM", "authentication_configuration": []},
            "actions": [{"name": "open_ticket", "provider": "crm"}]
        }))
    }

    #[test]
    fn the_changes_since_opening_list_breaking_ones_first_and_are_compared_once_per_generation() {
        let (mut since, baseline) = opened();
        since.refresh(&baseline, 0);
        assert!(since.changes().is_empty());
        let now = edited();
        since.refresh(&now, 1);
        let words: Vec<String> = since.changes().iter().map(Change::words).collect();
        assert_eq!(since.breaking_count(), 2, "{words:?}");
        assert!(since.changes()[..2].iter().all(|change| change.breaking().is_some()), "{words:?}");
        assert_eq!(words.last().map(String::as_str), Some("integration: display_name added"), "{words:?}");
        // The same generation is not compared again, even with another manifest.
        since.refresh(&baseline, 1);
        assert_eq!(since.changes().len(), 3);
    }

    #[test]
    fn breaking_changes_are_asked_about_once_and_again_only_when_a_new_one_appears() {
        let (mut since, _) = opened();
        since.refresh(&edited(), 1);
        let asked = since.to_confirm();
        assert_eq!(asked.len(), 2);
        since.confirm(&asked);
        assert!(since.to_confirm().is_empty(), "agreed once: not asked again");
        let more = manifest(json!({
            "integration": {"name": "crm", "display_name": "CRM 2", "authentication_configuration": []},
            "actions": [{"name": "open_ticket", "provider": "crm"}]
        }));
        since.refresh(&more, 2);
        let words: Vec<String> = since.to_confirm().iter().map(Change::words).collect();
        assert!(words.is_empty(), "a non-breaking change asks nothing new: {words:?}");
        let worse = manifest(json!({
            "integration": {"name": "crm", "display_name": "CRM", "authentication_configuration": []},
            "actions": []
        }));
        since.refresh(&worse, 3);
        let words: Vec<String> = since.to_confirm().iter().map(Change::words).collect();
        assert!(words.iter().any(|w| w == "action \"create_ticket\" removed"), "{words:?}");
    }

    #[test]
    fn a_removed_element_is_found_in_the_list_that_held_it() {
        let (mut since, _) = opened();
        let now = edited();
        since.refresh(&now, 1);
        let places: Vec<String> = since.changes().iter().map(|change| since.place(change, &now)).collect();
        assert_eq!(
            places,
            ["/integration/authentication_configuration", "/actions/0/name", "/integration/display_name"]
        );
    }

    #[test]
    fn a_breaking_line_says_what_breaks_and_why() {
        let (mut since, _) = opened();
        since.refresh(&edited(), 1);
        let line = breaking_line(&since.changes()[0]);
        assert!(line.starts_with("auth field \"token\" removed: "), "{line}");
        assert!(line.contains("re-enter their credentials"), "{line}");
    }
}
