//! `integration-wizard fmt`: rewrite manifests in the layout of SPEC §2.2, or show what would
//! change as a unified diff (`--check`, `--diff`).

use super::exit;
use super::files::{self, Identity, Inputs, Loaded, Seen, Target};
use super::report::text_line;
use super::unified_diff;
use crate::escape;
use crate::manifest::Diagnostic;
use crate::manifest::{check::locate, read, to_json};
use crate::output;
use crate::storage::SaveBatch;
use rayon::prelude::*;
use std::fmt::Write as _;
use std::path::PathBuf;

/// What `fmt` does with a file that is not formatted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// Rewrite it.
    Write,
    /// Print the diff and fail (exit 1).
    Check,
    /// Print the diff, write nothing, succeed.
    Diff,
}

impl Mode {
    /// The mode the flags ask for (clap keeps them exclusive).
    pub(super) fn new(check: bool, diff: bool) -> Self {
        match (check, diff) {
            (true, _) => Mode::Check,
            (false, true) => Mode::Diff,
            (false, false) => Mode::Write,
        }
    }
}

/// Formats (or checks) every file under `paths` and returns the exit code. Standard input (`-`)
/// is formatted to standard output.
pub(super) fn run(paths: &[PathBuf], mode: Mode, inputs: &Inputs) -> u8 {
    let targets = match files::expand(paths, inputs) {
        Ok(targets) => targets,
        Err(message) => {
            output::message(format!("{}; see `integration-wizard fmt --help`", escape::line(&message)));
            return exit::USAGE;
        }
    };
    let mut run = Run {
        mode,
        inputs,
        code: exit::SUCCESS,
        skipped: 0,
        manifests: 0,
        seen: Seen::default(),
        saves: Saves::default(),
    };
    // Reading, parsing and formatting take the processor: each chunk's files are made ready on
    // every core at once, and the next chunk's while this one's are printed and saved (which
    // waits on the disk); what is printed and saved still follows the order of the files.
    let chunk = READ_AHEAD_PER_CORE * rayon::current_num_threads().max(1);
    let mut chunks = targets.chunks(chunk);
    let mut ready = chunks.next().map(Ready::all).unwrap_or_default();
    for targets in targets.chunks(chunk) {
        let this = std::mem::take(&mut ready);
        // Printing and saving stay on this thread (one file alone never leaves it); the next
        // chunk is read on the pool meanwhile.
        match chunks.next() {
            Some(next) => rayon::in_place_scope(|scope| {
                scope.spawn(|_| ready = Ready::all(next));
                run.take(targets, this);
            }),
            None => run.take(targets, this),
        }
    }
    let mut code = run.code.max(run.saves.commit());
    if let Some(line) = files::skipped_line(run.skipped) {
        output::line(line);
    }
    // A check that checked nothing must not pass unnoticed in CI.
    if mode == Mode::Check && run.manifests == 0 && code == exit::SUCCESS && !inputs.allow_empty {
        output::message(files::nothing_found(paths, inputs, run.skipped));
        code = exit::USAGE;
    }
    code
}

/// What a run of `fmt` has done so far, and how it goes on.
struct Run<'a> {
    mode: Mode,
    inputs: &'a Inputs,
    /// The exit code so far.
    code: u8,
    /// JSON files found by a walk that are not manifests.
    skipped: usize,
    /// Manifests read.
    manifests: usize,
    seen: Seen,
    saves: Saves,
}

impl Run<'_> {
    /// Prints, or saves, what each of `targets` (made `ready`) comes to, in order.
    fn take(&mut self, targets: &[Target], ready: Vec<(Option<Identity>, Ready)>) {
        let (mode, inputs) = (self.mode, self.inputs);
        for (target, (identity, ready)) in targets.iter().zip(ready) {
            let raw = target.shown(inputs);
            let shown = escape::line(&raw);
            // The same real file through a second path or link is formatted once.
            if !self.seen.first(identity) {
                continue;
            }
            let (source, formatted) = match ready {
                Ready::Manifest(source, formatted) => {
                    self.manifests += 1;
                    (source, formatted)
                }
                Ready::NotManifest => {
                    self.skipped += 1;
                    continue;
                }
                Ready::Refused(reason) => {
                    output::message(format!("{shown}: {}", escape::line(&reason)));
                    self.code = exit::USAGE;
                    continue;
                }
            };
            let (formatted, notes) = match formatted {
                Ok(formatted) => formatted,
                Err(diagnostic) => {
                    let mut diagnostics = [diagnostic];
                    locate(&source, &mut diagnostics);
                    output::message(text_line(&raw, &diagnostics[0]));
                    output::message(format!("{shown}: not formatted: fix the JSON first"));
                    self.code = self.code.max(exit::INVALID);
                    continue;
                }
            };
            let unchanged = formatted.as_bytes() == source.as_slice();
            let (Target::Named(path) | Target::Found(path)) = target else {
                // Standard input: the formatted manifest goes to standard output (editors replace
                // their buffer with it); with --check or --diff only what would change.
                match mode {
                    Mode::Write => {
                        output::json_document(formatted);
                        for note in &notes {
                            output::message(format!(
                                "{shown}: {}: {}",
                                escape::line(&note.pointer),
                                escape::line(&note.message)
                            ));
                        }
                    }
                    _ if unchanged => {}
                    Mode::Check | Mode::Diff => {
                        if mode == Mode::Check {
                            output::message(format!("{shown}: not formatted; run `integration-wizard fmt -`"));
                            self.code = self.code.max(exit::INVALID);
                        }
                        print_diff(&raw, &source, &formatted);
                    }
                }
                continue;
            };
            if unchanged {
                continue;
            }
            if mode != Mode::Write {
                if mode == Mode::Check {
                    // Text before the diff's `---` line is ignored by `patch` and `git apply`.
                    output::line(format!("{shown}: not formatted; run `integration-wizard fmt {shown}`"));
                    self.code = self.code.max(exit::INVALID);
                }
                print_diff(&raw, &source, &formatted);
                continue;
            }
            self.saves.add(path, formatted.as_bytes(), shown.into_owned(), notes);
            if self.saves.full() {
                self.code = self.code.max(self.saves.commit());
            }
        }
    }
}

/// How many files per core are read and formatted ahead of the loop that prints and saves them:
/// enough to keep every core busy between two files, few enough to bound the memory they hold.
const READ_AHEAD_PER_CORE: usize = 4;

/// A file read and, when it is a manifest, parsed and formatted: the work done on every core.
enum Ready {
    /// A manifest's bytes, and its formatted text with the notes reading it gave, or why it is not JSON.
    Manifest(Vec<u8>, Result<(String, Vec<Diagnostic>), Diagnostic>),
    /// A JSON file found by a walk that is not a manifest.
    NotManifest,
    /// A path that is refused or cannot be read, with the reason.
    Refused(String),
}

impl Ready {
    /// Reads (and formats) every one of `targets`, on every core (one alone on this thread).
    fn all(targets: &[Target]) -> Vec<(Option<Identity>, Ready)> {
        if targets.len() == 1 {
            targets.iter().map(Ready::of).collect()
        } else {
            targets.par_iter().map(Ready::of).collect()
        }
    }

    /// Reads (and formats) `target`; with which real file it is.
    fn of(target: &Target) -> (Option<Identity>, Ready) {
        let loaded = target.load();
        let identity = loaded.identity().cloned();
        let ready = match loaded {
            Loaded::Manifest(source, _) => {
                let formatted = read(&source).map(|parsed| (to_json(&parsed.manifest), parsed.notes));
                Ready::Manifest(source, formatted)
            }
            Loaded::NotManifest(_) => Ready::NotManifest,
            Loaded::Refused(reason) => Ready::Refused(reason),
        };
        (identity, ready)
    }
}

/// Formatted files waiting to be saved together ([`SaveBatch`]), with what to print for each.
#[derive(Default)]
struct Saves {
    batch: SaveBatch,
    /// Each file's name as shown and the notes to print under it, in the batch's order.
    shown: Vec<(String, Vec<Diagnostic>)>,
}

impl Saves {
    fn add(&mut self, path: &std::path::Path, formatted: &[u8], shown: String, notes: Vec<Diagnostic>) {
        self.batch.add(path, formatted);
        self.shown.push((shown, notes));
    }

    fn full(&self) -> bool {
        self.batch.full()
    }

    /// Saves the files waiting and prints, in order, what became of each; returns the exit code.
    /// The lines for standard output are written together (one write, not one per file), each
    /// before any message that follows it on standard error.
    fn commit(&mut self) -> u8 {
        let mut code = exit::SUCCESS;
        let mut lines = String::new();
        for (outcome, (shown, notes)) in self.batch.commit().into_iter().zip(self.shown.drain(..)) {
            match outcome {
                Ok(()) => {
                    let _ = writeln!(lines, "formatted {shown}");
                    for note in &notes {
                        let _ = writeln!(lines, "  {}: {}", escape::line(&note.pointer), escape::line(&note.message));
                    }
                }
                Err(error) => {
                    output::text(std::mem::take(&mut lines));
                    output::message(format!("{shown}: {}", escape::line(&error.to_string())));
                    code = exit::USAGE;
                }
            }
        }
        output::text(lines);
        code
    }
}

/// Prints the unified diff from `before` to `after` on standard output as it is made.
fn print_diff(path: &str, before: &[u8], after: &str) {
    // Checked as UTF-8 first: far faster than the lossy reading, which only a file that is not needs.
    let before =
        std::str::from_utf8(before).map_or_else(|_| String::from_utf8_lossy(before), std::borrow::Cow::Borrowed);
    let mut out = output::coloured_lines();
    let colour = out.colour();
    unified_diff::diff_lines(path, &before, after, colour, |pieces| out.line(pieces));
}
