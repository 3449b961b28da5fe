//! Starting the next edition from this one (N): a short form; the rest is
//! copied, and the open action points are carried over.

use super::Outcome;
use crate::app::Effect;
use crate::app::action::Action;
use crate::app::board::Board;
use crate::app::picker::NewForm;
use crate::app::stack::Overlay;

impl Board {
    pub(crate) fn on_next_edition(&mut self, form: &mut NewForm, action: Action) -> Outcome {
        match action {
            Action::Cancel => return Outcome::Close,
            Action::NextField => form.step(true),
            Action::PrevField => form.step(false),
            Action::Submit => self.submit_next(form),
            _ => return Outcome::Unclaimed,
        }
        Outcome::Stay
    }

    pub(crate) fn open_next_form(&mut self) {
        let first = self
            .edition
            .first_day()
            .and_then(|d| d.checked_add(jiff::Span::new().years(1)).ok())
            .unwrap_or(self.now.date());
        let mut form = NewForm::new(first, None);
        form.name = tui_input::Input::new(next_name(&self.edition.name));
        form.days = tui_input::Input::new(self.edition.days.len().to_string());
        self.open(Overlay::NextEdition(form));
    }

    /// The edition is created by the loop, which then opens it.
    fn submit_next(&mut self, form: &mut NewForm) {
        let Some((name, date, days)) = form.checked() else {
            return;
        };
        let args = crate::cli::NewArgs {
            file: std::path::PathBuf::from(crate::model::slug(&name, "edition")),
            name,
            date,
            days,
            spaces: None,
            slots: None,
            theme: None,
            from: Some(self.path.clone()),
        };
        self.queue.push(Effect::Create(Box::new(args)));
    }
}

/// "Tech Leaders’ Meeting 2019" → "Tech Leaders’ Meeting 2020"; other names get " (next)".
pub fn next_name(name: &str) -> String {
    let mut words: Vec<String> = name.split(' ').map(str::to_string).collect();
    if let Some(year) = words
        .iter_mut()
        .rev()
        .find(|w| w.len() == 4 && w.parse::<u16>().is_ok())
    {
        let next = year.parse::<u16>().unwrap_or(0).saturating_add(1);
        *year = next.to_string();
        return words.join(" ");
    }
    format!("{name} (next)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_name_counts_the_year_up() {
        assert_eq!(
            next_name("Tech Leaders’ Meeting 2019"),
            "Tech Leaders’ Meeting 2020"
        );
        assert_eq!(next_name("Barcamp"), "Barcamp (next)");
    }
}
