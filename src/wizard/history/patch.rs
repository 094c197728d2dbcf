//! One change to the manifest as JSON patches: only the smallest parts that changed, each with its
//! value before and after, so a change costs memory in proportion to what it changed.
//!
//! Values are the manifest's own [`Json`], which keeps every number as the file spelled it: undoing
//! a change must give back the file exactly, `1E+2` included.

use crate::manifest::Json as Value;
use serde::{Deserialize, Serialize};

/// A part of the manifest that changed, at a JSON pointer (RFC 6901; "" is the whole manifest).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Patch {
    /// The value at `at` was `old` and became `new`.
    Replace { at: String, old: Value, new: Value },
    /// In the list at `at`, the items `old` starting at `index` were replaced by `new` (an item
    /// added, removed or copied: the items around it are not stored).
    Splice { at: String, index: usize, old: Vec<Value>, new: Vec<Value> },
    /// In the object at `at`, the member `key` (the `index`th of its members where it is) was `old`
    /// and became `new`, None where it is absent: a key added or removed without storing the object
    /// around it (every action's provider removed when the integration's name is cleared).
    Member { at: String, key: String, index: usize, old: Option<Value>, new: Option<Value> },
}

impl Patch {
    /// Where the change is: the replaced value, or the first spliced item.
    pub fn pointer(&self) -> String {
        match self {
            Patch::Replace { at, .. } => at.clone(),
            Patch::Splice { at, index, .. } => format!("{at}/{index}"),
            Patch::Member { at, key, .. } => format!("{at}/{}", escape(key)),
        }
    }

    /// Applies the patch to `value` forwards (redo) or backwards (undo); false when `value` does not
    /// have the place the patch names (the history does not belong to this manifest).
    pub fn apply(&self, value: &mut Value, forwards: bool) -> bool {
        let at = match self {
            Patch::Replace { at, .. } | Patch::Splice { at, .. } | Patch::Member { at, .. } => at,
        };
        self.apply_at(value, at, forwards)
    }

    /// As [`Patch::apply`], to `value` holding only a part of the manifest: `at` is where the
    /// patch's place is in that part (its pointer without the part's own).
    pub fn apply_at(&self, value: &mut Value, at: &str, forwards: bool) -> bool {
        match self {
            Patch::Replace { old, new, .. } => match find(value, at) {
                Some(place) => {
                    *place = if forwards { new.clone() } else { old.clone() };
                    true
                }
                None => false,
            },
            Patch::Splice { index, old, new, .. } => {
                let (removed, inserted) = if forwards { (old, new) } else { (new, old) };
                // The index comes from a draft on disk: a huge one must not overflow, it does not fit.
                let end = index.checked_add(removed.len());
                match (find(value, at), end) {
                    (Some(Value::Array(items)), Some(end)) if end <= items.len() => {
                        items.splice(*index..end, inserted.iter().cloned());
                        true
                    }
                    _ => false,
                }
            }
            Patch::Member { key, index, old, new, .. } => {
                let (before, after) = if forwards { (old, new) } else { (new, old) };
                let Some(Value::Object(members)) = find(value, at) else { return false };
                match (members.iter().position(|(name, _)| name == key), before, after) {
                    (Some(place), Some(_), Some(after)) => members[place].1 = after.clone(),
                    (Some(place), Some(_), None) => drop(members.remove(place)),
                    (None, None, Some(after)) if *index <= members.len() => {
                        members.insert(*index, (key.clone(), after.clone()));
                    }
                    (None, None, None) => {}
                    // Not where the patch says it was: the history does not belong to this value.
                    _ => return false,
                }
                true
            }
        }
    }
}

/// The patches that turn `old` into `new`: nothing when they are equal.
pub(crate) fn diff(old: &Value, new: &Value) -> Vec<Patch> {
    diff_at(String::new(), old, new)
}

/// The patches that turn `old`, found at the pointer `at`, into `new`.
pub(crate) fn diff_at(at: String, old: &Value, new: &Value) -> Vec<Patch> {
    let mut patches = Vec::new();
    walk(old, new, at, &mut patches);
    patches
}

fn walk(old: &Value, new: &Value, at: String, patches: &mut Vec<Patch>) {
    if old == new {
        return;
    }
    match (old, new) {
        // The same keys in the same order: only the keys whose values changed. (Keys added or removed
        // replace the whole object: objects of a manifest are small, except the lists they hold.)
        (Value::Object(before), Value::Object(after))
            if before.len() == after.len() && before.iter().zip(after).all(|((a, _), (b, _))| a == b) =>
        {
            for ((key, a), (_, b)) in before.iter().zip(after) {
                if a != b {
                    walk(a, b, format!("{at}/{}", escape(key)), patches);
                }
            }
        }
        (Value::Array(before), Value::Array(after)) => {
            let prefix = before.iter().zip(after).take_while(|(a, b)| a == b).count();
            let room = before.len().min(after.len()) - prefix;
            let suffix = before.iter().rev().zip(after.iter().rev()).take(room).take_while(|(a, b)| a == b).count();
            let removed = &before[prefix..before.len() - suffix];
            let inserted = &after[prefix..after.len() - suffix];
            if removed.len() == inserted.len() {
                // Items changed in place (edited, or swapped by a move): each one on its own.
                for (offset, (a, b)) in removed.iter().zip(inserted).enumerate() {
                    walk(a, b, format!("{at}/{}", prefix + offset), patches);
                }
            } else {
                patches.push(Patch::Splice { at, index: prefix, old: removed.to_vec(), new: inserted.to_vec() });
            }
        }
        _ => patches.push(Patch::Replace { at, old: old.clone(), new: new.clone() }),
    }
}

/// The value at `pointer` in `value`, if it has one.
fn find<'a>(value: &'a mut Value, pointer: &str) -> Option<&'a mut Value> {
    if pointer.is_empty() {
        return Some(value);
    }
    let mut place = value;
    for token in pointer.strip_prefix('/')?.split('/') {
        let token = token.replace("~1", "/").replace("~0", "~");
        place = match place {
            Value::Object(members) => members.iter_mut().find(|(key, _)| *key == token).map(|(_, value)| value)?,
            Value::Array(items) => items.get_mut(token.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(place)
}

/// A key as a JSON pointer token.
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A value from JSON text, numbers spelled as written.
    fn json(text: serde_json::Value) -> Value {
        crate::manifest::number_text::parse(text.to_string().as_bytes()).expect("JSON")
    }

    macro_rules! json {
        ($($text:tt)+) => {
            json(serde_json::json!($($text)+))
        };
    }

    fn round_trip(old: Value, new: Value) -> Vec<Patch> {
        let patches = diff(&old, &new);
        let mut value = old.clone();
        assert!(patches.iter().all(|patch| patch.apply(&mut value, true)));
        assert_eq!(value, new, "forwards");
        assert!(patches.iter().rev().all(|patch| patch.apply(&mut value, false)));
        assert_eq!(value, old, "backwards");
        patches
    }

    #[test]
    fn an_edited_value_is_stored_alone() {
        let patches = round_trip(json!({"a": {"b": 1, "c": [1, 2, 3]}}), json!({"a": {"b": 1, "c": [1, 5, 3]}}));
        assert_eq!(patches, [Patch::Replace { at: "/a/c/1".into(), old: json!(2), new: json!(5) }]);
    }

    #[test]
    fn a_removed_item_is_stored_without_its_neighbours() {
        let patches = round_trip(json!([1, 2, 3, 4]), json!([1, 2, 4]));
        assert_eq!(patches, [Patch::Splice { at: String::new(), index: 2, old: vec![json!(3)], new: vec![] }]);
        round_trip(json!([1, 1, 1]), json!([1, 1, 1, 1]));
    }

    #[test]
    fn swapped_items_keys_with_slashes_and_new_keys_go_back_and_forth() {
        round_trip(json!({"l": [{"n": "a"}, {"n": "b"}]}), json!({"l": [{"n": "b"}, {"n": "a"}]}));
        round_trip(json!({"a/b~": 1}), json!({"a/b~": 2}));
        round_trip(json!({"a": 1}), json!({"a": 1, "b": 2}));
        round_trip(json!({"a": 1}), json!("text"));
    }

    #[test]
    fn a_member_removed_or_added_goes_back_to_its_place() {
        let with = json!({"provider": "crm", "name": "a"});
        let without = json!({"name": "a"});
        let patch =
            Patch::Member { at: String::new(), key: "provider".into(), index: 0, old: Some(json!("crm")), new: None };
        let mut value = with.clone();
        assert!(patch.apply(&mut value, true));
        assert_eq!(value, without);
        assert!(patch.apply(&mut value, false));
        assert_eq!(value, with, "back in its place, first");
        assert!(!patch.apply(&mut with.clone(), false), "adding back a member that is there does not fit");
        assert!(!patch.apply(&mut json!({"name": "a"}), true), "removing a member that is not there does not fit");
        assert_eq!(patch.pointer(), "/provider");
    }

    #[test]
    fn numbers_keep_their_spelling() {
        let old: Value = crate::manifest::number_text::parse(br#"{"n": 1E+2, "s": "a"}"#).expect("JSON");
        let new: Value = crate::manifest::number_text::parse(br#"{"n": 1E+2, "s": "b"}"#).expect("JSON");
        let mut value = new.clone();
        for patch in diff(&old, &new) {
            patch.apply(&mut value, false);
        }
        assert_eq!(serde_json::to_string(&value).expect("text"), r#"{"n":1E+2,"s":"a"}"#);
    }
}
