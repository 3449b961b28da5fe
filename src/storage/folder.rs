//! The sessions folder: where editions live, and listing them.

use std::path::{Path, PathBuf};

use super::file::{LoadError, load};
use crate::model::Edition;

/// Where the folder comes from, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolderSource {
    Flag,
    Env,
    Local,
    DataDir,
}

/// The sessions folder: `--dir`, else $OPENSPACE_DIR, else ./sessions when
/// it exists, else the platform's data folder.
pub fn resolve(flag: Option<&Path>, env: Option<&Path>, cwd: &Path) -> (PathBuf, FolderSource) {
    if let Some(dir) = flag {
        return (dir.to_path_buf(), FolderSource::Flag);
    }
    if let Some(dir) = env.filter(|d| !d.as_os_str().is_empty()) {
        return (dir.to_path_buf(), FolderSource::Env);
    }
    let local = cwd.join("sessions");
    if local.is_dir() {
        return (local, FolderSource::Local);
    }
    let data = directories::ProjectDirs::from("", "", "openspace")
        .map(|d| d.data_dir().join("sessions"))
        .unwrap_or(local);
    (data, FolderSource::DataDir)
}

/// One `.ron` file of the folder, loaded or not.
#[derive(Debug)]
pub struct Listed {
    pub path: PathBuf,
    pub edition: Result<Edition, LoadError>,
}

/// The editions of a folder, newest first (by first day, then name);
/// files that do not load come last. A missing folder lists nothing.
pub fn list(dir: &Path) -> std::io::Result<Vec<Listed>> {
    list_but(dir, |_| false)
}

/// `list`, leaving out (unread) the files `skip` names: the edition open
/// on the board is not read a second time.
pub fn list_but(dir: &Path, skip: impl Fn(&Path) -> bool) -> std::io::Result<Vec<Listed>> {
    let files = edition_files(dir, skip)?;
    let mut listed = each(files, |path| Listed {
        edition: load(&path),
        path,
    });
    listed.sort_by(|a, b| {
        let key = |l: &Listed| l.edition.as_ref().ok().and_then(Edition::first_day);
        key(b).cmp(&key(a)).then_with(|| a.path.cmp(&b.path))
    });
    Ok(listed)
}

/// The editions' files of a folder (not the ones `skip` names), unread.
pub fn edition_files(dir: &Path, skip: impl Fn(&Path) -> bool) -> std::io::Result<Vec<PathBuf>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    Ok(entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && p.is_file())
        // a sync engine's conflict copy or an editor's leftover is not an edition
        .filter(|p| !super::journal::is_leftover(p))
        .filter(|p| !skip(p))
        .collect())
}

/// `f` of every item, in order, a few at once: reading an edition is
/// mostly parsing, and each core parses one. Each worker holds one item's
/// work at a time, so a folder is never all in memory at once.
pub fn each<T: Send, R: Send>(items: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 4)
        .min(items.len());
    if workers <= 1 {
        return items.into_iter().map(f).collect();
    }
    let n = items.len();
    let queue = std::sync::Mutex::new(items.into_iter().enumerate());
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let next = queue.lock().map(|mut q| q.next());
                        match next {
                            Ok(Some((i, item))) => out.push((i, f(item))),
                            _ => return out,
                        }
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    debug_assert_eq!(done.len(), n);
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_but_leaves_the_named_file_unread() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.ron"), "not an edition").unwrap();
        std::fs::write(dir.path().join("b.ron"), "not an edition either").unwrap();
        assert_eq!(list(dir.path()).unwrap().len(), 2);
        let but = list_but(dir.path(), |p| p.ends_with("a.ron")).unwrap();
        assert_eq!(but.len(), 1);
        assert!(but[0].path.ends_with("b.ron"));
    }

    #[test]
    fn folder_rules_in_order() {
        let cwd = tempfile::tempdir().unwrap();
        let flag = Path::new("/x/flag");
        let env = Path::new("/x/env");
        assert_eq!(
            resolve(Some(flag), Some(env), cwd.path()),
            (flag.into(), FolderSource::Flag)
        );
        assert_eq!(
            resolve(None, Some(env), cwd.path()),
            (env.into(), FolderSource::Env)
        );
        let (dir, source) = resolve(None, None, cwd.path());
        assert_eq!(source, FolderSource::DataDir);
        assert!(dir.ends_with("sessions"));
        std::fs::create_dir(cwd.path().join("sessions")).unwrap();
        assert_eq!(
            resolve(None, Some(Path::new("")), cwd.path()),
            (cwd.path().join("sessions"), FolderSource::Local)
        );
    }
}
