//! Completion of `{{...}}` templates while typing a format: value providers in action inputs,
//! other authentication fields in an authentication field's format.

use super::editor::EditTarget;
use crate::manifest::edit::Owner;
use crate::manifest::seed_tables::VALUE_PROVIDERS;
use crate::manifest::{AuthFieldKey, InputKey, Key, Manifest};

/// The most completions offered at once.
pub(crate) const MAX_SHOWN: usize = 6;

/// What has been typed of a template the cursor is in: the text after the last `{{` that no `}}` closes.
pub(crate) fn open_template(before_cursor: &str) -> Option<&str> {
    let start = before_cursor.rfind("{{")? + 2;
    let typed = &before_cursor[start..];
    (!typed.contains("}}")).then_some(typed)
}

/// The completions for what is typed before the cursor, best first; empty when not in a template.
pub(crate) fn candidates(manifest: &Manifest, target: EditTarget, before_cursor: &str) -> Vec<String> {
    let EditTarget::Value { owner, key: Key::Input(InputKey::Format) | Key::AuthField(AuthFieldKey::Format) } = target
    else {
        return Vec::new();
    };
    let Some(typed) = open_template(before_cursor) else { return Vec::new() };
    let typed = typed.trim_start();
    let all: Vec<String> = match owner {
        Owner::Input { .. } => VALUE_PROVIDERS
            .iter()
            .flat_map(|(collection, fields)| fields.iter().map(move |field| format!("{collection}.{field}")))
            .collect(),
        Owner::AuthField(own) => (0..manifest.auth_field_count())
            .filter(|index| *index != own)
            .filter_map(|index| manifest.auth_field(index)?.field_name.non_blank().map(str::to_owned))
            .collect(),
        _ => return Vec::new(),
    };
    let lower = typed.to_lowercase();
    let mut matches: Vec<String> = all.iter().filter(|c| c.starts_with(&lower)).cloned().collect();
    // Then those that contain it, so "{{email" finds contact.email.
    matches.extend(all.into_iter().filter(|c| !c.starts_with(&lower) && c.contains(&lower)));
    if matches.len() == 1 && matches[0] == typed {
        return Vec::new();
    }
    matches
}

/// The text after accepting `choice` for the template being typed: the typed part replaced, `}}` added if missing.
pub(crate) fn accept(before_cursor: &str, after_cursor: &str, choice: &str) -> (String, usize) {
    let Some(typed) = open_template(before_cursor) else {
        return (format!("{before_cursor}{after_cursor}"), before_cursor.chars().count());
    };
    let kept = &before_cursor[..before_cursor.len() - typed.len()];
    let closing = if after_cursor.trim_start().starts_with("}}") { "" } else { "}}" };
    let before = format!("{kept}{choice}{closing}");
    let cursor = before.chars().count();
    (format!("{before}{after_cursor}"), cursor)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input_target() -> EditTarget {
        EditTarget::Value { owner: Owner::Input { action: 0, input: 0 }, key: InputKey::Format.into() }
    }

    #[test]
    fn value_providers_are_offered_inside_an_open_template() {
        let manifest = Manifest::new();
        assert!(candidates(&manifest, input_target(), "hello").is_empty());
        assert_eq!(candidates(&manifest, input_target(), "{{").len(), 16);
        assert_eq!(candidates(&manifest, input_target(), "{{contact.em"), ["contact.email"]);
        assert_eq!(candidates(&manifest, input_target(), "Dear {{phone")[0], "contact.phone");
        assert!(
            candidates(&manifest, input_target(), "{{contact.email}} ").is_empty(),
            "a closed template offers nothing"
        );
    }

    #[test]
    fn accepting_replaces_what_was_typed_and_closes_the_template() {
        assert_eq!(
            accept("Dear {{contact.fi", "", "contact.first_name"),
            ("Dear {{contact.first_name}}".to_owned(), 27)
        );
        assert_eq!(accept("{{em", "}} x", "contact.email").0, "{{contact.email}} x");
    }

    #[test]
    fn authentication_formats_offer_the_other_fields() {
        let mut manifest = Manifest::new();
        for name in ["account", "token"] {
            let index = manifest.add_auth_field().expect("list");
            manifest.set_text(Owner::AuthField(index), AuthFieldKey::FieldName, name);
        }
        let target = EditTarget::Value { owner: Owner::AuthField(1), key: AuthFieldKey::Format.into() };
        assert_eq!(candidates(&manifest, target, "https://{{"), ["account"]);
    }
}
