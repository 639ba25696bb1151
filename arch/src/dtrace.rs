//! DTrace USDT on illumos, FreeBSD and macOS: the probe sites build.rs emits,
//! read back from the binary, turned into DOF and handed to the kernel.
//!
//! # The sites
//!
//! Each `enabled()` and `fire()` is inline asm that leaves the instruction
//! sequence `dtrace -G` leaves where a C program called a probe (see
//! `emit_dtrace` in build.rs) and appends a 16-byte record to a retained
//! section: the site's address, the probe's index in [`crate::PROBES`], and
//! whether it is an is-enabled site. [`records`] reads the section through
//! its start and stop symbols (`__start_set_sonde_dtrace_sites` on ELF,
//! `section$start$__DATA$__sonde_sites` from ld64 on Mach-O). Every record
//! is one copy of the asm, so a probe inlined in five places has five sites.
//!
//! # The DOF
//!
//! [`dof`] builds one provider, `python`, from those sites with
//! [`crate::dof::build`]: every site of a probe is an offset from the
//! probe's lowest site, all under one function name, [`FUNCTION`]. One
//! `dof_probe_t` per probe (not per Rust function) keeps each is-enabled
//! site with its probe: when `fire()` is outlined into a helper, the
//! is-enabled check and the site are in different functions, and DTrace
//! patches only the is-enabled sites of the probes it enables.
//! The addresses are absolute (the DOF is built in the running process), so
//! the DOF needs no relocation section.
//!
//! # Registration
//!
//! [`register`] opens the helper device and issues `DTRACEHIOC_ADDDOF` with
//! a `dof_helper_t` naming the module (the file the sites are in), its load
//! address and the DOF, once per process:
//!
//! | OS      | device               | request                                    | DOF |
//! |---------|----------------------|--------------------------------------------|-----|
//! | illumos | `/dev/dtrace/helper` | `('d'<<24 \| 't'<<16 \| 'h'<<8) \| 3`, returns the generation | v2 |
//! | FreeBSD | `/dev/dtrace/helper` | `_IOWR('z', 3, dof_helper_t)`; the struct adds `dofhp_pid` (in) and `dofhp_gen` (out) | v2 |
//! | macOS   | `/dev/dtracehelper`  | `_IOW('h', 4, user_addr_t)`: a pointer to `dof_ioctl_data_t` {count, helpers}; the generation comes back in `dofhp_dof` | v3 |
//!
//! On illumos and FreeBSD the provider is removed at exit
//! (`DTRACEHIOC_REMOVE` with the generation, from an `atexit` handler), as
//! their `drti.o` does; macOS's kernel drops a process's helpers when it
//! exits, which is what dyld relies on too.
//!
//! macOS has two ways in: ld64 turns calls to `___dtrace_probe$…` symbols
//! into NOPs and writes a `__dof_*` section that dyld registers, or a
//! program registers DOF itself through `/dev/dtracehelper`. sonde does the
//! latter, for three reasons: the linker route works only with Apple's ld64
//! (ld64.lld and other linkers leave the symbols undefined and the link
//! fails), it would give macOS a second probe mechanism with its own stubs
//! and stability symbols where this one shares the sites, the DOF builder
//! and its tests with illumos and FreeBSD, and the DOF here is built from
//! the sites actually in the binary, whatever the linker kept. Darwin's
//! kernel accepts only DOF version 3, which has version 2's layout. Its lazy
//! DOF mode reads the DOF from the process's memory later, so the buffer is
//! kept for the life of the process.
//!
//! Registration runs when the binary is loaded (an `.init_array` /
//! `__mod_init_func` entry, as `drti.o`'s `.init` does), so
//! `dtrace -c 'sonde prog.py'` finds the provider when the program reaches
//! `main`; the first `Interpreter` and `sonde::register_probes()` ask again,
//! which does nothing after the first time. A failure (no DTrace in the
//! kernel, no permission on the device) changes nothing for the program:
//! `enabled()` stays false. With `SONDE_DEBUG` set, the outcome is printed
//! on stderr, one line beginning `sonde: dtrace:`.

use crate::dof;
use std::sync::atomic::AtomicU64;
use std::sync::OnceLock;

/// The function name every probe is listed under (`dtrace -l`'s FUNCTION
/// column). Scripts leave it empty: `python$target:::function-entry`.
pub const FUNCTION: &str = "vm";

/// One site as the asm records it.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct SiteRecord {
    /// The address of the instruction the kernel traps.
    pub addr: u64,
    /// Index into [`crate::PROBES`].
    pub probe: u32,
    /// 1 for an is-enabled site, 0 for the probe itself.
    pub is_enabled: u32,
}

/// A record with address 0 that guarantees the section, and so its start
/// and stop symbols, exist in every link. Atomics make it writable data, as
/// the asm's `"aw"` records are: one set of section flags.
#[repr(C)]
struct Anchor([AtomicU64; 2]);

#[used]
#[cfg_attr(not(target_os = "macos"), link_section = "set_sonde_dtrace_sites")]
#[cfg_attr(target_os = "macos", link_section = "__DATA,__sonde_sites,regular,no_dead_strip")]
static ANCHOR: Anchor = Anchor([AtomicU64::new(0), AtomicU64::new(0)]);

extern "C" {
    #[cfg_attr(not(target_os = "macos"), link_name = "__start_set_sonde_dtrace_sites")]
    #[cfg_attr(target_os = "macos", link_name = "\x01section$start$__DATA$__sonde_sites")]
    static SITES_START: SiteRecord;
    #[cfg_attr(not(target_os = "macos"), link_name = "__stop_set_sonde_dtrace_sites")]
    #[cfg_attr(target_os = "macos", link_name = "\x01section$end$__DATA$__sonde_sites")]
    static SITES_STOP: SiteRecord;
}

/// Every record in the binary, the anchor's included.
pub fn records() -> &'static [SiteRecord] {
    std::hint::black_box(&ANCHOR);
    let start = std::ptr::addr_of!(SITES_START);
    let stop = std::ptr::addr_of!(SITES_STOP);
    let n = (stop as usize).saturating_sub(start as usize) / std::mem::size_of::<SiteRecord>();
    // SAFETY: the linker defines the two symbols at the start and end of the
    // section that holds only 16-byte, 8-aligned records (the asm's and the
    // anchor's), so the range is n valid records; they are written by the
    // dynamic loader's relocation before any code runs and never again.
    unsafe { std::slice::from_raw_parts(start, n) }
}

/// The sites of this binary, as the DOF builder takes them.
pub fn sites() -> Vec<dof::Site<'static>> {
    records()
        .iter()
        .filter(|r| r.addr != 0 && (r.probe as usize) < crate::PROBES.len())
        .map(|r| dof::Site {
            probe: r.probe as usize,
            addr: r.addr,
            func: FUNCTION,
            is_enabled: r.is_enabled != 0,
        })
        .collect()
}

/// The DOF version this OS's kernel takes: Darwin only 3, the others 2.
pub const DOF_VERSION: u8 = if cfg!(target_os = "macos") { 3 } else { 2 };

/// The `python` provider's DOF for this process.
pub fn dof() -> Vec<u8> {
    dof_of(&sites())
}

/// The `python` provider's DOF for `sites`.
fn dof_of(sites: &[dof::Site]) -> Vec<u8> {
    let decls = dof::python_decls(crate::PROBES);
    dof::build_version("python", dof::PYTHON_ATTRS, &decls, sites, DOF_VERSION)
}

/// What registration did.
#[derive(Debug, Clone)]
pub struct Registered {
    /// The helper device the DOF went to.
    pub device: &'static str,
    /// The module name the probes are listed under.
    pub module: String,
    /// Probes in the provider (those with at least one site).
    pub probes: usize,
    /// Sites recorded in the binary.
    pub sites: usize,
    /// The kernel's handle for this DOF.
    pub generation: i64,
}

static STATE: OnceLock<Result<Registered, String>> = OnceLock::new();

/// Register the provider with the kernel, once per process; later calls
/// return the first outcome.
pub fn register() -> &'static Result<Registered, String> {
    STATE.get_or_init(|| {
        let sites = sites();
        let probes = {
            let mut p: Vec<usize> = sites.iter().filter(|s| !s.is_enabled).map(|s| s.probe).collect();
            p.sort_unstable();
            p.dedup();
            p.len()
        };
        let r = platform::register(&sites, probes);
        if std::env::var_os("SONDE_DEBUG").is_some_and(|v| !v.is_empty()) {
            match &r {
                Ok(g) => eprintln!(
                    "sonde: dtrace: registered provider python ({} probes, {} sites, module {}) with {}, generation {}",
                    g.probes, g.sites, g.module, g.device, g.generation
                ),
                Err(e) => eprintln!(
                    "sonde: dtrace: not registered: {e} (provider python: {probes} probes, {} sites)",
                    sites.len()
                ),
            }
        }
        r
    })
}

/// Runs registration when the binary is loaded, before `main`, as
/// `drti.o`'s `.init` section does for `dtrace -G` programs.
#[used]
#[cfg_attr(not(target_os = "macos"), link_section = ".init_array")]
#[cfg_attr(target_os = "macos", link_section = "__DATA,__mod_init_func,mod_init_funcs")]
static REGISTER_AT_LOAD: extern "C" fn() = register_at_load;

extern "C" fn register_at_load() {
    let _ = register();
}

/// The module (file) the sites are in and its load address, for
/// `dof_helper_t`.
#[cfg(any(target_os = "illumos", target_os = "solaris", target_os = "freebsd", target_os = "macos"))]
fn module_of(addr: u64) -> (String, u64) {
    // SAFETY: Dl_info is plain data the call fills; dladdr reads no memory
    // of ours but the address it is given, which is in our own text.
    let mut info: libc::Dl_info = unsafe { std::mem::zeroed() };
    // SAFETY: as above; `info` is a valid out-pointer.
    let found = unsafe { libc::dladdr(addr as usize as *const libc::c_void, &mut info) } != 0;
    if !found || info.dli_fname.is_null() {
        return ("sonde".to_string(), 0);
    }
    // SAFETY: dladdr returned a NUL-terminated path owned by the loader.
    let path = unsafe { std::ffi::CStr::from_ptr(info.dli_fname) }.to_string_lossy().into_owned();
    let base = path.rsplit('/').next().unwrap_or("sonde").to_string();
    (base, info.dli_fbase as usize as u64)
}

/// `dof_helper_t`: module name, its base address, the DOF's address; on
/// FreeBSD also the target pid and the generation the kernel writes back.
#[cfg(any(target_os = "illumos", target_os = "solaris", target_os = "freebsd", target_os = "macos"))]
#[repr(C)]
struct DofHelper {
    module: [libc::c_char; 64],
    addr: u64,
    dof: u64,
    #[cfg(target_os = "freebsd")]
    pid: libc::pid_t,
    #[cfg(target_os = "freebsd")]
    generation: libc::c_int,
}

#[cfg(target_os = "freebsd")]
const _: () = assert!(std::mem::size_of::<DofHelper>() == 88);
#[cfg(any(target_os = "illumos", target_os = "solaris", target_os = "macos"))]
const _: () = assert!(std::mem::size_of::<DofHelper>() == 80);

/// The DOF handed to the kernel, kept for the life of the process (Darwin's
/// lazy mode reads it later), 8-aligned as DOF's sections expect.
#[cfg(any(target_os = "illumos", target_os = "solaris", target_os = "freebsd", target_os = "macos"))]
static KEPT_DOF: OnceLock<Vec<u64>> = OnceLock::new();

#[cfg(any(target_os = "illumos", target_os = "solaris", target_os = "freebsd", target_os = "macos"))]
mod platform {
    use super::{module_of, DofHelper, Registered, KEPT_DOF};

    #[cfg(any(target_os = "illumos", target_os = "solaris"))]
    mod os {
        pub const DEVICE: &str = "/dev/dtrace/helper";
        const DTRACEHIOC: u32 = (b'd' as u32) << 24 | (b't' as u32) << 16 | (b'h' as u32) << 8;
        pub const ADDDOF: u32 = DTRACEHIOC | 3;
        pub const REMOVE: u32 = DTRACEHIOC | 2;
    }
    #[cfg(target_os = "freebsd")]
    mod os {
        pub const DEVICE: &str = "/dev/dtrace/helper";
        /// `_IOWR('z', 3, dof_helper_t)`: in and out, 88 bytes.
        pub const ADDDOF: u32 = 0xc000_0000 | (88 << 16) | ((b'z' as u32) << 8) | 3;
        /// `_IOW('z', 2, int)`.
        pub const REMOVE: u32 = 0x8000_0000 | (4 << 16) | ((b'z' as u32) << 8) | 2;
    }
    #[cfg(target_os = "macos")]
    mod os {
        pub const DEVICE: &str = "/dev/dtracehelper";
        /// `_IOW('h', 4, user_addr_t)`: in, 8 bytes.
        pub const ADDDOF: u32 = 0x8000_0000 | (8 << 16) | ((b'h' as u32) << 8) | 4;
    }

    /// `dof_ioctl_data_t` (Darwin): a count, then that many helpers.
    #[cfg(target_os = "macos")]
    #[repr(C)]
    struct DofIoctlData {
        count: u64,
        helpers: [DofHelper; 1],
    }

    fn open_device() -> Result<libc::c_int, String> {
        let path = std::ffi::CString::new(os::DEVICE).expect("device path has no NUL");
        // SAFETY: a NUL-terminated path and plain flags.
        let fd = unsafe { libc::open(path.as_ptr(), libc::O_RDWR) };
        if fd < 0 {
            return Err(format!("open {}: {}", os::DEVICE, std::io::Error::last_os_error()));
        }
        Ok(fd)
    }

    pub fn register(sites: &[crate::dof::Site], probes: usize) -> Result<Registered, String> {
        let Some(first) = sites.iter().map(|s| s.addr).min() else {
            return Err("no probe sites in this binary".to_string());
        };
        let bytes = super::dof_of(sites);
        let mut words = vec![0u64; bytes.len().div_ceil(8)];
        for (i, chunk) in bytes.chunks(8).enumerate() {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            words[i] = u64::from_ne_bytes(w);
        }
        let dof_addr = KEPT_DOF.get_or_init(|| words).as_ptr() as usize as u64;
        let (module, base) = module_of(first);
        let mut helper = DofHelper {
            module: [0; 64],
            addr: base,
            dof: dof_addr,
            #[cfg(target_os = "freebsd")]
            // SAFETY: getpid has no preconditions.
            pid: unsafe { libc::getpid() },
            #[cfg(target_os = "freebsd")]
            generation: 0,
        };
        for (d, s) in helper.module.iter_mut().zip(module.bytes().take(63)) {
            *d = s as libc::c_char;
        }
        let fd = open_device()?;
        let generation = add(fd, helper);
        // SAFETY: fd is ours and open.
        unsafe { libc::close(fd) };
        let generation = generation?;
        #[cfg(not(target_os = "macos"))]
        remove_at_exit(generation);
        Ok(Registered {
            device: os::DEVICE,
            module,
            probes,
            sites: sites.len(),
            generation,
        })
    }

    #[cfg(any(target_os = "illumos", target_os = "solaris"))]
    fn add(fd: libc::c_int, mut helper: DofHelper) -> Result<i64, String> {
        // SAFETY: the request takes a pointer to a dof_helper_t, which
        // `helper` is; its `dof` points at the kept DOF.
        let rc = unsafe { libc::ioctl(fd, os::ADDDOF as _, &mut helper as *mut DofHelper) };
        if rc < 0 {
            return Err(format!("ioctl DTRACEHIOC_ADDDOF: {}", std::io::Error::last_os_error()));
        }
        Ok(i64::from(rc))
    }

    #[cfg(target_os = "freebsd")]
    fn add(fd: libc::c_int, mut helper: DofHelper) -> Result<i64, String> {
        // SAFETY: the request takes a pointer to FreeBSD's 88-byte
        // dof_helper_t, which `helper` is; the kernel writes dofhp_gen.
        let rc = unsafe { libc::ioctl(fd, os::ADDDOF as _, &mut helper as *mut DofHelper) };
        if rc < 0 {
            return Err(format!("ioctl DTRACEHIOC_ADDDOF: {}", std::io::Error::last_os_error()));
        }
        Ok(i64::from(helper.generation))
    }

    #[cfg(target_os = "macos")]
    fn add(fd: libc::c_int, helper: DofHelper) -> Result<i64, String> {
        let mut data = DofIoctlData {
            count: 1,
            helpers: [helper],
        };
        let mut user_addr: u64 = &mut data as *mut DofIoctlData as usize as u64;
        // SAFETY: the request takes a pointer to a user_addr_t holding the
        // address of a dof_ioctl_data_t with `count` helpers, which `data` is.
        let rc = unsafe { libc::ioctl(fd, os::ADDDOF as _, &mut user_addr as *mut u64) };
        if rc < 0 {
            return Err(format!("ioctl DTRACEHIOC_ADDDOF: {}", std::io::Error::last_os_error()));
        }
        Ok(data.helpers[0].dof as i64)
    }

    #[cfg(not(target_os = "macos"))]
    static GENERATION: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(-1);

    #[cfg(not(target_os = "macos"))]
    fn remove_at_exit(generation: i64) {
        GENERATION.store(generation as i32, std::sync::atomic::Ordering::Relaxed);
        // SAFETY: registers a plain extern "C" function with no captures.
        unsafe { libc::atexit(remove) };
    }

    #[cfg(not(target_os = "macos"))]
    extern "C" fn remove() {
        let mut generation = GENERATION.load(std::sync::atomic::Ordering::Relaxed);
        if generation < 0 {
            return;
        }
        let Ok(fd) = open_device() else { return };
        // illumos takes the generation as the argument, FreeBSD a pointer to it.
        #[cfg(target_os = "freebsd")]
        // SAFETY: `_IOW('z', 2, int)` reads one int through the pointer.
        let _ = unsafe { libc::ioctl(fd, os::REMOVE as _, &mut generation as *mut libc::c_int) };
        #[cfg(not(target_os = "freebsd"))]
        // SAFETY: DTRACEHIOC_REMOVE takes the generation by value.
        let _ = unsafe { libc::ioctl(fd, os::REMOVE as _, generation as libc::intptr_t) };
        generation = -1;
        GENERATION.store(generation, std::sync::atomic::Ordering::Relaxed);
        // SAFETY: fd is ours and open.
        unsafe { libc::close(fd) };
    }
}

/// Elsewhere (Linux, where this backend is built only to test it with
/// `SONDE_PROBES_BACKEND=dtrace`) there is no helper device to take DOF.
#[cfg(not(any(target_os = "illumos", target_os = "solaris", target_os = "freebsd", target_os = "macos")))]
mod platform {
    pub fn register(_sites: &[crate::dof::Site], _probes: usize) -> Result<super::Registered, String> {
        Err(format!(
            "{} has no DTrace helper device; this build's DTrace backend is for testing",
            std::env::consts::OS
        ))
    }
}
