//! Tests of locating pointers: escapes, duplicates, arrays, malformed input, positions.

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
    assert_eq!(got, vec![pos(1, 22), pos(1, 12), pos(1, 1), pos(1, 22), pos(1, 8), pos(1, 12), pos(1, 1), pos(1, 2),]);
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
