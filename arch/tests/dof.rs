//! The DOF builder against the structure layouts of illumos `sys/dtrace.h`:
//! exact bytes for a small provider, and a decoder written here from the
//! same definitions (not from the builder) that reads DOF back.

use sonde_arch::dof::{self, ProbeDecl, Site, PYTHON_ATTRS};

fn u16_at(b: &[u8], o: usize) -> u16 {
    u16::from_le_bytes([b[o], b[o + 1]])
}
fn u32_at(b: &[u8], o: usize) -> u32 {
    u32::from_le_bytes(b[o..o + 4].try_into().unwrap())
}
fn u64_at(b: &[u8], o: usize) -> u64 {
    u64::from_le_bytes(b[o..o + 8].try_into().unwrap())
}
fn cstr(b: &[u8], o: usize) -> String {
    let end = b[o..].iter().position(|&c| c == 0).unwrap();
    String::from_utf8(b[o..o + end].to_vec()).unwrap()
}

#[derive(Debug, PartialEq)]
struct DecodedProbe {
    func: String,
    name: String,
    native: Vec<String>,
    translated: Vec<String>,
    mapping: Vec<u8>,
    base: u64,
    offsets: Vec<u32>,
    enabled_offsets: Vec<u32>,
}

#[derive(Debug)]
struct Decoded {
    provider: String,
    attrs: [u32; 5],
    probes: Vec<DecodedProbe>,
}

/// A DOF reader following dtrace.h: dof_hdr_t (64 bytes: ident[16], flags,
/// hdrsize, secsize, secnum, secoff, loadsz, filesz, pad), dof_sec_t (type,
/// align, flags, entsize, offset, size), dof_provider_t (strtab, probes,
/// prargs, proffs, name, five attributes, prenoffs), dof_probe_t (addr,
/// func, name, nargv, xargv, argidx, offidx, nargc, xargc, noffs, enoffidx,
/// nenoffs, pad1, pad2).
fn decode(b: &[u8]) -> Decoded {
    assert_eq!(&b[0..4], b"\x7fDOF", "magic");
    assert_eq!(b[4], 2, "LP64 model");
    assert_eq!(b[5], 1, "little-endian encoding");
    assert_eq!(b[6], 2, "DOF version 2 (is-enabled probes)");
    assert!(b[10..16].iter().all(|&x| x == 0), "ident padding");
    assert_eq!(u32_at(b, 16), 0, "flags");
    let hdrsize = u32_at(b, 20) as usize;
    let secsize = u32_at(b, 24) as usize;
    let secnum = u32_at(b, 28) as usize;
    let secoff = u64_at(b, 32) as usize;
    assert_eq!((hdrsize, secsize), (64, 32));
    assert_eq!(u64_at(b, 48) as usize, b.len(), "filesz");
    assert!(u64_at(b, 40) as usize <= b.len(), "loadsz");
    let secs: Vec<(u32, u32, u32, u32, usize, usize)> = (0..secnum)
        .map(|i| {
            let o = secoff + i * secsize;
            let s = (
                u32_at(b, o),
                u32_at(b, o + 4),
                u32_at(b, o + 8),
                u32_at(b, o + 12),
                u64_at(b, o + 16) as usize,
                u64_at(b, o + 24) as usize,
            );
            assert_eq!(s.4 % s.1.max(1) as usize, 0, "section {i} misaligned");
            assert!(s.4 + s.5 <= b.len(), "section {i} past the end");
            s
        })
        .collect();
    let prov = secs.iter().find(|s| s.0 == 15).expect("a PROVIDER section");
    let p = prov.4;
    let link = |k: usize| secs[u32_at(b, p + 4 * k) as usize];
    let (strtab, probes, prargs, proffs) = (link(0), link(1), link(2), link(3));
    let prenoffs = secs[u32_at(b, p + 40) as usize];
    assert_eq!((strtab.0, probes.0, prargs.0, proffs.0, prenoffs.0), (8, 16, 17, 18, 26));
    let s = |i: u32| cstr(b, strtab.4 + i as usize);
    let provider = s(u32_at(b, p + 16));
    let attrs = [
        u32_at(b, p + 20),
        u32_at(b, p + 24),
        u32_at(b, p + 28),
        u32_at(b, p + 32),
        u32_at(b, p + 36),
    ];
    assert_eq!(probes.3, 48, "dof_probe_t entry size");
    let list = |mut at: usize, n: usize| {
        (0..n)
            .map(|_| {
                let v = cstr(b, at);
                at += v.len() + 1;
                v
            })
            .collect::<Vec<_>>()
    };
    let decoded = (0..probes.5 / 48)
        .map(|i| {
            let o = probes.4 + i * 48;
            let (nargc, xargc) = (b[o + 32] as usize, b[o + 33] as usize);
            let (offidx, noffs) = (u32_at(b, o + 28) as usize, u16_at(b, o + 34) as usize);
            let (enoffidx, nenoffs) = (u32_at(b, o + 36) as usize, u16_at(b, o + 40) as usize);
            let argidx = u32_at(b, o + 24) as usize;
            assert_eq!((u16_at(b, o + 42), u32_at(b, o + 44)), (0, 0), "padding");
            DecodedProbe {
                base: u64_at(b, o),
                func: s(u32_at(b, o + 8)),
                name: s(u32_at(b, o + 12)),
                native: list(strtab.4 + u32_at(b, o + 16) as usize, nargc),
                translated: list(strtab.4 + u32_at(b, o + 20) as usize, xargc),
                mapping: b[prargs.4 + argidx..prargs.4 + argidx + xargc].to_vec(),
                offsets: (0..noffs).map(|k| u32_at(b, proffs.4 + 4 * (offidx + k))).collect(),
                enabled_offsets: (0..nenoffs).map(|k| u32_at(b, prenoffs.4 + 4 * (enoffidx + k))).collect(),
            }
        })
        .collect();
    Decoded {
        provider,
        attrs,
        probes: decoded,
    }
}

fn small() -> Vec<u8> {
    let decls = [
        ProbeDecl {
            name: "tick__tock",
            args: vec!["int"],
        },
        ProbeDecl {
            name: "unused",
            args: vec!["char *"],
        },
    ];
    let sites = [
        Site {
            probe: 0,
            addr: 0x1010,
            func: "main",
            is_enabled: false,
        },
        Site {
            probe: 0,
            addr: 0x1000,
            func: "main",
            is_enabled: false,
        },
        Site {
            probe: 0,
            addr: 0x1008,
            func: "main",
            is_enabled: true,
        },
    ];
    dof::build("demo", PYTHON_ATTRS, &decls, &sites)
}

#[test]
fn small_provider_exact_bytes() {
    let b = small();
    let hex = |r: std::ops::Range<usize>| b[r].iter().map(|x| format!("{x:02x}")).collect::<String>();
    // dof_hdr_t: magic, LP64, LSB, version 2, DIF version 2, 8 and 8
    // registers, padding; flags 0, hdrsize 64, secsize 32, 6 sections at 64,
    // loadsz = filesz = 400, pad.
    assert_eq!(
        hex(0..64),
        concat!(
            "7f444f4602010202",
            "0808000000000000",
            "00000000",
            "40000000",
            "20000000",
            "06000000",
            "4000000000000000",
            "9001000000000000",
            "9001000000000000",
            "0000000000000000"
        )
    );
    // Section table: type, align, flags (LOAD), entsize, offset, size.
    assert_eq!(
        hex(64..256),
        concat!(
            "08000000",
            "01000000",
            "01000000",
            "00000000",
            "0001000000000000",
            "1900000000000000", // STRTAB at 256, 25
            "10000000",
            "08000000",
            "01000000",
            "30000000",
            "2001000000000000",
            "3000000000000000", // PROBES at 288, 48
            "11000000",
            "01000000",
            "01000000",
            "01000000",
            "5001000000000000",
            "0100000000000000", // PRARGS at 336, 1
            "12000000",
            "04000000",
            "01000000",
            "04000000",
            "5401000000000000",
            "0800000000000000", // PROFFS at 340, 8
            "1a000000",
            "04000000",
            "01000000",
            "04000000",
            "5c01000000000000",
            "0400000000000000", // PRENOFFS at 348, 4
            "0f000000",
            "04000000",
            "01000000",
            "00000000",
            "6001000000000000",
            "2c00000000000000", // PROVIDER at 352, 44
        )
    );
    // String table: "", provider, function, D probe name, argument types.
    assert_eq!(&b[256..281], b"\0demo\0main\0tick-tock\0int\0");
    // The probe: base 0x1000, func 6, name 11, nargv = xargv = 21,
    // argidx 0, offidx 0, 1 and 1 args, 2 offsets, enoffidx 0, 1 is-enabled.
    assert_eq!(
        hex(288..336),
        concat!(
            "0010000000000000",
            "06000000",
            "0b000000",
            "15000000",
            "15000000",
            "00000000",
            "00000000",
            "01",
            "01",
            "0200",
            "00000000",
            "0100",
            "0000",
            "00000000"
        )
    );
    assert_eq!(hex(336..337), "00"); // PRARGS: translated arg 0 is native 0
    assert_eq!(hex(340..352), "00000000".to_owned() + "10000000" + "08000000"); // offsets 0, 0x10; is-enabled 8
                                                                                // dof_provider_t: sections 0,1,2,3, name 1, five times
                                                                                // Evolving/Evolving/Common (DOF_ATTR(5, 5, 5) = 0x05050500), PRENOFFS
                                                                                // section 4.
    assert_eq!(
        hex(352..396),
        concat!(
            "00000000", "01000000", "02000000", "03000000", "01000000", "00050505", "00050505", "00050505", "00050505", "00050505",
            "04000000"
        )
    );
    assert_eq!(b.len(), 400);
}

#[test]
fn small_provider_decodes() {
    let d = decode(&small());
    assert_eq!(d.provider, "demo");
    assert_eq!(d.attrs, [0x0505_0500; 5]);
    assert_eq!(
        d.probes,
        vec![DecodedProbe {
            func: "main".into(),
            name: "tick-tock".into(),
            native: vec!["int".into()],
            translated: vec!["int".into()],
            mapping: vec![0],
            base: 0x1000,
            offsets: vec![0, 0x10],
            enabled_offsets: vec![8],
        }],
        "the probe without sites is left out"
    );
}

/// The DOF made for the python provider agrees with provider/python.d:
/// every probe, in order, with its argument types.
#[test]
fn python_provider_matches_python_d() {
    let decls = dof::python_decls(sonde_arch::PROBES);
    let funcs = ["sonde_a", "sonde_b"];
    let mut sites = Vec::new();
    for i in 0..decls.len() {
        for (k, func) in funcs.iter().enumerate() {
            let base = 0x40_0000 + (i as u64) * 0x1000 + k as u64 * 0x100;
            sites.push(Site {
                probe: i,
                addr: base + 0x20,
                func,
                is_enabled: false,
            });
            sites.push(Site {
                probe: i,
                addr: base,
                func,
                is_enabled: true,
            });
        }
    }
    let d = decode(&dof::build("python", PYTHON_ATTRS, &decls, &sites));
    assert_eq!(d.provider, "python");
    assert_eq!(d.probes.len(), sonde_arch::PROBES.len() * funcs.len());
    for (i, (name, args)) in sonde_arch::PROBES.iter().enumerate() {
        for (k, func) in funcs.iter().enumerate() {
            let p = &d.probes[i * funcs.len() + k];
            assert_eq!(p.name, name.replace("__", "-"));
            assert_eq!(&p.func, func);
            let types: Vec<String> = args.iter().map(|(t, _)| t.to_string()).collect();
            assert_eq!(p.native, types, "{name}");
            assert_eq!(p.translated, types, "{name}");
            assert_eq!(p.mapping, (0..args.len() as u8).collect::<Vec<_>>());
            assert_eq!((p.offsets.clone(), p.enabled_offsets.clone()), (vec![0x20], vec![0]));
            assert_eq!(p.base, 0x40_0000 + (i as u64) * 0x1000 + k as u64 * 0x100);
        }
    }
    // Eighteen probes, the count python.d declares.
    assert_eq!(sonde_arch::PROBES.len(), 18);
}
