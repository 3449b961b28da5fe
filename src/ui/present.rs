//! Present mode and the break screen: what the room reads from the back.
//! The operator's chrome is gone; NOW and NEXT are large, the rest compact.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use tui_big_text::BigText;

use super::draw::{fill, line};
use super::fit::{Block, Plan, Role, Scale, fit};
use super::theme::Theme;
use crate::app::board::Board;
use crate::app::day::{Remaining, Urgency};
use crate::model::{Slot, SlotKind, hhmm};

fn urgency_style(theme: &Theme, c: &Remaining) -> Style {
    match c.urgency {
        Urgency::Normal => theme.heading,
        Urgency::FiveMinutes => theme.amber,
        Urgency::LastMinute | Urgency::Overtime => theme.red,
    }
}

/// The sessions of a slot as a block to fit: "Main Hall · Team performance
/// metrics" for each, its conveners under it; a plenary or break is its label.
fn sessions(board: &Board, slot: &Slot, role: Role, largest: Scale, priority: u8) -> Block {
    let e = &board.edition;
    let (paragraphs, subtitles): (Vec<String>, Vec<Option<String>>) = match &slot.kind {
        SlotKind::Plenary(label) => (vec![format!("{label} — everyone")], vec![None]),
        SlotKind::Break(label) => (vec![label.clone()], vec![None]),
        SlotKind::Session => {
            // the board's index has every cell: a tick costs what is shown,
            // not a scan of every topic for every space
            let row = board
                .index
                .rows
                .iter()
                .position(|&i| e.slots.get(i).is_some_and(|s| s.id == slot.id));
            let at = |col: usize| -> Option<&crate::model::Topic> {
                match row {
                    Some(r) => board
                        .index
                        .at(r, col)
                        .and_then(|i| e.topics.get(i))
                        .map(|t| &**t),
                    // a slot the board hides while the marketplace fills
                    None => e.topic_at(&slot.id, &e.spaces.get(col)?.id),
                }
            };
            let mut items: Vec<(String, Option<String>)> = e
                .spaces
                .iter()
                .enumerate()
                .filter_map(|(col, space)| {
                    let t = at(col)?;
                    let who = (!t.conveners.is_empty() && !board.stack.hide_conveners)
                        .then(|| format!("— {}", t.conveners_label()));
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
                    Some((format!("{} · {}{until}", space.name, t.title), who))
                })
                .collect();
            if items.is_empty() {
                items.push(("(no sessions placed yet)".into(), None));
            }
            items.into_iter().unzip()
        }
    };
    Block::new(role, paragraphs, largest, priority).subtitles(subtitles)
}

/// "11:15–11:30", with the day's name when it is not today.
fn when(board: &Board, slot: &Slot) -> String {
    if slot.day == board.now.date() {
        slot.times()
    } else {
        format!("{} {}", slot.day.strftime("%A"), slot.times())
    }
}

/// What the room sees below the top line: NOW with its countdown, NEXT, the
/// rest of the day; the sessions going on at the largest scale at which all
/// of them fit, NEXT smaller, and the countdown as large as the room left
/// beside the NOW heading allows.
pub fn present_plan(board: &Board, area: Rect) -> Plan {
    let clock = board.remaining();
    let Some(slot) = board.now_slot() else {
        let mut blocks = vec![Block::text(
            Role::Heading,
            "■ NOW  nothing scheduled".into(),
        )];
        blocks.extend(after_now(board, None));
        return fit(&blocks, area, board.stack.fine_letters);
    };
    let mut heading = format!("■ NOW  {}", slot.times());
    if let Some(c) = &clock {
        heading.push_str(&format!(" · {}", countdown_words(c)));
    }
    let mut rest = vec![sessions(board, slot, Role::Now, Scale::Full, 1)];
    rest.extend(after_now(board, Some(0)));
    // the band at the top: the heading at the left, the countdown at the
    // right; from five minutes left an empty line under it holds its frame
    let framed = clock.as_ref().is_some_and(|c| c.urgency != Urgency::Normal);
    let below = |band: u16| {
        let band = (band + u16::from(framed)).max(2);
        Rect::new(
            area.x,
            area.y + band,
            area.width,
            area.height.saturating_sub(band),
        )
    };
    let plain = fit(&rest, below(1), board.stack.fine_letters);
    let heading_w = u16::try_from(crate::text::width(&heading)).unwrap_or(u16::MAX);
    let band = clock.as_ref().and_then(|c| {
        let digits = u16::try_from(c.text.chars().count()).unwrap_or(u16::MAX);
        Scale::ALL
            .into_iter()
            .filter(|s| s.is_big() && (s.universal() || board.stack.fine_letters))
            .find_map(|scale| {
                let (cols, rows) = scale.cell();
                let w = digits.saturating_mul(cols);
                // beside the heading, and leaving NOW as large as it was
                if w + heading_w + 2 > area.width || rows > area.height {
                    return None;
                }
                let plan = fit(&rest, below(rows), board.stack.fine_letters);
                (!plan.cut && plan.scale_of(Role::Now) == plain.scale_of(Role::Now))
                    .then_some((scale, w, plan))
            })
    });
    let mut lines = vec![super::fit::Drawn {
        role: Role::Heading,
        scale: Scale::Text,
        area: Rect::new(area.x, area.y, heading_w.min(area.width), 1),
        text: heading,
        paragraph: 0,
    }];
    let (mut plan, countdown) = match (band, &clock) {
        (Some((scale, w, plan)), Some(c)) => {
            let rows = scale.cell().1;
            let at = Rect::new(area.right() - w, area.y, w, rows);
            (plan, Some((scale, at, c.text.clone())))
        }
        _ => (plain, None),
    };
    if let Some((scale, at, text)) = countdown {
        lines.push(super::fit::Drawn {
            role: Role::Countdown,
            scale,
            area: at,
            text,
            paragraph: 0,
        });
    }
    lines.append(&mut plan.lines);
    Plan {
        lines,
        cut: plan.cut,
    }
}

/// NEXT and the rest of the day, below NOW (the block at `now`, when there
/// is one, which NEXT stays smaller than).
fn after_now(board: &Board, now: Option<usize>) -> Vec<Block> {
    let mut blocks = Vec::new();
    if let Some(next) = board.next_slot() {
        // the heading says what comes even when the list finds no room
        let what = match &next.kind {
            SlotKind::Session => {
                format!(" · {} sessions", board.edition.during(&next.id).count())
            }
            other => format!(" · {}", other.label().unwrap_or_default()),
        };
        blocks.push(Block::heading(format!(
            "□ NEXT  {}{what}",
            when(board, next)
        )));
        let mut b = sessions(board, next, Role::Next, Scale::Half, 2).optional();
        if let Some(i) = now {
            b = b.below(i);
        }
        blocks.push(b);
    }
    let later: Vec<String> = board
        .edition
        .slots_of_day(board.now.date())
        .into_iter()
        .filter(|s| s.starts() > board.now)
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
        let mut b = Block::text(Role::Later, format!("LATER  {}", later.join(" · ")));
        b.priority = 4;
        blocks.push(b.optional());
    }
    blocks
}

/// "34:52 left", "⚠ 5 MIN 04:12 left", "+ OVERTIME 01:05 over"
fn countdown_words(c: &Remaining) -> String {
    let sign = c.urgency.sign();
    let what = if c.seconds < 0 { "over" } else { "left" };
    let text = c.text.trim_start_matches('+');
    if sign.is_empty() {
        format!("{text} {what}")
    } else {
        format!("{sign} {text} {what}")
    }
}

/// The break screen below its top line: "back in" the biggest, then what
/// comes next, then the announcements.
pub fn break_plan(board: &Board, area: Rect) -> Plan {
    let mut blocks = Vec::new();
    let heading = match board.now_slot() {
        Some(s) => format!(
            "○ {} · {}",
            s.kind.label().filter(|l| !l.is_empty()).unwrap_or("Break"),
            s.times()
        ),
        None => "○ Break".to_string(),
    };
    blocks.push(Block::heading(heading));
    if let Some(c) = board.remaining() {
        let text = if c.seconds < 0 {
            format!("back since {}", c.text.trim_start_matches('+'))
        } else {
            format!("back in {}", c.text)
        };
        blocks.push(Block::new(Role::BackIn, vec![text], Scale::Full, 1).centred());
    }
    let back = blocks.iter().position(|b| b.role == Role::BackIn);
    if let Some(next) = board.next_slot() {
        blocks.push(Block::heading(format!("Next  {}", when(board, next))));
        let mut b = sessions(board, next, Role::Next, Scale::Half, 2);
        if let Some(i) = back {
            b = b.below(i);
        }
        blocks.push(b);
    }
    // the announcements are sized last, with the room what comes next
    // leaves, below "back in"
    let notes = &board.edition.announcements;
    if !notes.is_empty() {
        let mut b = Block::new(Role::Announcement, notes.clone(), Scale::Half, 3);
        if let Some(i) = back {
            b = b.below(i);
        }
        blocks.push(b);
    }
    fit(&blocks, area, board.stack.fine_letters)
}

/// One announcement, as large as it fits: for the room during a long break.
pub fn announcement_plan(text: &str, area: Rect, fine: bool) -> Plan {
    fit(
        &[Block::new(Role::Announcement, vec![text.to_string()], Scale::Full, 1).centred()],
        area,
        fine,
    )
}

/// The top line: the event's name and the clock.
fn top_line(f: &mut Frame, board: &Board, area: Rect, extra: &str, theme: &Theme) {
    line(
        f.buffer_mut(),
        area.x,
        area.y,
        area.width,
        &format!(" {}{extra}", board.edition.name),
        theme.heading,
    );
    super::draw::put_right(
        f.buffer_mut(),
        area.right(),
        area.y,
        &format!(" {} ", hhmm::format_hhmm(board.now.time())),
        theme.heading,
    );
}

/// From five minutes left the big digits get a frame, so that the change
/// shows without colour (in the last minute they are also inverted, by the
/// theme's red); the frame goes where it meets nothing else.
fn frame_urgent(
    f: &mut Frame,
    plan: &Plan,
    role: Role,
    clock: Option<&Remaining>,
    within: Rect,
    style: Style,
) {
    let urgent = clock.is_some_and(|c| c.urgency != Urgency::Normal);
    if !urgent {
        return;
    }
    for l in plan
        .lines
        .iter()
        .filter(|l| l.role == role && l.scale.is_big())
    {
        let Some(x) = l.area.x.checked_sub(1) else {
            continue;
        };
        let Some(y) = l.area.y.checked_sub(1) else {
            continue;
        };
        let around = Rect::new(x, y, l.area.width + 2, l.area.height + 2);
        let clear = within.contains(around.as_position())
            && around.right() <= within.right()
            && around.bottom() <= within.bottom()
            && plan
                .lines
                .iter()
                .all(|o| std::ptr::eq(o, l) || !o.area.intersects(around));
        if clear {
            let block = ratatui::widgets::Block::bordered()
                .border_type(ratatui::widgets::BorderType::Thick)
                .border_style(style);
            f.render_widget(block, around);
        }
    }
}

/// Draws a plan: normal text as lines, the rest in big letters.
pub(super) fn draw_plan(
    buf: &mut ratatui::buffer::Buffer,
    plan: &Plan,
    style: impl Fn(Role) -> Style,
) {
    use ratatui::widgets::Widget;
    for l in &plan.lines {
        let s = style(l.role);
        match l.scale.pixel_size() {
            None => line(buf, l.area.x, l.area.y, l.area.width, &l.text, s),
            Some(size) => BigText::builder()
                .pixel_size(size)
                .style(s)
                .lines(vec![Line::from(crate::text::for_big(&l.text))])
                .build()
                .render(l.area, buf),
        }
    }
}

/// Present mode's plan on a terminal of `size`, as `render` makes it.
pub fn present_screen(board: &Board, size: (u16, u16)) -> Plan {
    let (area, _) = crate::geometry::projected(size, board.stack.input_open());
    present_plan(board, body(area))
}

/// The break screen's plan on a terminal of `size`, as `render_break` makes it.
pub fn break_screen(board: &Board, size: (u16, u16)) -> Plan {
    let (area, _) = crate::geometry::projected(size, board.stack.input_open());
    break_plan(board, body(area))
}

/// The area below the top line and above the operator's line.
fn body(area: Rect) -> Rect {
    Rect::new(
        area.x + 1,
        area.y + 2,
        area.width.saturating_sub(2),
        area.height.saturating_sub(3),
    )
}

pub fn render(f: &mut Frame, board: &Board, area: Rect, theme: &Theme) {
    fill(f.buffer_mut(), area, theme.base);
    top_line(f, board, area, "", theme);
    let clock = board.remaining();
    let plan = present_plan(board, body(area));
    let urgent = clock
        .as_ref()
        .map_or(theme.heading, |c| urgency_style(theme, c));
    frame_urgent(f, &plan, Role::Countdown, clock.as_ref(), area, urgent);
    draw_plan(f.buffer_mut(), &plan, |role| match role {
        Role::Heading => theme.now,
        Role::Countdown => urgent,
        Role::Now => theme.heading,
        Role::Later => theme.dim,
        _ => theme.base,
    });
    message(f, board, area, theme);
}

/// The break screen: "back in" as large as it fits, what comes next, the
/// announcements.
pub fn render_break(f: &mut Frame, board: &Board, area: Rect, theme: &Theme) {
    fill(f.buffer_mut(), area, theme.base);
    top_line(f, board, area, " · break", theme);
    let clock = board.remaining();
    let shown = board
        .stack
        .spotlight
        .and_then(|i| board.edition.announcements.get(i));
    let plan = match shown {
        Some(text) => announcement_plan(text, body(area), board.stack.fine_letters),
        None => break_plan(board, body(area)),
    };
    let urgent = clock
        .as_ref()
        .map_or(theme.heading, |c| urgency_style(theme, c));
    frame_urgent(f, &plan, Role::BackIn, clock.as_ref(), area, urgent);
    draw_plan(f.buffer_mut(), &plan, |role| match role {
        Role::BackIn => urgent,
        Role::Heading => theme.plenary,
        Role::Announcement => theme.heading,
        _ => theme.base,
    });
    message(f, board, area, theme);
}

/// The operator's one discreet line at the bottom: a failing save, else the
/// last message. Never in the projector's own window; `i` hides it.
fn message(f: &mut Frame, board: &Board, area: Rect, theme: &Theme) {
    if board.stack.follower || board.stack.quiet || board.stack.input_open() || area.height < 3 {
        return;
    }
    let text = match (&board.save.error, &board.stack.toast) {
        (Some(e), _) if board.read_only.is_none() => format!("⚠ not saved: {e} — retrying"),
        (_, Some(t)) => t.line(),
        _ => return,
    };
    line(
        f.buffer_mut(),
        area.x + 1,
        area.bottom() - 1,
        area.width.saturating_sub(2),
        &text,
        theme.dim,
    );
}
