//! Dot voting (V): one ranked list, most dots first, dots added as people
//! count them; the topic being counted stays selected as it climbs.

use super::Outcome;
use crate::app::action::Action;
use crate::app::board::Board;
use crate::app::stack::View;
use crate::model::{Edition, Topic, TopicId};

/// The topics ranked: most dots first, ties in the order they were proposed.
pub fn ranked(e: &Edition) -> Vec<&Topic> {
    e.ranking()
}

impl Board {
    pub(crate) fn on_tally(&mut self, action: Action) -> Outcome {
        match action {
            Action::VoteUp => self.tally_vote(true),
            Action::VoteDown => self.tally_vote(false),
            Action::SetVotes => {
                if let Some(id) = self.tally_topic() {
                    self.ask_votes(id);
                }
            }
            Action::DotsMore => self.dots(1),
            Action::DotsLess => self.dots(-1),
            Action::Undo => self.undo(),
            _ => return self.on_list(action),
        }
        Outcome::Stay
    }

    fn tally_topic(&self) -> Option<TopicId> {
        let View::Tally(list) = self.stack.view else {
            return None;
        };
        ranked(&self.edition).get(list.selected).map(|t| t.id)
    }

    /// Keeps a topic selected after its dots changed its rank.
    pub(crate) fn follow_in_tally(&mut self, id: TopicId) {
        let at = ranked(&self.edition).iter().position(|t| t.id == id);
        if let (View::Tally(list), Some(at)) = (&mut self.stack.view, at) {
            list.selected = at;
        }
    }

    fn tally_vote(&mut self, up: bool) {
        let Some(id) = self.tally_topic() else { return };
        let title = self.title_of(id);
        let result = self.change(format!("dot for “{title}”"), |e| {
            if up { e.vote_up(id) } else { e.vote_down(id) }
        });
        if let Some(n) = result {
            self.follow_in_tally(id);
            self.toast(format!("“{title}”: {n} dots"));
        }
    }

    /// Each person's number of dots, 1 to 20.
    fn dots(&mut self, delta: i32) {
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
}
