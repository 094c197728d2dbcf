//! Saving and quitting: the save-as prompt, questions before saving, failed saves.

use super::*;

#[test]
fn ctrl_s_on_a_new_manifest_asks_for_a_path_named_after_the_integration() {
    let mut app = blank();
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "mycrm");
    let effects = press(&mut app, ctrl('s'));
    assert!(effects.is_empty());
    assert!(app.editor().is_none(), "Ctrl-S finishes the edit first");
    match app.panel_as::<PathPrompt>() {
        Some(PathPrompt { purpose: PromptPurpose::SaveAs, input }) => assert_eq!(input.value(), "mycrm.json"),
        other => panic!("expected the save-as prompt, got {other:?}"),
    }
}

#[test]
fn a_nameless_manifest_is_offered_manifest_json() {
    let mut app = blank();
    press(&mut app, ctrl('s'));
    match app.panel_as::<PathPrompt>() {
        Some(PathPrompt { input, .. }) => assert_eq!(input.value(), "manifest.json"),
        other => panic!("expected the save-as prompt, got {other:?}"),
    }
}

#[test]
fn the_save_as_prompt_takes_a_typed_path() {
    let mut app = mycrm();
    press(&mut app, ctrl('s'));
    assert!(matches!(app.panel_as::<PathPrompt>(), Some(PathPrompt { .. })), "the example has no path yet");
    press(&mut app, ctrl('u'));
    press_all(&mut app, "out/crm.json".chars().map(|c| key(KeyCode::Char(c))));
    let effects = press(&mut app, key(KeyCode::Enter));
    let (path, contents) = saved_contents(&effects);
    assert_eq!(path, PathBuf::from("out/crm.json"));
    assert_eq!(contents, to_json(&app.doc.manifest));
    assert!(app.panel().is_none());
    app.update(Action::Saved { path: path.clone(), result: Ok(0) });
    assert_eq!(app.doc.path, Some(path));
    assert!(!app.doc.modified);
}

#[test]
fn esc_cancels_the_save_as_prompt() {
    let mut app = mycrm();
    press(&mut app, ctrl('s'));
    let effects = press(&mut app, key(KeyCode::Esc));
    assert!(effects.is_empty());
    assert!(app.panel().is_none());
}

#[test]
fn a_manifest_with_errors_asks_before_saving() {
    let mut broken = mycrm_value();
    broken["integration"]["icon_url"] = json!("nope");
    let parsed = read(broken.to_string().as_bytes()).expect("object");
    let mut app = App::editing(Document::opened(parsed, Some(PathBuf::from("broken.json"))));

    let effects = press(&mut app, ctrl('s'));
    assert!(effects.is_empty(), "nothing written before the answer");
    match app.panel_as::<ConfirmSave>() {
        Some(ConfirmSave { path, reasons }) => {
            assert_eq!(path, &PathBuf::from("broken.json"));
            assert!(reasons.iter().any(|r| r.contains("1 error(s)")), "{reasons:?}");
        }
        other => panic!("expected a save question, got {other:?}"),
    }
    let effects = press(&mut app, key(KeyCode::Char('n')));
    assert!(effects.is_empty(), "n does not save");
    assert!(app.panel().is_none());
    assert_eq!(status(&app), "not saved");

    press(&mut app, ctrl('s'));
    let effects = press(&mut app, key(KeyCode::Char('y')));
    let (path, contents) = saved_contents(&effects);
    assert_eq!(path, PathBuf::from("broken.json"));
    assert_eq!(contents, to_json(&app.doc.manifest));
    assert!(contents.contains("\"icon_url\": \"nope\""));
    assert!(contents.ends_with("}\n"));
}

#[test]
fn a_valid_manifest_with_a_path_is_saved_without_questions() {
    let parsed = read(support::mycrm_value().to_string().as_bytes()).expect("object");
    let mut app = App::editing(Document::opened(parsed, Some(PathBuf::from("mycrm.json"))));
    let effects = press(&mut app, ctrl('s'));
    let (_, contents) = saved_contents(&effects);
    assert_eq!(
        contents,
        integration_wizard::wizard::testing::examples::EXAMPLES[0].json,
        "the example is already in the written layout"
    );
}

#[test]
fn a_failed_save_says_why_and_keeps_the_changes_unsaved() {
    let parsed = read(support::mycrm_value().to_string().as_bytes()).expect("object");
    let mut app = App::editing(Document::opened(parsed, Some(PathBuf::from("mycrm.json"))));
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "x");
    press(&mut app, key(KeyCode::Enter));
    let effects = press(&mut app, ctrl('s'));
    let (path, _) = saved_contents(&effects);
    let effects = app.update(Action::Saved { path, result: Err(SaveFailure::Failed("disk full".into())) });
    assert!(effects.is_empty());
    assert!(app.doc.modified);
    assert!(status(&app).contains("disk full"), "{}", status(&app));
}

#[test]
fn ctrl_q_without_changes_quits_at_once() {
    let mut app = mycrm();
    assert_eq!(press(&mut app, ctrl('q')), [Effect::Quit]);
    let mut app = mycrm();
    assert_eq!(press(&mut app, ctrl('c')), [Effect::Quit], "Ctrl-C too");
}

fn modified_mycrm_with_path() -> App {
    let parsed = read(support::mycrm_value().to_string().as_bytes()).expect("object");
    let mut app = App::editing(Document::opened(parsed, Some(PathBuf::from("mycrm.json"))));
    focus_key(&mut app, "display_name");
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "!");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.doc.modified);
    app
}

#[test]
fn ctrl_q_with_unsaved_changes_asks_and_q_quits_without_saving() {
    let mut app = modified_mycrm_with_path();
    let effects = press(&mut app, ctrl('q'));
    assert!(effects.is_empty());
    assert!(matches!(app.panel_as::<ConfirmQuit>(), Some(ConfirmQuit)));
    let effects = press(&mut app, key(KeyCode::Char('q')));
    assert_eq!(effects.last(), Some(&Effect::Quit), "{effects:?}");
    assert!(!effects.iter().any(|e| matches!(e, Effect::Save { .. })), "{effects:?}");
}

#[test]
fn ctrl_q_then_esc_keeps_editing() {
    let mut app = modified_mycrm_with_path();
    press(&mut app, ctrl('q'));
    let effects = press(&mut app, key(KeyCode::Esc));
    assert!(effects.is_empty());
    assert!(app.panel().is_none());
    assert!(app.doc.modified);
}

#[test]
fn ctrl_q_then_s_saves_and_quits_once_the_save_succeeded() {
    let mut app = modified_mycrm_with_path();
    press(&mut app, ctrl('q'));
    let effects = press(&mut app, key(KeyCode::Char('s')));
    assert!(!effects.contains(&Effect::Quit), "not before the file is written: {effects:?}");
    let (path, contents) = saved_contents(&effects);
    assert!(contents.contains("\"display_name\": \"My CRM!\""));
    let effects = app.update(Action::Saved { path, result: Ok(0) });
    assert_eq!(effects.last(), Some(&Effect::Quit), "{effects:?}");
}

#[test]
fn ctrl_q_then_s_does_not_quit_when_the_save_fails() {
    let mut app = modified_mycrm_with_path();
    press(&mut app, ctrl('q'));
    let effects = press(&mut app, key(KeyCode::Char('s')));
    let (path, _) = saved_contents(&effects);
    let effects = app.update(Action::Saved { path, result: Err(SaveFailure::Failed("read-only".into())) });
    assert!(effects.is_empty(), "the changes are not lost");
}

#[test]
fn ctrl_q_then_s_on_a_new_manifest_asks_for_the_path_then_quits_after_saving() {
    let mut app = blank();
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "mycrm");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ctrl('q'));
    press(&mut app, key(KeyCode::Char('s')));
    assert!(matches!(app.panel_as::<PathPrompt>(), Some(PathPrompt { purpose: PromptPurpose::SaveAs, .. })));
    let effects = press(&mut app, key(KeyCode::Enter));
    assert!(effects.is_empty(), "the blank manifest has errors");
    assert!(matches!(app.panel_as::<ConfirmSave>(), Some(ConfirmSave { .. })));
    let effects = press(&mut app, key(KeyCode::Char('y')));
    let (path, _) = saved_contents(&effects);
    assert_eq!(path, PathBuf::from("mycrm.json"));
    assert_eq!(app.update(Action::Saved { path, result: Ok(0) }).last(), Some(&Effect::Quit));
}

#[test]
fn a_quit_refused_at_the_save_question_does_not_quit_after_a_later_save() {
    let mut app = blank();
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "mycrm");
    press(&mut app, ctrl('q'));
    press(&mut app, key(KeyCode::Char('s')));
    press(&mut app, key(KeyCode::Esc)); // no path after all
    let effects = press(&mut app, ctrl('s'));
    assert!(effects.is_empty());
    press(&mut app, key(KeyCode::Enter));
    let effects = press(&mut app, key(KeyCode::Char('y')));
    let (path, _) = saved_contents(&effects);
    assert!(!app.update(Action::Saved { path, result: Ok(0) }).contains(&Effect::Quit), "a plain save does not quit");
}

#[test]
fn a_quit_given_up_for_a_reload_does_not_quit_after_a_later_save() {
    let mut app = modified_mycrm_with_path();
    app.doc.disk_hash = Some(1); // as read from mycrm.json
    press(&mut app, ctrl('q'));
    let effects = press(&mut app, key(KeyCode::Char('s')));
    let (path, _) = saved_contents(&effects);
    app.update(Action::Saved { path: path.clone(), result: Err(SaveFailure::ChangedOnDisk) });
    assert!(matches!(app.panel_as::<DiskChanged>(), Some(DiskChanged { .. })), "{:?}", app.panel());
    let effects = press(&mut app, key(KeyCode::Char('r')));
    assert!(effects.contains(&Effect::Open(path.clone())), "{effects:?}");
    let effects = press(&mut app, ctrl('s'));
    let (path, _) = saved_contents(&effects);
    let effects = app.update(Action::Saved { path, result: Ok(0) });
    assert!(!effects.contains(&Effect::Quit), "reloading gave up the quit: {effects:?}");
}
