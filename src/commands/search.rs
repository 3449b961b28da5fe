use std::path::Path;

use crate::commands::Failure;
use crate::history::{Known, search::search as find};
use crate::storage;

/// Prints the matches in every edition of the folder, best first.
pub fn search(folder: &Path, text: &str, out: &mut impl std::io::Write) -> Result<i32, Failure> {
    let fail = |e: std::io::Error| Failure(e.to_string());
    let known: Vec<Known> = storage::list(folder)
        .map_err(fail)?
        .into_iter()
        .filter_map(|l| {
            let file = storage::stem(&l.path);
            l.edition.ok().map(|edition| Known { file, edition })
        })
        .collect();
    let hits = find(&known, text);
    if hits.is_empty() {
        writeln!(
            out,
            "Nothing found for “{}” in {} editions.",
            text.trim(),
            known.len()
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
