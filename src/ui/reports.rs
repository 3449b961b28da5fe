//! The sessions whose slot has ended and which still owe their report.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::draw::{fill, line};
use super::theme::Theme;
use crate::app::board::Board;
use crate::app::layers::reports::reports_owed;
use crate::model::Placement;

pub fn render(board: &Board, selected: usize, area: Rect, theme: &Theme, buf: &mut Buffer) {
    fill(buf, area, theme.base);
    let owed = reports_owed(&board.edition, board.now);
    let title = format!(
        " ✎ Reports owed · {} sessions have ended without notes",
        owed.len()
    );
    line(buf, area.x, area.y, area.width, &title, theme.heading);
    if owed.is_empty() {
        line(
            buf,
            area.x + 2,
            area.y + 2,
            area.width.saturating_sub(2),
            "Every session that has ended has its notes.",
            theme.dim,
        );
        return;
    }
    let rows = usize::from(area.height.saturating_sub(2));
    let first = crate::geometry::scroll(selected, owed.len(), rows, 0);
    for (i, t) in owed.iter().enumerate().skip(first).take(rows) {
        let y = area.y + 2 + u16::try_from(i - first).unwrap_or(0);
        let here = i == selected;
        let place = match &t.placement {
            Placement::At { .. } => board.place_label(t),
            Placement::Parked => String::new(),
        };
        let who = if t.conveners.is_empty() {
            String::new()
        } else {
            format!(" — {}", t.conveners_label())
        };
        let text = format!(
            "{} ✎ {place} · {}{who}",
            if here { "▶" } else { " " },
            t.title
        );
        line(
            buf,
            area.x,
            y,
            area.width,
            &text,
            if here { theme.selected } else { theme.base },
        );
    }
}

/// The warnings, each with its sign, its rule and its explanation.
pub fn warnings(board: &Board, selected: usize, area: Rect, theme: &Theme, buf: &mut Buffer) {
    use crate::model::warnings::Severity;
    fill(buf, area, theme.base);
    let title = format!(
        " ⚠ Warnings · {} · Enter goes to the card; nothing is blocked by them",
        board.warnings.len()
    );
    line(buf, area.x, area.y, area.width, &title, theme.heading);
    let w = usize::from(area.width.saturating_sub(4));
    let mut lines: Vec<(String, ratatui::style::Style)> = Vec::new();
    let mut focus = 0;
    for (i, warning) in board.warnings.iter().enumerate() {
        let here = i == selected;
        if here {
            focus = lines.len();
        }
        let sign = match warning.severity {
            Severity::Warning => "⚠",
            Severity::Notice => "≈",
        };
        let text = format!(
            "{sign} {}: {}",
            warning.rule.word(),
            warning.message(&board.edition)
        );
        let style = if here { theme.selected } else { theme.base };
        let mark = if here { "▶" } else { " " };
        for (j, l) in crate::text::wrap(&text, w, 3).into_iter().enumerate() {
            let lead = if j == 0 {
                format!(" {mark} ")
            } else {
                "     ".into()
            };
            lines.push((format!("{lead}{l}"), style));
        }
    }
    let below = Rect {
        y: area.y + 2,
        height: area.height.saturating_sub(2),
        ..area
    };
    super::draw::scrolled(buf, below, &lines, focus, 2);
}
