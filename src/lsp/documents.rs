//! The documents the editor has open, kept in step with its changes (incremental sync): each
//! change makes a new `Snapshot`, shared with the diagnostics worker and the requests on it.

use super::lines::Lines;
use super::remap::Edit;
use super::snapshot::Snapshot;
use lsp_types::{TextDocumentContentChangeEvent, Uri};
use std::collections::HashMap;
use std::sync::Arc;

/// Every open document's newest snapshot by its URI (its text: `Uri` caches its parts inside, so it
/// is no hash key).
#[derive(Debug, Default)]
pub(crate) struct Documents {
    open: HashMap<String, Arc<Snapshot>>,
}

impl Documents {
    /// The editor opened `uri` with `text`.
    pub(crate) fn open(&mut self, uri: &Uri, version: i32, text: String) -> Arc<Snapshot> {
        let snapshot = Arc::new(Snapshot::new(version, text));
        self.open.insert(uri.as_str().to_owned(), Arc::clone(&snapshot));
        snapshot
    }

    /// Applies the editor's changes in order; a change without a range replaces the whole text.
    /// `None` for a document that is not open (a client bug: nothing to change).
    pub(crate) fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
    ) -> Option<Arc<Snapshot>> {
        let previous = self.open.remove(uri.as_str())?;
        // The previous version stays as it is (the worker or a request may be reading it): each
        // change writes the new text in one copy, the part before the range, the new text, the
        // part after it.
        let mut text: Option<String> = None;
        // What each change did, for the new version's map to be moved from the previous one's.
        let mut edits = Some(Vec::new());
        for change in changes {
            let current = text.as_deref().unwrap_or(&previous.text);
            text = Some(match change.range {
                Some(range) => {
                    // Each position is found by reading up to its line only, not by indexing the text.
                    let start = Lines::offset_in(current, range.start);
                    let end = Lines::offset_in(current, range.end).max(start);
                    let edit = Edit::new(current, start..end, &change.text);
                    edits = edits.zip(edit).map(|(mut edits, edit)| {
                        edits.push(edit);
                        edits
                    });
                    let mut next = String::with_capacity(current.len() - (end - start) + change.text.len());
                    next.push_str(&current[..start]);
                    next.push_str(&change.text);
                    next.push_str(&current[end..]);
                    next
                }
                None => {
                    edits = None;
                    change.text
                }
            });
        }
        let text = text.unwrap_or_else(|| previous.text.clone());
        let snapshot = Arc::new(Snapshot::edited(&previous, version, text, edits));
        self.open.insert(uri.as_str().to_owned(), Arc::clone(&snapshot));
        Some(snapshot)
    }

    /// The editor closed `uri`.
    pub(crate) fn close(&mut self, uri: &Uri) {
        self.open.remove(uri.as_str());
    }

    /// The newest snapshot of the open document at `uri`.
    pub(crate) fn get(&self, uri: &Uri) -> Option<&Arc<Snapshot>> {
        self.open.get(uri.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};

    fn uri() -> Uri {
        "file:///project/mycrm.json".parse().expect("a valid URI")
    }

    fn edit(start: (u32, u32), end: (u32, u32), text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(start.0, start.1), Position::new(end.0, end.1))),
            range_length: None,
            text: text.to_owned(),
        }
    }

    #[test]
    fn changes_apply_in_order_with_utf16_columns() {
        let mut documents = Documents::default();
        documents.open(&uri(), 1, "{\"name\": \"😀x\"}\n".to_owned());
        // After the emoji (2 units) the x is at unit 12; replace it, then insert at the start.
        let changed = documents
            .change(&uri(), 2, vec![edit((0, 12), (0, 13), "yz"), edit((0, 0), (0, 0), " ")])
            .expect("the document is open");
        assert_eq!(changed.text.as_str(), " {\"name\": \"😀yz\"}\n");
        assert_eq!(changed.version, 2);
    }

    #[test]
    fn a_change_without_range_replaces_everything() {
        let mut documents = Documents::default();
        documents.open(&uri(), 1, "old".to_owned());
        let whole = TextDocumentContentChangeEvent { range: None, range_length: None, text: "new".to_owned() };
        assert_eq!(documents.change(&uri(), 2, vec![whole]).map(|d| d.text.clone()), Some("new".into()));
        documents.close(&uri());
        assert!(documents.change(&uri(), 3, Vec::new()).is_none());
    }
}
