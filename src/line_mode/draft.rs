//! This session's draft, in the drafts store every wizard shares: written before each question
//! that follows a change, so a session that is killed or whose input ends loses nothing entered.

use super::session::Keeper;
use crate::escape::one_line;
use crate::manifest::to_json;
use crate::storage::drafts::{self, Draft, DraftKey, Drafts};
use crate::wizard::document::Document;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// The store (holding this process's lock while the session runs) and the key of this work.
pub(crate) struct SessionDraft {
    store: Rc<RefCell<Drafts>>,
    key: DraftKey,
    /// A failure to write was said already.
    warned: Rc<Cell<bool>>,
}

impl SessionDraft {
    /// The draft of `doc`'s work: by its path, or of a new manifest of this session.
    pub(crate) fn open(doc: &Document) -> Self {
        let key = doc.path.as_deref().map_or_else(DraftKey::for_new, DraftKey::for_path);
        SessionDraft { store: Rc::new(RefCell::new(Drafts::open())), key, warned: Rc::new(Cell::new(false)) }
    }

    /// Why no draft is kept, when the data folder is refused (another user's, or writable by others).
    pub(crate) fn refused(&self) -> Option<String> {
        self.store.borrow().refused().map(str::to_owned)
    }

    /// Marks the failure to write drafts as said already.
    pub(crate) fn warned_already(&self) {
        self.warned.set(true);
    }

    /// How many drafts of the same file earlier sessions left (the wizard offers them back).
    pub(crate) fn earlier(&self) -> usize {
        self.store.borrow().orphans_of(&self.key).len()
    }

    /// What to say about drafts that could not be read and were passed over (after [`SessionDraft::earlier`]).
    pub(crate) fn passed_over(&self) -> Option<String> {
        self.store.borrow().passed_over()
    }

    /// Writes the draft; the first failure is said at once, since the author counts on it.
    pub(crate) fn keeper(&self) -> Keeper {
        let (store, key, warned) = (Rc::clone(&self.store), self.key.clone(), Rc::clone(&self.warned));
        Box::new(move |doc: &Document| {
            if let Err(error) = write(&mut store.borrow_mut(), &key, doc)
                && !warned.replace(true)
            {
                crate::output::message(format!(
                    "integration-wizard: drafts cannot be written ({}); if the session ends before a save, what you entered is lost",
                    one_line(&error)
                ));
            }
        })
    }

    /// Writes the draft now.
    pub(crate) fn write(&self, doc: &Document) -> Result<(), String> {
        write(&mut self.store.borrow_mut(), &self.key, doc)
    }

    /// Removes this session's draft (saved, or discarded by quitting without saving).
    pub(crate) fn remove(&self) {
        self.store.borrow().remove(&self.key);
    }
}

fn write(store: &mut Drafts, key: &DraftKey, doc: &Document) -> Result<(), String> {
    // An absolute path: the draft must find its file again from whatever folder the next start is in.
    let path = doc.path.as_ref().map(|path| std::path::absolute(path).unwrap_or_else(|_| path.clone()));
    store.write(key, &Draft { path, written_at: drafts::now(), manifest: to_json(&doc.manifest), history: None })
}
