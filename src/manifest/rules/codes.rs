//! Every diagnostic code, declared once (after ruff's `codes.rs`): each [`Rule`] says its code, its
//! severity, whose rule it is and when it is found; the lists, `--explain`, SARIF and the tests derive
//! from it. What a rule checks, why and how to fix it is text, kept by code in `assets/rules.json`.
//!
//! Codes are part of the command-line contract (`validate --format json`): never rename one.

use crate::manifest::Severity;

/// Whose rule a code is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Talkdesk's "Configuring an Integration" page requires it.
    Talkdesk,
    /// This tool's own advice (or its own report about the run).
    Advice,
}

impl Source {
    /// "talkdesk" or "advice", as the JSON and SARIF outputs write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Talkdesk => "talkdesk",
            Source::Advice => "advice",
        }
    }

    /// How a person reads it.
    pub fn label(self) -> &'static str {
        match self {
            Source::Talkdesk => "Talkdesk's requirement",
            Source::Advice => "this tool's advice",
        }
    }
}

/// When a finding of a rule is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading the file: it cannot be read, or the next save changes how it is written.
    Reading,
    /// Checking the manifest against Talkdesk's page and this tool's advice (SPEC §3).
    Checking,
    /// The command line's own findings about a run (the files together, a path).
    CommandLine,
}

/// Declares the rules: one line each, `Variant = "code", Severity, Source, Stage;`.
macro_rules! rules {
    ($($(#[doc = $doc:literal])* $rule:ident = $code:literal, $severity:ident, $source:ident, $stage:ident;)*) => {
        /// A diagnostic code and what it is.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Rule {
            $($(#[doc = $doc])* $rule,)*
        }

        impl Rule {
            /// Every rule, in the order `--explain` lists them.
            pub const ALL: &'static [Rule] = &[$(Rule::$rule,)*];

            /// The stable code, as `validate` prints it.
            pub const fn code(self) -> &'static str {
                match self {
                    $(Rule::$rule => $code,)*
                }
            }

            /// How serious a finding is.
            pub const fn severity(self) -> Severity {
                match self {
                    $(Rule::$rule => Severity::$severity,)*
                }
            }

            /// Whose rule it is: Talkdesk's requirement or this tool's advice.
            pub const fn source(self) -> Source {
                match self {
                    $(Rule::$rule => Source::$source,)*
                }
            }

            /// When a finding is made.
            pub const fn stage(self) -> Stage {
                match self {
                    $(Rule::$rule => Stage::$stage,)*
                }
            }
        }
    };
}

rules! {
    /// The file is not JSON.
    JsonSyntax = "json-syntax", Error, Talkdesk, Reading;
    /// The file is JSON but not an object.
    NotAnObject = "not-an-object", Error, Talkdesk, Reading;
    /// The file starts with a byte order mark (dropped on save).
    ByteOrderMark = "byte-order-mark", Warning, Advice, Reading;
    /// An authentication field's type written `text`, read as `input`.
    TextForInput = "text-for-input", Warning, Advice, Reading;
    /// A type written with capitals, read in lowercase.
    EnumNotLowercase = "enum-not-lowercase", Warning, Advice, Reading;
    /// An authentication field in the legacy one-key shape, upgraded on save.
    LegacyShape = "legacy-shape", Warning, Advice, Reading;
    /// A key written twice in one object: the last value is kept, the others dropped on save.
    DuplicateKey = "duplicate-key", Warning, Advice, Reading;
    /// `integration` is missing or not an object.
    IntegrationMissing = "integration-missing", Error, Talkdesk, Checking;
    /// A mandatory key is missing or `null`.
    MissingKey = "missing-key", Error, Talkdesk, Checking;
    /// A key holds a value of the wrong JSON type.
    WrongType = "wrong-type", Error, Talkdesk, Checking;
    /// A mandatory string is empty or only white space.
    BlankValue = "blank-value", Error, Talkdesk, Checking;
    /// `authentication_type` is not one of the five types.
    UnknownAuthenticationType = "unknown-authentication-type", Error, Talkdesk, Checking;
    /// `authentication_configuration` is missing or empty while the type needs fields.
    AuthenticationFieldsMissing = "authentication-fields-missing", Error, Talkdesk, Checking;
    /// A field that the chosen OAuth type requires is not in `authentication_configuration`.
    OauthFieldMissing = "oauth-field-missing", Error, Talkdesk, Checking;
    /// An element of `authentication_configuration` is not an object.
    AuthFieldNotObject = "auth-field-not-object", Error, Talkdesk, Checking;
    /// An element of `actions` is not an object.
    ActionNotObject = "action-not-object", Error, Talkdesk, Checking;
    /// An element of an action's `inputs` is not an object.
    InputNotObject = "input-not-object", Error, Talkdesk, Checking;
    /// Two authentication fields have the same `field_name`.
    DuplicateFieldName = "duplicate-field-name", Error, Talkdesk, Checking;
    /// An authentication field's `type` is not input, password or oauth.
    UnknownFieldType = "unknown-field-type", Error, Talkdesk, Checking;
    /// A URL key does not hold an absolute http or https URL.
    InvalidUrl = "invalid-url", Error, Talkdesk, Checking;
    /// `requires_cti` is true and there is no `agent_synchronization_endpoint`.
    CtiEndpointMissing = "cti-endpoint-missing", Error, Talkdesk, Checking;
    /// An element of `interaction_types` is not a non-blank string.
    InvalidInteractionType = "invalid-interaction-type", Error, Talkdesk, Checking;
    /// An interaction type is listed twice.
    DuplicateInteractionType = "duplicate-interaction-type", Error, Advice, Checking;
    /// An action's `provider` is not the integration's `name`.
    ProviderMismatch = "provider-mismatch", Error, Talkdesk, Checking;
    /// Two actions have the same `name`.
    DuplicateActionName = "duplicate-action-name", Error, Talkdesk, Checking;
    /// Two inputs of one action have the same `key`.
    DuplicateInputKey = "duplicate-input-key", Error, Talkdesk, Checking;
    /// An action input's `type` is not one of the seven input types.
    UnknownInputType = "unknown-input-type", Error, Talkdesk, Checking;
    /// A `select` input has no option in its `format`.
    SelectWithoutOptions = "select-without-options", Error, Talkdesk, Checking;
    /// A `number` input's literal default is not an integer.
    DefaultNotNumber = "default-not-number", Error, Talkdesk, Checking;
    /// A `datetime` input's literal default is not one of the three forms, or not a real date.
    DefaultNotDatetime = "default-not-datetime", Error, Talkdesk, Checking;
    /// A `url` input's literal default is not an absolute http or https URL.
    DefaultNotUrl = "default-not-url", Error, Talkdesk, Checking;
    /// A `{{` without its `}}`.
    UnclosedTemplate = "unclosed-template", Error, Talkdesk, Checking;
    /// A control character (C0 but newline and tab, DEL, C1) in a string.
    ControlCharacter = "control-character", Error, Advice, Checking;
    /// A line break in a string that Talkdesk shows on one line.
    NewlineInOneLineField = "newline-in-one-line-field", Error, Advice, Checking;
    /// A key this tool does not know; it is kept.
    UnknownKey = "unknown-key", Warning, Advice, Checking;
    /// An endpoint over plain http.
    PlainHttp = "plain-http", Warning, Advice, Checking;
    /// A URL with a user name or password in it.
    UrlCredentials = "url-credentials", Warning, Advice, Checking;
    /// A `name` that is not a lowercase identifier.
    NameNotIdentifier = "name-not-identifier", Warning, Advice, Checking;
    /// Authentication fields listed while `authentication_type` is `none`.
    AuthenticationFieldsUnused = "authentication-fields-unused", Warning, Talkdesk, Checking;
    /// A field the OAuth type requires has `mandatory` false.
    OauthFieldOptional = "oauth-field-optional", Warning, Advice, Checking;
    /// A `{{name}}` in an authentication field's format that names no authentication field.
    UnknownTemplateField = "unknown-template-field", Warning, Advice, Checking;
    /// A value provider naming a field its collection does not have.
    UnknownValueProvider = "unknown-value-provider", Warning, Advice, Checking;
    /// A value provider naming a collection Talkdesk does not have.
    UnknownCollection = "unknown-collection", Warning, Advice, Checking;
    /// `interaction_types` set without an `interaction_retrieval_endpoint`.
    InteractionTypesWithoutEndpoint = "interaction-types-without-endpoint", Warning, Advice, Checking;
    /// An `interaction_retrieval_endpoint` without `interaction_types`.
    EndpointWithoutInteractionTypes = "endpoint-without-interaction-types", Warning, Advice, Checking;
    /// An action `display` starting with an uppercase letter.
    DisplayUppercase = "display-uppercase", Warning, Talkdesk, Checking;
    /// An action `description` starting with an uppercase letter.
    DescriptionUppercase = "description-uppercase", Warning, Talkdesk, Checking;
    /// An action `display` over 32 characters.
    DisplayTooLong = "display-too-long", Warning, Talkdesk, Checking;
    /// A secret-looking authentication field of type `input`, shown in clear.
    SecretNotMasked = "secret-not-masked", Warning, Advice, Checking;
    /// A `select` option listed twice.
    DuplicateSelectOption = "duplicate-select-option", Warning, Advice, Checking;
    /// Two files of one `validate` run give their integrations the same `name`.
    DuplicateIntegrationName = "duplicate-integration-name", Error, Talkdesk, CommandLine;
    /// A path given to the command line cannot be read.
    Unreadable = "unreadable", Error, Advice, CommandLine;
    /// A description, help or textarea default of one paragraph that ends with a line break.
    TrailingLineBreak = "trailing-line-break", Warning, Advice, Checking;
}

impl Rule {
    /// The rule of `code`, if it is one.
    pub fn of_code(code: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|rule| rule.code() == code)
    }

    /// The rules found when checking a manifest with this severity (SPEC §3).
    pub fn checks(severity: Severity) -> impl Iterator<Item = Rule> {
        Rule::ALL.iter().copied().filter(move |rule| rule.stage() == Stage::Checking && rule.severity() == severity)
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}
