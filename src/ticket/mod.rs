//! The ticket document Talkdesk asks authors to attach (SPEC §7): built once from a manifest, then written as Markdown, a spreadsheet or HTML.
//!
//! No terminal here: the command line and the wizard both call [`render`].

pub(crate) mod document;
mod format;
pub(crate) mod html;
pub(crate) mod markdown;
mod spreadsheet;

pub use document::{Document, OPEN_A_TICKET, next_step, ticket_settings};
pub use format::Format;

use crate::manifest::Manifest;

/// Why a document could not be written in a format.
#[derive(Debug, thiserror::Error)]
pub enum TicketError {
    #[error(
        "the value of {0} is longer than a spreadsheet cell holds (32,767 characters); write the Markdown (.md) or HTML (.html) document instead"
    )]
    /// A value (named) is too long for a spreadsheet cell.
    TooLongForSpreadsheet(String),
    #[error("cannot make the spreadsheet: {0}")]
    /// The spreadsheet could not be made; the reason.
    Spreadsheet(String),
}

/// The ticket document's bytes in `format`, for `manifest` read from the file `file_name`
/// whose bytes are `content` (they give the fingerprint in the header).
///
/// The caller refuses a manifest with errors first: the document is what Talkdesk will
/// configure, and Talkdesk would reject it.
pub fn render(manifest: &Manifest, file_name: &str, content: &[u8], format: Format) -> Result<Vec<u8>, TicketError> {
    render_document(&Document::new(manifest, file_name, content), format)
}

/// The bytes of `document` in `format` (for an update document, see [`Document::since`]).
pub fn render_document(document: &Document, format: Format) -> Result<Vec<u8>, TicketError> {
    match format {
        Format::Markdown => Ok(markdown::render(document).into_bytes()),
        Format::Html => Ok(html::render(document).into_bytes()),
        Format::Spreadsheet => spreadsheet::render(document),
    }
}
