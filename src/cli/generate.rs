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
    print_bytes(&page)
}

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
}
