//! Merging two topics that turn out to be the same: pick the second one
//! like a card being moved, then confirm that both conveners agreed.

use super::board::{Board, Focus, Grab};

impl Board {
    pub(super) fn start_merge(&mut self) {
        let Some(keep) = self.target() else {
            self.toast("Select the topic to keep first");
            return;
        };
        let title = self
            .topic(keep)
            .map(|t| t.title.clone())
            .unwrap_or_default();
        self.session = None;
        self.merge = Some(Grab {
            topic: keep,
            from: self.cursor,
            from_parking: self.focus == Focus::Parking,
        });
        self.toast(format!(
            "Merge “{title}” with…: pick the other topic, Enter"
        ));
    }

    pub(super) fn pick_merge(&mut self) {
        let Some(merge) = self.merge else { return };
        match self.selected().map(|t| t.id) {
            Some(other) if other == merge.topic => self.toast("Pick the other topic"),
            Some(other) => self.confirm_merge = Some((merge.topic, other)),
            None => self.toast("No topic here"),
        }
    }

    pub(super) fn cancel_merge(&mut self) {
        if let Some(m) = self.merge.take() {
            self.cursor = m.from;
            self.focus = if m.from_parking {
                Focus::Parking
            } else {
                Focus::Grid
            };
        }
    }

    pub(super) fn confirm_merge(&mut self) {
        let Some((keep, other)) = self.confirm_merge.take() else {
            return;
        };
        self.merge = None;
        let title = |id| self.topic(id).map(|t| t.title.clone()).unwrap_or_default();
        let (kept, gone) = (title(keep), title(other));
        if self
            .change(format!("merge “{gone}” into “{kept}”"), |e| {
                e.merge(keep, other)
            })
            .is_some()
        {
            self.select_topic(keep);
            self.toast(format!("Merged “{gone}” into “{kept}” — u undoes"));
        }
    }
}
