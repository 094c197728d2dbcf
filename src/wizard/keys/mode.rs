//! Where a key binding works: the modes that have the keys, and which of them share the keys at once.

/// Where a binding works: what has the keys at the moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
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
    /// Just after switching the authentication type, while fields it no longer requires can be removed.
    AuthSwitched,
    /// A prompt for a path (open, save as, the ticket document).
    PathPrompt,
}

impl Mode {
    /// The modes that have the keys at the same time (as `keys::modes` gives them, most specific first):
    /// two commands must not share a key within one of these.
    pub const TOGETHER: &'static [&'static [Mode]] = &[
        &[Mode::Anywhere, Mode::Letters, Mode::Browse],
        &[Mode::Anywhere, Mode::AuthSwitched, Mode::Steps, Mode::Letters, Mode::Field, Mode::Browse],
        &[Mode::Anywhere, Mode::Field, Mode::Browse],
        &[Mode::Anywhere, Mode::Steps, Mode::Letters, Mode::Field, Mode::Browse],
        &[Mode::Anywhere, Mode::Filter],
        &[Mode::Anywhere, Mode::Line, Mode::Text],
        &[Mode::Anywhere, Mode::Lines, Mode::Text],
        &[Mode::Anywhere, Mode::Overlay],
        &[Mode::Anywhere, Mode::ConfirmQuit, Mode::Overlay],
        &[Mode::Anywhere, Mode::Question, Mode::Overlay],
        &[Mode::Anywhere, Mode::DiskChanged, Mode::Overlay],
        &[Mode::Anywhere, Mode::Panel, Mode::Overlay],
        &[Mode::Anywhere, Mode::PathPrompt, Mode::Overlay],
    ];

    /// True while text is being typed: a plain character bound here could not be typed any more.
    pub fn types_text(self) -> bool {
        matches!(self, Mode::Anywhere | Mode::Text | Mode::Line | Mode::Lines | Mode::Filter)
    }

    /// True when the `?` panel lists this mode's commands; a question's answers are shown in its own panel.
    pub fn listed_in_help(self) -> bool {
        !matches!(
            self,
            Mode::Overlay | Mode::ConfirmQuit | Mode::Question | Mode::DiskChanged | Mode::Panel | Mode::PathPrompt
        )
    }
}
