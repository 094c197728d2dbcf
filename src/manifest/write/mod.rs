//! Writing a manifest in the layout of SPEC §2.2: known keys in order, unknown keys after, 2-space indentation.

mod lines;

use super::json::Json;
use super::model::{Manifest, Shape};
use super::spelling;
pub(crate) use lines::WrittenLines;
use serde::ser::{Serialize, SerializeMap, Serializer};

/// The manifest as the file text a save writes, ending with a newline.
pub fn to_json(manifest: &Manifest) -> String {
    let mut text = match manifest.written_shape() {
        Shape::Wrapper => pretty(&manifest.wrapper),
        Shape::Bare => pretty(&Bare(manifest)),
    };
    text.push('\n');
    text
}

/// The manifest as the JSON tree [`to_json`] writes, numbers spelled as in the file (the undo
/// history compares these).
pub fn to_tree(manifest: &Manifest) -> Json {
    match manifest.written_shape() {
        Shape::Wrapper => part_tree(&manifest.wrapper),
        Shape::Bare => part_tree(&Bare(manifest)),
    }
}

/// Any part of a manifest as the JSON tree it is written as, numbers spelled as in the file.
pub fn part_tree<T: Serialize>(part: &T) -> Json {
    // What was just written reads back; `Null` only if serialising failed, which it cannot (see `pretty`).
    serde_json::to_vec(part).ok().and_then(|bytes| spelling::parse(&bytes).ok()).unwrap_or_default()
}

/// The manifest as [`to_json`] writes it, with the line where each of the `wanted` pointers (or its
/// nearest written ancestor) is written: the text's reader needs no second scan of it.
pub(crate) fn to_json_with_lines(manifest: &Manifest, wanted: &[&str]) -> (String, WrittenLines) {
    let (mut text, lines) = match manifest.written_shape() {
        Shape::Wrapper => lines::pretty_with_lines(&manifest.wrapper, wanted),
        Shape::Bare => lines::pretty_with_lines(&Bare(manifest), wanted),
    };
    text.push('\n');
    (text, lines)
}

/// Any serialisable part of a manifest in the written layout, without the final newline.
pub(crate) fn pretty<T: Serialize>(value: &T) -> String {
    // Serialising into memory cannot fail: every map key is a string and numbers come from JSON.
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// A bare integration document: `$schema` if the file had one, then the integration's keys.
struct Bare<'a>(&'a Manifest);

impl Serialize for Bare<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if !self.0.wrapper.schema.is_absent() {
            map.serialize_entry("$schema", &self.0.wrapper.schema)?;
        }
        if let Some(integration) = self.0.integration() {
            integration.serialize_entries(&mut map)?;
        }
        map.end()
    }
}
