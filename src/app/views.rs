//! The full-screen views beside the grid: the action plan, dot voting and
//! the reports still owed — what they list, and their keys.

use super::action::Dir;
use super::board::{Ask, Board, Grouping, SessionView, View};
use super::keymap::Mode;
use crate::model::{ActionId, ActionPoint, Edition, Placement, Status, Topic, TopicId};

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
fn session_order(e: &Edition, t: &Topic) -> (u8, Option<jiff::civil::DateTime>, usize) {
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
    status: super::board::StatusFilter,
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
        overdue: a.status == Status::Open && a.due.is_some_and(|d| d < today),
    };
    match grouping {
        Grouping::Session => {
            items.sort_by_key(|(t, a)| {
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
            items.sort_by(|(_, a), (_, b)| {
                let owner = |p: &ActionPoint| {
                    (
                        p.owner.is_none(),
                        p.owner.as_ref().map(|o| o.to_lowercase()),
                    )
                };
                owner(a).cmp(&owner(b)).then(due_key(a).cmp(&due_key(b)))
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
    owners.sort_by_key(|o| o.to_lowercase());
    owners.dedup();
    owners
}

/// Whether a session's slot has ended and it has no notes yet.
pub fn owes_report(e: &Edition, t: &Topic, now: jiff::civil::DateTime) -> bool {
    let Placement::At { slot, .. } = &t.placement else {
        return false;
    };
    t.notes.trim().is_empty()
        && e.slot(slot)
            .is_some_and(|s| s.day.to_datetime(s.end) <= now)
}

/// Sessions that owe a report, in the order they took place.
pub fn reports_owed(e: &Edition, now: jiff::civil::DateTime) -> Vec<&Topic> {
    let mut owed: Vec<&Topic> = e
        .topics
        .iter()
        .map(|t| &**t)
        .filter(|t| owes_report(e, t, now))
        .collect();
    owed.sort_by_key(|t| session_order(e, t));
    owed
}

impl Board {
    pub(super) fn view_mode(&self) -> Option<Mode> {
        match self.view {
            View::Grid => None,
            View::Plan { .. } => Some(Mode::Plan),
            View::Tally { .. } => Some(Mode::Tally),
            View::Reports { .. } => Some(Mode::Reports),
            View::Review { .. } => Some(Mode::Review),
            View::Retro { .. } => Some(Mode::Retro),
            View::Compare => Some(Mode::Compare),
            View::Search { .. } => Some(Mode::Search),
        }
    }

    pub(super) fn open_view(&mut self, view: View) {
        self.session = None;
        self.view = view;
    }

    /// The action points the plan shows now, in order.
    pub fn plan_items(&self) -> Vec<ActionId> {
        let View::Plan {
            grouping,
            status,
            owner,
            ..
        } = &self.view
        else {
            return Vec::new();
        };
        plan_rows(
            &self.edition,
            *grouping,
            *status,
            owner.as_deref(),
            self.today(),
        )
        .into_iter()
        .filter_map(|r| match r {
            PlanRow::Item { point, .. } => Some(point.id),
            PlanRow::Heading(_) => None,
        })
        .collect()
    }

    fn view_len(&self) -> usize {
        match &self.view {
            View::Grid => 0,
            View::Plan { .. } => self.plan_items().len(),
            View::Tally { .. } => self.edition.topics.len(),
            View::Reports { .. } => reports_owed(&self.edition, self.now).len(),
            View::Review { .. } => self.review_items().len(),
            View::Retro { .. } => {
                self.edition.retrospective.worked.len() + self.edition.retrospective.better.len()
            }
            View::Compare => 0,
            View::Search { .. } => self.search_hits().len(),
        }
    }

    pub(super) fn view_move(&mut self, dir: Dir) {
        let n = self.view_len();
        if let Some(selected) = self.view.selected_mut() {
            *selected = match dir {
                Dir::Up => selected.saturating_sub(1),
                Dir::Down => (*selected + 1).min(n.saturating_sub(1)),
                _ => *selected,
            };
        }
    }

    fn clamp_view(&mut self) {
        let n = self.view_len();
        if let Some(selected) = self.view.selected_mut() {
            *selected = (*selected).min(n.saturating_sub(1));
        }
    }

    fn selected_plan_item(&self) -> Option<ActionId> {
        let View::Plan { selected, .. } = self.view else {
            return None;
        };
        self.plan_items().get(selected).copied()
    }

    pub(super) fn open_from_view(&mut self) {
        let topic = match &self.view {
            View::Plan { .. } => self
                .selected_plan_item()
                .and_then(|id| self.edition.action(id))
                .and_then(|(t, _)| t.map(|t| t.id)),
            View::Reports { selected } => reports_owed(&self.edition, self.now)
                .get(*selected)
                .map(|t| t.id),
            _ => None,
        };
        match topic {
            Some(id) => self.session = Some(SessionView::new(id)),
            None => self.toast("This point belongs to no session of this edition"),
        }
    }

    pub(super) fn plan_toggle(&mut self, status: Status) {
        let Some(id) = self.selected_plan_item() else {
            return;
        };
        self.set_action_status(id, status);
        self.clamp_view();
    }

    pub(super) fn plan_group(&mut self) {
        if let View::Plan {
            grouping, selected, ..
        } = &mut self.view
        {
            *grouping = match grouping {
                Grouping::Session => Grouping::Owner,
                Grouping::Owner => Grouping::Session,
            };
            *selected = 0;
        }
    }

    pub(super) fn plan_status(&mut self) {
        if let View::Plan {
            status, selected, ..
        } = &mut self.view
        {
            *status = status.next();
            *selected = 0;
        }
    }

    /// Cycles the owner filter: each owner in turn, then everybody.
    pub(super) fn plan_owner(&mut self) {
        let owners = owners(&self.edition);
        if let View::Plan {
            owner, selected, ..
        } = &mut self.view
        {
            let next = match owner {
                None => owners.first().cloned(),
                Some(current) => {
                    let i = owners.iter().position(|o| o == current);
                    i.and_then(|i| owners.get(i + 1)).cloned()
                }
            };
            *owner = next;
            *selected = 0;
        }
    }

    fn tally_topic(&self) -> Option<TopicId> {
        let View::Tally { selected } = self.view else {
            return None;
        };
        self.edition.topics.get(selected).map(|t| t.id)
    }

    pub(super) fn tally_vote(&mut self, up: bool) {
        let Some(id) = self.tally_topic() else { return };
        let title = self.topic(id).map(|t| t.title.clone()).unwrap_or_default();
        let result = self.change(format!("dot for “{title}”"), |e| {
            if up { e.vote_up(id) } else { e.vote_down(id) }
        });
        if let Some(n) = result {
            self.toast(format!("“{title}”: {n} dots"));
        }
    }

    pub(super) fn tally_set(&mut self) {
        let Some(t) = self.tally_topic().and_then(|id| self.topic(id)) else {
            return;
        };
        let (id, votes) = (t.id, t.votes);
        self.ask(Ask::Votes(id), votes.to_string());
    }

    /// Each person's number of dots, 1 to 20.
    pub(super) fn dots(&mut self, delta: i32) {
        let current = self.edition.dots.unwrap_or(3);
        let next = current.saturating_add_signed(delta).clamp(1, 20);
        if self
            .change("dots per person", |e| {
                e.dots = Some(next);
                Ok(())
            })
            .is_some()
        {
            self.toast(format!("Each person has {next} dots"));
        }
    }

    pub(super) fn report_notes(&mut self) {
        self.open_from_view();
        if self.session.is_some() {
            self.start_notes();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::board::StatusFilter;
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

    #[test]
    fn reports_are_owed_by_ended_sessions_without_notes() {
        let mut e = sample();
        let day = e.days[0];
        let at = |h, m| day.to_datetime(jiff::civil::time(h, m, 0, 0));
        // at 10:00 nothing has ended; at 10:20 the 09:30 sessions have
        assert!(reports_owed(&e, at(10, 0)).is_empty());
        let owed: Vec<String> = reports_owed(&e, at(10, 20))
            .iter()
            .map(|t| t.title.clone())
            .collect();
        assert_eq!(owed, vec!["Service mesh in our cloud", "Team tourism"]);
        let id = e.topics[0].id;
        e.set_notes(id, "We agreed on a pilot").unwrap();
        assert_eq!(reports_owed(&e, at(10, 20)).len(), 1);
    }
}
