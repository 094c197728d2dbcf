//! Edits the wizard makes to a manifest: addressing a value by owner and key, and the list and authentication operations.
//!
//! Every edit keeps what the author wrote elsewhere: unknown keys, wrong-typed values and
//! fields an earlier authentication type required all stay until the author removes them.

use super::diagnostic::escape_token;
use super::model::{Action, ActionInput, AuthField, Integration, List, Manifest};
use super::slot::Slot;
use super::vocabulary::{AuthFieldType, AuthenticationType};

/// The object a value belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Owner {
    /// The top level (`requires_cti`).
    Wrapper,
    Integration,
    /// An entry of `authentication_configuration`, by index.
    AuthField(usize),
    /// An action, by index.
    Action(usize),
    /// An input of an action, by indices.
    Input {
        action: usize,
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
    pub fn key_pointer(self, manifest: &Manifest, key: &str) -> String {
        format!("{}/{}", self.pointer(manifest), escape_token(key))
    }
}

impl Manifest {
    /// The text under `key` of `owner`, when both exist.
    pub fn text(&self, owner: Owner, key: &str) -> Option<&Slot<String>> {
        match owner {
            Owner::Wrapper => self.wrapper.text(key),
            Owner::Integration => self.integration()?.text(key),
            Owner::AuthField(index) => self.auth_field(index)?.text(key),
            Owner::Action(index) => self.action(index)?.text(key),
            Owner::Input { action, input } => self.input(action, input)?.text(key),
        }
    }

    /// The text under `key` of `owner`, mutably.
    pub fn text_mut(&mut self, owner: Owner, key: &str) -> Option<&mut Slot<String>> {
        match owner {
            Owner::Wrapper => self.wrapper.text_mut(key),
            Owner::Integration => self.integration_mut().text_mut(key),
            Owner::AuthField(index) => self.auth_field_mut(index)?.text_mut(key),
            Owner::Action(index) => self.action_mut(index)?.text_mut(key),
            Owner::Input { action, input } => self.input_mut(action, input)?.text_mut(key),
        }
    }

    /// The boolean under `key` of `owner`, when both exist.
    pub fn flag(&self, owner: Owner, key: &str) -> Option<&Slot<bool>> {
        match owner {
            Owner::Wrapper => self.wrapper.flag(key),
            Owner::Integration => self.integration()?.flag(key),
            Owner::AuthField(index) => self.auth_field(index)?.flag(key),
            Owner::Action(index) => self.action(index)?.flag(key),
            Owner::Input { action, input } => self.input(action, input)?.flag(key),
        }
    }

    /// The boolean under `key` of `owner`, mutably.
    pub fn flag_mut(&mut self, owner: Owner, key: &str) -> Option<&mut Slot<bool>> {
        match owner {
            Owner::Wrapper => self.wrapper.flag_mut(key),
            Owner::Integration => self.integration_mut().flag_mut(key),
            Owner::AuthField(index) => self.auth_field_mut(index)?.flag_mut(key),
            Owner::Action(index) => self.action_mut(index)?.flag_mut(key),
            Owner::Input { action, input } => self.input_mut(action, input)?.flag_mut(key),
        }
    }

    /// Sets a text value; an empty text removes the key, so an optional key the author clears stays out of the file.
    /// Renaming the integration renames the provider of every action (returns how many changed).
    pub fn set_text(&mut self, owner: Owner, key: &str, text: &str) -> usize {
        let Some(slot) = self.text_mut(owner, key) else {
            return 0;
        };
        *slot = if text.is_empty() { Slot::Absent } else { Slot::Value(text.to_owned()) };
        if owner == Owner::Integration && key == "name" { self.sync_providers() } else { 0 }
    }

    /// Flips a boolean; a missing or wrong-typed value becomes `true`.
    pub fn toggle(&mut self, owner: Owner, key: &str) {
        if let Some(slot) = self.flag_mut(owner, key) {
            *slot = Slot::Value(!slot.as_bool().unwrap_or(false));
        }
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
        self.integration()?.authentication_type.as_str().and_then(AuthenticationType::parse)
    }

    /// Chooses an authentication type and adds the fields it requires that are missing (SPEC §2.4).
    /// Returns the names of the fields added. Fields already there are never removed or changed.
    pub fn set_authentication_type(&mut self, kind: AuthenticationType) -> Vec<&'static str> {
        let integration = self.integration_mut();
        integration.authentication_type = Slot::Value(kind.as_str().to_owned());
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
            input_type: Slot::Value("text".to_owned()),
            ..ActionInput::default()
        }));
        Some(inputs.len() - 1)
    }

    /// Adds a new authentication field (typed by the user, mandatory, stored); returns its index.
    pub fn add_auth_field(&mut self) -> Option<usize> {
        let fields = list_mut(&mut self.integration_mut().authentication_configuration)?;
        fields.push(Slot::Value(AuthField {
            mandatory: Slot::Value(true),
            field_type: Slot::Value(AuthFieldType::Input.as_str().to_owned()),
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
    AuthFields,
    InteractionTypes,
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
        self.set_text(Owner::Input { action, input }, "format", &options.join(","));
    }
}
