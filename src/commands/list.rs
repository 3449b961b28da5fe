use std::path::Path;

use crate::storage;
use crate::text::fit;

/// One line per edition of the folder, newest first, from the editions'
/// summaries: one edition in memory at a time, the unchanged ones not read.
pub fn list(folder: &Path, out: &mut impl std::io::Write) -> std::io::Result<i32> {
    let listed = storage::summaries(folder)?;
    if listed.is_empty() {
        writeln!(
            out,
            "No editions in {} yet. Create one with: openspace new NAME --name \"…\" --date YYYY-MM-DD",
            folder.display()
        )?;
        return Ok(0);
    }
    let file_w = listed
        .iter()
        .map(|l| crate::text::width(&file_name(&l.path)))
        .max()
        .unwrap_or(4)
        .max(4);
    let name_w = listed
        .iter()
        .filter_map(|l| l.summary.as_ref().ok())
        .map(|e| crate::text::width(&e.name))
        .max()
        .unwrap_or(4)
        .clamp(4, 40);
    writeln!(
        out,
        "{}  {}  {:<23}  {:>6}  {:>5}  {:>6}  {:>6}  {:>4}  {:>4}",
        fit("FILE", file_w),
        fit("NAME", name_w),
        "DATES",
        "SPACES",
        "SLOTS",
        "PLACED",
        "PARKED",
        "OPEN",
        "DONE"
    )?;
    for item in &listed {
        let file = fit(&file_name(&item.path), file_w);
        match &item.summary {
            Ok(e) => {
                let c = e.counts;
                writeln!(
                    out,
                    "{file}  {}  {:<23}  {:>6}  {:>5}  {:>6}  {:>6}  {:>4}  {:>4}",
                    fit(&e.name, name_w),
                    e.dates,
                    c.spaces,
                    c.slots,
                    c.placed,
                    c.parked,
                    c.open,
                    c.done
                )?;
            }
            Err(first) => {
                writeln!(out, "{file}  does not load: {first}")?;
            }
        }
    }
    Ok(0)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
