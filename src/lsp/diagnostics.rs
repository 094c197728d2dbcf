//! The rules' findings as the editor shows them, computed on a worker thread where the newest text wins.
//!
//! Checking a large manifest takes longer than a keystroke; the main loop hands the new snapshot
//! over and goes on answering the editor. The worker first maps the snapshot (the tree and lines
//! that requests read), then runs the rules. It takes the newest version of each document waiting
//! for it, skipping older ones; a newer text arriving after the map skips the rules of the stale
//! one, and a result computed meanwhile is dropped.
//! It also keeps the workspace's integration names (`workspace`): when a document's name changes,
//! the other open documents are checked again, since a name they shared may now be free or taken.

use super::lines::Lines;
use super::snapshot::Snapshot;
use super::workspace::Workspace;
use crate::manifest::check::{Checked, locate};
use crate::manifest::{Severity, check};
use crossbeam_channel::{Receiver, Sender};
use lsp_server::{Message, Notification};
use lsp_types::notification::{Notification as _, PublishDiagnostics};
use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticSeverity, NumberOrString, PublishDiagnosticsParams, Range, Uri,
};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Where each rule is explained; a code is an anchor of that page.
pub(crate) const RULES_PAGE: &str = "https://github.com/integration-wizard/integration-wizard/blob/main/docs/rules.md";

/// The name every diagnostic gives as its source.
pub(crate) const SOURCE: &str = "integration-wizard";

/// A version of a document to check, or `None` to clear the document's findings (it was closed).
#[derive(Debug)]
pub(crate) struct Job {
    /// The document.
    pub uri: Uri,
    /// Its text and version (echoed in the published findings).
    pub snapshot: Option<Arc<Snapshot>>,
}

/// The findings last published, by document URI, for hover to explain.
pub(crate) type Published = Arc<Mutex<HashMap<String, Vec<Diagnostic>>>>;

/// Starts the worker; it publishes through `outgoing` (and into `published`) and ends when the
/// returned sender is dropped.
pub(crate) fn spawn(outgoing: Sender<Message>, published: Published, workspace: Workspace) -> Sender<Job> {
    let (jobs, incoming) = crossbeam_channel::unbounded::<Job>();
    std::thread::Builder::new()
        .name("diagnostics".into())
        .spawn(move || work(&incoming, &outgoing, &published, workspace))
        .map_or_else(|_| crossbeam_channel::unbounded().0, |_| jobs)
}

fn work(
    incoming: &Receiver<Job>,
    outgoing: &Sender<Message>,
    published: &Mutex<HashMap<String, Vec<Diagnostic>>>,
    mut workspace: Workspace,
) {
    // By the URI's text: `Uri` caches its parts inside, so it is no hash key.
    let mut waiting: HashMap<String, Job> = HashMap::new();
    // The open documents' newest texts, to check them again when a name they share changes.
    let mut open: HashMap<String, (Uri, Arc<Snapshot>)> = HashMap::new();
    loop {
        if waiting.is_empty() {
            let Ok(job) = incoming.recv() else { return };
            waiting.insert(job.uri.as_str().to_owned(), job);
        }
        newest(incoming, &mut waiting);
        let Some(key) = waiting.keys().next().cloned() else { continue };
        let Some(job) = waiting.remove(&key) else { continue };
        let path = file_path(&job.uri);
        let (diagnostics, renamed) = match &job.snapshot {
            Some(snapshot) => {
                open.insert(key.clone(), (job.uri.clone(), Arc::clone(snapshot)));
                // The map first: the requests on this version wait for it, not for the rules.
                snapshot.map_now();
                newest(incoming, &mut waiting);
                if waiting.contains_key(&key) {
                    // A newer text came in meanwhile: the rules run on that one.
                    continue;
                }
                let mut renamed = false;
                let diagnostics = diagnose_with(snapshot, |checked| {
                    let Some(path) = &path else { return Vec::new() };
                    let (found, changed) = unique_name(&mut workspace, path, &snapshot.text, checked);
                    renamed = changed;
                    found
                });
                (diagnostics, renamed)
            }
            None => {
                open.remove(&key);
                (Vec::new(), path.is_some_and(|path| workspace.reread(&path)))
            }
        };
        if renamed {
            for (other, (uri, snapshot)) in &open {
                if *other != key && !waiting.contains_key(other) {
                    let job = Job { uri: uri.clone(), snapshot: Some(Arc::clone(snapshot)) };
                    waiting.insert(other.clone(), job);
                }
            }
        }
        newest(incoming, &mut waiting);
        if waiting.contains_key(&key) {
            // A newer text came in while this one was checked: its findings are the ones to show.
            continue;
        }
        if let Ok(mut published) = published.lock() {
            match job.snapshot {
                Some(_) => published.insert(key, diagnostics.clone()),
                None => published.remove(&key),
            };
        }
        let version = job.snapshot.map(|snapshot| snapshot.version);
        let params = PublishDiagnosticsParams { uri: job.uri, diagnostics, version };
        if outgoing.send(Notification::new(PublishDiagnostics::METHOD.to_owned(), params).into()).is_err() {
            return;
        }
    }
}

/// Takes every job waiting, keeping the newest of each document.
fn newest(incoming: &Receiver<Job>, waiting: &mut HashMap<String, Job>) {
    while let Ok(job) = incoming.try_recv() {
        waiting.insert(job.uri.as_str().to_owned(), job);
    }
}

/// Every finding on `text` as the editor shows it, with `extra` findings; nothing for a text that
/// is not a manifest (what the worker publishes, for the tests).
#[cfg(test)]
pub(crate) fn diagnose(text: &str, extra: &[crate::manifest::Diagnostic]) -> Vec<Diagnostic> {
    diagnose_with(&Snapshot::new(1, text.to_owned()), |_| extra.to_vec())
}

/// Every finding on `text` as the editor shows it, with those `more` finds in the checked manifest
/// (names used by other files of the workspace); nothing for a text that is not a manifest.
fn diagnose_with(
    snapshot: &Snapshot,
    more: impl FnOnce(&Checked) -> Vec<crate::manifest::Diagnostic>,
) -> Vec<Diagnostic> {
    if !snapshot.is_manifest() {
        return Vec::new();
    }
    let text = snapshot.text.as_str();
    let checked = check(text.as_bytes());
    let extra = more(&checked);
    let lines = snapshot.lines();
    checked.diagnostics.iter().chain(&extra).map(|finding| to_lsp(text, &lines, finding)).collect()
}

/// Records the document's integration name in the workspace and finds it used by an earlier
/// manifest; true as well when its name changed.
fn unique_name(
    workspace: &mut Workspace,
    path: &std::path::Path,
    text: &str,
    checked: &Checked,
) -> (Vec<crate::manifest::Diagnostic>, bool) {
    let name = checked.manifest.as_ref().and_then(|manifest| {
        let name = manifest.integration()?.name.non_blank()?.to_owned();
        Some((name, format!("{}/name", manifest.integration_pointer())))
    });
    let changed = workspace.set_name(path, name.as_ref().map(|(name, _)| name.clone()));
    let Some((name, pointer)) = name else { return (Vec::new(), changed) };
    let mut found: Vec<_> = workspace.duplicate(path, &name, &pointer).into_iter().collect();
    locate(text.as_bytes(), &mut found);
    (found, changed)
}

/// The file a `file:` URI names.
pub(crate) fn file_path(uri: &Uri) -> Option<std::path::PathBuf> {
    url::Url::parse(uri.as_str()).ok()?.to_file_path().ok()
}

/// One finding, its range the token `validate` points at (a key, a value, a bracket).
pub(crate) fn to_lsp(text: &str, lines: &Lines, finding: &crate::manifest::Diagnostic) -> Diagnostic {
    let range = finding.position.map_or_else(Range::default, |position| {
        // A byte order mark is skipped by the rules' columns and kept in the editor's text.
        let column = position.column + usize::from(position.line == 1 && text.starts_with('\u{feff}'));
        let start = lines.offset_of_column(position.line, column);
        Range::new(lines.position(start), lines.position(token_end(text, start)))
    });
    let href = format!("{RULES_PAGE}#{}", finding.code).parse().ok();
    Diagnostic {
        range,
        severity: Some(match finding.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(finding.code.to_owned())),
        code_description: href.map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_owned()),
        message: finding.message.clone(),
        related_information: None,
        tags: None,
        data: Some(serde_json::Value::String(finding.pointer.clone())),
    }
}

/// The end of the JSON token starting at `start`: a whole string, one bracket, or a word.
fn token_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    match bytes.get(start) {
        None => start,
        Some(b'"') => {
            let mut at = start + 1;
            while let Some(&byte) = bytes.get(at) {
                match byte {
                    b'"' => return at + 1,
                    b'\\' => at += 2,
                    b'\n' => return at,
                    _ => at += 1,
                }
            }
            bytes.len()
        }
        Some(b'{' | b'[' | b'}' | b']' | b',' | b':') => start + 1,
        Some(_) => {
            let word = bytes[start..].iter().position(|b| b" \t\r\n,:{}[]\"".contains(b));
            // A word at least one character long, even at a stray byte.
            word.map_or(bytes.len(), |length| start + length.max(1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::Position;

    #[test]
    fn a_blank_display_name_is_an_error_on_its_value() {
        let text = "{\"integration\": {\"name\": \"mycrm\",\n \"display_name\": \" \"}}";
        let found = diagnose(text, &[]);
        let blank = found.iter().find(|d| d.code == Some(NumberOrString::String("blank-value".into())));
        let blank = blank.expect("the blank display_name is reported");
        assert_eq!(blank.severity, Some(DiagnosticSeverity::ERROR));
        assert_eq!(blank.range, Range::new(Position::new(1, 1), Position::new(1, 15)));
        assert_eq!(blank.data, Some(serde_json::json!("/integration/display_name")));
        let href = blank.code_description.as_ref().map(|c| c.href.as_str().to_owned());
        assert_eq!(href, Some(format!("{RULES_PAGE}#blank-value")));
    }

    #[test]
    fn other_json_files_get_nothing() {
        assert!(diagnose("{\"compilerOptions\": {\"strict\": true}}", &[]).is_empty());
        assert!(diagnose("{\"name\": \"app\", \"version\": \"1.0.0\"}", &[]).is_empty());
    }

    #[test]
    fn a_syntax_error_is_placed_in_utf16_units() {
        // The error (a missing comma) comes after "😀é": 3 characters, 4 UTF-16 units, 6 bytes.
        let text = "{\"integration\": {\"name\": \"😀é\" \"x\": 1}}";
        let found = diagnose(text, &[]);
        let syntax = found.iter().find(|d| d.code == Some(NumberOrString::String("json-syntax".into())));
        let syntax = syntax.expect("the syntax error is reported");
        let at = Lines::new(text).position(text.find("\"x\"").expect("x is written"));
        assert_eq!(syntax.range.start, at);
    }
}
