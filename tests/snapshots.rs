//! Whole-screen snapshots (insta + ratatui's TestBackend) at 80×24, 120×40
//! and 200×60: what the room and the facilitator see.

mod common;

use std::path::PathBuf;

use common::*;
use jiff::civil::date;
use openspace::app::picker::Picker;
use openspace::app::{App, Screen};
use openspace::model::Edition;
use openspace::storage;
use openspace::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 60)];

fn screen(app: &App, (w, h): (u16, u16)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    terminal
        .draw(|f| ui::render(app, &Theme::mono(), f))
        .expect("drawing never fails");
    terminal.backend().to_string()
}

fn each_size(name: &str, make: impl Fn((u16, u16)) -> App) {
    for size in SIZES {
        let app = make(size);
        insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), screen(&app, size));
    }
}

#[test]
fn picker() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sessions");
    each_size("picker", |size| {
        let listed = storage::summaries_cached(&dir, None).expect("the sessions folder lists");
        let picker = Picker::from_listing(PathBuf::from("sessions"), listed);
        App::new(Screen::Picker(Box::new(picker)), size, date(2026, 5, 14))
    });
}

#[test]
fn picker_new_edition_form() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sessions");
    each_size("picker_new", |size| {
        let listed = storage::summaries_cached(&dir, None).expect("the sessions folder lists");
        let picker = Picker::from_listing(PathBuf::from("sessions"), listed);
        let mut app = App::new(Screen::Picker(Box::new(picker)), size, date(2026, 5, 14));
        press(&mut app, "n");
        type_text(&mut app, "Tech Leaders’ Meeting 2020");
        app
    });
}

#[test]
fn empty_board() {
    each_size("empty_board", |size| {
        let mut e = Edition::new("Barcamp 2026", date(2026, 9, 12));
        e.add_space("Atrium", Some(40)).expect("a space");
        e.add_space("Library", Some(12)).expect("a space");
        let t = |h, m| jiff::civil::time(h, m, 0, 0);
        let d = date(2026, 9, 12);
        e.add_slot(d, t(10, 0), t(10, 45), Default::default())
            .expect("a slot");
        e.add_slot(d, t(11, 0), t(11, 45), Default::default())
            .expect("a slot");
        board_app(e, size)
    });
}

#[test]
fn board_2019() {
    each_size("board_2019", |size| board_app(shipped(), size));
}

#[test]
fn capture_line_open() {
    each_size("capture_open", |size| {
        let mut app = board_app(shipped(), size);
        press(&mut app, "a");
        type_text(&mut app, "Service mesh, round two @Dawid +3");
        app
    });
}

#[test]
fn moving_a_card() {
    each_size("grab", |size| {
        let mut app = board_app(shipped(), size);
        press(&mut app, "ml");
        app
    });
}

#[test]
fn help_overlay() {
    each_size("help", |size| {
        let mut app = board_app(shipped(), size);
        press(&mut app, "?");
        app
    });
}

/// The sizes of the session, plan and tally snapshots: a laptop and a projector.
const VIEW_SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

/// The 2019 board on 1 September 2019: the meeting is over, some points are overdue.
fn after_2019(size: (u16, u16)) -> App {
    let mut app = board_app(shipped(), size);
    app.set_now(date(2019, 9, 1).to_datetime(jiff::civil::time(10, 0, 0, 0)));
    app
}

fn each_view_size(name: &str, make: impl Fn((u16, u16)) -> App) {
    for size in VIEW_SIZES {
        let app = make(size);
        insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), screen(&app, size));
    }
}

#[test]
fn session_view() {
    each_view_size("session", |size| {
        let mut app = after_2019(size);
        // the workshops of the afternoon: team performance metrics, in the Main Hall
        press(&mut app, "jjjjj<Enter>j");
        app
    });
}

#[test]
fn session_notes_being_written() {
    each_view_size("session_notes", |size| {
        let mut app = after_2019(size);
        press(&mut app, "jjjjj<Enter>n");
        type_text(&mut app, " One more line typed live.");
        app
    });
}

#[test]
fn action_plan() {
    each_view_size("plan", |size| {
        let mut app = after_2019(size);
        press(&mut app, "A");
        app
    });
    each_view_size("plan_by_owner", |size| {
        let mut app = after_2019(size);
        press(&mut app, "Agfj");
        app
    });
}

#[test]
fn dot_voting_tally() {
    each_view_size("tally", |size| {
        let mut app = after_2019(size);
        press(&mut app, "Vjj++");
        app
    });
}

#[test]
fn reports_owed() {
    each_view_size("reports", |size| {
        let mut app = after_2019(size);
        press(&mut app, "R");
        app
    });
}

#[test]
fn action_point_line_open() {
    each_view_size("action_line", |size| {
        let mut app = after_2019(size);
        press(&mut app, "jjjjjo");
        type_text(&mut app, "Share the metrics catalogue @Marta due:+2w");
        app
    });
}

#[test]
fn too_small() {
    for size in [(40, 12), (79, 10), (59, 30)] {
        let app = board_app(shipped(), size);
        let text = screen(&app, size);
        insta::assert_snapshot!(format!("too_small_{}x{}", size.0, size.1), text);
    }
}

#[test]
fn rendering_never_panics_at_any_size() {
    let mut app = board_app(shipped(), (80, 24));
    press(&mut app, "a");
    type_text(&mut app, "会议 🚀 wide characters everywhere @Zoë");
    for w in (1..=130).step_by(7) {
        for h in (1..=50).step_by(5) {
            app.resize(w, h);
            let text = screen(&app, (w, h));
            assert_eq!(text.lines().count(), usize::from(h));
        }
    }
}

#[test]
fn wide_characters_keep_the_grid_aligned() {
    let mut e = shipped();
    let first = e.topics[0].id;
    e.edit_topic(
        first,
        openspace::model::TopicDraft {
            title: "会议室の話 🚀🚀 emoji and CJK".into(),
            conveners: vec!["Zoë 李".into()],
            ..Default::default()
        },
    )
    .expect("an edit");
    let app = board_app(e, (120, 40));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    terminal
        .draw(|f| ui::render(&app, &Theme::mono(), f))
        .expect("drawing never fails");
    let buf = terminal.backend().buffer();
    let symbol = |x: u16, y: u16| buf[(x, y)].symbol().to_string();
    // the column separators of the header row …
    let xs: Vec<u16> = (0..120).filter(|&x| symbol(x, 1) == "│").collect();
    assert!(xs.len() >= 3, "{xs:?}");
    // … stand at the same columns on every line of a session row
    let mut checked = 0;
    for y in 2..38 {
        if symbol(xs[0], y) == "│" {
            for &x in &xs {
                assert_eq!(symbol(x, y), "│", "line {y}, column {x}");
            }
            checked += 1;
        }
    }
    assert!(checked > 10, "{checked}");
    let all: String = (0..40)
        .flat_map(|y| (0..120).map(move |x| (x, y)))
        .map(|(x, y)| symbol(x, y))
        .collect();
    assert!(all.contains('会'), "the wide title is drawn");
}

/// The sizes of the day's snapshots: a laptop screen and a projector.
const DAY_SIZES: [(u16, u16); 2] = [(120, 32), (240, 67)];

/// The 2019 board on its first day at a given time.
fn on_the_day(size: (u16, u16), h: i8, m: i8, s: i8) -> App {
    let mut app = board_app(shipped(), size);
    app.set_now(date(2019, 5, 14).to_datetime(jiff::civil::time(h, m, s, 0)));
    if let Some(b) = app.board_mut() {
        b.tick();
    }
    app
}

fn each_day_size(name: &str, make: impl Fn((u16, u16)) -> App) {
    for size in DAY_SIZES {
        let app = make(size);
        insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), screen(&app, size));
    }
}

#[test]
fn now_and_next_on_the_board() {
    each_day_size("now_next", |size| on_the_day(size, 14, 30, 0));
}

#[test]
fn the_countdown_in_its_four_states() {
    let present = |h, m, s| {
        move |size| {
            let mut app = on_the_day(size, h, m, s);
            press(&mut app, "P");
            app
        }
    };
    each_day_size("countdown_normal", present(14, 30, 0));
    each_day_size("countdown_5min", present(15, 41, 0));
    each_day_size("countdown_1min", present(15, 44, 30));
    each_day_size("countdown_overtime", |size| {
        let mut app = on_the_day(size, 15, 0, 0);
        press(&mut app, "T");
        type_text(&mut app, "30m");
        press(&mut app, "<Enter>P");
        app.set_now(date(2019, 5, 14).to_datetime(jiff::civil::time(15, 32, 0, 0)));
        app
    });
}

#[test]
fn the_break_screen() {
    each_day_size("break", |size| {
        let mut app = on_the_day(size, 15, 50, 0);
        press(&mut app, "be");
        type_text(
            &mut app,
            "Coffee and cake in the foyer | Group photo at 17:00 on the terrace",
        );
        press(&mut app, "<Enter>");
        app
    });
}

fn opened(
    path: &std::path::Path,
    dir: &std::path::Path,
    today: jiff::civil::Date,
    size: (u16, u16),
) -> App {
    let (board, _lock) = openspace::run::open_board(path, dir, today).expect("opens");
    let mut app = App::new(Screen::Board(Box::new(board)), size, today);
    app.set_now(today.to_datetime(jiff::civil::time(9, 0, 0, 0)));
    app
}

#[test]
fn review_badge() {
    let (dir, _) = two_editions();
    each_view_size("review_badge", |size| {
        opened(
            &dir.path().join("tlm-2019.ron"),
            dir.path(),
            date(2026, 1, 1),
            size,
        )
    });
}

#[test]
fn opening_circle_review() {
    let (dir, path) = two_editions();
    each_view_size("opening_circle", |size| {
        let mut app = opened(&path, dir.path(), date(2020, 5, 12), size);
        press(&mut app, "Ojjx");
        app
    });
}

#[test]
fn comparison() {
    let (dir, path) = two_editions();
    each_view_size("compare", |size| {
        let mut app = opened(&path, dir.path(), date(2020, 5, 12), size);
        press(&mut app, "a");
        type_text(&mut app, "Team tourism, one year on @Sylwia");
        press(&mut app, "<Enter><Esc>C");
        app
    });
}

#[test]
fn the_warnings_list() {
    each_view_size("warnings", |size| {
        let mut app = board_app(shipped(), size);
        press(&mut app, "!j");
        app
    });
}

/// The small edition with its first session over both of the first day's
/// slots, the coffee break between.
fn a_spanning_card(size: (u16, u16)) -> App {
    let mut e = small_edition();
    let id = e.topics[0].id;
    e.set_span(id, 2).unwrap();
    board_app(e, size)
}

#[test]
fn a_card_over_two_slots() {
    each_view_size("spanning_card", a_spanning_card);
}

#[test]
fn a_card_over_two_slots_while_moving_it() {
    each_view_size("spanning_card_moving", |size| {
        let mut app = a_spanning_card(size);
        press(&mut app, "ml");
        app
    });
}

/// The sizes of a projected screen: what the room sees.
const PROJECTOR_SIZES: [(u16, u16); 3] = [(120, 40), (160, 45), (240, 67)];

fn each_projector_size(name: &str, make: impl Fn((u16, u16)) -> App) {
    for size in PROJECTOR_SIZES {
        let app = make(size);
        insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), screen(&app, size));
    }
}

#[test]
fn the_room_sees_present_mode_at_half_past_two() {
    each_projector_size("projector_present", |size| {
        let mut app = on_the_day(size, 14, 30, 0);
        press(&mut app, "P");
        app
    });
}

#[test]
fn the_room_sees_the_break_screen() {
    each_projector_size("projector_break", |size| {
        let mut app = on_the_day(size, 15, 50, 0);
        if let Some(b) = app.board_mut() {
            b.edition.announcements = vec![
                "Dinner at 19:30 in the Lake Hall".into(),
                "Bring your action points to the closing circle".into(),
            ];
        }
        press(&mut app, "b");
        app
    });
}

#[test]
fn the_room_sees_the_board() {
    each_projector_size("projector_board", |size| on_the_day(size, 14, 30, 0));
}

#[test]
fn the_room_sees_the_opening_circle_one_point_at_a_time() {
    let (dir, path) = two_editions();
    each_projector_size("projector_opening_circle", |size| {
        let mut app = opened(&path, dir.path(), date(2020, 5, 12), size);
        press(&mut app, "Ofjj");
        app
    });
}

#[test]
fn the_room_sees_dot_voting() {
    each_projector_size("projector_dot_voting", |size| {
        let mut app = on_the_day(size, 14, 0, 0);
        press(&mut app, "V");
        press(&mut app, "jj++");
        app
    });
}
