//! Dot voting: the topics listed large on the left, dots added as people
//! count them, and a live ranked bar chart on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::draw::{fill, line, put};
use super::theme::Theme;
use crate::app::board::Board;
use crate::text::truncate;

pub fn render(board: &Board, selected: usize, area: Rect, theme: &Theme, buf: &mut Buffer) {
    fill(buf, area, theme.base);
    let e = &board.edition;
    let dots = e.dots.unwrap_or(3);
    let total: u64 = e.topics.iter().map(|t| u64::from(t.votes)).sum();
    let title =
        format!(" Dot voting · each person has {dots} dots ([ ] change) · {total} dots counted");
    line(buf, area.x, area.y, area.width, &title, theme.heading);

    let left_w = (area.width / 2).max(20).min(area.width);
    let rows = usize::from(area.height.saturating_sub(2));
    let first = crate::geometry::scroll(selected, e.topics.len(), rows, 0);
    for (i, t) in e.topics.iter().enumerate().skip(first).take(rows) {
        let y = area.y + 2 + u16::try_from(i - first).unwrap_or(0);
        let here = i == selected;
        let text = format!(
            "{}{:>4}  {}",
            if here { "▶" } else { " " },
            t.votes,
            t.title
        );
        line(
            buf,
            area.x,
            y,
            left_w.saturating_sub(1),
            &text,
            if here { theme.selected } else { theme.heading },
        );
    }

    // the ranking, most dots first, bars scaled to the leader
    let x = area.x + left_w + 1;
    let w = area.width.saturating_sub(left_w + 1);
    if w < 12 {
        return;
    }
    put(buf, x, area.y + 1, "Ranking", w, theme.heading);
    let mut ranked: Vec<_> = e.topics.iter().collect();
    ranked.sort_by(|a, b| b.votes.cmp(&a.votes).then(a.id.cmp(&b.id)));
    let max = ranked.first().map_or(0, |t| t.votes).max(1);
    let label_w = (w / 2).min(36);
    let bar_room = w.saturating_sub(label_w + 6);
    for (rank, t) in ranked.iter().take(rows).enumerate() {
        let y = area.y + 2 + u16::try_from(rank).unwrap_or(0);
        let label = format!(
            "{:>2}. {}",
            rank + 1,
            truncate(&t.title, usize::from(label_w.saturating_sub(4)))
        );
        put(buf, x, y, &label, label_w, theme.base);
        let len = u64::from(t.votes) * u64::from(bar_room) / u64::from(max);
        let bar = "█".repeat(usize::try_from(len).unwrap_or(0));
        put(
            buf,
            x + label_w,
            y,
            &format!("{bar} {}", t.votes),
            w.saturating_sub(label_w),
            theme.heading,
        );
    }
}
