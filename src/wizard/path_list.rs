//! Path prompts: completing a typed path with Tab and listing a folder's JSON files (manifests first)
//! to pick from with the arrows. Pure: the loop reads folders (`Effect::ReadFolder`) and hands them
//! back (`Action::FolderRead`); here they are only compared, filtered and sorted.

/// One entry of a folder, as the loop read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderEntry {
    /// The entry's name.
    pub name: String,
    /// A folder, not a file.
    pub is_dir: bool,
    /// A `.json` file whose top-level keys are a manifest's (see `manifest::sniff`).
    pub manifest: bool,
}

impl FolderEntry {
    /// True for a file named `*.json` (any letter case).
    pub fn is_json(&self) -> bool {
        !self.is_dir && self.name.to_ascii_lowercase().ends_with(".json")
    }

    /// The name as the prompt writes it: a folder ends with `/`.
    pub fn written(&self) -> String {
        if self.is_dir { format!("{}/", self.name) } else { self.name.clone() }
    }
}

/// The list under a path prompt and what it knows of the folder being typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathList {
    /// The folder part of the typed path the entries belong to (`""` is the starting folder).
    pub folder: Option<String>,
    /// The folder's entries.
    pub entries: Vec<FolderEntry>,
    /// Why the folder could not be read, shown in place of the list.
    pub error: Option<String>,
    /// The folder asked of the loop and not read yet.
    pub requested: Option<String>,
    /// Tab was pressed before the folder was read: complete once it is.
    pub complete_when_read: bool,
    /// What the list shows: JSON files (manifests first), or every match after a second Tab.
    pub shown: Vec<FolderEntry>,
    /// The matches are shown (a second Tab), rather than the JSON files.
    pub matches_shown: bool,
    /// The entry of `shown` the arrows picked.
    pub selected: Option<usize>,
    /// The text a Tab could not complete further: the next Tab on the same text lists the matches.
    pub stuck_at: Option<String>,
    /// What the last Tab found, said in the prompt (several matches, none).
    pub note: Option<String>,
}

/// A path being typed in a prompt, with what belongs to it alone: the folder's list once read, and
/// whether the text is still a name the wizard suggested (what is typed first then replaces it).
/// Closing the prompt drops them with it.
#[derive(Debug, Clone, Default)]
pub struct PathField {
    /// The text typed.
    pub input: tui_input::Input,
    /// The list of the folder being typed: from the start in the open prompt, after the first Tab in the others.
    pub list: Option<Box<PathList>>,
    /// The text is the suggested name, untouched: typing replaces it.
    pub suggested: bool,
}

impl PathField {
    /// A field holding `text`, as if typed: no list until Tab.
    pub fn new(text: impl Into<String>) -> Self {
        PathField { input: tui_input::Input::new(text.into()), list: None, suggested: false }
    }

    /// A field suggesting `text`: the first character typed replaces it, a cursor key keeps it to edit.
    pub fn suggesting(text: impl Into<String>) -> Self {
        PathField { suggested: true, ..PathField::new(text) }
    }

    /// An empty field whose list follows what is typed from the start.
    pub fn listing() -> Self {
        PathField { list: Some(Box::default()), ..PathField::default() }
    }

    /// The text typed.
    pub fn value(&self) -> &str {
        self.input.value()
    }
}

/// Splits a typed path into its folder part (ending with `/`, or empty) and the name being typed.
pub(crate) fn split(typed: &str) -> (&str, &str) {
    match typed.rfind('/') {
        Some(at) => typed.split_at(at + 1),
        None => ("", typed),
    }
}

/// What a Tab did to the typed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Completion {
    /// The text becomes this (one match, or the longer common beginning of several).
    Completed(String),
    /// Several entries match and share nothing more: the matches, to list.
    Several(Vec<FolderEntry>),
    /// Nothing in the folder starts with the typed name.
    Nothing,
}

/// Completes `typed` against `entries`, the entries of its folder part. Hidden entries match only a
/// name typed with its leading dot.
pub(crate) fn complete(typed: &str, entries: &[FolderEntry]) -> Completion {
    let (folder, name) = split(typed);
    let matches: Vec<&FolderEntry> = entries
        .iter()
        .filter(|entry| entry.name.starts_with(name) && (name.starts_with('.') || !entry.name.starts_with('.')))
        .collect();
    match matches.as_slice() {
        [] => Completion::Nothing,
        [only] => Completion::Completed(format!("{folder}{}", only.written())),
        [first, rest @ ..] => {
            let common = rest.iter().fold(first.name.as_str(), |common, entry| common_prefix(common, &entry.name));
            if common.len() > name.len() {
                Completion::Completed(format!("{folder}{common}"))
            } else {
                Completion::Several(matches.into_iter().cloned().collect())
            }
        }
    }
}

/// The longest beginning `a` and `b` share, cut at a character boundary.
fn common_prefix<'a>(a: &'a str, b: &str) -> &'a str {
    let end =
        a.char_indices().zip(b.chars()).find(|((_, x), y)| x != y).map_or(a.len().min(b.len()), |((at, _), _)| at);
    let mut end = end.min(a.len());
    while !a.is_char_boundary(end) {
        end -= 1;
    }
    &a[..end]
}

/// The JSON files of `entries` whose names start with `name` (hidden ones only for a typed dot):
/// manifests first, then by name.
pub(crate) fn json_files(entries: &[FolderEntry], name: &str) -> Vec<FolderEntry> {
    let mut files: Vec<FolderEntry> = entries
        .iter()
        .filter(|entry| entry.is_json() && entry.name.starts_with(name))
        .filter(|entry| name.starts_with('.') || !entry.name.starts_with('.'))
        .cloned()
        .collect();
    files.sort_by(|a, b| b.manifest.cmp(&a.manifest).then_with(|| a.name.cmp(&b.name)));
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, is_dir: bool, manifest: bool) -> FolderEntry {
        FolderEntry { name: name.into(), is_dir, manifest }
    }

    fn folder() -> Vec<FolderEntry> {
        vec![
            entry("mycrm.json", false, true),
            entry("mycrm-ticket.md", false, false),
            entry("package.json", false, false),
            entry("manifests", true, false),
            entry(".hidden.json", false, true),
            entry("acme.json", false, true),
        ]
    }

    #[test]
    fn a_single_match_completes_whole_and_a_folder_gets_its_slash() {
        assert_eq!(complete("pa", &folder()), Completion::Completed("package.json".into()));
        assert_eq!(complete("sub/man", &folder()), Completion::Completed("sub/manifests/".into()));
    }

    #[test]
    fn several_matches_complete_their_common_beginning_then_list() {
        assert_eq!(complete("my", &folder()), Completion::Completed("mycrm".into()));
        let Completion::Several(matches) = complete("mycrm", &folder()) else { panic!("two files start with mycrm") };
        assert_eq!(matches.len(), 2);
        assert_eq!(complete("zz", &folder()), Completion::Nothing);
    }

    #[test]
    fn hidden_entries_match_only_a_typed_dot() {
        let Completion::Several(all) = complete("", &folder()) else { panic!("everything matches nothing typed") };
        assert!(all.iter().all(|entry| !entry.name.starts_with('.')), "{all:?}");
        assert_eq!(complete(".h", &folder()), Completion::Completed(".hidden.json".into()));
    }

    #[test]
    fn json_files_list_manifests_first_then_by_name() {
        let names: Vec<String> = json_files(&folder(), "").into_iter().map(|entry| entry.name).collect();
        assert_eq!(names, ["acme.json", "mycrm.json", "package.json"]);
    }

    #[test]
    fn the_common_beginning_stops_at_a_character_boundary() {
        assert_eq!(common_prefix("café.json", "cafè.json"), "caf");
    }
}
