//! Fitting text into the wizard's cells: clipped to what can be drawn, and cut in the middle when too
//! wide. What is drawn is escaped first by [`crate::escape::one_line`].

use std::borrow::Cow;

/// The most characters of one value drawn on a line: more never fits a terminal, and copying a
/// huge value on every frame would make the wizard slow.
pub(crate) const MAX_DRAWN: usize = 1000;

/// The start of `text`, at most `max_chars` characters, cut at a character boundary.
pub(crate) fn clip(text: &str, max_chars: usize) -> &str {
    match text.char_indices().nth(max_chars) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

/// Like [`crate::escape::one_line`], for at most [`MAX_DRAWN`] characters of `text`.
pub(crate) fn shown(text: &str) -> Cow<'_, str> {
    crate::escape::one_line(clip(text, MAX_DRAWN))
}

/// `text` (already safe to draw) made to fit `columns` cells: when too wide, the middle gives way
/// to `…`, so values that differ only at their end (URLs, endpoints) stay told apart.
pub(crate) fn fit(text: &str, columns: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if text.width() <= columns {
        return text.to_owned();
    }
    if columns < 8 {
        return clip(text, columns).to_owned();
    }
    let keep_end = (columns - 1) * 3 / 5;
    let keep_start = columns - 1 - keep_end;
    let mut start = String::new();
    for c in text.chars() {
        if start.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > keep_start {
            break;
        }
        start.push(c);
    }
    let mut end: Vec<char> = Vec::new();
    let mut end_width = 0;
    for c in text.chars().rev() {
        let width = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if end_width + width > keep_end {
            break;
        }
        end_width += width;
        end.push(c);
    }
    end.reverse();
    format!("{start}…{}", end.into_iter().collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping_cuts_at_a_character_boundary() {
        assert_eq!(clip("日本語", 2), "日本");
        assert_eq!(clip("ab", 5), "ab");
        assert_eq!(shown(&"x".repeat(5000)).len(), MAX_DRAWN);
    }

    #[test]
    fn long_values_keep_their_start_and_end() {
        let url = "https://talkdeskapp.s3.amazonaws.com/assets/integrations/mycrm_icon.png";
        let fitted = fit(url, 30);
        assert_eq!(unicode_width::UnicodeWidthStr::width(fitted.as_str()), 30);
        assert!(fitted.starts_with("https://") && fitted.ends_with("mycrm_icon.png"), "{fitted}");
        assert_eq!(fit("short", 30), "short");
        assert!(unicode_width::UnicodeWidthStr::width(fit("日本語日本語日本語日本語", 9).as_str()) <= 9);
    }
}
