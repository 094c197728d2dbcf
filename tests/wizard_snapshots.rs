//! Whole screens of the wizard, drawn on ratatui's `TestBackend` and compared with insta snapshots
//! at 80x24 and 140x40; and rendering at every size, down to 1x1, never panics.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

mod support;

use integration_wizard::manifest::edit::ListRef;
use integration_wizard::wizard::testing::action::Action;
use integration_wizard::wizard::testing::app::App;
use integration_wizard::wizard::testing::form::Row;
use integration_wizard::wizard::testing::step::{Page, Step};
use integration_wizard::wizard::testing::view;
use integration_wizard::wizard::testing::view::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use serde_json::json;
use std::path::PathBuf;
use support::*;

/// The sizes every screen is checked at: a classic terminal, and a wide one that shows the preview.
const SIZES: [(u16, u16); 2] = [(80, 24), (140, 40)];

/// Draws `app` on a terminal of `width` x `height` (after telling it the size, as the loop does).
fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    app.update(Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal.draw(|frame| view::render(app, frame)).expect("drawing on a test backend");
    terminal
}

/// The screen's text, one string per line.
fn lines(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height).map(|y| (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect()).collect()
}

/// Snapshots `app` at both sizes, as `name_80x24` and `name_140x40`.
fn snapshot(name: &str, mut app: App) {
    for (width, height) in SIZES {
        let terminal = draw(&mut app, width, height);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
    }
}

fn on_step(step: Step) -> App {
    let mut app = mycrm();
    app.update(Action::GoTo(step));
    app
}

/// A copy of mycrm with a few errors and warnings of different kinds.
fn broken() -> App {
    let mut value = mycrm_value();
    value["integration"]["logo_url"] = json!("mycrm.png");
    value["integration"]["authentication_configuration"][1].as_object_mut().expect("field").remove("display");
    value["integration"]["authentication_configuration"][0]["mandatory"] = json!("yes");
    value["actions"][0]["display"] = json!("Create a ticket");
    value["actions"][0]["inputs"][2]["format"] = json!("");
    value["integration"]["x-team"] = json!("crm");
    opened(&value.to_string())
}

#[test]
fn start_screen() {
    let mut app = App::start(Vec::new());
    app.theme = Theme { color: false, ..Theme::default() };
    snapshot("start", app);
}

#[test]
fn start_screen_with_recent_files_and_an_error() {
    let mut app = App::start(vec![PathBuf::from("/home/me/crm/mycrm.json"), PathBuf::from("acme.json")]);
    app.theme = Theme { color: false, ..Theme::default() };
    app.update(Action::Loaded {
        path: PathBuf::from("broken.json"),
        result: Err("line 3, column 7: the file is not valid JSON: expected `,` or `}`; fix the syntax here (often a missing comma or quote)".into()),
    });
    snapshot("start_recent_error", app);
}

#[test]
fn step_1_integration() {
    snapshot("step1_integration", on_step(Step::Integration));
}

#[test]
fn step_2_features() {
    snapshot("step2_features", on_step(Step::Features));
}

#[test]
fn step_3_authentication() {
    snapshot("step3_authentication", on_step(Step::Authentication));
}

#[test]
fn step_4_auth_fields() {
    snapshot("step4_auth_fields", on_step(Step::AuthFields));
}

#[test]
fn step_5_actions() {
    snapshot("step5_actions", on_step(Step::Actions));
}

#[test]
fn step_6_review_of_a_valid_manifest() {
    snapshot("step6_review", on_step(Step::Review));
}

#[test]
fn a_new_blank_manifest() {
    let mut app = blank();
    app.doc.path = Some(PathBuf::from("mycrm.json"));
    snapshot("blank_step1", app);
}

#[test]
fn the_auth_field_form() {
    let mut app = on_step(Step::AuthFields);
    app.update(Action::Activate);
    assert_eq!(app.page, Page::AuthField(0));
    focus_key(&mut app, "format");
    snapshot("auth_field_form", app);
}

#[test]
fn the_auth_fields_of_oauth2() {
    let mut app = blank();
    app.update(Action::GoTo(Step::Authentication));
    focus_row(&mut app, |row| matches!(row, Row::AuthType(kind) if kind.as_str() == "oauth2"));
    app.update(Action::Toggle);
    app.update(Action::GoTo(Step::AuthFields));
    snapshot("auth_fields_oauth2", app);
}

#[test]
fn the_auth_fields_of_type_none() {
    let mut app = blank();
    app.update(Action::GoTo(Step::Authentication));
    app.update(Action::Toggle);
    app.update(Action::GoTo(Step::AuthFields));
    snapshot("auth_fields_none", app);
}

#[test]
fn an_action_form() {
    let mut app = on_step(Step::Actions);
    app.update(Action::Activate);
    assert_eq!(app.page, Page::Action(0));
    snapshot("action_form", app);
}

#[test]
fn an_input_form() {
    let mut app = on_step(Step::Actions);
    app.update(Action::Activate);
    focus_row(&mut app, |row| *row == Row::Item(ListRef::Inputs(0), 2));
    app.update(Action::Activate);
    assert_eq!(app.page, Page::Input { action: 0, input: 2 });
    focus_key(&mut app, "type");
    snapshot("input_form", app);
}

#[test]
fn the_review_of_a_broken_manifest() {
    let mut app = broken();
    app.update(Action::GoTo(Step::Review));
    app.update(Action::Down);
    snapshot("review_broken", app);
}

#[test]
fn problems_beside_their_fields() {
    let mut app = broken();
    app.update(Action::GoTo(Step::AuthFields));
    app.update(Action::Activate);
    snapshot("auth_field_broken", app);
}

#[test]
fn editing_the_description() {
    let mut app = mycrm();
    focus_key(&mut app, "description");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, key_with(KeyCode::Enter, KeyModifiers::ALT));
    type_text(&mut app, "Second paragraph.");
    snapshot("editing_description", app);
}

#[test]
fn editing_a_one_line_field() {
    let mut app = mycrm();
    focus_key(&mut app, "display_name");
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, " Cloud");
    snapshot("editing_display_name", app);
}

#[test]
fn the_help_overlay() {
    let mut app = mycrm();
    app.update(Action::Help);
    snapshot("help", app);
}

#[test]
fn the_quit_confirmation() {
    let mut app = mycrm();
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "x");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ctrl('q'));
    snapshot("confirm_quit", app);
}

#[test]
fn the_save_confirmation() {
    let mut app = broken();
    app.doc.path = Some(PathBuf::from("mycrm.json"));
    press(&mut app, ctrl('s'));
    snapshot("confirm_save", app);
}

#[test]
fn the_save_as_prompt() {
    let mut app = mycrm();
    press(&mut app, ctrl('s'));
    snapshot("save_as", app);
}

#[test]
fn the_delete_confirmation() {
    let mut app = on_step(Step::AuthFields);
    press(&mut app, key(KeyCode::Delete));
    snapshot("confirm_delete", app);
}

#[test]
fn terminal_too_small() {
    let mut app = mycrm();
    let terminal = draw(&mut app, 40, 10);
    insta::assert_snapshot!("too_small_40x10", terminal.backend());
}

#[test]
fn the_focused_row_is_marked_without_colour() {
    let mut app = mycrm();
    focus_key(&mut app, "description");
    for (width, height) in SIZES {
        let screen = lines(&draw(&mut app, width, height));
        let marked: Vec<&String> = screen.iter().filter(|line| line.contains("▶ Description")).collect();
        assert_eq!(marked.len(), 1, "one marked row:\n{}", screen.join("\n"));
        assert!(!screen.iter().any(|line| line.contains("▶ Name")), "only one");
        assert!(
            screen.iter().any(|line| line.contains("▶3 Authentication") || line.contains("▶1 Integration")),
            "the current step is marked too"
        );
    }
    // The marker follows the focus.
    app.update(Action::Down);
    let screen = lines(&draw(&mut app, 80, 24));
    assert!(screen.iter().any(|line| line.contains("▶ Logo URL")), "{}", screen.join("\n"));
    assert!(!screen.iter().any(|line| line.contains("▶ Description")));
}

#[test]
fn the_focused_start_item_is_marked_without_colour() {
    let mut app = App::start(Vec::new());
    app.theme = Theme { color: false, ..Theme::default() };
    app.update(Action::Down);
    let screen = lines(&draw(&mut app, 80, 24));
    assert!(screen.iter().any(|line| line.contains("▶ New from example: mycrm")), "{}", screen.join("\n"));
}

#[test]
fn the_focused_finding_is_marked_without_colour() {
    let mut app = broken();
    app.update(Action::GoTo(Step::Review));
    let screen = lines(&draw(&mut app, 80, 24));
    // The marker comes before the severity symbol and the place.
    let marked = screen.iter().filter(|line| line.contains("▶ ✗ ") || line.contains("▶ ! ")).count();
    assert_eq!(marked, 1, "{}", screen.join("\n"));
}

/// States worth drawing at every size.
fn states() -> Vec<(&'static str, App)> {
    let mut states = Vec::new();
    let mut start = App::start(vec![PathBuf::from("/a/very/long/path/to/some/manifest/that/keeps/going/mycrm.json")]);
    start.status = Some("cannot open x.json: line 1, column 1: a long message that goes on and on".into());
    states.push(("start", start));
    for step in Step::ALL {
        states.push(("step", on_step(step)));
    }
    states.push(("blank", blank()));
    let mut editing = mycrm();
    focus_key(&mut editing, "description");
    editing.update(Action::Activate);
    for _ in 0..8 {
        editing.update(Action::Newline);
    }
    type_text(
        &mut editing,
        "a line much longer than any terminal is wide, so that the editor must scroll it sideways to show the cursor",
    );
    states.push(("multi-line editor", editing));
    let mut one_line = mycrm();
    one_line.update(Action::Activate);
    type_text(&mut one_line, "-with-a-long-suffix-that-needs-horizontal-scrolling-in-narrow-terminals-0123456789");
    states.push(("one-line editor", one_line));
    let mut help = mycrm();
    help.update(Action::Help);
    states.push(("help", help));
    let mut quit = mycrm();
    quit.update(Action::Activate);
    type_text(&mut quit, "x");
    quit.update(Action::Quit);
    states.push(("confirm quit", quit));
    let mut save_as = mycrm();
    save_as.update(Action::Save);
    states.push(("save as", save_as));
    let mut save = broken();
    save.doc.path = Some(PathBuf::from("x.json"));
    save.update(Action::Save);
    states.push(("confirm save", save));
    let mut review = broken();
    review.update(Action::GoTo(Step::Review));
    review.update(Action::Last);
    states.push(("review", review));
    let mut input = on_step(Step::Actions);
    input.update(Action::Activate);
    input.update(Action::Last);
    input.update(Action::Activate);
    states.push(("input", input));
    let mut field = broken();
    field.update(Action::GoTo(Step::AuthFields));
    field.update(Action::Activate);
    field.update(Action::Last);
    states.push(("auth field", field));
    let mut narrow_preview = mycrm();
    narrow_preview.update(Action::TogglePreview);
    states.push(("preview on narrow", narrow_preview));
    states
}

#[test]
fn rendering_never_panics_at_any_size() {
    // Every size below 20x20 (the "too small" screen, down to 1x1), and a coarse grid up to 130x45
    // plus the sizes around the thresholds, where the layout changes.
    let small: Vec<(u16, u16)> = (1..20).flat_map(|width| (1..20).map(move |height| (width, height))).collect();
    let mut grid: Vec<(u16, u16)> =
        (1..=130).step_by(7).flat_map(|width| (1..=45).step_by(7).map(move |height| (width, height))).collect();
    grid.extend([(59, 16), (60, 15), (60, 16), (61, 17), (119, 40), (120, 40), (130, 45), (255, 3)]);
    for (index, (name, app)) in states().into_iter().enumerate() {
        // Below the minimum size every screen is the same message (slow to wrap in a debug build),
        // so the smallest sizes are drawn for a few states only: the start screen, a step, an editor, an overlay.
        let sizes: Vec<(u16, u16)> = match name {
            "start" | "multi-line editor" | "help" => small.iter().chain(&grid).copied().collect(),
            _ if index == 1 => small.iter().chain(&grid).copied().collect(),
            _ => grid.clone(),
        };
        for &(width, height) in &sizes {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let mut app = app.clone();
                draw(&mut app, width, height);
            }));
            assert!(result.is_ok(), "drawing {name} at {width}x{height} panicked");
        }
        // Moving around at a size must not panic either: layout and scrolling use the size.
        for &(width, height) in &grid {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let mut app = app.clone();
                app.update(Action::Resize { width, height });
                for action in [Action::Down, Action::PageDown, Action::Last, Action::Up, Action::PageUp, Action::First]
                {
                    app.update(action);
                }
            }));
            assert!(result.is_ok(), "moving in {name} at {width}x{height} panicked");
        }
    }
}

#[test]
fn the_help_overlay_lists_every_key() {
    // With the editor keys the list is longer than the panel at 80x24, which has to scroll there.
    for (width, height) in [(140, 40)] {
        let mut app = mycrm();
        app.update(Action::Help);
        // A panel taller than the screen scrolls: read it all the way down.
        let mut screen = lines(&draw(&mut app, width, height)).join("\n");
        for _ in 0..integration_wizard::wizard::testing::layout::keys_panel_max_scroll(&app) {
            app.update(Action::Down);
            screen.push_str(&lines(&draw(&mut app, width, height)).join("\n"));
        }
        for (keys, what) in app.keys.help_lines() {
            // The start of the description: a long one may wrap onto a second line.
            let start: String = what.chars().take(20).collect();
            assert!(screen.contains(&start), "{keys:?} ({what}) is missing at {width}x{height}:\n{screen}");
        }
    }
}

#[test]
fn a_new_manifest_that_was_never_saved_is_not_marked_saved() {
    let mut app = blank();
    app.doc.path = Some(PathBuf::from("mycrm.json"));
    let screen = lines(&draw(&mut app, 80, 24));
    let review = screen.iter().find(|line| line.contains("6 Review & save")).expect("the step list");
    assert!(!review.contains('✓'), "{review}");
}

#[test]
fn the_focused_finding_can_be_read_in_full() {
    let mut app = broken();
    app.update(Action::GoTo(Step::Review));
    let finding = app
        .doc
        .diagnostics()
        .iter()
        .position(|d| d.pointer == "/integration/authentication_configuration/0/mandatory")
        .expect("the wrong-typed mandatory");
    focus_row(&mut app, |row| *row == Row::Finding(finding));
    let message = app.doc.diagnostics()[finding].message.clone();
    for (width, height) in SIZES {
        let terminal = draw(&mut app, width, height);
        // Read as a person does: down the help area under the review, across its wrapped lines.
        let pane = integration_wizard::wizard::testing::layout::areas(&app).help;
        let buffer = terminal.backend().buffer();
        let text: Vec<String> = (pane.top()..pane.bottom())
            .map(|y| (pane.left()..pane.right()).map(|x| buffer[(x, y)].symbol()).collect())
            .collect();
        let words: String = text.join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            words.contains(&message),
            "{message:?} is not readable at {width}x{height}:\n{}",
            lines(&draw(&mut app, width, height)).join("\n")
        );
    }
}

#[test]
fn the_ticket_document_panel() {
    let mut app = on_step(Step::Review);
    app.doc.path = Some(PathBuf::from("mycrm.json"));
    app.update(Action::WriteTicket);
    snapshot("ticket_format", app.clone());
    app.update(Action::Activate);
    snapshot("ticket_path", app);
}

#[test]
fn the_probe_panel_with_a_result() {
    use integration_wizard::probe::transport::Response;
    use integration_wizard::probe::{EndpointReport, Exchange, Kind};
    let mut app = on_step(Step::Features);
    app.doc.manifest.set_text(
        integration_wizard::manifest::edit::Owner::Integration,
        integration_wizard::manifest::IntegrationKey::AuthValidationEndpoint,
        "http://127.0.0.1:8080/auth",
    );
    app.focus = 0;
    app.update(Action::TryIt);
    for c in "acme".chars() {
        app.update(Action::Edit(tui_input::InputRequest::InsertChar(c)));
    }
    app.update(Action::Activate);
    for c in "s3cret-token".chars() {
        app.update(Action::Edit(tui_input::InputRequest::InsertChar(c)));
    }
    snapshot("probe_credentials", app.clone());
    app.update(Action::Activate);
    let mut response = Response::json(401, &json!({"message": "invalid credentials"}));
    response.elapsed = std::time::Duration::from_millis(12);
    let report = EndpointReport {
        kind: Kind::AuthValidation,
        action: None,
        url: Some("http://127.0.0.1:8080/auth".into()),
        skipped: false,
        refused: true,
        status: Some(401),
        elapsed: Some(response.elapsed),
        findings: Vec::new(),
        notes: vec!["the bridge refused these credentials (401); check the values given for account, token, or how the bridge checks them with the external system".into()],
        exchanges: vec![Exchange {
            label: String::new(),
            url: "http://127.0.0.1:8080/auth".into(),
            request: json!({"auth": {"account": "••••", "token": "••••"}}),
            outcome: Ok(response),
        }],
    };
    app.update(Action::Probed(Box::new(report), Default::default()));
    snapshot("probe_result", app);
}

/// mycrm.json opened from disk, its auth field "token" removed and its action renamed, on the review.
fn mycrm_changed_on_the_review() -> App {
    use integration_wizard::wizard::testing::action::Opened;
    let mut app = App::start(Vec::new());
    app.theme = Theme::monochrome();
    let bytes = integration_wizard::wizard::testing::examples::EXAMPLES[0].json.as_bytes();
    let parsed = integration_wizard::manifest::read(bytes).expect("the example is JSON");
    let opened = Opened { parsed, disk_hash: 7, source: std::sync::Arc::from(bytes) };
    app.update(Action::Loaded { path: PathBuf::from("mycrm.json"), result: Ok(Box::new(opened)) });
    press(&mut app, alt('4'));
    focus_row(&mut app, |row| *row == Row::Item(ListRef::AuthFields, 1));
    press(&mut app, key(KeyCode::Delete));
    press(&mut app, key(KeyCode::Char('y')));
    press(&mut app, alt('5'));
    focus_row(&mut app, |row| *row == Row::Item(ListRef::Actions, 0));
    press(&mut app, key(KeyCode::Enter));
    focus_key(&mut app, "name");
    press(&mut app, key(KeyCode::Enter));
    type_text(&mut app, "_v2");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, alt('6'));
    app
}

#[test]
fn the_review_lists_the_changes_since_the_file_was_opened_breaking_first() {
    for (width, height) in [(120, 40), (80, 24)] {
        let mut app = mycrm_changed_on_the_review();
        let terminal = draw(&mut app, width, height);
        insta::assert_snapshot!(format!("review_changes_{width}x{height}"), terminal.backend());
    }
}
