//! What has the keys: one stored value, read by the dispatcher, `App::update`, the hint bar and the key list.

use super::{App, Screen};
use crate::wizard::editor::Editor;
use crate::wizard::panels::Panel;

/// What has the keys: exactly one of these, stored as such, so two cannot be open at once. A panel
/// takes the keys over what it was opened on, which it keeps and gives back when it closes.
#[derive(Debug, Clone)]
pub enum Mode {
    /// The start screen's entries.
    Start,
    /// Moving on a step's page.
    Browse,
    /// A field's text being edited.
    Editing(Editor),
    /// The text of the list filter (`App::filter`) being typed, after `/`.
    Filtering,
    /// A panel or question drawn over the screen, and what it was opened on.
    Panel(Box<dyn Panel>, Box<Mode>),
}

impl Mode {
    /// The screen drawn: the start screen, or the steps (under a panel, the one it was opened on).
    pub fn screen(&self) -> Screen {
        match self {
            Mode::Start => Screen::Start,
            Mode::Browse | Mode::Editing(_) | Mode::Filtering => Screen::Editor,
            Mode::Panel(_, under) => under.screen(),
        }
    }
}

impl App {
    /// What has the keys now: the one place that says it.
    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// The screen drawn under whatever has the keys.
    pub fn screen(&self) -> Screen {
        self.mode.screen()
    }

    /// Shows `screen` under whatever panel is open: the start screen, or the steps with nothing
    /// being edited or filtered.
    pub(crate) fn set_screen(&mut self, screen: Screen) {
        fn base(mode: &mut Mode, screen: Screen) {
            match mode {
                Mode::Panel(_, under) => base(under, screen),
                _ => *mode = if screen == Screen::Start { Mode::Start } else { Mode::Browse },
            }
        }
        base(&mut self.mode, screen);
    }

    /// The field being edited, if any.
    pub fn editor(&self) -> Option<&Editor> {
        match &self.mode {
            Mode::Editing(editor) => Some(editor),
            _ => None,
        }
    }

    /// The field being edited, to change its text.
    pub(crate) fn editor_mut(&mut self) -> Option<&mut Editor> {
        match &mut self.mode {
            Mode::Editing(editor) => Some(editor),
            _ => None,
        }
    }

    /// Starts editing: the editor takes the keys.
    pub(crate) fn set_editor(&mut self, mut editor: Editor) {
        use crate::wizard::steps::{Step, progress};
        editor.steps_before = Some(Box::new(Step::ALL.map(|step| progress(step, &self.doc))));
        self.mode = Mode::Editing(editor);
    }

    /// How far `step` is, as the step list says it: while a field is being edited, as it was when the
    /// edit began (the field is judged when it is finished, as under the field itself).
    pub(crate) fn step_progress(&self, step: crate::wizard::steps::Step) -> crate::wizard::steps::Progress {
        self.editor()
            .and_then(|editor| editor.steps_before.as_ref()?.get(step.index()).copied())
            .unwrap_or_else(|| crate::wizard::steps::progress(step, &self.doc))
    }

    /// Ends editing, handing back the editor: the page takes the keys again.
    pub(crate) fn take_editor(&mut self) -> Option<Editor> {
        match std::mem::replace(&mut self.mode, Mode::Browse) {
            Mode::Editing(editor) => Some(editor),
            other => {
                self.mode = other;
                None
            }
        }
    }

    /// The panel drawn over the screen, if any.
    pub fn panel(&self) -> Option<&dyn Panel> {
        match &self.mode {
            Mode::Panel(panel, _) => Some(panel.as_ref()),
            _ => None,
        }
    }

    /// The open panel if it is a `T`, to read its state.
    pub fn panel_as<T: Panel>(&self) -> Option<&T> {
        self.panel().and_then(|panel| panel.as_any().downcast_ref())
    }

    /// The open panel if it is a `T`, to change its state.
    pub(crate) fn panel_as_mut<T: Panel>(&mut self) -> Option<&mut T> {
        match &mut self.mode {
            Mode::Panel(panel, _) => panel.as_any_mut().downcast_mut(),
            _ => None,
        }
    }

    /// Opens `panel` over what has the keys now; it has them until it closes.
    pub fn open(&mut self, panel: impl Panel) {
        self.open_boxed(Box::new(panel));
    }

    /// Opens a panel already boxed (one that answered an action and stays open).
    pub fn open_boxed(&mut self, panel: Box<dyn Panel>) {
        let under = match std::mem::replace(&mut self.mode, Mode::Browse) {
            // A panel replaces the panel showing: it answers for it, and goes back to what was under it.
            Mode::Panel(_, under) => under,
            other => Box::new(other),
        };
        self.mode = Mode::Panel(panel, under);
    }

    /// Closes the open panel, if any: what it was opened on has the keys again.
    pub fn close_panel(&mut self) {
        if let Some(panel) = self.take_panel() {
            drop(panel);
        }
    }

    /// Takes the open panel out, to hand it an action: until it opens itself again, it is closed.
    pub(crate) fn take_panel(&mut self) -> Option<Box<dyn Panel>> {
        match std::mem::replace(&mut self.mode, Mode::Browse) {
            Mode::Panel(panel, under) => {
                self.mode = *under;
                Some(panel)
            }
            other => {
                self.mode = other;
                None
            }
        }
    }
}
