//! The manifest's objects (wrapper, integration, authentication field, action, action input) and their keys.

use super::object::json_object;
use super::seed_tables::{AuthFieldType, AuthenticationType, InputType};
use super::slot::Slot;
use super::vocab::Vocab;

/// A list as found in the file: each element kept even when it is not of the expected type.
pub type List<T> = Vec<Slot<T>>;

json_object! {
    /// The top level of a manifest file: the integration and its actions (SPEC §2).
    pub struct Wrapper keys WrapperKey {
        /// A JSON Schema reference, kept as written.
        "$schema" as Schema => schema: String,
        /// The integration needs CTI, which makes `agent_synchronization_endpoint` mandatory.
        "requires_cti" as RequiresCti => requires_cti: bool,
        "integration" as Integration => integration: Integration,
        "actions" as Actions => actions: List<Action>,
    }
}

json_object! {
    /// Talkdesk's integration configuration document.
    pub struct Integration keys IntegrationKey {
        "name" as Name => name: String,
        "display_name" as DisplayName => display_name: String,
        "description" as Description => description: String,
        "logo_url" as LogoUrl => logo_url: String,
        "icon_url" as IconUrl => icon_url: String,
        "authentication_type" as AuthenticationType => authentication_type: Vocab<AuthenticationType>,
        "authentication_configuration" as AuthenticationConfiguration => authentication_configuration: List<AuthField>,
        "auth_validation_endpoint" as AuthValidationEndpoint => auth_validation_endpoint: String,
        "contact_synchronization_endpoint" as ContactSynchronizationEndpoint => contact_synchronization_endpoint: String,
        "interaction_retrieval_endpoint" as InteractionRetrievalEndpoint => interaction_retrieval_endpoint: String,
        "agent_synchronization_endpoint" as AgentSynchronizationEndpoint => agent_synchronization_endpoint: String,
        "interaction_types" as InteractionTypes => interaction_types: List<String>,
    }
}

json_object! {
    /// One entry of `authentication_configuration`: a value Talkdesk obtains for each account.
    pub struct AuthField keys AuthFieldKey {
        "field_name" as FieldName => field_name: String,
        "display" as Display => display: String,
        "mandatory" as Mandatory => mandatory: bool,
        "type" as Type => field_type: Vocab<AuthFieldType>,
        "store" as Store => store: bool,
        "help" as Help => help: String,
        "format" as Format => format: String,
    }
}

json_object! {
    /// Talkdesk's action configuration document: something Talkdesk can ask the bridge to do.
    pub struct Action keys ActionKey {
        "provider" as Provider => provider: String,
        "name" as Name => name: String,
        "display" as Display => display: String,
        "description" as Description => description: String,
        "endpoint" as Endpoint => endpoint: String,
        "inputs" as Inputs => inputs: List<ActionInput>,
    }
}

json_object! {
    /// A field an action receives from Talkdesk.
    pub struct ActionInput keys InputKey {
        "key" as Key => key: String,
        "name" as Name => name: String,
        "mandatory" as Mandatory => mandatory: bool,
        "type" as Type => input_type: Vocab<InputType>,
        "format" as Format => format: String,
    }
}

/// How the file is laid out at the top (SPEC §2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Shape {
    /// `{"integration": {...}, "actions": [...]}`: what the tool writes for new manifests.
    #[default]
    Wrapper,
    /// The integration document alone, with its keys at the top.
    Bare,
}

/// A manifest: the wrapper's content, and the shape the file had.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Manifest {
    /// The shape the file was read in; see [`Manifest::written_shape`] for the one it is saved in.
    pub shape: Shape,
    /// The top-level object and everything in it.
    pub wrapper: Wrapper,
}

impl Manifest {
    /// A new, empty manifest in the wrapper shape, with an empty integration.
    pub fn new() -> Self {
        let wrapper = Wrapper { integration: Slot::Value(Integration::default()), ..Wrapper::default() };
        Manifest { shape: Shape::Wrapper, wrapper }
    }

    /// The integration, when the file has one as an object.
    pub fn integration(&self) -> Option<&Integration> {
        self.wrapper.integration.get()
    }

    /// The integration, creating an empty one if the file has none (or not an object).
    pub fn integration_mut(&mut self) -> &mut Integration {
        if self.wrapper.integration.get().is_none() {
            self.wrapper.integration = Slot::Value(Integration::default());
        }
        match &mut self.wrapper.integration {
            Slot::Value(integration) => integration,
            _ => unreachable!("the integration was just set"),
        }
    }

    /// The actions that are objects, with their index in the list.
    pub fn actions(&self) -> impl Iterator<Item = (usize, &Action)> {
        self.wrapper
            .actions
            .get()
            .into_iter()
            .flatten()
            .enumerate()
            .filter_map(|(index, slot)| slot.get().map(|action| (index, action)))
    }

    /// How many entries the actions list has (objects or not).
    pub fn action_count(&self) -> usize {
        self.wrapper.actions.get().map_or(0, Vec::len)
    }

    /// The shape a save writes: a bare file stays bare only while it has nothing a bare
    /// integration document cannot hold (actions, `requires_cti`, unknown wrapper keys).
    pub fn written_shape(&self) -> Shape {
        let wrapper_only = self.action_count() > 0
            || !self.wrapper.actions.is_absent() && self.wrapper.actions.get().is_none()
            || !self.wrapper.requires_cti.is_absent()
            || !self.wrapper.extra.is_empty()
            || self.wrapper.integration.get().is_none();
        match self.shape {
            Shape::Bare if !wrapper_only => Shape::Bare,
            _ => Shape::Wrapper,
        }
    }

    /// The JSON pointer prefix of the integration's keys in the written file: "" when bare.
    pub fn integration_pointer(&self) -> &'static str {
        match self.written_shape() {
            Shape::Bare => "",
            Shape::Wrapper => "/integration",
        }
    }
}
