//! Reading a manifest from bytes: every shape of SPEC §2.1, broken values kept, and notes on what a save will change.

use super::diagnostic::Diagnostic;
use super::duplicates;
use super::model::{Integration, IntegrationKey, List, Manifest, Shape, Wrapper, WrapperKey};
use super::number_text;
use super::rules::codes::Rule;
use super::slot::{JsonKind, Slot};
use super::vocab::{Vocab, Vocabulary};
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::io::BufRead;

/// A manifest as read, with the warnings that only reading can see (the file's original spelling).
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The manifest read.
    pub manifest: Manifest,
    /// Warnings about what reading normalised and the next save writes differently: the legacy
    /// shape, enumerations not in lowercase, `text` for `input`, a byte order mark, a key written twice.
    pub notes: Vec<Diagnostic>,
}

const BYTE_ORDER_MARK: &[u8] = b"\xEF\xBB\xBF";

/// Reads a manifest. Fails only when the bytes are not a JSON object; the diagnostic says
/// where and what to do. Anything else (wrong types, unknown keys, missing keys) is kept.
pub fn read(source: &[u8]) -> Result<Parsed, Diagnostic> {
    let mut notes = Vec::new();
    let source = match source.strip_prefix(BYTE_ORDER_MARK) {
        Some(rest) => {
            notes.push(Diagnostic::of(
                Rule::ByteOrderMark,
                "",
                "the file starts with a byte order mark; it is saved without one, which every JSON reader prefers",
            ));
            rest
        }
        None => source,
    };
    if source.iter().all(u8::is_ascii_whitespace) {
        return Err(Diagnostic::of(
            Rule::JsonSyntax,
            "",
            "the file is empty; a manifest is a JSON object such as {\"integration\": {...}}",
        ));
    }
    duplicates::take();
    let root: Slot<Wrapper> = number_text::parse(source).map_err(|error| syntax_error(&error, source))?;
    if duplicates::take() {
        notes.extend(duplicates::find(source));
    }
    let wrapper = match root {
        Slot::Value(wrapper) => wrapper,
        other => {
            return Err(Diagnostic::of(
                Rule::NotAnObject,
                "",
                format!(
                    "the file holds {} but a manifest is a JSON object such as {{\"integration\": {{...}}}}",
                    other.found()
                ),
            ));
        }
    };
    let mut manifest = into_manifest(wrapper);
    normalize(&mut manifest, &mut notes);
    Ok(Parsed { manifest, notes })
}

/// Reads a manifest from a stream without holding its text, when it reads cleanly in one go: a
/// JSON object, without a byte order mark, a key written twice or a number whose spelling only the
/// text keeps (all of which need the text at hand). `None` otherwise: [`read`] of the whole text
/// then gives the same result, and says what is wrong. What reading notes is the same either way.
pub fn read_stream(mut reader: impl BufRead) -> Option<Parsed> {
    let start = reader.fill_buf().ok()?;
    // A start too short to tell a byte order mark from the first bytes (a tiny file, or a reader
    // that hands out little at a time) is read whole.
    if start.len() < BYTE_ORDER_MARK.len() || start.starts_with(BYTE_ORDER_MARK) {
        return None;
    }
    duplicates::take();
    let root: Option<Slot<Wrapper>> = number_text::parse_stream(reader);
    if duplicates::take() {
        return None;
    }
    let Some(Slot::Value(wrapper)) = root else { return None };
    let mut notes = Vec::new();
    let mut manifest = into_manifest(wrapper);
    normalize(&mut manifest, &mut notes);
    Some(Parsed { manifest, notes })
}

fn syntax_error(error: &serde_json::Error, source: &[u8]) -> Diagnostic {
    let full = error.to_string();
    // serde_json ends its messages with " at line L column C"; the position is reported apart.
    let what = full.split(" at line ").next().unwrap_or(&full);
    let advice = if what.contains("number out of range") {
        "this number is beyond what a JSON reader keeps (about ±1.8e308); write it smaller, or as a string".to_owned()
    } else if what.contains("recursion limit") {
        "the JSON is nested more than 128 levels deep; a manifest needs only a few levels".to_owned()
    } else if error.is_eof() {
        format!("the JSON ends too early ({what}); close every string, list and object")
    } else {
        format!("the file is not valid JSON: {what}; fix the syntax here (often a missing comma or quote)")
    };
    let mut diagnostic = Diagnostic::of(Rule::JsonSyntax, "", advice);
    let line = error.line().max(1);
    diagnostic.position =
        Some(super::position::Position { line, column: character_column(source, line, error.column()) });
    diagnostic
}

/// serde_json counts an error's column in bytes; every other position counts characters (and an
/// editor converts from characters), so the byte column is turned into a character column.
fn character_column(source: &[u8], line: usize, byte_column: usize) -> usize {
    let Some(text) = source.split(|&byte| byte == b'\n').nth(line - 1) else { return byte_column.max(1) };
    let before = &text[..byte_column.saturating_sub(1).min(text.len())];
    // A column inside a character (a broken UTF-8 sequence) counts that character once.
    String::from_utf8_lossy(before).chars().count() + 1
}

/// Recognises a bare integration document: no `integration` key, but integration keys at the top.
fn into_manifest(wrapper: Wrapper) -> Manifest {
    let has_integration_keys = wrapper
        .extra
        .iter()
        .any(|(key, _)| key == IntegrationKey::Name.as_str() || key == IntegrationKey::AuthenticationType.as_str());
    if !wrapper.integration.is_absent() || !has_integration_keys {
        return Manifest { shape: Shape::Wrapper, wrapper };
    }
    // In a bare document every key but `$schema` belongs to the integration, wrapper keys included.
    let integration = Slot::<Integration>::from_json(&BareKeys(&wrapper));
    Manifest { shape: Shape::Bare, wrapper: Wrapper { schema: wrapper.schema, integration, ..Wrapper::default() } }
}

/// The keys of a bare document but `$schema`, as one object: the unknown ones, then
/// `requires_cti` and `actions` when the file has them.
struct BareKeys<'a>(&'a Wrapper);

impl Serialize for BareKeys<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for (key, value) in &self.0.extra {
            map.serialize_entry(key, value)?;
        }
        if !self.0.requires_cti.is_absent() {
            map.serialize_entry(WrapperKey::RequiresCti.as_str(), &self.0.requires_cti)?;
        }
        if !self.0.actions.is_absent() {
            map.serialize_entry(WrapperKey::Actions.as_str(), &self.0.actions)?;
        }
        map.end()
    }
}

impl<T: JsonKind> Slot<T> {
    /// Builds a slot from a part of a manifest already read (numbers keep their spelling).
    pub fn from_json(value: &impl Serialize) -> Self {
        // The part is written and read again: one way of reading, whatever the source.
        serde_json::to_vec(value).ok().and_then(|text| number_text::parse(&text).ok()).unwrap_or_default()
    }
}

/// Brings what the file spelled differently into the written form, noting each change.
fn normalize(manifest: &mut Manifest, notes: &mut Vec<Diagnostic>) {
    let base = manifest.integration_pointer();
    if let Slot::Value(integration) = &mut manifest.wrapper.integration {
        lowercase(&mut integration.authentication_type, || format!("{base}/authentication_type"), notes);
        let list = format!("{base}/authentication_configuration");
        if let Slot::Value(fields) = &mut integration.authentication_configuration {
            upgrade_legacy(fields, &list, notes);
            for (index, field) in fields.iter_mut().enumerate() {
                if let Slot::Value(field) = field {
                    let pointer = || format!("{list}/{index}/type");
                    lowercase(&mut field.field_type, pointer, notes);
                }
            }
        }
    }
    if let Slot::Value(actions) = &mut manifest.wrapper.actions {
        for (action_index, action) in actions.iter_mut().enumerate() {
            let Some(inputs) = action.get_mut().and_then(|action| action.inputs.get_mut()) else {
                continue;
            };
            for (input_index, input) in inputs.iter_mut().enumerate() {
                if let Slot::Value(input) = input {
                    // The pointer is made only for a note: a large valid file makes none.
                    let pointer = || format!("/actions/{action_index}/inputs/{input_index}/type");
                    lowercase(&mut input.input_type, pointer, notes);
                }
            }
        }
    }
}

/// Rewrites a known enumeration value to its written spelling, with a warning that names both.
fn lowercase<T: Vocabulary>(slot: &mut Slot<Vocab<T>>, pointer: impl FnOnce() -> String, notes: &mut Vec<Diagnostic>) {
    // A value spelt as Talkdesk spells it is already `Known`; only another spelling is looked at.
    let Slot::Value(Vocab::Other(written)) = slot else { return };
    let Some(value) = T::parse(written) else {
        return;
    };
    let canonical = value.as_str();
    let (code, message) = if written.eq_ignore_ascii_case("text") {
        (
            Rule::TextForInput,
            format!("\"{written}\" is read as \"input\", the name Talkdesk uses now; the next save writes \"input\""),
        )
    } else {
        (
            Rule::EnumNotLowercase,
            format!("\"{written}\" is read as \"{canonical}\"; the next save writes it in lowercase"),
        )
    };
    notes.push(Diagnostic::of(code, pointer(), message));
    *slot = Slot::Value(Vocab::Known(value));
}

/// Turns legacy one-key objects (`{"account": {...}}`) into fields with `field_name: "account"`.
fn upgrade_legacy(fields: &mut List<super::model::AuthField>, list: &str, notes: &mut Vec<Diagnostic>) {
    for (index, slot) in fields.iter_mut().enumerate() {
        let Slot::Value(field) = slot else { continue };
        let only_one_object = field.extra.len() == 1 && field.extra[0].1.is_object();
        // The comparison copies the one unknown key, so it is made only for a likely legacy field.
        if !(only_one_object && *field == super::model::AuthField { extra: field.extra.clone(), ..Default::default() })
        {
            continue;
        }
        let (name, inner) = field.extra.remove(0);
        let mut upgraded = Slot::<super::model::AuthField>::from_json(&inner);
        if let Slot::Value(upgraded) = &mut upgraded {
            upgraded.field_name = Slot::Value(name.clone());
        }
        notes.push(Diagnostic::of(Rule::LegacyShape,
            format!("{list}/{index}"),
            // The name comes from the file: escaped, so it cannot break the message's line.
            format!(
                "field {shown} uses the legacy shape {{{shown}: {{...}}}}; the next save writes it as {{\"field_name\": {shown}, ...}}",
                shown = crate::escape::quoted(&name)
            ),
        ));
        *slot = upgraded;
    }
}
