//! A DOF (DTrace Object Format) builder for user-level statically defined
//! probes: what `dtrace -G` writes into an object file, made at run time
//! from the probe sites a binary records, for the DTrace helper device.
//!
//! Written from the structure definitions of illumos
//! `usr/src/uts/common/sys/dtrace.h` (`dof_hdr_t`, `dof_sec_t`,
//! `dof_provider_t`, `dof_probe_t`). One DOF object holds one provider:
//!
//! | section   | contents                                              |
//! |-----------|-------------------------------------------------------|
//! | STRTAB    | `""`, the provider name, then function, probe and type strings |
//! | PROBES    | one `dof_probe_t` per probe and function              |
//! | PRARGS    | the translated-to-native argument mapping (identity)  |
//! | PROFFS    | probe site offsets from each probe's base address     |
//! | PRENOFFS  | is-enabled site offsets                               |
//! | PROVIDER  | the `dof_provider_t` linking the five above           |
//!
//! All integers are little-endian (the targets, x86_64 and aarch64, are);
//! the model is LP64, DOF version 2 (is-enabled offsets need it). Probe
//! names are D's, with each `__` of the declaration written `-`.
//!
//! This module is platform-independent and unit-tested on every platform;
//! only registering the result needs a DTrace kernel.

/// `dof_hdr_t` is 64 bytes; `dof_sec_t` 32; `dof_probe_t` 48;
/// `dof_provider_t` 44.
pub const HDR_SIZE: usize = 64;
pub const SEC_SIZE: usize = 32;
pub const PROBE_SIZE: usize = 48;
pub const PROVIDER_SIZE: usize = 44;

pub const SECT_STRTAB: u32 = 8;
pub const SECT_PROVIDER: u32 = 15;
pub const SECT_PROBES: u32 = 16;
pub const SECT_PRARGS: u32 = 17;
pub const SECT_PROFFS: u32 = 18;
pub const SECT_PRENOFFS: u32 = 26;
/// `DOF_SECF_LOAD`: the section is loaded into the kernel.
pub const SECF_LOAD: u32 = 1;

pub const MODEL_LP64: u8 = 2;
pub const ENCODE_LSB: u8 = 1;
pub const VERSION_2: u8 = 2;
/// Darwin's kernel takes only version 3, which has version 2's layout.
pub const VERSION_3: u8 = 3;
/// DIF instruction set version and register counts, as `dtrace -G` writes
/// them (DIF_VERSION_2, DIF_DIR_NREGS, DIF_DTR_NREGS).
pub const DIF_VERSION: u8 = 2;
pub const DIF_DIR_NREGS: u8 = 8;
pub const DIF_DTR_NREGS: u8 = 8;

/// Stability levels (`DTRACE_STABILITY_*`) and dependency classes
/// (`DTRACE_CLASS_*`) for `dof_attr_t`.
pub mod stability {
    pub const INTERNAL: u32 = 0;
    pub const PRIVATE: u32 = 1;
    pub const OBSOLETE: u32 = 2;
    pub const EXTERNAL: u32 = 3;
    pub const UNSTABLE: u32 = 4;
    pub const EVOLVING: u32 = 5;
    pub const STABLE: u32 = 6;
    pub const STANDARD: u32 = 7;
}
pub mod class {
    pub const UNKNOWN: u32 = 0;
    pub const CPU: u32 = 1;
    pub const PLATFORM: u32 = 2;
    pub const GROUP: u32 = 3;
    pub const ISA: u32 = 4;
    pub const COMMON: u32 = 5;
}

/// `DOF_ATTR(name, data, class)`.
pub const fn attr(name: u32, data: u32, class: u32) -> u32 {
    (name << 24) | (data << 16) | (class << 8)
}

/// The attributes CPython's `Include/pydtrace.d` declares with `#pragma D
/// attributes` for its provider: Evolving/Evolving/Common for all five of
/// provider, module, function, name and args.
pub const PYTHON_ATTRS: Attributes = {
    let a = attr(stability::EVOLVING, stability::EVOLVING, class::COMMON);
    Attributes {
        provider: a,
        module: a,
        function: a,
        name: a,
        args: a,
    }
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attributes {
    pub provider: u32,
    pub module: u32,
    pub function: u32,
    pub name: u32,
    pub args: u32,
}

/// A probe as declared in the provider: its D name (with `__`) and the C
/// types of its arguments.
#[derive(Clone, Debug)]
pub struct ProbeDecl<'a> {
    pub name: &'a str,
    pub args: Vec<&'a str>,
}

/// One recorded site: the probe it fires (index into the declarations),
/// its address, the function it is in, and whether it is an is-enabled
/// check rather than the probe itself.
#[derive(Clone, Debug)]
pub struct Site<'a> {
    pub probe: usize,
    pub addr: u64,
    pub func: &'a str,
    pub is_enabled: bool,
}

/// A probe's D name: `function__entry` is `function-entry`.
pub fn d_name(decl: &str) -> String {
    decl.replace("__", "-")
}

struct StrTab {
    bytes: Vec<u8>,
}

impl StrTab {
    fn new() -> StrTab {
        // Offset 0 is the empty string, as in ELF string tables.
        StrTab { bytes: vec![0] }
    }
    /// Add `s` (reusing an identical earlier string) and return its offset.
    fn add(&mut self, s: &str) -> u32 {
        let needle: Vec<u8> = s.bytes().chain(std::iter::once(0)).collect();
        if let Some(pos) = self.bytes.windows(needle.len()).position(|w| w == needle.as_slice()) {
            if pos == 0 || self.bytes[pos - 1] == 0 {
                return pos as u32;
            }
        }
        let off = self.bytes.len() as u32;
        self.bytes.extend_from_slice(&needle);
        off
    }
    /// Add a sequence of strings stored back to back (argument type lists).
    fn add_list(&mut self, items: &[&str]) -> u32 {
        let off = self.bytes.len() as u32;
        for s in items {
            self.bytes.extend_from_slice(s.as_bytes());
            self.bytes.push(0);
        }
        off
    }
}

fn put_u16(b: &mut Vec<u8>, v: u16) {
    b.extend_from_slice(&v.to_le_bytes());
}
fn put_u32(b: &mut Vec<u8>, v: u32) {
    b.extend_from_slice(&v.to_le_bytes());
}
fn put_u64(b: &mut Vec<u8>, v: u64) {
    b.extend_from_slice(&v.to_le_bytes());
}

struct Section {
    kind: u32,
    align: u32,
    entsize: u32,
    data: Vec<u8>,
}

/// Build the DOF for provider `provider` with probes `decls` and the sites
/// found in the binary. Each probe gets one `dof_probe_t` per function that
/// holds sites of it, based at that function's lowest site address with
/// the sites as offsets; a probe without sites is left out (DTrace would
/// reject a probe with no offsets).
pub fn build(provider: &str, attrs: Attributes, decls: &[ProbeDecl], sites: &[Site]) -> Vec<u8> {
    build_version(provider, attrs, decls, sites, VERSION_2)
}

/// [`build`] with the header's DOF version set to `version` (2, or 3 for
/// Darwin).
pub fn build_version(provider: &str, attrs: Attributes, decls: &[ProbeDecl], sites: &[Site], version: u8) -> Vec<u8> {
    let mut strtab = StrTab::new();
    let provider_name = strtab.add(provider);
    let mut probes = Vec::new();
    let mut prargs = Vec::new();
    let mut proffs = Vec::new();
    let mut prenoffs = Vec::new();
    for (i, decl) in decls.iter().enumerate() {
        // Functions in order of first appearance, for a stable layout.
        let mut funcs: Vec<&str> = Vec::new();
        for s in sites.iter().filter(|s| s.probe == i) {
            if !funcs.contains(&s.func) {
                funcs.push(s.func);
            }
        }
        for func in funcs {
            let here: Vec<&Site> = sites.iter().filter(|s| s.probe == i && s.func == func).collect();
            let base = here.iter().map(|s| s.addr).min().unwrap_or(0);
            let mut offs: Vec<u32> = here.iter().filter(|s| !s.is_enabled).map(|s| (s.addr - base) as u32).collect();
            let mut enoffs: Vec<u32> = here.iter().filter(|s| s.is_enabled).map(|s| (s.addr - base) as u32).collect();
            offs.sort_unstable();
            enoffs.sort_unstable();
            if offs.is_empty() {
                continue;
            }
            let func_name = strtab.add(func);
            let name = strtab.add(&d_name(decl.name));
            let nargv = strtab.add_list(&decl.args);
            // No translators: the translated types are the native ones.
            let xargv = nargv;
            let argidx = prargs.len() as u32;
            prargs.extend(0..decl.args.len() as u8);
            let offidx = (proffs.len() / 4) as u32;
            offs.iter().for_each(|o| put_u32(&mut proffs, *o));
            let enoffidx = (prenoffs.len() / 4) as u32;
            enoffs.iter().for_each(|o| put_u32(&mut prenoffs, *o));
            let p = &mut probes;
            put_u64(p, base);
            put_u32(p, func_name);
            put_u32(p, name);
            put_u32(p, nargv);
            put_u32(p, xargv);
            put_u32(p, argidx);
            put_u32(p, offidx);
            p.push(decl.args.len() as u8);
            p.push(decl.args.len() as u8);
            put_u16(p, offs.len() as u16);
            put_u32(p, enoffidx);
            put_u16(p, enoffs.len() as u16);
            put_u16(p, 0);
            put_u32(p, 0);
        }
    }
    // Section indices: the order of `sections` below.
    let (strtab_i, probes_i, prargs_i, proffs_i, prenoffs_i) = (0u32, 1u32, 2u32, 3u32, 4u32);
    let mut provider_data = Vec::with_capacity(PROVIDER_SIZE);
    for v in [
        strtab_i,
        probes_i,
        prargs_i,
        proffs_i,
        provider_name,
        attrs.provider,
        attrs.module,
        attrs.function,
        attrs.name,
        attrs.args,
        prenoffs_i,
    ] {
        put_u32(&mut provider_data, v);
    }
    let sections = [
        Section {
            kind: SECT_STRTAB,
            align: 1,
            entsize: 0,
            data: strtab.bytes,
        },
        Section {
            kind: SECT_PROBES,
            align: 8,
            entsize: PROBE_SIZE as u32,
            data: probes,
        },
        Section {
            kind: SECT_PRARGS,
            align: 1,
            entsize: 1,
            data: prargs,
        },
        Section {
            kind: SECT_PROFFS,
            align: 4,
            entsize: 4,
            data: proffs,
        },
        Section {
            kind: SECT_PRENOFFS,
            align: 4,
            entsize: 4,
            data: prenoffs,
        },
        Section {
            kind: SECT_PROVIDER,
            align: 4,
            entsize: 0,
            data: provider_data,
        },
    ];
    // Layout: header, section headers, then each section's data aligned.
    let mut offset = HDR_SIZE + SEC_SIZE * sections.len();
    let mut placed = Vec::new();
    for s in &sections {
        let a = s.align as usize;
        offset = offset.div_ceil(a) * a;
        placed.push(offset);
        offset += s.data.len();
    }
    let filesz = offset.div_ceil(8) * 8;
    let mut out = Vec::with_capacity(filesz);
    out.extend_from_slice(&[0x7f, b'D', b'O', b'F', MODEL_LP64, ENCODE_LSB, version, DIF_VERSION]);
    out.extend_from_slice(&[DIF_DIR_NREGS, DIF_DTR_NREGS, 0, 0, 0, 0, 0, 0]);
    put_u32(&mut out, 0); // dofh_flags
    put_u32(&mut out, HDR_SIZE as u32);
    put_u32(&mut out, SEC_SIZE as u32);
    put_u32(&mut out, sections.len() as u32);
    put_u64(&mut out, HDR_SIZE as u64); // dofh_secoff
    put_u64(&mut out, filesz as u64); // dofh_loadsz: every section loads
    put_u64(&mut out, filesz as u64);
    put_u64(&mut out, 0); // dofh_pad
    for (s, off) in sections.iter().zip(&placed) {
        put_u32(&mut out, s.kind);
        put_u32(&mut out, s.align);
        put_u32(&mut out, SECF_LOAD);
        put_u32(&mut out, s.entsize);
        put_u64(&mut out, *off as u64);
        put_u64(&mut out, s.data.len() as u64);
    }
    for (s, off) in sections.iter().zip(&placed) {
        out.resize(*off, 0);
        out.extend_from_slice(&s.data);
    }
    out.resize(filesz, 0);
    out
}

/// The declarations of provider/python.d, as `PROBES` lists them.
pub fn python_decls(probes: &[(&'static str, &'static [(&'static str, &'static str)])]) -> Vec<ProbeDecl<'static>> {
    probes
        .iter()
        .map(|(name, args)| ProbeDecl {
            name,
            args: args.iter().map(|(ty, _)| *ty).collect(),
        })
        .collect()
}
