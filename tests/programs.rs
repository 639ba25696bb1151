//! Language golden tests: every `tests/programs/NAME.py` runs under sonde and
//! its stdout must equal `NAME.out`, byte for byte, as CPython 3.11 printed it
//! (`tests/regen.sh` regenerates them). Where CPython exited non-zero, the
//! expected status is in `NAME.status` and stderr (the traceback) in `NAME.err`.
//! `NAME.in`, if present, is fed to stdin. Every program also runs with `-O`
//! when `NAME.out.O` exists (assert-dependent output).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs")
}

fn run(name: &str, opt: bool) -> (Vec<u8>, Vec<u8>, i32) {
    let dir = programs_dir();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sonde"));
    if opt {
        cmd.arg("-O");
    }
    cmd.arg(format!("{}.py", name))
        .current_dir(&dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let input = dir.join(format!("{}.in", name));
    cmd.stdin(if input.exists() {
        Stdio::from(std::fs::File::open(input).unwrap())
    } else {
        Stdio::null()
    });
    let out = cmd.output().expect("run sonde");
    (out.stdout, out.stderr, out.status.code().unwrap_or(-1))
}

fn first_diff(a: &str, b: &str) -> String {
    for (i, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        if x != y {
            return format!("line {}:\n  expected: {:?}\n  got:      {:?}", i + 1, x, y);
        }
    }
    format!(
        "lengths differ: expected {} lines, got {} lines",
        a.lines().count(),
        b.lines().count()
    )
}

#[test]
fn programs_match_cpython() {
    let dir = programs_dir();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            (p.extension().map(|x| x == "py").unwrap_or(false)).then(|| p.file_stem().unwrap().to_string_lossy().to_string())
        })
        .collect();
    names.sort();
    assert!(names.len() >= 10, "no programs found in {}", dir.display());
    let mut failures = Vec::new();
    let mut checked = 0;
    for name in &names {
        let expected_out =
            std::fs::read(dir.join(format!("{}.out", name))).unwrap_or_else(|_| panic!("{}.out missing: run tests/regen.sh", name));
        let expected_status: i32 = std::fs::read_to_string(dir.join(format!("{}.status", name)))
            .map(|s| s.trim().parse().unwrap())
            .unwrap_or(0);
        // Tracebacks name the script by absolute path; regen.sh stores it as @DIR@.
        let abs_dir = format!("{}/", dir.display());
        let expected_err = std::fs::read_to_string(dir.join(format!("{}.err", name)))
            .ok()
            .map(|s| s.replace("@DIR@/", &abs_dir).into_bytes());
        let (out, err, status) = run(name, false);
        checked += 1;
        let err_s = String::from_utf8_lossy(&err);
        if err_s.contains("panicked") || err_s.contains("RUST_BACKTRACE") {
            failures.push(format!("{}: sonde panicked:\n{}", name, err_s));
            continue;
        }
        if out != expected_out {
            failures.push(format!(
                "{}: stdout differs: {}",
                name,
                first_diff(&String::from_utf8_lossy(&expected_out), &String::from_utf8_lossy(&out))
            ));
            continue;
        }
        if status != expected_status {
            failures.push(format!(
                "{}: exit status {} (expected {})\nstderr:\n{}",
                name, status, expected_status, err_s
            ));
            continue;
        }
        if let Some(e) = expected_err {
            if e != err {
                failures.push(format!(
                    "{}: stderr differs: {}",
                    name,
                    first_diff(&String::from_utf8_lossy(&e), &err_s)
                ));
                continue;
            }
        }
        let opt_out = dir.join(format!("{}.out.O", name));
        if let Ok(expected) = std::fs::read(&opt_out) {
            let (out, _, _) = run(name, true);
            if out != expected {
                failures.push(format!(
                    "{} (-O): stdout differs: {}",
                    name,
                    first_diff(&String::from_utf8_lossy(&expected), &String::from_utf8_lossy(&out))
                ));
            }
        }
    }
    if !failures.is_empty() {
        panic!(
            "{} of {} programs differ from CPython:\n\n{}",
            failures.len(),
            checked,
            failures.join("\n\n")
        );
    }
    eprintln!("{} programs match CPython", checked);
}
