//! What the command line says about itself: shell completions and the manual page.

use super::{Cli, exit};
use clap::CommandFactory;
use std::io::Write;

/// Prints the completion script for `shell`.
pub(super) fn completions(shell: clap_complete::Shell) -> u8 {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, env!("CARGO_PKG_NAME"), &mut script);
    print_bytes(&script)
}

/// Prints the manual page in roff (`man -l` shows it): the program's, or that of one `command`,
/// which the program's page lists as `integration-wizard-COMMAND(1)`.
pub(super) fn man(command: Option<&str>) -> u8 {
    let mut program = Cli::command().disable_help_subcommand(true);
    // Building gives each subcommand its full name (integration-wizard-validate) for its page.
    program.build();
    let page_of = match command {
        None => program,
        Some(name) => match program.find_subcommand(name) {
            Some(subcommand) => subcommand.clone(),
            None => {
                let names: Vec<&str> = program.get_subcommands().map(clap::Command::get_name).collect();
                eprintln!(
                    "there is no command \"{}\"; the manual has a page for each of: {}",
                    crate::text::escaped(name),
                    names.join(", ")
                );
                return exit::USAGE;
            }
        },
    };
    let mut page = Vec::new();
    let source = format!("{} {}", env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"));
    if let Err(error) = clap_mangen::Man::new(page_of).source(source).render(&mut page) {
        eprintln!("cannot write the manual page: {error}");
        return exit::USAGE;
    }
    page.extend_from_slice(exit_status(command).as_bytes());
    if command.is_none() {
        page.extend_from_slice(ENVIRONMENT.as_bytes());
    }
    print_bytes(&page)
}

/// The EXIT STATUS section of a page, in roff: what each code means for that command.
fn exit_status(command: Option<&str>) -> String {
    let one = match command {
        Some("probe") => "an endpoint broke its contract or could not be reached, or the credentials were refused",
        Some("validate") => "a manifest has errors (or warnings, with \\-\\-deny\\-warnings)",
        Some("fmt") => "a file would change (with \\-\\-check)",
        Some("export" | "ticket") => "the manifest has errors, or the output exists (ticket without \\-\\-force)",
        Some("config") => "the config file has a mistake",
        _ => "a command found problems (see each command's page)",
    };
    let usage = if command.is_none() {
        "a usage error, a file that cannot be read, or the wizard's input ended before a save (the line mode)"
    } else {
        "a usage error, or a file that cannot be read"
    };
    format!(".SH \"EXIT STATUS\"\n.TP\n0\nsuccess\n.TP\n1\n{one}\n.TP\n2\n{usage}\n")
}

/// The ENVIRONMENT section of the program's page, in roff.
const ENVIRONMENT: &str = ".SH ENVIRONMENT
.TP
INTEGRATION_WIZARD_DATA_DIR
where drafts of unsaved work and the recent files are kept (default: the platform's data folder)
.TP
VISUAL, EDITOR
the editor Ctrl\\-E opens on the focused text (default: vi)
.TP
NO_COLOR, CLICOLOR_FORCE
no colour at all; colour even through a pipe
.TP
TERM
dumb starts the accessible line mode
.TP
INTEGRATION_WIZARD_AUTH_<FIELD>
a credential for probe, by authentication field name in capitals (e.g. INTEGRATION_WIZARD_AUTH_TOKEN), kept out of the shell's history
";

fn print_bytes(bytes: &[u8]) -> u8 {
    // A closed pipe (e.g. `| head`) is not an error worth a message.
    let _ = std::io::stdout().lock().write_all(bytes);
    exit::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completions_and_the_manual_name_every_subcommand() {
        let mut command = Cli::command();
        let mut script = Vec::new();
        clap_complete::generate(clap_complete::Shell::Bash, &mut command, "integration-wizard", &mut script);
        let script = String::from_utf8(script).expect("utf-8");
        let mut page = Vec::new();
        clap_mangen::Man::new(Cli::command()).render(&mut page).expect("renders");
        let page = String::from_utf8(page).expect("utf-8");
        assert!(page.starts_with(".ie") || page.contains(".TH"), "{page}");
        for name in ["validate", "fmt", "export", "schema", "completions", "man"] {
            assert!(script.contains(name), "completion lacks {name}");
            assert!(page.contains(name), "manual lacks {name}");
        }
    }

    #[test]
    fn every_page_says_its_exit_status_and_the_programs_page_its_environment() {
        let probe = exit_status(Some("probe"));
        assert!(probe.starts_with(".SH \"EXIT STATUS\"\n") && probe.contains("could not be reached"), "{probe}");
        assert!(exit_status(None).contains("input ended"));
        for variable in ["INTEGRATION_WIZARD_DATA_DIR", "VISUAL", "NO_COLOR", "TERM", "INTEGRATION_WIZARD_AUTH_"] {
            assert!(ENVIRONMENT.contains(variable), "{variable}");
        }
    }
}
