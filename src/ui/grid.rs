//! The marketplace grid: slots down, grouped by day, spaces across.
//!
//! Most frames change only what is under the cursor (a cursor move, a
//! clock tick), so the grid is drawn once without the cursor into a
//! `GridMemo`, copied into each frame, and only the cursor's header, time
//! and cell are drawn again on top. Anything else that shows (the edition,
//! the warnings, the minute, the scroll, the size, the theme) is the memo's
//! key: when one of them changes, the grid is drawn afresh.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::draw::{blank, fill, line, put, put_right};
use super::theme::Theme;
use crate::app::board::Board;
use crate::app::layers::grid::Focus;
use crate::geometry::{Band, Grid};
use std::collections::HashMap;
use std::sync::Arc;

use crate::model::{SlotKind, Topic, TopicId};
use crate::text::{truncate, wrap};

/// The grid cell under the cursor: (row, column).
type Cursor = Option<(usize, usize)>;

/// The grid as last drawn without the cursor, and what it was drawn from.
#[derive(Debug, Default)]
pub struct GridMemo {
    kept: Option<Kept>,
    off: bool,
}

impl GridMemo {
    /// Keeps nothing: the grid is drawn directly, cursor and all.
    pub fn off() -> GridMemo {
        GridMemo {
            kept: None,
            off: true,
        }
    }
}

#[derive(Debug)]
struct Kept {
    key: Key,
    /// The stamps of the index and the warnings it was drawn from, and
    /// the card being carried (a ghost in its old cell).
    stamps: (u64, u64, Option<TopicId>),
    shape: Shape,
    faces: HashMap<(usize, usize), Face>,
    buf: Buffer,
}

/// What the grid's drawing reads besides the edition and the cursor: when
/// one of them changes, the whole grid is drawn again.
#[derive(Debug, PartialEq)]
struct Key {
    grid: Grid,
    theme: Theme,
    screen: Rect,
    /// NOW, NEXT and the reports owed change with the minute.
    minute: (jiff::civil::Date, i8, i8),
    merging: Option<TopicId>,
}

/// The frame around the cards: spaces, slots, the rows shown and the
/// sessions over several slots. A change there draws the whole grid again.
#[derive(Debug, PartialEq)]
struct Shape {
    spaces: Vec<crate::model::Space>,
    slots: Vec<crate::model::Slot>,
    rows: Vec<usize>,
    spans: Vec<(usize, Vec<usize>)>,
    hidden: usize,
}

/// What one cell shows: after a change of the edition only the cells whose
/// face changed are drawn again (a vote draws one card, not the grid).
#[derive(Debug)]
struct Face {
    topic: Option<Arc<Topic>>,
    owes: bool,
    warned: Option<crate::model::warnings::Rule>,
    /// Carried away: its old cell shows a ghost.
    moving: bool,
}

impl PartialEq for Face {
    fn eq(&self, other: &Face) -> bool {
        // a topic is shared, never changed in place: the same one is the same card
        let same = match (&self.topic, &other.topic) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        same && self.owes == other.owes
            && self.warned == other.warned
            && self.moving == other.moving
    }
}

impl Key {
    fn of(board: &Board, g: &Grid, theme: &Theme, screen: Rect) -> Key {
        Key {
            grid: g.clone(),
            theme: *theme,
            screen,
            minute: (board.now.date(), board.now.hour(), board.now.minute()),
            merging: board.stack.merge().map(|m| m.topic),
        }
    }
}

impl Shape {
    fn of(board: &Board) -> Shape {
        let mut spans: Vec<(usize, Vec<usize>)> = board.index.spans.values().cloned().collect();
        spans.sort();
        Shape {
            spaces: board.edition.spaces.clone(),
            slots: board.edition.slots.clone(),
            rows: board.index.rows.clone(),
            spans,
            hidden: board.index.hidden,
        }
    }
}

/// The face of every session cell on screen, a session over several slots
/// once, at its first row.
fn faces(board: &Board, g: &Grid) -> HashMap<(usize, usize), Face> {
    let mut out = HashMap::new();
    for row in g.visible_rows() {
        for col in g.first_col..g.first_col + g.cols {
            let Some(i) = board.index.at(row, col) else {
                continue;
            };
            let at = board
                .index
                .span_rows(i)
                .and_then(|rows| rows.first().copied())
                .unwrap_or(row);
            let Some(t) = board.edition.topics.get(i) else {
                continue;
            };
            out.entry((at, col)).or_insert_with(|| Face {
                topic: Some(Arc::clone(t)),
                owes: crate::app::layers::reports::owes_report(&board.edition, t, board.now),
                warned: board.warning_of(t.id).map(|w| w.rule),
                moving: board.stack.grab().is_some_and(|gr| gr.topic == t.id),
            });
        }
    }
    out
}

fn cursor_of(board: &Board) -> Cursor {
    let grid = &board.stack.grid;
    (grid.focus == Focus::Grid).then_some((grid.cursor.row, grid.cursor.col))
}

/// Draws the grid, from the memo where it still holds.
pub fn render(board: &Board, g: &Grid, theme: &Theme, buf: &mut Buffer, memo: &mut GridMemo) {
    if memo.off {
        draw(board, g, theme, buf, cursor_of(board));
        return;
    }
    let key = Key::of(board, g, theme, *buf.area());
    let moving = board.stack.grab().map(|gr| gr.topic);
    let stamps = (board.index.stamp, board.warnings_stamp, moving);
    match &mut memo.kept {
        Some(kept) if kept.key == key && kept.stamps == stamps => {}
        Some(kept) if kept.key == key => {
            let shape = Shape::of(board);
            let faces = faces(board, g);
            if shape == kept.shape {
                redraw_changed(board, g, theme, kept, &faces);
            } else {
                draw_kept(board, g, theme, &mut kept.buf, None);
                kept.shape = shape;
            }
            kept.faces = faces;
            kept.stamps = stamps;
        }
        _ => {
            let mut drawn = Buffer::empty(*buf.area());
            draw_kept(board, g, theme, &mut drawn, None);
            memo.kept = Some(Kept {
                key,
                stamps,
                shape: Shape::of(board),
                faces: faces(board, g),
                buf: drawn,
            });
        }
    }
    if let Some(kept) = &memo.kept {
        copy(&kept.buf, g.area, buf);
    }
    if let Some(cursor) = cursor_of(board) {
        draw_cursor(board, g, theme, buf, cursor);
    }
    // a carried card's preview follows the cursor: drawn over the kept grid
    if board.stack.grab().is_some() {
        carried(board, g, theme, buf);
        more_below(board, g, theme, buf);
    }
}

/// Draws again, into the memo, the cells whose face is not the one drawn.
fn redraw_changed(
    board: &Board,
    g: &Grid,
    theme: &Theme,
    kept: &mut Kept,
    faces: &HashMap<(usize, usize), Face>,
) {
    let mut changed: Vec<(usize, usize)> = faces
        .iter()
        .filter(|(at, face)| kept.faces.get(at) != Some(face))
        .map(|(at, _)| *at)
        .chain(
            kept.faces
                .keys()
                .filter(|at| !faces.contains_key(at))
                .copied(),
        )
        .collect();
    changed.sort_unstable();
    changed.dedup();
    for (row, col) in changed {
        let long = board
            .index
            .at(row, col)
            .and_then(|i| board.index.spans.get(&i));
        if let Some((c, rows)) = long {
            long_card(board, g, *c, rows, theme, &mut kept.buf, None);
            continue;
        }
        let (Some(x), Some((y, h))) = (g.col_x(col), g.row_band(row)) else {
            continue;
        };
        // an empty cell draws only its dot: what was there goes first
        blank(&mut kept.buf, Rect::new(x, y, g.col_w, h), theme.base);
        cell(board, g, &[row], col, x, y, h, theme, &mut kept.buf, None);
    }
}

/// Copies the cells of `area` from a buffer of the same size.
fn copy(from: &Buffer, area: Rect, to: &mut Buffer) {
    let area = area.intersection(*to.area()).intersection(*from.area());
    if area.is_empty() || from.area() != to.area() {
        return;
    }
    for y in area.top()..area.bottom() {
        let start = to.index_of(area.x, y);
        let end = start + usize::from(area.width);
        to.content[start..end].clone_from_slice(&from.content[start..end]);
    }
}

/// What the cursor changes: its column's header, its row's time, and its
/// cell (a whole session over several slots, or a plenary's or break's line).
fn draw_cursor(
    board: &Board,
    g: &Grid,
    theme: &Theme,
    buf: &mut Buffer,
    (row, col): (usize, usize),
) {
    let cursor = Some((row, col));
    header_of(board, g, col, theme, buf, cursor);
    let Some((y, h)) = g.row_band(row) else {
        return;
    };
    let Some(slot) = board.slot_at_row(row) else {
        return;
    };
    time_of(board, g, row, y, h, theme, buf, cursor);
    if !slot.kind.is_session() {
        slot_row(board, g, row, y, h, theme, buf, cursor);
        return;
    }
    // the time's last column is the first space's line: drawn again over it
    if let Some(first) = g.col_x(g.first_col) {
        let (bar, style) = bar_of(board, slot, theme);
        for dy in 0..h {
            put(buf, first.saturating_sub(1), y + dy, bar, 1, style);
        }
    }
    let Some(x) = g.col_x(col) else { return };
    match board
        .index
        .at(row, col)
        .and_then(|i| board.index.spans.get(&i))
    {
        Some((c, rows)) => long_card(board, g, *c, rows, theme, buf, cursor),
        None => cell(board, g, &[row], col, x, y, h, theme, buf, cursor),
    }
}

/// The whole grid, with the cursor where `cursor` says and a carried card's
/// preview (neither for the memo: each frame draws them over it).
fn draw(board: &Board, g: &Grid, theme: &Theme, buf: &mut Buffer, cursor: Cursor) {
    draw_kept(board, g, theme, buf, cursor);
    if board.stack.grab().is_some() {
        carried(board, g, theme, buf);
        more_below(board, g, theme, buf);
    }
}

/// The grid without a carried card's preview.
fn draw_kept(board: &Board, g: &Grid, theme: &Theme, buf: &mut Buffer, cursor: Cursor) {
    fill(buf, g.area, theme.base);
    header(board, g, theme, buf, cursor);
    for &(band, y, h) in &g.bands {
        match band {
            Band::Day(day) => {
                let text = format!("── {} ", day.strftime("%A %-d %B"));
                let rule = "─".repeat(usize::from(g.area.width));
                put(
                    buf,
                    g.area.x,
                    y,
                    &format!("{text}{rule}"),
                    g.area.width,
                    theme.heading,
                );
            }
            Band::Row(row) => {
                time_of(board, g, row, y, h, theme, buf, cursor);
                slot_row(board, g, row, y, h, theme, buf, cursor);
            }
        }
    }
    long_cards(board, g, theme, buf, cursor);
    more_below(board, g, theme, buf);
    if g.bands.is_empty() {
        let hint = if board.edition.slots.is_empty() || board.edition.spaces.is_empty() {
            "No slots or spaces yet: S then a adds a space, A a slot."
        } else {
            ""
        };
        put(
            buf,
            g.area.x + 1,
            g.area.y + 2,
            hint,
            g.area.width.saturating_sub(2),
            theme.dim,
        );
    }
}

/// The last line: rows scrolled away below, or later slots hidden.
fn more_below(board: &Board, g: &Grid, theme: &Theme, buf: &mut Buffer) {
    if g.more_below > 0 {
        let y = g.area.bottom().saturating_sub(1);
        let text = format!(" ▾ {} more below — ↓ or PgDn", g.more_below);
        line(buf, g.area.x, y, g.area.width, &text, theme.dim);
    } else if board.index.hidden > 0 {
        let y = g.bands.last().map_or(g.area.y + 1, |(_, y, h)| y + h);
        if y < g.area.bottom() {
            let text = format!(
                " … {} later slots hidden while the marketplace fills — Z reveals them",
                board.index.hidden
            );
            line(buf, g.area.x, y, g.area.width, &text, theme.dim);
        }
    }
}

/// Sessions over several slots: one card from the top of their first
/// visible row to the bottom of their last, title once, over any break
/// between (drawn after the rows, so it lies over the break's band).
fn long_cards(board: &Board, g: &Grid, theme: &Theme, buf: &mut Buffer, cursor: Cursor) {
    let mut long: Vec<&(usize, Vec<usize>)> = board.index.spans.values().collect();
    long.sort();
    for (col, rows) in long {
        long_card(board, g, *col, rows, theme, buf, cursor);
    }
}

#[allow(clippy::too_many_arguments)]
fn long_card(
    board: &Board,
    g: &Grid,
    col: usize,
    rows: &[usize],
    theme: &Theme,
    buf: &mut Buffer,
    cursor: Cursor,
) {
    let Some(x) = g.col_x(col) else { return };
    let bands: Vec<(u16, u16)> = rows.iter().filter_map(|&r| g.row_band(r)).collect();
    let (Some(top), Some(bottom)) = (
        bands.iter().map(|(y, _)| *y).min(),
        bands.iter().map(|(y, h)| y + h).max(),
    ) else {
        return;
    };
    // the rows between (a break) have no column lines of their own
    // the line at its right is the next column's, when one is shown
    let right = (col + 1 < g.first_col + g.cols).then_some(x + g.col_w);
    for y in (top..bottom).filter(|y| !bands.iter().any(|(sy, sh)| (*sy..sy + sh).contains(y))) {
        put(buf, x.saturating_sub(1), y, "│", 1, theme.dim);
        if let Some(right) = right {
            put(buf, right, y, "│", 1, theme.dim);
        }
    }
    cell(
        board,
        g,
        rows,
        col,
        x,
        top,
        bottom - top,
        theme,
        buf,
        cursor,
    );
}

/// The column and rows a carried card would take from the cursor's cell.
fn carried_rows(board: &Board) -> Option<(usize, Vec<usize>)> {
    let t = board.stack.grab().and_then(|gr| board.topic(gr.topic))?;
    let (slot, _) = board.cell_at_cursor()?;
    let e = &board.edition;
    let slots: Vec<&crate::model::SlotId> = match e.span_from(&slot, t.slots()) {
        Ok(s) => s.iter().map(|s| &s.id).collect(),
        Err(_) => vec![&slot],
    };
    let rows = slots
        .iter()
        .filter_map(|id| {
            board
                .index
                .rows
                .iter()
                .position(|&i| e.slots.get(i).is_some_and(|s| &s.id == *id))
        })
        .collect();
    Some((board.stack.grid.cursor.col, rows))
}

/// While a card is carried: where it would go, over every cell it would
/// take from the cursor's, and what dropping it there would do.
fn carried(board: &Board, g: &Grid, theme: &Theme, buf: &mut Buffer) {
    let Some(t) = board.stack.grab().and_then(|gr| board.topic(gr.topic)) else {
        return;
    };
    let Some((slot, space)) = board.cell_at_cursor() else {
        return;
    };
    let Some((col, rows)) = carried_rows(board) else {
        return;
    };
    let Some(x) = g.col_x(col) else { return };
    let e = &board.edition;
    let bands: Vec<(u16, u16)> = rows.iter().filter_map(|&r| g.row_band(r)).collect();
    let (Some(top), Some(bottom)) = (
        bands.iter().map(|(y, _)| *y).min(),
        bands.iter().map(|(y, h)| y + h).max(),
    ) else {
        return;
    };
    // what a drop here would do, tried on a copy
    let mut trial = e.clone();
    let outcome = match trial.move_to(t.id, &slot, &space) {
        Ok(Some(other)) => e
            .topic(other)
            .map(|o| format!("⇄ swaps with {}", o.title))
            .unwrap_or_default(),
        Ok(None) => String::new(),
        Err(why) => format!("✗ {why}"),
    };
    let mut lines = vec![format!("✥ {}", t.title)];
    if t.slots() > 1 {
        lines.push(format!("  takes {} slots from here", t.slots()));
    }
    if !outcome.is_empty() {
        lines.push(outcome);
    }
    let area = ratatui::layout::Rect::new(x, top, g.col_w, bottom - top);
    let style = if lines.iter().any(|l| l.starts_with('✗')) {
        theme.warn
    } else {
        theme.grabbed
    };
    fill(buf, area, style);
    // the title and what happens, wrapped in the cells it would take
    let mut wrapped = Vec::new();
    for l in &lines {
        wrapped.extend(wrap(l, usize::from(g.col_w), 3));
    }
    write_lines(buf, x, top, g.col_w, bottom - top, &wrapped, style);
}

fn header(board: &Board, g: &Grid, theme: &Theme, buf: &mut Buffer, cursor: Cursor) {
    let y = g.area.y;
    // rows scrolled away above are said where the time column starts
    let above = g.visible_rows().next().is_some_and(|r| r > 0);
    let label = if above { " ▴ more above" } else { " time" };
    line(buf, g.area.x, y, g.time_w, label, theme.dim);
    for i in g.first_col..(g.first_col + g.cols).min(board.edition.spaces.len()) {
        header_of(board, g, i, theme, buf, cursor);
    }
}

/// A space's name (and capacity) over its column, underlined under the cursor.
fn header_of(board: &Board, g: &Grid, i: usize, theme: &Theme, buf: &mut Buffer, cursor: Cursor) {
    let (Some(space), Some(x)) = (board.edition.spaces.get(i), g.col_x(i)) else {
        return;
    };
    let y = g.area.y;
    let mut name = format!("{} {}", i + 1, space.name);
    if let Some(c) = space.capacity {
        name.push_str(&format!(" ·{c}"));
    }
    let mut style = theme.heading;
    if cursor.is_some_and(|(_, col)| col == i) {
        style = style.add_modifier(Modifier::UNDERLINED);
    }
    put(buf, x.saturating_sub(1), y, "│", 1, theme.dim);
    line(buf, x, y, g.col_w, &name, style);
}

#[allow(clippy::too_many_arguments)]
/// A row's time at the left: NOW and NEXT as words, not colour alone.
fn time_of(
    board: &Board,
    g: &Grid,
    row: usize,
    y: u16,
    h: u16,
    theme: &Theme,
    buf: &mut Buffer,
    cursor: Cursor,
) {
    let Some(slot) = board.slot_at_row(row) else {
        return;
    };
    let on_row = cursor.is_some_and(|(r, _)| r == row);
    let is_now = board.now_slot().is_some_and(|s| s.id == slot.id);
    let is_next = !is_now && board.next_slot().is_some_and(|s| s.id == slot.id);
    let time_style = match (is_now, on_row) {
        (true, _) => theme.now,
        (false, true) => theme.heading,
        (false, false) => theme.base,
    };
    let marker = if on_row { "▶" } else { " " };
    let word = if is_now {
        "■ NOW"
    } else if is_next {
        "□ NEXT"
    } else {
        ""
    };
    let start = crate::model::hhmm::format_hhmm(slot.start);
    let first = if h == 1 && !word.is_empty() {
        format!(
            "{marker}{} {start}",
            word.trim_start_matches(['■', '□', ' '])
        )
    } else {
        format!("{marker}{}", slot.times())
    };
    line(buf, g.area.x, y, g.time_w, &first, time_style);
    if h >= 2 && !word.is_empty() {
        line(
            buf,
            g.area.x,
            y + 1,
            g.time_w,
            &format!("  {word}"),
            time_style,
        );
    }
}

#[allow(clippy::too_many_arguments)]
/// A row's cells: its sessions (the NOW row with heavy borders), or a
/// plenary's or break's line.
fn slot_row(
    board: &Board,
    g: &Grid,
    row: usize,
    y: u16,
    h: u16,
    theme: &Theme,
    buf: &mut Buffer,
    cursor: Cursor,
) {
    let Some(slot) = board.slot_at_row(row) else {
        return;
    };
    let on_row = cursor.is_some_and(|(r, _)| r == row);
    let is_now = board.now_slot().is_some_and(|s| s.id == slot.id);
    let (bar, bar_style) = bar_of(board, slot, theme);
    match &slot.kind {
        SlotKind::Session => {
            for col in g.first_col..g.first_col + g.cols {
                let Some(x) = g.col_x(col) else { continue };
                for dy in 0..h {
                    put(buf, x.saturating_sub(1), y + dy, bar, 1, bar_style);
                }
                // a session over several slots is drawn whole, after the rows
                let long = board
                    .index
                    .at(row, col)
                    .is_some_and(|i| board.index.span_rows(i).is_some());
                if !long {
                    cell(board, g, &[row], col, x, y, h, theme, buf, cursor);
                }
            }
        }
        SlotKind::Plenary(label) => {
            let style = if on_row {
                theme.selected
            } else if is_now {
                theme.now
            } else {
                theme.plenary
            };
            band(
                board,
                g,
                row,
                y,
                &format!(" ◆ {label} · plenary"),
                style,
                buf,
            );
        }
        SlotKind::Break(label) => {
            let style = if on_row {
                theme.selected
            } else if is_now {
                theme.now
            } else {
                theme.pause
            };
            band(board, g, row, y, &format!(" ○ {label} · break"), style, buf);
        }
    }
}

/// The line between two spaces' cells: heavy on the NOW row.
fn bar_of(board: &Board, slot: &crate::model::Slot, theme: &Theme) -> (&'static str, Style) {
    if board.now_slot().is_some_and(|s| s.id == slot.id) {
        ("┃", theme.heading)
    } else {
        ("│", theme.dim)
    }
}

/// A plenary's or break's line across the grid; where a session over
/// several slots runs over it, the label goes in the widest part left free.
fn band(board: &Board, g: &Grid, row: usize, y: u16, text: &str, style: Style, buf: &mut Buffer) {
    let full_x = g.area.x + g.time_w;
    let right = g.area.right();
    // the free stretches between the columns of the sessions over it
    let mut free = Vec::new();
    let mut from = full_x;
    let mut over = board.index.spanned_over(row);
    // and the card being carried, when it would run over this row
    if let Some((col, rows)) = carried_rows(board)
        && rows.first().is_some_and(|f| *f < row)
        && rows.last().is_some_and(|l| row < *l)
    {
        over.push(col);
        over.sort_unstable();
        over.dedup();
    }
    for col in over {
        let Some(x) = g.col_x(col) else { continue };
        let (start, end) = (x.saturating_sub(1), (x + g.col_w + 1).min(right));
        if start > from {
            free.push((from, start - from));
        }
        from = from.max(end);
    }
    if right > from {
        free.push((from, right - from));
    }
    // the label in the widest part, and a rule along the rest: the row
    // stands out by a line in its text colour, not by its fill alone
    let widest = free.iter().max_by_key(|(_, w)| *w).map(|(x, _)| *x);
    for (x, w) in free {
        let label = if Some(x) == widest { text } else { "" };
        let used = crate::text::width(label) + 1;
        let rule = "─".repeat(usize::from(w).saturating_sub(used + 1));
        line(buf, x, y, w, &format!("{label} {rule}"), style);
    }
}

#[allow(clippy::too_many_arguments)]
/// One card, or an empty cell, over `rows` (one, or the rows of a session
/// over several slots) of a column.
fn cell(
    board: &Board,
    g: &Grid,
    rows: &[usize],
    col: usize,
    x: u16,
    y: u16,
    h: u16,
    theme: &Theme,
    buf: &mut Buffer,
    cursor: Cursor,
) {
    let w = g.col_w;
    let Some(&row) = rows.first() else { return };
    let here = cursor.is_some_and(|(r, c)| rows.contains(&r) && c == col);
    let topic = board
        .index
        .at(row, col)
        .and_then(|i| board.edition.topics.get(i));
    let grabbed = board.stack.grab().and_then(|gr| board.topic(gr.topic));
    let area = ratatui::layout::Rect::new(x, y, w, h);
    // while carrying a card its old cell shows a ghost (the preview is drawn last)
    let Some(topic) = topic else {
        let style = if here { theme.selected } else { theme.base };
        if here {
            fill(buf, area, style);
            put(buf, x, y, "▶ empty · Enter adds", w, style);
        } else {
            put(buf, x + 1, y, "·", 1, theme.dim);
        }
        return;
    };
    if grabbed.is_some_and(|gr| gr.id == topic.id) {
        // drawn again over a kept card: what was there goes first
        blank(buf, area, theme.base);
        put(
            buf,
            x,
            y,
            &format!("  (moving) {}", topic.title),
            w,
            theme.dim,
        );
        return;
    }
    let style = if here { theme.selected } else { theme.card };
    // blank, not filled: a card drawn again over the kept grid leaves nothing
    // of the one before (a modifier of its edge, say)
    blank(buf, area, style);
    let owes = crate::app::layers::reports::owes_report(&board.edition, topic, board.now);
    let merging = board.stack.merge().is_some_and(|m| m.topic == topic.id);
    let warned = board.warning_of(topic.id).map(|w| w.rule);
    let times = (rows.len() > 1)
        .then(|| board.edition.session_label(topic))
        .flatten();
    let card = Card {
        topic,
        selected: here,
        owes,
        merging,
        warned,
        times: times.as_deref(),
    };
    let (lines, badge) = card.lines(w, h);
    // the last line is the card's edge (underlined where the fill is too pale)
    let edge = if here { style } else { theme.card_edge };
    if h >= 2 {
        fill(buf, ratatui::layout::Rect::new(x, y + h - 1, w, 1), edge);
    }
    for (i, l) in lines.iter().enumerate() {
        let s = if i + 1 == usize::from(h) { edge } else { style };
        put(buf, x, y + i as u16, l, w, s);
    }
    // votes and action points at the right of the last line
    if !badge.is_empty() && h >= 2 {
        put_right(buf, x + w, y + h - 1, &badge, edge);
    }
}

fn write_lines(buf: &mut Buffer, x: u16, y: u16, w: u16, h: u16, lines: &[String], style: Style) {
    for (i, l) in lines.iter().take(usize::from(h)).enumerate() {
        put(buf, x, y + i as u16, l, w, style);
    }
}

/// What a card shows besides its title.
struct Card<'a> {
    topic: &'a Topic,
    selected: bool,
    owes: bool,
    merging: bool,
    warned: Option<crate::model::warnings::Rule>,
    /// A session over several slots: its times.
    times: Option<&'a str>,
}

impl Card<'_> {
    /// The badges from the fullest to the least: counts give way first
    /// (action points, then votes, then ✎); a warning never does.
    fn badges(&self) -> Vec<String> {
        let t = self.topic;
        let (done, total) = t.action_progress();
        let warn = self.warned.map(|r| format!("⚠{}", r.word()));
        let owes = self.owes.then(|| "✎".to_string());
        let votes = (t.votes > 0).then(|| format!("▲{}", t.votes));
        let actions = (total > 0).then(|| format!("✓{done}/{total}"));
        let join = |parts: &[&Option<String>]| {
            let parts: Vec<&str> = parts.iter().filter_map(|p| p.as_deref()).collect();
            if parts.is_empty() {
                String::new()
            } else {
                format!(" {} ", parts.join(" "))
            }
        };
        // a warning stays, sign and word: it is never colour alone
        let mut out = vec![
            join(&[&warn, &owes, &votes, &actions]),
            join(&[&warn, &owes, &votes]),
            join(&[&warn, &owes]),
            join(&[&warn]),
        ];
        out.dedup();
        out
    }

    /// The card's lines for its size, and the badge for the right of its
    /// last line. Names come before numbers: the title and the conveners
    /// get the room first, in full when the card has the lines; the badge
    /// is the fullest that still fits beside them.
    fn lines(&self, w: u16, h: u16) -> (Vec<String>, String) {
        let t = self.topic;
        let (w, h) = (usize::from(w), usize::from(h));
        let text_w = w.saturating_sub(1);
        let lead = if self.selected { "▶" } else { " " };
        let pin = match (self.merging, t.pinned, self.owes && h < 2) {
            (true, _, _) => "⊕ ",
            (_, true, _) => "⚑ ",
            (_, _, true) => "✎ ",
            _ => "",
        };
        let title = format!("{pin}{}", t.title);
        let lead_lines = |lines: Vec<String>| -> Vec<String> {
            lines
                .into_iter()
                .enumerate()
                .map(|(i, l)| format!("{}{l}", if i == 0 { lead } else { " " }))
                .collect()
        };
        if h <= 1 {
            // one line: the title alone, cut rather than wrapped
            return (
                vec![format!("{lead}{}", truncate(&title, text_w))],
                String::new(),
            );
        }
        let who = t.conveners_label();
        let badges = self.badges();
        let times = self.times.filter(|_| h >= 3);
        let title_need = wrap(&title, text_w, usize::MAX).len().max(1);
        let mut lines;
        let last;
        let rest = h.saturating_sub(title_need + usize::from(times.is_some()));
        if !who.is_empty() && rest >= 2 {
            // room for all of it: the title, the times, the conveners in
            // full, the badge on a line of its own when they do not leave it room
            lines = lead_lines(wrap(&title, text_w, title_need));
            if let Some(times) = times {
                lines.push(format!(" {}", truncate(times, text_w)));
            }
            let who_lines = wrap(&who, text_w, rest);
            let spare = who_lines.len() < rest;
            lines.extend(who_lines.iter().map(|l| format!(" {l}")));
            if spare {
                // a line of its own at the bottom: the whole badge
                while lines.len() < h - 1 {
                    lines.push(String::new());
                }
                return (lines, badges.first().cloned().unwrap_or_default());
            }
            // beside the last line of names: the fullest badge that fits
            // (the least one, a warning, cuts the names when it must)
            let shared = who_lines.last().map_or(0, |l| crate::text::width(l) + 1);
            last = badges
                .iter()
                .find(|b| shared + crate::text::width(b) <= w)
                .or(badges.last())
                .cloned()
                .unwrap_or_default();
            if shared + crate::text::width(&last) > w
                && let (Some(l), Some(names)) = (lines.last_mut(), who_lines.last())
            {
                let room = w.saturating_sub(crate::text::width(&last) + 1);
                *l = format!(" {}", truncate(names, room));
            }
        } else {
            // the title takes what the last line leaves; the conveners share
            // it with the badge, which gives way to them
            let n_title = h - 1 - usize::from(times.is_some());
            let title_lines = if n_title == 1 {
                vec![truncate(&title, text_w)]
            } else {
                wrap(&title, text_w, n_title)
            };
            lines = lead_lines(title_lines);
            if let Some(times) = times {
                lines.push(format!(" {}", truncate(times, text_w)));
            }
            while lines.len() < h - 1 {
                lines.push(String::new());
            }
            let who_w = if who.is_empty() {
                0
            } else {
                crate::text::width(&who) + 1
            };
            let badge = badges
                .iter()
                .find(|b| who_w + crate::text::width(b) <= w)
                .or(badges.last())
                .cloned()
                .unwrap_or_default();
            let room = w.saturating_sub(crate::text::width(&badge) + 1);
            lines.push(format!(" {}", truncate(&who, room)));
            last = badge;
        }
        (lines, last)
    }
}
