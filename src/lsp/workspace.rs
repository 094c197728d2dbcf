//! Integration names unique across the workspace's manifests, as `validate DIR` checks them: the
//! manifests in the order of its walk, the first file that uses a name keeps it, a later one is told.
//!
//! The folders are walked once, when the first document is checked; after that, an open document's
//! name is the one in its current text, and a closed one's is read again from disk.

use crate::cli::files::manifests_under;
use crate::manifest::{Diagnostic, read};
use std::path::{Path, PathBuf};

/// The workspace's manifests and the integration name of each.
#[derive(Debug, Default)]
pub(crate) struct Workspace {
    /// The folders the editor opened.
    roots: Vec<PathBuf>,
    /// Every manifest under them, in `validate`'s order, with its name; `None` until walked.
    files: Option<Vec<(PathBuf, Option<String>)>>,
}

impl Workspace {
    /// A workspace of `roots` (none: documents are checked alone).
    pub(crate) fn new(roots: Vec<PathBuf>) -> Self {
        Workspace { roots, files: None }
    }

    /// The manifests, walked the first time they are needed.
    fn files(&mut self) -> &mut Vec<(PathBuf, Option<String>)> {
        let roots = &self.roots;
        self.files.get_or_insert_with(|| {
            roots
                .iter()
                .flat_map(|root| manifests_under(root))
                .map(|(path, source)| {
                    let name = name_in(&source);
                    (path, name)
                })
                .collect()
        })
    }

    /// Records that the file at `path` now has `name` (its text in the editor, or on disk).
    pub(crate) fn set_name(&mut self, path: &Path, name: Option<String>) -> bool {
        if self.roots.is_empty() || !self.roots.iter().any(|root| path.starts_with(root)) {
            return false;
        }
        let files = self.files();
        match files.iter_mut().find(|(known, _)| known == path) {
            Some((_, known)) if *known == name => false,
            Some((_, known)) => {
                *known = name;
                true
            }
            None => {
                // A new file: `validate` walks in path order, so it goes where that order puts it.
                let at = files.partition_point(|(known, _)| known.as_path() < path);
                files.insert(at, (path.to_owned(), name));
                true
            }
        }
    }

    /// The name of the file at `path` as it is on disk now (after the editor closed it).
    pub(crate) fn reread(&mut self, path: &Path) -> bool {
        let name = crate::storage::read_file(path).ok().and_then(|source| name_in(&source));
        self.set_name(path, name)
    }

    /// The finding for the file at `path` when an earlier manifest of the workspace already uses `name`.
    pub(crate) fn duplicate(&mut self, path: &Path, name: &str, pointer: &str) -> Option<Diagnostic> {
        let roots = self.roots.clone();
        let files = self.files();
        let own = files.iter().position(|(known, _)| known == path).unwrap_or(files.len());
        let (first, _) = files[..own].iter().find(|(_, known)| known.as_deref() == Some(name))?;
        let shown = roots.iter().find_map(|root| first.strip_prefix(root).ok()).unwrap_or(first);
        Some(crate::cli::validate::duplicate_name(name, &shown.display().to_string(), pointer.to_owned()))
    }
}

/// The integration's name in a manifest's bytes, when it has a non-blank one.
pub(crate) fn name_in(source: &[u8]) -> Option<String> {
    let parsed = read(source).ok()?;
    Some(parsed.manifest.integration()?.name.non_blank()?.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(name: &str) -> String {
        include_str!("../../assets/examples/mycrm.json").replace("mycrm", name)
    }

    #[test]
    fn a_later_file_with_a_name_already_used_is_told_as_validate_tells_it() {
        let folder = tempfile::tempdir().expect("a folder");
        let root = folder.path().to_owned();
        for (file, name) in [("a.json", "crm"), ("b.json", "crm"), ("c.json", "other")] {
            std::fs::write(root.join(file), manifest(name)).expect("written");
        }
        std::fs::write(root.join("package.json"), "{\"name\": \"crm\", \"version\": \"1.0.0\"}").expect("written");
        let mut workspace = Workspace::new(vec![root.clone()]);
        assert!(workspace.duplicate(&root.join("a.json"), "crm", "/integration/name").is_none());
        let found = workspace.duplicate(&root.join("b.json"), "crm", "/integration/name").expect("b is told");
        assert_eq!(found.code, "duplicate-integration-name");
        assert!(found.message.contains("already used by a.json"), "{}", found.message);
        // c is renamed in the editor to crm: now it is told too; a renamed a frees the name for b.
        assert!(workspace.set_name(&root.join("c.json"), Some("crm".into())));
        assert!(workspace.duplicate(&root.join("c.json"), "crm", "/integration/name").is_some());
        assert!(workspace.set_name(&root.join("a.json"), Some("renamed".into())));
        assert!(workspace.duplicate(&root.join("b.json"), "crm", "/integration/name").is_none());
        // Closing a without saving: its name on disk counts again.
        assert!(workspace.reread(&root.join("a.json")));
        assert!(workspace.duplicate(&root.join("b.json"), "crm", "/integration/name").is_some());
    }

    #[test]
    fn without_a_workspace_nothing_is_shared() {
        let mut workspace = Workspace::new(Vec::new());
        assert!(!workspace.set_name(Path::new("/x/a.json"), Some("crm".into())));
        assert!(workspace.duplicate(Path::new("/x/a.json"), "crm", "/integration/name").is_none());
    }
}
