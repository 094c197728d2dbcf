//! Regression tests for the bugs a newcomer met on a first manifest, each driven through actions and keys.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

mod support;

use integration_wizard::manifest::edit::{ListRef, Owner};
use integration_wizard::manifest::{AuthenticationType, IntegrationKey, Slot, read};
use integration_wizard::storage::drafts::Draft;
use integration_wizard::wizard::testing::action::{Action, Opened, SaveFailure};
use integration_wizard::wizard::testing::app::{App, Effect, OnDisk};
use integration_wizard::wizard::testing::examples::EXAMPLES;
use integration_wizard::wizard::testing::form::Row;
use integration_wizard::wizard::testing::panels::path_prompt::{PathPrompt, PromptPurpose};
use integration_wizard::wizard::testing::panels::recovery::DiscardDraft;
use integration_wizard::wizard::testing::step::{Page, Step};
use ratatui::crossterm::event::{Event, KeyCode};
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
    app.update(Action::Loaded {
        path: PathBuf::from("mycrm.json"),
        result: Ok(Box::new(Opened { parsed, disk_hash: 0, source: Default::default() })),
    });
    assert_preview_shows_mycrm(&app);
}

#[test]
fn b1_the_preview_shows_a_draft_recovered_from_the_start_screen() {
    let mut app = start_screen();
    let draft = Draft { path: None, written_at: 1, manifest: EXAMPLES[0].json.into(), history: None };
    app.update(Action::RestoreDraft(Box::new(draft)));
    assert_preview_shows_mycrm(&app);
}

#[test]
fn b4_saving_an_example_over_an_existing_file_asks_to_replace_it_not_that_it_changed() {
    let mut app = start_screen();
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ctrl('s'));
    let effects = press(&mut app, key(KeyCode::Enter));
    let Some(Effect::Save { path, expect, .. }) = effects.into_iter().next() else {
        panic!("Enter on the file name saves");
    };
    assert_eq!(expect, OnDisk::Nothing, "a new file must not exist yet");
    app.update(Action::Saved { path: path.clone(), result: Err(SaveFailure::ChangedOnDisk) });
    let screen = screen_text(&mut app, 120, 40);
    assert!(!screen.contains("changed since you opened it"), "it was never opened:\n{screen}");
    assert!(screen.contains("already exists"), "{screen}");
    let effects = press(&mut app, key(KeyCode::Char('y')));
    assert!(
        matches!(effects.as_slice(), [Effect::Save { path: saved, expect: OnDisk::Anything, .. }] if *saved == path),
        "y replaces it: {effects:?}"
    );
}

#[test]
fn b4_not_replacing_an_existing_file_asks_for_another_name() {
    let mut app = start_screen();
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ctrl('s'));
    press(&mut app, key(KeyCode::Enter));
    app.update(Action::Saved { path: PathBuf::from("mycrm.json"), result: Err(SaveFailure::ChangedOnDisk) });
    let effects = press(&mut app, key(KeyCode::Char('n')));
    assert!(effects.is_empty(), "{effects:?}");
    assert!(matches!(app.panel_as::<PathPrompt>(), Some(PathPrompt { purpose: PromptPurpose::SaveAs, .. })));
}

#[test]
fn b5_the_select_note_goes_once_another_input_gets_another_type() {
    let mut app = mycrm();
    press(&mut app, alt('5'));
    focus_row(&mut app, |row| *row == Row::Item(ListRef::Actions, 0));
    press(&mut app, key(KeyCode::Enter));
    focus_row(&mut app, |row| *row == Row::Item(ListRef::Inputs(0), 0));
    press(&mut app, key(KeyCode::Enter));
    focus_key(&mut app, "type");
    while app.doc.manifest.input(0, 0).and_then(|input| input.input_type.written()) != Some("select") {
        press(&mut app, key(KeyCode::Right));
    }
    assert!(app.status.as_deref().is_some_and(|status| status.contains("add its options")), "{:?}", app.status);
    press(&mut app, key(KeyCode::Esc));
    focus_row(&mut app, |row| *row == Row::Item(ListRef::Inputs(0), 1));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.page, Page::Input { action: 0, input: 1 });
    focus_key(&mut app, "type");
    press(&mut app, key(KeyCode::Right));
    assert_eq!(app.doc.manifest.input(0, 1).and_then(|input| input.input_type.written()), Some("textarea"));
    assert!(
        !app.status.as_deref().unwrap_or("").contains("add its options"),
        "the note about a select stays on a textarea: {:?}",
        app.status
    );
}

/// mycrm with an unknown key added to its integration, as opened from a file.
fn mycrm_with_unknown_integration_key() -> App {
    let mut value = mycrm_value();
    value["integration"]["x_team"] = serde_json::json!("crm");
    opened(&value.to_string())
}

#[test]
fn b6_an_unknown_key_of_the_integration_counts_under_the_integration_step() {
    let before = mycrm();
    let app = mycrm_with_unknown_integration_key();
    let warnings = |app: &App, step: Step| app.doc.step_counts(step).warnings;
    assert_eq!(warnings(&app, Step::Integration), warnings(&before, Step::Integration) + 1);
    assert_eq!(warnings(&app, Step::Review), warnings(&before, Step::Review), "not under step 6");
}

#[test]
fn b6_an_unknown_key_of_a_bare_integration_counts_under_the_integration_step() {
    let mut bare = mycrm_value()["integration"].clone();
    let before = opened(&bare.to_string());
    bare["x_team"] = serde_json::json!("crm");
    let app = opened(&bare.to_string());
    let warnings = |app: &App, step: Step| app.doc.step_counts(step).warnings;
    assert_eq!(warnings(&app, Step::Integration), warnings(&before, Step::Integration) + 1);
    assert_eq!(warnings(&app, Step::Review), warnings(&before, Step::Review), "not under step 6");
}

#[test]
fn b7_a_trailing_line_break_pasted_into_a_one_line_field_is_dropped_not_a_space() {
    let mut app = blank();
    press(&mut app, Event::Paste("mycrm\n".into()));
    assert_eq!(app.doc.manifest.text(Owner::Integration, IntegrationKey::Name).and_then(Slot::as_str), Some("mycrm"));
    press(&mut app, key(KeyCode::Enter));
    focus_key(&mut app, "display_name");
    press(&mut app, Event::Paste("My\r\nCRM\r\n\r\n".into()));
    assert_eq!(
        app.doc.manifest.text(Owner::Integration, IntegrationKey::DisplayName).and_then(Slot::as_str),
        Some("My CRM"),
        "a break inside still becomes a space; those at the end go"
    );
}

/// Enter on the review's finding at `pointer` of `app`: the page it goes to.
fn jump_from_finding(app: &mut App, pointer: &str) -> Page {
    focus_finding(app, pointer);
    press(app, key(KeyCode::Enter));
    app.page
}

#[test]
fn b3_enter_on_an_unknown_key_finding_goes_to_the_step_owning_its_object() {
    let mut app = mycrm_with_unknown_integration_key();
    assert_eq!(jump_from_finding(&mut app, "/integration/x_team"), Page::Step(Step::Integration));
    assert!(app.status.as_deref().is_some_and(|status| status.contains("kept as written")), "{:?}", app.status);
    let mut value = mycrm_value();
    value["x_top"] = serde_json::json!(1);
    value["actions"][0]["x_action"] = serde_json::json!(1);
    value["actions"][0]["inputs"][1]["x_input"] = serde_json::json!(1);
    value["integration"]["authentication_configuration"][0]["x_field"] = serde_json::json!(1);
    let mut app = opened(&value.to_string());
    assert_eq!(jump_from_finding(&mut app, "/x_top"), Page::Step(Step::Integration));
    assert_eq!(jump_from_finding(&mut app, "/actions/0/x_action"), Page::Action(0));
    assert_eq!(jump_from_finding(&mut app, "/actions/0/inputs/1/x_input"), Page::Input { action: 0, input: 1 });
    assert_eq!(jump_from_finding(&mut app, "/integration/authentication_configuration/0/x_field"), Page::AuthField(0));
}

#[test]
fn b3_the_review_footer_names_each_key_once() {
    let mut app = mycrm_with_unknown_integration_key();
    focus_finding(&mut app, "/integration/x_team");
    let screen = screen_text(&mut app, 120, 40);
    let footer = screen.lines().last().unwrap_or_default();
    assert_eq!(footer.matches("Ctrl-S").count(), 1, "{footer}");
}

#[test]
fn item4_the_authentication_picker_starts_on_the_chosen_type() {
    let mut app = mycrm();
    press(&mut app, alt('3'));
    assert_eq!(app.focused_row(), Some(Row::AuthType(AuthenticationType::Custom)));
    let mut value = mycrm_value();
    value["integration"]["authentication_type"] = serde_json::json!("oauth2_password");
    let mut app = opened(&value.to_string());
    press(&mut app, alt('3'));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Char(' ')));
    assert_eq!(app.doc.manifest.authentication_type(), Some(AuthenticationType::OAuth2ClientCredentials));
    let mut app = blank();
    press(&mut app, alt('3'));
    assert_eq!(app.focused_row(), Some(Row::AuthType(AuthenticationType::None)), "nothing chosen yet");
}

#[test]
fn item4_tab_leaves_the_authentication_picker_and_comes_back_to_the_chosen_type() {
    let mut app = mycrm();
    press(&mut app, alt('2'));
    press(&mut app, key(KeyCode::End));
    assert_eq!(app.focus, app.rows().len() - 1);
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(app.page, Page::Step(Step::Authentication));
    assert_eq!(app.focused_row(), Some(Row::AuthType(AuthenticationType::Custom)), "Tab into the picker");
    press(&mut app, key(KeyCode::Tab));
    assert_eq!((app.page, app.focus), (Page::Step(Step::AuthFields), 0), "Tab goes to the next field");
    press(&mut app, key(KeyCode::BackTab));
    assert_eq!(app.page, Page::Step(Step::Authentication));
    assert_eq!(app.focused_row(), Some(Row::AuthType(AuthenticationType::Custom)), "Shift-Tab into the picker");
    press(&mut app, key(KeyCode::BackTab));
    assert_eq!(app.page, Page::Step(Step::Features), "Shift-Tab leaves it too");
    assert_eq!(app.doc.manifest.authentication_type(), Some(AuthenticationType::Custom), "nothing chosen by Tab");
}

/// The review found a stale draft offered back after the file was saved later, with a cut diff that
/// looked whole: the panel says the file is newer and how many changed lines it does not show.
#[test]
fn a_draft_older_than_its_file_says_recovering_undoes_the_later_save() {
    use integration_wizard::storage::drafts::{self, DraftKey};
    let mut app = start_screen();
    let path = PathBuf::from("mycrm.json");
    let parsed = read(EXAMPLES[0].json.as_bytes()).expect("the example is JSON");
    app.update(Action::Loaded {
        path: path.clone(),
        result: Ok(Box::new(Opened { parsed, disk_hash: 0, source: Default::default() })),
    });
    let draft = Draft { path: Some(path.clone()), written_at: 1, manifest: "{}\n".into(), history: None };
    let differences = drafts::differences(EXAMPLES[0].json, &draft.manifest, 12);
    assert!(differences.last().is_some_and(|line| line.starts_with("… and ")), "{differences:?}");
    app.update(Action::OfferDraft {
        key: DraftKey::for_path(&path),
        draft: Box::new(draft),
        differences,
        file_is_newer: true,
    });
    let screen = screen_text(&mut app, 120, 40);
    assert!(screen.contains("The file was saved after this draft"), "{screen}");
    assert!(screen.contains("more changed lines"), "{screen}");
}

#[test]
fn the_note_under_an_uppercase_display_names_the_key_that_works_on_a_text_field() {
    let mut app = mycrm();
    press(&mut app, alt('5'));
    focus_row(&mut app, |row| *row == Row::Item(ListRef::Actions, 0));
    press(&mut app, key(KeyCode::Enter));
    focus_key(&mut app, "display");
    // Typing on the field replaces its value.
    press(&mut app, key(KeyCode::Char('C')));
    type_text(&mut app, "reate a ticket");
    press(&mut app, key(KeyCode::Enter));
    focus_key(&mut app, "display");
    let row = app.rows()[app.focus];
    let note = integration_wizard::wizard::testing::layout::note_lines(&app, app.focus, row).join(" ");
    assert!(note.contains("(Alt-f lowercases it)"), "{note}");
    // Plain f would be typed into the field; the key the note names fixes it.
    press(&mut app, alt('f'));
    assert_eq!(
        app.doc
            .manifest
            .text(Owner::Action(0), integration_wizard::manifest::ActionKey::Display)
            .and_then(Slot::as_str),
        Some("create a ticket")
    );
}

#[test]
fn saving_over_the_opened_file_says_where_its_previous_version_is_kept() {
    let mut app = mycrm();
    app.doc.path = Some(PathBuf::from("mycrm.json"));
    app.doc.disk_hash = Some(7);
    app.update(Action::Saved { path: PathBuf::from("mycrm.json"), result: Ok(8) });
    assert_eq!(app.status.as_deref(), Some("saved mycrm.json; the previous version is in mycrm.json.bak"));
    // A new file has no previous version.
    let mut app = mycrm();
    app.update(Action::Saved { path: PathBuf::from("new.json"), result: Ok(8) });
    assert_eq!(app.status.as_deref(), Some("saved new.json"));
}

#[test]
fn typing_in_the_save_prompt_replaces_the_suggested_name_and_a_cursor_key_keeps_it() {
    let mut app = mycrm();
    app.update(Action::Save);
    assert_eq!(app.prompt_text(), Some("mycrm.json"));
    press(&mut app, key(KeyCode::Char('m')));
    type_text(&mut app, "ine.json");
    assert_eq!(app.prompt_text(), Some("mine.json"));

    let mut app = mycrm();
    app.update(Action::Save);
    press(&mut app, key(KeyCode::Home));
    type_text(&mut app, "old-");
    assert_eq!(app.prompt_text(), Some("old-mycrm.json"));
}

#[test]
fn at_80_columns_the_hint_bar_keeps_save_and_the_keys_panel_on_every_row_of_every_step() {
    let mut app = mycrm();
    for step in ['1', '2', '3', '4', '5', '6'] {
        press(&mut app, alt(step));
        let rows = app.rows().len();
        for index in 0..rows {
            focus_row(&mut app, |_| true);
            for _ in 0..index {
                app.update(Action::Down);
            }
            let screen = screen_text(&mut app, 80, 24);
            // The bar takes a second line at 80 columns when its hints need it.
            let bar = integration_wizard::wizard::testing::layout::areas(&app).hints;
            let hints = screen.lines().skip(usize::from(bar.y)).collect::<Vec<_>>().join(" ");
            // The keys panel always; saving on every page where the manifest is edited.
            assert!(hints.contains("keys"), "step {step}, row {index}: {hints}");
            assert!(hints.contains("Ctrl-S save") || step == '6', "step {step}, row {index}: {hints}");
            assert!(!hints.contains("quit") || hints.contains("Ctrl-S save"), "quitting goes before saving: {hints}");
        }
    }
}

#[test]
fn the_start_screen_shows_one_draft_per_file_and_delete_discards_one_after_asking() {
    use integration_wizard::storage::drafts::DraftKey;
    let draft = |path: &str, written_at| Draft {
        path: Some(PathBuf::from(path)),
        written_at,
        manifest: EXAMPLES[0].json.into(),
        history: None,
    };
    let keys: Vec<DraftKey> = (0..4)
        .map(|_| {
            std::thread::sleep(std::time::Duration::from_millis(2));
            DraftKey::for_new()
        })
        .collect();
    let drafts = vec![
        (keys[0].clone(), draft("line.json", 10)),
        (keys[1].clone(), draft("line.json", 30)),
        (keys[2].clone(), draft("other.json", 20)),
        (keys[3].clone(), draft("line.json", 20)),
    ];
    let mut app = App::start(Vec::new()).with_drafts(drafts);
    let screen = screen_text(&mut app, 120, 40);
    assert_eq!(screen.matches("Recover unsaved work: line.json").count(), 1, "{screen}");
    assert!(screen.contains("2 older drafts of it behind"), "{screen}");
    assert_eq!(screen.matches("Recover unsaved work: other.json").count(), 1, "{screen}");

    let hints = screen.lines().last().unwrap_or_default();
    assert!(hints.contains("Enter recover") && hints.contains("delete the draft"), "{hints}");
    // The newest line.json draft is first; Delete asks, n keeps it, y deletes only it.
    press(&mut app, key(KeyCode::Delete));
    assert!(matches!(app.panel_as::<DiscardDraft>(), Some(DiscardDraft { .. })), "{:?}", app.panel());
    press(&mut app, key(KeyCode::Char('n')));
    assert!(app.panel().is_none());
    press(&mut app, key(KeyCode::Delete));
    let effects = press(&mut app, key(KeyCode::Char('y')));
    assert_eq!(effects, vec![Effect::DiscardDrafts(vec![keys[1].clone()])]);
    let screen = screen_text(&mut app, 120, 40);
    assert!(screen.contains("deleted the draft of line.json"), "{screen}");
    assert!(screen.contains("1 older draft of it behind"), "the next older one takes its place: {screen}");
    assert_eq!(screen.matches("Recover unsaved work:").count(), 2, "{screen}");
}
