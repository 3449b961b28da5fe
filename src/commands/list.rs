use std::path::Path;

use crate::storage;
use crate::text::fit;

/// One line per edition of the folder, newest first.
pub fn list(folder: &Path, out: &mut impl std::io::Write) -> std::io::Result<i32> {
    let listed = storage::list(folder)?;
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
        .filter_map(|l| l.edition.as_ref().ok())
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
        match &item.edition {
            Ok(e) => {
                let c = e.counts();
                writeln!(
                    out,
                    "{file}  {}  {:<23}  {:>6}  {:>5}  {:>6}  {:>6}  {:>4}  {:>4}",
                    fit(&e.name, name_w),
                    e.dates_label(),
                    c.spaces,
                    c.slots,
                    c.placed,
                    c.parked,
                    c.open,
                    c.done
                )?;
            }
            Err(error) => {
                let first = error.to_string();
                let first = first.lines().next().unwrap_or_default();
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
