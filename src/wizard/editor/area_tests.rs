//! The text area of long lines against the text area as it was, one plain `tui_input::Input` a line:
//! any keys, line breaks, moves between lines and pastes give the same text and cursor.

use super::*;
use proptest::prelude::*;
use tui_input::Input;

/// The text area before lines were windowed: each line a whole `Input`.
struct PlainArea {
    lines: Vec<Input>,
    row: usize,
}

impl PlainArea {
    fn new(value: &str) -> Self {
        let lines: Vec<Input> = value.split('\n').map(|line| Input::new(line.to_owned())).collect();
        PlainArea { row: lines.len() - 1, lines }
    }

    fn value(&self) -> String {
        self.lines.iter().map(Input::value).collect::<Vec<_>>().join("\n")
    }

    fn newline(&mut self) {
        let line = &self.lines[self.row];
        let split = line.value().char_indices().nth(line.cursor()).map_or(line.value().len(), |(at, _)| at);
        let (before, after) = line.value().split_at(split);
        let (before, after) = (before.to_owned(), after.to_owned());
        self.lines[self.row] = Input::new(before);
        self.row += 1;
        self.lines.insert(self.row, Input::new(after).with_cursor(0));
    }

    fn move_line(&mut self, up: bool) {
        let target =
            if up { self.row.checked_sub(1) } else { Some(self.row + 1).filter(|&row| row < self.lines.len()) };
        if let Some(target) = target {
            let column = self.lines[self.row].cursor();
            self.row = target;
            self.lines[target].handle(InputRequest::SetCursor(column));
        }
    }

    fn handle(&mut self, request: InputRequest) -> bool {
        let at_start = self.lines[self.row].cursor() == 0;
        let at_end = self.lines[self.row].cursor() == self.lines[self.row].value().chars().count();
        match request {
            InputRequest::DeletePrevChar if at_start && self.row > 0 => {
                let line = self.lines.remove(self.row);
                self.row -= 1;
                self.join_next(line.value());
                true
            }
            InputRequest::DeleteNextChar if self.row + 1 < self.lines.len() && at_end => {
                let line = self.lines.remove(self.row + 1);
                self.join_next(line.value());
                true
            }
            request => self.lines[self.row].handle(request).is_some_and(|changed| changed.value),
        }
    }

    fn join_next(&mut self, tail: &str) {
        let current = &self.lines[self.row];
        let cursor = current.value().chars().count();
        let joined = format!("{}{tail}", current.value());
        self.lines[self.row] = Input::new(joined).with_cursor(cursor);
    }

    fn paste(&mut self, text: &str) {
        for c in text.replace("\r\n", "\n").chars() {
            match c {
                '\n' | '\r' => self.newline(),
                c => {
                    self.handle(InputRequest::InsertChar(c));
                }
            }
        }
    }
}

#[derive(Debug, Clone)]
enum Step {
    Key(InputRequest),
    Repeat(InputRequest, usize),
    Newline,
    Line { up: bool },
    Paste(String),
}

fn request() -> impl Strategy<Value = InputRequest> {
    use InputRequest::*;
    prop_oneof![
        Just(InsertChar('w')),
        Just(InsertChar(' ')),
        Just(InsertChar('é')),
        (0..3_000usize).prop_map(SetCursor),
        Just(GoToPrevChar),
        Just(GoToNextChar),
        Just(GoToPrevWord),
        Just(GoToNextWord),
        Just(GoToStart),
        Just(GoToEnd),
        Just(DeletePrevChar),
        Just(DeleteNextChar),
        Just(DeletePrevWord),
        Just(DeleteNextWord),
        Just(DeleteTillEnd),
        Just(DeleteFromStart),
        Just(DeleteLine),
        Just(Yank),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => request().prop_map(Step::Key),
        2 => (request(), 10..300usize).prop_map(|(request, times)| Step::Repeat(request, times)),
        1 => Just(Step::Newline),
        2 => any::<bool>().prop_map(|up| Step::Line { up }),
        1 => "[a-z .,\\n\\r]{1,60}".prop_map(Step::Paste),
    ]
}

/// A few lines, some of them long (longer than a window): words, marks and multi-byte characters.
fn text() -> impl Strategy<Value = String> {
    let line = prop::collection::vec(prop::sample::select(vec!["word", " ", ".", "_", "é", "日本", "x.y", "+"]), 0..80)
        .prop_map(|pieces| pieces.concat().repeat(8));
    prop::collection::vec(line, 1..5).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_keys_in_a_text_area_of_long_lines_do_what_they_did(text in text(), steps in prop::collection::vec(step(), 1..40)) {
        let mut area = TextArea::new(&text);
        let mut plain = PlainArea::new(&text);
        for step in &steps {
            match step {
                Step::Key(request) => prop_assert_eq!(area.handle(*request), plain.handle(*request)),
                Step::Repeat(request, times) => {
                    for _ in 0..*times {
                        prop_assert_eq!(area.handle(*request), plain.handle(*request));
                    }
                }
                Step::Newline => {
                    area.newline();
                    plain.newline();
                }
                Step::Line { up } => {
                    area.move_line(*up);
                    plain.move_line(*up);
                }
                Step::Paste(text) => {
                    let mut pasted = TextBox::Area(area);
                    pasted.insert(text);
                    let TextBox::Area(pasted) = pasted else { unreachable!("a text area stays one") };
                    area = pasted;
                    plain.paste(text);
                }
            }
            prop_assert_eq!(area.row, plain.row, "row after {:?}", step);
            prop_assert_eq!(area.lines[area.row].cursor(), plain.lines[plain.row].cursor(), "column after {:?}", step);
            prop_assert!(area.value() == plain.value(), "text after {:?}", step);
        }
    }
}
