//! `Vocab<T>`: a value of one of the seed page's enumerations, or any other text, kept exactly as written.

use super::json::Json;
use super::slot::{JsonKind, Slot};
use serde::{Serialize, Serializer};

/// An enumeration of the seed page (authentication types, field types, input types).
pub trait Vocabulary: Copy + Eq + 'static {
    /// Every value, in the order the wizard offers them.
    const VALUES: &'static [Self];

    /// The value as Talkdesk spells it in a manifest.
    fn as_str(self) -> &'static str;

    /// The value a text means, read leniently (any letter case, older names): what reading
    /// rewrites to Talkdesk's spelling, with a warning.
    fn parse(text: &str) -> Option<Self>;
}

/// A value of the vocabulary `T` as the file has it.
///
/// `Known` is a value written exactly as Talkdesk spells it; anything else is `Other`, kept as
/// written, so an unknown value (or an odd spelling reading has not rewritten) is written back
/// unchanged and reported by the rules.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Vocab<T> {
    /// A value Talkdesk knows, written exactly as Talkdesk spells it.
    Known(T),
    /// Any other text, kept as written.
    Other(String),
}

impl<T: Vocabulary> Vocab<T> {
    /// The value of `text`: `Known` only when it is spelt exactly as Talkdesk spells a value.
    pub fn from_text(text: String) -> Self {
        match T::VALUES.iter().copied().find(|value| value.as_str() == text) {
            Some(value) => Vocab::Known(value),
            None => Vocab::Other(text),
        }
    }

    /// The text as written.
    pub fn as_str(&self) -> &str {
        match self {
            Vocab::Known(value) => value.as_str(),
            Vocab::Other(text) => text,
        }
    }

    /// The value when it is spelt as Talkdesk spells it.
    pub fn known(&self) -> Option<T> {
        match self {
            Vocab::Known(value) => Some(*value),
            Vocab::Other(_) => None,
        }
    }

    /// The value, also when it is spelt another way Talkdesk's value is recognised in (`OAuth2`, `text`).
    pub fn lenient(&self) -> Option<T> {
        match self {
            Vocab::Known(value) => Some(*value),
            Vocab::Other(text) => T::parse(text),
        }
    }
}

impl<T> From<T> for Vocab<T> {
    fn from(value: T) -> Self {
        Vocab::Known(value)
    }
}

impl<T: Vocabulary> JsonKind for Vocab<T> {
    const NAME: &'static str = "a string";
    fn from_string(text: String) -> Result<Self, Json> {
        Ok(Vocab::from_text(text))
    }
}

impl<T: Vocabulary> Serialize for Vocab<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<T: Vocabulary> Slot<Vocab<T>> {
    /// The text as written, when the slot holds a string. (Not `as_str`: `Slot::as_str` stays the
    /// text slots' own, usable as a path.)
    pub fn written(&self) -> Option<&str> {
        self.get().map(Vocab::as_str)
    }

    /// The value, when the slot holds one spelt as Talkdesk spells it.
    pub fn known(&self) -> Option<T> {
        self.get().and_then(Vocab::known)
    }

    /// The slot with its text as a plain string slot (a wrong value is copied): what a form shows.
    pub fn to_text(&self) -> Slot<String> {
        match self {
            Slot::Absent => Slot::Absent,
            Slot::Null => Slot::Null,
            Slot::Value(value) => Slot::Value(value.as_str().to_owned()),
            Slot::Wrong(value) => Slot::Wrong(value.clone()),
        }
    }
}
