//! `integration-wizard ticket`: write the document to attach to Talkdesk's activation ticket, or
//! with `--since OLD` the one for changing an active integration.

use super::diff::side::{Origin, load};
use super::exit;
use super::valid::{Valid, read_valid};
use crate::escape;
use crate::output;
use crate::storage::save_atomic;
use crate::ticket::{self, Document, Format};
use std::ffi::OsStr;
use std::path::Path;

/// Writes the ticket document of `file` to `out` (`-` for Markdown on standard output) and
/// returns the exit code; a manifest with errors is refused, an existing `out` kept without `force`.
/// With `since` (a file, `-` or `REV:PATH`), the document asks to update the integration
/// activated from that version and lists the changes first.
pub(super) fn run(file: &Path, out: &Path, force: bool, since: Option<&OsStr>) -> u8 {
    let to_stdout = out.as_os_str() == "-";
    let format = if to_stdout { Some(Format::Markdown) } else { Format::from_path(out) };
    let Some(format) = format else {
        let [markdown, spreadsheet, html] =
            Format::ALL.map(|format| format!(".{} ({})", format.extension(), format.label()));
        output::message(format!(
            "{}: the extension chooses the document's format; end the name with {markdown}, {spreadsheet} or {html}, or give - to print Markdown",
            escape::line(&out.display().to_string())
        ));
        return exit::USAGE;
    };
    let Valid { sha256, manifest, diagnostics } = match read_valid(file, "ticket", "write the ticket again") {
        Ok(valid) => valid,
        Err(code) => return code,
    };
    if !to_stdout && !force && out.symlink_metadata().is_ok() {
        output::message(format!(
            "ticket refused: {} already exists; add --force to replace it, or choose another path with -o",
            escape::line(&out.display().to_string())
        ));
        return exit::INVALID;
    }
    let file_name = file.file_name().unwrap_or(file.as_os_str()).to_string_lossy();
    let mut document = Document::checked(&manifest, &file_name, &sha256, &diagnostics);
    if let Some(since) = since {
        // The version Talkdesk runs is compared as it is, errors or not: it is what the changes start from.
        let old = match load(&Origin::of(since), "<stdin>") {
            Ok(old) => old,
            Err(message) => {
                output::message(format!(
                    "{message}; give --since the manifest Talkdesk activated (a file, - or REV:PATH)"
                ));
                return exit::USAGE;
            }
        };
        let old_name =
            Path::new(&old.shown).file_name().map_or(old.shown.clone(), |name| name.to_string_lossy().into());
        document = document.since(&old.manifest, &manifest, &old_name, &crate::fingerprint::hex(&old.source));
    }
    // The findings go before a format is made: the document made what it needed of them (the
    // checks' result). The manifest stays: each action's rows are made from it as they are
    // written, one action at a time. Its text was never held whole (see `read_valid`).
    drop(diagnostics);
    let bytes = match ticket::render_document(&document, format) {
        Ok(bytes) => bytes,
        Err(error) => {
            output::message(format!("ticket refused: {}", escape::line(&error.to_string())));
            return exit::INVALID;
        }
    };
    if to_stdout {
        // Markdown: every value in it is escaped for Markdown, control characters shown.
        return match output::document_as_is(&bytes) {
            Ok(()) => exit::SUCCESS,
            Err(error) => {
                output::message(format!("cannot print the document: {error}"));
                exit::USAGE
            }
        };
    }
    if let Err(error) = save_atomic(out, &bytes, false) {
        output::message(escape::line(&error.to_string()));
        return exit::USAGE;
    }
    let shown = escape::line(&out.display().to_string()).into_owned();
    output::line(format!("wrote {shown} ({})", format.label()));
    output::line(format!("next: {}", ticket::next_step(document.title, &shown)));
    exit::SUCCESS
}
