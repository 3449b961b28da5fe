//! The board's state: the edition being run, the cursor, what is open on top
//! of the grid, undo history and the save state. Pure: no terminal, no files.

use std::path::PathBuf;

use tui_input::Input;

use super::form::Form;
use super::index::BoardIndex;
use crate::model::{ActionId, Edition, History, SlotId, SpaceId, Topic, TopicId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Grid,
    Parking,
}

/// A position on the grid: a row (slot in display order) and a space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cursor {
    pub row: usize,
    pub col: usize,
}

/// A single answer the board asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    Votes(TopicId),
    AddSpace,
    RenameSpace(SpaceId),
    AddSlot,
    EditSlot(SlotId),
    Participants(TopicId),
    EditAction(ActionId),
    Timer,
    RunningLate,
    Announcements,
    Search,
    Worked,
    Better,
}

impl Ask {
    pub fn label(&self) -> &'static str {
        match self {
            Ask::Votes(_) => "Votes",
            Ask::AddSpace => "New space (Name:capacity)",
            Ask::RenameSpace(_) => "Rename space (Name:capacity)",
            Ask::AddSlot => "New slot (10:00-10:45, or 12:00-13:00=Lunch for a break)",
            Ask::EditSlot(_) => "Slot times (10:00-10:45, =Label for a break or plenary!)",
            Ask::Participants(_) => "How many took part",
            Ask::EditAction(_) => "Action point (text @owner due:date)",
            Ask::Timer => "Timer (45m, 1h30m, +5, -5, until 11:45; empty: follow the schedule)",
            Ask::RunningLate => "Running late by how many minutes (negative: ahead)",
            Ask::Announcements => "Announcements (up to three, separated by |)",
            Ask::Search => "Search every edition",
            Ask::Worked => "What worked (one line)",
            Ask::Better => "What to do better next time (one line)",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Prompt {
    pub ask: Ask,
    pub input: Input,
    pub error: Option<String>,
}

/// What the capture line adds: topics, or action points of one session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CaptureTarget {
    #[default]
    Topics,
    Actions(TopicId),
}

/// The capture line, open while topics are pitched or a group reports.
#[derive(Debug, Clone, Default)]
pub struct Capture {
    pub target: CaptureTarget,
    pub input: Input,
    /// Which earlier line Up/Down shows; None while typing a new one.
    pub recall: Option<usize>,
    /// The cell the line was prefilled with: not something typed.
    pub prefilled: String,
}

/// A session shown large, with its action points.
#[derive(Debug, Clone)]
pub struct SessionView {
    pub topic: TopicId,
    /// The selected action point (index in the session's list).
    pub action: Option<usize>,
    /// The notes being edited in place.
    pub notes: Option<ratatui_textarea::TextArea<'static>>,
}

impl SessionView {
    pub fn new(topic: TopicId) -> SessionView {
        SessionView {
            topic,
            action: None,
            notes: None,
        }
    }
}

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
    pub fn keeps(self, status: crate::model::Status) -> bool {
        use crate::model::Status;
        match self {
            StatusFilter::All => true,
            StatusFilter::Open => status == Status::Open,
            StatusFilter::Done => status == Status::Done,
            StatusFilter::Dropped => status == Status::Dropped,
        }
    }
}

/// The full-screen views beside the grid.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Grid,
    /// Every action point of the edition, for the closing circle.
    Plan {
        grouping: Grouping,
        status: StatusFilter,
        owner: Option<String>,
        selected: usize,
    },
    /// Dot voting: topics listed large, a live ranked bar chart.
    Tally { selected: usize },
    /// Sessions whose slot has ended and which still owe a report.
    Reports { selected: usize },
    /// The opening circle: the earlier edition's action points and what became of them.
    Review { selected: usize },
    /// What worked and what to do better: the earlier edition's and this one's.
    Retro { selected: usize },
    /// This edition beside the earlier one.
    Compare,
    /// Results of a search in every edition.
    Search { query: String, selected: usize },
}

impl View {
    /// The selected line of a list view.
    pub fn selected_mut(&mut self) -> Option<&mut usize> {
        match self {
            View::Plan { selected, .. }
            | View::Tally { selected }
            | View::Reports { selected }
            | View::Review { selected }
            | View::Retro { selected }
            | View::Search { selected, .. } => Some(selected),
            View::Grid | View::Compare => None,
        }
    }
}

/// A card being carried to another cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grab {
    pub topic: TopicId,
    /// Where the cursor was, to go back there on Esc.
    pub from: Cursor,
    pub from_parking: bool,
}

/// Why a change did not happen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("Read-only: {0}")]
    ReadOnly(String),
    #[error("REVIEW: this edition is over — E allows editing")]
    Review,
    #[error("{0}")]
    Model(#[from] crate::model::ModelError),
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
    pub index: BoardIndex,
    pub history: History<Edition>,
    pub focus: Focus,
    pub cursor: Cursor,
    pub parking_sel: usize,
    /// First row and first space shown; kept so the cursor stays in view.
    pub scroll_row: usize,
    pub scroll_col: usize,
    pub capture: Option<Capture>,
    pub capture_history: Vec<String>,
    pub form: Option<Form>,
    pub prompt: Option<Prompt>,
    pub grab: Option<Grab>,
    /// The session open on top of the grid, large.
    pub session: Option<SessionView>,
    /// A full-screen list instead of the grid.
    pub view: View,
    /// A topic waiting for the one it will be merged with.
    pub merge: Option<Grab>,
    /// Two topics about to be merged: (kept, merged into it).
    pub confirm_merge: Option<(TopicId, TopicId)>,
    /// The venue's wall-clock time, set by the loop (injected in tests).
    pub now: jiff::civil::DateTime,
    /// Present mode: the operator's chrome gone, NOW and NEXT large.
    pub present: bool,
    /// The break screen: a big clock, what comes next, announcements.
    pub break_screen: bool,
    /// What the countdown counted to at the last tick, and the seconds it
    /// had left, to ring the bell once at each moment.
    pub last_left: Option<(jiff::civil::DateTime, i64)>,
    /// The slot that was NOW at the last tick, to bring a new one into view.
    pub now_seen: Option<SlotId>,
    /// The edition is over: shown for review, changed only after E.
    pub review: bool,
    /// The other editions of the folder: for search, recurring topics,
    /// the opening-circle review and comparisons.
    pub earlier: Vec<crate::history::Known>,
    /// The form that starts the next edition from this one.
    pub next: Option<super::picker::NewForm>,
    pub layout_mode: bool,
    pub help: Option<u16>,
    pub confirm_quit: bool,
    pub toast: Option<String>,
    /// Bumped with every toast, so the loop knows when one is new.
    pub toast_seq: u64,
    pub save: SaveState,
    /// Conveners known from this edition and earlier ones, for Tab.
    pub known_conveners: Vec<String>,
    /// The terminal's size: what fits decides scrolling and paging.
    pub viewport: (u16, u16),
}

impl Board {
    pub fn new(edition: Edition, path: PathBuf) -> Board {
        let index = BoardIndex::build(&edition);
        let mut board = Board {
            edition,
            path,
            read_only: None,
            index,
            history: History::default(),
            focus: Focus::Grid,
            cursor: Cursor::default(),
            parking_sel: 0,
            scroll_row: 0,
            scroll_col: 0,
            capture: None,
            capture_history: Vec::new(),
            form: None,
            prompt: None,
            grab: None,
            session: None,
            view: View::Grid,
            merge: None,
            confirm_merge: None,
            now: jiff::civil::DateTime::default(),
            present: false,
            break_screen: false,
            last_left: None,
            now_seen: None,
            review: false,
            earlier: Vec::new(),
            next: None,
            layout_mode: false,
            help: None,
            confirm_quit: false,
            toast: None,
            toast_seq: 0,
            save: SaveState::default(),
            known_conveners: Vec::new(),
            viewport: (80, 24),
        };
        board.learn_conveners(std::iter::empty());
        board.cursor = board.first_session_cell();
        board
    }

    /// Adds names from earlier editions (and this one) to what Tab completes.
    pub fn learn_conveners<'a>(&mut self, more: impl Iterator<Item = &'a str>) {
        let mut names: Vec<String> = self
            .edition
            .topics
            .iter()
            .flat_map(|t| t.conveners.iter().cloned())
            .chain(more.map(str::to_string))
            .chain(std::mem::take(&mut self.known_conveners))
            .collect();
        names.sort_by_key(|n| n.to_lowercase());
        names.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        self.known_conveners = names;
    }

    fn first_session_cell(&self) -> Cursor {
        let row = self
            .index
            .rows
            .iter()
            .position(|&i| self.edition.slots[i].kind.is_session())
            .unwrap_or(0);
        Cursor { row, col: 0 }
    }

    pub fn toast(&mut self, text: impl Into<String>) {
        self.toast = Some(text.into());
        self.toast_seq += 1;
    }

    /// The slot under the cursor.
    pub fn slot_at_cursor(&self) -> Option<&crate::model::Slot> {
        self.index
            .rows
            .get(self.cursor.row)
            .and_then(|&i| self.edition.slots.get(i))
    }
    pub fn space_at_cursor(&self) -> Option<&crate::model::Space> {
        self.edition.spaces.get(self.cursor.col)
    }

    /// The cell under the cursor, when it is a session cell.
    pub fn cell_at_cursor(&self) -> Option<(SlotId, SpaceId)> {
        let slot = self.slot_at_cursor().filter(|s| s.kind.is_session())?;
        let space = self.space_at_cursor()?;
        Some((slot.id.clone(), space.id.clone()))
    }

    /// The topic the facilitator is pointing at, on the grid or in the parking lot.
    pub fn selected(&self) -> Option<&Topic> {
        let i = match self.focus {
            Focus::Grid => self.index.at(self.cursor.row, self.cursor.col)?,
            Focus::Parking => *self.index.parked.get(self.parking_sel)?,
        };
        self.edition.topics.get(i).map(|t| &**t)
    }

    pub fn topic(&self, id: TopicId) -> Option<&Topic> {
        self.edition.topic(id)
    }

    /// Applies a change to the edition as one undoable step. On success the
    /// index is rebuilt and a save is due; on failure nothing changed.
    pub fn change<T>(
        &mut self,
        label: impl Into<String>,
        op: impl FnOnce(&mut Edition) -> Result<T, crate::model::ModelError>,
    ) -> Option<T> {
        match self.try_change(label, op) {
            Ok(value) => Some(value),
            Err(refused) => {
                let toast = match &refused {
                    Refused::Model(_) => format!("⚠ {refused}"),
                    _ => refused.to_string(),
                };
                self.toast(toast);
                None
            }
        }
    }

    /// `change`, for callers that show the refusal themselves (a form, a
    /// prompt): it comes back instead of going to the toast.
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
                if self.edition != before {
                    self.history.record(before, label);
                    self.edition_changed();
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
        self.index = BoardIndex::build(&self.edition);
        self.save.generation += 1;
        self.clamp_cursor();
    }

    pub fn clamp_cursor(&mut self) {
        let rows = self.index.rows.len();
        let cols = self.edition.spaces.len();
        self.cursor.row = self.cursor.row.min(rows.saturating_sub(1));
        self.cursor.col = self.cursor.col.min(cols.saturating_sub(1));
        self.parking_sel = self
            .parking_sel
            .min(self.index.parked.len().saturating_sub(1));
        if let Some(view) = &mut self.session {
            if self.edition.topic(view.topic).is_none() {
                self.session = None;
            } else {
                let n = self
                    .edition
                    .topic(view.topic)
                    .map_or(0, |t| t.actions.len());
                view.action = view.action.filter(|_| n > 0).map(|i| i.min(n - 1));
            }
        }
    }

    /// Puts the cursor on a topic wherever it is.
    pub fn select_topic(&mut self, id: TopicId) {
        if let Some((row, col)) = self.index.position_of(&self.edition, id) {
            self.focus = Focus::Grid;
            self.cursor = Cursor { row, col };
        } else if let Some(p) = self
            .index
            .parked
            .iter()
            .position(|&i| self.edition.topics[i].id == id)
        {
            self.parking_sel = p;
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
                    crate::model::clock::format_hhmm(s.start)
                )
            })
            .unwrap_or_default();
        format!("{space}, {when}")
    }
}
