//! How the command line finds and reads files: only manifests from a walk, links followed once,
//! ignore files and `--exclude`, non-regular and oversized files refused, standard input, and a
//! deterministic order when files are checked on every core.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const BINARY: &str = env!("CARGO_BIN_EXE_integration-wizard");

/// Long enough for a loaded CI machine, short enough that a hang fails the test instead of the run.
const TIMEOUT: Duration = Duration::from_secs(30);

/// Runs the binary with `stdin` as its standard input (empty when `None`), failing the test when
/// it does not finish within [`TIMEOUT`] (a read that blocks on a FIFO would hang forever).
fn run_with(args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &str)]) -> Output {
    let mut child = Command::new(BINARY)
        .args(args)
        .envs(env.iter().copied())
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let input = stdin.unwrap_or_default().to_vec();
    let mut pipe = child.stdin.take().expect("stdin pipe");
    std::thread::spawn(move || {
        // The command may exit without reading (e.g. it refused a path): a broken pipe is fine.
        let _ = pipe.write_all(&input);
    });
    let pid = child.id();
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(child.wait_with_output());
    });
    match receiver.recv_timeout(TIMEOUT) {
        Ok(output) => output.expect("the binary's output"),
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
            panic!("integration-wizard {args:?} did not finish within {TIMEOUT:?}: it blocked");
        }
    }
}

fn run(args: &[&str]) -> Output {
    run_with(args, None, &[])
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn example(name: &str) -> String {
    std::fs::read_to_string(format!("{}/assets/examples/{name}.json", env!("CARGO_MANIFEST_DIR"))).expect("example")
}

/// A manifest with its own integration name (names must be unique across a run).
fn manifest(name: &str) -> String {
    example("mycrm").replace("\"mycrm\"", &format!("\"{name}\""))
}

/// A manifest with one error: its name is blank (line 3, column 5).
const BROKEN: &str = "{\n  \"integration\": {\n    \"name\": \"\"\n  }\n}\n";

fn write(folder: &Path, name: &str, text: &str) -> PathBuf {
    let path = folder.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(&path, text).expect("write test file");
    path
}

fn text(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

const PACKAGE_JSON: &str = "{\"name\":\"bridge\",\"version\":\"1.0.0\",\"scripts\":{\"start\":\"node .\"}}";
const TSCONFIG_JSON: &str = "{\"compilerOptions\":{\"strict\":true},\"include\":[\"src\"]}";

#[test]
fn fmt_of_a_folder_leaves_json_files_that_are_not_manifests_untouched() {
    let folder = tempfile::tempdir().expect("temp dir");
    let package = write(folder.path(), "package.json", PACKAGE_JSON);
    let tsconfig = write(folder.path(), "tsconfig.json", TSCONFIG_JSON);
    // Compact, so that fmt has something to do.
    let compact: Value = serde_json::from_str(&example("mycrm")).expect("json");
    let manifest = write(folder.path(), "mycrm.json", &serde_json::to_string(&compact).expect("json"));
    let output = run(&["fmt", text(folder.path())]);
    assert_eq!(output.status.code(), Some(0), "{}{}", stdout(&output), stderr(&output));
    assert_eq!(std::fs::read_to_string(&package).expect("read"), PACKAGE_JSON);
    assert_eq!(std::fs::read_to_string(&tsconfig).expect("read"), TSCONFIG_JSON);
    assert_eq!(std::fs::read_to_string(&manifest).expect("read"), example("mycrm"));
    let out = stdout(&output);
    assert!(out.contains("formatted "), "{out}");
    assert!(out.ends_with("skipped 2 JSON files that are not manifests\n"), "{out}");
    assert!(!out.contains("package.json") && !out.contains("tsconfig.json"), "{out}");
}

/// More files than one batch of saves holds (256), one of them read-only: every other file is
/// formatted, each reported once in the walk's order, the read-only one named and left as it was.
#[test]
fn fmt_of_many_files_saves_them_all_in_order_and_names_the_one_it_cannot_replace() {
    let folder = tempfile::tempdir().expect("temp dir");
    let compact: Value = serde_json::from_str(&example("mycrm")).expect("json");
    let compact = serde_json::to_string(&compact).expect("json");
    let names: Vec<String> = (0..300).map(|n| format!("m{n:03}.json")).collect();
    for (n, name) in names.iter().enumerate() {
        write(folder.path(), name, &compact.replace("\"mycrm\"", &format!("\"crm{n}\"")));
    }
    let locked = folder.path().join("m123.json");
    let mut permissions = std::fs::metadata(&locked).expect("metadata").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&locked, permissions).expect("read-only");
    let output = run(&["fmt", text(folder.path())]);
    assert_eq!(output.status.code(), Some(2), "{}{}", stdout(&output), stderr(&output));
    let reported: Vec<String> = stdout(&output).lines().map(str::to_owned).collect();
    let expected: Vec<String> = names
        .iter()
        .filter(|name| name.as_str() != "m123.json")
        .map(|name| format!("formatted {}", text(&folder.path().join(name))))
        .collect();
    assert_eq!(reported, expected);
    assert!(stderr(&output).contains("m123.json is read-only"), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&locked).expect("read"), compact.replace("\"mycrm\"", "\"crm123\""));
    for (n, name) in names.iter().enumerate().filter(|(n, _)| *n != 123) {
        let formatted = std::fs::read_to_string(folder.path().join(name)).expect("read");
        assert_eq!(formatted, example("mycrm").replace("\"mycrm\"", &format!("\"crm{n}\"")), "{name}");
    }
    let left = std::fs::read_dir(folder.path()).expect("list").count();
    assert_eq!(left, 300, "no temporary file is left behind");
}

#[test]
fn validate_of_a_folder_reports_only_manifests_and_counts_the_others() {
    let folder = tempfile::tempdir().expect("temp dir");
    write(folder.path(), "package.json", PACKAGE_JSON);
    write(folder.path(), "tsconfig.json", TSCONFIG_JSON);
    write(folder.path(), "mycrm.json", &example("mycrm"));
    // A bare integration document is a manifest too.
    let bare: Value = serde_json::from_str(&example("oauth2-helpdesk")).expect("json");
    write(folder.path(), "bare.json", &serde_json::to_string_pretty(&bare["integration"]).expect("json"));
    let output = run(&["validate", text(folder.path())]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{out}");
    assert!(
        out.ends_with(
            "checked 2 files: all valid (0 errors, 0 warnings)\nskipped 2 JSON files that are not manifests\n"
        ),
        "{out}"
    );
    assert!(!out.contains("package.json") && !out.contains("tsconfig.json"), "{out}");
}

#[test]
fn a_file_named_on_the_command_line_is_always_a_manifest() {
    let folder = tempfile::tempdir().expect("temp dir");
    let package = write(folder.path(), "package.json", PACKAGE_JSON);
    let output = run(&["validate", text(&package)]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(stdout(&output).contains("package.json"), "{}", stdout(&output));
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_followed_and_each_real_file_is_checked_once() {
    use std::os::unix::fs::symlink;
    let root = tempfile::tempdir().expect("temp dir");
    let walked = root.path().join("walked");
    let broken = write(&root.path().join("elsewhere"), "broken.json", BROKEN);
    write(&walked, "a.json", &manifest("first"));
    symlink(&broken, walked.join("linked.json")).expect("link to a file outside");
    symlink(walked.join("a.json"), walked.join("same.json")).expect("second link to a.json");
    // A loop must not hang the walk.
    symlink(&walked, walked.join("loop")).expect("link loop");
    let output = run(&["validate", text(&walked)]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}{}", stderr(&output));
    assert!(out.contains("linked.json:3:5: error[blank-value]"), "a linked invalid manifest is reported: {out}");
    assert!(out.contains("checked 2 files: 1 file not valid"), "each real file once: {out}");
    assert!(!out.contains("duplicate-integration-name"), "{out}");
}

#[cfg(unix)]
#[test]
fn a_link_to_a_missing_manifest_is_reported_not_skipped() {
    let folder = tempfile::tempdir().expect("temp dir");
    write(folder.path(), "mycrm.json", &example("mycrm"));
    std::os::unix::fs::symlink(folder.path().join("gone.json"), folder.path().join("dangling.json")).expect("link");
    let output = run(&["validate", text(folder.path())]);
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("dangling.json: error[unreadable]: a symbolic link to a file that does not exist"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_file_named_twice_is_checked_once() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = write(folder.path(), "mycrm.json", &example("mycrm"));
    let output = run(&["validate", text(&file), text(&file), text(folder.path())]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("checked 1 file: all valid"), "{}", stdout(&output));
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_by_every_command_without_blocking() {
    let folder = tempfile::tempdir().expect("temp dir");
    let fifo = folder.path().join("pipe.json");
    mkfifo(&fifo);
    let out = folder.path().join("out");
    for args in [
        vec!["validate", text(&fifo)],
        vec!["fmt", text(&fifo)],
        vec!["fmt", "--check", text(&fifo)],
        vec!["export", text(&fifo), "--out", text(&out)],
        vec!["validate", text(folder.path())],
    ] {
        let output = run(&args);
        let all = format!("{}{}", stdout(&output), stderr(&output));
        assert_eq!(output.status.code(), Some(2), "{args:?}: {all}");
        assert!(all.contains("a named pipe (FIFO), not a regular file"), "{args:?}: {all}");
    }
}

#[cfg(unix)]
#[test]
fn the_wizard_refuses_to_open_a_fifo_without_blocking() {
    let folder = tempfile::tempdir().expect("temp dir");
    let fifo = folder.path().join("pipe.json");
    mkfifo(&fifo);
    let (sender, receiver) = mpsc::channel();
    let path = fifo.clone();
    std::thread::spawn(move || {
        let _ = sender.send(integration_wizard::wizard::load(&path).map(|_| ()));
    });
    let result = match receiver.recv_timeout(TIMEOUT) {
        Ok(result) => result,
        Err(_) => {
            // Unblock the reader so the test process can end, then fail.
            let _ = std::fs::OpenOptions::new().write(true).open(&fifo);
            panic!("opening a FIFO in the wizard blocked");
        }
    };
    let message = result.expect_err("a FIFO is not a manifest");
    assert!(message.contains("a named pipe (FIFO)"), "{message}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_device_is_refused_without_reading_it() {
    for args in [["validate", "/dev/zero"], ["fmt", "/dev/zero"]] {
        let output = run(&args);
        let all = format!("{}{}", stdout(&output), stderr(&output));
        assert_eq!(output.status.code(), Some(2), "{args:?}: {all}");
        assert!(all.contains("/dev/zero") && all.contains("a character device"), "{args:?}: {all}");
    }
}

#[test]
fn a_file_larger_than_the_limit_is_refused_before_it_is_read() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("huge.json");
    // Sparse: nothing is written, the size alone must be refused.
    std::fs::File::create(&path)
        .and_then(|file| file.set_len(integration_wizard::storage::MAX_FILE_SIZE + 1))
        .expect("sparse file");
    let output = run(&["validate", text(&path)]);
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("is larger than the 1073741824 bytes (1 GiB) the tool reads"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn gitignore_ignore_files_and_hidden_folders_are_respected() {
    let folder = tempfile::tempdir().expect("temp dir");
    write(folder.path(), "mycrm.json", &example("mycrm"));
    write(folder.path(), ".gitignore", "generated/\n");
    write(folder.path(), "generated/old.json", BROKEN);
    write(folder.path(), "drafts/.ignore", "*.json\n");
    write(folder.path(), "drafts/wip.json", BROKEN);
    write(folder.path(), ".cache/copy.json", BROKEN);
    let output = run(&["validate", text(folder.path())]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{out}");
    assert!(out.contains("checked 1 file: all valid"), "{out}");

    // --no-ignore walks what ignore files hide; hidden folders stay skipped.
    let output = run(&["validate", "--no-ignore", text(folder.path())]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{out}");
    assert!(out.contains("old.json:3:5") && out.contains("wip.json:3:5"), "{out}");
    assert!(!out.contains("copy.json"), "{out}");
    assert!(out.contains("checked 3 files"), "{out}");
}

#[test]
fn gits_exclude_and_global_excludes_files_are_respected() {
    let home = tempfile::tempdir().expect("temp dir");
    let folder = tempfile::tempdir().expect("temp dir");
    write(folder.path(), "mycrm.json", &example("mycrm"));
    write(folder.path(), ".git/info/exclude", "local/\n");
    write(folder.path(), "local/mine.json", BROKEN);
    write(folder.path(), "tmp/scratch.json", BROKEN);
    write(folder.path(), "keep/old.json", BROKEN);
    write(home.path(), "config/git/ignore", "tmp/\n");
    let home_path = text(home.path());
    let config = home.path().join("config");
    let env = [("HOME", home_path), ("XDG_CONFIG_HOME", text(&config))];
    let output = run_with(&["validate", text(folder.path())], None, &env);
    let out = stdout(&output);
    assert!(!out.contains("mine.json") && !out.contains("scratch.json"), "{out}");
    assert!(out.contains("old.json"), "{out}");
    // core.excludesFile names another file, which then replaces the default one.
    write(home.path(), ".gitconfig", "[core]\n\texcludesFile = ~/my-ignore\n");
    write(home.path(), "my-ignore", "keep/\n");
    let output = run_with(&["validate", text(folder.path())], None, &env);
    let out = stdout(&output);
    assert!(!out.contains("old.json") && !out.contains("mine.json"), "{out}");
    assert!(out.contains("scratch.json"), "{out}");
    assert_eq!(output.status.code(), Some(1), "{out}");
}

#[test]
fn exclude_skips_matching_files_and_folders_while_walking() {
    let folder = tempfile::tempdir().expect("temp dir");
    write(folder.path(), "mycrm.json", &example("mycrm"));
    write(folder.path(), "vendor/theirs.json", BROKEN);
    write(folder.path(), "nested/wip.draft.json", BROKEN);
    let folder_arg = text(folder.path());
    let output = run(&["validate", folder_arg, "--exclude", "vendor", "--exclude", "*.draft.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("checked 1 file: all valid"), "{}", stdout(&output));

    let output = run(&["validate", folder_arg, "--exclude", "vendor"]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(stdout(&output).contains("wip.draft.json:3:5"), "{}", stdout(&output));

    // A file named on the command line is checked even when a glob matches it.
    let named = folder.path().join("vendor/theirs.json");
    let output = run(&["validate", "--exclude", "vendor", text(&named)]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));

    let output = run(&["validate", folder_arg, "--exclude", "a{b"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--exclude \"a{b\""), "{}", stderr(&output));
}

#[test]
fn validate_reads_standard_input_named_by_stdin_filename() {
    let output = run_with(&["validate", "-", "--stdin-filename", "mycrm.json"], Some(BROKEN.as_bytes()), &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("\nmycrm.json:3:5: error[blank-value] /integration/name: "),
        "{}",
        stdout(&output)
    );

    let output = run_with(&["validate", "-"], Some(example("mycrm").as_bytes()), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));

    let output = run_with(&["validate", "--format", "json", "-"], Some(BROKEN.as_bytes()), &[]);
    let report: Value = serde_json::from_str(&stdout(&output)).expect("one JSON object");
    assert_eq!(report["files"][0]["path"], "<stdin>");
}

#[test]
fn standard_input_takes_part_in_unique_names() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = write(folder.path(), "mycrm.json", &example("mycrm"));
    let output = run_with(
        &["validate", text(&file), "-", "--stdin-filename", "copy.json"],
        Some(example("mycrm").as_bytes()),
        &[],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("copy.json:4:5: error[duplicate-integration-name]"), "{}", stdout(&output));
}

#[test]
fn fmt_formats_standard_input_to_standard_output() {
    let compact: Value = serde_json::from_str(&example("mycrm")).expect("json");
    let compact = serde_json::to_string(&compact).expect("json");
    let output = run_with(&["fmt", "-"], Some(compact.as_bytes()), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), example("mycrm"));

    let output = run_with(&["fmt", "--check", "-", "--stdin-filename", "m.json"], Some(compact.as_bytes()), &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).starts_with("--- m.json\n+++ m.json (formatted)\n"), "{}", stdout(&output));
    assert!(stderr(&output).contains("m.json: not formatted"), "{}", stderr(&output));

    let output = run_with(&["fmt", "--check", "-"], Some(example("mycrm").as_bytes()), &[]);
    assert_eq!(output.status.code(), Some(0));

    let output = run_with(&["fmt", "-", "--stdin-filename", "m.json"], Some(b"{\"integration\": "), &[]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stdout(&output), "", "nothing to replace an editor's buffer with");
    assert!(stderr(&output).contains("m.json:1:"), "{}", stderr(&output));
}

#[test]
fn many_files_are_reported_in_the_same_sorted_order_on_any_number_of_threads() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut expected = Vec::new();
    for group in ["b", "a", "c/d", "c"] {
        for index in (0..60).rev() {
            let name = format!("{group}/m{index:02}.json");
            // Every seventh file reuses a name: the first one in the walk's order keeps it.
            let integration =
                if index % 7 == 0 { "shared".to_owned() } else { format!("n-{}-{index}", group.replace('/', "-")) };
            let mut text = manifest(&integration);
            if index % 5 == 0 {
                text = text.replace("\"display_name\": \"My CRM\"", "\"display_name\": \"\"");
            }
            write(folder.path(), &name, &text);
            expected.push(name);
        }
    }
    let run_on = |threads: &str| {
        let output =
            run_with(&["validate", "--format", "json", text(folder.path())], None, &[("RAYON_NUM_THREADS", threads)]);
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        stdout(&output)
    };
    let one = run_on("1");
    for threads in ["2", "4", "8"] {
        assert_eq!(run_on(threads), one, "the report on {threads} threads differs from one thread");
    }
    let report: Value = serde_json::from_str(&one).expect("one JSON object");
    let paths: Vec<String> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|file| {
            let path = file["path"].as_str().expect("path");
            Path::new(path).strip_prefix(folder.path()).expect("under the folder").display().to_string()
        })
        .collect();
    // The walk's order: depth first, each folder's entries sorted by name ("c/d/..." before "c/m00.json").
    let mut walk_order = expected.clone();
    walk_order.sort_by(|a, b| a.split('/').cmp(b.split('/')));
    assert_eq!(paths, walk_order);
    // 9 files per group use "shared" (0, 7, ..., 56); all but the first in the walk's order are duplicates.
    let duplicates: Vec<&String> = paths
        .iter()
        .zip(report["files"].as_array().expect("files"))
        .filter(|(_, file)| {
            file["diagnostics"].as_array().expect("list").iter().any(|d| d["code"] == "duplicate-integration-name")
        })
        .map(|(path, _)| path)
        .collect();
    assert_eq!(duplicates.len(), 4 * 9 - 1);
    assert!(!duplicates.contains(&&"a/m00.json".to_owned()), "the first file in the walk keeps the name");
}

#[test]
fn a_run_that_finds_no_manifest_fails_and_says_what_was_left_out() {
    let folder = tempfile::tempdir().expect("temp dir");
    write(folder.path(), "mycrm.json", &manifest("mycrm"));
    write(folder.path(), "package.json", "{\"name\": \"web\"}");
    write(folder.path(), ".gitignore", "*\n");
    let dir = folder.path().to_str().expect("utf-8");
    for command in [&["validate"][..], &["fmt", "--check"]] {
        let what = command.join(" ");
        let output = run(&[command, &[dir]].concat());
        assert_eq!(output.status.code(), Some(2), "{what}: a check of nothing passed:\n{}", stdout(&output));
        let said = stderr(&output);
        assert!(said.contains("no manifest to check in"), "{what}: {said}");
        assert!(said.contains("2 JSON file(s) are left out by ignore files"), "{what}: {said}");
        assert!(said.contains("--no-ignore") && said.contains("--allow-empty"), "{what}: {said}");
        let allowed = run(&[command, &["--allow-empty", dir]].concat());
        assert_eq!(allowed.status.code(), Some(0), "{what} --allow-empty: {}", stderr(&allowed));
        let everything = run(&[command, &["--no-ignore", dir]].concat());
        assert_eq!(everything.status.code(), Some(0), "{what} --no-ignore: {}", stderr(&everything));
    }
    // Only JSON that is not a manifest: said so.
    std::fs::remove_file(folder.path().join(".gitignore")).expect("remove");
    std::fs::remove_file(folder.path().join("mycrm.json")).expect("remove");
    let output = run(&["validate", dir]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("1 JSON file(s) are not manifests"), "{}", stderr(&output));
}

/// `mycrm` with its actions repeated until the file is over 1 MiB (the size from which a named
/// file is parsed as it is read), a finding in each copy (an endpoint that is not a URL) and
/// `extra` added to the integration.
fn large_manifest(extra: &str) -> String {
    let mut manifest: Value = serde_json::from_str(&example("mycrm")).expect("json");
    let actions = manifest["actions"].as_array().expect("actions").clone();
    let (mut many, mut size) = (Vec::new(), 0);
    while size < 1 << 20 {
        for action in &actions {
            let mut action = action.clone();
            action["name"] = format!("{}_{}", action["name"].as_str().expect("a name"), many.len()).into();
            action["endpoint"] = format!("not a url {}", many.len()).into();
            size += serde_json::to_string(&action).expect("json").len();
            many.push(action);
        }
    }
    manifest["actions"] = many.into();
    let text = serde_json::to_string_pretty(&manifest).expect("json");
    text.replacen("\"integration\": {", &format!("\"integration\": {{{extra}"), 1)
}

#[test]
fn a_large_named_file_reports_what_the_same_text_on_standard_input_reports() {
    let folder = tempfile::tempdir().expect("temp dir");
    let small = write(folder.path(), "small.json", &example("mycrm"));
    // Clean, with findings, a key written twice, a number kept as spelled, a byte order mark.
    let cases = [
        ("clean", large_manifest("")),
        ("twice", large_manifest("\n    \"name\": \"twice\",")),
        ("number", large_manifest("\n    \"x_size\": 1.50e3,")),
        ("mark", format!("\u{feff}{}", large_manifest(""))),
        ("broken", large_manifest("\n    \"x\": ,")),
    ];
    for (case, source) in cases {
        let large = write(folder.path(), &format!("{case}.json"), &source);
        // The small file comes first, so the large one also gets the finding of a repeated name.
        let named = run_with(&["validate", "--format", "json", text(&small), text(&large)], None, &[]);
        let piped = run_with(
            &["validate", "--format", "json", text(&small), "-", "--stdin-filename", text(&large)],
            Some(source.as_bytes()),
            &[],
        );
        assert_eq!(named.status.code(), piped.status.code(), "{case}");
        assert_eq!(stdout(&named), stdout(&piped), "{case}");
        assert_eq!(stderr(&named), stderr(&piped), "{case}");
        let report: Value = serde_json::from_str(&stdout(&named)).expect("one JSON object");
        let findings = report["files"][1]["diagnostics"].as_array().expect("the large file's findings");
        // A file that is not JSON has one finding, the others one per action at least.
        assert!(findings.len() > if case == "broken" { 0 } else { 100 }, "{case}: {}", findings.len());
        assert!(findings.iter().all(|finding| finding["line"].as_u64().is_some_and(|line| line > 0)), "{case}");
    }
}
