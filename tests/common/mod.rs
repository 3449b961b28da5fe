//! Shared helpers for the board tests: a small edition, and typing keys.
#![allow(dead_code)]

use std::path::PathBuf;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use jiff::civil::{date, time};
use openspace::app::board::Board;
use openspace::app::{App, Effect, Screen};
use openspace::model::{Edition, SlotKind, TopicDraft};

/// Two days, three spaces, session slots around a plenary and a break,
/// three topics (two placed, one parked).
pub fn small_edition() -> Edition {
    let d1 = date(2026, 5, 14);
    let d2 = date(2026, 5, 15);
    let mut e = Edition::new("Spring Unconference", d1);
    e.add_day(d2).unwrap();
    let atrium = e.add_space("Atrium", Some(40)).unwrap();
    let library = e.add_space("Library", Some(12)).unwrap();
    e.add_space("Garden", None).unwrap();
    let t = |h, m| time(h, m, 0, 0);
    e.add_slot(
        d1,
        t(9, 0),
        t(9, 30),
        SlotKind::Plenary("Opening circle".into()),
    )
    .unwrap();
    let s1 = e
        .add_slot(d1, t(9, 30), t(10, 15), SlotKind::Session)
        .unwrap();
    e.add_slot(d1, t(10, 15), t(10, 30), SlotKind::Break("Coffee".into()))
        .unwrap();
    e.add_slot(d1, t(10, 30), t(11, 15), SlotKind::Session)
        .unwrap();
    e.add_slot(d2, t(9, 30), t(10, 15), SlotKind::Session)
        .unwrap();
    let topic = |title: &str, who: &str| TopicDraft {
        title: title.into(),
        conveners: vec![who.into()],
        ..TopicDraft::default()
    };
    let a = e
        .add_topic(topic("Service mesh in our cloud", "Marta"))
        .unwrap();
    let b = e.add_topic(topic("Team tourism", "Ola")).unwrap();
    let c = e.add_topic(topic("Staying technical", "Piotr")).unwrap();
    e.place(a, &s1, &atrium).unwrap();
    e.place(b, &s1, &library).unwrap();
    e.set_votes(a, 7).unwrap();
    e.set_votes(b, 4).unwrap();
    e.set_votes(c, 2).unwrap();
    e
}

pub fn board_app(edition: Edition, size: (u16, u16)) -> App {
    let board = Board::new(edition, PathBuf::from("test.ron"));
    App::new(Screen::Board(Box::new(board)), size, date(2026, 5, 14))
}

pub fn key_event(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

/// Presses keys: plain characters, or names in angle brackets such as
/// `<Enter>`, `<Esc>`, `<Tab>`, `<Up>`, `<S-Right>`, `<C-z>`.
pub fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    let mut chars = keys.chars().peekable();
    while let Some(c) = chars.next() {
        let event = if c == '<' && chars.peek().is_some_and(|n| n.is_ascii_alphabetic()) {
            let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
            named(&name)
        } else {
            key_event(KeyCode::Char(c), KeyModifiers::NONE)
        };
        effects.extend(app.handle(&event));
    }
    effects
}

fn named(name: &str) -> Event {
    let (mods, base) = match name.split_once('-') {
        Some(("S", b)) => (KeyModifiers::SHIFT, b),
        Some(("C", b)) => (KeyModifiers::CONTROL, b),
        _ => (KeyModifiers::NONE, name),
    };
    let code = match base {
        "Enter" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "Tab" => KeyCode::Tab,
        "BackTab" => KeyCode::BackTab,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "PageDown" => KeyCode::PageDown,
        "PageUp" => KeyCode::PageUp,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "BS" => KeyCode::Backspace,
        "Del" => KeyCode::Delete,
        "F2" => KeyCode::F(2),
        "F5" => KeyCode::F(5),
        other if other.chars().count() == 1 => KeyCode::Char(other.chars().next().unwrap_or(' ')),
        other => panic!("unknown key name <{other}>"),
    };
    key_event(code, mods)
}

/// Types text as key presses (letters go to whatever field is open).
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle(&key_event(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

pub fn board(app: &App) -> &Board {
    app.board().expect("the board is open")
}

/// The topic with this title.
pub fn titled<'a>(app: &'a App, title: &str) -> &'a openspace::model::Topic {
    board(app)
        .edition
        .topics
        .iter()
        .find(|t| t.title == title)
        .unwrap_or_else(|| panic!("no topic {title:?}"))
}

/// "Atrium 09:30" for a placed topic, "parked" otherwise.
pub fn where_is(app: &App, title: &str) -> String {
    let e = &board(app).edition;
    match &titled(app, title).placement {
        openspace::model::Placement::Parked => "parked".into(),
        openspace::model::Placement::At { slot, space } => format!(
            "{} {}",
            e.space(space).unwrap().name,
            openspace::model::hhmm::format_hhmm(e.slot(slot).unwrap().start)
        ),
    }
}

/// The message line's text now.
pub fn toast_text(app: &App) -> String {
    board(app)
        .stack
        .toast
        .as_ref()
        .map(|t| t.text.clone())
        .expect("a message on the message line")
}

/// The shipped 2019 edition's file.
pub fn shipped_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sessions/tech-leaders-meeting-2019.ron")
}

/// The shipped 2019 edition.
pub fn shipped() -> Edition {
    openspace::storage::load(&shipped_path()).expect("the shipped edition loads")
}

/// A sessions folder with the shipped 2019 edition and the 2020 one
/// started from it; the path of 2020.
pub fn two_editions() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a folder");
    let old = dir.path().join("tlm-2019.ron");
    std::fs::copy(shipped_path(), &old).expect("copy");
    let args = openspace::cli::NewArgs {
        file: "tlm-2020".into(),
        name: "Tech Leaders’ Meeting 2020".into(),
        date: date(2020, 5, 12),
        days: None,
        spaces: None,
        slots: None,
        theme: None,
        from: Some(old),
    };
    let (path, _) = openspace::commands::create_edition(&args, dir.path()).expect("created");
    (dir, path)
}
