//! Which problems are shown, and when.

use super::*;

#[test]
fn a_new_manifest_shows_no_problems_until_a_field_is_edited() {
    let mut app = blank();
    assert!(app.doc.has_errors(), "a blank manifest is not valid");
    assert_eq!(app.doc.visible().count(), 0, "but says nothing yet");
    for step in Step::ALL {
        assert_eq!(app.doc.step_counts(step), Default::default(), "{step:?}");
    }
    focus_key(&mut app, "logo_url");
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "not a url");
    let visible: Vec<&str> = app.doc.visible().map(|d| d.pointer.as_str()).collect();
    assert!(!visible.is_empty());
    assert!(visible.iter().all(|pointer| *pointer == "/integration/logo_url"), "{visible:?}");
    assert_eq!(app.doc.step_counts(Step::Integration).errors, 1);
}

#[test]
fn trying_to_save_shows_every_problem() {
    let mut app = blank();
    press(&mut app, ctrl('s'));
    assert!(app.doc.reveal_all);
    assert!(app.doc.visible().count() > 3);
    assert!(app.doc.step_counts(Step::Integration).errors >= 5, "name, display name, description, logo and icon");
}

#[test]
fn opening_a_file_with_errors_shows_them_at_once() {
    let mut broken = mycrm_value();
    broken["integration"]["logo_url"] = json!("not a url");
    let parsed = read(broken.to_string().as_bytes()).expect("object");
    let mut app = App::start(Vec::new());
    app.update(Action::Loaded {
        path: PathBuf::from("broken.json"),
        result: Ok(Box::new(Opened { parsed, disk_hash: 0, source: Default::default() })),
    });
    assert_eq!(app.screen(), Screen::Editor);
    assert!(app.doc.reveal_all);
    assert!(app.doc.visible().any(|d| d.pointer == "/integration/logo_url" && d.is_error()));
    assert_eq!(app.doc.step_counts(Step::Integration).errors, 1);
    assert!(status(&app).contains("1 error(s)"), "{}", status(&app));
    assert!(!app.doc.modified);
}

#[test]
fn a_file_that_cannot_be_read_leaves_the_start_screen_with_the_reason() {
    let mut app = App::start(Vec::new());
    app.update(Action::Loaded { path: PathBuf::from("x.json"), result: Err("line 1, column 2: bad".into()) });
    assert_eq!(app.screen(), Screen::Start);
    assert!(status(&app).contains("x.json") && status(&app).contains("line 1, column 2"), "{}", status(&app));
}
