//! Keys as a config file writes them (`"ctrl-s"`, `"alt-up"`, `"f2"`, `"?"`), read into [`KeyPress`]es and written back.

use crate::wizard::keys::KeyPress;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

/// The named keys, each with the names it is read under (the first is the one written).
const NAMED: &[(KeyCode, &[&str])] = &[
    (KeyCode::Enter, &["enter", "return"]),
    (KeyCode::Esc, &["esc", "escape"]),
    (KeyCode::Tab, &["tab"]),
    (KeyCode::BackTab, &["backtab"]),
    (KeyCode::Char(' '), &["space"]),
    (KeyCode::Backspace, &["backspace"]),
    (KeyCode::Delete, &["delete", "del"]),
    (KeyCode::Insert, &["insert", "ins"]),
    (KeyCode::Up, &["up"]),
    (KeyCode::Down, &["down"]),
    (KeyCode::Left, &["left"]),
    (KeyCode::Right, &["right"]),
    (KeyCode::Home, &["home"]),
    (KeyCode::End, &["end"]),
    (KeyCode::PageUp, &["pageup", "pgup"]),
    (KeyCode::PageDown, &["pagedown", "pgdn"]),
];

const MODIFIERS: [(&str, KeyModifiers); 3] =
    [("ctrl-", KeyModifiers::CONTROL), ("alt-", KeyModifiers::ALT), ("shift-", KeyModifiers::SHIFT)];

/// What a key string may be, for messages.
pub(crate) const KEY_HELP: &str = "one character (\"a\", \"?\"), a key name (enter, esc, tab, backtab, space, backspace, delete, insert, up, down, left, right, home, end, pageup, pagedown, f1 to f12), or either after ctrl-, alt- or shift- (\"ctrl-s\", \"alt-up\", \"shift-tab\")";

/// Key strings to show as examples in a message.
pub(crate) const KEY_EXAMPLES: &str = "\"a\", \"?\", \"enter\", \"f2\", \"ctrl-s\", \"alt-up\", \"shift-tab\"";

/// Reads a key string; `None` when it names no key.
pub(crate) fn parse_key(text: &str) -> Option<KeyPress> {
    let mut modifiers = KeyModifiers::NONE;
    let mut rest = text;
    // A lone character is the key itself, even `-`; a prefix is a modifier only with a key after it.
    while rest.chars().nth(1).is_some() {
        let lower = rest.to_ascii_lowercase();
        let Some((prefix, modifier)) = MODIFIERS.iter().find(|(prefix, _)| lower.starts_with(prefix)) else {
            break;
        };
        modifiers |= *modifier;
        rest = &rest[prefix.len()..];
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => KeyCode::Char(c),
        _ => named(&rest.to_ascii_lowercase())?,
    };
    Some(normalized(KeyPress { code, modifiers }))
}

fn named(name: &str) -> Option<KeyCode> {
    if let Some(code) = NAMED.iter().find(|(_, names)| names.contains(&name)).map(|(code, _)| *code) {
        return Some(code);
    }
    let number: u8 = name.strip_prefix('f')?.parse().ok()?;
    (1..=24).contains(&number).then_some(KeyCode::F(number))
}

/// The press as the key table compares it (see [`KeyPress::of`]): Shift is part of a character
/// (`shift-a` is `A`) and of Shift-Tab; a letter with Ctrl or Alt is lowercase, as terminals report it.
fn normalized(mut press: KeyPress) -> KeyPress {
    let shift = press.modifiers.contains(KeyModifiers::SHIFT);
    match press.code {
        KeyCode::Char(c) if shift => press.code = KeyCode::Char(c.to_ascii_uppercase()),
        KeyCode::Tab if shift => press.code = KeyCode::BackTab,
        _ => {}
    }
    if matches!(press.code, KeyCode::Char(_) | KeyCode::BackTab) {
        press.modifiers.remove(KeyModifiers::SHIFT);
    }
    if let KeyCode::Char(c) = press.code
        && press.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        && !shift
    {
        press.code = KeyCode::Char(c.to_ascii_lowercase());
    }
    press
}

/// The key string a config file would use for `press` (read back by [`parse_key`] to the same press).
pub(crate) fn key_name(press: KeyPress) -> String {
    let mut name = String::new();
    for (prefix, modifier) in MODIFIERS {
        if press.modifiers.contains(modifier) {
            name.push_str(prefix);
        }
    }
    match NAMED.iter().find(|(code, _)| *code == press.code) {
        Some((_, names)) => name.push_str(names[0]),
        None => match press.code {
            KeyCode::Char(c) => name.push(c),
            KeyCode::F(number) => name.push_str(&format!("f{number}")),
            other => name.push_str(&other.to_string().to_ascii_lowercase()),
        },
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_strings_read_as_the_terminal_reports_those_keys() {
        assert_eq!(parse_key("ctrl-s"), Some(KeyPress::ctrl('s')));
        assert_eq!(parse_key("Ctrl-S"), Some(KeyPress::ctrl('s')));
        assert_eq!(parse_key("alt-z"), Some(KeyPress { code: KeyCode::Char('z'), modifiers: KeyModifiers::ALT }));
        assert_eq!(parse_key("f2"), Some(KeyPress::plain(KeyCode::F(2))));
        assert_eq!(parse_key("?"), Some(KeyPress::char('?')));
        assert_eq!(parse_key("-"), Some(KeyPress::char('-')));
        assert_eq!(parse_key("ctrl--"), Some(KeyPress { code: KeyCode::Char('-'), modifiers: KeyModifiers::CONTROL }));
        assert_eq!(parse_key("enter"), Some(KeyPress::plain(KeyCode::Enter)));
        assert_eq!(parse_key("shift-tab"), Some(KeyPress::plain(KeyCode::BackTab)));
        assert_eq!(parse_key("shift-a"), Some(KeyPress::char('A')));
        assert_eq!(parse_key("A"), Some(KeyPress::char('A')));
        assert_eq!(parse_key("shift-up"), Some(KeyPress::shift(KeyCode::Up)));
    }

    #[test]
    fn what_names_no_key_is_refused() {
        for text in ["", "ctrl-", "ctlr-s", "f0", "f25", "enterr", "ctrl-alt-"] {
            assert_eq!(parse_key(text), None, "{text:?}");
        }
    }

    #[test]
    fn every_written_name_reads_back_to_its_key() {
        let presses = [
            KeyPress::ctrl('q'),
            KeyPress::char(' '),
            KeyPress::char('?'),
            KeyPress::plain(KeyCode::BackTab),
            KeyPress::alt(KeyCode::Enter),
            KeyPress::shift(KeyCode::Down),
            KeyPress::plain(KeyCode::F(1)),
            KeyPress::plain(KeyCode::PageDown),
        ];
        for press in presses {
            assert_eq!(parse_key(&key_name(press)), Some(press), "{}", key_name(press));
        }
    }
}
