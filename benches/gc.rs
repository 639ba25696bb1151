//! The collector's cost, side by side with CPython in one run: an
//! allocation-heavy workload (lists of small objects built and dropped, no
//! cycles: the bookkeeping alone) and a cycle-heavy one (garbage cycles
//! every round: the collections). Each runs under sonde, under sonde with
//! the collector disabled (`gc.disable()`: tracking still on, no
//! collections) and under Debian's python3.11 (or `python3`), median of 5
//! wall-clock runs, with the ratios.
//!
//! `cargo bench --bench gc`

mod common;

use std::path::Path;
use std::process::Command;

const WORKLOADS: &[(&str, &str)] = &[("allocation-heavy", "alloc_churn.py"), ("cycle-heavy", "cycle_churn.py")];

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sonde = env!("CARGO_BIN_EXE_sonde");
    let python = ["/usr/bin/python3.11", "python3"]
        .into_iter()
        .find(|p| Command::new(p).arg("-c").arg("pass").output().is_ok_and(|o| o.status.success()))
        .expect("python3 for the comparison");
    println!("collector cost, seconds (median of 5 runs)");
    println!(
        "{:<17} {:>9} {:>11} {:>9} {:>12} {:>10}",
        "workload",
        "sonde",
        "sonde gc off",
        python.rsplit('/').next().unwrap(),
        "sonde/cpy",
        "gc on/off"
    );
    for (name, file) in WORKLOADS {
        let prog = root.join("benches/programs").join(file);
        let prog_s = prog.to_str().unwrap().to_string();
        // Both sonde runs go through the same -c wrapper; only gc differs.
        let wrap = |off: bool| {
            format!(
                "import gc\n{}exec(compile(open({prog_s:?}).read(), {prog_s:?}, 'exec'))",
                if off { "gc.disable()\n" } else { "" }
            )
        };
        let on = common::median_secs(&mut || {
            let mut c = Command::new(sonde);
            c.arg("-c").arg(wrap(false));
            c
        });
        let off = common::median_secs(&mut || {
            let mut c = Command::new(sonde);
            c.arg("-c").arg(wrap(true));
            c
        });
        let cpy = common::median_secs(&mut || {
            let mut c = Command::new(python);
            c.arg(&prog);
            c
        });
        println!(
            "{:<17} {:>9.3} {:>11.3} {:>9.3} {:>11.2}x {:>9.2}x",
            name,
            on,
            off,
            cpy,
            on / cpy,
            on / off
        );
    }
}
