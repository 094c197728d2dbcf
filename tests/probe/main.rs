//! `integration-wizard probe` against a mock bridge on 127.0.0.1: the bridge that keeps every
//! contract, then one scenario per way of breaking one.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]
// A test prints through `println!`: what it measured, or why it skipped.
#![allow(clippy::disallowed_macros)]

#[path = "../mock_bridge/mod.rs"]
mod mock_bridge;

use mock_bridge::{ACCOUNT, MockBridge, Received, Reply, TOKEN, keeps_every_contract};
use serde_json::{Value, json};
use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

mod contracts;
mod running;
mod secrets;

const BINARY: &str = env!("CARGO_BIN_EXE_integration-wizard");

/// A probe run: the manifest is written to a temporary folder kept for the run.
struct Run {
    output: Output,
    _folder: tempfile::TempDir,
}

impl Run {
    fn code(&self) -> i32 {
        self.output.status.code().unwrap_or(-1)
    }
    fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.output.stdout).into_owned()
    }
    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.output.stderr).into_owned()
    }
    /// The JSON report.
    fn json(&self) -> Value {
        serde_json::from_slice(&self.output.stdout)
            .unwrap_or_else(|error| panic!("JSON output ({error}): {}", self.stdout()))
    }
    /// The report of one endpoint.
    fn endpoint(&self, name: &str) -> Value {
        let report = self.json();
        let endpoints = report["endpoints"].as_array().cloned().unwrap_or_default();
        endpoints
            .into_iter()
            .find(|endpoint| endpoint["endpoint"] == name)
            .unwrap_or_else(|| panic!("no {name} in {report}"))
    }
    /// The (code, pointer) of every finding of one endpoint.
    fn findings(&self, name: &str) -> Vec<(String, Value)> {
        let endpoint = self.endpoint(name);
        let findings = endpoint["findings"].as_array().cloned().unwrap_or_default();
        findings
            .iter()
            .map(|finding| (finding["code"].as_str().unwrap_or_default().to_owned(), finding["pointer"].clone()))
            .collect()
    }
}

/// Probes `manifest` with the right credentials and `args`, printing JSON unless `args` says otherwise.
fn probe(manifest: &Value, args: &[&str]) -> Run {
    probe_with(manifest, args, &[format!("account={ACCOUNT}"), format!("token={TOKEN}")])
}

fn probe_with(manifest: &Value, args: &[&str], auth: &[String]) -> Run {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path: PathBuf = folder.path().join("mycrm.json");
    std::fs::write(&path, manifest.to_string()).expect("write the manifest");
    let mut command = Command::new(BINARY);
    command.arg("probe").arg(&path).args(args);
    for pair in auth {
        command.arg("--auth").arg(pair);
    }
    if !args.contains(&"--format") {
        command.args(["--format", "json"]);
    }
    let output = command.env("NO_COLOR", "1").output().expect("the binary runs");
    Run { output, _folder: folder }
}

fn finding(code: &str, pointer: Value) -> (String, Value) {
    (code.to_owned(), pointer)
}

/// A bridge that keeps every contract except at `path`, where `answer` replies instead.
fn breaking(path: &'static str, answer: impl Fn(&Received) -> Reply + Send + Sync + 'static) -> MockBridge {
    MockBridge::start(move |request| if request.path == path { answer(request) } else { keeps_every_contract(request) })
}
