//! Views of earlier editions: the opening-circle review, the
//! retrospectives, the comparison, search results, the next-edition form.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::draw::{fill, line, put};
use super::theme::Theme;
use crate::app::board::Board;
use crate::app::layers::search::SearchView;
use crate::app::picker::{NewField, NewForm};
use crate::model::Status;
use crate::text::wrap;

/// Lines in an area, scrolled so that the focused one is in view.
fn scrolled(buf: &mut Buffer, area: Rect, lines: &[(String, Style)], focus: usize) {
    super::draw::scrolled(buf, area, lines, focus, 2);
}

/// The opening circle one point at a time, as large as it fits: "3 of 23",
/// the point, its owner and what became of it; x or X answers and moves on.
pub fn review_one(board: &Board, selected: usize, area: Rect, theme: &Theme, buf: &mut Buffer) {
    use super::fit::{Block, Role, Scale, fit};
    fill(buf, area, theme.base);
    let items = board.review_items();
    let Some(item) = items.get(selected) else {
        return;
    };
    let asked: Vec<_> = items.iter().filter(|i| i.carried.is_some()).collect();
    let place = if item.carried.is_some() {
        let n = asked.len();
        let at = items[..=selected]
            .iter()
            .filter(|i| i.carried.is_some())
            .count();
        format!("{at} of {n}")
    } else {
        "closed at the time, for the record".to_string()
    };
    let heading = format!(" Opening circle · {place} · from “{}”", item.session);
    let mut answer = Vec::new();
    if let Some(o) = &item.owner {
        answer.push(o.clone());
    }
    answer.push(match (item.status, item.carried.is_some()) {
        (Status::Open, true) => "open?".to_string(),
        (s, _) => format!("{} {}", s.glyph(), s.label()),
    });
    let blocks = [
        Block::heading(heading),
        Block::new(Role::Now, vec![item.text.clone()], Scale::Full, 1),
        Block::new(Role::Next, vec![answer.join(" · ")], Scale::Half, 2).below(1),
        Block::text(
            Role::Later,
            "x done · X dropped (and on to the next) · ↑↓ another · f the list".into(),
        ),
    ];
    let inner = Rect::new(
        area.x + 1,
        area.y + 1,
        area.width.saturating_sub(2),
        area.height.saturating_sub(1),
    );
    let plan = fit(&blocks, inner, board.stack.fine_letters);
    super::present::draw_plan(buf, &plan, |role| match role {
        Role::Heading => theme.heading,
        Role::Later => theme.dim,
        _ if item.status == Status::Done => theme.ok,
        _ => theme.heading,
    });
}

/// The opening circle: the earlier edition's action points, large, with
/// what became of them.
pub fn review(board: &Board, selected: usize, area: Rect, theme: &Theme, buf: &mut Buffer) {
    fill(buf, area, theme.base);
    let items = board.review_items();
    let from = board
        .previous()
        .map(|k| k.edition.name.clone())
        .unwrap_or_else(|| "the earlier edition".into());
    let done = items.iter().filter(|i| i.status == Status::Done).count();
    let title = format!(
        " What became of {from}'s action points · ✓ {done} of {} done",
        items.len()
    );
    line(buf, area.x, area.y, area.width, &title, theme.heading);
    let w = usize::from(area.width.saturating_sub(6));
    let mut lines = Vec::new();
    let mut focus = 0;
    let mut session = None;
    let mut closed_heading = false;
    for (i, item) in items.iter().enumerate() {
        // the points closed at the time come last, apart: for the record
        if item.carried.is_none() && !closed_heading {
            closed_heading = true;
            let n = items.iter().filter(|i| i.carried.is_none()).count();
            lines.push((String::new(), theme.base));
            lines.push((
                format!(" Closed when {from} ended ({n}), for the record"),
                theme.dim,
            ));
            session = None;
        }
        if session.as_ref() != Some(&item.session) {
            lines.push((String::new(), theme.base));
            lines.push((format!(" {}", item.session), theme.heading));
            session = Some(item.session.clone());
        }
        let here = i == selected;
        if here {
            focus = lines.len();
        }
        let mut text = format!(
            "{} {} {}",
            if here { "▶" } else { " " },
            item.status.glyph(),
            item.text
        );
        if let Some(o) = &item.owner {
            text.push_str(&format!(" — {o}"));
        }
        text.push_str(&format!(" · {}", item.status.label()));
        let style = if here { theme.selected } else { theme.base };
        for (j, l) in wrap(&text, w, 3).into_iter().enumerate() {
            lines.push((
                format!("{}{l}", if j == 0 { "  " } else { "      " }),
                style,
            ));
        }
    }
    if let Some(prev) = board.previous() {
        let r = &prev.edition.retrospective;
        if !r.worked.is_empty() || !r.better.is_empty() {
            lines.push((String::new(), theme.base));
            lines.push((
                format!(" What participants said after {}", prev.edition.name),
                theme.heading,
            ));
            lines.extend(r.worked.iter().map(|l| (format!("   + {l}"), theme.base)));
            lines.extend(r.better.iter().map(|l| (format!("   → {l}"), theme.base)));
        }
    }
    scrolled(
        buf,
        Rect {
            y: area.y + 1,
            height: area.height.saturating_sub(1),
            ..area
        },
        &lines,
        focus,
    );
}

/// The retrospectives: the earlier edition's, to prepare this one; this
/// edition's, captured at its end.
pub fn retro(board: &Board, selected: usize, area: Rect, theme: &Theme, buf: &mut Buffer) {
    fill(buf, area, theme.base);
    let half = area.width / 2;
    let left = Rect {
        width: half.saturating_sub(1),
        ..area
    };
    let right = Rect {
        x: area.x + half,
        width: area.width - half,
        ..area
    };
    let mut old: Vec<(String, Style)> = Vec::new();
    match board.previous() {
        Some(prev) => {
            old.push((format!(" Last time: {}", prev.edition.name), theme.heading));
            old.push((String::new(), theme.base));
            let r = &prev.edition.retrospective;
            let w = usize::from(left.width.saturating_sub(3));
            for (heading, glyph, items) in [
                (" What worked", "+", &r.worked),
                (" What to do better", "→", &r.better),
            ] {
                old.push((heading.into(), theme.heading));
                for l in items {
                    let wrapped = wrap(&format!("{glyph} {l}"), w, 3);
                    old.extend(wrapped.into_iter().map(|l| (format!("   {l}"), theme.base)));
                }
                old.push((String::new(), theme.base));
            }
        }
        None => old.push((" No earlier edition in the folder".into(), theme.dim)),
    }
    scrolled(buf, left, &old, 0);
    let r = &board.edition.retrospective;
    let mut new: Vec<(String, Style)> = vec![
        (format!(" This time: {}", board.edition.name), theme.heading),
        (String::new(), theme.base),
        (" What worked (w adds)".into(), theme.heading),
    ];
    let mark = |i: usize| if i == selected { "▶" } else { " " };
    let style = |i: usize| {
        if i == selected {
            theme.selected
        } else {
            theme.base
        }
    };
    let mut focus = 0;
    for (i, l) in r.worked.iter().enumerate() {
        if i == selected {
            focus = new.len();
        }
        new.push((format!(" {} + {l}", mark(i)), style(i)));
    }
    new.push((String::new(), theme.base));
    new.push((" What to do better (b adds)".into(), theme.heading));
    for (j, l) in r.better.iter().enumerate() {
        let i = r.worked.len() + j;
        if i == selected {
            focus = new.len();
        }
        new.push((format!(" {} → {l}", mark(i)), style(i)));
    }
    scrolled(buf, right, &new, focus);
}

/// This edition beside the earlier one, from the line `scroll`.
pub fn compare(board: &Board, scroll: usize, area: Rect, theme: &Theme, buf: &mut Buffer) {
    use crate::app::layers::compare::Line;
    fill(buf, area, theme.base);
    let lines = board.compare_lines();
    if lines.is_empty() {
        line(
            buf,
            area.x + 1,
            area.y + 1,
            area.width,
            "No earlier edition to compare with",
            theme.dim,
        );
        return;
    }
    let col = usize::from(area.width.saturating_sub(24) / 2);
    let first = scroll.min(lines.len().saturating_sub(usize::from(area.height)));
    for (i, l) in lines
        .iter()
        .skip(first)
        .take(usize::from(area.height))
        .enumerate()
    {
        let (text, style) = match l {
            Line::Row(what, a, b) => {
                let row = format!(
                    " {:<20} {} {}",
                    what,
                    crate::text::fit(a, col),
                    crate::text::truncate(b, col)
                );
                // the first row names the two editions
                (
                    row,
                    if i + first == 0 {
                        theme.heading
                    } else {
                        theme.base
                    },
                )
            }
            Line::Heading(t) => (t.clone(), theme.heading),
            Line::Item(t) => (t.clone(), theme.base),
        };
        line(buf, area.x, area.y + i as u16, area.width, &text, style);
    }
}

/// Search results, best first, each naming its edition.
pub fn search(view: &SearchView, area: Rect, theme: &Theme, buf: &mut Buffer) {
    fill(buf, area, theme.base);
    let (query, selected) = (&view.query, &view.selected);
    let hits = &view.hits;
    let title = format!(" Search “{query}” in every edition · {} found", hits.len());
    line(buf, area.x, area.y, area.width, &title, theme.heading);
    if hits.is_empty() {
        put(
            buf,
            area.x + 2,
            area.y + 2,
            "Nothing found: / searches again",
            area.width,
            theme.dim,
        );
        return;
    }
    // two lines a result, made only for the results on screen
    let line_at = |n: usize| {
        let h = hits.get(n / 2)?;
        let here = n / 2 == *selected;
        Some(if n.is_multiple_of(2) {
            let lead = if here { "▶" } else { " " };
            let style = if here { theme.selected } else { theme.base };
            (format!("{lead} {} · {}", h.edition, h.title).into(), style)
        } else {
            let style = if here { theme.selected } else { theme.dim };
            (
                format!("     {}: {}", h.field.label(), h.snippet).into(),
                style,
            )
        })
    };
    let list = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    super::draw::scrolled_with(buf, list, hits.len() * 2, selected * 2 + 1, 2, line_at);
}

/// The small form that starts the next edition from this one.
pub fn next_form(f: &mut Frame, board: &Board, form: &NewForm, theme: &Theme) {
    let open = board
        .edition
        .actions()
        .filter(|(_, a)| a.status == Status::Open)
        .count();
    let note = format!(
        "Copies the spaces, the slots (moved to the new dates), the theme and the facilitators; carries the {open} open action points over, each linked to where it came from. The same as openspace new --from."
    );
    let title = format!("The next edition, from {}", board.edition.name);
    let fields = [NewField::Name, NewField::Date, NewField::Days];
    super::picker::edition_form(
        f,
        form,
        &title,
        &fields,
        "",
        &note,
        "Enter creates and opens it",
        theme,
    );
}
