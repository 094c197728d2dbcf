//! The interactive wizard (SPEC §5): the terminal loop that turns events into actions, updates the state and draws it.
//!
//! - [`keys`]: the one key table (data) and the dispatcher; [`action`]: what can be asked.
//! - [`app`]: the state and `App::update`, one file per concern (start, navigation, values, lists,
//!   filter, editing, saving, overlays, caches); no I/O, no clock, no drawing.
//! - `steps`: one module per step or form, declaring its fields once; [`form`]: the rows they make.
//! - [`document`], [`step`], [`editor`], [`overlay`]: the manifest being edited, steps and pages,
//!   text editing, questions over the screen.
//! - [`panels`]: the ticket document's panel and the "try it" panels (credentials, probe result);
//!   writing the document and probing are effects run by the loop (a probe on a thread of its own).
//! - [`layout`]: where things go on screen, for drawing and for mouse clicks alike.
//! - [`view`]: drawing, from the state only.

pub mod action;
pub mod app;
pub(crate) mod completion;
pub(crate) mod display;
pub mod document;
pub mod editor;
pub mod examples;
pub mod form;
pub(crate) mod help_text;
pub(crate) mod items;
pub mod keys;
pub mod layout;
pub mod overlay;
pub mod panels;
pub mod step;
pub(crate) mod steps;
pub mod view;

use crate::manifest::{read, to_json};
use crate::probe::{Options, probe_one};
use crate::storage::drafts::{self, Draft, DraftKey};
use crate::storage::{recent, save_atomic};
use action::{Action, Opened, SaveFailure, TicketFailure, fingerprint};
use app::{App, Effect, OnDisk};
use document::Document;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};
use std::time::{Duration, Instant};

/// Unsaved work reaches a draft at most this long after it was typed.
const DRAFT_DELAY: Duration = Duration::from_millis(500);
/// How often the loop wakes up without events, to notice signals.
const TICK: Duration = Duration::from_millis(200);
/// How often the spinner of a running probe turns.
const SPINNER_TICK: Duration = Duration::from_millis(100);
/// How long each request of a "try it" may take, as the `probe` command's default.
const PROBE_TIMEOUT: Duration = Duration::from_secs(10);

/// Opens the wizard on `file` (or the start screen) and runs it until the author quits.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        eprintln!(
            "integration-wizard: the wizard needs an interactive terminal; to check manifests in scripts or CI, run `integration-wizard validate FILE`"
        );
        return ExitCode::from(crate::cli::exit::USAGE);
    }
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        // Without the handler the wizard would still stop, only without writing its draft first.
        let _ = signal_hook::flag::register(signal, Arc::clone(&stop));
    }
    let mut app = initial_app(file);
    app.working_dir = std::env::current_dir().unwrap_or_default();
    app.theme = view::theme::Theme::from_env();
    let mut terminal = ratatui::init();
    install_panic_cleanup();
    let _ = execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    let mut drafts = DraftWriter::new(DraftKey::for_new());
    let loop_done = Arc::new(AtomicBool::new(false));
    start_watchdog(Arc::clone(&stop), Arc::clone(&loop_done));
    let result = event_loop(&mut terminal, &mut app, &mut drafts, &stop);
    // Whatever ended the loop (quit, a signal, a terminal that went away), unsaved work is kept.
    if app.doc.modified && !app.work_discarded() {
        drafts.write(&app);
    }
    restore_terminal();
    loop_done.store(true, Ordering::Relaxed);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("integration-wizard: the terminal stopped working ({error}); unsaved work was kept as a draft");
            ExitCode::FAILURE
        }
    }
}

/// The app to start with: FILE opened, a new manifest to be saved at FILE, or the start screen;
/// unsaved work of an earlier session is offered back.
pub fn initial_app(file: Option<PathBuf>) -> App {
    let Some(path) = file else { return App::start(recent::load()).with_drafts(drafts::all()) };
    let key = DraftKey::for_path(&path);
    let draft = drafts::load(&key);
    let mut app = if !path.exists() {
        let mut app = App::editing(Document::blank(Some(path.clone())));
        app.status = Some(format!("{} does not exist yet: it is created when you save (Ctrl-S)", path.display()));
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
                let mut app = App::start(recent::load()).with_drafts(drafts::all());
                app.status = Some(format!("cannot open {}: {message}", path.display()));
                return app;
            }
        }
    };
    if let Some(draft) = draft {
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        if draft.manifest == on_disk {
            drafts::remove(&key);
        } else {
            let differences = drafts::differences(&on_disk, &draft.manifest, 12);
            app.offer_draft(key, draft, differences);
        }
    }
    app
}

/// Reads a manifest for the wizard, with a message that says what is wrong when it cannot open.
pub fn load(path: &Path) -> Result<Opened, String> {
    if path.is_dir() {
        return Err("it is a folder; give the path of a .json manifest".into());
    }
    let bytes = std::fs::read(path).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied; check the file's permissions".to_owned(),
        _ => error.to_string(),
    })?;
    let parsed = read(&bytes).map_err(|diagnostic| match diagnostic.position {
        Some(position) => format!("line {}, column {}: {}", position.line, position.column, diagnostic.message),
        None => diagnostic.message,
    })?;
    Ok(Opened { parsed, disk_hash: fingerprint(&bytes) })
}

/// Writes drafts of unsaved work: soon after a change, not on every keystroke.
#[derive(Debug)]
struct DraftWriter {
    /// Where drafts of a new manifest (not saved yet) of this session go.
    session: DraftKey,
    /// The document generation last written.
    written: Option<u64>,
    /// When the oldest change not written yet was made.
    pending_since: Option<Instant>,
}

impl DraftWriter {
    fn new(session: DraftKey) -> Self {
        DraftWriter { session, written: None, pending_since: None }
    }

    /// Where the draft of the work in progress is written.
    fn key(&self, app: &App) -> DraftKey {
        match &app.doc.path {
            Some(path) => DraftKey::for_path(path),
            None => self.session.clone(),
        }
    }

    /// Every draft that holds this work (its file's, this session's, and those recovered into it).
    fn work_keys(&self, app: &App, recovered: Vec<DraftKey>) -> Vec<DraftKey> {
        let mut keys = vec![self.key(app), self.session.clone()];
        keys.extend(recovered);
        keys.dedup();
        keys
    }

    /// Notes a change; returns how long the loop may wait before writing.
    fn note(&mut self, app: &App) -> Duration {
        if !app.doc.modified || self.written == Some(app.doc.generation) {
            self.pending_since = None;
            return TICK;
        }
        let since = *self.pending_since.get_or_insert_with(Instant::now);
        DRAFT_DELAY.saturating_sub(since.elapsed()).min(TICK)
    }

    /// Writes the draft if a change has waited long enough.
    fn write_if_due(&mut self, app: &App) {
        if self.pending_since.is_some_and(|since| since.elapsed() >= DRAFT_DELAY) {
            self.write(app);
        }
    }

    fn write(&mut self, app: &App) {
        // An absolute path: the draft must find its file again from whatever folder the next start is in.
        let path = app.doc.path.as_ref().map(|path| std::path::absolute(path).unwrap_or_else(|_| path.clone()));
        let draft = Draft { path, written_at: drafts::now(), manifest: to_json(&app.doc.manifest) };
        // A draft that cannot be written must not stop the author; the next change tries again.
        if drafts::write(&self.key(app), &draft).is_ok() {
            self.written = Some(app.doc.generation);
            self.pending_since = None;
        }
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    drafts: &mut DraftWriter,
    stop: &AtomicBool,
) -> std::io::Result<()> {
    let mut redraw = true;
    // Probes run on threads of their own and send their results here.
    let (results, arrived) = mpsc::channel::<Action>();
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        while let Ok(result) = arrived.try_recv() {
            let effects = app.update(result);
            if run_effects(app, drafts, effects, &results) {
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
        let mut wait = drafts.note(app);
        if app.probing() {
            wait = wait.min(SPINNER_TICK);
        }
        if !event::poll(wait)? {
            drafts.write_if_due(app);
            if app.probing() {
                app.update(Action::Tick);
                redraw = true;
            }
            continue;
        }
        redraw = true;
        let event = event::read()?;
        let Some(action) = keys::action_for(app, &event) else { continue };
        let effects = app.update(action);
        if run_effects(app, drafts, effects, &results) {
            return Ok(());
        }
        drafts.write_if_due(app);
    }
}

/// Performs the effects `update` asked for, feeding their results back; true when the wizard should end.
fn run_effects(app: &mut App, drafts: &mut DraftWriter, mut effects: Vec<Effect>, results: &Sender<Action>) -> bool {
    while !effects.is_empty() {
        let mut next = Vec::new();
        for effect in effects {
            match effect {
                Effect::Quit => return true,
                Effect::WriteTicket { path, bytes, overwrite } => {
                    let result = write_ticket(&path, &bytes, overwrite);
                    next.extend(app.update(Action::TicketWritten { path, result }));
                }
                Effect::Probe { bridge, credentials, target } => {
                    let results = results.clone();
                    std::thread::spawn(move || {
                        let report = probe_one(*bridge, credentials, Options::default(), PROBE_TIMEOUT, &target);
                        // The wizard may have ended meanwhile; then nobody waits for the result.
                        let _ = results.send(Action::Probed(Box::new(report)));
                    });
                }
                Effect::Save { path, contents, expect } => {
                    let result = save(&path, &contents, expect);
                    if result.is_ok() {
                        recent::remember(&path);
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
                Effect::DiscardWorkDrafts(recovered) => {
                    drafts.work_keys(app, recovered).iter().for_each(drafts::remove);
                    drafts.written = Some(app.doc.generation);
                }
                Effect::DiscardDrafts(keys) => {
                    keys.iter().for_each(drafts::remove);
                    drafts.written = Some(app.doc.generation);
                }
                Effect::Recover(key, draft) => {
                    let mut on_disk = String::new();
                    if let Some(path) = draft.path.as_ref().filter(|path| path.exists()) {
                        on_disk = std::fs::read_to_string(path).unwrap_or_default();
                        let result = load(path).map(Box::new);
                        next.extend(app.update(Action::Loaded { path: path.clone(), result }));
                    }
                    let differences = drafts::differences(&on_disk, &draft.manifest, 12);
                    next.extend(app.update(Action::OfferDraft { key, draft, differences }));
                }
            }
        }
        effects = next;
    }
    false
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
fn save(path: &Path, contents: &str, expect: OnDisk) -> Result<u64, SaveFailure> {
    let on_disk = std::fs::read(path).ok();
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

/// Ends the process when a stop signal came or the terminal went away and the loop cannot act on
/// it. crossterm 0.29 keeps reading a vanished terminal forever (its issue #793), so the loop may
/// never regain control; drafts are already on disk at most [`DRAFT_DELAY`] after each change.
fn start_watchdog(stop: Arc<AtomicBool>, loop_done: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(TICK);
            if loop_done.load(Ordering::Relaxed) {
                return;
            }
            if !std::io::stdin().is_terminal() {
                stop.store(true, Ordering::Relaxed);
            }
            if stop.load(Ordering::Relaxed) {
                // The loop notices within a tick when it is free; give it time to save a draft.
                std::thread::sleep(Duration::from_secs(1));
                if !loop_done.load(Ordering::Relaxed) {
                    std::process::exit(1);
                }
                return;
            }
        }
    });
}

fn restore_terminal() {
    let _ = execute!(std::io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
}

/// Restores the terminal before a panic's message is printed, so the message is readable and the shell usable.
fn install_panic_cleanup() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
}
