//! `integration-wizard export`: write Talkdesk's documents, `integration.json` and `actions/<name>.json`.

use super::exit;
use super::files;
use super::report::text_line;
use crate::manifest::write::pretty;
use crate::manifest::{Manifest, check};
use crate::storage::save_atomic;
use crate::text::escaped;
use std::path::{Path, PathBuf};

/// Exports `file` into `out` and returns the exit code; a manifest with errors is refused.
pub fn run(file: &Path, out: &Path) -> u8 {
    let raw = file.display().to_string();
    let shown = escaped(&raw);
    let source = match files::read(file) {
        Ok(source) => source,
        Err(reason) => {
            eprintln!("{shown}: {reason}");
            return exit::USAGE;
        }
    };
    let checked = check(&source);
    let errors = checked.errors();
    let manifest = match checked.manifest {
        Some(manifest) if errors == 0 => manifest,
        _ => {
            for diagnostic in checked.diagnostics.iter().filter(|d| d.is_error()) {
                eprintln!("{}", text_line(&raw, diagnostic));
            }
            eprintln!(
                "export refused: {shown} has {errors} error(s); fix them (see `integration-wizard validate {shown}`) and export again"
            );
            return exit::INVALID;
        }
    };
    let documents = match documents(&manifest, out) {
        Ok(documents) => documents,
        Err(message) => {
            eprintln!("export refused: {}", escaped(&message));
            return exit::INVALID;
        }
    };
    for (path, text) in documents {
        let folder = path.parent().unwrap_or(out);
        if let Err(error) = std::fs::create_dir_all(folder) {
            eprintln!("cannot create {}: {error}; check the --out path", escaped(&folder.display().to_string()));
            return exit::USAGE;
        }
        if let Err(error) = save_atomic(&path, text.as_bytes(), false) {
            eprintln!("{}", escaped(&error.to_string()));
            return exit::USAGE;
        }
        println!("wrote {}", escaped(&path.display().to_string()));
    }
    exit::SUCCESS
}

/// Every document to write, with its path; fails when an action name cannot be a file name.
fn documents(manifest: &Manifest, out: &Path) -> Result<Vec<(PathBuf, String)>, String> {
    let mut documents = Vec::new();
    if let Some(integration) = manifest.integration() {
        documents.push((out.join("integration.json"), format!("{}\n", pretty(integration))));
    }
    for (index, action) in manifest.actions() {
        let name = action.name.as_str().unwrap_or_default();
        if !is_safe_file_name(name) {
            return Err(format!(
                "action {index} is named \"{}\", which cannot be a file name; use letters, digits, - and _",
                name.escape_debug()
            ));
        }
        documents.push((out.join("actions").join(format!("{name}.json")), format!("{}\n", pretty(action))));
    }
    Ok(documents)
}

/// A name that stays inside the actions folder on every system.
fn is_safe_file_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.chars().any(|c| c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
}

#[cfg(test)]
mod tests {
    use super::is_safe_file_name;

    #[test]
    fn action_names_cannot_leave_the_folder() {
        assert!(is_safe_file_name("create_ticket"));
        assert!(is_safe_file_name("create-ticket.v2"));
        for name in ["", ".", "..", "../x", "a/b", "a\\b", "c:d", "x\ny"] {
            assert!(!is_safe_file_name(name), "{name:?}");
        }
    }
}
