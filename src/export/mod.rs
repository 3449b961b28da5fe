//! The record of the day, out of the laptop: proceedings in Markdown and
//! HTML, the sessions and action points as CSV, a calendar, door signs.
//! Each format is a pure function of the edition; `write` puts them in a
//! folder.

mod calendar;
mod html;
pub mod markdown;
pub mod record;
mod table;

use std::path::{Path, PathBuf};

pub use record::Record;

/// What `export` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Md,
    Html,
    Csv,
    Ics,
    Signs,
    All,
}

/// The files of one format, by name: (file name, contents). What was
/// typed may hold control characters; none reaches a file (where a
/// terminal, a calendar or a browser would act on it): they become spaces.
pub fn files(
    r: &Record,
    format: Format,
    stamp: jiff::Timestamp,
) -> Result<Vec<(String, String)>, String> {
    Ok(raw_files(r, format, stamp)?
        .into_iter()
        .map(|(name, text)| (name, without_controls(&text)))
        .collect())
}

fn without_controls(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => c,
            c if c.is_control() => ' ',
            c => c,
        })
        .collect()
}

fn raw_files(
    r: &Record,
    format: Format,
    stamp: jiff::Timestamp,
) -> Result<Vec<(String, String)>, String> {
    let stem = &r.stem;
    let fail = |e: &dyn std::fmt::Display| e.to_string();
    Ok(match format {
        Format::Md => vec![(format!("{stem}.md"), markdown::proceedings(r))],
        Format::Html => vec![(
            format!("{stem}.html"),
            html::proceedings(r).map_err(|e| fail(&e))?,
        )],
        Format::Csv => vec![
            (
                format!("{stem}-sessions.csv"),
                table::sessions(r).map_err(|e| fail(&e))?,
            ),
            (
                format!("{stem}-actions.csv"),
                table::actions(r).map_err(|e| fail(&e))?,
            ),
        ],
        Format::Ics => vec![(format!("{stem}.ics"), calendar::calendar(r, stamp))],
        Format::Signs => vec![(
            format!("{stem}-signs.html"),
            html::signs(r).map_err(|e| fail(&e))?,
        )],
        Format::All => {
            let mut all = Vec::new();
            for f in [
                Format::Md,
                Format::Html,
                Format::Csv,
                Format::Ics,
                Format::Signs,
            ] {
                all.extend(files(r, f, stamp)?);
            }
            all
        }
    })
}

/// Where the board's export goes: a folder beside the edition,
/// `NAME-export/`.
pub fn folder_beside(edition: &Path) -> PathBuf {
    let stem = crate::storage::stem(edition);
    edition.with_file_name(format!("{stem}-export"))
}

/// Writes the files into `dir` (made when missing), each atomically;
/// returns their paths.
pub fn write(dir: &Path, files: &[(String, String)]) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for (name, text) in files {
        let path = dir.join(name);
        let mut file = atomic_write_file::AtomicWriteFile::open(&path)?;
        std::io::Write::write_all(&mut file, text.as_bytes())?;
        file.commit()?;
        written.push(path);
    }
    Ok(written)
}
