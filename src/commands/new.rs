use std::path::{Path, PathBuf};

use crate::cli::NewArgs;
use crate::commands::{Failure, find_edition, new_edition_path};
use crate::model::spec::{SlotSpec, SpaceSpec, parse_slots, parse_spaces};
use crate::model::{Edition, NextEdition, next_edition};
use crate::storage;

/// Creates the edition file; refuses to replace one that exists.
pub fn new(args: &NewArgs, folder: &Path, out: &mut impl std::io::Write) -> Result<i32, Failure> {
    let (path, edition) = create_edition(args, folder)?;
    let c = edition.counts();
    writeln!(
        out,
        "Created {}: {} ({}), {} spaces, {} slots, {} action points carried over",
        path.display(),
        edition.name,
        edition.dates_label(),
        c.spaces,
        c.slots,
        edition.carried.len()
    )
    .map_err(|e| Failure(e.to_string()))?;
    Ok(0)
}

/// Builds and writes a new edition as `openspace new` and the board's picker
/// both do; returns where it went.
pub fn create_edition(args: &NewArgs, folder: &Path) -> Result<(PathBuf, Edition), Failure> {
    let path = new_edition_path(&args.file, folder);
    if path.exists() {
        return Err(Failure(format!(
            "{} already exists: choose another name (nothing was changed)",
            path.display()
        )));
    }
    let spaces = args
        .spaces
        .as_deref()
        .map(parse_spaces)
        .transpose()
        .map_err(|e| Failure(format!("--spaces {e}")))?;
    let slots = args
        .slots
        .as_deref()
        .map(parse_slots)
        .transpose()
        .map_err(|e| Failure(format!("--slots {e}")))?;
    let edition = build(args, folder, spaces, slots)?;
    storage::create(&path, &edition).map_err(|e| Failure(e.to_string()))?;
    Ok((path, edition))
}

fn build(
    args: &NewArgs,
    folder: &Path,
    spaces: Option<Vec<SpaceSpec>>,
    slots: Option<Vec<SlotSpec>>,
) -> Result<Edition, Failure> {
    let days = args.days.map(usize::from);
    let mut edition = match &args.from {
        Some(from) => {
            let from = find_edition(from, folder);
            let earlier = storage::load(&from).map_err(|e| Failure(e.to_string()))?;
            let next = NextEdition {
                name: args.name.clone(),
                first_day: args.date,
                days,
            };
            next_edition(&earlier, &storage::stem(&from), &next)
                .map_err(|e| Failure(e.to_string()))?
        }
        None => {
            let mut e = Edition::new(args.name.trim(), args.date);
            for _ in 1..days.unwrap_or(1) {
                let last = e.last_day().unwrap_or(args.date);
                let next = last.tomorrow().map_err(|e| Failure(e.to_string()))?;
                e.add_day(next).map_err(|e| Failure(e.to_string()))?;
            }
            e
        }
    };
    if edition.name.trim().is_empty() {
        return Err(Failure("--name must not be empty".into()));
    }
    if let Some(theme) = &args.theme {
        edition.theme = theme.trim().to_string();
    }
    if let Some(spaces) = spaces {
        edition.spaces.clear();
        for s in spaces {
            edition
                .add_space(&s.name, s.capacity)
                .map_err(|e| Failure(e.to_string()))?;
        }
    }
    if let Some(slots) = slots {
        edition.slots.clear();
        for day in edition.days.clone() {
            for s in &slots {
                edition
                    .add_slot(day, s.start, s.end, s.kind.clone())
                    .map_err(|e| Failure(e.to_string()))?;
            }
        }
    }
    Ok(edition)
}
