//! Reading the command line where clap alone cannot: "did you mean" for a misspelt subcommand,
//! and `--color` before a subcommand.

use super::Cli;
use clap::CommandFactory;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::ffi::OsString;
use std::path::Path;

/// clap's "unrecognized subcommand" error with its "did you mean" tip, when the first argument
/// is close to a subcommand's name and is not an existing path.
///
/// The wizard takes an optional FILE at the top level, so clap reads `valdate x.json` as the
/// file `valdate` followed by a stray argument; this check gives the typo the answer it deserves.
pub(super) fn misspelt_subcommand(args: &[OsString]) -> Option<clap::Error> {
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

/// The index of the first argument that is neither an option nor the value of `--color`.
fn first_positional_index(args: &[OsString]) -> Option<usize> {
    let mut index = 1;
    while let Some(arg) = args.get(index).map(|arg| arg.to_string_lossy()) {
        if arg == "--color" {
            index += 1;
        } else if arg == "--" {
            return None;
        } else if !arg.starts_with('-') {
            return Some(index);
        }
        index += 1;
    }
    None
}

/// The first argument that is neither an option nor the value of `--color`.
fn first_positional(args: &[OsString]) -> Option<String> {
    first_positional_index(args).map(|index| args[index].to_string_lossy().into_owned())
}

/// The arguments with a `--color` given before a subcommand moved after it.
///
/// The wizard's FILE makes clap refuse options before a subcommand (`--color never validate x`
/// would read `validate` as the wizard's file); `--color` is meant for every command, so it may
/// stand on either side.
pub(super) fn color_after_subcommand(mut args: Vec<OsString>) -> Vec<OsString> {
    let Some(at) = first_positional_index(&args) else { return args };
    let is_subcommand = Cli::command().get_subcommands().any(|command| args[at] == command.get_name());
    if !is_subcommand {
        return args;
    }
    let mut before = Vec::new();
    let mut index = 1;
    while index < at {
        let arg = args[index].to_string_lossy();
        if arg == "--color" {
            before.extend(args.drain(index..(index + 2).min(at)));
            continue;
        } else if arg.starts_with("--color=") {
            before.push(args.remove(index));
            continue;
        }
        index += 1;
    }
    // Everything moved stood before the subcommand.
    let subcommand_at = at - before.len();
    args.splice(subcommand_at + 1..subcommand_at + 1, before);
    args
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
    fn color_before_a_subcommand_moves_after_it() {
        let moved = |list: &[&str]| -> Vec<String> {
            color_after_subcommand(args(list)).iter().skip(1).map(|arg| arg.to_string_lossy().into_owned()).collect()
        };
        assert_eq!(moved(&["--color", "never", "validate", "x.json"]), ["validate", "--color", "never", "x.json"]);
        assert_eq!(moved(&["--color=always", "fmt", "x.json"]), ["fmt", "--color=always", "x.json"]);
        assert_eq!(moved(&["--color", "never", "m.json"]), ["--color", "never", "m.json"], "the wizard's file");
        assert_eq!(moved(&["validate", "--color", "never", "x"]), ["validate", "--color", "never", "x"]);
    }
}
