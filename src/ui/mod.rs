//! Pure rendering: `render(&App, frame)` draws the whole screen from the
//! state; one file per region. Nothing here changes state or panics on size.

pub mod chrome;
pub mod draw;
pub mod earlier;
pub mod grid;
pub mod layout;
pub mod overlays;
pub mod parking;
pub mod picker;
pub mod plan;
pub mod present;
pub mod reports;
pub mod session;
pub mod tally;
pub mod theme;

use ratatui::Frame;

use crate::app::board::View;
use crate::app::{App, Screen};
use theme::Theme;

pub fn render(app: &App, theme: &Theme, f: &mut Frame) {
    let area = f.area();
    if layout::too_small(area.width, area.height) {
        overlays::too_small(f, theme);
        return;
    }
    match &app.screen {
        Screen::Picker(p) => picker::render(f, p, &app.keymap, theme),
        Screen::Board(board) if board.break_screen || board.present => {
            if board.break_screen {
                present::render_break(f, board, theme);
            } else {
                present::render(f, board, theme);
            }
            session::render(f, board, theme);
            overlays::form(f, board, theme);
            if let Some(scroll) = board.help {
                overlays::help(f, &app.keymap, scroll, theme);
            }
            if board.confirm_quit {
                overlays::confirm_quit(f, board, theme);
            }
        }
        Screen::Board(board) => {
            let regions = layout::regions(board);
            let g = layout::grid(board, regions.grid, board.scroll_row);
            let buf = f.buffer_mut();
            chrome::top(board, &g, regions.top, theme, buf);
            let body = regions.grid.union(regions.parking.unwrap_or(regions.grid));
            match &board.view {
                View::Grid => {
                    grid::render(board, &g, theme, buf);
                    if let Some(area) = regions.parking {
                        parking::render(board, area, theme, buf);
                    }
                }
                View::Plan { .. } => plan::render(board, body, theme, buf),
                View::Tally { .. } => tally::render(board, body, theme, buf),
                View::Reports { .. } => reports::render(board, body, theme, buf),
                View::Review { .. } => earlier::review(board, body, theme, buf),
                View::Retro { .. } => earlier::retro(board, body, theme, buf),
                View::Compare => earlier::compare(board, body, theme, buf),
                View::Search { .. } => earlier::search(board, body, theme, buf),
            }
            chrome::footer(board, &app.keymap, regions.footer, theme, buf);
            if let Some(area) = regions.input {
                if board.capture.is_some() && board.prompt.is_none() {
                    overlays::capture_line(f, board, area, theme);
                } else {
                    overlays::prompt_line(f, board, area, theme);
                }
            }
            session::render(f, board, theme);
            overlays::form(f, board, theme);
            earlier::next_form(f, board, theme);
            if let Some(scroll) = board.help {
                overlays::help(f, &app.keymap, scroll, theme);
            }
            if let Some((keep, other)) = board.confirm_merge {
                overlays::confirm_merge(f, board, keep, other, theme);
            }
            if board.confirm_quit {
                overlays::confirm_quit(f, board, theme);
            }
        }
    }
    if let Screen::Picker(p) = &app.screen
        && p.new.is_none()
        && let Some(scroll) = app.picker_help
    {
        overlays::help(f, &app.keymap, scroll, theme);
    }
}
