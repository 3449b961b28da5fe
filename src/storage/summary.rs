//! What `list` and the picker show of each edition of a folder: a summary,
//! made by reading one edition at a time (a few at once, one per core),
//! and kept in the user's cache folder by file, size, inode and
//! modification time, so that a folder listed again reads only what
//! changed. The cache is only a shortcut: one that is missing, stale,
//! broken or of another version is left aside and the editions are read.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use super::file::load;
use crate::model::{Counts, Edition};

/// One edition as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub name: String,
    /// "14–15 May 2019"
    pub dates: String,
    pub first_day: Option<jiff::civil::Date>,
    pub counts: Counts,
}

impl Summary {
    pub fn of(e: &Edition) -> Summary {
        Summary {
            name: e.name.clone(),
            dates: e.dates_label(),
            first_day: e.first_day(),
            counts: e.counts(),
        }
    }
}

/// One `.ron` file of the folder, summarised, or the first line of why it
/// does not load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summarised {
    pub path: PathBuf,
    pub summary: Result<Summary, String>,
}

/// What tells one version of a file from another without reading it.
/// An atomic save makes a new file, so the inode changes with every save.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    len: u64,
    inode: u64,
    /// Seconds and nanoseconds since 1970 (before it: negative seconds).
    modified: (i64, u32),
}

impl Stamp {
    fn of(path: &Path) -> Option<(Stamp, SystemTime)> {
        let meta = std::fs::metadata(path).ok()?;
        let modified = meta.modified().ok()?;
        let since = match modified.duration_since(SystemTime::UNIX_EPOCH) {
            Ok(d) => (i64::try_from(d.as_secs()).ok()?, d.subsec_nanos()),
            Err(e) => {
                let d = e.duration();
                (-i64::try_from(d.as_secs()).ok()?, d.subsec_nanos())
            }
        };
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&meta);
        #[cfg(not(unix))]
        let inode = 0;
        Some((
            Stamp {
                len: meta.len(),
                inode,
                modified: since,
            },
            modified,
        ))
    }
}

/// The cache of one folder.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Cache {
    version: u32,
    files: Vec<Cached>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Cached {
    file: String,
    stamp: Stamp,
    summary: Summary,
}

/// Bumped when `Summary` or `Edition::counts` changes what it holds.
const CACHE_VERSION: u32 = 1;

/// A file changed this recently may change again within the clock's
/// granularity with the same stamp: its summary is not kept.
const SETTLED: Duration = Duration::from_secs(2);

/// The summaries of a folder's editions, newest first (by first day, then
/// name); files that do not load come last. A missing folder has none.
pub fn summaries(dir: &Path) -> std::io::Result<Vec<Summarised>> {
    summaries_cached(dir, cache_file(dir).as_deref())
}

/// `summaries`, kept in the file `cache` (none: nothing kept).
pub fn summaries_cached(dir: &Path, cache: Option<&Path>) -> std::io::Result<Vec<Summarised>> {
    let files = super::folder::edition_files(dir, |_| false)?;
    let kept = cache.map(read_cache).unwrap_or_default();
    let rows = super::folder::each(files, |path| {
        let stamp = Stamp::of(&path);
        let file = super::file::stem(&path);
        let hit = kept
            .files
            .iter()
            .find(|c| c.file == file && stamp.as_ref().is_some_and(|(s, _)| *s == c.stamp));
        let summary = match hit {
            Some(c) => Ok(c.summary.clone()),
            None => load(&path)
                .as_ref()
                .map(Summary::of)
                .map_err(|e| e.to_string().lines().next().unwrap_or_default().to_string()),
        };
        (Summarised { path, summary }, stamp, hit.is_some())
    });
    if let Some(cache) = cache {
        let now = SystemTime::now();
        let keep: Vec<Cached> = rows
            .iter()
            .filter_map(|(s, stamp, _)| {
                let (stamp, modified) = stamp.clone()?;
                let settled = now.duration_since(modified).is_ok_and(|d| d >= SETTLED);
                let summary = s.summary.clone().ok().filter(|_| settled)?;
                Some(Cached {
                    file: super::file::stem(&s.path),
                    stamp,
                    summary,
                })
            })
            .collect();
        let same = keep.len() == kept.files.len() && rows.iter().all(|(_, _, hit)| *hit);
        if !same {
            write_cache(cache, keep);
        }
    }
    let mut out: Vec<Summarised> = rows.into_iter().map(|(s, _, _)| s).collect();
    out.sort_by(|a, b| {
        let key = |s: &Summarised| s.summary.as_ref().ok().and_then(|s| s.first_day);
        key(b).cmp(&key(a)).then_with(|| a.path.cmp(&b.path))
    });
    Ok(out)
}

/// Where a folder's summaries are kept: $OPENSPACE_CACHE (empty: nowhere),
/// else the user's cache folder, one file per sessions folder.
fn cache_file(dir: &Path) -> Option<PathBuf> {
    let root = match std::env::var_os("OPENSPACE_CACHE") {
        Some(root) if root.is_empty() => return None,
        Some(root) => PathBuf::from(root),
        None => directories::ProjectDirs::from("", "", "openspace")?
            .cache_dir()
            .join("folders"),
    };
    let dir = std::fs::canonicalize(dir).ok()?;
    let id = super::file::fingerprint(dir.as_os_str().as_encoded_bytes());
    Some(root.join(format!("{id:016x}.ron")))
}

fn read_cache(path: &Path) -> Cache {
    super::file::read_plain(path)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| ron::from_str::<Cache>(&text).ok())
        .filter(|c| c.version == CACHE_VERSION)
        .unwrap_or_default()
}

/// Written atomically; a cache that cannot be written is only not kept.
fn write_cache(path: &Path, files: Vec<Cached>) {
    let cache = Cache {
        version: CACHE_VERSION,
        files,
    };
    let Ok(text) = ron::to_string(&cache) else {
        return;
    };
    if let Some(parent) = path.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    let _ = super::side::write_atomically(path, text.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::sample;

    /// Sets a file's modification time back, as if saved a while ago.
    fn age(path: &Path) {
        let old = SystemTime::now() - Duration::from_secs(60);
        let file = std::fs::File::options().write(true).open(path).unwrap();
        file.set_modified(old).unwrap();
    }

    #[test]
    fn a_folder_listed_again_reads_only_what_changed() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("cache").join("folder.ron");
        let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
        let mut e = sample();
        crate::storage::save(&a, &e).unwrap();
        e.name = "Another".into();
        crate::storage::save(&b, &e).unwrap();
        std::fs::write(dir.path().join("broken.ron"), "(not").unwrap();
        age(&a);
        age(&b);
        let first = summaries_cached(dir.path(), Some(&cache)).unwrap();
        assert_eq!(first.len(), 3);
        assert!(first[2].summary.is_err(), "the broken file comes last");
        assert_eq!(read_cache(&cache).files.len(), 2, "only what loads is kept");
        // a kept summary is used as it is: a cache saying otherwise shows
        let mut kept = read_cache(&cache);
        kept.files[0].summary.name = "From the cache".into();
        write_cache(&cache, kept.files);
        let again = summaries_cached(dir.path(), Some(&cache)).unwrap();
        assert!(
            again
                .iter()
                .any(|s| s.summary.as_ref().is_ok_and(|s| s.name == "From the cache"))
        );
        // a file saved again is read again
        e.name = "Changed".into();
        crate::storage::save(&b, &e).unwrap();
        let after = summaries_cached(dir.path(), Some(&cache)).unwrap();
        assert!(
            after
                .iter()
                .any(|s| s.summary.as_ref().is_ok_and(|s| s.name == "Changed"))
        );
        // without the cache, the same as reading every file
        let none = summaries_cached(dir.path(), None).unwrap();
        let uncached: Vec<_> = none.iter().map(|s| s.summary.clone()).collect();
        std::fs::write(&cache, "garbage").unwrap();
        let broken: Vec<_> = summaries_cached(dir.path(), Some(&cache))
            .unwrap()
            .into_iter()
            .map(|s| s.summary)
            .collect();
        assert_eq!(broken, uncached, "a broken cache is left aside");
    }

    #[test]
    fn a_file_saved_a_moment_ago_is_not_kept() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("c.ron");
        crate::storage::save(&dir.path().join("a.ron"), &sample()).unwrap();
        summaries_cached(dir.path(), Some(&cache)).unwrap();
        assert!(read_cache(&cache).files.is_empty());
    }
}
