//! Edits the wizard makes to a manifest: addressing a value by owner and key, and the list and authentication operations.
//!
//! Every edit keeps what the author wrote elsewhere: unknown keys, wrong-typed values and
//! fields an earlier authentication type required all stay until the author removes them.

use super::diagnostic::escape_token;
use super::key::{Key, ObjectKey};
use super::model::{
    Action, ActionInput, ActionKey, AuthField, AuthFieldKey, InputKey, Integration, IntegrationKey, List, Manifest,
    WrapperKey,
};
use super::seed_tables::{AuthFieldType, AuthenticationType, InputType};
use super::slot::Slot;

/// The object a value belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Owner {
    /// The top level (`requires_cti`).
    Wrapper,
    /// The `integration` object.
    Integration,
    /// An entry of `authentication_configuration`, by index.
    AuthField(usize),
    /// An action, by index.
    Action(usize),
    /// An input of an action, by indices.
    Input {
        /// The action's index.
        action: usize,
        /// The input's index within the action.
        input: usize,
    },
}

impl Owner {
    /// The JSON pointer of the object in the file as it will be written.
    pub fn pointer(self, manifest: &Manifest) -> String {
        let integration = manifest.integration_pointer();
        match self {
            Owner::Wrapper => String::new(),
            Owner::Integration => integration.to_owned(),
            Owner::AuthField(index) => {
                format!("{integration}/authentication_configuration/{index}")
            }
            Owner::Action(index) => format!("/actions/{index}"),
            Owner::Input { action, input } => format!("/actions/{action}/inputs/{input}"),
        }
    }

    /// The JSON pointer of `key` in this object.
    pub fn key_pointer(self, manifest: &Manifest, key: impl ObjectKey) -> String {
        format!("{}/{}", self.pointer(manifest), escape_token(key.key().as_str()))
    }

    /// The known key of this owner's kind of object written as `name` in JSON (for text that names a
    /// key, such as a pointer's token); None when the object has no such key.
    pub fn key_named(self, name: &str) -> Option<Key> {
        Some(match self {
            Owner::Wrapper => Key::Wrapper(WrapperKey::parse(name)?),
            Owner::Integration => Key::Integration(IntegrationKey::parse(name)?),
            Owner::AuthField(_) => Key::AuthField(AuthFieldKey::parse(name)?),
            Owner::Action(_) => Key::Action(ActionKey::parse(name)?),
            Owner::Input { .. } => Key::Input(InputKey::parse(name)?),
        })
    }

    /// True when `key` is a key of this owner's kind of object (an integration key for the integration).
    pub fn holds(self, key: impl ObjectKey) -> bool {
        matches!(
            (self, key.key()),
            (Owner::Wrapper, Key::Wrapper(_))
                | (Owner::Integration, Key::Integration(_))
                | (Owner::AuthField(_), Key::AuthField(_))
                | (Owner::Action(_), Key::Action(_))
                | (Owner::Input { .. }, Key::Input(_))
        )
    }
}

/// A key of another object than its owner's is a mistake in the code, not in the file: tests catch it.
fn mismatched<T>(owner: Owner, key: Key) -> Option<T> {
    debug_assert!(false, "{key} is not a key of {owner:?}");
    None
}

impl Manifest {
    /// The text under `key` of `owner`, when both exist. A type (`InputKey::Type`, ...) is no free
    /// text but a vocabulary value: [`Manifest::term`] reads it.
    pub fn text(&self, owner: Owner, key: impl ObjectKey) -> Option<&Slot<String>> {
        match (owner, key.key()) {
            (Owner::Wrapper, Key::Wrapper(key)) => self.wrapper.text(key),
            (Owner::Integration, Key::Integration(key)) => self.integration()?.text(key),
            (Owner::AuthField(index), Key::AuthField(key)) => self.auth_field(index)?.text(key),
            (Owner::Action(index), Key::Action(key)) => self.action(index)?.text(key),
            (Owner::Input { action, input }, Key::Input(key)) => self.input(action, input)?.text(key),
            (owner, key) => mismatched(owner, key),
        }
    }

    /// The text under `key` of `owner`, mutably.
    pub fn text_mut(&mut self, owner: Owner, key: impl ObjectKey) -> Option<&mut Slot<String>> {
        match (owner, key.key()) {
            (Owner::Wrapper, Key::Wrapper(key)) => self.wrapper.text_mut(key),
            (Owner::Integration, Key::Integration(key)) => self.integration_mut().text_mut(key),
            (Owner::AuthField(index), Key::AuthField(key)) => self.auth_field_mut(index)?.text_mut(key),
            (Owner::Action(index), Key::Action(key)) => self.action_mut(index)?.text_mut(key),
            (Owner::Input { action, input }, Key::Input(key)) => self.input_mut(action, input)?.text_mut(key),
            (owner, key) => mismatched(owner, key),
        }
    }

    /// The boolean under `key` of `owner`, when both exist.
    pub fn flag(&self, owner: Owner, key: impl ObjectKey) -> Option<&Slot<bool>> {
        match (owner, key.key()) {
            (Owner::Wrapper, Key::Wrapper(key)) => self.wrapper.flag(key),
            (Owner::Integration, Key::Integration(key)) => self.integration()?.flag(key),
            (Owner::AuthField(index), Key::AuthField(key)) => self.auth_field(index)?.flag(key),
            (Owner::Action(index), Key::Action(key)) => self.action(index)?.flag(key),
            (Owner::Input { action, input }, Key::Input(key)) => self.input(action, input)?.flag(key),
            (owner, key) => mismatched(owner, key),
        }
    }

    /// The boolean under `key` of `owner`, mutably.
    pub fn flag_mut(&mut self, owner: Owner, key: impl ObjectKey) -> Option<&mut Slot<bool>> {
        match (owner, key.key()) {
            (Owner::Wrapper, Key::Wrapper(key)) => self.wrapper.flag_mut(key),
            (Owner::Integration, Key::Integration(key)) => self.integration_mut().flag_mut(key),
            (Owner::AuthField(index), Key::AuthField(key)) => self.auth_field_mut(index)?.flag_mut(key),
            (Owner::Action(index), Key::Action(key)) => self.action_mut(index)?.flag_mut(key),
            (Owner::Input { action, input }, Key::Input(key)) => self.input_mut(action, input)?.flag_mut(key),
            (owner, key) => mismatched(owner, key),
        }
    }

    /// True when `owner` exists and the file has `key` in it (with any value, even a wrong one).
    pub fn has(&self, owner: Owner, key: impl ObjectKey) -> bool {
        match (owner, key.key()) {
            (Owner::Wrapper, Key::Wrapper(key)) => self.wrapper.has(key),
            (Owner::Integration, Key::Integration(key)) => self.integration().is_some_and(|i| i.has(key)),
            (Owner::AuthField(index), Key::AuthField(key)) => self.auth_field(index).is_some_and(|f| f.has(key)),
            (Owner::Action(index), Key::Action(key)) => self.action(index).is_some_and(|a| a.has(key)),
            (Owner::Input { action, input }, Key::Input(key)) => self.input(action, input).is_some_and(|i| i.has(key)),
            (owner, key) => mismatched(owner, key).unwrap_or(false),
        }
    }

    /// The text of the vocabulary value (a type) under `key` of `owner`, as a form shows it.
    pub fn term(&self, owner: Owner, key: impl ObjectKey) -> Option<Slot<String>> {
        match (owner, key.key()) {
            (Owner::Wrapper, Key::Wrapper(key)) => self.wrapper.term(key),
            (Owner::Integration, Key::Integration(key)) => self.integration()?.term(key),
            (Owner::AuthField(index), Key::AuthField(key)) => self.auth_field(index)?.term(key),
            (Owner::Action(index), Key::Action(key)) => self.action(index)?.term(key),
            (Owner::Input { action, input }, Key::Input(key)) => self.input(action, input)?.term(key),
            (owner, key) => mismatched(owner, key),
        }
    }

    /// Sets the vocabulary value (a type) under `key` of `owner` from its text: Talkdesk's spelling
    /// of a value is `Known`, any other text is kept as `Other`; an empty text removes the key.
    /// False when there is no such value to set (no such element, or `key` holds no type).
    pub fn set_term(&mut self, owner: Owner, key: impl ObjectKey, text: &str) -> bool {
        match (owner, key.key()) {
            (Owner::Wrapper, Key::Wrapper(key)) => self.wrapper.set_term(key, text),
            (Owner::Integration, Key::Integration(key)) => self.integration_mut().set_term(key, text),
            (Owner::AuthField(index), Key::AuthField(key)) => {
                self.auth_field_mut(index).is_some_and(|field| field.set_term(key, text))
            }
            (Owner::Action(index), Key::Action(key)) => self.action_mut(index).is_some_and(|a| a.set_term(key, text)),
            (Owner::Input { action, input }, Key::Input(key)) => {
                self.input_mut(action, input).is_some_and(|input| input.set_term(key, text))
            }
            (owner, key) => mismatched(owner, key).unwrap_or(false),
        }
    }

    /// Sets a text value; an empty text removes the key, so an optional key the author clears stays out of the file.
    /// It changes nothing else: renaming the integration is [`Manifest::rename_integration`].
    pub fn set_text(&mut self, owner: Owner, key: impl ObjectKey, text: &str) {
        if let Some(slot) = self.text_mut(owner, key) {
            *slot = if text.is_empty() { Slot::Absent } else { Slot::Value(text.to_owned()) };
        }
    }

    /// Flips a boolean; a missing or wrong-typed value becomes `true`.
    pub fn toggle(&mut self, owner: Owner, key: impl ObjectKey) {
        if let Some(slot) = self.flag_mut(owner, key) {
            *slot = Slot::Value(!slot.as_bool().unwrap_or(false));
        }
    }

    /// Renames the integration, and every action's provider with it: Talkdesk requires each
    /// provider to be the integration's name (an empty name removes both). Returns how many
    /// providers changed.
    pub fn rename_integration(&mut self, name: &str) -> usize {
        self.set_text(Owner::Integration, IntegrationKey::Name, name);
        self.sync_providers()
    }

    /// Makes every action's provider the integration's name; returns how many changed.
    pub fn sync_providers(&mut self) -> usize {
        let name = self.integration().and_then(|integration| integration.name.as_str()).unwrap_or_default().to_owned();
        let Some(actions) = self.wrapper.actions.get_mut() else {
            return 0;
        };
        let mut changed = 0;
        for action in actions.iter_mut().filter_map(Slot::get_mut) {
            if action.provider.as_str() != Some(name.as_str()) {
                action.provider = if name.is_empty() { Slot::Absent } else { Slot::Value(name.clone()) };
                changed += 1;
            }
        }
        changed
    }

    /// The authentication type, when it is one of the five.
    pub fn authentication_type(&self) -> Option<AuthenticationType> {
        self.integration()?.authentication_type.get()?.lenient()
    }

    /// Chooses an authentication type and adds the fields it requires that are missing (SPEC §2.4).
    /// Returns the names of the fields added. Fields already there are never removed or changed.
    pub fn set_authentication_type(&mut self, kind: AuthenticationType) -> Vec<&'static str> {
        let integration = self.integration_mut();
        integration.authentication_type = Slot::Value(kind.into());
        if kind.required_fields().is_empty() {
            return Vec::new();
        }
        let fields = list_mut(&mut integration.authentication_configuration);
        let Some(fields) = fields else {
            return Vec::new();
        };
        let mut added = Vec::new();
        for required in kind.required_fields() {
            let present =
                fields.iter().filter_map(Slot::get).any(|field| field.field_name.as_str() == Some(required.field_name));
            if !present {
                fields.push(Slot::Value(super::auth_switch::added_field(required)));
                added.push(required.field_name);
            }
        }
        added
    }

    /// True when the authentication field at `index` is one the chosen type requires:
    /// the wizard then neither deletes nor renames it.
    pub fn is_required_auth_field(&self, index: usize) -> bool {
        let (Some(kind), Some(field)) = (self.authentication_type(), self.auth_field(index)) else {
            return false;
        };
        let name = field.field_name.as_str();
        let required = kind.required_fields().iter().any(|required| Some(required.field_name) == name);
        // Only the first field of a name is the required one; a repeat can be renamed or removed.
        let first = (0..index).all(|earlier| self.auth_field(earlier).and_then(|f| f.field_name.as_str()) != name);
        required && first
    }

    /// The authentication field at `index`, when it is an object.
    pub fn auth_field(&self, index: usize) -> Option<&AuthField> {
        self.integration()?.authentication_configuration.get()?.get(index)?.get()
    }

    fn auth_field_mut(&mut self, index: usize) -> Option<&mut AuthField> {
        self.wrapper.integration.get_mut()?.authentication_configuration.get_mut()?.get_mut(index)?.get_mut()
    }

    /// How many entries `authentication_configuration` has (objects or not).
    pub fn auth_field_count(&self) -> usize {
        self.integration().and_then(|integration| integration.authentication_configuration.get()).map_or(0, Vec::len)
    }

    /// The action at `index`, when it is an object.
    pub fn action(&self, index: usize) -> Option<&Action> {
        self.wrapper.actions.get()?.get(index)?.get()
    }

    fn action_mut(&mut self, index: usize) -> Option<&mut Action> {
        self.wrapper.actions.get_mut()?.get_mut(index)?.get_mut()
    }

    /// The input at `input` of the action at `action`, when both are objects.
    pub fn input(&self, action: usize, input: usize) -> Option<&ActionInput> {
        self.action(action)?.inputs.get()?.get(input)?.get()
    }

    fn input_mut(&mut self, action: usize, input: usize) -> Option<&mut ActionInput> {
        self.action_mut(action)?.inputs.get_mut()?.get_mut(input)?.get_mut()
    }

    /// How many inputs the action at `action` has (objects or not).
    pub fn input_count(&self, action: usize) -> usize {
        self.action(action).and_then(|action| action.inputs.get()).map_or(0, Vec::len)
    }

    /// A list of the manifest, for the list operations below.
    pub fn list_mut(&mut self, list: ListRef) -> Option<&mut dyn ListOps> {
        match list {
            ListRef::AuthFields => {
                list_mut(&mut self.integration_mut().authentication_configuration).map(|l| l as &mut dyn ListOps)
            }
            ListRef::InteractionTypes => {
                list_mut(&mut self.integration_mut().interaction_types).map(|l| l as &mut dyn ListOps)
            }
            ListRef::Actions => list_mut(&mut self.wrapper.actions).map(|l| l as &mut dyn ListOps),
            ListRef::Inputs(action) => list_mut(&mut self.action_mut(action)?.inputs).map(|l| l as &mut dyn ListOps),
        }
    }

    /// Adds a new action with its provider set to the integration's name; returns its index.
    pub fn add_action(&mut self) -> Option<usize> {
        let provider = self.integration().and_then(|integration| integration.name.as_str()).map(str::to_owned);
        let actions = list_mut(&mut self.wrapper.actions)?;
        actions.push(Slot::Value(Action {
            provider: provider.map_or(Slot::Absent, Slot::Value),
            inputs: Slot::Value(Vec::new()),
            ..Action::default()
        }));
        Some(actions.len() - 1)
    }

    /// Adds a new input (type `text`, not mandatory) to an action; returns its index.
    pub fn add_input(&mut self, action: usize) -> Option<usize> {
        let inputs = list_mut(&mut self.action_mut(action)?.inputs)?;
        inputs.push(Slot::Value(ActionInput {
            mandatory: Slot::Value(false),
            input_type: Slot::Value(InputType::Text.into()),
            ..ActionInput::default()
        }));
        Some(inputs.len() - 1)
    }

    /// Adds a new authentication field (typed by the user, mandatory, stored); returns its index.
    pub fn add_auth_field(&mut self) -> Option<usize> {
        let fields = list_mut(&mut self.integration_mut().authentication_configuration)?;
        fields.push(Slot::Value(AuthField {
            mandatory: Slot::Value(true),
            field_type: Slot::Value(AuthFieldType::Input.into()),
            store: Slot::Value(true),
            ..AuthField::default()
        }));
        Some(fields.len() - 1)
    }

    /// Adds an interaction type; returns its index.
    pub fn add_interaction_type(&mut self, name: &str) -> Option<usize> {
        let types = list_mut(&mut self.integration_mut().interaction_types)?;
        types.push(Slot::Value(name.to_owned()));
        Some(types.len() - 1)
    }

    /// The interaction type at `index`, mutably.
    pub fn interaction_type_mut(&mut self, index: usize) -> Option<&mut Slot<String>> {
        self.wrapper.integration.get_mut()?.interaction_types.get_mut()?.get_mut(index)
    }
}

/// A list the wizard edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListRef {
    /// `authentication_configuration`.
    AuthFields,
    /// `interaction_types`.
    InteractionTypes,
    /// `actions`.
    Actions,
    /// The inputs of the action at this index.
    Inputs(usize),
}

/// Operations every list offers, whatever its elements.
pub trait ListOps {
    /// How many elements the list has.
    fn len(&self) -> usize;
    /// True when the list is empty.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Removes the element at `index`, if there is one.
    fn remove_at(&mut self, index: usize);
    /// Inserts a copy of the element at `index` right after it; returns the copy's index.
    fn duplicate_at(&mut self, index: usize) -> Option<usize>;
    /// Swaps the element at `index` with its neighbour (`up` towards the start); returns its new index.
    fn move_at(&mut self, index: usize, up: bool) -> Option<usize>;
}

impl<T: Clone + Renamable> ListOps for List<T> {
    fn len(&self) -> usize {
        Vec::len(self)
    }

    fn remove_at(&mut self, index: usize) {
        if index < Vec::len(self) {
            self.remove(index);
        }
    }

    fn duplicate_at(&mut self, index: usize) -> Option<usize> {
        let mut copy = self.get(index)?.clone();
        if let Slot::Value(value) = &mut copy {
            value.mark_as_copy();
        }
        self.insert(index + 1, copy);
        Some(index + 1)
    }

    fn move_at(&mut self, index: usize, up: bool) -> Option<usize> {
        let target = if up { index.checked_sub(1)? } else { index + 1 };
        if target >= Vec::len(self) {
            return None;
        }
        self.swap(index, target);
        Some(target)
    }
}

/// A list element whose identifying name gets a `_copy` suffix when duplicated, so the copy is not a repeat.
pub trait Renamable {
    /// Renames a fresh copy.
    fn mark_as_copy(&mut self);
}

fn suffix(slot: &mut Slot<String>) {
    if let Slot::Value(name) = slot {
        name.push_str("_copy");
    }
}

impl Renamable for AuthField {
    fn mark_as_copy(&mut self) {
        suffix(&mut self.field_name);
    }
}

impl Renamable for Action {
    fn mark_as_copy(&mut self) {
        suffix(&mut self.name);
    }
}

impl Renamable for ActionInput {
    fn mark_as_copy(&mut self) {
        suffix(&mut self.key);
    }
}

impl Renamable for String {
    fn mark_as_copy(&mut self) {
        self.push_str(" (copy)");
    }
}

/// The list in `slot`, created empty when the key is absent or null. A value of another
/// type is the author's and is not replaced: then there is no list to edit (None).
fn list_mut<T>(slot: &mut Slot<List<T>>) -> Option<&mut List<T>> {
    if matches!(slot, Slot::Absent | Slot::Null) {
        *slot = Slot::Value(Vec::new());
    }
    slot.get_mut()
}

impl Integration {
    /// The interaction types that are strings.
    pub fn interaction_type_names(&self) -> impl Iterator<Item = &str> {
        self.interaction_types.get().into_iter().flatten().filter_map(Slot::as_str)
    }
}

impl Manifest {
    /// A `select` input's options: its `format` split at commas (as written, not trimmed).
    pub fn select_options(&self, action: usize, input: usize) -> Vec<String> {
        let format = self.input(action, input).and_then(|input| input.format.as_str()).unwrap_or_default();
        if format.is_empty() { Vec::new() } else { format.split(',').map(str::to_owned).collect() }
    }

    /// Stores a `select` input's options, comma separated; no options removes `format`.
    pub fn set_select_options(&mut self, action: usize, input: usize, options: &[String]) {
        self.set_text(Owner::Input { action, input }, InputKey::Format, &options.join(","));
    }
}
