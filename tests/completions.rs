//! Shell completion as a user gets it: the install lines of `docs/command-line.md` run in a fresh
//! home, then each real shell's completion machinery is asked what a Tab offers (bash through
//! bash-completion's loader, zsh with `compadd` captured in a pseudo-terminal, fish with
//! `complete -C`). A shell that is not installed is skipped with a message; CI installs all three.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]
// A test prints through `println!`: what it measured, or why it skipped.
#![allow(clippy::disallowed_macros)]

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a shell may take to start and answer a Tab.
const TIMEOUT: Duration = Duration::from_secs(30);

/// A fresh home with the tool on `PATH` and a folder of files to complete.
struct Home {
    _dir: tempfile::TempDir,
    home: PathBuf,
    work: PathBuf,
    path: String,
}

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let home = dir.path().join("home");
        let work = dir.path().join("work");
        std::fs::create_dir_all(&home).expect("home");
        std::fs::create_dir_all(work.join("manifests")).expect("a folder to complete");
        std::fs::write(work.join("mycrm.json"), "{}").expect("a file to complete");
        let binary = Path::new(env!("CARGO_BIN_EXE_integration-wizard"));
        let bin = binary.parent().expect("the binary's folder").display().to_string();
        let path = format!("{bin}:{}", std::env::var("PATH").unwrap_or_default());
        Home { _dir: dir, home, work, path }
    }

    /// A command run in the work folder with only this home and `PATH` from the environment
    /// (no `XDG_*` folders of the machine running the tests).
    fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command.env_clear().env("HOME", &self.home).env("PATH", &self.path).env("TERM", "dumb").current_dir(&self.work);
        command
    }

    /// Runs the documentation's install lines for `shell` with `sh`, as a user pastes them.
    fn install(&self, shell: &str) {
        let lines = install_lines(shell);
        let output = self.command("sh").args(["-e", "-c", &lines]).output().expect("sh runs");
        assert!(
            output.status.success(),
            "the install lines for {shell} failed in a fresh home:\n{lines}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// The lines under `# SHELL` in the completions block of `docs/command-line.md`, up to the next comment line.
fn install_lines(shell: &str) -> String {
    let page = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/command-line.md"))
        .expect("docs/command-line.md");
    let section = page.split("## Completions and the manual page").nth(1).expect("the completions section");
    let header = format!("# {shell}");
    let lines: Vec<&str> = section
        .lines()
        .skip_while(|line| !line.starts_with(&header))
        .skip(1)
        .take_while(|line| !line.starts_with('#') && !line.starts_with("```"))
        .collect();
    assert!(!lines.is_empty(), "docs/command-line.md has no install lines under {header:?}");
    lines.join("\n")
}

/// Whether `program` is installed; when not, says the test is skipped and how to run it.
fn installed(program: &str, package: &str) -> bool {
    let found = Command::new(program).arg("--version").output().is_ok_and(|output| output.status.success());
    if !found {
        eprintln!("skipped: {program} is not installed (apt-get install {package} runs this test)");
    }
    found
}

fn assert_offers(shell: &str, line: &str, offered: &[String], expected: &[&str]) {
    for word in expected {
        assert!(
            offered.iter().any(|offer| offer == word),
            "{shell}: `{line}<Tab>` should offer {word:?}, offered {offered:?}"
        );
    }
}

// ---- bash ----

/// The bash-completion script that loads completions on demand, as distributions install it.
const BASH_COMPLETION: &str = "/usr/share/bash-completion/bash_completion";

/// What bash offers for `line` (the cursor at its end): bash-completion loads the installed
/// script on demand, and its completion function fills `COMPREPLY` as at a Tab.
fn bash_offers(home: &Home, line: &str) -> Vec<String> {
    let script = r#"
source "$BASH_COMPLETION"
# bash-completion 2.12 renamed its loader.
if declare -F _comp_load >/dev/null; then _comp_load integration-wizard; else __load_completion integration-wizard; fi
spec=$(complete -p integration-wizard) || exit 3
function=${spec##*-F }; function=${function%% *}
COMP_LINE=$LINE; COMP_POINT=${#LINE}; COMP_TYPE=9
read -ra COMP_WORDS <<< "$LINE"
if [[ $LINE == *' ' ]]; then COMP_WORDS+=(''); fi
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
"$function" integration-wizard "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"#;
    let output = home
        .command("bash")
        .args(["--norc", "--noprofile", "-c", script])
        .env("LINE", line)
        .env("BASH_COMPLETION", BASH_COMPLETION)
        .output()
        .expect("bash runs");
    assert!(output.status.success(), "bash failed for {line:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout).lines().map(str::to_owned).collect()
}

#[test]
fn bash_completes_commands_options_their_values_and_paths() {
    if !installed("bash", "bash") {
        return;
    }
    if !Path::new(BASH_COMPLETION).exists() {
        eprintln!("skipped: bash-completion is not installed (apt-get install bash-completion runs this test)");
        return;
    }
    let home = Home::new();
    home.install("bash");
    assert_offers("bash", "integration-wizard val", &bash_offers(&home, "integration-wizard val"), &["validate"]);
    let line = "integration-wizard validate --fo";
    assert_offers("bash", line, &bash_offers(&home, line), &["--format"]);
    let line = "integration-wizard validate --format ";
    assert_offers("bash", line, &bash_offers(&home, line), &["text", "json", "github", "sarif"]);
    let line = "integration-wizard validate my";
    assert_offers("bash", line, &bash_offers(&home, line), &["mycrm.json"]);
    let line = "integration-wizard validate man";
    assert_offers("bash", line, &bash_offers(&home, line), &["manifests/"]);
    let line = "integration-wizard validate --explain blank-";
    assert_offers("bash", line, &bash_offers(&home, line), &["blank-value"]);
}

// ---- fish ----

/// What fish offers for `line`: `complete -C` runs the completions fish loaded from the home's
/// completions folder, and prints each candidate (a tab, then its description).
fn fish_offers(home: &Home, line: &str) -> Vec<String> {
    let output = home.command("fish").args(["-c", "complete -C $argv[1]", line]).output().expect("fish runs");
    assert!(output.status.success(), "fish failed for {line:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|offer| offer.split('\t').next().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn fish_completes_commands_options_their_values_and_paths() {
    if !installed("fish", "fish") {
        return;
    }
    let home = Home::new();
    home.install("fish");
    assert_offers("fish", "integration-wizard val", &fish_offers(&home, "integration-wizard val"), &["validate"]);
    let line = "integration-wizard validate --fo";
    assert_offers("fish", line, &fish_offers(&home, line), &["--format"]);
    let line = "integration-wizard validate --format ";
    assert_offers("fish", line, &fish_offers(&home, line), &["text", "json", "github", "sarif"]);
    let line = "integration-wizard validate my";
    assert_offers("fish", line, &fish_offers(&home, line), &["mycrm.json"]);
    let line = "integration-wizard validate man";
    assert_offers("fish", line, &fish_offers(&home, line), &["manifests/"]);
}

// ---- zsh ----

/// Appended to the home's `.zshrc` after the install lines: a prompt to wait for, `compadd`
/// wrapped to write every match it adds to `$CAPTURE`, and Tab bound to completion followed by a
/// `<done>` line, the sign that the Tab was answered.
const ZSH_CAPTURE: &str = r#"
PROMPT='ready> '
compadd() {
    # Calls that only ask for matches (-O, -A, -D) add nothing: pass them through.
    if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
        builtin compadd "$@"
        return $?
    fi
    local -a matched
    builtin compadd -O matched "$@"
    print -rl -- $matched >> $CAPTURE
    builtin compadd "$@"
}
complete-and-mark() {
    zle complete-word
    print -r -- '<done>' >> $CAPTURE
}
zle -N complete-and-mark
bindkey '^I' complete-and-mark
"#;

/// What zsh offers for `line`: an interactive zsh in a pseudo-terminal reads the home's `.zshrc`,
/// is typed `line` and a Tab, and its captured `compadd` calls are read back.
fn zsh_offers(home: &Home, line: &str) -> Vec<String> {
    let capture = home.home.join(format!("capture-{}", line.len()));
    let pty =
        native_pty_system().openpty(PtySize { rows: 40, cols: 200, pixel_width: 0, pixel_height: 0 }).expect("a pty");
    let mut command = CommandBuilder::new("zsh");
    command.arg("-i");
    command.env_clear();
    command.env("HOME", &home.home);
    command.env("PATH", &home.path);
    command.env("TERM", "xterm");
    command.env("CAPTURE", &capture);
    command.cwd(&home.work);
    let mut child = pty.slave.spawn_command(command).expect("zsh starts");
    drop(pty.slave);
    let screen = Arc::new(Mutex::new(String::new()));
    let mut output = pty.master.try_clone_reader().expect("the terminal's output");
    let shown = Arc::clone(&screen);
    std::thread::spawn(move || {
        let mut buffer = [0u8; 4096];
        while let Ok(read @ 1..) = output.read(&mut buffer) {
            shown.lock().expect("output").push_str(&String::from_utf8_lossy(&buffer[..read]));
        }
    });
    let mut input = pty.master.take_writer().expect("the terminal's input");
    let wait = |what: &str, done: &dyn Fn() -> bool| {
        let start = Instant::now();
        while !done() {
            assert!(
                start.elapsed() < TIMEOUT,
                "zsh: timed out waiting for {what}; the terminal showed:\n{}",
                screen.lock().expect("output")
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    wait("the prompt", &|| screen.lock().expect("output").contains("ready> "));
    input.write_all(format!("{line}\t").as_bytes()).expect("typing");
    input.flush().expect("typing");
    let read = || std::fs::read_to_string(&capture).unwrap_or_default();
    wait("the Tab to be answered", &|| read().contains("<done>"));
    let _ = child.kill();
    read().lines().filter(|offer| *offer != "<done>").map(str::to_owned).collect()
}

#[test]
fn zsh_completes_commands_options_their_values_and_paths() {
    if !installed("zsh", "zsh") {
        return;
    }
    let home = Home::new();
    home.install("zsh");
    let zshrc = home.home.join(".zshrc");
    let written = std::fs::read_to_string(&zshrc).expect("the install lines write ~/.zshrc");
    std::fs::write(&zshrc, format!("{written}\n{ZSH_CAPTURE}")).expect("capture set up");
    assert_offers("zsh", "integration-wizard val", &zsh_offers(&home, "integration-wizard val"), &["validate"]);
    let line = "integration-wizard validate --fo";
    assert_offers("zsh", line, &zsh_offers(&home, line), &["--format"]);
    let line = "integration-wizard validate --format ";
    assert_offers("zsh", line, &zsh_offers(&home, line), &["text", "json", "github", "sarif"]);
    let line = "integration-wizard validate my";
    assert_offers("zsh", line, &zsh_offers(&home, line), &["mycrm.json"]);
    let line = "integration-wizard validate man";
    assert_offers("zsh", line, &zsh_offers(&home, line), &["manifests"]);
}
