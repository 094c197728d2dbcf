//! Reading a file without surprises: regular files only, never blocking on a FIFO or a device, and never more than [`MAX_FILE_SIZE`].

use std::fs::{File, FileType, Metadata};
use std::io::Read;
use std::path::Path;

/// The largest file (or standard input) the tool reads: 1 GiB. A manifest is kilobytes; anything
/// this large is the wrong file, and reading it whole would only exhaust memory.
pub const MAX_FILE_SIZE: u64 = 1 << 30;

/// Why a file was not read; every message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("no such file; check the path")]
    /// No file at the path.
    NotFound,
    #[error("permission denied; check the file's permissions")]
    /// The file may not be read.
    PermissionDenied,
    #[error("this is a folder, not a manifest file; give the path of a .json manifest")]
    /// The path is a folder.
    Folder,
    #[error("this is {0}, not a regular file; give the path of a manifest file (nothing was read from it)")]
    /// A FIFO, device or socket (named), never read.
    NotRegular(&'static str),
    #[error(
        "{what} is larger than the {limit} bytes (1 GiB) the tool reads; a manifest is far smaller, check that this is the right file",
        limit = MAX_FILE_SIZE
    )]
    /// Larger than the tool reads.
    TooLarge {
        /// What is too large ("the file", "standard input").
        what: &'static str,
    },
    #[error("cannot read it: {0}")]
    /// Any other error of the system.
    Other(std::io::Error),
}

impl From<std::io::Error> for ReadError {
    fn from(error: std::io::Error) -> Self {
        match error.kind() {
            std::io::ErrorKind::NotFound => ReadError::NotFound,
            std::io::ErrorKind::PermissionDenied => ReadError::PermissionDenied,
            std::io::ErrorKind::IsADirectory => ReadError::Folder,
            _ => ReadError::Other(error),
        }
    }
}

/// Reads a whole regular file, following symbolic links. A FIFO, a device or a socket is refused
/// before it is opened for reading (and the open itself cannot block), a file above
/// [`MAX_FILE_SIZE`] is refused before it is read.
pub fn read_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_file_and_metadata(path).map(|content| content.bytes)
}

/// A file's bytes and the metadata of the file they were read from (which file it is, after links).
#[derive(Debug)]
pub struct FileContent {
    /// The bytes read.
    pub bytes: Vec<u8>,
    /// The metadata of the file they were read from.
    pub metadata: Metadata,
}

/// [`read_file`], keeping the metadata of the opened file.
pub fn read_file_and_metadata(path: &Path) -> Result<FileContent, ReadError> {
    // Looking first means a device is never even opened.
    accept(&std::fs::metadata(path)?)?;
    read_opened(path)
}

/// Reads a file that a folder walk has just seen to be a regular file: the first look is skipped
/// (one system call less per file of a large folder); the opened file is still checked, so a
/// path swapped for a FIFO or a device since is refused all the same.
pub fn read_walked_file(path: &Path) -> Result<FileContent, ReadError> {
    read_opened(path)
}

fn read_opened(path: &Path) -> Result<FileContent, ReadError> {
    let file = open_without_blocking(path)?;
    let metadata = file.metadata()?;
    accept(&metadata)?;
    let bytes = read_bounded(file, metadata.len(), MAX_FILE_SIZE, "the file")?;
    Ok(FileContent { bytes, metadata })
}

/// Reads all of standard input, up to [`MAX_FILE_SIZE`].
pub fn read_stdin() -> Result<Vec<u8>, ReadError> {
    read_bounded(std::io::stdin().lock(), 0, MAX_FILE_SIZE, "standard input")
}

/// Reads a stream (another program's output) to its end, up to [`MAX_FILE_SIZE`]; `what` names
/// it when it is too large ("the output of git show").
pub fn read_stream(reader: impl Read, what: &'static str) -> Result<Vec<u8>, ReadError> {
    read_bounded(reader, 0, MAX_FILE_SIZE, what)
}

/// What kind of file this is when it is not a regular one (`None` for a regular file).
pub fn irregular_kind(file_type: &FileType) -> Option<&'static str> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if file_type.is_char_device() {
            return Some("a character device");
        }
        if file_type.is_block_device() {
            return Some("a block device");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
    }
    Some("a special file")
}

fn accept(metadata: &Metadata) -> Result<(), ReadError> {
    match irregular_kind(&metadata.file_type()) {
        None if metadata.len() > MAX_FILE_SIZE => Err(ReadError::TooLarge { what: "the file" }),
        None => Ok(()),
        Some(_) if metadata.is_dir() => Err(ReadError::Folder),
        Some(kind) => Err(ReadError::NotRegular(kind)),
    }
}

/// Opens for reading; on Unix with `O_NONBLOCK`, so that a path swapped for a FIFO after it was
/// looked at cannot make the open wait for a writer (reads of a regular file ignore the flag).
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options.open(path)
}

/// Reads at most `limit` bytes; one byte more means the source is too large.
fn read_bounded(reader: impl Read, expected: u64, limit: u64, what: &'static str) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(usize::try_from(expected.min(limit)).unwrap_or(0));
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { what });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_stops_one_byte_past_the_limit() {
        let endless = std::io::repeat(b'x');
        assert!(matches!(read_bounded(endless, 0, 16, "the file"), Err(ReadError::TooLarge { .. })));
        assert_eq!(read_bounded(&b"0123456789abcdef"[..], 16, 16, "the file").expect("at the limit").len(), 16);
    }

    #[test]
    fn a_folder_is_refused_as_a_folder() {
        let folder = tempfile::tempdir().expect("temp dir");
        assert!(matches!(read_file(folder.path()), Err(ReadError::Folder)));
    }

    #[cfg(unix)]
    #[test]
    fn a_character_device_is_refused_without_reading() {
        let error = read_file(Path::new("/dev/zero")).expect_err("a device");
        assert!(error.to_string().contains("a character device"), "{error}");
    }
}
