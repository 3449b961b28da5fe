//! Opening a scribe's board, and keeping its journal on disk: the journal
//! is the only file a scribe's laptop writes (`NAME.scribes/DEVICE.ron`),
//! written again, atomically, after every change.

use std::path::Path;

use crate::app::board::Board;
use crate::app::scribe::{Scribe, space_named};
use crate::model::journal::Journal;
use crate::storage::{self, EditionLock};

/// The scribe's board on `path`: the file as it is, and this laptop's
/// journal (carried on when there is one, started when there is none).
pub fn open_scribe(
    path: &Path,
    space: Option<&str>,
    device: &str,
) -> Result<(Board, EditionLock), String> {
    let base = storage::load(path).map_err(|e| e.to_string())?;
    let device = device_name(device);
    if device.is_empty() {
        return Err("--name needs letters or digits: it names this laptop's journal".into());
    }
    let space = match space {
        None => None,
        Some(name) => Some(space_named(&base, name).ok_or_else(|| {
            let names: Vec<&str> = base.spaces.iter().map(|s| s.name.as_str()).collect();
            format!(
                "no space “{name}” in {}: its spaces are {}",
                path.display(),
                names.join(", ")
            )
        })?),
    };
    let room = space
        .as_ref()
        .and_then(|id| base.space(id))
        .map(|s| format!("the {} scribe", s.name))
        .unwrap_or_default();
    let journal_path = storage::journal_path(path, &device);
    // the journal's folder holds its lock and the scribe's draft too
    if let Some(dir) = journal_path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
    }
    // one writer: a second board for the same laptop's journal is refused
    let held = EditionLock::try_acquire(&journal_path)
        .map_err(|e| format!("cannot lock {}: {e}", journal_path.display()))?
        .ok_or_else(|| {
            format!(
                "another scribe's board on this laptop writes {}: give this one another --name",
                journal_path.display()
            )
        })?;
    let journal = match journal_path.exists() {
        // a journal this openspace cannot read is never written over
        true => storage::read_journal(&journal_path).map_err(|why| {
            format!(
                "the journal {} is left as it is: {why}",
                journal_path.display()
            )
        })?,
        false => Journal::new(&device, &room, journal_id(&device)),
    };
    // a journal older than what the board took from it (a copy brought back)
    // would number new entries as ones already taken: a new one starts
    let taken = base.scribes.get(&journal.id).map_or(0, |m| m.merged);
    let last = journal.entries.last().map_or(0, |e| e.seq);
    let fresh = taken > last;
    let journal = match fresh {
        true => Journal::new(&device, &journal.scribe, journal_id(&device)),
        false => journal,
    };
    // a new journal is written at once, over the old copy
    let written = if fresh {
        usize::MAX
    } else {
        journal.entries.len()
    };
    let scribe = Scribe {
        journal,
        journal_path,
        base: base.clone(),
        space,
        written,
        done: Vec::new(),
        undone: Vec::new(),
    };
    let mut board = Board::for_scribe(base, path.to_path_buf(), scribe);
    if fresh {
        board.warn(
            "The journal here is older than what the board took from it: a new one is started",
        );
    }
    Ok((board, held))
}

/// Writes what the journal has that its file has not; false (with a word
/// on the board) when it could not, to be tried again at the next tick.
pub fn keep_journal(board: &mut Board) -> bool {
    let Some(scribe) = board.scribe.as_mut().filter(|s| s.unwritten()) else {
        return true;
    };
    match storage::write_journal(&scribe.journal_path, &scribe.journal) {
        Ok(()) => {
            scribe.written = scribe.journal.entries.len();
            true
        }
        Err(e) => {
            let at = scribe.journal_path.display().to_string();
            board.warn(format!(
                "could not write the journal {at} ({e}): kept on screen, tried again each second"
            ));
            false
        }
    }
}

/// A laptop's name as a file name: letters, digits, '-' and '_'.
pub fn device_name(name: &str) -> String {
    let mut out = String::new();
    for c in name.trim().chars() {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').chars().take(64).collect()
}

/// This laptop's name, for a journal that was not given one.
pub fn this_laptop() -> String {
    let mut buf = [0u8; 256];
    // SAFETY: gethostname writes at most `buf.len()` bytes into `buf`.
    let ok = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) } == 0;
    let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    let name = if ok {
        String::from_utf8_lossy(&buf[..end]).into_owned()
    } else {
        String::new()
    };
    match device_name(&name) {
        n if n.is_empty() => "scribe".into(),
        n => n,
    }
}

/// A journal's id: the laptop and the moment it was started.
fn journal_id(device: &str) -> String {
    let now = jiff::Timestamp::now();
    format!("{device}-{}-{}", now.as_second(), std::process::id())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_laptops_name_is_a_file_name() {
        assert_eq!(device_name("Oak Room laptop"), "Oak-Room-laptop");
        assert_eq!(device_name("../../etc/passwd"), "etc-passwd");
        assert_eq!(device_name("  "), "");
        assert!(!this_laptop().is_empty());
    }
}
