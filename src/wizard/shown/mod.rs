//! What the screens (and the line mode and the language server) say about the manifest, as text:
//! a list element's one-line summary, where a value is in the wizard's words, the seed page's help
//! for a field, and the preview's JSON with very long strings cut short.

pub(crate) mod clipped_json;
pub(crate) mod help_text;
pub(crate) mod places;
pub(crate) mod summaries;
