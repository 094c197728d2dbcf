//! Step 6, review and save: every finding, in the review's order.

use crate::wizard::document::Document;
use crate::wizard::form::Row;

/// The rows of step 6: one per finding.
pub(crate) fn rows(findings: &[usize]) -> Vec<Row> {
    findings.iter().copied().map(Row::Finding).collect()
}

/// Saved: the file on disk is what the wizard holds.
pub(crate) fn touched(doc: &Document) -> bool {
    doc.disk_hash.is_some() && !doc.modified
}
