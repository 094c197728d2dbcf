//! `integration-wizard diff OLD NEW`: what changed in meaning between two manifests, in text,
//! Markdown or JSON; also git's external diff driver (seven arguments).

mod json;
mod markdown;
pub(in crate::cli) mod side;
mod text;

use super::exit;
use crate::manifest::changes::{Change, breaking_first, compare};
use crate::output;
use clap::ValueEnum;
use side::{Origin, Side, load};
use std::ffi::OsString;

/// The arguments of `diff`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Exit status: 0 when both mean the same, 1 when they differ (with --fail-on breaking: when a \
change breaks the live integration), 2 on a usage or read error. As git's external diff driver \
(git passes seven arguments) it always exits 0. See docs/command-line.md for the git settings.")]
pub struct DiffArgs {
    /// OLD and NEW: manifest files, `-` for standard input, or REV:PATH as git has it (e.g. HEAD~1:mycrm.json).
    #[arg(required = true, num_args = 2..=7, value_name = "FILE")]
    pub files: Vec<OsString>,
    /// How to print the changes.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Which changes make the exit status 1.
    #[arg(long, value_enum, value_name = "WHICH", default_value_t = FailOn::Any)]
    pub fail_on: FailOn,
    /// The name to show for standard input (`-`).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
}

/// Output formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// One line per change, coloured on a terminal, then a summary.
    Text,
    /// A table for a pull-request comment.
    Markdown,
    /// One JSON object (its shape is in docs/command-line.md).
    Json,
}

/// Which changes fail the command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Any change in meaning.
    Any,
    /// Only changes that break the live integration.
    Breaking,
}

/// What is printed: both sides, with their errors, and the changes, breaking ones first.
pub(super) struct Report<'a> {
    pub old: &'a Side,
    pub new: &'a Side,
    pub changes: &'a [Change],
}

impl Report<'_> {
    /// How many changes break the live integration.
    pub(super) fn breaking(&self) -> usize {
        self.changes.iter().filter(|change| change.breaking().is_some()).count()
    }
}

/// Compares the two sides and prints the changes; returns the exit code.
pub(super) fn run(args: &DiffArgs) -> u8 {
    let stdin_name = args.stdin_filename.as_deref().unwrap_or("<stdin>");
    match args.files.as_slice() {
        [old, new] => {
            let origins = [Origin::of(old), Origin::of(new)];
            if origins.iter().all(|origin| *origin == Origin::Stdin) {
                output::message(
                    "only one side can be read from standard input (-); give the other as a file or REV:PATH",
                );
                return exit::USAGE;
            }
            let sides = match load_both(&origins, stdin_name) {
                Ok(sides) => sides,
                Err(messages) => {
                    messages.iter().for_each(output::message);
                    return exit::USAGE;
                }
            };
            let changes = print(&sides, args.format, None);
            let failing = match args.fail_on {
                FailOn::Any => changes.len(),
                FailOn::Breaking => changes.iter().filter(|change| change.breaking().is_some()).count(),
            };
            if failing == 0 { exit::SUCCESS } else { exit::INVALID }
        }
        // git's external diff driver: path old-file old-hex old-mode new-file new-hex new-mode.
        [path, old, _, _, new, _, _] => {
            match load_both(&[Origin::from_git(old), Origin::from_git(new)], stdin_name) {
                Ok(mut sides) => {
                    let path = path.to_string_lossy();
                    sides[0].shown = format!("a/{path}");
                    sides[1].shown = format!("b/{path}");
                    print(&sides, args.format, Some(&path));
                }
                Err(messages) => messages.iter().for_each(output::message),
            }
            // git stops the whole diff when a driver fails; what could not be read was said above.
            exit::SUCCESS
        }
        other => {
            output::message(format!(
                "diff takes two manifests, OLD and NEW (or the seven arguments git passes to an external diff driver), not {}; see `integration-wizard diff --help`",
                other.len()
            ));
            exit::USAGE
        }
    }
}

/// Reads and checks both sides at once (each on its own core when there are two).
fn load_both(origins: &[Origin<'_>; 2], stdin_name: &str) -> Result<[Side; 2], Vec<String>> {
    let (old, new) = rayon::join(|| load(&origins[0], stdin_name), || load(&origins[1], stdin_name));
    match (old, new) {
        (Ok(old), Ok(new)) => Ok([old, new]),
        (old, new) => Err([old.err(), new.err()].into_iter().flatten().collect()),
    }
}

/// Prints the changes between the sides in `format` (a git driver names the file in a header);
/// gives the changes.
fn print(sides: &[Side; 2], format: DiffFormat, git_path: Option<&str>) -> Vec<Change> {
    let [old, new] = sides;
    let mut changes = compare(&old.manifest, &new.manifest);
    breaking_first(&mut changes);
    let report = Report { old, new, changes: &changes };
    match format {
        // The text carries the tool's own colours.
        DiffFormat::Text => output::coloured(text::render(&report, git_path)),
        // Markdown and JSON escape what they quote in their own syntax.
        DiffFormat::Markdown => drop(output::document_as_is(markdown::render(&report))),
        DiffFormat::Json => drop(output::document_as_is(json::render(&report))),
    }
    changes
}
