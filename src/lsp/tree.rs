//! A forgiving map of JSON text: where each key and value is, even in a file the author is still typing.
//!
//! `serde_json` stops at the first error; an editor asks "what is under the cursor?" of text that is
//! broken half of the time (`{"integration": {"na`). This parser never fails: it keeps every member
//! it could read, closes what is left open at the end, ends an unclosed string at its line's end,
//! and stops a container at the first token it cannot place. Spans are byte offsets into the text.

use std::ops::Range;

/// Deeper than any manifest; past it values are skipped, so hostile nesting cannot exhaust the stack.
const MAX_DEPTH: usize = 128;

/// One JSON value and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    /// What kind of value it is.
    pub kind: Kind,
    /// From its first byte to just past its last (the closing bracket or quote, when written).
    pub span: Range<usize>,
    /// An object's members or an array's elements, in the order written.
    pub members: Vec<Member>,
    /// False for an object, array or string whose closing bracket or quote is not written yet.
    pub closed: bool,
}

/// The kinds of value the editor features tell apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `{...}`
    Object,
    /// `[...]`
    Array,
    /// `"..."`
    String,
    /// A number, `true`, `false`, `null`, or a word that is none of them yet.
    Scalar,
}

/// A member of an object (with its key) or an element of an array (without one).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Member {
    /// The key, `None` in an array.
    pub key: Option<Key>,
    /// The value, when one is written after the key.
    pub value: Option<Node>,
}

/// An object member's key.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Key {
    /// The key as read, escapes decoded.
    pub name: String,
    /// Its quoted text.
    pub span: Range<usize>,
    /// False while its closing quote is not written.
    pub closed: bool,
}

impl Key {
    /// True when byte `offset` is between its quotes.
    fn holds(&self, offset: usize) -> bool {
        self.span.start < offset && (offset < self.span.end || !self.closed && offset == self.span.end)
    }
}

/// A step of a path into the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Segment {
    /// An object member by key.
    Key(String),
    /// An array element by index.
    Index(usize),
}

/// What the cursor is on.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Place<'t> {
    /// Inside a key's quotes; the path ends with that key.
    Key(Range<usize>),
    /// On a value (a string, a scalar); the path leads to it.
    Value(&'t Node),
    /// Between the members of an object (where a new key goes); the path leads to the object.
    Member(&'t Node),
    /// Between the elements of an array; the path leads to the array.
    Element(&'t Node),
}

/// Reads `text` as far as it goes; `None` only when it holds no value at all.
pub(crate) fn parse(text: &str) -> Option<Node> {
    let mut parser = Parser { bytes: text.as_bytes(), text, at: 0 };
    parser.skip_space();
    parser.value(0)
}

impl Node {
    /// The string's text with escapes decoded (the raw text between the quotes when it is broken).
    pub(crate) fn string<'a>(&self, text: &'a str) -> Option<std::borrow::Cow<'a, str>> {
        (self.kind == Kind::String).then(|| decode(&text[self.span.clone()]))
    }

    /// The value of the member `key` of this object (the last one, as `serde_json` keeps).
    pub(crate) fn get(&self, key: &str) -> Option<&Node> {
        self.members.iter().rev().find(|member| member.key.as_ref().is_some_and(|k| k.name == key))?.value.as_ref()
    }

    /// The member (key and value) that `pointer` (RFC 6901) names, as `(key span, value)`.
    pub(crate) fn member_at(&self, pointer: &str) -> Option<(Option<Range<usize>>, &Node)> {
        if pointer.is_empty() {
            return Some((None, self));
        }
        let mut node = self;
        let mut key_span = None;
        for token in pointer.strip_prefix('/')?.split('/') {
            let token = token.replace("~1", "/").replace("~0", "~");
            let member = match node.kind {
                Kind::Object => {
                    node.members.iter().rev().find(|member| member.key.as_ref().is_some_and(|k| k.name == token))?
                }
                Kind::Array => node.members.get(token.parse::<usize>().ok()?)?,
                _ => return None,
            };
            key_span = member.key.as_ref().map(|key| key.span.clone());
            node = member.value.as_ref()?;
        }
        Some((key_span, node))
    }

    /// The path to what is at byte `offset`, and what it is.
    pub(crate) fn place(&self, offset: usize) -> (Vec<Segment>, Place<'_>) {
        let mut path = Vec::new();
        let mut node = self;
        loop {
            if !matches!(node.kind, Kind::Object | Kind::Array) || !node.contains(offset) {
                return (path, Place::Value(node));
            }
            let mut next = None;
            for (index, member) in node.members.iter().enumerate() {
                if let Some(key) = &member.key
                    && key.holds(offset)
                {
                    path.push(Segment::Key(key.name.clone()));
                    return (path, Place::Key(key.span.clone()));
                }
                if let Some(value) = &member.value
                    && value.contains(offset)
                {
                    let segment = match &member.key {
                        Some(key) => Segment::Key(key.name.clone()),
                        None => Segment::Index(index),
                    };
                    next = Some((segment, value));
                    break;
                }
            }
            match next {
                Some((segment, value)) => {
                    path.push(segment);
                    if !matches!(value.kind, Kind::Object | Kind::Array) {
                        return (path, Place::Value(value));
                    }
                    node = value;
                }
                None => return (path, container(node)),
            }
        }
    }

    /// True when byte `offset` (a cursor between two bytes) is on this value: strictly inside a
    /// container's brackets, inside or just after a string or a word.
    fn contains(&self, offset: usize) -> bool {
        let Range { start, end } = self.span;
        match self.kind {
            Kind::Object | Kind::Array => start < offset && (offset < end || !self.closed),
            Kind::String => start < offset && offset <= end,
            Kind::Scalar => start <= offset && offset <= end,
        }
    }
}

/// The place between the members of `node`.
fn container(node: &Node) -> Place<'_> {
    if node.kind == Kind::Array { Place::Element(node) } else { Place::Member(node) }
}

/// Decodes a quoted JSON string; broken escapes or a missing closing quote give the raw inner text.
fn decode(quoted: &str) -> std::borrow::Cow<'_, str> {
    // Without a backslash there is nothing to decode: the text between the quotes is the string
    // (what the JSON reader gives too, or what a broken string falls back to below).
    if !quoted.contains('\\') {
        let inner = quoted.strip_prefix('"').unwrap_or(quoted);
        return inner.strip_suffix('"').unwrap_or(inner).into();
    }
    if let Ok(text) = serde_json::from_str::<String>(quoted) {
        return text.into();
    }
    let inner = quoted.strip_prefix('"').unwrap_or(quoted);
    inner.strip_suffix('"').unwrap_or(inner).into()
}

struct Parser<'a> {
    bytes: &'a [u8],
    text: &'a str,
    at: usize,
}

impl Parser<'_> {
    fn skip_space(&mut self) {
        while self.bytes.get(self.at).is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        let start = self.at;
        match *self.bytes.get(self.at)? {
            b'{' | b'[' if depth >= MAX_DEPTH => {
                self.skip_nested();
                Some(Node { kind: Kind::Scalar, span: start..self.at, members: Vec::new(), closed: true })
            }
            b'{' => Some(self.container(Kind::Object, depth)),
            b'[' => Some(self.container(Kind::Array, depth)),
            b'"' => {
                let closed = self.string();
                Some(Node { kind: Kind::String, span: start..self.at, members: Vec::new(), closed })
            }
            b'}' | b']' | b',' | b':' => None,
            _ => {
                while self
                    .bytes
                    .get(self.at)
                    .is_some_and(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b',' | b'}' | b']' | b':' | b'"'))
                {
                    self.at += 1;
                }
                Some(Node { kind: Kind::Scalar, span: start..self.at, members: Vec::new(), closed: true })
            }
        }
    }

    /// Past a string: its closing quote (true), or the end of its line when it has none (false).
    /// The text between escapes is skipped with `memchr`: a 16 MB description is mapped in a
    /// fraction of the time a loop over its bytes takes.
    fn string(&mut self) -> bool {
        self.at += 1;
        loop {
            let rest = self.bytes.get(self.at..).unwrap_or_default();
            let stop = memchr::memchr3(b'"', b'\\', b'\n', rest).unwrap_or(rest.len());
            // A carriage return ends a string without its closing quote, as a line feed does.
            if let Some(at) = memchr::memchr(b'\r', &rest[..stop]) {
                self.at += at;
                return false;
            }
            self.at += stop;
            match self.bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return true;
                }
                Some(b'\\') => self.at += 2,
                _ => {
                    self.at = self.at.min(self.bytes.len());
                    return false;
                }
            }
        }
    }

    /// Past a container too deep to map, counting brackets only.
    fn skip_nested(&mut self) {
        let mut depth = 0usize;
        while let Some(&byte) = self.bytes.get(self.at) {
            match byte {
                b'"' => {
                    let _ = self.string();
                    continue;
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth -= 1;
                    if depth == 0 {
                        self.at += 1;
                        return;
                    }
                }
                _ => {}
            }
            self.at += 1;
        }
    }

    fn container(&mut self, kind: Kind, depth: usize) -> Node {
        let start = self.at;
        let close = if kind == Kind::Object { b'}' } else { b']' };
        self.at += 1;
        let mut members = Vec::new();
        let mut closed = false;
        loop {
            self.skip_space();
            match self.bytes.get(self.at) {
                None => break,
                Some(&byte) if byte == close => {
                    self.at += 1;
                    closed = true;
                    break;
                }
                Some(b',') => {
                    self.at += 1;
                    continue;
                }
                Some(_) => {}
            }
            let key = if kind == Kind::Object {
                if self.bytes.get(self.at) != Some(&b'"') {
                    break;
                }
                let key_start = self.at;
                let closed = self.string();
                let span = key_start..self.at;
                let key = Key { name: decode(&self.text[span.clone()]).into_owned(), span, closed };
                self.skip_space();
                if self.bytes.get(self.at) != Some(&b':') {
                    members.push(Member { key: Some(key), value: None });
                    continue;
                }
                self.at += 1;
                self.skip_space();
                Some(key)
            } else {
                None
            };
            let value = self.value(depth + 1);
            let stuck = value.is_none() && key.is_none();
            members.push(Member { key, value });
            if stuck {
                break;
            }
        }
        Node { kind, span: start..self.at, members, closed }
    }
}

#[cfg(test)]
mod tests;
