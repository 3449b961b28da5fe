//! Dot voting: one ranked list, most dots first, each title in full
//! (wrapped), a bar scaled to the leader beside its count.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::draw::{fill, line};
use super::theme::Theme;
use crate::app::board::Board;
use crate::app::layers::tally::ranked;
use crate::text::wrap;

pub fn render(board: &Board, selected: usize, area: Rect, theme: &Theme, buf: &mut Buffer) {
    fill(buf, area, theme.base);
    let e = &board.edition;
    let dots = e.dots.unwrap_or(3);
    let total: u64 = e.topics.iter().map(|t| u64::from(t.votes)).sum();
    let title =
        format!(" Dot voting · each person has {dots} dots ([ ] change) · {total} dots counted");
    line(buf, area.x, area.y, area.width, &title, theme.heading);
    let ranked = ranked(e);
    let max = ranked.first().map_or(0, |t| t.votes).max(1);
    // the title column takes what the bars leave, the bars a third at most
    let bar_w = (area.width / 3).clamp(6, 60);
    let title_w = usize::from(area.width.saturating_sub(bar_w + 12)).max(10);
    let mut lines: Vec<(String, Style)> = Vec::new();
    let mut focus = 0;
    for (rank, t) in ranked.iter().enumerate() {
        let here = rank == selected;
        if here {
            focus = lines.len();
        }
        let style = if here { theme.selected } else { theme.heading };
        let len = u64::from(t.votes) * u64::from(bar_w) / u64::from(max);
        let bar = "█".repeat(usize::try_from(len).unwrap_or(0));
        let count = format!("{:>4}", t.votes);
        // the selected one in full; the others in up to two lines
        let keep = if here { 6 } else { 2 };
        for (i, l) in wrap(&t.title, title_w, keep).into_iter().enumerate() {
            let text = if i == 0 {
                let lead = if here { "▶" } else { " " };
                let pad = title_w.saturating_sub(crate::text::width(&l));
                format!(
                    "{lead}{:>3}. {l}{} {count} {bar}",
                    rank + 1,
                    " ".repeat(pad)
                )
            } else {
                format!("      {l}")
            };
            lines.push((text, style));
        }
    }
    let list = Rect::new(
        area.x,
        area.y + 2,
        area.width,
        area.height.saturating_sub(2),
    );
    super::draw::scrolled(buf, list, &lines, focus, 1);
}
