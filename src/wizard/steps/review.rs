//! Step 6, review and save: what changed since the file was opened (breaking changes first),
//! then every finding, in the review's order.

use crate::wizard::document::Document;
use crate::wizard::form::Row;
use crate::wizard::steps::{Page, Step};

/// What the review page lists.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Listed<'a> {
    /// How many changes since the file was opened.
    pub changes: usize,
    /// The findings, as indices into the document's list, in the review's order.
    pub findings: &'a [usize],
}

impl<'a> Listed<'a> {
    /// What the review of `doc` lists now, for `page`'s rows: the findings' order is worked out
    /// only for the review itself (a keystroke on another page does not sort thousands of findings).
    pub(crate) fn of(doc: &'a Document, page: Page) -> Self {
        let findings = if page == Page::Step(Step::Review) { doc.review_order() } else { &[] };
        Listed { changes: doc.changes().len(), findings }
    }
}

/// The rows of step 6: one per change, then one per finding.
pub(crate) fn rows(listed: Listed) -> Vec<Row> {
    (0..listed.changes).map(Row::Change).chain(listed.findings.iter().copied().map(Row::Finding)).collect()
}

/// The row at `index` of step 6 (as `rows` lists them), and how many rows it has.
pub(crate) fn row(listed: Listed, index: usize) -> (usize, Option<Row>) {
    let row = match index.checked_sub(listed.changes) {
        None => Some(Row::Change(index)),
        Some(finding) => listed.findings.get(finding).copied().map(Row::Finding),
    };
    (listed.changes + listed.findings.len(), row)
}

/// Saved: the file on disk is what the wizard holds.
pub(crate) fn touched(doc: &Document) -> bool {
    doc.disk_hash.is_some() && !doc.modified
}
