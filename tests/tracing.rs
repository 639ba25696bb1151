//! Probes seen by real tracers.
//!
//! - `sdt_notes_match_provider`: `readelf -n` of the built binary lists the
//!   probes of provider/python.d with sys/sdt.h's argument specs and one
//!   semaphore per probe.
//! - `bpftrace_cases` / `gdb_cases`: every directory under tests/tracing/ holds
//!   `prog.py`, `trace.bt`, `trace.gdb` and `expected`; each tracer runs the
//!   program (with and without -O) and must print exactly `expected`. Both
//!   tracers share one expected file, so they must see the same event stream.
//!   gdb lines to compare start with "| ".
//! - `bpftrace_same_stream_as_cpython`: tests/tracing/same_as_cpython/trace.bt
//!   prints the same events for its program under sonde and under Debian's
//!   python3.11.
//!
//! A missing tracer (or no BPF) fails the test with a message saying so,
//! unless `SONDE_TRACERS=optional` is set.

mod common;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const SONDE: &str = env!("CARGO_BIN_EXE_sonde");

fn tracers_optional() -> bool {
    std::env::var("SONDE_TRACERS").map(|v| v == "optional").unwrap_or(false)
}

/// Whether `tool` can run; the test fails if not, unless SONDE_TRACERS=optional.
fn have(tool: &str, why: &str) -> bool {
    common::tool_available(tool, why, "SONDE_TRACERS")
}

fn case_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tracing");
    let mut v: Vec<PathBuf> = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("expected").is_file()) // coverage/, same_as_cpython/: own tests
        .collect();
    v.sort();
    assert!(!v.is_empty(), "no tracing cases under {}", root.display());
    v
}

/// Output with the case's absolute directory written as @DIR@.
fn normalize(text: &str, dir: &Path) -> String {
    text.replace(&format!("{}/", dir.display()), "@DIR@/")
}

fn check(case: &Path, tracer: &str, opt: bool, got: &str, failures: &mut Vec<String>) {
    let expected = fs::read_to_string(case.join("expected")).unwrap();
    if got != expected {
        failures.push(format!(
            "{} under {}{}:\n--- expected\n{}--- got\n{}",
            case.display(),
            tracer,
            if opt { " (-O)" } else { "" },
            expected,
            got
        ));
    }
}

/// What a bpftrace run printed: its exit status, the `-o` output file, stderr.
struct Bpftrace {
    status: std::process::ExitStatus,
    out: String,
    stderr: String,
}

/// Run bpftrace on `script` (with @SONDE@ replaced by the binary's path)
/// with `-c cmd`, collecting its output through `-o` so the traced program's
/// own stdout stays apart.
fn run_bpftrace(script: &str, cmd: &str) -> Bpftrace {
    static RUN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = RUN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = std::env::temp_dir().join(format!("sonde-bpftrace-{}-{n}", std::process::id()));
    fs::create_dir_all(&tmp).unwrap();
    let (bt, out) = (tmp.join("trace.bt"), tmp.join("out.txt"));
    fs::write(&bt, script.replace("@SONDE@", SONDE)).unwrap();
    let o = Command::new("bpftrace")
        .arg("-o")
        .arg(&out)
        .arg(&bt)
        .arg("-c")
        .arg(cmd)
        .output()
        .unwrap();
    let text = fs::read_to_string(&out).unwrap_or_default();
    let _ = fs::remove_dir_all(&tmp);
    Bpftrace {
        status: o.status,
        out: text,
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

#[test]
fn bpftrace_cases() {
    if !have("bpftrace", "install bpftrace; it needs root and kernel uprobes") {
        return;
    }
    let mut failures = Vec::new();
    for case in case_dirs() {
        let script = fs::read_to_string(case.join("trace.bt")).unwrap();
        for opt in [false, true] {
            let prog = case.join("prog.py");
            let cmd = format!("{} {}{}", SONDE, if opt { "-O " } else { "" }, prog.display());
            let r = run_bpftrace(&script, &cmd);
            let text = r.out;
            assert!(
                text.contains("Attaching"),
                "bpftrace did not attach (no BPF here? set SONDE_TRACERS=optional to skip):\n{}",
                r.stderr
            );
            let got: String = normalize(&text, &case)
                .lines()
                .filter(|l| !l.is_empty() && !l.starts_with("Attaching "))
                .map(|l| format!("{l}\n"))
                .collect();
            check(&case, "bpftrace", opt, &got, &mut failures);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn gdb_cases() {
    if !have("gdb", "install gdb") {
        return;
    }
    let mut failures = Vec::new();
    for case in case_dirs() {
        for opt in [false, true] {
            let mut cmd = Command::new("gdb");
            cmd.args(["-q", "-batch", "-nx", "-x"])
                .arg(case.join("trace.gdb"))
                .arg("--args")
                .arg(SONDE);
            if opt {
                cmd.arg("-O");
            }
            let o = cmd.arg(case.join("prog.py")).output().unwrap();
            let stdout = String::from_utf8_lossy(&o.stdout);
            let got: String = normalize(&stdout, &case)
                .lines()
                .filter_map(|l| l.strip_prefix("| "))
                .map(|l| format!("{l}\n"))
                .collect();
            check(&case, "gdb", opt, &got, &mut failures);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// sys/sdt.h's spec for a D argument type.
fn spec_for(ty: &str) -> &'static str {
    match ty {
        "int" => "-4@",
        "long" => "-8@",
        _ => "8@",
    }
}

#[test]
fn sdt_notes_match_provider() {
    if !sonde_arch::AVAILABLE {
        let o = Command::new("readelf")
            .arg("-n")
            .arg(SONDE)
            .output()
            .expect("readelf (binutils) is needed");
        assert!(
            !String::from_utf8_lossy(&o.stdout).contains("stapsdt"),
            "a build without probes has SDT notes"
        );
        return;
    }
    check_sdt_notes(Path::new(SONDE));
}

/// The same check for a `sonde` binary built for another architecture, named
/// by `SONDE_NOTES_BINARY`. `.ci/run` cross-links one for aarch64 (Debian's
/// gcc-aarch64-linux-gnu as linker) and runs this test against it; a plain
/// `cargo test` has no such binary, so the test is ignored there rather than
/// passing without having checked anything.
#[test]
#[ignore = "needs SONDE_NOTES_BINARY: run by .ci/run against the aarch64 cross build"]
fn sdt_notes_of_cross_built_binary() {
    let bin = std::env::var("SONDE_NOTES_BINARY").expect("set SONDE_NOTES_BINARY to a cross-built sonde");
    check_sdt_notes(Path::new(&bin));
}

/// The register form an argument spec must name on `machine` (readelf -h's
/// "Machine:" text): `%reg` on x86-64, `xN` on AArch64.
fn register_ok(machine: &str, reg: &str) -> bool {
    if machine.contains("X86-64") {
        reg.starts_with('%')
    } else if machine.contains("AArch64") {
        reg.strip_prefix('x').is_some_and(|n| n.parse::<u8>().is_ok_and(|n| n < 31))
    } else {
        panic!("no SDT argument register rule for machine {machine}")
    }
}

/// `readelf -n` of `bin` lists exactly the probes of python.d, each argument with its sys/sdt.h size in a register of
/// the binary's architecture, and one semaphore per probe, exported by name.
fn check_sdt_notes(bin: &Path) {
    let o = Command::new("readelf")
        .arg("-n")
        .arg(bin)
        .output()
        .expect("readelf (binutils) is needed");
    assert!(o.status.success(), "readelf -n {}", bin.display());
    let text = String::from_utf8_lossy(&o.stdout);
    let h = Command::new("readelf").arg("-h").arg(bin).output().unwrap();
    let header = String::from_utf8_lossy(&h.stdout);
    let machine = header
        .lines()
        .find_map(|l| l.trim().strip_prefix("Machine:"))
        .expect("readelf -h names the machine")
        .trim()
        .to_string();
    let probes: HashMap<&str, &[(&str, &str)]> = sonde_arch::PROBES.iter().map(|(n, a)| (*n, *a)).collect();
    // name -> set of semaphores seen at its sites
    let mut seen: HashMap<String, Vec<String>> = HashMap::new();
    let mut cur: Option<String> = None;
    let mut sem = String::new();
    for line in text.lines().map(str::trim) {
        if let Some(p) = line.strip_prefix("Provider: ") {
            assert_eq!(p, "python");
        } else if let Some(n) = line.strip_prefix("Name: ") {
            assert!(probes.contains_key(n), "note for {n}, which python.d does not declare");
            cur = Some(n.to_string());
        } else if line.starts_with("Location: ") {
            sem = line.rsplit("Semaphore: ").next().unwrap().to_string();
            assert!(
                u64::from_str_radix(sem.trim_start_matches("0x"), 16).unwrap() != 0,
                "{line}: no semaphore"
            );
        } else if let Some(args) = line.strip_prefix("Arguments: ") {
            let name = cur.take().expect("Arguments before Name");
            let want = probes[name.as_str()];
            let got: Vec<&str> = args.split_whitespace().collect();
            assert_eq!(got.len(), want.len(), "{name}: {args}");
            for (g, (ty, _)) in got.iter().zip(want.iter()) {
                let spec = spec_for(ty);
                let reg = g
                    .strip_prefix(spec)
                    .unwrap_or_else(|| panic!("{name}: {g} for a {ty} (want {spec})"));
                assert!(register_ok(&machine, reg), "{name}: {g} is not a {machine} register");
            }
            seen.entry(name).or_default().push(sem.clone());
        }
    }
    let mut all_sems = Vec::new();
    for (name, _) in sonde_arch::PROBES {
        let sems = seen
            .get(*name)
            .unwrap_or_else(|| panic!("no SDT note for python:{name} in {}", bin.display()));
        assert!(
            sems.iter().all(|s| s == &sems[0]),
            "{name}: sites with different semaphores {sems:?}"
        );
        all_sems.push(sems[0].clone());
    }
    let n = all_sems.len();
    all_sems.sort();
    all_sems.dedup();
    assert_eq!(all_sems.len(), n, "two probes share a semaphore");
    let syms = Command::new("readelf").args(["-sW"]).arg(bin).output().unwrap();
    let syms = String::from_utf8_lossy(&syms.stdout);
    for (name, _) in sonde_arch::PROBES {
        assert!(
            syms.contains(&format!(" python_{name}_semaphore")),
            "no symbol python_{name}_semaphore in {}",
            bin.display()
        );
    }
}

#[test]
fn dtrace_module_reports_availability() {
    let o = Command::new(SONDE)
        .args(["-c", "import dtrace; print(dtrace.available, dtrace.backend)"])
        .output()
        .unwrap();
    let want = if sonde_arch::AVAILABLE { "True sdt" } else { "False none" };
    assert_eq!(String::from_utf8_lossy(&o.stdout), format!("{want}\n"));
}

/// The load address of the sonde binary in process `pid` (its mapping at file offset 0).
fn load_base(pid: u32) -> u64 {
    let maps = fs::read_to_string(format!("/proc/{pid}/maps")).unwrap();
    let line = maps
        .lines()
        .find(|l| l.ends_with(SONDE) && l.split_whitespace().nth(2) == Some("00000000"))
        .unwrap();
    u64::from_str_radix(line.split('-').next().unwrap(), 16).unwrap()
}

/// The semaphore addresses (link-time) of `probe` from the binary's notes.
fn semaphore_of(probe: &str) -> u64 {
    let o = Command::new("readelf").arg("-n").arg(SONDE).output().unwrap();
    let text = String::from_utf8_lossy(&o.stdout).to_string();
    let mut lines = text.lines().map(str::trim);
    while let Some(l) = lines.next() {
        if l == format!("Name: {probe}") {
            let loc = lines.next().unwrap();
            let sem = loc.rsplit("Semaphore: 0x").next().unwrap();
            return u64::from_str_radix(sem, 16).unwrap();
        }
    }
    panic!("no note for {probe}");
}

fn read_u16(pid: u32, addr: u64) -> u16 {
    use std::io::{Read, Seek, SeekFrom};
    let mut f = fs::File::open(format!("/proc/{pid}/mem")).unwrap();
    f.seek(SeekFrom::Start(addr)).unwrap();
    let mut b = [0u8; 2];
    f.read_exact(&mut b).unwrap();
    u16::from_ne_bytes(b)
}

/// bpftrace attaches to a running sonde by pid ten times in a row, alternating
/// the function and line probes (the line probe must take effect mid-loop),
/// sees an event each time, detaches; the semaphores are back to zero and the
/// program finishes with its normal output.
#[test]
fn bpftrace_attach_detach_running_process() {
    if !sonde_arch::AVAILABLE || !have("bpftrace", "install bpftrace; it needs root and kernel uprobes") {
        return;
    }
    let dir = std::env::temp_dir().join(format!("sonde-attach-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let stop = dir.join("stop");
    let prog = dir.join("spin.py");
    fs::write(
        &prog,
        format!(
            "import os\ndef tick(n):\n    return n + 1\nn = 0\nwhile not os.path.exists({:?}):\n    n = tick(n)\nprint('done', n > 0)\n",
            stop.display().to_string()
        ),
    )
    .unwrap();
    let child = Command::new(SONDE).arg(&prog).stdout(std::process::Stdio::piped()).spawn().unwrap();
    let pid = child.id();
    // Kill the spinning program if an assertion fails before it is told to stop.
    struct KillOnDrop(Option<std::process::Child>);
    impl Drop for KillOnDrop {
        fn drop(&mut self) {
            if let Some(c) = self.0.as_mut() {
                let _ = c.kill();
                let _ = c.wait();
            }
        }
    }
    let mut guard = KillOnDrop(Some(child));
    let base = load_base_when_mapped(pid);
    let sems = [semaphore_of("function__entry"), semaphore_of("line")];
    for cycle in 0..10 {
        let (probe, pred) = if cycle % 2 == 0 {
            ("function__entry", "str(arg1) == \"tick\"")
        } else {
            ("line", "arg2 == 6")
        };
        let script = format!("usdt:{SONDE}:python:{probe} /{pred}/ {{ printf(\"seen {probe}\\n\"); exit(); }}");
        let o = Command::new("timeout")
            .args(["60", "bpftrace", "-p", &pid.to_string(), "-e", &script])
            .output()
            .unwrap();
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(
            out.contains(&format!("seen {probe}")),
            "cycle {cycle}: no {probe} event from a running process:\n{out}\n{}",
            String::from_utf8_lossy(&o.stderr)
        );
        for s in sems {
            assert_eq!(
                read_u16(pid, base + s),
                0,
                "cycle {cycle}: a semaphore stayed raised after detaching"
            );
        }
    }
    fs::write(&stop, "").unwrap();
    let o = guard.0.take().unwrap().wait_with_output().unwrap();
    let _ = fs::remove_dir_all(&dir);
    assert!(o.status.success());
    assert_eq!(String::from_utf8_lossy(&o.stdout), "done True\n");
}

/// `load_base` once the process has mapped its binary.
fn load_base_when_mapped(pid: u32) -> u64 {
    for _ in 0..500 {
        let mapped = fs::read_to_string(format!("/proc/{pid}/maps"))
            .map(|m| m.contains(SONDE))
            .unwrap_or(false);
        if mapped {
            return load_base(pid);
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("sonde never mapped its binary");
}

/// Calling instructions the coverage program cannot tag, and why:
/// - LoadName/StoreName/DeleteName reach Python only through namespaces that
///   are not plain dicts (`exec` with a mapping, a `__prepare__` mapping), and
///   sonde's class bodies do not honour a `__prepare__` mapping yet;
/// - CheckExcMatch calls nothing in Python for classes (as in CPython, except
///   matching ignores `__subclasscheck__`);
/// - PrintExpr only runs at the interactive prompt.
const COVERAGE_EXEMPT: &[&str] = &[
    "LoadName",
    "StoreName",
    "DeleteName",
    "CheckExcMatch",
    "PrintExpr",
    // Fused pairs exist only in the untraced loop's copy of the code (never
    // in the disassembly); under a tracer the pair's own instructions run.
    "LoadFastAttr",
    "LoadFastMethod",
    "LoadFastStoreAttr",
    "BinaryOpStore",
    "InplaceOpStore",
    "BinaryFastFast",
    "BinaryFastConst",
    "CompareFastFastJump",
    "CompareFastConstJump",
    "CompareJumpIfFalse",
    "Dup2Subscr",
    "InplaceStoreSubscr",
    "ForIterStore",
    "SubscrFastFast",
    "SubscrFastConst",
    "CallGlobalFast",
    "CallGlobalAttr",
    "CallMethodFast1",
    "IsFastConstJump",
    "SliceSubscr",
];

/// CPython's test_verify_call_opcodes idea, from the instruction table: every
/// instruction that can run Python code has a line in
/// tests/tracing/coverage/prog.py tagged with its name; the disassembly shows
/// the instruction on that line, and under bpftrace a Python function is
/// entered while that line runs (between its line event and the next line
/// event of the same function).
#[test]
fn every_calling_instruction_fires_function_entry() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tracing/coverage");
    let prog = dir.join("prog.py");
    let src = fs::read_to_string(&prog).unwrap();
    // line number -> tagged instruction names
    let mut tags: Vec<(u32, Vec<String>)> = Vec::new();
    for (i, l) in src.lines().enumerate() {
        if let Some((code, tag)) = l.split_once("  # ") {
            if !code.trim().is_empty() && tag.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
                tags.push((i as u32 + 1, tag.split_whitespace().map(String::from).collect()));
            }
        }
    }
    for (name, calls) in sonde::vm::instr::Instr::MAY_CALL {
        let tagged = tags.iter().any(|(_, t)| t.iter().any(|n| n == name));
        if *calls && !COVERAGE_EXEMPT.contains(name) {
            assert!(tagged, "no line of coverage/prog.py is tagged with {name}");
        }
    }
    // The disassembly: "  LINE  IDX Name ..." where LINE starts a new line's block.
    let dis = Command::new(SONDE).arg("--dis").arg(&prog).output().unwrap();
    let dis = String::from_utf8_lossy(&dis.stdout);
    let mut on_line: HashMap<u32, Vec<String>> = HashMap::new();
    let mut line = 0;
    for l in dis.lines() {
        let words: Vec<&str> = l.split_whitespace().collect();
        let (ln, rest) = match words.as_slice() {
            [a, b, name, ..] if a.parse::<u32>().is_ok() && b.parse::<u32>().is_ok() => (a.parse().unwrap(), *name),
            [b, name, ..] if b.parse::<u32>().is_ok() && !l.starts_with("Disassembly") => (line, *name),
            _ => continue,
        };
        line = ln;
        on_line.entry(line).or_default().push(rest.to_string());
    }
    for (ln, names) in &tags {
        for n in names {
            assert!(
                on_line.get(ln).is_some_and(|v| v.contains(n)),
                "coverage/prog.py:{ln} is tagged {n} but compiles to {:?}",
                on_line.get(ln)
            );
        }
    }
    if !sonde_arch::AVAILABLE || !have("bpftrace", "install bpftrace; it needs root and kernel uprobes") {
        return;
    }
    let script = format!(
        "usdt:{SONDE}:python:line {{ printf(\"line %s %s %d\\n\", str(arg0), str(arg1), arg2); }}
         usdt:{SONDE}:python:function__entry {{ printf(\"entry %s %s %d\\n\", str(arg0), str(arg1), arg2); }}"
    );
    let text = run_bpftrace(&script, &format!("{} {}", SONDE, prog.display())).out;
    let file = prog.display().to_string();
    let events: Vec<(&str, &str, &str, u32)> = text
        .lines()
        .filter_map(|l| {
            let mut w = l.splitn(4, ' ');
            let kind = w.next()?;
            let f = w.next()?;
            let func = w.next()?;
            let n = w.next()?.parse().ok()?;
            Some((kind, f, func, n))
        })
        .collect();
    assert!(!events.is_empty(), "bpftrace saw no events:\n{text}");
    for (ln, names) in &tags {
        let mut ok = false;
        for (i, (kind, f, func, n)) in events.iter().enumerate() {
            if *kind != "line" || *f != file || n != ln {
                continue;
            }
            let entered = events[i + 1..]
                .iter()
                .take_while(|(k, f2, func2, _)| !(*k == "line" && *f2 == file && func2 == func))
                .any(|(k, ..)| *k == "entry");
            if entered {
                ok = true;
                break;
            }
        }
        assert!(ok, "coverage/prog.py:{ln} ({}) entered no Python function", names.join(" "));
    }
}

/// systemtap-sdt-dev's `dtrace -h` accepts provider/python.d, and the header it
/// writes names the same semaphores the binary carries.
#[test]
fn dtrace_h_accepts_provider() {
    let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("provider/python.d");
    let out = std::env::temp_dir().join(format!("sonde-python-sdt-{}.h", std::process::id()));
    let r = Command::new("dtrace").arg("-h").arg("-s").arg(&d).arg("-o").arg(&out).output();
    let Ok(o) = r else {
        assert!(
            tracers_optional(),
            "dtrace (systemtap-sdt-dev) is not installed; set SONDE_TRACERS=optional to skip"
        );
        return;
    };
    assert!(
        o.status.success(),
        "dtrace -h rejected python.d:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let h = fs::read_to_string(&out).unwrap();
    let _ = fs::remove_file(&out);
    for (name, _) in sonde_arch::PROBES {
        let sem = format!("unsigned short python_{name}_semaphore ");
        assert!(h.contains(&sem), "dtrace -h declares no {sem}");
        let upper = format!("PYTHON_{}_ENABLED()", name.replace("__", "_").to_uppercase());
        assert!(h.contains(&upper), "dtrace -h defines no {upper}");
    }
}

/// The SystemTap tapset and the example .stp scripts elaborate (`stap -p2`)
/// against the built binary, with a stub kernel tree (SystemTap wants one
/// even for pass 2). Every alias of the tapset is used with its variables.
/// Debian's systemtap ships its own python.stp (for libpython) defining
/// python.function.entry/return; it is left out of the tapset path here.
#[test]
fn stap_elaborates_tapset_and_examples() {
    if !sonde_arch::AVAILABLE {
        return;
    }
    if Command::new("stap").arg("-V").output().is_err() {
        assert!(
            tracers_optional(),
            "stap (systemtap) is not installed; set SONDE_TRACERS=optional to skip"
        );
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = std::env::temp_dir().join(format!("sonde-stap-{}", std::process::id()));
    let _ = fs::remove_dir_all(&tmp);
    // The stub kernel tree.
    let kdir = tmp.join("kernel");
    fs::create_dir_all(kdir.join("include/config")).unwrap();
    fs::write(
        kdir.join(".config"),
        "CONFIG_UPROBES=y\nCONFIG_TRACEPOINTS=y\nCONFIG_ARCH_SUPPORTS_UPROBES=y\n",
    )
    .unwrap();
    let release = Command::new("uname").arg("-r").output().unwrap().stdout;
    fs::write(kdir.join("include/config/kernel.release"), release).unwrap();
    fs::write(kdir.join("Module.symvers"), "").unwrap();
    // The system tapsets without Debian's python.stp.
    let sys = tmp.join("tapset");
    let st = Command::new("cp")
        .arg("-r")
        .arg("/usr/share/systemtap/tapset")
        .arg(&sys)
        .status()
        .unwrap();
    assert!(st.success());
    let _ = fs::remove_file(sys.join("python.stp"));
    // Ours, with the binary's path.
    let ours = tmp.join("sonde");
    fs::create_dir_all(&ours).unwrap();
    let tapset = fs::read_to_string(root.join("provider/python.stp")).unwrap();
    fs::write(ours.join("sonde_python.stp"), tapset.replace("@SONDE@", SONDE)).unwrap();
    // A script using every alias and every variable it defines.
    let mut all = String::new();
    for (name, args) in sonde_arch::PROBES {
        let vars: Vec<String> = args
            .iter()
            .map(|(t, n)| {
                format!(
                    "{}{}",
                    if t.contains("char") { "" } else { "sprint" },
                    if t.contains("char") { n.to_string() } else { format!("({n})") }
                )
            })
            .collect();
        all.push_str(&format!(
            "probe python.{} {{ println({}) }}\n",
            name.replace("__", "."),
            vars.join(" . \" \" . ")
        ));
    }
    fs::write(tmp.join("all.stp"), &all).unwrap();
    let mut scripts = vec![tmp.join("all.stp")];
    let mut examples: Vec<PathBuf> = fs::read_dir(root.join("provider/examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "stp"))
        .collect();
    examples.sort();
    assert!(!examples.is_empty());
    scripts.extend(examples);
    let mut failures = Vec::new();
    for s in &scripts {
        let o = Command::new("stap")
            .env("SYSTEMTAP_TAPSET", &sys)
            .arg("-r")
            .arg(&kdir)
            .arg("-p2")
            .arg("-I")
            .arg(&ours)
            .arg(s)
            .output()
            .unwrap();
        if !o.status.success() {
            failures.push(format!("{}:\n{}", s.display(), String::from_utf8_lossy(&o.stderr)));
        }
    }
    let _ = fs::remove_dir_all(&tmp);
    assert!(failures.is_empty(), "stap -p2 failed:\n{}", failures.join("\n"));
}

/// Every example bpftrace script in provider/examples runs against a real
/// program: it attaches, prints something and exits cleanly.
#[test]
fn bpftrace_examples_run() {
    if !sonde_arch::AVAILABLE || !have("bpftrace", "install bpftrace; it needs root and kernel uprobes") {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let prog = root.join("tests/tracing/events/prog.py");
    let mut scripts: Vec<PathBuf> = fs::read_dir(root.join("provider/examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "bt"))
        .collect();
    scripts.sort();
    assert!(!scripts.is_empty());
    for s in scripts {
        let r = run_bpftrace(&fs::read_to_string(&s).unwrap(), &format!("{} {}", SONDE, prog.display()));
        let body: Vec<&str> = r.out.lines().filter(|l| !l.is_empty() && !l.starts_with("Attaching")).collect();
        assert!(
            r.status.success() && r.out.contains("Attaching") && !body.is_empty(),
            "{} printed nothing:\n{}\n{}",
            s.display(),
            r.out,
            r.stderr
        );
    }
}

/// Debian's CPython 3.11, built with the same SDT probes (its notes are in
/// the executable itself).
const CPYTHON: &str = "/usr/bin/python3.11";

/// The issue's acceptance check: one bpftrace script, tests/tracing/
/// same_as_cpython/trace.bt, traces the same program under sonde and under
/// Debian's python3.11, and both print the same stream of function entries
/// and returns, lines, imports and application audit events (with and
/// without -O). The script documents the deliberate differences it leaves
/// out (function__entry's lineno, audit's second argument, CPython's own
/// audit events).
#[test]
fn bpftrace_same_stream_as_cpython() {
    if !have("bpftrace", "install bpftrace; it needs root and kernel uprobes") {
        return;
    }
    if !Path::new(CPYTHON).exists() {
        assert!(
            tracers_optional(),
            "{CPYTHON} is missing (apt package python3.11); set SONDE_TRACERS=optional to skip"
        );
        return;
    }
    let case = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tracing/same_as_cpython");
    // A short copy of the case: bpftrace compares at most 64 bytes of a
    // string, so the directory prefix the script filters on must be short.
    let dir = PathBuf::from(format!("/tmp/sc{}/", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    for e in fs::read_dir(&case).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "py") {
            fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
    }
    let dir_s = dir.to_str().unwrap();
    let script = fs::read_to_string(case.join("trace.bt")).unwrap();
    let mut failures = Vec::new();
    for opt in [false, true] {
        let mut streams = Vec::new();
        for bin in [CPYTHON, SONDE] {
            let s = script
                .replace("@BIN@", bin)
                .replace("@DIR@", dir_s)
                .replace("@LEN@", &dir_s.len().to_string());
            let cmd = format!("{bin} {}{dir_s}prog.py", if opt { "-O " } else { "" });
            let r = run_bpftrace(&s, &cmd);
            assert!(r.status.success(), "bpftrace under {bin}:\n{}", r.stderr);
            // bpftrace's "Attaching N probes" counts sites, which differ.
            let events: String = r
                .out
                .lines()
                .filter(|l| !l.starts_with("Attaching"))
                .map(|l| format!("{l}\n"))
                .collect();
            assert!(
                events.lines().count() > 200 && events.contains(&format!("-> {dir_s}prog.py:<module>")),
                "too few events under {bin} (did the probes attach?):\n{events}{}",
                r.stderr
            );
            streams.push(events);
        }
        if streams[0] != streams[1] {
            let (a, b): (Vec<&str>, Vec<&str>) = (streams[0].lines().collect(), streams[1].lines().collect());
            let i = a.iter().zip(&b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
            let lo = i.saturating_sub(5);
            failures.push(format!(
                "{}event {i} differs:\n--- python3.11\n{}\n--- sonde\n{}",
                if opt { "-O: " } else { "" },
                a[lo..(i + 5).min(a.len())].join("\n"),
                b[lo..(i + 5).min(b.len())].join("\n")
            ));
        }
    }
    let _ = fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
