//! The interactive wizard (SPEC §5): the terminal loop that turns events into actions, updates the state and draws it.
//!
//! - [`app`]: the state and `App::update` (no I/O), [`action`]: what can be asked, [`keys`]: the key table.
//! - [`document`], [`form`], [`step`], [`editor`]: the manifest being edited, the rows of each page, text editing.
//! - [`view`]: drawing, from the state only.

pub mod action;
pub mod app;
pub mod completion;
pub mod display;
pub mod document;
pub mod editor;
pub mod examples;
pub mod form;
pub mod help_text;
pub mod keys;
pub mod overlay;
pub mod step;
pub mod view;

use crate::manifest::read;
use crate::storage::{recent, save_atomic};
use action::Action;
use app::{App, Effect};
use document::Document;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Opens the wizard on `file` (or the start screen) and runs it until the author quits.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        eprintln!(
            "integration-wizard: the wizard needs an interactive terminal; to check manifests in scripts or CI, run `integration-wizard validate FILE`"
        );
        return ExitCode::from(crate::cli::exit::USAGE);
    }
    let mut app = initial_app(file);
    app.theme = view::theme::Theme::from_env();
    let mut terminal = ratatui::init();
    install_panic_cleanup();
    let _ = execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    let result = event_loop(&mut terminal, &mut app);
    restore_terminal();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("integration-wizard: the terminal stopped working ({error}); nothing was lost that was saved");
            ExitCode::FAILURE
        }
    }
}

/// The app to start with: FILE opened, a new manifest to be saved at FILE, or the start screen.
pub fn initial_app(file: Option<PathBuf>) -> App {
    let Some(path) = file else {
        return App::start(recent::load());
    };
    if !path.exists() {
        let mut app = App::editing(Document::blank(Some(path.clone())));
        app.status = Some(format!("{} does not exist yet: it is created when you save (Ctrl-S)", path.display()));
        return app;
    }
    match load(&path) {
        Ok(parsed) => {
            recent::remember(&path);
            let mut app = App::start(Vec::new());
            app.update(Action::Loaded { path, result: Ok(Box::new(parsed)) });
            app
        }
        Err(message) => {
            let mut app = App::start(recent::load());
            app.status = Some(format!("cannot open {}: {message}", path.display()));
            app
        }
    }
}

/// Reads a manifest for the wizard, with a message that says what is wrong when it cannot open.
pub fn load(path: &Path) -> Result<crate::manifest::Parsed, String> {
    if path.is_dir() {
        return Err("it is a folder; give the path of a .json manifest".into());
    }
    let bytes = std::fs::read(path).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied; check the file's permissions".to_owned(),
        _ => error.to_string(),
    })?;
    read(&bytes).map_err(|diagnostic| match diagnostic.position {
        Some(position) => format!("line {}, column {}: {}", position.line, position.column, diagnostic.message),
        None => diagnostic.message,
    })
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> std::io::Result<()> {
    loop {
        let size = terminal.size()?;
        if (size.width, size.height) != app.size {
            app.update(Action::Resize { width: size.width, height: size.height });
        }
        terminal.draw(|frame| view::render(app, frame))?;
        let event = event::read()?;
        let Some(action) = keys::action_for(app, &event) else {
            continue;
        };
        let mut effects = app.update(action);
        while !effects.is_empty() {
            let mut next = Vec::new();
            for effect in effects {
                match effect {
                    Effect::Quit => return Ok(()),
                    Effect::Save { path, contents } => {
                        let result = save_atomic(&path, contents.as_bytes(), true).map_err(|error| error.to_string());
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
                }
            }
            effects = next;
        }
    }
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
