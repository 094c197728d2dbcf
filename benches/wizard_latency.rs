//! How long the author waits for each keystroke in the wizard, end to end: the built binary runs in
//! a pseudo-terminal with drafts on, real keys are written to it, and each is timed from the moment
//! it is sent until the screen (read through a vt100 parser) shows what it did. Keys are paced like
//! fast typing, so the drafts written meanwhile are part of it. Three cases, one after the other in
//! one run of the wizard:
//!
//! - typing: a character typed into the integration's display name and deleted again, in turns (a
//!   different character each time);
//! - undo and redo: that field changed once, then the change undone (Alt-Z) and redone (Alt-Y) in turns;
//! - a name cleared: the first action's name cleared (Ctrl-U) and put back (Ctrl-Y) in turns, while
//!   it is edited.
//!
//! For a 16 MB manifest (2,000 actions of 40 inputs) and a 100 MB one (12,400 actions), made by
//! `examples/generate_manifest.rs`, it prints for each case the median, the 99th percentile and the
//! slowest of the keystrokes, with the load average beside them, against the goals (slowest at most
//! 16 ms and 50 ms).
//!
//! Run: `cargo bench --bench wizard_latency`. `KEYS=200` keystrokes per size, `PACE=40` ms between
//! keys per case, `SIZES=16,100` (MB, either or both); `BASELINE=path/to/another/binary` measures that one
//! too, in the same run and just before this one, for before-and-after figures.
// A benchmark writes and reads its own files, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]
// A benchmark prints its own figures; the tool prints only through `output`.
#![allow(clippy::disallowed_macros)]

#[allow(dead_code, unreachable_pub)]
#[path = "../examples/generate_manifest.rs"]
mod generator;

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// How long opening the manifest may take (100 MB is read and checked first).
const OPENING: Duration = Duration::from_secs(600);
/// How long one keystroke may take before the run is called broken.
const STUCK: Duration = Duration::from_secs(60);
const BACKSPACE: &str = "\x7f";
/// Alt-Z and Alt-Y (undo, redo) as a terminal sends them.
const ALT_Z: &str = "\x1bz";
const ALT_Y: &str = "\x1by";
/// Alt-5: step 5, the actions.
const ALT_5: &str = "\x1b5";
/// Ctrl-U clears the text edited, Ctrl-Y puts back what it took.
const CTRL_U: &str = "\x15";
const CTRL_Y: &str = "\x19";
/// The generated manifest's first action's name, the name cleared.
const ACTION: &str = "create_ticket_0000";
const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";
/// The generated manifest's display name, the value typed into.
const NAME: &str = "Bench CRM";

fn main() {
    let keys = usize::try_from(setting("KEYS", 200)).expect("KEYS");
    let pace = Duration::from_millis(setting("PACE", 40));
    let sizes = std::env::var("SIZES").unwrap_or_else(|_| "16,100".into());
    let this = std::env::var("WIZARD").unwrap_or_else(|_| env!("CARGO_BIN_EXE_integration-wizard").into());
    let mut binaries = Vec::new();
    if let Ok(baseline) = std::env::var("BASELINE") {
        binaries.push(("baseline", baseline));
    }
    binaries.push(("this build", this));
    let folder = tempfile::tempdir().expect("a temporary folder");
    println!("{keys} keystrokes per run, one every {} ms at the most", pace.as_millis());
    for size in sizes.split(',').map(str::trim) {
        let (actions, goal) = match size {
            "16" => (2_000, 16),
            "100" => (12_400, 50),
            other => panic!("SIZES: {other:?} is not 16 or 100"),
        };
        let options = generator::Options { actions, inputs: 40, files: None, out: None };
        let manifest = folder.path().join(format!("bench-{size}mb.json"));
        let json = generator::manifest(generator::PROVIDER, &options);
        std::fs::write(&manifest, &json).expect("the manifest is written");
        println!(
            "\n{:.1} MB manifest ({actions} actions of 40 inputs); goal: slowest at most {goal} ms",
            mb(json.len())
        );
        drop(json);
        for (label, binary) in &binaries {
            let data = tempfile::tempdir().expect("a data folder for the drafts");
            let load = load_average();
            let (cases, peak) = run(Path::new(binary), &manifest, data.path(), keys, pace);
            println!("{label} (load average {load} before, {} after; peak memory {peak}):", load_average());
            for (case, times) in cases {
                let figures = Figures::of(times);
                let verdict = if figures.worst <= Duration::from_millis(goal) { "PASS" } else { "FAIL" };
                println!(
                    "  {case:<14} median {:>7.1} ms  p99 {:>7.1} ms  slowest {:>7.1} ms  {verdict}  ({} over 16 ms)",
                    millis(figures.median),
                    millis(figures.p99),
                    millis(figures.worst),
                    figures.over_16,
                );
            }
        }
    }
}

/// Times of the keystrokes of one case, named.
type Case = (&'static str, Vec<Duration>);

/// Opens `manifest` with `binary` and times `keys` keystrokes of each case; also gives the
/// wizard's peak memory.
fn run(binary: &Path, manifest: &Path, data: &Path, keys: usize, pace: Duration) -> (Vec<Case>, String) {
    let mut terminal = Terminal::start(binary, manifest, data);
    terminal.wait("the manifest to open", OPENING, |screen| screen.contains(NAME));
    // The display name is the second row of the integration's form; Enter edits it, cursor at its end.
    terminal.press(DOWN, "the display name focused", |screen| screen.contains("▶ Display name"));
    terminal.press(ENTER, "the display name being edited", |screen| screen.contains("Esc cancel"));
    let typing = paced(keys, pace, |index| {
        let typed = format!("{NAME}{}", char::from(b'a' + (index / 2 % 26) as u8));
        if index % 2 == 0 {
            terminal.press(&typed[NAME.len()..], "the character typed", |screen| screen.contains(&typed))
        } else {
            // Deleted: the screen was drawn again (the reader looks only at new output) without it.
            terminal.press(BACKSPACE, "the character deleted", |screen| !screen.contains(&typed))
        }
    });
    // One change to undo and redo: the display name with a character more.
    let changed = format!("{NAME}!");
    terminal.press("!", "the character typed", |screen| screen.contains(&changed));
    terminal.press(ENTER, "the edit finished", |screen| !screen.contains("Esc cancel"));
    let undo = paced(keys, pace, |index| {
        if index % 2 == 0 {
            terminal.press(ALT_Z, "the change undone", |screen| screen.contains("undid: edit display_name"))
        } else {
            terminal.press(ALT_Y, "the change redone", |screen| screen.contains("redid: edit display_name"))
        }
    });
    // The first action's form, its name (the first row) edited.
    terminal.press(ALT_5, "the actions listed", |screen| screen.contains(&format!("▶ {ACTION}")));
    terminal.press(ENTER, "the first action's form", |screen| screen.contains("▶ Name"));
    terminal.press(ENTER, "the name being edited", |screen| screen.contains("Esc cancel"));
    let written = format!("\"name\": \"{ACTION}\"");
    let name = paced(keys, pace, |index| {
        if index % 2 == 0 {
            // Cleared: the preview shows the action without its name, the display right after the provider.
            terminal.press(CTRL_U, "the name cleared", |screen| {
                let rows: Vec<&str> = screen.lines().collect();
                rows.windows(2).any(|pair| pair[0].contains("\"provider\": ") && pair[1].contains("\"display\": "))
            })
        } else {
            terminal.press(CTRL_Y, "the name put back", |screen| screen.contains(&written))
        }
    });
    let cases = vec![("typing", typing), ("undo and redo", undo), ("a name cleared", name)];
    (cases, terminal.peak_memory())
}

/// Times `keys` keystrokes made by `press` (given each one's number), one every `pace` at the most.
fn paced(keys: usize, pace: Duration, mut press: impl FnMut(usize) -> Duration) -> Vec<Duration> {
    let mut times = Vec::with_capacity(keys);
    for index in 0..keys {
        let started = Instant::now();
        times.push(press(index));
        if let Some(rest) = pace.checked_sub(started.elapsed()) {
            std::thread::sleep(rest);
        }
    }
    times
}

/// The median, 99th percentile and slowest of a run, and how many keys were over 16 ms.
struct Figures {
    median: Duration,
    p99: Duration,
    worst: Duration,
    over_16: usize,
}

impl Figures {
    fn of(mut times: Vec<Duration>) -> Self {
        let over_16 = times.iter().filter(|time| **time > Duration::from_millis(16)).count();
        times.sort();
        let at = |fraction: f64| times[((times.len() - 1) as f64 * fraction).round() as usize];
        Figures { median: at(0.5), p99: at(0.99), worst: at(1.0), over_16 }
    }
}

/// The binary in a pseudo-terminal of 120x40, its output read into a vt100 screen by a thread.
struct Terminal {
    screen: Arc<(Mutex<Screen>, Condvar)>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    // Kept open for the child's lifetime: dropping the master hangs the terminal up.
    _master: Box<dyn MasterPty + Send>,
}

/// The screen as drawn so far, and how many times output arrived (to wait for new output).
struct Screen {
    parser: vt100::Parser,
    updates: u64,
    ended: bool,
}

impl Terminal {
    fn start(binary: &Path, manifest: &Path, data: &Path) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize { rows: 40, cols: 120, pixel_width: 0, pixel_height: 0 })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(std::path::absolute(binary).expect("the binary's path"));
        command.arg(manifest);
        command.env("INTEGRATION_WIZARD_DATA_DIR", data);
        command.env("TERM", "xterm-256color");
        let child = pty.slave.spawn_command(command).expect("the wizard starts");
        drop(pty.slave);
        let size = |cells: u16| std::num::NonZero::new(cells).expect("a size");
        let parser = vt100::Parser::new(size(40), size(120), 0);
        let screen = Arc::new((Mutex::new(Screen { parser, updates: 0, ended: false }), Condvar::new()));
        let mut output = pty.master.try_clone_reader().expect("the terminal's output");
        let shared = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buffer = [0u8; 65536];
            loop {
                let read = output.read(&mut buffer).unwrap_or(0);
                let (lock, changed) = &*shared;
                let mut screen = lock.lock().expect("screen");
                if read == 0 {
                    screen.ended = true;
                } else {
                    screen.parser.process(&buffer[..read]);
                    screen.updates += 1;
                }
                changed.notify_all();
                if read == 0 {
                    break;
                }
            }
        });
        let writer = pty.master.take_writer().expect("the terminal's input");
        Terminal { screen, writer, child, _master: pty.master }
    }

    /// Sends `key` and returns how long it took until output that arrived after it satisfies `done`.
    fn press(&mut self, key: &str, what: &str, done: impl Fn(&str) -> bool) -> Duration {
        let before = self.screen.0.lock().expect("screen").updates;
        let sent = Instant::now();
        self.writer.write_all(key.as_bytes()).expect("typing into the terminal");
        self.writer.flush().expect("typing into the terminal");
        self.wait_after(before, what, STUCK, done) - sent
    }

    /// Waits until the screen satisfies `done`; returns when it was seen.
    fn wait(&mut self, what: &str, timeout: Duration, done: impl Fn(&str) -> bool) -> Instant {
        self.wait_after(0, what, timeout, done)
    }

    /// Waits for output newer than update `after` after which the screen satisfies `done`.
    fn wait_after(&mut self, after: u64, what: &str, timeout: Duration, done: impl Fn(&str) -> bool) -> Instant {
        let (lock, changed) = &*self.screen;
        let deadline = Instant::now() + timeout;
        let mut screen = lock.lock().expect("screen");
        loop {
            if screen.updates > after && done(&screen.parser.screen().contents()) {
                return Instant::now();
            }
            let now = Instant::now();
            if screen.ended || now >= deadline {
                let contents = screen.parser.screen().contents();
                panic!("waiting for {what}: the wizard ended or took over {timeout:?}; the screen:\n{contents}");
            }
            screen = changed.wait_timeout(screen, deadline - now).expect("screen").0;
        }
    }
}

impl Terminal {
    /// The wizard's peak resident memory so far, as Linux reports it ("?" elsewhere).
    fn peak_memory(&self) -> String {
        let status =
            self.child.process_id().and_then(|pid| std::fs::read_to_string(format!("/proc/{pid}/status")).ok());
        let peak = status.as_deref().and_then(|status| status.lines().find(|line| line.starts_with("VmHWM:")));
        let kib = peak.and_then(|line| line.split_whitespace().nth(1)).and_then(|kib| kib.parse::<f64>().ok());
        kib.map_or_else(|| "?".into(), |kib| format!("{:.0} MiB", kib / 1024.0))
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        // The drafts go with the data folder; the wizard is stopped, not asked to quit.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A whole number from the environment, or `default`.
fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|value| value.parse().ok()).unwrap_or(default)
}

/// The load average over 1, 5 and 15 minutes, as the system reports it ("?" where it does not).
fn load_average() -> String {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let figures: Vec<&str> = text.split_whitespace().take(3).collect();
    if figures.len() == 3 { figures.join(", ") } else { "?".into() }
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}
