//! Telling a manifest from any other JSON file by its top-level keys, without parsing the whole file.
//!
//! Walking a folder meets `package.json`, `tsconfig.json`, schemas and exported documents; only
//! manifests may be validated or rewritten. A file is a manifest when its top-level object has an
//! `integration` key (the wrapper), or `name` together with `authentication_type` or
//! `authentication_configuration` (a bare integration document, the legacy shape included).
//!
//! The scan looks at top-level keys only and skips every value byte by byte, so it stops at the
//! first deciding key (the second or third key of a manifest) and never builds a value: a large
//! file that is not a manifest costs one pass over its bytes, not a parse.

/// True when `source` looks like a manifest (see the module's documentation). Bytes that are not a
/// JSON object, or broken before a deciding key, do not look like one.
pub(crate) fn is_manifest(source: &[u8]) -> bool {
    let mut scanner = Scanner { bytes: source.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(source), at: 0 };
    let (mut name, mut authentication) = (false, false);
    if scanner.next_token() != Some(b'{') {
        return false;
    }
    loop {
        match scanner.next_token() {
            Some(b'"') => {}
            _ => return false,
        }
        let Some(key) = scanner.string() else { return false };
        match key.as_ref() {
            b"integration" => return true,
            b"name" => name = true,
            b"authentication_type" | b"authentication_configuration" => authentication = true,
            _ => {}
        }
        if name && authentication {
            return true;
        }
        if scanner.next_token() != Some(b':') || !scanner.skip_value() {
            return false;
        }
        match scanner.next_token() {
            Some(b',') => {}
            _ => return false,
        }
    }
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Scanner<'a> {
    /// The next byte that is not JSON whitespace, consumed.
    fn next_token(&mut self) -> Option<u8> {
        while let Some(&byte) = self.bytes.get(self.at) {
            self.at += 1;
            if !matches!(byte, b' ' | b'\t' | b'\n' | b'\r') {
                return Some(byte);
            }
        }
        None
    }

    /// The rest of a string whose opening quote was consumed; escapes are decoded only when present.
    fn string(&mut self) -> Option<std::borrow::Cow<'a, [u8]>> {
        let start = self.at;
        let mut escaped = false;
        while let Some(&byte) = self.bytes.get(self.at) {
            self.at += 1;
            match byte {
                b'\\' => {
                    escaped = true;
                    self.at += 1;
                }
                b'"' if escaped => {
                    // Rare (a key spelled with escapes): let serde_json decode it, quotes included.
                    let decoded: String = serde_json::from_slice(&self.bytes[start - 1..self.at]).ok()?;
                    return Some(decoded.into_bytes().into());
                }
                b'"' => return Some(self.bytes[start..self.at - 1].into()),
                _ => {}
            }
        }
        None
    }

    /// Skips one value (strings, nested objects and lists included) without building it.
    fn skip_value(&mut self) -> bool {
        let mut depth = 0usize;
        loop {
            let Some(byte) = self.next_token() else { return false };
            match byte {
                b'"' => {
                    if !self.skip_string() {
                        return false;
                    }
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' => match depth.checked_sub(1) {
                    Some(outer) => depth = outer,
                    None => return false,
                },
                _ => {
                    // A number, true, false or null: runs until a delimiter.
                    while let Some(&next) = self.bytes.get(self.at) {
                        if matches!(next, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                            break;
                        }
                        self.at += 1;
                    }
                }
            }
            if depth == 0 {
                return true;
            }
        }
    }

    fn skip_string(&mut self) -> bool {
        while let Some(&byte) = self.bytes.get(self.at) {
            self.at += 1;
            match byte {
                b'\\' => self.at += 1,
                b'"' => return true,
                _ => {}
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::is_manifest;

    #[test]
    fn wrappers_and_bare_integrations_are_manifests() {
        assert!(is_manifest(br#"{"$schema": "x", "requires_cti": false, "integration": {}}"#));
        assert!(is_manifest(br#"{"actions": [{"name": "a", "inputs": [{"k": "}"}]}], "integration": 3}"#));
        assert!(is_manifest(b"\xEF\xBB\xBF{\"name\": \"m\", \"authentication_type\": \"none\"}"));
        assert!(is_manifest(br#"{"authentication_configuration": [{"account": {}}], "name": "legacy"}"#));
        assert!(is_manifest(br#"{"\u006eame": "m", "authentication_type": "none"}"#));
        // Broken after the deciding key: still a manifest, so validate reports the syntax error.
        assert!(is_manifest(br#"{"integration": {"name": "#));
    }

    #[test]
    fn other_json_files_are_not_manifests() {
        assert!(!is_manifest(br#"{"name": "bridge", "version": "1.0.0", "scripts": {"integration": "x"}}"#));
        assert!(!is_manifest(br#"{"compilerOptions": {"strict": true}, "include": ["src"]}"#));
        assert!(!is_manifest(br#"{"provider": "m", "name": "create_ticket", "inputs": []}"#));
        assert!(!is_manifest(br#"{"integration/name": "help text"}"#));
        assert!(!is_manifest(br#"[{"integration": {}}]"#));
        assert!(!is_manifest(br#"{"a": "\"integration\": 1", "b": [1, {"integration": 2}], "c": null}"#));
        assert!(!is_manifest(b""));
        assert!(!is_manifest(b"not json"));
        assert!(!is_manifest(br#"{"name": "x", "#));
    }
}
