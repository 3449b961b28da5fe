//! The action plan (A): every action point of the edition, grouped by
//! session or by owner, filtered by status and owner, for the closing circle.

use super::Outcome;
use crate::app::action::Action;
use crate::app::board::Board;
use crate::app::stack::View;
use crate::model::{ActionId, ActionPoint, Edition, Placement, Status, Topic, TopicId};

/// How the action plan groups its points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    #[default]
    Session,
    Owner,
}

/// Which action points the plan shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    #[default]
    Open,
    All,
    Done,
    Dropped,
}

impl StatusFilter {
    pub fn next(self) -> StatusFilter {
        match self {
            StatusFilter::Open => StatusFilter::All,
            StatusFilter::All => StatusFilter::Done,
            StatusFilter::Done => StatusFilter::Dropped,
            StatusFilter::Dropped => StatusFilter::Open,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            StatusFilter::Open => "open",
            StatusFilter::All => "all",
            StatusFilter::Done => "done",
            StatusFilter::Dropped => "dropped",
        }
    }
    pub fn keeps(self, status: Status) -> bool {
        match self {
            StatusFilter::All => true,
            StatusFilter::Open => status == Status::Open,
            StatusFilter::Done => status == Status::Done,
            StatusFilter::Dropped => status == Status::Dropped,
        }
    }
}

/// The plan's grouping, filters and selected point.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlanView {
    pub grouping: Grouping,
    pub status: StatusFilter,
    pub owner: Option<String>,
    pub selected: usize,
    /// The points shown, in order: found when the plan opens and again when
    /// its filters or the edition change, not at every key.
    pub items: Vec<ActionId>,
}

/// One line of the action plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanRow<'a> {
    Heading(String),
    Item {
        topic: Option<&'a Topic>,
        point: &'a ActionPoint,
        overdue: bool,
    },
}

/// Where a topic sits in time, for ordering sessions: placed ones by slot, then parked.
pub(crate) fn session_order(e: &Edition, t: &Topic) -> (u8, Option<jiff::civil::DateTime>, usize) {
    match &t.placement {
        Placement::At { slot, space } => (
            0,
            e.slot(slot).map(|s| s.day.to_datetime(s.start)),
            e.space_index(space).unwrap_or(0),
        ),
        Placement::Parked => (1, None, 0),
    }
}

/// Every action point that passes the filters, grouped and sorted by due date
/// (undated last); open points past their due date are marked overdue.
pub fn plan_rows<'a>(
    e: &'a Edition,
    grouping: Grouping,
    status: StatusFilter,
    owner: Option<&str>,
    today: jiff::civil::Date,
) -> Vec<PlanRow<'a>> {
    let mut items: Vec<(Option<&Topic>, &ActionPoint)> = e
        .actions()
        .filter(|(_, a)| status.keeps(a.status))
        .filter(|(_, a)| owner.is_none_or(|o| a.owner.as_deref() == Some(o)))
        .collect();
    let due_key = |a: &ActionPoint| (a.due.is_none(), a.due, a.id);
    let mut rows = Vec::new();
    let item = |t: Option<&'a Topic>, a: &'a ActionPoint| PlanRow::Item {
        topic: t,
        point: a,
        overdue: a.is_overdue(today),
    };
    match grouping {
        Grouping::Session => {
            // each key worked out once, not at every comparison
            items.sort_by_cached_key(|(t, a)| {
                let group = t.map(|t| session_order(e, t));
                (t.is_some(), group, t.map(|t| t.id), due_key(a))
            });
            let mut last: Option<Option<TopicId>> = None;
            for (t, a) in items {
                let key = t.map(|t| t.id);
                if last != Some(key) {
                    rows.push(PlanRow::Heading(match t {
                        Some(t) => t.title.clone(),
                        None => format!(
                            "Carried over from {}",
                            e.previous.as_deref().unwrap_or("an earlier edition")
                        ),
                    }));
                    last = Some(key);
                }
                rows.push(item(t, a));
            }
        }
        Grouping::Owner => {
            items.sort_by_cached_key(|(_, a)| {
                (
                    a.owner.is_none(),
                    a.owner.as_ref().map(|o| o.to_lowercase()),
                    due_key(a),
                )
            });
            let mut last: Option<Option<String>> = None;
            for (t, a) in items {
                if last.as_ref() != Some(&a.owner) {
                    rows.push(PlanRow::Heading(
                        a.owner.clone().unwrap_or_else(|| "No owner yet".into()),
                    ));
                    last = Some(a.owner.clone());
                }
                rows.push(item(t, a));
            }
        }
    }
    rows
}

/// The owners of the edition's action points, for the owner filter.
pub fn owners(e: &Edition) -> Vec<String> {
    let mut owners: Vec<String> = e.actions().filter_map(|(_, a)| a.owner.clone()).collect();
    owners.sort_by_cached_key(|o| o.to_lowercase());
    owners.dedup();
    owners
}

impl Board {
    pub(crate) fn on_plan(&mut self, action: Action) -> Outcome {
        match action {
            Action::Open => self.open_plan_session(),
            Action::ToggleDone => self.plan_toggle(Status::Done),
            Action::ToggleDropped => self.plan_toggle(Status::Dropped),
            Action::GroupBy => self.with_plan(|p, _| {
                p.grouping = match p.grouping {
                    Grouping::Session => Grouping::Owner,
                    Grouping::Owner => Grouping::Session,
                };
            }),
            Action::FilterStatus => self.with_plan(|p, _| p.status = p.status.next()),
            Action::FilterOwner => self.with_plan(|p, owners| {
                // each owner in turn, then everybody
                p.owner = match &p.owner {
                    None => owners.first().cloned(),
                    Some(current) => {
                        let i = owners.iter().position(|o| o == current);
                        i.and_then(|i| owners.get(i + 1)).cloned()
                    }
                };
            }),
            Action::Undo => self.undo(),
            _ => return self.on_list(action),
        }
        Outcome::Stay
    }

    /// Changes the plan's grouping or filters; the selection goes back to the top.
    fn with_plan(&mut self, f: impl FnOnce(&mut PlanView, &[String])) {
        let owners = owners(&self.edition);
        if let View::Plan(p) = &mut self.stack.view {
            f(p, &owners);
            p.selected = 0;
        }
        self.refresh_plan();
    }

    /// Opens the action plan, everyone's open points by session.
    pub(crate) fn open_plan(&mut self) {
        self.stack.show(View::Plan(PlanView::default()));
        self.refresh_plan();
    }

    /// After a change of the edition or the filters: the points shown are found again.
    pub(crate) fn refresh_plan(&mut self) {
        if let View::Plan(p) = &self.stack.view {
            let items = self.plan_items_of(p);
            if let View::Plan(p) = &mut self.stack.view {
                p.items = items;
            }
        }
    }

    /// The action points the plan shows now, in order.
    pub fn plan_items(&self) -> Vec<ActionId> {
        match &self.stack.view {
            View::Plan(p) => p.items.clone(),
            _ => Vec::new(),
        }
    }

    /// The action points a plan with these filters shows, in order.
    pub fn plan_items_of(&self, p: &PlanView) -> Vec<ActionId> {
        plan_rows(
            &self.edition,
            p.grouping,
            p.status,
            p.owner.as_deref(),
            self.today(),
        )
        .into_iter()
        .filter_map(|r| match r {
            PlanRow::Item { point, .. } => Some(point.id),
            PlanRow::Heading(_) => None,
        })
        .collect()
    }

    fn selected_plan_item(&self) -> Option<ActionId> {
        let View::Plan(p) = &self.stack.view else {
            return None;
        };
        p.items.get(p.selected).copied()
    }

    fn open_plan_session(&mut self) {
        let topic = self
            .selected_plan_item()
            .and_then(|id| self.edition.action(id))
            .and_then(|(t, _)| t.map(|t| t.id));
        match topic {
            Some(id) => self.open_session(id),
            None => self.toast("This point belongs to no session of this edition"),
        }
    }

    fn plan_toggle(&mut self, status: Status) {
        if let Some(id) = self.selected_plan_item() {
            self.set_action_status(id, status);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::sample;
    use crate::model::{ActionDraft, Status};
    use jiff::civil::date;

    fn point(
        e: &mut Edition,
        topic: usize,
        text: &str,
        owner: Option<&str>,
        due: Option<jiff::civil::Date>,
    ) -> ActionId {
        let id = e.topics[topic].id;
        e.add_action(
            id,
            ActionDraft {
                text: text.into(),
                owner: owner.map(str::to_string),
                due,
            },
        )
        .unwrap()
    }

    #[test]
    fn the_plan_groups_sorts_by_due_date_and_marks_overdue() {
        let mut e = sample();
        let late = point(&mut e, 1, "late one", Some("Ola"), Some(date(2019, 5, 1)));
        let early = point(&mut e, 1, "undated", None, None);
        let done = point(&mut e, 0, "done one", Some("Marta"), Some(date(2019, 5, 2)));
        e.complete_action(done).unwrap();
        let today = date(2019, 5, 15);
        let rows = plan_rows(&e, Grouping::Session, StatusFilter::Open, None, today);
        let items: Vec<(&str, bool)> = rows
            .iter()
            .filter_map(|r| match r {
                PlanRow::Item { point, overdue, .. } => Some((point.text.as_str(), *overdue)),
                _ => None,
            })
            .collect();
        // the sample's Team tourism point is due 2019-06-30; "late one" is overdue; undated last
        assert_eq!(
            items,
            vec![
                ("late one", true),
                ("Write down how tours work", false),
                ("undated", false)
            ]
        );
        assert!(matches!(&rows[0], PlanRow::Heading(h) if h == "Team tourism"));
        let all = plan_rows(&e, Grouping::Session, StatusFilter::All, None, today);
        assert_eq!(
            all.iter()
                .filter(|r| matches!(r, PlanRow::Item { .. }))
                .count(),
            4
        );
        let by_owner = plan_rows(&e, Grouping::Owner, StatusFilter::All, None, today);
        let headings: Vec<&str> = by_owner
            .iter()
            .filter_map(|r| match r {
                PlanRow::Heading(h) => Some(h.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(headings, vec!["Marta", "Ola", "No owner yet"]);
        let olas = plan_rows(&e, Grouping::Owner, StatusFilter::All, Some("Ola"), today);
        assert_eq!(olas.len(), 3, "a heading and Ola's two points");
        let _ = (late, early, Status::Open);
    }
}
