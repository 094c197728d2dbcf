//! The key table as the update sees it.

use super::*;

#[test]
fn the_key_table_maps_keys_by_what_has_them() {
    let mut app = mycrm();
    assert_eq!(action_for(&app, &ctrl('s')), Some(Action::Save));
    assert_eq!(action_for(&app, &ctrl('q')), Some(Action::Quit));
    assert_eq!(action_for(&app, &alt('3')), Some(Action::GoTo(Step::Authentication)));
    assert_eq!(action_for(&app, &key(KeyCode::BackTab)), Some(Action::Previous));
    assert_eq!(action_for(&app, &key(KeyCode::F(1))), Some(Action::Help));
    assert_eq!(action_for(&app, &key_with(KeyCode::Up, KeyModifiers::SHIFT)), Some(Action::MoveItem { up: true }));
    // A character on a text field starts editing it; where it does nothing the app says what would work.
    assert_eq!(action_for(&app, &key(KeyCode::Char('z'))), Some(Action::Type('z')), "typed on the name field");
    let mut typed = app.clone();
    typed.update(Action::Unbound('z'));
    assert!(status(&typed).contains("press Enter to edit"), "{}", status(&typed));

    focus_key(&mut app, "description");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(action_for(&app, &key(KeyCode::Enter)), Some(Action::Activate), "Enter finishes");
    assert_eq!(action_for(&app, &key_with(KeyCode::Enter, KeyModifiers::ALT)), Some(Action::Newline));
    assert_eq!(action_for(&app, &ctrl('j')), Some(Action::Newline));
    assert_eq!(action_for(&app, &key(KeyCode::Tab)), Some(Action::Next));
    assert_eq!(action_for(&app, &key(KeyCode::Up)), Some(Action::EditorLine { up: true }));
    assert_eq!(action_for(&app, &key(KeyCode::Char('3'))), Some(Action::Edit(InputRequest::InsertChar('3'))));
    assert_eq!(action_for(&app, &ctrl('s')), Some(Action::Save), "Ctrl-S works inside an editor");
    press(&mut app, key(KeyCode::Esc));

    press(&mut app, key(KeyCode::F(1)));
    assert!(matches!(app.panel_as::<KeysPanel>(), Some(KeysPanel { .. })));
    assert_eq!(action_for(&app, &key(KeyCode::Char('Y'))), Some(Action::Answer('y')), "answers ignore case");
    press(&mut app, key(KeyCode::Esc));
    assert!(app.panel().is_none());
}

#[test]
fn key_releases_are_ignored() {
    use ratatui::crossterm::event::{KeyEvent, KeyEventKind, KeyEventState};
    let app = mycrm();
    let release = Event::Key(KeyEvent {
        code: KeyCode::Enter,
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Release,
        state: KeyEventState::NONE,
    });
    assert_eq!(action_for(&app, &release), None);
}

#[test]
fn the_start_screen_opens_a_blank_manifest_or_an_example() {
    let mut app = App::start(Vec::new());
    assert_eq!(action_for(&app, &key(KeyCode::Char('3'))), Some(Action::Unbound('3')), "no steps on the start screen");
    let before = app.start.focus;
    app.update(Action::Unbound('3'));
    assert_eq!((app.screen(), app.start.focus), (Screen::Start, before), "a digit does nothing on the start screen");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.screen(), Screen::Editor);
    assert_eq!(app.doc.path, None);
    assert!(!app.doc.reveal_all);

    let mut app = App::start(Vec::new());
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.screen(), Screen::Editor);
    assert_eq!(text(&app, Owner::Integration, "name").as_deref(), Some("mycrm"));
    assert!(!app.doc.modified);
    assert!(status(&app).contains("Ctrl-S asks where"), "{}", status(&app));

    let mut app = App::start(vec![PathBuf::from("/tmp/recent.json")]);
    press(&mut app, key(KeyCode::End));
    assert_eq!(press(&mut app, key(KeyCode::Enter)), [Effect::Open(PathBuf::from("/tmp/recent.json"))]);

    let mut app = App::start(Vec::new());
    assert_eq!(press(&mut app, key(KeyCode::Esc)), [Effect::Quit]);
}

#[test]
fn the_open_prompt_asks_the_loop_to_read_the_file() {
    let mut app = App::start(Vec::new());
    focus_start(&mut app, 3);
    press(&mut app, key(KeyCode::Enter));
    assert!(matches!(app.panel_as::<PathPrompt>(), Some(PathPrompt { purpose: PromptPurpose::Open, .. })));
    press(&mut app, key(KeyCode::Enter));
    assert!(app.panel().is_some(), "an empty path is not accepted");
    press_all(&mut app, "a.json".chars().map(|c| key(KeyCode::Char(c))));
    assert_eq!(press(&mut app, key(KeyCode::Enter)), [Effect::Open(PathBuf::from("a.json"))]);
}

fn focus_start(app: &mut App, index: usize) {
    for _ in 0..index {
        app.update(Action::Down);
    }
    assert_eq!(app.start.focus, index);
}
