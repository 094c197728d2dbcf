//! The one way out of the probe: every string it prints, writes or hands to a panel passes through a
//! [`Sink`], which escapes hostile characters first and masks credentials last, after every cut,
//! quote and escape, so no later step can undo the masking.
//!
//! A credential can reach the output in many forms: as typed, JSON-escaped (`pa\"ss`), URL-encoded
//! (`pa%22ss`), escaped for a terminal, or cut short with `…` by a message that quotes it. The sink
//! masks each form of every value ever sent or received for a credential, whatever its length
//! (values of 1 to 3 characters where they stand as a whole word, so a one-letter password does not
//! garble every word holding that letter).

use super::contracts::{Credentials, MASK};

/// Where a cut value ends (or resumes): what `quoted` and the wizard put in place of the rest.
const CUT: char = '…';

/// Values shorter than this are masked only as whole words.
const SHORT: usize = 4;

/// Escapes and masks everything the probe shows.
#[derive(Clone, Default)]
pub struct Sink {
    /// Every form of every credential value, longest first.
    forms: Vec<String>,
}

/// Never prints a form, so a stray `{:?}` cannot leak one.
impl std::fmt::Debug for Sink {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "Sink({} forms)", self.forms.len())
    }
}

impl Sink {
    /// A sink that masks every value `credentials` ever held.
    pub fn new(credentials: &Credentials) -> Sink {
        let mut forms: Vec<String> = credentials.every_value().flat_map(forms).collect();
        forms.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then_with(|| a.cmp(b)));
        forms.dedup();
        Sink { forms }
    }

    /// One line for a terminal or a log: hostile characters escaped (`\u{1b}`, `\n`), then masked.
    pub fn line(&self, text: &str) -> String {
        self.mask(&crate::escape::line(text))
    }

    /// Each line made safe with [`Sink::line`].
    pub fn lines<S: AsRef<str>>(&self, lines: impl IntoIterator<Item = S>) -> Vec<String> {
        lines.into_iter().map(|line| self.line(line.as_ref())).collect()
    }

    /// A JSON document, serialised with every unsafe character escaped, then every string in it
    /// (keys included) masked. Only the insides of strings change, so the document stays valid.
    pub fn json(&self, value: &serde_json::Value) -> String {
        let serialised = crate::escape::json(value.to_string());
        let mut out = String::with_capacity(serialised.len());
        let mut rest = serialised.as_str();
        while let Some(start) = rest.find('"') {
            out.push_str(&rest[..=start]);
            let inside = &rest[start + 1..];
            let end = string_end(inside);
            out.push_str(&self.mask(&inside[..end]));
            out.push('"');
            rest = inside.get(end + 1..).unwrap_or_default();
        }
        out.push_str(rest);
        out
    }

    /// Writes lines to standard output, each made safe; a closed pipe ends the output quietly.
    pub fn print<S: AsRef<str>>(&self, lines: impl IntoIterator<Item = S>) {
        let mut text = String::new();
        for line in lines {
            text.push_str(&self.line(line.as_ref()));
            text.push('\n');
        }
        crate::output::text(text);
    }

    /// Writes a JSON document to standard output (see [`Sink::json`]).
    pub fn print_json(&self, value: &serde_json::Value) {
        // Escaped and masked by `json`: the document goes out as it is.
        let _ = crate::output::document_as_is(format!("{}\n", self.json(value)));
    }

    /// Writes one message to standard error, made safe.
    pub fn warn(&self, message: &str) {
        crate::output::message(self.line(message));
    }

    /// A prompt on standard error, without a line break.
    pub fn prompt(&self, prompt: &str) {
        crate::output::prompt(self.line(prompt));
    }

    /// `text` with every form of every credential replaced by the mask. Text already escaped goes
    /// in; nothing may change the text after this.
    fn mask(&self, text: &str) -> String {
        let mut masked = text.to_owned();
        for form in self.forms.iter().filter(|form| form.chars().count() >= SHORT) {
            if masked.contains(form.as_str()) {
                masked = masked.replace(form.as_str(), MASK);
            }
        }
        for form in self.forms.iter().filter(|form| form.chars().count() < SHORT) {
            masked = replace_words(&masked, form);
        }
        if masked.contains(CUT) {
            masked = self.mask_cuts(&masked);
        }
        masked
    }

    /// A value cut short shows only its start before `…` (or its end after it): the longest start
    /// (or end) of any form found there is masked.
    fn mask_cuts(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let pieces: Vec<&str> = text.split(CUT).collect();
        for (index, piece) in pieces.iter().enumerate() {
            let mut piece = (*piece).to_owned();
            if index + 1 < pieces.len()
                && let Some(start) = self.longest(|form| cut_start(&piece, form))
            {
                piece.replace_range(piece.len() - start..piece.len(), MASK);
            }
            if index > 0
                && let Some(end) = self.longest(|form| cut_end(&piece, form))
            {
                piece.replace_range(..end, MASK);
            }
            out.push_str(&piece);
            if index + 1 < pieces.len() {
                out.push(CUT);
            }
        }
        out
    }

    /// The longest length (in bytes) `found` returns for any form.
    fn longest(&self, found: impl Fn(&str) -> Option<usize>) -> Option<usize> {
        self.forms.iter().filter_map(|form| found(form)).max()
    }
}

/// The byte length of the longest proper start of `form` that `piece` ends with (a short one only
/// as a whole word).
fn cut_start(piece: &str, form: &str) -> Option<usize> {
    let ends: Vec<usize> = form.char_indices().map(|(at, _)| at).skip(1).collect();
    ends.into_iter().rev().find_map(|end| {
        let start = &form[..end];
        let before = piece.strip_suffix(start)?;
        (start.chars().count() >= SHORT || !before.chars().next_back().is_some_and(is_word)).then_some(start.len())
    })
}

/// The byte length of the longest proper end of `form` that `piece` starts with (a short one only
/// as a whole word).
fn cut_end(piece: &str, form: &str) -> Option<usize> {
    form.char_indices().map(|(at, _)| at).skip(1).find_map(|at| {
        let end = &form[at..];
        let after = piece.strip_prefix(end)?;
        (end.chars().count() >= SHORT || !after.chars().next().is_some_and(is_word)).then_some(end.len())
    })
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `text` with each whole-word occurrence of `word` masked.
fn replace_words(text: &str, word: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (at, _) in text.match_indices(word) {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        if !before.is_some_and(is_word) && !after.is_some_and(is_word) {
            out.push_str(&text[last..at]);
            out.push_str(MASK);
            last = at + word.len();
        }
    }
    out.push_str(&text[last..]);
    out
}

/// Where the string that starts at `inside` (just after its opening quote) ends: the byte index of
/// its closing quote.
fn string_end(inside: &str) -> usize {
    let mut escaped = false;
    for (at, c) in inside.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return at,
            _ => {}
        }
    }
    inside.len()
}

/// Every form `value` can take in what the probe shows: as it is, JSON-escaped (twice, for a body
/// that quotes JSON), URL-encoded, then each of those as escaped for a terminal or JSON output.
fn forms(value: &str) -> Vec<String> {
    if value.is_empty() {
        return Vec::new();
    }
    let mut base = vec![value.to_owned(), json_inner(value), url_plus(value), url_plus(value).replace('+', "%20")];
    base.push(json_inner(&json_inner(value)));
    base.push(json_inner(value).replace('/', "\\/"));
    let mut all = base.clone();
    for form in &base {
        all.push(crate::escape::line(form).into_owned());
        all.push(json_inner(&crate::escape::line(form)));
        all.push(crate::escape::json(json_inner(form)));
    }
    all.sort();
    all.dedup();
    all
}

/// `value` as it appears between the quotes of a JSON string.
fn json_inner(value: &str) -> String {
    let quoted = serde_json::Value::String(value.to_owned()).to_string();
    quoted[1..quoted.len() - 1].to_owned()
}

/// `value` URL-encoded as a form value (spaces as `+`).
fn url_plus(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn sink(values: &[(&str, &str)]) -> Sink {
        let mut credentials = Credentials::default();
        for (name, value) in values {
            credentials.set(name, (*value).to_owned());
        }
        Sink::new(&credentials)
    }

    #[test]
    fn every_form_of_a_value_is_masked() {
        let secret = "pa\"ss\\word9 é/x";
        let sink = sink(&[("token", secret)]);
        for form in [
            secret.to_owned(),
            json_inner(secret),
            url_plus(secret),
            url_plus(secret).replace('+', "%20"),
            json_inner(&json_inner(secret)),
        ] {
            let shown = sink.line(&format!("echo: {form} end"));
            assert_eq!(shown, format!("echo: {MASK} end"), "form {form}");
        }
    }

    #[test]
    fn a_value_cut_short_is_masked_before_and_after_the_cut() {
        let token = "tok-0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopq";
        let sink = sink(&[("token", token)]);
        let cut: String = format!("\"{token}\"").chars().take(60).collect();
        assert_eq!(sink.line(&format!("value {cut}… is wrong")), format!("value \"{MASK}… is wrong"));
        let end: String = token.chars().skip(50).collect();
        assert_eq!(sink.line(&format!("…{end} at the end")), format!("…{MASK} at the end"));
        assert_eq!(sink.line("not… cut"), "not… cut", "text around a cut that holds no value stays");
    }

    #[test]
    fn short_values_are_masked_as_whole_words_only() {
        let sink = sink(&[("pin", "ab"), ("code", "7")]);
        assert_eq!(
            sink.line("ab grab ab. 7 in 17 and \"7\""),
            format!("{MASK} grab {MASK}. {MASK} in 17 and \"{MASK}\"")
        );
        assert_eq!(sink.line("a…"), format!("{MASK}…"), "a short value cut to its first letter");
    }

    #[test]
    fn escaping_comes_first_so_masking_is_last() {
        let sink = sink(&[("token", "line\nbreak")]);
        assert_eq!(sink.line("got line\nbreak!"), format!("got {MASK}!"));
        assert_eq!(sink.line("\u{1b}[2J"), "\\u{1b}[2J");
    }

    #[test]
    fn json_output_masks_inside_strings_and_stays_valid() {
        let sink = sink(&[("token", "pa\"ss\\word9"), ("flag", "true"), ("pin", "7")]);
        let value = json!({"message": "echo pa\"ss\\word9 and 7", "ok": true, "status": 7, "true": "x\u{1b}"});
        let shown = sink.json(&value);
        let parsed: serde_json::Value = serde_json::from_str(&shown).expect("valid JSON");
        assert_eq!(parsed["message"], format!("echo {MASK} and {MASK}"));
        assert_eq!(parsed["ok"], json!(true), "a boolean is not a string: left alone");
        assert_eq!(parsed["status"], json!(7));
        assert_eq!(parsed[MASK], json!("x\u{1b}"), "a key is masked too; the escape is \\u001b in the text");
        assert!(!shown.contains('\u{1b}'), "{shown}");
    }

    #[test]
    fn every_value_a_field_ever_had_stays_masked() {
        let mut credentials = Credentials::default();
        credentials.set("token", "first-token".to_owned());
        credentials.set("token", "second-token".to_owned());
        let sink = Sink::new(&credentials);
        assert_eq!(sink.line("first-token second-token"), format!("{MASK} {MASK}"));
        assert!(!format!("{sink:?}").contains("token"));
    }
}
