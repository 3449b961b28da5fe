//! What each action does to the board. Returns effects for the loop to run;
//! never touches the terminal or files itself.

use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::Effect;
use super::action::{Action, Dir};
use super::board::{Ask, Board, CaptureTarget, Cursor, Focus};
use super::capture;
use super::form::Form;
use super::keymap::{Keymap, Mode};
use crate::model::TopicDraft;

impl Board {
    /// The mode keys are looked up in: what is on top decides.
    pub fn mode(&self) -> Mode {
        if self.confirm_quit {
            Mode::ConfirmQuit
        } else if self.help.is_some() {
            Mode::Help
        } else if self.confirm_merge.is_some() {
            Mode::ConfirmMerge
        } else if self.prompt.is_some() {
            Mode::Prompt
        } else if self.next.is_some() {
            Mode::NextEdition
        } else if self.form.is_some() {
            Mode::Form
        } else if self.session.as_ref().is_some_and(|s| s.notes.is_some()) {
            Mode::Notes
        } else if let Some(c) = &self.capture {
            match c.target {
                CaptureTarget::Topics => Mode::Capture,
                CaptureTarget::Actions(_) => Mode::ActionLine,
            }
        } else if self.grab.is_some() {
            Mode::Grab
        } else if self.merge.is_some() {
            Mode::Merge
        } else if self.session.is_some() {
            Mode::Session
        } else if self.break_screen {
            Mode::Break
        } else if let Some(mode) = self.view_mode() {
            mode
        } else if self.layout_mode {
            Mode::Layout
        } else if self.focus == Focus::Parking {
            Mode::Parking
        } else {
            Mode::Board
        }
    }

    pub fn handle_key(&mut self, keymap: &Keymap, key: &KeyEvent) -> Vec<Effect> {
        let mode = self.mode();
        match keymap.action(mode, key) {
            Some(action) => self.apply(action),
            None => {
                self.type_into(mode, key);
                Vec::new()
            }
        }
    }

    /// Keys that are not commands go to whatever text field is open.
    pub(super) fn type_into(&mut self, mode: Mode, key: &KeyEvent) {
        let event = TermEvent::Key(*key);
        match mode {
            Mode::Capture | Mode::ActionLine => {
                if let Some(c) = &mut self.capture {
                    c.input.handle_event(&event);
                    c.recall = None;
                }
            }
            Mode::Prompt => {
                if let Some(p) = &mut self.prompt {
                    p.input.handle_event(&event);
                }
            }
            Mode::Notes => {
                if let Some(notes) = self.session.as_mut().and_then(|s| s.notes.as_mut()) {
                    notes.input(*key);
                }
            }
            Mode::NextEdition => {
                if let Some(input) = self
                    .next
                    .as_mut()
                    .and_then(super::picker::NewForm::input_mut)
                {
                    input.handle_event(&event);
                }
            }
            Mode::Form => {
                if let Some(form) = &mut self.form {
                    match form.input_mut() {
                        Some(input) => {
                            input.handle_event(&event);
                        }
                        None => match key.code {
                            KeyCode::Left => form.cycle_kind(false),
                            KeyCode::Right | KeyCode::Char(' ') => form.cycle_kind(true),
                            _ => {}
                        },
                    }
                }
            }
            _ => {}
        }
    }

    /// Pasted text: several lines into the capture line add one parked topic each.
    pub fn paste(&mut self, text: &str) {
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let typing = |input: &mut Input, text: &str| {
            for c in text.chars().filter(|c| !c.is_control()) {
                input.handle(tui_input::InputRequest::InsertChar(c));
            }
        };
        match self.mode() {
            Mode::Capture if lines.len() > 1 => {
                let edition = &self.edition;
                let drafts: Vec<(TopicDraft, Option<u32>)> = lines
                    .iter()
                    .map(|l| {
                        let p = capture::parse(l, edition);
                        let title = if p.title.is_empty() {
                            l.to_string()
                        } else {
                            p.title
                        };
                        (
                            TopicDraft {
                                title,
                                conveners: p.conveners,
                                ..TopicDraft::default()
                            },
                            p.votes,
                        )
                    })
                    .collect();
                let n = drafts.len();
                let added = self.change(format!("paste {n} topics"), |e| {
                    for (draft, votes) in drafts {
                        let id = e.add_topic(draft)?;
                        if let Some(v) = votes {
                            e.set_votes(id, v)?;
                        }
                    }
                    Ok(())
                });
                if added.is_some() {
                    self.toast(format!("Added {n} topics to the parking lot — u undoes"));
                }
            }
            Mode::ActionLine if lines.len() > 1 => {
                // one action point per pasted line
                if let Some(CaptureTarget::Actions(topic)) = self.capture.as_ref().map(|c| c.target)
                {
                    for line in lines {
                        if let Some(c) = &mut self.capture {
                            c.input = Input::new(line.to_string());
                        }
                        self.submit_action_line(topic);
                    }
                }
            }
            Mode::Capture | Mode::ActionLine => {
                if let Some(c) = &mut self.capture {
                    typing(&mut c.input, text.trim_end());
                }
            }
            Mode::Prompt => {
                if let Some(p) = &mut self.prompt {
                    typing(&mut p.input, text.trim_end());
                }
            }
            Mode::Form => {
                if let Some(input) = self.form.as_mut().and_then(Form::input_mut) {
                    typing(input, &text.replace('\n', " "));
                }
            }
            Mode::Notes => {
                if let Some(notes) = self.session.as_mut().and_then(|s| s.notes.as_mut()) {
                    notes.insert_str(text.replace("\r\n", "\n"));
                }
            }
            _ => {}
        }
    }

    pub fn apply(&mut self, action: Action) -> Vec<Effect> {
        let mode = self.mode();
        match (mode, action) {
            (_, Action::ForceQuit) => return vec![Effect::Quit],
            (Mode::ConfirmQuit, Action::Yes) => return vec![Effect::Quit],
            (Mode::ConfirmQuit, _) => self.confirm_quit = false,
            (Mode::Help, Action::Move(Dir::Down)) => {
                self.help = self.help.map(|s| s.saturating_add(1))
            }
            (Mode::Help, Action::Move(Dir::Up)) => {
                self.help = self.help.map(|s| s.saturating_sub(1))
            }
            (Mode::Help, Action::PageDown) => self.help = self.help.map(|s| s.saturating_add(10)),
            (Mode::Help, Action::PageUp) => self.help = self.help.map(|s| s.saturating_sub(10)),
            (Mode::Help, _) => self.help = None,
            (Mode::Prompt, Action::Submit) => self.submit_prompt(),
            (Mode::Prompt, Action::Cancel) => self.prompt = None,
            (Mode::Form, Action::Submit) => self.submit_form(),
            (Mode::Form, Action::Cancel) => self.form = None,
            (Mode::Form, Action::NextField) => self.form.iter_mut().for_each(|f| f.step(true)),
            (Mode::Form, Action::PrevField) => self.form.iter_mut().for_each(|f| f.step(false)),
            (Mode::ConfirmMerge, Action::Yes) => self.confirm_merge(),
            (Mode::ConfirmMerge, _) => {
                self.confirm_merge = None;
                self.cancel_merge();
            }
            (Mode::Notes, Action::Save) => self.save_notes(),
            (Mode::Capture, Action::Submit) => self.submit_capture(),
            (Mode::ActionLine, Action::Submit) => {
                if let Some(CaptureTarget::Actions(topic)) = self.capture.as_ref().map(|c| c.target)
                {
                    self.submit_action_line(topic);
                }
            }
            (Mode::ActionLine, Action::Cancel) => self.capture = None,
            (Mode::ActionLine, Action::HistoryPrev) => self.recall(true),
            (Mode::ActionLine, Action::HistoryNext) => self.recall(false),
            (Mode::Capture, Action::Cancel) => self.capture = None,
            (Mode::Capture, Action::Complete) => self.complete_capture(),
            (Mode::Capture, Action::HistoryPrev) => self.recall(true),
            (Mode::Capture, Action::HistoryNext) => self.recall(false),
            (Mode::Grab, Action::Submit) => self.drop_grabbed(),
            (Mode::Grab, Action::Cancel) => self.cancel_grab(),
            (Mode::Grab, Action::Park) => self.park_grabbed(),
            (Mode::Merge, Action::Submit) => self.pick_merge(),
            (Mode::Merge, Action::Cancel) => self.cancel_merge(),
            (Mode::Merge, Action::NextPane) => self.switch_pane(),
            (Mode::Session, Action::Cancel) => self.session = None,
            (Mode::Session, Action::Move(dir)) => self.select_action(dir),
            (Mode::Plan | Mode::Tally | Mode::Reports, Action::Cancel) => {
                self.view = super::board::View::Grid
            }
            (Mode::Plan | Mode::Tally | Mode::Reports, Action::Move(dir)) => self.view_move(dir),
            (Mode::Plan, Action::PageDown) => (0..10).for_each(|_| self.view_move(Dir::Down)),
            (Mode::Plan, Action::PageUp) => (0..10).for_each(|_| self.view_move(Dir::Up)),
            (Mode::Plan | Mode::Reports, Action::Open) => self.open_from_view(),
            (Mode::Plan, Action::ToggleDone) => self.plan_toggle(crate::model::Status::Done),
            (Mode::Plan, Action::ToggleDropped) => self.plan_toggle(crate::model::Status::Dropped),
            (Mode::Plan, Action::GroupBy) => self.plan_group(),
            (Mode::Plan, Action::FilterStatus) => self.plan_status(),
            (Mode::Plan, Action::FilterOwner) => self.plan_owner(),
            (Mode::Tally, Action::VoteUp) => self.tally_vote(true),
            (Mode::Tally, Action::VoteDown) => self.tally_vote(false),
            (Mode::Tally, Action::SetVotes) => self.tally_set(),
            (Mode::Tally, Action::DotsMore) => self.dots(1),
            (Mode::Tally, Action::DotsLess) => self.dots(-1),
            (Mode::Reports, Action::EditNotes) => self.report_notes(),
            (Mode::Break, Action::Cancel) => self.break_screen = false,
            (Mode::NextEdition, Action::Submit) => return self.submit_next(),
            (Mode::NextEdition, Action::Cancel) => self.next = None,
            (Mode::NextEdition, Action::NextField) => {
                self.next.iter_mut().for_each(|f| f.step(true))
            }
            (Mode::NextEdition, Action::PrevField) => {
                self.next.iter_mut().for_each(|f| f.step(false))
            }
            (Mode::Review, Action::ToggleDone) => self.review_toggle(crate::model::Status::Done),
            (Mode::Review, Action::ToggleDropped) => {
                self.review_toggle(crate::model::Status::Dropped)
            }
            (Mode::Retro, Action::Delete) => self.retro_delete(),
            (Mode::Retro, Action::AddWorked) => self.ask(Ask::Worked, String::new()),
            (Mode::Retro, Action::AddBetter) => self.ask(Ask::Better, String::new()),
            (Mode::Search, Action::Open) => return self.open_hit(),
            (Mode::Review | Mode::Retro | Mode::Compare | Mode::Search, Action::Cancel) => {
                self.view = super::board::View::Grid
            }
            (Mode::Review | Mode::Retro | Mode::Search, Action::Move(dir)) => self.view_move(dir),
            (_, Action::Search) => self.ask_search(),
            (_, Action::OpeningReview) => self.open_review(),
            (_, Action::Retrospective) => self.open_view(super::board::View::Retro { selected: 0 }),
            (_, Action::Compare) => self.open_compare(),
            (_, Action::NextEdition) => self.open_next_form(),
            (_, Action::AllowEditing) => self.allow_editing(),
            (Mode::Board, Action::Cancel) => self.present = false,
            (_, Action::JumpToNow) => self.jump_to_now(),
            (_, Action::Present) => self.present = !self.present,
            (_, Action::BreakScreen) => self.break_screen = !self.break_screen,
            (_, Action::SetTimer) => self.ask_timer(),
            (_, Action::RunningLate) => self.ask(Ask::RunningLate, String::new()),
            (_, Action::HideLater) => self.hide_later(),
            (_, Action::RevealAll) => self.reveal_all(),
            (_, Action::Announce) => {
                let lines = self.edition.announcements.join(" | ");
                self.ask(Ask::Announcements, lines)
            }
            (_, Action::AddActions) => self.open_action_capture(),
            (_, Action::ToggleDone) => self.toggle_action(crate::model::Status::Done),
            (_, Action::ToggleDropped) => self.toggle_action(crate::model::Status::Dropped),
            (_, Action::EditAction) => self.ask_edit_action(),
            (_, Action::ActionUp) => self.reorder_selected_action(-1),
            (_, Action::ActionDown) => self.reorder_selected_action(1),
            (_, Action::DeleteAction) => self.delete_selected_action(),
            (_, Action::EditNotes) => self.start_notes(),
            (_, Action::ExternalNotes) => return self.external_notes(),
            (_, Action::Participants) => self.ask_participants(),
            (_, Action::Merge) => self.start_merge(),
            (_, Action::ActionPlan) => self.open_view(super::board::View::Plan {
                grouping: Default::default(),
                status: Default::default(),
                owner: None,
                selected: 0,
            }),
            (_, Action::Tally) => self.open_view(super::board::View::Tally { selected: 0 }),
            (_, Action::Reports) => self.open_view(super::board::View::Reports { selected: 0 }),
            (Mode::Layout, Action::Cancel) => self.layout_mode = false,
            (_, Action::Move(dir)) => self.move_cursor(dir),
            (_, Action::FirstSlot) => self.first_or_last(true),
            (_, Action::LastSlot) => self.first_or_last(false),
            (_, Action::PageUp) => self.page(false),
            (_, Action::PageDown) => self.page(true),
            (_, Action::JumpToSpace(n)) => self.jump_to_space(n),
            (_, Action::NextPane | Action::PrevPane) => self.switch_pane(),
            (_, Action::Capture) => self.open_capture(),
            (_, Action::Open) => self.open_selected(),
            (_, Action::Edit) => self.edit_selected(),
            (_, Action::Grab) => self.grab_selected(),
            (_, Action::Shove(dir)) => self.shove(dir),
            (_, Action::Park) => self.park_selected(),
            (_, Action::Delete) => self.delete_selected(),
            (_, Action::Pin) => self.pin_selected(),
            (_, Action::VoteUp) => self.vote(true),
            (_, Action::VoteDown) => self.vote(false),
            (_, Action::SetVotes) => self.ask_votes(),
            (_, Action::Undo) => self.undo(),
            (_, Action::Redo) => self.redo(),
            (_, Action::Layout) => self.layout_mode = !self.layout_mode,
            (_, Action::AddSpace) => self.ask(Ask::AddSpace, String::new()),
            (_, Action::RenameSpace) => self.ask_rename_space(),
            (_, Action::RemoveSpace) => self.remove_space(),
            (_, Action::MoveSpace(dir)) => self.move_space(dir),
            (_, Action::AddSlot) => self.ask(Ask::AddSlot, String::new()),
            (_, Action::EditSlot) => self.ask_edit_slot(),
            (_, Action::RemoveSlot) => self.remove_slot(),
            (_, Action::Help) => self.help = Some(0),
            (_, Action::ToggleMouse) => return vec![Effect::ToggleMouse],
            (_, Action::Quit) => {
                if self.save.error.is_some() && self.save.dirty() {
                    self.confirm_quit = true;
                } else {
                    return vec![Effect::Quit];
                }
            }
            _ => {}
        }
        self.keep_cursor_in_view();
        Vec::new()
    }

    // ---- moving around ----

    pub(super) fn move_cursor(&mut self, dir: Dir) {
        if self.focus == Focus::Parking && self.grab.is_none() {
            let n = self.index.parked.len();
            match dir {
                Dir::Up => self.parking_sel = self.parking_sel.saturating_sub(1),
                Dir::Down => self.parking_sel = (self.parking_sel + 1).min(n.saturating_sub(1)),
                _ => {}
            }
            return;
        }
        let rows = self.index.rows.len();
        let cols = self.edition.spaces.len();
        let c = &mut self.cursor;
        match dir {
            Dir::Up => c.row = c.row.saturating_sub(1),
            Dir::Down => c.row = (c.row + 1).min(rows.saturating_sub(1)),
            Dir::Left => c.col = c.col.saturating_sub(1),
            Dir::Right => c.col = (c.col + 1).min(cols.saturating_sub(1)),
        }
    }

    pub(super) fn first_or_last(&mut self, first: bool) {
        if self.focus == Focus::Parking && self.grab.is_none() {
            self.parking_sel = if first {
                0
            } else {
                self.index.parked.len().saturating_sub(1)
            };
        } else {
            self.cursor.row = if first {
                0
            } else {
                self.index.rows.len().saturating_sub(1)
            };
        }
    }

    pub(super) fn page(&mut self, down: bool) {
        let step = crate::ui::layout::rows_per_page(self).max(1);
        if down {
            self.cursor.row = (self.cursor.row + step).min(self.index.rows.len().saturating_sub(1));
            self.scroll_row += step;
        } else {
            self.cursor.row = self.cursor.row.saturating_sub(step);
            self.scroll_row = self.scroll_row.saturating_sub(step);
        }
    }

    pub(super) fn jump_to_space(&mut self, n: u8) {
        let col = usize::from(n).saturating_sub(1);
        if col < self.edition.spaces.len() {
            self.focus = Focus::Grid;
            self.cursor.col = col;
        } else {
            self.toast(format!("There is no space {n}"));
        }
    }

    pub(super) fn switch_pane(&mut self) {
        self.focus = match self.focus {
            Focus::Grid if !self.index.parked.is_empty() => Focus::Parking,
            Focus::Grid => {
                self.toast("The parking lot is empty");
                Focus::Grid
            }
            Focus::Parking => Focus::Grid,
        };
    }

    /// Scrolls so that the cursor's row and space are on screen.
    pub fn keep_cursor_in_view(&mut self) {
        crate::ui::layout::keep_in_view(self);
    }

    /// Selects the cell at a grid position (mouse click).
    pub fn click(&mut self, row: usize, col: usize) {
        self.focus = Focus::Grid;
        self.cursor = Cursor { row, col };
    }
}
