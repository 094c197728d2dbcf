//! `integration-wizard validate --explain CODE`: what a rule checks, why, and how to fix a finding.

use super::exit;
use crate::escape;
use crate::manifest::explain::{self, Explanation};
use std::fmt::Write as _;

/// Prints the explanation of `code` (every code with its summary when `code` is empty).
pub(super) fn run(code: &str) -> u8 {
    let text = if code.is_empty() {
        list()
    } else {
        match explain::explain(code) {
            Some(explanation) => render(code, explanation),
            // A code of `probe`'s checks: its page, word and quote.
            None => match crate::probe::codes::check(code) {
                Some(check) => crate::probe::codes::explain(check),
                None => {
                    crate::output::message(unknown(code));
                    return exit::USAGE;
                }
            },
        }
    };
    crate::output::text(text);
    exit::SUCCESS
}

/// Every code with its summary, for the shells' completion of `--explain`.
pub(super) fn candidates() -> Vec<clap_complete::CompletionCandidate> {
    explain::all()
        .iter()
        .map(|(code, explanation)| {
            clap_complete::CompletionCandidate::new(code).help(Some(explanation.summary.clone().into()))
        })
        .collect()
}

/// One explanation as a few short paragraphs.
pub(super) fn render(code: &str, explanation: &Explanation) -> String {
    let mut out = format!(
        "{code}: {}\n{} · {}\n\nWhat it checks\n  {}\n\nWhy\n  {}\n",
        explanation.summary,
        explanation.severity.as_str(),
        explanation.source.label(),
        explanation.checks,
        explanation.why
    );
    if let Some(quote) = &explanation.quote {
        let _ = writeln!(out, "  Talkdesk's page \"Configuring an Integration\" says:\n    \"{quote}\"");
    }
    let _ = writeln!(out, "\nHow to fix it\n  {}", explanation.fix);
    out
}

/// Every code, one a line: the code, its severity, whose rule it is, and its summary.
fn list() -> String {
    let width = explain::all().keys().map(String::len).max().unwrap_or(0);
    let mut out = String::new();
    for (code, explanation) in explain::all() {
        let _ = writeln!(
            out,
            "{code:width$}  {:7}  {:8}  {}",
            explanation.severity.as_str(),
            explanation.source.as_str(),
            explanation.summary
        );
    }
    out
}

/// The message for a code that does not exist, with the closest one when there is one.
fn unknown(code: &str) -> String {
    let closest = explain::all()
        .keys()
        .map(|known| (strsim::jaro(code, known), known))
        .filter(|(confidence, _)| *confidence > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let hint = match closest {
        Some((_, known)) => format!("did you mean {known}? "),
        None => String::new(),
    };
    format!(
        "there is no code \"{}\"; {hint}run `integration-wizard validate --explain` to list every code",
        escape::line(code)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_requirement_quotes_talkdesk_and_advice_says_whose_it_is() {
        let blank = render("provider-mismatch", explain::explain("provider-mismatch").expect("entry"));
        assert!(blank.starts_with("provider-mismatch: "), "{blank}");
        assert!(blank.contains("error · Talkdesk's requirement"), "{blank}");
        assert!(blank.contains("has to match the name attribute"), "{blank}");
        assert!(blank.contains("How to fix it\n  "), "{blank}");
        let advice = render("plain-http", explain::explain("plain-http").expect("entry"));
        assert!(advice.contains("warning · this tool's advice"), "{advice}");
        assert!(advice.contains("This is this tool's own advice"), "{advice}");
        assert!(!advice.contains("Talkdesk's page"), "{advice}");
    }

    #[test]
    fn the_list_has_every_code_and_a_typo_gets_a_suggestion() {
        let list = list();
        assert_eq!(list.lines().count(), explain::all().len());
        assert!(unknown("blank-valeu").contains("did you mean blank-value?"));
        assert!(unknown("\u{1b}[2J").contains("\\u{1b}[2J"), "the code typed is escaped");
    }
}

/// The page `docs/rules.md`: every code under its own heading (the anchor an editor's diagnostic
/// links to), with what `--explain` says of it. A test keeps the page equal to this.
#[cfg(test)]
fn page() -> String {
    let mut out = String::from(
        "# Rules\n\nEvery code `validate` and the editors' diagnostics report, with what \
         `integration-wizard validate --explain CODE` says of it.\n",
    );
    for (code, explanation) in explain::all() {
        let _ = write!(
            out,
            "\n## {code}\n\n{} · {}: {}\n\n**What it checks.** {}\n\n**Why.** {}\n",
            explanation.severity.as_str(),
            explanation.source.label(),
            explanation.summary,
            explanation.checks,
            explanation.why
        );
        if let Some(quote) = &explanation.quote {
            let _ = write!(out, "\n> {quote}\n");
        }
        let _ = write!(out, "\n**How to fix it.** {}\n", explanation.fix);
    }
    out
}

#[cfg(test)]
mod page_tests {
    /// `docs/rules.md` is the page [`super::page`] writes; `UPDATE_RULES_PAGE=1` rewrites it.
    #[test]
    #[allow(clippy::disallowed_methods)] // The test writes the repository's own page.
    fn the_rules_page_lists_every_code() {
        let page = super::page();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
        if std::env::var_os("UPDATE_RULES_PAGE").is_some() {
            std::fs::write(path, &page).expect("docs/rules.md is written");
        }
        let written = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            written == page,
            "docs/rules.md is not up to date: run UPDATE_RULES_PAGE=1 cargo test --lib rules_page"
        );
    }
}
