//! The wizard's update logic without a terminal: actions (and a few key events) in, state and manifest out.
// A test reads the files it wrote itself, as it likes; the tool reads only through `storage`.
#![allow(clippy::disallowed_methods)]

#[path = "../support/mod.rs"]
mod support;

use integration_wizard::manifest::edit::{ListRef, Owner};
use integration_wizard::manifest::{AuthenticationType, Slot, read, to_json};
use integration_wizard::wizard::testing::action::{Action, Opened, SaveFailure};
use integration_wizard::wizard::testing::app::{App, Effect, Screen};
use integration_wizard::wizard::testing::document::Document;
use integration_wizard::wizard::testing::editor::TextBox;
use integration_wizard::wizard::testing::form::Row;
use integration_wizard::wizard::testing::keys::action_for;
use integration_wizard::wizard::testing::panels::delete::ConfirmDelete;
use integration_wizard::wizard::testing::panels::keys::KeysPanel;
use integration_wizard::wizard::testing::panels::path_prompt::{PathPrompt, PromptPurpose};
use integration_wizard::wizard::testing::panels::quit::ConfirmQuit;
use integration_wizard::wizard::testing::panels::recovery::{DiscardDraft, RecoverDraft};
use integration_wizard::wizard::testing::panels::save::{ConfirmSave, DiskChanged};
use integration_wizard::wizard::testing::step::{Page, Step};
use ratatui::crossterm::event::{Event, KeyCode, KeyModifiers};
use serde_json::json;
use std::path::PathBuf;
use support::*;
use tui_input::InputRequest;

mod actions;
mod authentication;
mod changes;
mod editing;
mod filter;
mod interaction_types;
mod key_table;
mod moving;
mod problems;
mod recovery;
mod review;
mod saving;

fn text(app: &App, owner: Owner, key: &str) -> Option<String> {
    let key = owner.key_named(key).unwrap_or_else(|| panic!("{key} is no key of {owner:?}"));
    let manifest = &app.doc.manifest;
    let slot = manifest.text(owner, key).cloned().or_else(|| manifest.term(owner, key));
    slot.as_ref().and_then(Slot::as_str).map(str::to_owned)
}

fn field_names(app: &App) -> Vec<String> {
    (0..app.doc.manifest.auth_field_count())
        .map(|index| app.doc.manifest.auth_field(index).and_then(|f| f.field_name.as_str()).unwrap_or("?").to_owned())
        .collect()
}

fn interaction_types(app: &App) -> Vec<String> {
    app.doc
        .manifest
        .integration()
        .and_then(|i| i.interaction_types.get())
        .map(|types| types.iter().map(|t| t.as_str().unwrap_or("?").to_owned()).collect())
        .unwrap_or_default()
}

fn status(app: &App) -> &str {
    app.status.as_deref().unwrap_or("")
}

/// Chooses an authentication type on step 3.
fn choose(app: &mut App, kind: AuthenticationType) {
    press(app, alt('3'));
    focus_row(app, |row| *row == Row::AuthType(kind));
    press(app, key(KeyCode::Char(' ')));
}
