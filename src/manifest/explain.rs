//! What each diagnostic code checks, why, and how to fix it; and whether it is Talkdesk's
//! requirement or this tool's own advice. The texts are data, in `assets/rules.json`.

use super::Severity;
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// Whose rule a code is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Source {
    /// Talkdesk's "Configuring an Integration" page requires it.
    Talkdesk,
    /// This tool's own advice (or its own report about the run).
    Advice,
}

impl Source {
    /// "talkdesk" or "advice", as the JSON and SARIF outputs write it.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Source::Talkdesk => "talkdesk",
            Source::Advice => "advice",
        }
    }

    /// How a person reads it.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Source::Talkdesk => "Talkdesk's requirement",
            Source::Advice => "this tool's advice",
        }
    }
}

/// The explanation of one code.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Explanation {
    /// How serious a finding of this code is.
    pub severity: Severity,
    /// Whose rule it is.
    pub source: Source,
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

/// Every explanation, by code, in the order of `assets/rules.json`.
pub(crate) fn all() -> &'static IndexMap<String, Explanation> {
    static RULES: OnceLock<IndexMap<String, Explanation>> = OnceLock::new();
    RULES.get_or_init(|| {
        // Built into the binary and read by a test, so it cannot fail for a user.
        serde_json::from_str(include_str!("../../assets/rules.json")).expect("assets/rules.json is valid (tested)")
    })
}

/// The explanation of `code`, if it is a known code.
pub(crate) fn explain(code: &str) -> Option<&'static Explanation> {
    all().get(code)
}

/// Whose rule `code` is; a code without an entry counts as this tool's advice.
pub(crate) fn source(code: &str) -> Source {
    explain(code).map_or(Source::Advice, |explanation| explanation.source)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::rules::codes;

    /// Codes the command line adds to the rules' (a name used twice in one run, a path it cannot read).
    const COMMAND_LINE: &[&str] = &["duplicate-integration-name", "unreadable"];

    #[test]
    fn every_code_has_an_explanation_with_the_right_severity() {
        let known = codes::ERRORS
            .iter()
            .map(|code| (code, Severity::Error))
            .chain(codes::WARNINGS.iter().map(|code| (code, Severity::Warning)));
        for (code, severity) in known {
            let explanation = explain(code).unwrap_or_else(|| panic!("no entry for {code} in assets/rules.json"));
            assert_eq!(explanation.severity, severity, "{code}");
        }
        for code in codes::READING.iter().chain(COMMAND_LINE) {
            assert!(explain(code).is_some(), "no entry for {code} in assets/rules.json");
        }
    }

    #[test]
    fn every_explanation_belongs_to_a_code_and_says_why() {
        let codes: Vec<&str> =
            [codes::ERRORS, codes::WARNINGS, codes::READING, COMMAND_LINE].into_iter().flatten().copied().collect();
        for (code, explanation) in all() {
            assert!(codes.contains(&code.as_str()), "{code} in assets/rules.json is no code of the tool");
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
