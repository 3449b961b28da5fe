//! Dot voting: one ranked list, most dots first, each title in full
//! (wrapped), a bar scaled to the leader beside its count.
//!
//! A dot changes the ranking, so the list is laid out again after every
//! change; what takes the time is kept instead: each title's wrapped lines
//! (by topic, while its title and the width stay), and a line's text is
//! made only when it is on screen.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

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

/// What the ranking is laid out from.
#[derive(Debug, PartialEq)]
pub struct Key {
    stamp: u64,
    width: u16,
    theme: Theme,
}

/// Besides its lines: the topics in rank order, the leader's dots, every dot.
#[derive(Debug, Default)]
pub struct Extra {
    ranked: Vec<(Arc<Topic>, Arc<Wrapped>)>,
    max: u32,
    total: u64,
}

/// A line of the ranking: which topic, which of its lines, and whether it
/// is the selected one (shown in full, with a marker).
#[derive(Debug, Clone, Copy)]
pub struct Line {
    rank: usize,
    part: usize,
    here: bool,
}

/// A title wrapped to the title column: in two lines, and in full (six at most).
#[derive(Debug)]
pub struct Wrapped {
    title: String,
    short: Vec<String>,
    full: Vec<String>,
}

/// The ranking kept between frames, and the titles wrapped so far.
#[derive(Debug, Default)]
pub struct TallyMemo {
    list: ListMemo<Key, Extra, Line>,
    titles: HashMap<TopicId, Arc<Wrapped>>,
    titles_width: usize,
}

impl TallyMemo {
    pub fn off() -> TallyMemo {
        TallyMemo {
            list: ListMemo::off(),
            ..TallyMemo::default()
        }
    }
}

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
    if memo.titles_width != cols.title {
        memo.titles.clear();
        memo.titles_width = cols.title;
    }
    let titles = &mut memo.titles;
    let kept = memo.list.get(key, || layout(board, &cols, titles));
    let dots = e.dots.unwrap_or(3);
    let total = kept.extra.total;
    let title =
        format!(" Dot voting · each person has {dots} dots ([ ] change) · {total} dots counted");
    line(buf, area.x, area.y, area.width, &title, theme.heading);
    let chosen: Vec<Line> = kept
        .extra
        .ranked
        .get(selected)
        .map_or(0..0, |(_, w)| 0..w.full.len())
        .map(|part| Line {
            rank: selected,
            part,
            here: true,
        })
        .collect();
    let list = Rect::new(
        area.x,
        area.y + 2,
        area.width,
        area.height.saturating_sub(2),
    );
    let extra = &kept.extra;
    kept.draw_as(buf, list, selected, &chosen, 1, |l| {
        show(extra, *l, &cols, theme)
    });
}

/// The ranking laid out, none selected: each topic's title wrapped once.
fn layout(
    board: &Board,
    cols: &Columns,
    titles: &mut HashMap<TopicId, Arc<Wrapped>>,
) -> Lines<Extra, Line> {
    let ranked = ranked(&board.edition);
    let max = ranked.first().map_or(0, |t| t.votes).max(1);
    let mut out = Lines::<Extra, Line>::default();
    out.extra.max = max;
    out.extra.total = board
        .edition
        .topics
        .iter()
        .map(|t| u64::from(t.votes))
        .sum();
    // the topics as shared, in rank order
    let mut by_id: HashMap<TopicId, &Arc<Topic>> =
        board.edition.topics.iter().map(|t| (t.id, t)).collect();
    for (rank, t) in ranked.iter().enumerate() {
        let Some(shared) = by_id.remove(&t.id) else {
            continue;
        };
        let wrapped = match titles.get(&t.id) {
            Some(w) if w.title == t.title => Arc::clone(w),
            _ => {
                let w = Arc::new(Wrapped {
                    title: t.title.clone(),
                    short: wrap(&t.title, cols.title, 2),
                    full: wrap(&t.title, cols.title, 6),
                });
                titles.insert(t.id, Arc::clone(&w));
                w
            }
        };
        let start = out.lines.len();
        out.lines.extend((0..wrapped.short.len()).map(|part| Line {
            rank,
            part,
            here: false,
        }));
        out.items.push(start..out.lines.len());
        out.extra.ranked.push((Arc::clone(shared), wrapped));
    }
    out
}

/// The text of one line of the ranking: its first line has the rank, the
/// count and the bar.
fn show<'a>(extra: &'a Extra, l: Line, cols: &Columns, theme: &Theme) -> (Cow<'a, str>, Style) {
    let style = if l.here {
        theme.selected
    } else {
        theme.heading
    };
    let Some((t, wrapped)) = extra.ranked.get(l.rank) else {
        return (Cow::Borrowed(""), style);
    };
    let lines = if l.here {
        &wrapped.full
    } else {
        &wrapped.short
    };
    let Some(text) = lines.get(l.part) else {
        return (Cow::Borrowed(""), style);
    };
    if l.part > 0 {
        return (Cow::Owned(format!("      {text}")), style);
    }
    let len = u64::from(t.votes) * u64::from(cols.bar) / u64::from(extra.max.max(1));
    let bar = "█".repeat(usize::try_from(len).unwrap_or(0));
    let lead = if l.here { "▶" } else { " " };
    let pad = cols.title.saturating_sub(crate::text::width(text));
    let line = format!(
        "{lead}{:>3}. {text}{} {:>4} {bar}",
        l.rank + 1,
        " ".repeat(pad),
        t.votes
    );
    (Cow::Owned(line), style)
}
