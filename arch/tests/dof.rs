//! The DOF builder against the structure layouts of illumos `sys/dtrace.h`:
//! exact bytes for a small provider, and a decoder written here from the
//! same definitions (not from the builder) that reads DOF back.

mod common;

use common::{decode, DecodedProbe};
use sonde_arch::dof::{self, ProbeDecl, Site, PYTHON_ATTRS};

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

/// What the builder makes passes a kernel's checks, as version 2 for
/// illumos and FreeBSD and as version 3 for Darwin.
#[test]
fn kernels_accept_the_dof() {
    assert_eq!(common::kernel_accepts(&small(), false), Ok(()));
    let decls = dof::python_decls(sonde_arch::PROBES);
    let sites: Vec<Site> = (0..decls.len())
        .flat_map(|i| {
            let base = 0x40_0000 + (i as u64) * 0x40;
            [(base + 8, false), (base + 24, false), (base, true)].map(|(addr, is_enabled)| Site {
                probe: i,
                addr,
                func: "vm",
                is_enabled,
            })
        })
        .collect();
    let v2 = dof::build("python", PYTHON_ATTRS, &decls, &sites);
    assert_eq!(common::kernel_accepts(&v2, false), Ok(()));
    assert_eq!(common::kernel_accepts(&v2, true), Err("DOF version mismatch".into()));
    let v3 = dof::build_version("python", PYTHON_ATTRS, &decls, &sites, dof::VERSION_3);
    assert_eq!(common::kernel_accepts(&v3, true), Ok(()));
    assert_eq!(v3[6], 3);
    assert_eq!(&v3[7..], &v2[7..], "version 3 has version 2's layout");
}

/// The checker rejects what a kernel rejects (so its Ok means something).
#[test]
fn kernel_checks_catch_broken_dof() {
    let good = small();
    let broken = |at: usize, byte: u8| {
        let mut b = good.clone();
        b[at] = byte;
        common::kernel_accepts(&b, false)
    };
    assert_eq!(broken(1, b'X'), Err("DOF magic string mismatch".into()));
    assert_eq!(broken(12, 1), Err("DOF has invalid ident byte set".into()));
    // The string table's last byte (offset 256 + 25 - 1) is its terminator.
    assert_eq!(broken(280, b'x'), Err("non-terminating string table".into()));
    // noffs and nenoffs of the one probe (offsets 288 + 34, 288 + 40) zeroed.
    let mut b = good.clone();
    b[322] = 0;
    b[328] = 0;
    assert_eq!(common::kernel_accepts(&b, false), Err("zero probe and is-enabled offsets".into()));
    // The second probe offset (340 + 4) made equal to the first.
    let mut b = good.clone();
    b[344] = 0;
    assert_eq!(common::kernel_accepts(&b, false), Err("non-unique USDT offsets".into()));
}
