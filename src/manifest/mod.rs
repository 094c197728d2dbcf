//! The manifest domain: types, reading, writing and the validation rules. It knows nothing of terminals.

pub mod auth_switch;
pub mod check;
pub mod diagnostic;
mod duplicates;
pub mod edit;
pub mod explain;
pub mod json;
pub mod model;
pub(crate) mod object;
pub mod position;
pub mod read;
pub mod rules;
pub mod schema;
pub mod slot;
pub mod sniff;
pub mod spelling;
pub mod vocabulary;
pub mod write;

pub use check::{Checked, check};
pub use diagnostic::{Counts, Diagnostic, Severity};
pub use json::Json;
pub use model::{Action, ActionInput, AuthField, Integration, List, Manifest, Shape, Wrapper};
pub use position::Position;
pub use read::{Parsed, read};
pub use rules::validate;
pub use slot::Slot;
pub use vocabulary::{AuthFieldType, AuthenticationType, InputType};
pub use write::to_json;
