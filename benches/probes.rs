//! Idle probe cost: a call-heavy and a loop-heavy workload run by sonde with
//! probes compiled out (`--no-default-features`) and compiled in but idle,
//! in one run, with the ratio between them. The measure is valgrind's
//! instruction count (stable from run to run on a shared machine); without
//! valgrind it falls back to the median of 5 wall-clock runs.
//!
//! `cargo bench --bench probes`

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

const WORKLOADS: &[(&str, &str)] = &[("call-heavy", "fib.py"), ("loop-heavy", "loops.py")];

fn no_probes_binary(root: &Path) -> PathBuf {
    let target = root.join("target/noprobes");
    let st = Command::new(env!("CARGO"))
        .args([
            "build",
            "--release",
            "-q",
            "--no-default-features",
            "--bin",
            "sonde",
            "--target-dir",
        ])
        .arg(&target)
        .current_dir(root)
        .status()
        .expect("cargo");
    assert!(st.success(), "building sonde without probes failed");
    target.join("release/sonde")
}

fn instructions(bin: &Path, prog: &Path) -> Option<u64> {
    let o = Command::new("valgrind")
        .args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
        .arg(bin)
        .arg(prog)
        .output()
        .ok()?;
    let err = String::from_utf8_lossy(&o.stderr);
    let line = err.lines().find(|l| l.contains("Collected :"))?;
    line.rsplit(':').next()?.trim().parse().ok()
}

fn main() {
    // `cargo bench` passes --bench; any other argument is a name filter we ignore.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let with = PathBuf::from(env!("CARGO_BIN_EXE_sonde"));
    let without = no_probes_binary(root);
    let valgrind = Command::new("valgrind").arg("--version").output().is_ok();
    let unit = if valgrind { "instructions" } else { "seconds (median of 5)" };
    println!("idle probe cost, in {unit}");
    println!(
        "{:<12} {:<10} {:>16} {:>16} {:>9}",
        "workload", "program", "probes out", "probes idle", "ratio"
    );
    for (name, file) in WORKLOADS {
        let prog = root.join("benches/programs").join(file);
        let (a, b) = if valgrind {
            (
                instructions(&without, &prog).expect("valgrind run") as f64,
                instructions(&with, &prog).expect("valgrind run") as f64,
            )
        } else {
            (
                common::median_secs(&mut || {
                    let mut c = Command::new(&without);
                    c.arg(&prog);
                    c
                }),
                common::median_secs(&mut || {
                    let mut c = Command::new(&with);
                    c.arg(&prog);
                    c
                }),
            )
        };
        println!("{:<12} {:<10} {:>16.0} {:>16.0} {:>8.4}x", name, file, a, b, b / a);
    }
}
