//! `Slot<T>`: the value of a known key exactly as the file had it, kept even when it has the wrong type.

use super::json::Json;
use super::number_text;
use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, Serializer};
use std::fmt;
use std::marker::PhantomData;

/// What the file holds under a known key.
///
/// A manifest must open even when it is broken, so a value of the wrong JSON type is kept
/// (`Wrong`) to be reported and written back unchanged, and `null` is told apart from a missing key.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Slot<T> {
    /// The key is not in the file.
    #[default]
    Absent,
    /// The key is there with `null`.
    Null,
    /// The key holds a value of the expected JSON type.
    Value(T),
    /// The key holds a value of another JSON type, kept as written.
    Wrong(Box<Json>),
}

impl<T> Slot<T> {
    /// The value when it has the expected type.
    pub fn get(&self) -> Option<&T> {
        match self {
            Slot::Value(value) => Some(value),
            _ => None,
        }
    }

    /// The value, mutably, when it has the expected type.
    pub fn get_mut(&mut self) -> Option<&mut T> {
        match self {
            Slot::Value(value) => Some(value),
            _ => None,
        }
    }

    /// True when the key is not in the file.
    pub fn is_absent(&self) -> bool {
        matches!(self, Slot::Absent)
    }

    /// The JSON type name of what is there, for messages ("a number", "null").
    pub fn found(&self) -> &'static str
    where
        T: JsonKind,
    {
        match self {
            Slot::Absent => "nothing",
            Slot::Null => "null",
            Slot::Value(_) => T::NAME,
            Slot::Wrong(value) => json_type_name(value),
        }
    }
}

impl Slot<String> {
    /// The string, when the slot holds one.
    pub fn as_str(&self) -> Option<&str> {
        self.get().map(String::as_str)
    }

    /// The string when it holds one with something other than white space.
    pub fn non_blank(&self) -> Option<&str> {
        self.as_str().filter(|text| !text.trim().is_empty())
    }
}

impl Slot<bool> {
    /// The boolean, when the slot holds one.
    pub fn as_bool(&self) -> Option<bool> {
        self.get().copied()
    }
}

/// "a string", "an object": how a JSON value's type is named in messages.
pub(crate) fn json_type_name(value: &Json) -> &'static str {
    match value {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "a list",
        Json::Object(_) => "an object",
    }
}

/// A Rust type that a known key expects, and how it is built from each JSON type.
///
/// Every builder hands back the JSON value it does not accept, so nothing is dropped.
pub trait JsonKind: Sized {
    /// The expected JSON type, for messages.
    const NAME: &'static str;

    /// Builds the value from a JSON string.
    fn from_string(text: String) -> Result<Self, Json> {
        Err(Json::String(text))
    }

    /// Builds the value from a JSON boolean.
    fn from_bool(flag: bool) -> Result<Self, Json> {
        Err(Json::Bool(flag))
    }

    /// Builds the value from a JSON array.
    fn from_seq<'de, A: SeqAccess<'de>>(seq: A) -> Result<Result<Self, Json>, A::Error> {
        Json::deserialize(SeqAccessDeserializer::new(seq)).map(Err)
    }

    /// Builds the value from a JSON object.
    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Result<Self, Json>, A::Error> {
        Json::deserialize(MapAccessDeserializer::new(map)).map(Err)
    }
}

impl JsonKind for String {
    const NAME: &'static str = "a string";
    fn from_string(text: String) -> Result<Self, Json> {
        Ok(text)
    }
}

impl JsonKind for bool {
    const NAME: &'static str = "a boolean";
    fn from_bool(flag: bool) -> Result<Self, Json> {
        Ok(flag)
    }
}

impl<T: JsonKind> JsonKind for Vec<Slot<T>> {
    const NAME: &'static str = "a list";
    fn from_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<Result<Self, Json>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element::<Slot<T>>()? {
            items.push(item);
        }
        // Growth by doubling leaves up to half a list unused; a large manifest is mostly lists.
        items.shrink_to_fit();
        Ok(Ok(items))
    }
}

struct SlotVisitor<T>(PhantomData<T>);

impl<T> SlotVisitor<T> {
    fn keep<E>(result: Result<T, Json>) -> Result<Slot<T>, E> {
        Ok(match result {
            Ok(value) => Slot::Value(value),
            Err(other) => Slot::Wrong(Box::new(other)),
        })
    }
}

impl<'de, T: JsonKind> Visitor<'de> for SlotVisitor<T> {
    type Value = Slot<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Slot::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Slot::Null)
    }

    fn visit_bool<E: de::Error>(self, flag: bool) -> Result<Self::Value, E> {
        Self::keep(T::from_bool(flag))
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> Result<Self::Value, E> {
        Self::keep(Err(Json::Number(number_text::signed(number))))
    }

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<Self::Value, E> {
        Self::keep(Err(Json::Number(number_text::unsigned(number))))
    }

    fn visit_f64<E: de::Error>(self, number: f64) -> Result<Self::Value, E> {
        Self::keep(Err(Json::Number(number_text::float(number))))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Self::keep(T::from_string(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Self::Value, E> {
        Self::keep(T::from_string(text))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        T::from_seq(seq).and_then(Self::keep)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::from_map(map).and_then(Self::keep)
    }
}

impl<'de, T: JsonKind> Deserialize<'de> for Slot<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SlotVisitor(PhantomData))
    }
}

impl<T: Serialize> Serialize for Slot<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            // Writers skip absent keys; serialising one on its own gives null.
            Slot::Absent | Slot::Null => serializer.serialize_unit(),
            Slot::Value(value) => value.serialize(serializer),
            Slot::Wrong(value) => value.serialize(serializer),
        }
    }
}
