//! The accessible line mode (`--accessible`, or `TERM=dumb`): the wizard's six steps as plain
//! questions and answers, one line each, on standard input and output. No alternate screen, no
//! cursor movement, no colour, no escape sequence: a screen reader speaks every line, and a
//! script of answers piped in makes a manifest.
//!
//! - [`prompt`]: the question/answer loop over any `BufRead`/`Write` pair.
//! - [`session`]: the walk through the steps; [`fields`], [`pickers`], [`lists`]: one kind of question each;
//!   [`element`]: one element of a list, a field picked by number.
//! - [`saving`]: the review, saving and quitting. [`form`]: what comes from the wizard's declarations.
//! - [`draft`]: this session's draft of unsaved answers.
//!
//! Every edit, check and save is the full wizard's own: the same manifest operations, the same
//! [`Document`] with its rules, the same save function.

pub(crate) mod draft;
pub(crate) mod element;
pub(crate) mod fields;
pub(crate) mod form;
pub(crate) mod lists;
pub(crate) mod pickers;
pub(crate) mod prompt;
pub(crate) mod saving;
pub(crate) mod session;

use crate::cli::exit;
use crate::escape::one_line;
use crate::storage::recent;
use crate::wizard::document::Document;
use draft::SessionDraft;
pub(crate) use session::{Outcome, Session};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// True when the line mode should run instead of the full-screen wizard: asked for, or a dumb terminal.
pub fn wanted(accessible: bool) -> bool {
    accessible || std::env::var_os("TERM").is_some_and(|term| term == "dumb")
}

/// Runs the line mode on standard input and output; exit 0 once saved or quit, 2 when the input
/// ends first (keeping a draft of what was entered) or FILE cannot be opened.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    // No key or colour applies here, but a broken config file is said all the same.
    if let (_, Some(error)) = crate::wizard::config::load() {
        crate::output::message(format!("integration-wizard: {error}"));
    }
    let doc = match open(file.as_deref()) {
        Ok(doc) => doc,
        Err(message) => {
            crate::output::message(format!("integration-wizard: {}", crate::escape::line(&message)));
            return ExitCode::from(exit::USAGE);
        }
    };
    // This session's own draft, written before each question that follows a change, as the
    // wizard writes one while the author types: a killed session loses at most one answer.
    let draft = SessionDraft::open(&doc);
    if let Some(refused) = draft.refused() {
        crate::output::message(format!(
            "integration-wizard: drafts are off, what you enter is kept only by saving: {refused}"
        ));
        // Said once: the keeper would say it again at the first change.
        draft.warned_already();
    }
    let earlier = draft.earlier();
    if let Some(note) = draft.passed_over() {
        crate::output::message(format!("integration-wizard: {note}"));
    }
    if earlier > 0 {
        crate::output::line(
            "Unsaved work of this file from an earlier session is kept as a draft; open the file in the full-screen wizard (without --accessible) to recover it. This session keeps its own draft.",
        );
    }
    let mut session =
        Session::new(doc, std::io::stdin().lock(), crate::output::screen().lock()).keeping(draft.keeper());
    if std::io::stdin().is_terminal() {
        session = session.on_terminal();
    }
    match session.run() {
        Ok(Outcome::Saved(path)) => {
            recent::remember(&path);
            // The work is in the file now: its draft would only be offered back for nothing.
            draft.remove();
            ExitCode::SUCCESS
        }
        Ok(Outcome::Quit) => {
            // The author chose to quit without saving: the draft of this work goes too.
            draft.remove();
            ExitCode::SUCCESS
        }
        Err(prompt::Ended) => {
            crate::output::message(format!("\nintegration-wizard: {}", one_line(&ended(&draft, session.document()))));
            ExitCode::from(exit::USAGE)
        }
    }
}

/// The manifest to edit: FILE read from disk, a new one to be saved at FILE, or a new one.
fn open(file: Option<&Path>) -> Result<Document, String> {
    let Some(path) = file else { return Ok(Document::blank(None)) };
    if !path.exists() {
        return Ok(Document::blank(Some(path.to_path_buf())));
    }
    let opened = crate::wizard::load(path)
        .map_err(|message| format!("cannot open {}: {}", one_line(&path.display().to_string()), one_line(&message)))?;
    recent::remember(path);
    Ok(Document::from_file(opened, path.to_path_buf()))
}

/// After the input ended: keeps what was entered as a draft (the wizard offers it back) and says so.
fn ended(draft: &SessionDraft, doc: &Document) -> String {
    if !doc.modified {
        return "the input ended before the manifest was saved; nothing was saved and nothing had changed".to_owned();
    }
    let reopen = match &doc.path {
        Some(path) => format!("`integration-wizard {}` (the full-screen wizard)", path.display()),
        None => "`integration-wizard` (the full-screen wizard's start screen)".to_owned(),
    };
    match draft.write(doc) {
        Ok(()) => format!(
            "the input ended before the manifest was saved; nothing was saved. What you entered is kept as a draft: {reopen} offers it back"
        ),
        Err(error) => format!(
            "the input ended before the manifest was saved; nothing was saved, and the draft could not be written ({error})"
        ),
    }
}

#[cfg(test)]
mod tests;
