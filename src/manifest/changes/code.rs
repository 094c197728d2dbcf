//! The kinds of change, each with a stable code and, for those that break a live integration, why.

use serde::Serialize;

/// What kind of change a [`super::Change`] is. The codes (`as_str`) are stable: scripts and the
/// JSON output of `diff` rely on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeCode {
    /// A value of the integration (or of the file's top level) changed, was added or removed.
    IntegrationChanged,
    /// The authentication type changed.
    AuthenticationTypeChanged,
    /// An endpoint (the integration's or an action's) moved to another host.
    EndpointHostChanged,
    /// An optional authentication field was added.
    AuthFieldAdded,
    /// A mandatory authentication field was added.
    MandatoryAuthFieldAdded,
    /// An authentication field was removed.
    AuthFieldRemoved,
    /// An authentication field's `field_name` changed, the rest staying the same.
    AuthFieldRenamed,
    /// An authentication field was made mandatory.
    AuthFieldMadeMandatory,
    /// Another value of an authentication field changed.
    AuthFieldChanged,
    /// An action was added.
    ActionAdded,
    /// An action was removed.
    ActionRemoved,
    /// An action's `name` changed, the rest staying the same.
    ActionRenamed,
    /// A value of an action changed.
    ActionChanged,
    /// An optional input was added to an action.
    InputAdded,
    /// A mandatory input was added to an action.
    MandatoryInputAdded,
    /// An input was removed from an action.
    InputRemoved,
    /// An input was made mandatory.
    InputMadeMandatory,
    /// Another value of an input changed.
    InputChanged,
}

impl ChangeCode {
    /// Every code, in the order a change list is grouped.
    pub const ALL: &'static [ChangeCode] = &[
        ChangeCode::IntegrationChanged,
        ChangeCode::AuthenticationTypeChanged,
        ChangeCode::EndpointHostChanged,
        ChangeCode::AuthFieldAdded,
        ChangeCode::MandatoryAuthFieldAdded,
        ChangeCode::AuthFieldRemoved,
        ChangeCode::AuthFieldRenamed,
        ChangeCode::AuthFieldMadeMandatory,
        ChangeCode::AuthFieldChanged,
        ChangeCode::ActionAdded,
        ChangeCode::ActionRemoved,
        ChangeCode::ActionRenamed,
        ChangeCode::ActionChanged,
        ChangeCode::InputAdded,
        ChangeCode::MandatoryInputAdded,
        ChangeCode::InputRemoved,
        ChangeCode::InputMadeMandatory,
        ChangeCode::InputChanged,
    ];

    /// The stable kebab-case code, e.g. `action-renamed`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ChangeCode::IntegrationChanged => "integration-changed",
            ChangeCode::AuthenticationTypeChanged => "authentication-type-changed",
            ChangeCode::EndpointHostChanged => "endpoint-host-changed",
            ChangeCode::AuthFieldAdded => "auth-field-added",
            ChangeCode::MandatoryAuthFieldAdded => "mandatory-auth-field-added",
            ChangeCode::AuthFieldRemoved => "auth-field-removed",
            ChangeCode::AuthFieldRenamed => "auth-field-renamed",
            ChangeCode::AuthFieldMadeMandatory => "auth-field-made-mandatory",
            ChangeCode::AuthFieldChanged => "auth-field-changed",
            ChangeCode::ActionAdded => "action-added",
            ChangeCode::ActionRemoved => "action-removed",
            ChangeCode::ActionRenamed => "action-renamed",
            ChangeCode::ActionChanged => "action-changed",
            ChangeCode::InputAdded => "input-added",
            ChangeCode::MandatoryInputAdded => "mandatory-input-added",
            ChangeCode::InputRemoved => "input-removed",
            ChangeCode::InputMadeMandatory => "input-made-mandatory",
            ChangeCode::InputChanged => "input-changed",
        }
    }

    /// Why a change of this kind breaks the live integration, or `None` when it does not.
    pub const fn breaking(self) -> Option<&'static str> {
        match self {
            ChangeCode::AuthenticationTypeChanged => {
                Some("every account must connect again: the credentials stored for the old type do not fit the new one")
            }
            ChangeCode::EndpointHostChanged => {
                Some("Talkdesk calls the new host for every account at once; the bridge must already answer there")
            }
            ChangeCode::MandatoryAuthFieldAdded => {
                Some("every account must enter it (re-enter its credentials) before the integration works again")
            }
            ChangeCode::AuthFieldRemoved => {
                Some("the value every account stored is no longer sent; accounts must re-enter their credentials")
            }
            ChangeCode::AuthFieldRenamed => {
                Some("values are stored by field_name: every account's stored value is lost and must be entered again")
            }
            ChangeCode::AuthFieldMadeMandatory => {
                Some("every account that left it empty must re-enter its credentials")
            }
            ChangeCode::ActionRemoved => Some("agents' workflows that use this action stop working"),
            ChangeCode::ActionRenamed => {
                Some("workflows name the action they run; those using the old name stop working")
            }
            ChangeCode::MandatoryInputAdded => {
                Some("workflows that run this action do not fill the new input yet, so their calls fail")
            }
            ChangeCode::InputMadeMandatory => Some("workflows that leave this input empty stop working"),
            ChangeCode::IntegrationChanged
            | ChangeCode::AuthFieldAdded
            | ChangeCode::AuthFieldChanged
            | ChangeCode::ActionAdded
            | ChangeCode::ActionChanged
            | ChangeCode::InputAdded
            | ChangeCode::InputRemoved
            | ChangeCode::InputChanged => None,
        }
    }
}

impl std::fmt::Display for ChangeCode {
    fn fmt(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str(self.as_str())
    }
}
