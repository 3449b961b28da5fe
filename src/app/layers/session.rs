//! A session shown large as its group reports back: its notes (typed in
//! place or in $EDITOR), participants, votes and action points.

use ratatui_textarea::TextArea;

use super::Outcome;
use super::prompt::Ask;
use crate::app::Effect;
use crate::app::action::{Action, Dir};
use crate::app::board::Board;
use crate::app::form::Form;
use crate::app::grammar::action as action_line;
use crate::app::stack::Overlay;
use crate::model::{ActionId, Status, TopicId};

#[derive(Debug, Clone)]
pub struct SessionView {
    pub topic: TopicId,
    /// The selected action point (index in the session's list).
    pub action: Option<usize>,
    /// The notes being edited in place.
    pub notes: Option<TextArea<'static>>,
}

impl SessionView {
    pub fn new(topic: TopicId) -> SessionView {
        SessionView {
            topic,
            action: None,
            notes: None,
        }
    }
}

/// A text area for notes, the cursor at their end.
pub fn notes_area(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(text.lines().map(str::to_string).collect());
    area.set_wrap_mode(ratatui_textarea::WrapMode::Word);
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area
}

impl Board {
    /// Opens a session over what is shown (one session at a time).
    pub(crate) fn open_session(&mut self, topic: TopicId) {
        self.stack.close_where(|o| matches!(o, Overlay::Session(_)));
        self.open(Overlay::Session(SessionView::new(topic)));
    }

    pub(crate) fn on_session(&mut self, view: &mut SessionView, action: Action) -> Outcome {
        let id = view.topic;
        if view.notes.is_some() {
            return match action {
                Action::Save => {
                    self.save_notes(view);
                    Outcome::Stay
                }
                _ => Outcome::Unclaimed,
            };
        }
        match action {
            Action::Cancel => return Outcome::Close,
            Action::Move(dir) => self.select_action(view, dir),
            Action::AddActions => {
                self.open(Overlay::Capture(super::capture::Capture::actions(id)));
            }
            Action::ToggleDone => self.toggle_action(view, Status::Done),
            Action::ToggleDropped => self.toggle_action(view, Status::Dropped),
            Action::EditAction => {
                if let Some(a) = self.selected_action(view) {
                    self.ask_edit_action(a);
                }
            }
            Action::ActionUp => self.reorder_action(view, -1),
            Action::ActionDown => self.reorder_action(view, 1),
            Action::DeleteAction => {
                if let Some(a) = self.selected_action(view) {
                    self.delete_action(a);
                }
            }
            Action::EditNotes => self.start_notes(view),
            Action::ExternalNotes => self.external_notes(id),
            Action::Edit => {
                if let Some(form) = self.topic(id).map(Form::edit) {
                    self.open(Overlay::Form(form));
                }
            }
            Action::Participants => self.ask_participants(id),
            Action::VoteUp => self.vote(id, true),
            Action::VoteDown => self.vote(id, false),
            Action::SetVotes => self.ask_votes(id),
            Action::Merge => {
                self.start_merge(id);
                return Outcome::Close;
            }
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            _ => return Outcome::Unclaimed,
        }
        Outcome::Stay
    }

    /// The selected action point, or a word on how to select one.
    fn selected_action(&mut self, view: &SessionView) -> Option<ActionId> {
        let id = self
            .topic(view.topic)
            .and_then(|t| t.actions.get(view.action?))
            .map(|a| a.id);
        if id.is_none() {
            self.toast("Select an action point with ↑ ↓ first");
        }
        id
    }

    fn select_action(&mut self, view: &mut SessionView, dir: Dir) {
        let n = self.topic(view.topic).map_or(0, |t| t.actions.len());
        if n == 0 {
            view.action = None;
            return;
        }
        view.action = Some(match (view.action, dir) {
            (None, _) => 0,
            (Some(i), Dir::Up) => i.saturating_sub(1),
            (Some(i), Dir::Down) => (i + 1).min(n - 1),
            (Some(i), _) => i,
        });
    }

    /// Done (or dropped), or open again when it already is.
    fn toggle_action(&mut self, view: &SessionView, status: Status) {
        if let Some(id) = self.selected_action(view) {
            self.set_action_status(id, status);
        }
    }

    pub(crate) fn set_action_status(&mut self, id: ActionId, status: Status) {
        let Some((_, point)) = self.edition.action(id) else {
            return;
        };
        let new = if point.status == status {
            Status::Open
        } else {
            status
        };
        let text = point.text.clone();
        if self
            .change(format!("mark “{text}” {}", new.label()), |e| {
                e.set_action_status(id, new)
            })
            .is_some()
        {
            self.toast(format!(
                "{} “{text}” is {} — u undoes",
                new.glyph(),
                new.label()
            ));
        }
    }

    fn ask_edit_action(&mut self, id: ActionId) {
        let line = self
            .edition
            .action(id)
            .map(|(_, a)| action_line::unparse(a))
            .unwrap_or_default();
        self.ask(Ask::EditAction(id), line);
    }

    pub(crate) fn submit_edit_action(
        &mut self,
        id: ActionId,
        text: &str,
    ) -> Result<String, String> {
        let parsed = action_line::parse(text, self.today());
        if parsed.draft.text.trim().is_empty() {
            return Err("An action point needs some text".into());
        }
        let draft = parsed.draft;
        self.try_change("edit action point", |e| e.edit_action(id, draft))
            .map_err(String::from)
            .map(|()| {
                let mut message = "Changed the action point".to_string();
                for w in &parsed.warnings {
                    message.push_str(&format!(" · {w}"));
                }
                message
            })
    }

    fn reorder_action(&mut self, view: &mut SessionView, delta: isize) {
        let Some(id) = self.selected_action(view) else {
            return;
        };
        if self.change("reorder action points", |e| e.reorder_action(id, delta)) == Some(true) {
            view.action = view.action.and_then(|i| i.checked_add_signed(delta));
        }
    }

    fn delete_action(&mut self, id: ActionId) {
        if let Some(point) = self.change("delete action point", |e| e.remove_action(id)) {
            self.toast(format!("Deleted action point “{}” — u undoes", point.text));
        }
    }

    fn start_notes(&mut self, view: &mut SessionView) {
        if self.read_only.is_some() {
            self.toast("Read-only: notes cannot be written here");
            return;
        }
        let text = self
            .topic(view.topic)
            .map(|t| t.notes.clone())
            .unwrap_or_default();
        view.notes = Some(notes_area(&text));
    }

    /// Leaving the notes keeps them: nothing typed is lost, and u undoes.
    fn save_notes(&mut self, view: &mut SessionView) {
        let Some(area) = view.notes.take() else {
            return;
        };
        let id = view.topic;
        let text = area.lines().join("\n");
        if self.topic(id).is_some_and(|t| t.notes == text.trim_end()) {
            return;
        }
        if self
            .change("write notes", |e| e.set_notes(id, &text))
            .is_some()
        {
            self.toast("Notes kept — u undoes");
        }
    }

    fn external_notes(&mut self, id: TopicId) {
        if self.read_only.is_some() {
            self.toast("Read-only: notes cannot be written here");
            return;
        }
        let text = self.topic(id).map(|t| t.notes.clone()).unwrap_or_default();
        self.queue.push(Effect::EditNotes { topic: id, text });
    }

    /// Notes back from $EDITOR.
    pub fn notes_from_editor(&mut self, topic: TopicId, text: &str) {
        if self
            .topic(topic)
            .is_some_and(|t| t.notes == text.trim_end())
        {
            self.toast("Notes unchanged");
            return;
        }
        if self
            .change("write notes", |e| e.set_notes(topic, text))
            .is_some()
        {
            self.toast("Notes kept — u undoes");
        }
    }

    fn ask_participants(&mut self, id: TopicId) {
        let value = self
            .topic(id)
            .and_then(|t| t.participants)
            .map(|n| n.to_string())
            .unwrap_or_default();
        self.ask(Ask::Participants(id), value);
    }

    pub(crate) fn submit_participants(
        &mut self,
        id: TopicId,
        text: &str,
    ) -> Result<String, String> {
        let count = match text.trim() {
            "" => None,
            t => Some(
                t.parse::<u32>()
                    .map_err(|_| format!("{t:?} is not a number of people"))?,
            ),
        };
        self.try_change("set participants", |e| e.set_participants(id, count))
            .map_err(String::from)
            .map(|()| match count {
                Some(n) => format!("{n} took part"),
                None => "Participants cleared".into(),
            })
    }

    /// Opens the session with its notes being written (a report owed, a draft put back).
    pub(crate) fn open_notes(&mut self, topic: TopicId, text: Option<&str>) {
        if self.read_only.is_some() {
            self.toast("Read-only: notes cannot be written here");
            return;
        }
        self.open_session(topic);
        let saved = self
            .topic(topic)
            .map(|t| t.notes.clone())
            .unwrap_or_default();
        let area = notes_area(text.unwrap_or(&saved));
        if let Some(view) = self.stack.session_mut() {
            view.notes = Some(area);
        }
    }
}
