//! The `json_object!` macro: a manifest object's known keys, in writing order, read and written from one list.

use super::json::Json;
use super::slot::Slot;
use super::vocab::{Vocab, Vocabulary};
use serde::de::{self, Deserialize, Deserializer, Visitor};
use std::borrow::Cow;
use std::fmt;

/// Keys this tool does not know, with their values (numbers as written), in the order the file had them.
pub(crate) type Extra = Vec<(String, Json)>;

/// Keeps a known key's value; when the key was already read, reading is told (the last value counts).
pub(crate) fn set_known<T>(slot: &mut Slot<T>, value: Slot<T>) {
    if !slot.is_absent() {
        super::duplicates::noticed();
    }
    *slot = value;
}

/// Lets generated code reach a key's slot by the key's name when it holds text or a boolean.
pub(crate) trait SlotAccess {
    /// The slot, when it holds text.
    fn text(&self) -> Option<&Slot<String>> {
        None
    }
    /// The slot, mutably, when it holds text.
    fn text_mut(&mut self) -> Option<&mut Slot<String>> {
        None
    }
    /// The slot, when it holds a boolean.
    fn flag(&self) -> Option<&Slot<bool>> {
        None
    }
    /// The slot, mutably, when it holds a boolean.
    fn flag_mut(&mut self) -> Option<&mut Slot<bool>> {
        None
    }
    /// The slot's text, when it holds a value of a vocabulary (a type): what a form shows.
    fn term(&self) -> Option<Slot<String>> {
        None
    }
    /// Sets a vocabulary value from its text (empty removes the key); false when the slot holds none.
    fn set_term(&mut self, _text: &str) -> bool {
        false
    }
}

impl SlotAccess for Slot<String> {
    fn text(&self) -> Option<&Slot<String>> {
        Some(self)
    }
    fn text_mut(&mut self) -> Option<&mut Slot<String>> {
        Some(self)
    }
}

impl SlotAccess for Slot<bool> {
    fn flag(&self) -> Option<&Slot<bool>> {
        Some(self)
    }
    fn flag_mut(&mut self) -> Option<&mut Slot<bool>> {
        Some(self)
    }
}

impl<T: Vocabulary> SlotAccess for Slot<Vocab<T>> {
    fn term(&self) -> Option<Slot<String>> {
        Some(self.to_text())
    }
    fn set_term(&mut self, text: &str) -> bool {
        *self = if text.is_empty() { Slot::Absent } else { Slot::Value(Vocab::from_text(text.to_owned())) };
        true
    }
}

impl<T> SlotAccess for Slot<Vec<Slot<T>>> {}

impl SlotAccess for Slot<super::model::Integration> {}

/// An object key, borrowed from the source text when it has no escapes.
pub(crate) struct Key<'de>(pub Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("an object key")
            }
            fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Borrowed(key)))
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(key.to_owned())))
            }
            fn visit_string<E: de::Error>(self, key: String) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(key)))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Declares a manifest object: its known keys (`"json_key" as Variant => field: Type`) in the order
/// they are written, each held in a [`Slot`](super::Slot), and an `extra` list for the keys it does
/// not know. It also declares the object's key type (`keys IntegrationKey`): one variant per known
/// key, so an edit names a key the compiler knows (`IntegrationKey::DisplayName`), never a string.
macro_rules! json_object {
    (
        $(#[$meta:meta])*
        pub struct $name:ident keys $keys:ident {
            $( $(#[$field_meta:meta])* $key:literal as $variant:ident => $field:ident : $ty:ty, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct $name {
            $( #[doc = concat!("`", $key, "`.")] $(#[$field_meta])* pub $field: $crate::manifest::Slot<$ty>, )*
            /// Keys this tool does not know, with their values, in the file's order.
            pub extra: $crate::manifest::object::Extra,
        }

        #[doc = concat!("A known key of [`", stringify!($name), "`], in the order they are written.")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $keys {
            $( #[doc = concat!("`", $key, "`")] $variant, )*
        }

        impl $keys {
            /// Every known key, in the order they are written.
            pub const ALL: &'static [$keys] = &[$($keys::$variant),*];

            /// The key as written in the JSON file.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $keys::$variant => $key, )*
                }
            }

            /// The known key written as `text`, if there is one.
            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $( $key => Some($keys::$variant), )*
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $keys {
            fn fmt(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
                formatter.write_str(self.as_str())
            }
        }

        impl $name {
            /// The known keys as written, in the order they are written.
            pub const KEYS: &'static [&'static str] = &[$($key),*];

            /// The text value under a known key, when that key holds text.
            pub fn text(&self, key: $keys) -> Option<&$crate::manifest::Slot<String>> {
                use $crate::manifest::object::SlotAccess;
                match key {
                    $( $keys::$variant => self.$field.text(), )*
                }
            }

            /// The text value under a known key, mutably.
            pub fn text_mut(&mut self, key: $keys) -> Option<&mut $crate::manifest::Slot<String>> {
                use $crate::manifest::object::SlotAccess;
                match key {
                    $( $keys::$variant => self.$field.text_mut(), )*
                }
            }

            /// The boolean under a known key, when that key holds a boolean.
            pub fn flag(&self, key: $keys) -> Option<&$crate::manifest::Slot<bool>> {
                use $crate::manifest::object::SlotAccess;
                match key {
                    $( $keys::$variant => self.$field.flag(), )*
                }
            }

            /// The boolean under a known key, mutably.
            pub fn flag_mut(&mut self, key: $keys) -> Option<&mut $crate::manifest::Slot<bool>> {
                use $crate::manifest::object::SlotAccess;
                match key {
                    $( $keys::$variant => self.$field.flag_mut(), )*
                }
            }

            /// The text under a known key holding a vocabulary value (a type), as a form shows it.
            pub fn term(&self, key: $keys) -> Option<$crate::manifest::Slot<String>> {
                use $crate::manifest::object::SlotAccess;
                match key {
                    $( $keys::$variant => self.$field.term(), )*
                }
            }

            /// Sets the vocabulary value under a known key from its text; false when the key holds none.
            pub fn set_term(&mut self, key: $keys, text: &str) -> bool {
                use $crate::manifest::object::SlotAccess;
                match key {
                    $( $keys::$variant => self.$field.set_term(text), )*
                }
            }

            /// True when the file has `key` (with any value, even `null` or one of the wrong type).
            pub fn has(&self, key: $keys) -> bool {
                match key {
                    $( $keys::$variant => !self.$field.is_absent(), )*
                }
            }

            /// Writes the known keys in order, then the unknown ones, into an open JSON object.
            pub fn serialize_entries<M: serde::ser::SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
                $( if !self.$field.is_absent() { map.serialize_entry($key, &self.$field)?; } )*
                for (key, value) in &self.extra {
                    map.serialize_entry(key, value)?;
                }
                Ok(())
            }
        }

        impl $crate::manifest::slot::JsonKind for $name {
            const NAME: &'static str = "an object";

            fn from_map<'de, A: serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Result<Self, $crate::manifest::Json>, A::Error> {
                let mut object = Self::default();
                let mut extra = $crate::manifest::json::Members::default();
                while let Some($crate::manifest::object::Key(key)) = map.next_key()? {
                    match key.as_ref() {
                        $( $key => $crate::manifest::object::set_known(&mut object.$field, map.next_value()?), )*
                        _ => extra.insert(key, map.next_value()?),
                    }
                }
                object.extra = extra.finish();
                Ok(Ok(object))
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut map = serializer.serialize_map(None)?;
                self.serialize_entries(&mut map)?;
                map.end()
            }
        }
    };
}

pub(crate) use json_object;
