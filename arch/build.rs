//! Generates the probe API from `provider/python.d`, the single list of probes.
//!
//! For each `probe name(args)` line it writes a module `name` (with `__`
//! turned into `_`) holding `enabled()` and `fire(args)`. Which backend the
//! bodies use is chosen by cfg in src/lib.rs; this script only emits the
//! signatures and the probe table.
//!
//! Features: `probes` (set by the sonde crate). Environment:
//! `SONDE_PROBES_BACKEND` (sdt, dtrace or none) overrides the target's
//! backend. Emits cfg `sonde_dtrace` when the DTrace backend is built.

use std::env;
use std::fmt::Write;
use std::fs;
use std::path::PathBuf;

struct Probe {
    name: String,
    args: Vec<(String, String)>,
}

fn parse(src: &str) -> Vec<Probe> {
    let mut out = Vec::new();
    for line in src.lines() {
        let line = line.trim();
        let Some(rest) = line.strip_prefix("probe ") else { continue };
        let open = rest.find('(').expect("probe line without '('");
        let close = rest.rfind(')').expect("probe line without ')'");
        let name = rest[..open].trim().to_string();
        let mut args = Vec::new();
        for a in rest[open + 1..close].split(',') {
            let a = a.trim();
            if a.is_empty() {
                continue;
            }
            let split = a.rfind([' ', '*']).expect("argument without a name");
            let ty = a[..=split].trim().to_string();
            let an = a[split + 1..].trim().to_string();
            args.push((ty, an));
        }
        out.push(Probe { name, args });
    }
    out
}

fn rust_type(d: &str) -> &'static str {
    match d {
        "const char *" | "char *" => "*const core::ffi::c_char",
        "int" => "i32",
        "long" => "i64",
        other => panic!("unsupported D type in python.d: {other}"),
    }
}

/// Page-aligns `.probes`. The kernel finds a semaphore by file offset
/// (uprobes' ref_ctr_offset) in the first writable mapping of the file that
/// covers it. lld lets the RELRO segment and the RW segment share a file page,
/// and RELRO is still writable when the loader maps it, so an unaligned
/// semaphore is bumped at its twin address in RELRO and a tracer started
/// before the process (`bpftrace -c`) never enables the probe. A page-aligned
/// section has file offsets no other mapping covers.
const SDT_SECTION_ANCHOR: &str = "
#[repr(C, align(4096))]
struct PageAligned([u8; 16]);
/// Forces `.probes` to start on a page of its own (see arch/build.rs).
#[used]
#[link_section = \".probes\"]
static PROBES_SECTION_ANCHOR: PageAligned = PageAligned([0; 16]);
";

/// The Rust module of a probe: `function__entry` is `function_entry`.
fn module_name(p: &Probe) -> String {
    p.name.replace("__", "_")
}

/// `fire`'s parameter list: `filename: *const c_char, ...`.
fn rust_params(p: &Probe) -> String {
    let params: Vec<String> = p.args.iter().map(|(t, n)| format!("{}: {}", n, rust_type(t))).collect();
    params.join(", ")
}

/// A probe that compiles to nothing: `enabled()` is constant false.
fn emit_noop(out: &mut String, p: &Probe) {
    let (rname, params) = (module_name(p), rust_params(p));
    let names: Vec<String> = p.args.iter().map(|(_, n)| n.clone()).collect();
    let _ = writeln!(out, "\n/// `python:{}` (compiled out)", p.name);
    let _ = writeln!(out, "pub mod {} {{", rname);
    let _ = writeln!(out, "    /// Always false: this build has no probes.");
    let _ = writeln!(out, "    #[inline(always)]");
    let _ = writeln!(out, "    pub const fn enabled() -> bool {{ false }}");
    let _ = writeln!(out, "    /// Does nothing.");
    let _ = writeln!(out, "    #[inline(always)]");
    let _ = writeln!(out, "    pub fn fire({}) {{ let _ = ({},); }}", params, names.join(", "));
    let _ = writeln!(out, "}}");
}

/// The argument spec sys/sdt.h would write for one operand: size (negative
/// for signed) `@` register, where `{i}` is the asm operand.
fn sdt_arg(ty: &str, i: usize, arch: &str) -> String {
    match (ty, arch) {
        ("int", "x86_64") => format!("-4@{{{i}:e}}"),
        // bcc and bpftrace parse only x registers on aarch64: the int goes in
        // sign-extended to 64 bits and the spec reads its low 4 bytes.
        ("int", _) => format!("-4@{{{i}}}"),
        ("long", _) => format!("-8@{{{i}}}"),
        (_, _) => format!("8@{{{i}}}"),
    }
}

/// A Linux SDT probe: a `nop` at the site, a version-3 `.note.stapsdt` entry
/// naming it, and a semaphore `python_<probe>_semaphore` in `.probes` that the
/// kernel (uprobes' ref_ctr) or gdb raises while a tracer is attached.
/// Probes whose semaphores share one aligned 4-byte word (at byte offsets 0
/// and 2), so that the one function checking both does it with one
/// compare: (the word, its check, the two probes). A frame's start looks
/// at function__entry and line; a builtin call at both cfunction probes.
const PAIRS: [(&str, &str, [&str; 2]); 2] = [
    ("FRAME_SEMAPHORES", "frame_watched", ["function__entry", "line"]),
    (
        "CFUNCTION_SEMAPHORES",
        "cfunction_watched",
        ["cfunction__entry", "cfunction__return"],
    ),
];

/// The word `probe`'s semaphore is half of, and the half's byte offset.
fn pair_of(probe: &str) -> Option<(&'static str, usize)> {
    PAIRS
        .iter()
        .find_map(|(word, _, names)| names.iter().position(|n| *n == probe).map(|i| (*word, 2 * i)))
}

fn emit_sdt(out: &mut String, p: &Probe, arch: &str) {
    let (rname, params) = (module_name(p), rust_params(p));
    let sem = format!("python_{}_semaphore", p.name);
    // Where the semaphore is, as an asm operand and an offset from it.
    let pair = pair_of(&p.name);
    let (sem_sym, off) = match pair {
        Some((word, off)) => (format!("crate::{word}"), format!("+{off}")),
        None => (sem.clone(), String::new()),
    };
    let specs: Vec<String> = p.args.iter().enumerate().map(|(i, (t, _))| sdt_arg(t, i, arch)).collect();
    let operands: Vec<String> = p
        .args
        .iter()
        .map(|(t, n)| {
            if t == "int" && arch != "x86_64" {
                format!("in(reg) i64::from({n})")
            } else {
                format!("in(reg) {n}")
            }
        })
        .collect();
    let _ = writeln!(out, "\n/// `python:{}`", p.name);
    let _ = writeln!(out, "pub mod {} {{", rname);
    if pair.is_none() {
        let _ = writeln!(
            out,
            "    /// Raised by the tracer while it is attached; shared by every site of this probe."
        );
        let _ = writeln!(out, "    #[no_mangle]");
        let _ = writeln!(out, "    #[used]");
        let _ = writeln!(out, "    #[link_section = \".probes\"]");
        let _ = writeln!(out, "    #[allow(non_upper_case_globals)]");
        let _ = writeln!(
            out,
            "    pub static {sem}: core::sync::atomic::AtomicU16 = core::sync::atomic::AtomicU16::new(0);"
        );
    } else {
        // Its half of the shared word, under the conventional name too.
        let _ = writeln!(
            out,
            "    core::arch::global_asm!(\".globl {sem}\", \".type {sem}, %object\", \".size {sem}, 2\", \".set {sem}, {{s}}{off}\", s = sym {sem_sym});"
        );
    }
    let _ = writeln!(out, "    /// Whether a tracer is attached to this probe.");
    let _ = writeln!(out, "    #[inline(always)]");
    // One PC-relative compare and branch on x86_64, one PC-relative load on
    // aarch64: a Rust load of the exported static would first fetch its
    // address from the GOT, on every check of every idle probe.
    let _ = writeln!(out, "    pub fn enabled() -> bool {{");
    if arch == "x86_64" {
        let _ = writeln!(
            out,
            "        // SAFETY: the asm compares the 2-byte semaphore above with zero (the same\n        \
             // read as `{sem}.load(Relaxed)`) and jumps to the label when it is not; it\n        \
             // writes no memory or stack."
        );
        let _ = writeln!(
            out,
            "        unsafe {{ core::arch::asm!(\"cmpw $0, {{sem}}{off}(%rip)\", \"jne {{on}}\", sem = sym {sem_sym}, on = label {{ return true; }}, options(nostack, readonly, att_syntax)) }};"
        );
        let _ = writeln!(out, "        false");
    } else {
        let _ = writeln!(out, "        let s: u32;");
        let _ = writeln!(
            out,
            "        // SAFETY: the asm reads the 2-byte semaphore above (the same load as\n        \
             // `{sem}.load(Relaxed)`) into a register it owns; it writes no memory, stack or flags."
        );
        let _ = writeln!(
            out,
            "        unsafe {{ core::arch::asm!(\"adrp {{t}}, {{sem}}{off}\", \"ldrh {{s:w}}, [{{t}}, :lo12:{{sem}}{off}]\", sem = sym {sem_sym}, s = out(reg) s, t = out(reg) _, options(nostack, readonly, preserves_flags)) }};"
        );
        let _ = writeln!(out, "        s != 0");
    }
    let _ = writeln!(out, "    }}");
    let _ = writeln!(out, "    /// Fire the probe. Call only inside `if enabled()`.");
    let _ = writeln!(out, "    #[inline(always)]");
    let _ = writeln!(out, "    pub fn fire({}) {{", params);
    let _ = writeln!(
        out,
        "        // SAFETY: the asm is one nop plus data in a note and a comdat section; it writes\n        \
         // no memory, stack or flags. `readonly`, not `nomem`: the tracer reads the strings\n        \
         // the pointers name, so they must be in memory by the time the nop runs."
    );
    let _ = writeln!(out, "        unsafe {{ core::arch::asm!(");
    let syntax = if arch == "x86_64" { ", att_syntax" } else { "" };
    // The base symbol is defined before the note refers to it: LLVM's
    // `.ifndef` counts a merely referenced symbol as defined.
    let lines = [
        ".ifndef _.stapsdt.base".to_string(),
        ".pushsection .stapsdt.base,\\\"aGR\\\",\\\"progbits\\\",.stapsdt.base,comdat".to_string(),
        ".weak _.stapsdt.base".to_string(),
        ".hidden _.stapsdt.base".to_string(),
        "_.stapsdt.base: .space 1".to_string(),
        ".size _.stapsdt.base, 1".to_string(),
        ".popsection".to_string(),
        ".endif".to_string(),
        "990: nop".to_string(),
        ".pushsection .note.stapsdt,\\\"\\\",\\\"note\\\"".to_string(),
        ".balign 4".to_string(),
        ".4byte 992f-991f, 994f-993f, 3".to_string(),
        "991: .asciz \\\"stapsdt\\\"".to_string(),
        "992: .balign 4".to_string(),
        "993: .8byte 990b".to_string(),
        ".8byte _.stapsdt.base".to_string(),
        format!(".8byte {{sem}}{off}"),
        ".asciz \\\"python\\\"".to_string(),
        format!(".asciz \\\"{}\\\"", p.name),
        format!(".asciz \\\"{}\\\"", specs.join(" ")),
        "994: .balign 4".to_string(),
        ".popsection".to_string(),
    ];
    for l in &lines {
        let _ = writeln!(out, "            \"{l}\",");
    }
    let _ = writeln!(out, "            {},", operands.join(", "));
    let _ = writeln!(out, "            sem = sym {sem_sym},");
    let _ = writeln!(out, "            options(nostack, readonly, preserves_flags{syntax}),");
    let _ = writeln!(out, "        ) }}");
    let _ = writeln!(out, "    }}");
    let _ = writeln!(out, "}}");
}

/// SDT: the shared semaphore words (`PAIRS`), each with its check, one
/// compare of the word; and `vm_flag` and `frame_watched_or_flag`, the
/// VM's flag beside the frame semaphores and the one compare of all three.
fn sdt_pair_words(arch: &str) -> String {
    let mut out = String::from(
        "
/// Two probes' semaphores side by side in one aligned word, so that one
/// compare checks both. Each probe's note names its own half, under its
/// conventional symbol. The word after the frame semaphores is the VM's
/// (`vm_flag`), so that one 8-byte compare checks it with them
/// (`frame_watched_or_flag`); the cfunction word's is unused.
#[repr(C, align(8))]
pub struct SemaphorePair(pub [core::sync::atomic::AtomicU16; 2], pub core::sync::atomic::AtomicU32);
",
    );
    for (word, check, [a, b]) in PAIRS {
        let body = if arch == "x86_64" {
            format!(
                "    // SAFETY: the asm compares the 4-byte word above with zero (both semaphores at\n    \
                 // once, as two `load(Relaxed)`s would) and jumps to the label when it is not; it\n    \
                 // writes no memory or stack.\n    \
                 unsafe {{ core::arch::asm!(\"cmpl $0, {{w}}(%rip)\", \"jne {{on}}\", w = sym {word}, on = label {{ return true; }}, options(nostack, readonly, att_syntax)) }};\n    \
                 false"
            )
        } else {
            format!(
                "    let s: u32;\n    \
                 // SAFETY: the asm reads the 4-byte word above (both semaphores at once) into a\n    \
                 // register it owns; it writes no memory, stack or flags.\n    \
                 unsafe {{ core::arch::asm!(\"adrp {{t}}, {{w}}\", \"ldr {{s:w}}, [{{t}}, :lo12:{{w}}]\", w = sym {word}, s = out(reg) s, t = out(reg) _, options(nostack, readonly, preserves_flags)) }};\n    \
                 s != 0"
            )
        };
        let _ = write!(
            out,
            "
/// The {a} and {b} semaphores.
#[used]
#[link_section = \".probes\"]
pub static {word}: SemaphorePair = SemaphorePair(
    [core::sync::atomic::AtomicU16::new(0), core::sync::atomic::AtomicU16::new(0)],
    core::sync::atomic::AtomicU32::new(0),
);

/// Whether {a} or {b} is enabled.
#[inline(always)]
pub fn {check}() -> bool {{
{body}
}}
"
        );
    }
    let check_or = if arch == "x86_64" {
        "    // SAFETY: the asm compares the 8-byte word above with zero (both semaphores and\n    \
         // the VM's flag at once, as three `load(Relaxed)`s would) and jumps to the label\n    \
         // when it is not; it writes no memory or stack.\n    \
         unsafe { core::arch::asm!(\"cmpq $0, {w}(%rip)\", \"jne {on}\", w = sym FRAME_SEMAPHORES, on = label { return true; }, options(nostack, readonly, att_syntax)) };\n    \
         false"
    } else {
        "    let s: u64;\n    \
         // SAFETY: the asm reads the 8-byte word above (both semaphores and the VM's flag)\n    \
         // into a register it owns; it writes no memory, stack or flags.\n    \
         unsafe { core::arch::asm!(\"adrp {t}, {w}\", \"ldr {s}, [{t}, :lo12:{w}]\", w = sym FRAME_SEMAPHORES, s = out(reg) s, t = out(reg) _, options(nostack, readonly, preserves_flags)) };\n    \
         s != 0"
    };
    let _ = write!(
        out,
        "
/// The VM's own flag word, beside the frame semaphores (the collector's
/// pending collection).
#[inline(always)]
pub fn vm_flag() -> &'static core::sync::atomic::AtomicU32 {{
    &FRAME_SEMAPHORES.1
}}

/// Whether the VM's flag is set or function__entry or line is enabled,
/// with one compare: a frame's start checks its other slow path with
/// the probes.
#[inline(always)]
pub fn frame_watched_or_flag() -> bool {{
{check_or}
}}
"
    );
    out
}

/// The retained section the DTrace backend records its sites in. GNU ld and
/// lld define `__start_`/`__stop_` symbols for a section named like a C
/// identifier; the `set_` prefix is FreeBSD's linker-set convention, which
/// illumos ld is reported to honour too (not checked here: no illumos
/// linker on these machines; `provider/check-dtrace.sh` would show it).
const DTRACE_SECTION_ELF: &str = "set_sonde_dtrace_sites";
/// The Mach-O twin; `no_dead_strip` keeps ld64's `-dead_strip` off it.
const DTRACE_SECTION_MACHO: &str = "__DATA,__sonde_sites,regular,no_dead_strip";

/// The asm lines that record one DTrace site: its address, the probe's index
/// in `PROBES` and whether it is an is-enabled site, 16 bytes per record.
/// On ELF a `R_*_NONE` relocation from the site to its record keeps the
/// record exactly as long as the code (lld's default `-z start-stop-gc`
/// would otherwise drop the records section under `--gc-sections`).
fn dtrace_record(idx: usize, is_enabled: bool, arch: &str, os: &str) -> Vec<String> {
    let flag = u32::from(is_enabled);
    let mut v = Vec::new();
    if os == "macos" {
        v.push(format!(".pushsection {DTRACE_SECTION_MACHO}"));
    } else {
        v.push(format!(".pushsection {DTRACE_SECTION_ELF},\\\"aw\\\""));
    }
    v.push(".p2align 3".to_string());
    v.push("991: .quad 990b".to_string());
    v.push(format!(".long {idx}"));
    v.push(format!(".long {flag}"));
    v.push(".popsection".to_string());
    if os != "macos" {
        let none = if arch == "x86_64" { "R_X86_64_NONE" } else { "R_AARCH64_NONE" };
        v.push(format!(".reloc 990b, {none}, 991b"));
    }
    v
}

/// A DTrace USDT probe as `dtrace -G` leaves one: the site is what the
/// linker makes of the call to the probe function, and the arguments are in
/// the ABI's argument registers, where fasttrap reads them.
///
/// x86_64: the probe site is five one-byte NOPs; the is-enabled site is
/// `xor %rax,%rax` followed by two NOPs, recorded at the first NOP. While a
/// tracer is attached the kernel puts a trap there, sets %rax to 1 and steps
/// over the NOP, so `enabled()` returns true.
///
/// aarch64: the probe site is one `nop`; the is-enabled site is `mov x0, #0`,
/// recorded at that instruction, which the kernel replaces and emulates as
/// x0 = 1.
///
/// `int` arguments go in sign-extended to 64 bits, so a script reading
/// `arg2` sees the number, not stale upper register bits.
fn emit_dtrace(out: &mut String, p: &Probe, idx: usize, arch: &str, os: &str) {
    let (rname, params) = (module_name(p), rust_params(p));
    let (regs, ret, syntax, site, en_site): (&[&str], &str, &str, Vec<&str>, Vec<&str>) = if arch == "x86_64" {
        (
            &["rdi", "rsi", "rdx", "rcx", "r8", "r9"],
            "rax",
            ", att_syntax",
            vec!["990: .byte 0x90, 0x90, 0x90, 0x90, 0x90"],
            vec![".byte 0x48, 0x33, 0xc0", "990: .byte 0x90, 0x90"],
        )
    } else {
        (
            &["x0", "x1", "x2", "x3", "x4", "x5"],
            "x0",
            "",
            vec!["990: nop"],
            vec!["990: mov x0, #0"],
        )
    };
    assert!(p.args.len() <= regs.len(), "{}: too many arguments for registers", p.name);
    let operands: Vec<String> = p
        .args
        .iter()
        .zip(regs)
        .map(|((t, n), r)| {
            if t == "int" {
                format!("in(\"{r}\") i64::from({n})")
            } else {
                format!("in(\"{r}\") {n}")
            }
        })
        .collect();
    let asm_lines = |lines: &[String], out: &mut String| {
        for l in lines {
            let _ = writeln!(out, "            \"{l}\",");
        }
    };
    let _ = writeln!(out, "\n/// `python:{}` (DTrace USDT)", p.name);
    let _ = writeln!(out, "pub mod {} {{", rname);
    let _ = writeln!(out, "    /// Whether a tracer is attached to this probe.");
    let _ = writeln!(out, "    #[inline(always)]");
    let _ = writeln!(out, "    pub fn enabled() -> bool {{");
    let _ = writeln!(out, "        let on: u64;");
    let _ = writeln!(
        out,
        "        // SAFETY: the asm zeroes one register (the result) and records the site's\n        \
         // address in the sites section; it touches no memory or stack. Only the kernel,\n        \
         // while a tracer is attached, changes what it returns."
    );
    let _ = writeln!(out, "        unsafe {{ core::arch::asm!(");
    let mut lines: Vec<String> = en_site.iter().map(|s| s.to_string()).collect();
    lines.extend(dtrace_record(idx, true, arch, os));
    asm_lines(&lines, out);
    let _ = writeln!(out, "            lateout(\"{ret}\") on,");
    let _ = writeln!(out, "            options(nomem, nostack{syntax}),");
    let _ = writeln!(out, "        ) }}");
    let _ = writeln!(out, "        on != 0");
    let _ = writeln!(out, "    }}");
    let _ = writeln!(out, "    /// Fire the probe. Call only inside `if enabled()`.");
    let _ = writeln!(out, "    #[inline(always)]");
    let _ = writeln!(out, "    pub fn fire({}) {{", params);
    let _ = writeln!(
        out,
        "        // SAFETY: the asm is NOPs plus a record in the sites section; it writes no\n        \
         // memory, stack or flags. `readonly`, not `nomem`: the tracer reads the strings\n        \
         // the pointers name, so they must be in memory by the time the site runs."
    );
    let _ = writeln!(out, "        unsafe {{ core::arch::asm!(");
    let mut lines: Vec<String> = site.iter().map(|s| s.to_string()).collect();
    lines.extend(dtrace_record(idx, false, arch, os));
    asm_lines(&lines, out);
    for o in &operands {
        let _ = writeln!(out, "            {o},");
    }
    let _ = writeln!(out, "            options(nostack, readonly, preserves_flags{syntax}),");
    let _ = writeln!(out, "        ) }}");
    let _ = writeln!(out, "    }}");
    let _ = writeln!(out, "}}");
}

/// Which probe implementation this build gets.
#[derive(Clone, Copy, PartialEq)]
enum Backend {
    /// Linux: SystemTap SDT notes and semaphores.
    Sdt,
    /// illumos, FreeBSD, macOS: DTrace USDT sites registered as DOF.
    Dtrace,
    /// Probes compiled out.
    None,
}

impl Backend {
    fn name(self) -> &'static str {
        match self {
            Backend::Sdt => "sdt",
            Backend::Dtrace => "dtrace",
            Backend::None => "none",
        }
    }
}

/// The backend for the target, or the one `SONDE_PROBES_BACKEND` names.
/// The override exists so the DTrace backend's sites and DOF can be built
/// and tested on Linux (`arch/tests/dtrace_sites.rs`), where no kernel
/// takes the DOF.
fn backend(os: &str, arch: &str, feature: bool) -> Backend {
    let arch_ok = arch == "x86_64" || arch == "aarch64";
    if !feature || !arch_ok {
        return Backend::None;
    }
    match env::var("SONDE_PROBES_BACKEND").as_deref() {
        Ok("sdt") if os == "linux" => return Backend::Sdt,
        Ok("dtrace") => return Backend::Dtrace,
        Ok("none") => return Backend::None,
        Ok(other) if !other.is_empty() => panic!("SONDE_PROBES_BACKEND={other}: expected sdt (Linux only), dtrace or none"),
        _ => {}
    }
    match os {
        "linux" => Backend::Sdt,
        "illumos" | "solaris" | "freebsd" | "macos" => Backend::Dtrace,
        _ => Backend::None,
    }
}

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let d_path = manifest.join("../provider/python.d");
    println!("cargo:rerun-if-changed={}", d_path.display());
    println!("cargo:rerun-if-env-changed=SONDE_PROBES_BACKEND");
    println!("cargo::rustc-check-cfg=cfg(sonde_dtrace)");
    let src = fs::read_to_string(&d_path).expect("read provider/python.d");
    let probes = parse(&src);
    let mut out = String::new();
    let _ = writeln!(out, "// Generated by build.rs from provider/python.d. Do not edit.");
    let _ = writeln!(out, "/// Every probe: (D name, [(D type, argument name)]).");
    let _ = writeln!(out, "pub const PROBES: &[(&str, &[(&str, &str)])] = &[");
    for p in &probes {
        let args: Vec<String> = p.args.iter().map(|(t, n)| format!("({:?}, {:?})", t, n)).collect();
        let _ = writeln!(out, "    ({:?}, &[{}]),", p.name, args.join(", "));
    }
    let _ = writeln!(out, "];");
    let os = env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let arch = env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    let feature = env::var_os("CARGO_FEATURE_PROBES").is_some();
    let backend = backend(&os, &arch, feature);
    let _ = writeln!(out, "/// Whether this build fires probes a tracer can see.");
    let _ = writeln!(out, "pub const AVAILABLE: bool = {};", backend != Backend::None);
    let _ = writeln!(out, "/// The probe implementation: \"sdt\", \"dtrace\" or \"none\".");
    let _ = writeln!(out, "pub const BACKEND: &str = {:?};", backend.name());
    if backend == Backend::Sdt {
        let _ = writeln!(out, "{}", SDT_SECTION_ANCHOR);
        let _ = writeln!(out, "{}", sdt_pair_words(&arch));
    }
    if backend == Backend::Dtrace {
        println!("cargo:rustc-cfg=sonde_dtrace");
    }
    for (i, p) in probes.iter().enumerate() {
        match backend {
            Backend::Sdt => emit_sdt(&mut out, p, &arch),
            Backend::Dtrace => emit_dtrace(&mut out, p, i, &arch, &os),
            Backend::None => emit_noop(&mut out, p),
        }
    }
    if backend != Backend::Sdt {
        let _ = writeln!(
            out,
            "\n/// The VM's own flag word (the collector's pending collection).\n\
             static VM_FLAG: core::sync::atomic::AtomicU32 = core::sync::atomic::AtomicU32::new(0);\n\
             /// The VM's own flag word.\n\
             #[inline(always)]\n\
             pub fn vm_flag() -> &'static core::sync::atomic::AtomicU32 {{ &VM_FLAG }}\n\
             /// Whether the VM's flag is set or function__entry or line is enabled.\n\
             #[inline(always)]\n\
             pub fn frame_watched_or_flag() -> bool {{ VM_FLAG.load(core::sync::atomic::Ordering::Relaxed) != 0 || frame_watched() }}"
        );
        for (_, check, [a, b]) in PAIRS {
            let _ = writeln!(out, "\n/// Whether {a} or {b} is enabled.");
            let _ = writeln!(out, "#[inline(always)]");
            let body = if backend == Backend::None {
                "false".to_string()
            } else {
                format!("{}::enabled() || {}::enabled()", a.replace("__", "_"), b.replace("__", "_"))
            };
            let _ = writeln!(out, "pub fn {check}() -> bool {{ {body} }}");
        }
    }
    let dest = PathBuf::from(env::var("OUT_DIR").unwrap()).join("probes.rs");
    fs::write(dest, out).unwrap();
}
