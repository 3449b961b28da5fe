//! Update tests for running the day: an injected clock, NOW and NEXT, the
//! countdown and its bell, timers, running late, revealing slots, present
//! mode and the break screen. No test depends on the real time of day.

mod common;

use common::*;
use jiff::civil::{DateTime, date, time};
use openspace::app::day::Urgency;
use openspace::app::keymap::Mode;
use openspace::app::stack::View;
use openspace::app::{App, Effect};
use openspace::storage;

fn at(h: i8, m: i8, s: i8) -> DateTime {
    date(2026, 5, 14).to_datetime(time(h, m, s, 0))
}

fn app_at(now: DateTime) -> App {
    let mut app = board_app(small_edition(), (120, 40));
    app.set_now(now);
    app
}

fn tick(app: &mut App, now: DateTime) -> Vec<Effect> {
    app.set_now(now);
    app.board_mut().map(|b| b.tick()).unwrap_or_default()
}

#[test]
fn now_next_and_t_jumps_to_now() {
    let mut app = app_at(at(10, 40, 0));
    let b = board(&app);
    assert_eq!(b.now_slot().map(|s| s.times()), Some("10:30–11:15".into()));
    assert_eq!(b.next_slot().map(|s| s.day), Some(date(2026, 5, 15)));
    press(&mut app, "g");
    assert_eq!(board(&app).stack.grid.cursor.row, 0);
    press(&mut app, "t");
    let row = board(&app).stack.grid.cursor.row;
    let slot = &board(&app).edition.slots[board(&app).index.rows[row]];
    assert_eq!(slot.times(), "10:30–11:15");
}

#[test]
fn the_countdown_changes_state_and_rings_twice() {
    let mut app = app_at(at(10, 0, 0));
    // 09:30–10:15 is on: 15 minutes left
    assert!(tick(&mut app, at(10, 0, 0)).is_empty());
    let clock = board(&app).remaining().unwrap();
    assert_eq!(
        (clock.text.as_str(), clock.urgency),
        ("15:00", Urgency::Normal)
    );
    assert!(tick(&mut app, at(10, 9, 59)).is_empty());
    assert_eq!(
        tick(&mut app, at(10, 10, 0)),
        vec![Effect::Bell],
        "the bell at five minutes"
    );
    assert_eq!(
        board(&app).remaining().unwrap().urgency,
        Urgency::FiveMinutes
    );
    assert!(tick(&mut app, at(10, 10, 1)).is_empty(), "once");
    assert_eq!(
        board(&app).remaining().map(|c| c.urgency),
        Some(Urgency::FiveMinutes)
    );
    tick(&mut app, at(10, 14, 30));
    assert_eq!(
        board(&app).remaining().unwrap().urgency,
        Urgency::LastMinute
    );
    // the coffee break starts at 10:15: the next countdown begins, the end rang
    assert_eq!(
        tick(&mut app, at(10, 15, 0)),
        vec![Effect::Bell],
        "the bell at the end"
    );
}

#[test]
fn a_timer_counts_down_then_counts_overtime_and_survives_a_restart() {
    let mut app = app_at(at(10, 35, 0));
    press(&mut app, "T");
    type_text(&mut app, "10m");
    press(&mut app, "<Enter>");
    let timer = board(&app).edition.timer.expect("a timer");
    assert_eq!(timer.end, at(10, 45, 0));
    tick(&mut app, at(10, 46, 5));
    let c = board(&app).remaining().unwrap();
    assert_eq!((c.text.as_str(), c.urgency), ("+01:05", Urgency::Overtime));
    // stored as wall-clock times: a new board from the saved file has it
    let text = storage::to_ron(&board(&app).edition).unwrap();
    let mut again = board_app(storage::from_ron(&text).unwrap(), (120, 40));
    again.set_now(at(10, 46, 5));
    assert_eq!(board(&again).remaining().unwrap().text, "+01:05");
    // +5 gives five more minutes; empty goes back to the schedule
    press(&mut app, "T");
    if let Some(b) = app.board_mut()
        && let Some(p) = b.stack.prompt_mut()
    {
        p.input = tui_input::Input::default();
    }
    type_text(&mut app, "+5");
    press(&mut app, "<Enter>");
    assert_eq!(board(&app).edition.timer.unwrap().end, at(10, 50, 0));
    press(&mut app, "T");
    if let Some(b) = app.board_mut()
        && let Some(p) = b.stack.prompt_mut()
    {
        p.input = tui_input::Input::default();
    }
    press(&mut app, "<Enter>");
    assert_eq!(board(&app).edition.timer, None);
    // nonsense is refused in the prompt, which stays open
    press(&mut app, "T");
    type_text(&mut app, "soonish");
    press(&mut app, "<Enter>");
    assert_eq!(app.mode(), Mode::Prompt);
}

#[test]
fn running_late_is_one_undoable_step() {
    let mut app = app_at(at(10, 40, 0));
    let before = board(&app).edition.clone();
    press(&mut app, "D");
    type_text(&mut app, "15");
    press(&mut app, "<Enter>");
    let e = &board(&app).edition;
    let session = e
        .slots
        .iter()
        .find(|s| s.day == date(2026, 5, 14) && s.start == time(10, 30, 0, 0))
        .unwrap();
    assert_eq!(session.end, time(11, 30, 0, 0));
    assert!(toast_text(&app).contains("Shifted"));
    press(&mut app, "u");
    assert_eq!(board(&app).edition, before);
}

#[test]
fn later_slots_hide_while_the_marketplace_fills() {
    let mut app = app_at(at(9, 0, 0));
    let all = board(&app).index.rows.len();
    // the cursor is on the first session row (09:30): hide what follows
    press(&mut app, "z");
    assert_eq!(board(&app).index.rows.len(), 2);
    assert_eq!(board(&app).index.hidden, all - 2);
    press(&mut app, "GZ");
    assert_eq!(board(&app).index.rows.len(), all);
    assert_eq!(board(&app).index.hidden, 0);
}

#[test]
fn present_mode_keeps_the_editing_keys() {
    let mut app = app_at(at(9, 40, 0));
    press(&mut app, "P");
    assert!((board(&app).stack.view == View::Present));
    press(&mut app, "a");
    assert_eq!(app.mode(), Mode::Capture);
    type_text(&mut app, "Late pitch @Ada");
    press(&mut app, "<Enter><Esc>");
    assert!(
        board(&app)
            .edition
            .topics
            .iter()
            .any(|t| t.title == "Late pitch")
    );
    assert!(
        (board(&app).stack.view == View::Present),
        "still presenting"
    );
    press(&mut app, "<Esc>");
    assert!(!(board(&app).stack.view == View::Present));
    press(&mut app, "<F5>");
    assert!((board(&app).stack.view == View::Present));
}

#[test]
fn the_break_screen_and_its_announcements() {
    let mut app = app_at(at(10, 20, 0));
    press(&mut app, "b");
    assert_eq!(app.mode(), Mode::Break);
    press(&mut app, "e");
    type_text(
        &mut app,
        "Lunch is on the terrace | Group photo at 13:00 | Wi-Fi: openspace",
    );
    press(&mut app, "<Enter>");
    assert_eq!(board(&app).edition.announcements.len(), 3);
    press(&mut app, "e");
    type_text(&mut app, " | a fourth");
    press(&mut app, "<Enter>");
    assert_eq!(app.mode(), Mode::Prompt, "three lines at most");
    press(&mut app, "<Esc>b");
    assert_eq!(app.mode(), Mode::Board);
}
