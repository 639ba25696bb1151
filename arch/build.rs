//! Generates the probe API from `provider/python.d`, the single list of probes.
//!
//! For each `probe name(args)` line it writes a module `name` (with `__`
//! turned into `_`) holding `enabled()` and `fire(args)`. Which backend the
//! bodies use is chosen by cfg in src/lib.rs; this script only emits the
//! signatures and the probe table.
//!
//! cfgs read here: none. Features: `probes` (set by the sonde crate).

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

/// A probe that compiles to nothing: `enabled()` is constant false.
fn emit_noop(out: &mut String, p: &Probe) {
    let rname = p.name.replace("__", "_");
    let params: Vec<String> = p.args.iter().map(|(t, n)| format!("{}: {}", n, rust_type(t))).collect();
    let names: Vec<String> = p.args.iter().map(|(_, n)| n.clone()).collect();
    let _ = writeln!(out, "\n/// `python:{}` (compiled out)", p.name);
    let _ = writeln!(out, "pub mod {} {{", rname);
    let _ = writeln!(out, "    /// Always false: this build has no probes.");
    let _ = writeln!(out, "    #[inline(always)]");
    let _ = writeln!(out, "    pub const fn enabled() -> bool {{ false }}");
    let _ = writeln!(out, "    /// Does nothing.");
    let _ = writeln!(out, "    #[inline(always)]");
    let _ = writeln!(out, "    pub fn fire({}) {{ let _ = ({},); }}", params.join(", "), names.join(", "));
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
fn emit_sdt(out: &mut String, p: &Probe, arch: &str) {
    let rname = p.name.replace("__", "_");
    let sem = format!("python_{}_semaphore", p.name);
    let params: Vec<String> = p.args.iter().map(|(t, n)| format!("{}: {}", n, rust_type(t))).collect();
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
    let _ = writeln!(out, "    /// Whether a tracer is attached to this probe.");
    let _ = writeln!(out, "    #[inline(always)]");
    let _ = writeln!(
        out,
        "    pub fn enabled() -> bool {{ {sem}.load(core::sync::atomic::Ordering::Relaxed) != 0 }}"
    );
    let _ = writeln!(out, "    /// Fire the probe. Call only inside `if enabled()`.");
    let _ = writeln!(out, "    #[inline(always)]");
    let _ = writeln!(out, "    pub fn fire({}) {{", params.join(", "));
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
        ".8byte {sem}".to_string(),
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
    let _ = writeln!(out, "            sem = sym {sem},");
    let _ = writeln!(out, "            options(nostack, readonly, preserves_flags{syntax}),");
    let _ = writeln!(out, "        ) }}");
    let _ = writeln!(out, "    }}");
    let _ = writeln!(out, "}}");
}

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let d_path = manifest.join("../provider/python.d");
    println!("cargo:rerun-if-changed={}", d_path.display());
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
    let sdt = feature && os == "linux" && (arch == "x86_64" || arch == "aarch64");
    let _ = writeln!(out, "/// Whether this build fires probes a tracer can see.");
    let _ = writeln!(out, "pub const AVAILABLE: bool = {};", sdt);
    if sdt {
        let _ = writeln!(out, "{}", SDT_SECTION_ANCHOR);
    }
    for p in &probes {
        if sdt {
            emit_sdt(&mut out, p, &arch);
        } else {
            emit_noop(&mut out, p);
        }
    }
    let dest = PathBuf::from(env::var("OUT_DIR").unwrap()).join("probes.rs");
    fs::write(dest, out).unwrap();
}
