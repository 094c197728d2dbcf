//! System names (the integration's and each action's `name`): lowercase identifiers, as Talkdesk and file names expect.

use super::codes::Rule;
use super::findings::Findings;
use crate::escape::quoted;

/// Warns when `name` does not match `^[a-z0-9]+([_-][a-z0-9]+)*$`, suggesting one that does.
pub(super) fn check_identifier(findings: &mut Findings, name: &str, pointer: impl FnOnce() -> String) {
    if is_identifier(name) {
        return;
    }
    let suggestion = identifier_like(name);
    let advice = if suggestion.is_empty() {
        "use lowercase letters and digits, with _ or - between words".to_owned()
    } else {
        format!("use lowercase letters and digits, with _ or - between words, e.g. {}", quoted(&suggestion))
    };
    findings.add(
        Rule::NameNotIdentifier,
        pointer(),
        format!("name {} is not a lowercase identifier; {advice}", quoted(name)),
    );
}

/// True for lowercase ASCII words of letters and digits joined by single `_` or `-`.
fn is_identifier(name: &str) -> bool {
    name.split(['_', '-'])
        .all(|word| !word.is_empty() && word.bytes().all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit()))
}

/// `name` lowercased, with each run of other characters turned into one `_`.
fn identifier_like(name: &str) -> String {
    let mut identifier = String::with_capacity(name.len());
    for character in name.chars() {
        if character.is_ascii_alphanumeric() {
            identifier.push(character.to_ascii_lowercase());
        } else if !identifier.is_empty() && !identifier.ends_with('_') {
            identifier.push('_');
        }
    }
    identifier.trim_end_matches('_').to_owned()
}

#[cfg(test)]
mod tests {
    use super::{identifier_like, is_identifier};

    #[test]
    fn identifiers_are_lowercase_words_joined_by_one_separator() {
        for good in ["mycrm", "my_crm", "my-crm-2", "0"] {
            assert!(is_identifier(good), "{good}");
        }
        for bad in ["", "My CRM", "my__crm", "_crm", "crm-", "crm.io", "café"] {
            assert!(!is_identifier(bad), "{bad}");
        }
        assert_eq!(identifier_like("My CRM (beta)"), "my_crm_beta");
    }
}
