//! The ignore rules of a folder walk, read by the tool itself through the bounded reader and built
//! into matchers with the `ignore` crate's `GitignoreBuilder`: the walker is told to read no ignore
//! file of its own. Each file is opened once and its lines come from that one read, so a FIFO, a
//! link to `/dev/zero` or a file swapped between a check and a read can neither hang the walk nor
//! exhaust memory. A folder whose ignore file is not a regular file within the limit is not walked,
//! and says why; so is a walk whose global excludes file (git's `core.excludesFile`) is unsafe.
//!
//! The rules are those ripgrep applies: in each folder `.ignore` before `.gitignore` before
//! `.git/info/exclude`, a deeper folder before the ones above it (up to the file system's root),
//! then the global excludes file.

use crate::storage::{FileKind, ReadError, read_kind};
use ignore::Match;
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError, RwLock};

/// The ignore files of a folder, most important first.
const IGNORE_FILES: [&str; 3] = [".ignore", ".gitignore", ".git/info/exclude"];

/// An ignore file that must not be read, and the message that says why and what to do.
pub(super) type Refusal = (PathBuf, String);

/// The matchers of one folder's ignore files, most important first.
type FolderRules = Arc<Vec<Gitignore>>;

/// Every ignore rule a walk of one root applies.
pub(super) struct IgnoreRules {
    /// The root as the walk names it (entries' paths start with it).
    root: PathBuf,
    /// The rules of the root and of the folders under it the walk entered, by the walk's path.
    folders: RwLock<HashMap<PathBuf, FolderRules>>,
    /// The rules of the folders above the root, nearest first, with the root made absolute.
    above: Vec<FolderRules>,
    absolute_root: PathBuf,
    /// The global excludes file's rules.
    global: Option<Gitignore>,
}

impl IgnoreRules {
    /// Reads the ignore files of `root`, of every folder above it and the global excludes file.
    pub(super) fn for_walk(root: &Path) -> Result<IgnoreRules, Refusal> {
        let absolute_root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
        let above = absolute_root.ancestors().skip(1).map(folder_rules).collect::<Result<Vec<_>, _>>()?;
        let mut folders = HashMap::new();
        folders.insert(root.to_path_buf(), folder_rules(root)?);
        Ok(IgnoreRules {
            root: root.to_path_buf(),
            folders: RwLock::new(folders),
            above,
            absolute_root,
            global: global_rules()?,
        })
    }

    /// Reads the ignore files of `folder`, which the walk is about to enter.
    pub(super) fn enter(&self, folder: &Path) -> Result<(), Refusal> {
        let rules = folder_rules(folder)?;
        self.folders.write().unwrap_or_else(PoisonError::into_inner).insert(folder.to_path_buf(), rules);
        Ok(())
    }

    /// True when the rules of the folders holding `path` (deepest first), then the global ones, ignore it.
    pub(super) fn ignores(&self, path: &Path, is_dir: bool) -> bool {
        // Some(true) when the first rule that speaks of `path` ignores it, Some(false) when it allows it.
        let decided = |rules: &[Gitignore], path: &Path| {
            rules
                .iter()
                .map(|rules| rules.matched(path, is_dir))
                .find(|found| !found.is_none())
                .map(|found| found.is_ignore())
        };
        {
            let folders = self.folders.read().unwrap_or_else(PoisonError::into_inner);
            for folder in path.ancestors().skip(1) {
                if let Some(ignored) = folders.get(folder).and_then(|rules| decided(rules, path)) {
                    return ignored;
                }
                if folder == self.root {
                    break;
                }
            }
        }
        let absolute =
            path.strip_prefix(&self.root).map_or_else(|_| path.to_path_buf(), |rest| self.absolute_root.join(rest));
        if let Some(ignored) = self.above.iter().find_map(|rules| decided(rules, &absolute)) {
            return ignored;
        }
        self.global.as_ref().is_some_and(|global| matches!(global.matched(path, is_dir), Match::Ignore(_)))
    }
}

/// The rules of `folder`'s ignore files; git's exclude file counts where `.git` is a folder.
fn folder_rules(folder: &Path) -> Result<FolderRules, Refusal> {
    let mut rules = Vec::new();
    for name in IGNORE_FILES {
        if name.starts_with(".git/") && !folder.join(".git").is_dir() {
            continue;
        }
        let path = folder.join(name);
        let Some(text) = read_ignore_file(&path, FileKind::IgnoreFile).map_err(|error| {
            let reason = format!(
                "{error}; the folder {} was not walked, since its ignore file cannot be read safely: \
                 remove the file, or run with --no-ignore",
                folder.display()
            );
            (path.clone(), reason)
        })?
        else {
            continue;
        };
        rules.push(matcher(folder, &path, &text));
    }
    Ok(Arc::new(rules))
}

/// The rules of git's global excludes file (`core.excludesFile`, by default `git/ignore` in the
/// config folder), if there is one.
fn global_rules() -> Result<Option<Gitignore>, Refusal> {
    let Some(path) = global_excludes_path()? else { return Ok(None) };
    let refused = |error: ReadError| {
        let reason = format!(
            "{error}; no folder was walked, since git's global excludes file (core.excludesFile) cannot be \
             read safely: fix or remove it, or run with --no-ignore"
        );
        (path.clone(), reason)
    };
    let Some(text) = read_ignore_file(&path, FileKind::IgnoreFile).map_err(refused)? else { return Ok(None) };
    Ok(Some(matcher(Path::new(""), &path, &text)))
}

/// Where git's global excludes file is: `core.excludesFile` of git's user config files (the later
/// one wins, as in git), else `$XDG_CONFIG_HOME/git/ignore` (`~/.config/git/ignore`).
fn global_excludes_path() -> Result<Option<PathBuf>, Refusal> {
    let home = std::env::var_os("HOME").filter(|home| !home.is_empty()).map(PathBuf::from);
    let config_home = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|folder| !folder.is_empty())
        .map(PathBuf::from)
        .or_else(|| home.as_ref().map(|home| home.join(".config")));
    let configs = [
        config_home.as_ref().map(|folder| folder.join("git/config")),
        home.as_ref().map(|home| home.join(".gitconfig")),
    ];
    let mut excludes = None;
    for config in configs.into_iter().flatten() {
        let text = read_ignore_file(&config, FileKind::GitConfig).map_err(|error| {
            let reason = format!(
                "{error}; no folder was walked, since git's config file cannot be read safely to find \
                 core.excludesFile: fix or remove it, or run with --no-ignore"
            );
            (config.clone(), reason)
        })?;
        if let Some(found) = text.as_deref().and_then(excludes_file) {
            excludes = Some(match (found.strip_prefix("~/"), &home) {
                (Some(rest), Some(home)) => home.join(rest),
                _ => PathBuf::from(found),
            });
        }
    }
    Ok(excludes.or_else(|| config_home.map(|folder| folder.join("git/ignore"))))
}

/// The value of `excludesFile` in the `[core]` section of a git config file's text.
fn excludes_file(text: &str) -> Option<String> {
    let mut in_core = false;
    let mut found = None;
    for line in text.lines().map(str::trim) {
        if let Some(section) = line.strip_prefix('[') {
            let name = section.split([']', ' ', '"']).next().unwrap_or_default();
            in_core = name.eq_ignore_ascii_case("core");
            continue;
        }
        let Some((key, value)) = line.split_once('=') else { continue };
        if in_core && key.trim().eq_ignore_ascii_case("excludesfile") {
            let value = value.split([';', '#']).next().unwrap_or_default().trim().trim_matches('"');
            found = Some(value.to_owned()).filter(|value| !value.is_empty());
        }
    }
    found
}

/// The text of an ignore or config file read once through the bounded reader; `None` when there is none.
fn read_ignore_file(path: &Path, kind: FileKind) -> Result<Option<String>, ReadError> {
    match read_kind(path, kind) {
        Ok(bytes) => Ok(Some(String::from_utf8_lossy(&bytes).into_owned())),
        Err(ReadError::NotFound) => Ok(None),
        Err(error) => Err(error),
    }
}

/// The matcher of one ignore file's lines, relative to `folder`. A line that is not a valid glob
/// is left out, as git leaves it out.
fn matcher(folder: &Path, path: &Path, text: &str) -> Gitignore {
    let mut builder = GitignoreBuilder::new(folder);
    for line in text.lines() {
        let _ = builder.add_line(Some(path.to_path_buf()), line);
    }
    builder.build().unwrap_or_else(|_| Gitignore::empty())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn an_ignore_file_that_is_a_device_or_too_large_is_refused_without_reading_it() {
        let folder = tempfile::tempdir().expect("temp dir");
        assert!(folder_rules(folder.path()).expect("no ignore file at all").is_empty());
        std::fs::write(folder.path().join(".gitignore"), "*.tmp\n").expect("write");
        assert_eq!(folder_rules(folder.path()).expect("a small regular file").len(), 1);
        std::os::unix::fs::symlink("/dev/zero", folder.path().join(".ignore")).expect("link");
        let (path, reason) = folder_rules(folder.path()).expect_err("a device");
        assert!(path.ends_with(".ignore") && reason.contains("character device"), "{reason}");
        assert!(reason.contains("--no-ignore"), "{reason}");
        std::fs::remove_file(folder.path().join(".ignore")).expect("remove");
        let big = std::fs::File::create(folder.path().join(".gitignore")).expect("create");
        big.set_len(FileKind::IgnoreFile.limit() + 1).expect("a sparse file");
        let (_, reason) = folder_rules(folder.path()).expect_err("too large");
        assert!(reason.contains("larger than"), "{reason}");
    }

    #[test]
    fn deeper_rules_and_ignore_files_come_first() {
        let root = tempfile::tempdir().expect("temp dir");
        let sub = root.path().join("sub");
        std::fs::create_dir(&sub).expect("folder");
        std::fs::write(root.path().join(".gitignore"), "*.json\n").expect("write");
        std::fs::write(sub.join(".gitignore"), "!keep.json\n").expect("write");
        std::fs::write(root.path().join(".ignore"), "!top.json\n").expect("write");
        let rules = IgnoreRules::for_walk(root.path()).expect("rules");
        rules.enter(&sub).expect("sub's rules");
        assert!(rules.ignores(&root.path().join("a.json"), false));
        assert!(!rules.ignores(&root.path().join("top.json"), false), ".ignore before .gitignore");
        assert!(rules.ignores(&sub.join("b.json"), false), "a parent's rule reaches down");
        assert!(!rules.ignores(&sub.join("keep.json"), false), "a deeper rule wins");
    }

    #[test]
    fn the_global_excludes_file_is_named_in_gits_core_section() {
        let config =
            "[user]\n\texcludesFile = no\n[core \"x\"]\n[Core]\n\tExcludesFile = \"~/.global-ignore\" ; note\n";
        assert_eq!(excludes_file(config).as_deref(), Some("~/.global-ignore"));
        assert_eq!(excludes_file("[core]\n\teditor = vi\n"), None);
    }
}
