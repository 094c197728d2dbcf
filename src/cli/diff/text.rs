//! `diff` as text: one line per change (coloured on a terminal), why a breaking one breaks, a summary.

use super::Report;
use crate::cli::report::styled_line;
use crate::escape;
use crate::manifest::changes::{Change, ChangeCode};
use anstyle::{AnsiColor, Style};
use std::fmt::Write;

const ADDED: Style = AnsiColor::Green.on_default();
const REMOVED: Style = AnsiColor::Red.on_default();
const CHANGED: Style = AnsiColor::Yellow.on_default();
const BREAKING: Style = AnsiColor::Red.on_default().bold();
const HEADER: Style = Style::new().bold();

/// How many characters of a value a line shows before cutting it with "…".
const VALUE_CHARS: usize = 60;

/// The whole text, with colour codes (anstream drops them where colour is off).
pub(super) fn render(report: &Report<'_>, git_path: Option<&str>) -> String {
    let mut out = String::new();
    let (old, new) = (escape::line(&report.old.shown), escape::line(&report.new.shown));
    if let Some(path) = git_path {
        let _ = writeln!(out, "{HEADER}integration-wizard diff {}{HEADER:#}", escape::line(path));
    }
    let _ = writeln!(out, "{HEADER}--- {old}\n+++ {new}{HEADER:#}");
    for side in [report.old, report.new] {
        for error in &side.errors {
            let _ = writeln!(out, "{}", styled_line(&side.shown, error, true));
        }
    }
    for change in report.changes {
        line(&mut out, change);
    }
    let summary = match (report.changes.len(), report.breaking()) {
        (0, _) => "no changes: both mean the same (order and layout are not changes)".to_owned(),
        (count, 0) => format!("{}, none breaking the live integration", plural(count, "change")),
        (count, breaking) => format!("{}, {breaking} breaking the live integration", plural(count, "change")),
    };
    let errors = report.old.errors.len() + report.new.errors.len();
    if errors > 0 {
        let _ = writeln!(out, "{summary}; {} listed above (run validate on each side)", plural(errors, "error"));
    } else {
        let _ = writeln!(out, "{summary}");
    }
    out
}

/// One change: a mark (`+` added, `-` removed, `~` changed), its words and its values; a
/// breaking change is flagged, with why on the next line.
fn line(out: &mut String, change: &Change) {
    let (mark, style) = match change.code {
        ChangeCode::AuthFieldAdded | ChangeCode::MandatoryAuthFieldAdded | ChangeCode::ActionAdded => ("+", ADDED),
        ChangeCode::InputAdded | ChangeCode::MandatoryInputAdded => ("+", ADDED),
        ChangeCode::AuthFieldRemoved | ChangeCode::ActionRemoved | ChangeCode::InputRemoved => ("-", REMOVED),
        _ => ("~", CHANGED),
    };
    let _ = write!(out, "{style}{mark} {}{style:#}", escape::line(&change.words()));
    if change.key.is_some() && !matches!(change.code, ChangeCode::AuthFieldRenamed | ChangeCode::ActionRenamed) {
        let value = |value: &Option<String>| value.as_deref().map_or_else(|| "(none)".to_owned(), short);
        let _ = write!(out, ": {} → {}", value(&change.before), value(&change.after));
    }
    match change.breaking() {
        Some(why) => {
            let _ = writeln!(out, " {BREAKING}[breaking]{BREAKING:#}\n    why: {why}");
        }
        None => out.push('\n'),
    }
}

/// A value's JSON text made safe for a line, cut after [`VALUE_CHARS`] characters.
fn short(json: &str) -> String {
    let safe = escape::line(json);
    match safe.char_indices().nth(VALUE_CHARS) {
        Some((cut, _)) => format!("{}…", &safe[..cut]),
        None => safe.into_owned(),
    }
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 { format!("1 {noun}") } else { format!("{count} {noun}s") }
}
