//! Shared by the DOF tests: a DOF reader and the checks a DTrace kernel
//! makes before it takes helper DOF, both written from illumos
//! `sys/dtrace.h` and `dtrace.c` (`dtrace_dof_slurp`,
//! `dtrace_helper_provider_validate`, and fasttrap's rule that a probe's
//! offsets are distinct), not from the builder.

#![allow(dead_code)]

pub fn u16_at(b: &[u8], o: usize) -> u16 {
    u16::from_le_bytes([b[o], b[o + 1]])
}
pub fn u32_at(b: &[u8], o: usize) -> u32 {
    u32::from_le_bytes(b[o..o + 4].try_into().unwrap())
}
pub fn u64_at(b: &[u8], o: usize) -> u64 {
    u64::from_le_bytes(b[o..o + 8].try_into().unwrap())
}
/// A `dof_sec_t`: (type, align, flags, entsize, offset, size).
pub type SecHdr = (u32, u32, u32, u32, usize, usize);

/// The `dof_sec_t` at byte `o`.
pub fn sec_hdr(b: &[u8], o: usize) -> SecHdr {
    (
        u32_at(b, o),
        u32_at(b, o + 4),
        u32_at(b, o + 8),
        u32_at(b, o + 12),
        u64_at(b, o + 16) as usize,
        u64_at(b, o + 24) as usize,
    )
}

pub fn cstr(b: &[u8], o: usize) -> String {
    let end = b[o..].iter().position(|&c| c == 0).unwrap();
    String::from_utf8(b[o..o + end].to_vec()).unwrap()
}

#[derive(Debug, PartialEq)]
pub struct DecodedProbe {
    pub func: String,
    pub name: String,
    pub native: Vec<String>,
    pub translated: Vec<String>,
    pub mapping: Vec<u8>,
    pub base: u64,
    pub offsets: Vec<u32>,
    pub enabled_offsets: Vec<u32>,
}

#[derive(Debug)]
pub struct Decoded {
    pub provider: String,
    pub attrs: [u32; 5],
    pub probes: Vec<DecodedProbe>,
}

/// A DOF reader following dtrace.h: dof_hdr_t (64 bytes: ident[16], flags,
/// hdrsize, secsize, secnum, secoff, loadsz, filesz, pad), dof_sec_t (type,
/// align, flags, entsize, offset, size), dof_provider_t (strtab, probes,
/// prargs, proffs, name, five attributes, prenoffs), dof_probe_t (addr,
/// func, name, nargv, xargv, argidx, offidx, nargc, xargc, noffs, enoffidx,
/// nenoffs, pad1, pad2).
pub fn decode(b: &[u8]) -> Decoded {
    assert_eq!(&b[0..4], b"\x7fDOF", "magic");
    assert_eq!(b[4], 2, "LP64 model");
    assert_eq!(b[5], 1, "little-endian encoding");
    assert!(b[6] == 2 || b[6] == 3, "DOF version 2 (is-enabled probes) or 3 (Darwin)");
    assert!(b[10..16].iter().all(|&x| x == 0), "ident padding");
    assert_eq!(u32_at(b, 16), 0, "flags");
    let hdrsize = u32_at(b, 20) as usize;
    let secsize = u32_at(b, 24) as usize;
    let secnum = u32_at(b, 28) as usize;
    let secoff = u64_at(b, 32) as usize;
    assert_eq!((hdrsize, secsize), (64, 32));
    assert_eq!(u64_at(b, 48) as usize, b.len(), "filesz");
    assert!(u64_at(b, 40) as usize <= b.len(), "loadsz");
    let secs: Vec<SecHdr> = (0..secnum)
        .map(|i| {
            let s = sec_hdr(b, secoff + i * secsize);
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

/// The checks a kernel makes before it takes helper DOF (illumos
/// `dtrace_dof_slurp` and `dtrace_helper_provider_validate`, fasttrap's
/// distinct offsets); Darwin differs only in taking version 3 alone.
/// `Err` names the first rule broken, in the kernel's words.
pub fn kernel_accepts(b: &[u8], darwin: bool) -> Result<(), String> {
    const HDR: usize = 64;
    let err = |m: &str| Err(m.to_string());
    if b.len() < HDR {
        return err("truncated header");
    }
    let len = u64_at(b, 40) as usize; // dofh_loadsz
    if len < HDR || len > b.len() {
        return err("load size");
    }
    if &b[0..4] != b"\x7fDOF" {
        return err("DOF magic string mismatch");
    }
    if b[4] != 1 && b[4] != 2 {
        return err("DOF has invalid data model");
    }
    if b[5] != 1 {
        return err("DOF encoding mismatch");
    }
    let version = b[6];
    if (darwin && version != 3) || (!darwin && version != 1 && version != 2) {
        return err("DOF version mismatch");
    }
    if b[7] != 2 {
        return err("DOF uses unsupported instruction set");
    }
    if b[8] > 8 {
        return err("DOF uses too many integer registers");
    }
    if b[9] > 8 {
        return err("DOF uses too many tuple registers");
    }
    if b[10..16].iter().any(|&x| x != 0) {
        return err("DOF has invalid ident byte set");
    }
    if u32_at(b, 16) & !1 != 0 {
        return err("DOF has invalid flag bits set");
    }
    if u32_at(b, 20) as usize != HDR {
        return err("DOF has invalid header size");
    }
    let secsize = u32_at(b, 24) as usize;
    let secnum = u32_at(b, 28) as usize;
    let secoff = u64_at(b, 32) as usize;
    if secsize == 0 {
        return err("zero section header size");
    }
    if secoff > len || secnum * secsize > len || secoff + secnum * secsize > len {
        return err("truncated section headers");
    }
    if !secoff.is_multiple_of(8) {
        return err("misaligned section headers");
    }
    if !secsize.is_multiple_of(8) {
        return err("misaligned section size");
    }
    let sec = |i: usize| sec_hdr(b, secoff + i * secsize);
    const LOAD: u32 = 1;
    for i in 0..secnum {
        let (ty, align, flags, _, off, size) = sec(i);
        // Every section type sonde writes is loadable (DOF_SEC_ISLOADABLE).
        if matches!(ty, 8 | 15 | 16 | 17 | 18 | 26) && flags & LOAD == 0 {
            return err("loadable section with load flag unset");
        }
        if flags & LOAD == 0 {
            continue;
        }
        if align == 0 || align & (align - 1) != 0 {
            return err("bad section alignment");
        }
        if off & (align as usize - 1) != 0 {
            return err("misaligned section");
        }
        if off > len || size > len || off + size > len {
            return err("corrupt section header");
        }
        if ty == 8 && (size == 0 || b[off + size - 1] != 0) {
            return err("non-terminating string table");
        }
    }
    let mut providers = 0;
    for i in 0..secnum {
        let (ty, _, _, _, off, size) = sec(i);
        if ty != 15 {
            continue;
        }
        providers += 1;
        if !off.is_multiple_of(4) {
            return err("misaligned section offset");
        }
        if size < 44 {
            return err("provider section too small");
        }
        let link = |k: usize, want: u32| -> Result<SecHdr, String> {
            let idx = u32_at(b, off + 4 * k) as usize;
            if idx >= secnum {
                return Err("referenced section index is invalid".into());
            }
            let s = sec(idx);
            if s.2 & LOAD == 0 {
                return Err("referenced section is not loadable".into());
            }
            if s.0 != want {
                return Err("referenced section is the wrong type".into());
            }
            Ok(s)
        };
        let strtab = link(0, 8)?;
        let probes = link(1, 16)?;
        let prargs = link(2, 17)?;
        let proffs = link(3, 18)?;
        let prenoffs = if version != 1 && u32_at(b, off + 40) != 0 {
            Some(link(10, 26)?)
        } else {
            None
        };
        let strsz = strtab.5;
        let str_at = |o: u32| cstr(b, strtab.4 + o as usize);
        let name = u32_at(b, off + 16);
        if name as usize >= strsz {
            return err("invalid provider name");
        }
        if str_at(name).len() >= 64 {
            return err("provider name too long");
        }
        if probes.3 == 0 || probes.3 as usize > probes.5 {
            return err("invalid entry size");
        }
        if probes.3 % 8 != 0 {
            return err("misaligned entry size");
        }
        if proffs.3 != 4 || proffs.4 % 4 != 0 {
            return err("invalid probe offsets section");
        }
        if let Some(en) = prenoffs {
            if en.3 != 4 || en.4 % 4 != 0 {
                return err("invalid is-enabled offsets section");
            }
        }
        if prargs.3 != 1 {
            return err("invalid entry size");
        }
        for j in 0..probes.5 / probes.3 as usize {
            let o = probes.4 + j * probes.3 as usize;
            let (func, pname) = (u32_at(b, o + 8), u32_at(b, o + 12));
            if func as usize >= strsz {
                return err("invalid function name");
            }
            if str_at(func).len() >= 128 {
                return err("function name too long");
            }
            if pname as usize >= strsz {
                return err("invalid probe name");
            }
            if str_at(pname).len() >= 64 {
                return err("probe name too long");
            }
            let (offidx, noffs) = (u32_at(b, o + 28) as usize, u16_at(b, o + 34) as usize);
            if (offidx + noffs) * 4 > proffs.5 {
                return err("invalid probe offset");
            }
            let (enoffidx, nenoffs) = (u32_at(b, o + 36) as usize, u16_at(b, o + 40) as usize);
            match prenoffs {
                None if enoffidx != 0 || nenoffs != 0 => return err("is-enabled offsets with null section"),
                Some(en) if (enoffidx + nenoffs) * 4 > en.5 => return err("invalid is-enabled offset"),
                _ => {}
            }
            if version != 1 && noffs + nenoffs == 0 {
                return err("zero probe and is-enabled offsets");
            }
            if version == 1 && noffs == 0 {
                return err("zero probe offsets");
            }
            let (argidx, nargc, xargc) = (u32_at(b, o + 24) as usize, b[o + 32] as usize, b[o + 33] as usize);
            if argidx + xargc > prargs.5 {
                return err("invalid args");
            }
            for (at, n) in [(u32_at(b, o + 16), nargc), (u32_at(b, o + 20), xargc)] {
                let mut at = at as usize;
                for _ in 0..n {
                    if at >= strsz {
                        return err("bad argument type");
                    }
                    let t = cstr(b, strtab.4 + at);
                    if t.len() + 1 > 128 {
                        return err("argument type too long");
                    }
                    at += t.len() + 1;
                }
            }
            if (0..xargc).any(|k| b[prargs.4 + argidx + k] as usize > nargc) {
                return err("bad native argument index");
            }
            let distinct = |sec: SecHdr, idx: usize, n: usize| {
                let mut v: Vec<u32> = (0..n).map(|k| u32_at(b, sec.4 + 4 * (idx + k))).collect();
                v.sort_unstable();
                v.windows(2).all(|w| w[0] < w[1])
            };
            if !distinct(proffs, offidx, noffs) {
                return err("non-unique USDT offsets");
            }
            if let Some(en) = prenoffs {
                if !distinct(en, enoffidx, nenoffs) {
                    return err("non-unique is-enabled USDT offsets");
                }
            }
        }
    }
    if providers == 0 {
        return err("no provider section");
    }
    Ok(())
}
