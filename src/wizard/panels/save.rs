//! The questions on the way to a save: save despite problems, replace a file a new manifest would
//! overwrite, and what to do when the file changed on disk since it was read.

use super::{Panel, keys, panel_basics};
use crate::manifest::to_json;
use crate::wizard::action::Action;
use crate::wizard::app::{App, Effect, OnDisk};
use crate::wizard::keys::{Command as C, Scope};
use crate::wizard::view::bars::Hint;
use crate::wizard::view::panel::question;
use ratatui::Frame;
use ratatui::text::{Line, Span};
use std::path::PathBuf;

/// Save despite these reasons? (y / n)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmSave {
    /// Where to save.
    pub path: PathBuf,
    /// The problems, one line each.
    pub reasons: Vec<String>,
}

impl Panel for ConfirmSave {
    fn update(self: Box<Self>, action: Action, app: &mut App, effects: &mut Vec<Effect>) {
        match action {
            Action::Answer('y') | Action::Activate => effects.push(app.save_effect(self.path)),
            Action::Back | Action::Answer('n') => app.status = Some("not saved".into()),
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
        let theme = app.theme;
        let mut lines = vec![Line::raw(format!("Save {} anyway?", self.path.display()))];
        lines.extend(self.reasons.iter().map(|reason| Line::styled(format!("• {reason}"), theme.warning())));
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::styled(" y ", theme.key()),
            Span::raw("save   "),
            Span::styled(" n / Esc ", theme.key()),
            Span::raw("do not save"),
        ]));
        question(frame, theme, "Save with problems?", lines);
    }

    panel_basics!();
}

/// A file is at the path a new manifest is saved to: replace it? (y / n: another path)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplaceExisting {
    /// The existing file.
    pub path: PathBuf,
}

impl Panel for ReplaceExisting {
    fn update(self: Box<Self>, action: Action, app: &mut App, effects: &mut Vec<Effect>) {
        match action {
            Action::Answer('y') => effects.push(Effect::Save {
                path: self.path,
                contents: to_json(&app.doc.manifest),
                expect: OnDisk::Anything,
            }),
            Action::Answer('n') => app.ask_save_as(self.path.display().to_string()),
            Action::Back => app.status = Some("not saved: a file with that name exists".into()),
            _ => app.open_boxed(self),
        }
    }

    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Question]
    }

    fn hints(&self, _app: &App) -> Vec<(Hint, &'static str)> {
        keys(&[(C::Yes, "replace it"), (C::No, "another name"), (C::Back, "cancel")])
    }

    fn render(&self, app: &App, frame: &mut Frame) {
        let theme = app.theme;
        let lines = vec![
            Line::raw(format!(
                "{} already exists. Replace it with this manifest? (Its content is kept as {}.)",
                self.path.display(),
                crate::storage::backup_path(&self.path).display()
            )),
            Line::raw(""),
            Line::from(vec![
                Span::styled(" y ", theme.key()),
                Span::raw("replace it   "),
                Span::styled(" n ", theme.key()),
                Span::raw("choose another name   "),
                Span::styled(" Esc ", theme.key()),
                Span::raw("do not save"),
            ]),
        ];
        question(frame, theme, "The file exists", lines);
    }

    panel_basics!();
}

/// The file changed on disk since it was read: overwrite, save elsewhere, or reload?
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiskChanged {
    /// The file.
    pub path: PathBuf,
}

impl Panel for DiskChanged {
    fn update(self: Box<Self>, action: Action, app: &mut App, effects: &mut Vec<Effect>) {
        match action {
            Action::Answer('o') => effects.push(Effect::Save {
                path: self.path,
                contents: to_json(&app.doc.manifest),
                expect: OnDisk::Anything,
            }),
            Action::Answer('s') => app.ask_save_as(app.doc.default_file_name()),
            Action::Answer('r') => app.reload(self.path, effects),
            Action::Back => app.status = Some("not saved: the file changed on disk".into()),
            _ => app.open_boxed(self),
        }
    }

    fn scopes(&self) -> &'static [Scope] {
        &[Scope::DiskChanged]
    }

    fn hints(&self, _app: &App) -> Vec<(Hint, &'static str)> {
        keys(&[
            (C::Overwrite, "overwrite"),
            (C::SaveElsewhere, "save elsewhere"),
            (C::Reload, "reload"),
            (C::Back, "later"),
        ])
    }

    fn render(&self, app: &App, frame: &mut Frame) {
        let theme = app.theme;
        let path = &self.path;
        let lines = vec![
            Line::raw(format!("{} changed since you opened it (another program or person saved it).", path.display())),
            Line::raw(""),
            Line::from(vec![
                Span::styled(" o ", theme.key()),
                Span::raw(format!(
                    "overwrite it with your version (theirs is kept as {})",
                    crate::storage::backup_path(path).display()
                )),
            ]),
            Line::from(vec![Span::styled(" s ", theme.key()), Span::raw("save yours elsewhere")]),
            Line::from(vec![
                Span::styled(" r ", theme.key()),
                Span::raw("reload it from disk (your unsaved edits are discarded)"),
            ]),
            Line::from(vec![Span::styled(" Esc ", theme.key()), Span::raw("do nothing now")]),
        ];
        question(frame, theme, "The file changed on disk", lines);
    }

    panel_basics!();
}
