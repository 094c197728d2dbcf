//! How long one keystroke takes in the wizard with a large manifest loaded (2,000 actions of 40 inputs),
//! and with a pathologically long description (50 MB): the update (edit, re-validate) plus a full
//! redraw on a 140x40 `TestBackend`. Each figure is one keystroke: every iteration presses one key.
//! The keys of a case take turns and undo each other (a character typed, then deleted; a move down,
//! then up), so every key does something and the manifest is the same after each pair: the figure
//! does not grow with the run's length. The last group presses keys inside values of 5 MB and
//! 50 MB, on one line and in lines of 80 characters, at their end and in their middle.
//!
//! This measures the update and the drawing only, not the terminal, the input or the drafts:
//! `benches/wizard_latency.rs` measures a keystroke end to end, through the built binary.
//!
//! Run: `cargo bench --bench wizard_keystroke`.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

use criterion::{Bencher, Criterion, criterion_group, criterion_main};
use integration_wizard::manifest::edit::Owner;
use integration_wizard::manifest::{ActionKey, AuthenticationType, InputKey, IntegrationKey, Manifest, read, to_json};
use integration_wizard::wizard::testing::action::Action;
use integration_wizard::wizard::testing::app::App;
use integration_wizard::wizard::testing::document::Document;
use integration_wizard::wizard::testing::step::Step;
use integration_wizard::wizard::testing::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::time::{Duration, Instant};
use tui_input::InputRequest;

/// A character typed, then deleted.
fn type_and_delete() -> [Action; 2] {
    [Action::Edit(InputRequest::InsertChar('x')), Action::Edit(InputRequest::DeletePrevChar)]
}

/// Presses the keys of `cycle` in turn, one per iteration, each followed by a full redraw; ends
/// after a whole cycle, so the next run starts from the same state.
fn in_turn(b: &mut Bencher, app: &mut App, terminal: &mut Terminal<TestBackend>, cycle: &[Action]) {
    let mut next = 0;
    b.iter(|| {
        app.update(cycle[next % cycle.len()].clone());
        next += 1;
        terminal.draw(|frame| view::render(black_box(&*app), frame)).expect("draw");
    });
    while next % cycle.len() != 0 {
        app.update(cycle[next % cycle.len()].clone());
        next += 1;
    }
}

/// A valid manifest with `actions` actions of `inputs` inputs each.
fn large_manifest(actions: usize, inputs: usize) -> Manifest {
    let mut manifest = Manifest::new();
    for (key, value) in [
        (IntegrationKey::Name, "bigcrm"),
        (IntegrationKey::DisplayName, "Big CRM"),
        (IntegrationKey::Description, "a large manifest"),
        (IntegrationKey::LogoUrl, "https://big.example.org/logo.png"),
        (IntegrationKey::IconUrl, "https://big.example.org/icon.png"),
    ] {
        manifest.set_text(Owner::Integration, key, value);
    }
    manifest.set_authentication_type(AuthenticationType::None);
    for action in 0..actions {
        let index = manifest.add_action().expect("actions list");
        let owner = Owner::Action(index);
        manifest.set_text(owner, ActionKey::Name, &format!("action_{action}"));
        manifest.set_text(owner, ActionKey::Display, &format!("do thing {action}"));
        manifest.set_text(owner, ActionKey::Description, &format!("do the thing number {action}"));
        manifest.set_text(owner, ActionKey::Endpoint, &format!("https://big.example.org/actions/{action}"));
        for input in 0..inputs {
            let at = manifest.add_input(index).expect("inputs list");
            let owner = Owner::Input { action: index, input: at };
            manifest.set_text(owner, InputKey::Key, &format!("field_{input}"));
            manifest.set_text(owner, InputKey::Name, &format!("Field {input}"));
            manifest.set_text(owner, InputKey::Format, "{{contact.email}}");
        }
    }
    manifest
}

fn keystroke(c: &mut Criterion) {
    let text = to_json(&large_manifest(2_000, 40));
    let parsed = read(text.as_bytes()).expect("valid JSON");
    let mut terminal = Terminal::new(TestBackend::new(140, 40)).expect("test terminal");
    let mut group = c.benchmark_group("keystroke with 2,000 actions x 40 inputs");
    group.sample_size(20);

    let mut app = App::editing(Document::opened(parsed.clone(), None));
    app.update(Action::Resize { width: 140, height: 40 });
    app.update(Action::Activate); // edit the integration's name
    group.bench_function("type in the integration name + redraw", |b| {
        in_turn(b, &mut app, &mut terminal, &type_and_delete())
    });

    // From the top of the list: down to the second action, then up to the first, in turn.
    let mut app = App::editing(Document::opened(parsed.clone(), None));
    app.update(Action::Resize { width: 140, height: 40 });
    app.update(Action::GoTo(Step::Actions));
    let before = app.focus;
    app.update(Action::Down);
    assert_ne!(app.focus, before, "Down moves in the actions list");
    app.update(Action::Up);
    group.bench_function("move in the actions list (down, up) + redraw", |b| {
        in_turn(b, &mut app, &mut terminal, &[Action::Down, Action::Up])
    });

    let parsed_for_visits = parsed.clone();
    let mut app = App::editing(Document::opened(parsed, None));
    app.update(Action::Resize { width: 140, height: 40 });
    app.update(Action::GoTo(Step::Actions));
    app.update(Action::Last);
    app.update(Action::Up);
    app.update(Action::Activate); // the last action's form
    app.update(Action::Activate); // edit its name
    group
        .bench_function("type in an action name + redraw", |b| in_turn(b, &mut app, &mut terminal, &type_and_delete()));

    // Enter that ends a field visit: the change is recorded for undo (the manifest is compared with
    // the one after the previous change). Only that Enter is timed; the visits add a character and
    // take it away in turn. Enter goes to the next row, Up comes back.
    let mut app = App::editing(Document::opened(parsed_for_visits, None));
    app.update(Action::Resize { width: 140, height: 40 });
    app.update(Action::Down); // the display name
    let mut visits = 0;
    group.bench_function("finish a field visit (Enter) + redraw", |b| {
        b.iter_custom(|iterations| {
            let mut timed = Duration::ZERO;
            for _ in 0..iterations {
                app.update(Action::Activate);
                app.update(type_and_delete()[visits % 2].clone());
                visits += 1;
                let started = Instant::now();
                app.update(Action::Activate);
                terminal.draw(|frame| view::render(black_box(&app), frame)).expect("draw");
                timed += started.elapsed();
                app.update(Action::Up);
            }
            timed
        })
    });
    group.finish();
}

/// The bundled mycrm example with a description of about `bytes` bytes, in lines of 80 characters.
fn long_description(bytes: usize) -> Manifest {
    let example = integration_wizard::wizard::testing::examples::EXAMPLES[0].json;
    let mut manifest = read(example.as_bytes()).expect("the example").manifest;
    let line = "Centralizing all the customer context in one place, so agents answer faster now.\n";
    manifest.set_text(Owner::Integration, IntegrationKey::Description, &line.repeat(bytes / line.len() + 1));
    manifest
}

/// The integration's page with a long description, the focus on `row` of the form (0 is the name).
fn description_app(bytes: usize, row: usize) -> App {
    let parsed = read(to_json(&long_description(bytes)).as_bytes()).expect("valid JSON");
    let mut app = App::editing(Document::opened(parsed, None));
    app.update(Action::Resize { width: 140, height: 40 });
    for _ in 0..row {
        app.update(Action::Down);
    }
    app.update(Action::Activate);
    app
}

fn long_values(c: &mut Criterion) {
    let mut terminal = Terminal::new(TestBackend::new(140, 40)).expect("test terminal");
    let mut group = c.benchmark_group("keystroke with a long description");
    group.sample_size(10);
    let mut app = description_app(50_000_000, 0);
    group.bench_function("50 MB description: type in the name + redraw", |b| {
        in_turn(b, &mut app, &mut terminal, &type_and_delete())
    });
    drop(app);
    for (label, bytes) in [("64 KB", 64_000), ("50 MB", 50_000_000)] {
        let mut app = description_app(bytes, 2);
        group.bench_function(format!("{label} description: type at its end + redraw"), |b| {
            in_turn(b, &mut app, &mut terminal, &type_and_delete())
        });
    }
    let mut app = one_line_app(5_000_000);
    group.bench_function("5 MB single-line description: type at its end + redraw", |b| {
        in_turn(b, &mut app, &mut terminal, &type_and_delete())
    });
    app.update(Action::Edit(InputRequest::SetCursor(2_500_000)));
    group.bench_function("5 MB single-line description: type in its middle + redraw", |b| {
        in_turn(b, &mut app, &mut terminal, &type_and_delete())
    });
    group.finish();
}

/// The integration's page editing a description of `bytes` bytes without a line break (one line).
fn one_line_app(bytes: usize) -> App {
    let words = "Centralizing all the customer context in one place, so agents answer faster now. ";
    editing_description(&words.repeat(bytes / words.len() + 1))
}

/// A value of about `bytes` bytes made of words, on one line or broken every 80 characters or so.
fn words(bytes: usize, multiline: bool) -> String {
    let sentence = "Centralizing all the customer context in one place, so agents answer faster now.";
    let separator = if multiline { "\n" } else { " " };
    let mut value = String::with_capacity(bytes + sentence.len());
    while value.len() < bytes {
        value.push_str(sentence);
        value.push_str(separator);
    }
    value.pop(); // no separator at the end: "at its end" is inside the last sentence
    value
}

/// The integration's page editing a description set to `value`, the cursor at its end.
fn editing_description(value: &str) -> App {
    let example = integration_wizard::wizard::testing::examples::EXAMPLES[0].json;
    let mut manifest = read(example.as_bytes()).expect("the example").manifest;
    manifest.set_text(Owner::Integration, IntegrationKey::Description, value);
    let parsed = read(to_json(&manifest).as_bytes()).expect("valid JSON");
    let mut app = App::editing(Document::opened(parsed, None));
    app.update(Action::Resize { width: 140, height: 40 });
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::Activate);
    app
}

/// One keystroke inside a long value (issue: its cost must not grow with the value's length). Each
/// case presses two keys in turn that leave the value as it was (type then Backspace, Backspace then
/// the same character typed again, ← then →), one per iteration, each followed by a full redraw, at
/// the value's end and in its middle.
fn inside_long_values(c: &mut Criterion) {
    let mut terminal = Terminal::new(TestBackend::new(140, 40)).expect("test terminal");
    let mut group = c.benchmark_group("keystroke inside a long value");
    group.sample_size(10);
    group.warm_up_time(std::time::Duration::from_secs(1));
    group.measurement_time(std::time::Duration::from_secs(3));
    for (label, bytes, multiline) in [
        ("5 MB single-line", 5_000_000, false),
        ("50 MB single-line", 50_000_000, false),
        ("50 MB multi-line", 50_000_000, true),
    ] {
        let value = words(bytes, multiline);
        let mut app = editing_description(&value);
        for place in ["end", "middle"] {
            // The character before the cursor, typed again after Backspace deletes it.
            let before = if place == "end" {
                value.chars().last()
            } else if multiline {
                // The middle line's 40th character: ↑ to the middle line, then the cursor to column 40.
                for _ in 0..value.len() / 2 / 81 {
                    app.update(Action::EditorLine { up: true });
                }
                app.update(Action::Edit(InputRequest::SetCursor(40)));
                Some('n')
            } else {
                app.update(Action::Edit(InputRequest::SetCursor(value.len() / 2)));
                value.chars().nth(value.len() / 2 - 1)
            };
            let before = before.expect("a character before the cursor");
            let edit = Action::Edit;
            let mut cases = vec![
                ("type", [edit(InputRequest::InsertChar('x')), edit(InputRequest::DeletePrevChar)]),
                ("delete", [edit(InputRequest::DeletePrevChar), edit(InputRequest::InsertChar(before))]),
                ("move the cursor", [edit(InputRequest::GoToPrevChar), edit(InputRequest::GoToNextChar)]),
            ];
            if multiline {
                // Alt-Enter splits the line and Backspace joins it again: the list of lines moves.
                cases.push(("break the line", [Action::Newline, edit(InputRequest::DeletePrevChar)]));
            }
            for (what, actions) in cases {
                group.bench_function(format!("{label}: {what} at its {place} + redraw"), |b| {
                    in_turn(b, &mut app, &mut terminal, &actions)
                });
            }
        }
    }
    group.finish();
}

criterion_group!(benches, keystroke, long_values, inside_long_values);
criterion_main!(benches);
