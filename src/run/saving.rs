//! Keeping what is on screen on disk: saves off the UI path, retried when
//! they fail, and the unfinished typing kept beside the edition.

use tokio::task::JoinHandle;
use tokio::time::Instant;

use crate::app::board::Board;
use crate::app::draft::Draft;
use crate::model::Edition;
use crate::storage::{self, SaveError};

/// A finished save: its generation, the edition written, and what came of
/// it; `None` when the file had been changed by another program since this
/// board last wrote or read it, and was left alone to be read first.
pub(super) type Done = (u64, Edition, Option<Result<u64, SaveError>>);

/// How soon a failed save is tried again.
const RETRY_AFTER: std::time::Duration = std::time::Duration::from_secs(2);

#[derive(Default)]
pub(super) struct Saving {
    pub(super) task: Option<JoinHandle<Done>>,
    pub(super) retry_at: Option<Instant>,
    /// The fingerprint of the file as this board last wrote or read it: a
    /// change of the file with another one was made by another program.
    pub(super) seen: Option<u64>,
    /// The backup is the file as this run found it: taken once, before the first save.
    backed_up: bool,
}

impl Saving {
    /// For a board just opened: the file's fingerprint as it was read.
    pub(super) fn for_board(board: &Board) -> Saving {
        Saving {
            seen: storage::read_plain(&board.path)
                .ok()
                .map(|b| storage::fingerprint(&b)),
            ..Saving::default()
        }
    }

    /// Starts a save when the board has unsaved changes and none is running.
    pub(super) fn kick(&mut self, board: &mut Board) {
        // a scribe's board writes its journal, never the edition
        let writes = board.read_only.is_none() && board.scribe.is_none();
        if !writes || !board.save.dirty() || self.task.is_some() {
            return;
        }
        if self.retry_at.is_some_and(|t| Instant::now() < t) {
            return;
        }
        if !self.backed_up {
            // atomic: a failed backup leaves the earlier one whole, and is tried again
            self.backed_up = storage::backup(&board.path).is_ok();
        }
        let generation = board.save.generation;
        let path = board.path.clone();
        let edition = board.edition.clone();
        board.save.in_flight = true;
        let expected = self.seen;
        self.task = Some(tokio::task::spawn_blocking(move || {
            // another program wrote the file since: it is read (and merged) first
            let now = storage::read_plain(&path)
                .ok()
                .map(|b| storage::fingerprint(&b));
            if expected.is_some() && now.is_some() && now != expected {
                return (generation, edition, None);
            }
            let result = storage::save(&path, &edition);
            (generation, edition, Some(result))
        }));
    }

    /// A save done; false when it was not made because the file changed outside.
    pub(super) fn finished(
        &mut self,
        board: &mut Board,
        (generation, edition, result): Done,
    ) -> bool {
        board.save.in_flight = false;
        let Some(result) = result else {
            return false;
        };
        match result {
            Ok(fingerprint) => {
                self.seen = Some(fingerprint);
                board.disk = edition;
                board.save.saved = board.save.saved.max(generation);
                board.save.error = None;
                self.retry_at = None;
            }
            Err(e) => {
                board.save.error = Some(e.source.to_string());
                self.retry_at = Some(Instant::now() + RETRY_AFTER);
            }
        }
        true
    }

    /// Before quitting: waits for a running save, then writes what is left.
    pub(super) async fn flush(&mut self, board: &mut Board) {
        if let Some(task) = self.task.take()
            && let Ok(done) = task.await
        {
            self.finished(board, done);
        }
        // a file changed outside at the last moment is taken in first
        if let Ok(bytes) = storage::read_plain(&board.path) {
            let fingerprint = storage::fingerprint(&bytes);
            if self.seen.is_some_and(|s| s != fingerprint)
                && let Ok(theirs) = storage::from_ron(&String::from_utf8_lossy(&bytes))
            {
                self.seen = Some(fingerprint);
                board.file_changed(theirs);
            }
        }
        if board.read_only.is_none() && board.save.dirty() {
            if !self.backed_up {
                self.backed_up = storage::backup(&board.path).is_ok();
            }
            let result = storage::save(&board.path, &board.edition);
            let done = (board.save.generation, board.edition.clone(), Some(result));
            self.finished(board, done);
        }
    }
}

/// Unfinished typing, written beside the edition once a second.
#[derive(Default)]
pub(super) struct Drafts {
    written: Option<Draft>,
}

impl Drafts {
    pub(super) fn keep(&mut self, board: &Board) {
        if board.read_only.is_some() {
            return;
        }
        let now = board.draft();
        if now == self.written {
            return;
        }
        let text = now.as_ref().map(Draft::to_text);
        // a write that fails (a full disk) is tried again at the next tick
        if storage::write_draft(&board.draft_file(), text.as_deref()).is_ok() {
            self.written = now;
        }
    }

    /// After a key: a line entered (or dropped with Esc) is no longer a
    /// draft at once, so that a kill within the second cannot bring back
    /// words that are already on the board.
    pub(super) fn forget_entered(&mut self, board: &Board) {
        if self.written.is_some()
            && board.draft().is_none()
            && storage::write_draft(&board.draft_file(), None).is_ok()
        {
            self.written = None;
        }
    }

    pub(super) fn recover(&mut self, board: &mut Board) {
        if board.read_only.is_some() {
            return;
        }
        if let Some(d) = storage::read_draft(&board.draft_file())
            .as_deref()
            .and_then(Draft::from_text)
        {
            self.written = Some(d.clone());
            board.restore_draft(d);
        }
    }
}
