//! What a key means. The keymap turns keys into actions; `update` carries them out.

use serde::Deserialize;

/// A direction on the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum Dir {
    Up,
    Down,
    Left,
    Right,
}

/// A config file names actions as written here: `Capture`, `Move(Up)`, `JumpToSpace(3)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
pub enum Action {
    // moving around
    Move(Dir),
    FirstSlot,
    LastSlot,
    PageUp,
    PageDown,
    JumpToSpace(u8),
    /// Asks for a space's number or name: past 9.
    GoToSpace,
    /// The opening circle's points one at a time, large, or as a list.
    OneAtATime,
    /// The next line of help that matches what was searched.
    NextMatch,
    /// The projector's window turns its pages by itself, or stops.
    Rotate,
    /// Writes the record of the day beside the edition.
    Export,
    NextPane,
    PrevPane,
    // topics
    Capture,
    Open,
    Edit,
    Grab,
    Shove(Dir),
    Park,
    Delete,
    Pin,
    VoteUp,
    VoteDown,
    SetVotes,
    Undo,
    Redo,
    // sessions: notes, action points, merging
    AddActions,
    ToggleDone,
    ToggleDropped,
    EditAction,
    ActionUp,
    ActionDown,
    DeleteAction,
    EditNotes,
    ExternalNotes,
    Participants,
    Merge,
    // the views beside the grid
    ActionPlan,
    Warnings,
    /// Fill the grid from the parking lot; re-fit the sessions that break a rule.
    Fill,
    Refit,
    Tally,
    Reports,
    GroupBy,
    FilterStatus,
    FilterOwner,
    DotsMore,
    DotsLess,
    // running the day
    JumpToNow,
    Present,
    BreakScreen,
    /// Present mode and the break screen leave out the conveners, or not.
    ToggleConveners,
    /// The operator's line on the projected screens, hidden or not.
    ToggleQuiet,
    /// One announcement full screen, then the next, then the break screen.
    Spotlight,
    SetTimer,
    RunningLate,
    HideLater,
    RevealAll,
    Announce,
    // earlier editions
    Search,
    OpeningReview,
    Retrospective,
    Compare,
    NextEdition,
    AllowEditing,
    AddWorked,
    AddBetter,
    // the frame
    Layout,
    AddSpace,
    RenameSpace,
    RemoveSpace,
    MoveSpace(Dir),
    AddSlot,
    EditSlot,
    RemoveSlot,
    // the program
    Help,
    ToggleMouse,
    Quit,
    ForceQuit,
    // while typing, in a form or a picker
    Submit,
    Cancel,
    Complete,
    HistoryPrev,
    HistoryNext,
    NextField,
    PrevField,
    Save,
    Yes,
    No,
    /// Of a conflict with the file: its version, or the board's.
    TakeTheirs,
    KeepOurs,
    NewEdition,
}

impl Action {
    /// What only the facilitator does: refused at once on a scribe's board,
    /// which changes notes, participants and action points' status.
    pub fn is_the_facilitators(self) -> bool {
        use Action::*;
        matches!(
            self,
            Capture
                | Edit
                | Grab
                | Shove(_)
                | Park
                | Delete
                | Pin
                | VoteUp
                | VoteDown
                | SetVotes
                | ActionUp
                | ActionDown
                | DeleteAction
                | Merge
                | Fill
                | Refit
                | DotsMore
                | DotsLess
                | SetTimer
                | RunningLate
                | HideLater
                | RevealAll
                | Announce
                | Export
                | NextEdition
                | AddWorked
                | AddBetter
                | Layout
                | AddSpace
                | RenameSpace
                | RemoveSpace
                | MoveSpace(_)
                | AddSlot
                | EditSlot
                | RemoveSlot
        )
    }
}
