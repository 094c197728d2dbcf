//! One version of an open document, and its map (the forgiving tree and the line index), made once
//! per version by whichever thread needs it first.
//!
//! Mapping a 16 MB manifest takes longer than an editor waits for a hover. A change makes a new
//! snapshot; the diagnostics worker maps it before it runs the rules, and every request on that
//! version reads the same map (a request that comes first makes it, and the worker then waits for
//! it rather than making it twice). The main loop itself never maps anything.

use super::fields::is_bare;
use super::lines::{self, Lines};
use super::source::Source;
use super::tree::{self, Node};
use crate::manifest::sniff;
use std::sync::OnceLock;

/// A document's text at one version.
#[derive(Debug)]
pub(crate) struct Snapshot {
    /// The text.
    pub text: String,
    /// The editor's version number of this text.
    pub version: i32,
    map: OnceLock<Map>,
}

/// What requests need of one text, made once.
#[derive(Debug)]
struct Map {
    /// Where each line starts.
    starts: Vec<usize>,
    /// The tree, and whether the document is a bare integration; `None` when the text is not a
    /// manifest (or holds no value at all).
    tree: Option<(Node, bool)>,
}

impl Snapshot {
    /// The text `text` at `version`, not mapped yet.
    pub(crate) fn new(version: i32, text: String) -> Snapshot {
        Snapshot { text, version, map: OnceLock::new() }
    }

    /// True when the text is a manifest (the test `validate` uses on folders).
    pub(crate) fn is_manifest(&self) -> bool {
        sniff::is_manifest(self.text.as_bytes())
    }

    /// The text's lines.
    pub(crate) fn lines(&self) -> Lines<'_> {
        Lines::indexed(&self.text, &self.map().starts)
    }

    /// The text as the editor features read it; `None` when it is not a manifest.
    pub(crate) fn source(&self) -> Option<Source<'_>> {
        let map = self.map();
        let (root, bare) = map.tree.as_ref()?;
        Some(Source { text: &self.text, lines: Lines::indexed(&self.text, &map.starts), root, bare: *bare })
    }

    /// Maps the text now, unless it is mapped already (or being mapped: then waits for it).
    pub(crate) fn map_now(&self) {
        let _ = self.map();
    }

    fn map(&self) -> &Map {
        self.map.get_or_init(|| {
            let text = self.text.as_str();
            let tree = sniff::is_manifest(text.as_bytes()).then(|| tree::parse(text)).flatten().map(|root| {
                let bare = is_bare(&root);
                (root, bare)
            });
            Map { starts: lines::starts(text), tree }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn a_map_is_made_once_and_shared_between_threads() {
        let snapshot = Arc::new(Snapshot::new(3, "{\"integration\": {\"name\": \"mycrm\"}}\n".to_owned()));
        let other = Arc::clone(&snapshot);
        let worker = std::thread::spawn(move || other.source().map(|source| std::ptr::from_ref(source.root) as usize));
        let here = snapshot.source().map(|source| std::ptr::from_ref(source.root) as usize);
        let there = worker.join().expect("the thread ends");
        assert!(here.is_some());
        assert_eq!(here, there, "both threads read the one tree");
        assert_eq!(snapshot.lines().position(snapshot.text.len()), lsp_types::Position::new(1, 0));
    }

    #[test]
    fn other_json_has_lines_and_no_source() {
        let snapshot = Snapshot::new(1, "{\"compilerOptions\": {}}".to_owned());
        assert!(snapshot.source().is_none());
        assert!(!snapshot.is_manifest());
        assert_eq!(snapshot.lines().position(2), lsp_types::Position::new(0, 2));
    }
}
