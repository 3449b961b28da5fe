//! The one table of keys. Dispatch, the `?` help and the footer hints are all
//! generated from it, so help can never drift from what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Dir};
use super::grammar::{action_line, capture_line};

/// Where a key is looked up: each mode has its own keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Deserialize)]
pub enum Mode {
    Board,
    Parking,
    Capture,
    ActionLine,
    Form,
    Grab,
    Prompt,
    Layout,
    Session,
    Notes,
    Merge,
    ConfirmMerge,
    Plan,
    Tally,
    Reports,
    Review,
    Retro,
    Compare,
    Search,
    Warnings,
    NextEdition,
    Present,
    Break,
    Follow,
    Help,
    HelpSearch,
    ConfirmQuit,
    Recover,
    Conflicts,
    Notice,
    Fill,
    Picker,
}

impl Mode {
    pub const ALL: [Mode; 32] = [
        Mode::Board,
        Mode::Parking,
        Mode::Capture,
        Mode::ActionLine,
        Mode::Form,
        Mode::Grab,
        Mode::Prompt,
        Mode::Layout,
        Mode::Session,
        Mode::Notes,
        Mode::Merge,
        Mode::ConfirmMerge,
        Mode::Plan,
        Mode::Tally,
        Mode::Reports,
        Mode::Review,
        Mode::Retro,
        Mode::Compare,
        Mode::Search,
        Mode::Warnings,
        Mode::NextEdition,
        Mode::Present,
        Mode::Break,
        Mode::Follow,
        Mode::Help,
        Mode::HelpSearch,
        Mode::ConfirmQuit,
        Mode::Recover,
        Mode::Conflicts,
        Mode::Notice,
        Mode::Fill,
        Mode::Picker,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Mode::Board => "BOARD",
            Mode::Parking => "PARKING LOT",
            Mode::Capture => "ADD TOPICS",
            Mode::ActionLine => "ADD ACTION POINTS",
            Mode::Form => "EDIT",
            Mode::Grab => "MOVE",
            Mode::Prompt => "INPUT",
            Mode::Layout => "SPACES & SLOTS",
            Mode::Session => "SESSION",
            Mode::Notes => "NOTES",
            Mode::Merge => "MERGE",
            Mode::ConfirmMerge => "MERGE?",
            Mode::Plan => "ACTION PLAN",
            Mode::Tally => "DOT VOTING",
            Mode::Reports => "REPORTS OWED",
            Mode::Present => "PRESENT",
            Mode::Break => "BREAK",
            Mode::Follow => "PROJECTOR",
            Mode::Review => "OPENING CIRCLE",
            Mode::Retro => "RETROSPECTIVE",
            Mode::Compare => "COMPARE",
            Mode::Search => "SEARCH",
            Mode::Warnings => "WARNINGS",
            Mode::NextEdition => "NEXT EDITION",
            Mode::Help => "HELP",
            Mode::HelpSearch => "HELP · SEARCH",
            Mode::ConfirmQuit => "QUIT?",
            Mode::Recover => "RECOVER?",
            Mode::Conflicts => "CHANGED OUTSIDE",
            Mode::Notice => "NOTE",
            Mode::Fill => "FILL THE GRID?",
            Mode::Picker => "EDITIONS",
        }
    }

    /// Modes where letters are text, so only Esc, Enter, Tab, arrows and
    /// Ctrl/Alt chords may act.
    pub fn is_typing(self) -> bool {
        matches!(
            self,
            Mode::Capture
                | Mode::ActionLine
                | Mode::Form
                | Mode::Prompt
                | Mode::Notes
                | Mode::NextEdition
                | Mode::HelpSearch
        )
    }
}

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::NONE,
        }
    }
    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }
    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            mods: KeyModifiers::CONTROL,
        }
    }
    pub const fn shift(code: KeyCode) -> Key {
        Key {
            code,
            mods: KeyModifiers::SHIFT,
        }
    }

    /// The key of a terminal event, with Shift folded into the character
    /// (terminals disagree on whether 'U' also reports Shift).
    pub fn from_event(event: &KeyEvent) -> Key {
        let mut mods =
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match event.code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            code => code,
        };
        if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        Key { code, mods }
    }

    /// "Ctrl-Z", "Shift-←", "?", "Enter".
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) if self.mods.contains(KeyModifiers::CONTROL) => {
                c.to_ascii_uppercase().to_string()
            }
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        let mut out = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            out.push_str("Shift-");
        }
        out.push_str(&base);
        out
    }
}

/// One row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub mode: Mode,
    pub key: Key,
    pub action: Action,
    /// What the key does, for help. Rows with the same mode and text are one help line.
    pub help: &'static str,
    /// Shown in the footer of its mode.
    pub hint: bool,
}

const fn b(mode: Mode, key: Key, action: Action, help: &'static str) -> Binding {
    Binding {
        mode,
        key,
        action,
        help,
        hint: false,
    }
}

/// Marks a binding as one of the few shown in the footer.
const fn hint(binding: Binding) -> Binding {
    Binding {
        hint: true,
        ..binding
    }
}

use KeyCode::{BackTab, Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp, Right, Tab, Up};
use Mode::*;

const NAV_UP: &str = "move up";
const NAV_DOWN: &str = "move down";
const NAV_LEFT: &str = "move left";
const NAV_RIGHT: &str = "move right";

/// The four directions, by arrow and by vim letter, as many modes move.
fn arrows(mode: Mode) -> [Binding; 8] {
    [
        b(mode, Key::plain(Up), Action::Move(Dir::Up), NAV_UP),
        b(mode, Key::ch('k'), Action::Move(Dir::Up), NAV_UP),
        b(mode, Key::plain(Down), Action::Move(Dir::Down), NAV_DOWN),
        b(mode, Key::ch('j'), Action::Move(Dir::Down), NAV_DOWN),
        b(mode, Key::plain(Left), Action::Move(Dir::Left), NAV_LEFT),
        b(mode, Key::ch('h'), Action::Move(Dir::Left), NAV_LEFT),
        b(mode, Key::plain(Right), Action::Move(Dir::Right), NAV_RIGHT),
        b(mode, Key::ch('l'), Action::Move(Dir::Right), NAV_RIGHT),
    ]
}

/// Moving through a list: a line, a page, to either end (g is left out
/// where the mode has a letter of its own for it).
fn list(mode: Mode, g: bool) -> Vec<Binding> {
    let mut rows = vec![
        b(mode, Key::plain(Up), Action::Move(Dir::Up), NAV_UP),
        b(mode, Key::ch('k'), Action::Move(Dir::Up), NAV_UP),
        b(mode, Key::plain(Down), Action::Move(Dir::Down), NAV_DOWN),
        b(mode, Key::ch('j'), Action::Move(Dir::Down), NAV_DOWN),
        b(mode, Key::plain(PageUp), Action::PageUp, "page up"),
        b(mode, Key::plain(PageDown), Action::PageDown, "page down"),
        b(mode, Key::plain(Home), Action::FirstSlot, "to the top"),
        b(mode, Key::plain(End), Action::LastSlot, "to the end"),
        b(mode, Key::ch('G'), Action::LastSlot, "to the end"),
    ];
    if g {
        rows.push(b(mode, Key::ch('g'), Action::FirstSlot, "to the top"));
    }
    rows
}

/// Jumping to space 1…9, and to any space by its number or name.
fn spaces(mode: Mode) -> impl Iterator<Item = Binding> {
    (1..=9u8)
        .map(move |n| {
            let c = char::from(b'0' + n);
            b(mode, Key::ch(c), Action::JumpToSpace(n), "jump to space N")
        })
        .chain([b(
            mode,
            Key::ch('0'),
            Action::GoToSpace,
            "go to a space by its number or name (10 and on)",
        )])
}

/// Help in every mode: F1 everywhere (typing included), and ? where letters are keys.
fn help(mode: Mode) -> Vec<Binding> {
    let mut rows = vec![b(mode, Key::plain(F(1)), Action::Help, "help")];
    if !mode.is_typing() {
        // the footer names it where the facilitator starts: the grid and the picker
        let q = b(mode, Key::ch('?'), Action::Help, "help");
        let shown = matches!(mode, Mode::Board | Mode::Parking | Mode::Picker);
        rows.insert(0, if shown { hint(q) } else { q });
    }
    rows
}

/// Undo and redo, where a mode changes the edition.
fn undo(mode: Mode) -> [Binding; 4] {
    [
        b(mode, Key::ch('u'), Action::Undo, "undo"),
        b(mode, Key::ctrl('z'), Action::Undo, "undo"),
        b(mode, Key::ch('U'), Action::Redo, "redo"),
        b(mode, Key::ctrl('r'), Action::Redo, "redo"),
    ]
}

/// The default keys, by the conventions of vim, lazygit and gitui; the
/// rows every mode shares come from the helpers above (as atuin's
/// `add_common_bindings` does), one row per line.
#[rustfmt::skip]
pub fn defaults() -> Vec<Binding> {
    let mut t: Vec<Binding> = Vec::new();
    // the grid
    t.extend(arrows(Board));
    t.extend([
        b(Board, Key::ch('g'), Action::FirstSlot, "first slot"),
        b(Board, Key::plain(Home), Action::FirstSlot, "first slot"),
        b(Board, Key::ch('G'), Action::LastSlot, "last slot"),
        b(Board, Key::plain(End), Action::LastSlot, "last slot"),
        b(Board, Key::plain(PageUp), Action::PageUp, "page up"),
        b(Board, Key::plain(PageDown), Action::PageDown, "page down"),
    ]);
    t.extend(spaces(Board));
    t.extend([
        b(Board, Key::plain(Tab), Action::NextPane, "to the parking lot"),
        b(Board, Key::plain(BackTab), Action::PrevPane, "to the parking lot"),
        hint(b(Board, Key::ch('a'), Action::Capture, "add topics (capture line)")),
        hint(b(Board, Key::plain(Enter), Action::Open, "open the card, or start a topic here")),
        hint(b(Board, Key::ch('e'), Action::Edit, "edit title, conveners, description, slots")),
        hint(b(Board, Key::ch('m'), Action::Grab, "grab the card to move it")),
        b(Board, Key::shift(Up), Action::Shove(Dir::Up), "move the card one cell"),
        b(Board, Key::ch('K'), Action::Shove(Dir::Up), "move the card one cell"),
        b(Board, Key::shift(Down), Action::Shove(Dir::Down), "move the card one cell"),
        b(Board, Key::ch('J'), Action::Shove(Dir::Down), "move the card one cell"),
        b(Board, Key::shift(Left), Action::Shove(Dir::Left), "move the card one cell"),
        b(Board, Key::ch('H'), Action::Shove(Dir::Left), "move the card one cell"),
        b(Board, Key::shift(Right), Action::Shove(Dir::Right), "move the card one cell"),
        b(Board, Key::ch('L'), Action::Shove(Dir::Right), "move the card one cell"),
        b(Board, Key::ch('p'), Action::Park, "park the card"),
        hint(b(Board, Key::ch('d'), Action::Delete, "delete (u undoes)")),
        b(Board, Key::ch('*'), Action::Pin, "pin or unpin the card"),
        b(Board, Key::ch('+'), Action::VoteUp, "one vote more"),
        b(Board, Key::ch('-'), Action::VoteDown, "one vote less"),
        b(Board, Key::ch('='), Action::SetVotes, "type the number of votes"),
        hint(b(Board, Key::ch('u'), Action::Undo, "undo")),
        b(Board, Key::ctrl('z'), Action::Undo, "undo"),
        b(Board, Key::ch('U'), Action::Redo, "redo"),
        b(Board, Key::ctrl('r'), Action::Redo, "redo"),
        b(Board, Key::ctrl('y'), Action::Redo, "redo"),
        b(Board, Key::ch('o'), Action::AddActions, "add action points to the session"),
        b(Board, Key::ch('M'), Action::Merge, "merge with another topic"),
        b(Board, Key::ch('A'), Action::ActionPlan, "the action plan"),
        b(Board, Key::ch('!'), Action::Warnings, "warnings: clashes, full rooms, twin topics"),
        b(Board, Key::ch('F'), Action::Fill, "fill the grid from the parking lot (shown first)"),
        b(Board, Key::ch('V'), Action::Tally, "dot voting"),
        b(Board, Key::ch('R'), Action::Reports, "sessions that owe a report"),
        b(Board, Key::ch('t'), Action::JumpToNow, "jump to the slot going on now"),
        b(Board, Key::ch('P'), Action::Present, "present mode on/off"),
        b(Board, Key::plain(F(5)), Action::Present, "present mode on/off"),
        b(Board, Key::ch('b'), Action::BreakScreen, "the break screen"),
        b(Board, Key::ch('T'), Action::SetTimer, "set a timer: 45m, +5, until 11:45"),
        b(Board, Key::ch('D'), Action::RunningLate, "running late: shift the rest of the day"),
        b(Board, Key::ch('z'), Action::HideLater, "hide the slots after this one"),
        b(Board, Key::ch('Z'), Action::RevealAll, "reveal every slot"),
        b(Board, Key::ch('/'), Action::Search, "search every edition"),
        b(Board, Key::ch('O'), Action::OpeningReview, "opening circle: last edition's action points"),
        b(Board, Key::ch('W'), Action::Retrospective, "retrospective: what worked, what to do better"),
        b(Board, Key::ch('C'), Action::Compare, "compare with the earlier edition"),
        b(Board, Key::ch('N'), Action::NextEdition, "start the next edition from this one"),
        b(Board, Key::ch('E'), Action::AllowEditing, "allow editing a past edition (review)"),
        b(Board, Key::ch('S'), Action::Layout, "spaces and slots: add, rename, remove"),
        b(Board, Key::ch('X'), Action::Export, "export the record: proceedings, CSV, calendar, door signs"),
        b(Board, Key::plain(F(2)), Action::ToggleMouse, "mouse on/off (off lets you select text)"),
    ]);
    t.extend(help(Board));
    t.push(hint(b(Board, Key::ch('q'), Action::Quit, "quit (everything is saved)")));
    // the parking lot
    t.extend([
        b(Parking, Key::plain(Up), Action::Move(Dir::Up), NAV_UP),
        b(Parking, Key::ch('k'), Action::Move(Dir::Up), NAV_UP),
        b(Parking, Key::plain(Down), Action::Move(Dir::Down), NAV_DOWN),
        b(Parking, Key::ch('j'), Action::Move(Dir::Down), NAV_DOWN),
        b(Parking, Key::ch('g'), Action::FirstSlot, "first topic"),
        b(Parking, Key::plain(Home), Action::FirstSlot, "first topic"),
        b(Parking, Key::ch('G'), Action::LastSlot, "last topic"),
        b(Parking, Key::plain(End), Action::LastSlot, "last topic"),
        b(Parking, Key::plain(Tab), Action::NextPane, "back to the grid"),
        b(Parking, Key::plain(BackTab), Action::PrevPane, "back to the grid"),
        b(Parking, Key::plain(Left), Action::PrevPane, "back to the grid"),
        b(Parking, Key::ch('h'), Action::PrevPane, "back to the grid"),
        hint(b(Parking, Key::ch('a'), Action::Capture, "add topics")),
        hint(b(Parking, Key::plain(Enter), Action::Open, "open the topic")),
        hint(b(Parking, Key::ch('e'), Action::Edit, "edit")),
        hint(b(Parking, Key::ch('m'), Action::Grab, "place it: pick a cell")),
        b(Parking, Key::ch('p'), Action::Grab, "place it: pick a cell"),
        hint(b(Parking, Key::ch('d'), Action::Delete, "delete (u undoes)")),
        b(Parking, Key::ch('o'), Action::AddActions, "add action points to the topic"),
        b(Parking, Key::ch('M'), Action::Merge, "merge with another topic"),
        b(Parking, Key::ch('A'), Action::ActionPlan, "the action plan"),
        b(Parking, Key::ch('V'), Action::Tally, "dot voting"),
        b(Parking, Key::ch('F'), Action::Fill, "fill the grid from the parking lot (shown first)"),
        b(Parking, Key::ch('+'), Action::VoteUp, "one vote more"),
        b(Parking, Key::ch('-'), Action::VoteDown, "one vote less"),
        b(Parking, Key::ch('='), Action::SetVotes, "type the number of votes"),
        hint(b(Parking, Key::ch('u'), Action::Undo, "undo")),
        b(Parking, Key::ctrl('z'), Action::Undo, "undo"),
        b(Parking, Key::ch('U'), Action::Redo, "redo"),
        b(Parking, Key::ctrl('r'), Action::Redo, "redo"),
        b(Parking, Key::ctrl('y'), Action::Redo, "redo"),
        b(Parking, Key::plain(F(2)), Action::ToggleMouse, "mouse on/off"),
    ]);
    t.extend(help(Parking));
    t.push(hint(b(Parking, Key::ch('q'), Action::Quit, "quit (everything is saved)")));
    // the capture line
    t.extend([
        hint(b(Capture, Key::plain(Enter), Action::Submit, "add the topic, keep the line open")),
        hint(b(Capture, Key::plain(Esc), Action::Cancel, "close the line")),
        hint(b(Capture, Key::plain(Tab), Action::Complete, "complete @convener or #space")),
        hint(b(Capture, Key::plain(Up), Action::HistoryPrev, "earlier lines")),
        b(Capture, Key::plain(Down), Action::HistoryNext, "later lines"),
        b(Capture, Key::ctrl('z'), Action::Undo, "undo the last change"),
    ]);
    t.extend(help(Capture));
    // the action-point line
    t.extend([
        hint(b(ActionLine, Key::plain(Enter), Action::Submit, "add the action point, keep the line open")),
        hint(b(ActionLine, Key::plain(Esc), Action::Cancel, "close the line")),
        hint(b(ActionLine, Key::plain(Up), Action::HistoryPrev, "earlier lines")),
        b(ActionLine, Key::plain(Down), Action::HistoryNext, "later lines"),
    ]);
    t.extend(help(ActionLine));
    // the edit form
    t.extend([
        hint(b(Form, Key::plain(Enter), Action::Submit, "save")),
        hint(b(Form, Key::plain(Esc), Action::Cancel, "cancel: put the original back")),
        hint(b(Form, Key::plain(Tab), Action::NextField, "next field")),
        b(Form, Key::plain(Down), Action::NextField, "next field"),
        b(Form, Key::plain(BackTab), Action::PrevField, "previous field"),
        b(Form, Key::plain(Up), Action::PrevField, "previous field"),
    ]);
    t.extend(help(Form));
    // a single answer
    t.extend([
        hint(b(Prompt, Key::plain(Enter), Action::Submit, "confirm")),
        hint(b(Prompt, Key::plain(Esc), Action::Cancel, "cancel")),
    ]);
    t.extend(help(Prompt));
    // carrying a card
    t.extend(arrows(Grab));
    t.extend(spaces(Grab));
    t.extend([
        b(Grab, Key::plain(PageUp), Action::PageUp, "page up"),
        b(Grab, Key::plain(PageDown), Action::PageDown, "page down"),
        hint(b(Grab, Key::plain(Enter), Action::Submit, "drop it here (swaps with a card)")),
        b(Grab, Key::ch('m'), Action::Submit, "drop it here (swaps with a card)"),
        hint(b(Grab, Key::ch('p'), Action::Park, "park it")),
        hint(b(Grab, Key::plain(Esc), Action::Cancel, "cancel")),
    ]);
    t.extend(help(Grab));
    // spaces and slots
    t.extend([
        hint(b(Layout, Key::ch('a'), Action::AddSpace, "add a space (Name:capacity)")),
        hint(b(Layout, Key::ch('r'), Action::RenameSpace, "rename this space")),
        hint(b(Layout, Key::ch('d'), Action::RemoveSpace, "remove this space (sessions are parked)")),
        b(Layout, Key::ch('<'), Action::MoveSpace(Dir::Left), "move this space left"),
        b(Layout, Key::ch('>'), Action::MoveSpace(Dir::Right), "move this space right"),
        hint(b(Layout, Key::ch('A'), Action::AddSlot, concat!("add a slot: ", crate::slot_syntax!()))),
        hint(b(Layout, Key::ch('R'), Action::EditSlot, "change this slot's times or label")),
        hint(b(Layout, Key::ch('D'), Action::RemoveSlot, "remove this slot (its sessions are parked, longer ones keep their other slots)")),
    ]);
    t.extend(arrows(Layout));
    t.extend([
        b(Layout, Key::ch('u'), Action::Undo, "undo"),
        hint(b(Layout, Key::plain(Esc), Action::Cancel, "back to the board")),
        b(Layout, Key::ch('S'), Action::Cancel, "back to the board"),
    ]);
    t.extend(help(Layout));
    // a session, large
    t.extend([
        b(Session, Key::plain(Up), Action::Move(Dir::Up), "previous action point"),
        b(Session, Key::ch('k'), Action::Move(Dir::Up), "previous action point"),
        b(Session, Key::plain(Down), Action::Move(Dir::Down), "next action point"),
        b(Session, Key::ch('j'), Action::Move(Dir::Down), "next action point"),
        hint(b(Session, Key::ch('o'), Action::AddActions, concat!("add action points: ", action_line!()))),
        hint(b(Session, Key::ch('x'), Action::ToggleDone, "action point done / open again")),
        b(Session, Key::ch('X'), Action::ToggleDropped, "action point dropped / open again"),
        b(Session, Key::ch('r'), Action::EditAction, "edit the action point"),
        b(Session, Key::ch('K'), Action::ActionUp, "move the action point up"),
        b(Session, Key::ch('J'), Action::ActionDown, "move the action point down"),
        b(Session, Key::ch('d'), Action::DeleteAction, "delete the action point (u undoes)"),
        hint(b(Session, Key::ch('n'), Action::EditNotes, "write the notes")),
        b(Session, Key::ch('N'), Action::ExternalNotes, "write the notes in $EDITOR"),
        hint(b(Session, Key::ch('e'), Action::Edit, "edit title, conveners, description, slots")),
        b(Session, Key::ch('c'), Action::Participants, "how many took part"),
        b(Session, Key::ch('+'), Action::VoteUp, "one vote more"),
        b(Session, Key::ch('-'), Action::VoteDown, "one vote less"),
        b(Session, Key::ch('='), Action::SetVotes, "type the number of votes"),
        b(Session, Key::ch('M'), Action::Merge, "merge with another topic"),
    ]);
    t.extend(undo(Session));
    t.extend([
        hint(b(Session, Key::plain(Esc), Action::Cancel, "close")),
        b(Session, Key::ch('q'), Action::Cancel, "close"),
    ]);
    t.extend(help(Session));
    // notes, typed in place
    t.extend([
        hint(b(Notes, Key::plain(Esc), Action::Save, "done: keep the notes (u undoes)")),
        b(Notes, Key::ctrl('s'), Action::Save, "done: keep the notes (u undoes)"),
    ]);
    t.extend(help(Notes));
    // merging two topics
    t.extend(arrows(Merge));
    t.extend([
        b(Merge, Key::plain(Tab), Action::NextPane, "grid / parking lot"),
        hint(b(Merge, Key::plain(Enter), Action::Submit, "merge with this topic")),
        hint(b(Merge, Key::plain(Esc), Action::Cancel, "cancel")),
    ]);
    t.extend(help(Merge));
    t.extend([
        hint(b(ConfirmMerge, Key::ch('y'), Action::Yes, "both conveners agree: merge")),
        hint(b(ConfirmMerge, Key::ch('n'), Action::No, "do not merge")),
        b(ConfirmMerge, Key::plain(Esc), Action::No, "do not merge"),
    ]);
    t.extend(help(ConfirmMerge));
    // the action plan
    t.extend(list(Plan, false));
    t.extend([
        hint(b(Plan, Key::ch('g'), Action::GroupBy, "group by session / by owner")),
        hint(b(Plan, Key::ch('f'), Action::FilterStatus, "show open / all / done / dropped")),
        hint(b(Plan, Key::ch('w'), Action::FilterOwner, "one owner after another, then all")),
        hint(b(Plan, Key::ch('x'), Action::ToggleDone, "done / open again")),
        b(Plan, Key::ch('X'), Action::ToggleDropped, "dropped / open again"),
        b(Plan, Key::plain(Enter), Action::Open, "open its session"),
        b(Plan, Key::ch('u'), Action::Undo, "undo"),
        hint(b(Plan, Key::plain(Esc), Action::Cancel, "back to the board")),
        b(Plan, Key::ch('q'), Action::Cancel, "back to the board"),
        b(Plan, Key::ch('A'), Action::Cancel, "back to the board"),
    ]);
    t.extend(help(Plan));
    // dot voting
    t.extend(list(Tally, true));
    t.extend([
        hint(b(Tally, Key::ch('+'), Action::VoteUp, "one dot more")),
        b(Tally, Key::ch(' '), Action::VoteUp, "one dot more"),
        hint(b(Tally, Key::ch('-'), Action::VoteDown, "one dot less")),
        b(Tally, Key::ch('='), Action::SetVotes, "type the number of dots"),
        hint(b(Tally, Key::ch(']'), Action::DotsMore, "each person has one dot more")),
        b(Tally, Key::ch('['), Action::DotsLess, "each person has one dot less"),
        b(Tally, Key::ch('u'), Action::Undo, "undo"),
        hint(b(Tally, Key::plain(Esc), Action::Cancel, "back to the board")),
        b(Tally, Key::ch('q'), Action::Cancel, "back to the board"),
        b(Tally, Key::ch('V'), Action::Cancel, "back to the board"),
    ]);
    t.extend(help(Tally));
    // the opening-circle review
    t.extend(list(Review, true));
    t.extend([
        hint(b(Review, Key::ch('x'), Action::ToggleDone, "done / open again, and on to the next")),
        hint(b(Review, Key::ch('X'), Action::ToggleDropped, "dropped / open again, and on to the next")),
        hint(b(Review, Key::ch('f'), Action::OneAtATime, "one point at a time, large / the list")),
        b(Review, Key::ch('u'), Action::Undo, "undo"),
        hint(b(Review, Key::plain(Esc), Action::Cancel, "back to the board")),
        b(Review, Key::ch('q'), Action::Cancel, "back to the board"),
        b(Review, Key::ch('O'), Action::Cancel, "back to the board"),
    ]);
    t.extend(help(Review));
    // the retrospective
    t.extend(list(Retro, true));
    t.extend([
        hint(b(Retro, Key::ch('w'), Action::AddWorked, "add what worked")),
        hint(b(Retro, Key::ch('b'), Action::AddBetter, "add what to do better")),
        hint(b(Retro, Key::ch('d'), Action::Delete, "delete the line (u undoes)")),
        b(Retro, Key::ch('u'), Action::Undo, "undo"),
        hint(b(Retro, Key::plain(Esc), Action::Cancel, "back to the board")),
        b(Retro, Key::ch('q'), Action::Cancel, "back to the board"),
        b(Retro, Key::ch('W'), Action::Cancel, "back to the board"),
    ]);
    t.extend(help(Retro));
    // comparing two editions
    t.extend(list(Compare, true));
    t.extend([
        hint(b(Compare, Key::plain(Esc), Action::Cancel, "back to the board")),
        b(Compare, Key::ch('q'), Action::Cancel, "back to the board"),
        b(Compare, Key::ch('C'), Action::Cancel, "back to the board"),
    ]);
    t.extend(help(Compare));
    // search results
    t.extend(list(Search, true));
    t.extend([
        hint(b(Search, Key::plain(Enter), Action::Open, "open its edition at the card")),
        hint(b(Search, Key::ch('/'), Action::Search, "search again")),
        hint(b(Search, Key::plain(Esc), Action::Cancel, "back to the board")),
        b(Search, Key::ch('q'), Action::Cancel, "back to the board"),
    ]);
    t.extend(help(Search));
    // the warnings
    t.extend(list(Warnings, true));
    t.extend([
        hint(b(Warnings, Key::plain(Enter), Action::Open, "go to the card")),
        hint(b(Warnings, Key::plain(Esc), Action::Cancel, "back to the board")),
        b(Warnings, Key::ch('q'), Action::Cancel, "back to the board"),
        b(Warnings, Key::ch('!'), Action::Cancel, "back to the board"),
    ]);
    t.extend(help(Warnings));
    // a new edition: the next one from the board, or one from the picker
    t.extend([
        hint(b(NextEdition, Key::plain(Enter), Action::Submit, "create it and open it")),
        hint(b(NextEdition, Key::plain(Esc), Action::Cancel, "cancel")),
        hint(b(NextEdition, Key::plain(Tab), Action::NextField, "next field")),
        b(NextEdition, Key::plain(Down), Action::NextField, "next field"),
        b(NextEdition, Key::plain(BackTab), Action::PrevField, "previous field"),
        b(NextEdition, Key::plain(Up), Action::PrevField, "previous field"),
    ]);
    t.extend(help(NextEdition));
    // present mode
    t.extend([
        hint(b(Present, Key::plain(Esc), Action::Cancel, "leave present mode")),
        b(Present, Key::ch('P'), Action::Present, "leave present mode"),
        b(Present, Key::plain(F(5)), Action::Present, "leave present mode"),
        hint(b(Present, Key::ch('a'), Action::Capture, "add a late topic (capture line)")),
        hint(b(Present, Key::ch('T'), Action::SetTimer, "set a timer: 45m, +5, until 11:45")),
        b(Present, Key::ch('D'), Action::RunningLate, "running late: shift the rest of the day"),
        hint(b(Present, Key::ch('b'), Action::BreakScreen, "the break screen")),
        b(Present, Key::ch('c'), Action::ToggleConveners, "show or hide the conveners' names"),
        b(Present, Key::ch('i'), Action::ToggleQuiet, "show or hide the operator's line at the bottom"),
    ]);
    t.extend(undo(Present));
    t.extend(help(Present));
    t.push(b(Present, Key::ch('q'), Action::Quit, "quit (everything is saved)"));
    // the break screen
    t.extend([
        hint(b(Break, Key::ch('e'), Action::Announce, "write the announcements")),
        hint(b(Break, Key::ch('T'), Action::SetTimer, "set a timer: 45m, +5, until 11:45")),
        b(Break, Key::ch('D'), Action::RunningLate, "running late: shift the rest of the day"),
        b(Break, Key::ch('f'), Action::Spotlight, "one announcement after another, full screen"),
        b(Break, Key::ch('c'), Action::ToggleConveners, "show or hide the conveners' names"),
        b(Break, Key::ch('i'), Action::ToggleQuiet, "show or hide the operator's line at the bottom"),
        b(Break, Key::ch('u'), Action::Undo, "undo"),
        hint(b(Break, Key::ch('b'), Action::Cancel, "back to the board")),
        b(Break, Key::plain(Esc), Action::Cancel, "back to the board"),
        b(Break, Key::ch('q'), Action::Cancel, "back to the board"),
    ]);
    t.extend(help(Break));
    // the projector's own window (openspace present): it only shows
    t.extend([
        hint(b(Follow, Key::ch('b'), Action::BreakScreen, "present mode / the break screen")),
        hint(b(Follow, Key::ch('c'), Action::ToggleConveners, "show or hide the conveners' names")),
        b(Follow, Key::ch('f'), Action::Spotlight, "one announcement after another, full screen"),
        hint(b(Follow, Key::ch('r'), Action::Rotate, "turn the pages by itself: now, the board, the announcements")),
    ]);
    t.extend(help(Follow));
    t.push(hint(b(Follow, Key::ch('q'), Action::Quit, "close this window")));
    // reports owed
    t.extend(list(Reports, true));
    t.extend([
        hint(b(Reports, Key::plain(Enter), Action::Open, "open the session")),
        hint(b(Reports, Key::ch('n'), Action::EditNotes, "write its notes now")),
        hint(b(Reports, Key::plain(Esc), Action::Cancel, "back to the board")),
        b(Reports, Key::ch('q'), Action::Cancel, "back to the board"),
        b(Reports, Key::ch('R'), Action::Cancel, "back to the board"),
    ]);
    t.extend(help(Reports));
    // help
    t.extend([
        hint(b(Help, Key::plain(Esc), Action::Cancel, "close help")),
        b(Help, Key::ch('?'), Action::Cancel, "close help"),
        b(Help, Key::ch('q'), Action::Cancel, "close help"),
        b(Help, Key::plain(F(1)), Action::Cancel, "close help"),
        b(Help, Key::plain(Down), Action::Move(Dir::Down), "scroll"),
        b(Help, Key::ch('j'), Action::Move(Dir::Down), "scroll"),
        b(Help, Key::plain(Up), Action::Move(Dir::Up), "scroll"),
        b(Help, Key::ch('k'), Action::Move(Dir::Up), "scroll"),
        b(Help, Key::plain(PageDown), Action::PageDown, "a page down / up"),
        b(Help, Key::plain(PageUp), Action::PageUp, "a page down / up"),
        b(Help, Key::plain(Home), Action::FirstSlot, "to the top"),
        b(Help, Key::ch('g'), Action::FirstSlot, "to the top"),
        b(Help, Key::plain(End), Action::LastSlot, "to the end"),
        b(Help, Key::ch('G'), Action::LastSlot, "to the end"),
        b(Help, Key::ch('/'), Action::Search, "search the help"),
        b(Help, Key::ch('n'), Action::NextMatch, "the next line that matches"),
        b(HelpSearch, Key::plain(Enter), Action::Submit, "find it"),
        b(HelpSearch, Key::plain(Esc), Action::Cancel, "stop searching"),
        b(HelpSearch, Key::plain(F(1)), Action::Cancel, "stop searching"),
    ]);
    // quitting while the file cannot be saved
    t.extend([
        hint(b(ConfirmQuit, Key::ch('y'), Action::Yes, "quit: the unsaved changes are kept for the next start")),
        hint(b(ConfirmQuit, Key::ch('n'), Action::No, "stay")),
        b(ConfirmQuit, Key::plain(Esc), Action::No, "stay"),
    ]);
    t.extend(help(ConfirmQuit));
    // the changes the last run could not save
    t.extend([
        hint(b(Recover, Key::ch('y'), Action::Yes, "take them back (u undoes)")),
        hint(b(Recover, Key::ch('n'), Action::No, "not now: they stay for later")),
        b(Recover, Key::plain(Esc), Action::No, "not now: they stay for later"),
    ]);
    t.extend(help(Recover));
    // what the file and the board both changed
    t.extend([
        b(Conflicts, Key::plain(Up), Action::Move(Dir::Up), NAV_UP),
        b(Conflicts, Key::ch('k'), Action::Move(Dir::Up), NAV_UP),
        b(Conflicts, Key::plain(Down), Action::Move(Dir::Down), NAV_DOWN),
        b(Conflicts, Key::ch('j'), Action::Move(Dir::Down), NAV_DOWN),
        hint(b(Conflicts, Key::ch('f'), Action::TakeTheirs, "take the file's or the scribe's version (u undoes)")),
        hint(b(Conflicts, Key::ch('b'), Action::KeepOurs, "keep the board's version")),
        hint(b(Conflicts, Key::plain(Esc), Action::Cancel, "done: the board's version for the rest")),
    ]);
    t.extend(help(Conflicts));
    // a notice to read in full
    t.extend([
        hint(b(Notice, Key::plain(Enter), Action::Submit, "read: close it")),
        b(Notice, Key::plain(Esc), Action::Cancel, "read: close it"),
    ]);
    t.extend(help(Notice));
    // the plan for filling the grid
    t.extend([
        hint(b(Fill, Key::ch('y'), Action::Yes, "place them (u undoes)")),
        b(Fill, Key::plain(Enter), Action::Yes, "place them (u undoes)"),
        hint(b(Fill, Key::ch('r'), Action::Refit, "also re-fit the sessions that break a rule, or not")),
        hint(b(Fill, Key::ch('n'), Action::No, "leave the grid as it is")),
        b(Fill, Key::plain(Esc), Action::No, "leave the grid as it is"),
    ]);
    t.extend(help(Fill));
    // the edition picker
    t.extend(list(Picker, true));
    t.extend([
        hint(b(Picker, Key::plain(Enter), Action::Submit, "open the edition")),
        hint(b(Picker, Key::ch('n'), Action::NewEdition, "new edition")),
        hint(b(Picker, Key::ch('q'), Action::Quit, "quit")),
        b(Picker, Key::plain(Esc), Action::Quit, "quit"),
    ]);
    t.extend(help(Picker));
    t
}

/// The modes in the order help and the README show them, with their titles.
#[rustfmt::skip]
pub const HELP_SECTIONS: [(Mode, &str); 32] = [
    (Mode::Board, "On the grid"),
    (Mode::Parking, "In the parking lot"),
    (Mode::Capture, concat!("Adding topics: ", capture_line!())),
    (Mode::ActionLine, concat!("Adding action points: ", action_line!())),
    (Mode::Grab, "Moving a card"),
    (Mode::Form, "Editing a card"),
    (Mode::Session, "A session (Enter on a card)"),
    (Mode::Notes, "Writing notes"),
    (Mode::Merge, "Merging two topics (M)"),
    (Mode::ConfirmMerge, "Confirming a merge"),
    (Mode::Plan, "The action plan (A)"),
    (Mode::Tally, "Dot voting (V)"),
    (Mode::Reports, "Reports owed (R)"),
    (Mode::Present, "Present mode (P)"),
    (Mode::Break, "The break screen (b)"),
    (Mode::Follow, "The projector's window (openspace present)"),
    (Mode::Review, "The opening circle: last edition's action points (O)"),
    (Mode::Retro, "The retrospective (W)"),
    (Mode::Compare, "Comparing two editions (C)"),
    (Mode::Search, "Search results (/)"),
    (Mode::Warnings, "Warnings: clashes, full rooms, twin topics (!)"),
    (Mode::NextEdition, "A new edition (N on the board, n among the editions)"),
    (Mode::Layout, "Spaces and slots (S)"),
    (Mode::Prompt, "Answering a question"),
    (Mode::ConfirmQuit, "Quitting while the file cannot be saved"),
    (Mode::Recover, "Changes the last run could not save"),
    (Mode::Conflicts, "The file was changed outside as well"),
    (Mode::Notice, "A note to read in full"),
    (Mode::Fill, "Filling the grid from the parking lot (F)"),
    (Mode::Picker, "Choosing an edition"),
    (Mode::Help, "This help"),
    (Mode::HelpSearch, "Searching the help (/)"),
];

/// Several keys for one thing, compactly: "u Ctrl-Z", "1…9", "Shift-↑↓←→ KJHL".
fn keys_label(keys: &[Key]) -> String {
    let is_arrow = |k: &Key| {
        matches!(
            k.code,
            KeyCode::Up | KeyCode::Down | KeyCode::Left | KeyCode::Right
        )
    };
    let arrows: Vec<&Key> = keys.iter().filter(|k| is_arrow(k)).collect();
    let rest: Vec<&Key> = keys.iter().filter(|k| !is_arrow(k)).collect();
    let mut parts = Vec::new();
    if arrows.len() > 1 && arrows.iter().all(|k| k.mods == arrows[0].mods) {
        let prefix = Key {
            code: KeyCode::Char('x'),
            mods: arrows[0].mods,
        }
        .label();
        let prefix = prefix.trim_end_matches('x');
        let glyphs: String = arrows.iter().map(|k| Key::plain(k.code).label()).collect();
        parts.push(format!("{prefix}{glyphs}"));
    } else {
        parts.extend(arrows.iter().map(|k| k.label()));
    }
    let singles: Vec<String> = rest.iter().map(|k| k.label()).collect();
    let all_chars = singles.iter().all(|l| l.chars().count() == 1);
    if all_chars && singles.len() > 3 {
        let digits = singles
            .iter()
            .all(|l| l.chars().all(|c| c.is_ascii_digit()));
        parts.push(if digits {
            format!("{}…{}", singles[0], singles[singles.len() - 1])
        } else {
            singles.concat()
        });
    } else {
        parts.extend(singles);
    }
    parts.join(" ")
}

impl Key {
    /// A key as a config file writes it: "a", "U", "Ctrl-z", "Shift-Up", "F5",
    /// "Enter", "Esc", "Tab", "Space", "PgDn".
    pub fn parse(text: &str) -> Option<Key> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = text.trim();
        loop {
            let lower = rest.to_ascii_lowercase();
            let (flag, len) = if lower.starts_with("ctrl-") {
                (KeyModifiers::CONTROL, 5)
            } else if lower.starts_with("alt-") {
                (KeyModifiers::ALT, 4)
            } else if lower.starts_with("shift-") {
                (KeyModifiers::SHIFT, 6)
            } else {
                break;
            };
            mods |= flag;
            rest = &rest[len..];
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "space" => KeyCode::Char(' '),
            "up" | "↑" => KeyCode::Up,
            "down" | "↓" => KeyCode::Down,
            "left" | "←" => KeyCode::Left,
            "right" | "→" => KeyCode::Right,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "del" | "delete" => KeyCode::Delete,
            "backspace" => KeyCode::Backspace,
            f if f.len() >= 2
                && f.starts_with('f')
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
            {
                KeyCode::F(f[1..].parse().ok()?)
            }
            _ => {
                let mut chars = rest.chars();
                let c = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                KeyCode::Char(c)
            }
        };
        // the same folding as for events: Shift is in the character itself
        let event = KeyEvent::new(code, mods);
        Some(Key::from_event(&event))
    }
}

/// One key a config file rebinds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rebind {
    pub mode: Mode,
    pub key: String,
    pub action: Action,
}

/// The keys in force: the defaults, which a config file may override.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: defaults(),
        }
    }
}

impl Keymap {
    /// The defaults with the config file's keys on top: each names a mode, a
    /// key and an action, and replaces only that key in that mode.
    pub fn with(rebinds: &[Rebind]) -> Result<Keymap, String> {
        let mut map = Keymap::default();
        for r in rebinds {
            let key = Key::parse(&r.key).ok_or_else(|| {
                format!(
                    "{:?} is not a key (try \"a\", \"Ctrl-z\", \"Shift-Up\", \"F5\")",
                    r.key
                )
            })?;
            let help = map
                .bindings
                .iter()
                .chain(defaults().iter())
                .find(|b| b.action == r.action)
                .map(|b| b.help)
                .unwrap_or("(rebound in the config file)");
            map.bindings.retain(|b| !(b.mode == r.mode && b.key == key));
            map.bindings.push(Binding {
                mode: r.mode,
                key,
                action: r.action,
                help,
                hint: false,
            });
        }
        Ok(map)
    }

    /// What a key means in a mode. Ctrl-C always quits. While typing, plain
    /// letters are text, never commands.
    pub fn action(&self, mode: Mode, event: &KeyEvent) -> Option<Action> {
        let key = Key::from_event(event);
        if key == Key::ctrl('c') {
            return Some(Action::ForceQuit);
        }
        if mode.is_typing()
            && matches!(key.code, KeyCode::Char(_))
            && !key
                .mods
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return None;
        }
        self.bindings
            .iter()
            .find(|b| b.mode == mode && b.key == key)
            .map(|b| b.action)
    }

    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// Help lines for a mode: keys joined, one line per distinct text, in table order.
    pub fn help(&self, mode: Mode) -> Vec<(String, &'static str)> {
        self.help_where(mode, |_| true)
    }

    /// `help`, only the bindings whose action `keep` keeps.
    pub fn help_where(
        &self,
        mode: Mode,
        keep: impl Fn(Action) -> bool,
    ) -> Vec<(String, &'static str)> {
        let mut lines: Vec<(Vec<Key>, &'static str)> = Vec::new();
        for b in self
            .bindings
            .iter()
            .filter(|b| b.mode == mode && keep(b.action))
        {
            match lines.iter_mut().find(|(_, h)| *h == b.help) {
                Some((keys, _)) => keys.push(b.key),
                None => lines.push((vec![b.key], b.help)),
            }
        }
        lines
            .into_iter()
            .map(|(keys, help)| (keys_label(&keys), help))
            .collect()
    }

    /// The key tables of the README, one per mode, as Markdown.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        for (mode, title) in HELP_SECTIONS {
            out.push_str(&format!(
                "\n**{title}**\n\n| keys | what they do |\n|---|---|\n"
            ));
            for (keys, help) in self.help(mode) {
                let keys = keys.replace('|', "\\|");
                out.push_str(&format!("| `{keys}` | {help} |\n"));
            }
        }
        out
    }

    /// The footer's few hints for a mode: ("a", "add topics (capture line)").
    pub fn hints(&self, mode: Mode) -> Vec<(String, &'static str)> {
        self.hints_where(mode, |_| true)
    }

    /// The footer's hints of a scribe's board: the keys of what a scribe does.
    pub fn scribe_hints(&self, mode: Mode) -> Vec<(String, &'static str)> {
        self.hints_where(mode, |a| {
            matches!(
                a,
                Action::Open
                    | Action::AddActions
                    | Action::ToggleDone
                    | Action::EditNotes
                    | Action::Participants
                    | Action::Undo
                    | Action::Help
                    | Action::Quit
                    | Action::Cancel
                    | Action::Submit
            )
        })
    }

    fn hints_where(
        &self,
        mode: Mode,
        keep: impl Fn(Action) -> bool,
    ) -> Vec<(String, &'static str)> {
        self.bindings
            .iter()
            .filter(|b| b.mode == mode && b.hint && keep(b.action))
            .map(|b| (b.key.label(), b.help))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventKind;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers: mods,
            kind: KeyEventKind::Press,
            state: crossterm::event::KeyEventState::NONE,
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        let mut seen = std::collections::HashSet::new();
        for b in defaults() {
            assert!(
                seen.insert((b.mode, b.key)),
                "{:?} {} bound twice",
                b.mode,
                b.key.label()
            );
        }
    }

    #[test]
    fn the_issue_default_keys() {
        let k = Keymap::default();
        let plain = |c| ev(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(k.action(Mode::Board, &plain('a')), Some(Action::Capture));
        assert_eq!(
            k.action(Mode::Board, &ev(KeyCode::Enter, KeyModifiers::NONE)),
            Some(Action::Open)
        );
        assert_eq!(k.action(Mode::Board, &plain('e')), Some(Action::Edit));
        assert_eq!(k.action(Mode::Board, &plain('m')), Some(Action::Grab));
        assert_eq!(k.action(Mode::Board, &plain('d')), Some(Action::Delete));
        assert_eq!(k.action(Mode::Board, &plain('u')), Some(Action::Undo));
        assert_eq!(k.action(Mode::Board, &plain('?')), Some(Action::Help));
        assert_eq!(k.action(Mode::Board, &plain('q')), Some(Action::Quit));
        // Shift-U arrives as 'U' with or without the Shift flag
        assert_eq!(
            k.action(Mode::Board, &ev(KeyCode::Char('U'), KeyModifiers::SHIFT)),
            Some(Action::Redo)
        );
        assert_eq!(
            k.action(Mode::Board, &ev(KeyCode::Char('Z'), KeyModifiers::CONTROL)),
            Some(Action::Undo)
        );
    }

    #[test]
    fn while_typing_no_letter_is_a_command_but_ctrl_c_quits() {
        let k = Keymap::default();
        for c in ['q', 'a', 'u', 'd', '?', '+'] {
            assert_eq!(
                k.action(Mode::Capture, &ev(KeyCode::Char(c), KeyModifiers::NONE)),
                None
            );
            assert_eq!(
                k.action(Mode::Form, &ev(KeyCode::Char(c), KeyModifiers::SHIFT)),
                None
            );
        }
        assert_eq!(
            k.action(
                Mode::Capture,
                &ev(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Action::ForceQuit)
        );
        assert_eq!(
            k.action(Mode::Capture, &ev(KeyCode::Esc, KeyModifiers::NONE)),
            Some(Action::Cancel)
        );
    }

    #[test]
    fn help_groups_keys_and_covers_every_binding() {
        let k = Keymap::default();
        let help = k.help(Mode::Board);
        let undo = help.iter().find(|(_, h)| *h == "undo").unwrap();
        assert_eq!(undo.0, "u Ctrl-Z");
        let jump = help.iter().find(|(_, h)| *h == "jump to space N").unwrap();
        assert_eq!(jump.0, "1…9");
        let shove = help
            .iter()
            .find(|(_, h)| *h == "move the card one cell")
            .unwrap();
        assert_eq!(shove.0, "Shift-↑↓←→ KJHL");
        for b in defaults() {
            assert!(k.help(b.mode).iter().any(|(_, h)| *h == b.help));
        }
    }
}
