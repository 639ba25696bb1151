//! `cargo bench --bench speed`: the speed issue's groups, in-process, with
//! criterion's statistics.
//!
//! - `probe_overhead`: call-heavy recursion, a tight integer loop,
//!   attribute-heavy method calls and allocation-heavy churn, each run by
//!   the library with probes compiled out (`sonde-noprobes`: the same
//!   sources built again with the `probes` feature off) and compiled in but
//!   idle (`sonde`), side by side in one run; the ratio is printed after
//!   the group.
//! - `interpreter`: every workload of benches/programs/ (the same files
//!   benches/compare.py runs against CPython).
//! - `compile`: parsing and compiling a large generated source file.
//!
//! Each iteration makes a fresh interpreter and runs a whole program, with
//! its output captured; names filter as usual (`cargo bench --bench speed
//! -- interpreter/fib`).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/programs")
}

fn run_with_probes(source: &str, name: &str) {
    let i = sonde::Interpreter::new();
    let _out = i.capture_output();
    i.run_source(source, name).expect("workload failed");
}

fn run_without_probes(source: &str, name: &str) {
    let i = sonde_noprobes::Interpreter::new();
    let _out = i.capture_output();
    i.run_source(source, name).expect("workload failed");
}

fn read(name: &str) -> String {
    std::fs::read_to_string(programs_dir().join(name)).unwrap()
}

/// Mean time of `f` over a few runs, for the ratio line (criterion's own
/// estimates are in its report above it).
fn mean_secs(f: &dyn Fn(), runs: u32) -> f64 {
    let t = Instant::now();
    for _ in 0..runs {
        f();
    }
    t.elapsed().as_secs_f64() / runs as f64
}

/// Whether the command line's name filter (if any) selects `group`.
fn group_selected(group: &str) -> bool {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    filter.is_none_or(|f| group.contains(&f) || f.starts_with(group))
}

fn probe_overhead(c: &mut Criterion) {
    let workloads = [
        ("call-heavy", "fib.py"),
        ("loop-heavy", "loops.py"),
        ("method-calls", "oop.py"),
        ("allocation-heavy", "alloc_churn.py"),
    ];
    let mut g = c.benchmark_group("probe_overhead");
    g.sample_size(10).warm_up_time(Duration::from_millis(500));
    let mut ratios = Vec::new();
    for (label, file) in workloads {
        let src = read(file);
        g.bench_with_input(BenchmarkId::new("compiled_out", label), &src, |b, s| {
            b.iter(|| run_without_probes(s, file))
        });
        g.bench_with_input(BenchmarkId::new("compiled_in_idle", label), &src, |b, s| {
            b.iter(|| run_with_probes(s, file))
        });
        if !group_selected("probe_overhead") {
            continue;
        }
        // Interleaved, so that machine noise hits both variants alike.
        let (mut out, mut idle) = (0.0, 0.0);
        for _ in 0..3 {
            out += mean_secs(&|| run_without_probes(&src, file), 1);
            idle += mean_secs(&|| run_with_probes(&src, file), 1);
        }
        ratios.push((label, idle / out));
    }
    g.finish();
    if ratios.is_empty() {
        return;
    }
    println!("probe_overhead: idle / compiled out (wall time; callgrind counts: cargo bench --bench probes)");
    for (label, r) in ratios {
        println!("  {label:<18} {r:.3}x");
    }
}

fn interpreter(c: &mut Criterion) {
    let mut g = c.benchmark_group("interpreter");
    g.sample_size(10).warm_up_time(Duration::from_millis(300));
    let mut files: Vec<String> = std::fs::read_dir(programs_dir())
        .unwrap()
        .filter_map(|e| {
            let n = e.unwrap().file_name().to_string_lossy().into_owned();
            n.ends_with(".py").then_some(n)
        })
        .collect();
    files.sort();
    for file in files {
        let src = read(&file);
        g.bench_with_input(BenchmarkId::from_parameter(file.trim_end_matches(".py")), &src, |b, s| {
            b.iter(|| run_with_probes(s, &file))
        });
    }
    g.finish();
}

/// A large module: many functions and classes with loops, comprehensions,
/// try blocks, f-strings and nested functions.
fn generated_source(units: usize) -> String {
    let mut s = String::new();
    for i in 0..units {
        s.push_str(&format!(
            "def f{i}(a, b=1, *args, **kw):\n    total = 0\n    for x in range(a):\n        if x % 3 == {m}:\n            total += x * b\n        elif x > 10:\n            continue\n    try:\n        v = [y * 2 for y in args if y]\n    except (ValueError, KeyError) as e:\n        v = str(e)\n    def inner(z):\n        return total + z + {i}\n    return f\"{{inner(1)}}-{{len(v)}}\", kw.get('k', {i})\n\n\nclass C{i}:\n    attr = {i}\n\n    def method(self, q):\n        return {{k: q for k in range(self.attr % 7)}}\n\n\n",
            m = i % 3
        ));
    }
    s
}

fn compile(c: &mut Criterion) {
    let src = generated_source(500);
    let lines = src.lines().count();
    let mut g = c.benchmark_group("compile");
    g.sample_size(20);
    g.bench_function(BenchmarkId::new("generated", format!("{lines}_lines")), |b| {
        b.iter(|| {
            sonde::compile::compile(
                &src,
                "<generated>",
                sonde::compile::Mode::Exec,
                &sonde::compile::Options {
                    optimize: false,
                    keep_source: true,
                },
            )
            .expect("compiles")
        })
    });
    g.finish();
}

criterion_group!(benches, probe_overhead, interpreter, compile);
criterion_main!(benches);
