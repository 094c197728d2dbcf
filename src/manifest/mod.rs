//! The manifest domain: types, reading, writing and the validation rules. It knows nothing of terminals.

pub(crate) mod auth_switch;
pub mod changes;
pub mod check;
pub(crate) mod diagnostic;
mod duplicates;
pub mod edit;
pub(crate) mod explain;
pub(crate) mod json;
pub(crate) mod key;
pub(crate) mod model;
pub mod number_text;
pub(crate) mod object;
pub mod position;
pub mod read;
pub mod rules;
pub(crate) mod schema;
pub(crate) mod seed_tables;
pub(crate) mod slot;
pub(crate) mod sniff;
pub(crate) mod vocab;
pub(crate) mod write;

pub use changes::{Change, ChangeCode, compare};
pub use check::{Checked, check};
pub use diagnostic::{Counts, Diagnostic, Severity};
pub use json::Json;
pub use key::{Key, ObjectKey};
pub use model::{
    Action, ActionInput, ActionKey, AuthField, AuthFieldKey, InputKey, Integration, IntegrationKey, List, Manifest,
    Shape, Wrapper, WrapperKey,
};
pub use position::Position;
pub use read::{Parsed, read};
pub use rules::validate;
pub use seed_tables::{AuthFieldType, AuthenticationType, InputType};
pub use slot::Slot;
pub use vocab::{Vocab, Vocabulary};
pub use write::{part_tree, to_json, to_tree};
