//! Byte offsets turned into 1-based lines and columns (counted in characters), in one forward sweep.

use super::Position;

/// Lines and columns of the sorted, distinct byte `offsets`, in one forward sweep.
pub(crate) fn positions_of(b: &[u8], offsets: &[usize]) -> Vec<Position> {
    let mut out = Vec::with_capacity(offsets.len());
    let (mut line, mut column) = (1, 1);
    let mut at = 0; // the offset `line` and `column` describe
    for &offset in offsets {
        let Some(segment) = b.get(at..offset) else {
            break;
        };
        let newlines = count(segment, |c| c == b'\n');
        // Characters are counted as the bytes that do not continue a UTF-8 sequence.
        let is_char = |c: u8| (c as i8) >= -0x40;
        let last_newline = if newlines > 0 { segment.iter().rposition(|&c| c == b'\n') } else { None };
        match last_newline {
            Some(last) => {
                line += newlines;
                column = 1 + count(&segment[last + 1..], is_char);
            }
            None => column += count(segment, is_char),
        }
        at = offset;
        out.push(Position { line, column });
    }
    out
}

/// How many bytes of `s` satisfy `pred`, in a form the compiler vectorizes.
pub(super) fn count(s: &[u8], pred: impl Fn(u8) -> bool) -> usize {
    s.chunks(255).map(|chunk| usize::from(chunk.iter().fold(0u8, |n, &c| n + u8::from(pred(c))))).sum()
}
