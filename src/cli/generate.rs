//! What the command line says about itself: shell completions and the manual page.

use super::{Cli, exit};
use clap::CommandFactory;

/// The environment variable through which a shell asks the binary for completions.
const COMPLETE_VAR: &str = "INTEGRATION_WIZARD_COMPLETE";

/// Answers a shell's completion request and exits, when the shell made one (the variable is set);
/// otherwise returns and the program runs as usual.
///
/// Completions are computed by the binary from the same command-line definition that parses the
/// arguments (clap_complete's dynamic engine), so options, their values and paths cannot drift
/// from what the program accepts. clap_complete's static bash script completes only subcommand
/// names for a program whose name has a hyphen (clap issue 6421).
pub fn complete_if_asked() {
    clap_complete::CompleteEnv::with_factory(Cli::command).var(COMPLETE_VAR).complete();
}

/// Prints the script that registers the completions in `shell`; the script asks the installed
/// `integration-wizard` (found on `PATH`) for the candidates at each Tab.
pub(super) fn completions(shell: clap_complete::Shell) -> u8 {
    print_bytes(&registration(shell))
}

/// The registration script for `shell`.
fn registration(shell: clap_complete::Shell) -> Vec<u8> {
    use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};
    let completer: &dyn EnvCompleter = match shell {
        clap_complete::Shell::Bash => &Bash,
        clap_complete::Shell::Elvish => &Elvish,
        clap_complete::Shell::Fish => &Fish,
        clap_complete::Shell::PowerShell => &Powershell,
        // Zsh and any shell clap adds later: zsh's script is the one the match must name.
        _ => &Zsh,
    };
    let name = env!("CARGO_PKG_NAME");
    let mut script = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = completer.write_registration(COMPLETE_VAR, name, name, name, &mut script);
    if shell == clap_complete::Shell::Zsh {
        // Autoloaded from `fpath` as `_integration-wizard`, the file's body runs at the first Tab:
        // it defines the completer, which must then answer that Tab too. Sourced, it only registers.
        script.extend_from_slice(ZSH_AUTOLOAD.as_bytes());
    }
    script
}

/// Makes the zsh script answer the Tab that autoloaded it.
const ZSH_AUTOLOAD: &str = r#"
if [[ "${funcstack[1]}" == _integration-wizard ]]; then
    _clap_dynamic_completer_integration_wizard "$@"
fi
"#;

/// The commands that have a manual page, for the shells' completion of `man COMMAND`.
pub(super) fn command_candidates() -> Vec<clap_complete::CompletionCandidate> {
    Cli::command()
        .get_subcommands()
        .map(|command| clap_complete::CompletionCandidate::new(command.get_name()).help(command.get_about().cloned()))
        .collect()
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
                crate::output::message(format!(
                    "there is no command \"{}\"; the manual has a page for each of: {}",
                    crate::escape::line(name),
                    names.join(", ")
                ));
                return exit::USAGE;
            }
        },
    };
    let mut page = Vec::new();
    let source = format!("{} {}", env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"));
    if let Err(error) = clap_mangen::Man::new(page_of).source(source).render(&mut page) {
        crate::output::message(format!("cannot write the manual page: {error}"));
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
    let _ = crate::output::document_as_is(bytes);
    exit::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shells_script_asks_the_installed_binary_through_the_variable() {
        for shell in [clap_complete::Shell::Bash, clap_complete::Shell::Zsh, clap_complete::Shell::Fish] {
            let script = String::from_utf8(registration(shell)).expect("utf-8");
            assert!(
                script.contains("INTEGRATION_WIZARD_COMPLETE") && script.contains("integration-wizard"),
                "{script}"
            );
        }
        let zsh = String::from_utf8(registration(clap_complete::Shell::Zsh)).expect("utf-8");
        assert!(zsh.starts_with("#compdef integration-wizard") && zsh.contains("funcstack"), "{zsh}");
    }

    #[test]
    fn the_manual_names_every_subcommand() {
        let mut page = Vec::new();
        clap_mangen::Man::new(Cli::command()).render(&mut page).expect("renders");
        let page = String::from_utf8(page).expect("utf-8");
        assert!(page.starts_with(".ie") || page.contains(".TH"), "{page}");
        for name in ["validate", "fmt", "export", "schema", "completions", "man"] {
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
