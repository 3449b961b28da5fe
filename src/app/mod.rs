//! The application: the board's state, the stack of what is on top of it,
//! and what each key does. Pure: the loop in `run` owns the terminal and
//! the files and carries out the effects an action returns. Nothing here
//! draws: `ui` reads this state, and `geometry` (below both) says what fits.

pub mod action;
pub mod board;
mod cycle;
pub mod day;
pub mod draft;
pub mod earlier;
pub mod form;
pub(crate) mod grammar;
pub(crate) mod index;
pub mod keymap;
pub mod kiosk;
pub mod layers;
pub mod picker;
pub mod scribe;
pub mod stack;

use std::path::PathBuf;

use crossterm::event::{Event, KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};
use tui_input::backend::crossterm::EventHandler;

use action::{Action, Dir};
use board::Board;
use keymap::{Keymap, Mode};
use layers::Outcome;
use layers::help::HelpView;
use picker::{NewForm, Picker};

/// What the loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    ToggleMouse,
    /// Create an edition from the picker's form, then open it.
    Create(Box<crate::cli::NewArgs>),
    /// Open an edition on the board (from the picker), or at a topic (a
    /// search result in another edition).
    OpenAt(PathBuf, Option<crate::model::TopicId>),
    /// Ring the terminal bell.
    Bell,
    /// A recovery whose changes are back on the board (or were on disk already): remove it.
    ForgetRecovery(PathBuf),
    /// Write the record of the day (every export format) beside the edition.
    Export,
    /// Suspend the board and edit a session's notes in $EDITOR.
    EditNotes {
        topic: crate::model::TopicId,
        text: String,
    },
}

#[derive(Debug, Clone)]
pub enum Screen {
    Picker(Box<Picker>),
    Board(Box<Board>),
}

#[derive(Debug, Clone)]
pub struct App {
    pub screen: Screen,
    pub keymap: Keymap,
    pub mouse: bool,
    /// The terminal's size, for layout and mouse hits.
    pub size: (u16, u16),
    /// Where a mouse drag started: (row, col) on the grid.
    drag_from: Option<(usize, usize)>,
    pub today: jiff::civil::Date,
}

impl App {
    pub fn new(screen: Screen, size: (u16, u16), today: jiff::civil::Date) -> App {
        let mut app = App {
            screen,
            keymap: Keymap::default(),
            mouse: true,
            size,
            drag_from: None,
            today,
        };
        app.resize(size.0, size.1);
        app
    }

    pub fn board(&self) -> Option<&Board> {
        match &self.screen {
            Screen::Board(b) => Some(b),
            Screen::Picker(_) => None,
        }
    }
    pub fn board_mut(&mut self) -> Option<&mut Board> {
        match &mut self.screen {
            Screen::Board(b) => Some(b),
            Screen::Picker(_) => None,
        }
    }

    pub fn mode(&self) -> Mode {
        match &self.screen {
            Screen::Board(b) => b.mode(),
            Screen::Picker(p) => p.mode(),
        }
    }

    /// The venue's wall-clock time: the loop sets it, tests inject it.
    pub fn set_now(&mut self, now: jiff::civil::DateTime) {
        self.today = now.date();
        if let Some(b) = self.board_mut() {
            b.now = now;
        }
    }

    pub fn resize(&mut self, w: u16, h: u16) {
        self.size = (w, h);
        if let Some(b) = self.board_mut() {
            b.stack.viewport = (w, h);
            b.keep_cursor_in_view();
        }
    }

    /// One terminal event in, effects out.
    pub fn handle(&mut self, event: &Event) -> Vec<Effect> {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.key(key),
            Event::Paste(text) => {
                if let Some(b) = self.board_mut() {
                    b.paste(text);
                }
                Vec::new()
            }
            Event::Resize(w, h) => {
                self.resize(*w, *h);
                Vec::new()
            }
            Event::Mouse(m) if self.mouse => {
                self.mouse_event(m);
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn key(&mut self, key: &KeyEvent) -> Vec<Effect> {
        let App {
            screen,
            keymap,
            today,
            size,
            ..
        } = self;
        let mut effects = match screen {
            Screen::Board(b) => b.handle_key(keymap, key),
            Screen::Picker(p) => picker_key(p, keymap, key, *today, *size),
        };
        if effects.contains(&Effect::ToggleMouse) {
            effects.retain(|e| *e != Effect::ToggleMouse);
            self.mouse = !self.mouse;
            let state = if self.mouse {
                "on"
            } else {
                "off: select text freely"
            };
            if let Some(b) = self.board_mut() {
                b.toast(format!("Mouse {state}"));
            }
            effects.push(Effect::ToggleMouse);
        }
        effects
    }

    fn mouse_event(&mut self, m: &MouseEvent) {
        let Screen::Board(board) = &mut self.screen else {
            return;
        };
        let keymap = &self.keymap;
        // the mouse works on the grid, and only while the grid is what is on top
        let on_grid = board.stack.view == stack::View::Grid
            && board
                .stack
                .top()
                .is_none_or(|o| matches!(o, stack::Overlay::Grab(_)));
        if !on_grid {
            return;
        }
        let hit = board.current_grid().hit(m.column, m.row);
        let parking = board.regions().parking.and_then(|area| {
            let g = &board.stack.grid;
            crate::geometry::parking_hit(
                area,
                g.parking_sel,
                board.index.parked.len(),
                m.column,
                m.row,
            )
        });
        match m.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                if let Some((row, col)) = hit {
                    board.click(row, col);
                    self.drag_from = Some((row, col));
                } else if let Some(i) = parking {
                    // a click in the parking lot selects that topic; a grabbed card is parked
                    if board.stack.grab().is_some() {
                        board.park_grabbed();
                    } else {
                        board.stack.grid.focus = layers::grid::Focus::Parking;
                        board.stack.grid.parking_sel = i;
                    }
                }
            }
            MouseEventKind::Drag(MouseButton::Left) => {
                if let (Some(from), Some((row, col))) = (self.drag_from, hit) {
                    let b = self.board_mut();
                    if let Some(b) = b {
                        if b.stack.grab().is_none() && from != (row, col) {
                            b.click(from.0, from.1);
                            b.grab_selected();
                        }
                        if b.stack.grab().is_some() {
                            b.click(row, col);
                        }
                    }
                }
            }
            MouseEventKind::Up(MouseButton::Left) => {
                if self.drag_from.take().is_some()
                    && let Some(b) = self.board_mut()
                    && b.stack.grab().is_some()
                {
                    if let Some((row, col)) = hit {
                        b.click(row, col);
                    }
                    b.drop_at_cursor();
                    b.keep_cursor_in_view();
                }
            }
            MouseEventKind::ScrollDown => {
                board.apply(keymap, Action::Move(Dir::Down));
            }
            MouseEventKind::ScrollUp => {
                board.apply(keymap, Action::Move(Dir::Up));
            }
            _ => {}
        }
    }
}

fn picker_key(
    p: &mut Picker,
    keymap: &Keymap,
    key: &KeyEvent,
    today: jiff::civil::Date,
    size: (u16, u16),
) -> Vec<Effect> {
    let action = keymap.action(p.mode(), key);
    if action == Some(Action::ForceQuit) {
        return vec![Effect::Quit];
    }
    if let Some(help) = &mut p.help {
        if action.is_none() {
            help.type_key(key);
        }
        let outcome = action.map_or(Outcome::Unclaimed, |a| help.on(a, size));
        if outcome == Outcome::Close {
            p.help = None;
        }
        return Vec::new();
    }
    if let Some(form) = &mut p.new {
        match action {
            Some(Action::Cancel) => p.new = None,
            Some(Action::NextField) => form.step(true),
            Some(Action::PrevField) => form.step(false),
            Some(Action::Submit) => return submit_new(p),
            Some(Action::Help) => p.help = Some(HelpView::new(keymap, Mode::NextEdition)),
            Some(_) => {}
            None => match form.input_mut() {
                Some(input) => {
                    input.handle_event(&Event::Key(*key));
                }
                None => {
                    // a blank edition, or one of the listed editions to start from
                    let choices: Vec<Option<usize>> = std::iter::once(None)
                        .chain((0..p.entries.len()).map(Some))
                        .collect();
                    match key.code {
                        crossterm::event::KeyCode::Left => {
                            form.from = cycle::cycle(&choices, form.from, false)
                        }
                        crossterm::event::KeyCode::Right | crossterm::event::KeyCode::Char(' ') => {
                            form.from = cycle::cycle(&choices, form.from, true)
                        }
                        _ => {}
                    }
                    form.blank_defaults();
                }
            },
        }
        return Vec::new();
    }
    let last = p.entries.len().saturating_sub(1);
    match action {
        Some(Action::Quit) => return vec![Effect::Quit],
        Some(Action::Move(Dir::Up)) => p.selected = p.selected.saturating_sub(1),
        Some(Action::Move(Dir::Down)) => p.selected = (p.selected + 1).min(last),
        Some(Action::FirstSlot) => p.selected = 0,
        Some(Action::LastSlot) => p.selected = last,
        Some(Action::Help) => p.help = Some(HelpView::new(keymap, Mode::Picker)),
        Some(Action::Submit) => {
            if let Some(e) = p.entries.get(p.selected) {
                return vec![Effect::OpenAt(e.path.clone(), None)];
            }
        }
        Some(Action::NewEdition) => {
            let from = p
                .entries
                .get(p.selected)
                .filter(|e| e.error.is_none())
                .map(|_| p.selected);
            let mut form = NewForm::new(today, from);
            form.blank_defaults();
            p.new = Some(form);
        }
        _ => {}
    }
    Vec::new()
}

fn submit_new(p: &mut Picker) -> Vec<Effect> {
    let Some(form) = &mut p.new else {
        return Vec::new();
    };
    let Some((name, date, days)) = form.checked() else {
        return Vec::new();
    };
    let text = |i: &tui_input::Input| Some(i.value().trim().to_string()).filter(|s| !s.is_empty());
    let args = crate::cli::NewArgs {
        file: PathBuf::from(crate::model::slug(&name, "edition")),
        name,
        date,
        days,
        spaces: text(&form.spaces),
        slots: text(&form.slots),
        theme: None,
        from: form
            .from
            .and_then(|i| p.entries.get(i))
            .map(|e| e.path.clone()),
    };
    vec![Effect::Create(Box::new(args))]
}
