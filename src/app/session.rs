//! A session as a group reports back: its notes, participants and action points.

use ratatui_textarea::TextArea;
use tui_input::Input;

use super::Effect;
use super::action::Dir;
use super::action_line;
use super::board::{Ask, Board, Capture, CaptureTarget, SessionView};
use crate::model::{ActionId, Status, TopicId};

impl Board {
    /// The session a key is about, opening it if a card is selected.
    fn session_topic(&mut self) -> Option<TopicId> {
        let id = self.target();
        if id.is_none() {
            self.toast("Select a session first");
        }
        id
    }

    pub(super) fn today(&self) -> jiff::civil::Date {
        self.now.date()
    }

    /// The selected action point of the open session.
    fn selected_action(&self) -> Option<ActionId> {
        let view = self.session.as_ref()?;
        let topic = self.topic(view.topic)?;
        topic.actions.get(view.action?).map(|a| a.id)
    }

    pub(super) fn open_action_capture(&mut self) {
        let Some(id) = self.session_topic() else {
            return;
        };
        if self.session.as_ref().is_none_or(|s| s.topic != id) {
            self.session = Some(SessionView::new(id));
        }
        self.capture = Some(Capture {
            target: CaptureTarget::Actions(id),
            ..Capture::default()
        });
    }

    pub(super) fn submit_action_line(&mut self, topic: TopicId) {
        let Some(line) = self.capture.as_ref().map(|c| c.input.value().to_string()) else {
            return;
        };
        let parsed = action_line::parse(&line, self.today());
        if parsed.draft.text.trim().is_empty() {
            self.toast("Type what is to be done first: text @owner due:date");
            return;
        }
        let text = parsed.draft.text.clone();
        let draft = parsed.draft;
        let added = self.change(format!("add action point “{text}”"), |e| {
            e.add_action(topic, draft)
        });
        if added.is_none() {
            return;
        }
        let mut toast = format!("Added action point “{text}” — u undoes");
        for w in &parsed.warnings {
            toast.push_str(&format!(" · {w}"));
        }
        self.toast(toast);
        self.capture_history.push(line.trim().to_string());
        if let Some(c) = &mut self.capture {
            c.input = Input::default();
            c.recall = None;
        }
        let n = self.topic(topic).map_or(0, |t| t.actions.len());
        if let Some(view) = &mut self.session {
            view.action = n.checked_sub(1);
        }
    }

    pub(super) fn select_action(&mut self, dir: Dir) {
        let Some(view) = &self.session else { return };
        let n = self.topic(view.topic).map_or(0, |t| t.actions.len());
        let Some(view) = &mut self.session else {
            return;
        };
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
    pub(super) fn toggle_action(&mut self, status: Status) {
        let Some(id) = self.selected_action() else {
            self.toast("Select an action point with ↑ ↓ first");
            return;
        };
        self.set_action_status(id, status);
    }

    pub(super) fn set_action_status(&mut self, id: ActionId, status: Status) {
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

    pub(super) fn ask_edit_action(&mut self) {
        let Some(id) = self.selected_action() else {
            self.toast("Select an action point with ↑ ↓ first");
            return;
        };
        let line = self
            .edition
            .action(id)
            .map(|(_, a)| action_line::unparse(a))
            .unwrap_or_default();
        self.ask(Ask::EditAction(id), line);
    }

    pub(super) fn submit_edit_action(
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

    pub(super) fn reorder_selected_action(&mut self, delta: isize) {
        let Some(id) = self.selected_action() else {
            return;
        };
        if self.change("reorder action points", |e| e.reorder_action(id, delta)) == Some(true)
            && let Some(view) = &mut self.session
        {
            view.action = view.action.and_then(|i| i.checked_add_signed(delta));
        }
    }

    pub(super) fn delete_selected_action(&mut self) {
        let Some(id) = self.selected_action() else {
            self.toast("Select an action point with ↑ ↓ first");
            return;
        };
        if let Some(point) = self.change("delete action point", |e| e.remove_action(id)) {
            self.toast(format!("Deleted action point “{}” — u undoes", point.text));
        }
    }

    pub(super) fn start_notes(&mut self) {
        let Some(id) = self.session_topic() else {
            return;
        };
        if self.read_only.is_some() {
            self.toast("Read-only: notes cannot be written here");
            return;
        }
        let text = self.topic(id).map(|t| t.notes.clone()).unwrap_or_default();
        let mut area = TextArea::new(text.lines().map(str::to_string).collect());
        area.set_wrap_mode(ratatui_textarea::WrapMode::Word);
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        let mut view = self
            .session
            .take()
            .filter(|s| s.topic == id)
            .unwrap_or_else(|| SessionView::new(id));
        view.notes = Some(area);
        self.session = Some(view);
    }

    /// Leaving the notes keeps them: nothing typed is lost, and u undoes.
    pub(super) fn save_notes(&mut self) {
        let Some(view) = &mut self.session else {
            return;
        };
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

    pub(super) fn external_notes(&mut self) -> Vec<Effect> {
        let Some(id) = self.session_topic() else {
            return Vec::new();
        };
        if self.read_only.is_some() {
            self.toast("Read-only: notes cannot be written here");
            return Vec::new();
        }
        let text = self.topic(id).map(|t| t.notes.clone()).unwrap_or_default();
        vec![Effect::EditNotes { topic: id, text }]
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

    pub(super) fn ask_participants(&mut self) {
        let Some(id) = self.session_topic() else {
            return;
        };
        let value = self
            .topic(id)
            .and_then(|t| t.participants)
            .map(|n| n.to_string())
            .unwrap_or_default();
        self.ask(Ask::Participants(id), value);
    }

    pub(super) fn submit_participants(
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
}
