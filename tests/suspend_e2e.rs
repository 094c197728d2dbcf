//! End to end: Ctrl-Z suspends the wizard to the shell like any terminal program and `fg` brings it
//! back, redrawn and working. tmux plays the terminal, and an interactive shell in it does the job control.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

#[path = "support/tmux.rs"]
mod tmux;
use tmux::tmux_available;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_integration-wizard");
const PROMPT: &str = "shell-prompt$";

fn tmux(socket: &str, args: &[&str]) -> String {
    let output =
        Command::new("tmux").arg("-L").arg(socket).args(args).output().expect("tmux runs (the CI script installs it)");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A shell in a tmux terminal of its own, ended with the test.
struct Shell {
    socket: String,
}

impl Shell {
    /// `name` tells apart the terminals of tests running at the same time.
    fn start(folder: &Path, name: &str) -> Shell {
        let shell = Shell { socket: format!("iw-suspend-{name}-{}", std::process::id()) };
        let command = format!("cd '{}' && PS1='{PROMPT} ' exec sh -i", folder.display());
        tmux(&shell.socket, &["new-session", "-d", "-x", "100", "-y", "30", &command]);
        shell.wait_until("the shell's prompt", |screen| screen.contains(PROMPT));
        shell
    }

    fn screen(&self) -> String {
        tmux(&self.socket, &["capture-pane", "-p"])
    }

    fn keys(&self, keys: &[&str]) {
        tmux(&self.socket, &[&["send-keys"], keys].concat());
    }

    fn type_text(&self, text: &str) {
        tmux(&self.socket, &["send-keys", "-l", text]);
    }

    /// True when the terminal shows its main screen (not the wizard's alternate one).
    fn on_main_screen(&self) -> bool {
        tmux(&self.socket, &["display-message", "-p", "#{alternate_on}"]).trim() == "0"
    }

    fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if done(&screen) {
                return;
            }
            assert!(start.elapsed() < Duration::from_secs(10), "timed out waiting for {what}; the screen:\n{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Shell {
    fn drop(&mut self) {
        tmux(&self.socket, &["kill-server"]);
    }
}

/// The wizard editing a copy of the mycrm example, started from a shell in its own terminal: the
/// folder (kept while the test runs), the wizard's data folder, and the shell.
fn wizard_in_a_shell(name: &str) -> (tempfile::TempDir, std::path::PathBuf, Shell) {
    let folder = tempfile::tempdir().expect("temp dir");
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/mycrm.json");
    std::fs::copy(example, folder.path().join("mycrm.json")).expect("copy example");
    let data = folder.path().join("data");
    let shell = Shell::start(folder.path(), name);
    shell.type_text(&format!("INTEGRATION_WIZARD_DATA_DIR='{}' '{BINARY}' mycrm.json", data.display()));
    shell.keys(&["Enter"]);
    shell.wait_until("the wizard", |screen| screen.contains("opened mycrm.json"));
    (folder, data, shell)
}

#[test]
fn ctrl_z_gives_the_shell_back_and_fg_brings_the_wizard_back_redrawn_and_working() {
    if !tmux_available("ctrl_z_gives_the_shell_back_and_fg_brings_the_wizard_back_redrawn_and_working") {
        return;
    }
    let (folder, data, shell) = wizard_in_a_shell("ctrl-z");

    // An unsaved change, so that the draft written before suspending has something to keep.
    shell.keys(&["Down", "Enter"]);
    shell.type_text(" Plus");
    shell.keys(&["Enter"]);
    shell.wait_until("the change", |screen| screen.contains("● modified"));

    shell.keys(&["C-z"]);
    shell.wait_until("the shell's prompt after the wizard", |screen| {
        screen.lines().filter(|line| line.contains(PROMPT)).count() >= 2 && !screen.contains("● modified")
    });
    assert!(shell.on_main_screen(), "the shell is back on the main screen:\n{}", shell.screen());
    let drafts = std::fs::read_dir(data.join("drafts")).expect("the drafts folder");
    let kept = drafts
        .filter_map(Result::ok)
        .filter(|entry| entry.path().extension().is_some_and(|extension| extension == "json"))
        .any(|entry| std::fs::read_to_string(entry.path()).unwrap_or_default().contains("My CRM Plus"));
    assert!(kept, "the draft was written before suspending");

    // The shell works as usual while the wizard is suspended: typed text is echoed, a command runs.
    shell.type_text("echo still-here");
    shell.keys(&["Enter"]);
    shell.wait_until("the command's output", |screen| screen.lines().any(|line| line == "still-here"));

    shell.type_text("fg");
    shell.keys(&["Enter"]);
    shell.wait_until("the wizard redrawn", |screen| {
        screen.contains("1 Integration") && screen.contains("My CRM Plus") && screen.contains("Ctrl-S")
    });
    assert!(!shell.on_main_screen(), "the wizard is back on its own screen");
    assert!(!shell.screen().contains("still-here"), "nothing of the shell is left on the wizard's screen");

    // Still working: keys are read in raw mode again (Ctrl-S saves instead of stopping the terminal).
    shell.keys(&["C-s"]);
    shell.wait_until("the save", |screen| screen.contains("saved mycrm"));
    let saved = std::fs::read_to_string(folder.path().join("mycrm.json")).expect("the saved manifest");
    assert!(saved.contains("\"display_name\": \"My CRM Plus\""), "{saved}");
    shell.keys(&["C-q"]);
    shell.wait_until("the shell after the wizard ends", |screen| {
        screen.lines().filter(|line| line.contains(PROMPT)).count() >= 3
    });
}

/// The pid of the wizard whose command line names `data` (its own data folder, unique to the test).
fn wizard_pid(data: &Path) -> Option<String> {
    let wanted = data.display().to_string();
    std::fs::read_dir("/proc").ok()?.filter_map(Result::ok).find_map(|entry| {
        let name = entry.file_name().to_string_lossy().into_owned();
        let environ = std::fs::read(entry.path().join("environ")).ok()?;
        let cmdline = std::fs::read(entry.path().join("cmdline")).ok()?;
        let is_wizard = String::from_utf8_lossy(&cmdline).contains("integration-wizard");
        (name.chars().all(|c| c.is_ascii_digit()) && is_wizard && String::from_utf8_lossy(&environ).contains(&wanted))
            .then_some(name)
    })
}

#[test]
fn a_stop_signal_from_outside_gives_the_terminal_back_as_ctrl_z_does() {
    if !tmux_available("a_stop_signal_from_outside_gives_the_terminal_back_as_ctrl_z_does") {
        return;
    }
    let (_folder, data, shell) = wizard_in_a_shell("kill");
    let pid = wizard_pid(&data).expect("the wizard's process");

    let sent = Command::new("kill").args(["-TSTP", &pid]).status().expect("kill runs");
    assert!(sent.success());
    shell.wait_until("the shell's prompt after the wizard", |screen| {
        screen.lines().filter(|line| line.contains(PROMPT)).count() >= 2 && !screen.contains("1 Integration")
    });
    assert!(shell.on_main_screen(), "the shell is back on the main screen:\n{}", shell.screen());
    // The terminal is not left raw: what is typed is echoed and a command runs.
    shell.type_text("echo cooked-again");
    shell.keys(&["Enter"]);
    shell.wait_until("the command's output", |screen| screen.lines().any(|line| line == "cooked-again"));

    shell.type_text("fg");
    shell.keys(&["Enter"]);
    shell.wait_until("the wizard redrawn", |screen| screen.contains("1 Integration") && screen.contains("Ctrl-S"));
    shell.keys(&["C-q"]);
    shell.wait_until("the shell after the wizard ends", |screen| {
        screen.lines().filter(|line| line.contains(PROMPT)).count() >= 3
    });
}
