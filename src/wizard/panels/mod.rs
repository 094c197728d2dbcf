//! Panels drawn over the screen, each a module that owns its state, how it answers an action, its
//! keys and hints, and how it draws, behind the one small [`Panel`] trait. The App holds the open
//! panel (`Mode::Panel`) and hands it actions; nothing else names a panel's insides.
//!
//! Adding a panel: a module here implementing [`Panel`], its keys in the key table (`keys/key_list.rs`)
//! if it has keys of its own, and the one line that opens it (`app.open(...)`).

pub(crate) mod breaking_save;
pub(crate) mod credentials;
pub(crate) mod delete;
pub(crate) mod keys;
pub(crate) mod path_prompt;
pub(crate) mod probe;
pub(crate) mod quit;
pub(crate) mod recovery;
pub(crate) mod save;
pub(crate) mod ticket;

use super::action::Action;
use super::app::{App, Effect};
use super::keys::Scope;
use super::view::bars::Hint;
use ratatui::Frame;
use std::any::Any;

/// A panel or question over the screen: it has the keys until it closes.
pub trait Panel: std::fmt::Debug + Send + Any {
    /// Answers `action`. The panel was taken out of the App for it: it stays open only by opening
    /// itself again (`app.open_boxed(self)`), and may open another panel instead. No I/O here: what
    /// the loop must do goes into `effects`.
    fn update(self: Box<Self>, action: Action, app: &mut App, effects: &mut Vec<Effect>);

    /// The key table's scopes of this panel's own keys, most specific first (`Scope::Overlay`,
    /// every panel's, follows them).
    fn scopes(&self) -> &'static [Scope];

    /// The keys the hint bar shows while the panel is open, with the word each says here.
    fn hints(&self, app: &App) -> Vec<(Hint, &'static str)>;

    /// Draws the panel over the screen.
    fn render(&self, app: &App, frame: &mut Frame);

    /// True when keys the table does not name are typed into the panel's text.
    fn takes_text(&self) -> bool {
        false
    }

    /// True when a letter answers only as typed, not in the other case: the questions whose answer
    /// deletes unsaved work, which a word typed ahead ("Now…", "Yes…") must not do.
    fn answers_exactly(&self) -> bool {
        false
    }

    /// The path being typed in the panel, with its list of files, if it asks for one.
    fn path_field(&self) -> Option<&super::path_list::PathField> {
        None
    }

    /// The path being typed, to change it.
    fn path_field_mut(&mut self) -> Option<&mut super::path_list::PathField> {
        None
    }

    /// A copy, boxed (the App is cloned whole by tests and benchmarks).
    fn boxed_clone(&self) -> Box<dyn Panel>;

    /// The panel as `Any`, to read the state of a known kind of panel.
    fn as_any(&self) -> &dyn Any;

    /// The panel as `Any`, to change the state of a known kind of panel.
    fn as_any_mut(&mut self) -> &mut dyn Any;
}

impl Clone for Box<dyn Panel> {
    fn clone(&self) -> Self {
        self.boxed_clone()
    }
}

/// The three methods every panel writes the same way.
macro_rules! panel_basics {
    () => {
        fn boxed_clone(&self) -> Box<dyn $crate::wizard::panels::Panel> {
            Box::new(self.clone())
        }

        fn as_any(&self) -> &dyn std::any::Any {
            self
        }

        fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
            self
        }
    };
}
pub(crate) use panel_basics;

/// The hints as `(command, what)` pairs, each command's key read from the table when drawn.
pub(crate) fn keys(pairs: &[(super::keys::Command, &'static str)]) -> Vec<(Hint, &'static str)> {
    pairs.iter().map(|(command, what)| (Hint::Key(*command), *what)).collect()
}
