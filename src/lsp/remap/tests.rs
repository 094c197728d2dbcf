//! Every edit the shortcut takes gives the tree and lines a new read gives; the edits of typing
//! take it.

use super::*;
use crate::lsp::lines::starts;
use crate::lsp::tree::parse;

/// Texts with escapes, words side by side, characters of several bytes and line breaks.
fn texts() -> Vec<String> {
    vec![
        include_str!("../../../assets/examples/mycrm.json").to_owned(),
        "{\"a\": [1 2, true,null], \"b\\\"c\": \"x\\\\\", \"d\": \"\\n\\\"\"}\n".to_owned(),
        "  {\"é\": \"😀 ü\",\r\n \"k\": {\"n\": -1.5e3, \"l\": []}}  \n\n".to_owned(),
        "[\"a\" \"b\", {}, [], 12]".to_owned(),
    ]
}

/// The edits tried at each character boundary: writing, deleting and replacing.
fn edits(text: &str, at: usize) -> Vec<(Range<usize>, &'static str)> {
    let mut edits: Vec<(Range<usize>, &'static str)> =
        ["", " ", "\n", "x", "é", "\"", "\\", "1", ",", " \r\n\t", "ab\ncd"].iter().map(|w| (at..at, *w)).collect();
    // The next character, the next two, and all the rest.
    let next = text[at..].char_indices().map(|(length, _)| at + length).skip(1).take(2);
    let ends: Vec<usize> = next.chain([text.len()]).filter(|&end| end > at).collect();
    for end in ends {
        edits.extend([(at..end, ""), (at..end, "y"), (at..end, " "), (at..end, "\n")]);
    }
    edits
}

#[test]
fn a_moved_map_is_the_map_of_the_edited_text() {
    let mut taken = 0;
    for text in texts() {
        let tree = parse(&text).expect("a value");
        assert!(whole(&tree, &text), "{text}");
        let lines = starts(&text);
        for at in text.char_indices().map(|(at, _)| at).chain([text.len()]) {
            for (replaced, written) in edits(&text, at) {
                let edit = Edit::new(&text, replaced.clone(), written).expect("a small edit");
                let Some((moved, moved_lines)) = remap(&tree, &lines, &edit) else { continue };
                taken += 1;
                let mut edited = text.clone();
                edited.replace_range(replaced.clone(), written);
                let read = parse(&edited).expect("a value");
                assert_eq!(moved, read, "{replaced:?} <- {written:?} in {text:?}");
                assert_eq!(moved_lines, starts(&edited), "{replaced:?} <- {written:?} in {text:?}");
            }
        }
    }
    assert!(taken > 1000, "the shortcut is taken for most typing: {taken}");
}

#[test]
fn typing_in_a_value_or_indenting_takes_the_shortcut_and_a_quote_does_not() {
    let text = include_str!("../../../assets/examples/mycrm.json");
    let tree = parse(text).expect("a value");
    let lines = starts(text);
    let in_value = text.find("My CRM").expect("the display name");
    let line = text.find("\n    \"display_name\"").expect("its line") + 1;
    let key = text.find("display_name").expect("the key");
    let remapped = |replaced: Range<usize>, written: &str| {
        remap(&tree, &lines, &Edit::new(text, replaced, written).expect("a small edit")).is_some()
    };
    assert!(remapped(in_value..in_value, "Your "));
    assert!(remapped(in_value..in_value + 3, ""));
    assert!(remapped(line..line, "  "));
    assert!(remapped(line..line + 1, ""));
    assert!(!remapped(in_value..in_value, "\""), "a quote can end the string");
    assert!(!remapped(key..key, "x"), "a key's name changes");
    assert!(!remapped(line..line, "x"), "a word between tokens");
}

#[test]
fn a_half_typed_tree_is_not_whole() {
    for text in ["{\"a\": \"b", "{\"a\": 1", "{\"a\": 1} x", "{\"a\"", "[1, {\"b\": [}]"] {
        let tree = parse(text).expect("a value");
        assert!(!whole(&tree, text), "{text}");
    }
    assert!(Edit::new("ab", 0..1, &"x".repeat(KEPT + 1)).is_none());
}
