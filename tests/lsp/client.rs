//! A test editor: runs the built `integration-wizard lsp`, speaks JSON-RPC to it and waits for answers.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// How long any answer may take before a test fails (generous: CI shares two cores).
pub(crate) const PATIENCE: Duration = Duration::from_secs(30);

/// The server process and the messages it has sent.
pub(crate) struct Client {
    child: Child,
    input: Option<ChildStdin>,
    messages: Receiver<Value>,
    next_id: i64,
    /// Messages read while waiting for another one, kept for later waits.
    pending: Vec<Value>,
}

impl Client {
    /// Starts the server and completes the handshake with `root` as the workspace folder (if any).
    pub(crate) fn start(root: Option<&std::path::Path>) -> Client {
        Client::start_program(std::path::Path::new(env!("CARGO_BIN_EXE_integration-wizard")), root)
    }

    /// Starts `program lsp` (another build, to compare) and completes the handshake.
    pub(crate) fn start_program(program: &std::path::Path, root: Option<&std::path::Path>) -> Client {
        let mut client = Client::spawn_program(program);
        let root_uri = root.map(|root| format!("file://{}", root.display()));
        let folders = root_uri.as_ref().map(|uri| json!([{"uri": uri, "name": "project"}]));
        let reply = client.request(
            "initialize",
            json!({"processId": null, "rootUri": root_uri, "workspaceFolders": folders, "capabilities": {}}),
        );
        assert!(reply["result"]["capabilities"].is_object(), "no capabilities in {reply}");
        client.notify("initialized", json!({}));
        client
    }

    /// Starts the server without any handshake.
    pub(crate) fn spawn() -> Client {
        Client::spawn_program(std::path::Path::new(env!("CARGO_BIN_EXE_integration-wizard")))
    }

    /// Starts `program lsp` without any handshake.
    fn spawn_program(program: &std::path::Path) -> Client {
        let mut child = Command::new(program)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let input = child.stdin.take();
        let output = child.stdout.take().expect("stdout is piped");
        let (sender, messages) = channel();
        std::thread::spawn(move || {
            let mut output = BufReader::new(output);
            while let Some(message) = read_message(&mut output) {
                if sender.send(message).is_err() {
                    return;
                }
            }
        });
        Client { child, input, messages, next_id: 0, pending: Vec::new() }
    }

    /// Sends raw bytes, framed as one message.
    pub(crate) fn send_raw(&mut self, body: &str) {
        let input = self.input.as_mut().expect("standard input is open");
        write!(input, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("the server reads");
        input.flush().expect("the server reads");
    }

    /// Sends a notification.
    pub(crate) fn notify(&mut self, method: &str, params: Value) {
        self.send_raw(&json!({"jsonrpc": "2.0", "method": method, "params": params}).to_string());
    }

    /// Sends a request and waits for its response.
    pub(crate) fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        self.response(id)
    }

    /// Sends a request without waiting; its id, for `response`.
    pub(crate) fn send_request(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send_raw(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}).to_string());
        id
    }

    /// Waits for the response to the request `id`.
    pub(crate) fn response(&mut self, id: i64) -> Value {
        self.wait_for(&format!("the response to request {id}"), |message| {
            message["id"] == id && message.get("method").is_none()
        })
    }

    /// The messages received while waiting for others and not waited for yet, in the order they came.
    pub(crate) fn pending(&self) -> &[Value] {
        &self.pending
    }

    /// Waits for the first message that `wanted` accepts; fails the test after `PATIENCE`.
    pub(crate) fn wait_for(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(index) = self.pending.iter().position(&wanted) {
            return self.pending.remove(index);
        }
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.messages.recv_timeout(left) {
                Ok(message) if wanted(&message) => return message,
                Ok(message) => self.pending.push(message),
                Err(RecvTimeoutError::Timeout) => panic!("no {what} within {PATIENCE:?}; got {:?}", self.pending),
                Err(RecvTimeoutError::Disconnected) => panic!("the server ended before {what}; got {:?}", self.pending),
            }
        }
    }

    /// Waits for the diagnostics of `uri` at `version`.
    pub(crate) fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let published = self.wait_for(&format!("diagnostics of {uri} v{version}"), |message| {
            message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"] == uri
                && message["params"]["version"] == version
        });
        published["params"]["diagnostics"].as_array().cloned().unwrap_or_default()
    }

    /// Opens a document with `text`.
    pub(crate) fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": text}}),
        );
    }

    /// Closes standard input, as an editor that vanished.
    pub(crate) fn hang_up(&mut self) {
        self.input = None;
    }

    /// Waits for the process to end (failing after `PATIENCE`) and returns its status.
    pub(crate) fn exit_status(&mut self) -> ExitStatus {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().expect("the process can be waited for") {
                return status;
            }
            assert!(Instant::now() < deadline, "the server did not exit within {PATIENCE:?}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Shuts the server down properly, checks that it exits with 0, and returns every message it
    /// sent that was not waited for (`pending` first, then the rest until its output closed).
    pub(crate) fn finish(mut self) -> Vec<Value> {
        let reply = self.request("shutdown", Value::Null);
        assert_eq!(reply["result"], Value::Null, "{reply}");
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + PATIENCE;
        loop {
            match self.messages.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                Ok(message) => self.pending.push(message),
                Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => panic!("the server did not close its output within {PATIENCE:?}"),
            }
        }
        let status = self.exit_status();
        assert!(status.success(), "exit code {status:?} after shutdown and exit");
        std::mem::take(&mut self.pending)
    }

    /// Shuts the server down properly and checks that it exits with 0.
    pub(crate) fn shut_down(mut self) {
        let reply = self.request("shutdown", Value::Null);
        assert_eq!(reply["result"], Value::Null, "{reply}");
        self.notify("exit", Value::Null);
        let status = self.exit_status();
        assert!(status.success(), "exit code {status:?} after shutdown and exit");
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        // A failed test must not leave a server running.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads one framed message; `None` at the end of the output.
fn read_message(output: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if output.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length: ") {
            length = value.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    output.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// The mycrm example with `count` actions (copies of its action under other names): the small
/// manifest the tests and the latency benchmark set beside a big one.
pub(crate) fn with_actions(count: usize) -> String {
    let mut manifest: Value =
        serde_json::from_str(include_str!("../../assets/examples/mycrm.json")).expect("the example");
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
