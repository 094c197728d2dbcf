//! What each diagnostic code checks, why, and how to fix it: the texts are data, in `assets/rules.json`;
//! the severity and whose rule it is come from the code's [`Rule`].

use super::Severity;
use super::rules::codes::Rule;
pub(crate) use super::rules::codes::Source;
use indexmap::IndexMap;
use serde::Deserialize;
use std::sync::OnceLock;

/// The explanation of one code.
#[derive(Debug)]
pub(crate) struct Explanation {
    /// How serious a finding of this code is (the rule's).
    pub severity: Severity,
    /// Whose rule it is (the rule's).
    pub source: Source,
    /// The texts.
    pub texts: Texts,
}

impl std::ops::Deref for Explanation {
    type Target = Texts;

    fn deref(&self) -> &Texts {
        &self.texts
    }
}

/// The words of one code's explanation, as `assets/rules.json` holds them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Texts {
    /// One line: what a good manifest does (SARIF's short description).
    pub summary: String,
    /// What the rule checks.
    pub checks: String,
    /// Why it matters.
    pub why: String,
    /// The words of Talkdesk's page the rule rests on (for Talkdesk's requirements).
    pub quote: Option<String>,
    /// How to fix a finding.
    pub fix: String,
}

/// Every explanation, by code, in the order of [`Rule::ALL`].
pub(crate) fn all() -> &'static IndexMap<String, Explanation> {
    static RULES: OnceLock<IndexMap<String, Explanation>> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut texts = texts();
        Rule::ALL
            .iter()
            .filter_map(|rule| {
                let texts = texts.shift_remove(rule.code())?;
                Some((rule.code().to_owned(), Explanation { severity: rule.severity(), source: rule.source(), texts }))
            })
            .collect()
    })
}

/// The texts of `assets/rules.json`, by code.
fn texts() -> IndexMap<String, Texts> {
    // Built into the binary and read by a test, so it cannot fail for a user.
    serde_json::from_str(include_str!("../../assets/rules.json")).expect("assets/rules.json is valid (tested)")
}

/// The explanation of `code`, if it is a known code.
pub(crate) fn explain(code: &str) -> Option<&'static Explanation> {
    all().get(code)
}

/// Whose rule `code` is; a code of no rule counts as this tool's advice.
pub(crate) fn source(code: &str) -> Source {
    Rule::of_code(code).map_or(Source::Advice, Rule::source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_an_explanation_and_every_explanation_a_rule() {
        let texts = texts();
        for rule in Rule::ALL {
            assert!(texts.contains_key(rule.code()), "no entry for {rule} in assets/rules.json");
        }
        for code in texts.keys() {
            assert!(Rule::of_code(code).is_some(), "{code} in assets/rules.json is no code of the tool");
        }
        assert_eq!(all().len(), Rule::ALL.len());
    }

    #[test]
    fn every_explanation_says_why() {
        for (code, explanation) in all() {
            for text in [&explanation.summary, &explanation.checks, &explanation.why, &explanation.fix] {
                assert!(!text.trim().is_empty(), "{code} has an empty text");
            }
            match explanation.source {
                Source::Talkdesk => assert!(explanation.quote.is_some(), "{code} quotes no words of Talkdesk's page"),
                Source::Advice => assert!(
                    explanation.quote.is_none() && explanation.why.contains("this tool's own"),
                    "{code}: advice must say plainly that it is this tool's own"
                ),
            }
        }
    }

    #[test]
    fn unknown_codes_count_as_advice() {
        assert_eq!(source("blank-value"), Source::Talkdesk);
        assert_eq!(source("unknown-key"), Source::Advice);
        assert_eq!(source("no-such-code"), Source::Advice);
    }
}
