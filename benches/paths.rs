//! Every path of a key to the terminal, on the big event at 240×67: the key
//! (or clock tick) handled, the frame drawn the way the real loop draws it
//! (with the memo it keeps between frames) and encoded for the terminal by
//! crossterm, into a writer that counts the bytes. The baseline is a
//! minimal ratatui program that fills every cell of the same screen with
//! new text each frame, encoded the same way; every run prints each path's
//! ratio to it.
//!
//! `cargo bench --bench paths -- --count 'cursor move' 200` runs only that
//! path, 200 times, for an instruction count that leaves out the set-up
//! (see docs/performance.md: callgrind collects only inside `measured`).

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use criterion::Criterion;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use jiff::civil::date;
use ratatui::Terminal;
use ratatui::prelude::CrosstermBackend;

use openspace::app::board::Board;
use openspace::app::{App, Screen};
use openspace::history::Known;
use openspace::model::Edition;
use openspace::ui::{self, Memo, theme::Theme};

mod big;
use big::{Bytes, baseline_frame};

const SIZE: (u16, u16) = (240, 67);

type Term = Terminal<CrosstermBackend<Bytes>>;

fn terminal() -> Term {
    terminal_counting(Bytes::default())
}

fn terminal_counting(bytes: Bytes) -> Term {
    big::terminal_counting(bytes, SIZE.0, SIZE.1)
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ch(c: char) -> Event {
    key(KeyCode::Char(c))
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        app.handle(&ch(c));
    }
}

/// Something done to the app at step `n`.
type Work = Box<dyn FnMut(&mut App, u64)>;

/// One path: the app in the state the path starts from, what is done
/// before each measured step (not measured), and the step itself.
struct Path {
    name: String,
    app: App,
    term: Term,
    sent: Bytes,
    memo: Memo,
    theme: Theme,
    prepare: Work,
    step: Work,
    n: u64,
}

impl Path {
    fn new(
        app: App,
        prepare: impl FnMut(&mut App, u64) + 'static,
        step: impl FnMut(&mut App, u64) + 'static,
    ) -> Path {
        let sent = Bytes::default();
        let mut path = Path {
            name: String::new(),
            app,
            term: terminal_counting(sent.clone()),
            sent,
            memo: Memo::default(),
            theme: Theme::projector_light(),
            prepare: Box::new(prepare),
            step: Box::new(step),
            n: 0,
        };
        path.frame();
        path
    }

    fn frame(&mut self) {
        let (app, theme, memo) = (&self.app, &self.theme, &mut self.memo);
        self.term
            .draw(|f| ui::render_with(app, theme, memo, f))
            .unwrap();
    }

    /// One measured step: what it costs is in `measured`.
    fn once(&mut self) -> Duration {
        self.n += 1;
        (self.prepare)(&mut self.app, self.n);
        let start = Instant::now();
        measured(self);
        start.elapsed()
    }

    fn bytes(&self) -> usize {
        self.sent.0.get()
    }
}

/// The key or tick and its frame: the only part an instruction count collects.
#[inline(never)]
fn measured(path: &mut Path) {
    (path.step)(&mut path.app, path.n);
    path.frame();
    black_box(&path.term);
}

fn board_app(e: &Edition) -> App {
    let board = Board::new(e.clone(), PathBuf::from("bench.ron"));
    let mut app = App::new(Screen::Board(Box::new(board)), SIZE, date(2026, 5, 12));
    // the clock inside the first day, at its second session
    app.set_now(date(2026, 5, 12).at(10, 20, 0, 0));
    app
}

fn with_folder(e: &Edition, earlier: &[Known]) -> App {
    let mut app = board_app(e);
    if let Some(b) = app.board_mut() {
        b.take_earlier(earlier.to_vec());
    }
    app
}

/// Keys pressed in turn, one per step.
fn cycle(keys: Vec<Event>) -> impl FnMut(&mut App, u64) {
    move |app, n| {
        let k = &keys[(n as usize - 1) % keys.len()];
        black_box(app.handle(k));
    }
}

fn nothing(_: &mut App, _: u64) {}

/// The clock a second on, and the tick the loop gives the board.
fn tick(app: &mut App, _: u64) {
    if let Some(now) = app.board().map(|b| b.now)
        && let Ok(later) = now.checked_add(jiff::SignedDuration::from_secs(1))
    {
        app.set_now(later);
    }
    if let Some(b) = app.board_mut() {
        black_box(b.tick());
    }
}

/// The paths whose names `wanted` takes, each built only then (an
/// instruction count builds one).
fn paths(big: &Edition, wanted: impl Fn(&str) -> bool) -> Vec<Path> {
    let earlier = || -> Vec<Known> {
        (0..20)
            .map(|i| Known {
                file: format!("edition-{i:02}"),
                edition: big.clone(),
            })
            .collect()
    };
    let title = "Lessons from running the platform on call";
    type Build<'a> = Box<dyn Fn() -> Path + 'a>;
    let builders: Vec<(&str, Build)> = vec![
        (
            "cursor move",
            Box::new(|| {
                Path::new(
                    board_app(big),
                    nothing,
                    cycle("ljhk".chars().map(ch).collect()),
                )
            }),
        ),
        (
            "card move",
            Box::new(|| {
                Path::new(
                    board_app(big),
                    nothing,
                    cycle(vec![ch('m'), ch('l'), key(KeyCode::Enter), ch('h')]),
                )
            }),
        ),
        (
            "vote",
            Box::new(|| Path::new(board_app(big), nothing, cycle(vec![ch('+'), ch('-')]))),
        ),
        (
            "typed character",
            Box::new(|| {
                let mut app = board_app(big);
                press(&mut app, "a");
                Path::new(app, nothing, cycle(vec![ch('x'), key(KeyCode::Backspace)]))
            }),
        ),
        (
            "Enter on the capture line, 20 big editions",
            Box::new(|| {
                // a title typed (not measured), then Enter; the board starts
                // again every 100 topics so that the parking lot stays the same
                let (fresh, known) = (big.clone(), earlier());
                let mut app = with_folder(big, &known);
                press(&mut app, "a");
                Path::new(
                    app,
                    move |app, n| {
                        if n % 100 == 0 {
                            *app = with_folder(&fresh, &known);
                            press(app, "a");
                        }
                        press(app, title);
                    },
                    |app, _| {
                        black_box(app.handle(&key(KeyCode::Enter)));
                    },
                )
            }),
        ),
        (
            "key in the action plan",
            Box::new(|| {
                let mut app = board_app(big);
                press(&mut app, "A");
                Path::new(app, nothing, cycle(vec![ch('j'), ch('k')]))
            }),
        ),
        (
            "key in dot voting",
            Box::new(|| {
                let mut app = board_app(big);
                press(&mut app, "V");
                Path::new(
                    app,
                    nothing,
                    cycle(vec![ch('+'), ch('j'), ch('-'), ch('k')]),
                )
            }),
        ),
        (
            "key in search results",
            Box::new(|| {
                let mut app = with_folder(big, &earlier());
                press(&mut app, "/platform");
                app.handle(&key(KeyCode::Enter));
                Path::new(app, nothing, cycle(vec![ch('j'), ch('k')]))
            }),
        ),
        (
            "clock tick, board",
            Box::new(|| Path::new(board_app(big), nothing, tick)),
        ),
        (
            "clock tick, present mode",
            Box::new(|| {
                let mut app = board_app(big);
                press(&mut app, "P");
                Path::new(app, nothing, tick)
            }),
        ),
    ];
    builders
        .into_iter()
        .filter(|(name, _)| wanted(name))
        .map(|(name, build)| {
            let mut p = build();
            p.name = name.to_string();
            // set up the way it is measured: one step first
            p.once();
            p
        })
        .collect()
}

fn criterion_paths(c: &mut Criterion, paths: &mut [Path]) {
    let mut group = c.benchmark_group("key to terminal, big event, 240x67");
    let mut term = terminal();
    let mut n = 0;
    group.bench_function("baseline: minimal ratatui, every cell", |b| {
        b.iter(|| baseline_frame(&mut term, &mut n))
    });
    for p in paths.iter_mut() {
        group.bench_function(p.name.clone(), |b| {
            b.iter_custom(|iters| (0..iters).map(|_| p.once()).sum())
        });
    }
    group.finish();
}

/// A quick side-by-side of every path with the baseline (wall time, median
/// of 300 steps each), and the bytes a step sends to the terminal.
fn print_ratios(paths: &mut [Path]) {
    let median = |mut v: Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let mut term = terminal();
    let mut n = 0;
    let base = median(
        (0..300)
            .map(|_| {
                let start = Instant::now();
                baseline_frame(&mut term, &mut n);
                start.elapsed()
            })
            .collect(),
    );
    println!("baseline frame at 240x67: {base:?}");
    for p in paths.iter_mut() {
        let before = p.bytes();
        let took = median((0..300).map(|_| p.once()).collect());
        let bytes = (p.bytes() - before) / 300;
        println!(
            "{:<45} {:>10?} {:>5.2}× the baseline, {bytes} bytes a step",
            p.name,
            took,
            took.as_secs_f64() / base.as_secs_f64().max(f64::EPSILON)
        );
    }
}

/// How each path's cost grows with the event: the big event's topics and
/// action points times 1, 4 and 16 (the grid the same; the topics beyond
/// its cells parked), each path's median beside the 1× one.
fn print_growth() {
    let scales = [1, 4, 16];
    let editions: Vec<Edition> = scales
        .iter()
        .map(|k| big::edition(big::BIG_TOPICS * k, big::BIG_ACTIONS * k))
        .collect();
    let median = |p: &mut Path| {
        let mut v: Vec<Duration> = (0..100).map(|_| p.once()).collect();
        v.sort();
        v[v.len() / 2]
    };
    let mut first: Vec<Duration> = Vec::new();
    println!("{:<45} {:>12} {:>12} {:>12}", "path", "1×", "4×", "16×");
    let names: Vec<String> = paths(&editions[0], |_| true)
        .into_iter()
        .map(|p| p.name)
        .collect();
    for name in &names {
        let mut row = Vec::new();
        for (i, e) in editions.iter().enumerate() {
            let mut built = paths(e, |p| p == name);
            let Some(p) = built.first_mut() else { continue };
            let took = median(p);
            if i == 0 {
                first.push(took);
            }
            row.push(took);
        }
        let base = row
            .first()
            .copied()
            .unwrap_or_default()
            .as_secs_f64()
            .max(f64::EPSILON);
        let cells: Vec<String> = row
            .iter()
            .map(|d| {
                format!(
                    "{:>7.0}µs {:>3.1}×",
                    d.as_secs_f64() * 1e6,
                    d.as_secs_f64() / base
                )
            })
            .collect();
        println!("{name:<45} {}", cells.join(" "));
    }
}

/// A frame of the big board beside one of the small board (50 topics in
/// the same grid): what the loop draws follows what is on screen.
fn print_big_over_small(big: &Edition) {
    let small = big::edition(
        big::SMALL_TOPICS,
        big::SMALL_TOPICS * big::BIG_ACTIONS / big::BIG_TOPICS,
    );
    let median = |p: &mut Path| {
        let mut v: Vec<Duration> = (0..300).map(|_| p.once()).collect();
        v.sort();
        v[v.len() / 2].as_secs_f64()
    };
    for name in ["cursor move", "clock tick, board"] {
        let (mut b, mut s) = (paths(big, |p| p == name), paths(&small, |p| p == name));
        if let (Some(b), Some(s)) = (b.first_mut(), s.first_mut()) {
            let ratio = median(b) / median(s).max(f64::EPSILON);
            println!("{name}: big board ÷ small board {ratio:.2}×");
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let big = big::edition(big::BIG_TOPICS, big::BIG_ACTIONS);
    if let Some(i) = args.iter().position(|a| a == "--count") {
        // `--count NAME N --small`: the same path on the small board
        let big = if args.iter().any(|a| a == "--small") {
            big::edition(
                big::SMALL_TOPICS,
                big::SMALL_TOPICS * big::BIG_ACTIONS / big::BIG_TOPICS,
            )
        } else {
            big
        };
        let name = args.get(i + 1).cloned().unwrap_or_default();
        let times: u64 = args.get(i + 2).and_then(|n| n.parse().ok()).unwrap_or(100);
        let mut paths = paths(&big, |p| p == name);
        let Some(p) = paths.first_mut() else {
            eprintln!("no path named {name:?}");
            std::process::exit(2);
        };
        for _ in 0..times {
            p.once();
        }
        println!("{name}: {times} steps");
        return;
    }
    if args.iter().any(|a| a == "--growth") {
        print_growth();
        return;
    }
    let mut paths = paths(&big, |_| true);
    print_ratios(&mut paths);
    print_big_over_small(&big);
    let mut c = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    criterion_paths(&mut c, &mut paths);
    c.final_summary();
}
