//! `integration-wizard fmt`: rewrite manifests in the layout of SPEC §2.2, or only report with `--check`.

use super::exit;
use super::files::{self, Target};
use super::report::text_line;
use crate::manifest::{check::locate, read, to_json};
use crate::storage::save_atomic;
use std::path::PathBuf;

/// Formats (or checks) every file under `paths` and returns the exit code.
pub fn run(paths: &[PathBuf], check_only: bool) -> u8 {
    let mut code = exit::SUCCESS;
    for target in files::expand(paths) {
        let path = match target {
            Target::File(path) => path,
            Target::Unreadable(path, reason) => {
                eprintln!("{}: {reason}", path.display());
                code = exit::USAGE;
                continue;
            }
        };
        let shown = path.display().to_string();
        let source = match files::read(&path) {
            Ok(source) => source,
            Err(reason) => {
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
        if formatted.as_bytes() == source.as_slice() {
            continue;
        }
        if check_only {
            println!("{shown}: not formatted; run `integration-wizard fmt {shown}`");
            code = code.max(exit::INVALID);
            continue;
        }
        match save_atomic(&path, formatted.as_bytes(), false) {
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
    code
}
