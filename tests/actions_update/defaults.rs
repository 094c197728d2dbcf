//! Literal defaults checked as they are typed, and `{{` completion.

use super::*;

#[test]
fn literal_defaults_are_checked_on_the_format_row_once_typed() {
    let cases = [
        ("datetime", "2026-02-30", Some("default-not-datetime")),
        ("datetime", "2026-01-31T25:00:00", Some("default-not-datetime")),
        ("datetime", "31/01/2026", Some("default-not-datetime")),
        ("datetime", "2026-01-31", None),
        ("datetime", "2026-01-31T09:00:00", None),
        ("datetime", "2026-01-31T09:00:00Z", None),
        ("datetime", "{{contact.updated_at}}", None),
        ("number", "3.5", Some("default-not-number")),
        ("number", "three", Some("default-not-number")),
        ("number", "-12", None),
        ("number", "{{contact.phone}}", None),
        ("url", "mycrm.example.org", Some("default-not-url")),
        ("url", "https://mycrm.example.org/tickets", None),
        ("text", "anything at all", None),
        ("tel", "+1 555 0100", None),
        ("text", "{{contact.email", Some("unclosed-template")),
    ];
    for (kind, typed, code) in cases {
        let mut app = format_typed(kind, typed);
        assert!(app.editor().is_some(), "still typing");
        assert_eq!(focused_codes(&app), Vec::<&str>::new(), "judged when finished, not while typed: {kind} {typed:?}");
        finish_format(&mut app);
        let expected: Vec<&str> = code.into_iter().collect();
        assert_eq!(focused_codes(&app), expected, "{kind} {typed:?}");
    }
}

#[test]
fn a_datetime_error_appears_under_the_format_row_once_finished_and_goes_once_fixed() {
    let mut app = format_typed("datetime", "2026-02-30");
    finish_format(&mut app);
    let screen = screen_text(&mut app, 140, 40);
    let lines: Vec<&str> = screen.lines().collect();
    let row = lines.iter().position(|line| line.contains("Format")).unwrap_or_else(|| panic!("{screen}"));
    assert!(lines[row].contains("2026-02-30"), "{}", lines[row]);
    let below = lines[row + 1..row + 4].join("\n");
    assert!(below.contains("✗ format \"2026-02-30\" is not a datetime default"), "{screen}");
    press(&mut app, key(KeyCode::Enter));
    press(&mut app, ctrl('u'));
    type_text(&mut app, "2026-02-28");
    finish_format(&mut app);
    let screen = screen_text(&mut app, 140, 40);
    assert!(!screen.contains("is not a datetime default"), "{screen}");
    assert!(screen.contains("YYYY-MM-DD"), "the format's help for datetime: {screen}");
}

#[test]
fn typing_a_template_offers_value_providers_that_arrows_move_through_and_tab_accepts() {
    let mut app = format_typed("text", "{{");
    assert_eq!(app.completions().len(), 16, "the Contact collection's fields");
    let screen = screen_text(&mut app, 140, 40);
    assert!(screen.contains("▸ {{contact.first_name}}"), "{screen}");
    assert!(screen.contains("(+10 more: keep typing)"), "{screen}");

    press(&mut app, key(KeyCode::Down));
    assert_eq!(app.editor().map(|editor| editor.completion), Some(1));
    let screen = screen_text(&mut app, 140, 40);
    assert!(screen.contains("▸ {{contact.last_name}}"), "↓ moves the highlight: {screen}");
    for _ in 0..10 {
        press(&mut app, key(KeyCode::Down));
    }
    assert_eq!(app.editor().map(|editor| editor.completion), Some(5), "the highlight stays on the list shown");
    for _ in 0..10 {
        press(&mut app, key(KeyCode::Up));
    }
    assert_eq!(app.editor().map(|editor| editor.completion), Some(0));
    press(&mut app, key(KeyCode::Down));
    press(&mut app, key(KeyCode::Tab));
    assert!(app.editor().is_some(), "Tab accepted the completion; the edit goes on");
    assert_eq!(format_of(&app, 0, 0).as_deref(), Some("{{contact.last_name}}"));
    assert!(app.completions().is_empty(), "a closed template offers nothing more");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.editor().is_none());
    assert!(focused_codes(&app).is_empty());
}

#[test]
fn accepting_a_completion_adds_the_closing_braces_only_when_missing() {
    // Typed at the end: the template is closed.
    let mut app = format_typed("text", "Dear {{contact.fi");
    assert_eq!(app.completions(), ["contact.first_name"]);
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(format_of(&app, 0, 0).as_deref(), Some("Dear {{contact.first_name}}"));

    // Typed before a `}}` already there: no second pair.
    let mut app = format_typed("text", "Dear {{contact.fi}}!");
    for _ in 0..3 {
        press(&mut app, key(KeyCode::Left));
    }
    assert_eq!(app.completions(), ["contact.first_name"]);
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(format_of(&app, 0, 0).as_deref(), Some("Dear {{contact.first_name}}!"));

    // A field name alone finds its collection.
    let mut app = format_typed("text", "{{email");
    assert_eq!(app.completions(), ["contact.email"]);
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(format_of(&app, 0, 0).as_deref(), Some("{{contact.email}}"));
}

#[test]
fn without_completions_tab_finishes_the_format_as_usual() {
    let mut app = format_typed("text", "plain");
    assert!(app.completions().is_empty());
    press(&mut app, key(KeyCode::Tab));
    assert!(app.editor().is_none());
    assert_eq!(format_of(&app, 0, 0).as_deref(), Some("plain"));
}

#[test]
fn a_textarea_default_completes_value_providers_too() {
    let mut app = format_typed("textarea", "Hello {{contact.em");
    let screen = screen_text(&mut app, 140, 40);
    assert!(screen.contains("▸ {{contact.email}}"), "the list is offered: {screen}");
    press(&mut app, key(KeyCode::Tab));
    assert_eq!(format_of(&app, 0, 0).as_deref(), Some("Hello {{contact.email}}"), "Tab accepts what the list offers");
}

/// Finishes the format being typed with Enter (the cursor first at its start, where no completion takes
/// the key), and comes back to it.
fn finish_format(app: &mut App) {
    app.update(Action::Edit(tui_input::InputRequest::GoToStart));
    app.update(Action::Activate);
    assert!(app.editor().is_none(), "Enter finishes it");
    app.jump_to("/actions/0/inputs/0/format");
}
