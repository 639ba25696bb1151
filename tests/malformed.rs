//! Bad input of any kind must end in a Python exception or a clear error,
//! never a Rust panic or a crash. Every golden program is fed to sonde
//! truncated at several points and with bytes flipped, deterministically;
//! each run must exit with status 0 or 1 (130 after an uncaught
//! KeyboardInterrupt; or be a loop we stop), and its
//! stderr must not show a panic.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Run sonde on `src` (stdin as the program). None if it had to be stopped.
fn run(src: &[u8], dir: &Path) -> Option<(i32, String)> {
    let path = dir.join("case.py");
    std::fs::write(&path, src).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_sonde"))
        .arg(&path)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            use std::io::Read;
            child.stderr.take().unwrap().read_to_string(&mut err).ok();
            return Some((status.code().unwrap_or(-1), err));
        }
        if start.elapsed() > Duration::from_secs(5) {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn malformed_programs_never_crash() {
    let programs = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/programs");
    let dir = std::env::temp_dir().join(format!("sonde-malformed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let mut cases: Vec<Vec<u8>> = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(&programs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().map(|x| x == "py").unwrap_or(false))
        .collect();
    names.sort();
    for p in &names {
        let src = std::fs::read(p).unwrap();
        if src.is_empty() {
            continue;
        }
        for k in 1..4 {
            cases.push(src[..src.len() * k / 4].to_vec());
        }
        for _ in 0..5 {
            let mut m = src.clone();
            for _ in 0..3 {
                let i = (rng.next() as usize) % m.len();
                let pieces: [&[u8]; 26] = [
                    b"(",
                    b")",
                    b"[",
                    b"]",
                    b"{",
                    b"}",
                    b":",
                    b"=",
                    b",",
                    b".",
                    b"'",
                    b"\"",
                    b"\\",
                    b"\n",
                    b"\t",
                    b" ",
                    b"#",
                    b"@",
                    b"*",
                    b"0",
                    b"a",
                    b"\xff",
                    b"\x00",
                    "é".as_bytes(),
                    "世".as_bytes(),
                    "١".as_bytes(),
                ];
                let p = pieces[(rng.next() % 26) as usize];
                m.splice(i..i + 1, p.iter().copied());
            }
            cases.push(m);
        }
    }
    // Inputs written to stress particular paths.
    let extra: Vec<Vec<u8>> = vec![
        b"(".repeat(100_000),
        format!("x = {}1", "-".repeat(50_000)).into_bytes(),
        format!("x = [{}]", "1,".repeat(100_000)).into_bytes(),
        b"\xff\xfe\xfd".to_vec(),
        b"def f(:\n".to_vec(),
        b"class A(metaclass=1): pass\n".to_vec(),
        b"x = 10 ** 10 ** 10\n".to_vec(),
        b"'%s' % ()\n".to_vec(),
        b"import sys; sys.setrecursionlimit(10**9)\ndef f(n): return f(n+1)\nf(0)\n".to_vec(),
        b"a = []\na.append(a)\nprint(a, {1: a})\n".to_vec(),
        b"print(int('1' * 10000))\n".to_vec(),
        b"x = [1] * (1 << 62)\n".to_vec(),
        b"'a' * (1 << 62)\n".to_vec(),
        b"f'{'\n".to_vec(),
        b"\t if x:\n  pass\n".to_vec(),
        b"yield 1\n".to_vec(),
        b"return\n".to_vec(),
        b"del 1\n".to_vec(),
        b"nonlocal x\n".to_vec(),
        b"def f():\n    global x\n    x = 1\n    nonlocal y\n".to_vec(),
        b"lambda: (yield)\n".to_vec(),
        b"@\ndef f(): pass\n".to_vec(),
        b"match x:\n    case {**a, **b}: pass\n".to_vec(),
        b"try:\n    pass\nexcept* ValueError:\n    pass\n".to_vec(),
        b"async def f(): await x\n".to_vec(),
        b"x: int = 'a'\nprint(x)\n".to_vec(),
        b"print(1 if else 2)\n".to_vec(),
    ];
    cases.extend(extra);
    let mut failures = Vec::new();
    let mut ran = 0;
    for (i, c) in cases.iter().enumerate() {
        // None: a loop we had to stop, which is legitimate Python.
        if let Some((code, err)) = run(c, &dir) {
            ran += 1;
            // 130: an uncaught KeyboardInterrupt, which CPython exits with too.
            let interrupted = code == 130 && err.trim_end().ends_with("KeyboardInterrupt");
            if err.contains("panicked") || !(code == 0 || code == 1 || interrupted) {
                let input = String::from_utf8_lossy(&c[..c.len().min(300)]).to_string();
                failures.push(format!("case {} exited {}:\n{}\n--- input ---\n{}", i, code, err, input));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::io::stderr().flush();
    assert!(ran > cases.len() / 2, "too few cases completed: {} of {}", ran, cases.len());
    assert!(
        failures.is_empty(),
        "{} of {} malformed inputs crashed sonde:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

/// `tests/fuzz/call_everything.py` calls every built-in function and
/// method with wrong argument counts and types; the run must finish
/// (its last line is DONE) with no panic.
#[test]
fn builtins_called_wrongly_never_crash() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("sonde-call-everything-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_sonde"))
        .arg(root.join("tests/fuzz/call_everything.py"))
        .current_dir(&dir)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = stdout.lines().last().unwrap_or("");
    assert!(
        out.status.code() == Some(0) && last == "DONE" && !stderr.contains("panicked"),
        "stopped after {:?} (status {:?}):\n{}",
        last,
        out.status.code(),
        stderr
    );
}
