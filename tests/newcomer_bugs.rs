//! Regression tests for the bugs a newcomer met on a first manifest, each driven through actions and keys.

mod support;

use integration_wizard::manifest::read;
use integration_wizard::storage::drafts::Draft;
use integration_wizard::wizard::action::{Action, Opened};
use integration_wizard::wizard::app::App;
use integration_wizard::wizard::examples::EXAMPLES;
use ratatui::crossterm::event::KeyCode;
use std::path::PathBuf;
use support::*;

/// The preview shows the document just put in place, before the cursor moves.
fn assert_preview_shows_mycrm(app: &App) {
    let preview = &app.caches.preview.text;
    assert!(preview.contains("\"name\": \"mycrm\""), "the preview still shows another document:\n{preview}");
}

/// The start screen as the loop shows it: the terminal's size already told, so the state was updated once.
fn start_screen() -> App {
    let mut app = App::start(Vec::new());
    app.update(Action::Resize { width: 120, height: 40 });
    app
}

#[test]
fn b1_the_preview_shows_an_example_opened_from_the_start_screen() {
    let mut app = start_screen();
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Enter));
    assert_preview_shows_mycrm(&app);
}

#[test]
fn b1_the_preview_shows_a_file_opened_from_the_start_screen() {
    let mut app = start_screen();
    let parsed = read(EXAMPLES[0].json.as_bytes()).expect("the example is JSON");
    app.update(Action::Loaded { path: PathBuf::from("mycrm.json"), result: Ok(Box::new(Opened { parsed, disk_hash: 0 })) });
    assert_preview_shows_mycrm(&app);
}

#[test]
fn b1_the_preview_shows_a_draft_recovered_from_the_start_screen() {
    let mut app = start_screen();
    let draft = Draft { path: None, written_at: 1, manifest: EXAMPLES[0].json.into() };
    app.update(Action::RestoreDraft(Box::new(draft)));
    assert_preview_shows_mycrm(&app);
}
