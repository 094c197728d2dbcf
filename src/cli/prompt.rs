//! Asking for a secret on the terminal: typed in raw mode, shown as one `•` per character, never echoed.
//!
//! Raw mode (rather than only turning echo off) makes Ctrl-C a key, so a cancelled prompt restores
//! the terminal before the process ends instead of leaving it without echo.

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::crossterm::terminal;
use std::io::{self, Write};

/// Leaves raw mode when dropped, on every way out of the prompt.
struct RawMode;

impl RawMode {
    fn enable() -> io::Result<RawMode> {
        terminal::enable_raw_mode()?;
        Ok(RawMode)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = terminal::disable_raw_mode();
    }
}

/// Asks for a hidden value on standard error; None when the person cancels (Ctrl-C, Ctrl-D, Esc).
pub(super) fn hidden(prompt: &str) -> io::Result<Option<String>> {
    // The question holds a field's name from the manifest: it goes out escaped.
    crate::output::prompt(prompt);
    let mut out = crate::output::screen_errors();
    let raw = RawMode::enable()?;
    let mut value = String::new();
    let answered = loop {
        let Event::Key(KeyEvent { code, modifiers, kind, .. }) = event::read()? else { continue };
        if kind == KeyEventKind::Release {
            continue;
        }
        let control = modifiers.contains(KeyModifiers::CONTROL);
        match code {
            KeyCode::Enter => break true,
            KeyCode::Esc => break false,
            KeyCode::Char('c' | 'd') if control => break false,
            KeyCode::Char('u') if control => {
                write!(out, "{}", "\u{8} \u{8}".repeat(value.chars().count()))?;
                value.clear();
            }
            KeyCode::Backspace if value.pop().is_some() => write!(out, "\u{8} \u{8}")?,
            KeyCode::Char(c) if !control => {
                value.push(c);
                write!(out, "•")?;
            }
            _ => {}
        }
        out.flush()?;
    };
    drop(raw);
    writeln!(out)?;
    Ok(answered.then_some(value))
}
