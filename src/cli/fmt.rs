//! `integration-wizard fmt`: rewrite manifests in the layout of SPEC §2.2, or show what would
//! change as a unified diff (`--check`, `--diff`).

use super::exit;
use super::files::{self, Inputs, Loaded, Seen, Target};
use super::report::text_line;
use crate::manifest::Diagnostic;
use crate::manifest::{check::locate, read, to_json};
use crate::storage::SaveBatch;
use crate::text::escaped;
use anstyle::{AnsiColor, Style};
use std::io::Write;
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
            eprintln!("{}; see `integration-wizard fmt --help`", escaped(&message));
            return exit::USAGE;
        }
    };
    let mut code = exit::SUCCESS;
    let mut skipped = 0;
    let mut manifests = 0;
    let mut seen = Seen::default();
    let mut stdout = anstream::stdout().lock();
    let mut saves = Saves::default();
    for target in targets {
        let raw = target.shown(inputs);
        let shown = escaped(&raw);
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
                eprintln!("{shown}: {}", escaped(&reason));
                code = exit::USAGE;
                continue;
            }
        };
        let parsed = match read(&source) {
            Ok(parsed) => parsed,
            Err(diagnostic) => {
                let mut diagnostics = [diagnostic];
                locate(&source, &mut diagnostics);
                eprintln!("{}", text_line(&raw, &diagnostics[0]));
                eprintln!("{shown}: not formatted: fix the JSON first");
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
                    let _ = stdout.write_all(formatted.as_bytes());
                    for note in &parsed.notes {
                        eprintln!("{shown}: {}: {}", escaped(&note.pointer), escaped(&note.message));
                    }
                }
                _ if unchanged => {}
                Mode::Check | Mode::Diff => {
                    if mode == Mode::Check {
                        eprintln!("{shown}: not formatted; run `integration-wizard fmt -`");
                        code = code.max(exit::INVALID);
                    }
                    let _ = write_diff(&mut stdout, &raw, &String::from_utf8_lossy(&source), &formatted);
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
                let _ = writeln!(stdout, "{shown}: not formatted; run `integration-wizard fmt {shown}`");
                code = code.max(exit::INVALID);
            }
            let _ = write_diff(&mut stdout, &raw, &String::from_utf8_lossy(&source), &formatted);
            continue;
        }
        saves.add(path, formatted.as_bytes(), shown.into_owned(), parsed.notes);
        if saves.full() {
            code = code.max(saves.commit(&mut stdout));
        }
    }
    code = code.max(saves.commit(&mut stdout));
    if let Some(line) = files::skipped_line(skipped) {
        let _ = writeln!(stdout, "{line}");
    }
    // A check that checked nothing must not pass unnoticed in CI.
    if mode == Mode::Check && manifests == 0 && code == exit::SUCCESS && !inputs.allow_empty {
        eprintln!("{}", files::nothing_found(paths, inputs, skipped));
        return exit::USAGE;
    }
    code
}

/// Formatted files waiting to be saved together ([`SaveBatch`]), with what to print for each.
#[derive(Default)]
struct Saves {
    batch: SaveBatch,
    /// Each file's name as shown and the notes to print under it, in the batch's order.
    shown: Vec<(String, Vec<Diagnostic>)>,
}

impl Saves {
    /// At most this many files, or this many bytes, wait for one flush: enough for the disk to
    /// commit many together, few enough to bound open files and memory.
    const MOST_FILES: usize = 256;
    const MOST_BYTES: usize = 64 << 20;

    fn add(&mut self, path: &std::path::Path, formatted: &[u8], shown: String, notes: Vec<Diagnostic>) {
        self.batch.add(path, formatted);
        self.shown.push((shown, notes));
    }

    fn full(&self) -> bool {
        self.batch.len() >= Self::MOST_FILES || self.batch.bytes() >= Self::MOST_BYTES
    }

    /// Saves the files waiting and prints, in order, what became of each; returns the exit code.
    fn commit(&mut self, stdout: &mut impl Write) -> u8 {
        let mut code = exit::SUCCESS;
        for (outcome, (shown, notes)) in self.batch.commit().into_iter().zip(self.shown.drain(..)) {
            match outcome {
                Ok(()) => {
                    let _ = writeln!(stdout, "formatted {shown}");
                    for note in &notes {
                        let _ = writeln!(stdout, "  {}: {}", escaped(&note.pointer), escaped(&note.message));
                    }
                }
                Err(error) => {
                    eprintln!("{shown}: {}", escaped(&error.to_string()));
                    code = exit::USAGE;
                }
            }
        }
        code
    }
}

const REMOVED: Style = AnsiColor::Red.on_default();
const ADDED: Style = AnsiColor::Green.on_default();
const HUNK: Style = AnsiColor::Cyan.on_default();

/// Writes the unified diff from `before` to `after` to `out` as it goes, line by line, with colour
/// codes (anstream drops them where colour is off): never the whole diff in memory. Lines from the
/// file are escaped like every other output; tabs stay tabs.
fn write_diff(out: impl Write, path: &str, before: &str, after: &str) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    let path = escaped(path);
    let diff = similar::TextDiff::from_lines(before, after);
    let mut unified = diff.unified_diff();
    unified.context_radius(3);
    for (index, hunk) in unified.iter_hunks().enumerate() {
        if index == 0 {
            write_line(&mut out, REMOVED, "--- ", &path)?;
            write_line(&mut out, ADDED, "+++ ", &format!("{path} (formatted)"))?;
        }
        write_line(&mut out, HUNK, "", &hunk.header().to_string())?;
        for change in hunk.iter_changes() {
            let (style, sign) = match change.tag() {
                similar::ChangeTag::Delete => (REMOVED, "-"),
                similar::ChangeTag::Insert => (ADDED, "+"),
                similar::ChangeTag::Equal => (Style::new(), " "),
            };
            let value = change.value();
            // The line without its line end (`\n` or `\r\n`), as `str::lines` gives it.
            let line = value.strip_suffix('\n').map_or(value, |line| line.strip_suffix('\r').unwrap_or(line));
            write_line(&mut out, style, sign, line)?;
            if change.missing_newline() {
                write_line(&mut out, Style::new(), "", "\\ No newline at end of file")?;
            }
        }
    }
    out.flush()
}

/// One line of the diff: `sign` then `text` escaped (tabs kept), in `style`.
fn write_line(out: &mut impl Write, style: Style, sign: &str, text: &str) -> std::io::Result<()> {
    write!(out, "{style}{sign}")?;
    for (index, part) in text.split('\t').enumerate() {
        if index > 0 {
            out.write_all(b"\t")?;
        }
        out.write_all(escaped(part).as_bytes())?;
    }
    writeln!(out, "{style:#}")
}

#[cfg(test)]
mod tests {
    use super::write_diff;

    /// The diff as `write_diff` writes it, colour codes removed.
    fn diff(path: &str, before: &str, after: &str) -> String {
        let mut out = Vec::new();
        write_diff(&mut out, path, before, after).expect("written to memory");
        anstream::adapter::strip_str(&String::from_utf8(out).expect("utf-8")).to_string()
    }

    #[test]
    fn the_diff_is_unified_and_escapes_what_the_file_holds() {
        let before = "{\n\"integration\": {\"name\": \"x\u{1b}]0;t\u{7}\"}\n}\n";
        let after = "{\n  \"integration\": {\n    \"name\": \"x\\u001b]0;t\\u0007\"\n  }\n}\n";
        let out = diff("m.json", before, after);
        assert!(out.starts_with("--- m.json\n+++ m.json (formatted)\n@@ "), "{out}");
        assert!(out.contains("\n-\"integration\": {\"name\": \"x\\u{1b}]0;t\\u{7}\"}\n"), "{out}");
        assert!(out.contains("\n+  \"integration\": {\n"), "{out}");
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    }

    #[test]
    fn windows_line_ends_a_missing_last_line_end_and_tabs_read_as_before() {
        let before = "{\r\n\"a\":\t1}";
        let after = "{\n  \"a\": 1\n}\n";
        let out = diff("m.json", before, after);
        let expected = "--- m.json\n+++ m.json (formatted)\n@@ -1,2 +1,3 @@\n-{\n-\"a\":\t1}\n\\ No newline at end of file\n+{\n+  \"a\": 1\n+}\n";
        assert_eq!(out, expected);
    }

    #[test]
    fn only_the_changed_lines_and_three_around_them_are_shown() {
        let before: String = (0..20).map(|n| format!("{n}\n")).collect();
        let after = before.replace("10\n", "ten\n");
        let out = diff("m.json", &before, &after);
        assert!(out.contains("@@ -8,7 +8,7 @@\n 7\n 8\n 9\n-10\n+ten\n 11\n 12\n 13\n"), "{out}");
        assert_eq!(out.lines().count(), 3 + 8, "{out}");
        assert!(diff("m.json", &before, &before).is_empty());
    }
}
