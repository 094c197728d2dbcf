//! TEMPORARY STUB (the locator helper replaces this file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position { pub line: usize, pub column: usize }
pub fn locate_all(_source: &str, pointers: &[&str]) -> Vec<Option<Position>> { vec![None; pointers.len()] }
