//! The physical limit of an attached probe: a loop that only fires
//! `python:function__entry`, timed by itself. `benches/attached.sh` runs it
//! with and without bpftrace counting the probe; the difference per event
//! is the kernel's uprobe trap plus the BPF program, with nothing of sonde's.
//!
//! `fire_loop N` prints the seconds the N iterations took.

use std::time::Instant;

fn main() {
    let n: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1_000_000);
    // Strings in memory the process has touched (see provider/python.d's
    // notes): a BPF program cannot fault a page in.
    let file = c"fire_loop.py".to_owned();
    let func = c"f".to_owned();
    let t = Instant::now();
    for i in 0..n {
        if sonde_arch::function_entry::enabled() {
            sonde_arch::function_entry::fire(file.as_ptr(), func.as_ptr(), i as i32);
        }
        std::hint::black_box(i);
    }
    println!("{:.6}", t.elapsed().as_secs_f64());
}
