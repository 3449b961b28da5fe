//! What opens on top of the grid: the capture line, a prompt, the edit form,
//! the card, help, and the question before quitting unsaved.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Block, BorderType, Borders, Clear};
use tui_input::Input;

use super::draw::{fill, line, put};
use super::theme::Theme;
use crate::app::board::Board;
use crate::app::form::{Field, Form};
use crate::app::grammar::{self, capture};
use crate::app::layers::capture::{Capture, CaptureTarget};
use crate::app::layers::help::{HelpView, Kind};
use crate::app::layers::prompt::Prompt;
pub use crate::geometry::centred;
use crate::text::wrap;

/// A text field on one line, scrolled so the cursor shows; sets the cursor.
pub fn input_line(
    f: &mut Frame,
    input: &Input,
    x: u16,
    y: u16,
    w: u16,
    theme: &Theme,
    focused: bool,
) {
    let scroll = input.visual_scroll(usize::from(w.saturating_sub(1)));
    let visible: String = input.value().chars().skip(scroll).collect();
    let style = theme.input;
    line(f.buffer_mut(), x, y, w, &visible, style);
    if focused {
        let cx = input.visual_cursor().saturating_sub(scroll);
        let cx = x + u16::try_from(cx).unwrap_or(0).min(w.saturating_sub(1));
        f.set_cursor_position(Position::new(cx, y));
    }
}

/// A badge such as " Add ▸ " and the text field after it, on the first line of `area`.
fn labelled_input(f: &mut Frame, label: &str, input: &Input, area: Rect, theme: &Theme) {
    put(
        f.buffer_mut(),
        area.x,
        area.y,
        label,
        area.width,
        theme.badge,
    );
    let lw = u16::try_from(crate::text::width(label))
        .unwrap_or(0)
        .min(area.width.saturating_sub(10));
    input_line(
        f,
        input,
        area.x + lw,
        area.y,
        area.width.saturating_sub(lw),
        theme,
        true,
    );
}

pub fn capture_line(f: &mut Frame, board: &Board, c: &Capture, area: Rect, theme: &Theme) {
    fill(f.buffer_mut(), area, theme.base);
    if let CaptureTarget::Actions(topic) = c.target {
        return action_line(f, board, c, topic, area, theme);
    }
    labelled_input(f, " Add ▸ ", &c.input, area, theme);
    if area.height < 2 {
        return;
    }
    // A live preview of what Enter will do: the facilitator sees it before the room does.
    let parsed = capture::parse(c.input.value(), &board.edition);
    let preview = if parsed.title.is_empty() {
        format!(
            "{} — every part optional; Enter adds, Esc closes",
            grammar::CAPTURE_LINE
        )
    } else {
        let resolved = capture::resolve(&board.edition, &parsed, board.slot_at_cursor());
        let mut parts = vec![format!("→ “{}”", resolved.title)];
        if !parsed.conveners.is_empty() {
            parts.push(format!("by {}", parsed.conveners.join(", ")));
        }
        parts.push(match &resolved.cell {
            Some((s, p)) => board.span_label(s, p, resolved.span),
            None if resolved.span > 1 => format!("parking lot ({} slots)", resolved.span),
            None => "parking lot".into(),
        });
        if let Some(v) = parsed.votes {
            parts.push(format!("▲{v}"));
        }
        parts.extend(resolved.notes);
        // what it would clash with, before Enter: a warning, never a refusal
        let at = resolved.cell.as_ref().map(|(s, p)| (s, p));
        for w in crate::model::warnings::for_new_kept(
            &board.edition,
            &board.warnings_memo,
            &resolved.title,
            &parsed.conveners,
            at,
            resolved.span,
            parsed.votes.unwrap_or(0),
        ) {
            parts.push(format!("⚠ {w}"));
        }
        parts.join(" · ")
    };
    line(
        f.buffer_mut(),
        area.x + 1,
        area.y + 1,
        area.width.saturating_sub(1),
        &preview,
        theme.dim,
    );
}

fn action_line(
    f: &mut Frame,
    board: &Board,
    c: &Capture,
    topic: crate::model::TopicId,
    area: Rect,
    theme: &Theme,
) {
    labelled_input(f, " Action ▸ ", &c.input, area, theme);
    let parsed = grammar::action::parse(c.input.value(), board.now.date());
    let session = board
        .topic(topic)
        .map(|t| t.title.clone())
        .unwrap_or_default();
    let preview = if parsed.draft.text.is_empty() {
        // an example date a month from today, in the form the line takes
        let example = board
            .now
            .date()
            .checked_add(jiff::Span::new().months(1))
            .unwrap_or(board.now.date());
        format!(
            "for “{session}”: what is to be done @owner due:{example} (or fri, +2w) — Enter adds, Esc closes"
        )
    } else {
        let mut parts = vec![format!("→ “{}”", parsed.draft.text)];
        if let Some(o) = &parsed.draft.owner {
            parts.push(format!("owner {o}"));
        }
        if let Some(d) = parsed.draft.due {
            parts.push(format!("due {}", d.strftime("%a %-d %b %Y")));
        }
        parts.extend(parsed.warnings);
        parts.join(" · ")
    };
    line(
        f.buffer_mut(),
        area.x + 1,
        area.y + 1,
        area.width.saturating_sub(1),
        &preview,
        theme.dim,
    );
}

pub fn prompt_line(f: &mut Frame, p: &Prompt, area: Rect, theme: &Theme) {
    fill(f.buffer_mut(), area, theme.base);
    labelled_input(f, &format!(" {} ▸ ", p.ask.label()), &p.input, area, theme);
    if let Some(e) = &p.error {
        line(
            f.buffer_mut(),
            area.x + 1,
            area.y + 1,
            area.width.saturating_sub(1),
            &format!("⚠ {e}"),
            theme.warn,
        );
    } else {
        line(
            f.buffer_mut(),
            area.x + 1,
            area.y + 1,
            area.width.saturating_sub(1),
            "Enter confirms · Esc cancels",
            theme.dim,
        );
    }
}

pub fn boxed(f: &mut Frame, area: Rect, title: &str, theme: &Theme) -> Rect {
    f.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .title(format!(" {title} "))
        .style(theme.base)
        .title_style(theme.heading);
    let inner = block.inner(area);
    f.render_widget(block, area);
    inner
}

/// What the form's number of slots means where the card is: "10:15–12:30",
/// or why it does not fit there.
fn span_note(board: &Board, form: &Form) -> String {
    let e = &board.edition;
    let cell = match &form.target {
        crate::app::form::Target::Topic(id) => e.topic(*id).and_then(|t| match &t.placement {
            crate::model::Placement::At { slot, space } => Some((slot.clone(), space.clone())),
            crate::model::Placement::Parked => None,
        }),
        crate::app::form::Target::NewAt(cell) => cell.clone(),
    };
    let unit = if form.span == 1 { "slot" } else { "slots" };
    let Some((slot, space)) = cell else {
        return format!("{unit} · ←/→ or a digit");
    };
    let id = match &form.target {
        crate::app::form::Target::Topic(id) => *id,
        // a new topic is none of the edition's
        crate::app::form::Target::NewAt(_) => crate::model::TopicId(u32::MAX),
    };
    match (e.span_from(&slot, form.span), e.slot(&slot)) {
        (Ok(slots), _) => match (slots.first(), slots.last()) {
            (Some(a), Some(b)) => {
                let times = format!(
                    "{}–{}",
                    crate::model::hhmm::format_hhmm(a.start),
                    crate::model::hhmm::format_hhmm(b.end)
                );
                // another session in one of its cells is said before Enter
                match e.check_room(id, &slot, &space, form.span, &[]) {
                    Err(crate::model::ModelError::CellTaken { slot, title, .. }) => {
                        format!("{unit}: {times}, but {slot} holds “{title}”")
                    }
                    _ => format!("{unit}: {times}"),
                }
            }
            _ => unit.to_string(),
        },
        (Err(crate::model::span::Misfit::Plenary(label, at)), _) => {
            format!("{unit}: runs into {label} at {at}")
        }
        (Err(crate::model::span::Misfit::DayEnds(left)), _) => {
            format!("{unit}: the day has {left} from here")
        }
    }
}

pub fn form(f: &mut Frame, board: &Board, form: &Form, within: Rect, theme: &Theme) {
    let area = centred(within, 76, 14);
    let title = match &form.target {
        crate::app::form::Target::Topic(_) => "Edit topic".to_string(),
        crate::app::form::Target::NewAt(Some((s, p))) => {
            format!("New topic · {}", board.cell_label(s, p))
        }
        crate::app::form::Target::NewAt(None) => "New topic · parking lot".to_string(),
    };
    let inner = boxed(f, area, &title, theme);
    let label_w = 13u16;
    for (i, field) in Field::ALL.iter().enumerate() {
        let y = inner.y + u16::try_from(i * 2).unwrap_or(0);
        if y >= inner.bottom() {
            break;
        }
        let focused = form.field == *field;
        let marker = if focused { "▶" } else { " " };
        let style = if focused { theme.heading } else { theme.base };
        put(
            f.buffer_mut(),
            inner.x,
            y,
            &format!("{marker}{}", field.label()),
            label_w,
            style,
        );
        let x = inner.x + label_w;
        let w = inner.width.saturating_sub(label_w);
        match field {
            Field::Title => input_line(f, &form.title, x, y, w, theme, focused),
            Field::Conveners => input_line(f, &form.conveners, x, y, w, theme, focused),
            Field::Description => input_line(f, &form.description, x, y, w, theme, focused),
            Field::Kind | Field::Slots => {
                let text = match field {
                    Field::Kind => format!("◂ {} ▸", form.kind.label()),
                    _ => format!("◂ {} ▸  {}", form.span, span_note(board, form)),
                };
                line(
                    f.buffer_mut(),
                    x,
                    y,
                    w,
                    &text,
                    if focused { theme.selected } else { theme.input },
                );
            }
        }
    }
    let y = inner.bottom().saturating_sub(2);
    if let Some(e) = &form.error {
        line(
            f.buffer_mut(),
            inner.x,
            y,
            inner.width,
            &format!("⚠ {e}"),
            theme.warn,
        );
    }
    let hint =
        "Enter saves · Esc puts the original back · Tab next field · conveners: comma-separated";
    line(
        f.buffer_mut(),
        inner.x,
        inner.bottom().saturating_sub(1),
        inner.width,
        hint,
        theme.dim,
    );
}

/// Help: the keymap's table as the help layer holds it, from its first line.
pub fn help(f: &mut Frame, help: &HelpView, theme: &Theme) {
    let full = f.area();
    let viewport = (full.width, full.height);
    let (rows, columns) = crate::geometry::help_page(viewport);
    let area = crate::geometry::help_box(viewport);
    let title = match &help.query {
        Some(q) => format!("Search the help: {}▏ · Enter finds · Esc stops", q.value()),
        None if !help.found.is_empty() => format!(
            "Keys · “{}”: n finds the next · / searches · Esc closes",
            help.found
        ),
        None => "Keys · Esc closes · / searches · ↑↓ PgUp PgDn Home End scroll".to_string(),
    };
    let inner = boxed(f, area, &title, theme);
    let col_w = inner.width / u16::try_from(columns).unwrap_or(1).max(1);
    let first = help.first(viewport);
    for (i, (text, kind)) in help
        .lines
        .iter()
        .skip(first)
        .take(rows * columns)
        .enumerate()
    {
        let col = u16::try_from(i / rows.max(1)).unwrap_or(0);
        let row = u16::try_from(i % rows.max(1)).unwrap_or(0);
        let style = match kind {
            _ if help.matches(text) => theme.selected,
            Kind::Heading => theme.heading,
            Kind::Key => theme.base,
            Kind::Note => theme.dim,
        };
        line(
            f.buffer_mut(),
            inner.x + col * col_w,
            inner.y + row,
            col_w.saturating_sub(1),
            text,
            style,
        );
    }
}

pub fn confirm_quit(f: &mut Frame, board: &Board, theme: &Theme) {
    let area = centred(f.area(), 64, 7);
    let inner = boxed(f, area, "Quit without saving?", theme);
    let e = board.save.error.clone().unwrap_or_default();
    let text = [
        format!("The last changes are NOT in the file: {e}"),
        String::new(),
        "y  quit: they go to a recovery file, offered at the next start".to_string(),
        "n  stay (saving is retried)".to_string(),
    ];
    for (i, l) in text.iter().enumerate() {
        line(
            f.buffer_mut(),
            inner.x,
            inner.y + i as u16,
            inner.width,
            l,
            if i == 0 { theme.warn } else { theme.base },
        );
    }
}

/// The changes an earlier run could not save, offered back.
pub fn recover(
    f: &mut Frame,
    board: &Board,
    r: &crate::app::layers::recover::Recovery,
    theme: &Theme,
) {
    let area = centred(f.area(), 76, 10);
    let inner = boxed(f, area, "Unsaved changes from the last run", theme);
    let was = board.edition.counts();
    let kept = r.edition.counts();
    let text = [
        (
            "The last run could not save its last changes; they were kept in".to_string(),
            theme.warn,
        ),
        (format!("  {}", r.path.display()), theme.base),
        (
            format!(
                "The file: {} topics, {} action points · kept: {} topics, {} action points",
                was.placed + was.parked,
                was.open + was.done + was.dropped,
                kept.placed + kept.parked,
                kept.open + kept.done + kept.dropped
            ),
            theme.dim,
        ),
        (String::new(), theme.base),
        (
            "y  take them back (u undoes)      n  not now: they stay for later".to_string(),
            theme.base,
        ),
    ];
    super::draw::scrolled(f.buffer_mut(), inner, &text, 0, 0);
}

/// What the file and the board both changed, each with both versions.
pub fn conflicts(f: &mut Frame, c: &crate::app::layers::conflicts::Conflicts, theme: &Theme) {
    let full = f.area();
    let area = centred(
        full,
        full.width.saturating_sub(8).min(110),
        full.height.saturating_sub(6),
    );
    let other = c.from.word();
    let title = match c.from {
        crate::app::layers::conflicts::Source::File => {
            format!("Changed in the file and on the board · {}", c.list.len())
        }
        crate::app::layers::conflicts::Source::Scribes => {
            format!("Changed by a scribe and on the board · {}", c.list.len())
        }
    };
    let inner = boxed(f, area, &title, theme);
    let mut lines: Vec<(String, ratatui::style::Style)> = vec![
        (
            "Both changed these. The board's version stands until you choose:".into(),
            theme.warn,
        ),
        (
            format!(
                "f takes the {other}'s version · b keeps the board's · Esc keeps the board's for \
                 the rest"
            ),
            theme.dim,
        ),
        (String::new(), theme.base),
    ];
    let mut focus = 0;
    for (i, x) in c.list.iter().enumerate() {
        let here = i == c.selected;
        if here {
            focus = lines.len();
        }
        let style = if here { theme.selected } else { theme.base };
        lines.push((
            format!("{} {}", if here { "▶" } else { " " }, x.what),
            style,
        ));
        lines.push((format!("    {:<8}{}", "board:", x.ours), style));
        let label = format!("{other}:");
        lines.push((format!("    {label:<8}{}", x.theirs), style));
    }
    super::draw::scrolled(f.buffer_mut(), inner, &lines, focus + 2, 0);
}

/// A note to read in full, wrapped in its window.
pub fn notice(f: &mut Frame, n: &crate::app::layers::notice::Notice, theme: &Theme) {
    let full = f.area();
    let w = full.width.saturating_sub(8).min(90);
    let lines = wrap(&n.text, usize::from(w.saturating_sub(2)), 20);
    let h = u16::try_from(lines.len()).unwrap_or(20).saturating_add(4);
    let area = centred(full, w, h);
    let inner = boxed(f, area, &n.title, theme);
    for (i, l) in lines.iter().enumerate() {
        line(
            f.buffer_mut(),
            inner.x,
            inner.y + i as u16,
            inner.width,
            l,
            theme.base,
        );
    }
    line(
        f.buffer_mut(),
        inner.x,
        inner.bottom().saturating_sub(1),
        inner.width,
        "Enter closes",
        theme.dim,
    );
}

/// The plan for filling the grid: what goes where, what stays and why.
pub fn fill_plan(
    f: &mut Frame,
    board: &Board,
    p: &crate::app::layers::fill::FillPreview,
    theme: &Theme,
) {
    let full = f.area();
    let area = centred(
        full,
        full.width.saturating_sub(8).min(100),
        full.height.saturating_sub(6),
    );
    let title = if p.refit {
        "Fill the grid, re-fitting what breaks a rule?"
    } else {
        "Fill the grid from the parking lot?"
    };
    let inner = boxed(f, area, title, theme);
    let name = |id| board.title_of(id);
    let mut lines: Vec<(String, ratatui::style::Style)> = vec![
        (format!("It {}.", p.plan.summary()), theme.heading),
        (
            "y places them (one step: u undoes) · r re-fits the sessions that break a rule too · n leaves the grid".into(),
            theme.dim,
        ),
        (String::new(), theme.base),
    ];
    for (id, from, (slot, space)) in &p.plan.moves {
        let to = board.cell_label(slot, space);
        let text = match from {
            Some((s, sp)) => format!("  ⇄ {} — {} → {to}", name(*id), board.cell_label(s, sp)),
            None => format!("  → {} — {to}", name(*id)),
        };
        lines.push((text, theme.base));
    }
    for (id, why) in &p.plan.stays {
        lines.push((format!("  · {} stays parked: {why}", name(*id)), theme.dim));
    }
    super::draw::scrolled(f.buffer_mut(), inner, &lines, 0, 0);
}

pub fn confirm_merge(
    f: &mut Frame,
    board: &Board,
    keep: crate::model::TopicId,
    other: crate::model::TopicId,
    theme: &Theme,
) {
    let (Some(a), Some(b)) = (board.topic(keep), board.topic(other)) else {
        return;
    };
    let area = centred(f.area(), 76, 11);
    let inner = boxed(f, area, "Merge two topics?", theme);
    let who = |t: &crate::model::Topic| {
        if t.conveners.is_empty() {
            "no convener".to_string()
        } else {
            t.conveners_label()
        }
    };
    let text = [
        (format!("Keep:  “{}” ({})", a.title, who(a)), theme.base),
        (format!("Merge: “{}” ({})", b.title, who(b)), theme.base),
        (
            format!(
                "Votes {} + {} = {}; notes and action points are kept.",
                a.votes,
                b.votes,
                a.votes.saturating_add(b.votes)
            ),
            theme.dim,
        ),
        (
            match board.edition.merged_span(keep, other) {
                Some((_, n)) => {
                    let mut joined = board.edition.clone();
                    let times = joined
                        .merge(keep, other)
                        .ok()
                        .and_then(|()| joined.topic(keep).and_then(|t| joined.session_label(t)))
                        .unwrap_or_default();
                    format!("Side by side in one room: one session over {n} slots, {times}.")
                }
                None => String::new(),
            },
            theme.dim,
        ),
        ("Have both conveners agreed?".to_string(), theme.heading),
        (
            "y  yes, merge them (u undoes)      n  no".to_string(),
            theme.base,
        ),
    ];
    super::draw::scrolled(f.buffer_mut(), inner, &text, 0, 0);
}

pub fn too_small(f: &mut Frame, theme: &Theme) {
    let area = f.area();
    fill(f.buffer_mut(), area, theme.base);
    let text = format!(
        "openspace needs a window of at least {}×{}; this one is {}×{}. Make it larger or the font smaller.",
        crate::geometry::MIN_WIDTH,
        crate::geometry::MIN_HEIGHT,
        area.width,
        area.height
    );
    let lines = wrap(
        &text,
        usize::from(area.width.max(1)),
        usize::from(area.height.max(1)),
    );
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, l) in lines.iter().enumerate() {
        put(
            f.buffer_mut(),
            area.x,
            area.y + top + i as u16,
            l,
            area.width,
            theme.heading,
        );
    }
}
