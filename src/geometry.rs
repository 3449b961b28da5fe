//! Where everything goes on screen, computed from the terminal's size and
//! the shape of the grid alone. Below both `app` (scrolling, paging, mouse
//! hits) and `ui` (drawing): both use the same numbers, and neither needs
//! the other to know them.

use ratatui::layout::Rect;

/// Below this, the board says how large the window must be.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

const TIME_W: u16 = 13;
const MIN_COL: u16 = 14;
const MAX_COL: u16 = 48;
/// Lines of the input line (the capture line or a prompt) at the bottom.
pub const INPUT_H: u16 = 2;
/// Lines of the operator's footer.
pub const FOOTER_H: u16 = 2;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Regions {
    pub top: Rect,
    pub grid: Rect,
    pub parking: Option<Rect>,
    /// The capture line or a prompt, when one is open.
    pub input: Option<Rect>,
    pub footer: Rect,
    /// What a window over the board may cover: between the top line and
    /// the input line (or the footer), so neither is drawn over.
    pub overlay: Rect,
}

pub fn too_small(w: u16, h: u16) -> bool {
    w < MIN_WIDTH || h < MIN_HEIGHT
}

/// How wide the parking lot's column is on a screen this wide (0: none).
fn parking_width(w: u16) -> u16 {
    if w >= 70 { (w / 5).clamp(20, 40) } else { 0 }
}

/// Whether the parking lot has its column: while it has the focus, or when
/// it holds topics and every space still fits beside it. Else it folds into
/// the top line ("4 parked"), and the spaces get the width.
pub fn parking_shown(w: u16, spaces: usize, parked: usize, focused: bool) -> bool {
    let column = parking_width(w);
    if column == 0 {
        return false;
    }
    if focused {
        return true;
    }
    let fit = usize::from(w.saturating_sub(column + TIME_W) / (MIN_COL + 1));
    parked > 0 && fit >= spaces
}

/// The operator's screen: top line, body (grid and parking lot), input line, footer.
pub fn regions((w, h): (u16, u16), input_open: bool, parking: bool) -> Regions {
    let area = Rect::new(0, 0, w, h);
    let top = Rect {
        height: 1.min(h),
        ..area
    };
    let footer_h = FOOTER_H.min(h.saturating_sub(1));
    let footer = Rect::new(0, h.saturating_sub(footer_h), w, footer_h);
    let input_h = if input_open { INPUT_H } else { 0 };
    let body_y = top.height;
    let body_h = h.saturating_sub(body_y + footer_h + input_h);
    let input = (input_h > 0).then(|| Rect::new(0, body_y + body_h, w, input_h));
    let parking_w = if parking { parking_width(w) } else { 0 };
    let grid = Rect::new(0, body_y, w.saturating_sub(parking_w), body_h);
    let parking = (parking_w > 0).then(|| Rect::new(w - parking_w, body_y, parking_w, body_h));
    Regions {
        top,
        grid,
        parking,
        input,
        footer,
        overlay: Rect::new(0, body_y, w, body_h),
    }
}

/// A projected screen (present mode, the break screen): no chrome; only the
/// input line, when one is open, at the bottom.
pub fn projected((w, h): (u16, u16), input_open: bool) -> (Rect, Option<Rect>) {
    let input_h = if input_open && h > INPUT_H {
        INPUT_H
    } else {
        0
    };
    let body = Rect::new(0, 0, w, h - input_h);
    let input = (input_h > 0).then(|| Rect::new(0, h - input_h, w, input_h));
    (body, input)
}

/// A centred box of at most w×h, inside `area`.
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// One slot's row as the grid needs it: its day, and whether it holds sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowShape {
    pub day: jiff::civil::Date,
    pub session: bool,
}

/// What the grid's geometry depends on.
#[derive(Debug, Clone, Copy)]
pub struct Shape<'a> {
    /// The rows in display order.
    pub rows: &'a [RowShape],
    pub spaces: usize,
    pub days: usize,
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
    /// How many rows below the last one shown are left out.
    pub more_below: usize,
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

    /// How many rows PgUp/PgDn move.
    pub fn rows_per_page(&self) -> usize {
        self.visible_rows().count().saturating_sub(1).max(1)
    }

    /// The grid cell (row, space) at a screen position.
    pub fn hit(&self, x: u16, y: u16) -> Option<(usize, usize)> {
        let (band, _, _) = self
            .bands
            .iter()
            .find(|(_, by, bh)| y >= *by && y < by + bh)?;
        let Band::Row(row) = *band else { return None };
        let rel = x.checked_sub(self.area.x + self.time_w)?;
        let i = usize::from(rel / (self.col_w + 1));
        (i < self.cols).then_some((row, self.first_col + i))
    }
}

/// Lines a session row gets: as many as let every row fit, 1 to 4 (5 on tall screens).
fn session_height(shape: Shape, body_h: u16) -> u16 {
    let sessions = shape.rows.iter().filter(|r| r.session).count();
    let others = shape.rows.len() - sessions;
    let max = if body_h >= 55 { 5 } else { 4 };
    if sessions == 0 {
        return 1;
    }
    let room = usize::from(body_h).saturating_sub(others + shape.days);
    u16::try_from(room / sessions)
        .unwrap_or(u16::MAX)
        .clamp(1, max)
}

pub fn grid(shape: Shape, area: Rect, first_row: usize, scroll_col: usize) -> Grid {
    let all = layout(shape, area, first_row, scroll_col, area.height);
    if all.more_below == 0 {
        return all;
    }
    // rows left out below: the last line says so
    layout(
        shape,
        area,
        first_row,
        scroll_col,
        area.height.saturating_sub(1),
    )
}

fn layout(shape: Shape, area: Rect, first_row: usize, scroll_col: usize, height: u16) -> Grid {
    let avail_w = area.width.saturating_sub(TIME_W);
    let fit = usize::from((avail_w / (MIN_COL + 1)).max(1));
    let cols = fit.min(shape.spaces);
    let col_w = match u16::try_from(cols) {
        Ok(n) if n > 0 => (avail_w / n).saturating_sub(1).clamp(1, MAX_COL),
        _ => MIN_COL,
    };
    let first_col = scroll_col.min(shape.spaces.saturating_sub(cols));
    let body_h = area.height.saturating_sub(1);
    let session_h = session_height(shape, body_h);
    let mut bands = Vec::new();
    let mut y = area.y + 1;
    let bottom = area.y + height;
    let mut last_day = None;
    for (row, r) in shape.rows.iter().enumerate().skip(first_row) {
        if Some(r.day) != last_day {
            if y >= bottom {
                break;
            }
            bands.push((Band::Day(r.day), y, 1));
            y += 1;
            last_day = Some(r.day);
        }
        let h = if r.session { session_h } else { 1 };
        if y + h > bottom {
            break;
        }
        bands.push((Band::Row(row), y, h));
        y += h;
    }
    let last = bands.iter().rev().find_map(|(b, _, _)| match b {
        Band::Row(r) => Some(*r),
        Band::Day(_) => None,
    });
    let more_below = match last {
        Some(r) => shape.rows.len().saturating_sub(r + 1),
        None => shape.rows.len().saturating_sub(first_row),
    };
    Grid {
        area,
        time_w: TIME_W,
        col_w,
        first_col,
        cols,
        session_h,
        bands,
        more_below,
    }
}

/// The first row and space to show so that the cursor is on screen, using all the room.
pub fn keep_in_view(
    shape: Shape,
    area: Rect,
    (row, col): (usize, usize),
    (scroll_row, scroll_col): (usize, usize),
) -> (usize, usize) {
    let rows = shape.rows.len();
    let mut first = scroll_row.min(rows.saturating_sub(1)).min(row);
    while first < row && grid(shape, area, first, scroll_col).row_band(row).is_none() {
        first += 1;
    }
    // no blank space at the bottom while earlier rows could be shown
    while first > 0 {
        let earlier = grid(shape, area, first - 1, scroll_col);
        if earlier.row_band(rows.saturating_sub(1)).is_some() && earlier.row_band(row).is_some() {
            first -= 1;
        } else {
            break;
        }
    }
    let g = grid(shape, area, first, scroll_col);
    let mut first_col = scroll_col;
    if col < first_col {
        first_col = col;
    } else if g.cols > 0 && col >= first_col + g.cols {
        first_col = col + 1 - g.cols;
    }
    let first_col = first_col.min(shape.spaces.saturating_sub(g.cols.max(1)));
    (first, first_col)
}

/// The place in the parking lot at a screen position, given the selected
/// topic (the list scrolls so that it is on the last line at most).
pub fn parking_hit(area: Rect, selected: usize, parked: usize, x: u16, y: u16) -> Option<usize> {
    if x < area.x || x >= area.right() || y <= area.y || y >= area.bottom() {
        return None;
    }
    let first = scroll(
        selected,
        parked,
        usize::from(area.height.saturating_sub(1)),
        0,
    );
    let i = first + usize::from(y - area.y - 1);
    (i < parked).then_some(i)
}

/// The one scroll rule of every list: the first line to show so that the
/// selected line is in view with `margin` lines after it where there are
/// any, and no empty space after the last line while earlier ones could show.
pub fn scroll(selected: usize, total: usize, height: usize, margin: usize) -> usize {
    let wanted = (selected + margin + 1).min(total);
    wanted
        .saturating_sub(height)
        .min(total.saturating_sub(height))
}

/// Rows and columns of text the help window holds on a screen this size.
pub fn help_page((w, h): (u16, u16)) -> (usize, usize) {
    let columns = if w >= 170 { 2 } else { 1 };
    // a box two lines shorter than the screen, with a border
    let rows = usize::from(h.saturating_sub(2).saturating_sub(2)).max(1);
    (rows, columns)
}

/// The help window's box on a screen this size.
pub fn help_box((w, h): (u16, u16)) -> Rect {
    let (_, columns) = help_page((w, h));
    let columns = u16::try_from(columns).unwrap_or(1);
    centred(
        Rect::new(0, 0, w, h),
        w.saturating_sub(4).min(100 * columns),
        h.saturating_sub(2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scroll_rule_keeps_the_selection_in_view_and_never_runs_past_the_end() {
        // everything fits: no scroll
        assert_eq!(scroll(3, 5, 10, 2), 0);
        // near the top: no scroll
        assert_eq!(scroll(2, 50, 10, 2), 0);
        // the selection with two lines after it
        assert_eq!(scroll(20, 50, 10, 2), 13);
        // at the end: the last page, not beyond it
        assert_eq!(scroll(49, 50, 10, 2), 40);
        assert_eq!(scroll(60, 50, 10, 2), 40);
        for total in 0..30 {
            for sel in 0..total {
                let first = scroll(sel, total, 7, 1);
                assert!(first <= sel && sel < first + 7, "{sel} of {total}");
            }
        }
    }
}
