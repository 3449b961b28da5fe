//! Loading and saving one edition file. Saving is atomic; the backup is the
//! file as it was when this run first saved over it, written once and
//! atomically. A file that did not load is never written, and only plain
//! files of a sane size are read.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use atomic_write_file::AtomicWriteFile;

use super::format::{FileProblem, from_ron, to_ron};
use crate::model::Edition;

/// A file that could not be read or is not a valid edition.
#[derive(Debug)]
pub enum LoadError {
    Read {
        path: PathBuf,
        source: io::Error,
    },
    Invalid {
        path: PathBuf,
        problems: Vec<FileProblem>,
    },
}

impl fmt::Display for LoadError {
    /// One `FILE:LINE:COL: message` line per problem, as compilers print them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Read { path, source } => {
                write!(f, "{}: cannot read: {source}", path.display())
            }
            LoadError::Invalid { path, problems } => {
                for (i, p) in problems.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    match p.at {
                        Some((line, col)) => {
                            write!(f, "{}:{line}:{col}: {}", path.display(), p.message)?
                        }
                        None => write!(f, "{}: {}", path.display(), p.message)?,
                    }
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

/// A save that did not happen; the file on disk is as it was.
#[derive(Debug, thiserror::Error)]
#[error("could not save {}: {source}", path.display())]
pub struct SaveError {
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

/// The largest edition file read: the biggest real events are a few MB.
pub const MAX_FILE: u64 = 32 * 1024 * 1024;

/// The bytes of a plain file of at most `MAX_FILE` bytes: a FIFO, a device or
/// a link to one is refused before it is opened (it could block or never end).
pub fn read_plain(path: &Path) -> io::Result<Vec<u8>> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a plain file (a folder, a FIFO or a device): editions are plain text files",
        ));
    }
    if meta.len() > MAX_FILE {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "{} MB is more than an edition can be ({} MB at most)",
                meta.len() / (1024 * 1024),
                MAX_FILE / (1024 * 1024)
            ),
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // a file that grows while it is read is cut at the limit, then refused
    std::io::Read::read_to_end(
        &mut std::io::Read::take(std::fs::File::open(path)?, MAX_FILE + 1),
        &mut bytes,
    )?;
    if bytes.len() as u64 > MAX_FILE {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "the file grew past the size an edition can be while it was read",
        ));
    }
    Ok(bytes)
}

pub fn load(path: &Path) -> Result<Edition, LoadError> {
    let text = read_text(path)?;
    parse_text(path, &text)
}

/// The text of an edition's file, not yet read as an edition.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let bytes = read_plain(path).map_err(|source| LoadError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| LoadError::Invalid {
        path: path.to_path_buf(),
        problems: vec![FileProblem {
            at: None,
            message: format!("not UTF-8 text ({e})"),
        }],
    })
}

/// The edition that the text of the file at `path` holds.
pub fn parse_text(path: &Path, text: &str) -> Result<Edition, LoadError> {
    from_ron(text).map_err(|problems| LoadError::Invalid {
        path: path.to_path_buf(),
        problems,
    })
}

/// Where the previous version of `path` is kept: `name.ron.bak` beside it.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// A fingerprint of a file's bytes, to tell a file this process wrote from
/// one another program wrote without reading it as an edition (FNV-1a).
pub fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Saves atomically; the fingerprint of what was written comes back. The
/// backup is not touched: see `backup`.
pub fn save(path: &Path, edition: &Edition) -> Result<u64, SaveError> {
    save_with(path, edition, |file, bytes| file.write_all(bytes))
}

/// `save`, with the writing step injectable so tests can make it fail
/// half-way, as a full disk would.
pub fn save_with(
    path: &Path,
    edition: &Edition,
    write: impl FnOnce(&mut dyn Write, &[u8]) -> io::Result<()>,
) -> Result<u64, SaveError> {
    struct Writer<F>(Option<F>);
    impl<F: FnOnce(&mut dyn Write, &[u8]) -> io::Result<()>> SaveSteps for Writer<F> {
        fn write(&mut self, file: &mut dyn Write, bytes: &[u8]) -> io::Result<()> {
            match self.0.take() {
                Some(write) => write(file, bytes),
                None => file.write_all(bytes),
            }
        }
    }
    save_steps(path, edition, &mut Writer(Some(write)))
}

/// The steps of a save, each of which a test can make fail as a disk or a
/// file system would: the writing (a full disk), making it durable (fsync),
/// and putting the new file in the old one's place (rename). A failure at
/// any step leaves the file as it was, and no temporary file behind.
pub trait SaveSteps {
    fn write(&mut self, file: &mut dyn Write, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)
    }
    /// Before the data is made durable.
    fn sync(&mut self) -> io::Result<()> {
        Ok(())
    }
    /// Before the new file takes the old one's place.
    fn rename(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// `save`, step by step through `steps`.
pub fn save_steps(
    path: &Path,
    edition: &Edition,
    steps: &mut dyn SaveSteps,
) -> Result<u64, SaveError> {
    let fail = |source| SaveError {
        path: path.to_path_buf(),
        source,
    };
    let text = to_ron(edition).map_err(|e| fail(io::Error::other(e)))?;
    let mut file = AtomicWriteFile::open(path).map_err(fail)?;
    steps.write(&mut file, text.as_bytes()).map_err(fail)?;
    steps.sync().map_err(fail)?;
    steps.rename().map_err(fail)?;
    // the temporary file is fsynced, renamed over the edition, and the folder fsynced;
    // a commit that fails can leave its temporary file: it goes at once
    file.commit().map_err(|e| {
        super::side::clean_leftovers(path);
        fail(e)
    })?;
    Ok(fingerprint(text.as_bytes()))
}

/// Keeps the file as it is now as `NAME.ron.bak`, atomically: the backup is
/// either the old one or a whole copy, never a part. The board calls this
/// once per run, before its first save over the file.
pub fn backup(path: &Path) -> io::Result<()> {
    let bytes = match read_plain(path) {
        Ok(bytes) => bytes,
        // nothing to back up yet
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    let mut file = AtomicWriteFile::open(backup_path(path))?;
    file.write_all(&bytes)?;
    file.commit().inspect_err(|_| {
        super::side::clean_leftovers(path);
    })
}

/// Writes a new edition, refusing to replace an existing file.
pub fn create(path: &Path, edition: &Edition) -> Result<(), SaveError> {
    if path.exists() {
        return Err(SaveError {
            path: path.to_path_buf(),
            source: io::Error::new(io::ErrorKind::AlreadyExists, "the file already exists"),
        });
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| SaveError {
            path: path.to_path_buf(),
            source,
        })?;
    }
    save(path, edition).map(|_| ())
}

/// The file's name without `.ron`: how other editions refer to it.
pub fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}
