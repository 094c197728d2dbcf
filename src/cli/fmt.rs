//! `integration-wizard fmt`: rewrite manifests in the layout of SPEC §2.2, or show what would
//! change as a unified diff (`--check`, `--diff`).

use super::exit;
use super::files::{self, Inputs, Loaded, Seen, Target};
use super::report::text_line;
use crate::escape;
use crate::manifest::{check::locate, read, to_json};
use crate::output;
use crate::storage::save_atomic;
use anstyle::{AnsiColor, Style};
use std::path::PathBuf;

/// What `fmt` does with a file that is not formatted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// Rewrite it.
    Write,
    /// Print the diff and fail (exit 1).
    Check,
    /// Print the diff, write nothing, succeed.
    Diff,
}

impl Mode {
    /// The mode the flags ask for (clap keeps them exclusive).
    pub(super) fn new(check: bool, diff: bool) -> Self {
        match (check, diff) {
            (true, _) => Mode::Check,
            (false, true) => Mode::Diff,
            (false, false) => Mode::Write,
        }
    }
}

/// Formats (or checks) every file under `paths` and returns the exit code. Standard input (`-`)
/// is formatted to standard output.
pub(super) fn run(paths: &[PathBuf], mode: Mode, inputs: &Inputs) -> u8 {
    let targets = match files::expand(paths, inputs) {
        Ok(targets) => targets,
        Err(message) => {
            output::message(format!("{}; see `integration-wizard fmt --help`", escape::line(&message)));
            return exit::USAGE;
        }
    };
    let mut code = exit::SUCCESS;
    let mut skipped = 0;
    let mut manifests = 0;
    let mut seen = Seen::default();
    for target in targets {
        let raw = target.shown(inputs);
        let shown = escape::line(&raw);
        let loaded = target.load();
        // The same real file through a second path or link is formatted once.
        if !seen.first(loaded.identity().cloned()) {
            continue;
        }
        let source = match loaded {
            Loaded::Manifest(source, _) => {
                manifests += 1;
                source
            }
            Loaded::NotManifest(_) => {
                skipped += 1;
                continue;
            }
            Loaded::Refused(reason) => {
                output::message(format!("{shown}: {}", escape::line(&reason)));
                code = exit::USAGE;
                continue;
            }
        };
        let parsed = match read(&source) {
            Ok(parsed) => parsed,
            Err(diagnostic) => {
                let mut diagnostics = [diagnostic];
                locate(&source, &mut diagnostics);
                output::message(text_line(&raw, &diagnostics[0]));
                output::message(format!("{shown}: not formatted: fix the JSON first"));
                code = code.max(exit::INVALID);
                continue;
            }
        };
        let formatted = to_json(&parsed.manifest);
        let unchanged = formatted.as_bytes() == source.as_slice();
        let (Target::Named(path) | Target::Found(path)) = &target else {
            // Standard input: the formatted manifest goes to standard output (editors replace
            // their buffer with it); with --check or --diff only what would change.
            match mode {
                Mode::Write => {
                    output::json_document(formatted);
                    for note in &parsed.notes {
                        output::message(format!(
                            "{shown}: {}: {}",
                            escape::line(&note.pointer),
                            escape::line(&note.message)
                        ));
                    }
                }
                _ if unchanged => {}
                Mode::Check | Mode::Diff => {
                    if mode == Mode::Check {
                        output::message(format!("{shown}: not formatted; run `integration-wizard fmt -`"));
                        code = code.max(exit::INVALID);
                    }
                    output::coloured(diff(&raw, &String::from_utf8_lossy(&source), &formatted));
                }
            }
            continue;
        };
        if unchanged {
            continue;
        }
        if mode != Mode::Write {
            if mode == Mode::Check {
                // Text before the diff's `---` line is ignored by `patch` and `git apply`.
                output::line(format!("{shown}: not formatted; run `integration-wizard fmt {shown}`"));
                code = code.max(exit::INVALID);
            }
            output::coloured(diff(&raw, &String::from_utf8_lossy(&source), &formatted));
            continue;
        }
        match save_atomic(path, formatted.as_bytes(), false) {
            Ok(()) => {
                output::line(format!("formatted {shown}"));
                for note in &parsed.notes {
                    output::line(format!("  {}: {}", escape::line(&note.pointer), escape::line(&note.message)));
                }
            }
            Err(error) => {
                output::message(format!("{shown}: {}", escape::line(&error.to_string())));
                code = exit::USAGE;
            }
        }
    }
    if let Some(line) = files::skipped_line(skipped) {
        output::line(line);
    }
    // A check that checked nothing must not pass unnoticed in CI.
    if mode == Mode::Check && manifests == 0 && code == exit::SUCCESS && !inputs.allow_empty {
        output::message(files::nothing_found(paths, inputs, skipped));
        return exit::USAGE;
    }
    code
}

const REMOVED: Style = AnsiColor::Red.on_default();
const ADDED: Style = AnsiColor::Green.on_default();
const HUNK: Style = AnsiColor::Cyan.on_default();

/// The unified diff from `before` to `after`, with colour codes (anstream drops them where
/// colour is off). Lines from the file are escaped like every other output; tabs stay tabs.
fn diff(path: &str, before: &str, after: &str) -> String {
    let path = escape::line(path);
    let text = similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(&format!("{path}"), &format!("{path} (formatted)"))
        .to_string();
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.lines() {
        let line: Vec<_> = line.split('\t').map(escape::line).collect();
        let line = line.join("\t");
        let style = if line.starts_with("@@") {
            HUNK
        } else if line.starts_with('-') {
            REMOVED
        } else if line.starts_with('+') {
            ADDED
        } else {
            Style::new()
        };
        out.push_str(&format!("{style}{line}{style:#}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::diff;

    #[test]
    fn the_diff_is_unified_and_escapes_what_the_file_holds() {
        let before = "{\n\"integration\": {\"name\": \"x\u{1b}]0;t\u{7}\"}\n}\n";
        let after = "{\n  \"integration\": {\n    \"name\": \"x\\u001b]0;t\\u0007\"\n  }\n}\n";
        let out = anstream::adapter::strip_str(&diff("m.json", before, after)).to_string();
        assert!(out.starts_with("--- m.json\n+++ m.json (formatted)\n@@ "), "{out}");
        assert!(out.contains("\n-\"integration\": {\"name\": \"x\\u{1b}]0;t\\u{7}\"}\n"), "{out}");
        assert!(out.contains("\n+  \"integration\": {\n"), "{out}");
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    }
}
