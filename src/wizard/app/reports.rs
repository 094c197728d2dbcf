//! What the loop reports besides the results of effects: the drafts' health, a message of its own,
//! the config file's settings. The loop says; only `update` changes the state.

use super::*;
use crate::wizard::config::Settings;

impl App {
    /// A draft was written, or could not be: the author hears when drafts start failing and when they
    /// work again, and the quit question says the work is not protected while they fail.
    pub(super) fn draft_written(&mut self, result: Result<(), String>) {
        match result {
            Ok(()) => {
                if self.drafts_failing.take().is_some() {
                    self.status = Some("drafts are written again: your unsaved work is protected".into());
                }
            }
            Err(error) => {
                // Said once when it starts failing, and again in the quit question; the next change tries again.
                if self.drafts_failing.is_none() {
                    self.status = Some(format!(
                        "your work is not protected by a draft: {error}; save it ({}) to keep it",
                        self.save_key()
                    ));
                }
                self.drafts_failing = Some(error);
            }
        }
    }

    /// Adds `note` to what the status line says.
    pub(super) fn notice(&mut self, note: String) {
        self.status = Some(match self.status.take().filter(|status| !status.is_empty()) {
            Some(status) => format!("{status}; {note}"),
            None => note,
        });
    }

    /// Takes the config file's settings; a wrong file is said first on the status line.
    pub(super) fn configured(&mut self, settings: Settings, error: Option<String>) {
        self.keys = std::sync::Arc::new(settings.keys);
        // NO_COLOR wins over any theme.
        self.theme = settings.theme.honouring_no_color();
        self.preview_on_narrow = settings.preview;
        if let Some(error) = error {
            self.status = Some(match self.status.take() {
                Some(status) => format!("{error} — {status}"),
                None => error,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_failing_are_said_once_and_again_when_they_work() {
        let mut app = App::editing(Document::blank(None));
        app.update(Action::DraftWritten(Err("disk full".into())));
        assert!(app.status.as_deref().is_some_and(|status| status.contains("not protected by a draft: disk full")));
        app.status = None;
        app.update(Action::DraftWritten(Err("disk still full".into())));
        assert_eq!(app.status, None, "said once");
        assert_eq!(app.drafts_failing.as_deref(), Some("disk still full"), "the quit question says the latest");
        app.update(Action::DraftWritten(Ok(())));
        assert_eq!(app.drafts_failing, None);
        assert!(app.status.as_deref().is_some_and(|status| status.contains("drafts are written again")));
    }

    #[test]
    fn a_notice_follows_what_is_said_already() {
        let mut app = App::editing(Document::blank(None));
        app.update(Action::Notice("saved x.json".into()));
        app.update(Action::Notice("another wizard has a draft of it".into()));
        assert_eq!(app.status.as_deref(), Some("saved x.json; another wizard has a draft of it"));
    }

    #[test]
    fn a_wrong_config_file_is_said_before_the_status_and_the_settings_are_taken() {
        let mut app = App::editing(Document::blank(None));
        app.update(Action::Notice("x.json does not exist yet".into()));
        let settings = Settings { preview: true, ..Settings::default() };
        app.update(Action::Configured { settings: Box::new(settings), error: Some("config.toml: bad".into()) });
        assert!(app.preview_on_narrow);
        assert_eq!(app.status.as_deref(), Some("config.toml: bad — x.json does not exist yet"));
    }
}
