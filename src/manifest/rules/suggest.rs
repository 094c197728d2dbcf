//! "Did you mean …?": the known name closest to a misspelt one.

/// The candidate closest to `word` (ignoring letter case), when it is at most two edits away and
/// the word is longer than those edits (so "id" does not suggest "key").
pub(super) fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    candidates
        .into_iter()
        .map(|candidate| (distance(&word, candidate), candidate))
        .filter(|(edits, _)| *edits <= 2 && *edits < word.len())
        .min_by_key(|(edits, _)| *edits)
        .map(|(_, candidate)| candidate)
}

/// "did you mean X?" for the known name closest to `word`. The name is escaped, as names can come
/// from the file itself (an authentication field's name), where a line break must not reach the message.
pub(super) fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    closest(word, candidates).map(|name| format!("did you mean {}?", super::message::plain(name)))
}

/// The Levenshtein distance between `word` (already lowercase) and `candidate`, in characters.
fn distance(word: &[char], candidate: &str) -> usize {
    let candidate: Vec<char> = candidate.chars().flat_map(char::to_lowercase).collect();
    let mut previous: Vec<usize> = (0..=candidate.len()).collect();
    let mut current = vec![0; candidate.len() + 1];
    for (i, left) in word.iter().enumerate() {
        current[0] = i + 1;
        for (j, right) in candidate.iter().enumerate() {
            let substitution = previous[j] + usize::from(left != right);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[candidate.len()]
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggests_within_two_edits_only() {
        let keys = ["name", "display_name", "description"];
        assert_eq!(closest("disply_name", keys), Some("display_name"));
        assert_eq!(closest("Display_Name", keys), Some("display_name"));
        assert_eq!(closest("nmae", keys), Some("name"));
        assert_eq!(closest("x-notes", keys), None);
        assert_eq!(closest("id", ["key"]), None);
    }

    #[test]
    fn a_suggested_name_never_breaks_the_line() {
        let suggestion = super::did_you_mean("account", ["acc\nount"]).expect("a suggestion");
        assert_eq!(suggestion, "did you mean acc\\nount?");
        assert!(!suggestion.contains('\n'));
    }
}
