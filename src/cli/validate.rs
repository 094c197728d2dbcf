//! `integration-wizard validate`: check files and folders on every core, names unique across the run.

use super::files::{self, Identity, Inputs, Loaded, Seen, Target};
use super::report::{self, FileReport, Settings};
use super::{Format, exit};
use crate::manifest::check::{check_stream, locate};
use crate::manifest::rules::codes::Rule;
use crate::manifest::{Diagnostic, Manifest, check};
use crate::output;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;

/// One target after reading and checking, before names are compared across the run.
enum Outcome {
    /// A JSON file found by a walk that is not a manifest.
    Skipped,
    Checked {
        report: FileReport,
        /// The integration's name and the pointer to it, when it has one.
        name: Option<(String, String)>,
        /// Standard input's bytes, kept because they cannot be read again; `None` for a file.
        stdin: Option<Vec<u8>>,
        unreadable: bool,
    },
}

/// Validates every file under `paths`, prints the report, and returns the exit code.
pub(super) fn run(paths: &[PathBuf], settings: Settings, inputs: &Inputs) -> u8 {
    let targets = match files::expand(paths, inputs) {
        Ok(targets) => targets,
        Err(message) => {
            output::message(format!("{}; see `integration-wizard validate --help`", crate::escape::line(&message)));
            return exit::USAGE;
        }
    };
    // Files are read and checked on every core; the sequential pass below keeps the order of
    // `targets`, so the output and "the first file that used a name" do not depend on timing.
    // One file is checked on this thread: starting the pool would only add its threads' start-up,
    // and a worker's allocations would go to a fresh memory arena (more page faults).
    let outcomes: Vec<(Option<Identity>, Outcome)> = if targets.len() == 1 {
        targets.iter().map(|target| check_target(target, inputs)).collect()
    } else {
        targets.par_iter().map(|target| check_target(target, inputs)).collect()
    };
    let mut reports = Vec::new();
    let mut unreadable = false;
    let mut skipped = 0;
    let mut seen = Seen::default();
    // Integration name → the first file that used it.
    let mut names: HashMap<String, String> = HashMap::new();
    for (target, (identity, outcome)) in targets.iter().zip(outcomes) {
        // The same real file through a second path or link: the first in the order counts.
        if !seen.first(identity) {
            continue;
        }
        let (mut report, name, stdin, refused) = match outcome {
            Outcome::Checked { report, name, stdin, unreadable } => (report, name, stdin, unreadable),
            Outcome::Skipped => {
                skipped += 1;
                continue;
            }
        };
        if refused {
            unreadable = true;
            // A problem with the run, not with a manifest: said on standard error too.
            for diagnostic in &report.diagnostics {
                output::message(format!(
                    "{}: {}",
                    crate::escape::line(&report.path),
                    crate::escape::line(&diagnostic.message)
                ));
            }
        }
        if let Some((name, pointer)) = name {
            match names.get(&name) {
                Some(first) => {
                    let mut duplicate = vec![duplicate_name(&name, first, pointer)];
                    // Rare: the file is read again only to place this one finding.
                    let source = stdin.or_else(|| target.path().and_then(|path| files::read(path).ok()));
                    if let Some(source) = source {
                        locate(&source, &mut duplicate);
                    }
                    report.diagnostics.extend(duplicate);
                    // Keep the file's findings in line order (stable: ties keep the rules' order).
                    report
                        .diagnostics
                        .sort_by_key(|d| d.position.map_or((usize::MAX, usize::MAX), |p| (p.line, p.column)));
                }
                None => {
                    names.insert(name, report.path.clone());
                }
            }
        }
        reports.push(report);
    }
    if reports.is_empty() && !inputs.allow_empty {
        output::message(files::nothing_found(paths, inputs, skipped));
        return exit::USAGE;
    }
    let mut output = report::render(&reports, settings);
    if settings.format == Format::Text
        && let Some(line) = files::skipped_line(skipped)
    {
        output.push_str(&line);
        output.push('\n');
    }
    match settings.format {
        // JSON and SARIF escape what they quote in their own syntax.
        Format::Json | Format::Sarif => drop(output::document_as_is(output)),
        // The text carries the tool's own colours; GitHub's workflow commands are lines of text.
        Format::Text | Format::Github => output::coloured(output),
    }
    if unreadable {
        exit::USAGE
    } else if reports.iter().all(|report| report::passes(report, settings.deny_warnings)) {
        exit::SUCCESS
    } else {
        exit::INVALID
    }
}

/// The finding of a manifest whose integration name the earlier file `first` already uses (the
/// language server tells it the same way).
pub(crate) fn duplicate_name(name: &str, first: &str, pointer: String) -> Diagnostic {
    let message =
        format!("the name \"{name}\" is already used by {first}; Talkdesk needs every integration name to be unique");
    Diagnostic::of(Rule::DuplicateIntegrationName, pointer, message)
}

/// Reads and checks one target; everything here may run on any thread.
fn check_target(target: &Target, inputs: &Inputs) -> (Option<Identity>, Outcome) {
    let path = target.shown(inputs);
    if let Target::Named(file) = target
        && let Some(opened) = target.open_large()
    {
        // Parsed as it is read: the text is read whole again only for the findings' positions.
        let checked = opened.and_then(|(reader, identity)| {
            let reader = std::io::BufReader::with_capacity(1 << 16, reader);
            let checked = check_stream(reader, || files::read(file), |manifest, _| integration_name(&manifest))?;
            Ok((checked, identity))
        });
        return match checked {
            Ok((checked, identity)) => {
                let report = FileReport { path, diagnostics: checked.diagnostics };
                (identity, Outcome::Checked { report, name: checked.kept.flatten(), stdin: None, unreadable: false })
            }
            Err(reason) => (None, refused(path, reason)),
        };
    }
    let (source, identity) = match target.load() {
        Loaded::Manifest(source, identity) => (source, identity),
        Loaded::NotManifest(identity) => return (identity, Outcome::Skipped),
        Loaded::Refused(reason) => return (None, refused(path, reason)),
    };
    let checked = check(&source);
    let name = checked.manifest.as_ref().and_then(integration_name);
    let stdin = matches!(target, Target::Stdin).then_some(source);
    let report = FileReport { path, diagnostics: checked.diagnostics };
    (identity, Outcome::Checked { report, name, stdin, unreadable: false })
}

/// The outcome of a target that could not be read, saying why.
fn refused(path: String, reason: String) -> Outcome {
    let diagnostics = vec![Diagnostic::of(Rule::Unreadable, "", reason)];
    Outcome::Checked { report: FileReport { path, diagnostics }, name: None, stdin: None, unreadable: true }
}

/// The integration's name and the pointer to it, when it has one: what names are compared by across the run.
fn integration_name(manifest: &Manifest) -> Option<(String, String)> {
    let name = manifest.integration()?.name.non_blank()?;
    Some((name.to_owned(), format!("{}/name", manifest.integration_pointer())))
}
