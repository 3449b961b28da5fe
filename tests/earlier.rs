//! Update tests for last year's board: review, the next edition started
//! inside the board, the opening-circle review, retrospectives, search in
//! every edition, recurring topics and the comparison.

mod common;

use std::path::Path;

use common::*;
use jiff::civil::{date, time};
use openspace::app::keymap::Mode;
use openspace::app::stack::{ReviewView, View};
use openspace::app::{App, Effect, Screen};
use openspace::history::search::Field;
use openspace::model::Status;
use openspace::run::open_board;
use openspace::storage;

/// A sessions folder holding a copy of the shipped 2019 edition.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a folder");
    std::fs::copy(shipped_path(), dir.path().join("tlm-2019.ron")).expect("copy");
    dir
}

fn open(path: &Path, dir: &Path, today: jiff::civil::Date) -> App {
    let (board, _lock) = open_board(path, dir, today).expect("opens");
    let mut app = App::new(Screen::Board(Box::new(board)), (160, 45), today);
    app.set_now(today.to_datetime(time(9, 0, 0, 0)));
    app
}

/// Creates the 2020 edition from 2019 the way the board does (N, then the
/// loop runs the Create effect) and opens it.
fn next_edition(dir: &Path) -> App {
    let mut app = open(&dir.join("tlm-2019.ron"), dir, date(2020, 4, 1));
    press(&mut app, "N");
    assert_eq!(app.mode(), Mode::NextEdition);
    let effects = press(&mut app, "<Enter>");
    let [Effect::Create(args)] = effects.as_slice() else {
        panic!("N then Enter asks to create: {effects:?}");
    };
    let (path, _) = openspace::commands::create_edition(args, dir).expect("created");
    open(&path, dir, date(2020, 4, 1))
}

#[test]
fn a_past_edition_opens_for_review_and_e_allows_editing() {
    let dir = folder();
    let mut app = open(
        &dir.path().join("tlm-2019.ron"),
        dir.path(),
        date(2026, 1, 1),
    );
    assert!(board(&app).review);
    let before = board(&app).edition.clone();
    press(&mut app, "+d");
    assert_eq!(board(&app).edition, before);
    assert!(toast_text(&app).starts_with("REVIEW"));
    press(&mut app, "E+");
    assert_ne!(
        board(&app).edition,
        before,
        "after E the edition can change"
    );
    // during the event it is not under review
    let during = open(
        &dir.path().join("tlm-2019.ron"),
        dir.path(),
        date(2019, 5, 14),
    );
    assert!(!board(&during).review);
}

#[test]
fn the_next_edition_from_inside_the_board() {
    let dir = folder();
    let app = next_edition(dir.path());
    let e = &board(&app).edition;
    assert_eq!(e.name, "Tech Leaders’ Meeting 2020");
    assert_eq!(e.days, vec![date(2020, 5, 14), date(2020, 5, 15)]);
    assert_eq!(e.previous.as_deref(), Some("tlm-2019"));
    let old = storage::load(&dir.path().join("tlm-2019.ron")).unwrap();
    assert_eq!(e.spaces, old.spaces);
    let open = old
        .actions()
        .filter(|(_, a)| a.status == Status::Open)
        .count();
    assert_eq!(e.carried.len(), open);
    assert!(
        e.carried
            .iter()
            .all(|a| a.origin.as_ref().is_some_and(|o| o.edition == "tlm-2019"))
    );
    assert!(!board(&app).review, "a future edition is not under review");
    // the file on disk is the same edition
    let on_disk = storage::load(&board(&app).path).unwrap();
    assert_eq!(&on_disk, e);
}

#[test]
fn the_opening_circle_review_updates_the_new_edition_only() {
    let dir = folder();
    let mut app = next_edition(dir.path());
    let old_bytes = std::fs::read(dir.path().join("tlm-2019.ron")).unwrap();
    press(&mut app, "O");
    assert_eq!(app.mode(), Mode::Review);
    let items = board(&app).review_items();
    let old = storage::load(&dir.path().join("tlm-2019.ron")).unwrap();
    assert_eq!(items.len(), old.actions().count(), "every point of 2019");
    // the first carried one: mark it done as its owner answers
    let first = items.iter().position(|i| i.carried.is_some()).unwrap();
    for _ in 0..first {
        press(&mut app, "j");
    }
    press(&mut app, "x");
    let id = items[first].carried.unwrap();
    assert_eq!(
        board(&app).edition.action(id).unwrap().1.status,
        Status::Done
    );
    assert_eq!(board(&app).review_items()[first].status, Status::Done);
    // a point that was closed in 2019 cannot be changed from here
    let closed = items.iter().position(|i| i.carried.is_none()).unwrap();
    if let Some(b) = app.board_mut() {
        b.stack.view = View::Review(ReviewView {
            selected: closed,
            one_at_a_time: false,
        });
    }
    let before = board(&app).edition.clone();
    press(&mut app, "x");
    assert_eq!(board(&app).edition, before);
    assert!(toast_text(&app).contains("not carried over"));
    // the 2019 file is the archive: untouched
    assert_eq!(
        std::fs::read(dir.path().join("tlm-2019.ron")).unwrap(),
        old_bytes
    );
}

#[test]
fn retrospectives_are_shown_and_captured() {
    let dir = folder();
    let mut app = next_edition(dir.path());
    press(&mut app, "W");
    assert_eq!(app.mode(), Mode::Retro);
    assert!(
        !board(&app)
            .previous()
            .unwrap()
            .edition
            .retrospective
            .worked
            .is_empty()
    );
    press(&mut app, "w");
    type_text(&mut app, "The opening-circle review of last year");
    press(&mut app, "<Enter>b");
    type_text(&mut app, "Shorter presentations");
    press(&mut app, "<Enter>");
    let r = &board(&app).edition.retrospective;
    assert_eq!(r.worked, vec!["The opening-circle review of last year"]);
    assert_eq!(r.better, vec!["Shorter presentations"]);
    press(&mut app, "d");
    assert!(board(&app).edition.retrospective.worked.is_empty());
}

#[test]
fn search_finds_every_edition_ranked_and_opens_at_the_card() {
    let dir = folder();
    let mut app = next_edition(dir.path());
    press(&mut app, "a");
    type_text(&mut app, "Team tourism, the sequel @Sylwia");
    press(&mut app, "<Enter><Esc>/");
    type_text(&mut app, "tourism");
    press(&mut app, "<Enter>");
    assert_eq!(app.mode(), Mode::Search);
    let hits = board(&app).search_hits("tourism");
    // titles first, newest edition first among equals
    assert_eq!(hits[0].field, Field::Title);
    assert_eq!(hits[0].title, "Team tourism, the sequel");
    assert_eq!(hits[1].title, "Team tourism");
    assert!(hits.iter().all(|h| h.score <= hits[0].score));
    // Enter on the 2019 hit asks the loop to open 2019 at that card
    press(&mut app, "j");
    let effects = press(&mut app, "<Enter>");
    let [Effect::OpenAt(path, Some(topic))] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert!(path.ends_with("tlm-2019.ron"));
    let old = storage::load(path).unwrap();
    assert_eq!(old.topic(*topic).unwrap().title, "Team tourism");
    // Enter on this edition's hit opens the card here
    press(&mut app, "k<Enter>");
    assert_eq!(app.mode(), Mode::Session);
}

#[test]
fn a_recurring_topic_says_where_it_was_before() {
    let dir = folder();
    let mut app = next_edition(dir.path());
    press(&mut app, "a");
    type_text(&mut app, "Team tourism @Sylwia");
    press(&mut app, "<Enter>");
    let toast = toast_text(&app);
    assert!(
        toast.contains(
            "also in Tech Leaders’ Meeting 2019: Team tourism — 21 votes, 3 action points"
        ),
        "{toast}"
    );
    type_text(&mut app, "Something entirely new");
    press(&mut app, "<Enter>");
    assert!(!toast_text(&app).contains("also in"));
}

#[test]
fn compare_shows_the_two_editions() {
    let dir = folder();
    let mut app = next_edition(dir.path());
    press(&mut app, "C");
    assert_eq!(app.mode(), Mode::Compare);
    let (earlier, c) = board(&app).comparison().unwrap();
    assert_eq!(earlier, "Tech Leaders’ Meeting 2019");
    assert_eq!(c.spaces_gone.len(), 0);
    assert!(!c.carried.is_empty());
    press(&mut app, "<Esc>");
    assert_eq!(app.mode(), Mode::Board);
}

/// Generated editions, one a year, each mentioning "pairing" in a different field.
fn generated() -> Vec<openspace::history::Known> {
    use openspace::model::{ActionDraft, Edition, TopicDraft};
    let mut out = Vec::new();
    for (i, year) in (2015..2019).enumerate() {
        let mut e = Edition::new(format!("Barcamp {year}"), date(year, 6, 1));
        let draft = |title: &str, who: &str| TopicDraft {
            title: title.into(),
            conveners: vec![who.into()],
            ..TopicDraft::default()
        };
        let t = match i {
            0 => e.add_topic(draft("Remote pairing", "Ala")).unwrap(),
            1 => e
                .add_topic(draft("Ways of working", "Pairing Guild"))
                .unwrap(),
            2 => {
                let t = e.add_topic(draft("Onboarding", "Ola")).unwrap();
                e.add_action(
                    t,
                    ActionDraft {
                        text: "Try pairing with every newcomer".into(),
                        ..Default::default()
                    },
                )
                .unwrap();
                t
            }
            _ => {
                let t = e.add_topic(draft("Code review", "Ewa")).unwrap();
                e.set_notes(t, "Some teams replaced reviews with pairing.")
                    .unwrap();
                t
            }
        };
        let _ = t;
        out.push(openspace::history::Known {
            file: format!("barcamp-{year}"),
            edition: e,
        });
    }
    out.push(openspace::history::Known {
        file: "tlm-2019".into(),
        edition: storage::load(&shipped_path()).unwrap(),
    });
    out
}

#[test]
fn search_ranks_fields_then_recency_on_the_shipped_and_generated_editions() {
    let known = generated();
    let hits = openspace::history::search::search(&known, "pairing");
    let fields: Vec<Field> = hits.iter().map(|h| h.field).collect();
    // titles first (the 2019 "Remote pairing across offices" before 2015's "Remote pairing"),
    // then conveners, action points, and notes last
    assert_eq!(hits[0].title, "Remote pairing across offices");
    assert_eq!(hits[1].title, "Remote pairing");
    let mut sorted = fields.clone();
    sorted.sort();
    assert_eq!(fields, sorted, "{hits:#?}");
    assert!(fields.contains(&Field::Convener));
    assert!(fields.contains(&Field::Action));
    assert!(fields.contains(&Field::Notes));
    assert!(
        hits.iter()
            .any(|h| h.edition == "Barcamp 2018" && h.snippet.contains("pairing"))
    );
    // and nothing for what is nowhere
    assert!(openspace::history::search::search(&known, "blockchain").is_empty());
}

#[test]
fn the_opening_circle_asks_about_the_open_points_first_and_moves_on_after_each_answer() {
    let dir = folder();
    let mut app = next_edition(dir.path());
    press(&mut app, "O");
    let items = board(&app).review_items();
    // the points carried over (to ask about) first, those closed at the time after
    let first_closed = items.iter().position(|i| i.carried.is_none()).unwrap();
    assert!(items[..first_closed].iter().all(|i| i.carried.is_some()));
    assert!(items[first_closed..].iter().all(|i| i.carried.is_none()));
    // one at a time: x answers and goes on to the next
    press(&mut app, "f");
    let View::Review(r) = board(&app).stack.view else {
        panic!("the review")
    };
    assert!(r.one_at_a_time);
    press(&mut app, "x");
    let View::Review(r) = board(&app).stack.view else {
        panic!("the review")
    };
    assert_eq!(r.selected, 1, "on to the next point");
    assert_eq!(board(&app).review_items()[0].status, Status::Done);
    press(&mut app, "f");
    let View::Review(r) = board(&app).stack.view else {
        panic!("the review")
    };
    assert!(!r.one_at_a_time, "f goes back to the list");
}

#[test]
fn dot_voting_ranks_and_follows_the_topic_being_counted() {
    let mut app = board_app(shipped(), (120, 40));
    press(&mut app, "V");
    // the third in the ranking gets dots until it leads; it stays selected
    press(&mut app, "jj");
    let counted = board(&app).edition.topics.len();
    assert!(counted > 3);
    let lead = openspace::app::layers::tally::ranked(&board(&app).edition)[0].votes;
    for _ in 0..=lead {
        press(&mut app, "+");
    }
    let e = &board(&app).edition;
    let ranked = openspace::app::layers::tally::ranked(e);
    let View::Tally(list) = board(&app).stack.view else {
        panic!("dot voting")
    };
    assert_eq!(
        list.selected, 0,
        "it leads now, and is still the one selected"
    );
    assert!(ranked[0].votes > ranked[1].votes);
}
