//! The folder's paths: `list` and `search` over 1, 20 and 200 big
//! editions, the board's start up to its first frame with 20 big editions
//! beside it, and a save of the big event. The editions are written once
//! into a folder under the system's temporary folder and kept for the
//! next run (`OPENSPACE_BENCH_FOLDER` names another place).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion};

use openspace::model::Edition;

mod big;

/// A folder of `n` big editions, written unless it is there already.
fn folder(big: &Edition, n: usize) -> PathBuf {
    let root = std::env::var_os("OPENSPACE_BENCH_FOLDER")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("openspace-bench-folders"));
    let dir = root.join(format!("{n}-big"));
    let ready = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0) == n;
    if !ready {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a folder for the benchmark");
        for i in 0..n {
            let mut e = big.clone();
            e.name = format!("Tech Leaders’ Meeting {}", 2000 + i);
            openspace::storage::save(&dir.join(format!("tlm-{:03}.ron", 2000 + i)), &e)
                .expect("an edition written");
        }
    }
    dir
}

/// `openspace list`: the summaries, read (no cache) or kept (a cache
/// that holds them all).
fn list(dir: &Path, cache: Option<&Path>) -> usize {
    let listed = openspace::storage::summaries_cached(dir, cache).expect("a listing");
    black_box(listed.len())
}

/// `openspace search`, for a query no edition holds and for one they all do.
fn search(dir: &Path, query: &str) -> usize {
    let mut out = Vec::new();
    let _ = openspace::commands::search(dir, query, &mut out);
    black_box(out.len())
}

const NOWHERE: &str = "platform on call";
const EVERYWHERE: &str = "contract testing";

fn timed(f: impl FnOnce() -> usize) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn main() {
    let big = big::edition(big::BIG_TOPICS, big::BIG_ACTIONS);
    let one = std::env::temp_dir().join("openspace-bench-one.ron");
    openspace::storage::save(&one, &big).expect("the big edition written");
    let start = Instant::now();
    for _ in 0..10 {
        black_box(openspace::storage::load(&one).expect("it loads"));
    }
    println!("load one big edition: {:?}", start.elapsed() / 10);
    let folders: Vec<(usize, PathBuf, PathBuf)> = [1, 20, 200]
        .map(|n| {
            let dir = folder(&big, n);
            let cache = dir.with_extension("cache.ron");
            (n, dir, cache)
        })
        .into();
    for (n, dir, cache) in &folders {
        let read = timed(|| list(dir, None));
        list(dir, Some(cache));
        let kept = timed(|| list(dir, Some(cache)));
        let nowhere = timed(|| search(dir, NOWHERE));
        let everywhere = timed(|| search(dir, EVERYWHERE));
        println!(
            "{n:>3} editions: list {read:?} (kept: {kept:?}), \
             search {nowhere:?} (matched in every edition: {everywhere:?})"
        );
    }
    // the board's start: the open file read, the board made and the first
    // frame drawn and encoded; the other editions are read after it, off
    // the UI task, and are not waited for
    let twenty = &folders[1].1;
    let open = twenty.join("tlm-2000.ron");
    let start_up = || {
        let today = jiff::civil::date(2026, 5, 12);
        let (board, lock) = openspace::run::open_edition(&open, today).expect("it opens");
        let mut app = openspace::app::App::new(
            openspace::app::Screen::Board(Box::new(board)),
            (240, 67),
            today,
        );
        app.set_now(today.at(10, 20, 0, 0));
        let mut term = big::counting_terminal(240, 67);
        let theme = openspace::ui::theme::Theme::projector_light();
        let mut memo = openspace::ui::Memo::default();
        term.draw(|f| openspace::ui::render_with(&app, &theme, &mut memo, f))
            .expect("a frame");
        drop(lock);
        black_box(app.mode());
        1
    };
    println!(
        "start-up to the first frame, 20 big editions beside: {:?}",
        timed(start_up)
    );
    // a save of the big event: the whole file, once (the backup is taken
    // once a run, before its first save)
    let saved = std::env::temp_dir().join("openspace-bench-save.ron");
    let save = || {
        openspace::storage::save(&saved, &big).expect("a save");
        1
    };
    let took = timed(save);
    let bytes = std::fs::metadata(&saved).map_or(0, |m| m.len());
    println!("a save of the big event: {took:?}, {bytes} bytes written");
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    let mut group = c.benchmark_group("folder");
    for (n, dir, cache) in &folders {
        group.bench_with_input(BenchmarkId::new("list, read", n), dir, |b, d| {
            b.iter(|| list(d, None))
        });
        group.bench_with_input(BenchmarkId::new("list, kept", n), dir, |b, d| {
            b.iter(|| list(d, Some(cache)))
        });
        group.bench_with_input(BenchmarkId::new("search, nowhere", n), dir, |b, d| {
            b.iter(|| search(d, NOWHERE))
        });
        group.bench_with_input(BenchmarkId::new("search, everywhere", n), dir, |b, d| {
            b.iter(|| search(d, EVERYWHERE))
        });
    }
    group.bench_function("start-up to the first frame, 20 big editions", |b| {
        b.iter(start_up)
    });
    group.bench_function("save, big event", |b| b.iter(save));
    group.bench_function("save, big event, the text only", |b| {
        b.iter(|| black_box(openspace::storage::to_ron(&big).expect("text").len()))
    });
    group.finish();
    c.final_summary();
}
