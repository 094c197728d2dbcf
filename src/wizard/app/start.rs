//! The start screen (new, example, open, recent, drafts) and opening a manifest or a recovered draft.

use super::*;
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
            Action::Quit | Action::Back => effects.push(Effect::Quit),
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            _ => {}
        }
    }

    pub(super) fn choose_start_item(&mut self, effects: &mut Vec<Effect>) {
        match self.start.items[self.start.focus].clone() {
            StartItem::Blank => self.open_document(Document::blank(None)),
            StartItem::Example(index) => match read(EXAMPLES[index].json.as_bytes()) {
                Ok(parsed) => {
                    self.open_document(Document::opened(parsed, None));
                    self.status = Some("a copy of the example: Ctrl-S asks where to save it".into());
                }
                Err(diagnostic) => self.status = Some(diagnostic.message),
            },
            StartItem::Open => {
                self.overlay = Some(Overlay::Prompt { purpose: PromptPurpose::Open, input: Input::default() });
            }
            StartItem::Recent(path) => effects.push(Effect::Open(path)),
            StartItem::Draft(key, draft) => effects.push(Effect::Recover(key, draft)),
        }
    }

    pub(super) fn loaded(&mut self, path: PathBuf, result: Result<Box<Opened>, String>) {
        match result {
            Ok(opened) => {
                let Opened { parsed, disk_hash } = *opened;
                let problems = parsed.notes.len();
                self.open_document(Document::opened(parsed, Some(path.clone())));
                self.doc.disk_hash = Some(disk_hash);
                let errors = self.doc.error_count();
                self.status = Some(match (errors, problems) {
                    (0, 0) => format!("opened {}", path.display()),
                    _ => format!("opened {}: {} (see Review & save)", path.display(), self.problem_summary()),
                });
            }
            Err(message) => {
                self.screen = Screen::Start;
                self.status = Some(format!("cannot open {}: {message}", path.display()));
            }
        }
    }

    pub(super) fn open_document(&mut self, doc: Document) {
        self.doc = doc;
        self.screen = Screen::Editor;
        self.page = Page::Step(Step::Integration);
        self.focus = 0;
        self.back.clear();
        self.editor = None;
        self.caches.review = ReviewJson::default();
        // A new document starts again at generation 0 on the same page and row as the last one,
        // so the preview's source alone would not tell it changed.
        self.caches.preview = PreviewCache::default();
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
        if self.screen == Screen::Start
            || !same_file(&self.working_dir, self.doc.path.as_deref(), draft.path.as_deref())
        {
            let mut doc = Document::opened(parsed.clone(), draft.path.clone());
            doc.disk_hash = None;
            self.open_document(doc);
        }
        self.doc.manifest = parsed.manifest;
        self.doc.modified = true;
        self.doc.generation += 1;
        self.doc.revalidate();
        self.status = Some("recovered your unsaved work; Ctrl-S saves it".into());
    }

    pub(super) fn problem_summary(&self) -> String {
        let Counts { errors, warnings } = Counts::of(self.doc.diagnostics());
        format!("{errors} error(s), {warnings} warning(s)")
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
