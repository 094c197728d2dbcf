//! `integration-wizard fmt`: rewrite manifests in the layout of SPEC §2.2, or only report with `--check`.

use super::exit;
use super::files::{self, Inputs, Loaded, Seen, Target};
use super::report::text_line;
use crate::manifest::{check::locate, read, to_json};
use crate::storage::save_atomic;
use std::io::Write;
use std::path::PathBuf;

/// Formats (or checks) every file under `paths` and returns the exit code. Standard input (`-`)
/// is formatted to standard output.
pub fn run(paths: &[PathBuf], check_only: bool, inputs: &Inputs) -> u8 {
    let targets = match files::expand(paths, inputs) {
        Ok(targets) => targets,
        Err(message) => {
            eprintln!("{message}; see `integration-wizard fmt --help`");
            return exit::USAGE;
        }
    };
    let mut code = exit::SUCCESS;
    let mut skipped = 0;
    let mut seen = Seen::default();
    for target in targets {
        let shown = target.shown(inputs);
        let loaded = target.load();
        // The same real file through a second path or link is formatted once.
        if !seen.first(loaded.identity().cloned()) {
            continue;
        }
        let source = match loaded {
            Loaded::Manifest(source, _) => source,
            Loaded::NotManifest(_) => {
                skipped += 1;
                continue;
            }
            Loaded::Refused(reason) => {
                eprintln!("{shown}: {reason}");
                code = exit::USAGE;
                continue;
            }
        };
        let parsed = match read(&source) {
            Ok(parsed) => parsed,
            Err(diagnostic) => {
                let mut diagnostics = [diagnostic];
                locate(&source, &mut diagnostics);
                eprintln!("{}", text_line(&shown, &diagnostics[0]));
                eprintln!("{shown}: not formatted: fix the JSON first");
                code = code.max(exit::INVALID);
                continue;
            }
        };
        let formatted = to_json(&parsed.manifest);
        let unchanged = formatted.as_bytes() == source.as_slice();
        let (Target::Named(path) | Target::Found(path)) = &target else {
            // Standard input: the formatted manifest goes to standard output (editors replace
            // their buffer with it), or only the verdict with --check.
            if check_only && !unchanged {
                eprintln!("{shown}: not formatted; run `integration-wizard fmt -`");
                code = code.max(exit::INVALID);
            } else if !check_only {
                // A closed pipe is not an error worth a panic.
                let _ = std::io::stdout().lock().write_all(formatted.as_bytes());
                for note in &parsed.notes {
                    eprintln!("{shown}: {}: {}", note.pointer, note.message);
                }
            }
            continue;
        };
        if unchanged {
            continue;
        }
        if check_only {
            println!("{shown}: not formatted; run `integration-wizard fmt {shown}`");
            code = code.max(exit::INVALID);
            continue;
        }
        match save_atomic(path, formatted.as_bytes(), false) {
            Ok(()) => {
                println!("formatted {shown}");
                for note in &parsed.notes {
                    println!("  {}: {}", note.pointer, note.message);
                }
            }
            Err(error) => {
                eprintln!("{shown}: {error}");
                code = exit::USAGE;
            }
        }
    }
    if let Some(line) = files::skipped_line(skipped) {
        println!("{line}");
    }
    code
}
