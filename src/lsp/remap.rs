//! A new version's map made from the version before it, when the edit between them cannot change
//! the tree: typing inside a string, or spaces and line breaks between tokens. The tree keeps its
//! shape and only the spans after the edit move, so a keystroke in a 16 MB manifest costs a walk of
//! its members and its line starts, not a new read of 16 MB.
//!
//! Anything else (a quote, a backslash, a bracket, a comma, a key, two words made to touch) gets no
//! shortcut: the snapshot reads its text again. Only a tree read to the end of the text with every
//! string and container closed is moved; a half-typed document is read again on each change.

use super::tree::{Key, Kind, Member, Node};
use std::ops::Range;

/// An edit replacing more than this is not described: the next map reads the text again.
const KEPT: usize = 64 * 1024;

/// One change of a text, and what it can change of the text's tree.
#[derive(Debug, Clone)]
pub(crate) struct Edit {
    /// The bytes replaced, in the text before the edit.
    replaced: Range<usize>,
    /// Where the written text has line breaks (byte offsets inside it), and its length.
    breaks: Vec<usize>,
    written: usize,
    /// JSON whitespace replaced by JSON whitespace, without making two words touch: harmless
    /// between tokens.
    space: bool,
    /// No quote, backslash or line break replaced or written, and not just after a backslash:
    /// harmless inside a string.
    plain: bool,
}

impl Edit {
    /// The edit writing `written` over the bytes `replaced` of `before` (the text it changes);
    /// `None` when it is too large to be worth describing.
    pub(crate) fn new(before: &str, replaced: Range<usize>, written: &str) -> Option<Edit> {
        let removed = before.as_bytes().get(replaced.clone())?;
        if removed.len() > KEPT || written.len() > KEPT {
            return None;
        }
        let previous = replaced.start.checked_sub(1).and_then(|at| before.as_bytes().get(at)).copied();
        let next = before.as_bytes().get(replaced.end).copied();
        let all = || removed.iter().chain(written.as_bytes());
        let words_touch = written.is_empty() && previous.is_some_and(is_word) && next.is_some_and(is_word);
        let space = all().all(|&byte| is_space(byte)) && !words_touch;
        let plain = all().all(|&byte| !matches!(byte, b'"' | b'\\' | b'\n' | b'\r')) && previous != Some(b'\\');
        let breaks = memchr::memchr_iter(b'\n', written.as_bytes()).collect();
        Some(Edit { replaced, breaks, written: written.len(), space, plain })
    }

    /// Where byte `at` of the text before the edit is after it; `end` tells a span's end (which
    /// stays before text written just after it) from a start (which moves past it).
    fn moved(&self, at: usize, end: bool) -> usize {
        let Range { start, end: last } = self.replaced;
        let after = if end { at > start && at >= last } else { at >= last };
        if after { at - (last - start) + self.written } else { at }
    }
}

/// The tree and line starts after `edit`, moved from those before it; `None` when the edit could
/// change the tree (the text must be read again). `tree` must be whole (see [`whole`]).
pub(crate) fn remap(tree: &Node, starts: &[usize], edit: &Edit) -> Option<(Node, Vec<usize>)> {
    let fits = match spot(tree, &edit.replaced) {
        Spot::Between => edit.space,
        Spot::InString => edit.plain,
        Spot::Token => false,
    };
    if !fits {
        return None;
    }
    let Range { start, end } = edit.replaced;
    // Lines starting up to the edit stay; those whose break was replaced go; the written text's
    // breaks start new ones; the rest move.
    let kept = starts.partition_point(|&line| line <= start);
    let replaced = starts.partition_point(|&line| line <= end);
    let mut moved = Vec::with_capacity(starts.len() + edit.breaks.len());
    moved.extend_from_slice(&starts[..kept]);
    moved.extend(edit.breaks.iter().map(|at| start + at + 1));
    moved.extend(starts[replaced..].iter().map(|&line| edit.moved(line, false)));
    Some((moved_node(tree, edit), moved))
}

/// True when `root` was read to the end of `text` (nothing but whitespace after it) with every
/// string, key and container closed: the only trees [`remap`] moves.
pub(crate) fn whole(root: &Node, text: &str) -> bool {
    let rest = text.as_bytes().get(root.span.end..).unwrap_or_default();
    closed(root) && rest.iter().all(|&byte| is_space(byte))
}

fn closed(node: &Node) -> bool {
    node.closed
        && node
            .members
            .iter()
            .all(|member| member.key.as_ref().is_none_or(|key| key.closed) && member.value.as_ref().is_none_or(closed))
}

/// Where an edit falls in a whole tree.
#[derive(Debug, PartialEq, Eq)]
enum Spot {
    /// Between tokens, or around the root.
    Between,
    /// Strictly between the quotes of a string value.
    InString,
    /// On a key, a word, a quote or a bracket.
    Token,
}

fn spot(node: &Node, replaced: &Range<usize>) -> Spot {
    if !overlaps(&node.span, replaced) {
        return Spot::Between;
    }
    let inside = node.span.start < replaced.start && replaced.end < node.span.end;
    match node.kind {
        Kind::String if inside => Spot::InString,
        Kind::Object | Kind::Array if inside => {
            for member in &node.members {
                if member.key.as_ref().is_some_and(|key| overlaps(&key.span, replaced)) {
                    return Spot::Token;
                }
                if let Some(value) = &member.value
                    && overlaps(&value.span, replaced)
                {
                    return spot(value, replaced);
                }
            }
            Spot::Between
        }
        _ => Spot::Token,
    }
}

/// True when the edit touches the bytes of `span`: replaces one of them, or writes strictly inside.
fn overlaps(span: &Range<usize>, replaced: &Range<usize>) -> bool {
    replaced.start < span.end && replaced.end > span.start
}

fn moved_node(node: &Node, edit: &Edit) -> Node {
    let members = node
        .members
        .iter()
        .map(|member| Member {
            key: member.key.as_ref().map(|key| Key {
                name: key.name.clone(),
                span: moved_span(&key.span, edit),
                closed: key.closed,
            }),
            value: member.value.as_ref().map(|value| moved_node(value, edit)),
        })
        .collect();
    Node { kind: node.kind, span: moved_span(&node.span, edit), members, closed: node.closed }
}

fn moved_span(span: &Range<usize>, edit: &Edit) -> Range<usize> {
    edit.moved(span.start, false)..edit.moved(span.end, true)
}

fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

/// A byte of a number, `true`, `false`, `null` or a stray word: two of them touching make one word.
fn is_word(byte: u8) -> bool {
    !is_space(byte) && !matches!(byte, b',' | b':' | b'{' | b'}' | b'[' | b']' | b'"')
}

#[cfg(test)]
mod tests;
