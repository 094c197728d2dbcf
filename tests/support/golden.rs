//! Golden files: a test's output compared with the file kept beside the tests, or written there
//! when `UPDATE_GOLDEN` is set (review the diff before committing it).

use std::path::Path;

/// Compares `actual` with the golden file at `path`, or writes it when `UPDATE_GOLDEN` is set.
pub(crate) fn assert_golden_file(path: &Path, actual: &str) {
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(path)
        .unwrap_or_else(|error| panic!("{}: {error}; run with UPDATE_GOLDEN=1 to create it", path.display()));
    if expected != actual {
        let name =
            path.file_name().map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned());
        let diff =
            similar::TextDiff::from_lines(&expected, actual).unified_diff().header("golden", "actual").to_string();
        panic!("{name} differs from its golden file (UPDATE_GOLDEN=1 rewrites it after an intended change):\n{diff}");
    }
}
