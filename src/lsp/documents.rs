//! The documents the editor has open, kept in step with its changes (incremental sync).

use super::lines::Lines;
use lsp_types::{TextDocumentContentChangeEvent, Uri};
use std::collections::HashMap;
use std::sync::Arc;

/// One open document: its text as the editor has it now, and its version.
#[derive(Debug, Clone)]
pub(crate) struct Document {
    /// The text, shared with the diagnostics worker without a copy.
    pub text: Arc<String>,
    /// The editor's version number of this text.
    pub version: i32,
}

/// Every open document by its URI (its text: `Uri` caches its parts inside, so it is no hash key).
#[derive(Debug, Default)]
pub(crate) struct Documents {
    open: HashMap<String, Document>,
}

impl Documents {
    /// The editor opened `uri` with `text`.
    pub(crate) fn open(&mut self, uri: Uri, version: i32, text: String) -> &Document {
        let key = uri.as_str().to_owned();
        self.open.insert(key.clone(), Document { text: Arc::new(text), version });
        &self.open[&key]
    }

    /// Applies the editor's changes in order; a change without a range replaces the whole text.
    /// `None` for a document that is not open (a client bug: nothing to change).
    pub(crate) fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
    ) -> Option<&Document> {
        let document = self.open.get_mut(uri.as_str())?;
        // Copies the text only when the worker still holds the previous version.
        let text = Arc::make_mut(&mut document.text);
        for change in changes {
            match change.range {
                Some(range) => {
                    let lines = Lines::new(text);
                    let (start, end) = (lines.offset(range.start), lines.offset(range.end));
                    text.replace_range(start..end.max(start), &change.text);
                }
                None => *text = change.text,
            }
        }
        document.version = version;
        Some(document)
    }

    /// The editor closed `uri`.
    pub(crate) fn close(&mut self, uri: &Uri) {
        self.open.remove(uri.as_str());
    }

    /// The open document at `uri`.
    pub(crate) fn get(&self, uri: &Uri) -> Option<&Document> {
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
        documents.open(uri(), 1, "{\"name\": \"😀x\"}\n".to_owned());
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
        documents.open(uri(), 1, "old".to_owned());
        let whole = TextDocumentContentChangeEvent { range: None, range_length: None, text: "new".to_owned() };
        assert_eq!(documents.change(&uri(), 2, vec![whole]).map(|d| d.text.as_str().to_owned()), Some("new".into()));
        documents.close(&uri());
        assert!(documents.change(&uri(), 3, Vec::new()).is_none());
    }
}
