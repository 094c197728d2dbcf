//! The rules' findings as the editor shows them, checked on a thread per document where the newest
//! text wins.
//!
//! Checking a large manifest takes longer than a keystroke, and a small manifest must not wait for
//! a large one: the coordinator (`work`) hands each document's newest version to a thread of its
//! own, at most one per document. That thread maps the snapshot (the tree and lines that requests
//! read), then runs the rules. A newer version of the same document stops the running check
//! part-way (the rules look at a flag between actions) and waits for its end; what a stale check
//! found is never published.
//! The coordinator also keeps the workspace's integration names (`workspace`): when a document's
//! name changes, the other open documents are checked again, since a name they shared may now be
//! free or taken.

use super::lines::Lines;
use super::snapshot::Snapshot;
use super::workspace::Workspace;
use crate::manifest::Severity;
use crate::manifest::check::{Checked, check_until, locate};
use crossbeam_channel::{Receiver, Sender, select};
use lsp_server::{Message, Notification};
use lsp_types::notification::{Notification as _, PublishDiagnostics};
use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticSeverity, NumberOrString, PublishDiagnosticsParams, Range, Uri,
};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
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

/// Starts the coordinator; it publishes through `outgoing` (and into `published`) and ends when
/// the returned sender is dropped.
pub(crate) fn spawn(outgoing: Sender<Message>, published: Published, workspace: Workspace) -> Sender<Job> {
    let (jobs, incoming) = crossbeam_channel::unbounded::<Job>();
    std::thread::Builder::new()
        .name("diagnostics".into())
        .spawn(move || Coordinator::new(outgoing, published, workspace).work(&incoming))
        .map_or_else(|_| crossbeam_channel::unbounded().0, |_| jobs)
}

/// What one document's check thread sends back.
struct Done {
    /// The document, by its URI's text.
    key: String,
    /// The version checked.
    snapshot: Arc<Snapshot>,
    /// The rules' result and its findings as the editor shows them; `None` when it was stopped.
    found: Option<(Checked, Vec<Diagnostic>)>,
}

/// The coordinator's state: the documents waiting, being checked and open.
struct Coordinator {
    outgoing: Sender<Message>,
    published: Published,
    workspace: Workspace,
    /// The newest version of each document not handed to a thread yet, by the URI's text (`Uri`
    /// caches its parts inside, so it is no hash key).
    waiting: HashMap<String, Job>,
    /// The stop flag of each document's running check.
    running: HashMap<String, Arc<AtomicBool>>,
    /// The open documents' newest texts, to check them again when a name they share changes.
    open: HashMap<String, (Uri, Arc<Snapshot>)>,
    done: (Sender<Done>, Receiver<Done>),
}

impl Coordinator {
    fn new(outgoing: Sender<Message>, published: Published, workspace: Workspace) -> Coordinator {
        Coordinator {
            outgoing,
            published,
            workspace,
            waiting: HashMap::new(),
            running: HashMap::new(),
            open: HashMap::new(),
            done: crossbeam_channel::unbounded(),
        }
    }

    /// Takes jobs and finished checks until the server drops the jobs' sender or the editor is gone.
    fn work(mut self, incoming: &Receiver<Job>) {
        let finished = self.done.1.clone();
        loop {
            if !self.start_waiting() {
                return;
            }
            select! {
                recv(incoming) -> job => match job {
                    Ok(job) => self.wait(job),
                    Err(_) => return,
                },
                recv(finished) -> done => {
                    let Ok(done) = done else { return };
                    if !self.finish(done) {
                        return;
                    }
                }
            }
        }
    }

    /// Queues the newest version of a document, stopping its running check (now stale).
    fn wait(&mut self, job: Job) {
        let key = job.uri.as_str().to_owned();
        if let Some(stop) = self.running.get(&key) {
            stop.store(true, Ordering::Relaxed);
        }
        self.waiting.insert(key, job);
    }

    /// Starts the check of every waiting document with none running; closes closed ones. False
    /// when the editor is gone.
    fn start_waiting(&mut self) -> bool {
        let ready: Vec<String> = self.waiting.keys().filter(|key| !self.running.contains_key(*key)).cloned().collect();
        for key in ready {
            let Some(job) = self.waiting.remove(&key) else { continue };
            match job.snapshot {
                Some(snapshot) => {
                    self.open.insert(key.clone(), (job.uri, Arc::clone(&snapshot)));
                    let stop = Arc::new(AtomicBool::new(false));
                    self.running.insert(key.clone(), Arc::clone(&stop));
                    start(key, snapshot, stop, self.done.0.clone());
                }
                None => {
                    self.open.remove(&key);
                    let path = file_path(&job.uri);
                    if path.is_some_and(|path| self.workspace.reread(&path)) {
                        self.check_others_again(&key);
                    }
                    if !self.publish(key, job.uri, None, Vec::new()) {
                        return false;
                    }
                }
            }
        }
        true
    }

    /// A check ended: publishes its findings unless a newer version is waiting. False when the
    /// editor is gone.
    fn finish(&mut self, done: Done) -> bool {
        self.running.remove(&done.key);
        let Some((checked, mut diagnostics)) = done.found else { return true };
        if self.waiting.contains_key(&done.key) {
            // A newer text came in while this one was checked: its findings are the ones to show.
            return true;
        }
        let Some((uri, _)) = self.open.get(&done.key) else { return true };
        let uri = uri.clone();
        // Only a manifest has a name to keep unique (as `validate DIR` sees files).
        if let Some(path) = file_path(&uri)
            && done.snapshot.is_manifest()
        {
            let text = done.snapshot.text.as_str();
            let (found, renamed) = unique_name(&mut self.workspace, &path, text, &checked);
            let lines = done.snapshot.lines();
            diagnostics.extend(found.iter().map(|finding| to_lsp(text, &lines, finding)));
            if renamed {
                self.check_others_again(&done.key);
            }
        }
        self.publish(done.key, uri, Some(done.snapshot.version), diagnostics)
    }

    /// Queues the other open documents again: a name they shared may now be free or taken.
    fn check_others_again(&mut self, key: &str) {
        for (other, (uri, snapshot)) in &self.open {
            if other != key && !self.waiting.contains_key(other) {
                let job = Job { uri: uri.clone(), snapshot: Some(Arc::clone(snapshot)) };
                self.waiting.insert(other.clone(), job);
            }
        }
    }

    /// Sends the findings of `uri` at `version` (`None`: closed). False when the editor is gone.
    fn publish(&self, key: String, uri: Uri, version: Option<i32>, diagnostics: Vec<Diagnostic>) -> bool {
        if let Ok(mut published) = self.published.lock() {
            match version {
                Some(_) => published.insert(key, diagnostics.clone()),
                None => published.remove(&key),
            };
        }
        let params = PublishDiagnosticsParams { uri, diagnostics, version };
        self.outgoing.send(Notification::new(PublishDiagnostics::METHOD.to_owned(), params).into()).is_ok()
    }
}

/// Checks `snapshot` on a thread of its own (in place when no thread can be started) and sends
/// what it found to `done`.
fn start(key: String, snapshot: Arc<Snapshot>, stop: Arc<AtomicBool>, done: Sender<Done>) {
    let spawned = {
        let (key, snapshot, stop, done) = (key.clone(), Arc::clone(&snapshot), Arc::clone(&stop), done.clone());
        std::thread::Builder::new().name("check".into()).spawn(move || run(key, snapshot, &stop, &done))
    };
    if spawned.is_err() {
        run(key, snapshot, &stop, &done);
    }
}

/// Maps `snapshot`, runs the rules unless stopped, and sends the result to `done`.
fn run(key: String, snapshot: Arc<Snapshot>, stop: &AtomicBool, done: &Sender<Done>) {
    // The map first: the requests on this version wait for it, not for the rules.
    snapshot.map_now();
    let found = if stop.load(Ordering::Relaxed) { None } else { rules(&snapshot, stop) };
    let _ = done.send(Done { key, snapshot, found });
}

/// The rules' result on `snapshot` and its findings as the editor shows them (none for a text
/// that is not a manifest); `None` when `stop` was set part-way.
fn rules(snapshot: &Snapshot, stop: &AtomicBool) -> Option<(Checked, Vec<Diagnostic>)> {
    if !snapshot.is_manifest() {
        return Some((Checked { manifest: None, diagnostics: Vec::new() }, Vec::new()));
    }
    let text = snapshot.text.as_str();
    let checked = check_until(text.as_bytes(), stop)?;
    let lines = snapshot.lines();
    let diagnostics = checked.diagnostics.iter().map(|finding| to_lsp(text, &lines, finding)).collect();
    Some((checked, diagnostics))
}

/// Every finding on `text` as the editor shows it, with `extra` findings; nothing for a text that
/// is not a manifest (what the worker publishes, for the tests).
#[cfg(test)]
pub(crate) fn diagnose(text: &str, extra: &[crate::manifest::Diagnostic]) -> Vec<Diagnostic> {
    let snapshot = Snapshot::new(1, text.to_owned());
    let Some((_, mut found)) = rules(&snapshot, &AtomicBool::new(false)) else { return Vec::new() };
    if snapshot.is_manifest() {
        found.extend(extra.iter().map(|finding| to_lsp(text, &snapshot.lines(), finding)));
    }
    found
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
