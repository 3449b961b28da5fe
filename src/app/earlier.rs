//! Earlier editions on the board: which one came before this one, what
//! earlier editions had like a title, editing a past edition, and opening
//! an edition at a topic. The views of them are layers: the opening circle
//! (`layers/review.rs`), the retrospective, the comparison, search results.
//!
//! A carried-over point's status is set on its copy in this edition; the
//! earlier edition's file is the archive of how that edition ended and is
//! never changed from here. The review shows each point with the status of
//! its copy, and "closed at the time" for points that were not carried.

use super::board::Board;
use crate::history::{Known, recurring};
use crate::model::TopicId;

/// The other editions of the folder, with what the board works out from
/// them made once, off the UI task: their titles ready to compare for
/// recurring topics, and their conveners for Tab.
#[derive(Debug, Default)]
pub struct Earlier {
    pub known: Vec<Known>,
    pub echo_index: recurring::EchoIndex,
    /// Every convener's name once, in folded order.
    pub conveners: Vec<String>,
}

impl Earlier {
    pub fn of(known: Vec<Known>) -> Earlier {
        let mut conveners: Vec<String> = known
            .iter()
            .flat_map(|k| k.edition.topics.iter().flat_map(|t| t.conveners.clone()))
            .collect();
        conveners.sort_by_cached_key(|n| n.to_lowercase());
        conveners.dedup_by(|a, b| a.to_lowercase() == b.to_lowercase());
        Earlier {
            echo_index: recurring::EchoIndex::build(&known),
            known,
            conveners,
        }
    }
}

impl Board {
    /// The other editions of the folder, once read: their conveners join Tab.
    pub fn take_earlier(&mut self, earlier: Vec<Known>) {
        self.take_folder(Earlier::of(earlier));
    }

    /// `take_earlier`, with what is worked out from them already made.
    pub fn take_folder(&mut self, earlier: Earlier) {
        self.echo_index = earlier.echo_index;
        self.earlier = earlier.known;
        self.earlier_loaded = true;
        self.learn_conveners(earlier.conveners.iter().map(String::as_str));
    }

    /// False, with a word, while the other editions are still being read.
    pub(crate) fn earlier_ready(&mut self) -> bool {
        if !self.earlier_loaded {
            self.toast("The other editions of the folder are still loading… a moment");
        }
        self.earlier_loaded
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

    /// What earlier editions had like this title, for the toast.
    pub fn echo(&self, title: &str) -> Option<String> {
        self.echo_index
            .echoes(title, &self.earlier, &self.file_stem())
            .first()
            .map(recurring::Echo::line)
    }

    pub(crate) fn allow_editing(&mut self) {
        if self.review {
            self.review = false;
            self.toast("Editing this past edition: changes are saved to its file");
        } else {
            self.toast("This edition can be edited");
        }
    }

    /// The topic a search hit points at, once its edition is open.
    pub fn open_at(&mut self, topic: Option<TopicId>) {
        if let Some(id) = topic.filter(|id| self.topic(*id).is_some()) {
            self.select_topic(id);
            self.open_session(id);
            self.keep_cursor_in_view();
        }
    }
}
