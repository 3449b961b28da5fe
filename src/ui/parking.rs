//! The parking lot: topics not yet in the grid, most votes first.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::draw::{fill, line, put};
use super::theme::Theme;
use crate::app::board::Board;
use crate::app::layers::grid::Focus;

pub fn render(board: &Board, area: Rect, theme: &Theme, buf: &mut Buffer) {
    fill(buf, area, theme.base);
    for y in area.top()..area.bottom() {
        put(buf, area.x, y, "┃", 1, theme.dim);
    }
    let x = area.x + 2;
    let w = area.width.saturating_sub(2);
    let focused = board.stack.grid.focus == Focus::Parking && board.stack.grab().is_none();
    let title = format!("Parking lot ({}) · by votes", board.index.parked.len());
    let style = if focused {
        theme.selected
    } else {
        theme.heading
    };
    line(buf, x, area.y, w, &title, style);
    if board.index.parked.is_empty() {
        put(
            buf,
            x,
            area.y + 2,
            "empty: every topic is placed",
            w,
            theme.dim,
        );
        return;
    }
    let rows = usize::from(area.height.saturating_sub(1));
    let sel = board.stack.grid.parking_sel;
    let first = crate::geometry::scroll(sel, board.index.parked.len(), rows, 0);
    for (n, &i) in board.index.parked.iter().enumerate().skip(first).take(rows) {
        let Some(t) = board.edition.topics.get(i) else {
            continue;
        };
        let y = area.y + 1 + u16::try_from(n - first).unwrap_or(0);
        let here = focused && n == sel;
        let moving = board.stack.grab().is_some_and(|g| g.topic == t.id);
        let lead = if here {
            "▶"
        } else if moving {
            "✥"
        } else {
            " "
        };
        let who = if t.conveners.is_empty() {
            String::new()
        } else {
            format!(" — {}", t.conveners_label())
        };
        // a session over several slots says how many it needs
        let slots = match t.slots() {
            1 => String::new(),
            n => format!(" ({n} slots)"),
        };
        let text = format!(
            "{lead}{:>3} {}{slots}{who}",
            format!("▲{}", t.votes),
            t.title
        );
        line(
            buf,
            x,
            y,
            w,
            &text,
            if here { theme.selected } else { theme.base },
        );
    }
}
