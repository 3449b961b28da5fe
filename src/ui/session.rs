//! A session shown large enough to read from the back of the room: title,
//! conveners, place and time, votes, participants, notes, action points.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::overlays::{boxed, centred};
use super::theme::Theme;
use crate::app::board::Board;
use crate::app::layers::reports::owes_report;
use crate::app::layers::session::SessionView;
use crate::text::wrap;

/// The session's window, within the room left between the top line and
/// the input line or footer, which stay readable under it.
pub fn render(f: &mut Frame, board: &Board, view: &SessionView, within: Rect, theme: &Theme) {
    let Some(t) = board.topic(view.topic) else {
        return;
    };
    let full = f.area();
    let area = centred(
        within,
        full.width.saturating_sub(6).min(120),
        full.height.saturating_sub(4),
    );
    let inner = boxed(f, area, "Session", theme);
    let w = usize::from(inner.width);
    let mut lines: Vec<(String, Style)> = Vec::new();
    for l in wrap(&t.title, w, 3) {
        lines.push((l, theme.heading));
    }
    let place = board.place_label(t);
    let mut facts = vec![
        t.kind.label().to_string(),
        place,
        format!("▲{} votes", t.votes),
    ];
    if !t.conveners.is_empty() {
        facts.insert(0, format!("by {}", t.conveners_label()));
    }
    facts.push(match t.participants {
        Some(n) => format!("{n} people"),
        None => "people: c counts".into(),
    });
    if t.pinned {
        facts.push("⚑ pinned".into());
    }
    for l in wrap(&facts.join(" · "), w, 3) {
        lines.push((l, theme.base));
    }
    for echo in crate::history::recurring::echoes(&t.title, &board.earlier, &board.file_stem())
        .iter()
        .take(2)
    {
        lines.push((format!("↺ {}", echo.line()), theme.dim));
    }
    if !t.merged_from.is_empty() {
        let merged: Vec<&str> = t.merged_from.iter().map(|m| m.title.as_str()).collect();
        lines.push((format!("merged from: {}", merged.join("; ")), theme.dim));
    }
    lines.push((String::new(), theme.base));
    if !t.description.trim().is_empty() {
        lines.push(("About".into(), theme.heading));
        for para in t.description.lines() {
            lines.extend(wrap(para, w, 10).into_iter().map(|l| (l, theme.base)));
        }
        lines.push((String::new(), theme.base));
    }

    // the notes: text, or the editor in place
    let owes = owes_report(&board.edition, t, board.now);
    let heading = if owes {
        "Notes — ✎ this session still owes its report"
    } else {
        "Notes"
    };
    lines.push((
        heading.into(),
        if owes { theme.warn } else { theme.heading },
    ));
    let mut editor_at = None;
    if view.notes.is_some() {
        editor_at = Some(lines.len());
        let rows = inner
            .height
            .saturating_sub(u16::try_from(lines.len()).unwrap_or(0))
            .clamp(3, 12);
        for _ in 0..rows {
            lines.push((String::new(), theme.input));
        }
    } else if t.notes.trim().is_empty() {
        lines.push((
            "none yet: n writes them here, N in $EDITOR".into(),
            theme.dim,
        ));
    } else {
        for para in t.notes.lines() {
            if para.trim().is_empty() {
                lines.push((String::new(), theme.base));
            }
            lines.extend(wrap(para, w, 20).into_iter().map(|l| (l, theme.base)));
        }
    }
    lines.push((String::new(), theme.base));

    let (done, total) = t.action_progress();
    lines.push((
        format!("Action points ✓{done}/{total} — o adds, x done, X dropped"),
        theme.heading,
    ));
    if t.actions.is_empty() {
        lines.push((
            format!(
                "none yet: o adds them ({})",
                crate::app::grammar::ACTION_LINE
            ),
            theme.dim,
        ));
    }
    let today = board.now.date();
    let mut selected_line = None;
    for (i, a) in t.actions.iter().enumerate() {
        let here = view.action == Some(i);
        let text = format!(
            "{} {} {}",
            if here { "▶" } else { " " },
            a.status.glyph(),
            a.line(true, Some(today))
        );
        if here {
            selected_line = Some(lines.len());
        }
        let style = if here { theme.selected } else { theme.base };
        lines.extend(wrap(&text, w, 3).into_iter().map(|l| (l, style)));
    }

    // scroll so that the editor or the selected point is in view
    let focus = editor_at.or(selected_line).unwrap_or(0);
    let skip = super::draw::scrolled(f.buffer_mut(), inner, &lines, focus, 3);
    if let (Some(at), Some(area)) = (editor_at, view.notes.as_ref()) {
        let y = inner.y + u16::try_from(at.saturating_sub(skip)).unwrap_or(0);
        let rows = inner.bottom().saturating_sub(y).clamp(1, 12);
        let rect = Rect::new(inner.x, y, inner.width, rows);
        let mut area = area.clone();
        area.set_style(theme.input);
        area.set_cursor_line_style(theme.input);
        f.render_widget(&area, rect);
    }
}
