//! Editing a text in the author's own editor (Ctrl-E): the text goes out as an effect, and what the
//! editor leaves comes back as one finished edit of the field, as if it had been typed.

use super::*;

impl App {
    /// Hands the text being edited, or the focused text row, to the author's editor.
    pub(super) fn external_editor(&mut self, effects: &mut Vec<Effect>) {
        let opened_for_it = self.editor().is_none();
        if opened_for_it && !self.open_editor() {
            if self.status.is_none() {
                self.status = Some("Ctrl-E edits a text field in your editor: focus a text field first".into());
            }
            return;
        }
        let Some(editor) = self.editor() else { return };
        // What was typed before Ctrl-E goes to the editor too, so nothing typed is lost.
        effects.push(Effect::ExternalEdit { text: editor.text.value(), opened_for_it });
    }

    /// Takes the editor's text into the field and finishes the edit; on a failure the field keeps
    /// what it had (and an editor open before Ctrl-E stays open with what was typed in it).
    pub(super) fn external_edited(&mut self, result: Result<String, String>, opened_for_it: bool) {
        let Some(editor) = self.editor_mut() else { return };
        match result {
            Ok(text) => {
                let multiline = matches!(editor.text, TextBox::Area(_));
                editor.text = TextBox::new(&from_editor(&text, multiline), multiline);
                editor.completion = 0;
                self.apply_editor();
                // The same path as Enter or Tab finishing an edit: one change of the field.
                self.close_editor();
                self.status = Some("the text from your editor is in the field".into());
            }
            Err(message) => {
                if opened_for_it {
                    // Nothing was changed when the field was opened for the editor: closing it changes nothing.
                    self.take_editor();
                }
                self.status = Some(message);
            }
        }
    }
}

/// The text an editor left, as the field takes it: the one line break most editors add at the end
/// is not part of the value, Windows line breaks become plain ones, and a field of one line gets
/// spaces where the editor had line breaks (as a paste into it does).
pub(super) fn from_editor(text: &str, multiline: bool) -> String {
    let text = text.strip_suffix('\n').map(|text| text.strip_suffix('\r').unwrap_or(text)).unwrap_or(text);
    let text = text.replace("\r\n", "\n");
    if multiline { text } else { text.replace(['\n', '\r'], " ") }
}

#[cfg(test)]
mod tests {
    use super::from_editor;

    #[test]
    fn one_trailing_line_break_is_the_editors_own() {
        assert_eq!(from_editor("hello\n", false), "hello");
        assert_eq!(from_editor("hello\r\n", true), "hello");
        assert_eq!(from_editor("two\nlines\n\n", true), "two\nlines\n", "only one line break is removed");
        assert_eq!(from_editor("two\r\nlines", false), "two lines");
        assert_eq!(from_editor("", true), "");
    }
}
