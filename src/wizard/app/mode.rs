//! What has the keys: one answer, asked by the dispatcher, `App::update`, the hint bar and the key list.

use super::{App, ListFilter, Screen};
use crate::wizard::editor::Editor;
use crate::wizard::overlay::Overlay;

/// What has the keys at the moment: exactly one of these, most specific first. A panel takes the keys
/// over whatever is under it; the start screen has no editor or filter; a filter being typed and an
/// open editor are never both there (each takes the keys that would open the other).
#[derive(Debug, Clone, Copy)]
pub enum Mode<'a> {
    /// A panel or question drawn over the screen.
    Panel(&'a Overlay),
    /// The start screen's entries.
    Start,
    /// The text of a list filter being typed (after `/`).
    Filtering(&'a ListFilter),
    /// A field's text being edited.
    Editing(&'a Editor),
    /// Moving on a step's page.
    Browse,
}

impl App {
    /// What has the keys now: the one place that decides it.
    pub fn mode(&self) -> Mode<'_> {
        if let Some(overlay) = &self.overlay {
            return Mode::Panel(overlay);
        }
        if self.screen == Screen::Start {
            return Mode::Start;
        }
        if let Some(filter) = self.filter.as_ref().filter(|filter| filter.typing) {
            return Mode::Filtering(filter);
        }
        match &self.editor {
            Some(editor) => Mode::Editing(editor),
            None => Mode::Browse,
        }
    }
}
