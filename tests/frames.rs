//! The board keeps the grid it drew without the cursor and copies it into
//! the next frames: a frame drawn that way must be the frame drawn afresh,
//! whatever happened in between.

mod common;

use common::{board_app, press, shipped};
use openspace::app::App;
use openspace::ui::{self, Memo, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn fresh(app: &App, (w, h): (u16, u16), theme: &Theme) -> ratatui::buffer::Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("a terminal");
    t.draw(|f| ui::render(app, theme, f)).expect("a frame");
    t.backend().buffer().clone()
}

/// Presses each step's keys, and after each compares the kept terminal's
/// frame (drawn with one memo all along) with a fresh one.
fn same_frames(app: &mut App, size: (u16, u16), steps: &[&str]) -> usize {
    let theme = Theme::projector_light();
    let mut memo = Memo::default();
    let mut kept = Terminal::new(TestBackend::new(size.0, size.1)).expect("a terminal");
    for (i, keys) in steps.iter().enumerate() {
        press(app, keys);
        kept.draw(|f| ui::render_with(app, &theme, &mut memo, f))
            .expect("a frame");
        let expected = fresh(app, size, &theme);
        assert_eq!(
            kept.backend().buffer(),
            &expected,
            "step {i} ({keys:?}) at {size:?} differs from a fresh frame"
        );
    }
    steps.len()
}

#[test]
fn frames_from_the_memo_are_the_frames_drawn_afresh() {
    let steps = [
        "",
        "l",
        "l",
        "j",
        "j",
        "j",
        "k",
        "h",
        "+",
        "+",
        "-",
        "l",
        "+h",
        "jjjj",
        "<PageDown>",
        "<PageUp>",
        "m",
        "l",
        "j",
        "<Esc>",
        "m",
        "ll",
        "<Enter>",
        "u",
        "<Tab>",
        "<Tab>",
        "kkkkk",
        "lllll",
        "llllllll",
        "hhhhhhhhhhhh",
        "M",
        "l",
        "<Esc>",
    ];
    for size in [(80, 24), (160, 45), (240, 67)] {
        let mut app = board_app(shipped(), size);
        assert_eq!(same_frames(&mut app, size, &steps), steps.len());
    }
}

#[test]
fn a_new_minute_or_a_new_size_draws_the_grid_again() {
    let theme = Theme::projector_light();
    let mut memo = Memo::default();
    let mut app = board_app(shipped(), (120, 40));
    let mut kept = Terminal::new(TestBackend::new(120, 40)).expect("a terminal");
    let days: Vec<_> = app
        .board()
        .map(|b| b.edition.days.clone())
        .unwrap_or_default();
    let day = days
        .first()
        .copied()
        .expect("the shipped edition has a day");
    // through the day, a minute at a time at first, then by the hour
    for (h, m) in [
        (9, 0),
        (9, 1),
        (10, 0),
        (10, 59),
        (11, 0),
        (13, 30),
        (16, 0),
    ] {
        app.set_now(day.at(h, m, 0, 0));
        kept.draw(|f| ui::render_with(&app, &theme, &mut memo, f))
            .expect("a frame");
        assert_eq!(
            kept.backend().buffer(),
            &fresh(&app, (120, 40), &theme),
            "at {h}:{m:02}"
        );
    }
    // and a terminal made smaller
    kept.backend_mut().resize(90, 30);
    press(&mut app, "");
    app.handle(&crossterm::event::Event::Resize(90, 30));
    kept.resize(ratatui::layout::Rect::new(0, 0, 90, 30))
        .expect("a resize");
    kept.draw(|f| ui::render_with(&app, &theme, &mut memo, f))
        .expect("a frame");
    assert_eq!(kept.backend().buffer(), &fresh(&app, (90, 30), &theme));
}

#[test]
fn a_change_away_from_the_cursor_is_drawn_in_the_kept_grid() {
    let theme = Theme::projector_light();
    let mut memo = Memo::default();
    let size = (160, 45);
    let mut app = board_app(shipped(), size);
    let mut kept = Terminal::new(TestBackend::new(size.0, size.1)).expect("a terminal");
    let draw = |app: &App, kept: &mut Terminal<TestBackend>, memo: &mut Memo, what: &str| {
        kept.draw(|f| ui::render_with(app, &theme, memo, f))
            .expect("a frame");
        assert_eq!(kept.backend().buffer(), &fresh(app, size, &theme), "{what}");
    };
    draw(&app, &mut kept, &mut memo, "first");
    let placed: Vec<_> = app
        .board()
        .map(|b| {
            b.edition
                .topics
                .iter()
                .filter(|t| !t.placement.is_parked())
                .map(|t| t.id)
                .collect()
        })
        .unwrap_or_default();
    assert!(placed.len() >= 3, "the shipped edition has placed topics");
    let board = app.board_mut().expect("a board");
    // changes made without a key: no message line, the same geometry
    board.change("votes", |e| e.set_votes(placed[1], 99));
    draw(&app, &mut kept, &mut memo, "a vote on another card");
    let board = app.board_mut().expect("a board");
    board.change("park", |e| e.park(placed[2]));
    draw(&app, &mut kept, &mut memo, "a card parked");
    let board = app.board_mut().expect("a board");
    let who = board
        .topic(placed[0])
        .and_then(|t| t.conveners.first().cloned())
        .unwrap_or_else(|| "Ada".into());
    board.change("clash", |e| {
        e.edit_topic(
            placed[1],
            openspace::model::TopicDraft {
                title: "A clash".into(),
                conveners: vec![who.clone()],
                ..Default::default()
            },
        )
    });
    draw(&app, &mut kept, &mut memo, "a card edited");
    let board = app.board_mut().expect("a board");
    let current = board.edition.clone();
    if let Some((before, _)) = board.history.undo(current) {
        board.edition = before;
        board.edition_changed();
    }
    draw(&app, &mut kept, &mut memo, "undone");
}

#[test]
fn the_lists_kept_between_frames_are_the_lists_drawn_afresh() {
    let plan = [
        "A",
        "j",
        "j",
        "jjjjjj",
        "x",
        "k",
        "g",
        "j",
        "w",
        "w",
        "f",
        "j",
        "X",
        "<PageDown>",
        "k",
        "u",
        "<Esc>",
    ];
    let tally = [
        "V",
        "+",
        "+",
        "j",
        "+",
        "-",
        "jjj",
        "<PageDown>",
        "k",
        "]",
        "<Esc>",
    ];
    let search = ["/", "a", "<Enter>", "j", "j", "k", "<Esc>"];
    for size in [(80, 24), (160, 45), (240, 67)] {
        for steps in [&plan[..], &tally[..], &search[..]] {
            let mut app = board_app(shipped(), size);
            assert_eq!(same_frames(&mut app, size, steps), steps.len());
        }
    }
}
