//! Lending the terminal to someone else and taking it back: the author's editor (Ctrl-E), or the
//! shell while the wizard is suspended (Ctrl-Z). The terminal is given back as it was found (raw
//! mode off, main screen, cursor shown, no mouse capture) and, on return, set up again and redrawn whole.

use super::shutdown::{Stop, restore_terminal};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{EnableBracketedPaste, EnableMouseCapture};
use ratatui::crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, enable_raw_mode};
use ratatui::crossterm::{cursor, execute};
use std::io::Write;
use std::path::Path;
use std::process::Command;

/// The editor used when neither `VISUAL` nor `EDITOR` names one.
const FALLBACK_EDITOR: &str = "vi";

/// Runs `work` while the terminal is lent out, then takes the terminal back and has the next frame
/// drawn whole. While it is lent, the wizard's watchdog leaves it alone, and Ctrl-C or Ctrl-\ typed
/// in the borrower (which the terminal also sends to the wizard) do not end the wizard.
pub(crate) fn lend_terminal<T>(
    terminal: &mut DefaultTerminal,
    stop: &Stop,
    work: impl FnOnce() -> T,
) -> std::io::Result<T> {
    stop.lend(true);
    restore_terminal();
    let _ = execute!(crate::output::screen(), cursor::Show);
    let _ = crate::output::screen().flush();
    let result = work();
    let back = take_back(terminal);
    stop.lend(false);
    back.map(|()| result)
}

/// Sets the terminal up for the wizard again, blank, so that the next draw repaints every cell.
fn take_back(terminal: &mut DefaultTerminal) -> std::io::Result<()> {
    enable_raw_mode()?;
    execute!(
        crate::output::screen(),
        EnterAlternateScreen,
        Clear(ClearType::All),
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    // Not `Terminal::clear`: it asks the terminal where its cursor is, and not every terminal answers.
    // A blank frame instead: ratatui then believes the screen blank, as it is, and draws the next frame whole.
    terminal.draw(|frame| frame.render_widget(ratatui::widgets::Clear, frame.area()))?;
    Ok(())
}

/// Stops the process as Ctrl-Z stops any terminal program; returns once the shell continues it (`fg`).
pub(crate) fn suspend() {
    // The wizard catches SIGTSTP (to restore the terminal first), so the default action is run by
    // hand: the process stops right here, and the shell reports it stopped as after any Ctrl-Z.
    let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
}

/// The author's editor as a program and its arguments: `$VISUAL`, else `$EDITOR` (each split as a
/// shell would, so `code --wait` works), else `vi`.
pub(crate) fn editor_command(visual: Option<String>, editor: Option<String>) -> Result<Vec<String>, String> {
    let (variable, value) = [("VISUAL", visual), ("EDITOR", editor)]
        .into_iter()
        .find_map(|(name, value)| value.filter(|value| !value.trim().is_empty()).map(|value| (name, value)))
        .unwrap_or(("", FALLBACK_EDITOR.to_owned()));
    let words = shell_words::split(&value).map_err(|error| {
        format!("${variable} is not a command a shell could run ({error}): fix it; the field keeps its value")
    })?;
    if words.is_empty() {
        return Err(format!("${variable} names no program: set it to your editor; the field keeps its value"));
    }
    Ok(words)
}

/// Writes `text` to a private temporary file (in a folder only the author can enter), runs the
/// editor on it in the terminal, and reads back what it left. Every failure is a message that says
/// what happened; the caller keeps the field as it was.
pub(crate) fn edit_in(command: &[String], text: &str) -> Result<String, String> {
    let Some((program, arguments)) = command.split_first() else {
        return Err("no editor to run: set VISUAL or EDITOR".into());
    };
    let folder = EditorFolder::new().map_err(|error| {
        format!("cannot make a temporary file for your editor ({error}); the field keeps its value")
    })?;
    let file = folder.0.path().join("value.txt");
    write_private(&file, text)
        .map_err(|error| format!("cannot write the text for your editor ({error}); the field keeps its value"))?;
    let status = Command::new(program).args(arguments).arg(&file).status();
    let status = match status {
        Ok(status) => status,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err(format!(
                "your editor `{program}` was not found: set VISUAL or EDITOR to an editor that is installed; the field keeps its value"
            ));
        }
        Err(error) => return Err(format!("cannot start your editor `{program}` ({error}); the field keeps its value")),
    };
    if !status.success() {
        let how =
            status.code().map_or_else(|| "was stopped by a signal".to_owned(), |code| format!("exited with {code}"));
        return Err(format!("your editor `{program}` {how}: nothing was taken from it; the field keeps its value"));
    }
    let bytes = crate::storage::read_file(&file)
        .map_err(|error| format!("cannot read what your editor left ({error}); the field keeps its value"))?;
    String::from_utf8(bytes)
        .map_err(|_| "your editor left text that is not UTF-8: nothing was taken; the field keeps its value".into())
}

/// The folders of texts being edited now: a wizard ended by a signal or a closed terminal (which
/// exits without unwinding) removes them through [`remove_editor_folders`].
static EDITOR_FOLDERS: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());

/// The folder of one text given to the editor: only its owner may enter it (0700), and it is
/// removed however the edit ends.
struct EditorFolder(tempfile::TempDir);

impl EditorFolder {
    fn new() -> std::io::Result<Self> {
        let mut builder = tempfile::Builder::new();
        builder.prefix("integration-wizard-");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o700));
        }
        let folder = builder.tempdir()?;
        editor_folders().push(folder.path().to_path_buf());
        Ok(EditorFolder(folder))
    }
}

impl Drop for EditorFolder {
    fn drop(&mut self) {
        editor_folders().retain(|path| path != self.0.path());
    }
}

fn editor_folders() -> std::sync::MutexGuard<'static, Vec<std::path::PathBuf>> {
    EDITOR_FOLDERS.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Removes the folders of texts still being edited: the wizard ends without returning from the
/// editor (a signal, a closed terminal), and the text must not stay behind in the temporary folder.
pub(crate) fn remove_editor_folders() {
    for folder in editor_folders().drain(..) {
        let _ = std::fs::remove_dir_all(folder);
    }
}

/// Creates `file` readable and writable by its owner only.
fn write_private(file: &Path, text: &str) -> std::io::Result<()> {
    crate::storage::create_new(file, text.as_bytes(), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn some(text: &str) -> Option<String> {
        Some(text.to_owned())
    }

    #[test]
    fn visual_comes_before_editor_and_vi_comes_last() {
        assert_eq!(editor_command(some("nano"), some("vim")), Ok(vec!["nano".to_owned()]));
        assert_eq!(editor_command(None, some("code --wait")), Ok(vec!["code".to_owned(), "--wait".to_owned()]));
        assert_eq!(editor_command(some("  "), None), Ok(vec!["vi".to_owned()]), "an empty VISUAL is no editor");
        assert_eq!(editor_command(None, some("'my editor' -w")), Ok(vec!["my editor".to_owned(), "-w".to_owned()]));
        let error = editor_command(None, some("vim 'unclosed")).expect_err("an unclosed quote");
        assert!(error.contains("$EDITOR"), "{error}");
    }

    #[cfg(unix)]
    #[test]
    fn the_editor_gets_a_private_file_and_its_text_comes_back() {
        let script = "mode=$(stat -c %a \"$1\" \"$(dirname \"$1\")\"); printf ' %s' $mode >> \"$1\"";
        let command = ["sh".to_owned(), "-c".to_owned(), script.to_owned(), "editor".to_owned()];
        assert_eq!(edit_in(&command, "text"), Ok("text 600 700".to_owned()), "the file 0600, its folder 0700");
        assert!(editor_folders().is_empty(), "the folder is forgotten once removed");
    }

    #[test]
    fn a_failing_or_missing_editor_says_so() {
        let failing = ["false".to_owned()];
        let error = edit_in(&failing, "text").expect_err("false fails");
        assert!(error.contains("exited with 1") && error.contains("keeps its value"), "{error}");
        let missing = ["integration-wizard-no-such-editor".to_owned()];
        let error = edit_in(&missing, "text").expect_err("no such program");
        assert!(error.contains("was not found") && error.contains("VISUAL or EDITOR"), "{error}");
    }
}
