//! The question before a save that breaks the live integration: it names each breaking change
//! since the file was opened and why it breaks, with the save's other problems; only `y` saves,
//! and the changes agreed to are not asked about again in this run.

use super::{Panel, keys, panel_basics};
use crate::escape::one_line;
use crate::manifest::changes::Change;
use crate::wizard::action::Action;
use crate::wizard::app::{App, Effect};
use crate::wizard::keys::{Command as C, Scope};
use crate::wizard::since_opened::breaking_line;
use crate::wizard::view::bars::Hint;
use crate::wizard::view::panel::panel;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use std::path::PathBuf;

/// Save changes that break the live integration? (y / n)
#[derive(Debug, Clone)]
pub struct BreakingSave {
    /// Where to save.
    pub path: PathBuf,
    /// The changes since the file was opened that break the live integration.
    pub breaking: Vec<Change>,
    /// The save's other problems (errors, a change of shape), one line each.
    pub reasons: Vec<String>,
}

impl Panel for BreakingSave {
    fn update(self: Box<Self>, action: Action, app: &mut App, effects: &mut Vec<Effect>) {
        match action {
            // Only `y`: an Enter typed ahead must not break every account's integration.
            Action::Answer('y') => {
                if let Some(since) = &mut app.doc.since_opened {
                    since.confirm(&self.breaking);
                }
                effects.push(app.save_effect(self.path));
            }
            Action::Back | Action::Answer('n') => {
                app.status = Some("not saved: the changes that break the live integration are still here".into());
            }
            _ => app.open_boxed(self),
        }
    }

    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Question]
    }

    fn hints(&self, _app: &App) -> Vec<(Hint, &'static str)> {
        keys(&[(C::Yes, "save it"), (C::No, "do not save")])
    }

    fn render(&self, app: &App, frame: &mut Frame) {
        let theme = app.theme;
        let path = one_line(&self.path.display().to_string()).into_owned();
        let mut lines = vec![Line::raw(format!("Saving {path} breaks the live integration:"))];
        let breaking = self.breaking.iter().map(|change| format!("• {}", one_line(&breaking_line(change))));
        lines.extend(breaking.map(|line| Line::styled(line, theme.error())));
        lines.extend(self.reasons.iter().map(|reason| Line::styled(format!("• {reason}"), theme.warning())));
        lines.push(Line::styled("Asked once: saving again does not ask about these changes.", theme.dim()));
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::styled(" y ", theme.key()),
            Span::raw("save it   "),
            Span::styled(" n / Esc ", theme.key()),
            Span::raw("do not save"),
        ]));
        panel(frame, theme, "Save a change that breaks the live integration?", lines, 0);
    }

    panel_basics!();
}
