//! Small helpers for writing text into a buffer cell by cell, measured in
//! terminal columns, clipped to an area: drawing never panics on any size.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::text::truncate;

/// Writes `text` at (x, y), cut to `max` columns and to the buffer;
/// returns the column after the last one written.
pub fn put(buf: &mut Buffer, x: u16, y: u16, text: &str, max: u16, style: Style) -> u16 {
    let area = *buf.area();
    if y < area.y || y >= area.y + area.height || x < area.x || x >= area.x + area.width {
        return x;
    }
    let room = (area.x + area.width - x).min(max);
    if let Some(end) = put_simple(buf, x, y, text, room, style) {
        return end;
    }
    // most text fits: only cut (and allocate) when it does not
    let (end, _) = if crate::text::width(text) <= usize::from(room) {
        buf.set_stringn(x, y, text, usize::from(room), style)
    } else {
        let text = truncate(text, usize::from(room));
        buf.set_stringn(x, y, text, usize::from(room), style)
    };
    end
}

/// Text whose every character is one cell: printable ASCII and the few
/// one-column symbols the screens are drawn with.
fn one_cell(c: char) -> bool {
    matches!(
        c,
        ' '..='~' | '█' | '─' | '│' | '·' | '▶' | '▴' | '▾' | '…' | '—' | '–'
    )
}

/// `put` for text that fits and is one cell a character (most of what is on
/// screen): written cell by cell, without splitting it into graphemes and
/// measuring each, which is most of the cost of drawing a frame. The cells
/// are those `Buffer::set_stringn` would write. None when the text is not so.
fn put_simple(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    text: &str,
    room: u16,
    style: Style,
) -> Option<u16> {
    let room = usize::from(room);
    let fits = if text.is_ascii() {
        text.len() <= room && text.bytes().all(|b| (b' '..=b'~').contains(&b))
    } else {
        text.chars().all(one_cell) && text.chars().count() <= room
    };
    if !fits {
        return None;
    }
    let start = buf.index_of(x, y);
    let mut end = x;
    for (cell, c) in buf.content[start..].iter_mut().zip(text.chars()) {
        cell.set_char(c).set_style(style);
        end += 1;
    }
    Some(end)
}

/// Fills a line of `width` columns with `text`, padded with the style.
pub fn line(buf: &mut Buffer, x: u16, y: u16, width: u16, text: &str, style: Style) {
    let area = *buf.area();
    if y < area.y || y >= area.bottom() || x >= area.right() {
        return;
    }
    let width = width.min(area.right() - x);
    let end = put(buf, x, y, text, width, style).min(x + width);
    // the padding is blank cells in the style, written directly: no text to shape
    fill(buf, Rect::new(end, y, x + width - end, 1), style);
}

/// Paints a rectangle with a style (background), clipped to the buffer.
pub fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    let area = area.intersection(*buf.area());
    if area.is_empty() {
        return;
    }
    // One pass, a row at a time; a cell that already shows a blank (as every
    // cell does at the start of a frame) keeps it: this runs on every frame.
    for y in area.top()..area.bottom() {
        let start = buf.index_of(area.x, y);
        for cell in &mut buf.content[start..start + usize::from(area.width)] {
            if cell.symbol() != " " {
                cell.set_symbol(" ");
            }
            cell.set_style(style);
        }
    }
}

/// Paints a rectangle blank in a style, as a new frame's cells are: what
/// was there goes, its modifiers too (`fill` keeps them, as ratatui patches
/// styles).
pub fn blank(buf: &mut Buffer, area: Rect, style: Style) {
    let area = area.intersection(*buf.area());
    for y in area.top()..area.bottom() {
        let start = buf.index_of(area.x, y);
        for cell in &mut buf.content[start..start + usize::from(area.width)] {
            cell.reset();
            cell.set_style(style);
        }
    }
}

/// Writes `text` right-aligned so that it ends at `right` (exclusive).
pub fn put_right(buf: &mut Buffer, right: u16, y: u16, text: &str, style: Style) {
    let w = u16::try_from(crate::text::width(text)).unwrap_or(u16::MAX);
    let x = right.saturating_sub(w);
    put(buf, x, y, text, w, style);
}

/// Styled lines in an area, scrolled by the one scroll rule so that line
/// `focus` is in view with `margin` lines after it; returns the first line
/// shown. Every list and window of text draws through here.
pub fn scrolled(
    buf: &mut Buffer,
    area: Rect,
    lines: &[(String, Style)],
    focus: usize,
    margin: usize,
) -> usize {
    scrolled_with(buf, area, lines.len(), focus, margin, |i| {
        lines.get(i).map(|(t, s)| (Cow::Borrowed(t.as_str()), *s))
    })
}

/// `scrolled` for lists too long to build every line of at every frame:
/// `line(i)` makes line `i` of `len`, and is asked only for those shown.
pub fn scrolled_with<'a>(
    buf: &mut Buffer,
    area: Rect,
    len: usize,
    focus: usize,
    margin: usize,
    mut line_at: impl FnMut(usize) -> Option<(Cow<'a, str>, Style)>,
) -> usize {
    let height = usize::from(area.height);
    let skip = crate::geometry::scroll(focus, len, height, margin);
    let mut first_style = None;
    let mut last_style = None;
    for (i, n) in (skip..len.min(skip + height)).enumerate() {
        let Some((text, style)) = line_at(n) else {
            continue;
        };
        let y = area.y + u16::try_from(i).unwrap_or(u16::MAX);
        line(buf, area.x, y, area.width, &text, style);
        first_style.get_or_insert(style);
        last_style = Some(style);
    }
    // what is scrolled away is said at the right edge, never silently cut
    if height >= 2 && area.width >= 16 {
        if skip > 0
            && let Some(style) = first_style
        {
            put_right(
                buf,
                area.right(),
                area.y,
                &format!(" ▴ {skip} more "),
                style,
            );
        }
        let below = len.saturating_sub(skip + height);
        if below > 0
            && let Some(style) = last_style
        {
            put_right(
                buf,
                area.right(),
                area.bottom() - 1,
                &format!(" ▾ {below} more "),
                style,
            );
        }
    }
    skip
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    #[test]
    fn simple_text_is_written_as_ratatui_writes_it() {
        // every one-cell symbol, mixed with text that is not one cell a
        // character (wide, combining, control): both ways give the same cells
        let pieces = [
            "a", " ", "~", "█", "─", "│", "·", "▶", "▴", "▾", "…", "—", "–", "会", "e\u{301}",
            "\t", "🎉", "Z",
        ];
        let style = Style::default().fg(Color::Red).add_modifier(Modifier::BOLD);
        let mut seed = 7u64;
        for _ in 0..3000 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let n = (seed >> 33) % 12;
            let text: String = (0..n)
                .map(|i| pieces[((seed >> (i * 4 + 3)) % pieces.len() as u64) as usize])
                .collect();
            let room = ((seed >> 20) % 14) as u16;
            let area = Rect::new(0, 0, 16, 1);
            let mut ours = Buffer::empty(area);
            let mut theirs = Buffer::empty(area);
            let end = put(&mut ours, 1, 0, &text, room, style);
            let room = usize::from(room.min(15));
            let cut = if crate::text::width(&text) <= room {
                text.clone()
            } else {
                truncate(&text, room)
            };
            let (their_end, _) = theirs.set_stringn(1, 0, &cut, room, style);
            assert_eq!(ours, theirs, "{text:?} in {room}");
            assert_eq!(end, their_end, "{text:?} in {room}");
        }
    }
}
