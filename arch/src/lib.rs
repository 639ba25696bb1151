//! Per-platform probe emission for sonde, behind one small API.
//!
//! For every probe of `provider/python.d` this crate has a module with
//! `enabled()` (is a tracer attached?) and `fire(args)`. The VM calls `fire`
//! only inside `if enabled()`, and computes arguments only there, so an idle
//! probe costs one predictable branch.
//!
//! Backends (chosen by build.rs, in one place, from the target and the
//! `probes` feature):
//! - Linux on x86_64 and aarch64: SDT probes (`.note.stapsdt` v3 notes with
//!   typed argument specs and one `python_<probe>_semaphore` per probe in
//!   `.probes`), as sys/sdt.h makes them, so bpftrace, stap and gdb see them.
//! - illumos, FreeBSD and macOS on x86_64 and aarch64: DTrace USDT sites
//!   (the instructions `dtrace -G` leaves) recorded in a retained section,
//!   from which [`dtrace`] builds DOF and registers it with the kernel's
//!   helper device at load time.
//! - everything else, and `--no-default-features`: `enabled()` is a constant
//!   false and every probe compiles to nothing.
//!
//! `SONDE_PROBES_BACKEND=dtrace` at build time selects the DTrace backend on
//! Linux too, where it is built only to be tested.

#![warn(clippy::undocumented_unsafe_blocks)]

pub mod dof;
#[cfg(sonde_dtrace)]
pub mod dtrace;

include!(concat!(env!("OUT_DIR"), "/probes.rs"));

/// Make this process's probes visible to tracers. With the DTrace backend
/// this registers the provider's DOF with the kernel, once per process (it
/// also runs when the binary is loaded); Linux's SDT notes need nothing, and
/// a build without probes has nothing to register. An error says why
/// `dtrace` will not see the probes; the program runs the same either way.
pub fn register() -> Result<(), String> {
    #[cfg(sonde_dtrace)]
    {
        dtrace::register().as_ref().map(|_| ()).map_err(Clone::clone)
    }
    #[cfg(not(sonde_dtrace))]
    {
        Ok(())
    }
}
