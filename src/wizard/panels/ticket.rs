//! The ticket panel (SPEC §7 in the wizard): refused while the manifest has errors, else a format,
//! then a path, then (only if the file exists) whether to replace it.

use crate::ticket::Format;
use crate::wizard::path_list::PathField;
use std::path::{Path, PathBuf};

/// Where the ticket panel is.
#[derive(Debug, Clone)]
pub enum TicketPanel {
    /// The manifest has `errors` errors: Talkdesk would reject the document; Enter jumps to the first.
    Refused {
        /// How many errors.
        errors: usize,
    },
    /// Which format: the highlighted one of [`Format::ALL`].
    Format {
        /// The highlighted format's index.
        choice: usize,
    },
    /// Where to write the document of `format`.
    Path {
        /// The format chosen.
        format: Format,
        /// The path typed, with its list.
        input: PathField,
    },
    /// Being written to `path` by the loop.
    Writing {
        /// The format chosen.
        format: Format,
        /// Where.
        path: PathBuf,
    },
    /// `path` exists: replace it?
    Exists {
        /// The format chosen.
        format: Format,
        /// The existing file.
        path: PathBuf,
    },
}

impl TicketPanel {
    /// The format step, Markdown highlighted.
    pub fn choose_format() -> TicketPanel {
        TicketPanel::Format { choice: 0 }
    }

    /// The path step with its default filled in.
    pub fn path(format: Format, manifest: Option<&Path>, file_name: &str) -> TicketPanel {
        TicketPanel::Path {
            format,
            input: PathField::new(default_path(format, manifest, file_name).display().to_string()),
        }
    }
}

/// The answer key of each format in the format step.
pub(crate) fn format_key(format: Format) -> char {
    match format {
        Format::Markdown => 'm',
        Format::Spreadsheet => 's',
        Format::Html => 'h',
    }
}

/// `<name>-ticket.<extension>` beside the manifest, or in the current folder for a manifest never
/// saved (`file_name` is then the name it would be saved as).
pub(crate) fn default_path(format: Format, manifest: Option<&Path>, file_name: &str) -> PathBuf {
    match manifest {
        Some(path) => format.default_path(path),
        None => format.default_path(Path::new(file_name)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_path_follows_the_format_and_the_manifest() {
        let beside = default_path(Format::Spreadsheet, Some(Path::new("work/mycrm.json")), "ignored.json");
        assert_eq!(beside, Path::new("work/mycrm-ticket.xlsx"));
        assert_eq!(default_path(Format::Html, None, "mycrm.json"), Path::new("mycrm-ticket.html"));
    }
}
