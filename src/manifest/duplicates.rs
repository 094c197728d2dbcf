//! Keys written twice in one object: JSON readers keep the last value silently; a manifest says so.
//!
//! Reading notices a repeated key for free (it looks the key up anyway) and raises a flag; only
//! then is the source scanned again, here, to name every repeated key with both of its places.

use super::diagnostic::{Diagnostic, escape_token};
use super::position::{Position, positions_of};
use super::rules::codes::Rule;
use crate::escape::quoted;
use std::cell::Cell;
use std::collections::HashMap;

thread_local! {
    // Set by the visitors of the read running on this thread, which cannot return anything else.
    static NOTICED: Cell<bool> = const { Cell::new(false) };
}

/// Called by reading when a key repeats in an object.
pub(crate) fn noticed() {
    NOTICED.with(|flag| flag.set(true));
}

/// Whether a key repeated since the last call (and forgets it).
pub(crate) fn take() -> bool {
    NOTICED.with(|flag| flag.replace(false))
}

/// A key met again: the pointer of its value and the byte offsets of the first and the later key.
struct Repeat {
    pointer: String,
    key: String,
    first: usize,
    later: usize,
}

/// A warning for every key written twice in one object of `source` (valid JSON), at the key's
/// pointer, naming the line and column of both places and which value is kept (the later one).
pub(crate) fn find(source: &[u8]) -> Vec<Diagnostic> {
    let repeats = scan(source);
    let mut offsets: Vec<usize> = repeats.iter().flat_map(|repeat| [repeat.first, repeat.later]).collect();
    offsets.sort_unstable();
    offsets.dedup();
    let positions = positions_of(source, &offsets);
    let at = |offset: usize| {
        let index = offsets.binary_search(&offset).ok();
        index.and_then(|index| positions.get(index)).copied().unwrap_or(Position { line: 1, column: 1 })
    };
    repeats
        .into_iter()
        .map(|repeat| {
            let (first, later) = (at(repeat.first), at(repeat.later));
            let mut diagnostic = Diagnostic::of(Rule::DuplicateKey,
                repeat.pointer,
                format!(
                    "the key {} is written more than once in this object (first at {}:{}, again at {}:{}); the value written last is kept and the others are dropped on the next save: remove the ones you do not mean",
                    quoted(&repeat.key),
                    first.line,
                    first.column,
                    later.line,
                    later.column
                ),
            );
            diagnostic.position = Some(later);
            diagnostic
        })
        .collect()
}

/// An open array or object: its pointer, and for an object the keys met so far and the key of
/// the value being read; for an array the index of the element being read.
enum Open {
    Array { pointer: String, index: usize },
    Object { pointer: String, keys: HashMap<String, usize>, current: String },
}

impl Open {
    /// The pointer of the value that starts now inside this container.
    fn child(&self) -> String {
        match self {
            Open::Array { pointer, index } => format!("{pointer}/{index}"),
            Open::Object { pointer, current, .. } => format!("{pointer}/{}", escape_token(current)),
        }
    }
}

/// Walks valid JSON text with an explicit stack (any depth), noting every repeated key.
fn scan(source: &[u8]) -> Vec<Repeat> {
    let mut repeats = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    // Whether the string that starts next is an object's key (after `{` or a `,` in an object).
    let mut expect_key = false;
    let mut at = 0;
    while let Some(&byte) = source.get(at) {
        match byte {
            b'{' | b'[' => {
                let pointer = stack.last().map(Open::child).unwrap_or_default();
                stack.push(if byte == b'{' {
                    Open::Object { pointer, keys: HashMap::new(), current: String::new() }
                } else {
                    Open::Array { pointer, index: 0 }
                });
                expect_key = byte == b'{';
                at += 1;
            }
            b'}' | b']' => {
                stack.pop();
                at += 1;
            }
            b',' => {
                match stack.last_mut() {
                    Some(Open::Array { index, .. }) => *index += 1,
                    _ => expect_key = true,
                }
                at += 1;
            }
            b'"' => {
                let end = string_end(source, at);
                if expect_key && let Some(Open::Object { pointer, keys, current }) = stack.last_mut() {
                    let key = serde_json::from_slice::<String>(&source[at..end]).unwrap_or_default();
                    // Every repeat names the first place, where the key was meant to be written.
                    let first = *keys.entry(key.clone()).or_insert(at);
                    if first != at {
                        repeats.push(Repeat {
                            pointer: format!("{pointer}/{}", escape_token(&key)),
                            key: key.clone(),
                            first,
                            later: at,
                        });
                    }
                    *current = key;
                    expect_key = false;
                }
                at = end;
            }
            _ => at += 1,
        }
    }
    repeats
}

/// The offset just after the string that opens at `start`.
fn string_end(source: &[u8], start: usize) -> usize {
    let mut at = start + 1;
    while let Some(&byte) = source.get(at) {
        at += if byte == b'\\' { 2 } else { 1 };
        if byte == b'"' {
            return at;
        }
    }
    source.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_key_names_both_places_and_the_kept_value() {
        let source =
            "{\n  \"a\": {\"x\": 1,\n    \"x\": 2},\n  \"b\": [true, {\"k\": 0, \"k\\u0020\": 1, \"k\": 3}]\n}";
        let found = find(source.as_bytes());
        let shown: Vec<(&str, &str)> = found.iter().map(|d| (d.pointer.as_str(), d.message.as_str())).collect();
        assert_eq!(found.len(), 2, "{shown:?}");
        assert_eq!(found[0].pointer, "/a/x");
        assert!(found[0].message.contains("first at 2:9, again at 3:5"), "{}", found[0].message);
        assert_eq!(found[0].position, Some(Position { line: 3, column: 5 }));
        assert_eq!(found[1].pointer, "/b/1/k");
        assert!(found[1].message.contains("first at 4:16, again at 4:38"), "{}", found[1].message);
        assert!(found[1].message.contains("the value written last is kept"), "{}", found[1].message);
    }

    #[test]
    fn equal_keys_in_different_objects_are_not_repeats() {
        assert!(find(br#"{"a": {"x": 1}, "b": {"x": 1}, "c": [{"x": 1}, {"x": 2}]}"#).is_empty());
    }
}
