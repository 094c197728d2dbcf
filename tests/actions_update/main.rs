//! The actions step (SPEC §5, step 5) without a terminal: actions and their inputs added, copied, deleted and
//! reordered; providers kept equal to the integration's name; select options; live checks of literal
//! defaults; `{{` completion; the `/` filter on a long list; and jumps from the review into an input.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

#[path = "../support/mod.rs"]
mod support;

use integration_wizard::manifest::edit::{ListRef, Owner};
use integration_wizard::manifest::{ActionKey, InputKey, Key, Manifest, ObjectKey, Slot, read};
use integration_wizard::wizard::testing::action::Action;
use integration_wizard::wizard::testing::app::{App, Mode};
use integration_wizard::wizard::testing::document::Document;
use integration_wizard::wizard::testing::form::Row;
use integration_wizard::wizard::testing::layout::inline_diagnostics;
use integration_wizard::wizard::testing::panels::delete::ConfirmDelete;
use integration_wizard::wizard::testing::step::{Page, Step};
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use serde_json::json;
use support::*;

mod defaults;
mod filter;
mod lists;
mod providers;
mod review;
mod select;

fn text(app: &App, owner: Owner, key: impl ObjectKey) -> Option<String> {
    let manifest = &app.doc.manifest;
    let slot = manifest.text(owner, key).cloned().or_else(|| manifest.term(owner, key));
    slot.as_ref().and_then(Slot::as_str).map(str::to_owned)
}

fn status(app: &App) -> &str {
    app.status.as_deref().unwrap_or("")
}

fn providers(app: &App) -> Vec<Option<String>> {
    (0..app.doc.manifest.action_count()).map(|index| text(app, Owner::Action(index), ActionKey::Provider)).collect()
}

fn action_names(app: &App) -> Vec<String> {
    (0..app.doc.manifest.action_count())
        .map(|index| text(app, Owner::Action(index), ActionKey::Name).unwrap_or_default())
        .collect()
}

fn input_keys(app: &App, action: usize) -> Vec<String> {
    (0..app.doc.manifest.input_count(action))
        .map(|input| text(app, Owner::Input { action, input }, InputKey::Key).unwrap_or_default())
        .collect()
}

fn format_of(app: &App, action: usize, input: usize) -> Option<String> {
    text(app, Owner::Input { action, input }, InputKey::Format)
}

/// The codes of the problems shown under the focused row.
fn focused_codes(app: &App) -> Vec<&'static str> {
    let row = app.focused_row().expect("a focused row");
    inline_diagnostics(app, row).0.into_iter().map(|diagnostic| diagnostic.code).collect()
}

fn shift(code: KeyCode) -> ratatui::crossterm::event::Event {
    key_with(code, KeyModifiers::SHIFT)
}

fn alt(code: KeyCode) -> ratatui::crossterm::event::Event {
    key_with(code, KeyModifiers::ALT)
}

/// Opens action `index` from the list of step 5.
fn open_action(app: &mut App, index: usize) {
    press(app, alt(KeyCode::Char('5')));
    focus_row(app, |row| *row == Row::Item(ListRef::Actions, index));
    press(app, key(KeyCode::Enter));
    assert_eq!(app.page, Page::Action(index));
}

/// Opens input `input` of action `action`.
fn open_input(app: &mut App, action: usize, input: usize) {
    open_action(app, action);
    focus_row(app, |row| *row == Row::Item(ListRef::Inputs(action), input));
    press(app, key(KeyCode::Enter));
    assert_eq!(app.page, Page::Input { action, input });
}

/// Sets the type of the open input with → until it is `kind`.
fn choose_type(app: &mut App, kind: &str) {
    let Page::Input { action, input } = app.page else { panic!("not on an input: {:?}", app.page) };
    focus_key(app, "type");
    for _ in 0..7 {
        if text(app, Owner::Input { action, input }, InputKey::Type).as_deref() == Some(kind) {
            return;
        }
        press(app, key(KeyCode::Right));
    }
    panic!("no input type {kind}");
}

/// mycrm's `subject` input (a text) retyped as `kind`, with `typed` in its open Format editor.
fn format_typed(kind: &str, typed: &str) -> App {
    let mut app = mycrm();
    open_input(&mut app, 0, 0);
    choose_type(&mut app, kind);
    focus_key(&mut app, "format");
    press(&mut app, key(KeyCode::Enter));
    assert!(app.editor().is_some(), "Enter edits the format");
    type_text(&mut app, typed);
    app
}
