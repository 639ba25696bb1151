//! The DTrace backend's probe sites, checked on Linux x86_64 against a
//! stand-in for the kernel's fasttrap provider: the test decodes the DOF the
//! backend would hand to `/dev/dtrace/helper`, puts a trap (`int3`) at every
//! tracepoint of the probes it enables, exactly where the DOF says, and in
//! its SIGTRAP handler does what fasttrap does: at an is-enabled tracepoint
//! it sets %rax to 1 and steps over the NOP; at a probe tracepoint it reads
//! the arguments from the ABI's argument registers. So the site bytes, the
//! records, the DOF offsets, the is-enabled protocol and the argument
//! registers are all exercised; only the ioctl itself is not.
//!
//! Run with the backend built in (CI does):
//! `SONDE_PROBES_BACKEND=dtrace cargo test --release -p sonde-arch --test dtrace_sites --target-dir target/dtrace-sim`

#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

#[cfg(not(sonde_dtrace))]
#[test]
#[ignore = "needs SONDE_PROBES_BACKEND=dtrace at build time"]
fn needs_the_dtrace_backend() {
    panic!(
        "this build has the {} backend; build with SONDE_PROBES_BACKEND=dtrace",
        sonde_arch::BACKEND
    );
}

#[cfg(sonde_dtrace)]
mod common;

#[cfg(sonde_dtrace)]
mod sim {
    use super::common::{decode, kernel_accepts, DecodedProbe};
    use sonde_arch::{dof::d_name, dtrace, PROBES};
    use std::collections::BTreeSet;
    use std::ffi::{c_char, c_int, c_void};
    use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering::SeqCst};
    use std::sync::Mutex;

    /// The tests patch code: one at a time.
    static SERIAL: Mutex<()> = Mutex::new(());

    const MAX: usize = 256;
    /// Is-enabled tracepoints currently trapped.
    static EN_SITES: [AtomicU64; MAX] = [const { AtomicU64::new(0) }; MAX];
    static N_EN: AtomicUsize = AtomicUsize::new(0);
    /// Probe hits: trap address, then %rdi, %rsi, %rdx, %rcx, %r8.
    static HITS: [[AtomicU64; 6]; MAX] = [const { [const { AtomicU64::new(0) }; 6] }; MAX];
    static N_HITS: AtomicUsize = AtomicUsize::new(0);

    /// fasttrap's job at a trap, for the tracepoints this test enabled.
    extern "C" fn on_trap(_sig: c_int, _info: *mut libc::siginfo_t, ctx: *mut c_void) {
        // SAFETY: the kernel passes the interrupted context to an SA_SIGINFO
        // handler; only this thread's saved registers are touched.
        let g = unsafe { &mut (*(ctx as *mut libc::ucontext_t)).uc_mcontext.gregs };
        // int3 leaves %rip just past itself: the trapped byte is one back.
        let pc = g[libc::REG_RIP as usize] as u64 - 1;
        let n = N_EN.load(SeqCst);
        if EN_SITES[..n].iter().any(|a| a.load(SeqCst) == pc) {
            // The probe is enabled: %rax = 1, and %rip already steps over
            // the one-byte NOP the trap replaced.
            g[libc::REG_RAX as usize] = 1;
            return;
        }
        let i = N_HITS.fetch_add(1, SeqCst);
        if i < MAX {
            let regs = [libc::REG_RDI, libc::REG_RSI, libc::REG_RDX, libc::REG_RCX, libc::REG_R8];
            HITS[i][0].store(pc, SeqCst);
            for (k, r) in regs.iter().enumerate() {
                HITS[i][k + 1].store(g[*r as usize] as u64, SeqCst);
            }
        }
        // The rest of the site is NOPs: execution goes on from %rip.
    }

    fn install_handler() {
        // SAFETY: a zeroed sigaction with a valid SA_SIGINFO handler.
        unsafe {
            let mut sa: libc::sigaction = std::mem::zeroed();
            let handler: extern "C" fn(c_int, *mut libc::siginfo_t, *mut c_void) = on_trap;
            sa.sa_sigaction = handler as libc::sighandler_t;
            sa.sa_flags = libc::SA_SIGINFO;
            assert_eq!(libc::sigaction(libc::SIGTRAP, &sa, std::ptr::null_mut()), 0);
        }
    }

    /// Write one byte of our own text, as the kernel does with a tracepoint.
    fn poke(addr: u64, byte: u8) -> u8 {
        let page = addr & !4095;
        // SAFETY: addr is a recorded site inside this binary's text; the two
        // pages around it are made writable only while the byte changes, and
        // no other thread runs probe sites meanwhile (SERIAL).
        unsafe {
            let p = page as *mut c_void;
            assert_eq!(libc::mprotect(p, 8192, libc::PROT_READ | libc::PROT_WRITE | libc::PROT_EXEC), 0);
            let old = std::ptr::read_volatile(addr as *const u8);
            std::ptr::write_volatile(addr as *mut u8, byte);
            assert_eq!(libc::mprotect(p, 8192, libc::PROT_READ | libc::PROT_EXEC), 0);
            old
        }
    }

    fn probe_named<'a>(probes: &'a [DecodedProbe], name: &str) -> &'a DecodedProbe {
        probes
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{name} not in the DOF"))
    }

    /// Enable one probe as the kernel would: a trap at each tracepoint.
    /// Returns what to restore.
    fn enable(p: &DecodedProbe) -> Vec<(u64, u8)> {
        let mut saved = Vec::new();
        for off in &p.enabled_offsets {
            let a = p.base + u64::from(*off);
            let i = N_EN.fetch_add(1, SeqCst);
            EN_SITES[i].store(a, SeqCst);
            saved.push((a, poke(a, 0xcc)));
        }
        for off in &p.offsets {
            let a = p.base + u64::from(*off);
            saved.push((a, poke(a, 0xcc)));
        }
        saved
    }

    fn disable(saved: Vec<(u64, u8)>) {
        for (a, b) in saved {
            poke(a, b);
        }
        N_EN.store(0, SeqCst);
    }

    fn hits() -> Vec<[u64; 6]> {
        let n = N_HITS.swap(0, SeqCst).min(MAX);
        HITS[..n].iter().map(|h| std::array::from_fn(|k| h[k].load(SeqCst))).collect()
    }

    #[inline(never)]
    fn entry_site(file: *const c_char, func: *const c_char, line: i32) -> bool {
        if sonde_arch::function_entry::enabled() {
            sonde_arch::function_entry::fire(file, func, line);
            return true;
        }
        false
    }

    #[inline(never)]
    fn cfunction_site(file: *const c_char, func: *const c_char, line: i32, module: *const c_char) -> bool {
        if sonde_arch::cfunction_entry::enabled() {
            sonde_arch::cfunction_entry::fire(file, func, line, module);
            return true;
        }
        false
    }

    #[inline(never)]
    fn gc_done_site(collected: i64) -> bool {
        if sonde_arch::gc_done::enabled() {
            sonde_arch::gc_done::fire(collected);
            return true;
        }
        false
    }

    fn text(addr: u64, len: usize) -> Vec<u8> {
        // SAFETY: recorded sites are in this binary's mapped text.
        unsafe { std::slice::from_raw_parts(addr as *const u8, len).to_vec() }
    }

    /// Every recorded site holds what `dtrace -G` leaves: five NOPs at a
    /// probe site, `xor %rax,%rax; nop; nop` around an is-enabled site
    /// (recorded at its first NOP).
    #[test]
    fn sites_hold_what_dtrace_g_leaves() {
        let _g = SERIAL.lock().unwrap();
        // Keep the three sites in the binary.
        let entry: fn(*const c_char, *const c_char, i32) -> bool = entry_site;
        let cfunction: fn(*const c_char, *const c_char, i32, *const c_char) -> bool = cfunction_site;
        let gc_done: fn(i64) -> bool = gc_done_site;
        std::hint::black_box((entry, cfunction, gc_done));
        let sites = dtrace::sites();
        let used: BTreeSet<&str> = sites.iter().map(|s| PROBES[s.probe].0).collect();
        for name in ["function__entry", "cfunction__entry", "gc__done"] {
            assert!(used.contains(name), "no site recorded for {name}: {used:?}");
        }
        for s in &sites {
            if s.is_enabled {
                assert_eq!(text(s.addr - 3, 5), [0x48, 0x33, 0xc0, 0x90, 0x90], "{:?}", s);
            } else {
                assert_eq!(text(s.addr, 5), [0x90; 5], "{:?}", s);
            }
        }
        assert_eq!(
            dtrace::records().iter().filter(|r| r.addr == 0).count(),
            1,
            "exactly one anchor record"
        );
    }

    /// The DOF made from the sites passes a kernel's checks and gives back
    /// every site of every probe, with python.d's argument types.
    #[test]
    fn dof_describes_every_site() {
        let _g = SERIAL.lock().unwrap();
        let sites = dtrace::sites();
        let bytes = dtrace::dof();
        assert_eq!(kernel_accepts(&bytes, false), Ok(()));
        let d = decode(&bytes);
        assert_eq!(d.provider, "python");
        let with_sites: BTreeSet<usize> = sites.iter().filter(|s| !s.is_enabled).map(|s| s.probe).collect();
        assert_eq!(d.probes.len(), with_sites.len(), "one dof_probe_t per probe");
        for i in with_sites {
            let (name, args) = PROBES[i];
            let p = probe_named(&d.probes, &d_name(name));
            assert_eq!(p.func, dtrace::FUNCTION);
            let types: Vec<String> = args.iter().map(|(t, _)| t.to_string()).collect();
            assert_eq!(p.native, types);
            let want = |en: bool| -> BTreeSet<u64> {
                sites
                    .iter()
                    .filter(|s| s.probe == i && s.is_enabled == en)
                    .map(|s| s.addr)
                    .collect()
            };
            let got = |offs: &[u32]| -> BTreeSet<u64> { offs.iter().map(|o| p.base + u64::from(*o)).collect() };
            assert_eq!(got(&p.offsets), want(false), "{name} probe sites");
            assert_eq!(got(&p.enabled_offsets), want(true), "{name} is-enabled sites");
        }
    }

    /// Traps where the DOF says, handled as fasttrap handles them: the
    /// enabled probe reports true and fires with its arguments in %rdi,
    /// %rsi, %rdx, %rcx; the others stay off; removing the traps turns the
    /// probe off again.
    #[test]
    fn stand_in_fasttrap_sees_probes_fire() {
        let _g = SERIAL.lock().unwrap();
        install_handler();
        let d = decode(&dtrace::dof());
        let file = c"app.py";
        let func = c"handler";
        let module = c"builtins";
        hits();
        assert!(!entry_site(file.as_ptr(), func.as_ptr(), 7), "off before a tracer attaches");
        assert!(hits().is_empty());

        let saved = enable(probe_named(&d.probes, "function-entry"));
        assert!(entry_site(file.as_ptr(), func.as_ptr(), -7), "on while traced");
        let h = hits();
        assert_eq!(h.len(), 1, "one event: {h:x?}");
        let entry = probe_named(&d.probes, "function-entry");
        assert!(
            entry.offsets.iter().any(|o| entry.base + u64::from(*o) == h[0][0]),
            "the trap was a probe site"
        );
        assert_eq!(h[0][1], file.as_ptr() as u64, "arg0 in %rdi");
        assert_eq!(h[0][2], func.as_ptr() as u64, "arg1 in %rsi");
        assert_eq!(h[0][3] as i64, -7, "arg2 in %rdx, sign-extended to 64 bits");
        assert!(
            !cfunction_site(file.as_ptr(), func.as_ptr(), 1, module.as_ptr()),
            "other probes stay off"
        );
        assert!(!gc_done_site(3));
        assert!(hits().is_empty());
        disable(saved);
        assert!(!entry_site(file.as_ptr(), func.as_ptr(), 7), "off once the tracer detaches");

        let saved = enable(probe_named(&d.probes, "cfunction-entry"));
        assert!(cfunction_site(file.as_ptr(), func.as_ptr(), 42, module.as_ptr()));
        let h = hits();
        assert_eq!(h.len(), 1);
        assert_eq!(
            (h[0][1], h[0][2], h[0][3], h[0][4]),
            (file.as_ptr() as u64, func.as_ptr() as u64, 42, module.as_ptr() as u64),
            "four arguments in %rdi, %rsi, %rdx, %rcx"
        );
        disable(saved);

        let saved = enable(probe_named(&d.probes, "gc-done"));
        assert!(gc_done_site(i64::MIN + 5));
        assert_eq!(
            hits().iter().map(|h| h[1] as i64).collect::<Vec<_>>(),
            [i64::MIN + 5],
            "a long in %rdi"
        );
        disable(saved);
        assert!(!gc_done_site(1));
        assert!(hits().is_empty());
    }

    /// On Linux there is no helper device: registration says so and the
    /// program carries on.
    #[test]
    fn registration_fails_quietly_without_a_kernel() {
        let e = sonde_arch::register().unwrap_err();
        assert!(e.contains("no DTrace helper device"), "{e}");
    }
}
