//! Writing a manifest in the layout of SPEC §2.2: known keys in order, unknown keys after, 2-space indentation.

mod lines;

use super::json::Json;
use super::model::{Manifest, Shape};
use super::number_text;
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

/// The text [`to_json`] writes for the manifest whose tree ([`to_tree`]) is `tree`: a copy of a
/// manifest kept as a tree (the draft writer's) is written as the manifest would be.
pub(crate) fn tree_to_json(tree: &Json) -> String {
    let mut text = pretty(tree);
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
    serde_json::to_vec(part).ok().and_then(|bytes| number_text::parse(&bytes).ok()).unwrap_or_default()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Manifests whose tree must write back as the manifest does: the wrapper and the bare shape,
    /// unknown keys, values of the wrong type, numbers spelled oddly, non-ASCII text.
    const SOURCES: &[&str] = &[
        r#"{"integration": {"name": "a", "display_name": "Ä \"b\"", "x-extra": [1E+2, -0, 0.10, {"k": null}]},
            "actions": [{"name": "n", "inputs": [{"key": "k", "type": 7}]}, 12345678901234567890123], "zz": true}"#,
        r#"{"$schema": "https://example.org/s.json", "name": "bare", "display_name": "Bare", "auth": {"t": 1.5e-3}}"#,
        r#"{"integration": {}, "actions": []}"#,
    ];

    #[test]
    fn a_manifest_s_tree_is_written_as_the_manifest_is() {
        for source in SOURCES {
            let manifest = crate::manifest::read(source.as_bytes()).expect("the manifest reads").manifest;
            assert_eq!(tree_to_json(&to_tree(&manifest)), to_json(&manifest), "{source}");
        }
    }
}
