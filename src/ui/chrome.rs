//! The operator's chrome: the top line (edition, paging, badges) and the two
//! footer lines (mode and keys; what just happened and the save state).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::draw::{fill, line, put, put_right};
use super::theme::Theme;
use crate::app::board::Board;
use crate::app::day::Urgency;
use crate::app::keymap::Keymap;
use crate::geometry::Grid;

pub fn top(board: &Board, g: &Grid, area: Rect, theme: &Theme, buf: &mut Buffer) {
    fill(buf, area, theme.heading);
    let e = &board.edition;
    let mut right = Vec::new();
    let spaces = e.spaces.len();
    // paging belongs to the grid: the other views do not page spaces
    if g.cols < spaces && board.stack.view == crate::app::stack::View::Grid {
        let first = g.first_col + 1;
        let last = g.first_col + g.cols;
        let left = if g.first_col > 0 { "◂ " } else { "" };
        let more = if last < spaces { " ▸" } else { "" };
        right.push((
            format!(" {left}spaces {first}–{last} of {spaces}{more} "),
            theme.heading,
        ));
    }
    // the parking lot folded away: how many wait there, and the key to it
    let parked = board.index.parked.len();
    if parked > 0
        && board.stack.view == crate::app::stack::View::Grid
        && board
            .regions_at((area.width, board.stack.viewport.1))
            .parking
            .is_none()
    {
        right.push((format!(" ▤ {parked} parked (Tab) "), theme.heading));
    }
    if !board.warnings.is_empty() && board.stack.view == crate::app::stack::View::Grid {
        // the count, with the key that lists them
        right.push((format!(" ⚠ {} (!) ", board.warnings.len()), theme.warn));
    }
    if board.stack.follower {
        // the projector's window: no operator's state where the room looks
    } else if let Some(scribe) = &board.scribe {
        // what this board writes, and whether it is on disk
        let state = if scribe.unwritten() {
            " · writing…"
        } else {
            ""
        };
        let file = crate::storage::stem(&scribe.journal_path);
        let badge = if area.width >= 110 {
            format!(" SCRIBE · {} · {file}.ron{state} ", scribe.journal.who())
        } else {
            format!(" SCRIBE{state} ")
        };
        right.push((badge, theme.heading));
    } else if board.read_only.is_some() {
        right.push((" READ-ONLY ".to_string(), theme.warn));
    } else if board.review {
        right.push((" REVIEW · E edits ".to_string(), theme.warn));
    }
    // the clock: what the room needs most, at the right end
    if board.now != jiff::civil::DateTime::default() {
        let style = match board.remaining().map(|c| c.urgency) {
            Some(Urgency::FiveMinutes) => theme.amber,
            Some(Urgency::LastMinute | Urgency::Overtime) => theme.red,
            _ => theme.now,
        };
        right.push((format!(" {} ", board.clock_line()), style));
    }
    let mut x = area.right();
    let mut room = usize::from(area.width);
    for (text, style) in right.iter().rev() {
        let w = crate::text::width(text);
        if w + 20 > room {
            break;
        }
        put_right(buf, x, area.y, text, *style);
        x = x.saturating_sub(u16::try_from(w).unwrap_or(0));
        room -= w;
    }
    let left = format!(" {} · {}", e.name, e.dates_label());
    line(
        buf,
        area.x,
        area.y,
        x.saturating_sub(area.x),
        &left,
        theme.heading,
    );
}

pub fn footer(board: &Board, keymap: &Keymap, area: Rect, theme: &Theme, buf: &mut Buffer) {
    fill(buf, area, theme.base);
    let mode = board.mode();
    let badge = format!(" {} ", mode.label());
    put(buf, area.x, area.y, &badge, area.width, theme.badge);
    let used = badge.chars().count() as u16 + 1;
    let hints = match board.scribe {
        Some(_) => keymap.scribe_hints(mode),
        None => keymap.hints(mode),
    };
    let hints: Vec<String> = hints
        .into_iter()
        .map(|(k, h)| format!("{k} {}", short(h)))
        .collect();
    put(
        buf,
        area.x + used,
        area.y,
        &hints.join("  "),
        area.width.saturating_sub(used),
        theme.base,
    );
    if area.height < 2 {
        return;
    }
    let y = area.y + 1;
    let (status, style) = save_status(board, theme);
    let status_w = status.chars().count() as u16;
    put_right(buf, area.right(), y, &status, style);
    let room = area.width.saturating_sub(status_w + 1);
    use crate::app::stack::Level;
    let (message, level) = match (&board.read_only, &board.stack.toast) {
        (_, Some(t)) => (t.line(), t.level),
        (Some(why), None) => (format!("Read-only: {why}"), Level::Info),
        (None, None) => (String::new(), Level::Info),
    };
    let style = match level {
        Level::Warn => theme.warn,
        Level::Info => theme.base,
    };
    put(buf, area.x + 1, y, &message, room.saturating_sub(1), style);
}

/// The first words of a help text, for the footer ("add topics (capture line)" → "add topics").
fn short(help: &str) -> &str {
    help.split(['(', ':', ','])
        .next()
        .unwrap_or(help)
        .trim_end()
}

fn save_status(board: &Board, theme: &Theme) -> (String, ratatui::style::Style) {
    let s = &board.save;
    if board.read_only.is_some() {
        return (" not saving: read-only ".into(), theme.warn);
    }
    // a scribe's board writes its journal, and says so
    if let Some(scribe) = &board.scribe {
        return if scribe.unwritten() {
            (" ⚠ journal NOT WRITTEN — retrying ".into(), theme.error)
        } else {
            (" ✓ in the journal ".into(), theme.ok)
        };
    }
    match (&s.error, s.dirty()) {
        (Some(e), true) => (format!(" ⚠ NOT SAVED: {e} — retrying "), theme.error),
        (_, true) => (" … saving ".into(), theme.base),
        (_, false) => (" ✓ saved ".into(), theme.ok),
    }
}
