//! The help shown for the focused field, from `assets/help.json` (the seed page's descriptions).

use std::collections::HashMap;
use std::sync::OnceLock;

const HELP_JSON: &str = include_str!("../../../assets/help.json");

fn texts() -> &'static HashMap<String, String> {
    static TEXTS: OnceLock<HashMap<String, String>> = OnceLock::new();
    // The file is bundled and checked by a test, so an empty map can only come from a broken build.
    TEXTS.get_or_init(|| serde_json::from_str(HELP_JSON).unwrap_or_default())
}

/// The help text under `key` (e.g. `integration/name`), or an empty string.
pub(crate) fn help(key: &str) -> &'static str {
    texts().get(key).map_or("", String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::{Action, ActionInput, AuthField, AuthFieldType, AuthenticationType, InputType, Integration};

    #[test]
    fn every_field_and_choice_has_help() {
        let mut keys: Vec<String> = Vec::new();
        keys.extend(Integration::KEYS.iter().map(|key| format!("integration/{key}")));
        keys.extend(AuthField::KEYS.iter().map(|key| format!("auth_field/{key}")));
        keys.extend(Action::KEYS.iter().map(|key| format!("action/{key}")));
        keys.extend(ActionInput::KEYS.iter().map(|key| format!("input/{key}")));
        keys.extend(AuthenticationType::ALL.iter().map(|kind| format!("authentication_type/{}", kind.as_str())));
        keys.extend(AuthFieldType::ALL.iter().map(|kind| format!("auth_field_type/{}", kind.as_str())));
        keys.extend(InputType::ALL.iter().map(|kind| format!("input_type/{}", kind.as_str())));
        keys.extend(crate::manifest::seed_tables::CONTACT_FIELDS.iter().map(|field| format!("contact/{field}")));
        keys.push("wrapper/requires_cti".into());
        for key in keys {
            assert!(!help(&key).is_empty(), "assets/help.json has no text for {key}");
            assert!(!help(&key).contains('\n'), "{key} must be one line");
        }
    }
}
