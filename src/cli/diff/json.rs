//! `diff --format json`: one object of a stable shape (documented in docs/command-line.md).

use super::Report;
use super::side::Side as Loaded;
use crate::escape;
use crate::manifest::changes::{Change, Side};
use serde::Serialize;
use serde_json::value::RawValue;

#[derive(Serialize)]
struct Output<'a> {
    old: File<'a>,
    new: File<'a>,
    same: bool,
    breaking: usize,
    changes: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    errors: Vec<Error<'a>>,
}

#[derive(Serialize)]
struct Error<'a> {
    code: &'a str,
    pointer: &'a str,
    message: &'a str,
    line: Option<usize>,
    column: Option<usize>,
}

#[derive(Serialize)]
struct Item<'a> {
    code: &'static str,
    breaking: bool,
    why: Option<&'static str>,
    words: String,
    subject: &'a str,
    key: Option<&'a str>,
    pointer: &'a str,
    side: Side,
    // Values are JSON already: embedded as written (numbers keep their spelling), not as strings.
    before: Option<Box<RawValue>>,
    after: Option<Box<RawValue>>,
}

/// The object, on one line, ending with a newline.
pub(super) fn render(report: &Report<'_>) -> String {
    let output = Output {
        old: file(report.old),
        new: file(report.new),
        same: report.changes.is_empty(),
        breaking: report.breaking(),
        changes: report.changes.iter().map(item).collect(),
    };
    format!("{}\n", escape::json(serde_json::to_string(&output).unwrap_or_default()))
}

fn file(side: &Loaded) -> File<'_> {
    let errors = side
        .errors
        .iter()
        .map(|error| Error {
            code: error.code,
            pointer: &error.pointer,
            message: &error.message,
            line: error.position.map(|p| p.line),
            column: error.position.map(|p| p.column),
        })
        .collect();
    File { path: &side.shown, errors }
}

fn item(change: &Change) -> Item<'_> {
    let raw = |text: &Option<String>| text.as_deref().and_then(|text| RawValue::from_string(text.to_owned()).ok());
    Item {
        code: change.code.as_str(),
        breaking: change.breaking().is_some(),
        why: change.breaking(),
        words: change.words(),
        subject: &change.subject,
        key: change.key.as_deref(),
        pointer: &change.pointer,
        side: change.side,
        before: raw(&change.before),
        after: raw(&change.after),
    }
}
