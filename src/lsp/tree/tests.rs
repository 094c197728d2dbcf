//! The forgiving tree on whole, broken and half-typed JSON.

use super::*;

fn place_at(text: &str, cursor: &str) -> (Vec<Segment>, String) {
    let offset = text.find(cursor).expect("the cursor mark");
    let text = text.replacen(cursor, "", 1);
    let root = parse(&text).expect("a value");
    let (path, place) = root.place(offset);
    let what = match place {
        Place::Key(span) => format!("key {}", &text[span]),
        Place::Value(node) => format!("value {}", &text[node.span.clone()]),
        Place::Member(_) => "member".to_owned(),
        Place::Element(_) => "element".to_owned(),
    };
    (path, what)
}

fn keys(path: &[&str]) -> Vec<Segment> {
    path.iter().map(|token| token.parse().map_or_else(|_| Segment::Key((*token).to_owned()), Segment::Index)).collect()
}

#[test]
fn a_whole_document_maps_keys_and_values() {
    let text = "{\"a\": [1, {\"b\": \"x\\\"y\"}], \"c\": null}";
    let root = parse(text).expect("a value");
    let (key, value) = root.member_at("/a/1/b").expect("a member");
    assert_eq!(&text[key.expect("a key")], "\"b\"");
    assert_eq!(value.string(text).as_deref(), Some("x\"y"));
    assert_eq!(root.get("c").map(|node| node.kind), Some(Kind::Scalar));
    assert!(root.member_at("/a/2").is_none());
}

#[test]
fn the_cursor_is_placed_on_keys_values_and_between_members() {
    assert_eq!(
        place_at("{\"integration\": {\"na|me\": 1}}", "|"),
        (keys(&["integration", "name"]), "key \"name\"".into())
    );
    assert_eq!(place_at("{\"a\": {\"b\": \"v|\"}}", "|"), (keys(&["a", "b"]), "value \"v\"".into()));
    assert_eq!(place_at("{\"a\": {\"b\": 1, |}}", "|"), (keys(&["a"]), "member".into()));
    assert_eq!(place_at("{\"a\": [1, |]}", "|"), (keys(&["a"]), "element".into()));
    assert_eq!(place_at("{\"a\": [{}, {\"k\": tr|}]}", "|"), (keys(&["a", "1", "k"]), "value tr".into()));
}

#[test]
fn half_typed_text_is_mapped_as_far_as_it_goes() {
    // An unclosed key at the end of the text, an unclosed string at the end of its line.
    assert_eq!(place_at("{\"integration\": {\"na|", "|"), (keys(&["integration", "na"]), "key \"na".into()));
    assert_eq!(place_at("{\"a\": \"unclosed|\n, \"b\": 2}", "|"), (keys(&["a"]), "value \"unclosed".into()));
    let root = parse("{\"a\": 1,, \"b\": }").expect("a value");
    assert!(root.get("a").is_some() && root.members.len() == 2);
}

#[test]
fn hostile_nesting_does_not_exhaust_the_stack() {
    let text = "[".repeat(100_000);
    assert!(parse(&text).is_some());
    let text = format!("{}{}", "{\"a\":".repeat(50_000), "}".repeat(50_000));
    assert!(parse(&text).is_some());
}
