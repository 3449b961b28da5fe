//! A scribe's board (`openspace scribe`): the facilitator's file followed
//! read-only for the grid, and the scribe's own journal for what a scribe
//! adds. What the board shows is the file as last read with the journal's
//! entries not yet merged there put on top, by the same merge the
//! facilitator's board runs; so what the scribe sees is what the
//! facilitator will get. A change is made on the board as any change is,
//! then told apart (`journal::entries_for`): what a scribe changes becomes
//! entries of the journal, anything else is refused and undone.

use std::path::PathBuf;

use super::board::{Board, Refused};
use crate::model::journal::{self, Journal};
use crate::model::{Edition, SpaceId};

/// What a scribe's board keeps besides the board.
#[derive(Debug, Clone)]
pub struct Scribe {
    pub journal: Journal,
    /// `NAME.scribes/DEVICE.ron`: the one file this board writes.
    pub journal_path: PathBuf,
    /// The facilitator's file as last read.
    pub base: Edition,
    /// The scribe's room, when one was named.
    pub space: Option<SpaceId>,
    /// How many entries are on disk.
    pub written: usize,
    /// Each step made here, its label and its entries' numbers: undone by
    /// entries that set back what it set (a journal only grows).
    pub done: Vec<(String, std::ops::RangeInclusive<u64>)>,
    /// The steps undone, to be made again.
    pub undone: Vec<(String, std::ops::RangeInclusive<u64>)>,
}

impl Scribe {
    /// The board a scribe sees: the file with the journal's entries not yet
    /// merged there.
    pub fn view(&self) -> Edition {
        let mut e = self.base.clone();
        journal::merge(&mut e, std::slice::from_ref(&self.journal));
        e
    }

    /// Whether entries are still to be written to disk.
    pub fn unwritten(&self) -> bool {
        self.written != self.journal.entries.len()
    }
}

impl Board {
    /// A scribe's board on the file's edition and the scribe's journal.
    pub fn for_scribe(base: Edition, path: PathBuf, scribe: Scribe) -> Board {
        let mut board = Board::new(scribe.view(), path);
        board.scribe = Some(Box::new(Scribe { base, ..scribe }));
        board.refresh_scribe();
        board.go_to_room();
        board
    }

    /// The file was saved again by the facilitator's board: the grid
    /// follows it, with the journal's entries not yet merged on top.
    pub fn follow(&mut self, base: Edition) {
        let Some(scribe) = &mut self.scribe else {
            return;
        };
        if scribe.base == base {
            return;
        }
        scribe.base = base;
        let shown = self.edition.clone();
        self.refresh_scribe();
        self.keep_points_asked_about(&shown);
    }

    /// A scribe's own point not yet merged has an id of the board's making;
    /// once the facilitator merges it, it has the file's. A line open to
    /// correct one follows it to its new id, never to another point.
    fn keep_points_asked_about(&mut self, shown: &Edition) {
        let Some(id) = self.scribe.as_ref().map(|s| s.journal.id.clone()) else {
            return;
        };
        let (old, new) = (shown.scribes.get(&id), self.edition.scribes.get(&id));
        let now_of = |point: crate::model::ActionId| {
            let seq = old.and_then(|m| {
                m.actions
                    .iter()
                    .find(|(_, a)| **a == point)
                    .map(|(s, _)| *s)
            });
            match seq {
                Some(seq) => new.and_then(|m| m.actions.get(&seq)).copied(),
                None => Some(point),
            }
        };
        for o in &mut self.stack.overlays {
            if let super::stack::Overlay::Prompt(p) = o
                && let super::layers::prompt::Ask::EditAction(point) = &mut p.ask
            {
                match now_of(*point) {
                    Some(now) => *point = now,
                    None => p.error = Some("this point is no longer on the board".into()),
                }
            }
        }
    }

    /// The board shows the file and the journal again.
    fn refresh_scribe(&mut self) {
        let Some(view) = self.scribe.as_ref().map(|s| s.view()) else {
            return;
        };
        self.edition = view;
        self.edition_changed();
        // the edition is never saved from here: only the journal is
        self.save.saved = self.save.generation;
    }

    /// A change made on a scribe's board, from `before`: turned into
    /// entries of the journal, or refused (and the board put back).
    pub(crate) fn scribe_step(&mut self, before: Edition, label: String) -> Result<(), Refused> {
        let Some(scribe) = &mut self.scribe else {
            return Ok(());
        };
        let mark = before
            .scribes
            .get(&scribe.journal.id)
            .cloned()
            .unwrap_or_default();
        let next = scribe.journal.entries.last().map_or(0, |e| e.seq) + 1;
        match journal::entries_for(&before, &self.edition, &mark, next) {
            Ok(entries) if entries.is_empty() => {
                self.edition = before;
                Ok(())
            }
            Ok(entries) => {
                let mut last = next;
                for (topic, change) in entries {
                    last = scribe.journal.push(topic, change);
                }
                scribe.done.push((label, next..=last));
                scribe.undone.clear();
                self.refresh_scribe();
                Ok(())
            }
            Err(why) => {
                self.edition = before;
                Err(Refused::Scribe(why))
            }
        }
    }

    /// Undo (or redo) on a scribe's board: the last step's counts and
    /// statuses set back by new entries; a note or a point that went to the
    /// board stays, and says so.
    pub(crate) fn scribe_undo(&mut self, redo: bool) {
        let Some(scribe) = &mut self.scribe else {
            return;
        };
        let from = if redo {
            &mut scribe.undone
        } else {
            &mut scribe.done
        };
        let Some((label, seqs)) = from.pop() else {
            self.toast(if redo {
                "Nothing to redo"
            } else {
                "Nothing to undo"
            });
            return;
        };
        let back: Option<Vec<(crate::model::TopicId, journal::Change)>> = scribe
            .journal
            .entries
            .iter()
            .filter(|e| seqs.contains(&e.seq))
            .rev()
            .map(|e| journal::undoing(&e.change).map(|c| (e.topic, c)))
            .collect();
        let Some(back) = back else {
            from.push((label.clone(), seqs));
            self.warn(format!(
                "“{label}” is on its way to the board and stays: a note or an action point sent \
                 is the facilitator's to change (X drops a point)"
            ));
            return;
        };
        let next = scribe.journal.entries.last().map_or(0, |e| e.seq) + 1;
        let mut last = next;
        for (topic, change) in back {
            last = scribe.journal.push(topic, change);
        }
        let to = if redo {
            &mut scribe.done
        } else {
            &mut scribe.undone
        };
        to.push((label.clone(), next..=last));
        self.refresh_scribe();
        self.toast(if redo {
            format!("Redid {label} — u undoes")
        } else {
            format!("Undid {label} — U redoes")
        });
    }

    /// The cursor on the scribe's room, at the session going on (or next).
    pub fn go_to_room(&mut self) {
        let Some(space) = self.scribe.as_ref().and_then(|s| s.space.clone()) else {
            return;
        };
        if let Some(col) = self.edition.space_index(&space) {
            self.stack.grid.cursor.col = col;
        }
        self.go_to_now();
    }

    /// The cursor on the row of the slot going on now, else the next one.
    fn go_to_now(&mut self) {
        let now = self.now;
        let slot = self
            .edition
            .now_slot(now)
            .or_else(|| self.edition.next_slot(now))
            .map(|s| s.id.clone());
        let row = slot.and_then(|id| {
            self.index
                .rows
                .iter()
                .position(|&i| self.edition.slots.get(i).is_some_and(|s| s.id == id))
        });
        if let Some(row) = row {
            self.stack.grid.cursor.row = row;
            self.keep_cursor_in_view();
        }
    }

    /// What the unfinished typing is kept beside: the edition, or on a
    /// scribe's board its journal (the facilitator's draft is the edition's).
    pub fn draft_file(&self) -> PathBuf {
        match &self.scribe {
            Some(s) => s.journal_path.clone(),
            None => self.path.clone(),
        }
    }
}

/// The scribe's room by its name (or the start of it), case aside.
pub fn space_named(e: &Edition, name: &str) -> Option<SpaceId> {
    let want = name.trim().to_lowercase();
    if want.is_empty() {
        return None;
    }
    let exact = e.spaces.iter().find(|s| s.name.to_lowercase() == want);
    exact
        .or_else(|| {
            e.spaces
                .iter()
                .find(|s| s.name.to_lowercase().starts_with(&want))
        })
        .map(|s| s.id.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::action::Action;
    use crate::model::journal::{ActionRef, Change};
    use crate::model::testing::sample;
    use crate::model::{ActionDraft, Status};

    fn scribe_board() -> Board {
        let base = sample();
        let journal = Journal::new("lib", "the Library scribe", "lib-1".into());
        let space = space_named(&base, "library");
        let scribe = Scribe {
            journal,
            journal_path: PathBuf::from("e.scribes/lib.ron"),
            base: base.clone(),
            space,
            written: 0,
            done: Vec::new(),
            undone: Vec::new(),
        };
        Board::for_scribe(base, PathBuf::from("e.ron"), scribe)
    }

    fn journal_of(b: &Board) -> Journal {
        b.scribe
            .as_ref()
            .map(|s| s.journal.clone())
            .expect("a journal")
    }

    fn entries(b: &Board) -> Vec<Change> {
        let s = b.scribe.as_ref().expect("a scribe's board");
        s.journal.entries.iter().map(|e| e.change.clone()).collect()
    }

    #[test]
    fn what_a_scribe_adds_goes_to_the_journal_and_nothing_else_changes() {
        let mut b = scribe_board();
        let topic = b.edition.topics[0].id;
        let id = b
            .change("point", |e| {
                e.add_action(
                    topic,
                    ActionDraft {
                        text: "Write it up".into(),
                        owner: Some("Ola".into()),
                        due: None,
                    },
                )
            })
            .expect("a scribe adds action points");
        b.change("done", |e| e.set_action_status(id, Status::Done));
        b.change("count", |e| e.set_participants(topic, Some(12)));
        let notes = format!("{}\nThey agreed on a pilot.", b.edition.topics[0].notes);
        b.change("notes", |e| e.set_notes(topic, &notes));
        assert_eq!(
            entries(&b),
            vec![
                Change::AddAction {
                    text: "Write it up".into(),
                    owner: Some("Ola".into()),
                    due: None
                },
                Change::Status {
                    action: ActionRef::Scribed(1),
                    was: Status::Open,
                    now: Status::Done
                },
                Change::Participants {
                    was: None,
                    now: Some(12)
                },
                Change::Note {
                    text: "They agreed on a pilot.".into()
                },
            ]
        );
        // the board shows it all, and never asks for the edition to be saved
        let t = b.topic(topic).expect("the topic");
        assert!(
            t.actions
                .iter()
                .any(|a| a.text == "Write it up" && a.status == Status::Done)
        );
        assert_eq!(t.participants, Some(12));
        assert!(!b.save.dirty());
        // what is the facilitator's is refused, and the board is as it was
        let shown = b.edition.clone();
        let refused = b.try_change("votes", |e| e.set_votes(topic, 99));
        assert!(matches!(refused, Err(Refused::Scribe(_))), "{refused:?}");
        assert_eq!(b.edition, shown);
        assert_eq!(entries(&b).len(), 4);
        // nor does it take another scribe's journal into the edition
        let mut other = Journal::new("oak", "", "oak-1".into());
        other.push(
            topic,
            Change::Note {
                text: "Theirs".into(),
            },
        );
        assert!(!b.take_journals(&[other]));
        assert_eq!(b.edition, shown);
    }

    #[test]
    fn the_board_follows_the_file_and_the_journal_once_merged_is_not_shown_twice() {
        let mut b = scribe_board();
        let topic = b.edition.topics[0].id;
        b.change("count", |e| e.set_participants(topic, Some(30)));
        b.change("point", |e| {
            e.add_action(
                topic,
                ActionDraft {
                    text: "Ask the CTO".into(),
                    owner: None,
                    due: None,
                },
            )
        });
        let journal = journal_of(&b);
        // the facilitator merges the journal and moves a card; the file comes back
        let mut file = sample();
        crate::model::journal::merge(&mut file, std::slice::from_ref(&journal));
        let other = file.topics[1].id;
        file.park(other).expect("parked");
        b.follow(file);
        let t = b.topic(topic).expect("the topic");
        let asks = t.actions.iter().filter(|a| a.text == "Ask the CTO").count();
        assert_eq!(asks, 1, "merged once, shown once");
        assert_eq!(t.participants, Some(30));
        assert!(b.topic(other).is_some_and(|t| t.placement.is_parked()));
        // a status set now refers to the point as the file has it
        let id = t
            .actions
            .iter()
            .find(|a| a.text == "Ask the CTO")
            .map(|a| a.id);
        b.change("done", |e| {
            e.set_action_status(id.expect("the point"), Status::Done)
        });
        assert!(matches!(
            entries(&b).last(),
            Some(Change::Status {
                action: ActionRef::Scribed(2),
                ..
            })
        ));
    }

    #[test]
    fn undo_on_a_scribes_board_sets_counts_back_and_keeps_what_was_sent() {
        let mut b = scribe_board();
        let topic = b.edition.topics[0].id;
        b.change("count", |e| e.set_participants(topic, Some(7)));
        b.undo();
        assert_eq!(b.topic(topic).and_then(|t| t.participants), None);
        b.redo();
        assert_eq!(b.topic(topic).and_then(|t| t.participants), Some(7));
        assert_eq!(entries(&b).len(), 3, "a journal only grows");
        let notes = "Sent.".to_string();
        b.change("notes", |e| e.set_notes(topic, &notes));
        b.undo();
        assert!(b.topic(topic).is_some_and(|t| t.notes.contains("Sent.")));
        assert_eq!(entries(&b).len(), 4);
    }

    #[test]
    fn a_scribe_corrects_a_points_owner_and_the_facilitator_gets_it_or_chooses() {
        let mut b = scribe_board();
        let topic = b.edition.topics[0].id;
        let draft = |owner: &str| ActionDraft {
            text: "Write it up".into(),
            owner: Some(owner.into()),
            due: None,
        };
        let id = b
            .change("point", |e| e.add_action(topic, draft("Ola")))
            .expect("added");
        b.change("owner", |e| e.edit_action(id, draft("Ala")));
        assert!(matches!(
            entries(&b).last(),
            Some(Change::EditAction {
                action: ActionRef::Scribed(1),
                ..
            })
        ));
        let journal = journal_of(&b);
        // the facilitator's board takes the point with its corrected owner
        let mut file = sample();
        let taken = crate::model::journal::merge(&mut file, std::slice::from_ref(&journal));
        assert!(taken.conflicts.is_empty());
        let owners: Vec<_> = file
            .actions()
            .filter(|(_, a)| a.text == "Write it up")
            .map(|(_, a)| a.owner.clone())
            .collect();
        assert_eq!(owners, vec![Some("Ala".to_string())]);
        // where the facilitator corrected it too, both are shown to choose from
        b.follow(file.clone());
        let on_board = file
            .actions()
            .find(|(_, a)| a.text == "Write it up")
            .map(|(_, a)| a.id)
            .expect("the point");
        b.change("owner", |e| e.edit_action(on_board, draft("Ela")));
        let journal = journal_of(&b);
        file.edit_action(on_board, draft("Ula"))
            .expect("the facilitator's correction");
        let taken = crate::model::journal::merge(&mut file, std::slice::from_ref(&journal));
        assert_eq!(taken.conflicts.len(), 1, "{taken:?}");
        assert!(taken.conflicts[0].theirs.contains("Ela"));
        assert!(
            file.action(on_board)
                .is_some_and(|(_, a)| a.owner.as_deref() == Some("Ula"))
        );
    }

    #[test]
    fn a_line_open_on_a_point_follows_it_when_the_facilitator_merges() {
        use crate::app::layers::prompt::Ask;
        use crate::app::stack::Overlay;
        let mut b = scribe_board();
        let topic = b.edition.topics[0].id;
        let point = |text: &str| ActionDraft {
            text: text.into(),
            owner: None,
            due: None,
        };
        let ours = b
            .change("point", |e| e.add_action(topic, point("Ours")))
            .expect("added");
        b.ask(Ask::EditAction(ours), "Ours".into());
        // another scribe's point is merged first (journals go by id) and takes the id ours had here
        let mut other = Journal::new("oak", "", "aaa-1".into());
        other.push(
            topic,
            Change::AddAction {
                text: "Theirs".into(),
                owner: None,
                due: None,
            },
        );
        let mine = journal_of(&b);
        let mut file = sample();
        crate::model::journal::merge(&mut file, &[other, mine]);
        let id_of =
            |e: &Edition, text: &str| e.actions().find(|(_, a)| a.text == text).map(|(_, a)| a.id);
        assert_eq!(id_of(&file, "Theirs"), Some(ours), "the id ours had here");
        b.follow(file.clone());
        let asked = b.stack.overlays.iter().find_map(|o| match o {
            Overlay::Prompt(p) => match p.ask {
                Ask::EditAction(id) => Some(id),
                _ => None,
            },
            _ => None,
        });
        assert_eq!(asked, id_of(&file, "Ours"));
    }

    #[test]
    fn what_only_the_facilitator_does_is_refused_before_anything_opens() {
        let mut b = scribe_board();
        let keys = crate::app::keymap::Keymap::default();
        for action in [Action::Capture, Action::Grab, Action::Layout, Action::Edit] {
            b.apply(&keys, action);
            assert!(
                b.stack.overlays.is_empty(),
                "{action:?} opened {:?}",
                b.stack.overlays
            );
            let said = b.stack.toast.as_ref().map(|t| t.line()).unwrap_or_default();
            assert!(said.contains("Scribe:"), "{action:?}: {said}");
        }
        // a scribe's own keys still open what they open
        let placed = b
            .edition
            .topics
            .iter()
            .find(|t| !t.placement.is_parked())
            .map(|t| t.id);
        b.select_topic(placed.expect("the sample has a placed topic"));
        b.apply(&keys, Action::Open);
        assert!(b.stack.session().is_some());
    }

    #[test]
    fn only_what_a_scribe_adds_to_the_notes_is_sent() {
        use crate::model::journal::added_to_notes;
        // typed at the end, on the same line or the next
        assert_eq!(added_to_notes("Intro", "Intro and more"), "and more");
        assert_eq!(added_to_notes("Intro", "Intro\nA pilot."), "A pilot.");
        // the board's notes grew meanwhile: only the scribe's line goes
        assert_eq!(
            added_to_notes("Intro\nFrom the board", "Intro\nA pilot."),
            "A pilot."
        );
        // a line put in the middle
        assert_eq!(added_to_notes("One\nThree", "One\nTwo\nThree"), "Two");
        // a line of the board's changed is sent as the scribe left it
        assert_eq!(
            added_to_notes("Facilitator intro", "Facilitator intr"),
            "Facilitator intr"
        );
        // cutting the board's words sends nothing
        assert_eq!(added_to_notes("One\nTwo", "One"), "");
        let mut b = scribe_board();
        let topic = b.edition.topics[0].id;
        b.change("notes", |e| e.set_notes(topic, "Said on the board."));
        let before = entries(&b).len();
        let refused = b.try_change("notes", |e| e.set_notes(topic, ""));
        assert!(matches!(refused, Err(Refused::Scribe(_))), "{refused:?}");
        assert_eq!(entries(&b).len(), before);
    }

    #[test]
    fn help_on_a_scribes_board_lists_the_scribes_keys() {
        let keys = crate::app::keymap::Keymap::default();
        let mode = crate::app::keymap::Mode::Board;
        let text = |h: &crate::app::layers::help::HelpView| {
            h.lines
                .iter()
                .map(|(l, _)| l.clone())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let scribe = text(&crate::app::layers::help::HelpView::for_scribe(&keys, mode));
        let all = text(&crate::app::layers::help::HelpView::new(&keys, mode));
        assert!(all.contains("grab the card"), "{all}");
        assert!(!scribe.contains("grab the card"), "{scribe}");
        assert!(scribe.contains("add action points"), "{scribe}");
        assert!(scribe.contains("A scribe's board"), "{scribe}");
    }

    #[test]
    fn the_scribes_room_is_found_by_the_start_of_its_name() {
        let e = sample();
        let lib = space_named(&e, "LIB");
        assert!(lib.is_some_and(|id| e.space(&id).is_some_and(|s| s.name == "Library")));
        assert_eq!(space_named(&e, "nowhere"), None);
        assert_eq!(space_named(&e, " "), None);
    }
}
