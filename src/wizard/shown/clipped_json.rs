//! Pretty JSON of a part of the manifest with very long strings cut short, for the preview: a 50 MB
//! description is neither copied nor written out on every keystroke; the pane shows its start only.

use serde::Serialize;
use serde::ser::{self, Error as _};
use serde_json::{Map, Value};

/// Strings longer than this (in bytes) are cut short.
const LONG: usize = 4_096;
/// How many characters of a long string are shown.
const KEPT: usize = 2_000;

/// `value` as pretty JSON, its long strings cut to their start and a note of what was left out.
pub(crate) fn clipped_pretty<T: Serialize>(value: &T) -> String {
    match value.serialize(Clip) {
        Ok(clipped) => crate::manifest::write::pretty(&clipped),
        Err(_) => crate::manifest::write::pretty(value),
    }
}

fn clip(text: &str) -> Value {
    if text.len() <= LONG {
        return Value::String(text.to_owned());
    }
    let kept = super::super::display::clip(text, KEPT);
    Value::String(format!("{kept}… ({} more bytes not shown)", text.len() - kept.len()))
}

/// Serialises into a `serde_json::Value`, cutting long strings.
struct Clip;

type Error = serde_json::Error;

/// A name serde_json gives the special structs of its own number and raw value types.
fn is_serde_json_private(name: &str) -> bool {
    name.starts_with("$serde_json::private::")
}

impl ser::Serializer for Clip {
    type Ok = Value;
    type Error = Error;
    type SerializeSeq = Seq;
    type SerializeTuple = Seq;
    type SerializeTupleStruct = Seq;
    type SerializeTupleVariant = Variant<Seq>;
    type SerializeMap = Object;
    type SerializeStruct = Struct;
    type SerializeStructVariant = Variant<Object>;

    fn serialize_bool(self, v: bool) -> Result<Value, Error> {
        Ok(Value::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<Value, Error> {
        Ok(Value::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<Value, Error> {
        Ok(Value::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<Value, Error> {
        Ok(Value::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<Value, Error> {
        Ok(Value::from(v))
    }
    fn serialize_u8(self, v: u8) -> Result<Value, Error> {
        Ok(Value::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<Value, Error> {
        Ok(Value::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<Value, Error> {
        Ok(Value::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<Value, Error> {
        Ok(Value::from(v))
    }
    fn serialize_i128(self, v: i128) -> Result<Value, Error> {
        serde_json::to_value(v)
    }
    fn serialize_u128(self, v: u128) -> Result<Value, Error> {
        serde_json::to_value(v)
    }
    fn serialize_f32(self, v: f32) -> Result<Value, Error> {
        serde_json::to_value(v)
    }
    fn serialize_f64(self, v: f64) -> Result<Value, Error> {
        serde_json::to_value(v)
    }
    fn serialize_char(self, v: char) -> Result<Value, Error> {
        Ok(Value::String(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Value, Error> {
        Ok(clip(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Value, Error> {
        Ok(Value::Array(v.iter().map(|&byte| Value::from(byte)).collect()))
    }
    fn serialize_none(self) -> Result<Value, Error> {
        Ok(Value::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Value, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Value, Error> {
        Ok(Value::Null)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Value, Error> {
        Ok(Value::Null)
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<Value, Error> {
        Ok(Value::String(variant.to_owned()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<Value, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Value, Error> {
        let mut object = Map::new();
        object.insert(variant.to_owned(), value.serialize(Clip)?);
        Ok(Value::Object(object))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq, Error> {
        Ok(Seq(Vec::with_capacity(len.unwrap_or(0))))
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Seq, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Variant<Seq>, Error> {
        Ok(Variant(variant, Seq(Vec::with_capacity(len))))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Object, Error> {
        Ok(Object { map: Map::new(), key: None })
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Struct, Error> {
        if is_serde_json_private(name) {
            // A number kept as written, or raw JSON: serde_json knows how to turn it into a value.
            return Ok(Struct::Json(ser::Serializer::serialize_struct(serde_json::value::Serializer, name, len)?));
        }
        Ok(Struct::Object(Map::new()))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Variant<Object>, Error> {
        Ok(Variant(variant, Object { map: Map::new(), key: None }))
    }
}

struct Seq(Vec<Value>);

impl ser::SerializeSeq for Seq {
    type Ok = Value;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.0.push(value.serialize(Clip)?);
        Ok(())
    }
    fn end(self) -> Result<Value, Error> {
        Ok(Value::Array(self.0))
    }
}

impl ser::SerializeTuple for Seq {
    type Ok = Value;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Value, Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Seq {
    type Ok = Value;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Value, Error> {
        ser::SerializeSeq::end(self)
    }
}

struct Object {
    map: Map<String, Value>,
    key: Option<String>,
}

impl ser::SerializeMap for Object {
    type Ok = Value;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        // Keys are never cut: they are short, and two cut keys could become the same.
        match key.serialize(serde_json::value::Serializer)? {
            Value::String(key) => self.key = Some(key),
            other => self.key = Some(other.to_string()),
        }
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self.key.take().ok_or_else(|| Error::custom("a map value without its key"))?;
        self.map.insert(key, value.serialize(Clip)?);
        Ok(())
    }
    fn end(self) -> Result<Value, Error> {
        Ok(Value::Object(self.map))
    }
}

impl ser::SerializeStructVariant for Object {
    type Ok = Value;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.map.insert(key.to_owned(), value.serialize(Clip)?);
        Ok(())
    }
    fn end(self) -> Result<Value, Error> {
        Ok(Value::Object(self.map))
    }
}

enum Struct {
    Object(Map<String, Value>),
    Json(<serde_json::value::Serializer as ser::Serializer>::SerializeStruct),
}

impl ser::SerializeStruct for Struct {
    type Ok = Value;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        match self {
            Struct::Object(map) => {
                map.insert(key.to_owned(), value.serialize(Clip)?);
                Ok(())
            }
            Struct::Json(json) => json.serialize_field(key, value),
        }
    }
    fn end(self) -> Result<Value, Error> {
        match self {
            Struct::Object(map) => Ok(Value::Object(map)),
            Struct::Json(json) => json.end(),
        }
    }
}

/// An enum variant holding a sequence or an object: `{"variant": ...}`.
struct Variant<T>(&'static str, T);

impl ser::SerializeTupleVariant for Variant<Seq> {
    type Ok = Value;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(&mut self.1, value)
    }
    fn end(self) -> Result<Value, Error> {
        let mut object = Map::new();
        object.insert(self.0.to_owned(), ser::SerializeSeq::end(self.1)?);
        Ok(Value::Object(object))
    }
}

impl ser::SerializeStructVariant for Variant<Object> {
    type Ok = Value;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        ser::SerializeStructVariant::serialize_field(&mut self.1, key, value)
    }
    fn end(self) -> Result<Value, Error> {
        let mut object = Map::new();
        object.insert(self.0.to_owned(), ser::SerializeMap::end(self.1)?);
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_values_are_written_as_they_are() {
        let value = serde_json::json!({"name": "mycrm", "n": [1, 2.5, -0, true, null], "o": {"k": "v"}});
        assert_eq!(clipped_pretty(&value), crate::manifest::write::pretty(&value));
    }

    #[test]
    fn a_long_string_shows_its_start_and_how_much_was_left_out() {
        let value = serde_json::json!({"description": "é".repeat(1_000_000), "name": "x"});
        let text = clipped_pretty(&value);
        assert!(text.len() < 10_000, "{} bytes", text.len());
        let expected = format!("{}… ({} more bytes not shown)", "é".repeat(KEPT), 2_000_000 - 2 * KEPT);
        assert!(text.contains(&expected), "{}", &text[..200]);
        assert!(text.contains("\"name\": \"x\""));
    }
}
