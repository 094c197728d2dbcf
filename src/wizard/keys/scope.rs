//! Where a key binding works: the scopes of the bindings, and which of them share the keys at once.

/// Where a binding works: what has the keys at the moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Everywhere, before anything else.
    Anywhere,
    /// Moving on the start screen or a step's page.
    Browse,
    /// Moving, on a row that is not a text field (and on the start screen): one-character commands.
    /// On a text field the character is typed instead (see `Field`).
    Letters,
    /// On a step's page only (not the start screen), on a row that is not a text field.
    Steps,
    /// The one-character commands of `Letters` and `Steps` with Alt held (made from those rows): they
    /// work on every step page, and are their only form on a focused text field, where a typed
    /// character starts editing it.
    Field,
    /// Editing any text.
    Text,
    /// Editing a text of one line.
    Line,
    /// Editing a text of several lines.
    Lines,
    /// Typing a list filter.
    Filter,
    /// Any panel or question drawn over the screen.
    Overlay,
    /// The quit question (unsaved changes).
    ConfirmQuit,
    /// A yes / no question (save with problems, delete, recover a draft).
    Question,
    /// The file changed on disk: overwrite, save elsewhere or reload.
    DiskChanged,
    /// A panel with a list or lines to move in (the ticket's formats, credentials, a probe's result).
    Panel,
    /// A probe's result in the try-it panel (with `Panel`): its own keys.
    ProbeResult,
    /// Just after switching the authentication type, while fields it no longer requires can be removed.
    AuthSwitched,
    /// A prompt for a path (open, save as, the ticket document).
    PathPrompt,
}

impl Scope {
    /// The scopes that have the keys at the same time (as `keys::scopes` gives them, most specific first):
    /// two commands must not share a key within one of these.
    pub const TOGETHER: &'static [&'static [Scope]] = &[
        &[Scope::Anywhere, Scope::Letters, Scope::Browse],
        &[Scope::Anywhere, Scope::AuthSwitched, Scope::Steps, Scope::Letters, Scope::Field, Scope::Browse],
        &[Scope::Anywhere, Scope::Field, Scope::Browse],
        &[Scope::Anywhere, Scope::Steps, Scope::Letters, Scope::Field, Scope::Browse],
        &[Scope::Anywhere, Scope::Filter],
        &[Scope::Anywhere, Scope::Line, Scope::Text],
        &[Scope::Anywhere, Scope::Lines, Scope::Text],
        &[Scope::Anywhere, Scope::Overlay],
        &[Scope::Anywhere, Scope::ConfirmQuit, Scope::Overlay],
        &[Scope::Anywhere, Scope::Question, Scope::Overlay],
        &[Scope::Anywhere, Scope::DiskChanged, Scope::Overlay],
        &[Scope::Anywhere, Scope::Panel, Scope::Overlay],
        &[Scope::Anywhere, Scope::ProbeResult, Scope::Panel, Scope::Overlay],
        &[Scope::Anywhere, Scope::PathPrompt, Scope::Overlay],
    ];

    /// True while text is being typed: a plain character bound here could not be typed any more.
    pub fn types_text(self) -> bool {
        matches!(self, Scope::Anywhere | Scope::Text | Scope::Line | Scope::Lines | Scope::Filter)
    }

    /// True when the `?` panel lists this scope's commands; a question's answers are shown in its own panel.
    pub fn listed_in_help(self) -> bool {
        !matches!(
            self,
            Scope::Overlay
                | Scope::ConfirmQuit
                | Scope::Question
                | Scope::DiskChanged
                | Scope::Panel
                | Scope::ProbeResult
                | Scope::PathPrompt
        )
    }
}
