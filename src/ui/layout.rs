//! Where everything goes on screen, computed from the terminal's size alone.
//! Rendering, scrolling and mouse hits all use the same numbers.

use ratatui::layout::Rect;

use crate::app::board::Board;
use crate::model::SlotKind;

/// Below this, the board says how large the window must be.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

const TIME_W: u16 = 13;
const MIN_COL: u16 = 14;
const MAX_COL: u16 = 48;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Regions {
    pub top: Rect,
    pub grid: Rect,
    pub parking: Option<Rect>,
    /// The capture line or a prompt, when one is open.
    pub input: Option<Rect>,
    pub footer: Rect,
}

pub fn too_small(w: u16, h: u16) -> bool {
    w < MIN_WIDTH || h < MIN_HEIGHT
}

pub fn regions(board: &Board) -> Regions {
    let (w, h) = board.viewport;
    let area = Rect::new(0, 0, w, h);
    let top = Rect {
        height: 1.min(h),
        ..area
    };
    let footer_h = 2.min(h.saturating_sub(1));
    let footer = Rect::new(0, h.saturating_sub(footer_h), w, footer_h);
    let input_h = if board.capture.is_some() || board.prompt.is_some() {
        2
    } else {
        0
    };
    let body_y = top.height;
    let body_h = h.saturating_sub(body_y + footer_h + input_h);
    let input = (input_h > 0).then(|| Rect::new(0, body_y + body_h, w, input_h));
    let parking_w = if w >= 70 { (w / 5).clamp(20, 40) } else { 0 };
    let grid = Rect::new(0, body_y, w.saturating_sub(parking_w), body_h);
    let parking = (parking_w > 0).then(|| Rect::new(w - parking_w, body_y, parking_w, body_h));
    Regions {
        top,
        grid,
        parking,
        input,
        footer,
    }
}

/// A visible line group of the grid: a day heading or one slot's row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    Day(jiff::civil::Date),
    Row(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    pub area: Rect,
    pub time_w: u16,
    pub col_w: u16,
    /// First space shown and how many are shown.
    pub first_col: usize,
    pub cols: usize,
    /// Lines per session row.
    pub session_h: u16,
    /// Visible bands with their y and height, top to bottom.
    pub bands: Vec<(Band, u16, u16)>,
}

impl Grid {
    pub fn col_x(&self, col: usize) -> Option<u16> {
        let i = col.checked_sub(self.first_col).filter(|i| *i < self.cols)?;
        let i = u16::try_from(i).ok()?;
        Some(self.area.x + self.time_w + i * (self.col_w + 1))
    }
    pub fn row_band(&self, row: usize) -> Option<(u16, u16)> {
        self.bands
            .iter()
            .find(|(b, _, _)| *b == Band::Row(row))
            .map(|(_, y, h)| (*y, *h))
    }
    pub fn visible_rows(&self) -> impl Iterator<Item = usize> + '_ {
        self.bands.iter().filter_map(|(b, _, _)| match b {
            Band::Row(r) => Some(*r),
            Band::Day(_) => None,
        })
    }
}

fn is_session(board: &Board, row: usize) -> bool {
    board
        .index
        .rows
        .get(row)
        .and_then(|&i| board.edition.slots.get(i))
        .is_some_and(|s| s.kind.is_session())
}

fn day_of(board: &Board, row: usize) -> Option<jiff::civil::Date> {
    board
        .index
        .rows
        .get(row)
        .and_then(|&i| board.edition.slots.get(i))
        .map(|s| s.day)
}

/// Lines a session row gets: as many as let every row fit, 1 to 4 (5 on tall screens).
fn session_height(board: &Board, body_h: u16) -> u16 {
    let rows = &board.index.rows;
    let sessions = (0..rows.len()).filter(|&r| is_session(board, r)).count();
    let others = rows.len() - sessions;
    let days = board.edition.days.len();
    let max = if body_h >= 55 { 5 } else { 4 };
    if sessions == 0 {
        return 1;
    }
    let room = usize::from(body_h).saturating_sub(others + days);
    u16::try_from(room / sessions)
        .unwrap_or(u16::MAX)
        .clamp(1, max)
}

pub fn grid(board: &Board, area: Rect, first_row: usize) -> Grid {
    let spaces = board.edition.spaces.len();
    let avail_w = area.width.saturating_sub(TIME_W);
    let fit = usize::from((avail_w / (MIN_COL + 1)).max(1));
    let cols = fit.min(spaces);
    let col_w = match u16::try_from(cols) {
        Ok(n) if n > 0 => (avail_w / n).saturating_sub(1).clamp(1, MAX_COL),
        _ => MIN_COL,
    };
    let first_col = board.scroll_col.min(spaces.saturating_sub(cols));
    let body_h = area.height.saturating_sub(1);
    let session_h = session_height(board, body_h);
    let mut bands = Vec::new();
    let mut y = area.y + 1;
    let bottom = area.y + area.height;
    let mut last_day = None;
    for row in first_row..board.index.rows.len() {
        let day = day_of(board, row);
        if day != last_day {
            if let Some(d) = day {
                if y >= bottom {
                    break;
                }
                bands.push((Band::Day(d), y, 1));
                y += 1;
            }
            last_day = day;
        }
        let h = if is_session(board, row) { session_h } else { 1 };
        if y + h > bottom {
            break;
        }
        bands.push((Band::Row(row), y, h));
        y += h;
    }
    Grid {
        area,
        time_w: TIME_W,
        col_w,
        first_col,
        cols,
        session_h,
        bands,
    }
}

/// The grid as it is drawn now.
pub fn current_grid(board: &Board) -> Grid {
    grid(board, regions(board).grid, board.scroll_row)
}

/// How many rows PgUp/PgDn move.
pub fn rows_per_page(board: &Board) -> usize {
    current_grid(board)
        .visible_rows()
        .count()
        .saturating_sub(1)
        .max(1)
}

/// Scrolls rows and spaces so that the cursor is on screen, using all the room.
pub fn keep_in_view(board: &mut Board) {
    let area = regions(board).grid;
    let rows = board.index.rows.len();
    board.scroll_row = board.scroll_row.min(rows.saturating_sub(1));
    let cursor = board.cursor.row;
    if cursor < board.scroll_row {
        board.scroll_row = cursor;
    }
    while board.scroll_row < cursor
        && grid(board, area, board.scroll_row)
            .row_band(cursor)
            .is_none()
    {
        board.scroll_row += 1;
    }
    // no blank space at the bottom while earlier rows could be shown
    while board.scroll_row > 0 {
        let earlier = grid(board, area, board.scroll_row - 1);
        let shows_last = earlier.row_band(rows.saturating_sub(1)).is_some();
        if shows_last && earlier.row_band(cursor).is_some() {
            board.scroll_row -= 1;
        } else {
            break;
        }
    }
    let g = grid(board, area, board.scroll_row);
    let col = board.cursor.col;
    if col < board.scroll_col {
        board.scroll_col = col;
    } else if g.cols > 0 && col >= board.scroll_col + g.cols {
        board.scroll_col = col + 1 - g.cols;
    }
    board.scroll_col = board
        .scroll_col
        .min(board.edition.spaces.len().saturating_sub(g.cols.max(1)));
}

/// The grid cell (row, space) at a screen position.
pub fn hit(board: &Board, x: u16, y: u16) -> Option<(usize, usize)> {
    let g = current_grid(board);
    let (band, _, _) = g.bands.iter().find(|(_, by, bh)| y >= *by && y < by + bh)?;
    let Band::Row(row) = *band else { return None };
    let rel = x.checked_sub(g.area.x + g.time_w)?;
    let i = usize::from(rel / (g.col_w + 1));
    (i < g.cols).then_some((row, g.first_col + i))
}

/// The parked topic (its place in the parking lot) at a screen position.
pub fn parking_hit(board: &Board, x: u16, y: u16) -> Option<usize> {
    let area = regions(board).parking?;
    if x < area.x || x >= area.right() || y <= area.y || y >= area.bottom() {
        return None;
    }
    // the list scrolls so that the selected topic is on its last line at most
    let rows = usize::from(area.height.saturating_sub(1));
    let first = board.parking_sel.saturating_sub(rows.saturating_sub(1));
    let i = first + usize::from(y - area.y - 1);
    (i < board.index.parked.len()).then_some(i)
}

/// Whether a row is a plenary or break (drawn full width).
pub fn slot_kind(board: &Board, row: usize) -> Option<&SlotKind> {
    board
        .index
        .rows
        .get(row)
        .and_then(|&i| board.edition.slots.get(i))
        .map(|s| &s.kind)
}
