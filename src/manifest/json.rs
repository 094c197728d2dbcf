//! `Json`: a JSON value kept as the file wrote it (unknown keys, values of the wrong type), numbers spelled exactly.
//!
//! `serde_json::Value` turns numbers into `u64`, `i64` or `f64` (`1E+2` is written back `100.0`,
//! `12345678901234567890123` as `1.2345678901234568e22`), and its `arbitrary_precision` feature
//! still rewrites exponents (`1E2` becomes `1e+2`). A value the tool does not understand must be
//! written back as it was, so it is kept here with each number's text (see [`super::spelling`]).

use super::duplicates;
use super::number_text;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Error as _, Serialize, SerializeMap, SerializeSeq, Serializer};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

/// A JSON value as the file had it.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Json {
    #[default]
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, spelled as in the file (`-0`, `1E+2`, `0.10`, `12345678901234567890123`).
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// The members in the file's order; of a key written twice, the first place and the last value.
    Object(Vec<(String, Json)>),
}

/// The text of a JSON number, exactly as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number(String);

impl Number {
    /// The number's text, e.g. `1E+2`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A number read from JSON text: `text` is one JSON number token (the reader checked it).
    pub(crate) fn from_token(text: String) -> Self {
        Number(text)
    }
}

impl From<u64> for Number {
    fn from(number: u64) -> Self {
        Number(number.to_string())
    }
}

impl From<i64> for Number {
    fn from(number: i64) -> Self {
        Number(number.to_string())
    }
}

impl fmt::Display for Number {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}

impl Json {
    /// True for an object.
    pub fn is_object(&self) -> bool {
        matches!(self, Json::Object(_))
    }

    /// The text, when this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }
}

impl fmt::Display for Json {
    /// The value as compact JSON text, numbers as written.
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        let text = serde_json::to_string(self).map_err(|_| fmt::Error)?;
        formatter.write_str(&text)
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // A raw value is written by serde_json exactly as given; the text was a number token of the file.
        let raw: &serde_json::value::RawValue = serde_json::from_str(&self.0).map_err(S::Error::custom)?;
        raw.serialize(serializer)
    }
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => serializer.serialize_unit(),
            Json::Bool(flag) => serializer.serialize_bool(*flag),
            Json::Number(number) => number.serialize(serializer),
            Json::String(text) => serializer.serialize_str(text),
            Json::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (key, value) in members {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

/// The members of an object being read. A key written twice keeps its first place and takes the
/// later value (as JSON parsers do), and the reader is told so it can warn about it.
#[derive(Default)]
pub(crate) struct Members {
    list: Vec<(String, Json)>,
    /// Where each key is in `list`, once the object is too big to search it from the start; built
    /// only then, so that the many small objects of a manifest never set up a hash map.
    index: Option<HashMap<String, usize>>,
}

/// Up to this many members a key is looked up by walking the list (most objects are small).
const WALK: usize = 16;

impl Members {
    /// Adds a member read from the file.
    pub(crate) fn insert(&mut self, key: Cow<'_, str>, value: Json) {
        let found = if self.list.len() <= WALK {
            self.list.iter().position(|(existing, _)| *existing == key)
        } else {
            let list = &self.list;
            let index = self
                .index
                .get_or_insert_with(|| list.iter().enumerate().map(|(at, (key, _))| (key.clone(), at)).collect());
            index.get(key.as_ref()).copied()
        };
        match found {
            Some(at) => {
                duplicates::noticed();
                self.list[at].1 = value;
            }
            None => {
                if let Some(index) = &mut self.index {
                    index.insert(key.clone().into_owned(), self.list.len());
                }
                self.list.push((key.into_owned(), value));
            }
        }
    }

    /// The members, in the file's order.
    pub(crate) fn finish(self) -> Vec<(String, Json)> {
        self.list
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        Json::deserialize(deserializer)
    }

    fn visit_bool<E: de::Error>(self, flag: bool) -> Result<Json, E> {
        Ok(Json::Bool(flag))
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<Json, E> {
        Ok(Json::Number(number_text::unsigned(number)))
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> Result<Json, E> {
        Ok(Json::Number(number_text::signed(number)))
    }

    fn visit_f64<E: de::Error>(self, number: f64) -> Result<Json, E> {
        Ok(Json::Number(number_text::float(number)))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Json, E> {
        Ok(Json::String(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Json, E> {
        Ok(Json::String(text))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut members = Members::default();
        while let Some(super::object::Key(key)) = map.next_key()? {
            let value = map.next_value()?;
            members.insert(key, value);
        }
        Ok(Json::Object(members.finish()))
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}
