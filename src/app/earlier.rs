//! Earlier editions on the board: the opening-circle review of the last
//! edition's action points, the retrospectives, search in every edition,
//! recurring topics, comparison, and starting the next edition.
//!
//! A carried-over point's status is set on its copy in this edition; the
//! earlier edition's file is the archive of how that edition ended and is
//! never changed from here. The review shows each point with the status of
//! its copy, and "closed at the time" for points that were not carried.

use super::Effect;
use super::board::{Ask, Board, SessionView, View};
use super::picker::NewForm;
use crate::history::{Known, compare::Comparison, recurring, search};
use crate::model::{ActionId, ActionPoint, Status, TopicId};

/// One line of the opening-circle review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewItem {
    /// The session it came from in the earlier edition.
    pub session: String,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<jiff::civil::Date>,
    /// The status now: of the copy in this edition when it was carried.
    pub status: Status,
    /// The copy in this edition, which the review updates.
    pub carried: Option<ActionId>,
}

impl Board {
    /// This edition's file name without `.ron`.
    pub fn file_stem(&self) -> String {
        crate::storage::stem(&self.path)
    }

    /// The edition this one was started from, when it is in the folder;
    /// else the latest edition before this one.
    pub fn previous(&self) -> Option<&Known> {
        if let Some(name) = &self.edition.previous
            && let Some(k) = self.earlier.iter().find(|k| &k.file == name)
        {
            return Some(k);
        }
        let first = self.edition.first_day()?;
        self.earlier
            .iter()
            .filter(|k| k.edition.first_day().is_some_and(|d| d < first))
            .max_by_key(|k| k.edition.first_day())
    }

    /// The earlier edition's action points, each with its status now.
    pub fn review_items(&self) -> Vec<ReviewItem> {
        let mut items = Vec::new();
        let copy = |id: ActionId, file: &str| -> Option<&ActionPoint> {
            self.edition.carried.iter().find(|a| {
                a.origin
                    .as_ref()
                    .is_some_and(|o| o.action == id && o.edition == file)
            })
        };
        match self.previous() {
            Some(prev) => {
                for (topic, a) in prev.edition.actions() {
                    let session = match (topic, &a.origin) {
                        (Some(t), _) => t.title.clone(),
                        (None, Some(o)) => o.topic.clone(),
                        (None, None) => String::new(),
                    };
                    let copied = copy(a.id, &prev.file);
                    items.push(ReviewItem {
                        session,
                        text: a.text.clone(),
                        owner: a.owner.clone(),
                        due: a.due,
                        status: copied.map_or(a.status, |c| c.status),
                        carried: copied.map(|c| c.id),
                    });
                }
            }
            // the earlier file is gone: its carried points still tell the story
            None => {
                for a in &self.edition.carried {
                    items.push(ReviewItem {
                        session: a
                            .origin
                            .as_ref()
                            .map(|o| o.topic.clone())
                            .unwrap_or_default(),
                        text: a.text.clone(),
                        owner: a.owner.clone(),
                        due: a.due,
                        status: a.status,
                        carried: Some(a.id),
                    });
                }
            }
        }
        items
    }

    pub(super) fn review_toggle(&mut self, status: Status) {
        let View::Review { selected } = self.view else {
            return;
        };
        let Some(item) = self.review_items().into_iter().nth(selected) else {
            return;
        };
        match item.carried {
            Some(id) => self.set_action_status(id, status),
            None => self.toast(format!(
                "“{}” was {} when that edition closed; it was not carried over",
                item.text,
                item.status.label()
            )),
        }
    }

    /// The search's results: every edition of the folder, this one as it is now.
    pub fn search_hits(&self) -> Vec<search::Hit> {
        let View::Search { query, .. } = &self.view else {
            return Vec::new();
        };
        // every edition of the folder, this one as it is now: borrowed, not copied
        let me = self.file_stem();
        let mut editions: Vec<(&str, &crate::model::Edition)> = self
            .earlier
            .iter()
            .filter(|k| k.file != me)
            .map(|k| (k.file.as_str(), &k.edition))
            .collect();
        editions.push((&me, &self.edition));
        search::search_in(&editions, query)
    }

    pub(super) fn submit_search(&mut self, text: &str) -> Result<String, String> {
        let query = text.trim().to_string();
        if query.is_empty() {
            return Err("Type what to look for".into());
        }
        self.session = None;
        self.view = View::Search {
            query: query.clone(),
            selected: 0,
        };
        let n = self.search_hits().len();
        Ok(format!("{n} found for “{query}”"))
    }

    /// Enter on a result: this edition's card, or another edition opened at it.
    pub(super) fn open_hit(&mut self) -> Vec<Effect> {
        let View::Search { selected, .. } = self.view else {
            return Vec::new();
        };
        let Some(hit) = self.search_hits().into_iter().nth(selected) else {
            return Vec::new();
        };
        if hit.file == self.file_stem() {
            self.view = View::Grid;
            if let Some(id) = hit.topic {
                self.select_topic(id);
                self.session = Some(SessionView::new(id));
            }
            return Vec::new();
        }
        let path = self.path.with_file_name(format!("{}.ron", hit.file));
        vec![Effect::OpenAt(path, hit.topic)]
    }

    /// What earlier editions had like this title, for the toast.
    pub fn echo(&self, title: &str) -> Option<String> {
        recurring::echoes(title, &self.earlier, &self.file_stem())
            .first()
            .map(recurring::Echo::line)
    }

    pub fn comparison(&self) -> Option<(String, Comparison)> {
        let prev = self.previous()?;
        Some((
            prev.edition.name.clone(),
            crate::history::compare::compare(&prev.edition, &prev.file, &self.edition),
        ))
    }

    pub(super) fn open_compare(&mut self) {
        if self.previous().is_none() {
            self.toast("No earlier edition in the folder to compare with");
            return;
        }
        self.open_view(View::Compare);
    }

    pub(super) fn open_review(&mut self) {
        if self.previous().is_none() && self.edition.carried.is_empty() {
            self.toast("No earlier edition to review: start one with N from last year's board");
            return;
        }
        self.open_view(View::Review { selected: 0 });
    }

    pub(super) fn retro_line(&mut self, worked: bool, text: &str) -> Result<String, String> {
        let line = text.trim().to_string();
        if line.is_empty() {
            return Err("Type one line".into());
        }
        self.try_change("retrospective", |e| {
            if worked {
                e.retrospective.worked.push(line);
            } else {
                e.retrospective.better.push(line);
            }
            Ok(())
        })
        .map_err(String::from)?;
        Ok("Added to the retrospective".into())
    }

    pub(super) fn retro_delete(&mut self) {
        let View::Retro { selected } = self.view else {
            return;
        };
        let worked = self.edition.retrospective.worked.len();
        let done = self.change("retrospective", |e| {
            let r = &mut e.retrospective;
            if selected < worked {
                r.worked.remove(selected);
            } else if selected - worked < r.better.len() {
                r.better.remove(selected - worked);
            }
            Ok(())
        });
        if done.is_some() {
            self.toast("Line deleted — u undoes");
        }
    }

    pub(super) fn allow_editing(&mut self) {
        if self.review {
            self.review = false;
            self.toast("Editing this past edition: changes are saved to its file");
        } else {
            self.toast("This edition can be edited");
        }
    }

    pub(super) fn open_next_form(&mut self) {
        let first = self
            .edition
            .first_day()
            .and_then(|d| d.checked_add(jiff::Span::new().years(1)).ok())
            .unwrap_or(self.now.date());
        let mut form = NewForm::new(first, None);
        form.name = tui_input::Input::new(next_name(&self.edition.name));
        form.days = tui_input::Input::new(self.edition.days.len().to_string());
        self.next = Some(form);
    }

    pub(super) fn submit_next(&mut self) -> Vec<Effect> {
        let Some(form) = &mut self.next else {
            return Vec::new();
        };
        let Some((name, date, days)) = form.checked() else {
            return Vec::new();
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
        vec![Effect::Create(Box::new(args))]
    }

    pub(super) fn ask_search(&mut self) {
        let current = match &self.view {
            View::Search { query, .. } => query.clone(),
            _ => String::new(),
        };
        self.ask(Ask::Search, current);
    }

    /// The topic a search hit points at, once its edition is open.
    pub fn open_at(&mut self, topic: Option<TopicId>) {
        if let Some(id) = topic.filter(|id| self.topic(*id).is_some()) {
            self.select_topic(id);
            self.session = Some(SessionView::new(id));
            self.keep_cursor_in_view();
        }
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
