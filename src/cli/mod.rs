//! The command line: argument parsing and the non-interactive commands of SPEC §4.

mod export;
mod files;
mod fmt;
mod report;
mod validate;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit codes shared by every command (SPEC §4).
pub mod exit {
    /// Everything checked out.
    pub const SUCCESS: u8 = 0;
    /// A manifest has errors (or is not formatted, or was refused by export).
    pub const INVALID: u8 = 1;
    /// A usage error, or a path that cannot be read.
    pub const USAGE: u8 = 2;
}

/// Create, check and export Talkdesk integration manifests.
#[derive(Debug, Parser)]
#[command(name = "integration-wizard", version, args_conflicts_with_subcommands = true)]
#[command(
    after_help = "Run without arguments to open the wizard's start screen, or with a FILE to open it in the wizard."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A manifest to open in the wizard; a path that does not exist starts a new manifest saved there.
    pub file: Option<PathBuf>,
    /// Plain questions and answers, one line each, for screen readers and scripts (also when TERM=dumb).
    #[arg(long)]
    pub accessible: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open FILE in the wizard (the same as `integration-wizard FILE`).
    Edit {
        /// The manifest to open, or to create when it does not exist.
        file: PathBuf,
        /// Plain questions and answers, one line each, for screen readers and scripts (also when TERM=dumb).
        #[arg(long)]
        accessible: bool,
    },
    /// Check manifests, and every *.json file under each folder given.
    Validate {
        /// Manifest files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// How to print the findings.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Print the manifest's JSON Schema (draft 2020-12).
    Schema,
    /// Rewrite manifests in the standard layout (the legacy shape is upgraded).
    Fmt {
        /// Manifest files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Only report the files that are not formatted (exit 1 if any).
        #[arg(long)]
        check: bool,
    },
    /// Write Talkdesk's documents: OUT/integration.json and OUT/actions/<name>.json.
    Export {
        /// The manifest to export; it must have no errors.
        file: PathBuf,
        /// The folder to write into (created if needed).
        #[arg(long)]
        out: PathBuf,
        /// Overwrite files in OUT that this command did not write (or that were changed since).
        #[arg(long)]
        force: bool,
    },
}

/// Output formats of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// `path:line:column: error[code] /pointer: message`, then a summary.
    Text,
    /// One JSON object with every file and diagnostic.
    Json,
    /// GitHub Actions workflow commands (`::error file=...`).
    Github,
}

/// Runs a non-interactive command and returns its exit code; `None` means the wizard should open.
pub fn run(command: Command) -> Result<ExitCode, Command> {
    let code = match command {
        Command::Validate { paths, format, deny_warnings } => validate::run(&paths, format, deny_warnings),
        Command::Schema => {
            println!("{}", crate::manifest::write::pretty(&crate::manifest::schema::json_schema()));
            exit::SUCCESS
        }
        Command::Fmt { paths, check } => fmt::run(&paths, check),
        Command::Export { file, out, force } => export::run(&file, &out, force),
        edit @ Command::Edit { .. } => return Err(edit),
    };
    Ok(ExitCode::from(code))
}
