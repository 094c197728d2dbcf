//! The review step, and keeping what the author wrote.

use super::*;

fn mycrm_without_token_display() -> App {
    let mut broken = mycrm_value();
    broken["integration"]["authentication_configuration"][1].as_object_mut().expect("field").remove("display");
    opened(&broken.to_string())
}

#[test]
fn enter_on_a_finding_jumps_to_the_page_and_row_of_its_pointer() {
    let mut app = mycrm_without_token_display();
    let pointer = "/integration/authentication_configuration/1/display";
    focus_finding(&mut app, pointer);
    assert_eq!(app.rows().len(), app.doc.diagnostics().len(), "one row per finding");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.page, Page::AuthField(1));
    assert_eq!(focused_key(&app), Some("display"));
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "API Token");
    press(&mut app, key(KeyCode::Enter));
    assert!(!app.doc.has_errors(), "{:?}", app.doc.diagnostics());
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.page, Page::Step(Step::AuthFields), "Esc returns to the list the field is in");
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::AuthFields, 1)));
}

#[test]
fn a_finding_inside_an_action_input_opens_the_input_and_esc_climbs_back() {
    let mut broken = mycrm_value();
    broken["actions"][0]["inputs"][2]["key"] = json!("");
    let mut app = opened(&broken.to_string());
    let pointer = "/actions/0/inputs/2/key";
    focus_finding(&mut app, pointer);
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(app.page, Page::Input { action: 0, input: 2 });
    assert_eq!(focused_key(&app), Some("key"));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.page, Page::Action(0));
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::Inputs(0), 2)));
    press(&mut app, key(KeyCode::Esc));
    assert_eq!(app.page, Page::Step(Step::Actions));
    assert_eq!(app.focused_row(), Some(Row::Item(ListRef::Actions, 0)));
}

#[test]
fn a_finding_about_a_missing_list_focuses_the_closest_row() {
    let mut broken = mycrm_value();
    broken["integration"].as_object_mut().expect("integration").remove("authentication_configuration");
    let mut app = opened(&broken.to_string());
    app.jump_to("/integration/authentication_configuration");
    assert_eq!(app.page, Page::Step(Step::AuthFields));
    assert_eq!(app.focused_row(), Some(Row::Add(ListRef::AuthFields)));
}

#[test]
fn unknown_keys_of_an_opened_file_survive_edits_and_saving() {
    let mut original = mycrm_value();
    original["x-top"] = json!({"kept": [1, 2]});
    original["integration"]["x-team"] = json!("crm-squad");
    original["integration"]["authentication_configuration"][0]["x-hint"] = json!(true);
    original["actions"][0]["inputs"][0]["placeholder"] = json!("Subject");
    let parsed = read(original.to_string().as_bytes()).expect("object");
    let mut app = App::editing(Document::opened(parsed, Some(PathBuf::from("mycrm.json"))));

    focus_key(&mut app, "display_name");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ctrl('u'));
    type_text(&mut app, "My Great CRM");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, alt('4'));
    press(&mut app, key(KeyCode::Char('c')));
    press(&mut app, alt('5'));
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, alt('a'));

    let mut expected = original.clone();
    expected["integration"]["display_name"] = json!("My Great CRM");
    let fields = expected["integration"]["authentication_configuration"].as_array_mut().expect("fields");
    let mut copy = fields[0].clone();
    copy["field_name"] = json!("account_copy");
    fields.insert(1, copy);
    let inputs = expected["actions"][0]["inputs"].as_array_mut().expect("inputs");
    inputs.push(json!({"mandatory": false, "type": "text"}));
    assert_eq!(written(&app), expected);

    let effects = press(&mut app, ctrl('s'));
    let effects = if effects.is_empty() { press(&mut app, key(KeyCode::Char('y'))) } else { effects };
    let (_, contents) = saved_contents(&effects);
    let saved: serde_json::Value = serde_json::from_str(&contents).expect("json");
    assert_eq!(saved, expected);
    let top: Vec<&String> = saved.as_object().expect("object").keys().collect();
    assert_eq!(top, ["requires_cti", "integration", "actions", "x-top"], "unknown keys after the known ones");
}

#[test]
fn renaming_the_integration_keeps_the_action_providers_in_sync() {
    let mut app = mycrm();
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "2");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(written(&app)["actions"][0]["provider"], "mycrm2");
    assert!(status(&app).contains("renamed the provider"), "{}", status(&app));
}
