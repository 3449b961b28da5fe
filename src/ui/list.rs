//! Long lists (the action plan, dot voting): every item's lines are made
//! once per change of what the list shows, kept between frames, and only
//! the lines on screen are drawn. The selected item looks different (a
//! marker, more lines), so its lines are made again at each frame and put
//! in place of the kept ones.

use std::borrow::Cow;
use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// A list's lines, each item as it looks when not selected. A line is
/// whatever `L` is: its text, or what to make the text from when shown.
#[derive(Debug)]
pub struct Lines<X, L = (String, Style)> {
    pub lines: Vec<L>,
    /// The lines of each item, in order.
    pub items: Vec<Range<usize>>,
    /// What the list's drawing needs besides its lines.
    pub extra: X,
}

impl<X: Default, L> Default for Lines<X, L> {
    fn default() -> Self {
        Lines {
            lines: Vec::new(),
            items: Vec::new(),
            extra: X::default(),
        }
    }
}

impl<X> Lines<X> {
    /// Draws the lines in `area` with item `selected` shown as `chosen`,
    /// scrolled so that its first line is in view with `margin` after it.
    pub fn draw(
        &self,
        buf: &mut Buffer,
        area: Rect,
        selected: usize,
        chosen: &[(String, Style)],
        margin: usize,
    ) -> usize {
        self.draw_as(buf, area, selected, chosen, margin, |(text, style)| {
            (Cow::Borrowed(text.as_str()), *style)
        })
    }
}

impl<X, L> Lines<X, L> {
    /// `draw`, each line shown made into text by `show`.
    pub fn draw_as<'a>(
        &'a self,
        buf: &mut Buffer,
        area: Rect,
        selected: usize,
        chosen: &'a [L],
        margin: usize,
        show: impl Fn(&'a L) -> (Cow<'a, str>, Style),
    ) -> usize {
        let all = self.lines.len();
        let range = self.items.get(selected).cloned().unwrap_or(all..all);
        let (start, old, new) = (range.start, range.len(), chosen.len());
        let len = all - old + new;
        super::draw::scrolled_with(buf, area, len, start, margin, |i| {
            let line = if i < start {
                self.lines.get(i)?
            } else if i < start + new {
                chosen.get(i - start)?
            } else {
                self.lines.get(i - new + old)?
            };
            Some(show(line))
        })
    }
}

/// One list's lines kept from frame to frame, made again when its key
/// (what the lines are made from) changes.
#[derive(Debug)]
pub struct ListMemo<K, X, L = (String, Style)> {
    kept: Option<(K, Lines<X, L>)>,
    off: bool,
}

impl<K, X, L> Default for ListMemo<K, X, L> {
    fn default() -> Self {
        ListMemo {
            kept: None,
            off: false,
        }
    }
}

impl<K: PartialEq, X, L> ListMemo<K, X, L> {
    /// Keeps nothing: the lines are made at every frame.
    pub fn off() -> Self {
        ListMemo {
            kept: None,
            off: true,
        }
    }

    /// The lines for `key`: the kept ones, or made by `make`.
    pub fn get(&mut self, key: K, make: impl FnOnce() -> Lines<X, L>) -> &Lines<X, L> {
        let stale = self.off || self.kept.as_ref().is_none_or(|(k, _)| *k != key);
        if stale {
            self.kept = None;
        }
        &self.kept.get_or_insert_with(|| (key, make())).1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(buf: &Buffer, y: u16) -> String {
        (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect::<String>()
            .trim_end()
            .to_string()
    }

    #[test]
    fn the_selected_item_takes_the_place_of_its_kept_lines() {
        let s = Style::default();
        let lines = Lines {
            lines: ["a", "b1", "b2", "c"]
                .iter()
                .map(|l| (l.to_string(), s))
                .collect(),
            items: vec![0..1, 1..3, 3..4],
            extra: (),
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 6));
        let chosen: Vec<(String, Style)> = ["B1", "B2", "B3"]
            .iter()
            .map(|l| (l.to_string(), s))
            .collect();
        let area = *buf.area();
        lines.draw(&mut buf, area, 1, &chosen, 0);
        let shown: Vec<String> = (0..6).map(|y| text(&buf, y)).collect();
        assert_eq!(shown, ["a", "B1", "B2", "B3", "c", ""]);
    }

    #[test]
    fn a_kept_list_is_made_again_only_when_its_key_changes() {
        let mut memo: ListMemo<u32, u32> = ListMemo::default();
        let mut made = 0;
        for key in [1, 1, 2, 2, 1] {
            memo.get(key, || {
                made += 1;
                Lines {
                    extra: key,
                    ..Lines::default()
                }
            });
        }
        assert_eq!(made, 3);
        let mut off: ListMemo<u32, u32> = ListMemo::off();
        off.get(1, Lines::default);
        let again = off.get(1, || Lines {
            extra: 7,
            ..Lines::default()
        });
        assert_eq!(
            again.extra, 7,
            "a memo that is off makes the lines every time"
        );
    }
}
