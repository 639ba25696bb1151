//! The cycle collector end to end.
//!
//! - `million_cycles_run_in_bounded_memory`: a program building cycles in a
//!   loop has the same peak RSS at 100,000 and at 1,000,000 cycles; with the
//!   collector disabled the same measurement grows (so it can fail).
//! - `disabled_collector_still_frees_acyclic_objects`: with `gc.disable()`,
//!   objects outside cycles still give their memory back.
//! - `gc_programs_are_clean_under_valgrind`: the GC programs (golden
//!   programs gc_cycles and gc_stress, the gc tracing case) run under
//!   valgrind's memcheck with no invalid read or write, no double free and
//!   nothing lost at exit. valgrind must be installed (CI installs it);
//!   `SONDE_VALGRIND=optional` skips the test where it is not.
//!
//! The gc module's behaviour against CPython is in the golden programs
//! (tests/programs/gc_*.py); the probes in tests/tracing/gc.

mod common;

use std::path::Path;
use std::process::Command;

const SONDE: &str = env!("CARGO_BIN_EXE_sonde");

/// Peak RSS (VmHWM, kB) of sonde after building `n` groups of objects
/// (cycles, or not), as the program itself reads it from /proc at the end.
fn peak_rss_kb(n: usize, gc_enabled: bool, cycles: bool) -> u64 {
    let src = format!(
        r#"
import gc
if not {gc_enabled}:
    gc.disable()


class Node:
    pass


def build(n):
    for i in range(n):
        a = Node()
        b = Node()
        box = [a, b]
        if {cycles}:
            a.other = b
            b.other = a
            box.append(box)


build({n})
with open("/proc/self/status") as f:
    for line in f:
        if line.startswith("VmHWM"):
            print(line.split()[1])
"#,
        gc_enabled = if gc_enabled { "True" } else { "False" },
        cycles = if cycles { "True" } else { "False" },
    );
    let o = Command::new(SONDE).arg("-c").arg(&src).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).trim().parse().unwrap()
}

#[test]
fn million_cycles_run_in_bounded_memory() {
    let small = peak_rss_kb(100_000, true, true);
    let large = peak_rss_kb(1_000_000, true, true);
    // Flat: ten times the cycles, at most 2 MB more (allocator noise).
    assert!(
        large <= small + 2048,
        "peak RSS grows with the number of cycles: {small} kB for 100k, {large} kB for 1M"
    );
    // The measure sees leaks: without the collector memory grows with n.
    let off_small = peak_rss_kb(20_000, false, true);
    let off_large = peak_rss_kb(100_000, false, true);
    assert!(
        off_large > off_small + 20_000,
        "with gc disabled, 100k cycles should take much more memory than 20k ({off_small} vs {off_large} kB)"
    );
}

/// Tracking keeps a weak handle, which holds a dead object's allocation
/// until its generation is scanned; with collection disabled the scans
/// must go on, or every object made would stay allocated.
#[test]
fn disabled_collector_still_frees_acyclic_objects() {
    let small = peak_rss_kb(100_000, false, false);
    let large = peak_rss_kb(1_000_000, false, false);
    assert!(
        large <= small + 2048,
        "with gc disabled, acyclic garbage is not freed: {small} kB for 100k, {large} kB for 1M"
    );
}

#[test]
fn gc_programs_are_clean_under_valgrind() {
    if !common::tool_available("valgrind", "apt package valgrind", "SONDE_VALGRIND") {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut failures = Vec::new();
    for prog in [
        "tests/programs/gc_cycles.py",
        "tests/programs/gc_stress.py",
        "tests/tracing/gc/prog.py",
    ] {
        let o = Command::new("valgrind")
            .args([
                "--error-exitcode=99",
                "--leak-check=full",
                "--errors-for-leak-kinds=definite,indirect",
                "--show-leak-kinds=definite,indirect",
            ])
            .arg(SONDE)
            .arg(root.join(prog))
            // memcheck sees each block only through malloc and free: the
            // system allocator alone, without the command's cache of small
            // blocks (src/small_alloc.rs).
            .env("SONDE_SYSTEM_ALLOC", "1")
            .current_dir(root.join(prog).parent().unwrap())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        // Every kind of memory error memcheck knows, and a clean summary.
        let bad = [
            "Invalid read",
            "Invalid write",
            "Invalid free",
            "Mismatched free",
            "uninitialised",
            "definitely lost in",
            "indirectly lost in",
        ];
        if o.status.code() != Some(0) || bad.iter().any(|b| err.contains(b)) || !err.contains("ERROR SUMMARY: 0 errors") {
            failures.push(format!("{prog}: exit {:?}\n{err}", o.status.code()));
        }
        // Every block must have gone through malloc and free one by one (a
        // cache in between would hide leaks): as many frees as allocations
        // but for the few the runtime keeps, and thousands of them.
        let usage = err.split("total heap usage: ").nth(1).unwrap_or("");
        let count = |what: &str| -> u64 {
            usage
                .split(what)
                .next()
                .and_then(|t| t.rsplit(' ').next())
                .map(|n| n.replace(',', "").parse().unwrap_or(0))
                .unwrap_or(0)
        };
        let (allocs, frees) = (count(" allocs"), count(" frees"));
        if allocs < 1_000 || allocs - frees.min(allocs) > 100 {
            failures.push(format!("{prog}: memcheck saw {allocs} allocations and {frees} frees\n{err}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
