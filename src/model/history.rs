//! Undo and redo as snapshots. Snapshots are cheap: an edition's topics are
//! shared (`Arc`) between snapshots until a change touches one.

/// Past and future states, each with the label of the change that led away from it.
#[derive(Debug, Clone)]
pub struct History<S> {
    undo: Vec<(S, String)>,
    redo: Vec<(S, String)>,
    limit: usize,
}

impl<S> Default for History<S> {
    fn default() -> Self {
        History::new(1000)
    }
}

impl<S> History<S> {
    pub fn new(limit: usize) -> Self {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            limit: limit.max(1),
        }
    }

    /// Records the state before a change; a new change forgets the redo list.
    pub fn record(&mut self, before: S, label: impl Into<String>) {
        self.redo.clear();
        self.undo.push((before, label.into()));
        if self.undo.len() > self.limit {
            self.undo.remove(0);
        }
    }

    /// Steps back: gives the state to restore and the change undone.
    pub fn undo(&mut self, current: S) -> Option<(S, String)> {
        let (before, label) = self.undo.pop()?;
        self.redo.push((current, label.clone()));
        Some((before, label))
    }

    /// Steps forward again after an undo.
    pub fn redo(&mut self, current: S) -> Option<(S, String)> {
        let (after, label) = self.redo.pop()?;
        self.undo.push((current, label.clone()));
        Some((after, label))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_and_redo_walk_the_states() {
        let mut h = History::new(10);
        let mut state = 0;
        for n in 1..=3 {
            h.record(state, format!("set {n}"));
            state = n;
        }
        let (s, label) = h.undo(state).unwrap();
        assert_eq!((s, label.as_str()), (2, "set 3"));
        let (s, _) = h.undo(s).unwrap();
        assert_eq!(s, 1);
        let (s, label) = h.redo(s).unwrap();
        assert_eq!((s, label.as_str()), (2, "set 2"));
        // a new change forgets what could be redone
        h.record(s, "set 9");
        assert!(h.clone().redo(9).is_none());
        assert_eq!(h.undo(9).map(|(s, _)| s), Some(2));
    }

    #[test]
    fn the_oldest_states_fall_off_past_the_limit() {
        let mut h = History::new(2);
        h.record(1, "a");
        h.record(2, "b");
        h.record(3, "c");
        assert_eq!(h.undo(4).map(|(s, _)| s), Some(3));
        assert_eq!(h.undo(3).map(|(s, _)| s), Some(2));
        assert!(h.undo(2).is_none());
    }
}
