//! The command line: argument parsing and the non-interactive commands of SPEC §4.

mod args;
pub(crate) mod closed_output;
mod config;
mod diff;
mod explain;
mod export;
pub(crate) mod files;
mod fmt;
mod generate;
mod ignore_files;
pub(crate) mod probe;
mod prompt;
mod report;
mod sarif;
mod ticket;
mod unified_diff;
mod valid;
pub(crate) mod validate;

pub use closed_output::end_quietly_on_closed_output;
pub use generate::complete_if_asked;

use clap::{Parser, Subcommand, ValueEnum};
use clap_complete::engine::ArgValueCandidates;
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
    /// `probe`: the bridge refused the credentials given, and no endpoint broke a contract.
    pub const REFUSED: u8 = 3;
}

/// Create, check and export Talkdesk integration manifests.
#[derive(Debug, Parser)]
#[command(name = "integration-wizard", version, args_conflicts_with_subcommands = true)]
#[command(
    after_help = "Run without arguments to open the wizard's start screen, or with a FILE to open it in the wizard."
)]
pub struct Cli {
    #[command(subcommand)]
    /// The command to run; none opens the wizard.
    pub command: Option<Command>,
    /// A manifest to open in the wizard; a path that does not exist starts a new manifest saved there.
    pub file: Option<PathBuf>,
    /// When to colour the output.
    #[arg(long, value_enum, global = true, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Plain questions and answers, one line each, for screen readers and scripts (also when TERM=dumb).
    #[arg(long)]
    pub accessible: bool,
}

#[derive(Debug, Subcommand)]
/// The commands.
pub enum Command {
    /// Open FILE in the wizard (the same as `integration-wizard FILE`).
    Edit {
        /// The manifest to open, or to create when it does not exist.
        file: PathBuf,
        /// Plain questions and answers, one line each, for screen readers and scripts (also when TERM=dumb).
        #[arg(long)]
        accessible: bool,
    },
    /// Check manifests: files, the manifests under each folder given, or `-` for standard input.
    Validate {
        /// Manifest files, folders, or `-` for standard input.
        #[arg(required_unless_present = "explain")]
        paths: Vec<PathBuf>,
        /// How to print the findings.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// Print only errors (and denied warnings) and the summary.
        #[arg(long, short)]
        quiet: bool,
        /// Explain a code: what it checks, why, how to fix it (without CODE: list every code).
        #[arg(
            long,
            value_name = "CODE",
            num_args = 0..=1,
            default_missing_value = "",
            conflicts_with = "paths",
            add = ArgValueCandidates::new(explain::candidates)
        )]
        explain: Option<String>,
        #[command(flatten)]
        /// Which files under a folder are read.
        inputs: files::Inputs,
    },
    /// Print the manifest's JSON Schema (draft 2020-12).
    Schema,
    /// Rewrite manifests in the standard layout (the legacy shape is upgraded).
    Fmt {
        /// Manifest files, folders, or `-` to format standard input to standard output.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write nothing; print what would change as a unified diff and exit 1 if anything would.
        #[arg(long, conflicts_with = "diff")]
        check: bool,
        /// Write nothing; print what would change as a unified diff.
        #[arg(long)]
        diff: bool,
        #[command(flatten)]
        /// Which files under a folder are read.
        inputs: files::Inputs,
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
    /// Write the document to attach to Talkdesk's "Activate Custom Integration" ticket.
    Ticket {
        /// The manifest; it must have no errors.
        file: PathBuf,
        /// The document to write: .md (Markdown), .xlsx (spreadsheet) or .html; - prints Markdown.
        #[arg(short, long)]
        out: PathBuf,
        /// Replace OUT if it exists.
        #[arg(long)]
        force: bool,
        /// Write the "Update Custom Integration" document: the changes since OLD (the version
        /// Talkdesk activated: a file, - or REV:PATH), then the full tables.
        #[arg(long, value_name = "OLD")]
        since: Option<std::ffi::OsString>,
    },
    /// Compare two manifests by meaning: what changed, and what breaks the live integration.
    Diff(Box<diff::DiffArgs>),
    /// Print the script that makes a shell complete commands, options, their values and paths (see `docs/command-line.md`).
    Completions {
        /// The shell to complete in.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `integration-wizard man > integration-wizard.1; man -l integration-wizard.1`.
    Man {
        /// The page of one command (e.g. `validate`, the page integration-wizard-validate(1)).
        #[arg(add = ArgValueCandidates::new(generate::command_candidates))]
        command: Option<String>,
    },
    /// Check the wizard's config file (key bindings, theme, preview), or print its path or a commented default.
    Config {
        /// Print a commented config file with every default setting (save it as the config file to change it).
        #[arg(long, conflicts_with = "path")]
        print_default: bool,
        /// Print where the config file is read from.
        #[arg(long)]
        path: bool,
    },
    /// Call the bridge's endpoints as Talkdesk does and check every answer against Talkdesk's contracts.
    Probe(Box<probe::ProbeArgs>),
    /// Run the language server on standard input and output: the rules, help and quick fixes in an editor.
    Lsp,
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
    /// SARIF 2.1.0, for GitHub code scanning and editors.
    Sarif,
}

/// When the text output is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set; `CLICOLOR_FORCE` forces it.
    Auto,
    /// Always, even through a pipe.
    Always,
    /// Never.
    Never,
}

/// Parses the command line (a misspelt subcommand gets clap's "did you mean") and applies `--color`.
pub fn parse() -> Cli {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if let Some(error) = args::misspelt_subcommand(&args) {
        error.exit();
    }
    let cli = Cli::parse_from(args::color_after_subcommand(args));
    let choice = match cli.color {
        // anstream reads NO_COLOR, CLICOLOR_FORCE and whether the stream is a terminal.
        ColorChoice::Auto => anstream::ColorChoice::Auto,
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
    cli
}

/// What a command leaves to the binary once it has run.
#[derive(Debug)]
pub enum Outcome {
    /// The command ran: the process ends with this code.
    Done(ExitCode),
    /// `edit`: the wizard opens on `file` (in line mode when `accessible`).
    OpenWizard {
        /// The manifest to open, or to create.
        file: PathBuf,
        /// The line mode was asked for.
        accessible: bool,
    },
}

/// Runs a non-interactive command; `edit` is left to the binary, which opens the wizard.
pub fn run(command: Command) -> Outcome {
    let code = match command {
        Command::Validate { explain: Some(code), .. } => explain::run(&code),
        Command::Validate { paths, format, deny_warnings, quiet, explain: None, inputs } => {
            validate::run(&paths, report::Settings { format, deny_warnings, quiet }, &inputs)
        }
        Command::Schema => {
            let _ = crate::output::document_as_is(format!(
                "{}\n",
                crate::manifest::write::pretty(&crate::manifest::schema::json_schema())
            ));
            exit::SUCCESS
        }
        Command::Fmt { paths, check, diff, inputs } => fmt::run(&paths, fmt::Mode::new(check, diff), &inputs),
        Command::Export { file, out, force } => export::run(&file, &out, force),
        Command::Ticket { file, out, force, since } => ticket::run(&file, &out, force, since.as_deref()),
        Command::Completions { shell } => generate::completions(shell),
        Command::Man { command } => generate::man(command.as_deref()),
        Command::Probe(args) => probe::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Config { print_default, path } => config::run(print_default, path),
        Command::Lsp => return Outcome::Done(crate::lsp::run()),
        Command::Edit { file, accessible } => return Outcome::OpenWizard { file, accessible },
    };
    Outcome::Done(ExitCode::from(code))
}
