//! The edition picker and its new-edition form.

use ratatui::Frame;

use super::draw::{fill, line, put};
use super::overlays::{boxed, centred, input_line};
use super::theme::Theme;
use crate::app::keymap::{Keymap, Mode};
use crate::app::picker::{NewField, NewForm, Picker};
use crate::text::wrap;

pub fn render(f: &mut Frame, p: &Picker, keymap: &Keymap, theme: &Theme) {
    let area = f.area();
    fill(f.buffer_mut(), area, theme.base);
    let w = area.width;
    line(
        f.buffer_mut(),
        0,
        0,
        w,
        " openspace · choose an edition",
        theme.heading,
    );
    line(
        f.buffer_mut(),
        1,
        1,
        w.saturating_sub(1),
        &format!("in {}", p.folder.display()),
        theme.dim,
    );
    // the name takes what the numbers leave
    let name_w = usize::from(w).saturating_sub(66).clamp(12, 48);
    let header = format!(
        "  {} {:<25} {:>6} {:>5} {:>6} {:>9}",
        crate::text::fit("EDITION", name_w),
        "DATES",
        "SPACES",
        "SLOTS",
        "TOPICS",
        "✓ ACTIONS"
    );
    line(
        f.buffer_mut(),
        1,
        3,
        w.saturating_sub(1),
        &header,
        theme.heading,
    );
    let rows = usize::from(area.height.saturating_sub(8));
    let first = p.selected.saturating_sub(rows.saturating_sub(1));
    if p.entries.is_empty() {
        put(
            f.buffer_mut(),
            3,
            5,
            "No editions here yet: press n to create the first one.",
            w.saturating_sub(4),
            theme.base,
        );
    }
    for (i, e) in p.entries.iter().enumerate().skip(first).take(rows) {
        let y = 4 + u16::try_from(i - first).unwrap_or(0);
        let here = i == p.selected;
        let lead = if here { "▶ " } else { "  " };
        let text = match (&e.counts, &e.error) {
            (Some(c), _) => format!(
                "{lead}{} {:<25} {:>6} {:>5} {:>6} {:>8}",
                crate::text::fit(&e.name, name_w),
                e.dates,
                c.spaces,
                c.slots,
                c.placed + c.parked,
                format!("{}/{}", c.done, c.open + c.done)
            ),
            (None, Some(err)) => format!("{lead}⚠ {} does not load: {err}", e.name),
            (None, None) => format!("{lead}{}", e.name),
        };
        line(
            f.buffer_mut(),
            1,
            y,
            w.saturating_sub(1),
            &text,
            if here { theme.selected } else { theme.base },
        );
    }
    let footer_y = area.height.saturating_sub(2);
    if let Some(err) = &p.error {
        let lines = wrap(&format!("⚠ {err}"), usize::from(w.saturating_sub(2)), 3);
        for (i, l) in lines.iter().enumerate() {
            let y = footer_y.saturating_sub(lines.len() as u16) + i as u16;
            line(f.buffer_mut(), 1, y, w.saturating_sub(2), l, theme.warn);
        }
    }
    let hints: Vec<String> = keymap
        .hints(Mode::Picker)
        .into_iter()
        .map(|(k, h)| format!("{k} {h}"))
        .collect();
    put(
        f.buffer_mut(),
        0,
        footer_y,
        &format!(" {} ", Mode::Picker.label()),
        w,
        theme.badge,
    );
    put(
        f.buffer_mut(),
        12,
        footer_y,
        &hints.join("  "),
        w.saturating_sub(12),
        theme.base,
    );
    if p.new.is_some() {
        new_form(f, p, theme);
    }
}

fn new_form(f: &mut Frame, p: &Picker, theme: &Theme) {
    let Some(form) = &p.new else { return };
    let from = form
        .from
        .and_then(|i| p.entries.get(i))
        .map(|e| format!("◂ {} ▸", e.name))
        .unwrap_or_else(|| "◂ a blank edition ▸".into());
    let note = if form.from.is_some() {
        "Copies spaces, slots (moved to the new dates), theme and facilitators, and carries the open action points over. Spaces and slots typed here replace the copied ones; Days empty keeps the earlier number."
    } else {
        "Spaces and slots can be changed later on the board (S)."
    };
    edition_form(
        f,
        form,
        "New edition",
        &NewField::ALL,
        &from,
        note,
        "Enter creates",
        theme,
    );
}

/// The form that creates an edition: in the picker with every field, on the
/// board (the next edition) with name, first day and days.
#[allow(clippy::too_many_arguments)]
pub fn edition_form(
    f: &mut Frame,
    form: &NewForm,
    title: &str,
    fields: &[NewField],
    from: &str,
    note: &str,
    enter: &str,
    theme: &Theme,
) {
    let height = u16::try_from(fields.len() * 2).unwrap_or(12) + 6;
    let area = centred(f.area(), 84, height);
    let inner = boxed(f, area, title, theme);
    let label_w = 32u16.min(inner.width / 2);
    for (i, field) in fields.iter().enumerate() {
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
        let input = match field {
            NewField::Name => Some(&form.name),
            NewField::Date => Some(&form.date),
            NewField::Days => Some(&form.days),
            NewField::Spaces => Some(&form.spaces),
            NewField::Slots => Some(&form.slots),
            NewField::From => None,
        };
        match input {
            Some(input) => input_line(f, input, x, y, w, theme, focused),
            None => line(
                f.buffer_mut(),
                x,
                y,
                w,
                from,
                if focused { theme.selected } else { theme.input },
            ),
        }
    }
    let mut y = inner.y + u16::try_from(fields.len() * 2).unwrap_or(0);
    if let Some(e) = &form.error {
        line(
            f.buffer_mut(),
            inner.x,
            y,
            inner.width,
            &format!("⚠ {e}"),
            theme.warn,
        );
        y += 1;
    }
    for l in wrap(note, usize::from(inner.width), 3) {
        line(f.buffer_mut(), inner.x, y, inner.width, &l, theme.dim);
        y += 1;
    }
    let hint = format!("{enter} · Esc cancels · Tab next field");
    line(
        f.buffer_mut(),
        inner.x,
        inner.bottom().saturating_sub(1),
        inner.width,
        &hint,
        theme.dim,
    );
}
