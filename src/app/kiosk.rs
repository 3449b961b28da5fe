//! The projector's window on its own (`openspace present FILE --rotate
//! 20s`): NOW and NEXT, then the board page by page, then each
//! announcement, one after another, as a kiosk for the hallway.

use super::board::Board;
use super::stack::View;

/// What the kiosk shows, and since when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rotation {
    /// Seconds each page stays.
    pub every: u32,
    /// The page shown (an index into `pages`).
    pub step: usize,
    /// When it was shown.
    pub since: jiff::civil::DateTime,
}

/// One page of the rotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Present,
    /// The grid from this row.
    Board(usize),
    Announcement(usize),
}

impl Board {
    /// Every page of the rotation now: the board as many pages as its rows need.
    pub fn kiosk_pages(&self) -> Vec<Page> {
        let mut pages = vec![Page::Present];
        let rows = self.index.rows.len();
        // the rows one screen shows from the top
        let per_page = crate::geometry::grid(self.shape(), self.regions().grid, 0, 0)
            .visible_rows()
            .count()
            .max(1);
        let mut from = 0;
        while from < rows {
            pages.push(Page::Board(from));
            from += per_page;
        }
        pages.extend((0..self.edition.announcements.len()).map(Page::Announcement));
        pages
    }

    /// Starts or stops the rotation.
    pub fn rotate(&mut self, every: Option<u32>) {
        self.stack.rotation = every.filter(|s| *s > 0).map(|every| Rotation {
            every,
            step: 0,
            since: self.now,
        });
        self.show_page(Page::Present);
    }

    /// On the clock's tick: the next page once this one has had its time.
    pub fn rotate_on(&mut self) {
        let Some(r) = self.stack.rotation else { return };
        // started before the clock was read: the first page's time starts now
        if r.since == jiff::civil::DateTime::default() {
            self.stack.rotation = Some(Rotation {
                since: self.now,
                ..r
            });
            return;
        }
        let due = r
            .since
            .checked_add(jiff::SignedDuration::from_secs(i64::from(r.every)))
            .is_ok_and(|at| self.now >= at);
        if !due {
            return;
        }
        let pages = self.kiosk_pages();
        let step = (r.step + 1) % pages.len().max(1);
        self.stack.rotation = Some(Rotation {
            step,
            since: self.now,
            ..r
        });
        if let Some(page) = pages.get(step) {
            self.show_page(*page);
        }
    }

    fn show_page(&mut self, page: Page) {
        self.stack.spotlight = None;
        match page {
            Page::Present => self.stack.show(View::Present),
            Page::Board(row) => {
                self.stack.show(View::Grid);
                self.stack.grid.scroll_row = row;
                self.stack.grid.cursor.row = row;
            }
            Page::Announcement(i) => {
                self.stack.show(View::Break { from_present: true });
                self.stack.spotlight = Some(i);
            }
        }
    }
}
