//! Reading a manifest a command needs free of errors: otherwise its errors are listed as `validate` lists them and the command is refused.

use super::exit;
use super::files;
use super::report::text_line;
use crate::escape;
use crate::manifest::check::check_beside;
use crate::manifest::{Diagnostic, Manifest};
use crate::output;
use std::path::Path;

/// A manifest without errors, the bytes it was read from, and its warnings.
#[derive(Debug)]
pub(super) struct Valid {
    pub source: Vec<u8>,
    pub manifest: Manifest,
    /// What checking it found: warnings only.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads and checks `file` for `command` ("export"); `again` says how to run it again ("export
/// again"). When the file cannot be read or has errors, says why on standard error and returns
/// the exit code.
pub(super) fn read_valid(file: &Path, command: &str, again: &str) -> Result<Valid, u8> {
    read_valid_beside(file, command, again, |_| ()).map(|(valid, ())| valid)
}

/// As [`read_valid`], with `beside` run on the manifest while it is checked (see
/// [`check_beside`]); its result is dropped when the manifest is refused.
pub(super) fn read_valid_beside<T: Send>(
    file: &Path,
    command: &str,
    again: &str,
    beside: impl FnOnce(&Manifest) -> T + Send,
) -> Result<(Valid, T), u8> {
    // The path is printed escaped; `text_line` escapes the one it is given itself.
    let raw = file.display().to_string();
    let shown = escape::line(&raw);
    let source = files::read(file).map_err(|reason| {
        output::message(format!("{shown}: {reason}"));
        exit::USAGE
    })?;
    let (checked, done) = check_beside(&source, beside);
    let errors = checked.errors();
    match (checked.manifest, done) {
        (Some(manifest), Some(done)) if errors == 0 => {
            // Warnings do not stop the command, but what goes to Talkdesk should not carry them unseen.
            let warnings = checked.diagnostics.len();
            if warnings > 0 {
                output::message(format!(
                    "note: {shown} has {warnings} warning(s); `integration-wizard validate {shown}` lists them"
                ));
            }
            Ok((Valid { source, manifest, diagnostics: checked.diagnostics }, done))
        }
        (_, done) => {
            // Whatever was done beside the check is undone before the refusal is printed.
            drop(done);
            for diagnostic in checked.diagnostics.iter().filter(|d| d.is_error()) {
                output::message(text_line(&raw, diagnostic));
            }
            output::message(format!(
                "{command} refused: {shown} has {errors} error(s); fix them (see `integration-wizard validate {shown}`) and {again}"
            ));
            Err(exit::INVALID)
        }
    }
}
