//! The line mode in-process: a session over a `Cursor` of answers, its output read back.

use super::prompt::Ended;
use super::session::{Outcome, Session};
use crate::manifest::AuthenticationType;
use crate::manifest::edit::Owner;
use crate::manifest::{IntegrationKey, Slot, read};
use crate::wizard::document::Document;
use std::io::Cursor;

/// Answers that walk a blank manifest from step 1 to the review: 5 + 6 + 1 + 1 + 1 Enters.
const THROUGH_A_BLANK_MANIFEST: usize = 14;

fn run(doc: Document, answers: &str) -> (Result<Outcome, Ended>, Document, String) {
    let mut output = Vec::new();
    let mut session = Session::new(doc, Cursor::new(answers.as_bytes().to_vec()), &mut output);
    let result = session.run();
    let doc = session.document().clone();
    drop(session);
    (result, doc, String::from_utf8(output).expect("the line mode writes UTF-8"))
}

fn text(doc: &Document, owner: Owner, key: IntegrationKey) -> Option<String> {
    doc.manifest.text(owner, key).and_then(Slot::as_str).map(str::to_owned)
}

#[test]
fn a_field_is_named_with_its_help_and_value_and_the_answer_is_kept() {
    let (result, doc, said) = run(Document::blank(None), "mycrm\n");
    assert_eq!(result, Err(Ended));
    assert_eq!(text(&doc, Owner::Integration, IntegrationKey::Name).as_deref(), Some("mycrm"));
    assert!(doc.modified);
    assert!(said.contains("Step 1 of 6: Integration\nName: empty\nAbout: The integration's system name"), "{said}");
    assert!(said.contains("New value for Name (Enter keeps it): mycrm\nDisplay name: empty"), "{said}");
}

#[test]
fn enter_keeps_a_value_a_dash_clears_it_and_a_backslash_goes_on_on_the_next_line() {
    let parsed = read(include_bytes!("../../assets/examples/mycrm.json")).expect("the example reads");
    let (_, doc, said) = run(Document::opened(parsed, None), "\n-\n\nfirst \\\nsecond\n");
    assert_eq!(text(&doc, Owner::Integration, IntegrationKey::Name).as_deref(), Some("mycrm"));
    assert_eq!(doc.manifest.text(Owner::Integration, IntegrationKey::DisplayName), Some(&Slot::Absent));
    assert_eq!(text(&doc, Owner::Integration, IntegrationKey::Description).as_deref(), Some("first \nsecond"));
    assert!(said.contains("Name: mycrm\n"), "{said}");
    assert!(said.contains("Error: display_name is missing"), "the cleared field's problem is said: {said}");
    assert!(said.contains("Display name has a problem; type it again, or Enter keeps what you typed."), "{said}");
}

#[test]
fn a_value_with_an_error_is_said_and_asked_again_and_enter_keeps_what_was_typed() {
    let (_, doc, said) = run(Document::blank(None), "mycrm\n\n\nmycrm.png\n\n");
    assert_eq!(text(&doc, Owner::Integration, IntegrationKey::LogoUrl).as_deref(), Some("mycrm.png"));
    assert!(said.contains("Error: logo_url must be an absolute http or https URL"), "{said}");
    assert!(
        said.contains("Logo URL has a problem; type it again, or Enter keeps what you typed.\nLogo URL: mycrm.png")
    );
    assert!(said.contains("Icon URL: empty"), "Enter moved on: {said}");
}

#[test]
fn choosing_an_oauth_type_adds_its_required_fields_and_says_which_and_they_cannot_be_deleted() {
    let answers = format!("{}3\ndelete 1\n", "\n".repeat(11));
    let (_, doc, said) = run(Document::blank(None), &answers);
    assert_eq!(doc.manifest.authentication_type(), Some(AuthenticationType::OAuth2));
    let required: Vec<&str> = AuthenticationType::OAuth2.required_fields().iter().map(|f| f.field_name).collect();
    assert!(!required.is_empty());
    assert_eq!(doc.manifest.auth_field_count(), required.len());
    assert!(said.contains(&format!("added the fields it requires: {}.", required.join(", "))), "{said}");
    assert!(said.contains("oauth2 requires this field; choose another authentication type to remove it."), "{said}");
}

#[test]
fn a_picker_lists_numbered_choices_and_asks_again_on_a_wrong_number() {
    let answers = format!("{}0\n2\n", "\n".repeat(11));
    let (_, doc, said) = run(Document::blank(None), &answers);
    assert!(said.contains("1. none: ") && said.contains("5. oauth2_client_credentials: "), "{said}");
    assert!(said.contains("\"0\" is not one of the choices; answer a number from 1 to 5"), "{said}");
    assert_eq!(doc.manifest.authentication_type(), Some(AuthenticationType::Custom));
}

#[test]
fn lists_are_edited_by_number() {
    // Step 2: add three interaction types, move the third first, delete the second (yes), rename the first.
    let answers = format!(
        "{}add\nTicket\nadd\nCase\nadd\nLead\nmove 3 1\ndelete 2\nyes\nedit 1\nDeal\nwhat\ndone\n",
        "\n".repeat(10)
    );
    let (_, doc, said) = run(Document::blank(None), &answers);
    let types: Vec<&str> = doc.manifest.integration().expect("integration").interaction_type_names().collect();
    assert_eq!(types, ["Deal", "Case"]);
    assert!(said.contains("1. Lead\n2. Ticket\n3. Case\n"), "{said}");
    assert!(
        said.contains(
            "\"what\" is not understood; answer add, edit N, delete N, move N M, or done; to add it as an interaction type, answer: add what."
        ),
        "{said}"
    );
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let answers = format!("mycrm\n{}q\nn\nq\nq\n", "\n".repeat(THROUGH_A_BLANK_MANIFEST - 1));
    let (result, _, said) = run(Document::blank(None), &answers);
    assert_eq!(result, Ok(Outcome::Quit));
    assert_eq!(said.matches("You have unsaved changes: s to save, q to quit without saving").count(), 2, "{said}");
}

#[test]
fn saving_writes_the_file_the_wizard_writes() {
    let folder = tempfile::tempdir().expect("temporary folder");
    let path = folder.path().join("mycrm.json");
    let parsed = read(include_bytes!("../../assets/examples/mycrm.json")).expect("the example reads");
    let mut doc = Document::opened(parsed, None);
    doc.path = Some(path.clone());
    // Enter through every question (lists: done; pickers: keep), then save at the review.
    let answers = "\n".repeat(THROUGH_A_BLANK_MANIFEST + 1);
    let (result, doc, said) = run(doc, &answers);
    assert_eq!(result, Ok(Outcome::Saved(path.clone())), "{said}");
    assert!(!doc.modified);
    let written = std::fs::read_to_string(&path).expect("saved");
    assert_eq!(written, include_str!("../../assets/examples/mycrm.json"));
}

#[test]
fn the_work_is_kept_before_each_question_that_follows_a_change() {
    let kept = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let seen = std::rc::Rc::clone(&kept);
    let mut output = Vec::new();
    let answers = Cursor::new(b"mycrm\n\nMy CRM\n".to_vec());
    let mut session = Session::new(Document::blank(None), answers, &mut output).keeping(Box::new(move |doc| {
        seen.borrow_mut().push(text(doc, Owner::Integration, IntegrationKey::Description).unwrap_or_default())
    }));
    assert_eq!(session.run(), Err(Ended));
    drop(session);
    // After the name (before the display name's question), none after the display name left as it
    // was, then after the description "My CRM" (before the logo's question).
    assert_eq!(*kept.borrow(), ["", "My CRM"]);
}

#[test]
fn a_field_named_help_is_not_mistaken_for_the_fields_own_explanation() {
    let parsed = read(include_bytes!("../../assets/examples/mycrm.json")).expect("the example reads");
    // Steps 1 to 3 kept (5 + 6 + 1 answers), then the first authentication field edited, all its fields.
    let answers = format!("{}edit 1\nall\n{}", "\n".repeat(12), "\n".repeat(5));
    let (_, _, said) = run(Document::opened(parsed, None), &answers);
    assert!(said.contains("Help: under Settings > Account\nAbout: Optional."), "{said}");
    assert!(!said.lines().any(|line| line.starts_with("Help: The integration's")), "{said}");
}

#[test]
fn the_actions_list_is_explained_as_a_list_not_as_an_action_name() {
    let answers = "\n".repeat(13);
    let (_, _, said) = run(Document::blank(None), &answers);
    let at = said.find("Actions: 0 elements.").expect("the actions list is read out");
    let about = said[at..].lines().nth(1).unwrap_or_default();
    assert!(about.starts_with("About: ") && !about.contains("unique identifier of the action"), "{about}");
}

#[test]
fn add_with_a_text_adds_it_at_once_and_a_bare_text_says_how() {
    let answers = format!("{}add Ticket\nCase\nadd  Sales lead \ndone\n", "\n".repeat(10));
    let (_, doc, said) = run(Document::blank(None), &answers);
    let types: Vec<&str> = doc.manifest.integration().expect("integration").interaction_type_names().collect();
    assert_eq!(types, ["Ticket", "Sales lead"]);
    assert!(said.contains("to add it as an interaction type, answer: add Case."), "{said}");
}

#[test]
fn a_warning_about_a_new_value_is_said_at_once() {
    let (_, doc, said) = run(Document::blank(None), "My CRM!\n");
    assert_eq!(text(&doc, Owner::Integration, IntegrationKey::Name).as_deref(), Some("My CRM!"));
    let after = &said[said.find("New value for Name").expect("asked")..];
    assert!(after.contains("\nWarning: name \"My CRM!\""), "{said}");
}

#[test]
fn an_opened_file_says_how_many_problems_it_has() {
    let mut value: serde_json::Value =
        serde_json::from_slice(include_bytes!("../../assets/examples/mycrm.json")).expect("json");
    value["integration"]["logo_url"] = serde_json::json!("mycrm.png");
    let parsed = read(value.to_string().as_bytes()).expect("reads");
    let mut doc = Document::opened(parsed, Some("mycrm.json".into()));
    doc.disk_hash = Some(0);
    let (_, _, said) = run(doc, "");
    assert!(said.contains("The file has 1 error and 0 warnings: each is said at its field"), "{said}");
    let parsed = read(include_bytes!("../../assets/examples/mycrm.json")).expect("the example reads");
    let mut doc = Document::opened(parsed, Some("mycrm.json".into()));
    doc.disk_hash = Some(0);
    let (_, _, said) = run(doc, "");
    assert!(said.contains("The file has no problems."), "{said}");
}

#[test]
fn a_value_asked_again_after_a_problem_does_not_repeat_its_help() {
    let (_, _, said) = run(Document::blank(None), "mycrm\n\n\nmycrm.png\n\n");
    assert_eq!(said.matches("About: The URL of the integration service's logo").count(), 1, "{said}");
    assert_eq!(said.matches("Logo URL: ").count(), 2, "asked twice: {said}");
}

#[test]
fn a_field_named_like_a_secret_stays_input_and_y_makes_it_a_password_as_in_the_wizard() {
    use crate::manifest::AuthFieldKey;
    let field_type = |doc: &Document| {
        doc.manifest.term(Owner::AuthField(0), AuthFieldKey::Type).and_then(|slot| slot.as_str().map(str::to_owned))
    };
    // Steps 1 and 2 from blank, custom authentication, then a field added and named "api_token".
    let through = "mycrm\nMy CRM\nA CRM.\nhttps://e.org/l.png\nhttps://e.org/i.png\n\n\n\n\nno\ndone\n2\nadd\n";
    for (answer, expected) in [("\n", "input"), ("y\n", "password")] {
        let answers = format!("{through}api_token\n{answer}");
        let (_, doc, said) = run(Document::blank(None), &answers);
        assert!(said.contains("api_token looks like a secret: the page's example keeps it input"), "{said}");
        assert_eq!(field_type(&doc).as_deref(), Some(expected), "{said}");
    }
}

#[test]
fn edit_n_lists_the_elements_fields_and_a_number_asks_only_that_one() {
    use crate::manifest::ActionKey;
    let parsed = read(include_bytes!("../../assets/examples/mycrm.json")).expect("the example reads");
    // Steps 1 to 4 kept (5 + 6 + 1 + 1 answers), then the first action's display changed alone.
    let answers = format!("{}edit 1\n9\n2\nOpen a ticket\n", "\n".repeat(13));
    let (_, doc, said) = run(Document::opened(parsed, None), &answers);
    let display = doc.manifest.text(Owner::Action(0), ActionKey::Display).and_then(Slot::as_str).map(str::to_owned);
    assert_eq!(display.as_deref(), Some("Open a ticket"), "{said}");
    let listed = &said[said.find("Element 1 of Actions:").expect("the element is read out")..];
    assert!(listed.contains("\n1. Name: create_ticket\n2. Display: "), "{listed}");
    assert!(listed.contains("Inputs: "), "its inputs are one entry: {listed}");
    assert!(!listed.contains("Provider"), "the provider is not asked, so not offered: {listed}");
    assert!(listed.contains("\"9\" is not a number from 1 to"), "a wrong number is said: {listed}");
    // Only the display was asked, then the actions list again.
    let after = &listed[listed.find("New value for Display").expect("the display is asked")..];
    assert!(!after.contains("New value for Description"), "{after}");
    assert!(after.contains("Actions: add, edit N"), "back to the list: {after}");
}

#[test]
fn edit_n_then_enter_asks_every_field_in_turn_as_before() {
    let parsed = read(include_bytes!("../../assets/examples/mycrm.json")).expect("the example reads");
    let answers = format!("{}edit 1\n\n\n", "\n".repeat(13));
    let (_, _, said) = run(Document::opened(parsed, None), &answers);
    let listed = &said[said.find("Which field?").expect("asked which field")..];
    assert!(listed.contains("New value for Name (Enter keeps it): \nDisplay: "), "{listed}");
}

#[test]
fn a_type_picked_alone_and_changed_to_select_asks_its_options_next() {
    use crate::manifest::InputType;
    let parsed = read(include_bytes!("../../assets/examples/mycrm.json")).expect("the example reads");
    // Steps 1 to 4 kept, the first action's inputs (entry 5), its first input's type (entry 4) made a
    // select (choice 4 of the input types), then its options.
    let answers = format!("{}edit 1\n5\nedit 1\n4\nselect\nadd\nLow\ndone\n", "\n".repeat(13));
    let (_, doc, said) = run(Document::opened(parsed, None), &answers);
    assert!(said.contains("A select's options are asked next, as a list."), "{said}");
    assert_eq!(doc.manifest.select_options(0, 0), ["Low"], "{said}");
    let kind = doc.manifest.term(Owner::Input { action: 0, input: 0 }, crate::manifest::InputKey::Type);
    assert_eq!(kind.as_ref().and_then(Slot::as_str), Some(InputType::Select.as_str()), "{said}");
}
