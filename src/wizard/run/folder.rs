//! Reading a folder for a path prompt (I/O, run by the loop): its entries, and which JSON files are
//! manifests, told by their first bytes (`manifest::sniff`).

use super::super::path_list::FolderEntry;
use std::path::Path;

/// At most this many entries are read: a huge folder must not stall the prompt.
const MOST_ENTRIES: usize = 5_000;
/// At most this many JSON files are opened to tell manifests from other JSON.
const MOST_SNIFFED: usize = 500;
/// The bytes read of each JSON file: a manifest's deciding key comes within its first lines.
const SNIFF_BYTES: u64 = 64 * 1024;

/// The entries of the folder `typed` names as the author wrote it (empty: the starting folder), by name.
pub(crate) fn read_folder(typed: &str) -> Result<Vec<FolderEntry>, String> {
    let folder = if typed.is_empty() { Path::new(".") } else { Path::new(typed) };
    let listed = crate::storage::list_folder(folder, MOST_ENTRIES)
        .map_err(|error| format!("cannot read the folder {typed}: {error}"))?;
    let mut entries = Vec::new();
    let mut sniffed = 0;
    for entry in listed {
        // A name that is not UTF-8 cannot be typed back into the prompt: it is left out.
        let Ok(name) = entry.file_name().into_string() else { continue };
        let path = entry.path();
        // Follows links, so a link to a folder completes as a folder.
        let is_dir = path.is_dir();
        let mut folder_entry = FolderEntry { name, is_dir, manifest: false };
        if folder_entry.is_json() && sniffed < MOST_SNIFFED {
            sniffed += 1;
            folder_entry.manifest = looks_like_manifest(&path);
        }
        entries.push(folder_entry);
    }
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(entries)
}

/// True when the file's first bytes are a manifest's (unreadable files are not).
fn looks_like_manifest(path: &Path) -> bool {
    // A FIFO or a device named *.json is not waited on: it is no manifest.
    crate::storage::read_start(path, SNIFF_BYTES).is_ok_and(|bytes| crate::manifest::sniff::is_manifest(&bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_lists_its_entries_and_tells_manifests_from_other_json() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(dir.path().join("mycrm.json"), r#"{"integration": {"name": "mycrm"}}"#).expect("write");
        std::fs::write(dir.path().join("package.json"), r#"{"name": "web"}"#).expect("write");
        std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
        let typed = format!("{}/", dir.path().display());
        let entries = read_folder(&typed).expect("the folder reads");
        let summary: Vec<(&str, bool, bool)> =
            entries.iter().map(|entry| (entry.name.as_str(), entry.is_dir, entry.manifest)).collect();
        assert_eq!(summary, [("mycrm.json", false, true), ("package.json", false, false), ("sub", true, false)]);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_a_device_named_json_is_listed_without_being_read() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let fifo = dir.path().join("pipe.json");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
        assert!(made.success());
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.json")).expect("a link");
        let (done, finished) = std::sync::mpsc::channel();
        let typed = format!("{}/", dir.path().display());
        std::thread::spawn(move || done.send(read_folder(&typed)));
        let entries = finished.recv_timeout(std::time::Duration::from_secs(2)).expect("listed at once");
        let summary: Vec<(String, bool)> =
            entries.expect("the folder reads").into_iter().map(|entry| (entry.name, entry.manifest)).collect();
        assert_eq!(summary, [("pipe.json".to_owned(), false), ("zero.json".to_owned(), false)]);
    }

    #[test]
    fn a_missing_folder_says_so() {
        let error = read_folder("no/such/folder/").expect_err("nothing there");
        assert!(error.contains("no/such/folder/"), "{error}");
    }
}
