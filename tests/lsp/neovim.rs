//! The real Neovim, headless, through `editors/neovim.lua`: open a manifest, diagnostics, an edit,
//! hover and a code action. Skipped with a message where `nvim` is missing, except in CI, which
//! installs it (`.ci/run`).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn neovim_shows_diagnostics_hover_and_applies_a_fix() {
    let found = Command::new("nvim").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status();
    if found.is_err() {
        assert!(std::env::var_os("CI").is_none(), "nvim is required in CI: .ci/run installs Debian's neovim");
        eprintln!("skipped: nvim is not installed (Debian: apt-get install neovim)");
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folder = tempfile::tempdir().expect("a temporary folder");
    let manifest = folder.path().join("mycrm.json");
    let text = include_str!("../../assets/examples/mycrm.json").replace("\"create a ticket\"", "\"Create a ticket\"");
    std::fs::write(&manifest, text).expect("the manifest is written");
    let out = folder.path().join("steps.tsv");
    let mut nvim = Command::new("nvim")
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c"])
        .arg(format!("luafile {}", root.join("tests/lsp/neovim.lua").display()))
        .env("LSP_TEST_OUT", &out)
        .env("LSP_TEST_BINARY", env!("CARGO_BIN_EXE_integration-wizard"))
        .env("LSP_TEST_CONFIG", root.join("editors/neovim.lua"))
        .env("LSP_TEST_FILE", &manifest)
        .env("XDG_STATE_HOME", folder.path())
        .env("XDG_DATA_HOME", folder.path())
        .current_dir(folder.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nvim starts");
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = nvim.try_wait().expect("nvim can be waited for") {
            break Some(status);
        }
        if Instant::now() > deadline {
            let _ = nvim.kill();
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let steps = std::fs::read_to_string(&out).unwrap_or_default();
    let step = |name: &str| {
        steps
            .lines()
            .find_map(|line| line.strip_prefix(&format!("{name}\t")))
            .map(str::to_owned)
            .unwrap_or_else(|| panic!("Neovim did not reach the step {name} (status {status:?}); steps:\n{steps}"))
    };
    assert_eq!(step("attached"), "true");
    assert!(step("hover key").contains("hover"), "{steps}");
    assert_eq!(step("diagnostics"), "display-uppercase");
    assert_eq!(step("edited"), "blank-value,display-uppercase");
    assert!(step("hover").contains("The integration's system name"), "{steps}");
    assert!(step("action").starts_with("Start it in lowercase"), "{steps}");
    assert!(step("fixed").contains("\"display\": \"create a ticket\""), "{steps}");
    assert!(status.is_some_and(|status| status.success()), "nvim did not quit by itself: {status:?}");
}
