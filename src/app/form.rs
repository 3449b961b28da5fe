//! The small form that edits a card: title, conveners, description, kind,
//! and how many slots the session takes.

use tui_input::Input;

use super::cycle::cycle;

use crate::model::{SlotId, SpaceId, Topic, TopicDraft, TopicId, TopicKind, clean_names};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Conveners,
    Description,
    Kind,
    Slots,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Field::Title,
        Field::Conveners,
        Field::Description,
        Field::Kind,
        Field::Slots,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "Title",
            Field::Conveners => "Conveners",
            Field::Description => "Description",
            Field::Kind => "Kind",
            Field::Slots => "Slots",
        }
    }
}

/// What the form will change: an existing topic, or a new one for a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Topic(TopicId),
    NewAt(Option<(SlotId, SpaceId)>),
}

#[derive(Debug, Clone)]
pub struct Form {
    pub target: Target,
    pub title: Input,
    pub conveners: Input,
    pub description: Input,
    pub kind: TopicKind,
    /// How many consecutive session slots it takes.
    pub span: u32,
    pub field: Field,
    pub error: Option<String>,
    /// A description with line breaks is shown on one line; unless it is
    /// edited, the original with its breaks is kept.
    original_description: String,
}

impl Form {
    pub fn edit(topic: &Topic) -> Form {
        Form {
            target: Target::Topic(topic.id),
            title: Input::new(topic.title.clone()),
            conveners: Input::new(topic.conveners.join(", ")),
            description: Input::new(topic.description.replace('\n', " ")),
            kind: topic.kind,
            span: topic.slots(),
            field: Field::Title,
            error: None,
            original_description: topic.description.clone(),
        }
    }

    pub fn new_at(cell: Option<(SlotId, SpaceId)>) -> Form {
        Form {
            target: Target::NewAt(cell),
            title: Input::default(),
            conveners: Input::default(),
            description: Input::default(),
            kind: TopicKind::default(),
            span: 1,
            field: Field::Title,
            error: None,
            original_description: String::new(),
        }
    }

    pub fn input_mut(&mut self) -> Option<&mut Input> {
        match self.field {
            Field::Title => Some(&mut self.title),
            Field::Conveners => Some(&mut self.conveners),
            Field::Description => Some(&mut self.description),
            Field::Kind | Field::Slots => None,
        }
    }

    pub fn step(&mut self, forward: bool) {
        self.field = cycle(&Field::ALL, self.field, forward);
    }

    pub fn cycle_kind(&mut self, forward: bool) {
        self.kind = cycle(&TopicKind::ALL, self.kind, forward);
    }

    pub fn draft(&self) -> TopicDraft {
        TopicDraft {
            title: self.title.value().to_string(),
            conveners: clean_names(self.conveners.value().split(',').map(str::to_string)),
            description: if self.description.value() == self.original_description.replace('\n', " ")
            {
                self.original_description.clone()
            } else {
                self.description.value().to_string()
            },
            kind: self.kind,
        }
    }
}

impl Form {
    /// A key that is not a command: text for the focused field, or ←/→/Space on the kind.
    pub fn key(&mut self, key: &crossterm::event::KeyEvent) {
        use crossterm::event::KeyCode;
        use tui_input::backend::crossterm::EventHandler;
        let field = self.field;
        match self.input_mut() {
            Some(input) => {
                input.handle_event(&crossterm::event::Event::Key(*key));
            }
            None if field == Field::Slots => {
                let max = crate::model::span::MAX_SPAN;
                self.span = match key.code {
                    KeyCode::Left => self.span.saturating_sub(1).max(1),
                    KeyCode::Right | KeyCode::Char(' ') => (self.span + 1).min(max),
                    KeyCode::Char(c) => c.to_digit(10).filter(|d| *d >= 1).unwrap_or(self.span),
                    _ => self.span,
                };
            }
            None => match key.code {
                KeyCode::Left => self.cycle_kind(false),
                KeyCode::Right | KeyCode::Char(' ') => self.cycle_kind(true),
                _ => {}
            },
        }
    }
}
