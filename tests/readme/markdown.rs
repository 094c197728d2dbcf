//! A small Markdown check for the README and `docs/`: every code fence is closed, and every relative
//! link leads to a file that exists and, with `#anchor`, to a heading of it (GitHub's slug rules).

use std::collections::HashSet;
use std::path::Path;

/// One problem found in a page, with its line.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Problem {
    pub(crate) line: usize,
    pub(crate) message: String,
}

/// The fence that opens or closes a code block on this line: its character and length, and its info.
fn fence(line: &str) -> Option<(char, usize, &str)> {
    let text = line.trim_start();
    let mark = text.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let length = text.chars().take_while(|c| *c == mark).count();
    (length >= 3).then(|| (mark, length, text[length..].trim()))
}

/// The lines of a page outside code blocks, with their numbers, and the problems of its fences.
pub(crate) fn prose_lines(text: &str) -> (Vec<(usize, &str)>, Vec<Problem>) {
    let mut prose = Vec::new();
    let mut problems = Vec::new();
    // The open block: its fence character, length, and the line that opened it.
    let mut open: Option<(char, usize, usize)> = None;
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        match (open, fence(line)) {
            (None, Some((mark, length, _))) => open = Some((mark, length, number)),
            (Some((mark, length, _)), Some((found, found_length, info)))
                if found == mark && found_length >= length && info.is_empty() =>
            {
                open = None;
            }
            // An opening fence with a language inside a block: the block before it was never closed
            // (CommonMark would show everything up to the next bare fence as code).
            (Some((mark, length, opened)), Some((found, found_length, info)))
                if found == mark && found_length >= length && !info.is_empty() =>
            {
                problems.push(Problem {
                    line: number,
                    message: format!(
                        "a code block opens here inside the one opened at line {opened}: close that one with ```"
                    ),
                });
            }
            (Some(_), _) => {}
            (None, None) => prose.push((number, line)),
        }
    }
    if let Some((_, _, opened)) = open {
        problems.push(Problem { line: opened, message: "this code block is never closed: end it with ```".to_owned() });
    }
    (prose, problems)
}

/// A line with its `inline code` spans removed, so that code is never read as a link.
fn without_code_spans(line: &str) -> String {
    let mut out = String::new();
    for (index, part) in line.split('`').enumerate() {
        if index % 2 == 0 {
            out.push_str(part);
        }
    }
    out
}

/// The targets of the `[text](target)` links of a line.
fn link_targets(line: &str) -> Vec<String> {
    let line = without_code_spans(line);
    let mut targets = Vec::new();
    let mut rest = line.as_str();
    while let Some(at) = rest.find("](") {
        let after = &rest[at + 2..];
        let Some(end) = after.find(')') else { break };
        targets.push(after[..end].split_whitespace().next().unwrap_or_default().to_owned());
        rest = &after[end..];
    }
    targets
}

/// GitHub's anchor for a heading's text: lowercase, punctuation dropped but `-` and `_`, spaces as `-`.
pub(crate) fn slug(heading: &str) -> String {
    let text = heading.replace(['*', '`'], "");
    // A link in a heading counts by its text.
    let text = text.split("](").map(|part| part.split_once(')').map_or(part, |(_, after)| after)).collect::<Vec<_>>();
    let text = text.join("").replace(['[', ']'], "");
    text.trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// Every anchor a page's headings give, with GitHub's `-1`, `-2` for repeated ones.
pub(crate) fn anchors(text: &str) -> HashSet<String> {
    let mut anchors = HashSet::new();
    for (_, line) in prose_lines(text).0 {
        let hashes = line.chars().take_while(|c| *c == '#').count();
        if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
            let base = slug(&line[hashes..]);
            let mut anchor = base.clone();
            let mut count = 0;
            while anchors.contains(&anchor) {
                count += 1;
                anchor = format!("{base}-{count}");
            }
            anchors.insert(anchor);
        }
    }
    anchors
}

/// Every problem of the page at `path`, whose text is `text`: fences, then links.
pub(crate) fn check(path: &Path, text: &str) -> Vec<Problem> {
    let (prose, mut problems) = prose_lines(text);
    let folder = path.parent().unwrap_or(Path::new("."));
    for (number, line) in prose {
        for target in link_targets(line) {
            if target.contains("://") || target.starts_with("mailto:") || target.is_empty() {
                continue;
            }
            let (file, anchor) = target.split_once('#').map_or((target.as_str(), None), |(f, a)| (f, Some(a)));
            let linked = if file.is_empty() { path.to_path_buf() } else { folder.join(file) };
            if !file.is_empty() && !linked.exists() {
                problems.push(Problem { line: number, message: format!("the link `{target}` leads to no file") });
                continue;
            }
            let Some(anchor) = anchor else { continue };
            let linked_text =
                if file.is_empty() { text.to_owned() } else { std::fs::read_to_string(&linked).unwrap_or_default() };
            if !anchors(&linked_text).contains(anchor) {
                problems.push(Problem {
                    line: number,
                    message: format!("the link `{target}` names no heading of {}", linked.display()),
                });
            }
        }
    }
    problems
}
