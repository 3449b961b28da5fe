//! Present mode and the break screen: what the room reads from the back.
//! The operator's chrome is gone; NOW and NEXT are large, the rest compact.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use tui_big_text::{BigText, PixelSize};

use super::draw::{fill, line};
use super::theme::Theme;
use crate::app::board::Board;
use crate::app::day::{Remaining, Urgency};
use crate::model::{Slot, SlotKind, hhmm};
use crate::text::truncate;

/// The size of big digits that fits an area.
fn pixel_size(area: Rect) -> PixelSize {
    if area.height >= 45 && area.width >= 160 {
        PixelSize::Full
    } else if area.width >= 90 {
        PixelSize::HalfHeight
    } else {
        PixelSize::Quadrant
    }
}

/// Rows and columns one big character takes.
fn glyph_size(size: PixelSize) -> (u16, u16) {
    match size {
        PixelSize::Full => (8, 8),
        PixelSize::HalfHeight => (4, 8),
        _ => (4, 4),
    }
}

fn big(f: &mut Frame, area: Rect, text: &str, style: Style, size: PixelSize) {
    let widget = BigText::builder()
        .pixel_size(size)
        .style(style)
        .lines(vec![Line::from(text.to_string())])
        .centered()
        .build();
    f.render_widget(widget, area);
}

fn urgency_style(theme: &Theme, c: &Remaining) -> Style {
    match c.urgency {
        Urgency::Normal => theme.heading,
        Urgency::FiveMinutes => theme.amber,
        Urgency::LastMinute | Urgency::Overtime => theme.red,
    }
}

/// "Main Hall   Team performance metrics — Marta, Robert" for each session of a slot.
fn sessions(board: &Board, slot: &Slot) -> Vec<String> {
    let e = &board.edition;
    match &slot.kind {
        SlotKind::Plenary(label) => vec![format!("◆ {label} — everyone")],
        SlotKind::Break(label) => vec![format!("○ {label}")],
        SlotKind::Session => {
            let name_w = e
                .spaces
                .iter()
                .map(|s| crate::text::width(&s.name))
                .max()
                .unwrap_or(0)
                .min(20);
            let lines: Vec<String> = e
                .spaces
                .iter()
                .filter_map(|space| {
                    let t = e.topic_at(&slot.id, &space.id)?;
                    let who = if t.conveners.is_empty() {
                        String::new()
                    } else {
                        format!(" — {}", t.conveners_label())
                    };
                    // one session over several slots: its own end, once
                    let until = match e.session_times(t) {
                        Some((_, end)) if t.slots() > 1 => {
                            let end = hhmm::format_hhmm(end.time());
                            if t.placement.is_at(&slot.id, &space.id) {
                                format!(" (until {end})")
                            } else {
                                format!(" (continues until {end})")
                            }
                        }
                        _ => String::new(),
                    };
                    Some(format!(
                        "{}  {}{until}{who}",
                        crate::text::fit(&space.name, name_w),
                        t.title
                    ))
                })
                .collect();
            if lines.is_empty() {
                vec!["(no sessions placed yet)".into()]
            } else {
                lines
            }
        }
    }
}

/// "Main Hall   Title — Marta" as one short line for big letters: the
/// space and the title only.
fn compact(line: &str) -> String {
    let line = line.rsplit_once(" — ").map_or(line, |(head, _)| head);
    match line.split_once("  ") {
        Some((space, rest)) => format!("{} · {}", space.trim(), rest.trim()),
        None => line.to_string(),
    }
}

pub fn render(f: &mut Frame, board: &Board, area: Rect, theme: &Theme) {
    fill(f.buffer_mut(), area, theme.base);
    let w = area.width;
    let now_text = hhmm::format_hhmm(board.now.time());
    line(
        f.buffer_mut(),
        0,
        0,
        w,
        &format!(" {}", board.edition.name),
        theme.heading,
    );
    super::draw::put_right(
        f.buffer_mut(),
        w,
        0,
        &format!(" {} ", now_text),
        theme.heading,
    );
    if board.read_only.is_none() && board.save.error.is_some() {
        let e = board.save.error.clone().unwrap_or_default();
        line(
            f.buffer_mut(),
            0,
            1,
            w,
            &format!(" ⚠ NOT SAVED: {e} — retrying"),
            theme.error,
        );
    }
    let bottom = area.bottom();
    let mut y = 2u16;

    // NOW, with the big countdown at the right
    let size = pixel_size(f.area());
    let (gh, gw) = glyph_size(size);
    let clock = board.remaining();
    match board.now_slot() {
        Some(slot) => {
            let header = format!(" ■ NOW  {}", slot.times());
            line(f.buffer_mut(), 0, y, w, &header, theme.now);
            y += 1;
            let big_w = gw * 7;
            let list_w = w.saturating_sub(big_w + 2);
            let mut block_h = gh + 1;
            if let Some(c) = &clock {
                let style = urgency_style(theme, c);
                let sign = c.urgency.sign();
                let label = match (sign.is_empty(), c.seconds < 0) {
                    (true, false) => "left".to_string(),
                    (true, true) => "over".to_string(),
                    (false, _) => sign.to_string(),
                };
                let x = w.saturating_sub(big_w);
                line(
                    f.buffer_mut(),
                    x,
                    y,
                    big_w,
                    &format!("{label:^width$}", width = usize::from(big_w)),
                    style,
                );
                big(
                    f,
                    Rect::new(x, y + 1, big_w, gh.min(bottom.saturating_sub(y + 1))),
                    &c.text,
                    style,
                    size,
                );
            } else {
                block_h = 1;
            }
            let list = sessions(board, slot);
            // on a projector with room to spare, the sessions going on are big too
            let rows_big = u16::try_from(list.len() * 5).unwrap_or(u16::MAX);
            let big_titles = w >= 160 && rows_big + y + 12 <= bottom;
            let list_h = if big_titles {
                let chars = usize::from(list_w / 4);
                for (i, l) in list.iter().enumerate() {
                    let yy = y + u16::try_from(i * 5).unwrap_or(u16::MAX);
                    let text = truncate(&compact(l), chars);
                    let rect = Rect::new(1, yy, list_w, 4);
                    let widget = BigText::builder()
                        .pixel_size(PixelSize::Quadrant)
                        .style(theme.heading)
                        .lines(vec![Line::from(text)])
                        .build();
                    f.render_widget(widget, rect);
                }
                rows_big
            } else {
                for (i, l) in list.iter().enumerate() {
                    let yy = y + u16::try_from(i).unwrap_or(u16::MAX);
                    if yy >= bottom {
                        break;
                    }
                    line(
                        f.buffer_mut(),
                        1,
                        yy,
                        list_w,
                        &truncate(l, usize::from(list_w)),
                        theme.heading,
                    );
                }
                u16::try_from(list.len()).unwrap_or(0)
            };
            y += block_h.max(list_h) + 1;
        }
        None => {
            line(
                f.buffer_mut(),
                0,
                y,
                w,
                " ■ NOW  nothing scheduled",
                theme.now,
            );
            y += 2;
        }
    }

    // NEXT, compact
    if let Some(next) = board.next_slot()
        && y + 1 < bottom
    {
        let when = if next.day == board.now.date() {
            next.times()
        } else {
            format!("{} {}", next.day.strftime("%A"), next.times())
        };
        line(
            f.buffer_mut(),
            0,
            y,
            w,
            &format!(" □ NEXT  {when}"),
            theme.plenary,
        );
        y += 1;
        for l in sessions(board, next) {
            if y >= bottom {
                break;
            }
            line(f.buffer_mut(), 1, y, w.saturating_sub(2), &l, theme.base);
            y += 1;
        }
        y += 1;
    }

    // the rest of the day, one line
    if y < bottom {
        let later: Vec<String> = board
            .edition
            .slots_of_day(board.now.date())
            .into_iter()
            .filter(|s| s.day.to_datetime(s.start) > board.now)
            .skip(1)
            .map(|s| {
                let what = s
                    .kind
                    .label()
                    .map(str::to_string)
                    .unwrap_or_else(|| "sessions".into());
                format!("{} {what}", hhmm::format_hhmm(s.start))
            })
            .collect();
        if !later.is_empty() {
            line(
                f.buffer_mut(),
                0,
                y,
                w,
                &format!(" LATER  {}", later.join(" · ")),
                theme.dim,
            );
        }
    }
    message(f, board, area, theme);
}

/// The break screen: a big clock, what comes next, the announcements.
pub fn render_break(f: &mut Frame, board: &Board, area: Rect, theme: &Theme) {
    fill(f.buffer_mut(), area, theme.base);
    let w = area.width;
    line(
        f.buffer_mut(),
        0,
        0,
        w,
        &format!(" {} · break", board.edition.name),
        theme.heading,
    );
    let size = pixel_size(f.area());
    let (gh, _) = glyph_size(size);
    let mut y = 2u16;
    big(
        f,
        Rect::new(0, y, w, gh),
        &hhmm::format_hhmm(board.now.time()),
        theme.heading,
        size,
    );
    y += gh + 1;
    if let Some(c) = board.remaining() {
        let style = urgency_style(theme, &c);
        let sign = c.urgency.sign();
        let text = if c.seconds < 0 {
            format!("{sign} back since {}", c.text.trim_start_matches('+'))
        } else {
            format!("{sign} back in {}", c.text).trim().to_string()
        };
        line(
            f.buffer_mut(),
            0,
            y,
            w,
            &format!("{text:^width$}", width = usize::from(w)),
            style,
        );
        y += 2;
    }
    if let Some(next) = board.next_slot() {
        line(
            f.buffer_mut(),
            0,
            y,
            w,
            &format!(" Next  {}", next.times()),
            theme.plenary,
        );
        y += 1;
        for l in sessions(board, next) {
            if y + 1 >= area.height {
                break;
            }
            line(f.buffer_mut(), 2, y, w.saturating_sub(4), &l, theme.base);
            y += 1;
        }
        y += 1;
    }
    for a in &board.edition.announcements {
        if y >= area.height.saturating_sub(2) {
            break;
        }
        line(f.buffer_mut(), 0, y, w, &format!(" ▶ {a}"), theme.heading);
        y += 2;
    }
    if board.edition.announcements.is_empty() && y < area.height.saturating_sub(2) {
        line(
            f.buffer_mut(),
            1,
            y,
            w,
            "e writes up to three announcements",
            theme.dim,
        );
    }
    message(f, board, area, theme);
}

/// The last message, on the bottom line, when no input line is open there.
fn message(f: &mut Frame, board: &Board, area: Rect, theme: &Theme) {
    if board.stack.input_open() || area.height < 3 {
        return;
    }
    if let Some(t) = &board.stack.toast {
        line(
            f.buffer_mut(),
            1,
            area.bottom() - 1,
            area.width.saturating_sub(1),
            &t.line(),
            theme.dim,
        );
    }
}
