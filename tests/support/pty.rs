//! Running the built binary in a pseudo-terminal, reading its screen through a vt100 parser, and typing into it.
#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long to wait for the screen to show something before failing.
pub(crate) const TIMEOUT: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(20);

/// Keys as a terminal sends them.
pub(crate) const ENTER: &str = "\r";
pub(crate) const TAB: &str = "\t";
pub(crate) const BACKTAB: &str = "\x1b[Z";
pub(crate) const UP: &str = "\x1b[A";
pub(crate) const DOWN: &str = "\x1b[B";
pub(crate) const RIGHT: &str = "\x1b[C";
pub(crate) const LEFT: &str = "\x1b[D";
pub(crate) const SPACE: &str = " ";
pub(crate) const BACKSPACE: &str = "\x7f";
pub(crate) const CTRL_S: &str = "\x13";
pub(crate) const CTRL_Q: &str = "\x11";
pub(crate) const CTRL_U: &str = "\x15";
pub(crate) const ESC: &str = "\x1b";
pub(crate) const ALT_ENTER: &str = "\x1b\r";
pub(crate) const CTRL_J: &str = "\n";

/// Alt + a key, as a terminal sends it (Esc, then the key, in one write): a one-character command,
/// which on a text field is otherwise typed into it.
pub(crate) fn alt(key: char) -> String {
    format!("\x1b{key}")
}

/// The wizard running in a pseudo-terminal.
pub(crate) struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    reader: Option<JoinHandle<()>>,
    // Kept open for the child's lifetime: dropping the master hangs the terminal up.
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    /// Starts the built binary with `args` in `cwd`, with its own files in `data_dir`, on a 120x40 terminal.
    pub(crate) fn start(args: &[&str], cwd: &Path, data_dir: &Path) -> Session {
        Self::start_sized(args, cwd, data_dir, 120, 40)
    }

    /// Starts the binary on a terminal of `cols` x `rows`.
    pub(crate) fn start_sized(args: &[&str], cwd: &Path, data_dir: &Path, cols: u16, rows: u16) -> Session {
        Self::start_with(args, cwd, data_dir, (cols, rows), &[])
    }

    /// Starts the binary on a terminal of `size` (columns, rows) with extra environment variables.
    pub(crate) fn start_with(
        args: &[&str],
        cwd: &Path,
        data_dir: &Path,
        size: (u16, u16),
        env: &[(&str, &str)],
    ) -> Session {
        let (cols, rows) = size;
        let pty = native_pty_system()
            .openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_integration-wizard"));
        command.args(args);
        command.cwd(cwd);
        command.env("INTEGRATION_WIZARD_DATA_DIR", data_dir);
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        for (name, value) in env {
            command.env(name, value);
        }
        let child = pty.slave.spawn_command(command).expect("the wizard starts");
        drop(pty.slave);
        let parser =
            Arc::new(Mutex::new(vt100::Parser::new(rows.try_into().expect("rows"), cols.try_into().expect("cols"), 0)));
        let mut output = pty.master.try_clone_reader().expect("the terminal's output");
        let screen = Arc::clone(&parser);
        let reader = std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            loop {
                match output.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(read) => screen.lock().expect("screen").process(&buffer[..read]),
                }
            }
        });
        let writer = pty.master.take_writer().expect("the terminal's input");
        Session { parser, writer, child, reader: Some(reader), _master: pty.master }
    }

    /// The screen's text, rows joined by newlines.
    pub(crate) fn screen(&self) -> String {
        self.parser.lock().expect("screen").screen().contents()
    }

    /// Looks at the screen's cells (colours, attributes).
    pub(crate) fn with_screen<R>(&self, look: impl FnOnce(&vt100::Screen) -> R) -> R {
        look(self.parser.lock().expect("screen").screen())
    }

    /// Waits until the screen shows `text`; fails with the whole screen after [`TIMEOUT`].
    pub(crate) fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("the screen to show {text:?}"), |screen| screen.contains(text));
    }

    /// Waits until the screen no longer shows `text`.
    pub(crate) fn wait_for_gone(&mut self, text: &str) {
        self.wait_until(&format!("the screen to stop showing {text:?}"), |screen| !screen.contains(text));
    }

    /// Waits until `done` accepts the screen's text.
    pub(crate) fn wait_until(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if done(&screen) {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                // Its last output may still be on its way to the screen: read it all before judging.
                if let Some(reader) = self.reader.take() {
                    let _ = reader.join();
                }
                let screen = self.screen();
                if done(&screen) {
                    return;
                }
                panic!("the wizard exited ({status:?}) while waiting for {what}; last screen:\n{screen}");
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out after {TIMEOUT:?} waiting for {what}; the screen:\n{}", framed(&screen));
            }
            std::thread::sleep(POLL);
        }
    }

    /// Types keys or text as a person would.
    pub(crate) fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("typing into the terminal");
        self.writer.flush().expect("typing into the terminal");
    }

    /// Presses Esc and waits until the screen shows `then`, so the next key is not read as Alt+key.
    pub(crate) fn escape(&mut self, then: &str) {
        self.send(ESC);
        self.wait_for(then);
    }

    /// Waits for the program to end and gives its exit code; fails with the screen after [`TIMEOUT`].
    pub(crate) fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("the wizard's status") {
                if let Some(reader) = self.reader.take() {
                    let _ = reader.join();
                }
                return status.exit_code();
            }
            if start.elapsed() > TIMEOUT {
                panic!("the wizard did not exit within {TIMEOUT:?}; the screen:\n{}", framed(&self.screen()));
            }
            std::thread::sleep(POLL);
        }
    }
}

impl Session {
    /// The wizard's process id.
    pub(crate) fn pid(&self) -> u32 {
        self.child.process_id().expect("the wizard's process id")
    }

    /// Sends the signal `name` (as kill(1) knows it: KILL, TERM, HUP…) to the wizard.
    ///
    /// Not `Child::kill`: portable-pty's kill sends SIGHUP first and SIGKILL only if the process outlives it.
    pub(crate) fn signal(&self, name: &str) {
        let status = std::process::Command::new("kill")
            .args(["-s", name, &self.pid().to_string()])
            .status()
            .expect("kill(1) runs");
        assert!(status.success(), "kill -s {name} failed: {status:?}");
    }

    /// Waits for the program to end and gives its whole status: the exit code, or the signal that ended it.
    pub(crate) fn wait_exit_status(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("the wizard's status") {
                if let Some(reader) = self.reader.take() {
                    let _ = reader.join();
                }
                return status;
            }
            if start.elapsed() > TIMEOUT {
                panic!("the wizard did not exit within {TIMEOUT:?}; the screen:\n{}", framed(&self.screen()));
            }
            std::thread::sleep(POLL);
        }
    }

    /// The pseudo-terminal's local modes as `stty` would list them (e.g. `ICANON | ECHO | …`): raw mode has
    /// neither ICANON nor ECHO.
    pub(crate) fn local_modes(&self) -> String {
        let termios = self._master.get_termios().expect("the terminal's modes");
        format!("{:?}", termios.local_flags)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // A failed test must not leave the wizard running.
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn framed(screen: &str) -> String {
    let lines: Vec<String> = screen.lines().map(|line| format!("|{line}")).collect();
    lines.join("\n")
}

/// The display name the end-to-end tests give mycrm's "My CRM".
pub(crate) const GREAT_CRM: &str = "My Great CRM";

impl Session {
    /// On a manifest just opened (its first row focused): types `name` over its display name, Enter
    /// finishing the edit, and waits until the work shows as modified (not saved).
    pub(crate) fn retype_display_name(&mut self, name: &str) {
        self.send(DOWN);
        self.wait_for("▶ Display name");
        self.send(ENTER);
        self.send(CTRL_U);
        self.send(name);
        self.send(ENTER);
        self.wait_for("● modified");
    }
}

/// `manifest` as saved once its display name "My CRM" is `name`.
pub(crate) fn with_display_name(manifest: &str, name: &str) -> String {
    let renamed = manifest.replace("\"display_name\": \"My CRM\"", &format!("\"display_name\": \"{name}\""));
    assert_ne!(renamed, manifest, "the manifest has the display name My CRM");
    renamed
}

/// How long a draft may take to appear: it is written half a second after a change.
const DRAFT_WAIT: Duration = Duration::from_secs(3);

/// A folder to start the wizard in, and one for its own files (recent files, drafts).
pub(crate) struct Folders {
    pub work: tempfile::TempDir,
    pub data: tempfile::TempDir,
}

pub(crate) fn folders() -> Folders {
    Folders { work: tempfile::tempdir().expect("a work folder"), data: tempfile::tempdir().expect("a data folder") }
}

impl Folders {
    pub(crate) fn start(&self, args: &[&str]) -> Session {
        Session::start(args, self.work.path(), self.data.path())
    }

    pub(crate) fn drafts_dir(&self) -> PathBuf {
        self.data.path().join("drafts")
    }

    /// The draft files in the data folder, sorted. Not the temporary file of a draft being written
    /// (`.integration-wizard-….tmp`, renamed to the draft once complete).
    pub(crate) fn drafts(&self) -> Vec<PathBuf> {
        let mut drafts: Vec<PathBuf> = match std::fs::read_dir(self.drafts_dir()) {
            Ok(entries) => entries
                .map(|entry| entry.expect("entry").path())
                .filter(|path| path.extension().is_some_and(|extension| extension == "json"))
                .collect(),
            Err(_) => Vec::new(),
        };
        drafts.sort();
        drafts
    }

    /// Polls until exactly one draft exists and its text contains `text`; gives its path.
    pub(crate) fn wait_for_draft_with(&self, text: &str) -> PathBuf {
        let start = Instant::now();
        loop {
            if let [draft] = self.drafts().as_slice()
                && std::fs::read_to_string(draft).is_ok_and(|contents| contents.contains(text))
            {
                return draft.clone();
            }
            assert!(
                start.elapsed() < DRAFT_WAIT,
                "no draft holding {text:?} after {DRAFT_WAIT:?}; drafts: {:?}",
                self.drafts().iter().map(|d| (d, std::fs::read_to_string(d).unwrap_or_default())).collect::<Vec<_>>()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}
