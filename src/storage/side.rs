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

/// Keeps the unfinished typing beside the edition (None: there is none),
/// atomically: a full disk leaves the last draft whole, never an empty one.
pub fn write_draft(edition: &Path, text: Option<&str>) -> io::Result<()> {
    let path = draft_path(edition);
    match text {
        Some(t) => write_atomically(&path, t.as_bytes()),
        None => match std::fs::remove_file(&path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        },
    }
}

/// The unfinished typing kept beside the edition, if any.
pub fn read_draft(edition: &Path) -> Option<String> {
    let bytes = super::file::read_plain(&draft_path(edition)).ok()?;
    String::from_utf8(bytes).ok()
}

/// Writes a file atomically; a commit that fails leaves no temporary file.
pub(super) fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    use std::io::Write;
    let mut file = atomic_write_file::AtomicWriteFile::open(path)?;
    file.write_all(bytes)?;
    // a commit that fails can leave its temporary file beside the target
    file.commit().inspect_err(|_| remove_temporaries(path))
}

/// Removes the temporary files of interrupted atomic writes of `target`
/// (`.NAME.XXXXXX` beside it).
fn remove_temporaries(target: &Path) {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    remove_matching(target, &[format!(".{name}.")]);
}

/// The places a recovery of `edition` may be written, in the order tried:
/// beside it, then the user's data folder, then the temporary folder — the
/// first that takes it. Found again in the same order.
pub fn recovery_paths(edition: &Path) -> Vec<PathBuf> {
    let mut name = edition.file_name().unwrap_or_default().to_os_string();
    name.push(".recovered");
    let beside = edition.with_file_name(&name);
    // elsewhere, the name says which edition it is for, by its full path
    let full = std::path::absolute(edition).unwrap_or_else(|_| edition.to_path_buf());
    let tag = format!(
        "{}-{:016x}.ron.recovered",
        crate::storage::stem(edition),
        fnv(full.as_os_str().as_encoded_bytes())
    );
    let mut paths = vec![beside];
    if let Some(d) = directories::ProjectDirs::from("", "", "openspace") {
        paths.push(d.data_dir().join("recovered").join(&tag));
    }
    paths.push(std::env::temp_dir().join(format!("openspace-{tag}")));
    paths
}

/// A stable hash (FNV-1a) of a path, so that a recovery is found by the next run.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Writes the edition's text where a recovery can go; the path it went to,
/// or why none took it.
pub fn write_recovery(edition: &Path, text: &str) -> io::Result<PathBuf> {
    let mut last = io::Error::other("no place to write a recovery");
    for (i, path) in recovery_paths(edition).into_iter().enumerate() {
        // the edition's own folder is never made again (it may be gone on purpose)
        if i > 0
            && let Some(dir) = path.parent()
        {
            let _ = std::fs::create_dir_all(dir);
        }
        match write_atomically(&path, text.as_bytes()) {
            Ok(()) => return Ok(path),
            Err(e) => last = e,
        }
    }
    Err(last)
}

/// A recovery of `edition` left by an earlier run, with its text.
pub fn find_recovery(edition: &Path) -> Option<(PathBuf, String)> {
    recovery_paths(edition).into_iter().find_map(|path| {
        let bytes = super::file::read_plain(&path).ok()?;
        Some((path, String::from_utf8(bytes).ok()?))
    })
}

/// Removes a recovery once its changes are back on the board.
pub fn forget_recovery(path: &Path) -> io::Result<()> {
    std::fs::remove_file(path)
}

/// Removes what interrupted saves of this edition left beside it: the
/// temporary files of the edition, its draft and its backup
/// (`.NAME.ron.XXXXXX`). Only the holder of the edition's lock calls this,
/// so no save in flight is touched. Returns how many went.
pub fn clean_leftovers(edition: &Path) -> usize {
    let name = edition.file_name().unwrap_or_default().to_string_lossy();
    let draft = draft_path(edition);
    let draft = draft.file_name().unwrap_or_default().to_string_lossy();
    let stems = [
        format!(".{name}."),
        format!(".{draft}."),
        format!(".{name}.bak."),
        format!(".{name}.recovered."),
    ];
    remove_matching(edition, &stems)
}

/// Removes the files beside `beside` named `STEM` + six letters or digits.
fn remove_matching(beside: &Path, stems: &[String]) -> usize {
    let dir = match beside.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.filter_map(Result::ok) {
        let file = entry.file_name().to_string_lossy().into_owned();
        let leftover = stems.iter().any(|stem| {
            file.strip_prefix(stem.as_str()).is_some_and(|rest| {
                rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_alphanumeric())
            })
        });
        if leftover
            && entry.file_type().is_ok_and(|t| t.is_file())
            && std::fs::remove_file(entry.path()).is_ok()
        {
            removed += 1;
        }
    }
    removed
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
