//! Nothing cut at 80x24: the start screen's entries wrap under themselves (a click on any of their lines
//! picks them), and the JSON preview and the review's JSON wrap a long value under its line, which keeps
//! its number for the review's findings. Whole screens are compared with insta snapshots.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

mod support;

use integration_wizard::wizard::testing::action::Action;
use integration_wizard::wizard::testing::app::{App, Screen};
use integration_wizard::wizard::testing::step::{Page, Step};
use integration_wizard::wizard::testing::view::theme::Theme;
use std::path::PathBuf;
use support::*;

/// The words of `text`, in order, whatever the lines and the frame around them.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || "│┌┐└┘─▶".contains(c))
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The text of the pane at the right of the screen, its lines joined with spaces.
fn right_pane(screen: &str) -> String {
    screen
        .lines()
        .filter_map(|line| line.rsplit_once("││").map(|(_, right)| right.trim_end_matches('│').trim().to_owned()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn start_screen() -> App {
    let long = PathBuf::from("/home/someone/projects/integrations/talkdesk/customers/acme-corporation/mycrm.json");
    let mut app = App::start(vec![long]);
    app.theme = Theme { color: false, ..Theme::default() };
    app
}

#[test]
fn the_start_screen_wraps_long_entries_at_80_columns() {
    let mut app = start_screen();
    let screen = screen_text(&mut app, 80, 24);
    assert!(!screen.contains('…') || screen.contains("Open a manifest file…"), "{screen}");
    // Read without the line breaks (a path too long for a line is broken inside it).
    let all: String = words(&screen).concat();
    for entry in [
        "New from example: acmedesk: OAuth 2.0, CTI, two actions using every input type",
        "/home/someone/projects/integrations/talkdesk/customers/acme-corporation/mycrm.json",
    ] {
        assert!(all.contains(&words(entry).concat()), "{entry:?} is shown whole:\n{screen}");
    }
    insta::assert_snapshot!("start_80x24", screen);
}

#[test]
fn a_click_on_the_second_line_of_an_entry_picks_it() {
    let mut app = start_screen();
    let screen = screen_text(&mut app, 80, 24);
    let row = screen.lines().position(|line| line.trim() == "type").expect("the acmedesk entry's second line");
    app.update(Action::Click { column: 5, row: u16::try_from(row).expect("a screen row") });
    assert_eq!(app.screen(), Screen::Editor, "the click opened the example");
    assert_eq!(app.doc.manifest.integration().and_then(|i| i.name.as_str()), Some("acmedesk"));
}

#[test]
fn the_json_preview_wraps_a_long_value_instead_of_cutting_it() {
    let mut app = mycrm();
    app.update(Action::Resize { width: 80, height: 24 });
    app.update(Action::TogglePreview);
    app.update(Action::Down);
    app.update(Action::Down);
    let screen = screen_text(&mut app, 80, 24);
    let preview = right_pane(&screen);
    assert!(
        preview.contains("everything is searchable from one place."),
        "the description reads on, wrapped:\n{screen}"
    );
    insta::assert_snapshot!("preview_80x24", screen);
}

#[test]
fn the_review_json_wraps_long_lines_and_a_finding_still_shows_its_line() {
    let mut value = mycrm_value();
    value["integration"]["icon_url"] = "talkdeskapp.s3.amazonaws.com/assets/integrations/mycrm_icon.png".into();
    let mut app = opened(&value.to_string());
    focus_finding(&mut app, "/integration/icon_url");
    assert_eq!(app.page, Page::Step(Step::Review));
    // At 80 columns the JSON shows beside the findings on `p`.
    app.update(Action::TogglePreview);
    let screen = screen_text(&mut app, 80, 24);
    let json: String = right_pane(&screen).split_whitespace().collect();
    assert!(
        json.contains("\"icon_url\":\"talkdeskapp.s3.amazonaws.com/assets/integrations/mycrm_icon.png\""),
        "the finding's line is shown and read to its end:\n{screen}"
    );
    insta::assert_snapshot!("review_json_80x24", screen);
}
