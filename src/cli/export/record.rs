//! The export record, `OUT/.integration-wizard-export`: which files the last export wrote and what
//! they held, so that the next export replaces or removes only those, and only if nobody changed them.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The record's file name in the export folder.
pub(super) const FILE_NAME: &str = ".integration-wizard-export";

/// What one export wrote.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct Record {
    /// Says what the file is to whoever finds it.
    #[serde(default)]
    pub about: String,
    /// The integration's name, for the reader.
    #[serde(default)]
    pub integration: String,
    /// Each file written, relative to the export folder with `/`, and the SHA-256 of its content.
    #[serde(default)]
    pub files: BTreeMap<String, String>,
}

impl Record {
    /// The record of the documents about to be written: each one's name and fingerprint
    /// ([`crate::fingerprint::hex`] of its text).
    pub(super) fn of(integration: &str, fingerprints: impl IntoIterator<Item = (String, String)>) -> Self {
        Record {
            about: "written by integration-wizard export: the files it wrote here, so that the next export \
                    replaces only those; do not edit"
                .to_owned(),
            integration: integration.to_owned(),
            files: fingerprints.into_iter().collect(),
        }
    }

    /// Reads the record in `folder`; no record is an empty one. A link in its place is refused
    /// (it could point anywhere); an unreadable record vouches for nothing.
    pub(super) fn load(folder: &Path) -> Result<Self, String> {
        let path = folder.join(FILE_NAME);
        match std::fs::symlink_metadata(&path) {
            Err(_) => return Ok(Record::default()),
            Ok(metadata) if metadata.file_type().is_symlink() => {
                return Err(format!(
                    "{} is a symbolic link; export never follows links out of --out; remove it",
                    path.display()
                ));
            }
            Ok(_) => {}
        }
        // A record that is not a regular file (a FIFO, a device) or too large is refused: it is
        // never waited on, and export will not write over it either.
        let bytes = crate::storage::read_kind(&path, crate::storage::FileKind::ExportRecord)
            .map_err(|error| format!("{}: {error}; remove it", path.display()))?;
        // A record that does not parse vouches for nothing.
        Ok(serde_json::from_slice(&bytes).unwrap_or_default())
    }

    /// True when the record says this export wrote `name` with exactly `content`.
    pub(super) fn wrote(&self, name: &str, content: &[u8]) -> bool {
        self.files.get(name).is_some_and(|hash| *hash == crate::fingerprint::hex(content))
    }

    /// The record as its file holds it.
    pub(super) fn to_text(&self) -> String {
        format!("{}\n", crate::manifest::write::pretty(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_vouches_only_for_the_exact_content() {
        let record = Record::of("mycrm", [("integration.json".to_owned(), crate::fingerprint::hex(b"{}\n"))]);
        assert!(record.wrote("integration.json", b"{}\n"));
        assert!(!record.wrote("integration.json", b"{ }\n"));
        assert!(!record.wrote("actions/a.json", b"{}\n"));
        let again: Record = serde_json::from_str(&record.to_text()).expect("reads back");
        assert!(again.wrote("integration.json", b"{}\n"));
    }
}
