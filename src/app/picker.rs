//! The edition picker: the editions of the sessions folder, newest first,
//! and a short form to create a new one (optionally from an earlier one).

use std::path::PathBuf;

use tui_input::Input;

use crate::model::Counts;

/// One edition as the picker lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: PathBuf,
    pub name: String,
    pub dates: String,
    pub counts: Option<Counts>,
    /// The first line of the load error, for files that do not load.
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewField {
    Name,
    Date,
    Days,
    Spaces,
    Slots,
    From,
}

impl NewField {
    pub const ALL: [NewField; 6] = [
        NewField::Name,
        NewField::Date,
        NewField::Days,
        NewField::Spaces,
        NewField::Slots,
        NewField::From,
    ];
    pub fn label(self) -> &'static str {
        match self {
            NewField::Name => "Name",
            NewField::Date => "First day (YYYY-MM-DD)",
            NewField::Days => "Days",
            NewField::Spaces => "Spaces (Atrium:40, …)",
            NewField::Slots => "Slots (…=Coffee, …=Plenary!)",
            NewField::From => "Start from (←/→)",
        }
    }
}

/// The new-edition form.
#[derive(Debug, Clone)]
pub struct NewForm {
    pub name: Input,
    pub date: Input,
    pub days: Input,
    pub spaces: Input,
    pub slots: Input,
    /// Index into the picker's entries, or None for a blank edition.
    pub from: Option<usize>,
    pub field: NewField,
    pub error: Option<String>,
}

impl NewForm {
    pub fn new(today: jiff::civil::Date, from: Option<usize>) -> NewForm {
        NewForm {
            name: Input::default(),
            date: Input::new(today.to_string()),
            days: Input::new(String::new()),
            spaces: Input::default(),
            slots: Input::default(),
            from,
            field: NewField::Name,
            error: None,
        }
    }

    /// A blank edition gets a few spaces and slots to start from; one
    /// started from an earlier edition copies its own, so these go again.
    pub fn blank_defaults(&mut self) {
        const SPACES: &str = "Atrium:40, Library:12, Garden:15";
        const SLOTS: &str = "09:30-10:15, 10:30-11:15, 11:15-11:30=Coffee, 11:30-12:15";
        let untouched = |i: &Input, default: &str| i.value().is_empty() || i.value() == default;
        if !untouched(&self.spaces, SPACES) || !untouched(&self.slots, SLOTS) {
            return;
        }
        let (spaces, slots, days) = match self.from {
            None => (SPACES, SLOTS, "1"),
            Some(_) => ("", "", ""),
        };
        self.spaces = Input::new(spaces.into());
        self.slots = Input::new(slots.into());
        if self.days.value().is_empty() || self.days.value() == "1" {
            self.days = Input::new(days.into());
        }
    }

    /// The name, first day and number of days, or None with the error shown
    /// and the cursor on the field to fix.
    pub fn checked(&mut self) -> Option<(String, jiff::civil::Date, Option<u16>)> {
        let mut fail = |field: NewField, message: String| {
            self.error = Some(message);
            self.field = field;
            None
        };
        let name = self.name.value().trim().to_string();
        if name.is_empty() {
            return fail(NewField::Name, "The edition needs a name".into());
        }
        let Ok(date) = self.date.value().trim().parse::<jiff::civil::Date>() else {
            let typed = self.date.value().to_string();
            return fail(
                NewField::Date,
                format!("{typed:?} is not a date such as 2026-05-14"),
            );
        };
        let days = match self.days.value().trim() {
            "" => None,
            d => match d.parse::<u16>() {
                Ok(n) if (1..=31).contains(&n) => Some(n),
                _ => return fail(NewField::Days, "Days must be a number from 1 to 31".into()),
            },
        };
        Some((name, date, days))
    }

    pub fn input_mut(&mut self) -> Option<&mut Input> {
        match self.field {
            NewField::Name => Some(&mut self.name),
            NewField::Date => Some(&mut self.date),
            NewField::Days => Some(&mut self.days),
            NewField::Spaces => Some(&mut self.spaces),
            NewField::Slots => Some(&mut self.slots),
            NewField::From => None,
        }
    }

    pub fn step(&mut self, forward: bool) {
        self.field = super::cycle::cycle(&NewField::ALL, self.field, forward);
    }
}

#[derive(Debug, Clone, Default)]
pub struct Picker {
    pub entries: Vec<Entry>,
    pub selected: usize,
    pub folder: PathBuf,
    pub new: Option<NewForm>,
    /// Why the last edition could not be opened (FILE:LINE:COL: …).
    pub error: Option<String>,
    /// Help over the picker or its form.
    pub help: Option<super::layers::help::HelpView>,
}

impl Picker {
    pub fn from_listing(folder: PathBuf, listed: Vec<crate::storage::Summarised>) -> Picker {
        let entries = listed
            .into_iter()
            .map(|l| match l.summary {
                Ok(s) => Entry {
                    name: s.name,
                    dates: s.dates,
                    counts: Some(s.counts),
                    error: None,
                    path: l.path,
                },
                Err(err) => Entry {
                    name: l
                        .path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    dates: String::new(),
                    counts: None,
                    error: Some(err),
                    path: l.path,
                },
            })
            .collect();
        Picker {
            entries,
            selected: 0,
            folder,
            new: None,
            error: None,
            help: None,
        }
    }

    /// The keymap section of what is on top of the picker.
    pub fn mode(&self) -> super::keymap::Mode {
        use super::keymap::Mode;
        match (&self.help, &self.new) {
            (Some(h), _) => h.mode(),
            (None, Some(_)) => Mode::NextEdition,
            (None, None) => Mode::Picker,
        }
    }
}
