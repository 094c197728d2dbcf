//! One key press as the key table stores it: a key and its modifiers, compared the way terminals report them.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;

/// A key with its modifiers (Ctrl, Alt, Shift).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyPress {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt and Shift as held.
    pub modifiers: KeyModifiers,
}

impl KeyPress {
    /// The key alone.
    pub const fn plain(code: KeyCode) -> Self {
        KeyPress { code, modifiers: KeyModifiers::NONE }
    }

    /// A character key alone.
    pub const fn char(c: char) -> Self {
        KeyPress::plain(KeyCode::Char(c))
    }

    /// Ctrl + a letter.
    pub const fn ctrl(c: char) -> Self {
        KeyPress { code: KeyCode::Char(c), modifiers: KeyModifiers::CONTROL }
    }

    /// Shift + a key.
    pub const fn shift(code: KeyCode) -> Self {
        KeyPress { code, modifiers: KeyModifiers::SHIFT }
    }

    /// Ctrl + a key that is not a letter (Ctrl-←).
    pub const fn ctrl_key(code: KeyCode) -> Self {
        KeyPress { code, modifiers: KeyModifiers::CONTROL }
    }

    /// The same press with Alt held too.
    pub fn with_alt(self) -> Self {
        KeyPress { code: self.code, modifiers: self.modifiers | KeyModifiers::ALT }
    }

    /// Alt + a key.
    pub const fn alt(code: KeyCode) -> Self {
        KeyPress { code, modifiers: KeyModifiers::ALT }
    }

    /// The press a terminal event reports. Shift is already in the character it typed (`?`, `A`) and
    /// in Shift-Tab (`BackTab`), and terminals differ in whether they also report it: it is dropped there.
    pub fn of(event: &KeyEvent) -> Self {
        let mut modifiers = event.modifiers;
        if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
            modifiers.remove(KeyModifiers::SHIFT);
        }
        KeyPress { code: event.code, modifiers }
    }

    /// True when a binding to `self` also answers `press` held with extra modifiers: a plain key
    /// works with any modifier (Alt-Enter still confirms a line), except letters with Ctrl or Alt,
    /// which are commands of their own.
    pub fn loosely_matches(self, press: KeyPress) -> bool {
        let command_letter = matches!(press.code, KeyCode::Char(_))
            && press.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        self.modifiers.is_empty() && self.code == press.code && !command_letter
    }
}

impl fmt::Display for KeyPress {
    /// The name a person reads: `Ctrl-S`, `Shift-↑`, `Enter`, `a`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (modifier, name) in
            [(KeyModifiers::CONTROL, "Ctrl-"), (KeyModifiers::ALT, "Alt-"), (KeyModifiers::SHIFT, "Shift-")]
        {
            if self.modifiers.contains(modifier) {
                f.write_str(name)?;
            }
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                write!(f, "{}", c.to_ascii_uppercase())
            }
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::F(n) => write!(f, "F{n}"),
            code => write!(f, "{code}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_named_as_people_read_them() {
        assert_eq!(KeyPress::ctrl('s').to_string(), "Ctrl-S");
        assert_eq!(KeyPress::shift(KeyCode::Up).to_string(), "Shift-↑");
        assert_eq!(KeyPress::alt(KeyCode::Enter).to_string(), "Alt-Enter");
        assert_eq!(KeyPress::char(' ').to_string(), "Space");
        assert_eq!(KeyPress::plain(KeyCode::BackTab).to_string(), "Shift-Tab");
    }

    #[test]
    fn shift_is_part_of_the_character_it_typed() {
        let question = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(KeyPress::of(&question), KeyPress::char('?'));
        let up = KeyEvent::new(KeyCode::Up, KeyModifiers::SHIFT);
        assert_eq!(KeyPress::of(&up), KeyPress::shift(KeyCode::Up));
    }

    #[test]
    fn a_plain_key_answers_with_modifiers_but_a_letter_with_ctrl_is_its_own_command() {
        let enter = KeyPress::plain(KeyCode::Enter);
        assert!(enter.loosely_matches(KeyPress::alt(KeyCode::Enter)));
        assert!(!KeyPress::char('a').loosely_matches(KeyPress::ctrl('a')));
        assert!(!KeyPress::ctrl('s').loosely_matches(KeyPress::ctrl('s')), "only plain bindings match loosely");
    }
}
