//! The capture line, open while topics are pitched (Tab completion, earlier
//! lines recalled, a paste of several lines), and the action-point line of
//! a session as its group reports.

use tui_input::Input;

use super::Outcome;
use crate::app::action::Action;
use crate::app::board::Board;
use crate::app::grammar::{action as action_line, capture};
use crate::app::layers::grid::Focus;
use crate::app::stack::Overlay;
use crate::model::{TopicDraft, TopicId};

/// What the line adds: topics, or action points of one session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CaptureTarget {
    #[default]
    Topics,
    Actions(TopicId),
}

#[derive(Debug, Clone, Default)]
pub struct Capture {
    pub target: CaptureTarget,
    pub input: Input,
    /// Which earlier line Up/Down shows; None while typing a new one.
    pub recall: Option<usize>,
    /// The cell the line was prefilled with: not something typed.
    pub prefilled: String,
}

impl Capture {
    /// The line for a session's action points.
    pub fn actions(topic: TopicId) -> Capture {
        Capture {
            target: CaptureTarget::Actions(topic),
            ..Capture::default()
        }
    }
}

impl Board {
    pub(crate) fn on_capture(&mut self, line: &mut Capture, action: Action) -> Outcome {
        match (line.target, action) {
            (_, Action::Cancel) => return Outcome::Close,
            (_, Action::HistoryPrev) => self.recall(line, true),
            (_, Action::HistoryNext) => self.recall(line, false),
            (CaptureTarget::Topics, Action::Submit) => self.submit_capture(line),
            (CaptureTarget::Topics, Action::Complete) => self.complete_capture(line),
            (CaptureTarget::Topics, Action::Undo) => self.undo(),
            (CaptureTarget::Actions(topic), Action::Submit) => self.submit_action_line(line, topic),
            _ => return Outcome::Unclaimed,
        }
        Outcome::Stay
    }

    /// The cell the next pitch goes to: the cursor's, or the next free one
    /// after it — in the same slot, else in the next session slot, from its
    /// first space; nothing when focus is on the parking lot or all is full.
    pub(crate) fn prefill(&mut self) -> Option<String> {
        if self.stack.grid.focus == Focus::Parking {
            return None;
        }
        let cols = self.edition.spaces.len();
        let cursor = self.stack.grid.cursor;
        let session = |row: usize| {
            self.index
                .rows
                .get(row)
                .and_then(|&i| self.edition.slots.get(i))
                .is_some_and(|s| s.kind.is_session())
        };
        let free = (cursor.row..self.index.rows.len())
            .filter(|&row| session(row))
            .find_map(|row| {
                let from = if row == cursor.row { cursor.col } else { 0 };
                (from..cols)
                    .find(|&c| self.index.at(row, c).is_none())
                    .map(|c| (row, c))
            })?;
        self.stack.grid.cursor.row = free.0;
        self.stack.grid.cursor.col = free.1;
        let (slot, space) = self.cell_at_cursor()?;
        capture::cell_text(&self.edition, &slot, &space)
    }

    fn submit_capture(&mut self, c: &mut Capture) {
        let line = c.input.value().to_string();
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
        let span = resolved.span;
        let label = format!("add “{}”", resolved.title);
        let placed = self.change(label, |e| {
            let id = e.add_topic(draft)?;
            if let Some(v) = votes {
                e.set_votes(id, v)?;
            }
            e.set_span(id, span)?;
            if let Some((s, p)) = &cell {
                e.place(id, s, p)?;
            }
            Ok(id)
        });
        let Some(id) = placed else { return };
        let where_to = match &cell {
            Some((s, p)) => self.span_label(s, p, span),
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
        self.stack.capture_history.push(line.trim().to_string());
        if cell.is_some() {
            self.select_topic(id);
        }
        let next = self.prefill();
        c.input = match &next {
            Some(p) => Input::new(format!(" {p}")).with_cursor(0),
            None => Input::default(),
        };
        c.prefilled = next.unwrap_or_default();
        c.recall = None;
    }

    fn complete_capture(&mut self, c: &mut Capture) {
        let line = c.input.value().to_string();
        let cursor = c.input.cursor();
        let split = line
            .char_indices()
            .nth(cursor)
            .map_or(line.len(), |(i, _)| i);
        let (head, tail) = line.split_at(split);
        match capture::complete(head, &self.known_conveners, &self.edition) {
            Some(done) => {
                let at = done.chars().count();
                c.input = Input::new(format!("{done}{}", tail.trim_start())).with_cursor(at);
            }
            None => self.toast("Nothing to complete: type @ and a convener, or # and a space"),
        }
    }

    fn recall(&mut self, c: &mut Capture, older: bool) {
        let history = match c.target {
            CaptureTarget::Topics => &self.stack.capture_history,
            CaptureTarget::Actions(_) => &self.stack.action_history,
        };
        let n = history.len();
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
            Some(i) => Input::new(history[i].clone()),
            None => Input::default(),
        };
    }

    /// Opens the action-point line of a session, with the session under it.
    pub(crate) fn open_action_line(&mut self, topic: TopicId) {
        if self.stack.session().is_none_or(|s| s.topic != topic) {
            self.open_session(topic);
        }
        self.open(Overlay::Capture(Capture::actions(topic)));
    }

    fn submit_action_line(&mut self, c: &mut Capture, topic: TopicId) {
        let line = c.input.value().to_string();
        if self.add_action_point(topic, &line) {
            c.input = Input::default();
            c.recall = None;
        }
    }

    /// One action point from a typed line; false when nothing was added.
    fn add_action_point(&mut self, topic: TopicId, line: &str) -> bool {
        let parsed = action_line::parse(line, self.today());
        if parsed.draft.text.trim().is_empty() {
            self.toast(format!(
                "Type what is to be done first: {}",
                crate::app::grammar::ACTION_LINE
            ));
            return false;
        }
        let text = parsed.draft.text.clone();
        let draft = parsed.draft;
        let added = self.change(format!("add action point “{text}”"), |e| {
            e.add_action(topic, draft)
        });
        if added.is_none() {
            return false;
        }
        let mut toast = format!("Added action point “{text}” — u undoes");
        for w in &parsed.warnings {
            toast.push_str(&format!(" · {w}"));
        }
        self.toast(toast);
        self.stack.action_history.push(line.trim().to_string());
        let n = self.topic(topic).map_or(0, |t| t.actions.len());
        if let Some(view) = self.stack.session_mut() {
            view.action = n.checked_sub(1);
        }
        true
    }

    /// Pasted text, in one step whatever its size. Several lines into the
    /// capture line add one topic each, each line read as a typed one (its
    /// #space and time place it); into the action line, one action point
    /// each. Otherwise it goes into the field that is open. A paste too
    /// large for a line is refused with a word, never cut silently.
    pub fn paste(&mut self, text: &str) {
        // terminals send line breaks as CR, LF or CRLF
        let lines: Vec<&str> = text
            .split(['\r', '\n'])
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let one_line = lines.join(" ");
        let target = self.stack.capture().map(|c| c.target);
        match self.stack.overlays.last_mut() {
            Some(Overlay::Capture(_)) if lines.len() > 1 => match target {
                Some(CaptureTarget::Actions(topic)) => {
                    let (taken, refused) = self.take_lines(&lines);
                    for line in taken {
                        self.add_action_point(topic, line);
                    }
                    self.say_refused(refused);
                }
                _ => self.paste_topics(&lines),
            },
            Some(Overlay::Capture(c)) => {
                if fits(&one_line) {
                    insert(&mut c.input, &one_line);
                    c.recall = None;
                } else {
                    self.too_long(&one_line);
                }
            }
            Some(Overlay::Prompt(p)) => {
                if fits(&one_line) {
                    insert(&mut p.input, &one_line);
                } else {
                    self.too_long(&one_line);
                }
            }
            Some(Overlay::Form(f)) => match f.input_mut() {
                Some(input) if fits(&one_line) => insert(input, &one_line),
                Some(_) => self.too_long(&one_line),
                None => {}
            },
            Some(Overlay::NextEdition(f)) => match f.input_mut() {
                Some(input) if fits(&one_line) => insert(input, &one_line),
                Some(_) => self.too_long(&one_line),
                None => {}
            },
            Some(Overlay::Session(s)) => {
                if let Some(notes) = s.notes.as_mut() {
                    let text = text.replace("\r\n", "\n").replace('\r', "\n");
                    let clean: String = text
                        .chars()
                        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
                        .collect();
                    notes.insert_str(clean);
                }
            }
            _ => {}
        }
    }

    fn too_long(&mut self, text: &str) {
        self.warn(format!(
            "That paste is {} characters: too long for one line ({MAX_LINE} at most); nothing \
             was added — long text goes into a session's notes (n)",
            text.chars().count()
        ));
    }

    /// The lines a paste may add at once, and how many were refused.
    fn take_lines<'t>(&self, lines: &[&'t str]) -> (Vec<&'t str>, Refusal) {
        let mut refused = Refusal::default();
        let mut taken = Vec::new();
        for line in lines {
            if !fits(line) {
                refused.long += 1;
            } else if taken.len() >= MAX_PASTE_LINES {
                refused.many += 1;
            } else {
                taken.push(*line);
            }
        }
        (taken, refused)
    }

    fn say_refused(&mut self, r: Refusal) {
        let mut parts = Vec::new();
        if r.many > 0 {
            parts.push(format!(
                "{} more lines were not added ({MAX_PASTE_LINES} at most at once): paste them again",
                r.many
            ));
        }
        if r.long > 0 {
            parts.push(format!(
                "{} lines longer than {MAX_LINE} characters were not added",
                r.long
            ));
        }
        if !parts.is_empty() {
            let before = self
                .stack
                .toast
                .as_ref()
                .map(|t| format!("{} · ", t.text))
                .unwrap_or_default();
            self.warn(format!("{before}{}", parts.join(" · ")));
        }
    }

    /// One topic per pasted line, all in one undoable step.
    fn paste_topics(&mut self, lines: &[&str]) {
        let (taken, refused) = self.take_lines(lines);
        let edition = &self.edition;
        let parsed: Vec<(&str, capture::Parsed)> = taken
            .iter()
            .map(|l| (*l, capture::parse(l, edition)))
            .collect();
        let here = self.slot_at_cursor().cloned();
        let n = parsed.len();
        let added = self.change(format!("paste {n} topics"), |e| {
            let mut placed = 0;
            for (line, p) in parsed {
                // each line is placed as if typed after the ones before it
                let r = capture::resolve(e, &p, here.as_ref());
                let title = if r.title.is_empty() {
                    line.to_string()
                } else {
                    r.title
                };
                let id = e.add_topic(TopicDraft {
                    title,
                    conveners: p.conveners,
                    ..TopicDraft::default()
                })?;
                if let Some(v) = p.votes {
                    e.set_votes(id, v)?;
                }
                e.set_span(id, r.span)?;
                if let Some((s, sp)) = &r.cell
                    && e.place(id, s, sp).is_ok()
                {
                    placed += 1;
                }
            }
            Ok(placed)
        });
        if let Some(placed) = added {
            let where_to = match placed {
                0 => "to the parking lot".to_string(),
                p if p == n => "to their cells".to_string(),
                p => format!("({p} to their cells, {} to the parking lot)", n - p),
            };
            self.toast(format!("Added {n} topics {where_to} — u undoes"));
        }
        self.say_refused(refused);
    }
}

/// The longest line a paste puts into a field (a title, a prompt).
pub const MAX_LINE: usize = 2_000;
/// The most lines one paste adds as topics or action points.
pub const MAX_PASTE_LINES: usize = 500;

/// Lines refused by a paste: too many, or too long.
#[derive(Debug, Default, Clone, Copy)]
struct Refusal {
    many: usize,
    long: usize,
}

fn fits(line: &str) -> bool {
    line.chars().count() <= MAX_LINE
}

/// Inserts text at the cursor in one step: a paste of any size costs one
/// copy of the line, not one edit per character.
fn insert(input: &mut Input, text: &str) {
    let text: String = text.chars().filter(|c| !c.is_control()).collect();
    let value = input.value();
    let at = input.cursor();
    let split = value.char_indices().nth(at).map_or(value.len(), |(i, _)| i);
    let joined = format!("{}{text}{}", &value[..split], &value[split..]);
    *input = Input::new(joined).with_cursor(at + text.chars().count());
}
