//! The seed page's tables as data: authentication types and their required fields, field and input types, value providers.

/// How Talkdesk authenticates the integration's users (SPEC §2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuthenticationType {
    /// `none`: no authentication.
    None,
    /// `custom`: the integration's own fields.
    Custom,
    /// `oauth2`: the authorization code flow.
    OAuth2,
    /// `oauth2_password`: the resource owner password flow.
    OAuth2Password,
    /// `oauth2_client_credentials`: the client credentials flow.
    OAuth2ClientCredentials,
}

/// A field Talkdesk requires for an OAuth authentication type (SPEC §2.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequiredField {
    pub field_name: &'static str,
    /// Shown as a label when the wizard adds the field.
    pub display: &'static str,
    /// Masked (`password` type) rather than `input`.
    pub masked: bool,
}

const fn required(field_name: &'static str, display: &'static str, masked: bool) -> RequiredField {
    RequiredField { field_name, display, masked }
}

const SITE: RequiredField = required("site", "Site", false);
const CLIENT_ID: RequiredField = required("client_id", "Client ID", false);
const CLIENT_SECRET: RequiredField = required("client_secret", "Client secret", true);
const AUTHORIZATION_URL: RequiredField = required("authorization_url", "Authorization URL", false);
const ACCESS_TOKEN_URL: RequiredField = required("access_token_url", "Access token URL", false);
const USERNAME: RequiredField = required("username", "Username", false);
const PASSWORD: RequiredField = required("password", "Password", true);

impl AuthenticationType {
    /// Every type, in the order the seed page lists them.
    pub const ALL: [AuthenticationType; 5] = [
        AuthenticationType::None,
        AuthenticationType::Custom,
        AuthenticationType::OAuth2,
        AuthenticationType::OAuth2Password,
        AuthenticationType::OAuth2ClientCredentials,
    ];

    /// The value written in the manifest.
    pub fn as_str(self) -> &'static str {
        match self {
            AuthenticationType::None => "none",
            AuthenticationType::Custom => "custom",
            AuthenticationType::OAuth2 => "oauth2",
            AuthenticationType::OAuth2Password => "oauth2_password",
            AuthenticationType::OAuth2ClientCredentials => "oauth2_client_credentials",
        }
    }

    /// Reads a value as written, in any letter case.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str().eq_ignore_ascii_case(text))
    }

    /// The authentication fields Talkdesk requires for this type, in the seed page's order.
    pub fn required_fields(self) -> &'static [RequiredField] {
        match self {
            AuthenticationType::None | AuthenticationType::Custom => &[],
            AuthenticationType::OAuth2 => &[SITE, CLIENT_ID, CLIENT_SECRET, AUTHORIZATION_URL, ACCESS_TOKEN_URL],
            AuthenticationType::OAuth2Password => {
                &[SITE, CLIENT_ID, CLIENT_SECRET, USERNAME, PASSWORD, ACCESS_TOKEN_URL]
            }
            AuthenticationType::OAuth2ClientCredentials => &[SITE, CLIENT_ID, CLIENT_SECRET, ACCESS_TOKEN_URL],
        }
    }

    /// True for every type except `none`: the integration then needs authentication fields.
    pub fn needs_fields(self) -> bool {
        self != AuthenticationType::None
    }
}

/// How Talkdesk obtains an authentication field's value (SPEC §2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuthFieldType {
    /// `input`: typed by the user.
    Input,
    /// `password`: typed by the user, masked.
    Password,
    /// `oauth`: obtained by the OAuth flow.
    OAuth,
}

impl AuthFieldType {
    /// Every type, in the order the wizard offers them.
    pub const ALL: [AuthFieldType; 3] = [AuthFieldType::Input, AuthFieldType::Password, AuthFieldType::OAuth];

    /// The value written in the manifest.
    pub fn as_str(self) -> &'static str {
        match self {
            AuthFieldType::Input => "input",
            AuthFieldType::Password => "password",
            AuthFieldType::OAuth => "oauth",
        }
    }

    /// Reads a value as written, in any letter case; the seed page's `text` means `input`.
    pub fn parse(text: &str) -> Option<Self> {
        if text.eq_ignore_ascii_case("text") {
            return Some(AuthFieldType::Input);
        }
        Self::ALL.into_iter().find(|kind| kind.as_str().eq_ignore_ascii_case(text))
    }
}

/// The kind of form field Talkdesk shows for an action input (SPEC §2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputType {
    /// `text`: one line.
    Text,
    /// `textarea`: several lines.
    Textarea,
    /// `number`.
    Number,
    /// `tel`: a phone number.
    Tel,
    /// `url`.
    Url,
    /// `datetime`.
    Datetime,
    /// `select`: one of the options listed in `format`.
    Select,
}

impl InputType {
    /// Every type, in the seed page's order.
    pub const ALL: [InputType; 7] = [
        InputType::Text,
        InputType::Textarea,
        InputType::Number,
        InputType::Tel,
        InputType::Url,
        InputType::Datetime,
        InputType::Select,
    ];

    /// The value written in the manifest.
    pub fn as_str(self) -> &'static str {
        match self {
            InputType::Text => "text",
            InputType::Textarea => "textarea",
            InputType::Number => "number",
            InputType::Tel => "tel",
            InputType::Url => "url",
            InputType::Datetime => "datetime",
            InputType::Select => "select",
        }
    }

    /// Reads a value as written, in any letter case.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str().eq_ignore_ascii_case(text))
    }
}

/// The accepted forms of a `datetime` default, as the seed page writes them.
pub(crate) const DATETIME_FORMS: [&str; 3] = ["YYYY-MM-DD", "YYYY-MM-DDTHH:mm:ss", "YYYY-MM-DDTHH:mm:ssZ"];

/// The value provider collections Talkdesk knows, with their fields (SPEC §2.5).
pub(crate) const VALUE_PROVIDERS: &[(&str, &[&str])] = &[("contact", CONTACT_FIELDS)];

/// The Contact collection's fields, usable as `{{contact.<field>}}`.
pub(crate) const CONTACT_FIELDS: &[&str] = &[
    "first_name",
    "last_name",
    "email",
    "phone",
    "address",
    "title",
    "company",
    "twitter",
    "linkedin",
    "facebook",
    "skype",
    "googleplus",
    "website",
    "industry",
    "location",
    "updated_at",
];

/// The fields of a value provider collection, or None when Talkdesk has no such collection.
pub(crate) fn collection_fields(collection: &str) -> Option<&'static [&'static str]> {
    VALUE_PROVIDERS.iter().find(|(name, _)| *name == collection).map(|(_, fields)| *fields)
}

/// Each enumeration as a [`Vocabulary`], for the model's `Vocab<T>` values.
macro_rules! vocabulary {
    ($($kind:ident),*) => {
        $(
            impl super::vocab::Vocabulary for $kind {
                const VALUES: &'static [Self] = &$kind::ALL;

                fn as_str(self) -> &'static str {
                    $kind::as_str(self)
                }

                fn parse(text: &str) -> Option<Self> {
                    $kind::parse(text)
                }
            }
        )*
    };
}

vocabulary!(AuthenticationType, AuthFieldType, InputType);
