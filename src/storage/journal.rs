//! The scribes' journals of an edition: `NAME.scribes/DEVICE.ron` beside
//! `NAME.ron`, each written by one laptop only, atomically. What sync
//! engines and editors leave in the folder (Syncthing's `.sync-conflict-`
//! and Dropbox's "conflicted copy" copies, temporary and hidden files,
//! backups) is never read as a journal.

use std::io;
use std::path::{Path, PathBuf};

use crate::model::journal::{JOURNAL_VERSION, Journal};

/// `sessions/NAME.scribes` for `sessions/NAME.ron`.
pub fn journals_dir(edition: &Path) -> PathBuf {
    let mut name = edition
        .file_stem()
        .map(|s| s.to_os_string())
        .unwrap_or_default();
    name.push(".scribes");
    edition.with_file_name(name)
}

/// Where a laptop's journal of an edition is.
pub fn journal_path(edition: &Path, device: &str) -> PathBuf {
    journals_dir(edition).join(format!("{device}.ron"))
}

/// A file a sync engine, an editor or an interrupted write left: never an
/// edition or a journal.
pub fn is_leftover(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    name.starts_with('.')
        || name.starts_with('~')
        || name.ends_with('~')
        || name.contains(".sync-conflict")
        || name.contains("conflicted copy")
        || name.contains(".tmp")
        || name.ends_with(".bak")
}

/// One journal file as found: read, or why not (half copied, broken, newer).
#[derive(Debug)]
pub struct Found {
    pub path: PathBuf,
    /// The file's size and modification time: a file that did not change
    /// since it was last read is not read again.
    pub stamp: (u64, Option<std::time::SystemTime>),
    pub journal: Result<Journal, String>,
}

/// The journals of an edition whose stamp is not in `seen`; a missing folder has none.
pub fn read_journals(
    edition: &Path,
    seen: impl Fn(&Path, (u64, Option<std::time::SystemTime>)) -> bool,
) -> Vec<Found> {
    let Ok(entries) = std::fs::read_dir(journals_dir(edition)) else {
        return Vec::new();
    };
    let mut out: Vec<Found> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && !is_leftover(p))
        .filter_map(|path| {
            let meta = std::fs::metadata(&path).ok().filter(|m| m.is_file())?;
            let stamp = (meta.len(), meta.modified().ok());
            if seen(&path, stamp) {
                return None;
            }
            let journal = read_journal(&path);
            Some(Found {
                path,
                stamp,
                journal,
            })
        })
        .collect();
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// Reads one journal; the error says why it cannot be merged yet.
pub fn read_journal(path: &Path) -> Result<Journal, String> {
    let bytes = super::read_plain(path).map_err(|e| e.to_string())?;
    let text = std::str::from_utf8(&bytes).map_err(|_| "it is not text".to_string())?;
    // the version first: a newer journal says so rather than failing on a field
    #[derive(serde::Deserialize)]
    struct Version {
        version: u32,
    }
    let options = ron::Options::default();
    if let Ok(v) = options.from_str::<ron::Value>(text)
        && let Ok(Version { version }) = v.into_rust::<Version>()
        && version > JOURNAL_VERSION
    {
        return Err(format!(
            "it is journal version {version}; this openspace reads up to {JOURNAL_VERSION}"
        ));
    }
    ron::from_str::<Journal>(text).map_err(|e| {
        format!(
            "it does not read (half copied?): line {}, column {}: {}",
            e.span.start.line, e.span.start.col, e.code
        )
    })
}

/// Writes a journal atomically, making its folder when needed.
pub fn write_journal(path: &Path, journal: &Journal) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let text = ron::ser::to_string_pretty(journal, ron::ser::PrettyConfig::default())
        .map_err(|e| io::Error::other(e.to_string()))?;
    super::side::write_atomically(path, format!("{text}\n").as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_sync_engines_and_editors_leave_is_never_read() {
        let dir = tempfile::tempdir().unwrap();
        let edition = dir.path().join("meetup.ron");
        let journal = Journal::new("oak", "", "oak-1".into());
        write_journal(&journal_path(&edition, "oak"), &journal).unwrap();
        let folder = journals_dir(&edition);
        for left in [
            "oak.sync-conflict-20261202-101010-ABCDEF.ron",
            "oak (Ada's conflicted copy 2026-12-02).ron",
            ".syncthing.oak.ron.tmp",
            ".oak.ron.draft",
            "~oak.ron",
            "oak.ron~",
            "oak.ron.bak",
            "oak.tmp.ron",
        ] {
            std::fs::copy(journal_path(&edition, "oak"), folder.join(left)).unwrap();
            assert!(is_leftover(&folder.join(left)), "{left}");
        }
        let found = read_journals(&edition, |_, _| false);
        let names: Vec<String> = found
            .iter()
            .map(|f| f.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec!["oak.ron".to_string()]);
        // nor listed as editions
        std::fs::copy(
            journal_path(&edition, "oak"),
            dir.path().join("meetup (conflicted copy).ron"),
        )
        .unwrap();
        std::fs::copy(
            journal_path(&edition, "oak"),
            dir.path().join("meetup.sync-conflict-1.ron"),
        )
        .unwrap();
        assert!(crate::storage::list(dir.path()).unwrap().is_empty());
    }
}
