use std::path::Path;

use crate::commands::{Failure, find_edition};
use crate::model::fill;
use crate::storage;

/// Fills the grid of an edition from its parking lot: prints the plan, and
/// unless `dry_run` saves it. A board that has the edition open holds its
/// lock: then nothing is written (F on the board does the same).
pub fn place(
    file: &Path,
    folder: &Path,
    dry_run: bool,
    refit: bool,
    out: &mut impl std::io::Write,
) -> Result<i32, Failure> {
    let path = find_edition(file, folder);
    let mut e = storage::load(&path).map_err(|e| Failure(e.to_string()))?;
    let plan = fill::plan(&e, refit);
    let io = |x: std::io::Error| Failure(x.to_string());
    // "Library, 2019-05-14 11:30–14:15": a session over several slots with its whole time
    let cell = |e: &crate::model::Edition, span: u32, (slot, space): &fill::Cell| {
        let when = match e.span_from(slot, span) {
            Ok(slots) => match (slots.first(), slots.last()) {
                (Some(a), Some(b)) => format!(
                    "{} {}–{}",
                    a.day,
                    crate::model::hhmm::format_hhmm(a.start),
                    crate::model::hhmm::format_hhmm(b.end)
                ),
                _ => String::new(),
            },
            Err(_) => e
                .slot(slot)
                .map(|s| format!("{} {}", s.day, s.times()))
                .unwrap_or_default(),
        };
        let room = e.space(space).map(|s| s.name.clone()).unwrap_or_default();
        format!("{room}, {when}")
    };
    for (id, from, to) in &plan.moves {
        let (title, span) = e
            .topic(*id)
            .map(|t| (t.title.clone(), t.slots()))
            .unwrap_or_default();
        match from {
            Some(old) => writeln!(
                out,
                "moves  {title} — {} → {}",
                cell(&e, span, old),
                cell(&e, span, to)
            ),
            None => writeln!(out, "places {title} — {}", cell(&e, span, to)),
        }
        .map_err(io)?;
    }
    for (id, why) in &plan.stays {
        let title = e.topic(*id).map(|t| t.title.clone()).unwrap_or_default();
        writeln!(out, "parked {title} — {why}").map_err(io)?;
    }
    writeln!(out, "{}: {}", path.display(), plan.summary()).map_err(io)?;
    if dry_run || plan.moves.is_empty() {
        return Ok(0);
    }
    let Some(_lock) = storage::EditionLock::try_acquire(&path).map_err(io)? else {
        return Err(Failure(format!(
            "{}: a board has it open; press F there to fill the grid (nothing was written)",
            path.display()
        )));
    };
    plan.apply(&mut e).map_err(|x| Failure(x.to_string()))?;
    storage::backup(&path).map_err(io)?;
    storage::save(&path, &e).map_err(|x| Failure(x.to_string()))?;
    writeln!(out, "saved {}", path.display()).map_err(io)?;
    Ok(0)
}
