//! The board: the edition being run, its undo history, the save state, the
//! venue's clock and the other editions of the folder. What is on screen
//! is the stack's (`stack.rs`). Pure: no terminal, no files.

use std::path::PathBuf;

use super::Effect;
use super::index::BoardIndex;
use super::stack::{Level, Stack};
use crate::model::{Edition, History, SlotId, SpaceId, Topic, TopicId};

/// Why a change did not happen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("Read-only: {0}")]
    ReadOnly(String),
    #[error("REVIEW: this edition is over — E allows editing")]
    Review,
    #[error("{0}")]
    Model(#[from] crate::model::ModelError),
    #[error("Scribe: {0}")]
    Scribe(String),
}

impl From<Refused> for String {
    fn from(r: Refused) -> String {
        r.to_string()
    }
}

/// Whether what is on screen is on disk.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SaveState {
    /// Bumped by every change.
    pub generation: u64,
    /// The generation last written to disk.
    pub saved: u64,
    pub in_flight: bool,
    pub error: Option<String>,
}

impl SaveState {
    pub fn dirty(&self) -> bool {
        self.generation != self.saved
    }
}

#[derive(Debug, Clone)]
pub struct Board {
    pub edition: Edition,
    pub path: PathBuf,
    /// Why this board cannot be changed, when it cannot.
    pub read_only: Option<String>,
    /// The edition is over: shown for review, changed only after E.
    pub review: bool,
    pub index: BoardIndex,
    pub history: History<Edition>,
    pub save: SaveState,
    /// The file as this board last read or wrote it: what an outside change
    /// is compared with, and merged from.
    pub disk: Edition,
    /// The venue's wall-clock time, set by the loop (injected in tests).
    pub now: jiff::civil::DateTime,
    /// What the countdown counted to at the last tick, and the seconds it
    /// had left, to ring the bell once at each moment.
    pub last_left: Option<(jiff::civil::DateTime, i64)>,
    /// The slot that was NOW at the last tick, to bring a new one into view.
    pub now_seen: Option<SlotId>,
    /// The other editions of the folder: for search, recurring topics,
    /// the opening-circle review and comparisons.
    pub earlier: Vec<crate::history::Known>,
    /// Their titles made ready to compare, for recurring topics.
    pub echo_index: crate::history::recurring::EchoIndex,
    /// Whether they are in: the loop reads them after the first frame.
    pub earlier_loaded: bool,
    /// Conveners known from this edition and earlier ones, for Tab.
    pub known_conveners: Vec<String>,
    /// What the board watches for (clashes, full rooms, twins), kept
    /// up to date with every change; the rules turned off are not checked.
    pub warnings: Vec<crate::model::warnings::Warning>,
    /// Each warned topic's first warning (an index into `warnings`), and a
    /// stamp that changes with every check (see `BoardIndex::stamp`).
    pub warned: std::collections::HashMap<TopicId, usize>,
    pub warnings_stamp: u64,
    /// What the checks worked out per topic, kept for the next check.
    pub warnings_memo: crate::model::warnings::Memo,
    pub warnings_off: Vec<crate::model::warnings::Rule>,
    /// On a scribe's board: the journal it writes and the file it follows.
    pub scribe: Option<Box<super::scribe::Scribe>>,
    /// What is on screen: the grid, the view, the overlays.
    pub stack: Stack,
    /// Effects asked for by the action being handled, for the loop.
    pub(super) queue: Vec<Effect>,
}

impl Board {
    pub fn new(edition: Edition, path: PathBuf) -> Board {
        let index = BoardIndex::build(&edition);
        let disk = edition.clone();
        let mut board = Board {
            edition,
            path,
            read_only: None,
            review: false,
            index,
            history: History::default(),
            save: SaveState::default(),
            disk,
            now: jiff::civil::DateTime::default(),
            last_left: None,
            now_seen: None,
            earlier: Vec::new(),
            echo_index: Default::default(),
            earlier_loaded: true,
            known_conveners: Vec::new(),
            warnings: Vec::new(),
            warned: Default::default(),
            warnings_stamp: 0,
            warnings_memo: Default::default(),
            warnings_off: Vec::new(),
            scribe: None,
            stack: Stack {
                viewport: (80, 24),
                ..Stack::default()
            },
            queue: Vec::new(),
        };
        let names: Vec<String> = board
            .edition
            .topics
            .iter()
            .flat_map(|t| t.conveners.iter().cloned())
            .collect();
        board.learn_conveners(names.iter().map(String::as_str));
        board.check_warnings();
        board.stack.grid.cursor.row = board.first_session_row();
        board
    }

    /// Adds names to what Tab completes, each once, in folded order.
    pub fn learn_conveners<'a>(&mut self, more: impl Iterator<Item = &'a str>) {
        let more: Vec<&str> = more.collect();
        if more.len() > 8 {
            // many at once (an edition, a folder): sorted together
            let mut names = std::mem::take(&mut self.known_conveners);
            names.extend(more.iter().map(|n| n.to_string()));
            names.sort_by_cached_key(|n| n.to_lowercase());
            names.dedup_by(|a, b| a.to_lowercase() == b.to_lowercase());
            self.known_conveners = names;
            return;
        }
        // the few of one Enter: each into its place, unless it is there
        for name in more {
            let folded = name.to_lowercase();
            if let Err(at) = self
                .known_conveners
                .binary_search_by(|k| k.to_lowercase().cmp(&folded))
            {
                self.known_conveners.insert(at, name.to_string());
            }
        }
    }

    fn first_session_row(&self) -> usize {
        self.index
            .rows
            .iter()
            .position(|&i| self.edition.slots[i].kind.is_session())
            .unwrap_or(0)
    }

    /// News on the message line.
    pub fn toast(&mut self, text: impl Into<String>) {
        self.stack.toast(text, Level::Info);
    }
    /// A warning on the message line.
    pub fn warn(&mut self, text: impl Into<String>) {
        self.stack.toast(text, Level::Warn);
    }

    /// The slot under the grid's cursor.
    pub fn slot_at_cursor(&self) -> Option<&crate::model::Slot> {
        self.slot_at_row(self.stack.grid.cursor.row)
    }

    /// The slot of a grid row.
    pub fn slot_at_row(&self, row: usize) -> Option<&crate::model::Slot> {
        self.index
            .rows
            .get(row)
            .and_then(|&i| self.edition.slots.get(i))
    }
    pub fn space_at_cursor(&self) -> Option<&crate::model::Space> {
        self.edition.spaces.get(self.stack.grid.cursor.col)
    }

    /// The cell under the cursor, when it is a session cell.
    pub fn cell_at_cursor(&self) -> Option<(SlotId, SpaceId)> {
        let slot = self.slot_at_cursor().filter(|s| s.kind.is_session())?;
        let space = self.space_at_cursor()?;
        Some((slot.id.clone(), space.id.clone()))
    }

    /// The topic the facilitator is pointing at, on the grid or in the parking lot.
    pub fn selected(&self) -> Option<&Topic> {
        let g = &self.stack.grid;
        let i = match g.focus {
            super::layers::grid::Focus::Grid => self.index.at(g.cursor.row, g.cursor.col)?,
            super::layers::grid::Focus::Parking => *self.index.parked.get(g.parking_sel)?,
        };
        self.edition.topics.get(i).map(|t| &**t)
    }

    pub fn topic(&self, id: TopicId) -> Option<&Topic> {
        self.edition.topic(id)
    }

    /// A topic's title, for messages.
    pub fn title_of(&self, id: TopicId) -> String {
        self.topic(id).map(|t| t.title.clone()).unwrap_or_default()
    }

    /// Applies a change to the edition as one undoable step. On success the
    /// index is rebuilt and a save is due; on failure nothing changed and
    /// the message line says why.
    pub fn change<T>(
        &mut self,
        label: impl Into<String>,
        op: impl FnOnce(&mut Edition) -> Result<T, crate::model::ModelError>,
    ) -> Option<T> {
        match self.try_change(label, op) {
            Ok(value) => Some(value),
            Err(refused) => {
                self.warn(refused.to_string());
                None
            }
        }
    }

    /// `change`, for callers that show the refusal themselves (a form, a
    /// prompt): it comes back instead of going to the message line.
    pub fn try_change<T>(
        &mut self,
        label: impl Into<String>,
        op: impl FnOnce(&mut Edition) -> Result<T, crate::model::ModelError>,
    ) -> Result<T, Refused> {
        if let Some(why) = &self.read_only {
            return Err(Refused::ReadOnly(why.clone()));
        }
        if self.review {
            return Err(Refused::Review);
        }
        let before = self.edition.clone();
        match op(&mut self.edition) {
            Ok(value) => {
                if self.edition == before {
                } else if self.scribe.is_some() {
                    // a scribe's change goes to the journal, or is refused
                    self.scribe_step(before, label.into())?;
                } else {
                    let counts =
                        crate::model::warnings::only_counts_changed(&before, &self.edition);
                    self.derive(counts);
                    self.history.record(before, label);
                }
                Ok(value)
            }
            Err(e) => {
                self.edition = before;
                Err(Refused::Model(e))
            }
        }
    }

    /// After any change of the edition: rebuild what is derived, ask for a save.
    pub fn edition_changed(&mut self) {
        self.derive(false);
    }

    /// `edition_changed`; `counts_only` when only votes or participant
    /// counts changed, which leave every warning but the full rooms' as it was.
    fn derive(&mut self, counts_only: bool) {
        self.index = BoardIndex::build(&self.edition);
        if counts_only {
            let kept = std::mem::take(&mut self.warnings);
            let now =
                crate::model::warnings::after_counts(&self.edition, &self.warnings_off, &kept);
            self.take_warnings(now);
        } else {
            self.check_warnings();
        }
        self.refresh_search();
        self.refresh_plan();
        self.save.generation += 1;
        self.settle();
        let n = self.view_len();
        if let Some(selected) = self.stack.view.selected_mut() {
            *selected = (*selected).min(n.saturating_sub(1));
        }
    }

    /// The warnings of the edition as it is now.
    pub fn check_warnings(&mut self) {
        let now = crate::model::warnings::warnings_kept(
            &self.edition,
            &self.warnings_off,
            &mut self.warnings_memo,
        );
        self.take_warnings(now);
    }

    fn take_warnings(&mut self, warnings: Vec<crate::model::warnings::Warning>) {
        self.warnings = warnings;
        self.warned.clear();
        for (i, w) in self.warnings.iter().enumerate() {
            for &t in &w.topics {
                self.warned.entry(t).or_insert(i);
            }
        }
        self.warnings_stamp = super::index::next_stamp();
    }

    /// The first warning about a topic, for its card: looked up, since every
    /// card on screen asks at every frame.
    pub fn warning_of(&self, id: TopicId) -> Option<&crate::model::warnings::Warning> {
        self.warned.get(&id).and_then(|&i| self.warnings.get(i))
    }

    /// Keeps what is on screen true to the edition: the cursor on the grid,
    /// selections in their lists, no overlay about a topic that is gone.
    pub fn settle(&mut self) {
        let rows = self.index.rows.len();
        let cols = self.edition.spaces.len();
        let parked = self.index.parked.len();
        let g = &mut self.stack.grid;
        g.cursor.row = g.cursor.row.min(rows.saturating_sub(1));
        g.cursor.col = g.cursor.col.min(cols.saturating_sub(1));
        g.parking_sel = g.parking_sel.min(parked.saturating_sub(1));
        let e = &self.edition;
        self.stack.overlays.retain(|o| match o {
            super::stack::Overlay::Session(s) => e.topic(s.topic).is_some(),
            super::stack::Overlay::ConfirmMerge { keep, other } => {
                e.topic(*keep).is_some() && e.topic(*other).is_some()
            }
            _ => true,
        });
        for o in &mut self.stack.overlays {
            if let super::stack::Overlay::Session(view) = o {
                let n = e.topic(view.topic).map_or(0, |t| t.actions.len());
                view.action = view.action.filter(|_| n > 0).map(|i| i.min(n - 1));
            }
        }
    }

    /// Puts the cursor on a topic wherever it is.
    pub fn select_topic(&mut self, id: TopicId) {
        if let Some((row, col)) = self.index.position_of(&self.edition, id) {
            let g = &mut self.stack.grid;
            g.focus = super::layers::grid::Focus::Grid;
            g.cursor = super::layers::grid::Cursor { row, col };
        } else if let Some(p) = self
            .index
            .parked
            .iter()
            .position(|&i| self.edition.topics[i].id == id)
        {
            self.stack.grid.parking_sel = p;
        }
    }

    /// "Atrium, Tue 10:30" for a cell.
    pub fn cell_label(&self, slot: &SlotId, space: &SpaceId) -> String {
        let space = self
            .edition
            .space(space)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        let when = self
            .edition
            .slot(slot)
            .map(|s| {
                format!(
                    "{} {}",
                    s.day.strftime("%a"),
                    crate::model::hhmm::format_hhmm(s.start)
                )
            })
            .unwrap_or_default();
        format!("{space}, {when}")
    }

    /// "Atrium, Tue 10:30–12:15 (2 slots)" for a session over several
    /// slots from a cell; `cell_label` for one.
    pub fn span_label(&self, slot: &SlotId, space: &SpaceId, span: u32) -> String {
        let slots = match self.edition.span_from(slot, span) {
            Ok(slots) if span > 1 => slots,
            _ => return self.cell_label(slot, space),
        };
        let (Some(first), Some(last)) = (slots.first(), slots.last()) else {
            return self.cell_label(slot, space);
        };
        let room = self
            .edition
            .space(space)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        format!(
            "{room}, {} {}–{} ({span} slots)",
            first.day.strftime("%a"),
            crate::model::hhmm::format_hhmm(first.start),
            crate::model::hhmm::format_hhmm(last.end)
        )
    }

    /// Where a topic is, in words: "Atrium, Tue 10:30" (with its times when
    /// it takes several slots), or "parking lot".
    pub fn place_label(&self, t: &crate::model::Topic) -> String {
        match &t.placement {
            crate::model::Placement::At { slot, space } => self.span_label(slot, space, t.slots()),
            crate::model::Placement::Parked => "parking lot".into(),
        }
    }

    pub(super) fn today(&self) -> jiff::civil::Date {
        self.now.date()
    }

    /// This edition's file name without `.ron`.
    pub fn file_stem(&self) -> String {
        crate::storage::stem(&self.path)
    }
}
