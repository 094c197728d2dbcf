//! Fuzzes the draft reader: a draft as it comes from the drafts folder, where anything can be
//! (a tampered history, a manifest cut short), offered, recovered, then undone and redone to the end.
//!
//! The input is a draft's JSON as `Drafts::load` reads it; when it is not one, it is split at its
//! first NUL byte into the manifest's text and the history's text, so that the history (JSON inside
//! a JSON string in a real draft) is reached by most inputs.
//!
//! For any input, nothing panics (no overflow in a patch, no index out of bounds), and:
//! - a history that is offered is one that fits its manifest (`Kept::check`), else it is left out;
//! - recovering ends on the draft's manifest; undoing every change and redoing them all (the
//!   draft's own redo changes included) never panics.
#![no_main]

use integration_wizard::manifest::{read, to_json};
use integration_wizard::storage::drafts::{Draft, DraftKey};
use integration_wizard::wizard::testing::action::Action;
use integration_wizard::wizard::testing::app::App;
use integration_wizard::wizard::testing::overlay::Overlay;
use libfuzzer_sys::fuzz_target;

/// More steps than a history holds (500 changes and the recovery): a walk that does not end is a finding.
const MOST_STEPS: usize = 600;

fn draft_of(bytes: &[u8]) -> Draft {
    if let Ok(draft) = serde_json::from_slice::<Draft>(bytes) {
        return draft;
    }
    let (manifest, history) = match bytes.iter().position(|byte| *byte == 0) {
        Some(at) => (&bytes[..at], Some(&bytes[at + 1..])),
        None => (bytes, None),
    };
    Draft {
        path: None,
        written_at: 1,
        manifest: String::from_utf8_lossy(manifest).into_owned(),
        history: history.map(|history| String::from_utf8_lossy(history).into_owned()),
    }
}

fuzz_target!(|bytes: &[u8]| {
    let draft = draft_of(bytes);
    let Ok(parsed) = read(draft.manifest.as_bytes()) else {
        return;
    };
    let expected = to_json(&parsed.manifest);
    let mut app = App::start(Vec::new());
    app.update(Action::Resize { width: 100, height: 30 });
    app.update(Action::OfferDraft {
        key: DraftKey::for_new(),
        draft: Box::new(draft),
        differences: Vec::new(),
        file_is_newer: false,
    });
    assert!(matches!(app.overlay, Some(Overlay::Recover { .. })), "the draft is offered");
    app.update(Action::Answer('y'));
    assert_eq!(to_json(&app.doc.manifest), expected, "recovering ends on the draft's manifest");
    for _ in 0..MOST_STEPS {
        app.update(Action::Undo);
    }
    for _ in 0..MOST_STEPS {
        app.update(Action::Redo);
    }
});
