//! Where a finding is: an object of the manifest, turned into a JSON pointer only when something is reported.

use super::super::diagnostic::escape_token;

/// An object of the manifest, small enough to copy into every check.
///
/// Formatting a pointer allocates, so the checks carry a `Place` and format it only when they
/// report: a valid manifest costs no string per action input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    /// The top level of a wrapper file.
    Wrapper,
    /// The integration, with its pointer prefix ("/integration", or "" for a bare file).
    Integration(&'static str),
    /// An element of `authentication_configuration`, with the integration's prefix.
    AuthField(&'static str, usize),
    /// An element of `actions`.
    Action(usize),
    /// An element of an action's `inputs`: (action index, input index).
    Input(usize, usize),
}

impl Place {
    /// The pointer of the object itself.
    pub(super) fn object(self) -> String {
        match self {
            Place::Wrapper => String::new(),
            Place::Integration(prefix) => prefix.to_owned(),
            Place::AuthField(prefix, index) => {
                format!("{prefix}/authentication_configuration/{index}")
            }
            Place::Action(index) => format!("/actions/{index}"),
            Place::Input(action, index) => format!("/actions/{action}/inputs/{index}"),
        }
    }

    /// The pointer of one of the object's keys.
    pub(super) fn key(self, key: &str) -> String {
        let mut pointer = self.object();
        pointer.push('/');
        pointer.push_str(&escape_token(key));
        pointer
    }

    /// The pointer of an element of a list held under one of the object's keys.
    pub(super) fn element(self, key: &str, index: usize) -> String {
        let mut pointer = self.key(key);
        pointer.push('/');
        pointer.push_str(&index.to_string());
        pointer
    }
}
