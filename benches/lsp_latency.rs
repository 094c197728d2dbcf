//! How fast `integration-wizard lsp` answers an editor, end to end through the built binary:
//! - diagnostics published after a change to a manifest of 20 actions (goal: 50 ms);
//! - on a 16 MB manifest, each request an editor sends while the author types (hover, completion,
//!   go to definition, document symbols, code actions), each sent right after a change to it, so
//!   that it is answered on the new version while the old one is still being checked (goal: 100 ms);
//! - the diagnostics of a small manifest after a change, beside the 16 MB one (goal: 100 ms);
//! - the diagnostics of the 16 MB manifest itself after a change (no goal: it is measured).
//!
//! Each figure is the median, the 95th percentile and the slowest of the runs; PASS when the 95th
//! percentile is within the goal. The load average is printed beside them.
//! Run: `cargo bench --bench lsp_latency` (RUNS=50 by default). `LSP_SERVER=path/to/integration-wizard`
//! measures another build of the tool (an older one, to compare).
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]
// A benchmark prints its figures through `println!`.
#![allow(clippy::disallowed_macros)]

#[allow(dead_code)]
#[path = "../tests/lsp/client.rs"]
mod client;

use client::{Client, with_actions};
use serde_json::{Value, json};
use std::path::PathBuf;
use std::time::{Duration, Instant};

const SMALL: &str = "file:///bench/twenty.json";
const BIG: &str = "file:///bench/big.json";

fn main() {
    let runs: usize = std::env::var("RUNS").ok().and_then(|runs| runs.parse().ok()).unwrap_or(50);
    let program = std::env::var_os("LSP_SERVER")
        .map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_integration-wizard")), PathBuf::from);
    println!("server: {}", program.display());
    println!("load average before: {}", load());
    let mut client = Client::start_program(&program, None);
    let small = with_actions(20);
    client.open(SMALL, &small);
    client.diagnostics(SMALL, 1);
    let mut version = 1;
    let typed = time(runs, || {
        version += 1;
        edit(&mut client, SMALL, version, &small, version % 2 == 0);
        client.diagnostics(SMALL, version);
    });

    // The 16 MB manifest: a long description, and an action whose display has a quick fix.
    let mut big: Value = serde_json::from_str(&small).expect("JSON");
    big["integration"]["description"] = Value::String("Centralizing the conversations. ".repeat(524_288));
    big["actions"][0]["display"] = Value::String("Create a ticket".into());
    let big = serde_json::to_string_pretty(&big).expect("JSON");
    client.open(BIG, &big);
    let started = Instant::now();
    let findings = client.diagnostics(BIG, 1);
    let first_check = started.elapsed();
    let fixable: Vec<Value> = findings.into_iter().filter(|finding| finding["code"] == "display-uppercase").collect();
    assert!(!fixable.is_empty(), "the 16 MB manifest has an uppercase display to fix");
    let document = json!({"uri": BIG});
    let at = |needle: &str, past: usize| {
        let (line, character) = position_of(&big, needle);
        json!({"textDocument": document, "position": {"line": line, "character": character + past}})
    };
    let kinds: [(&str, &str, Value); 5] = [
        ("hover", "textDocument/hover", at("\"name\": \"mycrm\"", 2)),
        ("completion", "textDocument/completion", at("\"display_name\"", 2)),
        ("definition", "textDocument/definition", at("\"provider\": \"mycrm\"", 14)),
        ("document symbols", "textDocument/documentSymbol", json!({"textDocument": document})),
        (
            "code actions",
            "textDocument/codeAction",
            json!({"textDocument": document, "range": fixable[0]["range"], "context": {"diagnostics": fixable}}),
        ),
    ];
    let mut answers: Vec<Vec<Duration>> = vec![Vec::new(); kinds.len()];
    let (mut big_version, mut beside, mut checks) = (1, Vec::new(), Vec::new());
    for _ in 0..runs.min(20) {
        let mut changed = Instant::now();
        for ((_, method, params), times) in kinds.iter().zip(&mut answers) {
            // Each request right after a change: it is answered on a version not mapped yet,
            // while the worker is busy with the versions before.
            big_version += 1;
            changed = Instant::now();
            edit(&mut client, BIG, big_version, &big, big_version % 2 == 0);
            let started = Instant::now();
            let reply = client.request(method, params.clone());
            times.push(started.elapsed());
            assert!(reply.get("error").is_none() && !reply["result"].is_null(), "{method}: {reply}");
        }
        version += 1;
        let started = Instant::now();
        edit(&mut client, SMALL, version, &small, version % 2 == 0);
        client.diagnostics(SMALL, version);
        beside.push(started.elapsed());
        client.diagnostics(BIG, big_version);
        checks.push(changed.elapsed());
    }
    println!("16 MB manifest: {} bytes; its first diagnostics {:.1} ms", big.len(), millis(first_check));
    println!("{:<62} {:>9} {:>9} {:>9}", "figure", "median", "p95", "slowest");
    report("diagnostics after a change, 20 actions", &typed, 50);
    for ((kind, _, _), times) in kinds.iter().zip(&answers) {
        report(&format!("{kind} on the 16 MB manifest right after a change"), times, 100);
    }
    report("diagnostics of a small manifest beside the 16 MB one", &beside, 100);
    report("diagnostics of the 16 MB manifest after a change (no goal)", &checks, 0);
    println!("load average after: {}", load());
    client.shut_down();
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

/// The editor position (line, UTF-16 character) of the first `needle` in `text`.
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).expect("the needle is in the text");
    let line = text[..at].matches('\n').count();
    let start = text[..at].rfind('\n').map_or(0, |newline| newline + 1);
    (line, text[start..at].encode_utf16().count())
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

/// The load average over 1, 5 and 15 minutes, where the system tells it.
fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|text| text.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

/// Prints the median, the 95th percentile and the slowest beside the goal (0: no goal).
fn report(what: &str, times: &[Duration], goal_ms: u64) {
    let mut sorted = times.to_vec();
    sorted.sort();
    let at = |fraction: f64| millis(sorted[((sorted.len() - 1) as f64 * fraction).round() as usize]);
    let (median, p95, slowest) = (at(0.5), at(0.95), at(1.0));
    let verdict = match goal_ms {
        0 => String::new(),
        goal if p95 <= goal as f64 => format!("goal {goal} ms: PASS"),
        goal => format!("goal {goal} ms: FAIL"),
    };
    println!("{what:<62} {median:>6.1} ms {p95:>6.1} ms {slowest:>6.1} ms  ({} runs) {verdict}", times.len());
}
