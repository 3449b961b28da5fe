//! The grid: slots down, spaces across, and the parking lot beside it. Its
//! cursor outlives every view over it: it is where the next pitch goes.

use tui_input::Input;

use super::Outcome;
use super::capture::Capture;
use super::prompt::Ask;
use crate::app::action::{Action, Dir};
use crate::app::board::Board;
use crate::app::form::Form;
use crate::app::keymap::Mode;
use crate::app::stack::{Overlay, View};
use crate::geometry::{self, Shape};
use crate::model::{Placement, TopicId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Grid,
    Parking,
}

/// A position on the grid: a row (slot in display order) and a space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cursor {
    pub row: usize,
    pub col: usize,
}

/// Where the facilitator is on the board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GridState {
    pub focus: Focus,
    pub cursor: Cursor,
    /// The selected topic of the parking lot.
    pub parking_sel: usize,
    /// First row and first space shown; kept so the cursor stays in view.
    pub scroll_row: usize,
    pub scroll_col: usize,
}

impl GridState {
    pub fn mode(&self) -> Mode {
        match self.focus {
            Focus::Grid => Mode::Board,
            Focus::Parking => Mode::Parking,
        }
    }
}

impl Board {
    /// The grid's shape for its geometry.
    pub fn shape(&self) -> Shape<'_> {
        Shape {
            rows: &self.index.shape,
            spaces: self.edition.spaces.len(),
            days: self.edition.days.len(),
        }
    }

    /// The operator screen's regions now.
    pub fn regions(&self) -> geometry::Regions {
        self.regions_at(self.stack.viewport)
    }

    /// The regions on a screen of `size`: the parking lot folds when the
    /// spaces need its width (see `geometry::parking_shown`).
    pub fn regions_at(&self, size: (u16, u16)) -> geometry::Regions {
        let parking = geometry::parking_shown(
            size.0,
            self.edition.spaces.len(),
            self.index.parked.len(),
            self.stack.grid.focus == Focus::Parking,
        );
        geometry::regions(size, self.stack.input_open(), parking)
    }

    /// The grid as it is drawn now.
    pub fn current_grid(&self) -> geometry::Grid {
        let g = &self.stack.grid;
        geometry::grid(
            self.shape(),
            self.regions().grid,
            g.scroll_row,
            g.scroll_col,
        )
    }

    /// Scrolls so that the cursor's row and space are on screen.
    pub fn keep_cursor_in_view(&mut self) {
        let area = self.regions().grid;
        let g = self.stack.grid;
        let (row, col) = geometry::keep_in_view(
            self.shape(),
            area,
            (g.cursor.row, g.cursor.col),
            (g.scroll_row, g.scroll_col),
        );
        self.stack.grid.scroll_row = row;
        self.stack.grid.scroll_col = col;
    }

    pub(crate) fn on_grid(&mut self, action: Action) -> Outcome {
        match action {
            Action::Move(dir) => self.move_cursor(dir),
            Action::FirstSlot => self.first_or_last(true),
            Action::LastSlot => self.first_or_last(false),
            Action::PageUp => self.page(false),
            Action::PageDown => self.page(true),
            Action::JumpToSpace(n) => self.jump_to_space(n),
            Action::GoToSpace => self.ask(super::prompt::Ask::GoToSpace, String::new()),
            Action::Export => self.queue.push(crate::app::Effect::Export),
            Action::NextPane | Action::PrevPane => self.switch_pane(),
            Action::Capture => self.open_capture(),
            Action::Open => self.open_selected(),
            Action::Edit => self.edit_selected(),
            Action::Grab => self.grab_selected(),
            Action::Shove(dir) => self.shove(dir),
            Action::Park => self.park_selected(),
            Action::Delete => self.delete_selected(),
            Action::Pin => self.pin_selected(),
            Action::VoteUp | Action::VoteDown => {
                if let Some(id) = self.selected().map(|t| t.id) {
                    self.vote(id, action == Action::VoteUp);
                }
            }
            Action::SetVotes => {
                if let Some(id) = self.selected().map(|t| t.id) {
                    self.ask_votes(id);
                }
            }
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::AddActions => {
                if let Some(id) = self.selected_or_say() {
                    self.open_action_line(id);
                }
            }
            Action::Merge => {
                if let Some(id) = self.selected_or_say() {
                    self.start_merge(id);
                }
            }
            Action::ActionPlan => self.open_plan(),
            Action::Warnings => self.open_warnings(),
            Action::Fill => self.open_fill(false),
            Action::Tally => self.stack.show(View::Tally(Default::default())),
            Action::Reports => self.stack.show(View::Reports(Default::default())),
            Action::JumpToNow => self.jump_to_now(),
            Action::Present => self.stack.show(View::Present),
            Action::BreakScreen => self.stack.show(View::Break {
                from_present: false,
            }),
            Action::SetTimer => self.ask_timer(),
            Action::RunningLate => self.ask(Ask::RunningLate, String::new()),
            Action::HideLater => self.hide_later(),
            Action::RevealAll => self.reveal_all(),
            Action::Search => self.ask_search(),
            Action::OpeningReview => self.open_review(),
            Action::Retrospective => {
                if self.earlier_ready() {
                    self.stack.show(View::Retro(Default::default()));
                }
            }
            Action::Compare => self.open_compare(),
            Action::NextEdition => self.open_next_form(),
            Action::AllowEditing => self.allow_editing(),
            Action::Layout => {
                self.open(Overlay::Layout);
            }
            _ => return Outcome::Unclaimed,
        }
        Outcome::Stay
    }

    // ---- moving around ----

    pub(crate) fn move_cursor(&mut self, dir: Dir) {
        let parked = self.index.parked.len();
        let rows = self.index.rows.len();
        let cols = self.edition.spaces.len();
        let g = &mut self.stack.grid;
        if g.focus == Focus::Parking {
            match dir {
                Dir::Up => g.parking_sel = g.parking_sel.saturating_sub(1),
                Dir::Down => g.parking_sel = (g.parking_sel + 1).min(parked.saturating_sub(1)),
                _ => {}
            }
            return;
        }
        let c = &mut g.cursor;
        match dir {
            Dir::Up => c.row = c.row.saturating_sub(1),
            Dir::Down => c.row = (c.row + 1).min(rows.saturating_sub(1)),
            Dir::Left => c.col = c.col.saturating_sub(1),
            Dir::Right => c.col = (c.col + 1).min(cols.saturating_sub(1)),
        }
    }

    pub(crate) fn first_or_last(&mut self, first: bool) {
        let last_parked = self.index.parked.len().saturating_sub(1);
        let last_row = self.index.rows.len().saturating_sub(1);
        let g = &mut self.stack.grid;
        match (g.focus, first) {
            (Focus::Parking, true) => g.parking_sel = 0,
            (Focus::Parking, false) => g.parking_sel = last_parked,
            (Focus::Grid, true) => g.cursor.row = 0,
            (Focus::Grid, false) => g.cursor.row = last_row,
        }
    }

    pub(crate) fn page(&mut self, down: bool) {
        let step = self.current_grid().rows_per_page();
        let last = self.index.rows.len().saturating_sub(1);
        let g = &mut self.stack.grid;
        if down {
            g.cursor.row = (g.cursor.row + step).min(last);
            g.scroll_row += step;
        } else {
            g.cursor.row = g.cursor.row.saturating_sub(step);
            g.scroll_row = g.scroll_row.saturating_sub(step);
        }
    }

    pub(crate) fn jump_to_space(&mut self, n: u8) {
        let col = usize::from(n).saturating_sub(1);
        if col < self.edition.spaces.len() {
            self.stack.grid.focus = Focus::Grid;
            self.stack.grid.cursor.col = col;
        } else {
            self.toast(format!("There is no space {n}"));
        }
    }

    /// The space a number or name (its start) names, for `0`: any space,
    /// also past 9.
    pub(crate) fn submit_go_to_space(&mut self, text: &str) -> Result<String, String> {
        let text = text.trim();
        let by_number = text
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .filter(|&i| i < self.edition.spaces.len());
        let by_name = || {
            crate::app::grammar::capture::find_space(&self.edition, text)
                .and_then(|id| self.edition.space_index(&id))
        };
        let Some(col) = by_number.or_else(by_name) else {
            return Err(format!(
                "No space “{text}”: type 1 to {} or the start of a name",
                self.edition.spaces.len()
            ));
        };
        self.stack.grid.focus = Focus::Grid;
        self.stack.grid.cursor.col = col;
        self.keep_cursor_in_view();
        let name = self.edition.spaces[col].name.clone();
        Ok(format!("Space {}: {name}", col + 1))
    }

    pub(crate) fn switch_pane(&mut self) {
        let empty = self.index.parked.is_empty();
        self.stack.grid.focus = match self.stack.grid.focus {
            Focus::Grid if !empty => Focus::Parking,
            Focus::Grid => {
                self.toast("The parking lot is empty");
                Focus::Grid
            }
            Focus::Parking => Focus::Grid,
        };
    }

    /// Selects the cell at a grid position (mouse click).
    pub fn click(&mut self, row: usize, col: usize) {
        self.stack.grid.focus = Focus::Grid;
        self.stack.grid.cursor = Cursor { row, col };
    }

    /// The selected topic, or a word that there is none.
    pub(crate) fn selected_or_say(&mut self) -> Option<TopicId> {
        let id = self.selected().map(|t| t.id);
        if id.is_none() {
            self.toast("Select a session first");
        }
        id
    }

    // ---- cards ----

    pub(crate) fn open_selected(&mut self) {
        match self.selected().map(|t| t.id) {
            Some(id) => self.open_session(id),
            None if self.stack.grid.focus == Focus::Grid => {
                let cell = self.cell_at_cursor();
                if cell.is_none() {
                    self.toast("Nothing can be placed in a break or plenary: e.g. press a to add to the parking lot");
                    return;
                }
                self.open(Overlay::Form(Form::new_at(cell)));
            }
            None => {}
        }
    }

    pub(crate) fn edit_selected(&mut self) {
        match self.selected().map(Form::edit) {
            Some(form) => {
                self.open(Overlay::Form(form));
            }
            None => self.open_selected(),
        }
    }

    pub(crate) fn open_capture(&mut self) {
        let mut capture = Capture::default();
        if let Some(prefill) = self.prefill() {
            // the cursor goes first: the title is typed before the cell
            capture.input = Input::new(format!(" {prefill}")).with_cursor(0);
            capture.prefilled = prefill;
        }
        self.open(Overlay::Capture(capture));
    }

    pub(crate) fn park(&mut self, id: TopicId) {
        let title = self.title_of(id);
        if self
            .change(format!("park “{title}”"), |e| e.park(id))
            .is_some()
        {
            self.toast(format!("Parked “{title}” — u undoes"));
        }
    }

    pub(crate) fn park_selected(&mut self) {
        match self.selected().map(|t| (t.id, t.placement.clone())) {
            Some((id, Placement::At { .. })) => self.park(id),
            Some((_, Placement::Parked)) => self.grab_selected(),
            None => self.toast("No card here to park"),
        }
    }

    /// Moves the card under the cursor one cell at once (Shift+arrow), swapping.
    pub(crate) fn shove(&mut self, dir: Dir) {
        let Some(id) = self.selected().map(|t| t.id) else {
            self.toast("No card here to move");
            return;
        };
        let from = self.stack.grid.cursor;
        // a session over several slots moves from its first row
        if let Some((row, _)) = self.index.position_of(&self.edition, id) {
            self.stack.grid.cursor.row = row;
        }
        let start = self.stack.grid.cursor;
        self.move_cursor(dir);
        // skip over breaks and plenaries when moving up or down
        while self.cell_at_cursor().is_none() && matches!(dir, Dir::Up | Dir::Down) {
            let before = self.stack.grid.cursor;
            self.move_cursor(dir);
            if self.stack.grid.cursor == before {
                break;
            }
        }
        let here = self.stack.grid.cursor;
        let Some((slot, space)) = self.cell_at_cursor().filter(|_| here != start) else {
            self.stack.grid.cursor = from;
            return;
        };
        let title = self.title_of(id);
        let span = self.topic(id).map_or(1, |t| t.slots());
        let label = self.span_label(&slot, &space, span);
        match self.change(format!("move “{title}”"), |e| {
            e.move_to(id, &slot, &space)
        }) {
            Some(swapped) => {
                let with = swapped
                    .and_then(|o| self.topic(o))
                    .map(|o| format!(", swapped with “{}”", o.title))
                    .unwrap_or_default();
                self.toast(format!("Moved “{title}” to {label}{with} — u undoes"));
            }
            None => self.stack.grid.cursor = from,
        }
    }

    pub(crate) fn delete_selected(&mut self) {
        let Some((id, title)) = self.selected().map(|t| (t.id, t.title.clone())) else {
            self.toast("No card here to delete");
            return;
        };
        if self
            .change(format!("delete “{title}”"), |e| e.remove_topic(id))
            .is_some()
        {
            self.toast(format!("Deleted “{title}” — u undoes"));
        }
    }

    pub(crate) fn pin_selected(&mut self) {
        let Some((id, pinned, title)) = self.selected().map(|t| (t.id, t.pinned, t.title.clone()))
        else {
            return;
        };
        let verb = if pinned { "unpin" } else { "pin" };
        if self
            .change(format!("{verb} “{title}”"), |e| {
                e.set_pinned(id, !pinned)
            })
            .is_some()
        {
            let state = if pinned { "Unpinned" } else { "Pinned" };
            self.toast(format!("{state} “{title}”"));
        }
    }

    pub(crate) fn vote(&mut self, id: TopicId, up: bool) {
        let title = self.title_of(id);
        let result = self.change(format!("vote on “{title}”"), |e| {
            if up { e.vote_up(id) } else { e.vote_down(id) }
        });
        if let Some(n) = result {
            self.toast(format!("“{title}”: {n} votes"));
            if self.stack.grid.focus == Focus::Parking {
                // the parking lot is sorted by votes: keep the same topic selected
                self.select_topic(id);
            }
        }
    }

    /// Asks for the number of votes: the field starts empty, so that what is
    /// typed replaces the count (shown in the question) instead of joining it.
    pub(crate) fn ask_votes(&mut self, id: TopicId) {
        let votes = self.topic(id).map_or(0, |t| t.votes);
        self.ask(Ask::Votes(id, votes), String::new());
    }

    pub(crate) fn undo(&mut self) {
        if self.read_only.is_some() {
            self.toast("Read-only: nothing to undo");
            return;
        }
        if self.scribe.is_some() {
            self.scribe_undo(false);
            return;
        }
        let current = self.edition.clone();
        // what was read of the scribes' journals stays read: undoing their
        // entries keeps them out, instead of merging them again at the next look
        let read = current.scribes.clone();
        match self.history.undo(current) {
            Some((before, label)) => {
                self.edition = before;
                crate::model::journal::keep_read(&mut self.edition, read);
                self.edition_changed();
                self.toast(format!("Undid {label} — U redoes"));
            }
            None => self.toast("Nothing to undo"),
        }
    }

    pub(crate) fn redo(&mut self) {
        if self.scribe.is_some() {
            self.scribe_undo(true);
            return;
        }
        let current = self.edition.clone();
        match self.history.redo(current) {
            Some((after, label)) => {
                self.edition = after;
                self.edition_changed();
                self.toast(format!("Redid {label} — u undoes"));
            }
            None => self.toast("Nothing to redo"),
        }
    }
}
