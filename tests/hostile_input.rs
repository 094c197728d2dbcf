//! Files and values nobody should have to trust: each gets a clear message, nothing panics, the
//! wizard stays usable, and no control character from a file ever reaches the terminal.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

use integration_wizard::manifest::{check, read};
use integration_wizard::wizard::testing::action::{Action, fingerprint};
use integration_wizard::wizard::testing::app::{App, Screen};
use integration_wizard::wizard::testing::document::Document;
use integration_wizard::wizard::{load, testing::view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};

fn write(folder: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = folder.join(name);
    std::fs::write(&path, bytes).expect("write test file");
    path
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|frame| view::render(app, frame)).expect("draw");
    let buffer = terminal.backend().buffer();
    buffer
        .content()
        .iter()
        .map(|cell| cell.symbol())
        .collect::<Vec<_>>()
        .chunks(usize::from(width))
        .map(|row| row.concat())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Opening `path` in the wizard: the start screen with the reason, or the editor.
fn open(path: &Path) -> App {
    let mut app = App::start(Vec::new());
    app.update(Action::Resize { width: 120, height: 40 });
    app.update(Action::Loaded { path: path.to_path_buf(), result: load(path).map(Box::new) });
    app
}

fn refused_with(path: &Path, expected: &str) {
    let message = load(path).expect_err("must not open");
    assert!(message.contains(expected), "{}: {message:?} should mention {expected:?}", path.display());
    let app = open(path);
    assert_eq!(app.screen(), Screen::Start, "the start screen stays usable");
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains(expected), "status {status:?}");
    let text = screen(&app, 120, 40);
    assert!(text.contains("cannot open"), "the reason is shown:\n{text}");
}

#[test]
fn broken_files_are_refused_with_a_reason_and_a_position() {
    let folder = tempfile::tempdir().expect("temp dir");
    refused_with(&write(folder.path(), "empty.json", b""), "the file is empty");
    refused_with(&write(folder.path(), "latin1.json", b"{\"name\": \"caf\xe9\"}"), "line 1, column");
    refused_with(
        &write(folder.path(), "syntax.json", b"{\n  \"integration\": {\n    \"name\": \"x\",\n  }\n}"),
        "line 4, column 3",
    );
    refused_with(&write(folder.path(), "deep.json", "[".repeat(100_000).as_bytes()), "nested more than 128 levels");
    refused_with(&write(folder.path(), "list.json", b"[1, 2]"), "a manifest is a JSON object");
    refused_with(folder.path(), "folder");
    refused_with(&folder.path().join("missing.json"), "no such file");
}

#[cfg(unix)]
#[test]
fn a_file_without_permission_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().expect("temp dir");
    let path = write(folder.path(), "secret.json", b"{}");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&path).is_ok() {
        // Running as root: permissions do not stop reading, so there is nothing to refuse.
        return;
    }
    refused_with(&path, "permission denied");
}

#[test]
fn a_100_megabyte_manifest_opens_and_draws() {
    let description = "a".repeat(100 * 1024 * 1024);
    let text = format!("{{\"integration\": {{\"name\": \"big\", \"description\": \"{description}\"}}}}");
    let checked = check(text.as_bytes());
    assert!(checked.manifest.is_some());
    let parsed = read(text.as_bytes()).expect("an object");
    let mut app = App::editing(Document::opened(parsed, Some("big.json".into())));
    app.doc.disk_hash = Some(fingerprint(text.as_bytes()));
    app.update(Action::Resize { width: 120, height: 40 });
    let started = std::time::Instant::now();
    for _ in 0..3 {
        app.update(Action::Down);
        let drawn = screen(&app, 120, 40);
        assert!(drawn.contains("Description"));
    }
    assert!(started.elapsed().as_secs() < 20, "three moves took {:?}", started.elapsed());
}

#[test]
fn control_characters_are_shown_escaped_and_reported() {
    let text = "{\"integration\": {\"name\": \"evil\\u001b[2J\\u0007\", \"display_name\": \"right\\u202eleft\", \"description\": \"日本語 👍🏽 e\\u0301\"}}";
    let parsed = read(text.as_bytes()).expect("an object");
    let codes: Vec<_> = check(text.as_bytes()).diagnostics.iter().map(|d| d.code).collect();
    assert!(codes.contains(&"control-character"), "{codes:?}");
    let mut app = App::editing(Document::opened(parsed, Some("evil.json".into())));
    app.update(Action::Resize { width: 120, height: 40 });
    let drawn = screen(&app, 120, 40);
    assert!(!drawn.chars().any(|c| c.is_control() && c != '\n'), "a control character reached the screen");
    assert!(!drawn.contains('\u{202e}'), "a bidirectional override reached the screen");
    assert!(drawn.contains("evil\\u{1b}[2J\\u{7}"), "{drawn}");
    assert!(drawn.contains("right\\u{202e}left"));
    for width in [60, 61, 80, 119, 140] {
        // Wide and combining characters do not push the panes' borders out of line.
        let mut terminal = Terminal::new(TestBackend::new(width, 24)).expect("terminal");
        terminal.draw(|frame| view::render(&app, frame)).expect("draw");
        let buffer = terminal.backend().buffer();
        let borders = |y: u16| -> Vec<u16> { (0..width).filter(|&x| buffer[(x, y)].symbol() == "│").collect() };
        let expected = borders(2);
        assert!(expected.len() >= 4, "the panes have borders: {expected:?}");
        // Every line of the panes, above the help (which grows to show the whole problem).
        let areas =
            integration_wizard::wizard::testing::layout::areas_in(&app, ratatui::layout::Rect::new(0, 0, width, 24));
        for y in 2..areas.steps.bottom() - 1 {
            let row: String = (0..width).map(|x| buffer[(x, y)].symbol().to_owned()).collect();
            assert_eq!(borders(y), expected, "row {y} at width {width}: {row}");
        }
    }
}

#[test]
fn a_multi_line_paste_into_a_one_line_field_stays_in_it() {
    let mut app = App::editing(Document::blank(None));
    app.update(Action::Resize { width: 120, height: 40 });
    app.update(Action::Activate);
    app.update(Action::Paste("my\ncrm\r\nplus".into()));
    assert!(app.editor().is_some(), "the paste did not submit the field");
    assert_eq!(app.focus, 0, "the paste did not move focus");
    let name = app.doc.manifest.integration().and_then(|i| i.name.as_str()).map(str::to_owned);
    assert_eq!(name.as_deref(), Some("my crm plus"));
}

#[test]
fn a_name_from_the_file_cannot_break_a_message_line() {
    // Found by fuzzing: a "did you mean" suggestion quoted an authentication field's name raw.
    let text = br#"{"integration": {"authentication_configuration": [{"field_name": "acc\nount"}, {"field_name": "x", "format": "{{account}}"}]}}"#;
    let checked = check(text);
    let suggestion =
        checked.diagnostics.iter().find(|d| d.code == "unknown-template-field").expect("the reference is reported");
    assert!(suggestion.message.contains("did you mean acc\\nount?"), "{}", suggestion.message);
    assert!(checked.diagnostics.iter().all(|d| !d.message.contains('\n')));
}

#[test]
fn a_legacy_field_name_cannot_break_its_note() {
    // Found by fuzzing: the legacy-shape note quoted the field's key raw.
    let checked = check(br#"{"integration": {"authentication_configuration": [{"acc\nount": {}}, {"a/b": {}}]}}"#);
    let notes: Vec<_> = checked.diagnostics.iter().filter(|d| d.code == "legacy-shape").collect();
    assert_eq!(notes.len(), 2);
    assert!(notes.iter().all(|d| !d.message.chars().any(char::is_control)), "{notes:?}");
    assert!(notes[0].message.contains("acc\\nount"));
    assert!(notes[1].message.contains("\"a/b\""), "a / is shown as written: {}", notes[1].message);
}
