//! Words typed but not yet entered: the capture line, the action-point line
//! and notes being written. Once a second they go to a small file beside the
//! edition, so that even a killed process loses at most the last second of
//! typing; the next start puts them back where they were.

use tui_input::Input;

use super::board::Board;
use super::layers::capture::{Capture, CaptureTarget};
use super::stack::Overlay;
use crate::model::TopicId;

/// Unfinished text and where it was being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Draft {
    Topics(String),
    Actions(TopicId, String),
    Notes(TopicId, String),
}

impl Draft {
    /// The file's text: a first line that says where, then the words.
    pub fn to_text(&self) -> String {
        match self {
            Draft::Topics(t) => format!("capture\n{t}"),
            Draft::Actions(id, t) => format!("actions {}\n{t}", id.0),
            Draft::Notes(id, t) => format!("notes {}\n{t}", id.0),
        }
    }

    pub fn from_text(text: &str) -> Option<Draft> {
        let (head, body) = text.split_once('\n')?;
        let body = body.to_string();
        let id = |rest: &str| rest.trim().parse().ok().map(TopicId);
        match head.split_once(' ') {
            None if head == "capture" => Some(Draft::Topics(body)),
            Some(("actions", rest)) => Some(Draft::Actions(id(rest)?, body)),
            Some(("notes", rest)) => Some(Draft::Notes(id(rest)?, body)),
            _ => None,
        }
    }
}

impl Board {
    /// What is being typed and not yet entered, if anything.
    pub fn draft(&self) -> Option<Draft> {
        if let Some(view) = self.stack.session()
            && let Some(notes) = &view.notes
        {
            let text = notes.lines().join("\n");
            let saved = self
                .topic(view.topic)
                .map(|t| t.notes.as_str())
                .unwrap_or("");
            return (text.trim_end() != saved).then_some(Draft::Notes(view.topic, text));
        }
        let c = self.stack.capture()?;
        let text = c.input.value().trim();
        // a prefilled cell, or a line recalled from before, is nothing typed
        if text.is_empty() || text == c.prefilled.trim() || c.recall.is_some() {
            return None;
        }
        Some(match c.target {
            CaptureTarget::Topics => Draft::Topics(c.input.value().to_string()),
            CaptureTarget::Actions(id) => Draft::Actions(id, c.input.value().to_string()),
        })
    }

    /// Puts recovered words back where they were typed.
    pub fn restore_draft(&mut self, draft: Draft) {
        let line = |target, text: String| {
            let at = text.chars().count();
            Capture {
                target,
                input: Input::new(text).with_cursor(at),
                recall: None,
                prefilled: String::new(),
            }
        };
        match draft {
            Draft::Topics(text) => {
                self.open(Overlay::Capture(line(CaptureTarget::Topics, text)));
            }
            Draft::Actions(id, text) if self.topic(id).is_some() => {
                self.open_session(id);
                self.open(Overlay::Capture(line(CaptureTarget::Actions(id), text)));
            }
            Draft::Notes(id, text) if self.topic(id).is_some() => {
                self.open_notes(id, Some(&text));
            }
            _ => return,
        }
        self.toast("Recovered what was being typed when openspace last stopped");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_round_trip_through_their_text() {
        for d in [
            Draft::Topics("Service mesh @Marta".into()),
            Draft::Actions(TopicId(4), "Pilot due:fri".into()),
            Draft::Notes(TopicId(2), "line one\nline two".into()),
        ] {
            assert_eq!(Draft::from_text(&d.to_text()), Some(d));
        }
        assert_eq!(Draft::from_text("garbage"), None);
        assert_eq!(Draft::from_text("notes x\ntext"), None);
    }
}
