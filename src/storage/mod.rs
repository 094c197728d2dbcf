//! Files the tool reads and writes: bounded reads of regular files only, atomic saves that keep links, owners and modes, with a backup of the previous content.

mod draft_changes;
pub mod drafts;
mod flush;
mod folder;
mod owner;
mod read;
pub(crate) mod recent;
mod save;

pub use flush::{FileSystemFlush, flush_files, sync_folder};
pub use folder::{create_new, list_folder, write_new};
pub use owner::check_private_folder;
pub use read::{
    FileContent, FileKind, MAX_FILE_SIZE, ReadError, irregular_kind, open_file, read_file, read_file_and_metadata,
    read_kind, read_own_file, read_start, read_stdin, read_stream, read_walked_file,
};
pub use save::{SaveBatch, SaveError, backup_path, save_atomic, save_private};
