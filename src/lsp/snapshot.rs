//! One version of an open document, and its map (the forgiving tree and the line index), made once
//! per version by whichever thread needs it first.
//!
//! Mapping a 16 MB manifest takes longer than an editor waits for a hover. A change makes a new
//! snapshot; the diagnostics worker maps it before it runs the rules, and every request on that
//! version reads the same map (a request that comes first makes it, and the worker then waits for
//! it rather than making it twice). The main loop itself never maps anything.
//!
//! A snapshot made by an edit keeps the map of an earlier version and the edits since (its
//! `Base`): when they only type inside strings or change the space between tokens, its map is that
//! one moved (`remap`), in time proportional to the tree's members rather than to the text.

use super::fields::is_bare;
use super::lines::{self, Lines};
use super::remap::{Edit, remap, whole};
use super::source::Source;
use super::tree::{self, Node};
use crate::manifest::sniff;
use std::sync::{Arc, Mutex, OnceLock};

/// Past this many edits since a map, the text is read again rather than the edits replayed.
const REPLAYED: usize = 256;

/// A document's text at one version.
#[derive(Debug)]
pub(crate) struct Snapshot {
    /// The text.
    pub text: String,
    /// The editor's version number of this text.
    pub version: i32,
    map: OnceLock<Arc<Map>>,
    /// An earlier version's map and the edits since, taken by whichever thread maps this one.
    base: Mutex<Option<Base>>,
}

/// A map of an earlier version, and the edits that lead from its text to this one's.
#[derive(Debug, Clone)]
struct Base {
    map: Arc<Map>,
    edits: Vec<Edit>,
}

/// What requests need of one text, made once.
#[derive(Debug)]
struct Map {
    /// Where each line starts.
    starts: Vec<usize>,
    /// The tree, and whether the document is a bare integration; `None` when the text is not a
    /// manifest (or holds no value at all).
    tree: Option<(Node, bool)>,
    /// True when the tree was read to the text's end with everything closed: edits can move it.
    whole: bool,
}

impl Snapshot {
    /// The text `text` at `version`, not mapped yet.
    pub(crate) fn new(version: i32, text: String) -> Snapshot {
        Snapshot { text, version, map: OnceLock::new(), base: Mutex::new(None) }
    }

    /// The text `text` at `version`, made from `previous` by `edits` (`None`: edits not
    /// described, such as a whole new text); its map may be moved from an earlier one.
    pub(crate) fn edited(previous: &Snapshot, version: i32, text: String, edits: Option<Vec<Edit>>) -> Snapshot {
        let base = edits.and_then(|edits| previous.base_with(edits));
        Snapshot { text, version, map: OnceLock::new(), base: Mutex::new(base) }
    }

    /// This version's map (or the map it waits to be moved from) followed by `edits`.
    fn base_with(&self, edits: Vec<Edit>) -> Option<Base> {
        // The base first: it is cleared only once the map is made, so while this version is being
        // mapped (from it) the next one still finds it, rather than nothing to move.
        let pending = self.base.lock().ok()?.clone();
        if let Some(map) = self.map.get() {
            return map.whole.then(|| Base { map: Arc::clone(map), edits });
        }
        let mut base = pending?;
        base.edits.extend(edits);
        (base.edits.len() <= REPLAYED).then_some(base)
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
        let map = self.map.get_or_init(|| {
            let base = self.base.lock().ok().and_then(|base| base.clone());
            Arc::new(base.and_then(Base::replayed).unwrap_or_else(|| Map::read(&self.text)))
        });
        // Made: the earlier map is no longer needed (`base_with` reads this one now).
        if let Ok(mut base) = self.base.lock() {
            base.take();
        }
        map
    }
}

impl Map {
    /// The map of `text`, read from its first byte.
    fn read(text: &str) -> Map {
        let tree = sniff::is_manifest(text.as_bytes()).then(|| tree::parse(text)).flatten().map(|root| {
            let bare = is_bare(&root);
            (root, bare)
        });
        let whole = tree.as_ref().is_some_and(|(root, _)| whole(root, text));
        Map { starts: lines::starts(text), tree, whole }
    }
}

impl Base {
    /// The map moved through every edit; `None` when one of them could change the tree. Keys and
    /// the top-level shape do not change, so neither does being a manifest or a bare integration.
    fn replayed(self) -> Option<Map> {
        let (root, bare) = self.map.tree.as_ref()?;
        let mut moved: Option<(Node, Vec<usize>)> = None;
        for edit in &self.edits {
            let (tree, starts) = moved.as_ref().map_or((root, &self.map.starts[..]), |(tree, starts)| (tree, starts));
            let next = remap(tree, starts, edit)?;
            moved = Some(next);
        }
        let (root, starts) = moved.unwrap_or_else(|| (root.clone(), self.map.starts.clone()));
        Some(Map { starts, tree: Some((root, *bare)), whole: true })
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

    /// `before` with `written` put at the first `at` in its text.
    fn edited(before: &Snapshot, at: &str, written: &str) -> Snapshot {
        let start = before.text.find(at).expect("the place is in the text");
        let mut text = before.text.clone();
        text.replace_range(start..start, written);
        let edit = Edit::new(&before.text, start..start, written).expect("a small edit");
        Snapshot::edited(before, before.version + 1, text, Some(vec![edit]))
    }

    #[test]
    fn an_edited_version_maps_as_its_text_reads_through_versions_never_mapped() {
        let first = Snapshot::new(1, include_str!("../../assets/examples/mycrm.json").to_owned());
        first.map_now();
        let second = edited(&first, "My CRM", "Your ");
        let third = edited(&second, "\"display_name\"", "  ");
        let fourth = edited(&third, "Your", "\"");
        for snapshot in [&third, &fourth] {
            let read = Map::read(&snapshot.text);
            let map = snapshot.map();
            assert_eq!((&map.tree, &map.starts, map.whole), (&read.tree, &read.starts, read.whole));
        }
        assert!(second.map.get().is_none(), "the third version was moved through the second's edit");
        assert!(!fourth.map().whole, "a quote inside a string leaves it open: read again");
    }

    #[test]
    fn other_json_has_lines_and_no_source() {
        let snapshot = Snapshot::new(1, "{\"compilerOptions\": {}}".to_owned());
        assert!(snapshot.source().is_none());
        assert!(!snapshot.is_manifest());
        assert_eq!(snapshot.lines().position(2), lsp_types::Position::new(0, 2));
    }
}
