//! Filtering a list by its elements' summaries (`/`).

use super::*;

/// A filter on a list: only the elements whose summary contains the text are shown.
#[derive(Debug, Clone)]
pub struct ListFilter {
    pub list: ListRef,
    pub input: Input,
    /// The indices of the elements that match, in list order.
    pub matches: Vec<usize>,
    /// The document generation the matches were computed for.
    generation: u64,
}

impl App {
    pub(super) fn filter_list(&self) -> Option<ListRef> {
        self.page_list().filter(|list| *list != ListRef::InteractionTypes)
    }

    pub(super) fn start_filter(&mut self) {
        let Some(list) = self.filter_list() else {
            self.status = Some("/ filters the lists of Auth fields, Actions and an action's inputs".into());
            return;
        };
        let input = self.filter.take().map(|filter| filter.input).unwrap_or_default();
        self.filter = Some(ListFilter { list, input, matches: Vec::new(), generation: u64::MAX });
        self.mode = Mode::Filtering;
        self.refresh_filter();
        self.focus = 0;
    }

    pub(super) fn update_filter(&mut self, action: Action, effects: &mut Vec<Effect>) {
        let Some(filter) = self.filter.as_mut() else { return };
        match action {
            Action::Edit(request) => {
                filter.input.handle(request);
                filter.generation = u64::MAX;
                self.focus = 0;
            }
            Action::Paste(text) => {
                for c in text.chars().filter(|c| !c.is_control()) {
                    filter.input.handle(tui_input::InputRequest::InsertChar(c));
                }
                filter.generation = u64::MAX;
            }
            Action::Activate | Action::Down | Action::Next => self.mode = Mode::Browse,
            Action::Back => self.clear_filter(),
            Action::Save | Action::Quit => {
                self.mode = Mode::Browse;
                self.update_page(action, effects);
            }
            _ => {}
        }
    }

    /// Drops the filter: the whole list shows, and keys no longer go to the filter's text.
    pub(super) fn clear_filter(&mut self) {
        self.filter = None;
        if matches!(self.mode, Mode::Filtering) {
            self.mode = Mode::Browse;
        }
    }

    /// Recomputes a filter's matches when its text or the manifest changed.
    pub(super) fn refresh_filter(&mut self) {
        let Some(filter) = self.filter.as_mut() else { return };
        if filter.generation == self.doc.generation {
            return;
        }
        let needle = filter.input.value().to_lowercase();
        let count = match filter.list {
            ListRef::AuthFields => self.doc.manifest.auth_field_count(),
            ListRef::Actions => self.doc.manifest.action_count(),
            ListRef::Inputs(action) => self.doc.manifest.input_count(action),
            ListRef::InteractionTypes => 0,
        };
        let manifest = &self.doc.manifest;
        filter.matches = (0..count)
            .filter(|&index| {
                crate::wizard::shown::summaries::item_label(manifest, filter.list, index)
                    .to_lowercase()
                    .contains(&needle)
            })
            .collect();
        filter.generation = self.doc.generation;
    }
}
