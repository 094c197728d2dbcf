//! How fast `integration-wizard lsp` answers an editor, end to end through the built binary:
//! - diagnostics published after a change to a manifest of 20 actions (goal: 50 ms);
//! - with a 16 MB manifest open and being re-checked, a hover and a completion on it, and the
//!   diagnostics of a small manifest after a change (goal: 100 ms each: the server stays responsive);
//! - the diagnostics of the 16 MB manifest itself after a change (no goal: it is measured).
//!
//! Each figure is the median of the runs (and the slowest), printed beside its goal with PASS or FAIL.
//! Run: `cargo bench --bench lsp_latency` (RUNS=50 by default).
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]
// A benchmark prints its figures through `println!`.
#![allow(clippy::disallowed_macros)]

#[allow(dead_code)]
#[path = "../tests/lsp/client.rs"]
mod client;

use client::Client;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

const SMALL: &str = "file:///bench/twenty.json";
const BIG: &str = "file:///bench/big.json";

fn main() {
    let runs: usize = std::env::var("RUNS").ok().and_then(|runs| runs.parse().ok()).unwrap_or(50);
    let mut client = Client::start(None);
    let small = with_actions(20);
    client.open(SMALL, &small);
    client.diagnostics(SMALL, 1);
    let mut version = 1;
    let typed = time(runs, || {
        version += 1;
        edit(&mut client, SMALL, version, &small, version % 2 == 0);
        client.diagnostics(SMALL, version);
    });
    report("diagnostics after a change, 20 actions", &typed, 50);

    let mut big: Value = serde_json::from_str(&small).expect("JSON");
    big["integration"]["description"] = Value::String("Centralizing the conversations. ".repeat(524_288));
    let big = serde_json::to_string_pretty(&big).expect("JSON");
    println!("16 MB manifest: {} bytes", big.len());
    client.open(BIG, &big);
    let started = Instant::now();
    client.diagnostics(BIG, 1);
    println!("{:<60} {:>9.1} ms", "first diagnostics of the 16 MB manifest", millis(started.elapsed()));

    let (mut big_version, mut hovers, mut completions, mut beside) = (1, Vec::new(), Vec::new(), Vec::new());
    let mut checks = Vec::new();
    for _ in 0..runs.min(20) {
        // A change to the big file keeps the worker busy while the editor asks for more.
        big_version += 1;
        let changed = Instant::now();
        edit(&mut client, BIG, big_version, &big, big_version % 2 == 0);
        let position = json!({"textDocument": {"uri": BIG}, "position": {"line": 3, "character": 6}});
        let started = Instant::now();
        client.request("textDocument/hover", position.clone());
        hovers.push(started.elapsed());
        let started = Instant::now();
        client.request("textDocument/completion", position);
        completions.push(started.elapsed());
        version += 1;
        let started = Instant::now();
        edit(&mut client, SMALL, version, &small, version % 2 == 0);
        client.diagnostics(SMALL, version);
        beside.push(started.elapsed());
        client.diagnostics(BIG, big_version);
        checks.push(changed.elapsed());
    }
    report("hover on the 16 MB manifest while it is re-checked", &hovers, 100);
    report("completion on the 16 MB manifest while it is re-checked", &completions, 100);
    report("diagnostics of the small manifest beside the 16 MB one", &beside, 100);
    report("diagnostics of the 16 MB manifest after a change (no goal)", &checks, 0);
    client.shut_down();
}

/// The mycrm example with `count` actions (copies of its action under other names).
fn with_actions(count: usize) -> String {
    let mut manifest: Value = serde_json::from_str(include_str!("../assets/examples/mycrm.json")).expect("the example");
    let action = manifest["actions"][0].clone();
    let actions: Vec<Value> = (0..count)
        .map(|index| {
            let mut action = action.clone();
            action["name"] = Value::String(format!("action_{index}"));
            action
        })
        .collect();
    manifest["actions"] = Value::Array(actions);
    serde_json::to_string_pretty(&manifest).expect("JSON")
}

/// Types a character at the start of the description's line, or deletes it again.
fn edit(client: &mut Client, uri: &str, version: i64, text: &str, add: bool) {
    let line = text.lines().position(|line| line.contains("\"description\"")).expect("a description");
    let start = json!({"line": line, "character": 0});
    let change = if add {
        json!({"range": {"start": start, "end": start}, "text": " "})
    } else {
        json!({"range": {"start": start, "end": {"line": line, "character": 1}}, "text": ""})
    };
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}),
    );
}

fn time(runs: usize, mut once: impl FnMut()) -> Vec<Duration> {
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            once();
            started.elapsed()
        })
        .collect()
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// Prints the median and the slowest beside the goal (0: no goal).
fn report(what: &str, times: &[Duration], goal_ms: u64) {
    let mut sorted = times.to_vec();
    sorted.sort();
    let median = millis(sorted[sorted.len() / 2]);
    let slowest = millis(sorted[sorted.len() - 1]);
    let verdict = match goal_ms {
        0 => String::new(),
        goal if median <= goal as f64 => format!("goal {goal} ms: PASS"),
        goal => format!("goal {goal} ms: FAIL"),
    };
    println!("{what:<60} {median:>9.1} ms median, {slowest:>9.1} ms slowest ({} runs)  {verdict}", times.len());
}
