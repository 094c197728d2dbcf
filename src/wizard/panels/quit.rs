//! Quitting with unsaved changes: save then quit, quit without saving, or stay. It says when no
//! draft can be written, since the work is then not protected at all.

use super::{Panel, keys, panel_basics};
use crate::escape::one_line;
use crate::wizard::action::Action;
use crate::wizard::app::{App, Effect};
use crate::wizard::keys::{Command as C, Scope};
use crate::wizard::view::bars::Hint;
use crate::wizard::view::panel::question;
use ratatui::Frame;
use ratatui::text::{Line, Span};

/// Quit with unsaved changes? (s: save and quit, q: quit without saving, Esc: stay)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConfirmQuit;

impl Panel for ConfirmQuit {
    fn update(self: Box<Self>, action: Action, app: &mut App, effects: &mut Vec<Effect>) {
        match action {
            Action::Answer('s') | Action::Save => app.save_then_quit(effects),
            Action::Answer('q' | 'y') | Action::Quit => app.quit_without_saving(effects),
            Action::Back | Action::Answer('n') => {}
            _ => app.open_boxed(self),
        }
    }

    fn scopes(&self) -> &'static [Scope] {
        &[Scope::ConfirmQuit]
    }

    fn hints(&self, _app: &App) -> Vec<(Hint, &'static str)> {
        keys(&[(C::SaveAndQuit, "save and quit"), (C::QuitWithoutSaving, "quit without saving"), (C::Back, "stay")])
    }

    fn render(&self, app: &App, frame: &mut Frame) {
        let theme = app.theme;
        let mut lines = vec![Line::raw("This manifest has changes that are not saved.")];
        if let Some(failure) = &app.drafts_failing {
            lines.push(Line::styled("No draft can be written: this work is not protected.", theme.error()));
            lines.push(Line::styled(one_line(failure).into_owned(), theme.error()));
        }
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![Span::styled(" s ", theme.key()), Span::raw("save, then quit")]));
        lines.push(Line::from(vec![Span::styled(" q ", theme.key()), Span::raw("quit without saving")]));
        lines.push(Line::from(vec![Span::styled(" Esc ", theme.key()), Span::raw("keep editing")]));
        question(frame, theme, "Unsaved changes", lines);
    }

    panel_basics!();
}
