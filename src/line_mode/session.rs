//! One line-mode session: the manifest being edited and the walk through the six steps.

use super::fields::Field;
use super::form::{self, Page, Row, Step};
use super::prompt::{Answer, Prompt};
use crate::escape::one_line;
use crate::manifest::AuthenticationType;
use crate::manifest::edit::ListRef;
use crate::wizard::document::Document;
use std::io::{BufRead, Write};
use std::path::PathBuf;

/// How a session ended when the input did not run out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// The manifest was saved there.
    Saved(PathBuf),
    /// The author quit; unsaved work (if any) was discarded on purpose.
    Quit,
}

/// What comes after a row was asked: the next row, or nothing more on its page (a list, the options
/// of a select and the authentication picker come last and are asked to the end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Asked {
    GoesOn,
    EndsThePage,
}

/// Keeps unsaved work somewhere safe (a draft), called before each question when the manifest changed.
pub(crate) type Keeper = Box<dyn FnMut(&Document)>;

/// The manifest and the questions about it.
pub(crate) struct Session<R, W> {
    pub(super) prompt: Prompt<R, W>,
    pub(super) doc: Document,
    keeper: Option<Keeper>,
    /// The document generation the keeper last saw.
    kept: u64,
}

impl<R: BufRead, W: Write> Session<R, W> {
    /// A session editing `doc`, asking on `output` and reading answers from `input`.
    pub(crate) fn new(doc: Document, input: R, output: W) -> Self {
        let kept = doc.generation;
        Session { prompt: Prompt::new(input, output), doc, keeper: None, kept }
    }

    /// Calls `keeper` with the manifest before each question that follows a change, so a
    /// session that is killed loses at most the answer being typed.
    pub(crate) fn keeping(mut self, keeper: Keeper) -> Self {
        self.keeper = Some(keeper);
        self
    }

    fn keep(&mut self) {
        if self.doc.modified
            && self.doc.generation != self.kept
            && let Some(keeper) = self.keeper.as_mut()
        {
            keeper(&self.doc);
            self.kept = self.doc.generation;
        }
    }

    /// Asks a question of one line (see [`Prompt::ask`]), the work kept first.
    pub(super) fn ask(&mut self, question: &str) -> Answer<String> {
        self.keep();
        self.prompt.ask(question)
    }

    /// Asks a text that may span lines (see [`Prompt::ask_lines`]), the work kept first.
    pub(super) fn ask_lines(&mut self, question: &str) -> Answer<String> {
        self.keep();
        self.prompt.ask_lines(question)
    }

    /// Asks yes or no (see [`Prompt::ask_yes_no`]), the work kept first.
    pub(super) fn ask_yes_no(&mut self, question: &str, default: bool) -> Answer<bool> {
        self.keep();
        self.prompt.ask_yes_no(question, default)
    }

    /// The same, reading from a terminal that echoes what is typed.
    pub(crate) fn on_terminal(mut self) -> Self {
        self.prompt = self.prompt.for_terminal();
        self
    }

    /// The manifest as it stands (also after the input ended, to keep it as a draft).
    pub(crate) fn document(&self) -> &Document {
        &self.doc
    }

    /// Walks the six steps in order, then the review asks what next until the author saves or quits.
    pub(crate) fn run(&mut self) -> Answer<Outcome> {
        self.introduce()?;
        for step in &Step::ALL[..5] {
            self.step(*step)?;
        }
        loop {
            match self.review()? {
                super::saving::Next::Step(step) => self.step(step)?,
                super::saving::Next::End(outcome) => return Ok(outcome),
            }
        }
    }

    fn introduce(&mut self) -> Answer<()> {
        let what = match &self.doc.path {
            Some(path) if self.doc.disk_hash.is_some() => format!("Editing {}.", one_line(&path.display().to_string())),
            Some(path) => format!("New manifest, to be saved as {}.", one_line(&path.display().to_string())),
            None => "New manifest.".to_owned(),
        };
        self.prompt.say(&format!("integration-wizard, line mode. {what}"))?;
        if self.doc.disk_hash.is_some() {
            self.say_what_the_file_holds()?;
        }
        self.prompt.say(
            "Answer each question on one line. Enter keeps the current value; a single - clears it. \
             In a text of several lines, end a line with \\ to go on on the next.",
        )
    }

    /// Says how many problems an opened file has, so they are not met one by one by surprise.
    fn say_what_the_file_holds(&mut self) -> Answer<()> {
        let crate::manifest::Counts { errors, warnings } = crate::manifest::Counts::of(self.doc.diagnostics());
        if errors + warnings == 0 {
            return self.prompt.say("The file has no problems.");
        }
        let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
        self.prompt.say(&format!(
            "The file has {} and {}: each is said at its field, and step 6 (the review) lists them all.",
            count(errors, "error"),
            count(warnings, "warning")
        ))
    }

    /// Asks every field of one step.
    pub(super) fn step(&mut self, step: Step) -> Answer<()> {
        self.prompt.say("")?;
        self.prompt.say(&format!("Step {} of 6: {}", step.index() + 1, step.title()))?;
        if step == Step::AuthFields
            && self.doc.manifest.authentication_type() == Some(AuthenticationType::None)
            && self.doc.manifest.auth_field_count() == 0
        {
            return self.prompt.say(
                "The authentication type is none, so Talkdesk asks for no fields; choose a type in step 3 first.",
            );
        }
        self.page(Page::Step(step))
    }

    /// Asks the rows of a page in order; a list, the options of a select or the authentication
    /// picker ends the page (they always come last).
    pub(super) fn page(&mut self, page: Page) -> Answer<()> {
        let mut at = 0;
        loop {
            // Again after each answer: a choice may change the rows that follow (a select's options).
            let rows = form::rows(page, &self.doc.manifest);
            let Some(row) = rows.get(at).copied() else { return Ok(()) };
            if self.ask_row(row)? == Asked::EndsThePage {
                return Ok(());
            }
            at += 1;
        }
    }

    /// Asks one row of a page: a field, or the list or picker it stands for.
    pub(super) fn ask_row(&mut self, row: Row) -> Answer<Asked> {
        let help_key = row.help_key(&self.doc.manifest);
        let help_key = help_key.as_str();
        match row {
            Row::Text { owner, key, label, multiline } => {
                self.ask_text(Field { owner, key, label, help_key }, multiline)?;
            }
            Row::Toggle { owner, key, label } => self.ask_toggle(Field { owner, key, label, help_key })?,
            Row::Choice { owner, key, label, options } => {
                // The field's own help; the picker then says each value's.
                let help_key = Row::Text { owner, key, label, multiline: false }.help_key(&self.doc.manifest);
                self.ask_choice(Field { owner, key, label, help_key: &help_key }, options)?;
            }
            Row::Provider(action) => self.say_provider(action)?,
            Row::AuthType(_) => {
                self.pick_authentication()?;
                return Ok(Asked::EndsThePage);
            }
            Row::Item(list, _) | Row::Add(list) => {
                self.edit_list(list)?;
                return Ok(Asked::EndsThePage);
            }
            Row::SelectOption { action, input, .. } | Row::AddOption { action, input } => {
                self.edit_options(action, input)?;
                return Ok(Asked::EndsThePage);
            }
            Row::Finding(_) | Row::Change(_) => return Ok(Asked::EndsThePage),
            // Unknown keys are kept as written; the line mode does not read them out.
            Row::Kept { .. } => {}
        }
        Ok(Asked::GoesOn)
    }

    /// The page that edits one element of a list.
    pub(super) fn element_page(list: ListRef, index: usize) -> Option<Page> {
        match list {
            ListRef::AuthFields => Some(Page::AuthField(index)),
            ListRef::Actions => Some(Page::Action(index)),
            ListRef::Inputs(action) => Some(Page::Input { action, input: index }),
            ListRef::InteractionTypes => None,
        }
    }
}
