//! The small files beside an edition that are not the edition: the draft
//! of what is being typed, and the scratch file lent to $EDITOR; and the
//! user's config file. Every file the board touches goes through here.

use std::io;
use std::path::{Path, PathBuf};

/// `.name.ron.draft` beside the edition.
pub fn draft_path(edition: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(edition.file_name().unwrap_or_default());
    name.push(".draft");
    edition.with_file_name(name)
}

/// Keeps the unfinished typing beside the edition (None: there is none).
pub fn write_draft(edition: &Path, text: Option<&str>) -> io::Result<()> {
    let path = draft_path(edition);
    match text {
        Some(t) => std::fs::write(&path, t),
        None => match std::fs::remove_file(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        },
    }
}

/// The unfinished typing kept beside the edition, if any.
pub fn read_draft(edition: &Path) -> Option<String> {
    std::fs::read_to_string(draft_path(edition)).ok()
}

/// A scratch file for $EDITOR, holding `text`.
pub fn scratch(text: &str) -> io::Result<PathBuf> {
    let path = std::env::temp_dir().join(format!("openspace-notes-{}.md", std::process::id()));
    std::fs::write(&path, text)?;
    Ok(path)
}

/// What the editor left in the scratch file; the file goes.
pub fn take_scratch(path: &Path) -> io::Result<String> {
    let text = std::fs::read_to_string(path);
    let _ = std::fs::remove_file(path);
    text
}

/// The config file's text; None when there is none.
pub fn read_config(path: &Path) -> io::Result<Option<String>> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}
