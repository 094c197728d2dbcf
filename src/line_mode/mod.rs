//! The accessible line mode (`--accessible`, or `TERM=dumb`): the wizard's six steps as plain
//! questions and answers, one line each, on standard input and output. No alternate screen, no
//! cursor movement, no colour, no escape sequence: a screen reader speaks every line, and a
//! script of answers piped in makes a manifest.
//!
//! - [`prompt`]: the question/answer loop over any `BufRead`/`Write` pair.
//! - [`session`]: the walk through the steps; [`fields`], [`pickers`], [`lists`]: one kind of question each.
//! - [`saving`]: the review, saving and quitting. [`form`]: what comes from the wizard's declarations.
//!
//! Every edit, check and save is the full wizard's own: the same manifest operations, the same
//! [`Document`] with its rules, the same save function.

pub mod fields;
pub mod form;
pub mod lists;
pub mod pickers;
pub mod prompt;
pub mod saving;
pub mod session;

use crate::cli::exit;
use crate::manifest::to_json;
use crate::storage::drafts::{self, Draft, DraftKey};
use crate::storage::recent;
use crate::wizard::display::one_line;
use crate::wizard::document::Document;
pub use session::{Outcome, Session};
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
    let doc = match open(file.as_deref()) {
        Ok(doc) => doc,
        Err(message) => {
            eprintln!("integration-wizard: {message}");
            return ExitCode::from(exit::USAGE);
        }
    };
    // One draft for this session, written before each question that follows a change, as the
    // wizard writes one while the author types: a killed session loses at most one answer.
    let key = match doc.path.as_deref().map(DraftKey::for_path) {
        Some(key) if drafts::load(&key).is_none() => key,
        Some(_) => {
            // Unsaved work of an earlier session: never overwritten here; the wizard offers it back.
            println!(
                "Unsaved work of this file from an earlier session is kept as a draft; open the file in the wizard to recover it. This session keeps its own draft."
            );
            DraftKey::for_new()
        }
        None => DraftKey::for_new(),
    };
    let mut session = Session::new(doc, std::io::stdin().lock(), std::io::stdout().lock()).keeping(keeper(key.clone()));
    if std::io::stdin().is_terminal() {
        session = session.on_terminal();
    }
    match session.run() {
        Ok(Outcome::Saved(path)) => {
            recent::remember(&path);
            // The work is in the file now: its draft would only be offered back for nothing.
            drafts::remove(&key);
            ExitCode::SUCCESS
        }
        Ok(Outcome::Quit) => {
            if session.document().modified {
                // The author chose to quit without saving: the draft of this work goes too.
                drafts::remove(&key);
            }
            ExitCode::SUCCESS
        }
        Err(prompt::Ended) => {
            eprintln!();
            eprintln!("integration-wizard: {}", one_line(&ended(&key, session.document())));
            ExitCode::from(exit::USAGE)
        }
    }
}

/// Writes the draft under `key`; the first failure is said at once (the author must know the work is not protected).
fn keeper(key: DraftKey) -> session::Keeper {
    let mut warned = false;
    Box::new(move |doc: &Document| {
        if let Err(error) = write_draft(&key, doc)
            && !std::mem::replace(&mut warned, true)
        {
            eprintln!(
                "integration-wizard: drafts cannot be written ({}); if the session ends before a save, what you entered is lost",
                one_line(&error)
            );
        }
    })
}

fn write_draft(key: &DraftKey, doc: &Document) -> Result<(), String> {
    let path = doc.path.as_ref().map(|path| std::path::absolute(path).unwrap_or_else(|_| path.clone()));
    drafts::write(key, &Draft { path, written_at: drafts::now(), manifest: to_json(&doc.manifest) })
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
    let mut doc = Document::opened(opened.parsed, Some(path.to_path_buf()));
    doc.disk_hash = Some(opened.disk_hash);
    Ok(doc)
}

/// After the input ended: keeps what was entered as a draft (the wizard offers it back) and says so.
fn ended(key: &DraftKey, doc: &Document) -> String {
    if !doc.modified {
        return "the input ended before the manifest was saved; nothing was saved and nothing had changed".to_owned();
    }
    let reopen = match &doc.path {
        Some(path) => format!("`integration-wizard {}`", path.display()),
        None => "`integration-wizard` (its start screen)".to_owned(),
    };
    match write_draft(key, doc) {
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
