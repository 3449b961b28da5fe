//! What the room reads from the back: present mode and the break screen
//! fit every session at the largest scale they can, and cut nothing.
//! Checked from the layout's own plan of what it drew.

mod common;

use common::*;
use jiff::civil::{date, time};
use openspace::app::stack::View;
use openspace::text::for_big;
use openspace::ui::fit::{Plan, Role, Scale};
use openspace::ui::present::{break_screen, present_screen};

const PROJECTOR: [(u16, u16); 3] = [(120, 40), (160, 45), (240, 67)];

fn at(app: &mut openspace::app::App, h: i8, m: i8) {
    app.set_now(date(2019, 5, 14).to_datetime(time(h, m, 0, 0)));
}

/// The text as drawn at a scale: the big letters spell it in their font.
fn as_drawn(text: &str, scale: Scale) -> String {
    if scale == Scale::Text {
        text.to_string()
    } else {
        for_big(text)
    }
}

fn assert_within(plan: &Plan, (w, h): (u16, u16)) {
    for l in &plan.lines {
        assert!(
            l.area.right() <= w && l.area.bottom() <= h,
            "{l:?} outside {w}×{h}"
        );
    }
    for (i, a) in plan.lines.iter().enumerate() {
        for b in &plan.lines[i + 1..] {
            assert!(!a.area.intersects(b.area), "lines overlap: {a:?} {b:?}");
        }
    }
}

#[test]
fn present_mode_shows_every_session_going_on_in_full() {
    for (size, fine) in PROJECTOR.into_iter().flat_map(|s| [(s, false), (s, true)]) {
        let mut app = board_app(shipped(), size);
        at(&mut app, 14, 30);
        if let Some(b) = app.board_mut() {
            b.stack.fine_letters = fine;
        }
        let b = board(&app);
        let slot = b.now_slot().expect("a slot at 14:30").clone();
        let plan = present_screen(b, size);
        assert!(!plan.cut, "nothing is cut at {size:?}: {plan:#?}");
        assert_within(&plan, size);
        let scale = plan.scale_of(Role::Now).expect("NOW is drawn");
        // six sessions at 120×40 fit in big letters only with the fine ones
        if size != (120, 40) || fine {
            assert!(scale != Scale::Text, "big letters at {size:?}, fine {fine}");
        }
        assert!(fine || scale.universal());
        let shown = plan.paragraphs(Role::Now);
        let e = &b.edition;
        let going_on: Vec<_> = e.during(&slot.id).collect();
        assert_eq!(shown.len(), going_on.len(), "{shown:#?}");
        for t in going_on {
            let space = match &t.placement {
                openspace::model::Placement::At { space, .. } => e.space(space).unwrap(),
                _ => unreachable!("a session going on is placed"),
            };
            let p = shown
                .iter()
                .find(|p| p.contains(&as_drawn(&t.title, scale)))
                .unwrap_or_else(|| panic!("“{}” in full at {size:?}: {shown:#?}", t.title));
            assert!(p.starts_with(&as_drawn(&space.name, scale)), "{p}");
            // the conveners are under the title, in smaller letters or normal text
            for who in &t.conveners {
                assert!(
                    p.contains(who.as_str()) || p.contains(&for_big(who)),
                    "{who} in {p}"
                );
            }
        }
        // NEXT is smaller than NOW, and the countdown has the room that is left
        if let Some(next) = plan.scale_of(Role::Next) {
            assert!(
                next > scale || next == Scale::Text,
                "NEXT {next:?} below NOW {scale:?}"
            );
        }
        // the countdown is always in the NOW heading; in big digits where
        // the room left allows (on the largest screen, always)
        let heading = plan.paragraphs(Role::Heading).join(" ");
        assert!(heading.contains("left"), "{heading}");
        if size == (240, 67) || fine {
            assert!(
                plan.scale_of(Role::Countdown).is_some(),
                "a big countdown at {size:?}, fine {fine}"
            );
        }
    }
}

#[test]
fn fewer_sessions_are_drawn_larger() {
    let size = (160, 45);
    let mut app = board_app(shipped(), size);
    at(&mut app, 14, 30);
    let six = present_screen(board(&app), size).scale_of(Role::Now);
    // the morning has one session in the first slot
    at(&mut app, 10, 30);
    let one = present_screen(board(&app), size).scale_of(Role::Now);
    assert!(one < six, "one session {one:?}, six {six:?}");
}

#[test]
fn conveners_can_be_left_out() {
    let size = (160, 45);
    let mut app = board_app(shipped(), size);
    at(&mut app, 14, 30);
    press(&mut app, "P");
    press(&mut app, "c");
    let plan = present_screen(board(&app), size);
    let shown = plan.paragraphs(Role::Now).join(" ");
    assert!(!shown.contains("Marta"), "{shown}");
    assert!(shown.contains("Team performance"), "{shown}");
}

#[test]
fn back_in_is_the_largest_thing_on_the_break_screen() {
    for size in PROJECTOR {
        let mut app = board_app(shipped(), size);
        // the coffee break between the afternoon's two slots
        at(&mut app, 15, 50);
        press(&mut app, "b");
        let b = board(&app);
        assert!(matches!(b.stack.view, View::Break { .. }));
        let plan = break_screen(b, size);
        assert!(!plan.cut, "{plan:#?}");
        assert_within(&plan, size);
        let back = plan.scale_of(Role::BackIn).expect("back in");
        assert!(back != Scale::Text, "big at {size:?}");
        for l in plan.lines.iter().filter(|l| l.role != Role::BackIn) {
            assert!(
                l.scale > back,
                "{:?} is smaller than back in: {l:?}",
                l.role
            );
        }
        // what comes next is there in full
        let next = plan.paragraphs(Role::Next).join(" ");
        let scale = plan.scale_of(Role::Next).unwrap();
        assert!(
            next.contains(&as_drawn("Service mesh in our cloud", scale)),
            "{next}"
        );
    }
}

/// The screen as the terminal would show it, in a theme.
fn drawn(
    app: &openspace::app::App,
    size: (u16, u16),
    theme: &openspace::ui::theme::Theme,
) -> ratatui::buffer::Buffer {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(size.0, size.1)).unwrap();
    terminal
        .draw(|f| openspace::ui::render(app, theme, f))
        .unwrap();
    terminal.backend().buffer().clone()
}

#[test]
fn without_colour_the_big_countdown_itself_changes_at_five_minutes_and_one() {
    let size = (240, 67);
    let mono = openspace::ui::theme::Theme::mono();
    let frame = |buf: &ratatui::buffer::Buffer| buf.content().iter().any(|c| c.symbol() == "┏");
    let inverted = |buf: &ratatui::buffer::Buffer| {
        buf.content()
            .iter()
            .any(|c| c.symbol() == "█" && c.modifier.contains(ratatui::style::Modifier::REVERSED))
    };
    let mut app = board_app(shipped(), size);
    press(&mut app, "P");
    // the first slot, 10:15–11:15: twenty minutes left, four, and half of one
    for (m, s, framed, reversed) in [
        (10, 55, false, false),
        (11, 11, true, false),
        (11, 14, true, true),
    ] {
        app.set_now(date(2019, 5, 14).to_datetime(time(m, s, 30, 0)));
        let buf = drawn(&app, size, &mono);
        assert_eq!(frame(&buf), framed, "a frame at {m}:{s}");
        assert_eq!(inverted(&buf), reversed, "inverted at {m}:{s}");
    }
}

#[test]
fn the_projected_screens_carry_no_key_hints_and_the_projector_window_no_messages() {
    let size = (160, 45);
    let theme = openspace::ui::theme::Theme::projector_light();
    let text = |buf: &ratatui::buffer::Buffer| -> String {
        buf.content().iter().map(|c| c.symbol()).collect()
    };
    let mut app = board_app(shipped(), size);
    at(&mut app, 15, 50);
    press(&mut app, "E");
    press(&mut app, "b");
    let screen = text(&drawn(&app, size, &theme));
    for hint in ["e writes", "Esc", "? help", "u undoes", "BOARD", "saved"] {
        assert!(!screen.contains(hint), "“{hint}” on the break screen");
    }
    // a message shows on the operator's one line, which i hides
    press(&mut app, "c");
    assert!(text(&drawn(&app, size, &theme)).contains("conveners"));
    press(&mut app, "i");
    assert!(!text(&drawn(&app, size, &theme)).contains("conveners"));
    // the projector's own window never shows one
    let mut app = board_app(shipped(), size);
    at(&mut app, 14, 30);
    if let Some(b) = app.board_mut() {
        b.stack.view = View::Present;
        b.stack.follower = true;
        b.read_only = Some("this window presents the file".into());
    }
    press(&mut app, "c");
    let screen = text(&drawn(&app, size, &theme));
    assert!(
        !screen.contains("conveners"),
        "no message in the projector's window"
    );
    assert_eq!(app.mode(), openspace::app::keymap::Mode::Follow);
}

#[test]
fn the_projector_window_turns_its_pages_as_a_kiosk() {
    use openspace::app::kiosk::Page;
    let size = (160, 45);
    let mut app = board_app(shipped(), size);
    at(&mut app, 14, 30);
    if let Some(b) = app.board_mut() {
        b.stack.follower = true;
        b.read_only = Some("this window presents the file".into());
        b.edition.announcements = vec!["Dinner at 19:30".into()];
        b.rotate(Some(20));
    }
    let pages = board(&app).kiosk_pages();
    assert_eq!(pages.first(), Some(&Page::Present));
    assert!(pages.iter().filter(|p| matches!(p, Page::Board(_))).count() >= 1);
    assert_eq!(pages.last(), Some(&Page::Announcement(0)));
    let mut seen = Vec::new();
    for step in 0..pages.len() * 20 + 1 {
        let t = date(2019, 5, 14).to_datetime(time(14, 30, 0, 0))
            + jiff::SignedDuration::from_secs(i64::try_from(step).unwrap());
        app.set_now(t);
        if let Some(b) = app.board_mut() {
            b.tick();
        }
        let b = board(&app);
        let page = match b.stack.view {
            View::Present => "present",
            View::Grid => "board",
            View::Break { .. } if b.stack.spotlight.is_some() => "announcement",
            _ => "other",
        };
        if seen.last() != Some(&page) {
            seen.push(page);
        }
    }
    assert_eq!(seen.first(), Some(&"present"));
    assert!(
        seen.contains(&"board") && seen.contains(&"announcement"),
        "{seen:?}"
    );
    assert_eq!(seen.last(), Some(&"present"), "and round again: {seen:?}");
    // r stops it
    press(&mut app, "r");
    assert!(board(&app).stack.rotation.is_none());
}
