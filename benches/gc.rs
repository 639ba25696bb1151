//! The collector's cost, side by side with CPython in one run: an
//! allocation-heavy workload (lists of small objects built and dropped, no
//! cycles: the bookkeeping alone) and a cycle-heavy one (garbage cycles
//! every round: the collections). Each runs under sonde, under sonde with
//! the collector disabled (`gc.disable()`: tracking still on, no
//! collections) and under Debian's python3.11 (or `python3`), median of 5
//! wall-clock runs, with the ratios.
//!
//! `cargo bench --bench gc`

use std::path::Path;
use std::process::Command;
use std::time::Instant;

const WORKLOADS: &[(&str, &str)] = &[("allocation-heavy", "alloc_churn.py"), ("cycle-heavy", "cycle_churn.py")];

fn median_secs(cmd: &mut dyn FnMut() -> Command) -> f64 {
    let mut v: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let o = cmd().output().expect("run");
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            t.elapsed().as_secs_f64()
        })
        .collect();
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[2]
}

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
        let on = median_secs(&mut || {
            let mut c = Command::new(sonde);
            c.arg("-c").arg(wrap(false));
            c
        });
        let off = median_secs(&mut || {
            let mut c = Command::new(sonde);
            c.arg("-c").arg(wrap(true));
            c
        });
        let cpy = median_secs(&mut || {
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
