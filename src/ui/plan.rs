//! The action plan: every action point of the edition, for the closing circle.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::draw::{fill, line};
use super::theme::Theme;
use crate::app::board::Board;
use crate::app::layers::plan::{Grouping, PlanRow, PlanView, plan_rows};
use crate::text::wrap;

pub fn render(board: &Board, view: &PlanView, area: Rect, theme: &Theme, buf: &mut Buffer) {
    fill(buf, area, theme.base);
    let PlanView {
        grouping,
        status,
        owner,
        selected,
    } = view;
    let today = board.now.date();
    let rows = plan_rows(&board.edition, *grouping, *status, owner.as_deref(), today);
    let count = rows
        .iter()
        .filter(|r| matches!(r, PlanRow::Item { .. }))
        .count();
    let overdue = rows
        .iter()
        .filter(|r| matches!(r, PlanRow::Item { overdue: true, .. }))
        .count();
    let group = match grouping {
        Grouping::Session => "by session",
        Grouping::Owner => "by owner",
    };
    let who = owner.as_deref().unwrap_or("everyone");
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
    let w = usize::from(area.width.saturating_sub(4));
    let mut lines: Vec<(String, ratatui::style::Style)> = Vec::new();
    let mut selected_at = 0;
    let mut item = 0;
    for row in &rows {
        match row {
            PlanRow::Heading(h) => {
                lines.push((String::new(), theme.base));
                lines.push((format!(" {h}"), theme.heading));
            }
            PlanRow::Item {
                topic,
                point,
                overdue,
            } => {
                let here = item == *selected;
                // by session the owner is said; by owner, the session it came from
                let lead = match grouping {
                    Grouping::Session => {
                        point.owner.clone().unwrap_or_else(|| "no owner yet".into())
                    }
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
                let mut text = format!(
                    "{} {} {} — {lead}",
                    if here { "▶" } else { " " },
                    point.status.glyph(),
                    point.text
                );
                let facts = point.facts(false, Some(today));
                if !facts.is_empty() {
                    text.push_str(&format!(", {facts}"));
                }
                if here {
                    selected_at = lines.len();
                }
                let style = if here {
                    theme.selected
                } else if *overdue {
                    theme.warn
                } else {
                    theme.base
                };
                for (i, l) in wrap(&text, w, 3).into_iter().enumerate() {
                    lines.push((
                        format!("{}{l}", if i == 0 { "  " } else { "      " }),
                        style,
                    ));
                }
                item += 1;
            }
        }
    }
    if count == 0 {
        lines.push((String::new(), theme.base));
        lines.push((
            "  No action points match: f shows another status, w another owner.".into(),
            theme.dim,
        ));
    }
    let below = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    super::draw::scrolled(buf, below, &lines, selected_at, 2);
}
