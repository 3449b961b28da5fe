//! Reports owed (R): the sessions whose slot has ended and which still
//! have no notes, in the order they took place.

use super::Outcome;
use super::plan::session_order;
use crate::app::action::Action;
use crate::app::board::Board;
use crate::app::stack::View;
use crate::model::{Edition, Placement, Topic};

/// Whether a session has ended (all its slots) and it has no notes yet.
pub fn owes_report(e: &Edition, t: &Topic, now: jiff::civil::DateTime) -> bool {
    let Placement::At { slot, .. } = &t.placement else {
        return false;
    };
    if !t.notes.trim().is_empty() {
        return false;
    }
    let ends = if t.slots() > 1 {
        e.session_times(t).map(|(_, end)| end)
    } else {
        e.slot(slot).map(|s| s.ends())
    };
    ends.is_some_and(|end| end <= now)
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
    pub(crate) fn on_reports(&mut self, action: Action) -> Outcome {
        let View::Reports(list) = self.stack.view else {
            return Outcome::Unclaimed;
        };
        let topic = reports_owed(&self.edition, self.now)
            .get(list.selected)
            .map(|t| t.id);
        match (action, topic) {
            (Action::Open, Some(id)) => self.open_session(id),
            (Action::EditNotes, Some(id)) => self.open_notes(id, None),
            (Action::Open | Action::EditNotes, None) => self.toast("No session owes a report"),
            _ => return self.on_list(action),
        }
        Outcome::Stay
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::sample;

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
