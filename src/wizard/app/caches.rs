//! Views derived from the state and kept until what they show changes: the preview and the review's JSON.

use super::*;
use crate::manifest::Key;
use crate::manifest::write::{WrittenLines, to_json_with_lines};
use crate::wizard::shown::clipped_json::clipped_pretty as pretty;
use crate::wizard::steps::{auth_fields, features};

/// The preview pane's content and what it was made from.
#[derive(Debug, Clone, Default)]
pub struct PreviewCache {
    /// The document generation, page and focused row it shows; None before the first update.
    pub source: Option<(u64, Page, Option<Row>)>,
    pub title: String,
    pub text: String,
    /// The key whose line is highlighted.
    pub key: Option<&'static str>,
}

/// The review page's JSON text, with the generation of the document it was made from.
#[derive(Debug, Clone, Default)]
pub struct ReviewJson {
    pub generation: Option<u64>,
    pub text: String,
    /// Byte offset of each line's start.
    pub line_starts: Vec<usize>,
    /// The line of each finding's place, as the writer wrote it.
    pub lines: WrittenLines,
    /// The first line shown.
    pub scroll: usize,
}

impl App {
    /// What the preview shows now: the page, focused row and document it must reflect.
    pub fn preview_source(&self) -> (u64, Page, Option<Row>) {
        (self.doc.generation, self.page, self.focused_row())
    }

    pub(super) fn refresh_preview(&mut self) {
        let source = self.preview_source();
        if self.caches.preview.source == Some(source) || self.page == Page::Step(Step::Review) {
            return;
        }
        let (title, text, key) = focused_json(self);
        self.caches.preview = PreviewCache { source: Some(source), title, text, key };
    }

    pub(super) fn refresh_review_json(&mut self) {
        if self.page != Page::Step(Step::Review) || self.caches.review.generation == Some(self.doc.generation) {
            return;
        }
        let pointers: Vec<&str> = self.doc.diagnostics().iter().map(|d| d.pointer.as_str()).collect();
        let (text, lines) = to_json_with_lines(&self.doc.manifest, &pointers);
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .filter(|&at| at < text.len())
            .collect();
        let scroll = self.caches.review.scroll;
        self.caches.review = ReviewJson { generation: Some(self.doc.generation), text, line_starts, lines, scroll };
    }
}

/// The title, JSON text and focused key of what the page edits. Only that part is serialised,
/// so a large manifest is not written out on every keystroke.
pub(crate) fn focused_json(app: &App) -> (String, String, Option<&'static str>) {
    let manifest = &app.doc.manifest;
    let key = match app.focused_row() {
        Some(Row::Text { key, .. } | Row::Toggle { key, .. } | Row::Choice { key, .. }) => Some(key),
        Some(Row::AuthType(_)) => Some(authentication::KEY.into()),
        _ => None,
    };
    let integration = || pretty(&manifest.wrapper.integration);
    match app.page {
        Page::Step(Step::Features) if features::previews_cti(key) => {
            (features::CTI.key.as_str().into(), features::cti_preview(manifest), key.map(Key::as_str))
        }
        Page::Step(Step::Features) if matches!(app.focused_row(), Some(Row::Item(..) | Row::Add(_))) => {
            ("integration".into(), integration(), Some(features::INTERACTION_TYPES.as_str()))
        }
        Page::Step(Step::AuthFields) => match app.focused_row() {
            Some(Row::Item(ListRef::AuthFields, index)) => (
                format!("authentication field {}", index + 1),
                slot_json(manifest.integration().and_then(|i| i.authentication_configuration.get()), index),
                None,
            ),
            _ => ("integration".into(), integration(), Some(auth_fields::LIST_KEY.as_str())),
        },
        Page::Step(Step::Actions) => match app.focused_row() {
            Some(Row::Item(ListRef::Actions, index)) => {
                (format!("action {}", index + 1), slot_json(manifest.wrapper.actions.get(), index), None)
            }
            _ => ("actions".into(), format!("{} action(s)", manifest.action_count()), None),
        },
        Page::Step(_) => ("integration".into(), integration(), key.map(Key::as_str)),
        Page::AuthField(index) => (
            format!("authentication field {}", index + 1),
            slot_json(manifest.integration().and_then(|i| i.authentication_configuration.get()), index),
            key.map(Key::as_str),
        ),
        Page::Action(index) => {
            (format!("action {}", index + 1), slot_json(manifest.wrapper.actions.get(), index), key.map(Key::as_str))
        }
        Page::Input { action, input } => {
            let inputs = manifest.action(action).and_then(|a| a.inputs.get());
            (format!("action {} input {}", action + 1, input + 1), slot_json(inputs, input), key.map(Key::as_str))
        }
    }
}

/// The JSON of the element at `index` of `list` (not copied: it may hold a very long string).
fn slot_json<T: serde::Serialize + Default>(list: Option<&Vec<crate::manifest::Slot<T>>>, index: usize) -> String {
    match list.and_then(|items| items.get(index)) {
        Some(slot) => pretty(slot),
        None => pretty(&crate::manifest::Slot::<T>::default()),
    }
}
