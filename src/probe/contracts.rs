//! What Talkdesk sends to each bridge endpoint (the contracts digested from Talkdesk's pages): the
//! bridge a manifest describes, the credentials, and the request bodies. Checking answers is `checks`.

use crate::manifest::{AuthFieldType, InputType, Manifest, Vocab};
use serde_json::{Map, Value, json};

/// Shown instead of a credential wherever a request is displayed.
pub(crate) const MASK: &str = "••••";

/// The bridge a manifest describes: its endpoints, authentication fields, interaction types and actions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Bridge {
    pub auth_fields: Vec<AuthFieldSpec>,
    pub auth_validation: Option<String>,
    pub contact_synchronization: Option<String>,
    pub interaction_retrieval: Option<String>,
    pub agent_synchronization: Option<String>,
    pub interaction_types: Vec<String>,
    pub actions: Vec<ActionSpec>,
}

/// One authentication field: a key of the `auth` hash.
#[derive(Debug, Clone, PartialEq)]
pub struct AuthFieldSpec {
    pub name: String,
    /// The label the user is asked with (`display`), when the manifest gives one.
    pub display: Option<String>,
    pub mandatory: bool,
    /// A `password` field: asked for with masked input.
    pub secret: bool,
}

/// One action: its endpoint and the inputs its `data` is built from.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionSpec {
    pub name: String,
    pub endpoint: Option<String>,
    pub inputs: Vec<InputSpec>,
}

/// One action input.
#[derive(Debug, Clone, PartialEq)]
pub struct InputSpec {
    pub key: String,
    pub mandatory: bool,
    pub input_type: Option<InputType>,
    pub format: Option<String>,
}

fn text(slot: &crate::manifest::Slot<String>) -> Option<String> {
    slot.get().map(|value| value.trim().to_owned()).filter(|value| !value.is_empty())
}

impl Bridge {
    /// The bridge of a manifest; keys of the wrong type or blank are treated as absent.
    pub fn from_manifest(manifest: &Manifest) -> Bridge {
        let Some(integration) = manifest.integration() else { return Bridge::default() };
        let auth_fields = integration
            .authentication_configuration
            .get()
            .into_iter()
            .flatten()
            .filter_map(|slot| slot.get())
            .filter_map(|field| {
                Some(AuthFieldSpec {
                    name: text(&field.field_name)?,
                    display: text(&field.display),
                    mandatory: field.mandatory.get().copied().unwrap_or(false),
                    secret: field.field_type.get().and_then(Vocab::lenient) == Some(AuthFieldType::Password),
                })
            })
            .collect();
        let interaction_types =
            integration.interaction_types.get().into_iter().flatten().filter_map(|slot| slot.get().cloned()).collect();
        let actions = manifest
            .actions()
            .filter_map(|(_, action)| {
                let inputs = action
                    .inputs
                    .get()
                    .into_iter()
                    .flatten()
                    .filter_map(|slot| slot.get())
                    .filter_map(|input| {
                        Some(InputSpec {
                            key: text(&input.key)?,
                            mandatory: input.mandatory.get().copied().unwrap_or(false),
                            input_type: input.input_type.get().and_then(Vocab::lenient),
                            format: input.format.get().cloned(),
                        })
                    })
                    .collect();
                Some(ActionSpec { name: text(&action.name)?, endpoint: text(&action.endpoint), inputs })
            })
            .collect();
        Bridge {
            auth_fields,
            auth_validation: text(&integration.auth_validation_endpoint),
            contact_synchronization: text(&integration.contact_synchronization_endpoint),
            interaction_retrieval: text(&integration.interaction_retrieval_endpoint),
            agent_synchronization: text(&integration.agent_synchronization_endpoint),
            interaction_types,
            actions,
        }
    }

    /// The action named `name`.
    pub fn action(&self, name: &str) -> Option<&ActionSpec> {
        self.actions.iter().find(|action| action.name == name)
    }
}

/// The values of the authentication fields, sent as the `auth` hash. Kept in memory only.
#[derive(Clone, Default, PartialEq)]
pub struct Credentials {
    values: Vec<(String, String)>,
    /// Every value ever given, replaced or returned by an authorization validator: each stays masked
    /// in what is shown, since a bridge may echo an old one.
    seen: Vec<String>,
}

/// Never prints a value, so a stray `{:?}` cannot leak one.
impl std::fmt::Debug for Credentials {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.debug_list().entries(self.values.iter().map(|(name, _)| (name, MASK))).finish()
    }
}

impl Credentials {
    /// Sets a field's value, replacing an earlier one.
    pub fn set(&mut self, name: &str, value: String) {
        self.remember(&value);
        match self.values.iter_mut().find(|(existing, _)| existing == name) {
            Some(entry) => entry.1 = value,
            None => self.values.push((name.to_owned(), value)),
        }
    }

    /// Keeps `value` among those to mask, without sending it.
    pub fn remember(&mut self, value: &str) {
        if !value.is_empty() && !self.seen.iter().any(|seen| seen == value) {
            self.seen.push(value.to_owned());
        }
    }

    /// Every value ever given or returned, current ones included: what output must mask.
    pub fn every_value(&self) -> impl Iterator<Item = &str> {
        self.seen.iter().map(String::as_str)
    }

    /// The value of a field, when known.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.values.iter().find(|(existing, _)| existing == name).map(|(_, value)| value.as_str())
    }

    /// The field names that have a value, in the order they were given.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.values.iter().map(|(name, _)| name.as_str())
    }

    /// The `auth` hash Talkdesk sends.
    pub fn auth_hash(&self) -> Value {
        Value::Object(self.values.iter().map(|(name, value)| (name.clone(), Value::String(value.clone()))).collect())
    }

    /// The same credentials with every mandatory value changed, which a bridge must refuse.
    pub fn altered(&self, bridge: &Bridge) -> Credentials {
        let mut altered = self.clone();
        let mut changed = Vec::new();
        for (name, value) in &mut altered.values {
            if bridge.auth_fields.iter().any(|field| field.mandatory && field.name == *name) {
                *value = format!("{value}-altered-by-probe");
                changed.push(value.clone());
            }
        }
        for value in changed {
            altered.remember(&value);
        }
        altered
    }

    /// Keeps what an authorization validator returned for the bridge's configured fields: Talkdesk
    /// sends those back under the same keys on later calls (other keys are dropped, and reported).
    /// Every value returned is an authorization parameter, so each is remembered to be masked.
    pub fn merge_returned(&mut self, returned: &Map<String, Value>, bridge: &Bridge) {
        for (name, value) in returned {
            let value = match value {
                Value::String(text) => text.clone(),
                Value::Number(_) | Value::Bool(_) => value.to_string(),
                _ => continue,
            };
            if bridge.auth_fields.iter().any(|field| field.name == *name) {
                self.set(name, value);
            } else {
                self.remember(&value);
            }
        }
    }
}

/// A request body with every value of its `auth` hash masked, for display.
pub(crate) fn masked(body: &Value) -> Value {
    let mut shown = body.clone();
    if let Some(Value::Object(auth)) = shown.get_mut("auth") {
        for value in auth.values_mut() {
            *value = Value::String(MASK.to_owned());
        }
    }
    shown
}

/// The authorization validator's request: `{"auth": …}`.
pub(crate) fn auth_validation(credentials: &Credentials) -> Value {
    json!({ "auth": credentials.auth_hash() })
}

/// Where a contact synchronization request is in the sync: the `meta` Talkdesk sends.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ContactMeta {
    /// The checkpoint of an incremental sync; absent on the initial one.
    pub checkpoint: Option<String>,
    /// The previous answer's `next_offset`; absent on a sync's first page.
    pub offset: Option<Value>,
    /// The previous answer's `context`, echoed only with an offset.
    pub context: Option<Value>,
}

/// A contact synchronization request: keys of `meta` are present only when they have a value.
pub(crate) fn contact_synchronization(credentials: &Credentials, meta: &ContactMeta) -> Value {
    let mut fields = Map::new();
    if let Some(offset) = &meta.offset {
        fields.insert("offset".to_owned(), offset.clone());
    }
    if let Some(checkpoint) = &meta.checkpoint {
        fields.insert("synchronization_checkpoint".to_owned(), Value::String(checkpoint.clone()));
    }
    if meta.offset.is_some()
        && let Some(context) = &meta.context
    {
        fields.insert("context".to_owned(), context.clone());
    }
    json!({ "auth": credentials.auth_hash(), "meta": fields })
}

/// A contact activity request for `contact`, asking for `types`.
pub(crate) fn interaction_retrieval(credentials: &Credentials, types: &[String], contact: &Contact) -> Value {
    let mut data = Map::new();
    if let Some(id) = &contact.id {
        data.insert("contact_external_id".to_owned(), Value::String(id.clone()));
    }
    data.insert("contact_name".to_owned(), Value::String(contact.name.clone()));
    data.insert("contact_emails".to_owned(), json!(contact.emails));
    data.insert("contact_phones".to_owned(), json!(contact.phones));
    json!({ "auth": credentials.auth_hash(), "meta": { "interaction_types": types }, "data": data })
}

/// An agent synchronization request: `meta` is empty on the first page, then holds the integer offset.
pub(crate) fn agent_synchronization(credentials: &Credentials, offset: Option<i64>) -> Value {
    let meta = match offset {
        Some(offset) => json!({ "offset": offset }),
        None => json!({}),
    };
    json!({ "auth": credentials.auth_hash(), "meta": meta })
}

/// An action request: `data` from the inputs' defaults, value providers filled from `contact`, the
/// first option of a select, and a sample value for a mandatory input without a default.
pub(crate) fn action(credentials: &Credentials, action: &ActionSpec, contact: &Contact) -> Value {
    let mut data = Map::new();
    for input in &action.inputs {
        if let Some(value) = input_value(input, contact) {
            data.insert(input.key.clone(), Value::String(value));
        }
    }
    let mut meta = Map::new();
    if let Some(id) = &contact.id {
        meta.insert("contact_external_id".to_owned(), Value::String(id.clone()));
    }
    json!({ "auth": credentials.auth_hash(), "meta": meta, "data": data })
}

/// The value an input gets, or None for an optional input without a default.
fn input_value(input: &InputSpec, contact: &Contact) -> Option<String> {
    let format = input.format.as_deref().map(str::trim).filter(|format| !format.is_empty());
    let value = match (input.input_type, format) {
        (Some(InputType::Select), Some(options)) => {
            options.split(',').map(str::trim).find(|option| !option.is_empty()).map(str::to_owned)
        }
        (_, Some(format)) => Some(fill_providers(format, contact)),
        (_, None) => None,
    };
    match value {
        Some(value) => Some(value),
        None if input.mandatory => Some(sample_value(input.input_type).to_owned()),
        None => None,
    }
}

/// A plausible value of each input type, for mandatory inputs without a default.
pub(crate) fn sample_value(input_type: Option<InputType>) -> &'static str {
    match input_type {
        Some(InputType::Number) => "1",
        Some(InputType::Tel) => "+15555555555",
        Some(InputType::Url) => "https://example.org/probe",
        Some(InputType::Datetime) => "2024-01-01T12:00:00Z",
        Some(InputType::Textarea) => "Sent by integration-wizard probe to test the bridge.",
        Some(InputType::Text | InputType::Select) | None => "integration-wizard probe",
    }
}

/// Replaces every `{{contact.field}}` with the contact's value (empty when it has none).
fn fill_providers(format: &str, contact: &Contact) -> String {
    let mut filled = String::new();
    let mut rest = format;
    while let Some(start) = rest.find("{{") {
        filled.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find("}}") else {
            filled.push_str(&rest[start..]);
            return filled;
        };
        let provider = after[..end].trim();
        match provider.strip_prefix("contact.") {
            Some(field) => filled.push_str(&contact.provider_value(field.trim())),
            None => filled.push_str(&rest[start..start + 2 + end + 2]),
        }
        rest = &after[end + 2..];
    }
    filled.push_str(rest);
    filled
}

/// The contact a probe asks about: the first one synchronized, one given with `--contact`, or a sample.
#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    /// The external id, known when the contact came from the bridge's own sync.
    pub id: Option<String>,
    pub name: String,
    pub emails: Vec<String>,
    pub phones: Vec<String>,
    /// Other fields of the Contact collection (company, title, …), by name.
    pub fields: Map<String, Value>,
}

impl Contact {
    /// A made-up contact, used when nothing better is known.
    pub fn sample() -> Contact {
        Contact {
            id: None,
            name: "Jane Doe".to_owned(),
            emails: vec!["jane.doe@example.com".to_owned()],
            phones: vec!["+15555555555".to_owned()],
            fields: Map::new(),
        }
    }

    /// A contact as a contact synchronization returns it (`id`, `name`, `emails`, `phones`, …);
    /// None when it has no string `name`.
    pub fn from_json(value: &Value) -> Option<Contact> {
        let object = value.as_object()?;
        let strings = |key: &str| -> Vec<String> {
            object
                .get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        };
        Some(Contact {
            id: object.get("id").and_then(Value::as_str).map(str::to_owned),
            name: object.get("name")?.as_str()?.to_owned(),
            emails: strings("emails"),
            phones: strings("phones"),
            fields: object.clone(),
        })
    }

    /// The value of `{{contact.field}}` for this contact.
    pub fn provider_value(&self, field: &str) -> String {
        let mut names = self.name.split_whitespace();
        match field {
            "email" => self.emails.first().cloned().unwrap_or_default(),
            "phone" => self.phones.first().cloned().unwrap_or_default(),
            "first_name" => names.next().unwrap_or_default().to_owned(),
            "last_name" => names.skip(1).collect::<Vec<_>>().join(" "),
            "website" => self
                .fields
                .get("websites")
                .and_then(|sites| sites.get(0))
                .and_then(Value::as_str)
                .map(str::to_owned)
                .unwrap_or_default(),
            other => self.fields.get(other).and_then(Value::as_str).map(str::to_owned).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credentials() -> Credentials {
        let mut credentials = Credentials::default();
        credentials.set("account", "acme".to_owned());
        credentials.set("token", "s3cr3t-token".to_owned());
        credentials
    }

    fn bridge() -> Bridge {
        Bridge {
            auth_fields: vec![
                AuthFieldSpec {
                    name: "account".to_owned(),
                    display: Some("Account".to_owned()),
                    mandatory: true,
                    secret: false,
                },
                AuthFieldSpec {
                    name: "token".to_owned(),
                    display: Some("API Token".to_owned()),
                    mandatory: true,
                    secret: true,
                },
            ],
            ..Bridge::default()
        }
    }

    #[test]
    fn the_first_contact_page_has_an_empty_meta_and_later_pages_echo_offset_and_context() {
        let first = contact_synchronization(&credentials(), &ContactMeta::default());
        assert_eq!(first["meta"], json!({}));
        let next = ContactMeta { checkpoint: None, offset: Some(json!("2")), context: Some(json!({"cursor": 9})) };
        let second = contact_synchronization(&credentials(), &next);
        assert_eq!(second["meta"], json!({"offset": "2", "context": {"cursor": 9}}));
        let incremental = ContactMeta { checkpoint: Some("2024-01-01".to_owned()), ..ContactMeta::default() };
        assert_eq!(
            contact_synchronization(&credentials(), &incremental)["meta"],
            json!({"synchronization_checkpoint": "2024-01-01"})
        );
    }

    #[test]
    fn agent_pages_carry_an_integer_offset_after_the_first() {
        assert_eq!(agent_synchronization(&credentials(), None)["meta"], json!({}));
        assert_eq!(agent_synchronization(&credentials(), Some(5))["meta"], json!({"offset": 5}));
    }

    #[test]
    fn altered_credentials_change_every_mandatory_value() {
        let altered = credentials().altered(&bridge());
        assert_ne!(altered.get("account"), Some("acme"));
        assert_ne!(altered.get("token"), Some("s3cr3t-token"));
    }

    #[test]
    fn returned_fields_replace_configured_values_only() {
        let mut credentials = credentials();
        let returned = json!({"token": "refreshed-token", "session": "abc", "account": {"nested": true}});
        credentials.merge_returned(returned.as_object().expect("an object"), &bridge());
        assert_eq!(credentials.auth_hash(), json!({"account": "acme", "token": "refreshed-token"}));
    }

    #[test]
    fn masking_hides_every_auth_value_and_redaction_hides_echoed_secrets() {
        let shown = masked(&auth_validation(&credentials()));
        assert_eq!(shown, json!({"auth": {"account": MASK, "token": MASK}}));
        assert!(!format!("{:?}", credentials()).contains("s3cr3t"));
    }

    #[test]
    fn action_data_comes_from_defaults_providers_options_and_samples() {
        let input = |key: &str, mandatory, input_type, format: Option<&str>| InputSpec {
            key: key.to_owned(),
            mandatory,
            input_type: Some(input_type),
            format: format.map(str::to_owned),
        };
        let spec = ActionSpec {
            name: "create_ticket".to_owned(),
            endpoint: None,
            inputs: vec![
                input("subject", true, InputType::Text, None),
                input("email", false, InputType::Text, Some("{{contact.email}}")),
                input("greeting", false, InputType::Text, Some("Hi {{contact.first_name}}!")),
                input("priority", false, InputType::Select, Some(" ,low,normal")),
                input("due", true, InputType::Datetime, None),
                input("note", false, InputType::Textarea, None),
            ],
        };
        let body = action(&credentials(), &spec, &Contact::sample());
        assert_eq!(
            body["data"],
            json!({
                "subject": "integration-wizard probe",
                "email": "jane.doe@example.com",
                "greeting": "Hi Jane!",
                "priority": "low",
                "due": "2024-01-01T12:00:00Z"
            })
        );
    }

    #[test]
    fn contact_activity_asks_about_the_contact_with_the_manifest_types() {
        let contact = Contact::from_json(&json!({"id": "7", "name": "Ann Lee", "emails": ["ann@example.org"]}));
        let contact = contact.expect("a contact with a name");
        let body = interaction_retrieval(&credentials(), &["Ticket".to_owned()], &contact);
        assert_eq!(body["meta"], json!({"interaction_types": ["Ticket"]}));
        assert_eq!(
            body["data"],
            json!({"contact_external_id": "7", "contact_name": "Ann Lee", "contact_emails": ["ann@example.org"], "contact_phones": []})
        );
    }
}
