//! The comparison (C): this edition beside the earlier one — numbers,
//! spaces kept and gone, topics that came back, action points carried over.

use super::Outcome;
use crate::app::action::Action;
use crate::app::board::Board;
use crate::app::stack::View;
use crate::history::compare::Comparison;

impl Board {
    pub(crate) fn on_compare(&mut self, action: Action) -> Outcome {
        self.on_list(action)
    }

    /// The comparison as lines, for drawing and for scrolling within bounds.
    pub fn compare_lines(&self) -> Vec<Line> {
        let Some((earlier, c)) = self.comparison() else {
            return Vec::new();
        };
        compare_lines(&earlier, &self.edition.name, &c)
    }

    /// The last first line of the comparison on this screen.
    pub(crate) fn compare_scroll_max(&self) -> usize {
        let page = usize::from(self.regions().overlay.height).max(1);
        self.compare_lines().len().saturating_sub(page)
    }

    pub fn comparison(&self) -> Option<(String, Comparison)> {
        let prev = self.previous()?;
        Some((
            prev.edition.name.clone(),
            crate::history::compare::compare(&prev.edition, &prev.file, &self.edition),
        ))
    }

    pub(crate) fn open_compare(&mut self) {
        if !self.earlier_ready() {
            return;
        }
        if self.previous().is_none() {
            self.toast("No earlier edition in the folder to compare with");
            return;
        }
        self.stack.show(View::Compare { scroll: 0 });
    }
}

/// A line of the comparison: a row of the table, a heading, or an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// What is compared, the earlier edition's and this one's: cut to fit when drawn.
    Row(String, String, String),
    Heading(String),
    Item(String),
}

fn compare_lines(earlier: &str, this: &str, c: &Comparison) -> Vec<Line> {
    let list = |v: &[String]| {
        if v.is_empty() {
            "—".to_string()
        } else {
            v.join(", ")
        }
    };
    let row = |what: &str, a: &str, b: &str| Line::Row(what.into(), a.into(), b.into());
    let mut lines = vec![row("", earlier, this)];
    for (what, a, b) in &c.numbers {
        lines.push(row(what, a, b));
    }
    lines.push(Line::Item(String::new()));
    lines.push(Line::Heading(" Spaces".into()));
    lines.push(Line::Item(format!("   kept: {}", list(&c.spaces_kept))));
    lines.push(Line::Item(format!("   gone: {}", list(&c.spaces_gone))));
    lines.push(Line::Item(format!("   new:  {}", list(&c.spaces_new))));
    lines.push(Line::Item(String::new()));
    lines.push(Line::Heading(format!(
        " Topics that came back ({})",
        c.recurring.len()
    )));
    for (a, b) in &c.recurring {
        lines.push(Line::Item(format!("   {a}  →  {b}")));
    }
    lines.push(Line::Item(String::new()));
    let done = c
        .carried
        .iter()
        .filter(|(_, s)| *s == crate::model::Status::Done)
        .count();
    lines.push(Line::Heading(format!(
        " Action points carried over ({}) · ✓ {done} done since",
        c.carried.len()
    )));
    for (text, status) in &c.carried {
        lines.push(Line::Item(format!(
            "   {} {text} · {}",
            status.glyph(),
            status.label()
        )));
    }
    lines
}
