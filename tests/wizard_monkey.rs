//! A "monkey" drives the wizard with thousands of random keys, pastes, clicks and resizes, drawing
//! every state on a `TestBackend` of the same random size. Nothing may panic, the manifest must
//! always write and read back equal, and the wizard's incrementally kept diagnostics must equal a
//! full validation.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

use integration_wizard::manifest::{read, to_json, validate};
use integration_wizard::wizard::testing::action::{Action, SaveFailure, fingerprint};
use integration_wizard::wizard::testing::app::{App, Effect};
use integration_wizard::wizard::testing::document::Document;
use integration_wizard::wizard::testing::examples::EXAMPLES;
use integration_wizard::wizard::testing::path_list::FolderEntry;
use integration_wizard::wizard::testing::step::Step;
use integration_wizard::wizard::testing::view;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use tui_input::InputRequest;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z_]{1,8}",
        Just("{{contact.em".to_owned()),
        Just("https://x.example.org/a".to_owned()),
        Just("日本語 👍🏽 e\u{301} עברית".to_owned()),
        Just("\u{1b}[31mred\u{7}\u{9b}".to_owned()),
        Just("multi\nline\r\npaste".to_owned()),
        Just("Create a ticket".to_owned()),
        any::<String>(),
    ]
}

fn request() -> impl Strategy<Value = InputRequest> {
    prop_oneof![
        6 => any::<char>().prop_map(InputRequest::InsertChar),
        2 => prop::sample::select(vec!['a', '{', '}', '.', ',', ' ', 'Z']).prop_map(InputRequest::InsertChar),
        2 => Just(InputRequest::DeletePrevChar),
        1 => Just(InputRequest::DeleteNextChar),
        1 => Just(InputRequest::GoToPrevChar),
        1 => Just(InputRequest::GoToStart),
        1 => Just(InputRequest::GoToEnd),
        1 => Just(InputRequest::DeleteLine),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        4 => Just(Action::Down),
        2 => Just(Action::Up),
        2 => Just(Action::Next),
        1 => Just(Action::Previous),
        1 => Just(Action::PageDown),
        1 => Just(Action::Last),
        2 => prop::sample::select(Step::ALL.to_vec()).prop_map(Action::GoTo),
        5 => Just(Action::Activate),
        2 => Just(Action::Toggle),
        2 => any::<bool>().prop_map(Action::Cycle),
        3 => Just(Action::Back),
        2 => Just(Action::Add),
        1 => Just(Action::Duplicate),
        1 => Just(Action::Delete),
        1 => any::<bool>().prop_map(|up| Action::MoveItem { up }),
        1 => Just(Action::QuickFix),
        1 => Just(Action::RemoveUnrequired),
        1 => Just(Action::Filter),
        1 => Just(Action::Help),
        1 => Just(Action::TogglePreview),
        8 => request().prop_map(Action::Edit),
        1 => Just(Action::Newline),
        1 => any::<bool>().prop_map(|up| Action::EditorLine { up }),
        1 => Just(Action::Finish),
        2 => text().prop_map(Action::Paste),
        2 => prop::sample::select(vec!['y', 'n', 'q', 's', 'o', 'r']).prop_map(Action::Answer),
        1 => (0u16..200, 0u16..60).prop_map(|(column, row)| Action::Click { column, row }),
        1 => any::<bool>().prop_map(|down| Action::Scroll { down }),
        2 => (1u16..200, 1u16..60).prop_map(|(width, height)| Action::Resize { width, height }),
        1 => Just(Action::Save),
        1 => Just(Action::Quit),
    ]
}

fn start(choice: usize) -> App {
    match choice {
        0 => App::start(Vec::new()),
        1 => App::editing(Document::blank(None)),
        2 | 3 => {
            let parsed = read(EXAMPLES[choice - 2].json.as_bytes()).expect("bundled example");
            App::editing(Document::opened(parsed, Some("example.json".into())))
        }
        _ => {
            let broken = br#"{"integration": {"name": 5, "authentication_type": "OAuth2", "authentication_configuration": [{"legacy": {"display": "L"}}, 3]}, "actions": [{"name": "a", "inputs": [{"type": "select", "format": "x,,x"}]}, {"name": "a"}], "x": [1]}"#;
            App::editing(Document::opened(read(broken).expect("an object"), Some("broken.json".into())))
        }
    }
}

/// Answers the effects as the real loop would, without touching the disk. A quit is counted but
/// the monkey goes on, so every sequence is driven to its end.
fn perform(app: &mut App, effects: Vec<Effect>, quits: &mut usize) {
    let mut pending = effects;
    while let Some(effect) = pending.pop() {
        let more = match effect {
            Effect::Quit => {
                *quits += 1;
                Vec::new()
            }
            Effect::Save { path, contents, .. } => {
                let result = if path.to_string_lossy().contains("fail") {
                    Err(SaveFailure::Failed("disk full".into()))
                } else {
                    Ok(fingerprint(contents.as_bytes()))
                };
                app.update(Action::Saved { path, result })
            }
            Effect::Open(path) => app.update(Action::Loaded { path, result: Err("no such file".into()) }),
            Effect::DiscardDrafts(_) | Effect::DiscardWorkDrafts(_) | Effect::Recover(..) => Vec::new(),
            Effect::WriteTicket { path, .. } => app.update(Action::TicketWritten { path, result: Ok(()) }),
            // The author's editor adds a line; suspending comes back at once.
            Effect::ExternalEdit { text, opened_for_it } => {
                app.update(Action::ExternalEdited { result: Ok(format!("{text}\nedited\n")), opened_for_it })
            }
            Effect::Suspend => Vec::new(),
            // A folder of one manifest and one other JSON file.
            Effect::ReadFolder(folder) => {
                let entry = |name: &str, manifest| FolderEntry { name: name.into(), is_dir: false, manifest };
                let entries = vec![entry("example.json", true), entry("package.json", false)];
                app.update(Action::FolderRead { folder, result: Ok(entries) })
            }
            // Nothing is sent: the probe's thread answers with a report that skipped the endpoint.
            Effect::Probe { bridge, target, .. } => {
                let report =
                    integration_wizard::probe::EndpointReport::skipped(&target, &bridge, "not sent by the test");
                app.update(Action::Probed(Box::new(report), Default::default()))
            }
        };
        pending.extend(more);
    }
}

fn check_invariants(app: &App) -> Result<(), TestCaseError> {
    let manifest = &app.doc.manifest;
    let written = to_json(manifest);
    let reread = read(written.as_bytes())
        .map_err(|d| TestCaseError::fail(format!("written manifest does not read: {}", d.message)))?;
    prop_assert_eq!(&reread.manifest, manifest, "the manifest must write and read back equal");
    let mut kept: Vec<_> =
        app.doc.diagnostics().iter().map(|d| (d.pointer.clone(), d.code, d.message.clone())).collect();
    let mut full: Vec<_> = app
        .doc
        .notes
        .iter()
        .chain(validate(manifest).iter())
        .map(|d| (d.pointer.clone(), d.code, d.message.clone()))
        .collect();
    kept.sort();
    full.sort();
    prop_assert_eq!(kept, full, "incremental diagnostics differ from a full validation");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, max_shrink_iters: 2000, ..ProptestConfig::default() })]

    #[test]
    fn random_events_never_break_the_wizard(choice in 0usize..5, actions in prop::collection::vec(action(), 1..300)) {
        let mut app = start(choice);
        let mut quits = 0;
        let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("terminal");
        for (step, action) in actions.into_iter().enumerate() {
            let effects = app.update(action);
            perform(&mut app, effects, &mut quits);
            let (width, height) = app.size;
            if terminal.backend().size().map(|size| (size.width, size.height)).ok() != Some((width, height)) {
                terminal.backend_mut().resize(width, height);
            }
            terminal.draw(|frame| view::render(&app, frame)).expect("draw");
            if step % 25 == 0 {
                check_invariants(&app)?;
            }
        }
        check_invariants(&app)?;
    }
}
