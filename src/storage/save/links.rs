//! Following symbolic links to the file a save must write, so that the link itself stays.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// As many links in a row as Linux follows before it gives up (ELOOP).
const MOST_LINKS: usize = 40;

/// The file `path` names after following every symbolic link, even a dangling one (its target is
/// where a new file will be created), with what looking at it found (its metadata, or why there
/// is none), so that a save does not look again. A relative link is relative to the link's own folder.
pub(super) fn resolve(path: &Path) -> io::Result<(PathBuf, io::Result<fs::Metadata>)> {
    let mut current = path.to_path_buf();
    for _ in 0..MOST_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(folder) => folder.join(link),
                    None => link,
                };
            }
            looked => return Ok((current, looked)),
        }
    }
    Err(io::Error::other(format!("more than {MOST_LINKS} symbolic links in a row (is there a loop?)")))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn chains_of_relative_links_are_followed_from_each_links_folder() {
        let folder = tempfile::tempdir().expect("temp dir");
        fs::create_dir(folder.path().join("a")).expect("mkdir");
        symlink("a/second", folder.path().join("first")).expect("link");
        symlink("../real.json", folder.path().join("a/second")).expect("link");
        let (resolved, looked) = resolve(&folder.path().join("first")).expect("resolve");
        assert_eq!(looked.expect_err("real.json is not there yet").kind(), std::io::ErrorKind::NotFound);
        assert_eq!(fs::canonicalize(resolved.parent().expect("folder")).ok(), fs::canonicalize(folder.path()).ok());
        assert_eq!(resolved.file_name(), Some("real.json".as_ref()));
    }

    #[test]
    fn a_loop_is_an_error_not_a_hang() {
        let folder = tempfile::tempdir().expect("temp dir");
        symlink("b", folder.path().join("a")).expect("link");
        symlink("a", folder.path().join("b")).expect("link");
        let error = resolve(&folder.path().join("a")).expect_err("a loop");
        assert!(error.to_string().contains("loop"), "{error}");
    }
}
