//! The windowed line against tui-input's plain `Input` holding the whole text: any keys, same text,
//! same cursor, same Ctrl-Y; and where windows are cut.

use super::*;
use proptest::prelude::*;

/// Pieces of text that exercise every rule of where a window may be cut: words, spaces, the marks that
/// join words (`_ . ' : , ;`) and those that do not, multi-byte characters, combining marks, an emoji
/// of several code points, a flag, line breaks and tabs.
const PIECES: &[&str] = &[
    "word",
    "Ab3",
    "x",
    "7",
    " ",
    "  ",
    ".",
    ",",
    "'",
    "_",
    ":",
    ";",
    "+",
    "/",
    "-",
    "(",
    "é",
    "e\u{301}",
    "日本",
    "🤦🏼\u{200d}♂\u{fe0f}",
    "🇵🇹",
    "\u{200d}",
    "x.y",
    "3.14",
    "\t",
    "\n",
    "q\"r",
];

/// Runs longer than the margin kept around the cursor: a word key then goes to a window's edge.
fn long_run() -> impl Strategy<Value = String> {
    (prop::sample::select(vec!["a", "é", " ", "-", ".", "+x", "日"]), 20..100usize)
        .prop_map(|(piece, times)| piece.repeat(times))
}

/// A text of at least `bytes` bytes: a random run of pieces (some of them long runs), repeated.
fn long_text(bytes: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![20 => prop::sample::select(PIECES).prop_map(str::to_owned), 2 => long_run()];
    prop::collection::vec(piece, 10..150).prop_map(move |pieces| {
        let run = pieces.concat();
        run.repeat(bytes / run.len() + 1)
    })
}

fn request() -> impl Strategy<Value = InputRequest> {
    use InputRequest::*;
    prop_oneof![
        4 => prop::sample::select(vec!['a', 'Z', '5', ' ', '.', '_', 'é', '日', '\u{301}', '🇵']).prop_map(InsertChar),
        2 => (0..6_000usize).prop_map(SetCursor),
        3 => Just(GoToPrevChar),
        3 => Just(GoToNextChar),
        3 => Just(GoToPrevWord),
        3 => Just(GoToNextWord),
        1 => Just(GoToStart),
        1 => Just(GoToEnd),
        3 => Just(DeletePrevChar),
        3 => Just(DeleteNextChar),
        2 => Just(DeletePrevWord),
        2 => Just(DeleteNextWord),
        1 => Just(DeleteTillEnd),
        1 => Just(DeleteFromStart),
        2 => Just(Yank),
        // Rare: it leaves the text empty.
        1 => Just(DeleteLine),
    ]
}

/// One step of a session: a key, the same key many times (to walk out of a window), or a paste.
#[derive(Debug, Clone)]
enum Step {
    Key(InputRequest),
    Repeat(InputRequest, usize),
    Paste(String),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => request().prop_map(Step::Key),
        2 => (request(), 10..300usize).prop_map(|(request, times)| Step::Repeat(request, times)),
        1 => prop::collection::vec(prop::sample::select(PIECES), 1..20).prop_map(|pieces| Step::Paste(pieces.concat())),
    ]
}

/// The keys of a step, as the plain editor gets them (a paste is typed character by character).
fn keys(step: &Step) -> Vec<InputRequest> {
    match step {
        Step::Key(request) => vec![*request],
        Step::Repeat(request, times) => vec![*request; *times],
        Step::Paste(text) => text.chars().map(InputRequest::InsertChar).collect(),
    }
}

/// Sends `steps` to the windowed line and to a plain `Input`, checking text and cursor after each.
fn same_as_plain(text: &str, steps: &[Step]) -> Result<(), TestCaseError> {
    let mut line = EditLine::new(text);
    let mut plain = Input::new(text.to_owned());
    for step in steps {
        match step {
            Step::Paste(text) => {
                line.insert_str(text);
                for request in keys(step) {
                    plain.handle(request);
                }
            }
            _ => {
                for request in keys(step) {
                    let changed = line.handle(request);
                    let plain_changed = plain.handle(request).is_some_and(|changed| changed.value);
                    prop_assert_eq!(changed, plain_changed, "{:?} said a different change", request);
                }
            }
        }
        prop_assert_eq!(line.cursor(), plain.cursor(), "cursor after {:?}", step);
        prop_assert!(line.value() == plain.value(), "text after {:?}", step);
        prop_assert_eq!(line.len_chars(), plain.value().chars().count());
    }
    // What Ctrl-Y puts back is the same too.
    line.handle(InputRequest::Yank);
    plain.handle(InputRequest::Yank);
    prop_assert!(line.value() == plain.value(), "text after a last Ctrl-Y");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_keys_on_a_long_line_do_what_they_do_on_the_plain_editor(
        text in long_text(3_000),
        steps in prop::collection::vec(step(), 1..40),
    ) {
        same_as_plain(&text, &steps)?;
    }

    #[test]
    fn any_keys_on_a_short_line_do_what_they_do_on_the_plain_editor(
        text in prop::collection::vec(prop::sample::select(PIECES), 0..30).prop_map(|pieces| pieces.concat()),
        steps in prop::collection::vec(step(), 1..40),
    ) {
        same_as_plain(&text, &steps)?;
    }

    #[test]
    fn the_window_is_cut_where_it_may_be_and_the_text_is_whole(text in long_text(3_000), to in 0..4_000usize) {
        let line = EditLine::new(&text).with_cursor(to);
        prop_assert!(line.value() == text);
        let chars: Vec<char> = text.chars().collect();
        let (start, end) = (line.at, line.at + line.window_chars());
        prop_assert!(start <= line.cursor() && line.cursor() <= end);
        prop_assert!(may_cut(start.checked_sub(1).map(|at| chars[at]), chars.get(start).copied()));
        prop_assert!(may_cut(end.checked_sub(1).map(|at| chars[at]), chars.get(end).copied()));
        let around = line.cursor().saturating_sub(5)..line.cursor() + 5;
        let expected: String = chars[around.start.min(chars.len())..around.end.min(chars.len())].iter().collect();
        prop_assert_eq!(line.slice(around), expected);
    }
}

#[test]
fn a_window_starts_after_a_space_or_a_lone_mark_and_before_a_letter_or_digit() {
    for (left, right) in [(' ', 'a'), ('\n', 'Z'), ('+', '3'), ('/', 'q'), ('(', 'x'), ('"', 'b')] {
        assert!(may_cut(Some(left), Some(right)), "{left:?} {right:?}");
    }
    // Marks that join words ("x.y", "it's", "3,5", "snake_case"), and what is not an ASCII letter or
    // digit after the cut (a combining mark belongs to the character before it).
    for (left, right) in [('.', 'a'), ('\'', 's'), (',', '5'), ('_', 'c'), (':', 'a'), (';', 'a'), ('a', 'b')] {
        assert!(!may_cut(Some(left), Some(right)), "{left:?} {right:?}");
    }
    for (left, right) in [(' ', '\u{301}'), (' ', 'é'), (' ', '日'), (' ', ' '), ('é', 'a'), (' ', '.')] {
        assert!(!may_cut(Some(left), Some(right)), "{left:?} {right:?}");
    }
    assert!(may_cut(None, Some('.')) && may_cut(Some('.'), None), "the ends of the line");
}

#[test]
fn a_long_line_of_multi_byte_text_is_cut_on_character_boundaries() {
    let text = "日本語の説明 é\u{301}🤦🏼\u{200d}♂\u{fe0f} 🇵🇹 abc. ".repeat(5_000);
    let chars: Vec<char> = text.chars().collect();
    let mut line = EditLine::new(&text);
    assert!(line.rest.is_some(), "a long line is cut");
    for to in [0, 1, 7, 4_999, 25_000, chars.len() / 2, chars.len() - 3, chars.len()] {
        line.handle(InputRequest::SetCursor(to));
        assert_eq!(line.cursor(), to);
        assert!(line.window.value().len() < 4 * WHOLE, "the window stays small: {}", line.window.value().len());
        let around: String = chars[to.saturating_sub(4)..(to + 4).min(chars.len())].iter().collect();
        assert_eq!(line.slice(to.saturating_sub(4)..to + 4), around);
    }
    line.handle(InputRequest::SetCursor(chars.len() / 2));
    line.handle(InputRequest::InsertChar('✓'));
    let middle = text.char_indices().nth(chars.len() / 2).map(|(at, _)| at).expect("the middle");
    assert_eq!(line.value(), format!("{}✓{}", &text[..middle], &text[middle..]));
}

#[test]
fn a_long_line_with_nowhere_to_cut_is_edited_whole() {
    let text = "é".repeat(40_000);
    let mut line = EditLine::new(&text);
    assert!(line.rest.is_none(), "no place to cut: one window");
    line.handle(InputRequest::GoToPrevWord);
    assert_eq!(line.cursor(), 0);
    line.handle(InputRequest::InsertChar('a'));
    assert_eq!(line.value(), format!("a{text}"));
}

#[test]
fn ctrl_u_clears_the_whole_line_and_ctrl_y_puts_it_back() {
    let text = "one two three ".repeat(10_000);
    let mut line = EditLine::new(&text).with_cursor(70_000);
    assert!(line.handle(InputRequest::DeleteLine));
    assert_eq!((line.value(), line.cursor()), (String::new(), 0));
    assert!(line.handle(InputRequest::Yank));
    assert_eq!(line.value(), text);
}

#[test]
fn home_and_end_go_to_the_real_ends_of_a_long_line() {
    let text = "one two three ".repeat(10_000);
    let mut line = EditLine::new(&text).with_cursor(70_000);
    line.handle(InputRequest::GoToStart);
    line.handle(InputRequest::InsertChar('<'));
    line.handle(InputRequest::GoToEnd);
    line.handle(InputRequest::InsertChar('>'));
    assert_eq!(line.value(), format!("<{text}>"));
}

#[test]
fn splitting_and_joining_a_long_line_keeps_every_character() {
    let text = "one two three ".repeat(10_000);
    let line = EditLine::new(&text).with_cursor(70_001);
    let (before, after) = line.split();
    assert_eq!((before.len_chars(), after.cursor()), (70_001, 0));
    let joined = before.joined(after);
    assert_eq!((joined.value(), joined.cursor()), (text, 70_001));
}
