//! The config file (`config.toml` in the platform's config folder): key bindings on the one key table,
//! the theme, and whether the preview starts open. A wrong file is reported with its line and column,
//! and the wizard starts with the defaults.
//!
//! - [`key_names`]: key strings (`"ctrl-s"`) to key presses and back.
//! - [`default_file`]: the commented default file `config --print-default` prints.

pub(crate) mod default_file;
pub(crate) mod key_names;

use super::action::Action;
use super::keys::{Command, KeyPress, KeyTable, Scope};
use super::view::theme::{Role, Theme};
use crate::storage::{FileKind, ReadError};
use indexmap::IndexMap;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;
use serde::Deserialize;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use toml::Spanned;

/// The file's name in the config folder.
pub(crate) const FILE_NAME: &str = "config.toml";

/// What a config file sets: everything the wizard lets an author choose.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Settings {
    /// The key table, with the config file's keys.
    pub keys: KeyTable,
    /// The colours.
    pub theme: Theme,
    /// The JSON preview starts open on terminals narrower than 120 columns.
    pub preview: bool,
}

/// Why a config file was not used: where in it, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    /// Line and column (from 1), when the problem is at a place in the file.
    pub place: Option<(usize, usize)>,
    pub problem: String,
}

impl fmt::Display for ConfigError {
    /// The place first and what to do last, so that a status line cut at its end still names the place.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = crate::escape::line(&shown_path(&self.path)).into_owned();
        // The problem may quote the file (a key, a value), which may hold escape sequences.
        let problem = crate::escape::line(&self.problem);
        match self.place {
            Some((line, column)) => write!(f, "{path}, line {line}, column {column}: {problem}")?,
            None => write!(f, "{path}: {problem}")?,
        }
        write!(f, "; the default settings are used until it is fixed (`integration-wizard config` checks it)")
    }
}

/// The path with the home folder written `~`, shorter on a status line.
fn shown_path(path: &Path) -> String {
    let home = directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf());
    match home.as_deref().and_then(|home| path.strip_prefix(home).ok()) {
        Some(inside) if !inside.as_os_str().is_empty() => format!("~/{}", inside.display()),
        _ => path.display().to_string(),
    }
}

/// Where the config file is read from: `config.toml` in the platform's config folder
/// (`$XDG_CONFIG_HOME/integration-wizard/` or `~/.config/integration-wizard/` on Linux).
pub(crate) fn path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "integration-wizard").map(|dirs| dirs.config_dir().join(FILE_NAME))
}

/// The settings of the config file: the defaults when there is none, and the defaults with the
/// reason when it cannot be used.
pub(crate) fn load() -> (Settings, Option<ConfigError>) {
    let Some(path) = path() else { return (Settings::default(), None) };
    match read(&path) {
        Ok(settings) => (settings.unwrap_or_default(), None),
        Err(error) => (Settings::default(), Some(error)),
    }
}

/// Reads the config file at `path`: `None` when there is none.
pub fn read(path: &Path) -> Result<Option<Settings>, ConfigError> {
    // Whoever may write in the config folder could choose the keys; such a folder is not trusted.
    if let Some(folder) = path.parent().filter(|folder| !folder.as_os_str().is_empty())
        && let Err(problem) = crate::storage::check_private_folder(folder)
    {
        let problem = format!("is not read: its folder {problem}");
        return Err(ConfigError { path: path.to_path_buf(), place: None, problem });
    }
    let text = match crate::storage::read_kind(path, FileKind::Config) {
        Ok(bytes) => bytes,
        Err(ReadError::NotFound) => return Ok(None),
        Err(error) => {
            let problem = format!("cannot be read ({error})");
            return Err(ConfigError { path: path.to_path_buf(), place: None, problem });
        }
    };
    let text = String::from_utf8(text).map_err(|_| ConfigError {
        path: path.to_path_buf(),
        place: None,
        problem: "is not UTF-8 text".into(),
    })?;
    parse(&text).map(Some).map_err(|(span, problem)| ConfigError {
        path: path.to_path_buf(),
        place: span.map(|span| line_and_column(&text, span.start)),
        problem,
    })
}

/// The config file read for the wizard about to start, as the action `App::update` takes.
pub(crate) fn configured() -> Action {
    let (settings, error) = load();
    Action::Configured { settings: Box::new(settings), error: error.map(|error| error.to_string()) }
}

/// A problem and the byte range of the file it is about.
type Problem = (Option<Range<usize>>, String);

/// The file as written, before its names are checked.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    preview: Option<bool>,
    theme: Option<Spanned<ThemeName>>,
    #[serde(default)]
    colors: IndexMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    keys: IndexMap<Spanned<String>, Spanned<KeyList>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum ThemeName {
    Default,
    Monochrome,
}

/// A command's keys: one key string, or a list of them.
#[derive(Debug)]
struct KeyList(Vec<(Option<Range<usize>>, String)>);

impl<'de> Deserialize<'de> for KeyList {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Keys;
        impl<'de> serde::de::Visitor<'de> for Keys {
            type Value = KeyList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key such as \"ctrl-s\", or a list of keys such as [\"k\", \"up\"]")
            }
            fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<KeyList, E> {
                Ok(KeyList(vec![(None, key.to_owned())]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<KeyList, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = seq.next_element::<Spanned<String>>()? {
                    keys.push((Some(key.span()), key.into_inner()));
                }
                Ok(KeyList(keys))
            }
        }
        deserializer.deserialize_any(Keys)
    }
}

/// Reads a config file's text; a problem comes with the place it is about.
pub fn parse_text(text: &str) -> Result<Settings, (Option<(usize, usize)>, String)> {
    parse(text).map_err(|(span, problem)| (span.map(|span| line_and_column(text, span.start)), problem))
}

fn parse(text: &str) -> Result<Settings, Problem> {
    let file: File = toml::from_str(text).map_err(|error| (error.span(), one_line(error.message())))?;
    let mut settings = Settings { preview: file.preview.unwrap_or(false), ..Settings::default() };
    if let Some(theme) = &file.theme
        && *theme.get_ref() == ThemeName::Monochrome
    {
        if let Some((name, _)) = file.colors.first() {
            return Err((
                Some(name.span()),
                "the monochrome theme has no colours: remove [colors], or use theme = \"default\"".into(),
            ));
        }
        settings.theme = Theme::monochrome();
    }
    for (name, value) in &file.colors {
        let Some(role) = Role::named(name.get_ref()) else {
            let names: Vec<&str> = Role::all().map(Role::name).collect();
            let problem =
                format!("unknown colour role \"{}\" in [colors]; the roles are {}", name.get_ref(), names.join(", "));
            return Err((Some(name.span()), problem));
        };
        settings.theme.colors[role as usize] = Some(color(value)?);
    }
    let mut bound: Vec<(Command, Range<usize>)> = Vec::new();
    for (name, keys) in &file.keys {
        let command = command(name)?;
        let presses = presses(&keys.get_ref().0, keys.span())?;
        let wanted = settings.keys.actions_of(command);
        if !settings.keys.rebind(command, &presses) {
            let problem = format!(
                "{} takes {wanted} keys, one for each of its actions in the order of its default keys {}; repeat the round to give each action more keys",
                command.name(),
                default_file::default_keys(command).unwrap_or_default()
            );
            return Err((Some(keys.span()), problem));
        }
        bound.push((command, name.span()));
    }
    check_keys(&settings.keys, &bound)?;
    Ok(settings)
}

fn color(value: &Spanned<String>) -> Result<Color, Problem> {
    let text = value.get_ref();
    let valid = text.starts_with('#') && text.len() == 7 || text.chars().all(|c| c.is_ascii_alphabetic() || c == ' ');
    match Color::from_str(text) {
        Ok(color) if valid => Ok(color),
        _ => Err((
            Some(value.span()),
            format!("\"{text}\" is not a colour; write a name (red, lightblue, darkgray, white…) or \"#rrggbb\""),
        )),
    }
}

fn command(name: &Spanned<String>) -> Result<Command, Problem> {
    Command::named(name.get_ref()).ok_or_else(|| {
        let nearest = Command::all()
            .map(|command| (strsim::jaro(name.get_ref(), command.name()), command.name()))
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .filter(|(score, _)| *score > 0.8)
            .map(|(_, nearest)| format!(" (did you mean \"{nearest}\"?)"))
            .unwrap_or_default();
        (Some(name.span()), format!("unknown command \"{}\" in [keys]{nearest}", name.get_ref()))
    })
}

fn presses(keys: &[(Option<Range<usize>>, String)], whole: Range<usize>) -> Result<Vec<KeyPress>, Problem> {
    if keys.is_empty() {
        return Err((Some(whole), "no key given: give at least one, such as \"ctrl-s\"".into()));
    }
    keys.iter()
        .map(|(span, text)| {
            key_names::parse_key(text).ok_or_else(|| {
                let span = span.clone().unwrap_or_else(|| whole.clone());
                (Some(span), format!("\"{text}\" is not a key; write one such as {}", key_names::KEY_EXAMPLES))
            })
        })
        .collect()
}

/// Refuses a table where two commands share a key while both work, or where a command that works while
/// text is typed takes a plain character (that character could not be typed any more).
fn check_keys(table: &KeyTable, bound: &[(Command, Range<usize>)]) -> Result<(), Problem> {
    // The place of the file to point at: the entry of the command set last.
    let place = |commands: &[Command]| {
        bound.iter().rev().find(|(command, _)| commands.contains(command)).map(|(_, span)| span.clone())
    };
    for binding in table.bindings.iter().filter(|binding| binding.scope.types_text()) {
        if let Some((press, _)) = binding.keys.iter().find(|(press, _)| types_a_character(*press)) {
            let problem = format!(
                "{} also works while text is typed, so \"{}\" could not be typed any more: give it a key with ctrl- or alt-, or a function key",
                binding.command.name(),
                key_names::key_name(*press)
            );
            return Err((place(&[binding.command]), problem));
        }
    }
    for scopes in Scope::TOGETHER {
        let mut seen: Vec<(KeyPress, Command)> = Vec::new();
        for binding in scopes.iter().flat_map(|scope| table.bindings.iter().filter(move |b| b.scope == *scope)) {
            for (press, _) in &binding.keys {
                if let Some((_, other)) = seen.iter().find(|(known, other)| known == press && *other != binding.command)
                {
                    let problem = format!(
                        "\"{}\" is the key of both {} and {}, which work at the same time: give one of them another key",
                        key_names::key_name(*press),
                        other.name(),
                        binding.command.name()
                    );
                    return Err((place(&[*other, binding.command]), problem));
                }
                seen.push((*press, binding.command));
            }
        }
    }
    Ok(())
}

fn types_a_character(press: KeyPress) -> bool {
    use ratatui::crossterm::event::KeyModifiers;
    matches!(press.code, KeyCode::Char(_)) && !press.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

/// The line and column (from 1, in characters) of byte `at` of `text`.
fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// toml's message, which may take several lines, on one.
fn one_line(message: &str) -> String {
    message.lines().map(str::trim).filter(|line| !line.is_empty()).collect::<Vec<_>>().join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_table_has_no_clash() {
        assert_eq!(check_keys(&KeyTable::default(), &[]), Ok(()));
    }

    #[test]
    fn every_command_has_a_unique_name_that_reads_back() {
        let names: Vec<&str> = Command::all().map(Command::name).collect();
        let mut unique = names.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "{names:?}");
        for command in Command::all() {
            assert_eq!(Command::named(command.name()), Some(command));
            assert!(command.name().chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{}", command.name());
        }
        assert_eq!(Command::WriteTicket.name(), "write_ticket");
    }

    #[test]
    fn places_are_counted_in_lines_and_characters() {
        assert_eq!(line_and_column("a = 1\nbé = x", 10), (2, 4));
        assert_eq!(line_and_column("x", 0), (1, 1));
    }
}
