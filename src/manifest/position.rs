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

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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

/// "No node" and "no offset".
const NONE: usize = usize::MAX;
/// The trie node of the whole document.
const ROOT: usize = 0;

/// One wanted path (or prefix of one) and what the scan found for it.
struct Node {
    parent: usize,
    /// The decoded token leading here from the parent: `Trie::text[token.0..token.1]`.
    token: (usize, usize),
    /// The children form a list: the first one and, from each, the next.
    first_child: usize,
    next_sibling: usize,
    /// How many children there are.
    children: usize,
    /// The next node in `Trie::wide` with the same edge hash, or `NONE`.
    next_same_hash: usize,
    /// Byte offset where the value was last seen, or `NONE`.
    offset: usize,
    /// When it was last seen (0 = never); a child only counts if seen after its parent.
    stamp: u64,
}

impl Node {
    fn new(parent: usize, token: (usize, usize)) -> Self {
        Node {
            parent,
            token,
            first_child: NONE,
            next_sibling: NONE,
            children: 0,
            next_same_hash: NONE,
            offset: NONE,
            stamp: 0,
        }
    }
}

/// Up to this many children are found by walking the list; more go into `Trie::wide`.
const NARROW: usize = 8;

/// The wanted pointers as a prefix tree in flat tables; a node's id is always greater than its
/// parent's.
#[derive(Default)]
struct Trie {
    nodes: Vec<Node>,
    /// All decoded tokens, one after the other.
    text: String,
    /// For the children of nodes with more than `NARROW` children: the hash of
    /// `(parent, token)` to the first child with that hash (see `Node::next_same_hash`).
    wide: HashMap<u64, usize, BuildHasherDefault<FxHasher>>,
    /// `(parent, index, child)` for every child whose token is a canonical array index.
    pending: Vec<(usize, usize, usize)>,
    /// `(index, child)` of the same children grouped by parent, each group sorted by index.
    indices: Vec<(usize, usize)>,
    /// The group of node `n` is `indices[groups[n]..groups[n + 1]]`.
    groups: Vec<usize>,
}

/// The hash of the edge from `parent` named `token`.
fn edge_hash(parent: usize, token: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write_usize(parent);
    hasher.write(token.as_bytes());
    hasher.finish()
}

impl Trie {
    /// A trie with room for `pointers`.
    fn new(pointers: &[&str]) -> Self {
        let tokens: usize = pointers.iter().map(|p| count(p.as_bytes(), |c| c == b'/')).sum();
        let text: usize = pointers.iter().map(|p| p.len()).sum();
        let mut nodes = Vec::with_capacity(tokens + 1);
        nodes.push(Node::new(NONE, (0, 0)));
        Trie { nodes, text: String::with_capacity(text), ..Trie::default() }
    }

    /// Adds a pointer and returns its node.
    fn insert(&mut self, pointer: &str) -> usize {
        let Some(rest) = pointer.strip_prefix('/') else {
            return ROOT;
        };
        let mut node = ROOT;
        for raw in rest.split('/') {
            let token = decode_token(raw);
            node = match self.child(node, &token) {
                Some(child) => child,
                None => self.add_child(node, &token),
            };
        }
        node
    }

    /// Adds the child `token` of `parent`, which has none of that name yet.
    fn add_child(&mut self, parent: usize, token: &str) -> usize {
        let child = self.nodes.len();
        let start = self.text.len();
        self.text.push_str(token);
        let mut node = Node::new(parent, (start, self.text.len()));
        node.next_sibling = self.nodes[parent].first_child;
        self.nodes.push(node);
        self.nodes[parent].first_child = child;
        self.nodes[parent].children += 1;
        if let Some(index) = parse_index(token) {
            self.pending.push((parent, index, child));
        }
        let children = self.nodes[parent].children;
        if children > NARROW + 1 {
            self.add_wide(child);
        } else if children == NARROW + 1 {
            let mut id = child;
            while id != NONE {
                self.add_wide(id);
                id = self.nodes[id].next_sibling;
            }
        }
        child
    }

    /// Makes node `id` findable through `wide`.
    fn add_wide(&mut self, id: usize) {
        let hash = edge_hash(self.nodes[id].parent, self.token(id));
        self.nodes[id].next_same_hash = self.wide.insert(hash, id).unwrap_or(NONE);
    }

    /// The decoded token of node `id`.
    fn token(&self, id: usize) -> &str {
        let (start, end) = self.nodes[id].token;
        self.text.get(start..end).unwrap_or_default()
    }

    /// The child of `parent` named `token` (an object key or a pointer token).
    fn child(&self, parent: usize, token: &str) -> Option<usize> {
        let wide = self.nodes[parent].children > NARROW;
        let mut id = if wide { *self.wide.get(&edge_hash(parent, token))? } else { self.nodes[parent].first_child };
        while let Some(node) = self.nodes.get(id) {
            if node.parent == parent && self.token(id) == token {
                return Some(id);
            }
            id = if wide { node.next_same_hash } else { node.next_sibling };
        }
        None
    }

    /// Groups the index children by parent (a counting sort) and sorts each group, so the scan
    /// can walk them in document order.
    fn finish(&mut self) {
        // Counts per parent, then where each group starts, then the entries put in place, each
        // moving its group's start on by one: afterwards `groups[n]` is where group `n` ends.
        let mut groups = vec![0; self.nodes.len() + 1];
        for &(parent, _, _) in &self.pending {
            groups[parent] += 1;
        }
        let mut start = 0;
        for slot in &mut groups {
            let count = *slot;
            *slot = start;
            start += count;
        }
        self.indices = vec![(0, 0); self.pending.len()];
        for &(parent, index, child) in &self.pending {
            self.indices[groups[parent]] = (index, child);
            groups[parent] += 1;
        }
        groups.rotate_right(1);
        groups[0] = 0;
        // Pointers usually come in document order, so the groups are mostly sorted already.
        for window in groups.windows(2) {
            let group = &mut self.indices[window[0]..window[1]];
            if !group.is_sorted() {
                group.sort_unstable();
            }
        }
        self.groups = groups;
    }

    /// Where the index children of `node` are in `indices`.
    fn group(&self, node: usize) -> (usize, usize) {
        match self.groups.get(node..node + 2) {
            Some(&[start, end]) => (start, end),
            _ => (0, 0),
        }
    }

    /// For every node, the offset of the node itself if it exists in the source, else that of
    /// its nearest existing ancestor (`NONE` when not even the root exists).
    fn resolve(&self) -> Vec<usize> {
        let mut resolved = vec![NONE; self.nodes.len()];
        let mut exact = vec![false; self.nodes.len()];
        for (id, node) in self.nodes.iter().enumerate() {
            if id == ROOT {
                resolved[id] = node.offset;
                exact[id] = node.offset != NONE;
                continue;
            }
            let parent = node.parent;
            // Seen after the parent's last occurrence means seen inside the value that counts
            // (with duplicate keys, only the last one does).
            if exact[parent] && node.offset != NONE && node.stamp > self.nodes[parent].stamp {
                resolved[id] = node.offset;
                exact[id] = true;
            } else {
                resolved[id] = resolved[parent];
            }
        }
        resolved
    }
}

/// Decodes `~1` to `/` and `~0` to `~`; any other `~` is kept as it is (as `serde_json` does).
fn decode_token(raw: &str) -> Cow<'_, str> {
    if !raw.contains('~') {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '~' {
            match chars.peek() {
                Some('0') => {
                    chars.next();
                    out.push('~');
                }
                Some('1') => {
                    chars.next();
                    out.push('/');
                }
                _ => out.push('~'),
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The array index a token stands for: `0` or digits without a leading zero, as in `serde_json`.
fn parse_index(token: &str) -> Option<usize> {
    let bytes = token.as_bytes();
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    if bytes.len() > 1 && bytes[0] == b'0' {
        return None;
    }
    token.parse().ok()
}

/// An open container on the path being followed.
struct Frame {
    /// The container's trie node.
    node: usize,
    array: bool,
    /// Index of the current element (arrays only).
    index: usize,
    /// Next entry of `Trie::indices` still to be met, and the end of the node's entries
    /// (arrays only).
    cursor: usize,
    end: usize,
}

/// The state of one pass over the source.
struct Scanner<'s, 't> {
    src: &'s str,
    trie: &'t mut Trie,
    stamp: u64,
    /// Decoded text of a key that has escapes.
    buf: String,
}

impl Scanner<'_, '_> {
    /// Follows the document where the trie leads, recording offsets. Returns `None` when it
    /// stops, which is also how it ends normally (the root value is done).
    fn scan(&mut self) -> Option<()> {
        let b = self.src.as_bytes();
        let mut i = skip_ws(b, 0);
        if i == 0 && b.starts_with("\u{feff}".as_bytes()) {
            i = skip_ws(b, 3);
        }
        b.get(i)?;
        self.record(ROOT, i);
        let mut want = Some(ROOT);
        let mut stack: Vec<Frame> = Vec::new();
        'value: loop {
            // `i` is at the first byte of a value, `want` is its trie node if a pointer enters it.
            let c = *b.get(i)?;
            let open = match want {
                Some(n) if c == b'{' && self.trie.nodes[n].children > 0 => Some((n, false, 0, 0)),
                Some(n) if c == b'[' => match self.trie.group(n) {
                    (start, end) if start < end => Some((n, true, start, end)),
                    _ => None,
                },
                _ => None,
            };
            match open {
                Some((node, array, cursor, end)) => {
                    stack.push(Frame { node, array, index: 0, cursor, end });
                    i = skip_ws(b, i + 1);
                    if *b.get(i)? != close_of(array) {
                        let frame = stack.last_mut()?;
                        (i, want) = self.start_item(frame, i)?;
                        continue 'value;
                    }
                    i += 1;
                    stack.pop();
                }
                _ => i = skip_value(b, i)?,
            }
            // After a value: close containers until one has a next item.
            loop {
                let frame = stack.last_mut()?;
                if frame.array && frame.cursor >= frame.end {
                    // No wanted element is left in this array.
                    i = skip_nested(b, i, 1)?;
                    stack.pop();
                    continue;
                }
                i = skip_ws(b, i);
                let c = *b.get(i)?;
                if c == b',' {
                    frame.index += 1;
                    i = skip_ws(b, i + 1);
                    b.get(i)?;
                    (i, want) = self.start_item(frame, i)?;
                    continue 'value;
                }
                if c != close_of(frame.array) {
                    return None;
                }
                i += 1;
                stack.pop();
            }
        }
    }

    /// At the first byte `i` of a container's next item: records it if wanted and returns the
    /// offset of its value and its trie node. `None` when the text is malformed here.
    fn start_item(&mut self, frame: &mut Frame, i: usize) -> Option<(usize, Option<usize>)> {
        let b = self.src.as_bytes();
        if frame.array {
            if !is_value_start(*b.get(i)?) {
                return None;
            }
            let want = match self.trie.indices.get(frame.cursor) {
                Some(&(index, child)) if index == frame.index && frame.cursor < frame.end => {
                    frame.cursor += 1;
                    self.record(child, i);
                    Some(child)
                }
                _ => None,
            };
            return Some((i, want));
        }
        if *b.get(i)? != b'"' {
            return None;
        }
        let (end, child) = self.read_key(i + 1, frame.node)?;
        let mut v = skip_ws(b, end);
        if *b.get(v)? != b':' {
            return None;
        }
        if let Some(child) = child {
            self.record(child, i);
        }
        v = skip_ws(b, v + 1);
        if !is_value_start(*b.get(v)?) {
            return None;
        }
        Some((v, child))
    }

    /// Reads the key starting after its opening quote at `start`; returns the offset after its
    /// closing quote and the child of `node` it names, if any.
    fn read_key(&mut self, start: usize, node: usize) -> Option<(usize, Option<usize>)> {
        let b = self.src.as_bytes();
        let stop = start + b.get(start..)?.iter().position(|&c| c == b'"' || c == b'\\')?;
        if b[stop] == b'"' {
            let key = self.src.get(start..stop)?;
            return Some((stop + 1, self.trie.child(node, key)));
        }
        let end = skip_string(b, stop)?;
        decode_key(self.src, start, end - 1, &mut self.buf);
        Some((end, self.trie.child(node, &self.buf)))
    }

    /// Notes that the value of `node` is at `offset` (its latest occurrence so far).
    fn record(&mut self, node: usize, offset: usize) {
        self.stamp += 1;
        let node = &mut self.trie.nodes[node];
        node.offset = offset;
        node.stamp = self.stamp;
    }
}

/// The byte that closes an array or an object.
fn close_of(array: bool) -> u8 {
    if array { b']' } else { b'}' }
}

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r')
}

/// Whether a value may start with `c` (leniently: anything but punctuation that cannot).
fn is_value_start(c: u8) -> bool {
    !matches!(c, b',' | b':' | b']' | b'}')
}

/// The first offset at or after `i` that is not JSON whitespace (or the length).
fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while let Some(&c) = b.get(i) {
        if !is_ws(c) {
            break;
        }
        i += 1;
    }
    i
}

/// The offset just after the value starting at `i`, or `None` if the input ends first.
fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'"' => skip_string(b, i + 1),
        b'{' | b'[' => skip_nested(b, i + 1, 1),
        _ => {
            let len = b
                .get(i..)?
                .iter()
                .position(|&c| is_ws(c) || matches!(c, b',' | b':' | b']' | b'}' | b'"' | b'[' | b'{'))
                .unwrap_or(b.len() - i);
            // A scalar is at least one byte long, so the scan always moves on.
            Some(i + len.max(1))
        }
    }
}

/// Inside a string at `i`: the offset just after its closing quote.
fn skip_string(b: &[u8], mut i: usize) -> Option<usize> {
    loop {
        i += b.get(i..)?.iter().position(|&c| c == b'"' || c == b'\\')?;
        if b[i] == b'"' {
            return Some(i + 1);
        }
        i += 2;
    }
}

/// Inside `depth` open containers at `i`: the offset just after the one that closes the
/// outermost. Only string state and bracket depth are tracked.
fn skip_nested(b: &[u8], mut i: usize, mut depth: usize) -> Option<usize> {
    let mut in_string = false;
    while let Some(&c) = b.get(i) {
        i += 1;
        let class = CLASS[usize::from(c)];
        if class == 0 {
            continue;
        }
        if in_string {
            match class {
                QUOTE => in_string = false,
                BACKSLASH => i += 1,
                _ => {}
            }
            continue;
        }
        match class {
            QUOTE => in_string = true,
            OPEN => depth += 1,
            CLOSE => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

const QUOTE: u8 = 1;
const BACKSLASH: u8 = 2;
const OPEN: u8 = 3;
const CLOSE: u8 = 4;

/// What each byte means to `skip_nested` (0: nothing).
static CLASS: [u8; 256] = {
    let mut class = [0; 256];
    class[b'"' as usize] = QUOTE;
    class[b'\\' as usize] = BACKSLASH;
    class[b'{' as usize] = OPEN;
    class[b'[' as usize] = OPEN;
    class[b'}' as usize] = CLOSE;
    class[b']' as usize] = CLOSE;
    class
};

/// Decodes the JSON string text `src[start..end]` (between the quotes) into `out`. Invalid
/// escapes and lone surrogates become U+FFFD; nothing here can fail.
fn decode_key(src: &str, start: usize, end: usize, out: &mut String) {
    out.clear();
    let b = src.as_bytes();
    let mut i = start;
    while i < end {
        let run = b[i..end].iter().position(|&c| c == b'\\').map_or(end, |p| i + p);
        if let Some(text) = src.get(i..run) {
            out.push_str(text);
        }
        i = run + 1;
        if run >= end {
            break;
        }
        let Some(&e) = b.get(i) else { break };
        i += 1;
        let c = match e {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let Some(high) = hex4(b, i) else {
                    out.push(char::REPLACEMENT_CHARACTER);
                    continue;
                };
                i += 4;
                // A high surrogate followed by an escaped low one is a single character.
                if (0xD800..0xDC00).contains(&high)
                    && b.get(i..i + 2) == Some(b"\\u")
                    && let Some(low) = hex4(b, i + 2).filter(|l| (0xDC00..0xE000).contains(l))
                {
                    i += 6;
                    let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                    out.push(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER));
                    continue;
                }
                char::from_u32(high).unwrap_or(char::REPLACEMENT_CHARACTER)
            }
            _ => char::REPLACEMENT_CHARACTER,
        };
        out.push(c);
    }
}

/// The value of four hex digits at `i`.
fn hex4(b: &[u8], i: usize) -> Option<u32> {
    let digits = b.get(i..i + 4)?;
    digits.iter().try_fold(0u32, |acc, &d| Some(acc * 16 + char::from(d).to_digit(16)?))
}

/// Lines and columns of the sorted, distinct byte `offsets`, in one forward sweep.
pub(crate) fn positions_of(b: &[u8], offsets: &[usize]) -> Vec<Position> {
    let mut out = Vec::with_capacity(offsets.len());
    let (mut line, mut column) = (1, 1);
    let mut at = 0; // the offset `line` and `column` describe
    for &offset in offsets {
        let Some(segment) = b.get(at..offset) else {
            break;
        };
        let newlines = count(segment, |c| c == b'\n');
        // Characters are counted as the bytes that do not continue a UTF-8 sequence.
        let is_char = |c: u8| (c as i8) >= -0x40;
        let last_newline = if newlines > 0 { segment.iter().rposition(|&c| c == b'\n') } else { None };
        match last_newline {
            Some(last) => {
                line += newlines;
                column = 1 + count(&segment[last + 1..], is_char);
            }
            None => column += count(segment, is_char),
        }
        at = offset;
        out.push(Position { line, column });
    }
    out
}

/// How many bytes of `s` satisfy `pred`, in a form the compiler vectorizes.
fn count(s: &[u8], pred: impl Fn(u8) -> bool) -> usize {
    s.chunks(255).map(|chunk| usize::from(chunk.iter().fold(0u8, |n, &c| n + u8::from(pred(c))))).sum()
}

/// The Fx hash (as in rustc): fast for the short keys of a manifest; no untrusted keys are stored.
#[derive(Default)]
struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        let mut word = [0; 8];
        word[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 56));
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn finish(&self) -> u64 {
        // The multiply leaves its best bits at the top; the table indexes with the low ones.
        self.0.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    fn pos(line: usize, column: usize) -> Option<Position> {
        Some(Position { line, column })
    }

    fn locate(source: &str, pointer: &str) -> Option<Position> {
        locate_all(source, &[pointer])[0]
    }

    /// The position of byte `offset`, counted the slow way.
    fn naive(source: &str, offset: usize) -> Position {
        let before = &source[..offset];
        let line_start = before.rfind('\n').map_or(0, |p| p + 1);
        Position { line: before.matches('\n').count() + 1, column: before[line_start..].chars().count() + 1 }
    }

    #[test]
    fn root_is_the_first_non_whitespace_character() {
        assert_eq!(locate("  \n\t {\"a\": 1}\n", ""), pos(2, 3));
        assert_eq!(locate("42", ""), pos(1, 1));
        assert_eq!(locate("\u{feff}{}", ""), pos(1, 2));
    }

    #[test]
    fn empty_or_blank_source_has_no_root() {
        assert_eq!(locate_all("", &["", "/a", "/0"]), vec![None, None, None]);
        assert_eq!(locate_all(" \n\r\t ", &["", "/a"]), vec![None, None]);
        assert_eq!(locate_all("{}", &[]), Vec::<Option<Position>>::new());
    }

    #[test]
    fn nested_members_point_at_their_key() {
        let source = "{\n  \"a\": {\n    \"b\": {\"c\": true},\n    \"d\": null\n  },\n  \"e\": 1\n}\n";
        assert_eq!(locate(source, "/a"), pos(2, 3));
        assert_eq!(locate(source, "/a/b"), pos(3, 5));
        assert_eq!(locate(source, "/a/b/c"), pos(3, 11));
        assert_eq!(locate(source, "/a/d"), pos(4, 5));
        assert_eq!(locate(source, "/e"), pos(6, 3));
    }

    #[test]
    fn array_elements_point_at_their_first_character() {
        let source = "[1, \"two\" ,\n  [ {\"x\": [ ]}, -3.5e2 ],\n  null]";
        assert_eq!(locate(source, "/0"), pos(1, 2));
        assert_eq!(locate(source, "/1"), pos(1, 5));
        assert_eq!(locate(source, "/2"), pos(2, 3));
        assert_eq!(locate(source, "/2/0"), pos(2, 5));
        assert_eq!(locate(source, "/2/0/x"), pos(2, 6));
        assert_eq!(locate(source, "/2/1"), pos(2, 17));
        assert_eq!(locate(source, "/3"), pos(3, 3));
    }

    #[test]
    fn escaped_keys_match_decoded_tokens() {
        let source = concat!(
            "{\"a\\\"b\": 1, \"c\\\\d\": 2, \"e\\/f\": 3, \"\\u00e9t\\u00E9\": 4,\n",
            " \"\\ud83d\\ude00\": 5, \"m~n\": 6, \"~1\": 7, \"p/q~r\": 8, \"\\n\": 9}"
        );
        assert_eq!(locate(source, "/a\"b"), pos(1, 2));
        assert_eq!(locate(source, "/c\\d"), pos(1, 13));
        assert_eq!(locate(source, "/e~1f"), pos(1, 24));
        assert_eq!(locate(source, "/été"), pos(1, 35));
        assert_eq!(locate(source, "/😀"), pos(2, 2));
        assert_eq!(locate(source, "/m~0n"), pos(2, 21));
        assert_eq!(locate(source, "/~01"), pos(2, 31));
        assert_eq!(locate(source, "/p~1q~0r"), pos(2, 40));
        assert_eq!(locate(source, "/\n"), pos(2, 52));
        // Undecoded forms do not match: they fall back to the root.
        assert_eq!(locate(source, "/e/f"), pos(1, 1));
        assert_eq!(locate(source, "/~1"), pos(1, 1));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let source = "{\"é😀\": \"ü—x\", \"k\": [\"日本\", 2]}";
        assert_eq!(locate(source, "/k"), pos(1, 15));
        assert_eq!(locate(source, "/k/1"), pos(1, 27));
        let source = "{\r\n\"ä\": {\r\n  \"ö\": 1}}";
        assert_eq!(locate(source, "/ä/ö"), pos(3, 3));
    }

    #[test]
    fn missing_key_points_at_its_object() {
        let source = "{\n  \"a\": {\n    \"b\": 1\n  }\n}";
        assert_eq!(locate(source, "/a/missing"), pos(2, 3));
        assert_eq!(locate(source, "/a/missing/deeper/0"), pos(2, 3));
        assert_eq!(locate(source, "/nope"), pos(1, 1));
        // A token into a scalar points at the scalar's member.
        assert_eq!(locate(source, "/a/b/c"), pos(3, 5));
        // An array index into an object, and a key into an array.
        assert_eq!(locate("{\"a\": {}}", "/a/0"), pos(1, 2));
        assert_eq!(locate("{\"a\": [1]}", "/a/x"), pos(1, 2));
    }

    #[test]
    fn index_past_the_end_points_at_the_array() {
        let source = "{\"list\": [\n  10,\n  20\n]}";
        assert_eq!(locate(source, "/list/1"), pos(3, 3));
        assert_eq!(locate(source, "/list/2"), pos(1, 2));
        assert_eq!(locate(source, "/list/99999999999999999999999"), pos(1, 2));
        assert_eq!(locate(source, "/list/-"), pos(1, 2));
        assert_eq!(locate("[]", "/0"), pos(1, 1));
    }

    #[test]
    fn only_canonical_indices_match_elements() {
        let source = "[\"a\", \"b\"]";
        assert_eq!(locate(source, "/1"), pos(1, 7));
        assert_eq!(locate(source, "/01"), pos(1, 1));
        assert_eq!(locate(source, "/+1"), pos(1, 1));
        // In an object, digits are just a key.
        let source = "{\"01\": 1, \"1\": 2}";
        assert_eq!(locate(source, "/01"), pos(1, 2));
        assert_eq!(locate(source, "/1"), pos(1, 11));
    }

    #[test]
    fn duplicate_keys_use_the_last_occurrence() {
        let source = "{\n\"a\": {\"x\": 1, \"y\": [0]},\n\"b\": 2,\n\"a\": {\"y\": []}\n}";
        assert_eq!(locate(source, "/a"), pos(4, 1));
        // Members of the earlier occurrence do not count any more.
        assert_eq!(locate(source, "/a/x"), pos(4, 1));
        assert_eq!(locate(source, "/a/y"), pos(4, 7));
        assert_eq!(locate(source, "/a/y/0"), pos(4, 7));
        assert_eq!(locate("{\"k\": 1, \"k\": 2, \"k\": 3}", "/k"), pos(1, 18));
    }

    #[test]
    fn many_children_of_one_node() {
        // More wanted children than `NARROW` are looked up by hash instead of in a list.
        let mut source = String::from("{");
        let mut pointers = Vec::new();
        let mut expected = Vec::new();
        for k in 0..40 {
            if k > 0 {
                source.push_str(",\n");
            }
            let key_at = source.len();
            write!(source, "\"key{k}\": [").unwrap();
            let element_at = source.len();
            write!(source, "\"value{k}\"]").unwrap();
            pointers.push(format!("/key{k}/0"));
            expected.push(Some(naive(&source, element_at)));
            if k % 3 == 0 {
                pointers.push(format!("/key{k}"));
                expected.push(Some(naive(&source, key_at)));
            }
            pointers.push(format!("/absent{k}"));
            expected.push(pos(1, 1));
        }
        source.push('}');
        pointers.reverse();
        expected.reverse();
        let refs: Vec<&str> = pointers.iter().map(String::as_str).collect();
        assert_eq!(locate_all(&source, &refs), expected);

        let source = format!("[{}]", vec!["0"; 1000].join(", "));
        let wanted = || (0..1100).rev().step_by(7);
        let pointers: Vec<String> = wanted().map(|k| format!("/{k}")).collect();
        let refs: Vec<&str> = pointers.iter().map(String::as_str).collect();
        let got = locate_all(&source, &refs);
        for (k, got) in wanted().zip(got) {
            assert_eq!(got, pos(1, if k < 1000 { 2 + 3 * k } else { 1 }), "{k}");
        }
    }

    #[test]
    fn pointers_in_any_order_and_repeated() {
        let source = "{\"a\": [1, {\"b\": 2}], \"c\": 3}";
        let got = locate_all(source, &["/c", "/a/1/b", "", "/c", "/a/0", "/a/1/b", "/zz", "/a"]);
        assert_eq!(
            got,
            vec![pos(1, 22), pos(1, 12), pos(1, 1), pos(1, 22), pos(1, 8), pos(1, 12), pos(1, 1), pos(1, 2),]
        );
    }

    #[test]
    fn malformed_pointer_gets_the_root() {
        assert_eq!(locate("  {\"a\": 1}", "a"), pos(1, 3));
        assert_eq!(locate("{\"\": {\"\": 1}}", "//"), pos(1, 7));
        assert_eq!(locate("{\"~2\": 1}", "/~2"), pos(1, 2));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 100_000;
        let open = "[".repeat(depth);
        let closed = format!("{open}{}", "]".repeat(depth));
        let deep_pointer = "/0".repeat(depth);
        let half_pointer = "/0".repeat(depth / 2);
        for source in [&open, &closed] {
            let got = locate_all(source, &["", &deep_pointer, &half_pointer, "/1"]);
            assert_eq!(got[0], pos(1, 1));
            assert_eq!(got[2], pos(1, depth / 2 + 1));
            assert_eq!(got[3], pos(1, 1));
            // The innermost array has no element 0: its own position.
            assert_eq!(got[1], pos(1, depth));
        }
        let objects = "{\"a\":".repeat(depth);
        let pointer = "/a".repeat(depth);
        assert_eq!(locate(&objects, &pointer), pos(1, (depth - 1) * 5 + 2));
        assert_eq!(locate(&objects, ""), pos(1, 1));
    }

    #[test]
    fn malformed_or_truncated_input_does_not_panic() {
        let valid = "{\"a\": [1, {\"b\\u00e9\": \"x\\\"y\"}, [true, null]], \"c\": {\"d\": -1.5e3}}";
        let pointers = ["", "/a", "/a/1/bé", "/a/2/1", "/c/d", "/c/x", "/a/9", "/a/1/bé/0"];
        for end in 0..=valid.len() {
            let got = locate_all(&valid[..end], &pointers);
            assert_eq!(got.len(), pointers.len());
            assert_eq!(got[0], if end == 0 { None } else { pos(1, 1) });
        }
        // Found before the text breaks off.
        let got = locate_all(&valid[..40], &pointers);
        assert_eq!(got[2], pos(1, 12));
        // `/a/2/1` is cut short (`nu`) but has started.
        assert_eq!(got[3], pos(1, 1 + valid.find("null").unwrap()));
        assert_eq!(got[4], pos(1, 1));
        let garbage = [
            "}",
            "]]]",
            "{,}",
            "[,]",
            "{\"a\" 1}",
            "{\"a\":}",
            "{\"a\":1,}",
            "[1,]",
            "[1 2]",
            "{\"a\\",
            "{\"\\u12",
            "{\"\\ud800\":1}",
            "{\"\\ud800\\u0041\":1}",
            "{\"\\é\":1}",
            "\"\\",
            "[\"\\",
            "{\"a\":[{]}",
            "{1:2}",
            "[[[}}}",
            "nul",
            "{\"a\":1}}}",
            "[]]",
            "\"abc",
            "[\u{0}\u{1}]",
            "{\"a\":\"\\uZZZZ\"}",
            "{\"a\"",
            "{\"a\":",
            "[-]",
        ];
        for source in garbage {
            for pointer in ["", "/a", "/0", "/0/0", "/a/0", "/é", "/\u{fffd}"] {
                let got = locate(source, pointer);
                assert!(got.is_some(), "{source:?} {pointer:?}");
            }
        }
        assert_eq!(locate("{\"\\ud800\":1}", "/\u{fffd}"), pos(1, 2));
    }

    #[test]
    fn large_document() {
        let count = 200_000;
        let mut source = String::from("{\n  \"items\": [\n");
        for k in 0..count {
            let comma = if k + 1 < count { "," } else { "" };
            writeln!(source, "    {{\"id\": {k}, \"name\": \"ítem {k}\", \"tags\": [\"a\", \"b\"]}}{comma}").unwrap();
        }
        source.push_str("  ],\n  \"count\": 200000\n}\n");

        let mut pointers = Vec::new();
        let mut expected = Vec::new();
        for k in (0..count).step_by(97).chain([count - 1]) {
            let line = k + 3;
            let text = format!("    {{\"id\": {k}, \"name\": \"ítem {k}\", \"tags\": [\"a\", \"b\"]}}");
            let column_of = |needle: &str| text[..text.find(needle).unwrap()].chars().count() + 1;
            pointers.push(format!("/items/{k}/name"));
            expected.push(pos(line, column_of("\"name\"")));
            pointers.push(format!("/items/{k}/tags/1"));
            expected.push(pos(line, column_of("\"b\"")));
            pointers.push(format!("/items/{k}/missing"));
            expected.push(pos(line, 5));
        }
        pointers.push(format!("/items/{count}"));
        expected.push(pos(2, 3));
        pointers.push("/count".to_owned());
        expected.push(pos(count + 4, 3));
        pointers.reverse();
        expected.reverse();

        let refs: Vec<&str> = pointers.iter().map(String::as_str).collect();
        let started = std::time::Instant::now();
        let got = locate_all(&source, &refs);
        let elapsed = started.elapsed();
        let few = locate_all(&source, &["/count", "/items/123456/id"]);
        eprintln!(
            "large_document: {} bytes, {} pointers in {elapsed:?}; 2 pointers in {:?}",
            source.len(),
            refs.len(),
            started.elapsed() - elapsed
        );
        assert_eq!(got, expected);
        assert_eq!(few, vec![pos(count + 4, 3), pos(123_459, 6)]);
    }

    /// A small xorshift generator, so the randomized test needs no crates and is repeatable.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    fn escape_token(key: &str) -> String {
        key.replace('~', "~0").replace('/', "~1")
    }

    fn write_ws(rng: &mut Rng, out: &mut String) {
        for _ in 0..rng.below(3) {
            out.push([' ', '\n', '\t', '\r'][rng.below(4)]);
        }
    }

    fn write_key(rng: &mut Rng, key: &str, out: &mut String) {
        out.push('"');
        for c in key.chars() {
            match (c, rng.below(3)) {
                ('"', _) => out.push_str("\\\""),
                ('\\', _) => out.push_str("\\\\"),
                ('/', 0) => out.push_str("\\/"),
                (c, 0) => {
                    let mut units = [0u16; 2];
                    for unit in c.encode_utf16(&mut units) {
                        write!(out, "\\u{unit:04x}").unwrap();
                    }
                }
                (c, _) => out.push(c),
            }
        }
        out.push('"');
    }

    /// Writes a random value at `path`, noting the offset of each value a pointer can name.
    fn write_value(rng: &mut Rng, depth: usize, path: &str, out: &mut String, seen: &mut Vec<(String, usize)>) {
        const KEYS: [&str; 10] = ["a", "b", "0", "x/y", "t~n", "é", "😀", "q\"\\", "", "~1"];
        let kind = if depth == 0 { rng.below(4) } else { rng.below(6) };
        match kind {
            0 => out.push_str(["1", "-2.5e3", "true", "null"][rng.below(4)]),
            1 => out.push_str("\"s\\\"[{\""),
            2 => out.push_str("[]"),
            3 => out.push_str("{}"),
            4 => {
                out.push('[');
                for index in 0..rng.below(5) {
                    if index > 0 {
                        out.push(',');
                    }
                    write_ws(rng, out);
                    let path = format!("{path}/{index}");
                    seen.push((path.clone(), out.len()));
                    write_value(rng, depth - 1, &path, out, seen);
                    write_ws(rng, out);
                }
                out.push(']');
            }
            _ => {
                out.push('{');
                let mut keys = KEYS.to_vec();
                for index in 0..rng.below(5) {
                    if index > 0 {
                        out.push(',');
                    }
                    write_ws(rng, out);
                    let key = keys.swap_remove(rng.below(keys.len()));
                    let path = format!("{path}/{}", escape_token(key));
                    seen.push((path.clone(), out.len()));
                    write_key(rng, key, out);
                    write_ws(rng, out);
                    out.push(':');
                    write_ws(rng, out);
                    write_value(rng, depth - 1, &path, out, seen);
                    write_ws(rng, out);
                }
                out.push('}');
            }
        }
    }

    #[test]
    fn randomized_documents_match_a_naive_oracle() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..500 {
            let mut source = String::new();
            let mut seen = Vec::new();
            write_ws(&mut rng, &mut source);
            seen.push((String::new(), source.len()));
            write_value(&mut rng, 4, "", &mut source, &mut seen);
            write_ws(&mut rng, &mut source);

            let mut pointers: Vec<(String, Position)> = Vec::new();
            for (path, offset) in &seen {
                let at = naive(&source, *offset);
                if rng.below(3) > 0 {
                    pointers.push((path.clone(), at));
                }
                if rng.below(4) == 0 {
                    pointers.push((format!("{path}/nothing"), at));
                }
            }
            for k in (1..pointers.len()).rev() {
                pointers.swap(k, rng.below(k + 1));
            }
            let refs: Vec<&str> = pointers.iter().map(|(p, _)| p.as_str()).collect();
            let got = locate_all(&source, &refs);
            for ((pointer, want), got) in pointers.iter().zip(got) {
                assert_eq!(got, Some(*want), "{pointer:?} in {source:?}");
            }

            // Broken variants: no panic, and the root is found whenever there is any text.
            for _ in 0..5 {
                let mut chars: Vec<char> = source.chars().collect();
                for _ in 0..1 + rng.below(3) {
                    let at = rng.below(chars.len() + 1);
                    match rng.below(3) {
                        0 if at < chars.len() => {
                            chars.remove(at);
                        }
                        1 => chars.truncate(at),
                        _ => chars.insert(at, ['"', '\\', '{', '}', '[', ']', ',', ':', 'é'][rng.below(9)]),
                    }
                }
                let broken: String = chars.into_iter().collect();
                let got = locate_all(&broken, &refs);
                assert_eq!(got.len(), refs.len());
                let blank = broken.trim_matches([' ', '\t', '\n', '\r']).is_empty();
                assert!(got.iter().all(|p| p.is_some() != blank), "{broken:?}");
            }
        }
    }
}
