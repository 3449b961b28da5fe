//! How fast the board answers a key press and redraws, on a big event.
//!
//! The big edition: 3 days of 8 slots (7 session slots and a lunch break a
//! day) × 40 spaces, so 840 session cells; 1,000 topics, 840 of them placed
//! (every cell full) and 160 parked; 5,000 action points spread unevenly over
//! the topics. It is built with the model API, from a fixed seed.
//!
//! Groups:
//! - `key+redraw`: one key press through `App::handle`, then a whole draw
//!   into ratatui's `TestBackend`, as the real loop does. `move` cycles
//!   l, j, h, k (the cursor comes back where it started); `vote` alternates
//!   `+` and `-` (each records an undo snapshot and rebuilds the index).
//! - `key`: the same key presses without drawing.
//! - `key+redraw` draws with the memo the real loop keeps between frames
//!   (`ui::render_with`); `redraw` draws every part directly (`ui::render`):
//!   what a frame costs when nothing was kept.
//! - `redraw`: drawing alone, for 50, 1,000 and 10,000 topics (the last is
//!   the big edition with 9,000 more topics in the parking lot), to show
//!   that drawing costs the same however many topics are off screen.
//!
//! `OPENSPACE_BENCH_WRITE=/some/dir/big.ron cargo bench --bench board`
//! writes the big edition to that file instead of benchmarking, so the real
//! app can be opened on it (see docs/performance.md).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use jiff::civil::{date, time};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use openspace::app::board::Board;
use openspace::app::{App, Screen};
use openspace::model::{Edition, SlotKind};
use openspace::ui::theme::Theme;

const SIZES: [(u16, u16); 2] = [(240, 67), (80, 24)];

mod big;
use big::*;

fn app(e: &Edition, (w, h): (u16, u16)) -> App {
    let board = Board::new(e.clone(), PathBuf::from("bench.ron"));
    App::new(Screen::Board(Box::new(board)), (w, h), date(2026, 5, 12))
}

fn terminal((w, h): (u16, u16)) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(w, h)).unwrap()
}

fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn size_label((w, h): (u16, u16)) -> String {
    format!("{w}x{h}")
}

struct Editions {
    small: Edition,
    big: Edition,
    huge: Edition,
}

fn editions() -> Editions {
    let big = edition(BIG_TOPICS, BIG_ACTIONS);
    Editions {
        small: edition(SMALL_TOPICS, SMALL_TOPICS * BIG_ACTIONS / BIG_TOPICS),
        huge: huge(&big),
        big,
    }
}

/// The keys a benchmark cycles through; the state comes back after a cycle.
const MOVE: [char; 4] = ['l', 'j', 'h', 'k'];
const VOTE: [char; 2] = ['+', '-'];

/// Stops the run if the keys no longer do what the benchmark claims to
/// measure: the first key must change the cursor or the edition, and a
/// whole cycle must bring the cursor back.
fn check_keys(app: &mut App, keys: &[Event], what: &str) {
    let state = |app: &App| {
        app.board()
            .map(|b| (b.stack.grid.cursor, b.save.generation))
    };
    let start = state(app);
    app.handle(&keys[0]);
    assert_ne!(state(app), start, "{what}: the first key changed nothing");
    for k in &keys[1..] {
        app.handle(k);
    }
    let cursor = |s: Option<(_, u64)>| s.map(|(c, _)| c);
    assert_eq!(
        cursor(state(app)),
        cursor(start),
        "{what}: the keys do not bring the cursor back"
    );
}

fn key_and_redraw(c: &mut Criterion, eds: &Editions) {
    let theme = Theme::projector_light();
    let mut group = c.benchmark_group("key+redraw");
    for (name, e) in [("small", &eds.small), ("big", &eds.big)] {
        for size in SIZES {
            for (what, keys) in [("move", &MOVE[..]), ("vote", &VOTE[..])] {
                let mut app = app(e, size);
                let mut term = terminal(size);
                // the memo the real loop keeps between frames
                let mut memo = openspace::ui::Memo::default();
                term.draw(|f| openspace::ui::render_with(&app, &theme, &mut memo, f))
                    .unwrap();
                let keys: Vec<Event> = keys.iter().map(|&k| key(k)).collect();
                check_keys(&mut app, &keys, what);
                let mut next = keys.iter().cycle();
                let id = BenchmarkId::new(format!("{what} {name}"), size_label(size));
                group.bench_function(id, |b| {
                    b.iter(|| {
                        let event = next.next().unwrap();
                        black_box(app.handle(event));
                        term.draw(|f| openspace::ui::render_with(&app, &theme, &mut memo, f))
                            .unwrap();
                    })
                });
            }
        }
    }
    group.finish();
}

fn key_only(c: &mut Criterion, eds: &Editions) {
    let mut group = c.benchmark_group("key");
    let size = SIZES[0];
    for (what, keys) in [("move", &MOVE[..]), ("vote", &VOTE[..])] {
        let mut app = app(&eds.big, size);
        let keys: Vec<Event> = keys.iter().map(|&k| key(k)).collect();
        check_keys(&mut app, &keys, what);
        let mut next = keys.iter().cycle();
        let id = BenchmarkId::new(format!("{what} big"), size_label(size));
        group.bench_function(id, |b| {
            b.iter(|| black_box(app.handle(next.next().unwrap())))
        });
    }
    group.finish();
}

fn redraw(c: &mut Criterion, eds: &Editions) {
    let theme = Theme::projector_light();
    let mut group = c.benchmark_group("redraw");
    for size in SIZES {
        for (name, e) in [
            ("small-50", &eds.small),
            ("big-1000", &eds.big),
            ("huge-10000", &eds.huge),
        ] {
            let app = app(e, size);
            let mut term = terminal(size);
            let id = BenchmarkId::new(name, size_label(size));
            group.bench_function(id, |b| {
                b.iter(|| {
                    term.draw(|f| openspace::ui::render(&app, &theme, f))
                        .unwrap();
                })
            });
        }
    }
    group.finish();
}

/// A broken file of many problems (duplicate topic ids): every problem is
/// placed in one pass over the text, so the cost follows the file's size.
fn locate(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    for n in [1_000usize, 10_000] {
        let topics: Vec<String> = (0..n)
            .map(|i| format!("    (id: {}, title: \"Topic {i}\"),", i / 2 + 1))
            .collect();
        let text = format!(
            "(\n  version: 1,\n  name: \"Dup\",\n  days: [\"2026-05-14\"],\n  topics: [\n{}\n  ],\n)\n",
            topics.join("\n")
        );
        group.bench_function(BenchmarkId::new("duplicate ids", n), |b| {
            b.iter(|| black_box(openspace::storage::from_ron(&text).err().map(|p| p.len())))
        });
    }
    group.finish();
}

/// Filling the grid: 100 parked topics into 10 spaces × 8 slots, and the
/// big event with its parking lot.
fn fill(c: &mut Criterion, big: &Edition) {
    let mut group = c.benchmark_group("fill");
    let day = date(2026, 5, 12);
    let mut small = Edition::new("Fill", day);
    for i in 0..10u32 {
        small
            .add_space(&format!("Room {i}"), Some(8 + 4 * i))
            .unwrap();
    }
    for h in 0..8i8 {
        small
            .add_slot(
                day,
                time(9 + h, 0, 0, 0),
                time(9 + h, 50, 0, 0),
                SlotKind::Session,
            )
            .unwrap();
    }
    for i in 0..100u32 {
        let id = small
            .add_topic(openspace::model::TopicDraft {
                title: format!("Topic {i}"),
                conveners: vec![format!("Person {}", i % 37)],
                ..Default::default()
            })
            .unwrap();
        small.set_votes(id, (i * 7919) % 50).unwrap();
    }
    group.bench_function("100 topics, 10 spaces × 8 slots", |b| {
        b.iter(|| black_box(openspace::model::fill::plan(&small, false).moves.len()))
    });
    group.bench_function("the big event, re-fitting", |b| {
        b.iter(|| black_box(openspace::model::fill::plan(big, true).moves.len()))
    });
    group.finish();
}

/// The warnings of the big event, as checked after every change.
fn warn(c: &mut Criterion, big: &Edition) {
    use openspace::model::warnings::{Rule, warnings};
    let mut group = c.benchmark_group("warnings");
    group.bench_function("all, big", |b| {
        b.iter(|| black_box(warnings(big, &[]).len()))
    });
    for rule in Rule::ALL {
        let off: Vec<Rule> = Rule::ALL.into_iter().filter(|r| *r != rule).collect();
        group.bench_function(rule.name(), |b| {
            b.iter(|| black_box(warnings(big, &off).len()))
        });
    }
    group.finish();
}

/// What Enter on the capture line asks of the earlier editions: whether
/// the new title came up before, with 20 big editions in the folder —
/// comparing every title again, and with the index made when they arrived.
fn recurring(c: &mut Criterion, big: &Edition) {
    use openspace::history::Known;
    use openspace::history::recurring::{EchoIndex, echoes};
    let known: Vec<Known> = (0..20)
        .map(|i| Known {
            file: format!("edition-{i}"),
            edition: big.clone(),
        })
        .collect();
    let index = EchoIndex::build(&known);
    let title = "Lessons from running the platform on call";
    let mut group = c.benchmark_group("recurring topics, 20 big editions");
    group.bench_function("every title compared again", |b| {
        b.iter(|| black_box(echoes(title, &known, "this").len()))
    });
    group.bench_function("the index", |b| {
        b.iter(|| black_box(index.echoes(title, &known, "this").len()))
    });
    group.finish();
}

/// The rows of the action plan (A) of the big event, as a key there builds them.
fn plan(c: &mut Criterion, big: &Edition) {
    use openspace::app::layers::plan::{Grouping, StatusFilter, plan_rows};
    let today = date(2026, 6, 1);
    let mut group = c.benchmark_group("action plan rows, big");
    for grouping in [Grouping::Session, Grouping::Owner] {
        group.bench_function(format!("{grouping:?}"), |b| {
            b.iter(|| black_box(plan_rows(big, grouping, StatusFilter::All, None, today).len()))
        });
    }
    group.finish();
}

fn baseline(c: &mut Criterion) {
    let mut group = c.benchmark_group("baseline: minimal ratatui, every cell");
    for size in SIZES {
        let mut term = terminal(size);
        let mut n = 0;
        group.bench_function(size_label(size), |b| {
            b.iter(|| baseline_frame(&mut term, &mut n))
        });
    }
    group.finish();
}

/// Prints how a key and its frame compare with the baseline at 240×67, on
/// the big event: a quick side-by-side run (wall time, so a rough figure;
/// criterion's groups above are the careful ones).
fn print_ratios(eds: &Editions) {
    let size = SIZES[0];
    let rounds = 300;
    let mut term = terminal(size);
    let mut n = 0;
    let start = std::time::Instant::now();
    for _ in 0..rounds {
        baseline_frame(&mut term, &mut n);
    }
    let base = start.elapsed().as_secs_f64();
    let theme = Theme::projector_light();
    for (what, keys) in [("move", &MOVE[..]), ("vote", &VOTE[..])] {
        let mut app = app(&eds.big, size);
        let mut term = terminal(size);
        let mut memo = openspace::ui::Memo::default();
        let keys: Vec<Event> = keys.iter().map(|&k| key(k)).collect();
        let start = std::time::Instant::now();
        for event in keys.iter().cycle().take(rounds) {
            black_box(app.handle(event));
            term.draw(|f| openspace::ui::render_with(&app, &theme, &mut memo, f))
                .unwrap();
        }
        let took = start.elapsed().as_secs_f64();
        println!(
            "ratio to the baseline, {what} on the big event at {}: {:.2}×",
            size_label(size),
            took / base.max(f64::EPSILON)
        );
    }
}

/// Ten scribes' journals of 100 entries each (action points, notes, a
/// status change now and then) merged into the big event, as the board
/// does when they arrive; and the same journals read again (nothing new).
fn journals(c: &mut Criterion, big: &Edition) {
    use openspace::model::journal::{ActionRef, Change, Journal, merge};
    let placed: Vec<_> = big
        .topics
        .iter()
        .filter(|t| !t.placement.is_parked())
        .map(|t| t.id)
        .collect();
    let journals: Vec<Journal> = (0..10)
        .map(|i| {
            let mut j = Journal::new(&format!("laptop-{i}"), "", format!("j{i}"));
            for n in 0..100 {
                let topic = placed[(i * 37 + n) % placed.len()];
                let change = match n % 10 {
                    0 => Change::Note {
                        text: format!("What room {i} said, part {n}"),
                    },
                    9 => Change::Status {
                        action: ActionRef::Scribed(n as u64 - 1),
                        was: openspace::model::Status::Open,
                        now: openspace::model::Status::Done,
                    },
                    _ => Change::AddAction {
                        text: format!("Point {n} of room {i}"),
                        owner: Some("Ada".into()),
                        due: None,
                    },
                };
                j.push(topic, change);
            }
            j
        })
        .collect();
    let mut group = c.benchmark_group("scribes' journals, big");
    group.bench_function("merge 10 journals of 100 entries", |b| {
        b.iter_batched_ref(
            || big.clone(),
            |e| black_box(merge(e, &journals).by.len()),
            criterion::BatchSize::LargeInput,
        )
    });
    let mut merged = big.clone();
    merge(&mut merged, &journals);
    group.bench_function("the same journals read again", |b| {
        b.iter_batched_ref(
            || merged.clone(),
            |e| black_box(merge(e, &journals).by.len()),
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let eds = editions();
    journals(c, &eds.big);
    baseline(c);
    print_ratios(&eds);
    plan(c, &edition(BIG_TOPICS, BIG_ACTIONS));
    recurring(c, &edition(BIG_TOPICS, BIG_ACTIONS));
    warn(c, &edition(BIG_TOPICS, BIG_ACTIONS));
    fill(c, &edition(BIG_TOPICS, BIG_ACTIONS));
    key_and_redraw(c, &eds);
    key_only(c, &eds);
    redraw(c, &eds);
    locate(c);
}

criterion_group! {
    name = board;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = benches
}

fn main() {
    if let Some(path) = std::env::var_os("OPENSPACE_BENCH_WRITE") {
        let path = PathBuf::from(path);
        let e = edition(BIG_TOPICS, BIG_ACTIONS);
        if let Err(err) = openspace::storage::create(&path, &e) {
            eprintln!("{err}");
            std::process::exit(1);
        }
        println!("wrote {}", path.display());
        return;
    }
    board();
    Criterion::default().configure_from_args().final_summary();
}
