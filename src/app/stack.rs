//! What is on top of the board: one stack. At the bottom the grid, always
//! there (its cursor is where the next pitch goes, whatever is shown); over
//! it one base view (the grid itself, a full-screen list, or a projected
//! view); over that the overlays, newest on top. The same stack routes keys
//! to the top layer, paints bottom-up, and names the help section, so what
//! takes the keys is always what is drawn on top.
//!
//! The one rule for the projected views (present mode, the break screen):
//! an overlay that stands on its own — the input line at the bottom, help,
//! the question before quitting — is drawn over them; an overlay that shows
//! or points at a card or a cell needs the board under it, and is refused
//! with a toast, so nothing happens on a view the room cannot see.

use super::form::Form;
use super::keymap::Mode;
use super::layers::capture::{Capture, CaptureTarget};
use super::layers::grab::Grab;
use super::layers::grid::GridState;
use super::layers::help::HelpView;
use super::layers::plan::PlanView;
use super::layers::prompt::Prompt;
use super::layers::search::SearchView;
use super::layers::session::SessionView;
use super::picker::NewForm;
use crate::model::TopicId;

/// A list view's selected line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListView {
    pub selected: usize,
}

/// The opening circle: a list, or one point at a time in large letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReviewView {
    pub selected: usize,
    pub one_at_a_time: bool,
}

/// The full-screen view at the bottom of the stack.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Grid,
    /// Every action point of the edition, for the closing circle.
    Plan(PlanView),
    /// Dot voting: topics listed large, a live ranked bar chart.
    Tally(ListView),
    /// Sessions whose slot has ended and which still owe a report.
    Reports(ListView),
    /// The opening circle: the earlier edition's action points and what became of them.
    Review(ReviewView),
    /// What worked and what to do better: the earlier edition's and this one's.
    Retro(ListView),
    /// This edition beside the earlier one; the first line shown.
    Compare { scroll: usize },
    /// Results of a search in every edition.
    Search(SearchView),
    /// Clashes, full rooms and twin topics, explained.
    Warnings(ListView),
    /// NOW and NEXT large, for the room.
    Present,
    /// A big clock, what comes next, the announcements.
    Break { from_present: bool },
}

impl View {
    /// The keymap section of the view (the grid's depends on its focus).
    pub fn mode(&self, grid: &GridState) -> Mode {
        match self {
            View::Grid => grid.mode(),
            View::Plan(_) => Mode::Plan,
            View::Tally(_) => Mode::Tally,
            View::Reports(_) => Mode::Reports,
            View::Review(_) => Mode::Review,
            View::Retro(_) => Mode::Retro,
            View::Compare { .. } => Mode::Compare,
            View::Search(_) => Mode::Search,
            View::Warnings(_) => Mode::Warnings,
            View::Present => Mode::Present,
            View::Break { .. } => Mode::Break,
        }
    }

    /// Present mode and the break screen: the room reads them, the operator's chrome is gone.
    pub fn projected(&self) -> bool {
        matches!(self, View::Present | View::Break { .. })
    }

    /// The selected line of a list view.
    pub fn selected_mut(&mut self) -> Option<&mut usize> {
        match self {
            View::Plan(PlanView { selected, .. })
            | View::Tally(ListView { selected })
            | View::Reports(ListView { selected })
            | View::Review(ReviewView { selected, .. })
            | View::Retro(ListView { selected })
            | View::Search(SearchView { selected, .. })
            | View::Warnings(ListView { selected })
            | View::Compare { scroll: selected } => Some(selected),
            View::Grid | View::Present | View::Break { .. } => None,
        }
    }
}

/// What opens over the view, newest on top.
#[derive(Debug, Clone)]
pub enum Overlay {
    /// Spaces and slots: added, renamed, moved, removed on the grid.
    Layout,
    /// A session shown large, with its notes and action points.
    Session(SessionView),
    /// The capture line: topics, or the action points of one session.
    Capture(Capture),
    /// The form that edits a card.
    Form(Form),
    /// A single answer, on the input line.
    Prompt(Prompt),
    /// A card being carried to another cell.
    Grab(Grab),
    /// A topic waiting for the one it will be merged with.
    Merge(Grab),
    /// Two topics about to be merged: the one kept, the one merged into it.
    ConfirmMerge {
        keep: TopicId,
        other: TopicId,
    },
    /// The form that starts the next edition from this one.
    NextEdition(NewForm),
    /// Quitting while the last changes are not on disk.
    ConfirmQuit,
    /// The changes an earlier run could not save, offered back.
    Recover(super::layers::recover::Recovery),
    /// What the file and the board both changed, to choose between.
    Conflicts(super::layers::conflicts::Conflicts),
    /// Something to read in full.
    Notice(super::layers::notice::Notice),
    /// The plan for filling the grid from the parking lot, before it is applied.
    Fill(super::layers::fill::FillPreview),
    Help(HelpView),
}

impl Overlay {
    pub fn mode(&self) -> Mode {
        match self {
            Overlay::Layout => Mode::Layout,
            Overlay::Session(s) if s.notes.is_some() => Mode::Notes,
            Overlay::Session(_) => Mode::Session,
            Overlay::Capture(c) => match c.target {
                CaptureTarget::Topics => Mode::Capture,
                CaptureTarget::Actions(_) => Mode::ActionLine,
            },
            Overlay::Form(_) => Mode::Form,
            Overlay::Prompt(_) => Mode::Prompt,
            Overlay::Grab(_) => Mode::Grab,
            Overlay::Merge(_) => Mode::Merge,
            Overlay::ConfirmMerge { .. } => Mode::ConfirmMerge,
            Overlay::NextEdition(_) => Mode::NextEdition,
            Overlay::ConfirmQuit => Mode::ConfirmQuit,
            Overlay::Recover(_) => Mode::Recover,
            Overlay::Conflicts(_) => Mode::Conflicts,
            Overlay::Notice(_) => Mode::Notice,
            Overlay::Fill(_) => Mode::Fill,
            Overlay::Help(h) => h.mode(),
        }
    }

    /// Whether it stands on its own over a projected view (see the module's rule).
    pub fn stands_alone(&self) -> bool {
        matches!(
            self,
            Overlay::Capture(Capture {
                target: CaptureTarget::Topics,
                ..
            }) | Overlay::Prompt(_)
                | Overlay::Help(_)
                | Overlay::ConfirmQuit
                | Overlay::Recover(_)
                | Overlay::Conflicts(_)
                | Overlay::Notice(_)
        )
    }

    /// Whether it works on the grid's cells, so the grid must be in sight.
    pub fn needs_grid(&self) -> bool {
        matches!(
            self,
            Overlay::Layout | Overlay::Grab(_) | Overlay::Merge(_) | Overlay::Fill(_)
        )
    }

    /// Whether it holds a text field: then letters are text, never commands.
    pub fn typing(&self) -> bool {
        self.mode().is_typing()
    }
}

/// The board's UI: the grid, the view, the overlays, and the message line.
#[derive(Debug, Clone, Default)]
pub struct Stack {
    pub grid: GridState,
    pub view: View,
    pub overlays: Vec<Overlay>,
    /// The terminal's size: what fits decides scrolling and paging.
    pub viewport: (u16, u16),
    pub toast: Option<Toast>,
    /// Bumped with every toast, so the loop knows when one is new.
    pub toast_seq: u64,
    /// Lines entered on the capture line, for ↑.
    pub capture_history: Vec<String>,
    /// Lines entered on the action-point line, for ↑ there: a separate
    /// history, so that an action point is never recalled as a topic.
    pub action_history: Vec<String>,
    /// Present mode and the break screen leave out the conveners' names
    /// (for events that ask for it).
    pub hide_conveners: bool,
    /// The operator's one discreet line on the projected screens (messages,
    /// a failing save) is hidden.
    pub quiet: bool,
    /// The projector's own window (`openspace present`): it shows the file,
    /// has its own few keys, and no operator's line at all.
    pub follower: bool,
    /// The announcement shown full screen on the break screen.
    pub spotlight: Option<usize>,
    /// The projector's window as a kiosk: its pages one after another.
    pub rotation: Option<crate::app::kiosk::Rotation>,
    /// Seconds per page when `r` starts the rotation (`--rotate`, else 20).
    pub rotate_every: u32,
    /// The big letters may use sextants and octants (the config's
    /// `fine_letters`), for terminals whose font draws them.
    pub fine_letters: bool,
}

/// How a message reads: news, or a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warn,
}

/// The message line's text: what just happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toast {
    pub text: String,
    pub level: Level,
}

/// `name()` and `name_mut()`: the state of the nearest overlay of one kind.
macro_rules! find {
    ($name:ident, $name_mut:ident, $variant:ident, $state:ty) => {
        pub fn $name(&self) -> Option<&$state> {
            self.overlays.iter().rev().find_map(|o| match o {
                Overlay::$variant(s) => Some(s),
                _ => None,
            })
        }
        pub fn $name_mut(&mut self) -> Option<&mut $state> {
            self.overlays.iter_mut().rev().find_map(|o| match o {
                Overlay::$variant(s) => Some(s),
                _ => None,
            })
        }
    };
}

impl Toast {
    /// The text as shown: a warning says so with its sign, never by colour alone.
    pub fn line(&self) -> String {
        match self.level {
            Level::Warn => format!("⚠ {}", self.text),
            Level::Info => self.text.clone(),
        }
    }
}

impl Stack {
    /// The keymap section of the top layer.
    pub fn mode(&self) -> Mode {
        match self.overlays.last() {
            Some(o) => o.mode(),
            None if self.follower => Mode::Follow,
            None => self.view.mode(&self.grid),
        }
    }

    pub fn top(&self) -> Option<&Overlay> {
        self.overlays.last()
    }

    /// Opens an overlay by the stack's rule: refused (with the reason) over
    /// a projected view unless it stands alone; an overlay that works on
    /// the grid's cells brings the grid back under it.
    pub fn open(&mut self, overlay: Overlay) -> Result<(), String> {
        if self.view.projected() && !overlay.stands_alone() {
            let what = match self.view {
                View::Present => "present mode",
                _ => "the break screen",
            };
            return Err(format!(
                "Not on {what}: the room would not see it — Esc leaves {what} first"
            ));
        }
        if overlay.needs_grid() && self.view != View::Grid {
            self.view = View::Grid;
        }
        self.overlays.push(overlay);
        Ok(())
    }

    /// Shows another base view: what was open over the old one closes.
    pub fn show(&mut self, view: View) {
        self.overlays.clear();
        self.view = view;
    }

    /// Whether the input line (capture line or prompt) is open.
    pub fn input_open(&self) -> bool {
        self.overlays
            .iter()
            .any(|o| matches!(o, Overlay::Capture(_) | Overlay::Prompt(_)))
    }

    pub fn close_where(&mut self, f: impl Fn(&Overlay) -> bool) {
        self.overlays.retain(|o| !f(o));
    }

    // the state of the nearest overlay of a kind, from the top
    find!(session, session_mut, Session, SessionView);
    find!(capture, capture_mut, Capture, Capture);
    find!(prompt, prompt_mut, Prompt, Prompt);
    find!(help, help_mut, Help, crate::app::layers::help::HelpView);
    find!(form, form_mut, Form, Form);
    find!(next_form, next_form_mut, NextEdition, NewForm);

    /// The card being carried, if one is.
    pub fn grab(&self) -> Option<Grab> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Grab(g) => Some(*g),
            _ => None,
        })
    }
    /// The topic waiting to be merged with another, if one is.
    pub fn merge(&self) -> Option<Grab> {
        self.overlays.iter().rev().find_map(|o| match o {
            Overlay::Merge(g) => Some(*g),
            _ => None,
        })
    }
    pub fn toast(&mut self, text: impl Into<String>, level: Level) {
        self.toast = Some(Toast {
            text: text.into(),
            level,
        });
        self.toast_seq += 1;
    }
}
