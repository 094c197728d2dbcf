//! Turning the paths given on the command line into the manifest files to work on.

use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// A path from the command line, expanded: a file as it is, a folder into its `*.json` files.
#[derive(Debug)]
pub enum Target {
    File(PathBuf),
    /// A path that cannot be read, with the reason.
    Unreadable(PathBuf, String),
}

/// Expands folders (recursively, sorted, skipping hidden folders such as `.git`) into their `*.json` files.
pub fn expand(paths: &[PathBuf]) -> Vec<Target> {
    let mut targets = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = WalkDir::new(path)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|entry| entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.'));
            for entry in entries {
                match entry {
                    Ok(entry) if entry.file_type().is_file() && is_json(entry.path()) => {
                        targets.push(Target::File(entry.into_path()))
                    }
                    Ok(_) => {}
                    Err(error) => {
                        let where_ = error.path().unwrap_or(path).to_path_buf();
                        targets.push(Target::Unreadable(where_, error.to_string()));
                    }
                }
            }
        } else {
            targets.push(Target::File(path.clone()));
        }
    }
    targets
}

fn is_json(path: &Path) -> bool {
    path.extension().is_some_and(|extension| extension.eq_ignore_ascii_case("json"))
}

/// Reads a file, with a message that says what to do when it cannot be read.
pub fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => "no such file; check the path".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied; check the file's permissions".to_owned(),
        _ if path.is_dir() => "this is a folder, not a manifest file".to_owned(),
        _ => format!("cannot read it: {error}"),
    })
}
