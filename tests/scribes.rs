//! Several laptops, one board: ten scribes, each writing only its own
//! journal in its own folder, and a sync that copies the journals to the
//! facilitator's folder late, twice, out of order and sometimes half
//! written, while the facilitator moves, votes and merges on the grid. At
//! the end the edition holds every action point and note exactly once, and
//! the one status both changed is a conflict for the facilitator to settle.

mod common;

use std::path::{Path, PathBuf};

use common::shipped;
use openspace::app::board::Board;
use openspace::app::stack::Overlay;
use openspace::model::journal::{ActionRef, Change, Journal};
use openspace::model::{ActionDraft, Status, TopicId};
use openspace::storage;

const SCRIBES: usize = 10;
const POINTS: usize = 50;

/// A fixed pseudo-random sequence, so every run syncs the same way.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

struct Laptop {
    journal: Journal,
    path: PathBuf,
    sessions: Vec<TopicId>,
    /// Every version it wrote, for a sync that delivers an old one late.
    versions: Vec<Vec<u8>>,
}

fn write(l: &mut Laptop) {
    storage::write_journal(&l.path, &l.journal).expect("a journal is written");
    l.versions
        .push(std::fs::read(&l.path).expect("the journal reads back"));
}

/// Copies one version of a laptop's journal to the facilitator's folder,
/// the way a sync engine might: whole, or cut half-way.
fn deliver(edition: &Path, l: &Laptop, version: usize, half: bool) {
    let to = storage::journal_path(edition, &l.journal.device);
    std::fs::create_dir_all(to.parent().expect("a folder")).expect("the folder");
    let bytes = &l.versions[version];
    let bytes = if half {
        &bytes[..bytes.len() / 2]
    } else {
        &bytes[..]
    };
    std::fs::write(&to, bytes).expect("copied");
}

/// Merges what the facilitator's folder holds; returns the conflicts shown.
fn take(board: &mut Board, edition: &Path) -> Vec<(String, String)> {
    let read: Vec<Journal> = storage::read_journals(edition, |_, _| false)
        .into_iter()
        .filter_map(|f| f.journal.ok())
        .collect();
    board.take_journals(&read);
    let shown = board
        .stack
        .overlays
        .iter()
        .filter_map(|o| match o {
            Overlay::Conflicts(c) => {
                Some(c.list.iter().map(|c| (c.ours.clone(), c.theirs.clone())))
            }
            _ => None,
        })
        .flatten()
        .collect();
    // the facilitator, busy with the grid, keeps the board's version
    board
        .stack
        .overlays
        .retain(|o| !matches!(o, Overlay::Conflicts(_)));
    shown
}

#[test]
fn ten_scribes_and_a_late_sync_lose_and_double_nothing() {
    let dir = tempfile::tempdir().expect("a folder");
    let facilitator = dir.path().join("board");
    std::fs::create_dir_all(&facilitator).expect("a folder");
    let edition_path = facilitator.join("tlm-2019.ron");
    let mut edition = shipped();
    // one board action point that a scribe and the facilitator both settle
    let placed: Vec<TopicId> = edition
        .topics
        .iter()
        .filter(|t| !t.placement.is_parked())
        .map(|t| t.id)
        .collect();
    assert!(placed.len() >= 4, "the shipped edition has placed sessions");
    let disputed = edition
        .add_action(
            placed[0],
            ActionDraft {
                text: "Book the room for next year".into(),
                owner: None,
                due: None,
            },
        )
        .expect("an action point");
    storage::create(&edition_path, &edition).expect("the edition is written");
    let mut board = Board::new(edition.clone(), edition_path.clone());

    // each scribe in a room of its own, on a laptop of its own
    let mut laptops: Vec<Laptop> = (0..SCRIBES)
        .map(|i| {
            let space = &edition.spaces[i % edition.spaces.len()].id;
            let mut sessions: Vec<TopicId> = edition
                .topics
                .iter()
                .filter(|t| matches!(&t.placement, openspace::model::Placement::At { space: s, .. } if s == space))
                .map(|t| t.id)
                .collect();
            if sessions.is_empty() {
                sessions.push(placed[i % placed.len()]);
            }
            let device = format!("laptop-{i:02}");
            let home = dir.path().join(&device).join("tlm-2019.ron");
            Laptop {
                journal: Journal::new(&device, &format!("the scribe in room {i}"), format!("j{i:02}x{}", i * 7919)),
                path: storage::journal_path(&home, &device),
                sessions,
                versions: Vec::new(),
            }
        })
        .collect();

    let mut rng = Rng(2019);
    let mut shown = Vec::new();
    for round in 0..POINTS {
        for (i, l) in laptops.iter_mut().enumerate() {
            let topic = l.sessions[round % l.sessions.len()];
            l.journal.push(
                topic,
                Change::AddAction {
                    text: format!("scribe {i} point {round}"),
                    owner: Some(format!("Owner {}", round % 7)),
                    due: None,
                },
            );
            if round % 10 == 0 {
                l.journal.push(
                    topic,
                    Change::Note {
                        text: format!("note from scribe {i}, round {round}"),
                    },
                );
            }
            if round == 20 {
                // the scribe closes one of its own points
                l.journal.push(
                    topic,
                    Change::Status {
                        action: ActionRef::Scribed(1),
                        was: Status::Open,
                        now: Status::Done,
                    },
                );
            }
            if i == 0 && round == 30 {
                l.journal.push(
                    placed[0],
                    Change::Status {
                        action: ActionRef::Board(disputed),
                        was: Status::Open,
                        now: Status::Done,
                    },
                );
            }
            write(l);
        }
        // the facilitator works the grid meanwhile
        match round {
            5 => {
                board.change("swap", |e| e.swap(placed[1], placed[2]));
            }
            12 => {
                board.change("votes", |e| e.set_votes(placed[3], 12));
            }
            25 => {
                // a merge: entries for the merged session follow it
                board.change("merge", |e| e.merge(placed[2], placed[3]));
            }
            28 => {
                board.change("status", |e| e.set_action_status(disputed, Status::Dropped));
            }
            _ => {}
        }
        // the sync: now and then, some laptops, in any order, sometimes an
        // old version after a new one, sometimes cut half-way
        if round % 3 == 2 {
            for _ in 0..4 {
                let l = &laptops[rng.below(SCRIBES)];
                let last = l.versions.len() - 1;
                let version = if rng.below(4) == 0 {
                    rng.below(last + 1)
                } else {
                    last
                };
                deliver(&edition_path, l, version, rng.below(5) == 0);
            }
            shown.extend(take(&mut board, &edition_path));
            // the same files read again change nothing
            let before = board.edition.clone();
            shown.extend(take(&mut board, &edition_path));
            assert_eq!(
                board.edition, before,
                "a journal read twice changed the edition again"
            );
        }
    }
    // the last copies arrive, in reverse order, the conflict seen this time
    for l in laptops.iter().rev() {
        deliver(&edition_path, l, l.versions.len() - 1, false);
    }
    let read: Vec<Journal> = storage::read_journals(&edition_path, |_, _| false)
        .into_iter()
        .map(|f| f.journal.expect("every journal reads once whole"))
        .collect();
    assert_eq!(read.len(), SCRIBES);
    shown.extend(take(&mut board, &edition_path));
    shown.extend(take(&mut board, &edition_path));

    // every action point and note exactly once
    let e = &board.edition;
    for i in 0..SCRIBES {
        for round in 0..POINTS {
            let text = format!("scribe {i} point {round}");
            let n = e
                .topics
                .iter()
                .flat_map(|t| t.actions.iter())
                .filter(|a| a.text == text)
                .count();
            assert_eq!(n, 1, "{text:?} is on the board {n} times");
            if round % 10 == 0 {
                let note = format!("note from scribe {i}, round {round}");
                let n: usize = e
                    .topics
                    .iter()
                    .map(|t| t.notes.matches(&note).count())
                    .sum();
                assert_eq!(n, 1, "{note:?} is in the notes {n} times");
            }
        }
        // each scribe's first point was closed by its scribe
        let first = format!("scribe {i} point 0");
        let status = e
            .topics
            .iter()
            .flat_map(|t| t.actions.iter())
            .find(|a| a.text == first)
            .map(|a| a.status);
        assert_eq!(status, Some(Status::Done), "{first}");
    }
    // the status both changed: the board's stands, and both are shown
    assert_eq!(
        e.action(disputed).map(|(_, a)| a.status),
        Some(Status::Dropped)
    );
    assert_eq!(
        shown,
        vec![("dropped".to_string(), "done".to_string())],
        "the one conflict, shown once with both values"
    );

    // what was merged survives a save and a restart: nothing comes twice
    storage::save(&edition_path, &board.edition).expect("saved");
    let reloaded = storage::load(&edition_path).expect("the saved edition loads");
    assert_eq!(reloaded, board.edition);
    let mut again = Board::new(reloaded.clone(), edition_path.clone());
    again.take_journals(&read);
    assert_eq!(
        again.edition, reloaded,
        "a restart merged the journals again"
    );
}

#[test]
fn the_disputed_status_is_shown_as_a_conflict_with_both_values() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("e.ron");
    let mut edition = shipped();
    let topic = edition
        .topics
        .iter()
        .find(|t| !t.placement.is_parked())
        .map(|t| t.id)
        .expect("a placed session");
    let point = edition
        .add_action(
            topic,
            ActionDraft {
                text: "Write the blog post".into(),
                owner: None,
                due: None,
            },
        )
        .expect("a point");
    storage::create(&path, &edition).expect("written");
    let mut board = Board::new(edition, path.clone());
    board.change("drop", |e| e.set_action_status(point, Status::Dropped));
    let mut j = Journal::new("oak", "the Oak Room scribe", "oak-1".into());
    j.push(
        topic,
        Change::Status {
            action: ActionRef::Board(point),
            was: Status::Open,
            now: Status::Done,
        },
    );
    j.push(
        topic,
        Change::AddAction {
            text: "Send the slides".into(),
            owner: Some("Ada".into()),
            due: None,
        },
    );
    assert!(board.take_journals(std::slice::from_ref(&j)));
    let c = board
        .stack
        .overlays
        .iter()
        .find_map(|o| match o {
            Overlay::Conflicts(c) => Some(c.clone()),
            _ => None,
        })
        .expect("the conflict is open for the facilitator");
    assert_eq!(c.list.len(), 1);
    assert_eq!(
        (c.list[0].ours.as_str(), c.list[0].theirs.as_str()),
        ("dropped", "done")
    );
    assert!(
        c.list[0].what.contains("Oak Room scribe"),
        "{}",
        c.list[0].what
    );
    // the rest of the journal was taken, and said
    let toast = board
        .stack
        .toast
        .as_ref()
        .map(|t| t.text.clone())
        .unwrap_or_default();
    assert!(
        toast.contains("1 action point from the Oak Room scribe"),
        "{toast}"
    );
    // taking the scribe's value settles it the scribe's way
    openspace::model::sync::take_theirs(&mut board.edition, &c.theirs, &c.list[0].point);
    assert_eq!(
        board.edition.action(point).map(|(_, a)| a.status),
        Some(Status::Done)
    );

    // undo takes the journal's entries out, and they are not merged again
    let mut app = common::board_app(shipped(), (100, 30));
    let before = common::board(&app).edition.topics.clone();
    app.board_mut()
        .expect("a board")
        .take_journals(std::slice::from_ref(&j));
    assert_ne!(common::board(&app).edition.topics, before);
    common::press(&mut app, "<Esc>");
    common::press(&mut app, "u");
    assert_eq!(
        common::board(&app).edition.topics,
        before,
        "undo took the entries out"
    );
    let b = app.board_mut().expect("a board");
    // and the points it took out are no one's: an id given again later is
    // never taken for one of the journal's
    assert!(
        b.edition
            .scribes
            .values()
            .all(|m| m.actions.values().all(|id| b.edition.action(*id).is_some())),
        "{:?}",
        b.edition.scribes
    );
    assert!(
        !b.take_journals(std::slice::from_ref(&j)),
        "an undone journal came back"
    );
    assert_eq!(b.edition.topics, before);
}
