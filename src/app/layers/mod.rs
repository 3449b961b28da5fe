//! The layers of the stack, one file each: its state, and what its keys
//! do. A key goes to the top layer only; a layer hands it to the one below
//! only by saying so (`Outcome::PassDown`), and a key that no layer claims
//! is refused with a word, never run on a view that is not on screen.
//!
//! A new view or overlay: its state and keys in a file here, its drawing in
//! `ui/`, its variant in `stack.rs`, and one arm in `on_overlay` or `on_view`.

pub mod capture;
pub mod compare;
pub mod conflicts;
pub mod fill;
pub mod form;
pub mod grab;
pub mod grid;
pub mod help;
pub mod layout;
pub mod next_edition;
pub mod notice;
pub mod plan;
pub mod present;
pub mod prompt;
pub mod quit;
pub mod recover;
pub mod reports;
pub mod retro;
pub mod review;
pub mod search;
pub mod session;
pub mod tally;
pub mod warnings;

use crossterm::event::{Event as TermEvent, KeyEvent};
use tui_input::backend::crossterm::EventHandler;

use super::Effect;
use super::action::{Action, Dir};
use super::board::Board;
use super::keymap::Keymap;
use super::stack::{Overlay, View};

/// What a layer did with an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Handled; the layer stays open.
    Stay,
    /// Handled; the layer closes.
    Close,
    /// Not this layer's: the layer below gets it.
    PassDown,
    /// Nobody's: refused with a word.
    Unclaimed,
}

impl Board {
    /// The keymap section keys are looked up in: the top layer's.
    pub fn mode(&self) -> super::keymap::Mode {
        self.stack.mode()
    }

    pub fn handle_key(&mut self, keymap: &Keymap, key: &KeyEvent) -> Vec<Effect> {
        match keymap.action(self.mode(), key) {
            Some(action) => self.apply(keymap, action),
            None => {
                self.type_into(key);
                Vec::new()
            }
        }
    }

    /// Carries out an action on the top layer, then keeps the screen true
    /// to the edition. Returns what the loop must do.
    pub fn apply(&mut self, keymap: &Keymap, action: Action) -> Vec<Effect> {
        if action == Action::ForceQuit {
            return vec![Effect::Quit];
        }
        // what only the facilitator does is refused on a scribe's board at
        // once, before a line or a form is opened for nothing
        if self.scribe.is_some() && action.is_the_facilitators() {
            self.warn(format!("Scribe: {}", crate::model::journal::NOT_A_SCRIBES));
            return std::mem::take(&mut self.queue);
        }
        let here = self.mode();
        let mut depth = self.stack.overlays.len();
        loop {
            let outcome = match depth.checked_sub(1) {
                Some(i) => {
                    // the layer is taken out while it acts, so it can change
                    // the board and open layers over itself; it goes back in
                    // place unless it closed
                    let mut layer = self.stack.overlays.remove(i);
                    let outcome = self
                        .on_overlay(&mut layer, action)
                        .or_common(self, keymap, here, action);
                    if matches!(
                        outcome,
                        Outcome::Stay | Outcome::PassDown | Outcome::Unclaimed
                    ) {
                        let at = i.min(self.stack.overlays.len());
                        self.stack.overlays.insert(at, layer);
                    }
                    outcome
                }
                None => self.on_view(action).or_common(self, keymap, here, action),
            };
            match outcome {
                Outcome::PassDown if depth > 0 => depth -= 1,
                Outcome::PassDown | Outcome::Unclaimed => {
                    self.refuse(action);
                    break;
                }
                Outcome::Stay | Outcome::Close => break,
            }
        }
        self.settle();
        self.keep_cursor_in_view();
        std::mem::take(&mut self.queue)
    }

    fn on_overlay(&mut self, layer: &mut Overlay, action: Action) -> Outcome {
        match layer {
            Overlay::Layout => self.on_layout(action),
            Overlay::Session(view) => self.on_session(view, action),
            Overlay::Capture(line) => self.on_capture(line, action),
            Overlay::Form(form) => self.on_form(form, action),
            Overlay::Prompt(prompt) => self.on_prompt(prompt, action),
            Overlay::Grab(grab) => self.on_grab(*grab, action),
            Overlay::Merge(merge) => self.on_merge(*merge, action),
            Overlay::ConfirmMerge { keep, other } => self.on_confirm_merge(*keep, *other, action),
            Overlay::NextEdition(form) => self.on_next_edition(form, action),
            Overlay::ConfirmQuit => self.on_confirm_quit(action),
            Overlay::Recover(r) => self.on_recover(r, action),
            Overlay::Conflicts(c) => self.on_conflicts(c, action),
            Overlay::Notice(_) => self.on_notice(action),
            Overlay::Fill(preview) => self.on_fill(preview, action),
            Overlay::Help(help) => help.on(action, self.stack.viewport),
        }
    }

    fn on_view(&mut self, action: Action) -> Outcome {
        match self.stack.view {
            _ if self.stack.follower => self.on_follow(action),
            View::Grid => self.on_grid(action),
            View::Plan(_) => self.on_plan(action),
            View::Tally(_) => self.on_tally(action),
            View::Reports(_) => self.on_reports(action),
            View::Review(_) => self.on_review(action),
            View::Retro(_) => self.on_retro(action),
            View::Compare { .. } => self.on_compare(action),
            View::Search(_) => self.on_search(action),
            View::Warnings(_) => self.on_warnings(action),
            View::Present => self.on_present(action),
            View::Break { .. } => self.on_break(action),
        }
    }

    /// A key rebound to an action its layer does not do.
    fn refuse(&mut self, action: Action) {
        let here = self.mode().label();
        self.toast(format!(
            "{action:?} does nothing in {here} — ? or F1 shows the keys here"
        ));
    }

    /// Opens an overlay by the stack's rule; a refusal goes to the message line.
    pub(crate) fn open(&mut self, overlay: Overlay) -> bool {
        match self.stack.open(overlay) {
            Ok(()) => true,
            Err(why) => {
                self.toast(why);
                false
            }
        }
    }

    /// Keys that are not commands go to the text field of the top layer.
    pub(super) fn type_into(&mut self, key: &KeyEvent) {
        let event = TermEvent::Key(*key);
        match self.stack.overlays.last_mut() {
            Some(Overlay::Capture(c)) => {
                c.input.handle_event(&event);
                c.recall = None;
            }
            Some(Overlay::Prompt(p)) => {
                p.input.handle_event(&event);
            }
            Some(Overlay::Session(s)) => {
                if let Some(notes) = s.notes.as_mut() {
                    notes.input(*key);
                }
            }
            Some(Overlay::NextEdition(form)) => {
                if let Some(input) = form.input_mut() {
                    input.handle_event(&event);
                }
            }
            Some(Overlay::Form(form)) => form.key(key),
            Some(Overlay::Help(help)) => help.type_key(key),
            _ => {}
        }
    }

    /// Moves the selection of the list view.
    pub(super) fn view_move(&mut self, dir: Dir, by: usize) {
        let n = self.view_len();
        if let Some(selected) = self.stack.view.selected_mut() {
            *selected = match dir {
                Dir::Up => selected.saturating_sub(by),
                Dir::Down => selected.saturating_add(by).min(n.saturating_sub(1)),
                _ => *selected,
            };
        }
    }

    /// The common keys of a list view: up and down, page, first and last, back.
    pub(super) fn on_list(&mut self, action: Action) -> Outcome {
        // a page is what one screen shows: items of the plan take about three
        // lines (a heading, a wrapped line), of search and review two
        let per_item = match self.stack.view {
            View::Plan(_) => 3,
            View::Search(_) | View::Review(_) | View::Warnings(_) => 2,
            _ => 1,
        };
        let page = (usize::from(self.stack.viewport.1.saturating_sub(6)) / per_item).max(1);
        match action {
            Action::Move(dir @ (Dir::Up | Dir::Down)) => self.view_move(dir, 1),
            Action::PageDown => self.view_move(Dir::Down, page),
            Action::PageUp => self.view_move(Dir::Up, page),
            Action::FirstSlot => self.view_move(Dir::Up, usize::MAX),
            Action::LastSlot => self.view_move(Dir::Down, usize::MAX),
            Action::Cancel => self.stack.show(View::Grid),
            _ => return Outcome::Unclaimed,
        }
        Outcome::Stay
    }

    /// How many lines the list view selects among.
    pub(crate) fn view_len(&self) -> usize {
        match &self.stack.view {
            View::Grid | View::Present | View::Break { .. } => 0,
            View::Plan(p) => p.items.len(),
            View::Tally(_) => self.edition.topics.len(),
            View::Reports(_) => super::layers::reports::reports_owed(&self.edition, self.now).len(),
            View::Review(_) => self.review_items().len(),
            View::Retro(_) => {
                self.edition.retrospective.worked.len() + self.edition.retrospective.better.len()
            }
            View::Compare { .. } => self.compare_scroll_max() + 1,
            View::Search(s) => s.hits.len(),
            View::Warnings(_) => self.warnings.len(),
        }
    }
}

impl Outcome {
    /// Keys every layer shares, when the layer itself did not claim them:
    /// help, the mouse, quitting.
    fn or_common(
        self,
        board: &mut Board,
        keymap: &Keymap,
        here: super::keymap::Mode,
        action: Action,
    ) -> Outcome {
        if self != Outcome::Unclaimed {
            return self;
        }
        match action {
            Action::Help => {
                let help = match board.scribe {
                    Some(_) => help::HelpView::for_scribe(keymap, here),
                    None => help::HelpView::new(keymap, here),
                };
                board.open(Overlay::Help(help));
            }
            Action::ToggleMouse => board.queue.push(Effect::ToggleMouse),
            Action::Quit => {
                if board.save.error.is_some() && board.save.dirty() {
                    board.open(Overlay::ConfirmQuit);
                } else {
                    board.queue.push(Effect::Quit);
                }
            }
            _ => return Outcome::Unclaimed,
        }
        Outcome::Stay
    }
}
