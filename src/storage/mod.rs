//! Files the tool writes: atomic saves that keep links, owners and modes, with a backup of the previous content.

pub mod drafts;
pub mod recent;
mod save;

pub use save::{SaveError, backup_path, save_atomic, save_private};
