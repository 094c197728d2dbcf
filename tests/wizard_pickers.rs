//! The authentication picker, switching authentication types, the path prompts (completion and the
//! list of JSON files), the note on unknown keys when a file opens, wrong-typed yes/no values, and the
//! bundled example's label; driven through keys and actions as the loop does.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

mod support;

use integration_wizard::manifest::edit::{ListRef, Owner};
use integration_wizard::manifest::{AuthenticationType, Slot};
use integration_wizard::wizard::testing::action::{Action, Opened};
use integration_wizard::wizard::testing::app::{App, Effect};
use integration_wizard::wizard::testing::examples::EXAMPLES;
use integration_wizard::wizard::testing::form::Row;
use integration_wizard::wizard::testing::panels::path_prompt::PathPrompt;
use integration_wizard::wizard::testing::path_list::FolderEntry;
use integration_wizard::wizard::testing::step::{Page, Step};
use ratatui::crossterm::event::KeyCode;
use std::path::PathBuf;
use support::*;

fn status(app: &App) -> String {
    app.status.clone().unwrap_or_default()
}

fn field_names(app: &App) -> Vec<String> {
    (0..app.doc.manifest.auth_field_count())
        .filter_map(|index| app.doc.manifest.auth_field(index)?.field_name.as_str().map(str::to_owned))
        .collect()
}

/// Goes to step 3 and chooses `kind` with the arrows and Space, as a person would.
fn choose(app: &mut App, kind: AuthenticationType) {
    press(app, alt('3'));
    let target = AuthenticationType::ALL.iter().position(|k| *k == kind).expect("one of the five");
    while app.focus < target {
        press(app, key(KeyCode::Down));
    }
    while app.focus > target {
        press(app, key(KeyCode::Up));
    }
    press(app, key(KeyCode::Char(' ')));
    assert_eq!(app.doc.manifest.authentication_type(), Some(kind));
}

// Item 4: the picker starts on the chosen type; the arrows move, Tab leaves.

#[test]
fn the_arrows_move_between_types_without_choosing_and_tab_leaves_the_picker() {
    let mut app = blank();
    choose(&mut app, AuthenticationType::OAuth2Password);
    press(&mut app, alt('1'));
    press(&mut app, alt('3'));
    assert_eq!(app.focused_row(), Some(Row::AuthType(AuthenticationType::OAuth2Password)), "starts on the chosen");
    press(&mut app, key(KeyCode::Up));
    assert_eq!(app.focused_row(), Some(Row::AuthType(AuthenticationType::OAuth2)));
    assert_eq!(
        app.doc.manifest.authentication_type(),
        Some(AuthenticationType::OAuth2Password),
        "moving chooses nothing"
    );
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(app.page, Page::Step(Step::AuthFields), "Tab goes on to the next field, the next step");
}

// Item 5: a switch says what is no longer required and offers to remove what was never edited.

#[test]
fn switching_to_a_type_that_needs_fewer_fields_names_them_and_r_removes_them_in_one_edit() {
    let mut app = blank();
    choose(&mut app, AuthenticationType::OAuth2Password);
    choose(&mut app, AuthenticationType::OAuth2ClientCredentials);
    let said = status(&app);
    assert!(said.contains("no longer required: username, password"), "{said}");
    assert!(said.contains("r removes them") && said.contains("unchanged since they were added"), "{said}");
    let screen = screen_text(&mut app, 80, 24);
    let bar = integration_wizard::wizard::testing::layout::areas(&app).hints;
    let hints = screen.lines().skip(usize::from(bar.y)).collect::<Vec<_>>().join(" ");
    assert!(hints.contains("r remove"), "the hint bar offers r:\n{screen}");
    let generation = app.doc.generation;
    press(&mut app, key(KeyCode::Char('r')));
    assert_eq!(field_names(&app), ["site", "client_id", "client_secret", "access_token_url"]);
    assert_eq!(app.doc.generation, generation + 1, "one change of the document");
    assert!(status(&app).contains("removed the fields no longer required: username, password"), "{}", status(&app));
    press(&mut app, key(KeyCode::Char('r')));
    assert!(status(&app).contains("'r' does nothing here"), "the offer is used up: {}", status(&app));
}

#[test]
fn switching_back_says_which_fields_it_added_again_or_which_are_required_again() {
    let mut app = blank();
    choose(&mut app, AuthenticationType::OAuth2Password);
    choose(&mut app, AuthenticationType::OAuth2ClientCredentials);
    press(&mut app, key(KeyCode::Char('r')));
    choose(&mut app, AuthenticationType::OAuth2Password);
    assert!(status(&app).contains("added the fields it requires: username, password"), "{}", status(&app));

    let mut kept = blank();
    choose(&mut kept, AuthenticationType::OAuth2Password);
    choose(&mut kept, AuthenticationType::OAuth2ClientCredentials);
    choose(&mut kept, AuthenticationType::OAuth2Password);
    assert!(status(&kept).contains("required again: username, password"), "{}", status(&kept));
    assert_eq!(field_names(&kept).len(), 6, "nothing added twice");
}

#[test]
fn an_edited_field_is_named_as_kept_and_r_removes_only_the_unchanged_ones() {
    let mut app = blank();
    choose(&mut app, AuthenticationType::OAuth2Password);
    let username = field_names(&app).iter().position(|name| name == "username").expect("added");
    app.doc.manifest.set_text(
        Owner::AuthField(username),
        integration_wizard::manifest::AuthFieldKey::Help,
        "your CRM login",
    );
    choose(&mut app, AuthenticationType::OAuth2ClientCredentials);
    let said = status(&app);
    assert!(said.contains("r removes password") && said.contains("username you edited, so it stays"), "{said}");
    press(&mut app, key(KeyCode::Char('r')));
    assert!(field_names(&app).contains(&"username".to_owned()));
    assert!(!field_names(&app).contains(&"password".to_owned()));
}

#[test]
fn the_offer_to_remove_ends_when_the_author_leaves_the_step() {
    let mut app = blank();
    choose(&mut app, AuthenticationType::OAuth2Password);
    choose(&mut app, AuthenticationType::OAuth2ClientCredentials);
    press(&mut app, alt('4'));
    press(&mut app, alt('3'));
    press(&mut app, key(KeyCode::Char('r')));
    assert_eq!(field_names(&app).len(), 6, "r away from the switch removes nothing");
}

#[test]
fn switching_from_fields_the_author_edited_offers_no_key() {
    let mut app = blank();
    choose(&mut app, AuthenticationType::OAuth2Password);
    for index in 0..app.doc.manifest.auth_field_count() {
        app.doc.manifest.set_text(Owner::AuthField(index), integration_wizard::manifest::AuthFieldKey::Help, "edited");
    }
    choose(&mut app, AuthenticationType::OAuth2ClientCredentials);
    assert!(status(&app).contains("you edited them, so they stay"), "{}", status(&app));
    assert!(app.pending.removable.is_empty());
}

// Item 8: the path prompts complete with Tab and list the folder's JSON files.

fn entry(name: &str, is_dir: bool, manifest: bool) -> FolderEntry {
    FolderEntry { name: name.into(), is_dir, manifest }
}

fn workspace() -> Vec<FolderEntry> {
    vec![
        entry("acmedesk.json", false, true),
        entry("mycrm-ticket.md", false, false),
        entry("mycrm.json", false, true),
        entry("mycrm.json.bak", false, false),
        entry("package.json", false, false),
        entry("manifests", true, false),
    ]
}

/// The start screen's "Open a file" prompt, with the loop's answer to its folder request.
fn open_prompt() -> App {
    let mut app = App::start(Vec::new());
    app.theme = integration_wizard::wizard::testing::view::theme::Theme { color: false, ..Default::default() };
    while !matches!(app.start.items[app.start.focus], integration_wizard::wizard::testing::app::StartItem::Open) {
        press(&mut app, key(KeyCode::Down));
    }
    let effects = press(&mut app, key(KeyCode::Enter));
    assert_eq!(effects, [Effect::ReadFolder(String::new())], "the loop reads the starting folder");
    app.update(Action::FolderRead { folder: String::new(), result: Ok(workspace()) });
    app
}

fn typed(app: &App) -> String {
    app.prompt_text().unwrap_or_default().to_owned()
}

fn listed(app: &App) -> Vec<String> {
    app.path_list().map(|list| list.shown.iter().map(|entry| entry.name.clone()).collect()).unwrap_or_default()
}

#[test]
fn the_open_prompt_lists_the_folders_json_files_manifests_first() {
    let app = open_prompt();
    assert_eq!(listed(&app), ["acmedesk.json", "mycrm.json", "package.json"]);
}

#[test]
fn the_open_prompt_with_its_list_at_80x24() {
    let mut app = open_prompt();
    press(&mut app, key(KeyCode::Down));
    insta::assert_snapshot!("open_prompt_list_80x24", screen_text(&mut app, 80, 24));
}

#[test]
fn tab_completes_a_unique_name_and_enter_opens_it() {
    let mut app = open_prompt();
    type_text(&mut app, "acm");
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(typed(&app), "acmedesk.json");
    let effects = press(&mut app, key(KeyCode::Enter));
    assert_eq!(effects, [Effect::Open(PathBuf::from("acmedesk.json"))]);
}

#[test]
fn tab_completes_the_common_beginning_and_a_second_tab_lists_the_matches() {
    let mut app = open_prompt();
    type_text(&mut app, "my");
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(typed(&app), "mycrm");
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(listed(&app), ["mycrm-ticket.md", "mycrm.json", "mycrm.json.bak"], "every match, not only JSON");
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Down));
    assert_eq!(typed(&app), "mycrm.json", "the arrows pick a match into the path");
}

#[test]
fn a_tab_without_progress_says_a_second_tab_lists() {
    let mut app = open_prompt();
    type_text(&mut app, "m");
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(typed(&app), "m", "manifests/ and mycrm… share only m");
    let note = app.path_list().and_then(|list| list.note.clone()).unwrap_or_default();
    assert!(note.contains("Tab again lists them"), "{note}");
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(listed(&app).len(), 4);
}

#[test]
fn the_arrows_pick_a_json_file_and_enter_opens_it() {
    let mut app = open_prompt();
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Down));
    assert_eq!(typed(&app), "mycrm.json");
    press(&mut app, key(KeyCode::Up));
    assert_eq!(typed(&app), "acmedesk.json");
    let effects = press(&mut app, key(KeyCode::Enter));
    assert_eq!(effects, [Effect::Open(PathBuf::from("acmedesk.json"))]);
}

#[test]
fn a_folder_completes_with_its_slash_and_its_files_are_read_by_the_loop() {
    let mut app = open_prompt();
    type_text(&mut app, "man");
    let effects = press(&mut app, key(KeyCode::Tab));
    assert_eq!(typed(&app), "manifests/");
    assert_eq!(effects, [Effect::ReadFolder("manifests/".into())], "directory reading is the loop's");
    app.update(Action::FolderRead {
        folder: "manifests/".into(),
        result: Ok(vec![entry("helpdesk.json", false, true), entry("notes.txt", false, false)]),
    });
    assert_eq!(listed(&app), ["helpdesk.json"]);
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(typed(&app), "manifests/", "two names: no progress");
    type_text(&mut app, "h");
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(typed(&app), "manifests/helpdesk.json");
}

#[test]
fn tab_before_the_folder_is_read_completes_once_it_is() {
    let mut app = App::start(Vec::new());
    while !matches!(app.start.items[app.start.focus], integration_wizard::wizard::testing::app::StartItem::Open) {
        press(&mut app, key(KeyCode::Down));
    }
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "pack");
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(typed(&app), "pack", "not read yet");
    app.update(Action::FolderRead { folder: String::new(), result: Ok(workspace()) });
    assert_eq!(typed(&app), "package.json");
}

#[test]
fn a_folder_that_cannot_be_read_says_why_in_the_prompt() {
    let mut app = open_prompt();
    for c in "nowhere/".chars() {
        app.update(Action::Edit(tui_input::InputRequest::InsertChar(c)));
    }
    app.update(Action::FolderRead { folder: "nowhere/".into(), result: Err("cannot read the folder nowhere/".into()) });
    let screen = screen_text(&mut app, 80, 24);
    assert!(screen.contains("cannot read the folder nowhere/"), "{screen}");
}

#[test]
fn the_save_as_prompt_completes_too() {
    let mut app = mycrm();
    press(&mut app, ctrl('s'));
    assert!(matches!(app.panel_as::<PathPrompt>(), Some(PathPrompt { .. })));
    press(&mut app, ctrl('u'));
    type_text(&mut app, "pack");
    let effects = press(&mut app, key(KeyCode::Tab));
    assert_eq!(effects, [Effect::ReadFolder(String::new())], "the folder is read at the first Tab");
    app.update(Action::FolderRead { folder: String::new(), result: Ok(workspace()) });
    assert_eq!(typed(&app), "package.json");
}

#[test]
fn the_ticket_path_completes_with_tab() {
    let mut app = mycrm();
    press(&mut app, alt('6'));
    press(&mut app, key(KeyCode::Char('w')));
    press(&mut app, key(KeyCode::Enter));
    assert!(app.prompt_text().is_some(), "the ticket's path step: {:?}", app.panel());
    press(&mut app, ctrl('u'));
    type_text(&mut app, "mycrm-t");
    press(&mut app, key(KeyCode::Tab));
    app.update(Action::FolderRead { folder: String::new(), result: Ok(workspace()) });
    assert_eq!(typed(&app), "mycrm-ticket.md");
}

// Small items.

#[test]
fn opening_a_file_with_unknown_keys_says_once_that_they_are_kept() {
    let mut value = mycrm_value();
    value["x_top"] = serde_json::json!(1);
    value["integration"]["x_team"] = serde_json::json!("crm");
    value["actions"][0]["x_action"] = serde_json::json!(true);
    value["actions"][0]["inputs"][0]["x_input"] = serde_json::json!(null);
    let parsed = integration_wizard::manifest::read(value.to_string().as_bytes()).expect("JSON");
    let mut app = App::start(Vec::new());
    app.update(Action::Loaded {
        path: PathBuf::from("mycrm.json"),
        result: Ok(Box::new(Opened { parsed, disk_hash: 0, source: Default::default() })),
    });
    let said = status(&app);
    assert!(said.contains("kept 4 keys this tool does not know: "), "{said}");
    assert!(said.contains("\"x_team\"") && said.contains(", …; they are saved as they were"), "{said}");
}

#[test]
fn a_file_without_unknown_keys_says_nothing_about_them() {
    let parsed = integration_wizard::manifest::read(EXAMPLES[0].json.as_bytes()).expect("JSON");
    let mut app = App::start(Vec::new());
    app.update(Action::Loaded {
        path: PathBuf::from("mycrm.json"),
        result: Ok(Box::new(Opened { parsed, disk_hash: 0, source: Default::default() })),
    });
    assert_eq!(status(&app), "opened mycrm.json");
}

/// mycrm with the first authentication field's `mandatory` written as `value`, on that field's row.
fn on_wrong_mandatory(value: serde_json::Value) -> App {
    let mut manifest = mycrm_value();
    manifest["integration"]["authentication_configuration"][0]["mandatory"] = value;
    let mut app = opened(&manifest.to_string());
    press(&mut app, alt('4'));
    focus_row(&mut app, |row| *row == Row::Item(ListRef::AuthFields, 0));
    press(&mut app, key(KeyCode::Enter));
    focus_key(&mut app, "mandatory");
    app
}

fn mandatory(app: &App) -> Option<Slot<bool>> {
    app.doc.manifest.flag(Owner::AuthField(0), integration_wizard::manifest::AuthFieldKey::Mandatory).cloned()
}

#[test]
fn space_on_a_wrong_typed_yes_no_value_says_what_it_is_before_replacing_it() {
    let mut app = on_wrong_mandatory(serde_json::json!("no"));
    let before = mandatory(&app);
    press(&mut app, key(KeyCode::Char(' ')));
    assert_eq!(mandatory(&app), before, "the first Space changes nothing");
    let said = status(&app);
    assert!(said.contains("mandatory holds \"no\" (a string), not true or false"), "{said}");
    assert!(said.contains("Space again replaces it with false"), "\"no\" reads as false: {said}");
    press(&mut app, key(KeyCode::Char(' ')));
    assert_eq!(mandatory(&app), Some(Slot::Value(false)));
    assert!(status(&app).contains("replaced \"no\" with false"), "{}", status(&app));
}

#[test]
fn another_key_between_keeps_the_wrong_typed_value() {
    let mut app = on_wrong_mandatory(serde_json::json!({"when": "always"}));
    let before = mandatory(&app);
    press(&mut app, key(KeyCode::Char(' ')));
    assert!(status(&app).contains("Space again replaces it with true"), "{}", status(&app));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Up));
    press(&mut app, key(KeyCode::Char(' ')));
    assert_eq!(mandatory(&app), before, "asked again, not replaced");
}

#[test]
fn the_bundled_mycrm_example_is_labelled_as_based_on_the_page() {
    assert!(EXAMPLES[0].title.contains("based on the Talkdesk page's example"), "{}", EXAMPLES[0].title);
    let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/ticket/seed-mycrm.json"))
        .expect("the page's own example");
    assert_ne!(page.trim(), EXAMPLES[0].json.trim(), "if it becomes the page's exactly, say so instead");
}

#[test]
fn a_long_list_keeps_the_picked_file_in_view_at_every_small_size() {
    let mut app = open_prompt();
    let many: Vec<FolderEntry> = (0..40).map(|n| entry(&format!("manifest-{n:02}.json"), false, true)).collect();
    for c in "sub/".chars() {
        app.update(Action::Edit(tui_input::InputRequest::InsertChar(c)));
    }
    app.update(Action::FolderRead { folder: "sub/".into(), result: Ok(many) });
    for _ in 0..30 {
        press(&mut app, key(KeyCode::Down));
    }
    assert_eq!(typed(&app), "sub/manifest-29.json");
    for (width, height) in [(60, 16), (80, 24), (120, 40)] {
        let screen = screen_text(&mut app, width, height);
        assert!(screen.contains("› manifest-29.json"), "{width}x{height}:\n{screen}");
    }
}

#[test]
fn enter_on_a_folder_in_the_open_prompt_goes_into_it() {
    let mut app = open_prompt();
    press(&mut app, key(KeyCode::Tab));
    press(&mut app, key(KeyCode::Tab));
    let folder = listed(&app).iter().position(|name| name == "manifests").expect("the folder is listed");
    for _ in 0..=folder {
        press(&mut app, key(KeyCode::Down));
    }
    assert_eq!(typed(&app), "manifests/");
    let effects = press(&mut app, key(KeyCode::Enter));
    assert_eq!(effects, [Effect::ReadFolder("manifests/".into())], "nothing is opened");
    assert!(matches!(app.panel_as::<PathPrompt>(), Some(PathPrompt { .. })), "the prompt stays");
}

#[test]
fn enter_twice_on_a_wrong_typed_yes_no_value_replaces_it_as_space_does() {
    let mut app = on_wrong_mandatory(serde_json::json!(0));
    press(&mut app, key(KeyCode::Enter));
    assert!(status(&app).contains("mandatory holds 0 (a number)"), "{}", status(&app));
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(mandatory(&app), Some(Slot::Value(false)), "0 reads as false");
}

#[test]
fn a_second_tab_in_the_ticket_path_names_the_matches_and_the_arrows_pick_one() {
    let mut app = mycrm();
    press(&mut app, alt('6'));
    press(&mut app, key(KeyCode::Char('w')));
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ctrl('u'));
    type_text(&mut app, "mycrm.");
    press(&mut app, key(KeyCode::Tab));
    app.update(Action::FolderRead { folder: String::new(), result: Ok(workspace()) });
    assert_eq!(typed(&app), "mycrm.json", "mycrm.json and mycrm.json.bak share mycrm.json");
    // The first Tab completed as far as it could: the second lists the matches, as a shell does.
    press(&mut app, key(KeyCode::Tab));
    assert!(status(&app).contains("mycrm.json, mycrm.json.bak"), "{}", status(&app));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Down));
    assert_eq!(typed(&app), "mycrm.json.bak");
}
