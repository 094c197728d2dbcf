//! The start screen (new, example, open, recent, drafts) and opening a manifest or a recovered draft.

use super::*;
use crate::wizard::history::Place;
use crate::wizard::keys::Command;
use crate::wizard::panels::recovery::DiscardDraft;
use std::path::Path;

/// True when two paths name the same file however they were written (`mycrm.json`, `./mycrm.json`,
/// `/home/me/proj/mycrm.json` from `/home/me/proj`), or when neither is set. Relative paths are read
/// from `working_dir`, which the loop gives: no file system call here.
fn same_file(working_dir: &Path, a: Option<&Path>, b: Option<&Path>) -> bool {
    let absolute = |path: &Path| -> PathBuf {
        working_dir.join(path).components().filter(|part| *part != std::path::Component::CurDir).collect()
    };
    match (a, b) {
        (Some(a), Some(b)) => absolute(a) == absolute(b),
        (a, b) => a.is_none() && b.is_none(),
    }
}

/// How many keys of the file this tool does not know, named (the first three), and that they are kept:
/// said once on opening, so the author is not left to find them in the review.
pub(crate) fn unknown_keys_note(diagnostics: &[crate::manifest::Diagnostic]) -> Option<String> {
    let keys: Vec<String> = diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.code == crate::manifest::rules::codes::Rule::UnknownKey.code())
        .map(|diagnostic| {
            let token = diagnostic.pointer.rsplit('/').next().unwrap_or_default();
            format!("\"{}\"", token.replace("~1", "/").replace("~0", "~"))
        })
        .collect();
    let (count, shown) = (keys.len(), keys.iter().take(3).cloned().collect::<Vec<_>>().join(", "));
    let more = if count > 3 { ", …" } else { "" };
    match count {
        0 => None,
        1 => Some(format!("kept 1 key this tool does not know: {shown}; it is saved as it was")),
        _ => Some(format!("kept {count} keys this tool does not know: {shown}{more}; they are saved as they were")),
    }
}

impl App {
    pub(super) fn update_start(&mut self, action: Action, effects: &mut Vec<Effect>) {
        let last = self.start.items.len() - 1;
        match action {
            Action::Up | Action::Previous => self.start.focus = self.start.focus.saturating_sub(1),
            Action::Down | Action::Next => self.start.focus = (self.start.focus + 1).min(last),
            Action::First => self.start.focus = 0,
            Action::Last => self.start.focus = last,
            Action::Activate => self.choose_start_item(effects),
            Action::Click { row, .. } => {
                if let Some(index) = layout::start_item_at(self, row) {
                    self.start.focus = index;
                    self.choose_start_item(effects);
                }
            }
            Action::Delete => {
                if let StartItem::Draft(key, draft) = &self.start.items[self.start.focus] {
                    self.open(DiscardDraft::of(key.clone(), draft));
                }
            }
            Action::Quit | Action::Back => effects.push(Effect::Quit),
            Action::Help => self.open(crate::wizard::panels::keys::KeysPanel::default()),
            _ => {}
        }
    }

    pub(super) fn choose_start_item(&mut self, effects: &mut Vec<Effect>) {
        match self.start.items[self.start.focus].clone() {
            StartItem::Blank => self.open_document(Document::blank(None)),
            StartItem::Example(index) => match read(EXAMPLES[index].json.as_bytes()) {
                Ok(parsed) => {
                    self.open_document(Document::opened(parsed, None));
                    self.status = Some(format!("a copy of the example: {} asks where to save it", self.save_key()));
                }
                Err(diagnostic) => self.status = Some(diagnostic.message),
            },
            StartItem::Open => self.ask_open(effects),
            StartItem::Recent(path) => effects.push(Effect::Open(path)),
            StartItem::Draft(key, draft) => effects.push(Effect::Recover(key, draft)),
        }
    }

    pub(super) fn loaded(&mut self, path: PathBuf, result: Result<Box<Opened>, String>) {
        match result {
            Ok(opened) => {
                let problems = opened.parsed.notes.len();
                self.open_document(Document::from_file(*opened, path.clone()));
                let errors = self.doc.error_count();
                let opened = match (errors, problems) {
                    (0, 0) => format!("opened {}", path.display()),
                    _ => format!("opened {}: {} (see Review & save)", path.display(), self.problem_summary()),
                };
                self.status = Some(match unknown_keys_note(self.doc.diagnostics()) {
                    Some(note) => format!("{opened}; {note}"),
                    None => opened,
                });
            }
            Err(message) => {
                self.set_screen(Screen::Start);
                self.status = Some(format!("cannot open {}: {message}", path.display()));
            }
        }
    }

    pub(super) fn open_document(&mut self, doc: Document) {
        self.doc = doc;
        self.set_screen(Screen::Editor);
        self.page = Page::Step(Step::Integration);
        self.focus = 0;
        self.back.clear();
        // A change under way belonged to the document that was open.
        self.undo = super::undo::Pending::default();
        self.caches.review = ReviewJson::default();
        // A new document starts again at generation 0 on the same page and row as the last one,
        // so the preview's source alone would not tell it changed.
        self.caches.preview = PreviewCache::default();
    }

    /// Recovers the draft stored under `key` over the manifest just opened.
    pub(crate) fn recover(&mut self, key: DraftKey, draft: Draft) {
        self.session.recovered.push(key);
        self.restore_draft(draft);
    }

    /// Puts a draft's work in place of the open manifest (or opens it as a new one from the start screen).
    pub(super) fn restore_draft(&mut self, draft: Draft) {
        let parsed = match read(draft.manifest.as_bytes()) {
            Ok(parsed) => parsed,
            Err(diagnostic) => {
                self.status = Some(format!("the draft cannot be read ({}); it is kept", diagnostic.message));
                return;
            }
        };
        if self.screen() == Screen::Start
            || !same_file(&self.working_dir, self.doc.path.as_deref(), draft.path.as_deref())
        {
            let mut doc = Document::opened(parsed.clone(), draft.path.clone());
            doc.disk_hash = None;
            // Work not on disk: undoing every change (the recovery last) ends at a blank manifest.
            doc.manifest = crate::manifest::Manifest::new();
            self.open_document(doc);
        }
        // The draft's history, numbers spelled as written; a history that cannot be read is left out.
        let kept = draft.history.as_deref().map(|text| crate::manifest::number_text::parse(text.as_bytes()));
        let history_lost = matches!(kept, Some(Err(_)));
        let place = Place { page: self.page, back: self.back.clone(), focus: self.focus };
        self.doc.recover(parsed.manifest, kept.and_then(Result::ok), place);
        self.status = Some(if history_lost {
            format!("recovered your unsaved work (its undo history could not be read); {} saves it", self.save_key())
        } else {
            format!("recovered your unsaved work; {} saves it (Alt-Z undoes it change by change)", self.save_key())
        });
    }

    pub(super) fn problem_summary(&self) -> String {
        let Counts { errors, warnings } = Counts::of(self.doc.diagnostics());
        format!("{errors} error(s), {warnings} warning(s)")
    }
}

impl App {
    /// The key that saves, as the hint bar names it (a config file may have changed it).
    pub fn save_key(&self) -> String {
        self.keys.hint_key(Command::Save)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_the_same_file_however_written_without_asking_the_file_system() {
        let here = Path::new("/home/me/proj");
        let same = |a: &str, b: &str| same_file(here, Some(Path::new(a)), Some(Path::new(b)));
        assert!(same("mycrm.json", "./mycrm.json"));
        assert!(same("mycrm.json", "/home/me/proj/mycrm.json"));
        assert!(!same("mycrm.json", "/elsewhere/mycrm.json"));
        assert!(same_file(here, None, None));
        assert!(!same_file(here, Some(Path::new("mycrm.json")), None));
    }
}
