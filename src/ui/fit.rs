//! Fitting text to a projected screen, never cutting it: each block of text
//! gets the largest scale at which it, and everything still to be sized at
//! its smallest, fit the screen's height. Titles wrap over lines; a word is
//! never split at a big scale. Only when even the smallest big scale cannot
//! hold a block does it fall back to normal text, wrapped.
//!
//! The plan is pure (text and rectangles), so a test can check what the
//! room sees without reading the terminal's cells.

use ratatui::layout::Rect;
use tui_big_text::PixelSize;

/// A text size, largest first. Each big scale is one of the 8×8 font's
/// pixel sizes; the cell sizes are what one character takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scale {
    Full,
    Half,
    Quadrant,
    Sextant,
    Octant,
    Text,
}

impl Scale {
    pub const ALL: [Scale; 6] = [
        Scale::Full,
        Scale::Half,
        Scale::Quadrant,
        Scale::Sextant,
        Scale::Octant,
        Scale::Text,
    ];

    /// (columns, rows) one character takes.
    pub fn cell(self) -> (u16, u16) {
        match self {
            Scale::Full => (8, 8),
            Scale::Half => (8, 4),
            Scale::Quadrant => (4, 4),
            Scale::Sextant => (4, 3),
            Scale::Octant => (4, 2),
            Scale::Text => (1, 1),
        }
    }

    pub fn pixel_size(self) -> Option<PixelSize> {
        match self {
            Scale::Full => Some(PixelSize::Full),
            Scale::Half => Some(PixelSize::HalfHeight),
            Scale::Quadrant => Some(PixelSize::Quadrant),
            Scale::Sextant => Some(PixelSize::Sextant),
            Scale::Octant => Some(PixelSize::Octant),
            Scale::Text => None,
        }
    }

    /// The next size down (normal text stays normal text).
    pub fn smaller(self) -> Scale {
        let i = Scale::ALL.iter().position(|s| *s == self).unwrap_or(0);
        Scale::ALL.get(i + 1).copied().unwrap_or(Scale::Text)
    }

    pub fn is_big(self) -> bool {
        self != Scale::Text
    }
}

/// What a block is, so that drawing can style it and tests can find it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Heading,
    Countdown,
    Now,
    Next,
    Later,
    BackIn,
    Announcement,
}

/// Text to fit: paragraphs (a session, an announcement) each wrapped on its
/// own, one empty row between them at a big scale.
#[derive(Debug, Clone)]
pub struct Block {
    pub role: Role,
    pub paragraphs: Vec<String>,
    /// What goes under each paragraph in smaller letters (a session's
    /// conveners); at normal text it follows the paragraph on its line.
    pub subtitles: Vec<Option<String>>,
    pub largest: Scale,
    /// A block that may be left out when even its smallest scale does not fit.
    pub optional: bool,
    /// Sized in this order (lower first); drawn in the order given.
    pub priority: u8,
    /// At most the scale below the one this block (by index) got.
    pub below: Option<usize>,
    /// Centred rather than from the left.
    pub centred: bool,
    /// No empty row after it (a heading and what it heads).
    pub tight: bool,
}

impl Block {
    pub fn new(role: Role, paragraphs: Vec<String>, largest: Scale, priority: u8) -> Block {
        Block {
            role,
            paragraphs,
            subtitles: Vec::new(),
            largest,
            optional: false,
            priority,
            below: None,
            centred: false,
            tight: false,
        }
    }

    /// One line of normal text, always shown.
    pub fn text(role: Role, line: String) -> Block {
        Block::new(role, vec![line], Scale::Text, 0)
    }

    /// A heading: one line of normal text right above what it heads.
    pub fn heading(line: String) -> Block {
        let mut b = Block::text(Role::Heading, line);
        b.tight = true;
        b
    }

    /// Smaller text under each paragraph, in the paragraphs' order.
    pub fn subtitles(mut self, subtitles: Vec<Option<String>>) -> Block {
        self.subtitles = subtitles;
        self
    }

    pub fn optional(mut self) -> Block {
        self.optional = true;
        self
    }
    pub fn below(mut self, block: usize) -> Block {
        self.below = Some(block);
        self
    }
    pub fn centred(mut self) -> Block {
        self.centred = true;
        self
    }
}

/// One line as drawn: where, at which scale, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawn {
    pub role: Role,
    pub scale: Scale,
    pub area: Rect,
    pub text: String,
    /// Which of the block's paragraphs it belongs to.
    pub paragraph: usize,
}

/// The plan of a screen: every line with its place. `cut` is true when even
/// normal text did not fit and the bottom was left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub lines: Vec<Drawn>,
    pub cut: bool,
}

impl Plan {
    /// The scale a role was drawn at (its first line's).
    pub fn scale_of(&self, role: Role) -> Option<Scale> {
        self.lines.iter().find(|l| l.role == role).map(|l| l.scale)
    }

    /// A block's paragraphs as drawn, each put back together from its lines.
    pub fn paragraphs(&self, role: Role) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut last = None;
        for l in self.lines.iter().filter(|l| l.role == role) {
            if last == Some(l.paragraph) {
                if let Some(p) = out.last_mut() {
                    p.push(' ');
                    p.push_str(&l.text);
                }
            } else {
                out.push(l.text.clone());
            }
            last = Some(l.paragraph);
        }
        out
    }
}

/// The lines of a paragraph at a scale and width, or None when a big scale
/// would have to split a word.
fn wrap(text: &str, scale: Scale, width: u16) -> Option<Vec<String>> {
    let (cols, _) = scale.cell();
    let n = usize::from(width / cols);
    if n == 0 {
        return None;
    }
    let text = if scale.is_big() {
        crate::text::for_big(text)
    } else {
        text.to_string()
    };
    let longest = text
        .split_whitespace()
        .map(crate::text::width)
        .max()
        .unwrap_or(0);
    if scale.is_big() && longest > n {
        return None;
    }
    let options = textwrap::Options::new(n).break_words(true);
    Some(
        textwrap::wrap(text.trim(), options)
            .into_iter()
            .map(|l| l.into_owned())
            .collect(),
    )
}

/// The scale of a subtitle under text of `scale`: well below it.
fn subtitle_scale(scale: Scale) -> Scale {
    match scale {
        Scale::Full => Scale::Quadrant,
        _ => Scale::Text,
    }
}

/// The lines of paragraph `i` at a scale, each with its own scale: the
/// paragraph, then its subtitle smaller.
fn paragraph_lines(
    block: &Block,
    i: usize,
    scale: Scale,
    width: u16,
) -> Option<Vec<(String, Scale)>> {
    let text = block.paragraphs.get(i)?;
    let subtitle = block.subtitles.get(i).cloned().flatten();
    let mut out = Vec::new();
    match subtitle {
        Some(sub) if scale.is_big() => {
            out.extend(wrap(text, scale, width)?.into_iter().map(|l| (l, scale)));
            let s = subtitle_scale(scale);
            out.extend(wrap(&sub, s, width)?.into_iter().map(|l| (l, s)));
        }
        Some(sub) => {
            let whole = format!("{text} {sub}");
            out.extend(wrap(&whole, scale, width)?.into_iter().map(|l| (l, scale)));
        }
        None => out.extend(wrap(text, scale, width)?.into_iter().map(|l| (l, scale))),
    }
    Some(out)
}

/// Whether paragraphs are kept apart by an empty row: in big letters, unless
/// a subtitle in smaller letters already ends each one.
fn spaced(block: &Block, scale: Scale) -> bool {
    scale.is_big() && block.subtitles.iter().all(Option::is_none)
}

/// Rows a block takes at a scale, or None when it cannot be drawn so.
fn height(block: &Block, scale: Scale, width: u16) -> Option<u16> {
    let mut total: u16 = 0;
    for i in 0..block.paragraphs.len() {
        let rows: u16 = paragraph_lines(block, i, scale, width)?
            .iter()
            .map(|(_, s)| s.cell().1)
            .sum();
        let gap = u16::from(i > 0 && spaced(block, scale));
        total = total.checked_add(rows)?.checked_add(gap)?;
    }
    Some(total)
}

impl Scale {
    /// Drawn with the Block Elements every terminal font has (█ ▀ ▄ ▖ …).
    /// Sextants and octants come from Unicode 13's Symbols for Legacy
    /// Computing, which some fonts lack and some terminals measure wrongly,
    /// garbling the screen: they are used only when the config asks.
    pub fn universal(self) -> bool {
        !matches!(self, Scale::Sextant | Scale::Octant)
    }
}

/// The scales a block may take, largest first.
fn scales(block: &Block, cap: Option<Scale>, fine: bool) -> impl Iterator<Item = Scale> + '_ {
    let from = match cap {
        Some(c) => block.largest.max(c),
        None => block.largest,
    };
    Scale::ALL
        .into_iter()
        .filter(move |s| *s >= from && (fine || s.universal()))
}

/// Sizes and places the blocks in `area`, top to bottom, one empty row
/// between blocks (none after a heading); sextants and octants only when
/// `fine`.
pub fn fit(blocks: &[Block], area: Rect, fine: bool) -> Plan {
    let w = area.width;
    let gaps =
        u16::try_from(blocks.iter().rev().skip(1).filter(|b| !b.tight).count()).unwrap_or(u16::MAX);
    let room = area.height.saturating_sub(gaps);
    let smallest = |b: &Block| {
        if b.optional {
            0
        } else {
            height(b, Scale::Text, w).unwrap_or(0)
        }
    };
    let mut chosen: Vec<Option<Scale>> = vec![None; blocks.len()];
    let mut heights: Vec<u16> = blocks.iter().map(smallest).collect();
    let mut order: Vec<usize> = (0..blocks.len()).collect();
    order.sort_by_key(|&i| (blocks[i].priority, i));
    let mut cut = false;
    for &i in &order {
        let b = &blocks[i];
        let others: u16 = (0..blocks.len())
            .filter(|&j| j != i)
            .map(|j| heights[j])
            .fold(0u16, u16::saturating_add);
        let left = room.saturating_sub(others);
        let cap = b
            .below
            .and_then(|j| chosen.get(j).copied().flatten())
            .map(Scale::smaller);
        let pick = scales(b, cap, fine)
            .find_map(|s| height(b, s, w).filter(|h| *h <= left).map(|h| (s, h)));
        match pick {
            Some((s, h)) => {
                chosen[i] = Some(s);
                heights[i] = h;
            }
            None if b.optional => heights[i] = 0,
            None => {
                // normal text, wrapped, and whatever does not fit at the bottom is cut
                chosen[i] = Some(Scale::Text);
                heights[i] = height(b, Scale::Text, w).unwrap_or(0);
                cut = true;
            }
        }
    }
    let mut plan = Plan {
        lines: Vec::new(),
        cut,
    };
    let bottom = area.bottom();
    let mut y = area.y;
    for (i, b) in blocks.iter().enumerate() {
        let Some(scale) = chosen[i] else { continue };
        for p in 0..b.paragraphs.len() {
            if p > 0 && spaced(b, scale) {
                y = y.saturating_add(1);
            }
            for (l, scale) in paragraph_lines(b, p, scale, w).unwrap_or_default() {
                let (cols, rows) = scale.cell();
                if y.saturating_add(rows) > bottom {
                    plan.cut = true;
                    break;
                }
                let line_w = u16::try_from(crate::text::width(&l))
                    .unwrap_or(u16::MAX)
                    .saturating_mul(cols)
                    .min(w);
                let x = if b.centred {
                    area.x + (w - line_w) / 2
                } else {
                    area.x
                };
                plan.lines.push(Drawn {
                    role: b.role,
                    scale,
                    area: Rect::new(x, y, line_w, rows),
                    text: l,
                    paragraph: p,
                });
                y = y.saturating_add(rows);
            }
        }
        if !b.tight {
            y = y.saturating_add(1);
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sessions(n: usize) -> Block {
        let p = (0..n)
            .map(|i| format!("Room {i} · A session title that is rather long — Ann, Bo"))
            .collect();
        Block::new(Role::Now, p, Scale::Full, 1)
    }

    #[test]
    fn the_fewer_the_sessions_the_larger_they_are_and_none_is_cut() {
        let area = Rect::new(0, 0, 160, 45);
        let one = fit(&[sessions(1)], area, true);
        let six = fit(&[sessions(6)], area, true);
        assert!(
            one.scale_of(Role::Now) < six.scale_of(Role::Now),
            "{one:?} {six:?}"
        );
        for plan in [&one, &six] {
            assert!(!plan.cut);
            // (the big letters spell the dash as ASCII)
            let want = crate::text::for_big("A session title that is rather long — Ann, Bo");
            for p in plan.paragraphs(Role::Now) {
                assert!(p.contains(&want), "{p}");
            }
            assert!(
                plan.lines
                    .iter()
                    .all(|l| l.area.bottom() <= 45 && l.area.right() <= 160)
            );
        }
    }

    #[test]
    fn what_is_sized_later_gets_the_room_left_and_an_optional_block_may_go() {
        let area = Rect::new(0, 0, 120, 40);
        let countdown =
            Block::new(Role::Countdown, vec!["34:52".into()], Scale::Full, 3).optional();
        let next =
            Block::new(Role::Next, vec!["Oak Room · Coffee".into()], Scale::Full, 2).below(1);
        let plan = fit(&[countdown, sessions(3), next], area, true);
        let now = plan.scale_of(Role::Now).unwrap();
        assert!(
            plan.scale_of(Role::Next).unwrap() > now,
            "NEXT is smaller than NOW"
        );
        // never overlapping, top to bottom
        for pair in plan.lines.windows(2) {
            assert!(pair[0].area.bottom() <= pair[1].area.y, "{pair:?}");
        }
        // with no room at all, the optional countdown is left out, the rest is cut at the bottom
        let tiny = fit(
            &[
                Block::new(Role::Countdown, vec!["34:52".into()], Scale::Full, 3).optional(),
                sessions(30),
            ],
            Rect::new(0, 0, 40, 10),
            true,
        );
        assert!(tiny.cut);
        assert!(tiny.scale_of(Role::Countdown).is_none());
        assert_eq!(tiny.scale_of(Role::Now), Some(Scale::Text));
    }

    #[test]
    fn without_fine_letters_only_block_elements_are_used() {
        let plan = fit(&[sessions(6)], Rect::new(0, 0, 160, 45), false);
        assert!(plan.lines.iter().all(|l| l.scale.universal()), "{plan:?}");
        assert!(!plan.cut);
    }

    #[test]
    fn a_word_is_never_split_at_a_big_scale() {
        let b = Block::new(
            Role::Now,
            vec!["Supercalifragilisticexpialidocious".into()],
            Scale::Full,
            1,
        );
        let plan = fit(&[b], Rect::new(0, 0, 80, 24), false);
        let line = &plan.lines[0];
        assert_eq!(line.text, "Supercalifragilisticexpialidocious");
        assert!(line.area.width >= 34);
    }
}
