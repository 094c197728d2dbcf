//! The commented default config file (`integration-wizard config --print-default`): every setting at its
//! default, made from the key table and the theme themselves, so it reads back to exactly the defaults.

use super::key_names::{KEY_HELP, key_name};
use crate::wizard::keys::{Command, KeyPress, KeyTable, Scope};
use crate::wizard::view::theme::Role;
use std::fmt::Write;
use std::path::Path;

/// The default file, saying in its header where the wizard reads it (`path`, when the platform has a config folder).
pub fn default_file(path: Option<&Path>) -> String {
    let mut file = String::from("# integration-wizard settings. Every setting below is the default one.\n");
    match path {
        Some(path) => {
            let path = crate::escape::line(&path.display().to_string()).into_owned();
            let _ = writeln!(file, "# The wizard reads them from {path} when it starts.");
        }
        None => file.push_str("# This system has no config folder for the wizard to read them from.\n"),
    }
    file.push_str(
        "# Keep only what you change. A wrong file is reported with its line, and the defaults are used.\n\n\
         # Whether the JSON preview starts open on terminals narrower than 120 columns (p shows or hides it).\n\
         preview = false\n\n\
         # \"default\" (colours) or \"monochrome\" (no colour: bold, reverse video and underline only).\n\
         # NO_COLOR set in the environment always turns colours off.\n\
         theme = \"default\"\n\n\
         # The colour of each part of the screen: a name (black, red, green, yellow, blue, magenta, cyan, gray,\n\
         # darkgray, lightred, lightgreen, lightyellow, lightblue, lightmagenta, lightcyan, white) or \"#rrggbb\".\n\
         [colors]\n",
    );
    for role in Role::all() {
        let _ = match role.default_color() {
            Some(color) => writeln!(file, "# {} = \"{}\"  # {}", role.name(), color_name(color), role.what()),
            None => writeln!(file, "# {}: {}, no colour by default", role.name(), role.what()),
        };
    }
    let _ = write!(
        file,
        "\n# Keys: each command with its key or list of keys. A key is {KEY_HELP}.\n\
         # A command with several actions takes one key per action, in the order given here (move: up, then down);\n\
         # repeat the round to give each action more keys. Two commands that work at the same time cannot share a key,\n\
         # and a command that works while you type takes no plain character.\n\
         [keys]\n"
    );
    let table = KeyTable::default();
    for command in Command::all() {
        let Some(binding) = table.bindings.iter().find(|binding| binding.command == command) else { continue };
        let keys = default_keys(command).unwrap_or_default();
        if binding.keys.is_empty() {
            // A command without a key of its own (typing on a field) is described, not bound.
            let _ = writeln!(file, "# {}: {}", command.name(), what(command, binding.scope));
            continue;
        }
        let places: Vec<_> = table
            .bindings
            .iter()
            .filter(|other| other.command == command && other.scope != Scope::Field && !other.keys.is_empty())
            .map(|other| distinct(other.keys.iter().map(|(press, _)| *press)))
            .collect();
        if places.iter().any(|keys| keys.iter().any(|press| !places[0].contains(press))) {
            // Different keys in different places (Delete in lists, x on a page): one line cannot say both,
            // and a key given here replaces them all, so the default is shown, not set.
            let _ = writeln!(
                file,
                "# {}; by default it has other keys in different places\n# {} = {keys}",
                what(command, binding.scope),
                command.name()
            );
            continue;
        }
        let _ = writeln!(file, "# {}\n{} = {keys}", what(command, binding.scope), command.name());
    }
    file
}

/// The command's default keys as the file writes them (`["up", "down"]`), if it has any.
pub(crate) fn default_keys(command: Command) -> Option<String> {
    let table = KeyTable::default();
    let binding = table.bindings.iter().find(|binding| binding.command == command)?;
    let keys: Vec<String> = distinct(binding.keys.iter().map(|(press, _)| *press))
        .into_iter()
        .map(|press| toml::Value::String(key_name(press)).to_string())
        .collect();
    Some(format!("[{}]", keys.join(", ")))
}

/// Each press once, in order.
fn distinct(presses: impl Iterator<Item = KeyPress>) -> Vec<KeyPress> {
    let mut distinct = Vec::new();
    for press in presses {
        if !distinct.contains(&press) {
            distinct.push(press);
        }
    }
    distinct
}

/// What a command does, for its comment.
fn what(command: Command, scope: Scope) -> String {
    let described = command.describe();
    if !described.help.is_empty() {
        return described.help.to_owned();
    }
    if let Some(other) = described.shown_with {
        return format!("with {}: {}", other.name(), other.describe().help);
    }
    let question = match scope {
        Scope::ConfirmQuit => "the quit question (unsaved changes)",
        Scope::DiskChanged => "the question when the file changed on disk",
        _ => "a yes / no question",
    };
    format!("an answer to {question}")
}

/// A colour's name as the config file reads it.
fn color_name(color: ratatui::style::Color) -> String {
    color.to_string().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_file_reads_back_to_exactly_the_defaults() {
        let file = default_file(Some(Path::new("config.toml")));
        assert_eq!(super::super::parse_text(&file), Ok(super::super::Settings::default()));
    }
}
