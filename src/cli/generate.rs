//! What the command line says about itself: shell completions, the manual page, and "did you
//! mean" for a misspelt subcommand.

use super::{Cli, exit};
use clap::CommandFactory;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::ffi::OsString;
use std::io::Write;
use std::path::Path;

/// Prints the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> u8 {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, env!("CARGO_PKG_NAME"), &mut script);
    print_bytes(&script)
}

/// Prints the manual page in roff (`man -l` shows it).
pub fn man() -> u8 {
    let mut page = Vec::new();
    if let Err(error) = clap_mangen::Man::new(Cli::command()).render(&mut page) {
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

/// clap's "unrecognized subcommand" error with its "did you mean" tip, when the first argument
/// is close to a subcommand's name and is not an existing path.
///
/// The wizard takes an optional FILE at the top level, so clap reads `valdate x.json` as the
/// file `valdate` followed by a stray argument; this check gives the typo the answer it deserves.
pub fn misspelt_subcommand(args: &[OsString]) -> Option<clap::Error> {
    let word = first_positional(args)?;
    let command = Cli::command();
    let names: Vec<&str> = command.get_subcommands().map(clap::Command::get_name).collect();
    if names.contains(&word.as_str()) || Path::new(&word).exists() || word.contains(['.', '/', '\\']) {
        return None;
    }
    // The confidence clap itself uses for its suggestions.
    let suggestion = names
        .iter()
        .map(|name| (strsim::jaro(&word, name), *name))
        .filter(|(confidence, _)| *confidence > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))?
        .1
        .to_owned();
    let mut command = command;
    let usage = command.render_usage();
    let mut error = clap::Error::new(ErrorKind::InvalidSubcommand).with_cmd(&command);
    error.insert(ContextKind::InvalidSubcommand, ContextValue::String(word.clone()));
    error.insert(ContextKind::SuggestedSubcommand, ContextValue::Strings(vec![suggestion]));
    error.insert(
        ContextKind::Suggested,
        ContextValue::StyledStrs(vec![
            format!("to open a new manifest named '{word}' in the wizard, use 'integration-wizard edit {word}'").into(),
        ]),
    );
    error.insert(ContextKind::Usage, ContextValue::StyledStr(usage));
    Some(error)
}

/// The first argument that is neither an option nor the value of `--color`.
fn first_positional(args: &[OsString]) -> Option<String> {
    let mut rest = args.iter().skip(1).map(|arg| arg.to_string_lossy());
    while let Some(arg) = rest.next() {
        if arg == "--color" {
            rest.next();
        } else if arg == "--" {
            return None;
        } else if !arg.starts_with('-') {
            return Some(arg.into_owned());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        std::iter::once("integration-wizard").chain(list.iter().copied()).map(OsString::from).collect()
    }

    #[test]
    fn a_near_miss_gets_a_suggestion() {
        let error = misspelt_subcommand(&args(&["valdate", "x.json"])).expect("a suggestion");
        let text = error.to_string();
        assert!(text.contains("unrecognized subcommand 'valdate'"), "{text}");
        assert!(text.contains("'validate'"), "{text}");
        assert_eq!(error.exit_code(), 2);
        assert!(misspelt_subcommand(&args(&["--color", "never", "exprot", "m.json"])).is_some());
    }

    #[test]
    fn files_and_real_subcommands_are_left_alone() {
        for list in [&["validate", "x.json"][..], &["mycrm.json"], &["notes"], &["--", "valdate"], &[]] {
            assert!(misspelt_subcommand(&args(list)).is_none(), "{list:?}");
        }
        let folder = tempfile::tempdir().expect("temp dir");
        let existing = folder.path().join("valdate");
        std::fs::write(&existing, "{}").expect("write");
        let existing = existing.to_string_lossy().into_owned();
        assert!(misspelt_subcommand(&args(&[&existing])).is_none());
    }

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
