//! The recovery panel: what `n`, `N` and `y` do with a draft, and a draft whose history was tampered with.

use super::*;
use integration_wizard::storage::drafts::{Draft, DraftKey};

const ONE_LINE: &str = "{\"integration\":{\"name\":\"mycrm\"}}\n";

/// The start screen with the recovery panel over it for a draft of `manifest` with `history`.
fn offered(manifest: &str, history: Option<&str>, changed_lines: usize) -> App {
    let mut app = App::start(Vec::new());
    app.update(Action::Resize { width: 120, height: 40 });
    let draft = Draft { path: None, written_at: 1, manifest: manifest.into(), history: history.map(Into::into) };
    let differences = (0..changed_lines).map(|line| format!("+ line {line}")).collect();
    app.update(Action::OfferDraft {
        key: DraftKey::for_new(),
        draft: Box::new(draft),
        differences,
        file_is_newer: false,
    });
    app
}

fn deleted(effects: &[Effect]) -> bool {
    effects.iter().any(|effect| matches!(effect, Effect::DiscardDrafts(_)))
}

#[test]
fn only_a_lowercase_n_deletes_a_draft_in_the_recovery_panel() {
    let mut app = offered(ONE_LINE, None, 2);
    // "Now…" typed ahead: the shifted letter is no answer here.
    let effects = press(&mut app, key_with(KeyCode::Char('N'), KeyModifiers::SHIFT));
    assert!(!deleted(&effects), "{effects:?}");
    assert!(matches!(app.panel_as::<RecoverDraft>(), Some(RecoverDraft { .. })), "{:?}", app.panel());
    let effects = press(&mut app, key(KeyCode::Char('n')));
    assert!(deleted(&effects), "{effects:?}");
    assert_eq!(status(&app), "the draft was deleted");
}

#[test]
fn a_draft_of_more_than_a_few_changes_is_deleted_only_once_confirmed() {
    let mut app = offered(ONE_LINE, None, 4);
    let effects = press(&mut app, key(KeyCode::Char('n')));
    assert!(!deleted(&effects), "{effects:?}");
    assert!(matches!(app.panel_as::<DiscardDraft>(), Some(DiscardDraft { .. })), "{:?}", app.panel());
    // Neither Enter nor a shifted Y typed ahead answers; only y deletes.
    for typed in [key(KeyCode::Enter), key_with(KeyCode::Char('Y'), KeyModifiers::SHIFT)] {
        assert!(!deleted(&press(&mut app, typed)));
        assert!(matches!(app.panel_as::<DiscardDraft>(), Some(DiscardDraft { .. })), "{:?}", app.panel());
    }
    assert!(deleted(&press(&mut app, key(KeyCode::Char('y')))));
}

/// A history of one change (an action added) whose splice index is as large as a number can be.
const TAMPERED: &str = r#"{"undo":[{"label":"add action","place":{"page":{"Step":"Actions"},"back":[],"focus":0},
  "patches":[{"op":"splice","at":"/actions","index":18446744073709551615,"old":[],"new":[{}]}]}],"redo":[]}"#;

#[test]
fn a_draft_whose_history_does_not_fit_is_offered_without_it_and_recovers_as_text() {
    let manifest = "{\"integration\":{\"name\":\"mycrm\"},\"actions\":[{}]}\n";
    let mut app = offered(manifest, Some(TAMPERED), 2);
    let Some(RecoverDraft { draft, differences, .. }) = app.panel_as::<RecoverDraft>() else {
        panic!("the draft is offered: {:?}", app.panel());
    };
    assert_eq!(draft.history, None, "never applied, not even half-way");
    assert!(differences[0].contains("undo history is left out"), "{differences:?}");
    assert!(differences[0].contains("\"add action\" does not fit"), "{differences:?}");
    press(&mut app, key(KeyCode::Char('y')));
    assert!(status(&app).starts_with("recovered your unsaved work"), "{}", status(&app));
    assert_eq!(app.doc.manifest.action_count(), 1);
    // Undoing goes back to before the recovery, and no further.
    press(&mut app, alt('z'));
    assert_eq!(app.doc.manifest.action_count(), 0);
}
