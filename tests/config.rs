//! The config file: what it sets, each kind of mistake reported with its line and column, custom keys
//! shown in the `?` panel and the hint bar, the monochrome theme drawing no colour, and the commented
//! default file reading back to exactly the defaults.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

mod support;

use integration_wizard::wizard::testing::action::Action;
use integration_wizard::wizard::testing::app::App;
use integration_wizard::wizard::testing::config::default_file::default_file;
use integration_wizard::wizard::testing::config::{Settings, parse_text, read};
use integration_wizard::wizard::testing::keys::{Command, KeyPress, KeyTable, Scope, action_for};
use integration_wizard::wizard::testing::panels::delete::ConfirmDelete;
use integration_wizard::wizard::testing::panels::quit::ConfirmQuit;
use integration_wizard::wizard::testing::step::Step;
use integration_wizard::wizard::testing::view;
use integration_wizard::wizard::testing::view::theme::{Role, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui::style::{Color, Modifier};
use std::path::Path;
use std::sync::Arc;
use support::*;

fn settings(text: &str) -> Settings {
    match parse_text(text) {
        Ok(settings) => settings,
        Err(error) => panic!("{text:?} should be a valid config: {error:?}"),
    }
}

/// The place and message of a wrong config, failing if it is accepted.
fn problem(text: &str) -> ((usize, usize), String) {
    match parse_text(text) {
        Ok(_) => panic!("{text:?} should be refused"),
        Err((Some(place), message)) => (place, message),
        Err((None, message)) => panic!("{text:?}: no place given for {message}"),
    }
}

fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    app.update(Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
    terminal.draw(|frame| view::render(app, frame)).expect("drawing on a test backend");
    terminal
}

fn screen(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn an_empty_file_is_the_defaults() {
    assert_eq!(settings(""), Settings::default());
}

#[test]
fn a_file_sets_keys_theme_colours_and_the_preview() {
    let settings = settings(
        r##"
preview = true
theme = "default"

[colors]
error = "#ff8800"
title = "lightblue"

[keys]
save = "f2"
move = ["ctrl-p", "ctrl-n"]
quit = ["ctrl-q", "alt-q"]
"##,
    );
    assert!(settings.preview);
    assert_eq!(settings.theme.style(Role::Error).fg, Some(Color::Rgb(0xff, 0x88, 0x00)));
    assert_eq!(settings.theme.style(Role::Title).fg, Some(Color::LightBlue));
    assert_eq!(settings.theme.style(Role::Warning).fg, Some(Color::Yellow), "other roles keep their colours");
    let keys = &settings.keys;
    assert_eq!(keys.action(&[Scope::Anywhere], KeyPress::plain(KeyCode::F(2))), Some(Action::Save));
    assert_eq!(keys.action(&[Scope::Anywhere], KeyPress::ctrl('s')), None, "Ctrl-S no longer saves");
    assert_eq!(keys.action(&[Scope::Browse], KeyPress::ctrl('n')), Some(Action::Down));
    let alt_q = KeyPress { code: KeyCode::Char('q'), modifiers: KeyModifiers::ALT };
    assert_eq!(keys.action(&[Scope::Anywhere], alt_q), Some(Action::Quit));
    assert_eq!(keys.label(Command::Quit), "Ctrl-Q Alt-q");
}

#[test]
fn monochrome_is_a_theme_of_its_own() {
    let settings = settings("theme = \"monochrome\"\n");
    assert_eq!(settings.theme, Theme::monochrome());
}

#[test]
fn each_kind_of_mistake_names_its_line_and_column() {
    let cases: &[(&str, (usize, usize), &[&str])] = &[
        ("preview = true\ntheme = [\n", (2, 10), &["array"]),
        ("preview = true\ncolour = \"red\"\n", (2, 1), &["colour", "preview", "theme", "colors", "keys"]),
        ("theme = \"mono\"\n", (1, 9), &["mono", "monochrome"]),
        ("preview = \"yes\"\n", (1, 11), &["boolean"]),
        ("[keys]\nsave = \"ctrl-s\"\nsav = \"f2\"\n", (3, 1), &["sav", "did you mean \"save\""]),
        ("[keys]\nsave = \"ctlr-s\"\n", (2, 8), &["\"ctlr-s\" is not a key", "ctrl-"]),
        ("[keys]\nquit = [\"ctrl-q\", \"f99\"]\n", (2, 19), &["\"f99\" is not a key"]),
        ("[keys]\nsave = []\n", (2, 8), &["at least one"]),
        ("[keys]\nmove = [\"k\"]\n", (2, 8), &["move takes 2 keys"]),
        ("[colors]\nerror = \"redd\"\n", (2, 9), &["\"redd\" is not a colour", "#rrggbb"]),
        ("[colors]\nerorr = \"red\"\n", (2, 1), &["erorr", "error"]),
        ("theme = \"monochrome\"\n[colors]\nerror = \"red\"\n", (3, 1), &["monochrome theme has no colours"]),
        (
            "[keys]\nsave = \"ctrl-w\"\n\nwrite_ticket = \"ctrl-w\"\n",
            (4, 1),
            &["\"ctrl-w\" is the key of both", "save", "write_ticket"],
        ),
        ("[keys]\nadd = \"?\"\n", (2, 1), &["\"?\" is the key of both", "add", "help"]),
        ("[keys]\nback = \"q\"\n", (2, 1), &["back", "\"q\" could not be typed"]),
        ("[keys]\nmove = [\"k\", \"j\"]\n", (2, 1), &["move", "\"k\" could not be typed"]),
    ];
    for (text, place, words) in cases {
        let (found, message) = problem(text);
        assert_eq!(found, *place, "{text:?}: {message}");
        for word in *words {
            assert!(message.contains(word), "{text:?}: {word:?} is not in {message:?}");
        }
    }
}

#[test]
fn clashes_are_found_only_between_commands_that_work_together() {
    // `s` answers two different questions, and `a` adds while `y` answers: never at the same time.
    settings("[keys]\nyes = \"a\"\n");
    settings("[keys]\noverwrite = \"q\"\n");
    let (_, message) = problem("[keys]\ngo_to_step = [\"a\", \"2\", \"3\", \"4\", \"5\", \"6\"]\n");
    assert!(message.contains("add") && message.contains("go_to_step"), "{message}");
}

#[test]
fn a_file_that_cannot_be_read_is_named_and_a_missing_one_is_no_error() {
    let folder = tempfile::tempdir().expect("a folder");
    let missing = folder.path().join("config.toml");
    assert_eq!(read(&missing), Ok(None));
    std::fs::write(&missing, "[keys]\nsave = \"ctrl-s\"\nsave = \"f2\"\n").expect("written");
    let error = read(&missing).expect_err("a key given twice is refused");
    let message = error.to_string();
    assert_eq!(error.place.map(|(line, _)| line), Some(3), "{message}");
    assert!(message.contains(&missing.display().to_string()), "{message}");
    assert!(message.contains("line 3"), "{message}");
    assert!(message.contains("`integration-wizard config` checks it"), "says what to do: {message}");
    std::fs::write(&missing, b"\xff\xfe").expect("written");
    assert!(read(&missing).expect_err("not text").to_string().contains("UTF-8"));
}

#[test]
fn custom_keys_appear_in_the_help_panel_and_the_hint_bar() {
    let settings = settings("[keys]\nsave = \"f2\"\nhelp = [\"f1\", \"h\"]\ntry_it = \"ctrl-t\"\n");
    let mut app = mycrm();
    app.keys = Arc::new(settings.keys);
    app.update(Action::GoTo(Step::Integration));
    let hints = screen(&draw(&mut app, 120, 40));
    let hint_bar = hints.lines().last().expect("a hint bar");
    assert!(hint_bar.contains("F2 save"), "{hint_bar}");
    assert!(!hint_bar.contains("Ctrl-S"), "{hint_bar}");

    app.update(Action::Help);
    let help = screen(&draw(&mut app, 120, 40));
    assert!(help.lines().any(|line| line.contains("F2") && line.contains("save")), "{help}");
    assert!(help.lines().any(|line| line.contains("F1 h") && line.contains("this list")), "{help}");
    assert!(help.lines().any(|line| line.contains("w / Ctrl-T") && line.contains("try an endpoint")), "{help}");
    assert!(!help.contains("Ctrl-S"), "{help}");
}

#[test]
fn the_monochrome_theme_draws_no_colour_but_keeps_focus_and_errors_visible() {
    let mut value = mycrm_value();
    value["integration"]["logo_url"] = serde_json::json!("mycrm.png");
    let mut app = opened(&value.to_string());
    app.theme = settings("theme = \"monochrome\"\n").theme;
    app.update(Action::GoTo(Step::Integration));
    for (width, height) in [(80, 24), (140, 40)] {
        let terminal = draw(&mut app, width, height);
        let buffer = terminal.backend().buffer();
        let cells = || buffer.content().iter();
        for cell in cells() {
            assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{:?} at {width}x{height}", cell.symbol());
        }
        assert!(cells().any(|cell| cell.modifier.contains(Modifier::REVERSED)), "the focus shows at {width}x{height}");
        assert!(
            cells().any(|cell| cell.modifier.contains(Modifier::UNDERLINED | Modifier::BOLD)),
            "the error shows at {width}x{height}:\n{}",
            screen(&terminal)
        );
    }
}

#[test]
fn the_default_theme_draws_colours_that_a_role_colour_replaces() {
    let mut app = mycrm();
    app.theme = settings("[colors]\ntitle = \"#102030\"\n").theme;
    let terminal = draw(&mut app, 120, 40);
    let colours: Vec<Color> = terminal.backend().buffer().content().iter().map(|cell| cell.fg).collect();
    assert!(colours.contains(&Color::Rgb(0x10, 0x20, 0x30)), "the title's colour is drawn");
    assert!(colours.contains(&Color::Cyan), "the keys of the hint bar keep their colour");
}

#[test]
fn the_commented_default_reads_back_to_exactly_the_defaults() {
    let file = default_file(Some(Path::new("/home/me/.config/integration-wizard/config.toml")));
    assert_eq!(settings(&file), Settings::default());
    assert!(file.contains("/home/me/.config/integration-wizard/config.toml"), "the header names the file");
    for command in Command::all() {
        if KeyTable::default().actions_of(command) > 0 {
            // Set, or shown commented when its default keys differ from place to place (delete, help).
            let name = command.name();
            let shown = file.contains(&format!("\n{name} = [")) || file.contains(&format!("\n# {name} = ["));
            assert!(shown, "{name} is missing");
        }
    }
    // Every commented colour is the role's default: uncommented, the file still is the defaults' look.
    let uncommented: String = file
        .lines()
        .map(|line| match line.strip_prefix("# ") {
            Some(rest) if Role::all().any(|role| rest.starts_with(&format!("{} = ", role.name()))) => rest,
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert_ne!(uncommented, file);
    let colored = settings(&uncommented);
    for role in Role::all() {
        assert_eq!(colored.theme.style(role), Theme::default().style(role), "{role:?}");
    }
}

#[test]
fn the_documented_example_is_a_valid_config_that_does_what_it_says() {
    let page = include_str!("../docs/configuration.md");
    let section = &page[page.find("# Configuration").expect("a Configuration page")..];
    let start = section.find("```toml\n").expect("a TOML example") + "```toml\n".len();
    let example = &section[start..start + section[start..].find("```").expect("the example ends")];
    let settings = settings(example);
    assert!(settings.preview);
    assert_eq!(settings.keys.action(&[Scope::Anywhere], KeyPress::plain(KeyCode::F(2))), Some(Action::Save));
    assert_eq!(settings.theme.style(Role::Title).fg, Some(Color::LightBlue));
}

#[test]
fn a_rebound_answer_takes_its_letter_away_from_the_question() {
    let settings = settings("[keys]\nyes = \"j\"\nno = \"k\"\nquit_without_saving = \"d\"\n");
    let mut app = mycrm();
    app.keys = Arc::new(settings.keys);
    app.update(Action::GoTo(Step::Actions));
    app.update(Action::Delete);
    assert!(matches!(app.panel_as::<ConfirmDelete>(), Some(ConfirmDelete { .. })), "{:?}", app.panel());
    // The old letters no longer answer: y neither deletes nor closes the question.
    assert_eq!(action_for(&app, &key(KeyCode::Char('y'))), None);
    assert_eq!(action_for(&app, &key(KeyCode::Char('n'))), None);
    assert_eq!(action_for(&app, &key(KeyCode::Char('j'))), Some(Action::Answer('y')));
    assert_eq!(action_for(&app, &key(KeyCode::Char('k'))), Some(Action::Answer('n')));
    app.open(ConfirmQuit);
    assert_eq!(action_for(&app, &key(KeyCode::Char('q'))), None);
    assert_eq!(action_for(&app, &key(KeyCode::Char('d'))), Some(Action::Answer('q')));
    // An answer not rebound keeps its letter.
    assert_eq!(action_for(&app, &key(KeyCode::Char('s'))), Some(Action::Answer('s')));
}
