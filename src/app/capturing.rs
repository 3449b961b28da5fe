//! The capture line: topics typed as they are pitched, Tab completion,
//! earlier lines recalled.

use tui_input::Input;

use super::board::{Board, Capture, Focus};
use super::capture;
use crate::model::TopicDraft;

impl Board {
    pub(super) fn open_capture(&mut self) {
        let mut capture = Capture::default();
        if let Some(prefill) = self.prefill() {
            // the cursor goes first: the title is typed before the cell
            capture.input = Input::new(format!(" {prefill}")).with_cursor(0);
            capture.prefilled = prefill;
        }
        self.capture = Some(capture);
        self.session = None;
    }

    /// The cell the next pitch goes to: the cursor's, or the next free one in
    /// the same slot; nothing when focus is on the parking lot.
    pub(super) fn prefill(&mut self) -> Option<String> {
        if self.focus == Focus::Parking {
            return None;
        }
        let cols = self.edition.spaces.len();
        let free =
            (self.cursor.col..cols).find(|&c| self.index.at(self.cursor.row, c).is_none())?;
        self.cursor.col = free;
        let (slot, space) = self.cell_at_cursor()?;
        capture::cell_text(&self.edition, &slot, &space)
    }

    pub(super) fn submit_capture(&mut self) {
        let Some(line) = self.capture.as_ref().map(|c| c.input.value().to_string()) else {
            return;
        };
        let parsed = capture::parse(&line, &self.edition);
        if parsed.title.trim().is_empty() {
            let what = if line.trim().is_empty() {
                "Type a title first"
            } else {
                "A topic needs a title: type it before @, # and times"
            };
            self.toast(what);
            return;
        }
        let resolved = capture::resolve(&self.edition, &parsed, self.slot_at_cursor());
        let draft = TopicDraft {
            title: resolved.title.clone(),
            conveners: parsed.conveners.clone(),
            ..TopicDraft::default()
        };
        let votes = parsed.votes;
        let cell = resolved.cell.clone();
        let label = format!("add “{}”", resolved.title);
        let placed = self.change(label, |e| {
            let id = e.add_topic(draft)?;
            if let Some(v) = votes {
                e.set_votes(id, v)?;
            }
            if let Some((s, p)) = &cell {
                e.place(id, s, p)?;
            }
            Ok(id)
        });
        let Some(id) = placed else { return };
        let where_to = match &cell {
            Some((s, p)) => self.cell_label(s, p),
            None => "the parking lot".to_string(),
        };
        let mut text = format!("Added “{}” to {where_to} — u undoes", resolved.title);
        if !resolved.notes.is_empty() {
            text = format!("{text} · {}", resolved.notes.join(" · "));
        }
        // a topic that comes back from an earlier edition says so
        if let Some(echo) = self.echo(&resolved.title) {
            text = format!("{text} · {echo}");
        }
        self.toast(text);
        self.learn_conveners(parsed.conveners.iter().map(String::as_str));
        self.capture_history.push(line.trim().to_string());
        if cell.is_some() {
            self.select_topic(id);
        }
        let next = self.prefill();
        if let Some(c) = &mut self.capture {
            c.input = match &next {
                Some(p) => Input::new(format!(" {p}")).with_cursor(0),
                None => Input::default(),
            };
            c.prefilled = next.unwrap_or_default();
            c.recall = None;
        }
    }

    pub(super) fn complete_capture(&mut self) {
        let Some(c) = &self.capture else { return };
        let line = c.input.value().to_string();
        let cursor = c.input.cursor();
        let (head, tail): (String, String) = {
            let split = line
                .char_indices()
                .nth(cursor)
                .map_or(line.len(), |(i, _)| i);
            (line[..split].to_string(), line[split..].to_string())
        };
        match capture::complete(&head, &self.known_conveners, &self.edition) {
            Some(done) => {
                let at = done.chars().count();
                if let Some(c) = &mut self.capture {
                    c.input = Input::new(format!("{done}{}", tail.trim_start())).with_cursor(at);
                }
            }
            None => self.toast("Nothing to complete: type @ and a convener, or # and a space"),
        }
    }

    pub(super) fn recall(&mut self, older: bool) {
        let n = self.capture_history.len();
        let Some(c) = &mut self.capture else { return };
        if n == 0 {
            return;
        }
        let pos = match (c.recall, older) {
            (None, true) => Some(n - 1),
            (None, false) => None,
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) if i + 1 < n => Some(i + 1),
            (Some(_), false) => None,
        };
        c.recall = pos;
        c.input = match pos {
            Some(i) => Input::new(self.capture_history[i].clone()),
            None => Input::default(),
        };
    }
}
