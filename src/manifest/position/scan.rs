//! One pass over the JSON bytes, following the document only where the trie leads; values no pointer
//! enters are skipped by a fast scan of string state and bracket depth.

use super::trie::{ROOT, Trie};

/// An open container on the path being followed.
pub(super) struct Frame {
    /// The container's trie node.
    pub(super) node: usize,
    pub(super) array: bool,
    /// Index of the current element (arrays only).
    pub(super) index: usize,
    /// Next entry of `Trie::indices` still to be met, and the end of the node's entries
    /// (arrays only).
    pub(super) cursor: usize,
    pub(super) end: usize,
}

/// The state of one pass over the source.
pub(super) struct Scanner<'s, 't> {
    pub(super) src: &'s str,
    pub(super) trie: &'t mut Trie,
    pub(super) stamp: u64,
    /// Decoded text of a key that has escapes.
    pub(super) buf: String,
}

impl Scanner<'_, '_> {
    /// Follows the document where the trie leads, recording offsets. Returns `None` when it
    /// stops, which is also how it ends normally (the root value is done).
    pub(super) fn scan(&mut self) -> Option<()> {
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
    pub(super) fn start_item(&mut self, frame: &mut Frame, i: usize) -> Option<(usize, Option<usize>)> {
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
    pub(super) fn read_key(&mut self, start: usize, node: usize) -> Option<(usize, Option<usize>)> {
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
    pub(super) fn record(&mut self, node: usize, offset: usize) {
        self.stamp += 1;
        let node = &mut self.trie.nodes[node];
        node.offset = offset;
        node.stamp = self.stamp;
    }
}

/// The byte that closes an array or an object.
pub(super) fn close_of(array: bool) -> u8 {
    if array { b']' } else { b'}' }
}

pub(super) fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r')
}

/// Whether a value may start with `c` (leniently: anything but punctuation that cannot).
pub(super) fn is_value_start(c: u8) -> bool {
    !matches!(c, b',' | b':' | b']' | b'}')
}

/// The first offset at or after `i` that is not JSON whitespace (or the length).
pub(super) fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while let Some(&c) = b.get(i) {
        if !is_ws(c) {
            break;
        }
        i += 1;
    }
    i
}

/// The offset just after the value starting at `i`, or `None` if the input ends first.
pub(super) fn skip_value(b: &[u8], i: usize) -> Option<usize> {
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
pub(super) fn skip_string(b: &[u8], mut i: usize) -> Option<usize> {
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
pub(super) fn skip_nested(b: &[u8], mut i: usize, mut depth: usize) -> Option<usize> {
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

pub(super) const QUOTE: u8 = 1;
pub(super) const BACKSLASH: u8 = 2;
pub(super) const OPEN: u8 = 3;
pub(super) const CLOSE: u8 = 4;

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
pub(super) fn decode_key(src: &str, start: usize, end: usize, out: &mut String) {
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
pub(super) fn hex4(b: &[u8], i: usize) -> Option<u32> {
    let digits = b.get(i..i + 4)?;
    digits.iter().try_fold(0u32, |acc, &d| Some(acc * 16 + char::from(d).to_digit(16)?))
}
