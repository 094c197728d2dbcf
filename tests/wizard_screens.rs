//! What the screens say and how they fit: each step's progress in the step list (`✓ done` only
//! when nothing mandatory is left and there is no error, else what is left), help and messages
//! wrapped to the width, labels fitted, unknown keys shown read-only where they belong, and the
//! keys panel scrolling at 80x24. Whole screens are compared with insta snapshots.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

mod support;

use integration_wizard::manifest::edit::{ListRef, Owner};
use integration_wizard::wizard::testing::action::Action;
use integration_wizard::wizard::testing::app::App;
use integration_wizard::wizard::testing::form::Row;
use integration_wizard::wizard::testing::layout;
use integration_wizard::wizard::testing::panels::Panel;
use integration_wizard::wizard::testing::panels::keys::KeysPanel;
use integration_wizard::wizard::testing::panels::quit::ConfirmQuit;
use integration_wizard::wizard::testing::panels::save::{ConfirmSave, DiskChanged, ReplaceExisting};
use integration_wizard::wizard::testing::step::{Page, Step};
use ratatui::crossterm::event::KeyCode;
use serde_json::json;
use support::*;

/// The sizes every screen here is checked at.
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// The step list's line under `step`'s name (its state), read from an 80x24 screen.
fn step_state(app: &mut App, step: Step) -> String {
    let screen = screen_text(app, 80, 24);
    let lines: Vec<&str> = screen.lines().collect();
    let name = format!("{} {}", step.index() + 1, step.title());
    let at = lines.iter().position(|line| line.contains(&name)).unwrap_or_else(|| panic!("{name} not on\n{screen}"));
    let state: String = lines[at + 1].chars().skip(1).take(22).collect();
    state.trim().to_owned()
}

fn snapshot(name: &str, app: &mut App) {
    for (width, height) in SIZES {
        let screen = screen_text(app, width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen);
    }
}

/// The words of `text`, for comparing wrapped text with what it wraps.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_owned).collect()
}

/// The lines of `area` on the screen, trimmed.
fn area_lines(screen: &str, area: ratatui::layout::Rect) -> Vec<String> {
    screen
        .lines()
        .skip(usize::from(area.y))
        .take(usize::from(area.height))
        .map(|line| line.chars().skip(usize::from(area.x)).take(usize::from(area.width)).collect::<String>())
        .map(|line| line.trim().to_owned())
        .collect()
}

/// mycrm with an input whose datetime default is wrong and long, and unknown keys in three objects.
fn with_long_problems() -> App {
    let mut value = mycrm_value();
    value["integration"]["x-team"] = json!("the crm platform squad, who answer questions on weekdays");
    value["x-owner"] = json!({"name": "someone", "email": "someone@example.org"});
    value["actions"][0]["x-note"] = json!(1);
    value["actions"][0]["inputs"][0]["type"] = json!("datetime");
    value["actions"][0]["inputs"][0]["format"] = json!("tomorrow at noon or so, whenever it suits the team best");
    opened(&value.to_string())
}

#[test]
fn a_blank_manifest_says_what_each_step_still_needs_without_showing_errors() {
    let mut app = blank();
    assert_eq!(step_state(&mut app, Step::Integration), "5 to fill");
    assert_eq!(step_state(&mut app, Step::Features), "· optional");
    assert_eq!(step_state(&mut app, Step::Authentication), "1 to fill");
    assert_eq!(step_state(&mut app, Step::AuthFields), "· after step 3");
    assert_eq!(step_state(&mut app, Step::Actions), "· optional");
    assert_eq!(step_state(&mut app, Step::Review), "· not saved yet");
    // Nothing shouts yet: no error mark on the screen, the empty mandatory fields say "required".
    let screen = screen_text(&mut app, 80, 24);
    assert!(!screen.contains('✗'), "{screen}");
    assert_eq!(screen.matches("required").count(), 5, "{screen}");
}

#[test]
fn a_step_is_done_only_when_every_mandatory_value_is_filled_and_right() {
    let mut app = blank();
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "mycrm");
    press(&mut app, key(KeyCode::Enter));
    // One value is not the step: four are left, and the step is not done.
    assert_eq!(step_state(&mut app, Step::Integration), "4 to fill");
    for (key_name, value) in [
        ("display_name", "My CRM"),
        ("description", "A CRM."),
        ("logo_url", "https://example.org/logo.png"),
        ("icon_url", "not a url"),
    ] {
        focus_key(&mut app, key_name);
        press(&mut app, key(KeyCode::Enter));
        type_text(&mut app, value);
        // A text of several lines is finished with its own key; a one-line text with Enter.
        if key_name == "description" {
            app.update(Action::Finish);
        } else {
            press(&mut app, key(KeyCode::Enter));
        }
    }
    // Everything filled, but one value is wrong: the error shows, there is nothing left to fill.
    assert_eq!(step_state(&mut app, Step::Integration), "✗1 error");
    // Enter on the step's last field went on to step 2: back to step 1.
    press(&mut app, alt('1'));
    focus_key(&mut app, "icon_url");
    press(&mut app, key(KeyCode::Enter));
    app.update(Action::Edit(tui_input::InputRequest::DeleteLine));
    type_text(&mut app, "https://example.org/icon.png");
    press(&mut app, key(KeyCode::Enter));
    assert_eq!(step_state(&mut app, Step::Integration), "✓ done");
    assert_eq!(step_state(&mut app, Step::Authentication), "1 to fill");
}

#[test]
fn trying_to_save_turns_what_is_left_into_errors() {
    let mut app = blank();
    press(&mut app, ctrl('s'));
    app.close_panel();
    assert_eq!(step_state(&mut app, Step::Integration), "✗5 errors");
    assert_eq!(step_state(&mut app, Step::Authentication), "✗1 error");
}

#[test]
fn an_opened_manifest_shows_done_steps_and_what_is_wrong() {
    let mut app = with_long_problems();
    assert_eq!(step_state(&mut app, Step::Integration), "✓ done · !2");
    assert_eq!(step_state(&mut app, Step::Actions), "✗1 · !1");
}

#[test]
fn unknown_keys_are_read_only_rows_on_the_page_of_their_object() {
    let mut app = with_long_problems();
    let before = written(&app);
    let rows = app.rows();
    assert!(rows.contains(&Row::Kept { owner: Owner::Wrapper, index: 0 }), "{rows:?}");
    assert!(rows.contains(&Row::Kept { owner: Owner::Integration, index: 0 }), "{rows:?}");
    // The review's finding jumps to the row, and Enter there changes nothing.
    for (pointer, page) in [
        ("/integration/x-team", Page::Step(Step::Integration)),
        ("/x-owner", Page::Step(Step::Integration)),
        ("/actions/0/x-note", Page::Action(0)),
    ] {
        focus_finding(&mut app, pointer);
        press(&mut app, key(KeyCode::Enter));
        assert_eq!(app.page, page, "{pointer}");
        let row = app.focused_row().expect("a focused row");
        assert!(matches!(row, Row::Kept { .. }), "{pointer} landed on {row:?}");
        assert_eq!(row.pointer(&app.doc.manifest), pointer);
        press(&mut app, key(KeyCode::Enter));
        assert!(app.editor().is_none());
        assert!(app.status.as_deref().is_some_and(|status| status.contains("kept as written")), "{:?}", app.status);
    }
    assert_eq!(written(&app), before);
    assert!(!app.doc.modified);
}

#[test]
fn the_actions_list_shows_help_about_the_list_not_about_an_action_name() {
    let mut app = mycrm();
    app.update(Action::GoTo(Step::Actions));
    focus_row(&mut app, |row| matches!(row, Row::Item(ListRef::Actions, _)));
    let screen = screen_text(&mut app, 120, 40);
    assert!(screen.contains("The actions Talkdesk can call on your bridge"), "{screen}");
    assert!(!screen.contains("The action's system name"), "{screen}");
}

#[test]
fn long_help_and_problems_wrap_whole_words_at_80_columns() {
    let mut app = with_long_problems();
    app.jump_to("/actions/0/inputs/0/format");
    let screen = screen_text(&mut app, 80, 24);
    let areas = layout::areas(&app);
    let shown = area_lines(&screen, areas.help);
    let expected: Vec<String> = layout::help_lines(&app, areas.help.width.saturating_sub(1))
        .into_iter()
        .flat_map(|line| words(&line.text))
        .collect();
    // Every word of the problem and of the help is on screen, whole, in order.
    assert_eq!(words(&shown.join(" ")), expected, "{screen}");
    assert!(expected.iter().any(|word| word == "2026-01-31T09:00:00Z"), "{expected:?}");
    assert!(areas.help.height > 2, "the help area grew:\n{screen}");
}

#[test]
fn a_long_message_wraps_whole_words_at_80_columns() {
    let mut app = mycrm();
    let message = "the manifest was written to /home/someone/projects/integrations/mycrm/manifests/mycrm.json; \
                   the previous content is kept as mycrm.json.bak beside it";
    app.status = Some(message.into());
    let screen = screen_text(&mut app, 80, 24);
    let areas = layout::areas(&app);
    assert!(areas.status.height >= 2, "{screen}");
    assert_eq!(words(&area_lines(&screen, areas.status).join(" ")), words(message), "{screen}");
}

#[test]
fn labels_and_list_rows_are_not_cut_at_120_columns() {
    let mut app = mycrm();
    app.update(Action::GoTo(Step::Features));
    let screen = screen_text(&mut app, 120, 40);
    assert!(screen.contains("Interaction retrieval URL "), "{screen}");
    assert!(screen.contains("+ add an interaction type"), "{screen}");
}

#[test]
fn the_keys_panel_scrolls_at_80x24_and_keeps_its_title_and_footer() {
    let mut app = mycrm();
    screen_text(&mut app, 80, 24);
    press(&mut app, key(KeyCode::F(1)));
    let first = screen_text(&mut app, 80, 24);
    assert!(first.contains(" Keys "), "{first}");
    assert!(first.contains("more below"), "{first}");
    let max = layout::keys_panel_max_scroll(&app);
    assert!(max > 0, "the panel has more lines than 80x24 shows");
    for _ in 0..max + 5 {
        press(&mut app, key(KeyCode::Down));
    }
    assert!(matches!(app.panel_as::<KeysPanel>(), Some(KeysPanel { scroll }) if *scroll == max), "{:?}", app.panel());
    let last = screen_text(&mut app, 80, 24);
    assert!(last.contains(" Keys ") && last.contains("more above"), "{last}");
    let (keys, what) = layout::keys_panel_lines(&app, layout::KEYS_PANEL_WIDTH - 2).pop().expect("a key");
    assert!(last.contains(what.trim()) && last.contains(keys.trim()), "the last key shows:\n{last}");
    press(&mut app, key(KeyCode::PageUp));
    press(&mut app, key(KeyCode::PageUp));
    press(&mut app, key(KeyCode::PageUp));
    assert!(matches!(app.panel_as::<KeysPanel>(), Some(KeysPanel { scroll: 0 })), "{:?}", app.panel());
}

#[test]
fn screens_with_long_help_findings_and_labels() {
    let mut app = with_long_problems();
    app.jump_to("/actions/0/inputs/0/format");
    snapshot("screens_datetime_problem", &mut app);
    let mut app = with_long_problems();
    focus_finding(&mut app, "/actions/0/inputs/0/format");
    snapshot("screens_review_long_finding", &mut app);
    let mut app = with_long_problems();
    app.update(Action::GoTo(Step::Features));
    snapshot("screens_long_labels", &mut app);
    let mut app = with_long_problems();
    snapshot("screens_unknown_keys", &mut app);
    let mut app = blank();
    snapshot("screens_blank_progress", &mut app);
}

#[test]
fn the_keys_panel_scrolled() {
    let mut app = mycrm();
    // Keys reach the wizard once it knows its size, as in the terminal.
    screen_text(&mut app, 80, 24);
    press(&mut app, key(KeyCode::F(1)));
    for _ in 0..4 {
        press(&mut app, key(KeyCode::Down));
    }
    let screen = screen_text(&mut app, 80, 24);
    insta::assert_snapshot!("screens_keys_scrolled_80x24", screen);
}

#[test]
fn every_question_fits_at_80x24_with_a_long_path() {
    let path = std::path::PathBuf::from("/home/someone/projects/integrations/mycrm/manifests/mycrm-production.json");
    // Each question, its last words, and whether it names the path.
    let questions: [(Box<dyn Panel>, &str, bool); 4] = [
        (Box::new(ReplaceExisting { path: path.clone() }), "do not save", true),
        (Box::new(DiskChanged { path: path.clone() }), "do nothing now", true),
        (Box::new(ConfirmSave { path: path.clone(), reasons: vec!["it has 4 error(s)".into()] }), "do not save", true),
        (Box::new(ConfirmQuit), "keep editing", false),
    ];
    for (overlay, last_words, names_the_path) in questions {
        let mut app = mycrm();
        app.open_boxed(overlay.clone());
        let screen = screen_text(&mut app, 80, 24);
        // The path is read whole (wrapped, a path longer than a line broken, never cut) and the keys'
        // line ends the panel.
        assert!(screen.contains(last_words), "{overlay:?}:\n{screen}");
        if names_the_path {
            // The panel is 72 columns wide, centred: read inside its borders only.
            let inside: String = screen.lines().flat_map(|line| line.chars().skip(5).take(70)).collect();
            let squeezed: String = inside.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(squeezed.contains(path.to_str().unwrap_or_default()), "{overlay:?}:\n{screen}");
        }
    }
}

#[test]
fn a_click_on_a_step_or_its_state_line_goes_to_the_step() {
    let mut app = mycrm();
    let screen = screen_text(&mut app, 80, 24);
    let lines: Vec<&str> = screen.lines().collect();
    let name = lines.iter().position(|line| line.contains("5 Actions")).expect("step 5 listed");
    for row in [name, name + 1] {
        app.update(Action::GoTo(Step::Integration));
        app.update(Action::Click { column: 5, row: u16::try_from(row).expect("a screen row") });
        assert_eq!(app.page, Page::Step(Step::Actions), "a click on line {row}:\n{screen}");
    }
}

#[test]
fn a_row_too_wide_for_the_pane_ends_with_an_ellipsis() {
    let mut value = mycrm_value();
    value["integration"]["authentication_configuration"][0]["mandatory"] = json!("yes");
    let mut app = opened(&value.to_string());
    app.update(Action::GoTo(Step::AuthFields));
    app.update(Action::Activate);
    let screen = screen_text(&mut app, 80, 24);
    let row = screen.lines().find(|line| line.contains("Mandatory")).expect("the mandatory row");
    assert!(row.contains("wrong type") && row.contains("…│"), "{row}");
}
