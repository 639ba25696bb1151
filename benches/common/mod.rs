//! What the process-timing benches share.

use std::process::Command;
use std::time::Instant;

/// Median wall time of five runs of the command `cmd` makes, which must
/// succeed.
pub fn median_secs(cmd: &mut dyn FnMut() -> Command) -> f64 {
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
