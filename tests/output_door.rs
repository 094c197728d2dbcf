//! One door out: whatever a config file, a file name, a manifest value or a bridge's answer holds,
//! no command lets a raw control, escape or bidirectional character reach the terminal, on standard
//! output or on standard error, in its messages and its errors alike. Only the tool's own colour
//! codes may stand, when colour is asked for.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

#[path = "mock_bridge/mod.rs"]
mod mock_bridge;

use mock_bridge::{ACCOUNT, MockBridge, Reply, TOKEN, keeps_every_contract};
use serde_json::{Value, json};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BINARY: &str = env!("CARGO_BIN_EXE_integration-wizard");

/// ESC (a window title, OSC), a CSI (clear the screen), the 8-bit CSI, BEL, DEL, a right-to-left
/// override and an isolate: what a hostile source would like a terminal to act on.
const HOSTILE: &str = "x\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{9b}31m\u{7f}\u{202e}\u{2066}y";

/// Everything the runs below need, in one temporary folder.
struct Scene {
    folder: tempfile::TempDir,
    /// A valid manifest whose values carry [`HOSTILE`], under a hostile file name.
    manifest: PathBuf,
    /// The same manifest with one value changed, for `diff`.
    changed: PathBuf,
    /// `XDG_CONFIG_HOME` whose folder name and `config.toml` carry [`HOSTILE`].
    config_home: PathBuf,
    /// An empty data folder for drafts and recent files.
    data: PathBuf,
}

impl Scene {
    fn new() -> Scene {
        let folder = tempfile::tempdir().expect("temp dir");
        let example = format!("{}/assets/examples/mycrm.json", env!("CARGO_MANIFEST_DIR"));
        let mut manifest: Value =
            serde_json::from_str(&std::fs::read_to_string(example).expect("example")).expect("JSON");
        manifest["integration"]["display_name"] = json!(format!("My CRM {HOSTILE}"));
        manifest["integration"]["description"] = json!(format!("Tickets {HOSTILE} and cases"));
        manifest["actions"][0]["description"] = json!(format!("create {HOSTILE}"));
        let path = folder.path().join(format!("m{HOSTILE}.json"));
        std::fs::write(&path, serde_json::to_string_pretty(&manifest).expect("JSON")).expect("write");
        manifest["integration"]["description"] = json!(format!("Cases {HOSTILE} only"));
        let changed = folder.path().join(format!("n{HOSTILE}.json"));
        std::fs::write(&changed, serde_json::to_string_pretty(&manifest).expect("JSON")).expect("write");
        let config_home = folder.path().join(format!("config{HOSTILE}"));
        let config = config_home.join("integration-wizard");
        std::fs::create_dir_all(&config).expect("config folder");
        std::fs::write(config.join("config.toml"), format!("theme = \"{HOSTILE}\"\n[keys]\n\"{HOSTILE}\" = 1\n"))
            .expect("write config");
        let data = folder.path().join("data");
        std::fs::create_dir(&data).expect("data folder");
        Scene { manifest: path, changed, config_home, data, folder }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(BINARY);
        command
            .args(args)
            .env("XDG_CONFIG_HOME", &self.config_home)
            .env("INTEGRATION_WIZARD_DATA_DIR", &self.data)
            .env("TERM", "dumb")
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        command
    }

    /// Runs the binary with `args` and `input` on standard input.
    fn run(&self, args: &[&str], input: &[u8]) -> Output {
        let mut child = self.command(args).spawn().expect("the binary starts");
        if let Some(mut stdin) = child.stdin.take() {
            let _ = stdin.write_all(input);
        }
        child.wait_with_output().expect("the binary ends")
    }

    fn path(&self, name: &str) -> String {
        text_of(self.folder.path().join(name))
    }
}

fn text_of(path: impl AsRef<Path>) -> String {
    path.as_ref().to_str().expect("utf-8 path").to_owned()
}

/// `out` without the colour codes (`ESC [ digits ; m`) the tool writes itself.
fn without_colour_codes(out: &str) -> String {
    let mut kept = String::with_capacity(out.len());
    let mut rest = out;
    while let Some(at) = rest.find("\u{1b}[") {
        kept.push_str(&rest[..at]);
        let parameters = &rest[at + 2..];
        let length = parameters.find(|c: char| !(c.is_ascii_digit() || c == ';')).unwrap_or(parameters.len());
        if parameters[length..].starts_with('m') {
            rest = &parameters[length + 1..];
        } else {
            kept.push('\u{1b}');
            rest = &rest[at + 1..];
        }
    }
    kept.push_str(rest);
    kept
}

/// What a command may write of its own beyond plain text.
#[derive(Clone, Copy)]
enum Own {
    Nothing,
    /// Colour codes, asked for with `--color always`.
    Colour,
    /// The `\r\n` ending the headers of the language server's protocol.
    HeaderLineEnds,
}

/// Fails when `bytes` holds a character a terminal would act on: a control character other than
/// a line break or a tab, or a bidirectional mark, override or isolate.
fn assert_clean(what: &str, bytes: &[u8], own: Own) {
    let out = String::from_utf8_lossy(bytes);
    let out = match own {
        Own::Nothing => out.into_owned(),
        Own::Colour => without_colour_codes(&out),
        Own::HeaderLineEnds => out.replace("\r\n", "\n"),
    };
    let found: Vec<char> = out
        .chars()
        .filter(|&c| {
            !matches!(c, '\n' | '\t')
                && (c.is_control()
                    || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'))
        })
        .collect();
    assert!(found.is_empty(), "{what} let {found:?} through:\n{out}");
}

/// Checks both outputs of every run; each run must have said something, or it proves nothing.
fn assert_runs_clean(runs: Vec<(String, Output, Own)>) {
    for (what, output, own) in runs {
        assert!(!output.stdout.is_empty() || !output.stderr.is_empty(), "{what} printed nothing");
        assert_clean(&format!("{what} (stdout)"), &output.stdout, own);
        assert_clean(&format!("{what} (stderr)"), &output.stderr, own);
    }
}

#[test]
fn no_command_lets_a_file_name_a_value_or_a_config_act_on_the_terminal() {
    let scene = Scene::new();
    let manifest = text_of(&scene.manifest);
    let changed = text_of(&scene.changed);
    let out = scene.path("out");
    let hostile_out = scene.path(&format!("ticket{HOSTILE}.doc"));
    let html = scene.path("ticket.html");
    let whole_folder = scene.path("");
    let garbled_message = format!("Content-Length: 9\r\n\r\n{HOSTILE}");
    let cases: Vec<(&str, Vec<&str>, &[u8], Own)> = vec![
        ("validate", vec!["validate", &manifest], b"", Own::Nothing),
        ("validate in colour", vec!["validate", "--color", "always", &manifest], b"", Own::Colour),
        ("validate --format github", vec!["validate", "--format", "github", &manifest], b"", Own::Nothing),
        ("validate --format json", vec!["validate", "--format", "json", &manifest], b"", Own::Nothing),
        ("validate --format sarif", vec!["validate", "--format", "sarif", &manifest], b"", Own::Nothing),
        ("fmt --check", vec!["fmt", "--check", &changed], b"", Own::Nothing),
        ("fmt --diff in colour", vec!["fmt", "--diff", "--color", "always", &changed], b"", Own::Colour),
        ("fmt", vec!["fmt", &changed], b"", Own::Nothing),
        ("ticket -o -", vec!["ticket", &manifest, "-o", "-"], b"", Own::Nothing),
        ("ticket -o FILE.html", vec!["ticket", &manifest, "-o", &html], b"", Own::Nothing),
        ("ticket -o a hostile name", vec!["ticket", &manifest, "-o", &hostile_out], b"", Own::Nothing),
        ("export", vec!["export", &manifest, "--out", &out], b"", Own::Nothing),
        ("export again (refused)", vec!["export", &manifest, "--out", &whole_folder], b"", Own::Nothing),
        ("diff", vec!["diff", &manifest, &changed], b"", Own::Nothing),
        ("diff in colour", vec!["diff", "--color", "always", &manifest, &changed], b"", Own::Colour),
        ("diff --format markdown", vec!["diff", "--format", "markdown", &manifest, &changed], b"", Own::Nothing),
        ("diff --format json", vec!["diff", "--format", "json", &manifest, &changed], b"", Own::Nothing),
        ("config", vec!["config"], b"", Own::Nothing),
        ("config --path", vec!["config", "--path"], b"", Own::Nothing),
        ("config --print-default", vec!["config", "--print-default"], b"", Own::Nothing),
        ("--accessible", vec!["--accessible", &manifest], b"q\n", Own::Nothing),
        ("the line mode of a dumb terminal", vec![&manifest], b"\n\nq\n", Own::Nothing),
        ("lsp", vec!["lsp"], garbled_message.as_bytes(), Own::HeaderLineEnds),
    ];
    let runs = cases
        .into_iter()
        .map(|(what, args, input, colour)| (what.to_owned(), scene.run(&args, input), colour))
        .collect();
    assert_runs_clean(runs);
}

#[test]
fn no_answer_of_a_bridge_acts_on_the_terminal() {
    let scene = Scene::new();
    let bridge = MockBridge::start(|request| {
        if request.path == "/actions/create_ticket" {
            Reply::json(400, json!({ HOSTILE: HOSTILE, "message": format!("refused {HOSTILE}") }))
        } else {
            keeps_every_contract(request)
        }
    });
    let mut manifest = bridge.manifest();
    manifest["integration"]["display_name"] = json!(format!("My CRM {HOSTILE}"));
    let path = scene.folder.path().join(format!("bridge{HOSTILE}.json"));
    std::fs::write(&path, manifest.to_string()).expect("write the manifest");
    let path = text_of(&path);
    let (account, token) = (format!("account={ACCOUNT}"), format!("token={TOKEN}"));
    let runs = ["text", "json"]
        .into_iter()
        .map(|format| {
            let args = ["probe", "--actions", "--format", format, "--auth", &account, "--auth", &token, &path];
            (format!("probe --format {format}"), scene.run(&args, b""), Own::Nothing)
        })
        .collect();
    assert_runs_clean(runs);
}
