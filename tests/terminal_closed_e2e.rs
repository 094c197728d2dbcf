//! Closing the terminal window under the wizard: it must end by itself (not spin on the dead
//! terminal) and keep the unsaved work as a draft. tmux plays the terminal that goes away.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

#[path = "support/tmux.rs"]
mod tmux;
use tmux::tmux_available;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_integration-wizard");

fn tmux(socket: &str, args: &[&str]) -> String {
    let output =
        Command::new("tmux").arg("-L").arg(socket).args(args).output().expect("tmux runs (the CI script installs it)");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn wait_until(what: &str, done: impl Fn() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < Duration::from_secs(10), "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn drafts(data: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(data.join("drafts"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect()
        })
        .unwrap_or_default()
}

/// The wizard editing a copy of the mycrm example in a tmux terminal of its own.
struct Wizard {
    folder: tempfile::TempDir,
    socket: String,
    pid: u32,
}

impl Wizard {
    /// Starts the wizard on `mycrm.json`, waits for its first screen and opens the display name.
    fn start(socket: &str) -> Self {
        let folder = tempfile::tempdir().expect("temp dir");
        let example = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/mycrm.json");
        std::fs::copy(example, folder.path().join("mycrm.json")).expect("copy example");
        let socket = format!("{socket}-{}", std::process::id());
        let command = format!(
            "cd '{}' && INTEGRATION_WIZARD_DATA_DIR='{}' exec '{BINARY}' mycrm.json",
            folder.path().display(),
            folder.path().join("data").display()
        );
        tmux(&socket, &["new-session", "-d", "-x", "100", "-y", "30", &command]);
        let mut wizard = Wizard { folder, socket, pid: 0 };
        wait_until("the wizard's first screen", || wizard.screen().contains("Display name"));
        wizard.pid = tmux(&wizard.socket, &["list-panes", "-F", "#{pane_pid}"]).trim().parse().expect("the pid");
        tmux(&wizard.socket, &["send-keys", "Down", "Enter"]);
        wizard
    }

    fn screen(&self) -> String {
        tmux(&self.socket, &["capture-pane", "-p"])
    }

    fn type_text(&self, text: &str) {
        tmux(&self.socket, &["send-keys", "-l", text]);
    }

    fn data(&self) -> PathBuf {
        self.folder.path().join("data")
    }

    /// Closes the terminal and asserts that the wizard ends by itself within 5 seconds.
    fn close_terminal(&self) {
        tmux(&self.socket, &["kill-server"]);
        let pid = self.pid;
        let alive = || {
            Path::new(&format!("/proc/{pid}")).exists()
                && !std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default().contains(") Z ")
        };
        let start = Instant::now();
        while alive() && start.elapsed() < Duration::from_secs(5) {
            std::thread::sleep(Duration::from_millis(50));
        }
        let still_running = alive();
        if still_running {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
        }
        assert!(!still_running, "the wizard kept running after its terminal closed");
    }
}

#[test]
fn closing_the_terminal_ends_the_wizard_and_keeps_the_draft() {
    if !tmux_available("closing_the_terminal_ends_the_wizard_and_keeps_the_draft") {
        return;
    }
    let wizard = Wizard::start("iw-test");
    wizard.type_text(" Plus");
    wait_until("the draft", || !drafts(&wizard.data()).is_empty());

    wizard.close_terminal();
    let draft = std::fs::read_to_string(&drafts(&wizard.data())[0]).expect("the draft");
    assert!(draft.contains("My CRM Plus"), "the draft keeps the edit: {draft}");
    assert_eq!(
        std::fs::read_to_string(wizard.folder.path().join("mycrm.json")).expect("file"),
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/examples/mycrm.json")).expect("example"),
        "the file itself is untouched"
    );
}

#[test]
fn closing_the_terminal_right_after_typing_keeps_the_typing() {
    if !tmux_available("closing_the_terminal_right_after_typing_keeps_the_typing") {
        return;
    }
    let wizard = Wizard::start("iw-test-quick");
    wizard.type_text(" Quick");
    wait_until("the typing on screen", || wizard.screen().contains("My CRM Quick"));
    // Closed at once: well before the draft of the typing is due.
    wizard.close_terminal();
    let drafts = drafts(&wizard.data());
    assert_eq!(drafts.len(), 1, "one draft: {drafts:?}");
    let draft = std::fs::read_to_string(&drafts[0]).expect("the draft");
    assert!(draft.contains("My CRM Quick"), "the draft keeps what was typed before the terminal closed: {draft}");
}
