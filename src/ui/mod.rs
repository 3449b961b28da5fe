//! Pure rendering: `render(&App, frame)` draws the whole screen from the
//! state, bottom-up from the board's stack — the view, then each overlay —
//! so what takes the keys is what is drawn on top. One file per region;
//! nothing here changes state or panics on size.

mod chrome;
mod draw;
mod earlier;
pub mod fit;
mod grid;
mod list;
mod overlays;
mod parking;
mod picker;
mod plan;
pub mod present;
mod reports;
mod session;
mod tally;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::board::Board;
use crate::app::keymap::Keymap;
use crate::app::stack::{Overlay, View};
use crate::app::{App, Screen};
use crate::geometry;
use theme::Theme;

/// Where the layers of one frame go.
pub struct Planes {
    /// What a window over the view may cover.
    pub overlay: Rect,
    /// The input line, when one is open.
    pub input: Option<Rect>,
}

/// What drawing keeps from one frame to the next, owned by the loop: parts
/// of the screen that did not change are copied instead of drawn again.
#[derive(Debug, Default)]
pub struct Memo {
    grid: grid::GridMemo,
    plan: plan::PlanMemo,
    tally: tally::TallyMemo,
}

impl Memo {
    /// A memo that keeps nothing: every part drawn directly, as it is.
    fn off() -> Memo {
        Memo {
            grid: grid::GridMemo::off(),
            plan: list::ListMemo::off(),
            tally: tally::TallyMemo::off(),
        }
    }
}

/// Draws the whole screen directly, keeping nothing: a one-off frame, and
/// what the frames drawn from a memo are checked against.
pub fn render(app: &App, theme: &Theme, f: &mut Frame) {
    render_with(app, theme, &mut Memo::off(), f);
}

/// Draws the screen, reusing what `memo` kept from the frames before.
pub fn render_with(app: &App, theme: &Theme, memo: &mut Memo, f: &mut Frame) {
    let area = f.area();
    if geometry::too_small(area.width, area.height) {
        overlays::too_small(f, theme);
        return;
    }
    match &app.screen {
        Screen::Picker(p) => {
            picker::render(f, p, &app.keymap, theme);
            if let Some(help) = &p.help {
                overlays::help(f, help, theme);
            }
        }
        Screen::Board(board) => board_screen(f, board, &app.keymap, theme, memo),
    }
}

fn board_screen(f: &mut Frame, board: &Board, keymap: &Keymap, theme: &Theme, memo: &mut Memo) {
    let input_open = board.stack.input_open();
    let size = (f.area().width, f.area().height);
    // the view at the bottom
    let frame = if board.stack.view.projected() {
        let (body, input) = geometry::projected(size, input_open);
        match board.stack.view {
            View::Present => present::render(f, board, body, theme),
            _ => present::render_break(f, board, body, theme),
        }
        Planes {
            overlay: body,
            input,
        }
    } else {
        let regions = board.regions_at(size);
        let g = board.current_grid();
        let buf = f.buffer_mut();
        chrome::top(board, &g, regions.top, theme, buf);
        let body = regions.grid.union(regions.parking.unwrap_or(regions.grid));
        match &board.stack.view {
            View::Grid => {
                grid::render(board, &g, theme, buf, &mut memo.grid);
                if let Some(area) = regions.parking {
                    parking::render(board, area, theme, buf);
                }
            }
            View::Plan(p) => plan::render(board, p, body, theme, buf, &mut memo.plan),
            View::Tally(l) => tally::render(board, l.selected, body, theme, buf, &mut memo.tally),
            View::Reports(l) => reports::render(board, l.selected, body, theme, buf),
            View::Review(r) if r.one_at_a_time => {
                earlier::review_one(board, r.selected, body, theme, buf)
            }
            View::Review(r) => earlier::review(board, r.selected, body, theme, buf),
            View::Retro(l) => earlier::retro(board, l.selected, body, theme, buf),
            View::Compare { scroll } => earlier::compare(board, *scroll, body, theme, buf),
            View::Search(s) => earlier::search(s, body, theme, buf),
            View::Warnings(l) => reports::warnings(board, l.selected, body, theme, buf),
            View::Present | View::Break { .. } => {}
        }
        // the projector's own window shows the board without the operator's footer
        if board.stack.follower {
            draw::fill(buf, regions.footer, theme.base);
        } else {
            chrome::footer(board, keymap, regions.footer, theme, buf);
        }
        Planes {
            overlay: regions.overlay,
            input: regions.input,
        }
    };
    // the overlays, oldest first: the top one is drawn last
    for overlay in &board.stack.overlays {
        match overlay {
            // moving, merging and the frame mark the grid and the footer
            Overlay::Layout | Overlay::Grab(_) | Overlay::Merge(_) => {}
            Overlay::Session(view) => session::render(f, board, view, frame.overlay, theme),
            Overlay::Capture(line) => {
                if let Some(area) = frame.input {
                    overlays::capture_line(f, board, line, area, theme);
                }
            }
            Overlay::Prompt(prompt) => {
                if let Some(area) = frame.input {
                    overlays::prompt_line(f, prompt, area, theme);
                }
            }
            Overlay::Form(form) => overlays::form(f, board, form, frame.overlay, theme),
            Overlay::ConfirmMerge { keep, other } => {
                overlays::confirm_merge(f, board, *keep, *other, theme)
            }
            Overlay::NextEdition(form) => earlier::next_form(f, board, form, theme),
            Overlay::ConfirmQuit => overlays::confirm_quit(f, board, theme),
            Overlay::Recover(r) => overlays::recover(f, board, r, theme),
            Overlay::Conflicts(c) => overlays::conflicts(f, c, theme),
            Overlay::Notice(n) => overlays::notice(f, n, theme),
            Overlay::Fill(p) => overlays::fill_plan(f, board, p, theme),
            Overlay::Help(help) => overlays::help(f, help, theme),
        }
    }
}
