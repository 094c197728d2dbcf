//! Where a JSON pointer's value is written: maps RFC 6901 pointers to line/column positions
//! in JSON source text.
//!
//! Diagnostics of the validator carry a JSON pointer into the file as written, and the CLI prints
//! `path:line:column`. [`locate_all`] resolves all pointers of one file at once.
//!
//! The wanted pointers are first put into a trie of decoded tokens. One pass over the bytes then
//! follows the document only where some pointer leads: a value no pointer enters is skipped by a
//! fast scan that only tracks string state and bracket depth. The scan keeps an explicit stack
//! (no recursion, so any nesting depth is fine), never panics, and stops quietly at the first
//! malformed spot, keeping what it found so far. Positions are recorded as byte offsets and turned
//! into lines and columns only for the answers, in one forward sweep.

mod lines;
mod scan;
#[cfg(test)]
mod tests;
mod trie;

pub(crate) use lines::positions_of;
use scan::Scanner;
use trie::{NONE, Trie};

/// A 1-based line and column in the source; the column counts characters (Unicode scalar values), not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// 1-based line number; lines end at `'\n'`.
    pub line: usize,
    /// 1-based column, in characters from the start of the line.
    pub column: usize,
}

/// Finds where each pointer's value is written in `source`, in one pass over the text.
/// For an object member, the position is that of its key's opening quote; for an array element, its first character; for "" (the whole document), the first non-whitespace character.
/// A pointer that does not exist in the source (a missing key, an index past the end) gets the position of its nearest existing ancestor, so a diagnostic about a missing key points at the object it belongs in.
/// Returns one entry per pointer, in the order given; None only when not even the root exists (empty or whitespace-only source).
///
/// Tokens are decoded (`~1` is `/`, `~0` is `~`) and compared with the decoded key text, so
/// escapes in keys (`\"`, `\/`, `\u00e9`, surrogate pairs) are matched. Of duplicate keys the last
/// one counts, as in `serde_json`. An array index matches only in its canonical form (`0`, `17`,
/// not `017` or `-`). A malformed pointer (not empty and not starting with `/`) gets the root's
/// position. A leading byte-order mark is skipped. Malformed or truncated JSON is scanned up to
/// its first error.
pub fn locate_all(source: &str, pointers: &[&str]) -> Vec<Option<Position>> {
    let mut trie = Trie::new(pointers);
    let targets: Vec<usize> = pointers.iter().map(|p| trie.insert(p)).collect();
    trie.finish();

    let mut scanner = Scanner { src: source, trie: &mut trie, stamp: 0, buf: String::new() };
    // `None` only means the scan stopped early (end of the root value, end of input or an
    // error); everything recorded until then stands.
    let _ = scanner.scan();

    let resolved = trie.resolve();
    let mut offsets: Vec<usize> = targets.iter().map(|&t| resolved[t]).filter(|&o| o != NONE).collect();
    offsets.sort_unstable();
    offsets.dedup();
    let positions = positions_of(source.as_bytes(), &offsets);

    targets
        .iter()
        .map(|&t| {
            let offset = resolved[t];
            offsets.binary_search(&offset).ok().and_then(|k| positions.get(k).copied())
        })
        .collect()
}
