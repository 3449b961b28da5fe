//! Dot voting: one ranked list, most dots first, each title in full
//! (wrapped), a bar scaled to the leader beside its count. Its lines are
//! kept between frames (`list::ListMemo`) and made again after a change.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::draw::{fill, line};
use super::list::{Lines, ListMemo};
use super::theme::Theme;
use crate::app::board::Board;
use crate::app::layers::tally::ranked;
use crate::model::{Topic, TopicId};
use crate::text::wrap;

/// What the ranking's lines are made from.
#[derive(Debug, PartialEq)]
pub struct Key {
    stamp: u64,
    width: u16,
    theme: Theme,
}

/// Besides its lines: the topics in rank order, the leader's dots, every dot.
#[derive(Debug, Default)]
pub struct Extra {
    ranked: Vec<TopicId>,
    max: u32,
    total: u64,
}

pub type TallyMemo = ListMemo<Key, Extra>;

/// How the columns share the width: the bars a third at most.
struct Columns {
    bar: u16,
    title: usize,
}

impl Columns {
    fn of(area: Rect) -> Columns {
        let bar = (area.width / 3).clamp(6, 60);
        let title = usize::from(area.width.saturating_sub(bar + 12)).max(10);
        Columns { bar, title }
    }
}

pub fn render(
    board: &Board,
    selected: usize,
    area: Rect,
    theme: &Theme,
    buf: &mut Buffer,
    memo: &mut TallyMemo,
) {
    fill(buf, area, theme.base);
    let e = &board.edition;
    let cols = Columns::of(area);
    let key = Key {
        stamp: board.index.stamp,
        width: area.width,
        theme: *theme,
    };
    let kept = memo.get(key, || lines(board, &cols, theme));
    let dots = e.dots.unwrap_or(3);
    let total = kept.extra.total;
    let title =
        format!(" Dot voting · each person has {dots} dots ([ ] change) · {total} dots counted");
    line(buf, area.x, area.y, area.width, &title, theme.heading);
    let chosen = kept
        .extra
        .ranked
        .get(selected)
        .and_then(|&id| e.topic(id))
        .map(|t| item_lines(t, selected, true, kept.extra.max, &cols, theme))
        .unwrap_or_default();
    let list = Rect::new(
        area.x,
        area.y + 2,
        area.width,
        area.height.saturating_sub(2),
    );
    kept.draw(buf, list, selected, &chosen, 1);
}

/// Every topic's lines in rank order, none selected.
fn lines(board: &Board, cols: &Columns, theme: &Theme) -> Lines<Extra> {
    let ranked = ranked(&board.edition);
    let max = ranked.first().map_or(0, |t| t.votes).max(1);
    let mut out = Lines {
        extra: Extra {
            ranked: ranked.iter().map(|t| t.id).collect(),
            max,
            total: board
                .edition
                .topics
                .iter()
                .map(|t| u64::from(t.votes))
                .sum(),
        },
        ..Lines::default()
    };
    for (rank, t) in ranked.iter().enumerate() {
        let start = out.lines.len();
        out.lines
            .extend(item_lines(t, rank, false, max, cols, theme));
        out.items.push(start..out.lines.len());
    }
    out
}

/// One topic's lines: the selected one in full, the others in up to two.
fn item_lines(
    t: &Topic,
    rank: usize,
    here: bool,
    max: u32,
    cols: &Columns,
    theme: &Theme,
) -> Vec<(String, Style)> {
    let style = if here { theme.selected } else { theme.heading };
    let len = u64::from(t.votes) * u64::from(cols.bar) / u64::from(max.max(1));
    let bar = "█".repeat(usize::try_from(len).unwrap_or(0));
    let count = format!("{:>4}", t.votes);
    let keep = if here { 6 } else { 2 };
    wrap(&t.title, cols.title, keep)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let text = if i == 0 {
                let lead = if here { "▶" } else { " " };
                let pad = cols.title.saturating_sub(crate::text::width(&l));
                format!(
                    "{lead}{:>3}. {l}{} {count} {bar}",
                    rank + 1,
                    " ".repeat(pad)
                )
            } else {
                format!("      {l}")
            };
            (text, style)
        })
        .collect()
}
