//! Every place the tool reads a file, given a FIFO (no writer ever comes), a link to `/dev/zero`
//! and a file above the limit for its kind: each run ends within 2 seconds, and says why.

use super::*;
use integration_wizard::storage::FileKind;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// How long a run may take at most: a hang would take forever, an endless read minutes.
const DEADLINE: Duration = Duration::from_secs(2);

#[derive(Debug, Clone, Copy)]
enum Hostile {
    Fifo,
    DevZero,
    /// A sparse regular file one byte above the limit of this kind.
    TooLarge(FileKind),
}

const ALL: fn(FileKind) -> [Hostile; 3] = |kind| [Hostile::Fifo, Hostile::DevZero, Hostile::TooLarge(kind)];

/// Puts the hostile thing at `path` (its folder made), replacing what was there.
fn plant(path: &Path, hostile: Hostile) {
    fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
    let _ = fs::remove_file(path);
    match hostile {
        Hostile::Fifo => {
            let made = Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
            assert!(made.success(), "mkfifo {}", path.display());
        }
        Hostile::DevZero => symlink("/dev/zero", path).expect("a link to /dev/zero"),
        Hostile::TooLarge(kind) => {
            let file = fs::File::create(path).expect("create");
            file.set_len(kind.limit() + 1).expect("a sparse file");
        }
    }
}

/// Runs `command` with `input` on standard input; fails when it has not ended within [`DEADLINE`].
fn ends_in_time(what: &str, mut command: Command, input: Stdio) -> Output {
    let started = Instant::now();
    let mut child = command
        .env("NO_COLOR", "1")
        .env("TERM", "dumb")
        .stdin(input)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    loop {
        if child.try_wait().expect("wait").is_some() {
            let output = child.wait_with_output().expect("output");
            eprintln!("{what}: ended in {:?}", started.elapsed());
            return output;
        }
        if started.elapsed() > DEADLINE {
            let _ = child.kill();
            let output = child.wait_with_output().expect("output");
            panic!("{what}: still running after {DEADLINE:?}\n{}{}", text(&output.stdout), text(&output.stderr));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn binary(args: &[&str]) -> Command {
    let mut command = Command::new(BINARY);
    command.args(args);
    command
}

fn said(output: &Output) -> String {
    format!("{}{}", text(&output.stdout), text(&output.stderr))
}

/// The message for each hostile thing names what it is.
fn assert_says_why(what: &str, output: &Output, hostile: Hostile) {
    let said = said(output);
    let why = match hostile {
        Hostile::Fifo => "named pipe (FIFO)",
        Hostile::DevZero => "character device",
        Hostile::TooLarge(_) => "is larger than",
    };
    assert!(said.contains(why), "{what} with {hostile:?} does not say \"{why}\":\n{said}");
    assert!(!output.status.success(), "{what} with {hostile:?} succeeded:\n{said}");
}

#[test]
fn ignore_files_of_a_walked_folder() {
    for name in [".gitignore", ".ignore", ".git/info/exclude", "sub/.gitignore", "sub/.ignore"] {
        for hostile in ALL(FileKind::IgnoreFile) {
            let folder = tempfile::tempdir().expect("temp dir");
            write_manifest(folder.path(), "mycrm.json", &mycrm());
            fs::create_dir(folder.path().join("sub")).expect("mkdir");
            write_manifest(&folder.path().join("sub"), "other.json", &mycrm());
            plant(&folder.path().join(name), hostile);
            for command in [&["validate"][..], &["fmt", "--check"]] {
                let what = format!("{} DIR with {name}", command.join(" "));
                let mut args = command.to_vec();
                args.push(path_str(folder.path()));
                let output = ends_in_time(&what, binary(&args), Stdio::null());
                assert_says_why(&what, &output, hostile);
                assert!(said(&output).contains("--no-ignore"), "{what}: {}", said(&output));
                assert_eq!(output.status.code(), Some(2), "{what}: {}", said(&output));
            }
        }
    }
}

#[test]
fn gits_global_excludes_file_and_its_config() {
    // Where git says the global excludes file is: its default place, core.excludesFile, and the
    // config files read to find core.excludesFile.
    let places: [(&str, Option<&str>, FileKind); 4] = [
        ("config/git/ignore", None, FileKind::IgnoreFile),
        ("global-ignore", Some("[core]\n\texcludesFile = ~/global-ignore\n"), FileKind::IgnoreFile),
        (".gitconfig", None, FileKind::GitConfig),
        ("config/git/config", None, FileKind::GitConfig),
    ];
    for (name, gitconfig, kind) in places {
        for hostile in ALL(kind) {
            let home = tempfile::tempdir().expect("temp dir");
            let folder = tempfile::tempdir().expect("temp dir");
            write_manifest(folder.path(), "mycrm.json", &mycrm());
            if let Some(config) = gitconfig {
                fs::write(home.path().join(".gitconfig"), config).expect("write");
            }
            plant(&home.path().join(name), hostile);
            let what = format!("validate DIR with ~/{name}");
            let mut validate = binary(&["validate", path_str(folder.path())]);
            validate.env("HOME", home.path()).env("XDG_CONFIG_HOME", home.path().join("config"));
            let output = ends_in_time(&what, validate, Stdio::null());
            assert_says_why(&what, &output, hostile);
            assert!(said(&output).contains("--no-ignore"), "{what}: {}", said(&output));
        }
    }
}

#[test]
fn the_config_file() {
    for hostile in ALL(FileKind::Config) {
        let home = tempfile::tempdir().expect("temp dir");
        let file = home.path().join("integration-wizard/config.toml");
        plant(&file, hostile);
        let mut config = binary(&["config"]);
        config.env("XDG_CONFIG_HOME", home.path()).env("HOME", home.path());
        let output = ends_in_time("config", config, Stdio::null());
        assert_says_why("config", &output, hostile);
        assert!(said(&output).contains("config.toml"), "{}", said(&output));

        // The line mode reads it too, and says so before its first question.
        let work = tempfile::tempdir().expect("temp dir");
        let manifest = write_manifest(work.path(), "mycrm.json", &mycrm());
        let mut wizard = binary(&["--accessible", path_str(&manifest)]);
        wizard.env("XDG_CONFIG_HOME", home.path()).env("HOME", home.path());
        wizard.env("INTEGRATION_WIZARD_DATA_DIR", work.path().join("data"));
        let output = ends_in_time("--accessible", wizard, Stdio::null());
        assert!(said(&output).contains("line mode"), "{}", said(&output));
    }
}

#[test]
fn drafts_locks_and_recent_files_of_the_data_folder() {
    let places = [
        ("drafts/mycrm-0123456789abcdef.1-2.json", FileKind::Draft),
        ("drafts/1-2.lock", FileKind::Draft),
        ("recent.json", FileKind::Recent),
    ];
    for (name, kind) in places {
        for hostile in ALL(kind) {
            let work = tempfile::tempdir().expect("temp dir");
            let data = work.path().join("data");
            fs::create_dir(&data).expect("mkdir");
            fs::set_permissions(&data, fs::Permissions::from_mode(0o700)).expect("chmod");
            plant(&data.join(name), hostile);
            if name.ends_with(".lock") {
                // A draft of the lock's wizard: whether that wizard still runs is asked of its lock.
                let draft = r#"{"path":null,"written_at":1,"manifest":"{}\n"}"#;
                fs::write(data.join("drafts/new-1-2.1-2.json"), draft).expect("a draft");
            }
            if data.join("drafts").is_dir() {
                fs::set_permissions(data.join("drafts"), fs::Permissions::from_mode(0o700)).expect("chmod");
            }
            let manifest = write_manifest(work.path(), "mycrm.json", &mycrm());
            let mut wizard = binary(&["--accessible", path_str(&manifest)]);
            wizard.env("INTEGRATION_WIZARD_DATA_DIR", &data).env("XDG_CONFIG_HOME", work.path());
            let what = format!("the line mode with {name} as {hostile:?}");
            // The wizard starts, passes over what it must not read, and ends when its input does.
            let output = ends_in_time(&what, wizard, Stdio::null());
            assert!(said(&output).contains("line mode. Editing"), "{what}: {}", said(&output));
            if name.starts_with("drafts/mycrm") {
                assert!(said(&output).contains("could not be read and was passed over"), "{what}: {}", said(&output));
            }
        }
    }
}

#[test]
fn the_export_record_and_the_files_already_in_the_export_folder() {
    let places = [
        (".integration-wizard-export", FileKind::ExportRecord),
        ("integration.json", FileKind::Exported),
        ("actions/create_ticket.json", FileKind::Exported),
    ];
    for (name, kind) in places {
        for hostile in ALL(kind) {
            let work = tempfile::tempdir().expect("temp dir");
            let manifest = write_manifest(work.path(), "mycrm.json", &with_actions(&["create_ticket"]));
            let out = work.path().join("out");
            plant(&out.join(name), hostile);
            let what = format!("export with {name} as {hostile:?}");
            let output =
                ends_in_time(&what, binary(&["export", path_str(&manifest), "--out", path_str(&out)]), Stdio::null());
            assert!(!output.status.success(), "{what}: {}", said(&output));
            let said = said(&output);
            let named = name.rsplit('/').next().unwrap_or(name);
            assert!(said.contains(named), "{what} does not name the file:\n{said}");
        }
    }
}

#[test]
fn the_auth_file_and_the_contact_of_probe() {
    for option in ["--auth-file", "--contact"] {
        for hostile in ALL(FileKind::Manifest) {
            let work = tempfile::tempdir().expect("temp dir");
            let manifest = write_manifest(work.path(), "mycrm.json", &mycrm());
            let file = work.path().join("given.json");
            plant(&file, hostile);
            let what = format!("probe {option} as {hostile:?}");
            let output =
                ends_in_time(&what, binary(&["probe", path_str(&manifest), option, path_str(&file)]), Stdio::null());
            assert_says_why(&what, &output, hostile);
            assert!(said(&output).contains("given.json"), "{what}: {}", said(&output));
        }
    }
}

#[test]
fn standard_input() {
    let work = tempfile::tempdir().expect("temp dir");
    let big = work.path().join("big.json");
    plant(&big, Hostile::TooLarge(FileKind::Manifest));
    // A FIFO on standard input is a pipe, read as it comes (as `cat` reads it); a device or a
    // file above the limit is refused before anything is read.
    for (hostile, input) in [(Hostile::DevZero, "/dev/zero"), (Hostile::TooLarge(FileKind::Manifest), path_str(&big))] {
        let what = format!("validate - < {input}");
        let stdin = fs::File::open(input).expect("open the input");
        let output = ends_in_time(&what, binary(&["validate", "-"]), Stdio::from(stdin));
        assert_says_why(&what, &output, hostile);
        assert_eq!(output.status.code(), Some(2), "{what}: {}", said(&output));
    }
}
