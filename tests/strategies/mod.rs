//! Proptest strategies for manifest-like JSON documents: valid values, wrong types, unknown keys, odd text.

use proptest::prelude::*;
use serde_json::{Map, Value, json};

/// Text a manifest may hold: plain words, URLs, templates, non-ASCII, control characters, newlines.
pub(crate) fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z_]{1,12}",
        "[A-Za-z ]{0,20}",
        Just("https://mycrm.example.org/x".to_owned()),
        Just("http://user:pw@example.org".to_owned()),
        Just("{{contact.email}}".to_owned()),
        Just("{{contact.nope}} and {{".to_owned()),
        Just("low,normal,,low".to_owned()),
        Just("2024-02-29".to_owned()),
        Just("Ünïcødé 日本 👍 עברית".to_owned()),
        Just("line\nbreak".to_owned()),
        Just("esc\u{1b}[31m\u{9b}".to_owned()),
        Just(String::new()),
        Just("   ".to_owned()),
        any::<String>(),
    ]
}

/// Marks a string that [`manifest_text`] replaces by the number spelled after the mark: serde_json
/// cannot hold `1E+2` or `-0` as written, and the manifest must keep that spelling.
const NUMBER_MARK: &str = "\u{0}exact-number:";

/// A JSON number spelled as people and other tools write it: huge integers, `-0`, exponents in
/// either case with or without a sign, fractions longer than an `f64` keeps.
pub(crate) fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "-?(0|[1-9][0-9]{0,30})",
        "-?(0|[1-9][0-9]{0,5})\\.[0-9]{1,25}",
        "-?[1-9][0-9]{0,3}(\\.[0-9]{1,4})?[eE][+-]?[0-9]{1,2}",
    ]
}

/// Any JSON value of small depth, for wrong types and unknown keys.
pub(crate) fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1.0e6f64..1.0e6).prop_map(Value::from),
        number_text().prop_map(|number| Value::from(format!("{NUMBER_MARK}{number}"))),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::from),
            prop::collection::vec(("[a-z$_]{1,6}", inner), 0..3)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

/// A value for a key that expects `expected`: usually right, sometimes of another type, sometimes absent.
fn value_or_wrong(expected: BoxedStrategy<Value>) -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        6 => expected.prop_map(Some),
        1 => any_json().prop_map(Some),
        2 => Just(None),
    ]
}

fn string_value() -> BoxedStrategy<Value> {
    text().prop_map(Value::from).boxed()
}

fn enum_value(values: &'static [&'static str]) -> BoxedStrategy<Value> {
    prop_oneof![
        4 => prop::sample::select(values).prop_map(Value::from),
        1 => prop::sample::select(values).prop_map(|v| Value::from(v.to_uppercase())),
        1 => text().prop_map(Value::from),
    ]
    .boxed()
}

/// An object with the given keys (each maybe present) plus maybe some unknown keys.
fn object(keys: Vec<(&'static str, BoxedStrategy<Value>)>) -> impl Strategy<Value = Value> {
    let known: Vec<_> =
        keys.into_iter().map(|(key, strategy)| value_or_wrong(strategy).prop_map(move |value| (key, value))).collect();
    (known, prop::collection::vec(("x-[a-z]{1,5}", any_json()), 0..2)).prop_map(|(known, unknown)| {
        let mut map = Map::new();
        for (key, value) in known {
            if let Some(value) = value {
                map.insert(key.to_owned(), value);
            }
        }
        for (key, value) in unknown {
            map.insert(key, value);
        }
        Value::Object(map)
    })
}

fn list_of(item: impl Strategy<Value = Value> + 'static, max: usize) -> BoxedStrategy<Value> {
    prop::collection::vec(prop_oneof![8 => item.boxed(), 1 => any_json().boxed()], 0..max).prop_map(Value::from).boxed()
}

fn auth_field() -> impl Strategy<Value = Value> {
    let plain = object(vec![
        ("field_name", string_value()),
        ("display", string_value()),
        ("mandatory", any::<bool>().prop_map(Value::from).boxed()),
        ("type", enum_value(&["input", "password", "oauth", "text"])),
        ("store", any::<bool>().prop_map(Value::from).boxed()),
        ("help", string_value()),
        ("format", string_value()),
    ]);
    prop_oneof![
        5 => plain.boxed(),
        // The legacy shape: a one-key object keyed by the field name.
        1 => ("[a-z]{1,8}", object(vec![("display", string_value()), ("mandatory", any::<bool>().prop_map(Value::from).boxed())]))
            .prop_map(|(name, inner)| json!({ name: inner }))
            .boxed(),
    ]
}

fn input() -> impl Strategy<Value = Value> {
    object(vec![
        ("key", string_value()),
        ("name", string_value()),
        ("mandatory", any::<bool>().prop_map(Value::from).boxed()),
        ("type", enum_value(&["text", "textarea", "number", "tel", "url", "datetime", "select"])),
        ("format", string_value()),
    ])
}

fn action() -> impl Strategy<Value = Value> {
    object(vec![
        ("provider", string_value()),
        ("name", string_value()),
        ("display", string_value()),
        ("description", string_value()),
        ("endpoint", string_value()),
        ("inputs", list_of(input(), 4)),
    ])
}

fn integration() -> impl Strategy<Value = Value> {
    let interaction_types = prop::collection::vec(text().prop_map(Value::from), 0..3).prop_map(Value::from).boxed();
    object(vec![
        ("name", string_value()),
        ("display_name", string_value()),
        ("description", string_value()),
        ("logo_url", string_value()),
        ("icon_url", string_value()),
        (
            "authentication_type",
            enum_value(&["none", "custom", "oauth2", "oauth2_password", "oauth2_client_credentials"]),
        ),
        ("authentication_configuration", list_of(auth_field(), 5)),
        ("auth_validation_endpoint", string_value()),
        ("contact_synchronization_endpoint", string_value()),
        ("interaction_retrieval_endpoint", string_value()),
        ("agent_synchronization_endpoint", string_value()),
        ("interaction_types", interaction_types),
    ])
}

/// A manifest document: usually the wrapper shape, sometimes a bare integration.
pub(crate) fn manifest_json() -> impl Strategy<Value = Value> {
    let wrapper = object(vec![
        ("$schema", string_value()),
        ("requires_cti", any::<bool>().prop_map(Value::from).boxed()),
        ("integration", integration().boxed()),
        ("actions", list_of(action(), 4)),
    ]);
    prop_oneof![5 => wrapper.boxed(), 1 => integration().boxed()]
}

/// The document as text: pretty or compact, with the numbers of [`number_text`] in place.
pub(crate) fn manifest_text() -> impl Strategy<Value = String> {
    (manifest_json(), any::<bool>()).prop_map(|(value, pretty)| {
        let text = if pretty { serde_json::to_string_pretty(&value) } else { serde_json::to_string(&value) }
            .expect("JSON values serialise");
        let quoted_mark = serde_json::to_string(NUMBER_MARK).expect("a string");
        let mark = &quoted_mark[..quoted_mark.len() - 1];
        let mut out = String::with_capacity(text.len());
        let mut rest = text.as_str();
        while let Some(start) = rest.find(mark) {
            out.push_str(&rest[..start]);
            let after = &rest[start + mark.len()..];
            let end = after.find('"').expect("the marked string ends");
            out.push_str(&after[..end]);
            rest = &after[end + 1..];
        }
        out.push_str(rest);
        out
    })
}

/// The numbers of JSON text as written, sorted (a save may move keys, never change a number).
pub(crate) fn numbers_in(text: &str) -> Vec<String> {
    let mut numbers = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '"' {
            while let Some(inside) = chars.next() {
                match inside {
                    '\\' => {
                        chars.next();
                    }
                    '"' => break,
                    _ => {}
                }
            }
        } else if c == '-' || c.is_ascii_digit() {
            let mut number = c.to_string();
            while let Some(&next) = chars.peek().filter(|next| next.is_ascii_digit() || "+-.eE".contains(**next)) {
                number.push(next);
                chars.next();
            }
            numbers.push(number);
        }
    }
    numbers.sort();
    numbers
}
