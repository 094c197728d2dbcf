//! The `integration-wizard` binary: parses the command line and runs a command or the wizard.

use integration_wizard::cli::{self, Outcome};
use std::process::ExitCode;

fn main() -> ExitCode {
    cli::end_quietly_on_closed_output();
    // A shell asking for completions gets them and nothing else runs.
    cli::complete_if_asked();
    let args = cli::parse();
    let command = match (args.command, args.file) {
        (Some(command), _) => command,
        (None, file) => {
            return wizard(file, args.accessible);
        }
    };
    match cli::run(command) {
        Outcome::Done(code) => code,
        Outcome::OpenWizard { file, accessible } => wizard(Some(file), accessible),
    }
}

fn wizard(file: Option<std::path::PathBuf>, accessible: bool) -> ExitCode {
    if integration_wizard::line_mode::wanted(accessible) {
        return integration_wizard::line_mode::run(file);
    }
    integration_wizard::wizard::run(file)
}
