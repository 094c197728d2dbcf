//! The lines the writer puts values on: serialising with a formatter that follows the JSON pointer of
//! what it writes, so a reader of the written text (the wizard's review) needs no second scan of it.

use super::super::diagnostic::escape_token;
use serde::Serialize;
use serde_json::ser::{CharEscape, Formatter, PrettyFormatter};
use std::collections::{HashMap, HashSet};
use std::io;

/// The 0-based line where values start in written text, for the pointers asked for and their ancestors.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WrittenLines(HashMap<String, usize>);

impl WrittenLines {
    /// The line of the value at `pointer`, or of its nearest written ancestor (a missing key's object),
    /// like [`crate::manifest::position::locate_all`] does.
    pub fn line_of(&self, pointer: &str) -> Option<usize> {
        let mut pointer = pointer;
        loop {
            if let Some(line) = self.0.get(pointer) {
                return Some(*line);
            }
            pointer = &pointer[..pointer.rfind('/')?];
        }
    }
}

/// `value` as [`super::pretty`] writes it, with the lines of `wanted` pointers (and their ancestors).
pub(super) fn pretty_with_lines<T: Serialize>(value: &T, wanted: &[&str]) -> (String, WrittenLines) {
    let mut watched: HashSet<&str> = HashSet::new();
    for pointer in wanted {
        let mut at = *pointer;
        watched.insert(at);
        while let Some(cut) = at.rfind('/') {
            at = &at[..cut];
            watched.insert(at);
        }
    }
    let mut formatter = LineFormatter {
        inner: PrettyFormatter::new(),
        line: 0,
        path: String::new(),
        frames: Vec::new(),
        key: None,
        watched,
        lines: HashMap::new(),
    };
    formatter.record();
    let mut bytes = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, &mut formatter);
    // Serialising into memory cannot fail: every map key is a string and numbers come from JSON.
    let text = match value.serialize(&mut serializer) {
        Ok(()) => String::from_utf8(bytes).unwrap_or_default(),
        Err(_) => String::new(),
    };
    (text, WrittenLines(formatter.lines))
}

/// An open container: where its pointer ends in `path`, its next array index, and whether it has values.
struct Frame {
    path_len: usize,
    index: Option<usize>,
    has_value: bool,
}

/// Pretty printing as serde_json does it, counting the line breaks it writes and the pointer it is at.
struct LineFormatter<'w> {
    inner: PrettyFormatter<'static>,
    /// Line breaks written so far: pretty printing writes one before each member or element, and one
    /// before the closing bracket of a container that has any.
    line: usize,
    /// The pointer of the value being written.
    path: String,
    frames: Vec<Frame>,
    /// The key being written (decoded), while inside an object key.
    key: Option<String>,
    watched: HashSet<&'w str>,
    lines: HashMap<String, usize>,
}

impl LineFormatter<'_> {
    /// Notes the line of the current pointer if it was asked for.
    fn record(&mut self) {
        if self.watched.contains(self.path.as_str()) {
            self.lines.insert(self.path.clone(), self.line);
        }
    }

    /// A member or element starts: a line break is written before it.
    fn next_value(&mut self) {
        self.line += 1;
        if let Some(frame) = self.frames.last_mut() {
            frame.has_value = true;
            self.path.truncate(frame.path_len);
        }
    }

    fn close(&mut self) {
        if let Some(frame) = self.frames.pop() {
            self.line += usize::from(frame.has_value);
            self.path.truncate(frame.path_len);
        }
    }
}

impl Formatter for &mut LineFormatter<'_> {
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.frames.push(Frame { path_len: self.path.len(), index: Some(0), has_value: false });
        self.inner.begin_array(writer)
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close();
        self.inner.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.next_value();
        if let Some(frame) = self.frames.last_mut()
            && let Some(index) = frame.index.as_mut()
        {
            self.path.push('/');
            self.path.push_str(&index.to_string());
            *index += 1;
        }
        self.record();
        self.inner.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.frames.push(Frame { path_len: self.path.len(), index: None, has_value: false });
        self.inner.begin_object(writer)
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close();
        self.inner.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + io::Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.next_value();
        self.key = Some(String::new());
        self.inner.begin_object_key(writer, first)
    }

    fn end_object_key<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        if let Some(key) = self.key.take() {
            self.path.push('/');
            self.path.push_str(&escape_token(&key));
            self.record();
        }
        self.inner.end_object_key(writer)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.inner.end_object_value(writer)
    }

    fn write_string_fragment<W: ?Sized + io::Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        if let Some(key) = self.key.as_mut() {
            key.push_str(fragment);
        }
        writer.write_all(fragment.as_bytes())
    }

    fn write_char_escape<W: ?Sized + io::Write>(&mut self, writer: &mut W, escape: CharEscape) -> io::Result<()> {
        if let Some(key) = self.key.as_mut() {
            key.push(match escape {
                CharEscape::Quote => '"',
                CharEscape::ReverseSolidus => '\\',
                CharEscape::Solidus => '/',
                CharEscape::Backspace => '\u{8}',
                CharEscape::FormFeed => '\u{c}',
                CharEscape::LineFeed => '\n',
                CharEscape::CarriageReturn => '\r',
                CharEscape::Tab => '\t',
                CharEscape::AsciiControl(byte) => char::from(byte),
            });
        }
        serde_json::ser::CompactFormatter.write_char_escape(writer, escape)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{to_json, to_json_with_lines};
    use super::*;
    use crate::manifest::position::locate_all;
    use crate::manifest::read;

    const TRICKY: &str = r#"{"integration": {"name": "x", "description": "two\nlines", "a/b~c": {"q\"uote": [1, [], {}, [2, {"k": null}]]},
        "authentication_configuration": [{"field_name": "a"}, {}], "x-\u00e9\ud83d\ude00": {}}, "actions": []}"#;

    #[test]
    fn the_writer_knows_the_line_of_every_value_as_a_scan_of_its_text_finds_it() {
        let bare = r#"{"name": "x", "authentication_type": "none", "x-list": [1, {"y": 2}]}"#;
        for source in [TRICKY, bare, include_str!("../../../assets/examples/mycrm.json")] {
            let manifest = read(source.as_bytes()).expect("a JSON object").manifest;
            let text = to_json(&manifest);
            let value: serde_json::Value = serde_json::from_str(&text).expect("written JSON");
            let mut pointers = vec![String::new()];
            collect_pointers(&value, String::new(), &mut pointers);
            pointers.push("/integration/no_such_key/deeper".into());
            let wanted: Vec<&str> = pointers.iter().map(String::as_str).collect();
            let (written, lines) = to_json_with_lines(&manifest, &wanted);
            assert_eq!(written, text, "the same text as a save writes");
            let scanned = locate_all(&text, &wanted);
            for (pointer, position) in wanted.iter().zip(scanned) {
                assert_eq!(lines.line_of(pointer), position.map(|p| p.line - 1), "{pointer:?} in\n{text}");
            }
        }
    }

    fn collect_pointers(value: &serde_json::Value, at: String, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, inner) in map {
                    let pointer = format!("{at}/{}", escape_token(key));
                    out.push(pointer.clone());
                    collect_pointers(inner, pointer, out);
                }
            }
            serde_json::Value::Array(items) => {
                for (index, inner) in items.iter().enumerate() {
                    let pointer = format!("{at}/{index}");
                    out.push(pointer.clone());
                    collect_pointers(inner, pointer, out);
                }
            }
            _ => {}
        }
    }
}
