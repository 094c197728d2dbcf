//! The three formats of the ticket document, chosen by the output file's extension.

use std::path::{Path, PathBuf};

/// A format the ticket document can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.md`: Markdown tables, to paste into the ticket form or read on GitHub.
    Markdown,
    /// `.xlsx`: a spreadsheet, the "document or spreadsheet" Talkdesk asks to attach.
    Spreadsheet,
    /// `.html`: one printable page.
    Html,
}

impl Format {
    /// Every format, in the order they are offered.
    pub const ALL: [Format; 3] = [Format::Markdown, Format::Spreadsheet, Format::Html];

    /// The format named by `path`'s extension (any letter case), if it is one of the three.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?;
        Format::ALL.into_iter().find(|format| format.extension().eq_ignore_ascii_case(extension))
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Spreadsheet => "xlsx",
            Format::Html => "html",
        }
    }

    /// Where the document of the manifest at `manifest` goes by default: beside it, named
    /// `<file stem>-ticket.<extension>` (`mycrm.json` → `mycrm-ticket.md`).
    pub fn default_path(self, manifest: &Path) -> PathBuf {
        let stem = manifest.file_stem().map_or_else(|| "integration".into(), |stem| stem.to_string_lossy());
        manifest.with_file_name(format!("{stem}-ticket.{}", self.extension()))
    }

    /// What the format is called in messages and menus.
    pub fn label(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Spreadsheet => "spreadsheet",
            Format::Html => "HTML",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Format;
    use std::path::Path;

    #[test]
    fn the_extension_chooses_the_format() {
        assert_eq!(Format::from_path(Path::new("out/mycrm-ticket.md")), Some(Format::Markdown));
        assert_eq!(Format::from_path(Path::new("T.XLSX")), Some(Format::Spreadsheet));
        assert_eq!(Format::from_path(Path::new("t.html")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("t.txt")), None);
        assert_eq!(Format::from_path(Path::new("md")), None);
    }

    #[test]
    fn the_default_document_sits_beside_the_manifest() {
        assert_eq!(Format::Markdown.default_path(Path::new("work/mycrm.json")), Path::new("work/mycrm-ticket.md"));
        assert_eq!(Format::Spreadsheet.default_path(Path::new("m.json")), Path::new("m-ticket.xlsx"));
    }
}
