use std::path::Path;

use crate::commands::Failure;
use crate::history::search::{Hit, may_hold, rank, search_in};
use crate::storage;

/// Prints the matches in every edition of the folder, best first. The
/// editions are read one at a time (one per core), searched and let go:
/// only their hits are kept. A file whose text cannot hold the query is not
/// read as an edition at all.
pub fn search(folder: &Path, text: &str, out: &mut impl std::io::Write) -> Result<i32, Failure> {
    let fail = |e: std::io::Error| Failure(e.to_string());
    let files = storage::edition_files(folder, |_| false).map_err(fail)?;
    let found: Vec<Option<Vec<Hit>>> = storage::each(files, |path| {
        // a file that does not load is left out; one whose text cannot hold
        // the query is counted without being read as an edition
        let raw = storage::read_text(&path).ok()?;
        if !may_hold(&raw, text) {
            return Some(Vec::new());
        }
        let edition = storage::parse_text(&path, &raw).ok()?;
        Some(search_in(&[(&storage::stem(&path), &edition)], text))
    });
    let editions = found.iter().flatten().count();
    let mut hits: Vec<Hit> = found.into_iter().flatten().flatten().collect();
    rank(&mut hits);
    if hits.is_empty() {
        writeln!(
            out,
            "Nothing found for “{}” in {editions} editions.",
            text.trim(),
        )
        .map_err(fail)?;
        return Ok(1);
    }
    for h in &hits {
        writeln!(out, "{} ({}.ron) · {}", h.edition, h.file, h.title).map_err(fail)?;
        writeln!(out, "    {}: {}", h.field.label(), h.snippet).map_err(fail)?;
    }
    Ok(0)
}
