//! The wanted pointers as a prefix tree of decoded tokens, and what the scan found for each.

use super::lines::count;
use foldhash::fast::FixedState;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::BuildHasher;

/// "No node" and "no offset".
pub(super) const NONE: usize = usize::MAX;
/// The trie node of the whole document.
pub(super) const ROOT: usize = 0;

/// One wanted path (or prefix of one) and what the scan found for it.
pub(super) struct Node {
    pub(super) parent: usize,
    /// The decoded token leading here from the parent: `Trie::text[token.0..token.1]`.
    pub(super) token: (usize, usize),
    /// The children form a list: the first one and, from each, the next.
    pub(super) first_child: usize,
    pub(super) next_sibling: usize,
    /// How many children there are.
    pub(super) children: usize,
    /// The next node in `Trie::wide` with the same edge hash, or `NONE`.
    pub(super) next_same_hash: usize,
    /// Byte offset where the value was last seen, or `NONE`.
    pub(super) offset: usize,
    /// When it was last seen (0 = never); a child only counts if seen after its parent.
    pub(super) stamp: u64,
}

impl Node {
    pub(super) fn new(parent: usize, token: (usize, usize)) -> Self {
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
pub(super) const NARROW: usize = 8;

/// The wanted pointers as a prefix tree in flat tables; a node's id is always greater than its
/// parent's.
#[derive(Default)]
pub(super) struct Trie {
    pub(super) nodes: Vec<Node>,
    /// All decoded tokens, one after the other.
    pub(super) text: String,
    /// For the children of nodes with more than `NARROW` children: the hash of
    /// `(parent, token)` to the first child with that hash (see `Node::next_same_hash`).
    pub(super) wide: HashMap<u64, usize, FixedState>,
    /// `(parent, index, child)` for every child whose token is a canonical array index.
    pub(super) pending: Vec<(usize, usize, usize)>,
    /// `(index, child)` of the same children grouped by parent, each group sorted by index.
    pub(super) indices: Vec<(usize, usize)>,
    /// The group of node `n` is `indices[groups[n]..groups[n + 1]]`.
    pub(super) groups: Vec<usize>,
}

/// The hash of the edge from `parent` named `token` (foldhash: fast for a manifest's short keys; the
/// keys come from the validator's own pointers, so a fixed seed is fine).
pub(super) fn edge_hash(parent: usize, token: &str) -> u64 {
    FixedState::default().hash_one((parent, token))
}

impl Trie {
    /// A trie with room for `pointers`.
    pub(super) fn new(pointers: &[&str]) -> Self {
        let tokens: usize = pointers.iter().map(|p| count(p.as_bytes(), |c| c == b'/')).sum();
        let text: usize = pointers.iter().map(|p| p.len()).sum();
        let mut nodes = Vec::with_capacity(tokens + 1);
        nodes.push(Node::new(NONE, (0, 0)));
        Trie { nodes, text: String::with_capacity(text), ..Trie::default() }
    }

    /// Adds a pointer and returns its node.
    pub(super) fn insert(&mut self, pointer: &str) -> usize {
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
    pub(super) fn add_child(&mut self, parent: usize, token: &str) -> usize {
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
    pub(super) fn add_wide(&mut self, id: usize) {
        let hash = edge_hash(self.nodes[id].parent, self.token(id));
        self.nodes[id].next_same_hash = self.wide.insert(hash, id).unwrap_or(NONE);
    }

    /// The decoded token of node `id`.
    pub(super) fn token(&self, id: usize) -> &str {
        let (start, end) = self.nodes[id].token;
        self.text.get(start..end).unwrap_or_default()
    }

    /// The child of `parent` named `token` (an object key or a pointer token).
    pub(super) fn child(&self, parent: usize, token: &str) -> Option<usize> {
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
    pub(super) fn finish(&mut self) {
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
    pub(super) fn group(&self, node: usize) -> (usize, usize) {
        match self.groups.get(node..node + 2) {
            Some(&[start, end]) => (start, end),
            _ => (0, 0),
        }
    }

    /// For every node, the offset of the node itself if it exists in the source, else that of
    /// its nearest existing ancestor (`NONE` when not even the root exists).
    pub(super) fn resolve(&self) -> Vec<usize> {
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
pub(super) fn decode_token(raw: &str) -> Cow<'_, str> {
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
pub(super) fn parse_index(token: &str) -> Option<usize> {
    let bytes = token.as_bytes();
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    if bytes.len() > 1 && bytes[0] == b'0' {
        return None;
    }
    token.parse().ok()
}
