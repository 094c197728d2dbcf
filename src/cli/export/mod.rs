//! `integration-wizard export`: write Talkdesk's documents, `integration.json` and `actions/<name>.json`.
//!
//! An export touches only what it wrote: a record of its files lets the next export replace them
//! and remove those of actions that are gone, and anything else (a file written by hand, one
//! changed since, a link) is refused unless `--force`. It is written all or nothing.

mod plan;
mod record;
mod stage;

use super::exit;
use super::valid::{Reading, read_valid_beside};
use crate::escape;
use crate::manifest::Manifest;
use crate::manifest::write::pretty;
use crate::output;
use plan::Refusal;
use rayon::prelude::*;
use record::Record;
use std::collections::HashMap;
use std::path::Path;

/// Exports `file` into `out` and returns the exit code; a manifest with errors is refused, and so are
/// files in `out` that export did not write, unless `force`.
pub(super) fn run(file: &Path, out: &Path, force: bool) -> u8 {
    // Where the folder `out` goes in is there already, the export is written (staged) while the
    // manifest is checked, each on a core of its own; it is removed again if anything refuses it.
    let stage_early = stage::can_stage(out);
    let prepare = |manifest: &Manifest| {
        let documents = documents(manifest)?;
        let record = record_of(manifest, &documents);
        let staged = stage_early.then(|| stage::stage(out, &documents, &record));
        Ok::<_, String>((documents, record, staged))
    };
    // Read whole: the documents made from it are as big as its text, which is parsed faster so.
    let prepared = match read_valid_beside(file, Reading::Whole, "export", "export again", prepare) {
        Ok((_, prepared)) => prepared,
        Err(code) => return code,
    };
    let (documents, record, staged) = match prepared {
        Ok(prepared) => prepared,
        Err(message) => {
            output::message(format!("export refused: {}", escape::line(&message)));
            return exit::INVALID;
        }
    };
    let plan = match plan::inspect(out, &documents, force) {
        Ok(plan) => plan,
        Err(Refusal::Layout(message)) => {
            output::message(format!("export refused: {}", escape::line(&message)));
            return exit::INVALID;
        }
        Err(Refusal::NotOurs(paths)) => {
            output::message("export refused: export did not write these files, or they were changed since:");
            for path in paths {
                output::message(format!("  {}", escape::line(&path)));
            }
            output::message("move them away, or run export again with --force to replace (or remove) them");
            return exit::INVALID;
        }
    };
    let staged = staged.unwrap_or_else(|| stage::stage(out, &documents, &record));
    match staged.and_then(|staged| staged.commit(out, &plan.stale)) {
        Ok(lines) => {
            // One write for every line, not one per file written.
            output::text(lines.iter().map(|line| format!("{}\n", escape::line(line))).collect::<String>());
            exit::SUCCESS
        }
        Err(message) => {
            output::message(escape::line(&message));
            exit::USAGE
        }
    }
}

/// The record of `documents`, each file's fingerprint taken on every core.
fn record_of(manifest: &Manifest, documents: &[(String, String)]) -> Record {
    let name = manifest.integration().and_then(|integration| integration.name.as_str()).unwrap_or_default();
    let fingerprints: Vec<(String, String)> =
        documents.par_iter().map(|(name, text)| (name.clone(), crate::fingerprint::hex(text.as_bytes()))).collect();
    Record::of(name, fingerprints)
}

/// Every document to write, with its name relative to the export folder; fails when an action's
/// name cannot be a file name, or when two would be the same file where case is ignored.
fn documents(manifest: &Manifest) -> Result<Vec<(String, String)>, String> {
    let mut folded: HashMap<String, (usize, &str)> = HashMap::new();
    let mut actions = Vec::new();
    for (index, action) in manifest.actions() {
        let name = action.name.as_str().unwrap_or_default();
        if !is_safe_file_name(name) {
            return Err(format!(
                "action {index} is named \"{}\", which cannot be a file name; use letters, digits, - and _",
                name.escape_debug()
            ));
        }
        if is_reserved_on_windows(name) {
            return Err(format!(
                "action {index} is named \"{}\", a name Windows reserves for a device (CON, PRN, AUX, NUL, COM1-9, \
                 LPT1-9), so its file cannot be created there; rename it",
                name.escape_debug()
            ));
        }
        // macOS and Windows ignore case in file names (`Create.json` and `create.json` are one file
        // there), and macOS treats the two Unicode forms of `café` as one name.
        if let Some((first, first_name)) = folded.insert(file_identity(name), (index, name)) {
            return Err(format!(
                "actions {first} (\"{}\") and {index} (\"{}\") have names that differ only in case or in Unicode \
                 form; their files would be one file on macOS and Windows; rename one of them",
                first_name.escape_debug(),
                name.escape_debug()
            ));
        }
        actions.push((name, action));
    }
    let mut documents = Vec::with_capacity(actions.len() + 1);
    if let Some(integration) = manifest.integration() {
        documents.push(("integration.json".to_owned(), format!("{}\n", pretty(integration))));
    }
    // Each document is rendered on its own: on every core, in the manifest's order.
    documents.par_extend(
        actions.par_iter().map(|(name, action)| (format!("actions/{name}.json"), format!("{}\n", pretty(action)))),
    );
    Ok(documents)
}

/// What makes two file names one file on macOS and Windows: case ignored, and the same Unicode
/// characters whether composed (`é`) or not (`e` and a combining accent).
fn file_identity(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfc().collect::<String>().to_lowercase()
}

/// True for a name Windows reserves for a device, whatever its case and extension (`con`,
/// `Aux.v2`, `com1`): no file of that name can be created there.
fn is_reserved_on_windows(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end_matches(' ').to_ascii_uppercase();
    matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$")
        || (stem.len() == 4
            && (stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem[3..].chars().all(|c| matches!(c, '1'..='9' | '¹' | '²' | '³')))
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
    use super::{file_identity, is_reserved_on_windows, is_safe_file_name};

    #[test]
    fn names_one_file_on_macos_or_windows_are_told_apart() {
        assert_eq!(file_identity("caf\u{e9}"), file_identity("cafe\u{301}"));
        assert_eq!(file_identity("Create"), file_identity("create"));
        assert_ne!(file_identity("create"), file_identity("created"));
        for name in ["con", "AUX", "nul", "Nul.v2", "com1", "LPT9", "prn"] {
            assert!(is_reserved_on_windows(name), "{name}");
        }
        for name in ["console", "com", "com0", "auxiliary", "create_ticket", "null"] {
            assert!(!is_reserved_on_windows(name), "{name}");
        }
    }

    #[test]
    fn action_names_cannot_leave_the_folder() {
        assert!(is_safe_file_name("create_ticket"));
        assert!(is_safe_file_name("create-ticket.v2"));
        for name in ["", ".", "..", "../x", "a/b", "a\\b", "c:d", "x\ny"] {
            assert!(!is_safe_file_name(name), "{name:?}");
        }
    }
}
