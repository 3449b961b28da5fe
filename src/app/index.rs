//! What the screen needs to find fast, rebuilt only when the edition changes,
//! so that drawing and moving the cursor cost the same with 10 or 1,000 topics.

use std::collections::HashMap;

use crate::model::{Edition, Placement, TopicId};

#[derive(Debug, Clone, Default)]
pub struct BoardIndex {
    /// Slot indexes in display order: by day, then start time.
    pub rows: Vec<usize>,
    /// (row, space index) → index into `edition.topics`; a session over
    /// several slots is in the cell of each.
    pub cells: HashMap<(usize, usize), usize>,
    /// Sessions over several slots: index into `edition.topics` → their
    /// space's column and the rows they take, top to bottom.
    pub spans: HashMap<usize, (usize, Vec<usize>)>,
    /// Parked topics (indexes into `edition.topics`), most votes first.
    pub parked: Vec<usize>,
    /// How many later slots are hidden.
    pub hidden: usize,
    /// The rows as the grid's geometry needs them.
    pub shape: Vec<crate::geometry::RowShape>,
    /// Unique to this build (across boards too): what drawing keeps between
    /// frames is keyed by it, so any change of the edition draws afresh.
    pub stamp: u64,
}

/// A number no earlier call returned.
pub fn next_stamp() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl BoardIndex {
    pub fn build(e: &Edition) -> BoardIndex {
        let mut rows: Vec<usize> = (0..e.slots.len()).collect();
        rows.sort_by_key(|&i| (e.slots[i].day, e.slots[i].start, e.slots[i].end));
        // while the marketplace fills, later slots can be hidden
        let all = rows.len();
        if let Some(last) = e
            .hide_after
            .as_ref()
            .and_then(|id| rows.iter().position(|&i| e.slots[i].id == *id))
        {
            rows.truncate(last + 1);
        }
        let hidden = all - rows.len();
        let row_of: HashMap<&str, usize> = rows
            .iter()
            .enumerate()
            .map(|(row, &i)| (e.slots[i].id.0.as_str(), row))
            .collect();
        let col_of: HashMap<&str, usize> = e
            .spaces
            .iter()
            .enumerate()
            .map(|(c, s)| (s.id.0.as_str(), c))
            .collect();
        let mut cells = HashMap::with_capacity(e.topics.len());
        let mut parked = Vec::new();
        let mut long = Vec::new();
        for (i, t) in e.topics.iter().enumerate() {
            match &t.placement {
                Placement::Parked => parked.push(i),
                Placement::At { slot, space } => {
                    if let (Some(&r), Some(&c)) =
                        (row_of.get(slot.0.as_str()), col_of.get(space.0.as_str()))
                    {
                        cells.insert((r, c), i);
                        if t.slots() > 1 {
                            long.push((i, c));
                        }
                    }
                }
            }
        }
        // a session's later slots, up to one where another session starts
        // (the warnings say when one does)
        let mut spans = HashMap::new();
        for (i, c) in long {
            let mut rows: Vec<usize> = Vec::new();
            for r in e
                .slots_taken(&e.topics[i])
                .iter()
                .filter_map(|s| row_of.get(s.id.0.as_str()).copied())
            {
                match cells.get(&(r, c)) {
                    Some(&other) if other != i => break,
                    _ => rows.push(r),
                }
            }
            for &r in rows.iter().skip(1) {
                cells.insert((r, c), i);
            }
            if rows.len() > 1 {
                spans.insert(i, (c, rows));
            }
        }
        parked.sort_by(|&a, &b| {
            let (a, b) = (&e.topics[a], &e.topics[b]);
            b.votes.cmp(&a.votes).then(a.id.cmp(&b.id))
        });
        let shape = rows
            .iter()
            .map(|&i| crate::geometry::RowShape {
                day: e.slots[i].day,
                session: e.slots[i].kind.is_session(),
            })
            .collect();
        BoardIndex {
            rows,
            cells,
            spans,
            parked,
            hidden,
            shape,
            stamp: next_stamp(),
        }
    }

    /// The topic index in a cell.
    pub fn at(&self, row: usize, col: usize) -> Option<usize> {
        self.cells.get(&(row, col)).copied()
    }

    /// Where a topic is on the grid: (row, col), its first row for a
    /// session over several slots.
    pub fn position_of(&self, e: &Edition, id: TopicId) -> Option<(usize, usize)> {
        self.cells
            .iter()
            .filter(|(_, i)| e.topics[**i].id == id)
            .map(|(pos, _)| *pos)
            .min()
    }

    /// The rows a session over several slots takes, for the topic at an index.
    pub fn span_rows(&self, topic: usize) -> Option<&[usize]> {
        self.spans.get(&topic).map(|(_, rows)| rows.as_slice())
    }

    /// The columns a session over several slots lies over at a row between
    /// two of its own (a break it runs over).
    pub fn spanned_over(&self, row: usize) -> Vec<usize> {
        let mut cols: Vec<usize> = self
            .spans
            .values()
            .filter(|(_, rows)| {
                rows.first().is_some_and(|f| *f < row) && rows.last().is_some_and(|l| row < *l)
            })
            .map(|(c, _)| *c)
            .collect();
        cols.sort_unstable();
        cols
    }
}
