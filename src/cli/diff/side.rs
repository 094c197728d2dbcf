//! Reading one side of a comparison: a file, standard input (`-`), a file as a git revision has it
//! (`REV:PATH`), or nothing (git's `/dev/null` for a file added or deleted); then its errors.

use crate::manifest::check::locate;
use crate::manifest::{Diagnostic, Manifest, read, validate};
use crate::storage::{self, FileKind, ReadError};
use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// How long `git show` may take before it is stopped: a local object is read in milliseconds.
pub(in crate::cli) const GIT_TIME_LIMIT: Duration = Duration::from_secs(30);

/// One side of a comparison, read and checked.
#[derive(Debug)]
pub(in crate::cli) struct Side {
    /// How the side is named in the output (the path or `REV:PATH` as given).
    pub shown: String,
    /// The manifest read (an empty one for nothing).
    pub manifest: Manifest,
    /// The file's errors, placed at their line and column; warnings are left to `validate`.
    pub errors: Vec<Diagnostic>,
    /// The bytes read (their fingerprint goes into an update's ticket document).
    pub source: Vec<u8>,
}

/// Where a side comes from, as the command line names it.
#[derive(Debug, Clone, PartialEq)]
pub(in crate::cli) enum Origin<'a> {
    File(&'a Path),
    Stdin,
    /// `REV:PATH`, read with `git show`.
    Git(&'a str),
    /// No file: git's `/dev/null` for a file added or deleted.
    Nothing,
}

impl<'a> Origin<'a> {
    /// Where `argument` reads from: `-` is standard input, an existing path is a file, and
    /// otherwise `REV:PATH` (a colon after something) is read from git.
    pub(in crate::cli) fn of(argument: &'a OsStr) -> Origin<'a> {
        if argument == "-" {
            return Origin::Stdin;
        }
        let path = Path::new(argument);
        if path.symlink_metadata().is_ok() {
            return Origin::File(path);
        }
        match argument.to_str() {
            Some(text) if text.find(':').is_some_and(|colon| colon > 0) => Origin::Git(text),
            _ => Origin::File(path),
        }
    }

    /// A file git hands its external diff driver: a temporary file, or `/dev/null` for no file.
    pub(in crate::cli) fn from_git(file: &'a OsStr) -> Origin<'a> {
        if file == "/dev/null" { Origin::Nothing } else { Origin::File(Path::new(file)) }
    }
}

/// Reads and checks one side. A file that is not a JSON object cannot be compared: the error
/// says where and why, with the side's name first.
pub(in crate::cli) fn load(origin: &Origin<'_>, stdin_name: &str) -> Result<Side, String> {
    let (shown, source) = match origin {
        Origin::Nothing => {
            return Ok(Side {
                shown: "/dev/null".to_owned(),
                manifest: Manifest::new(),
                errors: Vec::new(),
                source: Vec::new(),
            });
        }
        Origin::Stdin => (stdin_name.to_owned(), storage::read_stdin().map_err(|error| error.to_string())),
        Origin::File(path) => (path.display().to_string(), storage::read_file(path).map_err(|error| error.to_string())),
        Origin::Git(object) => ((*object).to_owned(), git_show(object, GIT_TIME_LIMIT)),
    };
    let shown_safe = crate::escape::line(&shown).into_owned();
    let source = source.map_err(|reason| format!("{shown_safe}: {reason}"))?;
    let parsed = read(&source).map_err(|diagnostic| {
        let mut diagnostic = vec![diagnostic];
        locate(&source, &mut diagnostic);
        format!("{}; it cannot be compared", crate::cli::report::text_line(&shown, &diagnostic[0]))
    })?;
    // Only errors are shown, so only they are placed: a valid file costs no search for positions.
    let mut errors: Vec<Diagnostic> = validate(&parsed.manifest).into_iter().filter(Diagnostic::is_error).collect();
    locate(&source, &mut errors);
    Ok(Side { shown, manifest: parsed.manifest, errors, source })
}

/// The bytes of `REV:PATH` as git has them, read through the bounded reader; git is stopped
/// after `limit`. The error says what git said and what to check.
pub(in crate::cli) fn git_show(object: &str, limit: Duration) -> Result<Vec<u8>, String> {
    let mut command = Command::new("git");
    command.arg("show").arg(object).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let output = run_limited(command, limit).map_err(|reason| format!("cannot run git show: {reason}"))?;
    match output {
        (true, stdout, _) => Ok(stdout),
        (false, _, stderr) => {
            let said = String::from_utf8_lossy(&stderr);
            let said = said.lines().next().unwrap_or("no message").trim();
            Err(format!(
                "git could not show it ({}); give REV:PATH with a revision git knows and a path from the repository's top (or ./PATH from here)",
                crate::escape::line(said)
            ))
        }
    }
}

/// Runs `command` with piped output, reading both streams through the bounded reader; stops it
/// after `limit`. Gives whether it succeeded, its standard output and its standard error.
pub(in crate::cli) fn run_limited(mut command: Command, limit: Duration) -> Result<(bool, Vec<u8>, Vec<u8>), String> {
    let mut child = command.spawn().map_err(|error| error.to_string())?;
    let (Some(stdout), Some(stderr)) = (child.stdout.take(), child.stderr.take()) else {
        let _ = child.kill();
        return Err("its output could not be read".to_owned());
    };
    let (sender, receiver) = mpsc::channel();
    let stderr_thread =
        std::thread::spawn(move || storage::read_stream(stderr, "the error output", FileKind::Manifest));
    std::thread::spawn(move || {
        let _ = sender.send(storage::read_stream(stdout, "the output", FileKind::Manifest));
    });
    let stdout = match receiver.recv_timeout(limit) {
        Ok(result) => result.map_err(|error: ReadError| error.to_string())?,
        Err(_) => {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("it took longer than {} seconds and was stopped", limit.as_secs_f32()));
        }
    };
    let status = child.wait().map_err(|error| error.to_string())?;
    let stderr = stderr_thread.join().ok().and_then(Result::ok).unwrap_or_default();
    Ok((status.success(), stdout, stderr))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_name_their_origin() {
        assert_eq!(Origin::of(OsStr::new("-")), Origin::Stdin);
        assert_eq!(Origin::of(OsStr::new("HEAD~1:mycrm.json")), Origin::Git("HEAD~1:mycrm.json"));
        assert_eq!(Origin::of(OsStr::new("missing.json")), Origin::File(Path::new("missing.json")));
        assert_eq!(Origin::of(OsStr::new(":x")), Origin::File(Path::new(":x")));
        let folder = tempfile::tempdir().expect("temp dir");
        let odd = folder.path().join("a:b.json");
        std::fs::write(&odd, "{}").expect("write");
        assert_eq!(Origin::of(odd.as_os_str()), Origin::File(&odd), "an existing file wins over git");
    }

    #[cfg(unix)]
    #[test]
    fn a_command_that_takes_too_long_is_stopped() {
        let mut command = Command::new("sleep");
        command.arg("30").stdout(Stdio::piped()).stderr(Stdio::piped());
        let started = std::time::Instant::now();
        let error = run_limited(command, Duration::from_millis(200)).expect_err("stopped");
        assert!(error.contains("longer than 0.2 seconds"), "{error}");
        assert!(started.elapsed() < Duration::from_secs(10));
    }
}
