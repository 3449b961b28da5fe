use std::path::Path;

use crate::commands::{Failure, find_edition};
use crate::export::{self, Format, Record};
use crate::storage;

/// Writes the record of an edition into `out` (default: beside it) and
/// says which files it wrote.
pub fn export(
    file: &Path,
    folder: &Path,
    format: Format,
    out: Option<&Path>,
    w: &mut impl std::io::Write,
) -> Result<i32, Failure> {
    let path = find_edition(file, folder);
    let e = storage::load(&path).map_err(|e| Failure(e.to_string()))?;
    let now = jiff::Zoned::now();
    let record = Record::new(&e, &storage::stem(&path), now.date());
    let files = export::files(&record, format, now.timestamp()).map_err(Failure)?;
    let dir = out.map_or_else(|| export::folder_beside(&path), Path::to_path_buf);
    let written =
        export::write(&dir, &files).map_err(|e| Failure(format!("{}: {e}", dir.display())))?;
    let io = |x: std::io::Error| Failure(x.to_string());
    for p in &written {
        writeln!(w, "wrote {}", p.display()).map_err(io)?;
    }
    Ok(0)
}
