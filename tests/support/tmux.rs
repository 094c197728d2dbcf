//! What the tests that use tmux as the terminal share: whether tmux can run here.
#![allow(dead_code)]
// A test says why it skipped on standard error itself.
#![allow(clippy::disallowed_methods)]

use std::io::Write;
use std::process::Command;

/// True when tmux can run. Without it the test is skipped with a reason, except in CI, whose
/// script installs tmux: there a missing tmux is a broken setup, not a reason to skip.
pub(crate) fn tmux_available(test: &str) -> bool {
    let found = Command::new("tmux").arg("-V").output().is_ok_and(|output| output.status.success());
    if !found {
        assert!(std::env::var_os("CI").is_none(), "tmux is missing in CI; .ci/run installs it");
        // Written to the stream itself: the test harness would swallow a println! of a passing test.
        let _ = writeln!(std::io::stderr(), "skipped {test}: tmux is not installed (`apt-get install tmux` runs it)");
    }
    found
}
