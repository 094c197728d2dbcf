//! What the editor features know of each object of a manifest: its keys, their help (the text the
//! wizard shows), whether each is mandatory, and the values an enumeration allows.

use super::tree::{Node, Segment};
use crate::manifest::{
    Action, ActionInput, AuthField, AuthFieldType, AuthenticationType, InputType, Integration, Wrapper,
};
use crate::wizard::shown::help_text::help;

/// The kinds of object in a manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Object {
    /// The top level of a manifest that has an `integration` key.
    Wrapper,
    /// The integration document.
    Integration,
    /// An element of `authentication_configuration`.
    AuthField,
    /// An element of `actions`.
    Action,
    /// An element of an action's `inputs`.
    Input,
}

/// Whether a key must be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Requirement {
    /// Always.
    Mandatory,
    /// Only in some cases, said in words.
    When(&'static str),
    /// Never.
    Optional,
}

/// True when the document is a bare integration (no `integration` key, integration keys at the
/// top), the same test reading uses.
pub(crate) fn is_bare(root: &Node) -> bool {
    root.get("integration").is_none() && (root.get("name").is_some() || root.get("authentication_type").is_some())
}

impl Object {
    /// The object that `path` leads to, if it is one of a manifest's.
    pub(crate) fn at(path: &[Segment], bare: bool) -> Option<Object> {
        use Segment::{Index, Key};
        match path {
            [] if !bare => return Some(Object::Wrapper),
            [Key(actions), Index(_)] if actions == "actions" => return Some(Object::Action),
            [Key(actions), Index(_), Key(inputs), Index(_)] if actions == "actions" && inputs == "inputs" => {
                return Some(Object::Input);
            }
            _ => {}
        }
        let inside = match path {
            _ if bare => path,
            [Key(integration), rest @ ..] if integration == "integration" => rest,
            _ => return None,
        };
        match inside {
            [] => Some(Object::Integration),
            [Key(list), Index(_)] if list == "authentication_configuration" => Some(Object::AuthField),
            _ => None,
        }
    }

    /// Its known keys, in the order the tool writes them.
    pub(crate) fn keys(self) -> &'static [&'static str] {
        match self {
            Object::Wrapper => Wrapper::KEYS,
            Object::Integration => Integration::KEYS,
            Object::AuthField => AuthField::KEYS,
            Object::Action => Action::KEYS,
            Object::Input => ActionInput::KEYS,
        }
    }

    /// How the object is called in a sentence.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Object::Wrapper => "manifest",
            Object::Integration => "integration",
            Object::AuthField => "authentication field",
            Object::Action => "action",
            Object::Input => "action input",
        }
    }

    /// The help the wizard shows for `key`, when it is a known key.
    pub(crate) fn help(self, key: &str) -> Option<&'static str> {
        let prefix = match self {
            Object::Wrapper => "wrapper",
            Object::Integration => "integration",
            Object::AuthField => "auth_field",
            Object::Action => "action",
            Object::Input => "input",
        };
        Some(help(&format!("{prefix}/{key}"))).filter(|text| !text.is_empty())
    }

    /// Whether `key` must be written (SPEC §3, checked against the rules by a test).
    pub(crate) fn requirement(self, key: &str) -> Requirement {
        use Requirement::{Mandatory, Optional, When};
        match (self, key) {
            (Object::Wrapper, "integration") => Mandatory,
            (Object::Integration, "name" | "display_name" | "description" | "logo_url" | "icon_url") => Mandatory,
            (Object::Integration, "authentication_type") => Mandatory,
            (Object::Integration, "authentication_configuration") => When("unless authentication_type is none"),
            (Object::Integration, "agent_synchronization_endpoint") => When("when requires_cti is true"),
            (Object::AuthField, "field_name" | "display" | "mandatory" | "type" | "store") => Mandatory,
            (Object::Action, "provider" | "name" | "display" | "description" | "endpoint" | "inputs") => Mandatory,
            (Object::Input, "key" | "name" | "type") => Mandatory,
            (Object::Input, "format") => When("for a select input (its options)"),
            _ => Optional,
        }
    }

    /// The values `key` allows, with the help of each, when it is an enumeration.
    pub(crate) fn choices(self, key: &str) -> Option<Vec<(&'static str, &'static str)>> {
        let (prefix, values): (&str, Vec<&'static str>) = match (self, key) {
            (Object::Integration, "authentication_type") => {
                ("authentication_type", AuthenticationType::ALL.iter().map(|kind| kind.as_str()).collect())
            }
            (Object::AuthField, "type") => {
                ("auth_field_type", AuthFieldType::ALL.iter().map(|kind| kind.as_str()).collect())
            }
            (Object::Input, "type") => ("input_type", InputType::ALL.iter().map(|kind| kind.as_str()).collect()),
            _ => return None,
        };
        Some(values.into_iter().map(|value| (value, help(&format!("{prefix}/{value}")))).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::check;

    fn segments(path: &[&str]) -> Vec<Segment> {
        path.iter()
            .map(|token| token.parse().map_or_else(|_| Segment::Key((*token).to_owned()), Segment::Index))
            .collect()
    }

    #[test]
    fn paths_lead_to_their_objects_in_both_shapes() {
        assert_eq!(Object::at(&segments(&[]), false), Some(Object::Wrapper));
        assert_eq!(Object::at(&segments(&["integration"]), false), Some(Object::Integration));
        assert_eq!(
            Object::at(&segments(&["integration", "authentication_configuration", "2"]), false),
            Some(Object::AuthField)
        );
        assert_eq!(Object::at(&segments(&["actions", "0", "inputs", "1"]), false), Some(Object::Input));
        assert_eq!(Object::at(&segments(&[]), true), Some(Object::Integration));
        assert_eq!(Object::at(&segments(&["authentication_configuration", "0"]), true), Some(Object::AuthField));
        assert_eq!(Object::at(&segments(&["integration", "interaction_types"]), false), None);
    }

    /// The table says what the rules do: removing a mandatory key from the example is an error at
    /// that key, removing an optional one is none.
    #[test]
    fn requirements_agree_with_the_rules() {
        let example: serde_json::Value =
            serde_json::from_str(include_str!("../../assets/examples/mycrm.json")).expect("the example");
        let objects = [
            (Object::Integration, "/integration"),
            (Object::AuthField, "/integration/authentication_configuration/0"),
            (Object::Action, "/actions/0"),
            (Object::Input, "/actions/0/inputs/0"),
        ];
        for (object, pointer) in objects {
            for key in object.keys() {
                let mut manifest = example.clone();
                let Some(target) = manifest.pointer_mut(pointer).and_then(|value| value.as_object_mut()) else {
                    panic!("{pointer} is an object of the example")
                };
                if target.remove(*key).is_none() {
                    continue;
                }
                let found = check(manifest.to_string().as_bytes()).diagnostics;
                let missing = found.iter().any(|d| d.is_error() && d.pointer == format!("{pointer}/{key}"));
                match object.requirement(key) {
                    Requirement::Mandatory => assert!(missing, "{pointer}/{key} is mandatory: {found:?}"),
                    Requirement::Optional => assert!(!missing, "{pointer}/{key} is optional: {found:?}"),
                    // Depends on other keys; the example needs authentication fields, not CTI.
                    Requirement::When(_) => {}
                }
            }
        }
    }

    #[test]
    fn every_known_key_has_help() {
        for object in [Object::Integration, Object::AuthField, Object::Action, Object::Input] {
            for key in object.keys() {
                assert!(object.help(key).is_some(), "{key} of {object:?}");
            }
        }
        assert!(Object::Wrapper.help("requires_cti").is_some());
    }
}
