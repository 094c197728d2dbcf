//! The editor's diagnostics and `validate --format json` agree on every file of the test corpus:
//! the same codes, severities, messages, lines and columns (the editor's in UTF-16 units).

use crate::client::Client;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Folders whose JSON files make the corpus: the bundled examples and the fuzzing seeds.
const FOLDERS: &[&str] = &["assets/examples", "fuzz/seeds", "tests/golden/ticket"];

/// Files made for this test: what the folders lack (non-ASCII before findings, every kind of mistake).
fn made() -> Vec<(&'static str, String)> {
    vec![
        ("syntax-after-emoji.json", "{\"integration\": {\"name\": \"😀é\" \"display_name\": 1}}".to_owned()),
        (
            "findings-after-emoji.json",
            "{\"integration\": {\"display_name\": \"😀 My CRM 😀\", \"name\": \"My CRM\", \"logo_url\": \"ftp://x\",\n\
             \"authentication_type\": \"oauth2\", \"authentication_configuration\": [{\"field_name\": \"api_token\", \"display\": \"Token\", \"mandatory\": true, \"type\": \"input\", \"store\": true}]},\n\
             \"actions\": [{\"provider\": \"other\", \"name\": \"a\", \"display\": \"Créer\", \"description\": \"Ça\\n\", \"endpoint\": \"http://x.example\", \"inputs\": [{\"key\": \"k\", \"name\": \"n\", \"mandatory\": \"yes\", \"type\": \"select\"}]}]}\n"
                .to_owned(),
        ),
    ]
}

#[test]
fn diagnostics_agree_with_validate_on_every_file_of_the_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut files: Vec<(String, String)> = Vec::new();
    for dir in FOLDERS {
        for entry in std::fs::read_dir(root.join(dir)).expect("the corpus folder") {
            let path = entry.expect("an entry").path();
            if path.extension().is_some_and(|extension| extension == "json")
                // An editor sends text: a file that is not UTF-8 never reaches the server as it is.
                && let Ok(text) = std::fs::read_to_string(&path)
            {
                let name = format!("{}-{}", dir.replace('/', "-"), path.file_name().expect("a name").to_string_lossy());
                files.push((name, text));
            }
        }
    }
    files.extend(made().into_iter().map(|(name, text)| (name.to_owned(), text)));
    for (name, text) in &files {
        std::fs::write(folder.path().join(name), text).expect("the copy is written");
    }
    let expected = validate(folder.path());
    assert!(expected.len() >= 20, "only {} manifests in the corpus", expected.len());

    let mut client = Client::start(None);
    for (name, text) in &files {
        let uri = format!("file:///corpus/{name}");
        client.open(&uri, text);
        let found: Vec<Finding> = client.diagnostics(&uri, 1).iter().map(Finding::from_editor).collect();
        let wanted: Vec<Finding> = expected.get(name).map_or_else(Vec::new, |diagnostics| {
            diagnostics
                .iter()
                // Names shared across files: the folder's copies of one example share theirs, and
                // these documents are opened outside any workspace (tests/lsp/workspace.rs checks it).
                .filter(|diagnostic| diagnostic["code"] != "duplicate-integration-name")
                .map(|diagnostic| Finding::from_validate(diagnostic, text))
                .collect()
        });
        assert_eq!(sorted(found), sorted(wanted), "{name}");
    }
    client.shut_down();
}

/// One finding as both sides can say it.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Finding {
    line: u64,
    character: u64,
    code: String,
    error: bool,
    message: String,
}

impl Finding {
    fn from_editor(diagnostic: &Value) -> Finding {
        Finding {
            line: diagnostic["range"]["start"]["line"].as_u64().unwrap_or(u64::MAX),
            character: diagnostic["range"]["start"]["character"].as_u64().unwrap_or(u64::MAX),
            code: diagnostic["code"].as_str().unwrap_or_default().to_owned(),
            error: diagnostic["severity"] == 1,
            message: diagnostic["message"].as_str().unwrap_or_default().to_owned(),
        }
    }

    /// `validate`'s 1-based line and character column, turned into the editor's 0-based UTF-16 position.
    fn from_validate(diagnostic: &Value, text: &str) -> Finding {
        let line = diagnostic["line"].as_u64().map_or(0, |line| line - 1);
        let column = diagnostic["column"].as_u64().map_or(0, |column| column - 1);
        let text_line = text.split('\n').nth(line as usize).unwrap_or_default();
        // The byte order mark is not counted by validate's columns and is a character in the editor.
        let skip = usize::from(line == 0 && text_line.starts_with('\u{feff}'));
        let character: usize =
            text_line.chars().skip(skip).take(column as usize).map(char::len_utf16).sum::<usize>() + skip;
        Finding {
            line,
            character: character as u64,
            code: diagnostic["code"].as_str().unwrap_or_default().to_owned(),
            error: diagnostic["severity"] == "error",
            message: diagnostic["message"].as_str().unwrap_or_default().to_owned(),
        }
    }
}

fn sorted(mut findings: Vec<Finding>) -> Vec<Finding> {
    findings.sort();
    findings
}

/// `validate --format json` on the folder: each manifest's diagnostics by file name.
fn validate(folder: &Path) -> BTreeMap<String, Vec<Value>> {
    let output = Command::new(env!("CARGO_BIN_EXE_integration-wizard"))
        .args(["validate", "--format", "json"])
        .arg(folder)
        .output()
        .expect("validate runs");
    let report: Value = serde_json::from_slice(&output.stdout).expect("validate prints JSON");
    let files = report["files"].as_array().expect("a list of files");
    files
        .iter()
        .map(|file| {
            let path = PathBuf::from(file["path"].as_str().expect("a path"));
            let name = path.file_name().expect("a file name").to_string_lossy().into_owned();
            (name, file["diagnostics"].as_array().cloned().unwrap_or_default())
        })
        .collect()
}
