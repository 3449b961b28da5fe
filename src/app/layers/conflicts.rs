//! The file changed outside while the board had changes of its own: what
//! both changed is listed with both versions, and the facilitator chooses.
//! Until then the board's version stands; nothing is dropped silently.

use super::Outcome;
use crate::app::action::{Action, Dir};
use crate::app::board::Board;
use crate::app::stack::Overlay;
use crate::model::Edition;
use crate::model::sync::{self, Conflict};

/// The conflicts of one outside change, and the file's version to take from.
#[derive(Debug, Clone)]
pub struct Conflicts {
    pub list: Vec<Conflict>,
    pub theirs: Box<Edition>,
    pub selected: usize,
    /// Where the other versions come from, as the window says it.
    pub from: Source,
}

/// Where the versions that are not the board's come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Source {
    /// Another program wrote the file.
    #[default]
    File,
    /// The scribes' journals.
    Scribes,
}

impl Source {
    /// "file", "scribe": the other side in the window's words.
    pub fn word(self) -> &'static str {
        match self {
            Source::File => "file",
            Source::Scribes => "scribe",
        }
    }
}

impl Board {
    /// The file as another program left it: taken as it is when the board
    /// has nothing unsaved, else merged by id with the board's changes. One
    /// undoable step either way; conflicts open for the facilitator to choose.
    pub fn file_changed(&mut self, theirs: Edition) {
        if theirs == self.disk {
            return;
        }
        let before = self.edition.clone();
        let unsaved = self.save.dirty() || self.edition != self.disk;
        let merged = if unsaved {
            sync::merge(&self.disk, &self.edition, &theirs)
        } else {
            sync::Merged {
                edition: theirs.clone(),
                conflicts: Vec::new(),
                taken: 1,
            }
        };
        self.edition = merged.edition;
        self.disk = theirs.clone();
        if self.edition != before {
            self.history.record(before.clone(), "changes made outside");
            self.edition_changed();
        }
        // what the board shows is the file unless its own changes are merged in
        if self.edition == self.disk {
            self.save.saved = self.save.generation;
        }
        // a card being edited that the file changed: the form says so, and
        // Enter then keeps what is typed over it knowingly (Esc takes the file's)
        for o in &mut self.stack.overlays {
            if let Overlay::Form(form) = o
                && let crate::app::form::Target::Topic(id) = form.target
                && before.topic(id) != self.edition.topic(id)
            {
                let now = self
                    .edition
                    .topic(id)
                    .map_or("removed".to_string(), |t| format!("now “{}”", t.title));
                form.error = Some(format!(
                    "This card was changed outside ({now}): Enter saves what is typed here over \
                     it, Esc keeps the file's"
                ));
            }
        }
        let n = merged.conflicts.len();
        if n == 0 {
            self.toast("The file was changed outside: the board took the changes — u undoes");
        } else {
            self.warn(format!(
                "The file was changed outside: {n} things changed here too — the board's \
                 version stands until you choose"
            ));
            self.open(Overlay::Conflicts(Conflicts {
                list: merged.conflicts,
                theirs: Box::new(theirs),
                selected: 0,
                from: Source::File,
            }));
        }
    }

    /// The scribes' journals as they are now: what the edition has not taken
    /// yet is merged in one undoable step and said on the message line;
    /// where the facilitator changed the same thing, both values open for
    /// the facilitator to choose. Only a board that owns the file merges (it is
    /// the file's one writer); in review too, as a file changed outside is.
    pub fn take_journals(&mut self, journals: &[crate::model::journal::Journal]) -> bool {
        // a scribe's board shows journals, it never takes them into the edition
        if self.read_only.is_some() || self.stack.follower || self.scribe.is_some() {
            return false;
        }
        let before = self.edition.clone();
        let taken = crate::model::journal::merge(&mut self.edition, journals);
        if self.edition == before && taken.conflicts.is_empty() {
            return false;
        }
        if self.edition != before {
            self.history.record(before, "what the scribes wrote");
            self.edition_changed();
        }
        let summary = taken.summary();
        if taken.conflicts.is_empty() {
            self.toast(format!("{summary} — u undoes"));
        }
        if let (false, Some(theirs)) = (taken.conflicts.is_empty(), taken.theirs) {
            let n = taken.conflicts.len();
            self.warn(format!(
                "{summary}{}{n} {} you changed too: the board's value stands until you choose",
                if summary.is_empty() { "" } else { " — " },
                if n == 1 {
                    "thing a scribe changed"
                } else {
                    "things scribes changed"
                },
            ));
            self.open(Overlay::Conflicts(Conflicts {
                list: taken.conflicts,
                theirs: Box::new(theirs),
                selected: 0,
                from: Source::Scribes,
            }));
        }
        true
    }

    pub(crate) fn on_conflicts(&mut self, c: &mut Conflicts, action: Action) -> Outcome {
        let n = c.list.len();
        match action {
            Action::Move(Dir::Up) => c.selected = c.selected.saturating_sub(1),
            Action::Move(Dir::Down) => c.selected = (c.selected + 1).min(n.saturating_sub(1)),
            Action::TakeTheirs => {
                let Some(conflict) = c.list.get(c.selected).cloned() else {
                    return Outcome::Close;
                };
                let theirs = c.theirs.clone();
                let whose = c.from.word();
                let done = self.try_outside(format!("take the {whose}'s {}", conflict.what), |e| {
                    sync::take_theirs(e, &theirs, &conflict.point);
                });
                if done {
                    self.toast(format!("Took the {whose}'s version of {}", conflict.what));
                }
                c.list.remove(c.selected);
            }
            Action::KeepOurs => {
                if let Some(conflict) = c.list.get(c.selected) {
                    self.toast(format!("Kept the board's version of {}", conflict.what));
                }
                c.list.remove(c.selected.min(n.saturating_sub(1)));
            }
            Action::Cancel => {
                self.toast("The board's version stands for what is left");
                return Outcome::Close;
            }
            _ => return Outcome::Unclaimed,
        }
        c.selected = c.selected.min(c.list.len().saturating_sub(1));
        if c.list.is_empty() {
            Outcome::Close
        } else {
            Outcome::Stay
        }
    }

    /// A change the file asked for: made even where the board is in review,
    /// as one undoable step; false when it changed nothing or broke the edition.
    fn try_outside(&mut self, label: String, op: impl FnOnce(&mut Edition)) -> bool {
        let before = self.edition.clone();
        op(&mut self.edition);
        if !self.edition.validate().is_empty() {
            self.edition = before;
            self.warn("That version does not fit the rest of the board: the board's stays");
            return false;
        }
        if self.edition == before {
            return false;
        }
        self.history.record(before, label);
        self.edition_changed();
        true
    }
}
