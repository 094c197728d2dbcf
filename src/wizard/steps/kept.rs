//! Keys the wizard does not know, shown read-only on the page of the object holding them: they are
//! kept as written, and a review finding about one jumps to its row.

use super::super::form::Row;
use super::super::steps::{Page, Step};
use crate::manifest::edit::Owner;
use crate::manifest::{Json, Manifest, Shape};

/// The help shown for such a row.
pub(crate) const HELP: &str = "A key the wizard does not know, kept as written: saving writes it back unchanged. \
     No field edits it; change or remove it in the file with a text editor.";

/// The objects whose unknown keys `page` shows.
fn owners(page: Page, manifest: &Manifest) -> Vec<Owner> {
    match page {
        // The wrapper's own unknown keys sit beside the integration's: both are the manifest's.
        Page::Step(Step::Integration) if manifest.written_shape() == Shape::Wrapper => {
            vec![Owner::Wrapper, Owner::Integration]
        }
        Page::Step(Step::Integration) => vec![Owner::Integration],
        Page::AuthField(index) => vec![Owner::AuthField(index)],
        Page::Action(index) => vec![Owner::Action(index)],
        Page::Input { action, input } => vec![Owner::Input { action, input }],
        Page::Step(_) => Vec::new(),
    }
}

/// The unknown keys of `owner`, in the file's order.
fn extra(manifest: &Manifest, owner: Owner) -> &[(String, Json)] {
    let extra = match owner {
        Owner::Wrapper => Some(&manifest.wrapper.extra),
        Owner::Integration => manifest.integration().map(|integration| &integration.extra),
        Owner::AuthField(index) => manifest.auth_field(index).map(|field| &field.extra),
        Owner::Action(index) => manifest.action(index).map(|action| &action.extra),
        Owner::Input { action, input } => manifest.input(action, input).map(|input| &input.extra),
    };
    extra.map_or(&[], Vec::as_slice)
}

/// One read-only row per unknown key of the objects `page` edits.
pub(crate) fn rows(page: Page, manifest: &Manifest) -> Vec<Row> {
    owners(page, manifest)
        .into_iter()
        .flat_map(|owner| (0..extra(manifest, owner).len()).map(move |index| Row::Kept { owner, index }))
        .collect()
}

/// The unknown key a row shows.
pub(crate) fn key(manifest: &Manifest, owner: Owner, index: usize) -> Option<&str> {
    extra(manifest, owner).get(index).map(|(key, _)| key.as_str())
}

/// The value a row shows, as JSON on one line (long strings cut short, so a huge value stays cheap).
pub(crate) fn value(manifest: &Manifest, owner: Owner, index: usize) -> Option<String> {
    let (_, value) = extra(manifest, owner).get(index)?;
    let text = match value {
        Json::String(text) => format!("\"{}\"", super::super::display::clip(text, super::super::display::MAX_DRAWN)),
        other => {
            let pretty = super::super::shown::clipped_json::clipped_pretty(other);
            pretty.lines().map(str::trim).collect::<Vec<_>>().join(" ")
        }
    };
    Some(text)
}
