//! The stable codes of the validation rules, in one place for the CLI, the wizard and the tests.
//!
//! Codes are part of the command-line contract (`validate --format json`): never rename one.

/// The file is not JSON.
pub const JSON_SYNTAX: &str = "json-syntax";
/// The file is JSON but not an object.
pub const NOT_AN_OBJECT: &str = "not-an-object";
/// The file starts with a byte order mark (dropped on save).
pub const BYTE_ORDER_MARK: &str = "byte-order-mark";
/// An authentication field's type written `text`, read as `input`.
pub const TEXT_FOR_INPUT: &str = "text-for-input";
/// A type written with capitals, read in lowercase.
pub const ENUM_NOT_LOWERCASE: &str = "enum-not-lowercase";
/// An authentication field in the legacy one-key shape, upgraded on save.
pub const LEGACY_SHAPE: &str = "legacy-shape";
/// A key written twice in one object: the last value is kept, the others dropped on save.
pub const DUPLICATE_KEY: &str = "duplicate-key";

/// `integration` is missing or not an object.
pub const INTEGRATION_MISSING: &str = "integration-missing";
/// A mandatory key is missing or `null`.
pub const MISSING_KEY: &str = "missing-key";
/// A key holds a value of the wrong JSON type.
pub const WRONG_TYPE: &str = "wrong-type";
/// A mandatory string is empty or only white space.
pub const BLANK_VALUE: &str = "blank-value";
/// `authentication_type` is not one of the five types.
pub const UNKNOWN_AUTHENTICATION_TYPE: &str = "unknown-authentication-type";
/// `authentication_configuration` is missing or empty while the type needs fields.
pub const AUTHENTICATION_FIELDS_MISSING: &str = "authentication-fields-missing";
/// A field that the chosen OAuth type requires is not in `authentication_configuration`.
pub const OAUTH_FIELD_MISSING: &str = "oauth-field-missing";
/// An element of `authentication_configuration` is not an object.
pub const AUTH_FIELD_NOT_OBJECT: &str = "auth-field-not-object";
/// An element of `actions` is not an object.
pub const ACTION_NOT_OBJECT: &str = "action-not-object";
/// An element of an action's `inputs` is not an object.
pub const INPUT_NOT_OBJECT: &str = "input-not-object";
/// Two authentication fields have the same `field_name`.
pub const DUPLICATE_FIELD_NAME: &str = "duplicate-field-name";
/// An authentication field's `type` is not input, password or oauth.
pub const UNKNOWN_FIELD_TYPE: &str = "unknown-field-type";
/// A URL key does not hold an absolute http or https URL.
pub const INVALID_URL: &str = "invalid-url";
/// `requires_cti` is true and there is no `agent_synchronization_endpoint`.
pub const CTI_ENDPOINT_MISSING: &str = "cti-endpoint-missing";
/// An element of `interaction_types` is not a non-blank string.
pub const INVALID_INTERACTION_TYPE: &str = "invalid-interaction-type";
/// An interaction type is listed twice.
pub const DUPLICATE_INTERACTION_TYPE: &str = "duplicate-interaction-type";
/// An action's `provider` is not the integration's `name`.
pub const PROVIDER_MISMATCH: &str = "provider-mismatch";
/// Two actions have the same `name`.
pub const DUPLICATE_ACTION_NAME: &str = "duplicate-action-name";
/// Two inputs of one action have the same `key`.
pub const DUPLICATE_INPUT_KEY: &str = "duplicate-input-key";
/// An action input's `type` is not one of the seven input types.
pub const UNKNOWN_INPUT_TYPE: &str = "unknown-input-type";
/// A `select` input has no option in its `format`.
pub const SELECT_WITHOUT_OPTIONS: &str = "select-without-options";
/// A `number` input's literal default is not an integer.
pub const DEFAULT_NOT_NUMBER: &str = "default-not-number";
/// A `datetime` input's literal default is not one of the three forms, or not a real date.
pub const DEFAULT_NOT_DATETIME: &str = "default-not-datetime";
/// A `url` input's literal default is not an absolute http or https URL.
pub const DEFAULT_NOT_URL: &str = "default-not-url";
/// A `{{` without its `}}`.
pub const UNCLOSED_TEMPLATE: &str = "unclosed-template";
/// A control character (C0 but newline and tab, DEL, C1) in a string.
pub const CONTROL_CHARACTER: &str = "control-character";
/// A line break in a string that Talkdesk shows on one line.
pub const NEWLINE_IN_ONE_LINE_FIELD: &str = "newline-in-one-line-field";

/// A key this tool does not know; it is kept.
pub const UNKNOWN_KEY: &str = "unknown-key";
/// An endpoint over plain http.
pub const PLAIN_HTTP: &str = "plain-http";
/// A URL with a user name or password in it.
pub const URL_CREDENTIALS: &str = "url-credentials";
/// A `name` that is not a lowercase identifier.
pub const NAME_NOT_IDENTIFIER: &str = "name-not-identifier";
/// Authentication fields listed while `authentication_type` is `none`.
pub const AUTHENTICATION_FIELDS_UNUSED: &str = "authentication-fields-unused";
/// A field the OAuth type requires has `mandatory` false.
pub const OAUTH_FIELD_OPTIONAL: &str = "oauth-field-optional";
/// A `{{name}}` in an authentication field's format that names no authentication field.
pub const UNKNOWN_TEMPLATE_FIELD: &str = "unknown-template-field";
/// A value provider naming a field its collection does not have.
pub const UNKNOWN_VALUE_PROVIDER: &str = "unknown-value-provider";
/// A value provider naming a collection Talkdesk does not have.
pub const UNKNOWN_COLLECTION: &str = "unknown-collection";
/// `interaction_types` set without an `interaction_retrieval_endpoint`.
pub const INTERACTION_TYPES_WITHOUT_ENDPOINT: &str = "interaction-types-without-endpoint";
/// An `interaction_retrieval_endpoint` without `interaction_types`.
pub const ENDPOINT_WITHOUT_INTERACTION_TYPES: &str = "endpoint-without-interaction-types";
/// An action `display` starting with an uppercase letter.
pub const DISPLAY_UPPERCASE: &str = "display-uppercase";
/// An action `description` starting with an uppercase letter.
pub const DESCRIPTION_UPPERCASE: &str = "description-uppercase";
/// An action `display` over 32 characters.
pub const DISPLAY_TOO_LONG: &str = "display-too-long";
/// A secret-looking authentication field of type `input`, shown in clear.
pub const SECRET_NOT_MASKED: &str = "secret-not-masked";
/// A `select` option listed twice.
pub const DUPLICATE_SELECT_OPTION: &str = "duplicate-select-option";
/// A description, help or textarea default of one paragraph that ends with a line break.
pub const TRAILING_LINE_BREAK: &str = "trailing-line-break";

/// Every error code of the rules, in the order of SPEC §3.
pub const ERRORS: &[&str] = &[
    INTEGRATION_MISSING,
    MISSING_KEY,
    WRONG_TYPE,
    BLANK_VALUE,
    UNKNOWN_AUTHENTICATION_TYPE,
    AUTHENTICATION_FIELDS_MISSING,
    OAUTH_FIELD_MISSING,
    AUTH_FIELD_NOT_OBJECT,
    ACTION_NOT_OBJECT,
    INPUT_NOT_OBJECT,
    DUPLICATE_FIELD_NAME,
    UNKNOWN_FIELD_TYPE,
    INVALID_URL,
    CTI_ENDPOINT_MISSING,
    INVALID_INTERACTION_TYPE,
    DUPLICATE_INTERACTION_TYPE,
    PROVIDER_MISMATCH,
    DUPLICATE_ACTION_NAME,
    DUPLICATE_INPUT_KEY,
    UNKNOWN_INPUT_TYPE,
    SELECT_WITHOUT_OPTIONS,
    DEFAULT_NOT_NUMBER,
    DEFAULT_NOT_DATETIME,
    DEFAULT_NOT_URL,
    UNCLOSED_TEMPLATE,
    CONTROL_CHARACTER,
    NEWLINE_IN_ONE_LINE_FIELD,
];

/// Every warning code of the rules, in the order of SPEC §3.
pub const WARNINGS: &[&str] = &[
    UNKNOWN_KEY,
    PLAIN_HTTP,
    URL_CREDENTIALS,
    NAME_NOT_IDENTIFIER,
    AUTHENTICATION_FIELDS_UNUSED,
    OAUTH_FIELD_OPTIONAL,
    UNKNOWN_TEMPLATE_FIELD,
    UNKNOWN_VALUE_PROVIDER,
    UNKNOWN_COLLECTION,
    INTERACTION_TYPES_WITHOUT_ENDPOINT,
    ENDPOINT_WITHOUT_INTERACTION_TYPES,
    DISPLAY_UPPERCASE,
    DESCRIPTION_UPPERCASE,
    DISPLAY_TOO_LONG,
    SECRET_NOT_MASKED,
    DUPLICATE_SELECT_OPTION,
    TRAILING_LINE_BREAK,
];

/// Every code of reading a file: the errors that stop it and the notes of what the next save changes.
pub const READING: &[&str] =
    &[JSON_SYNTAX, NOT_AN_OBJECT, BYTE_ORDER_MARK, TEXT_FOR_INPUT, ENUM_NOT_LOWERCASE, LEGACY_SHAPE, DUPLICATE_KEY];
