//! Drafts of unsaved work, written while the author edits (mode 0600) and offered back at the next start.
//!
//! A draft is a small JSON file in the data folder's `drafts/` named after the manifest's path
//! (or after the session, for a manifest not saved yet). It holds the manifest exactly as a save
//! would write it, so recovering it and saving gives the file the author would have had.

use super::recent::data_dir;
use serde::{Deserialize, Serialize};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// Unsaved work: the manifest's text and where it belongs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The file the work belongs to; None for a new manifest never saved.
    pub path: Option<PathBuf>,
    /// When it was written, in seconds since 1970.
    pub written_at: u64,
    /// The manifest as a save would write it.
    pub manifest: String,
}

/// Where a draft is stored: by the manifest's path, or by a session key for a new manifest.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DraftKey(String);

impl DraftKey {
    /// The key of the draft of the manifest at `path`.
    pub fn for_path(path: &Path) -> Self {
        let absolute = std::fs::canonicalize(path)
            .unwrap_or_else(|_| std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()));
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        absolute.hash(&mut hasher);
        let stem = absolute.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_default();
        let stem: String =
            stem.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_')).take(40).collect();
        DraftKey(format!("{stem}-{:016x}", hasher.finish()))
    }

    /// A key for a new manifest of this session.
    pub fn for_new() -> Self {
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |time| time.as_nanos());
        DraftKey(format!("new-{}-{nanos}", std::process::id()))
    }

    fn file(&self) -> Option<PathBuf> {
        Some(drafts_dir()?.join(format!("{}.json", self.0)))
    }
}

fn drafts_dir() -> Option<PathBuf> {
    data_dir().map(|dir| dir.join("drafts"))
}

/// Seconds since 1970, now.
pub fn now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |time| time.as_secs())
}

/// Writes a draft atomically, readable by its owner only.
pub fn write(key: &DraftKey, draft: &Draft) -> Result<(), String> {
    let file = key.file().ok_or("no data folder for drafts (is HOME set?)")?;
    let dir = file.parent().ok_or("no drafts folder")?;
    create_private_dir(dir).map_err(|error| format!("cannot create {}: {error}", dir.display()))?;
    let text = serde_json::to_string(draft).map_err(|error| error.to_string())?;
    super::save_private(&file, text.as_bytes()).map_err(|error| error.to_string())?;
    restrict(&file).map_err(|error| error.to_string())
}

/// The draft stored under `key`, if any (an unreadable one counts as none).
pub fn load(key: &DraftKey) -> Option<Draft> {
    let text = std::fs::read_to_string(key.file()?).ok()?;
    serde_json::from_str(&text).ok()
}

/// Removes the draft under `key`; a missing draft is fine.
pub fn remove(key: &DraftKey) {
    if let Some(file) = key.file() {
        let _ = std::fs::remove_file(file);
    }
}

/// Every stored draft with its key, newest first.
pub fn all() -> Vec<(DraftKey, Draft)> {
    let Some(dir) = drafts_dir() else { return Vec::new() };
    remove_stale_temporary_files(&dir);
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut drafts: Vec<(DraftKey, Draft)> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().strip_suffix(".json")?.to_owned();
            let key = DraftKey(name);
            load(&key).map(|draft| (key, draft))
        })
        .collect();
    drafts.sort_by_key(|(_, draft)| std::cmp::Reverse(draft.written_at));
    drafts
}

/// Removes what a write cut short by a kill left behind: temporary files older than a minute.
fn remove_stale_temporary_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let old = entry.metadata().and_then(|m| m.modified()).ok().and_then(|time| time.elapsed().ok());
        if name.starts_with(".integration-wizard-") && old.is_some_and(|age| age.as_secs() > 60) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

#[cfg(unix)]
fn restrict(file: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o600))
}

#[cfg(not(unix))]
fn restrict(_file: &Path) -> std::io::Result<()> {
    Ok(())
}

/// What a draft changes compared with `base` (the file on disk), as `-`/`+` lines, at most `limit`.
pub fn differences(base: &str, draft: &str, limit: usize) -> Vec<String> {
    let diff = similar::TextDiff::from_lines(base, draft);
    diff.iter_all_changes()
        .filter(|change| change.tag() != similar::ChangeTag::Equal)
        .take(limit)
        .map(|change| {
            let sign = if change.tag() == similar::ChangeTag::Delete { '-' } else { '+' };
            format!("{sign} {}", change.value().trim_end_matches('\n'))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_follow_the_path_and_name_the_file() {
        let a = DraftKey::for_path(Path::new("/tmp/one/mycrm.json"));
        let b = DraftKey::for_path(Path::new("/tmp/two/mycrm.json"));
        assert_ne!(a, b);
        assert!(a.0.starts_with("mycrm-"));
        assert_eq!(a, DraftKey::for_path(Path::new("/tmp/one/mycrm.json")));
    }

    #[test]
    fn differences_show_removed_and_added_lines() {
        let lines = differences("{\n  \"name\": \"a\"\n}\n", "{\n  \"name\": \"b\"\n}\n", 10);
        assert_eq!(lines, ["-   \"name\": \"a\"", "+   \"name\": \"b\""]);
    }
}
