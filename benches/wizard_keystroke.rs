//! How long one keystroke takes in the wizard with a large manifest loaded (2,000 actions of 40 inputs):
//! the update (edit, re-validate) plus a full redraw on a 140x40 `TestBackend`.
//!
//! Run: `cargo bench --bench wizard_keystroke`.

use criterion::{Criterion, criterion_group, criterion_main};
use integration_wizard::manifest::edit::Owner;
use integration_wizard::manifest::{Manifest, read, to_json};
use integration_wizard::wizard::action::Action;
use integration_wizard::wizard::app::App;
use integration_wizard::wizard::document::Document;
use integration_wizard::wizard::step::Step;
use integration_wizard::wizard::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use tui_input::InputRequest;

/// A valid manifest with `actions` actions of `inputs` inputs each.
fn large_manifest(actions: usize, inputs: usize) -> Manifest {
    let mut manifest = Manifest::new();
    for (key, value) in [
        ("name", "bigcrm"),
        ("display_name", "Big CRM"),
        ("description", "a large manifest"),
        ("logo_url", "https://big.example.org/logo.png"),
        ("icon_url", "https://big.example.org/icon.png"),
        ("authentication_type", "none"),
    ] {
        manifest.set_text(Owner::Integration, key, value);
    }
    for action in 0..actions {
        let index = manifest.add_action().expect("actions list");
        let owner = Owner::Action(index);
        manifest.set_text(owner, "name", &format!("action_{action}"));
        manifest.set_text(owner, "display", &format!("do thing {action}"));
        manifest.set_text(owner, "description", &format!("do the thing number {action}"));
        manifest.set_text(owner, "endpoint", &format!("https://big.example.org/actions/{action}"));
        for input in 0..inputs {
            let at = manifest.add_input(index).expect("inputs list");
            let owner = Owner::Input { action: index, input: at };
            manifest.set_text(owner, "key", &format!("field_{input}"));
            manifest.set_text(owner, "name", &format!("Field {input}"));
            manifest.set_text(owner, "format", "{{contact.email}}");
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
        b.iter(|| {
            app.update(Action::Edit(InputRequest::InsertChar('x')));
            app.update(Action::Edit(InputRequest::DeletePrevChar));
            terminal.draw(|frame| view::render(black_box(&app), frame)).expect("draw");
        })
    });

    let mut app = App::editing(Document::opened(parsed.clone(), None));
    app.update(Action::Resize { width: 140, height: 40 });
    app.update(Action::GoTo(Step::Actions));
    group.bench_function("move down the actions list + redraw", |b| {
        b.iter(|| {
            app.update(Action::Down);
            terminal.draw(|frame| view::render(black_box(&app), frame)).expect("draw");
        })
    });

    let mut app = App::editing(Document::opened(parsed, None));
    app.update(Action::Resize { width: 140, height: 40 });
    app.update(Action::GoTo(Step::Actions));
    app.update(Action::Last);
    app.update(Action::Up);
    app.update(Action::Activate); // the last action's form
    app.update(Action::Activate); // edit its name
    group.bench_function("type in an action name + redraw", |b| {
        b.iter(|| {
            app.update(Action::Edit(InputRequest::InsertChar('x')));
            app.update(Action::Edit(InputRequest::DeletePrevChar));
            terminal.draw(|frame| view::render(black_box(&app), frame)).expect("draw");
        })
    });
    group.finish();
}

criterion_group!(benches, keystroke);
criterion_main!(benches);
