//! Step 6: the review of every problem, then saving or quitting, asked as the full wizard asks.

use super::fields::severity_word;
use super::form::Step;
use super::prompt::Answer;
use super::session::{Outcome, Session};
use crate::escape::one_line;
use crate::manifest::changes::Change;
use crate::manifest::{Counts, Shape, to_json};
use crate::wizard::action::SaveFailure;
use crate::wizard::app::OnDisk;
use crate::wizard::since_opened::breaking_line;
use crate::wizard::steps::step_of;
use std::io::{BufRead, Write};
use std::path::PathBuf;

/// What the review leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Next {
    /// Change this step, then come back to the review.
    Step(Step),
    /// The session is over.
    End(Outcome),
}

impl<R: BufRead, W: Write> Session<R, W> {
    /// Reads out every problem, then asks: save, quit, or go back to a step.
    pub(super) fn review(&mut self) -> Answer<Next> {
        self.prompt.say("")?;
        self.prompt.say("Step 6 of 6: Review & save")?;
        self.doc.reveal();
        self.say_changes()?;
        let manifest = &self.doc.manifest;
        let findings: Vec<String> = self
            .doc
            .review_order()
            .iter()
            .map(|&index| &self.doc.diagnostics()[index])
            .map(|d| {
                let step = step_of(&d.pointer, manifest);
                let place =
                    if d.pointer.is_empty() { "the whole file".to_owned() } else { one_line(&d.pointer).into_owned() };
                format!(
                    "{} in step {} {}, at {place}: {}",
                    severity_word(d.severity),
                    step.index() + 1,
                    step.title(),
                    one_line(&d.message)
                )
            })
            .collect();
        let counts = Counts::of(self.doc.diagnostics());
        if findings.is_empty() {
            self.prompt.say("No problems found.")?;
        } else {
            self.prompt.say(&format!("{} error(s), {} warning(s):", counts.errors, counts.warnings))?;
            findings.iter().try_for_each(|line| self.prompt.say(line))?;
        }
        loop {
            let answer = self.ask("s to save (Enter), q to quit, or a step number from 1 to 5 to change it:")?;
            match answer.trim().to_lowercase().as_str() {
                "" | "s" | "save" => {
                    if let Some(path) = self.save()? {
                        return Ok(Next::End(Outcome::Saved(path)));
                    }
                }
                "q" | "quit" => {
                    if let Some(outcome) = self.quit()? {
                        return Ok(Next::End(outcome));
                    }
                }
                other => match other.parse::<usize>() {
                    Ok(number @ 1..=5) => return Ok(Next::Step(Step::ALL[number - 1])),
                    _ => self.prompt.say(&format!(
                        "\"{}\" is not understood; answer s, q, or a step number from 1 to 5.",
                        one_line(answer.trim())
                    ))?,
                },
            }
        }
    }

    /// Reads out what changed since the file was opened, breaking changes first, as the wizard's
    /// review lists them; nothing when nothing changed or the manifest was made in this session.
    fn say_changes(&mut self) -> Answer<()> {
        self.doc.refresh_changes();
        let Some(since) = &self.doc.since_opened else { return Ok(()) };
        let (count, breaking) = (since.changes().len(), since.breaking_count());
        let file = one_line(since.file_name()).into_owned();
        let lines: Vec<String> =
            since.changes().iter().map(|change| one_line(&change_line(change)).into_owned()).collect();
        let heading = match (count, breaking) {
            (0, _) => return Ok(()),
            (_, 0) => format!("{count} change(s) since {file} was opened, none breaking the live integration:"),
            _ => format!("{count} change(s) since {file} was opened, {breaking} breaking the live integration:"),
        };
        self.prompt.say(&heading)?;
        lines.iter().try_for_each(|line| self.prompt.say(line))
    }

    /// Asks where a new manifest goes and whether to save one with errors, then saves with the
    /// wizard's own save; None when it was not saved (the author said no, or writing failed).
    fn save(&mut self) -> Answer<Option<PathBuf>> {
        let path = match self.doc.path.clone() {
            Some(path) => path,
            None => {
                let default = self.doc.default_file_name();
                let answer = self.ask(&format!("Save as (Enter for {}):", one_line(&default)))?;
                PathBuf::from(if answer.trim().is_empty() { default } else { answer.trim().to_owned() })
            }
        };
        let mut reasons = Vec::new();
        let errors = Counts::of(self.doc.diagnostics()).errors;
        if errors > 0 {
            reasons.push(format!("It has {errors} error(s): Talkdesk will not accept it until they are fixed."));
        }
        if self.doc.disk_shape == Some(Shape::Bare) && self.doc.manifest.written_shape() == Shape::Wrapper {
            reasons.push("The file was a bare integration document; it will be saved as {\"integration\": ..., \"actions\": [...]}.".to_owned());
        }
        self.doc.refresh_changes();
        let breaking = self.doc.since_opened.as_ref().map(|since| since.to_confirm()).unwrap_or_default();
        if !breaking.is_empty() {
            self.prompt.say("Saving breaks the live integration:")?;
            breaking.iter().try_for_each(|change| self.prompt.say(&one_line(&breaking_line(change))))?;
            reasons.iter().try_for_each(|reason| self.prompt.say(reason))?;
            if !self.ask_yes_no("Save it anyway?", false)? {
                self.prompt.say("Not saved.")?;
                return Ok(None);
            }
            if let Some(since) = &mut self.doc.since_opened {
                since.confirm(&breaking);
            }
        } else if !reasons.is_empty() {
            reasons.iter().try_for_each(|reason| self.prompt.say(reason))?;
            if !self.ask_yes_no("Save anyway?", false)? {
                self.prompt.say("Not saved.")?;
                return Ok(None);
            }
        }
        // The file must still be what was read; a new path must not hold a file yet.
        let expect = match self.doc.disk_hash {
            Some(hash) if self.doc.path.as_ref() == Some(&path) => OnDisk::Content(hash),
            _ => OnDisk::Nothing,
        };
        let shown = one_line(&path.display().to_string()).into_owned();
        let mut result = crate::wizard::save(&path, &to_json(&self.doc.manifest), expect);
        if let Err(SaveFailure::ChangedOnDisk) = result {
            let question = match expect {
                OnDisk::Nothing if path.exists() => format!("{shown} already exists. Replace it?"),
                OnDisk::Nothing => format!("{shown} appeared since you started. Replace it?"),
                _ => format!("{shown} changed on disk since it was opened. Replace it with your version?"),
            };
            if !self.ask_yes_no(&question, false)? {
                self.prompt.say("Not saved.")?;
                return Ok(None);
            }
            result = crate::wizard::save(&path, &to_json(&self.doc.manifest), OnDisk::Anything);
        }
        match result {
            Ok(hash) => {
                self.doc.saved(path.clone());
                self.doc.disk_hash = Some(hash);
                self.prompt.say(&format!("Saved {shown}."))?;
                Ok(Some(path))
            }
            Err(SaveFailure::ChangedOnDisk) => {
                self.prompt.say("Not saved: the file changed again while saving.")?;
                Ok(None)
            }
            Err(SaveFailure::Failed(message)) => {
                self.prompt.say(&format!("Not saved: {}; your work is still here.", one_line(&message)))?;
                Ok(None)
            }
        }
    }

    /// Quits; with unsaved changes asks first, as the wizard does (save, quit, or go back).
    fn quit(&mut self) -> Answer<Option<Outcome>> {
        if !self.doc.modified {
            return Ok(Some(Outcome::Quit));
        }
        loop {
            let answer = self
                .prompt
                .ask("You have unsaved changes: s to save, q to quit without saving, n to go back (Enter):")?;
            match answer.trim().to_lowercase().as_str() {
                "s" | "save" => return Ok(self.save()?.map(Outcome::Saved)),
                "q" | "quit" | "y" | "yes" => return Ok(Some(Outcome::Quit)),
                "" | "n" | "no" => return Ok(None),
                _ => self.prompt.say("Answer s, q or n.")?,
            }
        }
    }
}

/// A change as the review reads it out: its words, and for a breaking one, why it breaks.
fn change_line(change: &Change) -> String {
    match change.breaking() {
        Some(why) => format!("{} (breaks the live integration: {why})", change.words()),
        None => change.words(),
    }
}
