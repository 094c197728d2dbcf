//! `integration-wizard validate`: check files and folders, names unique across the run.

use super::exit;
use super::files::{self, Target};
use super::report::{self, FileReport, Settings};
use crate::manifest::{Diagnostic, check, check::locate};
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

/// The code of an integration name already used by an earlier file of the same run.
pub const DUPLICATE_INTEGRATION_NAME: &str = "duplicate-integration-name";
/// The code of a path that cannot be read.
pub const UNREADABLE: &str = "unreadable";

/// Validates every file under `paths`, prints the report, and returns the exit code.
pub fn run(paths: &[PathBuf], settings: Settings) -> u8 {
    let mut reports = Vec::new();
    let mut unreadable = false;
    // Integration name → the first file that used it.
    let mut names: HashMap<String, String> = HashMap::new();
    for target in files::expand(paths) {
        let (path, result) = match target {
            Target::File(path) => {
                let result = files::read(&path);
                (path, result)
            }
            Target::Unreadable(path, reason) => (path, Err(reason)),
        };
        let shown = path.display().to_string();
        let source = match result {
            Ok(source) => source,
            Err(reason) => {
                unreadable = true;
                // A problem with the run, not with a manifest: said on standard error too.
                eprintln!("{}: {}", crate::text::escaped(&shown), crate::text::escaped(&reason));
                reports.push(FileReport { path: shown, diagnostics: vec![Diagnostic::error(UNREADABLE, "", reason)] });
                continue;
            }
        };
        let mut checked = check(&source);
        if let Some(manifest) = &checked.manifest
            && let Some(name) = manifest.integration().and_then(|integration| integration.name.non_blank())
        {
            if let Some(first) = names.get(name) {
                let pointer = format!("{}/name", manifest.integration_pointer());
                let message = format!(
                    "the name \"{name}\" is already used by {first}; Talkdesk needs every integration name to be unique"
                );
                let mut duplicate = vec![Diagnostic::error(DUPLICATE_INTEGRATION_NAME, pointer, message)];
                locate(&source, &mut duplicate);
                checked.diagnostics.extend(duplicate);
                // Keep the file's findings in line order (stable: ties keep the rules' order).
                checked
                    .diagnostics
                    .sort_by_key(|d| d.position.map_or((usize::MAX, usize::MAX), |p| (p.line, p.column)));
            } else {
                names.insert(name.to_owned(), shown.clone());
            }
        }
        reports.push(FileReport { path: shown, diagnostics: checked.diagnostics });
    }
    let output = report::render(&reports, settings);
    // anstream drops the colours where they are off; a closed pipe (e.g. `| head`) is not worth a panic.
    let _ = anstream::stdout().lock().write_all(output.as_bytes());
    if unreadable {
        exit::USAGE
    } else if reports.iter().all(|report| report::passes(report, settings.deny_warnings)) {
        exit::SUCCESS
    } else {
        exit::INVALID
    }
}
