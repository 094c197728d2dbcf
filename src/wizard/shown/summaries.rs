//! One-line summaries of list elements (authentication fields, actions, inputs, interaction types).

use crate::manifest::edit::ListRef;
use crate::manifest::{Manifest, Slot};
use crate::wizard::display::shown as one_line;

/// What a list row says about its element, e.g. `create_ticket — create a ticket (3 inputs)`.
pub(crate) fn item_label(manifest: &Manifest, list: ListRef, index: usize) -> String {
    let or_unnamed = |slot: Option<&Slot<String>>| match slot.and_then(Slot::non_blank) {
        Some(text) => one_line(text).into_owned(),
        None => "(unnamed)".to_owned(),
    };
    match list {
        ListRef::AuthFields => match manifest.auth_field(index) {
            Some(field) => {
                let kind = field.field_type.written().unwrap_or("?");
                let mandatory = if field.mandatory.as_bool() == Some(true) { ", mandatory" } else { "" };
                let required = if manifest.is_required_auth_field(index) { "[required] " } else { "" };
                format!(
                    "{required}{} — {} ({kind}{mandatory})",
                    or_unnamed(Some(&field.field_name)),
                    or_unnamed(Some(&field.display))
                )
            }
            None => "(not an object)".to_owned(),
        },
        ListRef::Actions => match manifest.action(index) {
            Some(action) => {
                let inputs = action.inputs.get().map_or(0, Vec::len);
                let display = action.display.non_blank().map(|d| format!(" — {}", one_line(d))).unwrap_or_default();
                format!(
                    "{}{display} ({inputs} input{})",
                    or_unnamed(Some(&action.name)),
                    if inputs == 1 { "" } else { "s" }
                )
            }
            None => "(not an object)".to_owned(),
        },
        ListRef::Inputs(action) => match manifest.input(action, index) {
            Some(input) => {
                let kind = input.input_type.written().unwrap_or("?");
                let mandatory = if input.mandatory.as_bool() == Some(true) { ", mandatory" } else { "" };
                format!("{} — {} ({kind}{mandatory})", or_unnamed(Some(&input.key)), or_unnamed(Some(&input.name)))
            }
            None => "(not an object)".to_owned(),
        },
        ListRef::InteractionTypes => {
            let slot =
                manifest.integration().and_then(|i| i.interaction_types.get()).and_then(|types| types.get(index));
            match slot {
                Some(Slot::Value(text)) => one_line(text).into_owned(),
                Some(other) => format!("({})", other.found()),
                None => String::new(),
            }
        }
    }
}

/// The label of a list's add row.
pub(crate) fn add_label(list: ListRef) -> &'static str {
    match list {
        ListRef::AuthFields => "+ add an authentication field",
        ListRef::InteractionTypes => "+ add an interaction type",
        ListRef::Actions => "+ add an action",
        ListRef::Inputs(_) => "+ add an input",
    }
}
