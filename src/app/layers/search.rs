//! Search results (/): every edition of the folder searched, best first;
//! Enter opens this edition's card, or another edition at it.

use super::Outcome;
use super::prompt::Ask;
use crate::app::Effect;
use crate::app::action::Action;
use crate::app::board::Board;
use crate::app::stack::View;
use crate::history::search;

/// What was searched for, its results, and the selected one. The results
/// are found once, when the search is made (and again when the edition
/// changes), never per key or per frame.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchView {
    pub query: String,
    pub selected: usize,
    pub hits: Vec<search::Hit>,
}

impl Board {
    pub(crate) fn on_search(&mut self, action: Action) -> Outcome {
        match action {
            Action::Open => self.open_hit(),
            Action::Search => self.ask_search(),
            _ => return self.on_list(action),
        }
        Outcome::Stay
    }

    /// Every match of `query` in every edition of the folder, this one as it is now.
    pub fn search_hits(&self, query: &str) -> Vec<search::Hit> {
        // borrowed, not copied
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

    /// After a change of the edition: the results shown are found again.
    pub(crate) fn refresh_search(&mut self) {
        if let View::Search(s) = &self.stack.view {
            let hits = self.search_hits(&s.query);
            if let View::Search(s) = &mut self.stack.view {
                s.selected = s.selected.min(hits.len().saturating_sub(1));
                s.hits = hits;
            }
        }
    }

    pub(crate) fn submit_search(&mut self, text: &str) -> Result<String, String> {
        let query = text.trim().to_string();
        if query.is_empty() {
            return Err("Type what to look for".into());
        }
        let hits = self.search_hits(&query);
        let n = hits.len();
        self.stack.show(View::Search(SearchView {
            query: query.clone(),
            selected: 0,
            hits,
        }));
        Ok(format!("{n} found for “{query}”"))
    }

    /// Enter on a result: this edition's card, or another edition opened at it.
    fn open_hit(&mut self) {
        let View::Search(s) = &self.stack.view else {
            return;
        };
        let Some(hit) = s.hits.get(s.selected).cloned() else {
            return;
        };
        if hit.file == self.file_stem() {
            self.stack.show(View::Grid);
            if let Some(id) = hit.topic {
                self.select_topic(id);
                self.open_session(id);
            }
            return;
        }
        let path = self.path.with_file_name(format!("{}.ron", hit.file));
        self.queue.push(Effect::OpenAt(path, hit.topic));
    }

    pub(crate) fn ask_search(&mut self) {
        if !self.earlier_ready() {
            return;
        }
        let current = match &self.stack.view {
            View::Search(s) => s.query.clone(),
            _ => String::new(),
        };
        self.ask(Ask::Search, current);
    }
}
