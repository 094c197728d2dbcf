//! Deleting an element of a list (an action, an input, an auth field, an option): asked first,
//! naming the element, since it takes its own fields with it.

use super::{Panel, keys, panel_basics};
use crate::manifest::edit::ListRef;
use crate::wizard::action::Action;
use crate::wizard::app::{App, Effect};
use crate::wizard::keys::{Command as C, Scope};
use crate::wizard::view::bars::Hint;
use crate::wizard::view::panel::{delete_question, question};
use ratatui::Frame;

/// Delete this element? (y / n)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmDelete {
    /// The list.
    pub list: ListRef,
    /// The element's index.
    pub index: usize,
    /// The element, as the question names it.
    pub label: String,
}

impl Panel for ConfirmDelete {
    fn update(self: Box<Self>, action: Action, app: &mut App, _effects: &mut Vec<Effect>) {
        match action {
            Action::Answer('y') | Action::Activate => app.delete_item(self.list, self.index),
            Action::Back | Action::Answer('n') => {}
            _ => app.open_boxed(self),
        }
    }

    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Question]
    }

    fn hints(&self, _app: &App) -> Vec<(Hint, &'static str)> {
        keys(&[(C::Yes, "yes"), (C::No, "no")])
    }

    fn render(&self, app: &App, frame: &mut Frame) {
        let lines = delete_question(format!("Delete {}?", self.label), "delete", app.theme);
        question(frame, app.theme, "Delete?", lines);
    }

    panel_basics!();
}
