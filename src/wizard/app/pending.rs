//! Offers waiting for the author's next key: each is dropped as soon as the author does something else.

use crate::manifest::edit::Owner;

/// What the next key may confirm.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pending {
    /// After an authentication switch: the fields the new type no longer requires that are still as
    /// the wizard added them; the `RemoveUnrequired` key removes them. Kept while the step shows.
    pub removable: Vec<&'static str>,
    /// An authentication field just named like a secret (`token`) whose type stays `input`, as the
    /// page's example has it: the quick fix key makes it a `password`. Kept while its page shows.
    pub mask: Option<usize>,
    /// A yes/no row whose value is not true or false, already explained: Space again replaces it.
    pub replace_flag: Option<(Owner, crate::manifest::key::Key)>,
}
