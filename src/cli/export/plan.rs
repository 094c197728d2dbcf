//! What an export will do in its folder, decided before anything is written: the files it may
//! replace, the stale files of the previous export it removes, and what it refuses to touch.

use super::record::Record;
use std::fs;
use std::path::Path;

/// The changes an export makes in its folder, with names relative to it (`actions/x.json`).
#[derive(Debug, Default)]
pub(super) struct Plan {
    /// Files of the previous export whose action is gone.
    pub stale: Vec<String>,
}

/// Why an export does not even start.
#[derive(Debug)]
pub(super) enum Refusal {
    /// Links or folders where files go; `--force` does not change that.
    Layout(String),
    /// Files export did not write, or that were changed since; `--force` replaces or removes them.
    NotOurs(Vec<String>),
}

/// Looks at `out` before an export of `documents` (relative names and contents) and decides.
pub(super) fn inspect(out: &Path, documents: &[(String, String)], force: bool) -> Result<Plan, Refusal> {
    let shown = |name: &str| out.join(name).display().to_string();
    match fs::metadata(out) {
        Err(_) => return Ok(Plan::default()),
        Ok(metadata) if !metadata.is_dir() => {
            return Err(Refusal::Layout(format!("{} is not a folder; choose a folder for --out", out.display())));
        }
        Ok(_) => {}
    }
    if let Ok(actions) = fs::symlink_metadata(out.join("actions")) {
        if actions.file_type().is_symlink() {
            return Err(Refusal::Layout(format!(
                "{} is a symbolic link; export never writes through links out of --out; remove the link or choose another --out",
                shown("actions")
            )));
        }
        if !actions.is_dir() {
            return Err(Refusal::Layout(format!("{} is not a folder; move it away", shown("actions"))));
        }
    }
    let record = Record::load(out).map_err(Refusal::Layout)?;
    let mut not_ours = Vec::new();
    for (name, content) in documents {
        match Existing::at(out, name).map_err(Refusal::Layout)? {
            Existing::Nothing => {}
            Existing::File(old) if old == content.as_bytes() || record.wrote(name, &old) => {}
            Existing::File(_) => not_ours.push(shown(name)),
        }
    }
    let mut plan = Plan::default();
    for name in record.files.keys().filter(|name| is_export_name(name)) {
        // Compared as macOS and Windows compare names: there `Create.json` is the new `create.json`.
        if documents.iter().any(|(document, _)| super::file_identity(document) == super::file_identity(name)) {
            continue;
        }
        match Existing::at(out, name).map_err(Refusal::Layout)? {
            Existing::Nothing => {}
            Existing::File(old) if record.wrote(name, &old) => plan.stale.push(name.clone()),
            Existing::File(_) if force => plan.stale.push(name.clone()),
            Existing::File(_) => not_ours.push(shown(name)),
        }
    }
    if !not_ours.is_empty() && !force {
        return Err(Refusal::NotOurs(not_ours));
    }
    Ok(plan)
}

/// What is at a document's place in the export folder.
enum Existing {
    Nothing,
    File(Vec<u8>),
}

impl Existing {
    /// Refuses a link (export never writes through one) and anything that is not a regular file.
    fn at(out: &Path, name: &str) -> Result<Existing, String> {
        let path = out.join(name);
        let Ok(metadata) = fs::symlink_metadata(&path) else { return Ok(Existing::Nothing) };
        if metadata.file_type().is_symlink() {
            return Err(format!(
                "{} is a symbolic link; export never writes through links out of --out; remove it",
                path.display()
            ));
        }
        if !metadata.is_file() {
            return Err(format!("{} is not a regular file; move it away", path.display()));
        }
        crate::storage::read_kind(&path, crate::storage::FileKind::Exported)
            .map(Existing::File)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))
    }
}

/// A name an export writes: a forged record must not make export remove anything else.
fn is_export_name(name: &str) -> bool {
    name == "integration.json"
        || name
            .strip_prefix("actions/")
            .and_then(|file| file.strip_suffix(".json"))
            .is_some_and(super::is_safe_file_name)
}

#[cfg(test)]
mod tests {
    use super::is_export_name;

    #[test]
    fn only_export_names_can_be_removed() {
        assert!(is_export_name("integration.json"));
        assert!(is_export_name("actions/create_ticket.json"));
        for name in
            ["../x.json", "actions/../../x.json", "actions/a/b.json", "notes.txt", "/etc/passwd", "actions/.json"]
        {
            assert!(!is_export_name(name), "{name}");
        }
    }
}
