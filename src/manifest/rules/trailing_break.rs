//! A line break left at the end of a one-paragraph value: usually an Enter that meant "done".

use super::codes::Rule;
use super::findings::Findings;

/// Warns when `text` is one paragraph followed by line breaks (`"Helps agents.\n"`): Talkdesk shows
/// the empty line under it. Texts of several lines are left alone, their author chose the breaks.
pub(super) fn check(findings: &mut Findings, text: &str, label: &str, pointer: impl Fn() -> String) {
    if !is_trailing_break(text) {
        return;
    }
    findings.add(
        Rule::TrailingLineBreak,
        pointer(),
        format!("{label} ends with a line break after one paragraph; remove it (Talkdesk shows an empty line)"),
    );
}

/// True when `text` is one paragraph (no line break inside) followed by one or more line breaks.
pub(crate) fn is_trailing_break(text: &str) -> bool {
    // Checking the end first keeps this O(1) for nearly every value, even a 50 MB description.
    if !text.ends_with('\n') {
        return false;
    }
    let paragraph = text.trim_end_matches('\n');
    !paragraph.trim().is_empty() && !paragraph.contains('\n')
}

/// The value without its trailing line breaks (the quick fix), or `None` when there is nothing to remove.
pub(crate) fn without_trailing_break(text: &str) -> Option<&str> {
    is_trailing_break(text).then(|| text.trim_end_matches('\n'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_paragraph_ending_with_a_line_break_is_reported() {
        assert!(is_trailing_break("Helps agents.\n"));
        assert!(is_trailing_break("Helps agents.\n\n"));
    }

    #[test]
    fn several_lines_a_break_inside_or_nothing_are_not() {
        for text in ["Helps agents.", "First.\nSecond.\n", "First.\nSecond.", "\n", "", "  \n", "a\n\nb\n"] {
            assert!(!is_trailing_break(text), "{text:?}");
        }
    }

    #[test]
    fn the_fix_removes_only_the_trailing_breaks() {
        assert_eq!(without_trailing_break("Helps agents.\n\n"), Some("Helps agents."));
        assert_eq!(without_trailing_break("First.\nSecond.\n"), None);
    }

    #[test]
    fn the_warning_names_the_key_at_its_pointer() {
        let mut findings = Findings::default();
        check(&mut findings, "Helps agents.\n", "help", || "/integration/help".to_owned());
        let found = findings.into_vec();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].code, Rule::TrailingLineBreak.code());
        assert_eq!(found[0].pointer, "/integration/help");
        assert!(found[0].message.contains("help ends with a line break"), "{}", found[0].message);
        let mut findings = Findings::default();
        check(&mut findings, "Helps agents.", "help", || unreachable!("no pointer without a finding"));
        assert!(findings.into_vec().is_empty());
    }
}
