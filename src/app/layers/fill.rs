//! Filling the grid from the parking lot (F): the plan is shown first —
//! what goes where, what stays parked and why — and applied as one
//! undoable step; r re-fits the unpinned sessions that break a rule too.

use super::Outcome;
use crate::app::action::Action;
use crate::app::board::Board;
use crate::app::stack::Overlay;
use crate::model::fill::{self, Plan};

/// The plan shown before it is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FillPreview {
    pub plan: Plan,
    pub refit: bool,
}

impl Board {
    /// The moment filling must not go before: now, once the clock runs
    /// (tests and a board without a clock fill the whole edition).
    fn live(&self) -> Option<jiff::civil::DateTime> {
        (self.now != jiff::civil::DateTime::default()).then_some(self.now)
    }

    pub(crate) fn open_fill(&mut self, refit: bool) {
        let plan = fill::plan_from(&self.edition, refit, self.live());
        if plan.moves.is_empty() {
            self.toast(format!("Nothing to place: {}", plan.summary()));
            return;
        }
        self.open(Overlay::Fill(FillPreview { plan, refit }));
    }

    pub(crate) fn on_fill(&mut self, preview: &mut FillPreview, action: Action) -> Outcome {
        match action {
            Action::Yes | Action::Submit => {
                let plan = preview.plan.clone();
                let summary = plan.summary();
                if self
                    .change(format!("fill the grid ({summary})"), |e| plan.apply(e))
                    .is_some()
                {
                    self.toast(format!("Filled the grid: {summary} — u undoes"));
                }
                Outcome::Close
            }
            Action::Refit => {
                preview.refit = !preview.refit;
                preview.plan = fill::plan_from(&self.edition, preview.refit, self.live());
                Outcome::Stay
            }
            Action::No | Action::Cancel => Outcome::Close,
            _ => Outcome::Unclaimed,
        }
    }
}
