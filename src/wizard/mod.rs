//! The interactive wizard (SPEC §5): the terminal loop that turns events into actions, updates the state and draws it.
//!
//! - [`keys`]: the one key table (data) and the dispatcher; [`action`]: what can be asked.
//! - [`config`]: the config file (key bindings, theme, preview), read when the wizard starts.
//! - [`app`]: the state and `App::update`, one file per concern (mode, start, navigation, values,
//!   lists, filter, editing, saving, caches, probe); no I/O, no clock, no drawing.
//! - [`steps`]: one module per step or form, declaring its fields once, and the steps and pages
//!   themselves (`steps/page.rs`); [`form`]: the rows they make.
//! - [`document`], [`editor`]: the manifest being edited, text editing; [`since_opened`]: what
//!   changed since the file was opened.
//! - [`panels`]: every panel and question over the screen, one module each behind the `Panel`
//!   trait (its state, answers, keys' scopes, hints and drawing); writing the ticket document and
//!   probing are effects run by the loop (a probe on a thread of its own).
//! - [`layout`]: where things go on screen, for drawing and for mouse clicks alike.
//! - [`run`]: a run's life around the state: its drafts and recovering them, lending the terminal
//!   (Ctrl-E, Ctrl-Z), reading a folder for a prompt, ending cleanly on a signal or a panic.
//! - [`shown`]: what the screens say about the manifest as text (summaries, places, help, the
//!   preview's clipped JSON); [`view`]: drawing, from the state only.

pub(crate) mod action;
pub(crate) mod app;
pub(crate) mod completion;
pub(crate) mod config;
pub(crate) mod display;
pub(crate) mod document;
pub(crate) mod editor;
pub(crate) mod examples;
pub(crate) mod findings;
pub(crate) mod form;
pub(crate) mod history;
pub(crate) mod keys;
pub(crate) mod layout;
pub(crate) mod panels;
pub(crate) mod path_list;
pub(crate) mod run;
pub(crate) mod shown;
pub(crate) mod since_opened;
pub(crate) mod steps;
pub(crate) mod tally;
pub mod testing;
pub(crate) mod view;

use crate::manifest::read;
use crate::probe::{Options, probe_one};
use crate::storage::drafts::{self, DraftKey, Drafts};
use crate::storage::{recent, save_atomic};
use action::{Action, Opened, SaveFailure, TicketFailure, fingerprint};
use app::{App, Effect, OnDisk};
use document::Document;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, EnableBracketedPaste, EnableMouseCapture};
use ratatui::crossterm::execute;
use run::drafts::DraftWriter;
use run::handover;
use run::shutdown::{self, Stop, Work, lock, restore_terminal};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How often the spinner of a running probe turns.
const SPINNER_TICK: Duration = Duration::from_millis(100);
/// How long each request of a "try it" may take, as the `probe` command's default.
const PROBE_TIMEOUT: Duration = Duration::from_secs(10);

/// Opens the wizard on `file` (or the start screen) and runs it until the author quits.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    if !std::io::stdin().is_terminal() || !crate::output::is_terminal() {
        crate::output::message(
            "integration-wizard: the wizard needs an interactive terminal; to answer its questions line by line (through pipes too), run `integration-wizard --accessible [FILE]`; to check manifests in scripts or CI, run `integration-wizard validate FILE`",
        );
        return ExitCode::from(crate::cli::exit::USAGE);
    }
    let stop = Stop::catch_signals();
    let store = Drafts::open();
    let mut app = initial_app(file, &store);
    app.working_dir = std::env::current_dir().unwrap_or_default();
    // Said at once: the author counts on drafts to keep unsaved work.
    if let Some(refused) = store.refused() {
        app.update(Action::Notice(format!("drafts are off: {refused}")));
    }
    app.update(config::configured());
    let work = Arc::new(Mutex::new(Work { app, drafts: DraftWriter::new(store) }));
    let mut terminal = ratatui::init();
    shutdown::install_panic_cleanup();
    let _ = execute!(crate::output::screen(), EnableMouseCapture, EnableBracketedPaste);
    let loop_done = Arc::new(AtomicBool::new(false));
    shutdown::start_watchdog(stop.clone(), Arc::clone(&loop_done), Arc::clone(&work));
    let result = event_loop(&mut terminal, &work, &stop);
    // From here this thread ends the wizard itself, however long the draft of a huge manifest takes.
    loop_done.store(true, Ordering::Relaxed);
    // Whatever ended the loop (quit, a signal, a terminal that went away), unsaved work is kept.
    let mut work = lock(&work);
    work.keep();
    restore_terminal();
    loop_done.store(true, Ordering::Relaxed);
    if let Some(failure) = work.drafts.failure().filter(|_| work.app.doc.modified && !work.app.work_discarded()) {
        crate::output::message(format!(
            "integration-wizard: your unsaved work could not be kept as a draft: {}",
            crate::escape::line(failure)
        ));
    }
    match (result, stop.exit_code()) {
        (Err(error), _) => {
            crate::output::message(format!(
                "integration-wizard: the terminal stopped working ({error}); unsaved work was kept as a draft"
            ));
            ExitCode::FAILURE
        }
        (Ok(()), Some(code)) => ExitCode::from(code),
        (Ok(()), None) => ExitCode::SUCCESS,
    }
}

/// The app to start with: FILE opened, a new manifest to be saved at FILE, or the start screen;
/// unsaved work of an earlier session is offered back. Drafts or a list of recent files that could
/// not be read are said once on the status line.
pub(crate) fn initial_app(file: Option<PathBuf>, drafts: &Drafts) -> App {
    let mut app = opened_app(file, drafts);
    for note in [drafts.passed_over(), recent::unreadable()].into_iter().flatten() {
        app.update(Action::Notice(note));
    }
    app
}

/// [`initial_app`] but for the notes about what could not be read.
fn opened_app(file: Option<PathBuf>, drafts: &Drafts) -> App {
    let Some(path) = file else { return App::start(recent::load()).with_drafts(drafts.orphans()) };
    // The newest draft a wizard that has ended left of this file; a running wizard's is its own.
    let draft = drafts.orphans_of(&DraftKey::for_path(&path)).into_iter().next();
    let mut app = if !path.exists() {
        let mut app = App::editing(Document::blank(Some(path.clone())));
        app.update(Action::Notice(format!(
            "{} does not exist yet: it is created when you save (Ctrl-S)",
            path.display()
        )));
        app
    } else {
        match load(&path) {
            Ok(opened) => {
                recent::remember(&path);
                let mut app = App::start(Vec::new());
                app.update(Action::Loaded { path: path.clone(), result: Ok(Box::new(opened)) });
                app
            }
            Err(message) => {
                let mut app = App::start(recent::load()).with_drafts(drafts.orphans());
                app.update(Action::Notice(format!("cannot open {}: {message}", path.display())));
                return app;
            }
        }
    };
    if let Some((key, draft)) = draft {
        let on_disk = crate::storage::read_file(&path).map(|bytes| String::from_utf8_lossy(&bytes).into_owned());
        let on_disk = on_disk.unwrap_or_default();
        if draft.manifest == on_disk {
            drafts.remove(&key);
        } else {
            let differences = drafts::differences(&on_disk, &draft.manifest, 12);
            let file_is_newer = drafts::saved_after(&draft);
            app.offer_draft(key, draft, differences, file_is_newer);
        }
    }
    app
}

/// Reads a manifest for the wizard, with a message that says what is wrong when it cannot open.
pub fn load(path: &Path) -> Result<Opened, String> {
    if path.is_dir() {
        return Err("it is a folder; give the path of a .json manifest".into());
    }
    let bytes = crate::storage::read_file(path).map_err(|error| error.to_string())?;
    opened_from(&bytes)
}

/// A manifest read from `bytes`, with a message that says what is wrong when it cannot be read.
pub(crate) fn opened_from(bytes: &[u8]) -> Result<Opened, String> {
    let parsed = read(bytes).map_err(|diagnostic| match diagnostic.position {
        Some(position) => format!("line {}, column {}: {}", position.line, position.column, diagnostic.message),
        None => diagnostic.message,
    })?;
    Ok(Opened { parsed, disk_hash: fingerprint(bytes), source: std::sync::Arc::from(bytes) })
}

fn event_loop(terminal: &mut DefaultTerminal, work: &Mutex<Work>, stop: &Stop) -> std::io::Result<()> {
    let mut redraw = true;
    // Probes run on threads of their own and send their results here.
    let (results, arrived) = mpsc::channel::<Action>();
    loop {
        // The work is locked while an event is handled, never while waiting for one: the watchdog may
        // have to keep it while this thread is stuck reading a terminal that went away.
        let wait = {
            let mut work = lock(work);
            let Work { app, drafts } = &mut *work;
            if stop.requested() {
                return Ok(());
            }
            if stop.suspend_asked() {
                // `kill -TSTP` or the shell's job control: the same as Ctrl-Z, terminal restored first.
                if run_effects(app, drafts, vec![Effect::Suspend], &mut Loop { terminal, stop, results: &results })? {
                    return Ok(());
                }
                redraw = true;
            }
            while let Ok(result) = arrived.try_recv() {
                let effects = app.update(result);
                if run_effects(app, drafts, effects, &mut Loop { terminal, stop, results: &results })? {
                    return Ok(());
                }
                redraw = true;
            }
            let size = terminal.size()?;
            if (size.width, size.height) != app.size {
                app.update(Action::Resize { width: size.width, height: size.height });
                redraw = true;
            }
            if redraw {
                terminal.draw(|frame| view::render(app, frame))?;
                redraw = false;
            }
            if app.probing() { drafts.note(app).min(SPINNER_TICK) } else { drafts.note(app) }
        };
        if !event::poll(wait)? {
            let mut work = lock(work);
            let Work { app, drafts } = &mut *work;
            drafts.write_if_due(app);
            if app.probing() {
                app.update(Action::Tick);
                redraw = true;
            }
            continue;
        }
        redraw = true;
        let event = event::read()?;
        let mut work = lock(work);
        let Work { app, drafts } = &mut *work;
        let Some(action) = keys::action_for(app, &event) else { continue };
        let was_editing = app.editor().is_some();
        let effects = app.update(action);
        if run_effects(app, drafts, effects, &mut Loop { terminal, stop, results: &results })? {
            return Ok(());
        }
        if was_editing && app.editor().is_none() {
            // An edit ended, kept or cancelled: the draft follows at once, so a cancelled edit leaves no trace.
            drafts.sync(app);
        } else {
            drafts.write_if_due(app);
        }
    }
}

/// What of the loop the effects need: the terminal to lend, the stop to tell, where probes answer.
struct Loop<'a> {
    terminal: &'a mut DefaultTerminal,
    stop: &'a Stop,
    results: &'a Sender<Action>,
}

/// Performs the effects `update` asked for, feeding their results back; true when the wizard should end.
fn run_effects(
    app: &mut App,
    drafts: &mut DraftWriter,
    mut effects: Vec<Effect>,
    at: &mut Loop,
) -> std::io::Result<bool> {
    let results = at.results;
    let mut saved = None;
    while !effects.is_empty() {
        let mut next = Vec::new();
        for effect in effects {
            match effect {
                Effect::Quit => return Ok(true),
                Effect::ExternalEdit { text, opened_for_it } => {
                    // The editor may run for a long time: the work is safe in a draft meanwhile.
                    drafts.sync(app);
                    let result = match handover::editor_command(env_text("VISUAL"), env_text("EDITOR")) {
                        Ok(command) => {
                            handover::lend_terminal(at.terminal, at.stop, || handover::edit_in(&command, &text))?
                        }
                        Err(message) => Err(message),
                    };
                    next.extend(app.update(Action::ExternalEdited { result, opened_for_it }));
                }
                Effect::Suspend => {
                    // Every thread stops with the process: the draft must be on disk before.
                    drafts.sync_now(app);
                    handover::lend_terminal(at.terminal, at.stop, handover::suspend)?;
                }
                Effect::WriteTicket { path, bytes, overwrite } => {
                    let result = write_ticket(&path, &bytes, overwrite);
                    next.extend(app.update(Action::TicketWritten { path, result }));
                }
                Effect::Probe { bridge, credentials, target } => {
                    let results = results.clone();
                    std::thread::spawn(move || {
                        let (report, credentials) =
                            probe_one(*bridge, credentials, Options::default(), PROBE_TIMEOUT, &target);
                        // The wizard may have ended meanwhile; then nobody waits for the result.
                        let _ = results.send(Action::Probed(Box::new(report), credentials));
                    });
                }
                Effect::Save { path, contents, expect } => {
                    let result = save(&path, &contents, expect);
                    if result.is_ok() {
                        recent::remember(&path);
                        saved = Some(path.clone());
                    }
                    next.extend(app.update(Action::Saved { path, result }));
                }
                Effect::Open(path) => {
                    let result = load(&path).map(Box::new);
                    if result.is_ok() {
                        recent::remember(&path);
                    }
                    next.extend(app.update(Action::Loaded { path, result }));
                }
                Effect::ReadFolder(folder) => {
                    let result = run::folder::read_folder(&folder);
                    next.extend(app.update(Action::FolderRead { folder, result }));
                }
                Effect::DiscardWorkDrafts(recovered) => {
                    // A draft still being written would come back after its removal.
                    drafts.settle(app);
                    let keys = drafts.work_keys(app, recovered);
                    keys.iter().for_each(|key| drafts.store.remove(key));
                    drafts.discarded(app);
                }
                Effect::DiscardDrafts(keys) => {
                    keys.iter().for_each(|key| drafts.store.remove(key));
                    drafts.discarded(app);
                }
                Effect::Recover(key, draft) => {
                    for action in run::recovery::recover(key, draft) {
                        next.extend(app.update(action));
                    }
                }
            }
        }
        effects = next;
    }
    // Only this wizard's drafts went with the save: say so when others of the same file remain.
    if let Some(note) = saved.and_then(|path| run::drafts::others_note(drafts.others_of(&path))) {
        app.update(Action::Notice(note));
    }
    Ok(false)
}

/// An environment variable's value, when it is set and readable as text.
fn env_text(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// Writes the ticket document as the `ticket` command does (atomically); an existing file only when
/// the author said so.
fn write_ticket(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), TicketFailure> {
    if !overwrite && path.symlink_metadata().is_ok() {
        return Err(TicketFailure::Exists);
    }
    save_atomic(path, bytes, false).map_err(|error| TicketFailure::Failed(error.to_string()))
}

/// Saves unless the file on disk is not what the wizard expects there.
pub(crate) fn save(path: &Path, contents: &str, expect: OnDisk) -> Result<u64, SaveFailure> {
    let on_disk = match crate::storage::read_file(path) {
        Ok(bytes) => Some(bytes),
        // Never written into, nor read (a FIFO would wait for a writer forever).
        Err(crate::storage::ReadError::NotRegular(kind)) => {
            return Err(SaveFailure::Failed(format!(
                "{} is {kind}, not a regular file: save under another path",
                path.display()
            )));
        }
        Err(_) => None,
    };
    let unexpected = match (expect, &on_disk) {
        (OnDisk::Anything, _) | (OnDisk::Nothing, None) => false,
        (OnDisk::Nothing, Some(_)) | (OnDisk::Content(_), None) => true,
        (OnDisk::Content(hash), Some(bytes)) => fingerprint(bytes) != hash,
    };
    if unexpected {
        return Err(SaveFailure::ChangedOnDisk);
    }
    save_atomic(path, contents.as_bytes(), true).map_err(|error| SaveFailure::Failed(error.to_string()))?;
    Ok(fingerprint(contents.as_bytes()))
}
