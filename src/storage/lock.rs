//! One writer per edition. The lock lives in a separate file beside the
//! edition, because every save renames a new file over the edition itself.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

/// Held while this process may write the edition; released when dropped.
#[derive(Debug)]
pub struct EditionLock {
    _file: File,
    path: PathBuf,
}

pub fn lock_path(edition: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(edition.file_name().unwrap_or_default());
    name.push(".lock");
    edition.with_file_name(name)
}

impl EditionLock {
    /// Takes the lock, or `Ok(None)` when another process holds it.
    pub fn try_acquire(edition: &Path) -> io::Result<Option<EditionLock>> {
        let path = lock_path(edition);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(EditionLock { _file: file, path })),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(e)) => Err(e),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_edition_is_refused_until_released() {
        let dir = tempfile::tempdir().unwrap();
        let edition = dir.path().join("a.ron");
        let first = EditionLock::try_acquire(&edition).unwrap();
        assert!(first.is_some());
        assert!(EditionLock::try_acquire(&edition).unwrap().is_none());
        drop(first);
        assert!(EditionLock::try_acquire(&edition).unwrap().is_some());
    }
}
