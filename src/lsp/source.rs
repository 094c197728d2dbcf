//! One manifest's text as the editor features read it: the forgiving tree, the line index, and
//! ranges in the editor's units, borrowed from the document's `Snapshot`, which makes them once per
//! version. Texts that are not manifests have no `Source`: they get nothing.

use super::fields::Object;
use super::lines::Lines;
use super::tree::{Node, Segment};
use std::ops::Range;

/// A manifest's text, mapped.
pub(crate) struct Source<'a> {
    /// The text.
    pub text: &'a str,
    /// Its lines.
    pub lines: Lines<'a>,
    /// Its values and where they are.
    pub root: &'a Node,
    /// True for a bare integration document.
    pub bare: bool,
}

impl Source<'_> {
    /// A byte span as an editor range.
    pub(crate) fn range(&self, span: &Range<usize>) -> lsp_types::Range {
        lsp_types::Range::new(self.lines.position(span.start), self.lines.position(span.end))
    }

    /// The object `path` leads to.
    pub(crate) fn object(&self, path: &[Segment]) -> Option<Object> {
        Object::at(path, self.bare)
    }

    /// The pointer of the integration inside the document ("" for a bare one).
    pub(crate) fn integration_pointer(&self) -> &'static str {
        if self.bare { "" } else { "/integration" }
    }

    /// The text of the string at `pointer`, when there is one.
    pub(crate) fn string_at(&self, pointer: &str) -> Option<String> {
        let (_, node) = self.root.member_at(pointer)?;
        node.string(self.text).map(std::borrow::Cow::into_owned)
    }
}
