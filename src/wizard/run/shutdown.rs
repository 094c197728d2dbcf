//! How the wizard ends when nobody asked it to: a signal, or a terminal that went away. Either way
//! the terminal is given back as it was found and the unsaved work is kept as a draft.

use super::super::app::App;
use super::drafts::{DraftWriter, TICK};
use ratatui::crossterm::event::{DisableBracketedPaste, DisableMouseCapture};
use ratatui::crossterm::execute;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2};
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// Every signal whose default action ends the process and that a person or a program sends to end it.
const STOP_SIGNALS: [i32; 6] = [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2];
/// Stands for "the terminal went away" where a signal number is kept.
const TERMINAL_GONE: usize = usize::MAX;
/// How long the loop has to notice a stop by itself before the watchdog ends the wizard.
const GRACE: Duration = Duration::from_millis(500);

/// The work in progress, shared by the loop and the watchdog that may have to end the wizard for it.
#[derive(Debug)]
pub(crate) struct Work {
    pub app: App,
    pub drafts: DraftWriter,
}

impl Work {
    /// Writes what is not saved to this wizard's draft (or removes the draft when nothing is
    /// unsaved), then gives up the draft: from now on it is offered to whoever opens the file next.
    pub(crate) fn keep(&mut self) {
        let Work { app, drafts } = self;
        drafts.sync_now(app);
        drafts.store.release();
    }
}

/// Locks the work; a panic while it was locked does not make it unusable (its draft is still worth writing).
pub(crate) fn lock(work: &Mutex<Work>) -> MutexGuard<'_, Work> {
    work.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Why the wizard was asked to stop, set from a signal handler or the watchdog; and whether the
/// terminal is lent to another program (the author's editor, or the shell while suspended).
#[derive(Debug, Clone)]
pub(crate) struct Stop {
    reason: Arc<AtomicUsize>,
    lent: Arc<AtomicBool>,
    /// A SIGTSTP came from outside (`kill -TSTP`, a job-control shell): suspend as Ctrl-Z does.
    suspend: Arc<AtomicBool>,
}

impl Stop {
    /// Catches the stop signals: each only asks the loop to stop, so that the terminal is restored
    /// and the draft written before the process ends.
    pub(crate) fn catch_signals() -> Self {
        let stop = Arc::new(AtomicUsize::new(0));
        for signal in STOP_SIGNALS {
            // Without the handler the wizard would still stop, only leaving the terminal raw and the draft behind.
            let _ = signal_hook::flag::register_usize(signal, Arc::clone(&stop), signal as usize);
        }
        // Left to its default, SIGTSTP would stop the wizard with the terminal still raw.
        let suspend = Arc::new(AtomicBool::new(false));
        let _ = signal_hook::flag::register(SIGTSTP, Arc::clone(&suspend));
        Stop { reason: stop, lent: Arc::new(AtomicBool::new(false)), suspend }
    }

    /// True once after a SIGTSTP came from outside: the loop then suspends as Ctrl-Z does.
    pub(crate) fn suspend_asked(&self) -> bool {
        self.suspend.swap(false, Ordering::Relaxed)
    }

    /// True once a signal came or the terminal went away.
    pub(crate) fn requested(&self) -> bool {
        self.reason.load(Ordering::Relaxed) != 0
    }

    /// Marks the terminal as lent to another program, or taken back. Ctrl-C and Ctrl-\ typed in
    /// that program reach the wizard as well (the terminal signals its whole process group): those
    /// were meant for the program, and are forgotten when the terminal comes back.
    pub(crate) fn lend(&self, lent: bool) {
        if !lent {
            // A program the terminal was lent to may have been suspended with its whole process group.
            self.suspend.store(false, Ordering::Relaxed);
            for signal in [SIGINT, SIGQUIT] {
                let signal = signal as usize;
                let _ = self.reason.compare_exchange(signal, 0, Ordering::Relaxed, Ordering::Relaxed);
            }
        }
        self.lent.store(lent, Ordering::Relaxed);
    }

    /// True when the wizard must end now, even if its loop is busy: a stop came, and it is not a
    /// Ctrl-C or Ctrl-\ typed in a program the terminal is lent to.
    fn must_end(&self) -> bool {
        let reason = self.reason.load(Ordering::Relaxed);
        let typed_in_borrower = [SIGINT, SIGQUIT].iter().any(|signal| *signal as usize == reason);
        reason != 0 && !(typed_in_borrower && self.lent.load(Ordering::Relaxed))
    }

    /// The exit code for how the wizard was stopped: 128 + the signal's number, as shells report it;
    /// 1 when the terminal went away; None when it was not stopped.
    pub(crate) fn exit_code(&self) -> Option<u8> {
        match self.reason.load(Ordering::Relaxed) {
            0 => None,
            TERMINAL_GONE => Some(1),
            signal => Some(u8::try_from(128 + signal).unwrap_or(1)),
        }
    }

    fn terminal_gone(&self) {
        let _ = self.reason.compare_exchange(0, TERMINAL_GONE, Ordering::Relaxed, Ordering::Relaxed);
    }
}

/// Ends the process when a stop came and the loop cannot act on it: crossterm 0.29 keeps reading a
/// vanished terminal forever (its issue #793), so the loop may never regain control. The watchdog
/// then keeps the work itself (the loop holds the work only while it handles an event, never while
/// it waits for one), restores the terminal and exits.
pub(crate) fn start_watchdog(stop: Stop, loop_done: Arc<AtomicBool>, work: Arc<Mutex<Work>>) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(TICK);
            if loop_done.load(Ordering::Relaxed) {
                return;
            }
            if !std::io::stdin().is_terminal() {
                stop.terminal_gone();
            }
            if stop.must_end() {
                break;
            }
        }
        // The loop notices within a tick when it is free, and ends the wizard itself.
        let deadline = Instant::now() + GRACE;
        while Instant::now() < deadline {
            if loop_done.load(Ordering::Relaxed) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let deadline = Instant::now() + GRACE;
        loop {
            match work.try_lock() {
                Ok(mut work) => {
                    work.keep();
                    break;
                }
                Err(std::sync::TryLockError::Poisoned(poisoned)) => {
                    poisoned.into_inner().keep();
                    break;
                }
                Err(std::sync::TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(std::sync::TryLockError::WouldBlock) => break,
            }
        }
        restore_terminal();
        // Exiting skips every destructor: the text lent to the editor is removed here.
        super::handover::remove_editor_folders();
        std::process::exit(stop.exit_code().map_or(1, i32::from));
    });
}

/// Gives the terminal back as it was found: mouse and paste modes off, raw mode off, main screen, cursor shown.
pub(crate) fn restore_terminal() {
    let _ = execute!(crate::output::screen(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
}

/// Restores the terminal before a panic's message is printed, so the message is readable and the shell usable.
pub(crate) fn install_panic_cleanup() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
}
