//! What the line mode takes from the wizard's own declarations: the rows of each page and the
//! names of list items, so the fields are listed once for both modes.

use crate::manifest::Manifest;
use crate::manifest::edit::ListRef;
pub(crate) use crate::wizard::form::{Options, Row};
pub(crate) use crate::wizard::steps::{Page, Step};

/// The rows of `page`, in the wizard's order.
pub(crate) fn rows(page: Page, manifest: &Manifest) -> Vec<Row> {
    crate::wizard::form::rows(page, manifest, crate::wizard::steps::review::Listed::default(), None)
}

/// How the wizard names the element `index` of `list`.
pub(crate) fn item_label(manifest: &Manifest, list: ListRef, index: usize) -> String {
    crate::wizard::shown::summaries::item_label(manifest, list, index)
}

/// The JSON pointer of a list.
pub(crate) fn list_pointer(list: ListRef, manifest: &Manifest) -> String {
    crate::wizard::form::list_pointer(list, manifest)
}
