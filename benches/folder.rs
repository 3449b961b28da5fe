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

fn list(dir: &Path) -> usize {
    let mut out = Vec::new();
    openspace::commands::list(dir, &mut out).expect("a listing");
    black_box(out.len())
}

fn search(dir: &Path) -> usize {
    let mut out = Vec::new();
    let _ = openspace::commands::search(dir, "platform on call", &mut out);
    black_box(out.len())
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
    let text = std::fs::read_to_string(&one).expect("text");
    let start = Instant::now();
    for _ in 0..10 {
        black_box(ron::from_str::<Edition>(&text).ok());
    }
    println!("  of which parsing: {:?}", start.elapsed() / 10);
    let start = Instant::now();
    for _ in 0..10 {
        black_box(big.validate());
    }
    println!("  of which validating: {:?}", start.elapsed() / 10);
    let folders: Vec<(usize, PathBuf)> = [1, 20, 200].map(|n| (n, folder(&big, n))).into();
    for (n, dir) in &folders {
        let start = Instant::now();
        list(dir);
        let listed = start.elapsed();
        let start = Instant::now();
        search(dir);
        println!(
            "{n:>3} editions: list {listed:?}, search {:?}",
            start.elapsed()
        );
    }
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    let mut group = c.benchmark_group("folder");
    for (n, dir) in &folders {
        group.bench_with_input(BenchmarkId::new("list", n), dir, |b, d| b.iter(|| list(d)));
        group.bench_with_input(BenchmarkId::new("search", n), dir, |b, d| {
            b.iter(|| search(d))
        });
    }
    group.finish();
    c.final_summary();
}
