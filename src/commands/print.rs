//! The board as plain text, for pasting into chat or an e-mail: the grid
//! day by day (spaces paged to fit the width), the parking lot, the action points.

use std::fmt::Write as _;
use std::path::Path;

use crate::commands::{Failure, find_edition};
use crate::model::{ActionPoint, Edition, Slot, SlotKind, Space, Status, Topic};
use crate::storage;
use crate::text::{fit, wrap_whole};

const TIME_COL: usize = 11; // "09:30–10:15"
const MIN_CELL: usize = 16;
const MAX_CELL: usize = 36;

/// What `print` adds to or narrows the board to.
#[derive(Debug, Clone, Default)]
pub struct PrintOptions {
    pub cols: Option<u16>,
    /// Each session's notes and action points after the grid.
    pub notes: bool,
    /// One room's sessions only, as a list.
    pub space: Option<String>,
}

pub fn print(
    file: &Path,
    folder: &Path,
    options: &PrintOptions,
    out: &mut impl std::io::Write,
) -> Result<i32, Failure> {
    let path = find_edition(file, folder);
    let edition = storage::load(&path).map_err(|e| Failure(e.to_string()))?;
    let cols = options.cols.map(usize::from).unwrap_or_else(terminal_width);
    let text = match &options.space {
        Some(name) => {
            let id = crate::app::grammar::capture::find_space(&edition, name).ok_or_else(|| {
                let names: Vec<&str> = edition.spaces.iter().map(|s| s.name.as_str()).collect();
                Failure(format!(
                    "no space “{name}”: the spaces are {}",
                    names.join(", ")
                ))
            })?;
            space_text(&edition, &id, cols)
        }
        None => {
            let mut text = board_text(&edition, cols);
            if options.notes {
                text.push_str(&notes_text(&edition, cols));
            }
            text
        }
    };
    out.write_all(text.as_bytes())
        .map_err(|e| Failure(e.to_string()))?;
    Ok(0)
}

/// One room's day as a list: its name, then each session with its time
/// and conveners, whole.
pub fn space_text(e: &Edition, space: &crate::model::SpaceId, total: usize) -> String {
    let mut s = String::new();
    let Some(room) = e.space(space) else {
        return s;
    };
    let mut heading = room.name.clone();
    if let Some(c) = room.capacity {
        let _ = write!(heading, " ({c} places)");
    }
    let _ = writeln!(s, "{heading} · {}", e.name);
    let record = crate::export::Record::new(e, "", jiff::civil::Date::default());
    for (day, sessions) in record.days() {
        let mine: Vec<_> = sessions.iter().filter(|x| x.space == room.name).collect();
        if mine.is_empty() {
            continue;
        }
        let _ = writeln!(s, "\n{}", day.strftime("%A %-d %B %Y"));
        for x in mine {
            let when = crate::export::record::times(x.starts, x.ends);
            let mut line = format!("{when}  {}", x.topic.title);
            if !x.topic.conveners.is_empty() {
                let _ = write!(line, " — {}", x.topic.conveners_label());
            }
            for (i, l) in wrap_whole(&line, total.saturating_sub(2))
                .iter()
                .enumerate()
            {
                let indent = if i == 0 { "" } else { "             " };
                let _ = writeln!(s, "{indent}{l}");
            }
        }
    }
    s
}

/// Every session's notes and action points, in time order.
pub fn notes_text(e: &Edition, total: usize) -> String {
    let mut s = String::from("\nSessions\n");
    let record = crate::export::Record::new(e, "", jiff::civil::Date::default());
    for x in &record.sessions {
        let t = x.topic;
        let when = crate::export::record::times(x.starts, x.ends);
        let heading = format!(
            "{} {when} · {} — {}",
            x.starts.date().strftime("%a"),
            x.space,
            t.title
        );
        let _ = writeln!(s);
        for l in wrap_whole(&heading, total) {
            let _ = writeln!(s, "{l}");
        }
        if !t.conveners.is_empty() {
            for l in wrap_whole(
                &format!("Conveners: {}", t.conveners_label()),
                total.saturating_sub(2),
            ) {
                let _ = writeln!(s, "  {l}");
            }
        }
        for para in t.notes.lines().filter(|l| !l.trim().is_empty()) {
            for l in wrap_whole(para, total.saturating_sub(2)) {
                let _ = writeln!(s, "  {l}");
            }
        }
        for a in &t.actions {
            for (i, l) in wrap_whole(&action_line(a), total.saturating_sub(6))
                .iter()
                .enumerate()
            {
                let lead = if i == 0 { "  - " } else { "    " };
                let _ = writeln!(s, "{lead}{l}");
            }
        }
    }
    s
}

/// The terminal's width when printing to one, else 100.
fn terminal_width() -> usize {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal()
        && let Ok((w, _)) = crossterm::terminal::size()
    {
        return usize::from(w).max(40);
    }
    100
}

/// How many spaces fit side by side, and how wide each cell is.
fn columns(total: usize, spaces: usize) -> (usize, usize) {
    let room = total.saturating_sub(TIME_COL + 4);
    let per_page = (room / (MIN_CELL + 3)).clamp(1, spaces.max(1));
    let cell = (room / per_page)
        .saturating_sub(3)
        .clamp(MIN_CELL.min(room), MAX_CELL);
    (per_page, cell)
}

pub fn board_text(e: &Edition, total: usize) -> String {
    let mut s = String::new();
    let total = total.max(40);
    for line in wrap_whole(&e.name, total) {
        let _ = writeln!(s, "{line}");
    }
    let mut facts = vec![e.dates_label()];
    if !e.venue.is_empty() {
        facts.push(e.venue.clone());
    }
    if let Some(n) = e.number {
        facts.push(format!("edition {n}"));
    }
    for line in wrap_whole(&facts.join(" · "), total) {
        let _ = writeln!(s, "{line}");
    }
    if !e.theme.is_empty() {
        for line in wrap_whole(&format!("Theme: {}", e.theme), total) {
            let _ = writeln!(s, "{line}");
        }
    }

    let (per_page, cell) = columns(total, e.spaces.len());
    let mut days = e.days.clone();
    days.sort();
    for day in days {
        let slots = e.slots_of_day(day);
        let pages: Vec<&[Space]> = if e.spaces.is_empty() {
            vec![&[]]
        } else {
            e.spaces.chunks(per_page).collect()
        };
        for (p, spaces) in pages.iter().enumerate() {
            s.push('\n');
            let mut heading = day.strftime("%A %-d %B %Y").to_string();
            if pages.len() > 1 {
                let first = p * per_page + 1;
                let _ = write!(
                    heading,
                    "  (spaces {first}–{} of {})",
                    first + spaces.len() - 1,
                    e.spaces.len()
                );
            }
            let _ = writeln!(s, "{heading}");
            day_table(&mut s, e, &slots, spaces, cell);
        }
    }

    let parked = e.parked();
    if !parked.is_empty() {
        let _ = writeln!(s, "\nParking lot ({})", parked.len());
        for t in parked {
            let slots = match t.slots() {
                1 => String::new(),
                n => format!(" ({n} slots)"),
            };
            let line = format!("- {}{slots}{}", t.title, meta(t, true));
            for (i, l) in wrap_whole(&line, total.saturating_sub(2))
                .iter()
                .enumerate()
            {
                let _ = writeln!(s, "{}{l}", if i == 0 { "" } else { "  " });
            }
        }
    }
    action_points(&mut s, e, total);
    s
}

fn rule(s: &mut String, cells: usize, cell: usize) {
    s.push('+');
    s.push_str(&"-".repeat(TIME_COL + 2));
    for _ in 0..cells {
        s.push('+');
        s.push_str(&"-".repeat(cell + 2));
    }
    s.push_str("+\n");
}

fn day_table(s: &mut String, e: &Edition, slots: &[&Slot], spaces: &[Space], cell: usize) {
    let n = spaces.len();
    rule(s, n, cell);
    let _ = write!(s, "| {} |", fit("Time", TIME_COL));
    for space in spaces {
        let name = match space.capacity {
            Some(c) => format!("{} ({c})", space.name),
            None => space.name.clone(),
        };
        let _ = write!(s, " {} |", fit(&name, cell));
    }
    s.push('\n');
    rule(s, n, cell);
    let span = n * (cell + 3) - usize::from(n > 0) * 3;
    for slot in slots {
        match &slot.kind {
            SlotKind::Session => {
                let cells: Vec<Vec<String>> = spaces
                    .iter()
                    .map(|space| match e.topic_at(&slot.id, &space.id) {
                        // a session over several slots: in full where it starts
                        Some(t) if !t.placement.is_at(&slot.id, &space.id) => {
                            vec![crate::text::truncate(&format!("↓ {}", t.title), cell)]
                        }
                        Some(t) => card_lines(e, t, cell),
                        None => Vec::new(),
                    })
                    .collect();
                let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
                for row in 0..height {
                    let time = if row == 0 {
                        slot.times()
                    } else {
                        String::new()
                    };
                    let _ = write!(s, "| {} |", fit(&time, TIME_COL));
                    for lines in &cells {
                        let text = lines.get(row).map(String::as_str).unwrap_or("");
                        let _ = write!(s, " {} |", fit(text, cell));
                    }
                    s.push('\n');
                }
            }
            SlotKind::Plenary(label) | SlotKind::Break(label) => {
                let what = if matches!(slot.kind, SlotKind::Break(_)) {
                    "break"
                } else {
                    "plenary"
                };
                let text = format!("{label} ({what})");
                if n == 0 {
                    let _ = writeln!(s, "| {} | {text}", fit(&slot.times(), TIME_COL));
                } else {
                    // the label across the spaces, wrapped, whole
                    for (i, l) in wrap_whole(&text, span).iter().enumerate() {
                        let time = if i == 0 { slot.times() } else { String::new() };
                        let _ = writeln!(s, "| {} | {} |", fit(&time, TIME_COL), fit(l, span));
                    }
                }
            }
        }
        rule(s, n, cell);
    }
}

fn card_lines(e: &Edition, t: &Topic, cell: usize) -> Vec<String> {
    let mut lines = wrap_whole(&t.title, cell);
    let taken = e.slots_taken(t).len();
    if taken > 1
        && let Some(times) = e.session_label(t)
    {
        lines.push(crate::text::truncate(&times, cell));
    }
    let votes = match t.votes {
        0 => String::new(),
        1 => "1 vote".to_string(),
        n => format!("{n} votes"),
    };
    let who = t.conveners_label();
    let both = format!("{who} · {votes}");
    if !who.is_empty() && !votes.is_empty() && crate::text::width(&both) <= cell {
        lines.push(both);
    } else {
        // names wrap, whole, like the title
        for l in [who, votes].into_iter().filter(|l| !l.is_empty()) {
            lines.extend(wrap_whole(&l, cell));
        }
    }
    lines
}

/// " — Marta, Ola — 7 votes"
fn meta(t: &Topic, lead: bool) -> String {
    let mut parts = Vec::new();
    if !t.conveners.is_empty() {
        parts.push(t.conveners_label());
    }
    match t.votes {
        0 => {}
        1 => parts.push("1 vote".into()),
        n => parts.push(format!("{n} votes")),
    }
    if parts.is_empty() {
        return String::new();
    }
    let sep = if lead { " — " } else { " · " };
    format!(" — {}", parts.join(sep))
}

fn action_line(a: &ActionPoint) -> String {
    let mark = match a.status {
        Status::Open => "[ ]",
        Status::Done => "[x]",
        Status::Dropped => "[-]",
    };
    format!("{mark} {}", a.line(true, None))
}

fn action_points(s: &mut String, e: &Edition, total: usize) {
    let c = e.counts();
    if c.open + c.done + c.dropped == 0 {
        return;
    }
    let heading = format!(
        "Action points ({} open, {} done, {} dropped)",
        c.open, c.done, c.dropped
    );
    s.push('\n');
    for line in wrap_whole(&heading, total) {
        let _ = writeln!(s, "{line}");
    }
    let emit = |s: &mut String, heading: String, points: &[&ActionPoint]| {
        for line in wrap_whole(&heading, total.saturating_sub(2)) {
            let _ = writeln!(s, "  {line}");
        }
        for a in points {
            for (i, l) in wrap_whole(&action_line(a), total.saturating_sub(8))
                .iter()
                .enumerate()
            {
                let _ = writeln!(s, "    {}{l}", if i == 0 { "" } else { "    " });
            }
        }
    };
    if !e.carried.is_empty() {
        let from = e
            .previous
            .clone()
            .unwrap_or_else(|| "an earlier edition".into());
        let points: Vec<&ActionPoint> = e.carried.iter().collect();
        emit(s, format!("Carried over from {from}"), &points);
    }
    for t in e.topics.iter().filter(|t| !t.actions.is_empty()) {
        let points: Vec<&ActionPoint> = t.actions.iter().collect();
        let place = match &t.placement {
            crate::model::Placement::At { slot, space } => {
                let space = e.space(space).map(|x| x.name.as_str()).unwrap_or("?");
                let times = e.session_label(t).filter(|_| t.slots() > 1);
                let when = e
                    .slot(slot)
                    .map(|x| {
                        format!(
                            "{} {}",
                            x.day.strftime("%a"),
                            times.unwrap_or_else(|| crate::model::hhmm::format_hhmm(x.start))
                        )
                    })
                    .unwrap_or_default();
                format!(" ({space}, {when})")
            }
            crate::model::Placement::Parked => String::new(),
        };
        emit(s, format!("{}{place}", t.title), &points);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::sample;
    use crate::text::width;

    #[test]
    fn nothing_is_cut_and_no_date_breaks_at_any_width() {
        let e = crate::model::testing::sample();
        for cols in [40, 60, 80, 100] {
            let text = board_text(&e, cols);
            assert!(!text.contains('…'), "{cols}:\n{text}");
            // a date is never split over two lines
            assert!(
                text.lines()
                    .all(|l| !l.trim_end().ends_with("2019-") && !l.trim_end().ends_with("-05-")),
                "{text}"
            );
            for t in &e.topics {
                let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
                let words: Vec<&str> = t.title.split_whitespace().collect();
                assert!(
                    words.iter().all(|w| flat.contains(w)),
                    "{} at {cols}",
                    t.title
                );
            }
        }
    }

    #[test]
    fn notes_and_one_space_are_printed_on_request() {
        let mut e = sample();
        let id = e.topics[0].id;
        e.set_notes(id, "We agreed on retries.\nAnd timeouts.")
            .unwrap();
        let notes = notes_text(&e, 80);
        assert!(
            notes.contains("We agreed on retries.") && notes.contains("And timeouts."),
            "{notes}"
        );
        assert!(notes.contains("Write down how tours work"), "{notes}");
        let space = e.spaces[0].id.clone();
        let one = space_text(&e, &space, 80);
        assert!(one.starts_with("Atrium"), "{one}");
        assert!(one.contains("Service mesh in our cloud — Marta"), "{one}");
        assert!(
            !one.contains("Team tourism"),
            "only the Atrium's sessions: {one}"
        );
    }

    #[test]
    fn a_session_over_two_slots_is_printed_once_with_its_times() {
        let mut e = sample();
        // Team tourism, in the Library at 09:30; the 10:30 there is free
        let id = e.topics[1].id;
        e.set_span(id, 2).unwrap();
        let text = board_text(&e, 100);
        let grid = text.split("Parking lot").next().unwrap_or_default();
        // in full once, and named in its second slot
        assert_eq!(grid.matches("Team tourism").count(), 2, "{text}");
        assert!(grid.contains("09:30–11:15"), "{text}");
        assert!(grid.contains("↓ Team tourism"), "{text}");
    }

    #[test]
    fn every_line_fits_the_width() {
        let e = sample();
        for cols in [40, 60, 100, 200] {
            let text = board_text(&e, cols);
            for line in text.lines() {
                assert!(
                    width(line) <= cols,
                    "{cols}: {line:?} is {} wide",
                    width(line)
                );
            }
        }
    }

    #[test]
    fn narrow_widths_page_the_spaces() {
        let e = sample();
        let narrow = board_text(&e, 50);
        assert!(narrow.contains("(spaces 1–1 of 3)"), "{narrow}");
        let wide = board_text(&e, 200);
        assert!(!wide.contains("(spaces"));
        assert!(wide.contains("Service mesh in our cloud"));
        assert!(wide.contains("Marta · 7 votes"));
        assert!(wide.contains("Opening circle (plenary)"));
        assert!(wide.contains("Parking lot (2)"));
        assert!(wide.contains("[ ] Write down how tours work — Ola, due 2019-06-30"));
    }
}
