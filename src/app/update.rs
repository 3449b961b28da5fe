//! What each action does to the board. Returns effects for the loop to run;
//! never touches the terminal or files itself.

use crossterm::event::{Event as TermEvent, KeyCode, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use super::Effect;
use super::action::{Action, Dir};
use super::board::{Ask, Board, Capture, CaptureTarget, Cursor, Focus, Grab, Prompt};
use super::capture;
use super::form::{Field, Form, Target};
use super::keymap::{Keymap, Mode};
use crate::model::{Placement, SlotKind, TopicDraft, TopicId, clock, spec};

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
    fn type_into(&mut self, mode: Mode, key: &KeyEvent) {
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

    fn first_or_last(&mut self, first: bool) {
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

    fn page(&mut self, down: bool) {
        let step = crate::ui::layout::rows_per_page(self).max(1);
        if down {
            self.cursor.row = (self.cursor.row + step).min(self.index.rows.len().saturating_sub(1));
            self.scroll_row += step;
        } else {
            self.cursor.row = self.cursor.row.saturating_sub(step);
            self.scroll_row = self.scroll_row.saturating_sub(step);
        }
    }

    fn jump_to_space(&mut self, n: u8) {
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

    // ---- capturing ----

    fn open_capture(&mut self) {
        let mut capture = Capture::default();
        if let Some(prefill) = self.prefill() {
            // the cursor goes first: the title is typed before the cell
            capture.input = Input::new(format!(" {prefill}")).with_cursor(0);
        }
        self.capture = Some(capture);
        self.session = None;
    }

    /// The cell the next pitch goes to: the cursor's, or the next free one in
    /// the same slot; nothing when focus is on the parking lot.
    fn prefill(&mut self) -> Option<String> {
        if self.focus == Focus::Parking {
            return None;
        }
        let cols = self.edition.spaces.len();
        let free =
            (self.cursor.col..cols).find(|&c| self.index.at(self.cursor.row, c).is_none())?;
        self.cursor.col = free;
        let (slot, space) = self.cell_at_cursor()?;
        capture::cell_text(&self.edition, &slot, &space)
    }

    fn submit_capture(&mut self) {
        let Some(line) = self.capture.as_ref().map(|c| c.input.value().to_string()) else {
            return;
        };
        let parsed = capture::parse(&line, &self.edition);
        if parsed.title.trim().is_empty() {
            let what = if line.trim().is_empty() {
                "Type a title first"
            } else {
                "A topic needs a title: type it before @, # and times"
            };
            self.toast(what);
            return;
        }
        let resolved = capture::resolve(&self.edition, &parsed, self.slot_at_cursor());
        let draft = TopicDraft {
            title: resolved.title.clone(),
            conveners: parsed.conveners.clone(),
            ..TopicDraft::default()
        };
        let votes = parsed.votes;
        let cell = resolved.cell.clone();
        let label = format!("add “{}”", resolved.title);
        let placed = self.change(label, |e| {
            let id = e.add_topic(draft)?;
            if let Some(v) = votes {
                e.set_votes(id, v)?;
            }
            if let Some((s, p)) = &cell {
                e.place(id, s, p)?;
            }
            Ok(id)
        });
        let Some(id) = placed else { return };
        let where_to = match &cell {
            Some((s, p)) => self.cell_label(s, p),
            None => "the parking lot".to_string(),
        };
        let mut text = format!("Added “{}” to {where_to} — u undoes", resolved.title);
        if !resolved.notes.is_empty() {
            text = format!("{text} · {}", resolved.notes.join(" · "));
        }
        // a topic that comes back from an earlier edition says so
        if let Some(echo) = self.echo(&resolved.title) {
            text = format!("{text} · {echo}");
        }
        self.toast(text);
        self.learn_conveners(parsed.conveners.iter().map(String::as_str));
        self.capture_history.push(line.trim().to_string());
        if cell.is_some() {
            self.select_topic(id);
        }
        let next = self.prefill().map(|p| format!(" {p}"));
        if let Some(c) = &mut self.capture {
            c.input = match next {
                Some(p) => Input::new(p).with_cursor(0),
                None => Input::default(),
            };
            c.recall = None;
        }
    }

    fn complete_capture(&mut self) {
        let Some(c) = &self.capture else { return };
        let line = c.input.value().to_string();
        let cursor = c.input.cursor();
        let (head, tail): (String, String) = {
            let split = line
                .char_indices()
                .nth(cursor)
                .map_or(line.len(), |(i, _)| i);
            (line[..split].to_string(), line[split..].to_string())
        };
        match capture::complete(&head, &self.known_conveners, &self.edition) {
            Some(done) => {
                let at = done.chars().count();
                if let Some(c) = &mut self.capture {
                    c.input = Input::new(format!("{done}{}", tail.trim_start())).with_cursor(at);
                }
            }
            None => self.toast("Nothing to complete: type @ and a convener, or # and a space"),
        }
    }

    fn recall(&mut self, older: bool) {
        let n = self.capture_history.len();
        let Some(c) = &mut self.capture else { return };
        if n == 0 {
            return;
        }
        let pos = match (c.recall, older) {
            (None, true) => Some(n - 1),
            (None, false) => None,
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) if i + 1 < n => Some(i + 1),
            (Some(_), false) => None,
        };
        c.recall = pos;
        c.input = match pos {
            Some(i) => Input::new(self.capture_history[i].clone()),
            None => Input::default(),
        };
    }

    // ---- cards ----

    fn open_selected(&mut self) {
        match self.selected().map(|t| t.id) {
            Some(id) => self.session = Some(super::board::SessionView::new(id)),
            None if self.focus == Focus::Grid => {
                let cell = self.cell_at_cursor();
                if cell.is_none() {
                    self.toast("Nothing can be placed in a break or plenary: e.g. press a to add to the parking lot");
                    return;
                }
                self.form = Some(Form::new_at(cell));
            }
            None => {}
        }
    }

    fn edit_selected(&mut self) {
        let id = self.target();
        match id.and_then(|id| self.topic(id)) {
            Some(t) => self.form = Some(Form::edit(t)),
            None => self.open_selected(),
        }
    }

    fn submit_form(&mut self) {
        let Some(form) = self.form.clone() else {
            return;
        };
        let draft = form.draft();
        let title = draft.title.trim().to_string();
        let result = match &form.target {
            Target::Topic(id) => {
                let id = *id;
                self.change(format!("edit “{title}”"), |e| e.edit_topic(id, draft))
                    .map(|()| id)
            }
            Target::NewAt(cell) => {
                let cell = cell.clone();
                self.change(format!("add “{title}”"), |e| {
                    let id = e.add_topic(draft)?;
                    if let Some((s, p)) = &cell {
                        e.place(id, s, p)?;
                    }
                    Ok(id)
                })
            }
        };
        match result {
            Some(id) => {
                self.form = None;
                self.select_topic(id);
                let verb = if matches!(form.target, Target::Topic(_)) {
                    "Saved"
                } else {
                    "Added"
                };
                let echo = self
                    .echo(&title)
                    .map(|e| format!(" · {e}"))
                    .unwrap_or_default();
                self.toast(format!("{verb} “{title}” — u undoes{echo}"));
                let names: Vec<String> = self
                    .topic(id)
                    .map(|t| t.conveners.clone())
                    .unwrap_or_default();
                self.learn_conveners(names.iter().map(String::as_str));
            }
            None => {
                let message = self
                    .toast
                    .clone()
                    .map(|t| t.trim_start_matches("⚠ ").to_string());
                if let Some(f) = &mut self.form {
                    f.error = message;
                    if f.title.value().trim().is_empty() {
                        f.field = Field::Title;
                    }
                }
            }
        }
    }

    fn grab_selected(&mut self) {
        let Some(t) = self.selected() else {
            self.toast("No card here to move");
            return;
        };
        if t.pinned {
            let title = t.title.clone();
            self.toast(format!("“{title}” is pinned: * unpins it"));
            return;
        }
        let grab = Grab {
            topic: t.id,
            from: self.cursor,
            from_parking: self.focus == Focus::Parking,
        };
        let title = t.title.clone();
        self.grab = Some(grab);
        self.focus = Focus::Grid;
        self.toast(format!(
            "Moving “{title}”: arrows, then Enter to drop, Esc to cancel"
        ));
    }

    fn drop_grabbed(&mut self) {
        let Some(grab) = self.grab else { return };
        let Some((slot, space)) = self.cell_at_cursor() else {
            self.toast("Not in a break or plenary: pick a session cell");
            return;
        };
        let title = self
            .topic(grab.topic)
            .map(|t| t.title.clone())
            .unwrap_or_default();
        let label = self.cell_label(&slot, &space);
        let swapped = self.change(format!("move “{title}”"), |e| {
            e.move_to(grab.topic, &slot, &space)
        });
        if let Some(swapped) = swapped {
            self.grab = None;
            let extra = swapped
                .and_then(|id| self.topic(id))
                .map(|t| format!(", swapped with “{}”", t.title))
                .unwrap_or_default();
            self.toast(format!("Moved “{title}” to {label}{extra} — u undoes"));
        }
    }

    fn cancel_grab(&mut self) {
        if let Some(grab) = self.grab.take() {
            self.cursor = grab.from;
            if grab.from_parking {
                self.focus = Focus::Parking;
            }
        }
    }

    fn park_grabbed(&mut self) {
        let Some(grab) = self.grab else { return };
        self.grab = None;
        self.park(grab.topic);
    }

    fn park(&mut self, id: TopicId) {
        let title = self.topic(id).map(|t| t.title.clone()).unwrap_or_default();
        if self
            .change(format!("park “{title}”"), |e| e.park(id))
            .is_some()
        {
            self.toast(format!("Parked “{title}” — u undoes"));
        }
    }

    fn park_selected(&mut self) {
        match self.selected().map(|t| (t.id, t.placement.clone())) {
            Some((id, Placement::At { .. })) => self.park(id),
            Some((_, Placement::Parked)) => self.grab_selected(),
            None => self.toast("No card here to park"),
        }
    }

    /// Moves the card under the cursor one cell at once (Shift+arrow), swapping.
    fn shove(&mut self, dir: Dir) {
        let Some(id) = self.selected().map(|t| t.id) else {
            self.toast("No card here to move");
            return;
        };
        let from = self.cursor;
        self.move_cursor(dir);
        // skip over breaks and plenaries when moving up or down
        while self.cell_at_cursor().is_none() && matches!(dir, Dir::Up | Dir::Down) {
            let before = self.cursor;
            self.move_cursor(dir);
            if self.cursor == before {
                break;
            }
        }
        let Some((slot, space)) = self.cell_at_cursor().filter(|_| self.cursor != from) else {
            self.cursor = from;
            return;
        };
        let title = self.topic(id).map(|t| t.title.clone()).unwrap_or_default();
        let label = self.cell_label(&slot, &space);
        if self
            .change(format!("move “{title}”"), |e| {
                e.move_to(id, &slot, &space)
            })
            .is_some()
        {
            self.toast(format!("Moved “{title}” to {label} — u undoes"));
        } else {
            self.cursor = from;
        }
    }

    fn delete_selected(&mut self) {
        let Some((id, title)) = self.selected().map(|t| (t.id, t.title.clone())) else {
            self.toast("No card here to delete");
            return;
        };
        if self
            .change(format!("delete “{title}”"), |e| e.remove_topic(id))
            .is_some()
        {
            self.session = None;
            self.toast(format!("Deleted “{title}” — u undoes"));
        }
    }

    fn pin_selected(&mut self) {
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

    /// The topic an action is about: the open session's, else the selected card's.
    pub(super) fn target(&self) -> Option<TopicId> {
        self.session
            .as_ref()
            .map(|s| s.topic)
            .or_else(|| self.selected().map(|t| t.id))
    }

    fn vote(&mut self, up: bool) {
        let Some(id) = self.target() else { return };
        let title = self.topic(id).map(|t| t.title.clone()).unwrap_or_default();
        let result = self.change(format!("vote on “{title}”"), |e| {
            if up { e.vote_up(id) } else { e.vote_down(id) }
        });
        if let Some(n) = result {
            self.toast(format!("“{title}”: {n} votes"));
            if self.focus == Focus::Parking {
                // the parking lot is sorted by votes: keep the same topic selected
                self.select_topic(id);
            }
        }
    }

    fn ask_votes(&mut self) {
        let Some(t) = self.target().and_then(|id| self.topic(id)) else {
            return;
        };
        let (id, votes) = (t.id, t.votes);
        self.ask(Ask::Votes(id), votes.to_string());
    }

    pub(super) fn ask(&mut self, ask: Ask, value: String) {
        self.prompt = Some(Prompt {
            ask,
            input: Input::new(value),
            error: None,
        });
    }

    fn undo(&mut self) {
        if self.read_only.is_some() {
            self.toast("Read-only: nothing to undo");
            return;
        }
        let current = self.edition.clone();
        match self.history.undo(current) {
            Some((before, label)) => {
                self.edition = before;
                self.edition_changed();
                self.toast(format!("Undid {label} — U redoes"));
            }
            None => self.toast("Nothing to undo"),
        }
    }

    fn redo(&mut self) {
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

    // ---- spaces and slots ----

    fn ask_rename_space(&mut self) {
        let Some(space) = self.space_at_cursor() else {
            self.toast("There is no space yet: a adds one");
            return;
        };
        let value = match space.capacity {
            Some(c) => format!("{}:{c}", space.name),
            None => space.name.clone(),
        };
        let id = space.id.clone();
        self.ask(Ask::RenameSpace(id), value);
    }

    fn remove_space(&mut self) {
        let Some(space) = self.space_at_cursor() else {
            return;
        };
        let (id, name) = (space.id.clone(), space.name.clone());
        if let Some(parked) = self.change(format!("remove space “{name}”"), |e| {
            e.remove_space(&id)
        }) {
            self.toast(format!(
                "Removed {name}; {} sessions parked — u undoes",
                parked.len()
            ));
        }
    }

    fn move_space(&mut self, dir: Dir) {
        let Some(id) = self.space_at_cursor().map(|s| s.id.clone()) else {
            return;
        };
        let delta = if dir == Dir::Left { -1 } else { 1 };
        if self.change("move space", |e| e.move_space(&id, delta)) == Some(true) {
            self.cursor.col = self.edition.space_index(&id).unwrap_or(0);
        }
    }

    fn ask_edit_slot(&mut self) {
        let Some(slot) = self.slot_at_cursor() else {
            self.toast("There is no slot yet: A adds one");
            return;
        };
        let mut value = format!(
            "{}-{}",
            clock::format_hhmm(slot.start),
            clock::format_hhmm(slot.end)
        );
        match &slot.kind {
            SlotKind::Session => {}
            SlotKind::Break(l) => value.push_str(&format!("={l}")),
            SlotKind::Plenary(l) => value.push_str(&format!("={l}!")),
        }
        let id = slot.id.clone();
        self.ask(Ask::EditSlot(id), value);
    }

    fn remove_slot(&mut self) {
        let Some(slot) = self.slot_at_cursor() else {
            return;
        };
        let (id, times) = (slot.id.clone(), slot.times());
        if let Some(parked) = self.change(format!("remove slot {times}"), |e| e.remove_slot(&id)) {
            self.toast(format!(
                "Removed the slot {times}; {} sessions parked — u undoes",
                parked.len()
            ));
        }
    }

    fn submit_prompt(&mut self) {
        let Some(prompt) = self.prompt.clone() else {
            return;
        };
        let text = prompt.input.value().trim().to_string();
        let outcome: Result<String, String> = match &prompt.ask {
            Ask::Votes(id) => match text.parse::<u32>() {
                Ok(n) => {
                    let id = *id;
                    self.change("set votes", |e| e.set_votes(id, n))
                        .map(|()| format!("{n} votes"))
                        .ok_or_else(|| self.toast.clone().unwrap_or_default())
                }
                Err(_) => Err(format!("{text:?} is not a number of votes")),
            },
            Ask::AddSpace | Ask::RenameSpace(_) => match spec::parse_spaces(&text) {
                Ok(specs) if specs.len() == 1 => {
                    let s = specs[0].clone();
                    match &prompt.ask {
                        Ask::RenameSpace(id) => {
                            let id = id.clone();
                            self.change(format!("rename space to “{}”", s.name), |e| {
                                e.rename_space(&id, &s.name)?;
                                e.set_capacity(&id, s.capacity)
                            })
                            .map(|()| format!("Renamed the space to {}", s.name))
                            .ok_or_else(|| self.toast.clone().unwrap_or_default())
                        }
                        _ => {
                            let added = self.change(format!("add space “{}”", s.name), |e| {
                                e.add_space(&s.name, s.capacity)
                            });
                            match added {
                                Some(id) => {
                                    self.cursor.col = self.edition.space_index(&id).unwrap_or(0);
                                    Ok(format!("Added the space {}", s.name))
                                }
                                None => Err(self.toast.clone().unwrap_or_default()),
                            }
                        }
                    }
                }
                Ok(_) => Err("Type one space: a name, and :capacity if you like".into()),
                Err(e) => Err(e),
            },
            Ask::AddSlot | Ask::EditSlot(_) => self.submit_slot(&prompt.ask, &text),
            Ask::Participants(id) => self.submit_participants(*id, &text),
            Ask::EditAction(id) => self.submit_edit_action(*id, &text),
            Ask::Timer => self.submit_timer(&text),
            Ask::RunningLate => self.submit_running_late(&text),
            Ask::Announcements => self.submit_announcements(&text),
            Ask::Search => self.submit_search(&text),
            Ask::Worked => self.retro_line(true, &text),
            Ask::Better => self.retro_line(false, &text),
        };
        match outcome {
            Ok(message) => {
                self.prompt = None;
                self.toast(format!("{message} — u undoes"));
            }
            Err(message) => {
                if let Some(p) = &mut self.prompt {
                    p.error = Some(message.trim_start_matches("⚠ ").to_string());
                }
            }
        }
    }

    /// "10:00-10:45", "12:00-13:00=Lunch" (a break) or "=Closing circle!" (a plenary).
    fn submit_slot(&mut self, ask: &Ask, text: &str) -> Result<String, String> {
        let plenary = text.ends_with('!') && text.contains('=');
        let text = text.trim_end_matches('!');
        let specs = spec::parse_slots(text)?;
        let [s] = specs.as_slice() else {
            return Err("Type one slot, such as 10:00-10:45".into());
        };
        let kind = match (&s.kind, plenary) {
            (SlotKind::Break(label), true) => SlotKind::Plenary(label.clone()),
            (kind, _) => kind.clone(),
        };
        let (start, end) = (s.start, s.end);
        match ask {
            Ask::EditSlot(id) => {
                let id = id.clone();
                self.change("change slot", |e| e.edit_slot(&id, start, end, kind))
                    .map(|parked| match parked.len() {
                        0 => "Changed the slot".to_string(),
                        n => format!("Changed the slot; {n} sessions parked"),
                    })
                    .ok_or_else(|| self.toast.clone().unwrap_or_default())
            }
            _ => {
                let day = self
                    .slot_at_cursor()
                    .map(|s| s.day)
                    .or_else(|| self.edition.first_day())
                    .ok_or("The edition has no day")?;
                let added = self.change("add slot", |e| e.add_slot(day, start, end, kind));
                match added {
                    Some(id) => {
                        self.cursor.row = self
                            .index
                            .rows
                            .iter()
                            .position(|&i| self.edition.slots[i].id == id)
                            .unwrap_or(0);
                        Ok(format!(
                            "Added the slot {} on {day}",
                            clock::format_hhmm(start)
                        ))
                    }
                    None => Err(self.toast.clone().unwrap_or_default()),
                }
            }
        }
    }

    /// Selects the cell at a grid position (mouse click).
    pub fn click(&mut self, row: usize, col: usize) {
        self.focus = Focus::Grid;
        self.cursor = Cursor { row, col };
    }
}
