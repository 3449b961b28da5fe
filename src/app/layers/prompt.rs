//! A single answer the board asks for, typed on the input line; Enter
//! hands it to the part of the board that asked.

use tui_input::Input;

use super::Outcome;
use crate::app::action::Action;
use crate::app::board::Board;
use crate::app::stack::Overlay;
use crate::model::{ActionId, SlotId, SpaceId, TopicId};

/// What is asked, and what the answer is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ask {
    /// The topic's votes, and how many it has now (shown, not prefilled:
    /// what is typed replaces the count).
    Votes(TopicId, u32),
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
    GoToSpace,
}

impl Ask {
    pub fn label(&self) -> String {
        match self {
            Ask::Votes(_, now) => format!("Votes (now {now})"),
            Ask::GoToSpace => "Go to space (its number or the start of its name)".into(),
            Ask::AddSpace => "New space (Name:capacity)".into(),
            Ask::RenameSpace(_) => "Rename space (Name:capacity)".into(),
            Ask::AddSlot => format!("New slot ({})", crate::model::spec::SLOT_SYNTAX),
            Ask::EditSlot(_) => format!("Slot ({})", crate::model::spec::SLOT_SYNTAX),
            Ask::Participants(_) => "How many took part".into(),
            Ask::EditAction(_) => format!("Action point ({})", crate::app::grammar::ACTION_LINE),
            Ask::Timer => {
                "Timer (45m, 1h30m, +5, -5, until 11:45; empty: follow the schedule)".into()
            }
            Ask::RunningLate => "Running late by how many minutes (negative: ahead)".into(),
            Ask::Announcements => "Announcements (up to three, separated by |)".into(),
            Ask::Search => "Search every edition".into(),
            Ask::Worked => "What worked (one line)".into(),
            Ask::Better => "What to do better next time (one line)".into(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Prompt {
    pub ask: Ask,
    pub input: Input,
    pub error: Option<String>,
}

impl Board {
    /// Asks for one answer, the field prefilled with `value`.
    pub(crate) fn ask(&mut self, ask: Ask, value: String) {
        self.open(Overlay::Prompt(Prompt {
            ask,
            input: Input::new(value),
            error: None,
        }));
    }

    pub(crate) fn on_prompt(&mut self, prompt: &mut Prompt, action: Action) -> Outcome {
        match action {
            Action::Cancel => Outcome::Close,
            Action::Submit => {
                let text = prompt.input.value().trim().to_string();
                match self.answer(&prompt.ask, &text) {
                    Ok(message) => {
                        self.toast(format!("{message} — u undoes"));
                        Outcome::Close
                    }
                    Err(message) => {
                        prompt.error = Some(message);
                        Outcome::Stay
                    }
                }
            }
            _ => Outcome::Unclaimed,
        }
    }

    /// The answer to a question, taken where it was asked for.
    fn answer(&mut self, ask: &Ask, text: &str) -> Result<String, String> {
        match ask {
            Ask::Votes(id, _) => self.submit_votes(*id, text),
            Ask::AddSpace | Ask::RenameSpace(_) => self.submit_space(ask, text),
            Ask::AddSlot | Ask::EditSlot(_) => self.submit_slot(ask, text),
            Ask::Participants(id) => self.submit_participants(*id, text),
            Ask::EditAction(id) => self.submit_edit_action(*id, text),
            Ask::Timer => self.submit_timer(text),
            Ask::RunningLate => self.submit_running_late(text),
            Ask::Announcements => self.submit_announcements(text),
            Ask::Search => self.submit_search(text),
            Ask::GoToSpace => self.submit_go_to_space(text),
            Ask::Worked => self.retro_line(true, text),
            Ask::Better => self.retro_line(false, text),
        }
    }

    fn submit_votes(&mut self, id: TopicId, text: &str) -> Result<String, String> {
        let n = text
            .parse::<u32>()
            .map_err(|_| format!("{text:?} is not a number of votes"))?;
        self.try_change("set votes", |e| e.set_votes(id, n))
            .map_err(String::from)?;
        self.follow_in_tally(id);
        Ok(format!("{n} votes"))
    }
}
