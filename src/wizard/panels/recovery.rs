//! Unsaved work of an earlier session: recover it over the file just opened (showing what it
//! changes), or delete it; a draft of many changes is deleted only once confirmed. Both questions
//! answer only to the letter as typed: a word typed ahead must not replace or delete work.

use super::{Panel, keys, panel_basics};
use crate::escape::one_line;
use crate::storage::drafts::{Draft, DraftKey};
use crate::wizard::action::Action;
use crate::wizard::app::{App, Effect};
use crate::wizard::display::fit;
use crate::wizard::keys::{Command as C, Scope};
use crate::wizard::view::bars::Hint;
use crate::wizard::view::panel::{delete_question, human_age, question};
use ratatui::Frame;
use ratatui::text::{Line, Span};

/// A draft of more changes than this is deleted from the recovery panel only once confirmed.
const FEW_CHANGES: usize = 3;

/// Unsaved work of an earlier session was found for this manifest: recover it?
#[derive(Debug, Clone)]
pub struct RecoverDraft {
    /// The draft's key.
    pub key: DraftKey,
    /// The draft.
    pub draft: Box<Draft>,
    /// What recovering it would change, one line each.
    pub differences: Vec<String>,
    /// The file was saved after the draft was written: recovering would undo that save.
    pub file_is_newer: bool,
}

impl Panel for RecoverDraft {
    fn update(self: Box<Self>, action: Action, app: &mut App, effects: &mut Vec<Effect>) {
        let RecoverDraft { key, draft, differences, file_is_newer } = *self;
        match action {
            // Only `y` recovers, as the panel says: an Enter typed ahead must not replace the file's content.
            Action::Answer('y') => app.recover(key, *draft),
            // Work of many changes is not deleted on one key: the author confirms it first.
            Action::Answer('n') if crate::wizard::run::recovery::change_count(&draft, &differences) > FEW_CHANGES => {
                app.open(DiscardDraft { key, place: place(&draft) });
            }
            Action::Answer('n') => {
                app.start.remove_draft(&key);
                effects.push(Effect::DiscardDrafts(vec![key]));
                app.status = Some("the draft was deleted".into());
            }
            _ => app.open(RecoverDraft { key, draft, differences, file_is_newer }),
        }
    }

    fn scopes(&self) -> &'static [Scope] {
        &[Scope::Question]
    }

    fn hints(&self, _app: &App) -> Vec<(Hint, &'static str)> {
        keys(&[(C::Yes, "recover"), (C::No, "delete the draft")])
    }

    fn render(&self, app: &App, frame: &mut Frame) {
        let theme = app.theme;
        let age = crate::storage::drafts::now().saturating_sub(self.draft.written_at);
        let mut lines =
            vec![Line::raw(format!("Unsaved work on {} was kept from {} ago.", place(&self.draft), human_age(age)))];
        if self.file_is_newer {
            lines.push(Line::styled(
                "The file was saved after this draft: recovering undoes that save (n keeps the file).",
                theme.warning(),
            ));
        }
        lines.push(Line::raw("What it changes:"));
        lines.extend(self.differences.iter().map(|line| {
            let style = match line.chars().next() {
                Some('-') => theme.error(),
                Some('+') => theme.ok(),
                _ => theme.dim(),
            };
            // One screen line each (shortened in the middle), so the count below always shows.
            Line::styled(fit(&one_line(line), 68), style)
        }));
        lines.push(Line::raw(""));
        lines.push(Line::from(vec![
            Span::styled(" y ", theme.key()),
            Span::raw("recover it   "),
            Span::styled(" n ", theme.key()),
            Span::raw("delete the draft and open the file as it is"),
        ]));
        question(frame, theme, "Recover unsaved work?", lines);
    }

    fn answers_exactly(&self) -> bool {
        true
    }

    panel_basics!();
}

/// Delete this draft of unsaved work? (y / n) Asked from the start screen, and before a draft of
/// many changes is deleted from the recovery panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscardDraft {
    /// The draft's key.
    pub key: DraftKey,
    /// The file it is the work of, as shown.
    pub place: String,
}

impl DiscardDraft {
    /// The question for `draft`, stored under `key`.
    pub(crate) fn of(key: DraftKey, draft: &Draft) -> DiscardDraft {
        DiscardDraft { key, place: place(draft) }
    }
}

impl Panel for DiscardDraft {
    fn update(self: Box<Self>, action: Action, app: &mut App, effects: &mut Vec<Effect>) {
        match action {
            // Only `y`: an Enter or a `Y` typed ahead must not delete unsaved work for good.
            Action::Answer('y') => {
                app.start.remove_draft(&self.key);
                effects.push(Effect::DiscardDrafts(vec![self.key]));
                app.status = Some(format!("deleted the draft of {}", self.place));
            }
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
        let lines = delete_question(
            format!("Delete the unsaved work on {}? It cannot be recovered afterwards.", self.place),
            "delete it",
            app.theme,
        );
        question(frame, app.theme, "Delete the draft?", lines);
    }

    fn answers_exactly(&self) -> bool {
        true
    }

    panel_basics!();
}

/// The file a draft is the work of, as the questions name it.
fn place(draft: &Draft) -> String {
    draft.path.as_ref().map_or_else(|| "a new manifest".to_owned(), |path| path.display().to_string())
}
