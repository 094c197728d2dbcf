//! Properties over generated manifests: reading and writing round-trip, writing is idempotent, the
//! validation parts the wizard re-runs add up to the whole, and nothing panics.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

mod strategies;

use integration_wizard::manifest::rules::{Scope, validate_part};
use integration_wizard::manifest::{Diagnostic, check, read, to_json, validate};
use proptest::prelude::*;

fn sorted(mut diagnostics: Vec<Diagnostic>) -> Vec<(String, &'static str, String)> {
    let mut keys: Vec<_> = diagnostics.drain(..).map(|d| (d.pointer, d.code, d.message)).collect();
    keys.sort();
    keys
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn read_write_read_gives_the_same_manifest(text in strategies::manifest_text()) {
        let first = read(text.as_bytes()).expect("generated documents are objects");
        let written = to_json(&first.manifest);
        let second = read(written.as_bytes()).expect("written documents read back");
        prop_assert_eq!(&second.manifest, &first.manifest);
        prop_assert!(second.notes.is_empty(), "a written file needs no normalising: {:?}", second.notes);
        prop_assert_eq!(to_json(&second.manifest), written, "writing is idempotent");
    }

    #[test]
    fn a_save_keeps_every_number_as_written(text in strategies::manifest_text()) {
        // Numbers are never normalised: -0, 1E+2, 1e2, 0.10 and huge integers are written as read.
        let parsed = read(text.as_bytes()).expect("object");
        let written = to_json(&parsed.manifest);
        prop_assert_eq!(strategies::numbers_in(&written), strategies::numbers_in(&text), "{}", written);
    }

    #[test]
    fn the_written_json_keeps_every_value(text in strategies::manifest_text()) {
        // Outside what reading normalises (enumeration case, legacy fields), the written file holds the same JSON.
        let original: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        let parsed = read(text.as_bytes()).expect("object");
        if parsed.notes.is_empty() {
            let written: serde_json::Value = serde_json::from_str(&to_json(&parsed.manifest)).expect("JSON");
            prop_assert_eq!(written, original);
        }
    }

    #[test]
    fn validation_parts_add_up_to_the_whole(text in strategies::manifest_text()) {
        let manifest = read(text.as_bytes()).expect("object").manifest;
        let mut parts = validate_part(&manifest, Scope::Head);
        parts.extend(validate_part(&manifest, Scope::AcrossActions));
        for index in 0..manifest.action_count() {
            parts.extend(validate_part(&manifest, Scope::Action(index)));
        }
        prop_assert_eq!(sorted(parts), sorted(validate(&manifest)));
    }

    #[test]
    fn every_message_is_one_line_and_every_diagnostic_is_placed(text in strategies::manifest_text()) {
        let checked = check(text.as_bytes());
        for diagnostic in &checked.diagnostics {
            prop_assert!(!diagnostic.message.is_empty());
            prop_assert!(!diagnostic.message.chars().any(char::is_control), "{:?}", diagnostic.message);
            prop_assert!(diagnostic.position.is_some(), "no position for {}", diagnostic.pointer);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let checked = check(&bytes);
        if let Some(manifest) = checked.manifest {
            let written = to_json(&manifest);
            prop_assert!(read(written.as_bytes()).is_ok());
        }
    }
}
