//! A description is edited wrapped to the form's width, not on one line scrolling sideways: its
//! rows at 120x40 and 80x24, the cursor on its row and column, ↑ and ↓ moving between rows.

mod support;

use integration_wizard::wizard::testing::action::Action;
use integration_wizard::wizard::testing::app::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use support::*;

/// Three sentences, longer than the form is wide at both sizes.
const DESCRIPTION: &str = "Mycrm keeps every customer conversation in one place. Agents see the caller's \
    record and history before they answer. Tickets and cases are created from the call in one key.";

/// mycrm with its description being typed anew, the cursor at its end.
fn typing_the_description() -> App {
    let mut app = mycrm();
    focus_key(&mut app, "description");
    app.update(Action::Activate);
    press(&mut app, ctrl('u'));
    type_text(&mut app, DESCRIPTION);
    app
}

/// The screen drawn at `width` x `height`, and where the terminal's cursor is.
fn drawn(app: &mut App, width: u16, height: u16) -> (Terminal<TestBackend>, (u16, u16)) {
    app.update(Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal
        .draw(|frame| integration_wizard::wizard::testing::view::render(app, frame))
        .expect("drawing on a test backend");
    let cursor = terminal.get_cursor_position().expect("the cursor is placed");
    (terminal, (cursor.x, cursor.y))
}

fn screen_of(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height).map(|y| (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect()).collect()
}

/// The editor's rows: the text after each `  │ ` under the description's row.
fn editor_rows(screen: &[String]) -> Vec<String> {
    screen
        .iter()
        .filter_map(|line| line.split_once("  │ ").map(|(_, rest)| rest.split('│').next().unwrap_or(rest).trim_end()))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_three_sentence_description_is_edited_wrapped_at_120x40_and_80x24() {
    for (width, height) in [(120, 40), (80, 24)] {
        let mut app = typing_the_description();
        let (terminal, _) = drawn(&mut app, width, height);
        insta::assert_snapshot!(format!("editing_a_description_{width}x{height}"), terminal.backend());
        let rows = editor_rows(&screen_of(&terminal));
        assert!(rows.len() >= 3, "wrapped over several rows at {width}x{height}: {rows:?}");
        let words: Vec<&str> = rows.iter().flat_map(|row| row.split_whitespace()).collect();
        assert_eq!(words.join(" "), DESCRIPTION, "every word shown, none cut, at {width}x{height}");
    }
}

#[test]
fn the_cursor_is_drawn_on_its_row_after_the_last_character_typed() {
    for (width, height) in [(120, 40), (80, 24)] {
        let mut app = typing_the_description();
        let (terminal, (x, y)) = drawn(&mut app, width, height);
        let screen = screen_of(&terminal);
        let line: Vec<char> = screen[usize::from(y)].chars().collect();
        let before: String = line[..usize::from(x)].iter().collect();
        assert!(before.ends_with("in one key."), "the cursor follows the last word at {width}x{height}: {before:?}");
        // ↑ moves to the row above, same column: the cursor stays in the text, one row higher.
        app.update(Action::EditorLine { up: true });
        let (_, (up_x, up_y)) = drawn(&mut app, width, height);
        assert_eq!((up_x, up_y), (x, y - 1), "↑ goes one row up at {width}x{height}");
        type_text(&mut app, "#");
        let value = app.editor().map(|editor| editor.text.value()).unwrap_or_default();
        assert_eq!(value.replace('#', ""), DESCRIPTION, "one character typed where the cursor was drawn");
        let (terminal, _) = drawn(&mut app, width, height);
        let screen = screen_of(&terminal);
        let row: Vec<char> = screen[usize::from(up_y)].chars().collect();
        assert_eq!(row.get(usize::from(up_x)), Some(&'#'), "typed where the cursor was drawn at {width}x{height}");
    }
}

#[test]
fn home_and_end_reach_the_whole_descriptions_start_and_end_across_its_rows() {
    let mut app = typing_the_description();
    press(&mut app, key(KeyCode::Home));
    type_text(&mut app, "<");
    press(&mut app, key(KeyCode::End));
    type_text(&mut app, ">");
    let value = app.editor().map(|editor| editor.text.value()).unwrap_or_default();
    assert_eq!(value, format!("<{DESCRIPTION}>"));
}
