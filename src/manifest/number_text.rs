//! Numbers spelled as the file spells them: [`parse`] reads JSON text so that every number kept
//! in a [`Json`](super::json::Json) value has its exact text (`-0`, `1E+2`, `0.10`, huge integers).
//!
//! serde_json hands a visitor a number as `u64`, `i64` or `f64`, never as text. Integers of those
//! types have one spelling, their decimal digits, so they are spelled from the value. Any other
//! number (a fraction, an exponent, `-0`, an integer too big for 64 bits) comes as `f64`; when a
//! parse met one, the text is read again with the source's number tokens at hand, and each number
//! takes the next token, in document order (serde_json reads in that order). A manifest rarely has
//! numbers at all, so a large file is read once, as before.

use super::json::Number;
use serde::de::DeserializeOwned;
use std::cell::RefCell;

/// What the parse running on this thread knows about numbers.
#[derive(Default)]
struct State {
    /// A number came as `f64`, so its spelling is not known yet.
    floats: bool,
    /// The source's number tokens, on the second reading; and the next one to take.
    tokens: Option<Vec<String>>,
    next: usize,
}

thread_local! {
    // Visitors cannot be handed the source text, so the parse that runs on this thread leaves it here.
    static STATE: RefCell<State> = RefCell::new(State::default());
}

/// Parses `source` as JSON into `T`, with every number's spelling kept.
pub(crate) fn parse<T: DeserializeOwned>(source: &[u8]) -> serde_json::Result<T> {
    STATE.with(|state| *state.borrow_mut() = State::default());
    let first = serde_json::from_slice(source);
    let floats = STATE.with(|state| state.borrow().floats);
    if first.is_err() || !floats {
        return first;
    }
    let tokens = number_tokens(source).into_iter().map(str::to_owned).collect();
    STATE.with(|state| *state.borrow_mut() = State { tokens: Some(tokens), ..State::default() });
    let second = serde_json::from_slice(source);
    STATE.with(|state| *state.borrow_mut() = State::default());
    second
}

/// Parses a stream as JSON into `T` without holding its text, when that is enough: `None` on any
/// error, and when a number's spelling is not known from its value (that needs the text at hand);
/// the caller then reads the whole text and parses it with [`parse`], which also says what is wrong.
pub(crate) fn parse_stream<T: DeserializeOwned>(reader: impl std::io::Read) -> Option<T> {
    STATE.with(|state| *state.borrow_mut() = State::default());
    let read = serde_json::from_reader(reader);
    let floats = STATE.with(|state| state.borrow().floats);
    STATE.with(|state| *state.borrow_mut() = State::default());
    read.ok().filter(|_| !floats)
}

/// A number read as `u64`.
pub(crate) fn unsigned(number: u64) -> Number {
    take(|token| token.parse() == Ok(number)).unwrap_or_else(|| Number::from(number))
}

/// A number read as `i64`.
pub(crate) fn signed(number: i64) -> Number {
    take(|token| token.parse() == Ok(number)).unwrap_or_else(|| Number::from(number))
}

/// A number read as `f64`: its token on the second reading, else serde_json's shortest spelling.
pub(crate) fn float(number: f64) -> Number {
    STATE.with(|state| state.borrow_mut().floats = true);
    take(|token| token.parse::<f64>().is_ok_and(|read| same_float(read, number)))
        .unwrap_or_else(|| Number::from_token(serde_json::to_string(&number).unwrap_or_else(|_| "0".to_owned())))
}

/// The next token of the second reading, if it is the number just read (it always is, unless
/// something read a number outside these visitors; then the value's own spelling is used).
fn take(is_it: impl Fn(&str) -> bool) -> Option<Number> {
    STATE.with(|state| {
        let mut state = state.borrow_mut();
        let at = state.next;
        let token = state.tokens.as_ref()?.get(at)?.clone();
        // Each number takes one token, whatever it is, so one odd number cannot shift the others.
        state.next += 1;
        is_it(&token).then(|| Number::from_token(token))
    })
}

/// Whether two readings of one token agree: serde_json's fast float parsing (without its
/// `float_roundtrip` feature, which the exact text makes unneeded) may differ from Rust's
/// correctly rounded one in the last bits, never in sign.
fn same_float(a: f64, b: f64) -> bool {
    let difference = (a - b).abs();
    a.is_sign_negative() == b.is_sign_negative()
        && (difference <= a.abs().max(b.abs()) * 1e-12 || difference <= f64::MIN_POSITIVE)
}

/// The number tokens of JSON text in document order (outside strings), as written.
pub fn number_tokens(source: &[u8]) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut at = 0;
    while let Some(&byte) = source.get(at) {
        match byte {
            b'"' => {
                at += 1;
                while let Some(&inside) = source.get(at) {
                    at += if inside == b'\\' { 2 } else { 1 };
                    if inside == b'"' {
                        break;
                    }
                }
            }
            b'-' | b'0'..=b'9' => {
                let length = source[at..]
                    .iter()
                    .position(|c| !matches!(c, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
                    .unwrap_or(source.len() - at);
                if let Ok(token) = std::str::from_utf8(&source[at..at + length]) {
                    tokens.push(token);
                }
                at += length;
            }
            _ => at += 1,
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::json::Json;

    fn spelled(source: &str) -> String {
        parse::<Json>(source.as_bytes()).expect("JSON").to_string()
    }

    #[test]
    fn every_number_keeps_its_spelling() {
        let source =
            r#"[-0,1E+2,1e2,1E-2,0.10,12345678901234567890123,-9223372036854775809,18446744073709551615,-12,1.5e300]"#;
        assert_eq!(spelled(source), source);
    }

    #[test]
    fn numbers_inside_strings_and_keys_are_not_tokens() {
        let source = r#"{"1e5":"2.50 \" 3E3","x":[7.0,"8.0"],"y":-0.0}"#;
        assert_eq!(number_tokens(source.as_bytes()), ["7.0", "-0.0"]);
        assert_eq!(spelled(source), source);
    }

    #[test]
    fn subnormal_and_extreme_numbers_keep_their_spelling() {
        let source = "[4.9406564584124654E-324,2.2250738585072011e-308,1.7976931348623157e308,-1e-320,0.30000000000000004440892098500626]";
        assert_eq!(spelled(source), source);
    }

    #[test]
    fn integers_alone_are_read_once() {
        STATE.with(|state| state.borrow_mut().floats = true);
        assert_eq!(spelled("[1,-2,3]"), "[1,-2,3]");
        STATE.with(|state| assert!(!state.borrow().floats, "no float, so no second reading"));
    }
}
