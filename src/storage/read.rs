//! Reading a file without surprises: regular files only, never blocking on a FIFO or a device, and never more than the limit of its kind ([`FileKind`]).

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
    #[error("this is {0}, not a regular file; nothing was read from it, give the path of a regular file")]
    /// A FIFO, device or socket (named), never read.
    NotRegular(&'static str),
    #[error(
        "{what} is larger than the {limit} bytes ({}) the tool reads for {kind}; check that this is the right file",
        human_size(*limit)
    )]
    /// Larger than the tool reads for this kind of file.
    TooLarge {
        /// What is too large ("the file", "standard input").
        what: &'static str,
        /// What the file was read as ("a manifest", "the config file").
        kind: &'static str,
        /// The most bytes read for that kind.
        limit: u64,
    },
    #[error("it is owned by another user (uid {0}); only files you own are read here")]
    /// A file of the data folder that another user owns: never trusted.
    NotYours(u32),
    #[error("it is a symbolic link; links are not followed here, remove it")]
    /// A link where a file of the tool's own is expected.
    Link,
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

/// What a file is read as: how much of it the tool reads, and its name in messages. Every file the
/// tool reads is one of these, so each has a limit that fits it, far below the memory it could take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A manifest, or a file named on the command line as one (also `--auth-file`, `--contact`).
    Manifest,
    /// A document `export` wrote earlier (a part of a manifest).
    Exported,
    /// A draft of unsaved work: a manifest and its undo history.
    Draft,
    /// The config file.
    Config,
    /// The list of recent files.
    Recent,
    /// `export`'s record of the files it wrote.
    ExportRecord,
    /// A `.gitignore`, `.ignore` or git exclude file met while walking a folder, or git's global excludes file.
    IgnoreFile,
    /// Git's user config file, read for where its global excludes file is.
    GitConfig,
}

impl FileKind {
    /// The most bytes read of a file of this kind.
    pub const fn limit(self) -> u64 {
        match self {
            FileKind::Manifest | FileKind::Exported => MAX_FILE_SIZE,
            // The manifest written as a JSON string, and up to 8 MiB of undo history.
            FileKind::Draft => 2 * MAX_FILE_SIZE,
            FileKind::Config | FileKind::Recent | FileKind::GitConfig => 1 << 20,
            FileKind::ExportRecord | FileKind::IgnoreFile => 16 << 20,
        }
    }

    /// What a file of this kind is called in messages.
    pub const fn name(self) -> &'static str {
        match self {
            FileKind::Manifest => "a manifest",
            FileKind::Exported => "an exported document",
            FileKind::Draft => "a draft",
            FileKind::Config => "the config file",
            FileKind::Recent => "the list of recent files",
            FileKind::ExportRecord => "export's record",
            FileKind::IgnoreFile => "an ignore file",
            FileKind::GitConfig => "git's config file",
        }
    }
}

/// A size in words: `1 GiB`, `16 MiB`, `1000 bytes`.
fn human_size(bytes: u64) -> String {
    match bytes {
        bytes if bytes >= 1 << 30 && bytes % (1 << 30) == 0 => format!("{} GiB", bytes >> 30),
        bytes if bytes >= 1 << 20 && bytes % (1 << 20) == 0 => format!("{} MiB", bytes >> 20),
        bytes if bytes >= 1 << 10 && bytes % (1 << 10) == 0 => format!("{} KiB", bytes >> 10),
        bytes => format!("{bytes} bytes"),
    }
}

/// Reads a whole regular file as a manifest, following symbolic links. A FIFO, a device or a
/// socket is refused before it is opened for reading (and the open itself cannot block), a file
/// above [`MAX_FILE_SIZE`] is refused before it is read.
pub fn read_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_kind(path, FileKind::Manifest)
}

/// Reads a whole regular file of `kind`, following symbolic links, as [`read_file`] does, within
/// the limit of `kind`.
pub fn read_kind(path: &Path, kind: FileKind) -> Result<Vec<u8>, ReadError> {
    accept(&std::fs::metadata(path)?, kind)?;
    read_opened(path, kind).map(|content| content.bytes)
}

/// The first `most` bytes of a regular file (all of a smaller one), for telling what it is: a
/// FIFO or a device is refused without waiting, as by [`read_file`].
pub fn read_start(path: &Path, most: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_without_blocking(path, false)?;
    let metadata = file.metadata()?;
    if let Some(kind) = irregular_kind(&metadata.file_type()) {
        return Err(if metadata.is_dir() { ReadError::Folder } else { ReadError::NotRegular(kind) });
    }
    let mut bytes = Vec::new();
    file.take(most).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads a file of the tool's own (a draft): not through a symbolic link, only a regular file, and
/// only one owned by this user; what another user put in the data folder is never trusted.
pub fn read_own_file(path: &Path, kind: FileKind) -> Result<Vec<u8>, ReadError> {
    let file = open_without_blocking(path, true).map_err(|error| match error.raw_os_error() {
        // O_NOFOLLOW on a link fails with ELOOP.
        #[cfg(unix)]
        Some(libc::ELOOP) => ReadError::Link,
        _ => ReadError::from(error),
    })?;
    let metadata = file.metadata()?;
    accept(&metadata, kind)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if metadata.uid() != super::owner::current_user() {
            return Err(ReadError::NotYours(metadata.uid()));
        }
    }
    read_bounded(file, metadata.len(), kind.limit(), "the file", kind)
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
    accept(&std::fs::metadata(path)?, FileKind::Manifest)?;
    read_opened(path, FileKind::Manifest)
}

/// Opens a regular file as a manifest to read it as it goes, with the checks of [`read_file`];
/// what is read of it stops at [`MAX_FILE_SIZE`] bytes, should it grow meanwhile.
pub fn open_file(path: &Path) -> Result<(std::io::Take<File>, Metadata), ReadError> {
    accept(&std::fs::metadata(path)?, FileKind::Manifest)?;
    let file = open_without_blocking(path, false)?;
    let metadata = file.metadata()?;
    accept(&metadata, FileKind::Manifest)?;
    Ok((file.take(MAX_FILE_SIZE), metadata))
}

/// Reads a file that a folder walk has just seen to be a regular file: the first look is skipped
/// (one system call less per file of a large folder); the opened file is still checked, so a
/// path swapped for a FIFO or a device since is refused all the same.
pub fn read_walked_file(path: &Path) -> Result<FileContent, ReadError> {
    read_opened(path, FileKind::Manifest)
}

fn read_opened(path: &Path, kind: FileKind) -> Result<FileContent, ReadError> {
    let file = open_without_blocking(path, false)?;
    let metadata = file.metadata()?;
    accept(&metadata, kind)?;
    let bytes = read_bounded(file, metadata.len(), kind.limit(), "the file", kind)?;
    Ok(FileContent { bytes, metadata })
}

/// Reads all of standard input, up to [`MAX_FILE_SIZE`]. A pipe or a terminal is read as it comes;
/// a device other than a terminal (`< /dev/zero`) is refused without reading, and a file above the
/// limit before it is read.
pub fn read_stdin() -> Result<Vec<u8>, ReadError> {
    #[cfg(unix)]
    {
        use rustix::fs::FileType;
        use std::io::IsTerminal;
        let stdin = std::io::stdin();
        if let Ok(stat) = rustix::fs::fstat(&stdin) {
            let size = u64::try_from(stat.st_size).unwrap_or(0);
            match FileType::from_raw_mode(stat.st_mode) {
                FileType::CharacterDevice if !stdin.is_terminal() => {
                    return Err(ReadError::NotRegular("a character device"));
                }
                FileType::BlockDevice => return Err(ReadError::NotRegular("a block device")),
                FileType::RegularFile if size > MAX_FILE_SIZE => {
                    let kind = FileKind::Manifest;
                    return Err(ReadError::TooLarge { what: "standard input", kind: kind.name(), limit: kind.limit() });
                }
                _ => {}
            }
        }
    }
    read_bounded(std::io::stdin().lock(), 0, MAX_FILE_SIZE, "standard input", FileKind::Manifest)
}

/// Reads a stream (another program's output, e.g. `git show`) to its end, up to the limit of
/// `kind`; `what` names it when it is too large ("the output").
pub fn read_stream(reader: impl Read, what: &'static str, kind: FileKind) -> Result<Vec<u8>, ReadError> {
    read_bounded(reader, 0, kind.limit(), what, kind)
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

fn accept(metadata: &Metadata, kind: FileKind) -> Result<(), ReadError> {
    match irregular_kind(&metadata.file_type()) {
        None if metadata.len() > kind.limit() => {
            Err(ReadError::TooLarge { what: "the file", kind: kind.name(), limit: kind.limit() })
        }
        None => Ok(()),
        Some(_) if metadata.is_dir() => Err(ReadError::Folder),
        Some(kind) => Err(ReadError::NotRegular(kind)),
    }
}

/// Opens for reading; on Unix with `O_NONBLOCK`, so that a path swapped for a FIFO after it was
/// looked at cannot make the open wait for a writer (reads of a regular file ignore the flag), and
/// with `O_NOFOLLOW` when `no_links` (a link in place of the tool's own file is refused).
fn open_without_blocking(path: &Path, no_links: bool) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let links = if no_links { libc::O_NOFOLLOW } else { 0 };
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY | links);
    }
    #[cfg(not(unix))]
    let _ = no_links;
    // The one place the tool opens a file to read it: every read above goes through here, after
    // or before the checks that it is a regular file, and reads it through `read_bounded`.
    #[allow(clippy::disallowed_methods)]
    options.open(path)
}

/// Reads at most `limit` bytes; one byte more means the source is too large.
fn read_bounded(
    reader: impl Read,
    expected: u64,
    limit: u64,
    what: &'static str,
    kind: FileKind,
) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(usize::try_from(expected.min(limit)).unwrap_or(0));
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { what, kind: kind.name(), limit });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_stops_one_byte_past_the_limit() {
        let endless = std::io::repeat(b'x');
        let kind = FileKind::Config;
        assert!(matches!(read_bounded(endless, 0, 16, "the file", kind), Err(ReadError::TooLarge { .. })));
        assert_eq!(read_bounded(&b"0123456789abcdef"[..], 16, 16, "the file", kind).expect("at the limit").len(), 16);
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
