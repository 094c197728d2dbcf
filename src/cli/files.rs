//! Turning the paths given on the command line into the files to work on: folders are walked as
//! ripgrep walks them (ignore files respected, hidden files skipped, links followed), only
//! manifests are kept from a walk, and every file is read through the bounded, regular-file-only reader.

use super::ignore_files::IgnoreRules;
use crate::manifest::sniff::is_manifest;
use crate::storage::{self, ReadError, irregular_kind};
use ignore::overrides::OverrideBuilder;
use ignore::{WalkBuilder, WalkState};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

/// What `validate` and `fmt` take besides their paths.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Inputs {
    /// While walking folders, skip files and folders matching GLOB (gitignore syntax, e.g.
    /// `vendor` or `*.draft.json`); repeatable. Files named on the command line are never skipped.
    #[arg(long = "exclude", value_name = "GLOB")]
    pub excludes: Vec<String>,
    /// While walking folders, do not read .gitignore, .ignore or git's exclude files (hidden files
    /// and folders are still skipped).
    #[arg(long)]
    pub no_ignore: bool,
    /// Succeed when the paths hold no manifest at all (by default that is an error, exit 2: a
    /// check that checked nothing must not pass unnoticed).
    #[arg(long)]
    pub allow_empty: bool,
    /// The name to show for standard input (the path `-`) in messages.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
}

impl Inputs {
    /// How standard input is named in messages.
    pub fn stdin_name(&self) -> &str {
        self.stdin_filename.as_deref().unwrap_or("<stdin>")
    }
}

/// From this size on, a file named on the command line is parsed as it is read, so that its text and
/// its manifest are not both held (for a 16 MB manifest the text is about 40% of the peak memory);
/// a smaller one is read whole, which is as quick and needs no second reading for the positions.
pub(super) const STREAM_FROM: u64 = 1 << 20;

/// A file opened to be read as it goes, within the size the tool reads.
pub(super) type Opened = std::io::Take<std::fs::File>;

/// One file to work on.
#[derive(Debug)]
pub(super) enum Target {
    /// A file named on the command line: always treated as a manifest.
    Named(PathBuf),
    /// A `*.json` file found by walking a folder: used only when it looks like a manifest.
    Found(PathBuf),
    /// Standard input, named on the command line as `-`.
    Stdin,
    /// A path that is refused or cannot be read, with the reason.
    Refused(PathBuf, String),
}

/// A target's content, once read, with which real file it came from (`None` for standard input).
#[derive(Debug)]
pub(super) enum Loaded {
    Manifest(Vec<u8>, Option<Identity>),
    /// A JSON file found by a walk that is not a manifest (`package.json`, a schema...): left alone.
    NotManifest(Option<Identity>),
    Refused(String),
}

/// The real files met so far in a run, so that each is worked on once however many paths or links
/// lead to it. Which file a path is comes from the opened file itself, so a walk costs no extra
/// system call per file for this.
#[derive(Debug, Default)]
pub(super) struct Seen(HashSet<Identity>);

impl Seen {
    /// False when `identity` is a file already met in this run (the caller drops it).
    pub(super) fn first(&mut self, identity: Option<Identity>) -> bool {
        identity.is_none_or(|identity| self.0.insert(identity))
    }
}

impl Loaded {
    /// Which real file this was read from (`None` for standard input or a refused path).
    pub(super) fn identity(&self) -> Option<&Identity> {
        match self {
            Loaded::Manifest(_, identity) | Loaded::NotManifest(identity) => identity.as_ref(),
            Loaded::Refused(_) => None,
        }
    }
}

impl Target {
    /// The path on disk (`None` for standard input).
    pub(super) fn path(&self) -> Option<&Path> {
        match self {
            Target::Named(path) | Target::Found(path) | Target::Refused(path, _) => Some(path),
            Target::Stdin => None,
        }
    }

    /// The name shown in messages.
    pub(super) fn shown(&self, inputs: &Inputs) -> String {
        self.path().map_or_else(|| inputs.stdin_name().to_owned(), |path| path.display().to_string())
    }

    /// A file named on the command line that is large enough to be parsed as it is read (see
    /// [`STREAM_FROM`]), opened, with which real file it is; `None` for any other target, which is
    /// read whole ([`Target::load`]): standard input cannot be read twice, and a file found by a
    /// walk is first looked at to tell whether it is a manifest.
    pub(super) fn open_large(&self) -> Option<Result<(Opened, Option<Identity>), String>> {
        let Target::Named(path) = self else { return None };
        match storage::open_file(path) {
            Ok((_, metadata)) if metadata.len() < STREAM_FROM => None,
            Ok((file, metadata)) => Some(Ok((file, identity_of(path, &metadata)))),
            Err(error) => Some(Err(error.to_string())),
        }
    }

    /// Reads the target; a file found by a walk is checked to be a manifest first (cheaply).
    pub(super) fn load(&self) -> Loaded {
        let result = match self {
            Target::Named(path) => storage::read_file_and_metadata(path).map(|read| with_identity(path, read)),
            Target::Found(path) => storage::read_walked_file(path).map(|read| with_identity(path, read)),
            Target::Stdin => storage::read_stdin().map(|bytes| (bytes, None)),
            Target::Refused(_, reason) => return Loaded::Refused(reason.clone()),
        };
        match result {
            Ok((source, identity)) if matches!(self, Target::Found(_)) && !is_manifest(&source) => {
                Loaded::NotManifest(identity)
            }
            Ok((source, identity)) => Loaded::Manifest(source, identity),
            Err(error) => Loaded::Refused(error.to_string()),
        }
    }
}

/// The manifests under `root` as `validate ROOT` finds them, in its order, with their bytes (each
/// real file once; files that cannot be read are left out).
pub(crate) fn manifests_under(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let inputs = Inputs::default();
    let Ok(targets) = expand(&[root.to_owned()], &inputs) else { return Vec::new() };
    let mut seen = Seen::default();
    targets
        .iter()
        .filter_map(|target| match target.load() {
            Loaded::Manifest(source, identity) if seen.first(identity) => Some((target.path()?.to_owned(), source)),
            _ => None,
        })
        .collect()
}

/// Expands the command line's paths, in order: `-` is standard input, a file is itself, a folder
/// is every `*.json` file under it (in the order of a walk sorted by name, ignore files and `--exclude` respected,
/// symbolic links followed). The same real file may come more than once (through links, or named
/// twice): [`Seen`] drops the repeats once the files are read. Fails only on an `--exclude` glob
/// that does not parse.
pub(super) fn expand(paths: &[PathBuf], inputs: &Inputs) -> Result<Vec<Target>, String> {
    let mut targets = Vec::new();
    let mut stdin_taken = false;
    for path in paths {
        if path.as_os_str() == "-" {
            if !std::mem::replace(&mut stdin_taken, true) {
                targets.push(Target::Stdin);
            }
        } else if path.is_dir() {
            walk(path, inputs, &mut targets)?;
        } else {
            targets.push(Target::Named(path.clone()));
        }
    }
    Ok(targets)
}

/// Walks `root` on every core, then sorts what it found by path: comparing paths component by
/// component gives the order of a walk that visits each folder's entries sorted by name, so the
/// result does not depend on which thread found what.
fn walk(root: &Path, inputs: &Inputs, targets: &mut Vec<Target>) -> Result<(), String> {
    let mut excludes = OverrideBuilder::new(root);
    for glob in &inputs.excludes {
        // An override glob with `!` excludes; without any plain glob nothing else is filtered.
        excludes.add(&format!("!{glob}")).map_err(|error| format!("--exclude {glob:?}: {error}"))?;
    }
    let excludes = excludes.build().map_err(|error| format!("--exclude: {error}"))?;
    // The ignore files are read here, each once through the bounded reader; the walker reads none.
    let rules = if inputs.no_ignore {
        None
    } else {
        match IgnoreRules::for_walk(root) {
            Ok(rules) => Some(rules),
            Err((path, reason)) => {
                targets.push(Target::Refused(path, reason));
                return Ok(());
            }
        }
    };
    // Folders whose ignore file must not be read are left out before the walker enters them.
    let refused = Arc::new(Mutex::new(Vec::new()));
    let refused_in_walk = Arc::clone(&refused);
    let walker = WalkBuilder::new(root)
        .follow_links(true)
        .hidden(true)
        .parents(false)
        .ignore(false)
        .git_ignore(false)
        .git_global(false)
        .git_exclude(false)
        .overrides(excludes)
        .filter_entry(move |entry| {
            let Some(rules) = &rules else { return true };
            let is_dir = entry.file_type().is_some_and(|file_type| file_type.is_dir());
            // Only folders and JSON files matter: anything else is passed over by `visit` anyway.
            if !is_dir && !is_json(entry.path()) {
                return true;
            }
            if rules.ignores(entry.path(), is_dir) {
                return false;
            }
            if !is_dir {
                return true;
            }
            let Err((path, reason)) = rules.enter(entry.path()) else { return true };
            refused_in_walk.lock().unwrap_or_else(PoisonError::into_inner).push(Target::Refused(path, reason));
            false
        })
        .build_parallel();
    let found = Mutex::new(Vec::new());
    let notes = Mutex::new(Vec::new());
    walker.run(|| {
        Box::new(|entry| {
            match visit(entry) {
                Visit::Target(target) => found.lock().unwrap_or_else(PoisonError::into_inner).push(target),
                Visit::Note(note) => notes.lock().unwrap_or_else(PoisonError::into_inner).push(note),
                Visit::Nothing => {}
            }
            WalkState::Continue
        })
    });
    let mut found = found.into_inner().unwrap_or_else(PoisonError::into_inner);
    found.append(&mut refused.lock().unwrap_or_else(PoisonError::into_inner));
    found.sort_unstable_by(|a, b| walk_order(a.path(), b.path()));
    targets.extend(found);
    let mut notes = notes.into_inner().unwrap_or_else(PoisonError::into_inner);
    notes.sort();
    for note in notes {
        crate::output::message(format!("note: {}", crate::escape::line(&note)));
    }
    Ok(())
}

/// The order of a walk that visits each folder's entries sorted by name: paths compared component
/// by component. On Unix, comparing the bytes with `/` ranked below every other byte gives the same
/// order (a walk's paths have no `.` or doubled separators past their common root) without parsing
/// components, which is most of the cost of sorting tens of thousands of paths.
fn walk_order(a: Option<&Path>, b: Option<&Path>) -> std::cmp::Ordering {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        fn ranked(path: Option<&Path>) -> impl Iterator<Item = u8> + '_ {
            let bytes = path.map_or(&[][..], |path| path.as_os_str().as_bytes());
            bytes.iter().map(|&byte| if byte == b'/' { 0 } else { byte })
        }
        ranked(a).cmp(ranked(b))
    }
    #[cfg(not(unix))]
    {
        a.cmp(&b)
    }
}

/// What one entry of a walk gives.
enum Visit {
    Target(Target),
    /// Something worth saying on standard error that does not fail the run.
    Note(String),
    Nothing,
}

fn visit(entry: Result<ignore::DirEntry, ignore::Error>) -> Visit {
    let entry = match entry {
        Ok(entry) => entry,
        Err(error) => return walk_error(&error),
    };
    let Some(file_type) = entry.file_type() else { return Visit::Nothing };
    if file_type.is_dir() || !is_json(entry.path()) {
        return Visit::Nothing;
    }
    match irregular_kind(&file_type) {
        Some(kind) => Visit::Target(Target::Refused(entry.into_path(), ReadError::NotRegular(kind).to_string())),
        None => Visit::Target(Target::Found(entry.into_path())),
    }
}

/// What to do about a problem met while walking: a JSON file or a folder that cannot be read is
/// refused (the run fails); a link loop, or a broken ignore file is only noted, and a dangling link
/// to something that is not JSON is passed over.
fn walk_error(error: &ignore::Error) -> Visit {
    let mut path = None;
    let mut inner = error;
    loop {
        match inner {
            ignore::Error::WithPath { path: at, err } => {
                path = Some(at.as_path());
                inner = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => inner = err,
            _ => break,
        }
    }
    match (inner, path) {
        (ignore::Error::Loop { child, .. }, _) => {
            Visit::Note(format!("{}: skipped, a symbolic link that leads back into its own folder", child.display()))
        }
        (ignore::Error::Io(io), Some(path)) if is_json(path) || io.kind() != std::io::ErrorKind::NotFound => {
            let dangling = io.kind() == std::io::ErrorKind::NotFound && path.symlink_metadata().is_ok();
            let reason = if dangling {
                "a symbolic link to a file that does not exist; fix or remove the link".to_owned()
            } else {
                ReadError::from(std::io::Error::new(io.kind(), io.to_string())).to_string()
            };
            Visit::Target(Target::Refused(path.to_path_buf(), reason))
        }
        (ignore::Error::Io(_), _) => Visit::Nothing,
        _ => Visit::Note(error.to_string()),
    }
}

/// What makes two paths the same file: device and inode on Unix, the canonical path elsewhere.
#[cfg(unix)]
pub(super) type Identity = (u64, u64);
#[cfg(not(unix))]
pub type Identity = PathBuf;

fn with_identity(path: &Path, read: storage::FileContent) -> (Vec<u8>, Option<Identity>) {
    let identity = identity_of(path, &read.metadata);
    (read.bytes, identity)
}

fn identity_of(path: &Path, metadata: &std::fs::Metadata) -> Option<Identity> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = path;
        Some((metadata.dev(), metadata.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = metadata;
        std::fs::canonicalize(path).ok()
    }
}

fn is_json(path: &Path) -> bool {
    path.extension().is_some_and(|extension| extension.eq_ignore_ascii_case("json"))
}

/// Reads a file named on the command line, with a message that says what to do when it cannot be read.
pub(super) fn read(path: &Path) -> Result<Vec<u8>, String> {
    storage::read_file(path).map_err(|error| error.to_string())
}

/// Why a run found no manifest in `paths`, and what to do: how many JSON files were not manifests
/// (`skipped`), and how many the ignore files or `--exclude` left out (counted by walking the
/// folders again without them, which only a run that found nothing pays for).
pub(super) fn nothing_found(paths: &[PathBuf], inputs: &Inputs, skipped: usize) -> String {
    let everything = Inputs { excludes: Vec::new(), no_ignore: true, ..inputs.clone() };
    let mut all = Vec::new();
    for path in paths.iter().filter(|path| path.is_dir()) {
        // Without ignore files or globs, a walk cannot fail.
        let _ = walk(path, &everything, &mut all);
    }
    let ignored = all.iter().filter(|target| matches!(target, Target::Found(_))).count().saturating_sub(skipped);
    let shown: Vec<String> =
        paths.iter().map(|path| crate::escape::line(&path.display().to_string()).into_owned()).collect();
    let mut message = format!("no manifest to check in {}", shown.join(", "));
    let mut why = Vec::new();
    if skipped > 0 {
        why.push(format!("{skipped} JSON file(s) are not manifests"));
    }
    if ignored > 0 {
        let by = if inputs.excludes.is_empty() {
            "ignore files (.gitignore, .ignore, git's exclude)"
        } else {
            "ignore files or --exclude"
        };
        why.push(format!("{ignored} JSON file(s) are left out by {by}; --no-ignore checks them"));
    }
    if why.is_empty() {
        why.push("there is no JSON file there".to_owned());
    }
    message.push_str(&format!(": {}. Nothing was checked, so this fails; give the paths of your manifests, or pass --allow-empty to allow a run that checks nothing", why.join("; ")));
    message
}

/// "skipped 2 JSON files that are not manifests", or nothing when none was skipped.
pub(super) fn skipped_line(skipped: usize) -> Option<String> {
    match skipped {
        0 => None,
        1 => Some("skipped 1 JSON file that is not a manifest".to_owned()),
        many => Some(format!("skipped {many} JSON files that are not manifests")),
    }
}

#[cfg(test)]
mod tests {
    use super::walk_order;
    use std::path::Path;

    #[test]
    fn walk_order_is_component_order() {
        let mut paths =
            vec!["r/c/m.json", "r/c/d/x.json", "r/a.json", "r/a/b.json", "r/a-b.json", "r/B.json", "r/a.json.json"];
        paths.sort_by(|a, b| walk_order(Some(Path::new(a)), Some(Path::new(b))));
        let mut by_components = paths.clone();
        by_components.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
        assert_eq!(paths, by_components);
        assert_eq!(paths[..3], ["r/B.json", "r/a/b.json", "r/a-b.json"]);
    }
}
