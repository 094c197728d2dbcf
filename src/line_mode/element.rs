//! One element of a list edited (`edit N`): its fields read out by number with their values; the
//! author answers a number to change that field only, or Enter (or `all`) to go through them all.

use super::fields::spoken;
use super::form::{self, Page, Row};
use super::lists::{count, title};
use super::prompt::Answer;
use super::session::Session;
use crate::escape::one_line;
use crate::manifest::Manifest;
use crate::manifest::edit::ListRef;
use std::io::{BufRead, Write};

/// Characters of a value read out in the list of fields; the field's own question says it whole.
const SHOWN_CHARS: usize = 60;

/// What the author answered to "which field?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pick {
    /// Every field in turn, as a new element is asked.
    All,
    /// The field at this position of the list read out (from 0).
    One(usize),
}

/// Reads the answer to "which field?" among `count` fields numbered from 1, or says what is wrong.
pub(crate) fn pick(answer: &str, count: usize) -> Result<Pick, String> {
    let answer = answer.trim();
    if answer.is_empty() || answer.eq_ignore_ascii_case("all") {
        return Ok(Pick::All);
    }
    match answer.parse::<usize>() {
        Ok(number) if (1..=count).contains(&number) => Ok(Pick::One(number - 1)),
        _ => Err(format!(
            "\"{}\" is not a number from 1 to {count}; answer a field's number, or Enter (or all) for each in turn",
            one_line(answer)
        )),
    }
}

/// The rows of an element's page the author can pick, each with how it is read out: a field with
/// its value, or a list (the inputs, a select's options) with what it holds. The provider, which is
/// not asked, and keys kept as written are left out.
pub(crate) fn fields(rows: &[Row], manifest: &Manifest) -> Vec<(Row, String)> {
    let mut fields: Vec<(Row, String)> = Vec::new();
    for &row in rows {
        let text = match row {
            Row::Text { owner, key, label, .. } => {
                format!("{label}: {}", spoken(manifest.text(owner, key), |text| short(text)))
            }
            Row::Toggle { owner, key, label } => {
                let value = spoken(manifest.flag(owner, key), |value| if *value { "yes" } else { "no" }.to_owned());
                format!("{label}: {value}")
            }
            Row::Choice { owner, key, label, .. } => {
                format!("{label}: {}", spoken(manifest.term(owner, key).as_ref(), |text| short(text)))
            }
            Row::Item(list, _) | Row::Add(list) => list_summary(manifest, list),
            Row::SelectOption { action, input, .. } | Row::AddOption { action, input } => {
                let options = manifest.select_options(action, input);
                let options: Vec<String> = options.iter().map(|option| short(option)).collect();
                if options.is_empty() {
                    "Options: none yet".to_owned()
                } else {
                    format!("Options: {}", options.join(", "))
                }
            }
            Row::Provider(_) | Row::Kept { .. } | Row::AuthType(_) | Row::Finding(_) | Row::Change(_) => continue,
        };
        // A list is one entry, however many rows its elements take on the page.
        if !fields.iter().any(|(_, shown)| *shown == text && is_list(row)) {
            fields.push((row, text));
        }
    }
    fields
}

fn is_list(row: Row) -> bool {
    matches!(row, Row::Item(..) | Row::Add(_) | Row::SelectOption { .. } | Row::AddOption { .. })
}

/// A list read out as one entry: its name and how many elements it holds.
fn list_summary(manifest: &Manifest, list: ListRef) -> String {
    let count = count(manifest, list);
    format!("{}: {count} element{}", title(list), if count == 1 { "" } else { "s" })
}

/// A value's start, on one line: its first line, cut after [`SHOWN_CHARS`] characters.
fn short(text: &str) -> String {
    let mut lines = text.split('\n');
    let first = lines.next().unwrap_or_default();
    let clipped = crate::wizard::display::clip(first, SHOWN_CHARS);
    let mut shown = one_line(clipped).into_owned();
    if clipped.len() < first.len() {
        shown.push('…');
    }
    let more = lines.count();
    if more > 0 {
        shown.push_str(&format!(" (+{more} line{})", if more == 1 { "" } else { "s" }));
    }
    shown
}

impl<R: BufRead, W: Write> Session<R, W> {
    /// Reads out the fields of the element on `page` and asks which to change: one, or all in turn.
    pub(super) fn edit_fields(&mut self, page: Page, name: &str) -> Answer<()> {
        let rows = form::rows(page, &self.doc.manifest);
        let fields = fields(&rows, &self.doc.manifest);
        self.prompt.say(&format!("{name}:"))?;
        for (number, (_, text)) in fields.iter().enumerate() {
            self.prompt.say(&format!("{}. {text}", number + 1))?;
        }
        let chosen = loop {
            let answer = self.ask("Which field? Its number, or Enter (or all) for each in turn:")?;
            match pick(&answer, fields.len()) {
                Ok(Pick::All) => return self.page(page),
                Ok(Pick::One(index)) => break fields[index].0,
                Err(message) => self.prompt.say(&format!("{message}."))?,
            }
        };
        self.ask_row(chosen)?;
        // A type changed to select brings its options, asked next as they are with every field.
        let now = form::rows(page, &self.doc.manifest);
        match now.iter().find(|row| matches!(row, Row::SelectOption { .. } | Row::AddOption { .. })) {
            Some(&options)
                if !rows.iter().any(|row| matches!(row, Row::SelectOption { .. } | Row::AddOption { .. })) =>
            {
                self.ask_row(options).map(|_| ())
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_picked_by_number_and_enter_or_all_takes_every_field() {
        assert_eq!(pick("", 4), Ok(Pick::All));
        assert_eq!(pick(" ALL ", 4), Ok(Pick::All));
        assert_eq!(pick("2", 4), Ok(Pick::One(1)));
        assert_eq!(pick("4", 4), Ok(Pick::One(3)));
        let refused = pick("5", 4).expect_err("out of range");
        assert!(
            refused.contains("\"5\" is not a number from 1 to 4") && refused.contains("Enter (or all)"),
            "{refused}"
        );
        assert!(pick("name", 4).is_err());
        assert!(pick("0", 4).is_err());
    }

    #[test]
    fn a_long_value_is_read_out_by_its_start_and_its_lines_counted() {
        assert_eq!(short("short"), "short");
        let long = "x".repeat(70);
        assert_eq!(short(&long), format!("{}…", "x".repeat(SHOWN_CHARS)));
        assert_eq!(short("first\nsecond\nthird"), "first (+2 lines)");
    }
}
