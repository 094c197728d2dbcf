//! The bundled examples have no diagnostics; the codes themselves are distinct.

use super::*;

#[test]
fn bundled_examples_have_no_diagnostics() {
    clean(&mycrm(|_| {}));
    clean(&helpdesk(|_| {}));
}

#[test]
fn codes_are_distinct_kebab_case() {
    let all: Vec<&str> = Rule::ALL.iter().map(|rule| rule.code()).collect();
    for (index, code) in all.iter().enumerate() {
        assert!(!all[..index].contains(code), "{code} listed twice");
        assert!(code.split('-').all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase())), "{code}");
    }
}
