//! The action plan: every action point of the edition, for the closing circle.
//! Its lines are kept between frames (`list::ListMemo`): a key that only
//! moves the selection draws the lines on screen, nothing more.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::draw::{fill, line};
use super::list::{Lines, ListMemo};
use super::theme::Theme;
use crate::app::board::Board;
use crate::app::layers::plan::{Grouping, PlanRow, PlanView, StatusFilter, plan_rows};
use crate::model::{ActionId, ActionPoint, Topic};
use crate::text::wrap;

/// What the plan's lines are made from.
#[derive(Debug, PartialEq)]
pub struct Key {
    stamp: u64,
    grouping: Grouping,
    status: StatusFilter,
    owner: Option<String>,
    today: jiff::civil::Date,
    width: u16,
    theme: Theme,
}

/// Besides its lines: each item's point, how many points and how many overdue.
#[derive(Debug, Default)]
pub struct Extra {
    points: Vec<ActionId>,
    overdue: usize,
}

pub type PlanMemo = ListMemo<Key, Extra>;

pub fn render(
    board: &Board,
    view: &PlanView,
    area: Rect,
    theme: &Theme,
    buf: &mut Buffer,
    memo: &mut PlanMemo,
) {
    fill(buf, area, theme.base);
    let PlanView {
        grouping,
        status,
        owner,
        selected,
        ..
    } = view;
    let today = board.now.date();
    let key = Key {
        stamp: board.index.stamp,
        grouping: *grouping,
        status: *status,
        owner: owner.clone(),
        today,
        width: area.width,
        theme: *theme,
    };
    let w = usize::from(area.width.saturating_sub(4));
    let kept = memo.get(key, || lines(board, view, w, theme));
    let count = kept.extra.points.len();
    let group = match grouping {
        Grouping::Session => "by session",
        Grouping::Owner => "by owner",
    };
    let who = owner.as_deref().unwrap_or("everyone");
    let overdue = kept.extra.overdue;
    let title = format!(
        " Action plan · {count} {} · {group} · {who}{}",
        status.label(),
        if overdue > 0 {
            format!(" · ⚠ {overdue} overdue")
        } else {
            String::new()
        }
    );
    line(buf, area.x, area.y, area.width, &title, theme.heading);
    // the selected point's lines, with its marker, made again at each frame
    let chosen = kept
        .extra
        .points
        .get(*selected)
        .and_then(|&id| board.edition.action(id))
        .map(|(topic, point)| {
            let overdue = point.is_overdue(today);
            item_lines(topic, point, overdue, true, *grouping, today, w, theme)
        })
        .unwrap_or_default();
    let below = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    kept.draw(buf, below, *selected, &chosen, 2);
}

/// Every line of the plan, no point selected.
fn lines(board: &Board, view: &PlanView, w: usize, theme: &Theme) -> Lines<Extra> {
    let today = board.now.date();
    let rows = plan_rows(
        &board.edition,
        view.grouping,
        view.status,
        view.owner.as_deref(),
        today,
    );
    let mut out = Lines::<Extra>::default();
    for row in &rows {
        match row {
            PlanRow::Heading(h) => {
                out.lines.push((String::new(), theme.base));
                out.lines.push((format!(" {h}"), theme.heading));
            }
            PlanRow::Item {
                topic,
                point,
                overdue,
            } => {
                let start = out.lines.len();
                out.lines.extend(item_lines(
                    *topic,
                    point,
                    *overdue,
                    false,
                    view.grouping,
                    today,
                    w,
                    theme,
                ));
                out.items.push(start..out.lines.len());
                out.extra.points.push(point.id);
                out.extra.overdue += usize::from(*overdue);
            }
        }
    }
    if out.items.is_empty() {
        out.lines.push((String::new(), theme.base));
        out.lines.push((
            "  No action points match: f shows another status, w another owner.".into(),
            theme.dim,
        ));
    }
    out
}

/// One point's lines: its status, text and who or where it came from, wrapped.
#[allow(clippy::too_many_arguments)]
fn item_lines(
    topic: Option<&Topic>,
    point: &ActionPoint,
    overdue: bool,
    here: bool,
    grouping: Grouping,
    today: jiff::civil::Date,
    w: usize,
    theme: &Theme,
) -> Vec<(String, Style)> {
    // by session the owner is said; by owner, the session it came from
    let lead = match grouping {
        Grouping::Session => point.owner.clone().unwrap_or_else(|| "no owner yet".into()),
        Grouping::Owner => topic
            .map(|t| t.title.clone())
            .or_else(|| {
                point
                    .origin
                    .as_ref()
                    .map(|o| format!("{} (carried)", o.topic))
            })
            .unwrap_or_default(),
    };
    let mut text = format!("{} {} — {lead}", point.status.glyph(), point.text);
    let facts = point.facts(false, Some(today));
    if !facts.is_empty() {
        text.push_str(&format!(", {facts}"));
    }
    let style = if here {
        theme.selected
    } else if overdue {
        theme.warn
    } else {
        theme.base
    };
    // the marker in a column of its own: a selected point does not move
    let marker = if here { "▶" } else { " " };
    wrap(&text, w.saturating_sub(2), 3)
        .into_iter()
        .enumerate()
        .map(|(i, l)| match i {
            0 => (format!("  {marker} {l}"), style),
            _ => (format!("      {l}"), style),
        })
        .collect()
}
